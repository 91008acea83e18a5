"""Shot lists on disk: CSV, XLSX, Markdown and JSON exports, spreadsheet import, versioned storage.

Storage: every save is a new file `artifacts/shot_lists/<scene>/vNNN.json` in the production's
folder; the highest number is the current version and no version is ever overwritten (a new file is
linked into place only if its name is still free).

Import reads what coordinators do to the spreadsheet (CSV or XLSX, headers in English or Chinese,
sizes like "close-up" or "特寫") and checks every row against the production before anything is
saved: on any bad row the whole import fails with every error listed (file, sheet, row, column,
value), and the saved versions stay as they were.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from knowledge.encoding import read_text
from knowledge.limits import check_zip
from knowledge.production import Production
from knowledge.scenes import display_width
from slate.errors import CharacterNotFound, InputFileError, SceneNotFound, SlateError, UnsupportedFormat
from slate.paths import atomic_write_bytes, create_new_file, exclusive_lock, safe_name
from tools.cell_safety import restore_cell
from tools.shot_list import (
    ANGLES,
    MOVEMENTS,
    SHOT_SIZES,
    STYLE_PRESETS,
    LineRef,
    Shot,
    ShotList,
    format_minutes,
    resolve_scene,
    scene_key,
    setup_minutes_for,
    shot_prefix,
    shot_suffix,
)
from tools.table_files import csv_text as table_csv_text
from tools.table_files import markdown_cell, markdown_table, workbook_bytes

ExportFormat = Literal["json", "csv", "xlsx", "md"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("json", "csv", "xlsx", "md")
SHOT_LISTS_DIR = "shot_lists"
_VERSION_FILE = re.compile(r"^v(\d{3,})\.json$")

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
TOTAL_LABELS = frozenset({"TOTAL", "TOTALS", "合計", "總計", "总计"})

# Header spellings accepted on import (compared after `_header_key`), English and Chinese.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "scene": ("scene", "sc", "scene no", "scene number", "場", "場次", "場號", "场次"),
    "id": ("shot", "shot id", "id", "shot no", "shot number", "shot #", "鏡頭", "鏡號", "鏡頭編號", "镜号"),
    "size": ("size", "shot size", "shot type", "type", "景別", "鏡頭大小", "景别"),
    "angle": ("angle", "camera angle", "角度", "機位角度"),
    "movement": ("movement", "move", "camera movement", "運鏡", "鏡頭運動", "运镜"),
    "lens_mm": ("lens", "lens mm", "lens (mm)", "focal length", "焦距", "鏡頭焦距"),
    "equipment": ("equipment", "gear", "rig", "support", "器材"),
    "subjects": ("subjects", "subject", "characters", "cast", "角色", "人物"),
    "description": ("description", "desc", "shot description", "描述", "內容", "鏡頭描述"),
    "lines": ("lines", "line", "script lines", "lines covered", "dialogue/action", "對白行", "行數"),
    "sound": ("sound", "audio", "收音", "聲音"),
    "setup_minutes": (
        "setup (min)",
        "setup",
        "setup min",
        "setup minutes",
        "est. minutes",
        "minutes",
        "time",
        "預計時間",
        "架設時間",
        "時間",
    ),
    "notes": ("notes", "note", "remarks", "備註", "备注"),
}
REQUIRED_COLUMNS = ("id", "size")

SIZE_ALIASES: dict[str, str] = {
    "extreme wide": "EWS",
    "extreme wide shot": "EWS",
    "extreme long shot": "EWS",
    "els": "EWS",
    "xws": "EWS",
    "大遠景": "EWS",
    "wide": "WS",
    "wide shot": "WS",
    "long shot": "WS",
    "ls": "WS",
    "full shot": "WS",
    "master": "WS",
    "遠景": "WS",
    "全景": "WS",
    "medium": "MS",
    "medium shot": "MS",
    "mid shot": "MS",
    "mid": "MS",
    "中景": "MS",
    "medium close-up": "MCU",
    "medium close up": "MCU",
    "medium closeup": "MCU",
    "近景": "MCU",
    "中近景": "MCU",
    "close-up": "CU",
    "close up": "CU",
    "closeup": "CU",
    "特寫": "CU",
    "extreme close-up": "ECU",
    "extreme close up": "ECU",
    "extreme closeup": "ECU",
    "xcu": "ECU",
    "大特寫": "ECU",
    "cutaway": "INSERT",
    "插入": "INSERT",
    "插入鏡頭": "INSERT",
    "over the shoulder": "OTS",
    "over-the-shoulder": "OTS",
    "過肩": "OTS",
    "point of view": "POV",
    "主觀": "POV",
    "主觀鏡": "POV",
    "two shot": "TWO-SHOT",
    "2-shot": "TWO-SHOT",
    "2 shot": "TWO-SHOT",
    "twoshot": "TWO-SHOT",
    "雙人鏡": "TWO-SHOT",
    "兩人鏡": "TWO-SHOT",
}
ANGLE_ALIASES: dict[str, str] = {
    "eye-level": "eye level",
    "eyelevel": "eye level",
    "eye": "eye level",
    "平視": "eye level",
    "high angle": "high",
    "俯拍": "high",
    "俯視": "high",
    "low angle": "low",
    "仰拍": "low",
    "仰視": "low",
    "dutch angle": "dutch",
    "dutch tilt": "dutch",
    "canted": "dutch",
    "傾斜": "dutch",
    "birds eye": "overhead",
    "bird's eye": "overhead",
    "bird's-eye": "overhead",
    "top shot": "overhead",
    "top down": "overhead",
    "頂拍": "overhead",
    "鳥瞰": "overhead",
}
MOVEMENT_ALIASES: dict[str, str] = {
    "locked off": "static",
    "locked-off": "static",
    "sticks": "static",
    "tripod": "static",
    "固定": "static",
    "搖鏡": "pan",
    "whip pan": "pan",
    "直搖": "tilt",
    "dolly in": "dolly",
    "dolly out": "dolly",
    "push in": "dolly",
    "push-in": "dolly",
    "pull out": "dolly",
    "推軌": "dolly",
    "track": "tracking",
    "tracking shot": "tracking",
    "trucking": "tracking",
    "跟拍": "tracking",
    "移動": "tracking",
    "hand-held": "handheld",
    "hand held": "handheld",
    "手持": "handheld",
    "steadi-cam": "steadicam",
    "穩定器": "steadicam",
    "crane": "crane/drone",
    "drone": "crane/drone",
    "jib": "crane/drone",
    "crane / drone": "crane/drone",
    "航拍": "crane/drone",
    "搖臂": "crane/drone",
    "crash zoom": "zoom",
    "變焦": "zoom",
}
SOUND_ALIASES: dict[str, str] = {
    "sync sound": "sync",
    "synch": "sync",
    "同期": "sync",
    "同期聲": "sync",
    "mos": "MOS",
    "silent": "MOS",
    "no sound": "MOS",
    "無聲": "MOS",
    "冇聲": "MOS",
}


# --- Errors --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    """One problem in one cell of an imported spreadsheet."""

    row: int
    column: str
    value: object
    message: str
    sheet: str | None = None

    def text(self) -> str:
        where = f"sheet {self.sheet!r} " if self.sheet else ""
        shown = "" if self.value in (None, "") else f" (got {self.value!r})"
        return f"{where}row {self.row}, column {self.column!r}: {self.message}{shown}"

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"row": self.row, "column": self.column, "message": self.message}
        if self.sheet:
            data["sheet"] = self.sheet
        if self.value not in (None, ""):
            data["value"] = str(self.value)
        return data


class ShotListImportError(InputFileError):
    """A shot-list spreadsheet with bad rows; `errors` lists every one. Nothing was imported."""

    def __init__(self, file: str | Path, errors: Sequence[RowError]) -> None:
        self.errors = list(errors)
        listed = "; ".join(error.text() for error in self.errors)
        count = len(self.errors)
        super().__init__(
            f"{count} problem{'s' if count != 1 else ''} in the shot list, nothing was imported: {listed}",
            file=file,
            line=self.errors[0].row if self.errors else None,
        )

    def to_dict(self) -> dict[str, object]:
        data = super().to_dict()
        data["errors"] = [error.to_dict() for error in self.errors]
        return data


# --- Storage -------------------------------------------------------------------------------------


def shot_list_dir(production: Production, scene: str) -> Path:
    """`artifacts/shot_lists/<scene>/` of the production."""
    return production.artifacts_dir / SHOT_LISTS_DIR / safe_name(scene_key(scene))


def list_versions(production: Production, scene: str) -> list[int]:
    """Saved version numbers of a scene's shot list, oldest first."""
    folder = shot_list_dir(production, scene)
    if not folder.is_dir():
        return []
    found = (_VERSION_FILE.match(p.name) for p in folder.iterdir())
    return sorted(int(m.group(1)) for m in found if m)


def load_shot_list(production: Production, scene: str, version: int | None = None) -> ShotList | None:
    """A saved version (the latest by default), or None when the scene has none saved."""
    versions = list_versions(production, scene)
    if not versions:
        return None
    number = versions[-1] if version is None else version
    path = shot_list_dir(production, scene) / f"v{number:03d}.json"
    if not path.exists():
        raise SlateError(
            f"Scene {scene} has no shot-list version {number}",
            value=number,
            hint="Saved versions: " + ", ".join(str(v) for v in versions),
        )
    try:
        return ShotList.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise SlateError(
            "A saved shot list is damaged", file=path, value=str(exc).splitlines()[0][:200]
        ) from None


def save_shot_list(production: Production, shot_list: ShotList) -> ShotList:
    """Save as the scene's next version and return it with `version` and `saved_at` set.

    The file is written whole (and synced) to a temporary name and linked to `vNNN.json` only if that
    name is free, so two saves at once get two versions and neither overwrites the other. A change that
    starts from the saved list (an edit, an import) holds `shot_list_lock` from reading to saving.
    """
    folder = shot_list_dir(production, shot_list.scene)
    for _attempt in range(1000):
        number = max(list_versions(production, shot_list.scene), default=0) + 1
        saved = shot_list.model_copy(
            update={"version": number, "saved_at": datetime.now(UTC).isoformat(timespec="seconds")}
        )
        data = json.dumps(saved.model_dump(mode="json"), ensure_ascii=False, indent=2).encode("utf-8")
        if create_new_file(folder / f"v{number:03d}.json", data):
            return saved
    raise SlateError("Could not find a free version number for the shot list", file=folder)


def shot_list_lock(production: Production) -> AbstractContextManager[None]:
    """One shot-list writer at a time in a production (processes and chat sessions alike): an edit
    reads the latest version and saves the next one with no other save in between, so no edit is lost.
    Not re-entrant: take it once, around the whole read-change-save."""
    return exclusive_lock(production.artifacts_dir / SHOT_LISTS_DIR / ".lock", "The shot lists")


# --- Cells ---------------------------------------------------------------------------------------


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


# --- Import --------------------------------------------------------------------------------------


@dataclass
class _SheetRows:
    """Raw rows of one sheet (or the CSV): header cells, then (row number, cells) pairs."""

    name: str | None
    header: list[object]
    rows: list[tuple[int, list[object]]]


def _header_key(text: object) -> str:
    value = unicodedata.normalize("NFKC", str(text or "")).casefold().strip()
    return re.sub(r"[\s_\-.:()#（）]+", "", value)


_HEADER_INDEX = {_header_key(alias): key for key, aliases in HEADER_ALIASES.items() for alias in aliases}


def _csv_text(path: Path) -> str:
    """A CSV's text. Excel on a Hong Kong Windows PC saves "CSV" in Big5 (cp950), and a short Big5
    file is easily mistaken for another encoding, so strict UTF-8 then strict Big5-HKSCS are tried
    before general detection."""
    try:
        data = path.read_bytes()
    except OSError:
        return read_text(path).text  # the located "no such file" error
    for codec in ("utf-8-sig", "big5hkscs"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return read_text(path).text


def _read_csv(path: Path) -> list[_SheetRows]:
    text = _csv_text(path)
    records = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not records:
        return []
    return [_SheetRows(None, list(records[0]), [(n, list(r)) for n, r in enumerate(records[1:], 2)])]


def _read_xlsx(path: Path) -> list[_SheetRows]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=False, read_only=True)
    except FileNotFoundError:
        raise InputFileError("No such file", file=path) from None
    except (BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputFileError("Not a readable XLSX workbook", file=path, value=str(exc)[:120]) from None
    sheets = []
    try:
        check_zip(path)  # read-only mode decompresses sheets as rows are read: refuse a zip bomb first
        for ws in book.worksheets:
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            if not any(any(_present(c) for c in r) for r in rows):
                continue  # an empty sheet holds nothing to lose
            sheets.append(_SheetRows(ws.title, rows[0], [(n, r) for n, r in enumerate(rows[1:], 2)]))
    finally:
        book.close()
    return sheets


def _present(value: object) -> bool:
    return value is not None and str(value).strip() != ""


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return restore_cell(unicodedata.normalize("NFC", str(value)).strip())


def _choice(raw: str, allowed: Sequence[str], aliases: dict[str, str]) -> str | None:
    key = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw).strip())
    for option in allowed:
        if key.casefold() == option.casefold():
            return option
    return aliases.get(key.casefold()) or aliases.get(key)


def _number(raw: object, *, unit: str) -> int | None:
    """`50`, `50.0`, `50mm`, `50 mm`, `５０` → 50; anything else → None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return int(raw) if raw.is_integer() else None
    text = unicodedata.normalize("NFKC", str(raw)).strip().casefold()
    match = re.fullmatch(r"(\d+)(?:\.0+)?\s*(?:" + unit + r")?", text)
    return int(match.group(1)) if match else None


_LINE_PART = re.compile(r"^(\d+)\s*(?:[-–—~～至到]\s*(\d+))?$")


def parse_lines(raw: str) -> list[LineRef]:
    """`12; 14-20` (also `14–20`, `14~20`, `14至20`, commas) → `[12, (14, 20)]`; ValueError if malformed."""
    refs: list[LineRef] = []
    for part in re.split(r"[;,，；、\n]+", unicodedata.normalize("NFKC", raw)):
        part = part.strip().strip("[]() ")
        if not part:
            continue
        match = _LINE_PART.match(part)
        if not match:
            raise ValueError(f"{part!r} is not a line number or a span like 14-20")
        start = int(match.group(1))
        end = int(match.group(2)) if match.group(2) else start
        if end < start:
            raise ValueError(f"the span {part!r} ends before it starts")
        refs.append(start if start == end else (start, end))
    return refs


def _split_subjects(raw: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;,，；、\n]+", raw) if part.strip()]


@dataclass
class _ParsedRow:
    scene: str
    row: int
    sheet: str | None
    shot: Shot


def _parse_row(
    production: Production,
    cells: dict[str, object],
    row: int,
    sheet: str | None,
    errors: list[RowError],
) -> _ParsedRow | None:
    """One spreadsheet row as a Shot, or None with its problems appended to `errors`."""
    before = len(errors)

    def bad(column: str, message: str) -> None:
        errors.append(RowError(row, column, cells.get(column), message, sheet))

    shot_id = unicodedata.normalize("NFKC", _text(cells.get("id"))).upper().replace(" ", "")
    scene_number: str | None = None
    scene_obj = None
    scene_raw = _text(cells.get("scene"))
    if scene_raw:
        try:
            scene_obj = resolve_scene(production, scene_raw)
            scene_number = scene_key(scene_obj.number)
        except SceneNotFound as exc:
            near = f"; nearest: {', '.join(exc.nearest)}" if exc.nearest else ""
            bad("scene", f"no such scene in the script{near}")
    elif shot_id:
        owners = [s for s in production.scenes if shot_suffix(shot_id, scene_key(s.number)) is not None]
        if owners:
            scene_obj = max(owners, key=lambda s: len(s.number))
            scene_number = scene_key(scene_obj.number)
        else:
            bad("scene", "missing, and the shot id names no scene of the script")
    if not shot_id:
        bad("id", "missing shot id")
    elif scene_number is not None and shot_suffix(shot_id, scene_number) is None:
        prefix = shot_prefix(scene_number)
        bad("id", f"not a shot of scene {scene_number} (ids look like {prefix}A, {prefix}B …)")

    size_raw = _text(cells.get("size"))
    size = _choice(size_raw, SHOT_SIZES, SIZE_ALIASES) if size_raw else None
    if not size_raw:
        bad("size", "missing shot size")
    elif size is None:
        bad("size", f"unknown shot size (use {', '.join(SHOT_SIZES)})")
    angle_raw = _text(cells.get("angle"))
    angle = _choice(angle_raw, ANGLES, ANGLE_ALIASES) if angle_raw else "eye level"
    if angle is None:
        bad("angle", f"unknown angle (use {', '.join(ANGLES)})")
    movement_raw = _text(cells.get("movement"))
    movement = _choice(movement_raw, MOVEMENTS, MOVEMENT_ALIASES) if movement_raw else "static"
    if movement is None:
        bad("movement", f"unknown movement (use {', '.join(MOVEMENTS)})")
    sound_raw = _text(cells.get("sound"))
    sound = _choice(sound_raw, ("sync", "MOS"), SOUND_ALIASES) if sound_raw else "sync"
    if sound is None:
        bad("sound", "unknown sound (use sync or MOS)")

    lens: int | None = None
    if _present(cells.get("lens_mm")):
        lens = _number(cells.get("lens_mm"), unit="mm|毫米")
        if lens is None:
            bad("lens_mm", "lens must be a whole number of millimetres, e.g. 50")
        elif not 4 <= lens <= 2000:
            bad("lens_mm", "lens must be between 4 and 2000 mm")
    elif size is not None:
        lens = STYLE_PRESETS["classic"].lens_mm[size]

    minutes: int | None = None
    if _present(cells.get("setup_minutes")):
        minutes = _number(cells.get("setup_minutes"), unit="min|mins|minutes|分鐘|分")
        if minutes is None:
            bad("setup_minutes", "setup time must be a whole number of minutes")
        elif minutes > 24 * 60:
            bad("setup_minutes", "setup time must be at most 1440 minutes")

    subjects: list[str] = []
    for name in _split_subjects(_text(cells.get("subjects"))):
        try:
            subjects.append(production.resolve_character(name))
        except CharacterNotFound as exc:
            near = f"; nearest: {', '.join(exc.nearest)}" if exc.nearest else ""
            errors.append(
                RowError(row, "subjects", name, f"no such character in the production{near}", sheet)
            )

    lines: list[LineRef] = []
    try:
        lines = parse_lines(_text(cells.get("lines")))
    except ValueError as exc:
        bad("lines", str(exc))
    if scene_obj is not None:
        low, high = scene_obj.line_start, scene_obj.line_end
        for ref in lines:
            start, end = ref if isinstance(ref, tuple) else (ref, ref)
            if start < low or end > high:
                bad(
                    "lines",
                    f"line {start if start == end else f'{start}-{end}'} is outside scene "
                    f"{scene_obj.number} (lines {low}-{high})",
                )
                break

    if len(errors) > before or scene_number is None or size is None or angle is None or movement is None:
        return None
    notes = _text(cells.get("notes"))
    data = {
        "id": shot_id,
        "scene": scene_number,
        "size": size,
        "angle": angle,
        "movement": movement,
        "lens_mm": lens,
        "equipment": _text(cells.get("equipment")),
        "subjects": list(dict.fromkeys(subjects)),
        "description": _text(cells.get("description")),
        "lines": lines,
        "sound": sound,
        "setup_minutes": minutes if minutes is not None else setup_minutes_for(size, movement, notes),
        "notes": notes,
    }
    try:
        shot = Shot.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            column = str(err["loc"][0]) if err["loc"] else "id"
            bad(column, err["msg"])
        return None
    return _ParsedRow(scene_number, row, sheet, shot)


def _sheet_rows(path: Path) -> list[_SheetRows]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise UnsupportedFormat("Shot lists import from .csv or .xlsx", file=path, value=path.suffix or path.name)


def _columns(sheet: _SheetRows, errors: list[RowError]) -> dict[int, str]:
    """Column index → field, with an error for each header that is not a shot-list column."""
    columns: dict[int, str] = {}
    for index, header in enumerate(sheet.header):
        if not _present(header):
            continue
        key = _HEADER_INDEX.get(_header_key(header))
        if key is None:
            # Refuse rather than drop: a column Slate cannot keep would be lost on the next export.
            known = ", ".join(h for _, h, _ in COLUMNS)
            errors.append(
                RowError(1, str(header), None, f"not a shot-list column (known: {known})", sheet.name)
            )
        elif key in columns.values():
            errors.append(RowError(1, str(header), None, "this column appears twice", sheet.name))
        else:
            columns[index] = key
    for key in REQUIRED_COLUMNS:
        if key not in columns.values():
            header = next(h for k, h, _ in COLUMNS if k == key)
            errors.append(RowError(1, header, None, "required column is missing", sheet.name))
    return columns


def read_shot_lists(production: Production, path: str | Path) -> list[ShotList]:
    """Shot lists from a CSV or XLSX file, checked row by row against the production.

    Raises ShotListImportError listing every bad row (nothing is saved here either way).
    """
    file = Path(path)
    sheets = _sheet_rows(file)
    errors: list[RowError] = []
    parsed: list[_ParsedRow] = []
    for sheet in sheets:
        columns = _columns(sheet, errors)
        for row, raw in sheet.rows:
            if not any(_present(c) for c in raw):
                continue
            cells = {key: raw[i] if i < len(raw) else None for i, key in columns.items()}
            if _text(cells.get("id")).upper() in TOTAL_LABELS:
                continue
            result = _parse_row(production, cells, row, sheet.name, errors)
            if result is not None:
                parsed.append(result)
    seen: dict[tuple[str, str], _ParsedRow] = {}
    for item in parsed:
        key = (item.scene, item.shot.id)
        if key in seen:
            first = seen[key]
            where = f"row {first.row}" + (f" of sheet {first.sheet!r}" if first.sheet != item.sheet else "")
            errors.append(
                RowError(item.row, "id", item.shot.id, f"shot id already used on {where}", item.sheet)
            )
        else:
            seen[key] = item
    if not errors and not parsed:
        errors.append(
            RowError(2, "id", None, "the file has no shot rows", sheets[0].name if sheets else None)
        )
    if errors:
        errors.sort(key=lambda e: (e.sheet or "", e.row))
        raise ShotListImportError(file, errors)

    by_scene: dict[str, list[Shot]] = {}
    for item in parsed:
        by_scene.setdefault(item.scene, []).append(item.shot)
    shot_lists = []
    for scene_number, shots in by_scene.items():
        scene = resolve_scene(production, scene_number)
        previous = load_shot_list(production, scene_number)
        shot_lists.append(
            ShotList(
                scene=scene_number,
                heading=scene.heading,
                style=previous.style if previous else "classic",
                shots=shots,
                provenance=[*(previous.provenance if previous else []), f"import: {file.name}"],
            )
        )
    return shot_lists


def import_shot_lists(production: Production, path: str | Path) -> list[ShotList]:
    """Import a coordinator's spreadsheet: check every row, then save each scene as a new version.

    Nothing is saved unless every row is good (ShotListImportError lists every bad one).
    """
    with shot_list_lock(production):
        return [save_shot_list(production, shot_list) for shot_list in read_shot_lists(production, path)]
