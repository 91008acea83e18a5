"""Importing a coordinator's shot-list spreadsheet.

Import reads what coordinators do to the spreadsheet (CSV or XLSX, headers in English or Chinese,
sizes like "close-up" or "特寫") and checks every row against the production before anything is
saved: on any bad row the whole import fails with every error listed (file, sheet, row, column,
value), and the saved versions stay as they were.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from core.errors import CharacterNotFound, InputFileError, SceneNotFound, UnsupportedFormat
from knowledge.encoding import read_text
from knowledge.limits import check_zip
from knowledge.production import Production
from tools.cell_safety import restore_cell
from tools.shot_list.aliases import (
    ANGLE_ALIASES,
    HEADER_ALIASES,
    MOVEMENT_ALIASES,
    REQUIRED_COLUMNS,
    SIZE_ALIASES,
    SOUND_ALIASES,
    TOTAL_LABELS,
)
from tools.shot_list.export import COLUMNS
from tools.shot_list.ids import resolve_scene, scene_key, shot_prefix, shot_suffix
from tools.shot_list.models import ANGLES, MOVEMENTS, SHOT_SIZES, LineRef, Shot, ShotList
from tools.shot_list.storage import load_shot_list, save_shot_list, shot_list_lock
from tools.shot_list.styles import STYLE_PRESETS, setup_minutes_for

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
