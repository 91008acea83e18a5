"""Artifacts as tables, and tables as files (CSV, XLSX, Markdown).

A tool's result (an artifact dict, as `agent.toolkit` dumps it) holds its rows in one field:
`scenes`, `shots`, `issues`, `hits`, ... `artifact_tables` finds them, flattens each row into
printable cells, and puts the columns crews look at first. `export_rows` writes any rows as a CSV
(UTF-8 with a byte-order mark, so Excel shows Chinese correctly), an XLSX or a Markdown table,
atomically, through `tools.table_files` (the one path every table file takes).
Used by the UI for its downloads; nothing here knows about Gradio.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel
from pydantic_core import to_jsonable_python

from core.errors import SlateError
from knowledge.citations import SearchHit
from knowledge.scenes import display_width
from tools.script_lookup import SceneRow
from tools.shot_list import Shot
from tools.subtitles.models import SubtitleIssue
from tools.table_files import csv_bytes, markdown_table, workbook_bytes, write_table_file

ExportFormat = Literal["csv", "xlsx", "md"]
Cell = str | int | float | None

# Fields that hold an artifact's main rows, in the order they are preferred.
TABLE_FIELDS: tuple[str, ...] = (
    "shots",
    "scenes",
    "issues",
    "hits",
    "days",
    "strips",
    "cues",
    "rows",
    "entries",
    "crew",
    "cast",
)

R = TypeVar("R", bound=BaseModel)


@dataclass(frozen=True)
class Column(Generic[R]):
    """A column read from a typed row by attribute, so renaming the row's field fails in mypy."""

    name: str
    get: Callable[[R], Any]


# The columns a crew looks at first, per row model; the row's other fields follow in their own order.
SCENE_COLUMNS: tuple[Column[SceneRow], ...] = (
    Column("number", lambda r: r.number),
    Column("heading", lambda r: r.heading),
    Column("int_ext", lambda r: r.int_ext),
    Column("location", lambda r: r.location),
    Column("time_of_day", lambda r: r.time_of_day),
    Column("characters", lambda r: r.characters),
    Column("page", lambda r: r.page),
    Column("pages", lambda r: r.pages),
)
SHOT_COLUMNS: tuple[Column[Shot], ...] = (
    Column("id", lambda r: r.id),
    Column("size", lambda r: r.size),
    Column("angle", lambda r: r.angle),
    Column("movement", lambda r: r.movement),
    Column("lens_mm", lambda r: r.lens_mm),
    Column("subjects", lambda r: r.subjects),
    Column("description", lambda r: r.description),
    Column("lines", lambda r: r.lines),
    Column("sound", lambda r: r.sound),
    Column("setup_minutes", lambda r: r.setup_minutes),
    Column("notes", lambda r: r.notes),
)
ISSUE_COLUMNS: tuple[Column[SubtitleIssue], ...] = (
    Column("cue", lambda r: r.cue),
    Column("start", lambda r: r.start),
    Column("code", lambda r: r.code),
    Column("message", lambda r: r.message),
)
HIT_COLUMNS: tuple[Column[SearchHit], ...] = (
    Column("file", lambda r: r.file),
    Column("scene", lambda r: r.scene),
    Column("page", lambda r: r.page),
    Column("lines", lambda r: r.lines),
    Column("start", lambda r: r.start),
    Column("score", lambda r: r.score),
    Column("text", lambda r: r.text),
)
ROW_COLUMNS: dict[type[BaseModel], tuple[Column[Any], ...]] = {
    SceneRow: SCENE_COLUMNS,
    Shot: SHOT_COLUMNS,
    SubtitleIssue: ISSUE_COLUMNS,
    SearchHit: HIT_COLUMNS,
}

# Columns shown first for rows of a known field that have no columns of their own (a call sheet's rows), by the field's name.
COLUMNS_BY_FIELD: dict[str, tuple[str, ...]] = {
    "scenes": tuple(c.name for c in SCENE_COLUMNS),
    "shared_scenes": tuple(c.name for c in SCENE_COLUMNS),
    "shots": tuple(c.name for c in SHOT_COLUMNS),
    "issues": tuple(c.name for c in ISSUE_COLUMNS),
    "hits": tuple(c.name for c in HIT_COLUMNS),
}

# Row fields that only matter to programs (and would crowd a crew's table).
HIDDEN_COLUMNS: frozenset[str] = frozenset({"non_speaking", "file", "eighths", "chunk_id", "sources"})
KEEP_FILE_COLUMN: frozenset[str] = frozenset({"hits", "issues"})

# Fields of an artifact that are bookkeeping, never a table.
META_FIELDS: frozenset[str] = frozenset({"kind", "sources", "files", "tool", "seconds", "filters"})


@dataclass(frozen=True)
class Table:
    """A titled grid of printable cells."""

    name: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)

    def records(self) -> list[dict[str, Cell]]:
        return [dict(zip(self.columns, row, strict=False)) for row in self.rows]


def cell(value: Any) -> Cell:
    """One printable cell: lists joined with `; `, line spans as `12–20`, nested data as JSON."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        if len(value) == 2 and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
            first, last = value
            return str(first) if first == last else f"{first}–{last}"
        if all(isinstance(v, (str, int, float)) for v in value):
            return "; ".join(str(v) for v in value)
        if all(isinstance(v, (list, tuple)) for v in value):
            return "; ".join(str(cell(v)) for v in value)
    return json.dumps(value, ensure_ascii=False, default=str)


def _expand(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row with its flat sub-mappings spread into columns (a DOOD row's `codes` by date)."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if (
            isinstance(value, Mapping)
            and value
            and all(not isinstance(v, (Mapping, list)) for v in value.values())
        ):
            for inner, inner_value in value.items():
                out.setdefault(str(inner), inner_value)
        else:
            out[str(key)] = value
    return out


def rows_to_table(name: str, rows: Sequence[Mapping[str, Any]]) -> Table:
    """A table from a list of dicts: preferred columns first, then the rest as they appear."""
    rows = [_expand(row) for row in rows]
    seen: dict[str, None] = {}
    for row in rows:
        for key in row:
            seen.setdefault(str(key), None)
    hidden = HIDDEN_COLUMNS - (KEEP_FILE_COLUMN if name in KEEP_FILE_COLUMN else frozenset())
    preferred = [c for c in COLUMNS_BY_FIELD.get(name, ()) if c in seen]
    rest = [c for c in seen if c not in preferred and c not in hidden]
    columns = preferred + rest
    return Table(name=name, columns=columns, rows=[[cell(row.get(c)) for c in columns] for row in rows])


def _mapping_table(name: str, value: Mapping[str, Any]) -> Table:
    """`{"AH FAI": 13, ...}` as two columns; `{"AH FAI": {"1": "SW", ...}}` as one row per key."""
    if all(isinstance(v, Mapping) for v in value.values()):
        rows = [{name: key, **dict(inner)} for key, inner in value.items()]
        return rows_to_table(name, rows)
    return Table(name=name, columns=[name, "value"], rows=[[str(k), cell(v)] for k, v in value.items()])


def _is_rows(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def _holds_rows(value: Any) -> bool:
    return isinstance(value, Mapping) and any(_is_rows(v) for v in value.values())


def artifact_tables(artifact: Mapping[str, Any]) -> list[Table]:
    """Every table in an artifact, its main rows first (empty when it holds none).

    Rows may sit one level down (a shot_list artifact keeps its shots in `shot_list.shots`).
    """
    tables: list[Table] = []
    ordered = [f for f in TABLE_FIELDS if f in artifact] + [f for f in artifact if f not in TABLE_FIELDS]
    for name in ordered:
        if name in META_FIELDS:
            continue
        value = artifact[name]
        if _is_rows(value):
            tables.append(rows_to_table(name, value))
        elif _holds_rows(value):
            tables.extend(artifact_tables(value))
        elif (
            isinstance(value, Mapping)
            and value
            and name != "scene"
            and all(isinstance(v, (str, int, float, Mapping)) for v in value.values())
        ):
            tables.append(_mapping_table(name, value))
    if isinstance(artifact.get("scene"), Mapping):
        tables.insert(0, rows_to_table("scenes", [artifact["scene"]]))
    return tables


def model_rows_table(name: str, rows: Sequence[BaseModel]) -> Table:
    """A table from typed rows: the row model's own columns first (read by attribute), then the
    rest of its fields as they appear; rows of a model without columns of its own as plain rows."""
    dumped = [row.model_dump(mode="json") for row in rows]
    columns = ROW_COLUMNS.get(type(rows[0])) if rows else None
    if columns is None:
        return rows_to_table(name, dumped)
    flat = [_expand(row) for row in dumped]
    seen: dict[str, None] = {}
    for row in flat:
        for key in row:
            seen.setdefault(str(key), None)
    hidden = HIDDEN_COLUMNS - (KEEP_FILE_COLUMN if name in KEEP_FILE_COLUMN else frozenset())
    first = [c.name for c in columns]
    rest = [c for c in seen if c not in first and c not in hidden]
    return Table(
        name=name,
        columns=first + rest,
        rows=[
            [cell(to_jsonable_python(c.get(row))) for c in columns] + [cell(plain.get(c)) for c in rest]
            for row, plain in zip(rows, flat, strict=True)
        ],
    )


def result_tables(result: BaseModel) -> list[Table]:
    """Every table in a typed tool result, its main rows first (empty when it holds none): the
    same tables `artifact_tables` finds in its plain data, with known rows read by attribute."""
    data = result.model_dump(mode="json")
    tables: list[Table] = []
    ordered = [f for f in TABLE_FIELDS if f in data] + [f for f in data if f not in TABLE_FIELDS]
    for name in ordered:
        if name in META_FIELDS:
            continue
        # The walk is structural (any result's fields); the rows themselves are read by attribute.
        value = getattr(result, name, None)
        if _is_rows(data[name]) and isinstance(value, list) and all(isinstance(v, BaseModel) for v in value):
            tables.append(model_rows_table(name, value))
        elif _holds_rows(data[name]) and isinstance(value, BaseModel):
            tables.extend(result_tables(value))
        elif name != "scene":  # a scene row is the first table, below
            tables.extend(artifact_tables({name: data[name]}))
    scene = getattr(result, "scene", None)
    if isinstance(scene, SceneRow):
        tables.insert(0, model_rows_table("scenes", [scene]))
    return tables


def _xlsx_bytes(columns: Sequence[str], rows: Sequence[Sequence[Cell]], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = (title or "Sheet1")[:31]
    sheet.append(list(columns))
    for header in sheet[1]:
        header.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    sheet.freeze_panes = "A2"
    for index, name in enumerate(columns, start=1):
        # CJK characters print about twice as wide as Latin ones.
        widest = max(
            [display_width(str(name))] + [display_width(str(r[index - 1] or "")) for r in rows[:200]]
        )
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = min(60, widest + 2)
    return workbook_bytes(book)


def export_rows(
    rows: Sequence[Mapping[str, Any]] | Table, format: ExportFormat, path: Path, *, title: str = ""
) -> Path:
    """Write rows (dicts, or a Table) as CSV, XLSX or Markdown at `path`, whole or not at all; return the path.

    Args:
        rows: the rows to write; dict keys become the columns.
        format: "csv" (UTF-8 with BOM, for Excel), "xlsx" or "md" (a Markdown table).
        path: where to write; its folder is created.
        title: the XLSX sheet name.
    """
    table = rows if isinstance(rows, Table) else rows_to_table(title or "rows", rows)
    if format == "csv":
        data = csv_bytes(table.columns, table.rows)
    elif format == "xlsx":
        data = _xlsx_bytes(table.columns, table.rows, title or table.name)
    elif format == "md":
        data = ("\n".join(markdown_table(table.columns, table.rows)) + "\n").encode("utf-8")
    else:
        raise SlateError("Tables can be exported as csv, xlsx or md", value=format)
    return write_table_file(path, data)
