"""Breakdown sheets as crews know them (one a scene: header, then a box per category in the
industry's colours) as XLSX, HTML and PDF; the flat element list as CSV/JSON/XLSX for editing."""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

from slate.errors import SlateError
from tools.breakdown.model import (
    CATEGORIES,
    CATEGORY_COLOURS,
    CATEGORY_LABELS,
    Breakdown,
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
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

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
    thin = Side(style="thin", color="888888")
    for sheet in breakdown.scenes:
        ws = book.create_sheet(f"Sc {sheet.scene}"[:31])
        ws.append([f"{breakdown.title or breakdown.script} — BREAKDOWN SHEET 分場拆解表"])
        ws["A1"].font = Font(bold=True, size=14)
        ws.append([label for label, _ in header_fields(sheet)])
        ws.append([value for _, value in header_fields(sheet)])
        for cell in ws[2]:
            cell.font = Font(bold=True, size=9)
        ws.append(["Synopsis 劇情", sheet.synopsis or sheet.heading])
        ws.merge_cells(start_row=4, start_column=2, end_row=4, end_column=7)
        top = 6
        for index, category in enumerate(SHEET_CATEGORIES):
            first_column = 1 + (index % 2) * 4
            if index % 2 == 0 and index:
                top += _box_height(breakdown, sheet, SHEET_CATEGORIES[index - 2 : index]) + 1
            _xlsx_box(ws, top, first_column, category, sheet, PatternFill, Font, Border, thin)
        notes = [e.name for e in sheet.of("notes")]
        ws.cell(
            row=top + _box_height(breakdown, sheet, SHEET_CATEGORIES[-2:]) + 2,
            column=1,
            value="Notes 備註: " + " | ".join(notes),
        )
        for column, width in zip("ABCDEFGH", (22, 26, 10, 4, 22, 26, 10, 4), strict=True):
            ws.column_dimensions[column].width = width
        for line in ws.iter_rows():
            for cell in line:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.page_setup.orientation = "portrait"
        ws.sheet_properties.pageSetUpPr.fitToPage = True  # both columns of boxes on one page
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.row_dimensions[1].height = 24
    return workbook_bytes(book)


def _box_height(breakdown: Breakdown, sheet: SceneBreakdown, pair: Sequence[Category]) -> int:
    return 1 + max([max(1, len(sheet.of(c))) for c in pair] or [1])


def _xlsx_box(
    ws: Any,
    row: int,
    column: int,
    category: Category,
    sheet: SceneBreakdown,
    PatternFill: Any,
    Font: Any,
    Border: Any,
    thin: Any,
) -> None:
    fill = CATEGORY_COLOURS[category]
    head = ws.cell(row=row, column=column, value=CATEGORY_LABELS[category])
    ws.merge_cells(start_row=row, start_column=column, end_row=row, end_column=column + 2)
    head.fill = PatternFill("solid", fgColor=fill[1:])
    head.font = Font(bold=True, color=_text_colour(fill)[1:])
    for offset, element in enumerate(sheet.of(category), start=1):
        ws.cell(row=row + offset, column=column, value=element.text())
        ws.cell(row=row + offset, column=column + 1, value=element.detail)
        ws.cell(row=row + offset, column=column + 2, value="✎" if element.edited else "")
        ws.cell(row=row + offset, column=column).border = Border(left=thin)


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
                f"<li>{e(x.text())}{' ✎' if x.edited else ''} <span class='src'>{e(x.sources[0].label() if x.sources else '')}</span></li>"
                for x in sheet.of(category)
            )
            parts.append(
                f"<div class='box'><h3 style='background:{fill};color:{_text_colour(fill)}'>{e(CATEGORY_LABELS[category])}</h3>"
                f"<ul>{items}</ul></div>"
            )
        notes = " | ".join(e(x.name) for x in sheet.of("notes"))
        parts.append(f"</div><p><b>Notes 備註:</b> {notes}</p></section>")
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


def _pdf_sheet(pdf: Any, breakdown: Breakdown, sheet: SceneBreakdown) -> None:
    pdf.add_page()
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
        pdf.set_xy(x, y + 5)
        pdf.set_font("cjk", size=11 if label.startswith("Scene") else 9)
        pdf.cell(width, 8, _fit(pdf, value, width), border=1)
        x += width
    pdf.set_xy(10, y + 14)
    pdf.set_font("cjk", size=8)
    pdf.multi_cell(190, 4.5, "Synopsis 劇情: " + (sheet.synopsis or sheet.heading), border=1)
    top = pdf.get_y() + 3
    column_width, gap = 93.0, 4.0
    heights = [0.0, 0.0]
    for index, category in enumerate(SHEET_CATEGORIES):
        column = index % 2
        if column == 0 and index:
            top += max(heights) + 2
            heights = [0.0, 0.0]
        lines = [x.text() + (" ✎" if x.edited else "") for x in sheet.of(category)]
        heights[column] = _pdf_box(
            pdf, 10 + column * (column_width + gap), top, column_width, category, lines
        )
    top += max(heights) + 3
    notes = " | ".join(x.name for x in sheet.of("notes"))
    pdf.set_xy(10, min(top, 280))
    pdf.set_font("cjk", size=8)
    pdf.multi_cell(190, 4, "Notes 備註: " + notes if notes else "Notes 備註:", border=1)
    pdf.set_xy(10, 287)
    pdf.set_font("cjk", size=7)
    pdf.cell(190, 4, f"{breakdown.script} · sc. {sheet.scene} · v{breakdown.version or '-'}", align="R")


def _fit(pdf: Any, text: str, width: float) -> str:
    while text and pdf.get_string_width(text) > width - 2:
        text = text[:-1]
    return text


def _pdf_box(pdf: Any, x: float, y: float, width: float, category: Category, lines: list[str]) -> float:
    fill = CATEGORY_COLOURS[category]
    pdf.set_fill_color(*_rgb(fill))
    pdf.set_text_color(*_rgb(_text_colour(fill)))
    pdf.set_font("cjk", size=8)
    pdf.set_xy(x, y)
    pdf.cell(width, 5, CATEGORY_LABELS[category], fill=True)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("cjk", size=7.5)
    line_y = y + 5.5
    shown = lines[:8]
    if len(lines) > 8:
        shown = [*lines[:7], f"… +{len(lines) - 7} more"]
    text = ", ".join(shown)
    pdf.set_xy(x + 1, line_y)
    pdf.multi_cell(width - 2, 3.6, text or " ", new_x="LEFT", new_y="NEXT")
    height = max(pdf.get_y() - y + 1, 11)
    pdf.set_draw_color(*_rgb(fill))
    pdf.rect(x, y, width, height)
    pdf.set_draw_color(0, 0, 0)
    return height


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
