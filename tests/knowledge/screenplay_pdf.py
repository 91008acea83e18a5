"""Write screenplay-formatted PDFs for tests (fpdf2): the standard margins of a US-letter script."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF

# Left edges in inches: action/heading 1.5, dialogue 2.5, parenthetical 3.1, cue 3.7; transitions
# end at 7.5.
COLUMNS = {"action": 1.5, "heading": 1.5, "dialogue": 2.5, "parenthetical": 3.1, "character": 3.7}
CJK_FONTS = [
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"),
]


def cjk_font() -> Path | None:
    return next((path for path in CJK_FONTS if path.exists()), None)


def write_script_pdf(
    path: Path,
    pages: Sequence[Sequence[tuple[str, str]]],
    *,
    title: Sequence[str] = (),
    numbered: bool = True,
    font: Path | None = None,
    user_password: str | None = None,
) -> Path:
    """Each page is a list of (kind, text): kind is heading/action/character/parenthetical/
    dialogue/transition/blank/more. Pages after the first carry a running `N.` page number."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_auto_page_break(False)
    if font is not None:
        pdf.add_font("cjk", "", str(font), collection_font_number=2)
        family = "cjk"
    else:
        family = "Courier"
    pdf.set_font(family, size=12)
    if title:
        pdf.add_page()
        y = 250.0
        for line in title:
            pdf.set_xy(0, y)
            pdf.cell(612, 12, line, align="C")
            y += 24
    for number, page in enumerate(pages, start=1):
        pdf.add_page()
        if numbered and number > 1:
            pdf.set_xy(6.5 * 72, 36)
            pdf.cell(72, 12, f"{number}.", align="R")
        y = 72.0
        for kind, text in page:
            if kind == "blank":
                y += 12
                continue
            if kind == "transition":
                pdf.set_xy(1.5 * 72, y)
                pdf.cell(6 * 72, 12, text, align="R")
            elif kind == "more":
                pdf.set_xy(COLUMNS["character"] * 72, y)
                pdf.cell(200, 12, "(MORE)")
            else:
                pdf.set_xy(COLUMNS[kind] * 72, y)
                pdf.cell(400, 12, text)
            y += 12
    if user_password is not None:
        pdf.set_encryption(owner_password="owner", user_password=user_password)
    pdf.output(str(path))
    return path
