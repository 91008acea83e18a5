"""Writing deliverables as spreadsheets (openpyxl) and PDFs (fpdf2, with a CJK font found at run time).

The PDF needs a font with Chinese in it. Slate looks for Noto Sans CJK (Debian: `fonts-noto-cjk`)
through fontconfig, then in the usual font folders, preferring the Hong Kong face, then Traditional;
without one, a PDF with Chinese text is refused with one sentence saying what to install (an XLSX
needs no font).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from core.errors import ConfigError
from core.paths import atomic_write_bytes
from tools.subtitles.text import has_cjk

FACE_PREFERENCE = ("Noto Sans CJK HK", "Noto Sans CJK TC", "Noto Sans CJK SC", "Noto Sans CJK JP")
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".local/share/fonts"))
# Face order inside Debian's NotoSansCJK-*.ttc, for when fontconfig is not there to say.
TTC_INDEX = {
    "Noto Sans CJK JP": 0,
    "Noto Sans CJK KR": 1,
    "Noto Sans CJK SC": 2,
    "Noto Sans CJK TC": 3,
    "Noto Sans CJK HK": 4,
}


@dataclass(frozen=True)
class Table:
    """One table of a document: a title, column headers, rows, and relative column widths."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str | int | None]]
    widths: Sequence[float]


@dataclass(frozen=True)
class FontFace:
    path: str
    index: int


@cache
def find_cjk_font(bold: bool = False) -> FontFace | None:
    """A Noto Sans CJK face (file and index in the collection), or None when none is installed."""
    weight = "Bold" if bold else "Regular"
    if shutil.which("fc-list"):
        listing = subprocess.run(
            ["fc-list", ":", "family", "file", "index", "style"], capture_output=True, text=True, check=False
        ).stdout
        for face in FACE_PREFERENCE:
            for line in listing.splitlines():
                if face in line and weight in line and (m := re.search(r":index=(\d+)", line)):
                    return FontFace(line.split(":")[0], int(m.group(1)))
    for folder in FONT_DIRS:
        for path in (
            sorted(Path(folder).glob(f"**/NotoSansCJK-{weight}.tt[cf]")) if Path(folder).is_dir() else []
        ):
            return FontFace(str(path), TTC_INDEX["Noto Sans CJK HK"] if path.suffix == ".ttc" else 0)
    return None


def write_xlsx(path: Path, tables: Sequence[Table]) -> Path:
    """One sheet per table: bold header, frozen header row, wrapped text, widths from the table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for table in tables:
        name = _sheet_name(table.title, used)
        sheet = book.create_sheet(name)
        sheet.append(list(table.headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(["" if value is None else value for value in row])
        for column, width in enumerate(table.widths, 1):
            sheet.column_dimensions[sheet.cell(1, column).column_letter].width = max(6.0, width * 1.2)
        for row_cells in sheet.iter_rows(min_row=2):
            for cell in row_cells:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    atomic_write_bytes(path, buffer.getvalue())
    return path


def _sheet_name(title: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:28] or "Sheet"
    name, n = base, 2
    while name.casefold() in used:
        name, n = f"{base[:25]} {n}", n + 1
    used.add(name.casefold())
    return name


def write_pdf(path: Path, title: str, tables: Sequence[Table]) -> Path:
    """A landscape A4 PDF: the title, then each table under its own heading (repeated headers on
    every page). Chinese is drawn with a Noto Sans CJK face."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace as PdfFace

    needs_cjk = has_cjk(title) or any(has_cjk(str(v)) for t in tables for row in t.rows for v in row if v)
    regular, bold = find_cjk_font(), find_cjk_font(bold=True)
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.set_title(title)
    pdf.set_creator("Slate")
    if regular is not None:
        pdf.add_font("cjk", "", regular.path, collection_font_number=regular.index)
        face = bold or regular
        pdf.add_font("cjk", "B", face.path, collection_font_number=face.index)
        family = "cjk"
    elif needs_cjk:
        raise ConfigError(
            "A PDF with Chinese needs a CJK font and none is installed: install fonts-noto-cjk "
            "(or write the XLSX instead)"
        )
    else:
        family = "helvetica"
    pdf.add_page()
    pdf.set_font(family, "B", 14)
    pdf.cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    for n, table in enumerate(tables):
        if n and len(tables) > 1:
            pdf.add_page()
        if len(tables) > 1 or table.title != title:
            pdf.set_font(family, "B", 11)
            pdf.cell(0, 8, table.title, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, "", 8)
        with pdf.table(
            col_widths=tuple(table.widths),
            headings_style=PdfFace(emphasis="BOLD", fill_color=(225, 225, 225)),
            line_height=4.2,
            repeat_headings=1,
            text_align="LEFT",
        ) as grid:
            head = grid.row()
            for header in table.headers:
                head.cell(header)
            for values in table.rows:
                row = grid.row()
                for value in values:
                    row.cell("" if value is None else str(value))
    atomic_write_bytes(path, bytes(pdf.output()))
    return path
