"""Shot lists as files for the crew: JSON, CSV (with a BOM, so Excel shows Chinese), Markdown and a
formatted XLSX workbook, and the CSV and XLSX copies written to the outputs folder after every save."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from core.errors import UnsupportedFormat
from core.paths import atomic_write_bytes, safe_name
from knowledge.production import Production
from knowledge.scenes import display_width
from tools.shot_list.models import LineRef, Shot, ShotList, format_minutes
from tools.table_files import csv_text as table_csv_text
from tools.table_files import markdown_cell, markdown_table, workbook_bytes

ExportFormat = Literal["json", "csv", "xlsx", "md"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("json", "csv", "xlsx", "md")


# Spreadsheet columns: field, header, width (characters) in XLSX.
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("scene", "Scene", 7),
    ("id", "Shot", 8),
    ("size", "Size", 9),
    ("angle", "Angle", 10),
    ("movement", "Movement", 12),
    ("lens_mm", "Lens (mm)", 9),
    ("equipment", "Equipment", 22),
    ("subjects", "Subjects", 20),
    ("description", "Description", 60),
    ("lines", "Lines", 14),
    ("sound", "Sound", 7),
    ("setup_minutes", "Setup (min)", 10),
    ("notes", "Notes", 50),
)
WRAPPED_COLUMNS = frozenset({"equipment", "subjects", "description", "notes"})


def format_lines(refs: Iterable[LineRef]) -> str:
    """`[12, (14, 20)]` → `12; 14-20`."""
    return "; ".join(f"{r[0]}-{r[1]}" if isinstance(r, tuple) else str(r) for r in refs)


def cell_values(shot: Shot) -> dict[str, object]:
    """A shot as spreadsheet cells (numbers stay numbers)."""
    data = shot.model_dump()
    data["subjects"] = "; ".join(shot.subjects)
    data["lines"] = format_lines(shot.lines)
    return {key: data[key] for key, _, _ in COLUMNS}


def to_json_data(shot_lists: Sequence[ShotList]) -> dict[str, Any] | list[dict[str, Any]]:
    """One scene: `{"scene", "shots": [...], "total_minutes", ...}`; several: a list of those."""
    data = [shot_list.model_dump(mode="json") for shot_list in shot_lists]
    return data[0] if len(data) == 1 else data


def json_text(shot_lists: Sequence[ShotList]) -> str:
    return json.dumps(to_json_data(shot_lists), ensure_ascii=False, indent=2) + "\n"


def csv_text(shot_lists: Sequence[ShotList]) -> str:
    """Every shot of every list as CSV rows under one header."""
    rows = ([cell_values(shot)[key] for key, _, _ in COLUMNS] for sl in shot_lists for shot in sl.shots)
    return table_csv_text([header for _, header, _ in COLUMNS], rows)


def markdown_text(shot_lists: Sequence[ShotList]) -> str:
    """Each scene as a heading, a line of totals and a table."""
    parts = []
    for sl in shot_lists:
        version = f" · v{sl.version}" if sl.version else ""
        parts.append(f"## Scene {sl.scene} — {markdown_cell(sl.heading)}\n")
        parts.append(
            f"{sl.shot_count} shots · {format_minutes(sl.total_minutes)} ({sl.total_minutes} min) · "
            f"style {sl.style}{version} · {', '.join(sl.provenance)}\n"
        )
        keys = [key for key, _, _ in COLUMNS if key != "scene"]
        parts += markdown_table(
            [header for key, header, _ in COLUMNS if key != "scene"],
            ([cell_values(shot)[key] for key in keys] for shot in sl.shots),
        )
        for warning in sl.warnings:
            parts.append(f"\n> {markdown_cell(warning)}")
        parts.append("")
    if len(shot_lists) > 1:
        total = sum(sl.total_minutes for sl in shot_lists)
        shots = sum(sl.shot_count for sl in shot_lists)
        parts.append(f"**Total: {len(shot_lists)} scenes, {shots} shots, {format_minutes(total)}**\n")
    return "\n".join(parts)


def sheet_title(scene: str, taken: set[str]) -> str:
    """An Excel sheet name for a scene: `Sc 12` (≤ 31 characters, none of []:*?/\\, unique)."""
    base = re.sub(r"[\[\]:*?/\\]", "-", f"Sc {scene}")[:31]
    title, n = base, 2
    while title.casefold() in taken:
        title = f"{base[:27]} ({n})"
        n += 1
    taken.add(title.casefold())
    return title


def xlsx_bytes(shot_lists: Sequence[ShotList]) -> bytes:
    """A workbook with one formatted sheet per scene: bold filled header, frozen first row, filters,
    column widths, wrapped text, a totals row, and landscape printing with the header on every page."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F3B57")
    thin = Side(style="thin", color="BBBBBB")
    border = Border(bottom=thin)
    minutes_col = next(i for i, (key, _, _) in enumerate(COLUMNS, 1) if key == "setup_minutes")
    id_col = next(i for i, (key, _, _) in enumerate(COLUMNS, 1) if key == "id")
    for sl in shot_lists or [ShotList(scene="-")]:
        sheet = book.create_sheet(sheet_title(sl.scene, taken))
        widths = [max(width, display_width(header) + 2) for _, header, width in COLUMNS]
        for col, (_, header, _) in enumerate(COLUMNS, 1):
            cell = sheet.cell(row=1, column=col, value=header)
            cell.font, cell.fill = header_font, header_fill
            cell.alignment = Alignment(vertical="center", horizontal="center", wrap_text=True)
        for row, shot in enumerate(sl.shots, 2):
            cells = cell_values(shot)
            for col, (key, _, width) in enumerate(COLUMNS, 1):
                value = cells[key]
                cell = sheet.cell(row=row, column=col, value=value)
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"  # text that starts with "=" is a description, not a formula
                cell.alignment = Alignment(vertical="top", wrap_text=key in WRAPPED_COLUMNS)
                cell.border = border
                longest = max((display_width(part) for part in str(value).split("\n")), default=0)
                widths[col - 1] = max(
                    widths[col - 1], min(longest + 2, width if key in WRAPPED_COLUMNS else 40)
                )
        last = len(sl.shots) + 1
        total_row = last + 2
        sheet.cell(row=total_row, column=id_col, value="TOTAL").font = Font(bold=True)
        sheet.cell(row=total_row, column=id_col + 1, value=f"{len(sl.shots)} shots")
        total = sheet.cell(
            row=total_row,
            column=minutes_col,
            value=f"=SUM({get_column_letter(minutes_col)}2:{get_column_letter(minutes_col)}{max(last, 2)})",
        )
        total.font = Font(bold=True)
        for col, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(col)].width = width
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"
        sheet.print_title_rows = "1:1"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.oddHeader.center.text = f"Scene {sl.scene} — {sl.heading}"[:250]
        sheet.oddFooter.right.text = "Page &P of &N"
        sheet.oddFooter.left.text = f"{sl.style} · v{sl.version} · {format_minutes(sl.total_minutes)}"
    return workbook_bytes(book, own_formulas=True)  # text cells were kept as text above


def export_bytes(shot_lists: Sequence[ShotList], fmt: ExportFormat) -> bytes:
    """The shot lists as one file's bytes (CSV carries a BOM so Excel shows Chinese correctly)."""
    if fmt == "json":
        return json_text(shot_lists).encode("utf-8")
    if fmt == "csv":
        return csv_text(shot_lists).encode("utf-8-sig")
    if fmt == "md":
        return markdown_text(shot_lists).encode("utf-8")
    return xlsx_bytes(shot_lists)


def format_for_path(path: str | Path) -> ExportFormat:
    """The export format a file name asks for (`.json`, `.csv`, `.xlsx`, `.md`)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    aliases = {"markdown": "md", "xls": "xlsx"}
    fmt = aliases.get(suffix, suffix)
    for known in EXPORT_FORMATS:
        if fmt == known:
            return known
    raise UnsupportedFormat(
        "Shot lists export to .json, .csv, .xlsx or .md", file=path, value=Path(path).suffix or str(path)
    )


def write_shot_lists(
    shot_lists: Sequence[ShotList], path: str | Path, fmt: ExportFormat | None = None
) -> Path:
    """Write the shot lists to `path` in `fmt` (from the suffix when not given), whole or not at all."""
    target = Path(path)
    atomic_write_bytes(target, export_bytes(shot_lists, fmt or format_for_path(target)))
    return target


def write_output_files(production: Production, shot_lists: Sequence[ShotList]) -> list[Path]:
    """CSV and XLSX copies of saved shot lists in the production's outputs folder."""
    if len(shot_lists) == 1:
        sl = shot_lists[0]
        stem = f"shot_list_sc{safe_name(sl.scene)}_v{sl.version:03d}"
    else:
        stem = f"shot_lists_{safe_name(production.name)}"
    out = production.output_dir
    return [write_shot_lists(shot_lists, out / f"{stem}.{fmt}", fmt) for fmt in ("csv", "xlsx")]
