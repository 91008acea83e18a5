"""The coordinator's edits to a breakdown (they always win over detection), and saved versions.

An edits file is YAML, CSV or XLSX with one row per element:
`scene, category, name, count, character, detail, remove`. A row naming an element the scene
already has changes it (count, character, detail); `remove: true` (or `remove`/`x` in a sheet)
takes it out; any other row adds an element. The plan's `breakdown:` key points at the
coordinator's own file; edits made through Slate (chat, `slate breakdown edit`, `import`) go to
`artifacts/breakdown_edits.yaml`, never into the coordinator's file, and are applied after it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field

from core.errors import InputFileError, SlateError
from core.paths import atomic_write_text, create_new_file
from knowledge.production import Production
from tools.breakdown.model import (
    CATEGORIES,
    CATEGORY_LABELS,
    Breakdown,
    BreakdownElement,
    Category,
    ElementSource,
    fold_name,
)
from tools.cell_safety import restore_cell

EDITS_FILE = "breakdown_edits.yaml"
VERSIONS_DIR = "breakdown"
COLUMNS = ("scene", "category", "name", "count", "character", "detail", "remove")
_HEADER_ALIASES = {
    "scene": "scene", "sc": "scene", "場": "scene", "場次": "scene",
    "category": "category", "類別": "category", "department": "category",
    "name": "name", "element": "name", "項目": "name",
    "count": "count", "qty": "count", "數量": "count", "人數": "count",
    "character": "character", "角色": "character",
    "detail": "detail", "details": "detail", "notes": "detail", "備註": "detail",
    "remove": "remove", "delete": "remove", "刪除": "remove",
    "source": "source", "來源": "source",
}  # fmt: skip


class BreakdownEditError(SlateError):
    """An edit that cannot apply: a scene or category that does not exist, a bad count."""


class BreakdownEdit(BaseModel):
    """One row of the coordinator's edits."""

    scene: str
    category: Category
    name: str
    count: int | None = None
    character: str | None = None
    detail: str | None = None
    remove: bool = False
    file: str | None = Field(None, description="The edits file the row came from.")
    line: int | None = None


def category_of(text: str, *, file: str | Path | None = None, line: int | None = None) -> Category:
    """`props`, `Props 道具`, `道具`, `Background Actors`, `make-up` → the category."""
    folded = fold_name(text).replace("/", " ").replace("_", " ")
    for category in CATEGORIES:
        label = CATEGORY_LABELS[category]
        if folded in (fold_name(category.replace("_", " ")), fold_name(label)) or any(
            folded == fold_name(part) for part in label.replace("/", " ").split()
        ):
            return category
    from tools.breakdown.build import FDX_CATEGORIES

    if folded in FDX_CATEGORIES:
        return FDX_CATEGORIES[folded]
    extra = {"extras": "background", "make up": "makeup", "makeup hair": "makeup", "hair": "makeup",
             "costume": "wardrobe", "costumes": "wardrobe", "special effect": "sfx", "sfx": "sfx",
             "vfx": "vfx", "music": "sound", "silent": "cast_silent", "voice": "cast_voice"}  # fmt: skip
    if folded in extra:
        return extra[folded]  # type: ignore[return-value]
    raise BreakdownEditError(
        f"Unknown breakdown category {text!r}",
        file=file,
        line=line,
        value=text,
        hint="Categories: " + ", ".join(CATEGORIES),
    )


def _truthy(value: Any) -> bool:
    return str(value).strip().casefold() in ("true", "yes", "y", "1", "x", "remove", "刪除", "✓")


def _row_edit(row: dict[str, Any], file: Path, line: int | None) -> BreakdownEdit | None:
    if not any(str(v or "").strip() for v in row.values()):
        return None
    for needed in ("scene", "category", "name"):
        if not str(row.get(needed) or "").strip():
            raise BreakdownEditError(f"The row has no {needed}", file=file, line=line, value=row)
    count_text = str(row.get("count") or "").strip()
    try:
        count = int(float(count_text)) if count_text else None
    except ValueError:
        raise BreakdownEditError(
            "The count is not a number", file=file, line=line, value=count_text
        ) from None
    return BreakdownEdit(
        scene=str(row["scene"]).strip(),
        category=category_of(str(row["category"]), file=file, line=line),
        name=str(row["name"]).strip(),
        count=count,
        character=str(row.get("character") or "").strip() or None,
        detail=str(row.get("detail") or "").strip() or None,
        remove=_truthy(row.get("remove") or ""),
        file=file.name,
        line=line,
    )


def _normalise_headers(row: dict[str, Any]) -> dict[str, Any]:
    return {_HEADER_ALIASES.get(str(k or "").strip().casefold(), str(k or "")): v for k, v in row.items()}


def read_edits(path: str | Path) -> list[BreakdownEdit]:
    """Edits from a YAML, CSV or XLSX file (the XLSX's `Elements` sheet, as `export` writes it)."""
    file = Path(path)
    if not file.exists():
        raise InputFileError("The breakdown edits file does not exist", file=file)
    suffix = file.suffix.lower()
    rows: list[tuple[dict[str, Any], int | None]] = []
    if suffix in (".yaml", ".yml", ".json"):
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        items = data.get("elements", []) if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise BreakdownEditError("`elements:` must be a list of rows", file=file)
        rows = [(_normalise_headers(item), None) for item in items if isinstance(item, dict)]
    elif suffix in (".csv", ".tsv"):
        text = file.read_text(encoding="utf-8-sig")
        reader = csv.DictReader(io.StringIO(text), delimiter="\t" if suffix == ".tsv" else ",")
        rows = [
            (
                {k: restore_cell(v) if isinstance(v, str) else v for k, v in _normalise_headers(row).items()},
                index + 2,
            )
            for index, row in enumerate(reader)
        ]
    elif suffix == ".xlsx":
        rows = _xlsx_rows(file)
    else:
        raise BreakdownEditError("Breakdown edits are YAML, CSV or XLSX", file=file, value=file.suffix)
    return [edit for row, line in rows if (edit := _row_edit(row, file, line)) is not None]


def _xlsx_rows(file: Path) -> list[tuple[dict[str, Any], int | None]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(file, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InputFileError(f"Cannot read the workbook: {exc}", file=file) from None
    sheet = book["Elements"] if "Elements" in book.sheetnames else book.worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    if not values:
        return []
    header = [_HEADER_ALIASES.get(str(v or "").strip().casefold(), str(v or "")) for v in values[0]]
    return [
        (dict(zip(header, row, strict=False)), index + 1) for index, row in enumerate(values[1:], start=1)
    ]


def write_edits(path: Path, edits: Sequence[BreakdownEdit]) -> None:
    """The edits as YAML (one flow mapping a row, so a diff shows one line per element)."""
    lines = [
        "# Breakdown edits (slate breakdown): rows win over detection; remove: true takes one out.",
        "elements:",
    ]
    for edit in edits:
        row = edit.model_dump(exclude={"file", "line"}, exclude_none=True, exclude_defaults=False)
        if not row.get("remove"):
            row.pop("remove", None)
        lines.append("  - " + json.dumps(row, ensure_ascii=False))
    atomic_write_text(path, "\n".join(lines) + "\n")


def apply_edits(breakdown: Breakdown, edits: Sequence[BreakdownEdit]) -> Breakdown:
    """The breakdown with every edit applied in order (later rows win)."""
    out = breakdown.model_copy(deep=True)
    for edit in edits:
        sheet = out.scene(edit.scene)
        if sheet is None:
            raise BreakdownEditError(
                f"Scene {edit.scene} is not in the script",
                file=edit.file,
                line=edit.line,
                value=edit.scene,
                hint="Scenes: " + ", ".join(s.scene for s in out.scenes[:12]),
            )
        key = fold_name(edit.name)
        match = next(
            (e for e in sheet.elements if e.category == edit.category and fold_name(e.name) == key), None
        )
        if edit.remove:
            if match is not None:
                sheet.elements.remove(match)
            continue
        source = ElementSource(
            file=edit.file or EDITS_FILE, line=edit.line, scene=sheet.scene, origin="coordinator"
        )
        if match is None:
            sheet.elements.append(
                BreakdownElement(
                    category=edit.category,
                    name=edit.name,
                    count=edit.count,
                    character=edit.character,
                    detail=edit.detail or "",
                    sources=[source],
                    edited=True,
                )
            )
            continue
        if edit.count is not None:
            match.count = edit.count
        if edit.character is not None:
            match.character = edit.character
        if edit.detail is not None:
            match.detail = edit.detail
        match.edited = True
        match.sources.append(source)
    return out


def diff_edits(detected: Breakdown, edited_rows: Sequence[BreakdownEdit]) -> list[BreakdownEdit]:
    """The edits that turn `detected` into a sheet's full list of rows (an imported spreadsheet):
    rows the detection lacks are added, rows that differ are changed, missing rows are removed."""
    edits: list[BreakdownEdit] = []
    wanted: dict[tuple[str, str, str], BreakdownEdit | None] = {}
    for row in edited_rows:
        wanted[(row.scene.upper(), row.category, fold_name(row.name))] = row
    for sheet in detected.scenes:
        for element in sheet.elements:
            key = (sheet.scene.upper(), element.category, fold_name(element.name))
            found = wanted.pop(key, None)
            if found is None or found.remove:
                edits.append(
                    BreakdownEdit(
                        scene=sheet.scene, category=element.category, name=element.name, remove=True
                    )
                )
            elif (found.count, found.character or None, found.detail or "") != (
                element.count,
                element.character,
                element.detail,
            ):
                edits.append(found)
    edits += [row for row in wanted.values() if row is not None and not row.remove]
    return edits


# --- saved versions ------------------------------------------------------------------------------


def versions_dir(production: Production) -> Path:
    return production.artifacts_dir / VERSIONS_DIR


def list_versions(production: Production) -> list[int]:
    folder = versions_dir(production)
    if not folder.is_dir():
        return []
    return sorted(int(p.stem[1:]) for p in folder.glob("v[0-9][0-9][0-9].json"))


def save_breakdown(production: Production, breakdown: Breakdown) -> Breakdown:
    """Save as the next version (a new file each time; two saves at once get two versions)."""
    folder = versions_dir(production)
    folder.mkdir(parents=True, exist_ok=True)
    for _attempt in range(1000):
        number = max(list_versions(production), default=0) + 1
        saved = breakdown.model_copy(
            update={"version": number, "saved_at": datetime.now(UTC).isoformat(timespec="seconds")}
        )
        if create_new_file(folder / f"v{number:03d}.json", saved.model_dump_json(indent=1).encode("utf-8")):
            return saved
    raise SlateError("Could not find a free version number for the breakdown", file=folder)


def load_breakdown(production: Production, version: int | None = None) -> Breakdown | None:
    """A saved version (the latest by default), or None when none is saved."""
    versions = list_versions(production)
    if not versions:
        return None
    number = versions[-1] if version is None else version
    path = versions_dir(production) / f"v{number:03d}.json"
    if not path.exists():
        raise SlateError(
            f"There is no breakdown version {number}",
            value=number,
            hint="Saved versions: " + ", ".join(str(v) for v in versions),
        )
    return Breakdown.model_validate_json(path.read_text(encoding="utf-8"))


def edits_paths(production: Production) -> list[Path]:
    """The coordinator's file the plan points to (if any), then Slate's own edits file."""
    out: list[Path] = []
    if production.plan_path is not None:
        from knowledge.plan import load_plan

        plan = load_plan(production.plan_path)
        path = plan.list_path("breakdown")
        if path is not None:
            out.append(path)
    own = production.artifacts_dir / EDITS_FILE
    if own.exists():
        out.append(own)
    return out
