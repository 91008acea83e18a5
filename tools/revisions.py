"""Script revisions: a new draft of the same screenplay compared with the current one, scene by
scene, with locked scene numbers and the revision colours, and what the change does to the
production (stale shot lists, breakdown elements, cast days, schedule hours).

Scenes are matched by content, not by position: each new scene is paired with the old scene it
is most like (heading and text, difflib), one to one, above a floor; a new draft that kept the
script's own numbers (`#12#`) pairs those first. Locked numbering then follows the convention of
locked scripts: a kept scene keeps its number, a new scene takes the previous scene's number plus
the next free letter (12A, 12B; A1 before the first scene), and a removed scene stays in the list
as `12 OMITTED`. Drafts are copied into `artifacts/drafts/` so the previous one stays readable.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from core.errors import SlateError
from core.paths import atomic_write_bytes, atomic_write_text
from knowledge.loader import load_screenplay
from knowledge.production import Production
from knowledge.screenplay import Scene, Screenplay, eighths_text
from tools.registry import ToolResult, register

REVISION_COLOURS = ("white", "blue", "pink", "yellow", "green", "goldenrod", "buff", "salmon", "cherry")
RevisionColour = Literal["white", "blue", "pink", "yellow", "green", "goldenrod", "buff", "salmon", "cherry"]
SceneStatus = Literal["added", "omitted", "changed", "moved", "unchanged"]
ChangePart = Literal["heading", "action", "dialogue"]
DRAFTS_DIR = "drafts"
MATCH_FLOOR = 0.45
_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O: they read as 1 and 0


class SceneChange(BaseModel):
    """One scene's fate between the drafts, under its locked number."""

    number: str = Field(description="Locked number: the old one for kept scenes, 12A-style for new ones.")
    status: SceneStatus
    heading: str
    old_number: str | None = None
    new_number: str | None = Field(None, description="The number the new draft itself prints, if any.")
    changes: list[ChangePart] = Field(default_factory=list)
    moved: bool = False
    old_eighths: int | None = None
    new_eighths: int | None = None
    similarity: float = 0.0

    @property
    def eighths_delta(self) -> int:
        return (self.new_eighths or 0) - (self.old_eighths or 0)

    def label(self) -> str:
        if self.status == "omitted":
            return f"{self.number} OMITTED"
        parts = [self.status] + (["moved"] if self.moved and self.status != "moved" else [])
        extra = f" ({', '.join(self.changes)})" if self.changes else ""
        delta = self.eighths_delta
        length = (
            f", {'+' if delta > 0 else '-'}{eighths_text(abs(delta))} pp"
            if delta and self.status != "added"
            else ""
        )
        return f"{self.number} {'/'.join(parts)}{extra}{length}"


class StaleShotList(BaseModel):
    scene: str
    version: int
    reason: Literal["omitted", "changed", "lines_shifted"]


class ElementChange(BaseModel):
    scene: str
    category: str
    name: str
    change: Literal["appeared", "vanished"]


class CastChange(BaseModel):
    character: str
    gained: list[str] = Field(default_factory=list)
    lost: list[str] = Field(default_factory=list)


class DayChange(BaseModel):
    day: int
    date: str
    scenes: list[str]
    old_hours: float
    new_hours: float

    @property
    def delta(self) -> float:
        return round(self.new_hours - self.old_hours, 2)


class DraftRecord(BaseModel):
    revision: int
    colour: RevisionColour
    file: str = Field(description="The stored copy, relative to the project's artifacts folder.")
    source: str
    saved_at: str


class RevisionReport(ToolResult):
    """A new draft against the current one: every scene's change and what it does to the production."""

    kind: Literal["revision_report"] = "revision_report"
    old_draft: str
    new_draft: str
    colour: RevisionColour
    revision: int = Field(description="0 for the white draft, 1 for blue, ...")
    scenes: list[SceneChange] = Field(default_factory=list)
    stale_shot_lists: list[StaleShotList] = Field(default_factory=list)
    elements: list[ElementChange] = Field(default_factory=list)
    cast: list[CastChange] = Field(default_factory=list)
    days: list[DayChange] = Field(default_factory=list)
    unscheduled: list[str] = Field(default_factory=list, description="New scenes no schedule day holds yet.")

    def of(self, status: SceneStatus) -> list[SceneChange]:
        return [s for s in self.scenes if s.status == status or (status == "moved" and s.moved)]

    def summary(self) -> str:
        lines = [f"{self.new_draft} ({self.colour} pages) against {self.old_draft}:"]
        lines += [f"  {s.label()}" for s in self.scenes if s.status != "unchanged" or s.moved]
        if self.stale_shot_lists:
            lines.append(
                "Stale shot lists: "
                + ", ".join(f"sc {s.scene} v{s.version} ({s.reason})" for s in self.stale_shot_lists)
            )
        for change in self.elements[:30]:
            lines.append(f"  sc {change.scene}: {change.category} {change.name} {change.change}")
        for cast in self.cast:
            moves = ([f"gains sc {', '.join(cast.gained)}"] if cast.gained else []) + (
                [f"loses sc {', '.join(cast.lost)}"] if cast.lost else []
            )
            lines.append(f"  {cast.character}: {'; '.join(moves)}")
        for day in self.days:
            lines.append(f"  day {day.day} ({day.date}): {day.old_hours:g} h → {day.new_hours:g} h")
        return "\n".join(lines)


# --- comparing -----------------------------------------------------------------------------------


def _texts(scene: Scene) -> tuple[str, str, str]:
    """(heading, action, dialogue with its cues) of a scene, whitespace squeezed."""
    action, dialogue = [], []
    for element in scene.elements:
        if element.type in ("action", "centered"):
            action.append(" ".join(element.text.split()))
        elif element.type in ("character", "dialogue", "parenthetical", "lyrics"):
            dialogue.append(" ".join(element.text.split()))
    return " ".join(scene.heading.split()).upper(), "\n".join(action), "\n".join(dialogue)


def _similarity(old: Scene, new: Scene) -> float:
    a, b = _texts(old), _texts(new)
    heading = difflib.SequenceMatcher(None, a[0], b[0]).ratio()
    body_a, body_b = a[1] + "\n" + a[2], b[1] + "\n" + b[2]
    matcher = difflib.SequenceMatcher(None, body_a, body_b, autojunk=False)
    if matcher.real_quick_ratio() < MATCH_FLOOR:
        return 0.3 * heading
    return 0.3 * heading + 0.7 * matcher.ratio()


def match_scenes(old: Sequence[Scene], new: Sequence[Scene]) -> dict[int, tuple[int, float]]:
    """new index → (old index, similarity), one to one, best pairs first."""
    pairs = sorted(
        ((_similarity(o, n), ni, oi) for ni, n in enumerate(new) for oi, o in enumerate(old)),
        reverse=True,
    )
    taken_old: set[int] = set()
    out: dict[int, tuple[int, float]] = {}
    for score, ni, oi in pairs:
        if score < MATCH_FLOOR:
            break
        if ni in out or oi in taken_old:
            continue
        out[ni] = (oi, score)
        taken_old.add(oi)
    return out


def _kept_in_order(old_indices: list[int]) -> set[int]:
    """The longest run of old positions that stays in order (everything else moved)."""
    if not old_indices:
        return set()
    best: list[list[int]] = []
    for value in old_indices:
        candidates = [seq for seq in best if seq[-1] < value]
        chain = [*max(candidates, key=lambda seq: len(seq)), value] if candidates else [value]
        best.append(chain)
    longest: list[int] = max(best, key=len)
    return set(longest)


def _next_number(previous: str | None, used: set[str]) -> str:
    """12 → 12A (or 12B if 12A is taken); 12A → 12B; at the top: A1, B1 ..."""
    if previous is None:
        for letter in _LETTERS:
            if f"{letter}1" not in used:
                return f"{letter}1"
    assert previous is not None
    match = re.fullmatch(r"(.*?\d+)([A-Z]*)", previous.upper()) or re.fullmatch(r"(.*)()", previous)
    assert match is not None
    base, suffix = match.group(1), match.group(2)
    start = _LETTERS.index(suffix[-1]) + 1 if suffix and suffix[-1] in _LETTERS else 0
    for letter in _LETTERS[start:]:
        candidate = f"{base}{suffix[:-1] if suffix else ''}{letter}"
        if candidate not in used:
            return candidate
    return _next_number(f"{base}{suffix}Z", used)


def compare_screenplays(old: Screenplay, new: Screenplay) -> list[SceneChange]:
    """Every scene of both drafts, in new-draft order with omitted scenes at their old place."""
    matched = match_scenes(old.scenes, new.scenes)
    in_order = _kept_in_order([matched[i][0] for i in sorted(matched)])
    used = {s.number.upper() for s in old.scenes}
    out: list[SceneChange] = []
    previous: str | None = None
    placed_old: set[int] = set()
    for ni, scene in enumerate(new.scenes):
        if ni in matched:
            oi, score = matched[ni]
            # omitted scenes that sat before this one in the old draft go here, in old order
            for gone in range(oi):
                if gone not in placed_old and gone not in {m[0] for m in matched.values()}:
                    out.append(_omitted(old.scenes[gone]))
                    placed_old.add(gone)
            placed_old.add(oi)
            before, after = _texts(old.scenes[oi]), _texts(scene)
            names: tuple[ChangePart, ...] = ("heading", "action", "dialogue")
            parts = [part for part, a, b in zip(names, before, after, strict=True) if a != b]
            moved = oi not in in_order
            status: SceneStatus = "changed" if parts else ("moved" if moved else "unchanged")
            number = old.scenes[oi].number
            out.append(
                SceneChange(
                    number=number, status=status, heading=scene.heading, old_number=number,
                    new_number=scene.number, changes=parts, moved=moved,
                    old_eighths=old.scenes[oi].eighths, new_eighths=scene.eighths, similarity=round(score, 3),
                )
            )  # fmt: skip
        else:
            number = _next_number(previous, used)
            used.add(number.upper())
            out.append(
                SceneChange(
                    number=number,
                    status="added",
                    heading=scene.heading,
                    new_number=scene.number,
                    new_eighths=scene.eighths,
                )
            )
        previous = number
    for oi, scene in enumerate(old.scenes):
        if oi not in placed_old and oi not in {m[0] for m in matched.values()}:
            out.append(_omitted(scene))
    return out


def _omitted(scene: Scene) -> SceneChange:
    return SceneChange(
        number=scene.number,
        status="omitted",
        heading=scene.heading,
        old_number=scene.number,
        old_eighths=scene.eighths,
    )


# --- impact --------------------------------------------------------------------------------------


def _stale_shot_lists(production: Production, changes: Sequence[SceneChange]) -> list[StaleShotList]:
    from tools.shot_list_io import list_versions

    out = []
    shifted = False
    for change in changes:
        if change.old_number is None:
            shifted = True
            continue
        versions = list_versions(production, change.old_number)
        if change.status in ("omitted", "changed") or change.eighths_delta:
            shifted = True
        if not versions:
            continue
        if change.status == "omitted":
            out.append(StaleShotList(scene=change.old_number, version=versions[-1], reason="omitted"))
        elif change.status == "changed":
            out.append(StaleShotList(scene=change.old_number, version=versions[-1], reason="changed"))
        elif shifted or change.moved:
            out.append(StaleShotList(scene=change.old_number, version=versions[-1], reason="lines_shifted"))
    return out


def _new_production(production: Production, script: Screenplay) -> Production:
    return Production(
        name=production.name, screenplay=script, cast=production.cast, locations=production.locations,
        plan_path=production.plan_path, documents=production.documents, project_dir=production.project_dir,
    )  # fmt: skip


def _renumbered(production: Production, changes: Sequence[SceneChange], new: bool) -> dict[str, Scene]:
    """Locked number → scene, for the old or the new draft."""
    scenes = {s.number: s for s in production.scenes}
    out = {}
    for change in changes:
        own = change.new_number if new else change.old_number
        if own is not None and own in scenes:
            out[change.number] = scenes[own]
    return out


def _element_changes(old: Production, new: Production, changes: Sequence[SceneChange]) -> list[ElementChange]:
    from tools.breakdown.build import build_breakdown
    from tools.breakdown.model import fold_name

    before, after = build_breakdown(old), build_breakdown(new)
    out: list[ElementChange] = []
    for change in changes:
        a = before.scene(change.old_number) if change.old_number else None
        b = after.scene(change.new_number) if change.new_number and change.status != "omitted" else None
        keys_a = {
            (e.category, fold_name(e.name)): e
            for e in (a.elements if a else [])
            if not e.category.startswith("cast")
        }
        keys_b = {
            (e.category, fold_name(e.name)): e
            for e in (b.elements if b else [])
            if not e.category.startswith("cast")
        }
        out += [
            ElementChange(scene=change.number, category=k[0], name=e.name, change="vanished")
            for k, e in keys_a.items()
            if k not in keys_b
        ]
        out += [
            ElementChange(scene=change.number, category=k[0], name=e.name, change="appeared")
            for k, e in keys_b.items()
            if k not in keys_a
        ]
    return out


def _cast_changes(old: Production, new: Production, changes: Sequence[SceneChange]) -> list[CastChange]:
    def who(scene: Scene | None) -> set[str]:
        return set(scene.characters) | set(scene.non_speaking) if scene else set()

    before, after = _renumbered(old, changes, new=False), _renumbered(new, changes, new=True)
    people: dict[str, CastChange] = {}
    for change in changes:
        a = who(before.get(change.number)) if change.status != "added" else set()
        b = who(after.get(change.number)) if change.status != "omitted" else set()
        for name in sorted(b - a):
            people.setdefault(name, CastChange(character=name)).gained.append(change.number)
        for name in sorted(a - b):
            people.setdefault(name, CastChange(character=name)).lost.append(change.number)
    return sorted(people.values(), key=lambda c: c.character)


def _hours(eighths: int, pages_per_hour: float) -> float:
    return max(0.25, math.ceil(eighths / 8 / pages_per_hour * 4 - 1e-9) / 4)


def _day_changes(production: Production, changes: Sequence[SceneChange]) -> tuple[list[DayChange], list[str]]:
    """Each saved schedule day's hours with the new draft's page counts (plan est_hours stay)."""
    path = production.output_dir / "schedule.json" if production.project_dir is not None else None
    if path is None or not path.exists():
        return [], [c.number for c in changes if c.status == "added"]
    days = json.loads(path.read_text(encoding="utf-8")).get("days", [])
    pages_per_hour, fixed = 0.5, set()
    if production.plan_path is not None:
        from knowledge.plan import load_plan

        plan = load_plan(production.plan_path)
        pages_per_hour = plan.pages_per_hour
        fixed = {s.id.upper() for s in plan.scenes if s.est_hours}
    by_old = {c.old_number: c for c in changes if c.old_number}
    out = []
    for index, day in enumerate(days, start=1):
        old_hours = float(day.get("hours", 0))
        new_hours = old_hours
        for number in day.get("scenes", []):
            change = by_old.get(str(number))
            if change is None or str(number).upper() in fixed:
                continue
            old = _hours(change.old_eighths or 1, pages_per_hour)
            new = 0.0 if change.status == "omitted" else _hours(change.new_eighths or 1, pages_per_hour)
            new_hours += new - old
        if abs(new_hours - old_hours) > 1e-9:
            out.append(DayChange(day=index, date=str(day.get("date", "")), scenes=[str(s) for s in day.get("scenes", [])],
                                 old_hours=old_hours, new_hours=round(new_hours, 2)))  # fmt: skip
    scheduled = {str(s) for day in days for s in day.get("scenes", [])}
    return out, [c.number for c in changes if c.status == "added" and c.number not in scheduled]


# --- drafts --------------------------------------------------------------------------------------


def drafts_index(production: Production) -> list[DraftRecord]:
    path = production.artifacts_dir / DRAFTS_DIR / "drafts.json"
    if not path.exists():
        return []
    return [DraftRecord.model_validate(item) for item in json.loads(path.read_text(encoding="utf-8"))]


def _store_draft(production: Production, script: Path, colour: RevisionColour, revision: int) -> DraftRecord:
    folder = production.artifacts_dir / DRAFTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{revision:02d}-{colour}-{script.name}"
    atomic_write_bytes(target, script.read_bytes())  # a kill mid-copy never leaves half a draft
    record = DraftRecord(
        revision=revision, colour=colour, file=str(target.relative_to(production.artifacts_dir)),
        source=str(script), saved_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )  # fmt: skip
    records = [r for r in drafts_index(production) if r.revision != revision] + [record]
    atomic_write_text(
        folder / "drafts.json", json.dumps([r.model_dump() for r in records], ensure_ascii=False, indent=1)
    )
    return record


def revision_colour(revision: int) -> RevisionColour:
    """0 → white, 1 → blue, … 8 → cherry; after cherry the cycle starts again (double white …)."""
    return REVISION_COLOURS[revision % len(REVISION_COLOURS)]  # type: ignore[return-value]


@register(changes_production=True)
def compare_drafts(
    production: Production, new_script: str, colour: RevisionColour | None = None
) -> RevisionReport:
    """Compare a new draft of the screenplay with the current one: scenes added, omitted, changed, moved, and their impact.

    Args:
        new_script: path of the new draft (.fountain .fdx .pdf .docx .txt).
        colour: the revision colour of the new pages (white, blue, pink, yellow, green, goldenrod, buff, salmon, cherry); the next one in order when empty.
    """
    old_script = production.require_script()
    new_path = Path(new_script)
    if not new_path.exists():
        raise SlateError("The new draft does not exist", file=new_path)
    new = load_screenplay(new_path)
    history = drafts_index(production)
    if not history:
        history = [_store_draft(production, Path(old_script.path or old_script.file), "white", 0)]
    revision = max(r.revision for r in history) + 1
    if colour is not None:
        revision = REVISION_COLOURS.index(colour) + len(REVISION_COLOURS) * (
            (revision - 1) // len(REVISION_COLOURS)
        )
        revision = max(revision, 1)
    chosen = colour or revision_colour(revision)
    record = _store_draft(production, new_path, chosen, revision)
    changes = compare_screenplays(old_script, new)
    new_production = _new_production(production, new)
    days, unscheduled = _day_changes(production, changes)
    return RevisionReport(
        old_draft=Path(old_script.file).name,
        new_draft=new_path.name,
        colour=chosen,
        revision=revision,
        scenes=changes,
        stale_shot_lists=_stale_shot_lists(production, changes),
        elements=_element_changes(production, new_production, changes),
        cast=_cast_changes(production, new_production, changes),
        days=days,
        unscheduled=unscheduled,
        files=[str(production.artifacts_dir / record.file)],
    )


class DraftsResult(ToolResult):
    """The drafts kept for this production, oldest first (each stays readable)."""

    kind: Literal["revision_report"] = "revision_report"
    drafts: list[DraftRecord] = Field(default_factory=list)

    def summary(self) -> str:
        return (
            "\n".join(f"{d.revision}: {d.colour} — {Path(d.file).name} ({d.saved_at})" for d in self.drafts)
            or "No drafts kept yet."
        )


@register
def list_drafts(production: Production) -> DraftsResult:
    """List the screenplay drafts kept for this production with their revision colours."""
    return DraftsResult(drafts=drafts_index(production))


@register
def draft_changes(production: Production, revision: int | None = None) -> RevisionReport:
    """Say what changed between two kept drafts: the latest against the one before it, or revision N against N-1.

    Reads the stored copies only and keeps no new draft. Shot lists, breakdown elements and cast are
    compared between the two stored drafts; schedule hours are those of the current saved schedule,
    so they are honest only when that schedule was made on the older of the two drafts.

    Args:
        revision: the revision to explain (1 for blue, ...); the latest kept when empty.
    """
    kept = sorted(drafts_index(production), key=lambda r: r.revision)
    if len(kept) < 2:
        raise SlateError(
            "Fewer than two drafts are kept",
            value=str(len(kept)),
            hint="Compare a new draft with compare_drafts first.",
        )
    wanted = kept[-1].revision if revision is None else revision
    index = next((i for i, r in enumerate(kept) if r.revision == wanted), None)
    if index is None or index == 0:
        raise SlateError("No kept draft before this revision", value=str(wanted))
    before, after = kept[index - 1], kept[index]
    old = load_screenplay(production.artifacts_dir / before.file)
    new = load_screenplay(production.artifacts_dir / after.file)
    changes = compare_screenplays(old, new)
    old_production, new_production = _new_production(production, old), _new_production(production, new)
    days, unscheduled = _day_changes(production, changes)
    return RevisionReport(
        old_draft=Path(before.file).name,
        new_draft=Path(after.file).name,
        colour=after.colour,
        revision=after.revision,
        scenes=changes,
        stale_shot_lists=_stale_shot_lists(production, changes),
        elements=_element_changes(old_production, new_production, changes),
        cast=_cast_changes(old_production, new_production, changes),
        days=days,
        unscheduled=unscheduled,
    )
