"""Breakdown sheets as crews know them (one a scene: header, then a box per category in the
industry's colours) as XLSX, HTML and PDF; the flat element list as CSV/JSON/XLSX for editing."""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

from core.errors import SlateError
from tools.breakdown.model import (
    CATEGORIES,
    CATEGORY_COLOURS,
    CATEGORY_LABELS,
    CATEGORY_MARKS,
    Breakdown,
    BreakdownElement,
    Category,
    SceneBreakdown,
)
from tools.table_files import csv_text as table_csv_text
from tools.table_files import workbook_bytes

ExportFormat = Literal["xlsx", "html", "pdf", "csv", "json"]
SHEET_CATEGORIES: tuple[Category, ...] = tuple(c for c in CATEGORIES if c != "notes")
CJK_FONT_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto", "/usr/share/fonts")
FLAT_HEADER = ("Scene", "Category", "Element", "Count", "Character", "Detail", "Remove", "Source")


class MissingFont(SlateError):
    """No CJK font on this machine, so a PDF cannot show Chinese."""


def _text_colour(fill: str) -> str:
    r, g, b = (int(fill[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if (r * 299 + g * 587 + b * 114) / 1000 > 150 else "#FFFFFF"


def header_fields(sheet: SceneBreakdown) -> list[tuple[str, str]]:
    return [
        ("Scene 場", sheet.scene),
        ("Set 場景", sheet.set or sheet.heading),
        ("I/E 內外", sheet.int_ext or ""),
        ("D/N 日夜", sheet.time_of_day or ""),
        ("Pages 頁數", sheet.pages),
        ("Story day 故事日", sheet.story_day or ""),
        ("Page 頁", str(sheet.page)),
    ]


# Marks an element the coordinator added or changed. A dagger, because Noto Sans CJK has it (the
# PDF's only font; a pencil ✎ would print as an empty box).
EDITED_MARK = "†"
EDITED_LEGEND = "† added or changed by the coordinator 統籌修改"


def box_label(category: Category) -> str:
    """A box's name, after the shape the code marks its category with (`○ Wardrobe 服裝`)."""
    mark = CATEGORY_MARKS.get(category)
    return f"{mark} {CATEGORY_LABELS[category]}" if mark else CATEGORY_LABELS[category]


def element_label(element: BreakdownElement) -> str:
    return element.text() + (f" {EDITED_MARK}" if element.edited else "")


def flat_rows(breakdown: Breakdown) -> list[list[object]]:
    rows: list[list[object]] = []
    for sheet in breakdown.scenes:
        for e in sheet.elements:
            source = "; ".join(s.label() + f" ({s.origin})" for s in e.sources[:3])
            rows.append(
                [sheet.scene, e.category, e.name, e.count or "", e.character or "", e.detail, "", source]
            )
    return rows


def csv_text(breakdown: Breakdown) -> str:
    return "\ufeff" + table_csv_text([h.lower() for h in FLAT_HEADER], flat_rows(breakdown))


def xlsx_bytes(breakdown: Breakdown) -> bytes:
    """An `Elements` sheet (edit and import it back) and one breakdown sheet per scene."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    flat = book.active
    assert flat is not None
    flat.title = "Elements"
    flat.append(list(FLAT_HEADER))
    for cell in flat[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
    for values in flat_rows(breakdown):
        flat.append(values)
    for column, width in zip("ABCDEFGH", (8, 14, 30, 7, 14, 30, 8, 50), strict=True):
        flat.column_dimensions[column].width = width
    flat.freeze_panes = "A2"
    flat.auto_filter.ref = flat.dimensions
    flat.page_setup.orientation = "landscape"  # printed, the list is pages long but one page wide
    flat.sheet_properties.pageSetUpPr.fitToPage = True
    flat.page_setup.fitToWidth = 1
    flat.page_setup.fitToHeight = 0
    for sheet in breakdown.scenes:
        _xlsx_sheet(book.create_sheet(f"Sc {sheet.scene}"[:31]), breakdown, sheet)
    return workbook_bytes(book)


# A scene's sheet: two columns of boxes, each an element and its detail (A:B, D:E), C a gap; the
# header above as label / value pairs in the same columns, so no value lands in a narrow cell.
XLSX_WIDTHS = {"A": 30, "B": 26, "C": 3, "D": 30, "E": 26}
XLSX_HEADER_LEFT = ("Scene 場", "Set 場景", "Page 頁", "Story day 故事日")
XLSX_BOXES_TOP = 8


def _xlsx_sheet(ws: Any, breakdown: Breakdown, sheet: SceneBreakdown) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    ws.append([f"{breakdown.title or breakdown.script} — BREAKDOWN SHEET 分場拆解表"])
    ws.merge_cells("A1:E1")
    ws["A1"].font = Font(bold=True, size=14)
    ws.row_dimensions[1].height = 24
    grey = PatternFill("solid", fgColor="E6E6E6")
    fields = header_fields(sheet)
    left = [f for f in fields if f[0] in XLSX_HEADER_LEFT]
    right = [f for f in fields if f[0] not in XLSX_HEADER_LEFT]
    for offset, fields_row in enumerate(zip(left, [*right, ("", "")], strict=False)):
        for column, (label, value) in zip((1, 4), fields_row, strict=True):
            if label:
                ws.cell(row=2 + offset, column=column, value=label).fill = grey
                ws.cell(row=2 + offset, column=column).font = Font(bold=True, size=9)
                ws.cell(row=2 + offset, column=column + 1, value=value)
    ws["B2"].font = Font(bold=True, size=12)
    ws.cell(row=6, column=1, value="Synopsis 劇情").fill = grey
    ws.cell(row=6, column=1).font = Font(bold=True, size=9)
    ws.cell(row=6, column=2, value=sheet.synopsis or sheet.heading)
    ws.merge_cells(start_row=6, start_column=2, end_row=6, end_column=5)
    top = XLSX_BOXES_TOP
    for index in range(0, len(SHEET_CATEGORIES), 2):
        pair = SHEET_CATEGORIES[index : index + 2]
        for category, column in zip(pair, (1, 4), strict=False):
            _xlsx_box(ws, top, column, category, sheet)
        top += 2 + max(max(1, len(sheet.of(c))) for c in pair)
    notes = [e.name for e in sheet.of("notes")]
    ws.cell(row=top, column=1, value="Notes 備註: " + " | ".join(notes))
    ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=5)
    if any(e.edited for e in sheet.elements):
        ws.cell(row=top + 1, column=1, value=EDITED_LEGEND).font = Font(size=8, color="666666")
    for letter, width in XLSX_WIDTHS.items():
        ws.column_dimensions[letter].width = width
    for line in ws.iter_rows():
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    _xlsx_row_heights(ws)
    ws.page_setup.orientation = "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # both columns of boxes on one page
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


def _xlsx_box(ws: Any, row: int, column: int, category: Category, sheet: SceneBreakdown) -> None:
    from openpyxl.styles import Border, Font, PatternFill, Side

    fill = CATEGORY_COLOURS[category]
    head = ws.cell(row=row, column=column, value=box_label(category))
    ws.merge_cells(start_row=row, start_column=column, end_row=row, end_column=column + 1)
    head.fill = PatternFill("solid", fgColor=fill[1:])
    head.font = Font(bold=True, color=_text_colour(fill)[1:])
    edge = Side(style="thin", color=fill[1:])
    for offset, element in enumerate(sheet.of(category), start=1):
        ws.cell(row=row + offset, column=column, value=element_label(element)).border = Border(left=edge)
        ws.cell(row=row + offset, column=column + 1, value=element.detail)


def _display_width(text: str) -> int:
    """Columns a text takes in a cell: CJK and full-width characters count two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _xlsx_row_heights(ws: Any) -> None:
    """Rows tall enough for their wrapped text: a workbook stores no heights unless told, and a
    spreadsheet that does not measure on opening shows one line of a long detail or synopsis."""
    from openpyxl.utils import get_column_letter

    merged = {r.start_cell.coordinate: r for r in ws.merged_cells.ranges}
    for line in ws.iter_rows(min_row=2):
        lines = 1
        for cell in line:
            if not isinstance(cell.value, str) or not cell.value:
                continue
            span = merged.get(cell.coordinate)
            letters = (
                [get_column_letter(c) for c in range(span.min_col, span.max_col + 1)]
                if span
                else [cell.column_letter]
            )
            width = sum(XLSX_WIDTHS.get(letter, 10) for letter in letters)
            lines = max(lines, -(-_display_width(cell.value) * 11 // (width * 10)))
        if lines > 1:
            ws.row_dimensions[line[0].row].height = 15 * lines


def html_text(breakdown: Breakdown) -> str:
    """One sheet per scene, printable (a page each)."""
    e = html.escape
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>Breakdown</title><style>",
        "body{font-family:'Noto Sans CJK HK','Noto Sans CJK TC',sans-serif;margin:1em}"
        ".sheet{page-break-after:always;border:2px solid #333;padding:10px;margin-bottom:2em;max-width:900px}"
        "table.head{border-collapse:collapse;width:100%}table.head td,table.head th{border:1px solid #999;"
        "padding:3px 6px;font-size:12px;text-align:left}.boxes{display:grid;grid-template-columns:1fr 1fr;gap:6px;"
        "margin-top:8px}.box{border:1px solid #999;min-height:3em}.box h3{margin:0;padding:2px 6px;font-size:12px}"
        ".box ul{margin:2px 0 4px 1.2em;padding:0;font-size:12px}.src{color:#777;font-size:10px}",
        "</style></head><body>",
        f"<h1>{e(breakdown.title or breakdown.script)} — Breakdown 分場拆解</h1>",
    ]
    for sheet in breakdown.scenes:
        heads = "".join(f"<th>{e(k)}</th>" for k, _ in header_fields(sheet))
        values = "".join(f"<td>{e(v)}</td>" for _, v in header_fields(sheet))
        parts.append(f"<section class='sheet' id='sc-{e(sheet.scene)}'><table class='head'><tr>{heads}</tr>")
        parts.append(
            f"<tr>{values}</tr><tr><th>Synopsis 劇情</th><td colspan='6'>{e(sheet.synopsis or sheet.heading)}</td></tr></table>"
        )
        parts.append("<div class='boxes'>")
        for category in SHEET_CATEGORIES:
            fill = CATEGORY_COLOURS[category]
            items = "".join(
                f"<li>{e(element_label(x))} <span class='src'>{e(x.sources[0].label() if x.sources else '')}</span></li>"
                for x in sheet.of(category)
            )
            parts.append(
                f"<div class='box'><h3 style='background:{fill};color:{_text_colour(fill)}'>{e(box_label(category))}</h3>"
                f"<ul>{items}</ul></div>"
            )
        notes = " | ".join(e(x.name) for x in sheet.of("notes"))
        legend = f"<p class='src'>{e(EDITED_LEGEND)}</p>" if any(x.edited for x in sheet.elements) else ""
        parts.append(f"</div><p><b>Notes 備註:</b> {notes}</p>{legend}</section>")
    parts.append("</body></html>")
    return "".join(parts)


@cache
def cjk_font() -> tuple[str, int] | None:
    """A Noto Sans CJK font file and the index of its Traditional Chinese face, if installed."""
    from fontTools.ttLib import TTCollection

    for folder in CJK_FONT_DIRS:
        for path in sorted(Path(folder).rglob("NotoSansCJK-Regular.tt*")) if Path(folder).is_dir() else []:
            if path.suffix == ".ttc":
                fonts = TTCollection(str(path)).fonts
                names = [f["name"].getDebugName(1) or "" for f in fonts]
                for wanted in ("HK", "TC"):
                    for index, name in enumerate(names):
                        if name.endswith(wanted):
                            return str(path), index
                return str(path), 0
            return str(path), 0
    return None


def pdf_bytes(breakdown: Breakdown) -> bytes:
    """One breakdown sheet a page (A4), Chinese in Noto Sans CJK."""
    from fpdf import FPDF

    font = cjk_font()
    if font is None:
        raise MissingFont(
            "No CJK font found for the PDF (install fonts-noto-cjk); use XLSX or HTML instead",
            value=", ".join(CJK_FONT_DIRS),
        )
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("cjk", "", font[0], collection_font_number=font[1])
    for sheet in breakdown.scenes:
        _pdf_sheet(pdf, breakdown, sheet)
    return bytes(pdf.output())


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


# The boxes' text shrinks, step by step, until the whole sheet fits its page; only a scene too big
# for the smallest size goes on over a second page (marked "continued"), so nothing is ever cut.
BOX_FONT_SIZES = (7.5, 7.0, 6.5, 6.0, 5.5, 5.0)
PAGE_BOTTOM = 283.0  # mm; the footer line is below it
BOX_WIDTH, BOX_GAP, BOX_HEAD = 93.0, 4.0, 5.5
CONTINUED_TOP = 19.0  # mm; where a continued sheet's boxes start


def _pdf_sheet(pdf: Any, breakdown: Breakdown, sheet: SceneBreakdown) -> None:
    pdf.add_page()
    top = _pdf_header(pdf, breakdown, sheet)
    texts = {c: ", ".join(element_label(x) for x in sheet.of(c)) for c in SHEET_CATEGORIES}
    pairs = [SHEET_CATEGORIES[i : i + 2] for i in range(0, len(SHEET_CATEGORIES), 2)]
    notes = "Notes 備註: " + " | ".join(x.name for x in sheet.of("notes"))

    def needed(size: float) -> float:
        boxes = sum(max(_pdf_box_height(pdf, texts[c], size) for c in pair) + 2 for pair in pairs)
        return boxes + 1 + _pdf_text_height(pdf, notes, 190, size)

    size = next((s for s in BOX_FONT_SIZES if top + needed(s) <= PAGE_BOTTOM), BOX_FONT_SIZES[-1])
    for pair in pairs:
        top = _pdf_pair(pdf, breakdown, sheet, top, pair, texts, size)
    if top + 1 + _pdf_text_height(pdf, notes, 190, size) > PAGE_BOTTOM:
        top = _pdf_continue(pdf, breakdown, sheet)
    pdf.set_xy(10, top + 1)
    pdf.set_font("cjk", size=size)
    pdf.multi_cell(190, _line_height(size), notes, border=1, align="L")
    _pdf_footer(pdf, breakdown, sheet)


def _pdf_header(pdf: Any, breakdown: Breakdown, sheet: SceneBreakdown) -> float:
    """Title, the header strip and the synopsis; returns where the boxes start."""
    pdf.set_font("cjk", size=14)
    pdf.set_xy(10, 10)
    pdf.cell(190, 8, f"{breakdown.title or breakdown.script}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("cjk", size=10)
    pdf.cell(190, 6, "BREAKDOWN SHEET 分場拆解表", new_x="LMARGIN", new_y="NEXT")
    widths = (18, 70, 18, 22, 20, 24, 18)
    y = pdf.get_y() + 1
    pdf.set_fill_color(230, 230, 230)
    x = 10.0
    for (label, value), width in zip(header_fields(sheet), widths, strict=True):
        pdf.set_xy(x, y)
        pdf.set_font("cjk", size=7)
        pdf.cell(width, 5, label, border=1, fill=True)
        _pdf_value(pdf, x, y + 5, width, value, 11 if label.startswith("Scene") else 9)
        x += width
    pdf.set_xy(10, y + 14)
    pdf.set_font("cjk", size=8)
    pdf.multi_cell(190, 4.5, "Synopsis 劇情: " + (sheet.synopsis or sheet.heading), border=1, align="L")
    return float(pdf.get_y()) + 3


def _pdf_continue(pdf: Any, breakdown: Breakdown, sheet: SceneBreakdown) -> float:
    _pdf_footer(pdf, breakdown, sheet)
    pdf.add_page()
    pdf.set_xy(10, 10)
    pdf.set_font("cjk", size=10)
    pdf.cell(190, 6, f"Scene 場 {sheet.scene} (continued 續) — {sheet.set or sheet.heading}")
    return CONTINUED_TOP


def _pdf_footer(pdf: Any, breakdown: Breakdown, sheet: SceneBreakdown) -> None:
    pdf.set_xy(10, 287)
    pdf.set_font("cjk", size=7)
    if any(x.edited for x in sheet.elements):
        pdf.cell(95, 4, EDITED_LEGEND)
        pdf.set_xy(105, 287)
        pdf.cell(95, 4, f"{breakdown.script} · sc. {sheet.scene} · v{breakdown.version or '-'}", align="R")
        return
    pdf.cell(190, 4, f"{breakdown.script} · sc. {sheet.scene} · v{breakdown.version or '-'}", align="R")


def _pdf_value(pdf: Any, x: float, y: float, width: float, value: str, size: float) -> None:
    """A header value in its 8 mm cell: smaller down to 7.5 pt, then on two lines (a long set name)."""
    pdf.rect(x, y, width, 8)
    pdf.set_font("cjk", size=size)
    while size > 7.5 and pdf.get_string_width(value) > width - 2:
        size -= 0.5
        pdf.set_font("cjk", size=size)
    if pdf.get_string_width(value) <= width - 2:
        pdf.set_xy(x, y)
        pdf.cell(width, 8, value)
        return
    pdf.set_font("cjk", size=7)
    lines = pdf.multi_cell(width - 2, 3.4, value, dry_run=True, output="LINES")
    if len(lines) > 2:
        lines = [lines[0], _fit(pdf, "".join(lines[1:]), width)]
    pdf.set_xy(x + 1, y + 0.6)
    pdf.multi_cell(width - 2, 3.4, "\n".join(lines), align="L")


def _fit(pdf: Any, text: str, width: float) -> str:
    if pdf.get_string_width(text) <= width - 2:
        return text
    while text and pdf.get_string_width(text + "…") > width - 2:
        text = text[:-1]
    return text + "…"


def _line_height(size: float) -> float:
    return size * 0.48


def _pdf_text_height(pdf: Any, text: str, width: float, size: float) -> float:
    pdf.set_font("cjk", size=size)
    lines = pdf.multi_cell(width, _line_height(size), text or " ", dry_run=True, output="LINES")
    return len(lines) * _line_height(size)


def _pdf_box_height(pdf: Any, text: str, size: float) -> float:
    return max(BOX_HEAD + _pdf_text_height(pdf, text, BOX_WIDTH - 2, size) + 1.5, 11.0)


def _pdf_pair(
    pdf: Any,
    breakdown: Breakdown,
    sheet: SceneBreakdown,
    top: float,
    pair: Sequence[Category],
    texts: dict[Category, str],
    size: float,
) -> float:
    """Two boxes side by side, the height of the fuller one; a pair that does not fit goes to a
    fresh page, and one taller than a page goes on over the next. Returns where the next pair starts."""
    line = _line_height(size)
    pdf.set_font("cjk", size=size)
    lines = {
        c: pdf.multi_cell(BOX_WIDTH - 2, line, texts[c] or " ", dry_run=True, output="LINES") for c in pair
    }
    while True:
        rows = max(len(x) for x in lines.values())
        height = max(BOX_HEAD + rows * line + 1.5, 11.0)
        if top + height > PAGE_BOTTOM and top > CONTINUED_TOP:
            top = _pdf_continue(pdf, breakdown, sheet)
            continue
        room = max(int((PAGE_BOTTOM - top - BOX_HEAD - 1.5) // line), 1)
        shown = {c: x[:room] for c, x in lines.items()}
        height = min(height, PAGE_BOTTOM - top)
        for column, category in enumerate(pair):
            x = 10 + column * (BOX_WIDTH + BOX_GAP)
            _pdf_box(pdf, x, top, category, "\n".join(shown[category]), size, height)
        lines = {c: x[room:] for c, x in lines.items()}
        if not any(lines.values()):
            return top + height + 2
        top = _pdf_continue(pdf, breakdown, sheet)


def _pdf_box(pdf: Any, x: float, y: float, category: Category, text: str, size: float, height: float) -> None:
    fill = CATEGORY_COLOURS[category]
    pdf.set_fill_color(*_rgb(fill))
    pdf.set_text_color(*_rgb(_text_colour(fill)))
    pdf.set_font("cjk", size=8)
    pdf.set_xy(x, y)
    pdf.cell(BOX_WIDTH, BOX_HEAD - 0.5, box_label(category), fill=True)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("cjk", size=size)
    pdf.set_xy(x + 1, y + BOX_HEAD)
    pdf.multi_cell(BOX_WIDTH - 2, _line_height(size), text or " ", align="L", new_x="LEFT", new_y="NEXT")
    pdf.set_draw_color(*_rgb(fill))
    pdf.rect(x, y, BOX_WIDTH, height)
    pdf.set_draw_color(0, 0, 0)


def export_bytes(breakdown: Breakdown, fmt: ExportFormat) -> bytes:
    if fmt == "xlsx":
        return xlsx_bytes(breakdown)
    if fmt == "pdf":
        return pdf_bytes(breakdown)
    if fmt == "html":
        return html_text(breakdown).encode("utf-8")
    if fmt == "csv":
        return csv_text(breakdown).encode("utf-8")
    return breakdown.model_dump_json(indent=1).encode("utf-8")
