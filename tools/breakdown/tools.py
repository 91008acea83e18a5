"""Breakdown tools: sheets per scene, element reports, department lists, the coordinator's edits."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from core.errors import SceneNotFound
from core.paths import atomic_write_bytes
from knowledge.citations import Citation
from knowledge.production import Production, normalise_scene_number
from tools.breakdown.build import build_breakdown
from tools.breakdown.edits import (
    EDITS_FILE,
    BreakdownEdit,
    apply_edits,
    diff_edits,
    edits_paths,
    load_breakdown,
    read_edits,
    save_breakdown,
    write_edits,
)
from tools.breakdown.export import ExportFormat, export_bytes
from tools.breakdown.lexicon import LEXICON
from tools.breakdown.model import (
    CATEGORY_LABELS,
    FAMILIES,
    Breakdown,
    BreakdownElement,
    Category,
    SceneBreakdown,
    fold_name,
)
from tools.registry import Quantity, ToolResult, register


class BreakdownResult(ToolResult):
    """Breakdown sheets (all scenes or the ones asked for), with the saved version."""

    kind: Literal["breakdown"] = "breakdown"
    title: str = ""
    script: str = ""
    version: int | None = None
    edits_files: list[str] = Field(default_factory=list)
    scenes: list[SceneBreakdown] = Field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"Breakdown of {self.script} (version {self.version or '-'}), {len(self.scenes)} scene{'' if len(self.scenes) == 1 else 's'}."
        ]
        for sheet in self.scenes[:40]:
            counts: dict[Category, int] = {}
            for element in sheet.elements:
                counts[element.category] = counts.get(element.category, 0) + 1
            parts = ", ".join(f"{CATEGORY_LABELS[c].split(' ')[0].lower()} {n}" for c, n in counts.items())
            lines.append(f"Sc {sheet.scene} {sheet.heading}: {parts}")
        return "\n".join(lines)


class ElementRow(BaseModel):
    """One element across the script: the scenes it is in, with counts where given."""

    category: Category
    name: str
    character: str | None = None
    scenes: list[str] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict, description="Scene → head count or quantity.")
    detail: str = ""


class ElementReportResult(ToolResult):
    """Elements across the script: an element's scenes, a category's elements, a department list."""

    kind: Literal["element_report"] = "element_report"
    query: str | None = None
    category: Category | None = None
    rows: list[ElementRow] = Field(default_factory=list)

    def summary(self) -> str:
        if not self.rows:
            return f"No breakdown element matches {self.query or self.category}."
        lines = []
        for row in self.rows:
            who = f" [{row.character}]" if row.character else ""
            lines.append(f"{row.name}{who} ({row.category}): sc " + ", ".join(row.scenes))
        return "\n".join(lines)


# --- the production's breakdown ------------------------------------------------------------------


def current_breakdown(production: Production) -> tuple[Breakdown, list[Path]]:
    """Detection with every edits file applied (the plan's, then Slate's own); not saved."""
    breakdown = build_breakdown(production)
    paths = edits_paths(production)
    for path in paths:
        breakdown = apply_edits(breakdown, read_edits(path))
    breakdown.edits_file = ", ".join(p.name for p in paths) or None
    return breakdown, paths


def saved_breakdown(production: Production) -> Breakdown:
    """The current breakdown, saved as a new version when it differs from the latest one."""
    breakdown, _paths = current_breakdown(production)
    latest = load_breakdown(production)
    if latest is not None and latest.scenes == breakdown.scenes:
        return latest
    return save_breakdown(production, breakdown)


def _select(breakdown: Breakdown, scenes: list[str] | None) -> list[SceneBreakdown]:
    if not scenes:
        return list(breakdown.scenes)
    out = []
    numbers = [s.scene for s in breakdown.scenes]
    for wanted in scenes:
        key = normalise_scene_number(wanted)
        sheet = next((s for s in breakdown.scenes if normalise_scene_number(s.scene) == key), None)
        if sheet is None:
            raise SceneNotFound(wanted, numbers[:5])
        out.append(sheet)
    return out


def _sources(sheets: list[SceneBreakdown], script: str) -> list[Citation]:
    return [Citation(file=script, doc_type="screenplay", scene=s.scene) for s in sheets[:20]]


def _result(
    production: Production, breakdown: Breakdown, sheets: list[SceneBreakdown], files: list[str]
) -> BreakdownResult:
    return BreakdownResult(
        title=breakdown.title,
        script=breakdown.script,
        version=breakdown.version,
        edits_files=[p.name for p in edits_paths(production)],
        scenes=sheets,
        files=files,
        sources=_sources(sheets, breakdown.script),
    )


@register(changes_production=True)
def breakdown_scenes(
    production: Production, scenes: list[str] | None = None, export: ExportFormat | None = None
) -> BreakdownResult:
    """Break scenes down by department: cast, extras, stunts, vehicles, props, wardrobe, effects and more.

    Args:
        scenes: scene numbers ("1", "12A", "第七場"); all scenes when empty.
        export: also write the sheets as xlsx, html, pdf, csv or json to the outputs folder.
    """
    breakdown = saved_breakdown(production)
    sheets = _select(breakdown, scenes)
    files: list[str] = []
    if export:
        chosen = breakdown.model_copy(update={"scenes": sheets})
        path = production.output_dir / f"breakdown_v{breakdown.version or 0:03d}.{export}"
        atomic_write_bytes(path, export_bytes(chosen, export))
        files.append(str(path))
    return _result(production, breakdown, sheets, files)


def _synonyms(query: str) -> tuple[set[str], set[str]]:
    """Folded names of the lexicon entries the query names, and their categories."""
    folded = fold_name(query)
    names: set[str] = set()
    categories: set[str] = set()
    for term in LEXICON:
        words = [fold_name(w.rstrip("=")) for w in (*term.english, *term.chinese)]
        if folded in words:
            names.update(words)
            categories.add(term.category)
    return names or {folded}, categories


def _name_matches(name: str, wanted: set[str]) -> bool:
    folded = fold_name(name)
    for word in wanted:
        if folded == word or (word.isascii() and f" {word} " in f" {folded} "):
            return True
        if word and not word.isascii() and word in folded:
            return True
    return False


def report_rows(
    breakdown: Breakdown, elements: list[tuple[str, BreakdownElement]], by_character: bool
) -> list[ElementRow]:
    rows: dict[tuple[str, str, str], ElementRow] = {}
    for scene, element in elements:
        key = (element.category, fold_name(element.name), (element.character or "") if by_character else "")
        row = rows.setdefault(
            key,
            ElementRow(
                category=element.category,
                name=element.name,
                character=element.character if by_character else None,
            ),
        )
        if scene not in row.scenes:
            row.scenes.append(scene)
        if element.count:
            row.counts[scene] = element.count
        row.detail = row.detail or element.detail
    return list(rows.values())


@register
def element_report(
    production: Production, element: str | None = None, category: Category | None = None
) -> ElementReportResult:
    """List every scene with an element ("the TAXI", "的士") or every element of a category ("all stunts").

    Args:
        element: an element's name in any language (TAXI, 的士, pigeons); synonyms count.
        category: cast, cast_silent, cast_voice, background, stunts, vehicles, props, wardrobe, makeup, sfx, vfx, animals, equipment, sound, set_dressing, weather or notes.
    """
    breakdown = saved_breakdown(production)
    wanted, categories = _synonyms(element) if element else (set(), set())
    found: list[tuple[str, BreakdownElement]] = []
    for sheet in breakdown.scenes:
        for item in sheet.elements:
            if category and item.category != category:
                continue
            if element and not (
                _name_matches(item.name, wanted) and (not categories or item.category in categories)
            ):
                continue
            found.append((sheet.scene, item))
    rows = report_rows(breakdown, found, by_character=False)
    if element and len(rows) > 1 and len({r.category for r in rows}) == 1:
        # one element under several names (TAXI, 的士): one row, in script order
        merged = rows[0].model_copy(deep=True)
        order = [s.scene for s in breakdown.scenes]
        for row in rows[1:]:
            merged.scenes += [s for s in row.scenes if s not in merged.scenes]
            merged.counts.update(row.counts)
        merged.scenes.sort(key=order.index)
        merged.detail = "also written: " + ", ".join(r.name for r in rows[1:])
        rows = [merged]
    return ElementReportResult(
        query=element, category=category, rows=rows, sources=_sources(breakdown.scenes, breakdown.script)
    )


Department = Literal[
    "cast", "background", "stunts", "vehicles", "props", "wardrobe", "makeup", "sfx", "vfx",
    "animals", "equipment", "sound", "set_dressing",
]  # fmt: skip


@register(changes_production=True)
def department_list(
    production: Production, department: Department, export: Literal["csv", "xlsx"] | None = None
) -> ElementReportResult:
    """A department's list across the script: props list, wardrobe list by character and scene, extras counts.

    Args:
        department: props, wardrobe, makeup, background, stunts, vehicles, sfx, vfx, animals, equipment, sound, set_dressing or cast.
        export: also write the list as csv or xlsx to the outputs folder.
    """
    breakdown = saved_breakdown(production)
    family = FAMILIES[department]
    categories = [department] if department not in ("cast",) else ["cast", "cast_silent", "cast_voice"]
    if family == "props" and department == "props":
        categories = ["props"]
    found = [(s.scene, e) for s in breakdown.scenes for e in s.elements if e.category in categories]
    rows = report_rows(breakdown, found, by_character=department in ("wardrobe", "makeup"))
    rows.sort(key=lambda r: ((r.character or ""), fold_name(r.name)))
    files = []
    if export:
        path = production.output_dir / f"{department}_list.{export}"
        atomic_write_bytes(path, _list_bytes(rows, export))
        files.append(str(path))
    return ElementReportResult(
        category=department, rows=rows, files=files, sources=_sources(breakdown.scenes, breakdown.script)
    )


def _list_bytes(rows: list[ElementRow], fmt: str) -> bytes:
    header = ["Element", "Character", "Category", "Scenes", "Counts", "Detail"]
    values = [
        [
            r.name,
            r.character or "",
            r.category,
            ", ".join(r.scenes),
            ", ".join(f"{k}: {v}" for k, v in r.counts.items()),
            r.detail,
        ]
        for r in rows
    ]
    if fmt == "csv":
        import csv
        import io

        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(values)
        return ("\ufeff" + out.getvalue()).encode("utf-8")
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    for row in values:
        sheet.append(row)
    import io as _io

    buffer = _io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@register(changes_production=True)
def edit_breakdown(
    production: Production,
    scene: str,
    category: Category,
    name: str,
    count: Quantity | None = None,
    character: str | None = None,
    detail: str | None = None,
    remove: bool = False,
) -> BreakdownResult:
    """Add, change or remove one breakdown element of a scene (the coordinator's edit wins over detection).

    Args:
        scene: the scene number ("1", "12A").
        category: the element's category (props, background, stunts, wardrobe ...).
        name: the element's name as the department lists it (TAXI, 臨記, BUTTERFLY KNIFE).
        count: head count or quantity, for extras and multiples.
        character: whose wardrobe or make-up it is.
        detail: a note for the department.
        remove: true to take the element out of the scene.
    """
    edit = BreakdownEdit(
        scene=scene,
        category=category,
        name=name,
        count=count,
        character=character,
        detail=detail,
        remove=remove,
    )
    breakdown, _paths = current_breakdown(production)
    apply_edits(breakdown, [edit])  # fails here, with the nearest scenes, before anything is written
    own = production.artifacts_dir / EDITS_FILE
    previous = read_edits(own) if own.exists() else []
    write_edits(own, [*previous, edit])
    saved = saved_breakdown(production)
    return _result(production, saved, _select(saved, [scene]), [str(own)])


@register(changes_production=True)
def import_breakdown(production: Production, path: str) -> BreakdownResult:
    """Bring back a breakdown spreadsheet the coordinator edited (XLSX Elements sheet, CSV or YAML).

    Args:
        path: the edited file; rows added, changed or deleted there become edits that win over detection.
    """
    rows = read_edits(path)
    own = production.artifacts_dir / EDITS_FILE
    base = build_breakdown(production)
    for edits_file in edits_paths(production):
        if edits_file != own:
            base = apply_edits(base, read_edits(edits_file))
    edits = diff_edits(base, rows)
    apply_edits(base, edits)
    write_edits(own, edits)
    saved = saved_breakdown(production)
    return _result(production, saved, list(saved.scenes), [str(own)])
