"""Scheduling tools for the agent, the CLI and the UI: plan the shoot, add an unavailability, call sheets.

The plan is the production's ingested plan (`production.plan_path`), or one given by the CLI.
Unavailability the crew reports in chat ("劉Sir 3號唔得，重新排") is recorded in the project's
`artifacts/schedule_overrides.yaml`, never in the user's plan file, and applied to every later plan.
The last schedule is cached beside it (keyed by everything that shaped it), so a call sheet asked
for after planning describes the plan the crew was shown.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field

from core.errors import CharacterNotFound, SlateError
from core.paths import atomic_write_text
from knowledge.cast_list import normalise_name
from knowledge.citations import Citation
from knowledge.plan import (
    CastIndex,
    Plan,
    SceneNeeds,
    StripScene,
    breakdown_from_production,
    check_strips,
    load_plan,
)
from knowledge.production import Production
from tools.breakdown.build import notes_documents
from tools.breakdown.edits import edits_paths
from tools.breakdown.model import Breakdown
from tools.breakdown.tools import current_breakdown
from tools.registry import ShootingDay, SolverSeconds, ToolResult, register
from tools.schedule.callsheet import (
    CallCast,
    CallElement,
    CallLocation,
    CallNote,
    CallScene,
    CallSheet,
    build_call_sheet,
    call_sheet_html,
    call_sheet_markdown,
)
from tools.schedule.export import write_export
from tools.schedule.model import BlockMiss, DoodRow, Figures, Problem, Schedule, ScheduledDay, build_problem
from tools.schedule.solver import solve_schedule, summary_lines

OVERRIDES_FILE = "schedule_overrides.yaml"
CACHE_FILE = "schedule_cache.json"
# Part of the cache key: raise it when the constraints or the objective change meaning, so a plan
# proven optimal under the old model is not reused.
SCHEDULE_MODEL_VERSION = 2
AGENT_TIME_LIMIT_S = 10.0
# Strip fields only shown (the breakdown's names, the reason for added hours): left out of the cache
# key, so a coordinator adding a crane does not replan the shoot the crew was shown. The hours they
# add are in est_hours, which the key keeps.
SHOWN_ONLY_FIELDS = {"stunts", "effects", "equipment", "added_for"}


@dataclass(frozen=True)
class PlannedShoot:
    """A solved schedule with everything that produced it (for exports and call sheets)."""

    plan: Plan
    strips: list[StripScene]
    problem: Problem
    schedule: Schedule


# --- overrides recorded by the agent ------------------------------------------------------------


def _artifact_path(production: Production, name: str) -> Path:
    """A file in the project's artifacts folder (as Production.artifacts_dir, without creating it)."""
    return production.work_dir / "artifacts" / name


def load_overrides(production: Production) -> dict[str, list[date]]:
    """Extra unavailable dates recorded for this project: cast or location id → dates."""
    path = _artifact_path(production, OVERRIDES_FILE)
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        recorded = data.get("unavailable") or {}
        return {
            str(who): sorted({date.fromisoformat(str(d)) for d in dates}) for who, dates in recorded.items()
        }
    except (yaml.YAMLError, ValueError, AttributeError) as exc:
        raise SlateError("The schedule overrides file is damaged", file=path, value=str(exc)[:200]) from None


def _save_overrides(production: Production, overrides: Mapping[str, Sequence[date]]) -> Path:
    path = _artifact_path(production, OVERRIDES_FILE)
    data = {
        "unavailable": {
            who: [d.isoformat() for d in sorted(set(dates))] for who, dates in sorted(overrides.items())
        }
    }
    header = "# Written by Slate: unavailability reported in chat. Delete an entry to undo it.\n"
    atomic_write_text(path, header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return path


# --- the plan's own settings ---------------------------------------------------------------------


class PlanSettings(ToolResult):
    """What the production plan sets for the whole shoot, each value with its line in the plan file."""

    kind: Literal["plan_settings"] = "plan_settings"
    file: str
    start_date: date
    end_date: date | None = None
    days_off: list[str] = Field(default_factory=list, description="Weekly days off (weekday names).")
    holidays: list[date] = Field(default_factory=list)
    day_length_hours: float
    pages_per_hour: float
    call_time: str
    night_call_time: str
    lines: dict[str, int] = Field(default_factory=dict, description="Each setting's line in the plan file.")

    def summary(self) -> str:
        return f"plan from {self.start_date.isoformat()}, {self.day_length_hours:g} h days"


@register
def plan_settings(production: Production) -> PlanSettings:
    """The production plan's settings: start and end date, weekly days off, holidays, the length of a
    shooting day, pages per hour and call times (not the schedule itself: plan_schedule makes that)."""
    plan = require_plan(production)
    path = production.plan_path or Path("plan.yaml")
    keys = ("start_date", "end_date", "days_off", "holidays", "day_length_hours", "pages_per_hour",
            "call_time", "night_call_time")  # fmt: skip
    lines = {key: line for key in keys if key in plan.model_fields_set and (line := plan.line_of((key,)))}
    return PlanSettings(
        file=path.name,
        start_date=plan.start_date,
        end_date=plan.end_date,
        days_off=list(plan.days_off),
        holidays=list(plan.holidays),
        day_length_hours=plan.day_length_hours,
        pages_per_hour=plan.pages_per_hour,
        call_time=plan.call_time.strftime("%H:%M"),
        night_call_time=plan.night_call_time.strftime("%H:%M"),
        lines=lines,
        sources=[
            Citation(file=path.name, doc_type="plan", section=key, lines=(line, line))
            for key, line in lines.items()
        ]
        or [Citation(file=path.name, doc_type="plan")],
    )


# --- planning -----------------------------------------------------------------------------------


def require_plan(production: Production, plan_path: str | Path | None = None) -> Plan:
    """The plan given, else the production's ingested plan; a clear error when there is none."""
    path = Path(plan_path) if plan_path else production.plan_path
    if path is None:
        raise SlateError(
            f"Project {production.name!r} has no production plan",
            hint="Ingest one (e.g. knowledge/samples/night_shift/plan.yaml) with `slate ingest PLAN --project "
            + production.name
            + "`, or run `slate schedule PLAN`",
        )
    return load_plan(path)


def _fingerprint(
    plan: Plan, strips: Sequence[StripScene], problem: Problem, unavailable: Mapping[str, Sequence[date]]
) -> str:
    """Everything a plan depends on: the plan, the strips, the cast and locations lists as read."""
    payload = {
        "model": SCHEDULE_MODEL_VERSION,
        "plan": plan.model_dump(mode="json"),
        "cast": [m.model_dump(mode="json") for m in problem.cast],
        "locations": [e.model_dump(mode="json") for e in problem.locations],
        "strips": [s.model_dump(mode="json", exclude=SHOWN_ONLY_FIELDS) for s in strips],
        "unavailable": {k: [d.isoformat() for d in v] for k, v in sorted(unavailable.items())},
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def plan_shoot(
    production: Production,
    plan_path: str | Path | None = None,
    *,
    time_limit_s: float = AGENT_TIME_LIMIT_S,
    num_workers: int | None = None,
    extra_unavailable: Mapping[str, Sequence[date]] | None = None,
    reuse: bool = False,
    remember: bool = True,
) -> PlannedShoot:
    """Load the plan, break the script down into strips, apply recorded overrides, and solve.

    With `reuse`, a cached schedule made from exactly the same inputs is returned instead of
    solving again (call sheets use this to match the plan the crew was shown); `remember` writes
    the new schedule to that cache.
    """
    began = time.monotonic()
    plan = require_plan(production, plan_path)
    # The breakdown (with the coordinator's edits) is read before the cache key: its stunts, effects
    # and equipment are on the strips, so an edit that changes an estimate changes the key.
    strips = breakdown_from_production(production, plan, scene_needs(production_breakdown(production)))
    check_strips(plan, strips)
    unavailable: dict[str, list[date]] = {k: list(v) for k, v in load_overrides(production).items()}
    for who, dates in (extra_unavailable or {}).items():
        unavailable[who] = sorted({*unavailable.get(who, []), *dates})
    problem = build_problem(
        plan,
        strips,
        plan.cast_members(production.cast),
        plan.location_entries(production.locations),
        extra_unavailable=unavailable,
    )
    key = _fingerprint(plan, strips, problem, unavailable)
    cache = _artifact_path(production, CACHE_FILE)
    if cache.exists():
        try:
            cached = json.loads(cache.read_text(encoding="utf-8"))
            if cached.get("key") == key:
                schedule = Schedule.model_validate(cached["schedule"])
                # A plan proven optimal for exactly these inputs stays optimal, and a search with
                # no more time than the cached one had would only re-roll the same search: either
                # way the plan the crew was just shown is returned at once.
                searched = float(cached.get("time_limit_s", 0.0))
                if reuse or schedule.status == "optimal" or searched >= time_limit_s:
                    return PlannedShoot(plan, strips, problem, schedule)
        except (ValueError, KeyError):
            pass  # a stale or damaged cache is simply replaced below
    # The limit is the whole request's: reading the plan and building the problem count against it.
    left = max(0.5, time_limit_s - (time.monotonic() - began))
    schedule = solve_schedule(problem, time_limit_s=left, num_workers=num_workers)
    if remember:
        atomic_write_text(
            cache,
            json.dumps(
                {"key": key, "time_limit_s": time_limit_s, "schedule": schedule.model_dump(mode="json")},
                ensure_ascii=False,
            ),
        )
    return PlannedShoot(plan, strips, problem, schedule)


def parse_request_date(text: str, plan: Plan) -> date:
    """A date as the crew says it: `2027-03-03`, `3/3` (day/month, HK style), `3號`, `3日`, `3rd`,
    `3月3號`. A bare day of the month is the first such date on or after the plan's start."""
    value = unicodedata.normalize("NFKC", str(text)).strip().lower()
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    start = plan.start_date
    match = re.fullmatch(r"(\d{1,2})\s*月\s*(\d{1,2})\s*(號|号|日)?", value) or re.fullmatch(
        r"(\d{1,2})/(\d{1,2})", value
    )
    if match:
        first, second = int(match.group(1)), int(match.group(2))
        month, day = (first, second) if "月" in value else (second, first)
        for year in (start.year, start.year + 1):
            try:
                found = date(year, month, day)
            except ValueError:
                break
            if found >= start - timedelta(days=31):
                return found
    match = re.fullmatch(r"(\d{1,2})\s*(號|号|日|st|nd|rd|th)?", value)
    if match:
        wanted = int(match.group(1))
        for offset in range(400):
            candidate = start + timedelta(days=offset)
            if candidate.day == wanted:
                return candidate
    raise SlateError(
        "Not a date Slate understands (use 2027-03-03, 3/3, 3號 or 3月3號)",
        value=text,
    )


def resolve_who(production: Production, plan: Plan, who: str) -> tuple[Literal["cast", "location"], str]:
    """A cast member or location id for any name the production knows (劉Sir → INSPECTOR LAU)."""
    members = plan.cast_members(production.cast)
    cast = CastIndex(members)
    found = cast.resolve(who)
    if found is not None:
        return "cast", found
    key = normalise_name(who)
    places = plan.location_entries(production.locations)
    for entry in places:
        if key in (normalise_name(alias) for alias in entry.all_names()):
            return "location", entry.id
    if production.screenplay is not None:
        try:
            return "cast", production.resolve_character(who)
        except CharacterNotFound:
            pass
    options = [m.id for m in members] + [e.id for e in places]
    nearest = cast.nearest(who)
    if not nearest:
        import difflib

        keyed = {normalise_name(o): o for o in options}
        nearest = [keyed[k] for k in difflib.get_close_matches(key, list(keyed), n=3, cutoff=0.4)]
    raise CharacterNotFound(who, nearest or options[:3])


# --- results ------------------------------------------------------------------------------------


class ScheduleResult(ToolResult):
    """A planned shoot: days, figures, proven bound, baseline, day out of days, written files."""

    kind: Literal["schedule"] = "schedule"
    production: str | None = None
    status: str
    days: list[ScheduledDay]
    holding_cost: float
    company_moves: int
    total_days: int
    objective: float
    lower_bound: float
    gap: float = Field(description="(objective − lower bound) / objective: how far from best it may be.")
    bound_meaningful: bool = Field(False, description="Proven optimal, or a gap under 50%: worth showing.")
    method: str = Field("", description="What produced the plan (dp, cp-sat-days, lns, stripboard-sort …).")
    baseline: Figures
    dood: list[DoodRow]
    violations: list[str]
    notes: list[str] = Field(default_factory=list)
    added_unavailability: dict[str, list[date]] = Field(default_factory=dict)
    days_off: list[str] = Field(
        default_factory=list, description="The plan's weekly days off (weekday names)."
    )
    holidays: list[date] = Field(default_factory=list, description="The plan's holidays.")
    block_misses: list[BlockMiss] = Field(
        default_factory=list, description="Scenes shot outside a preferred block (a wish, not a rule)."
    )
    off_block_days: int = Field(0, description="Scene-days outside their preferred blocks.")
    windows: dict[str, tuple[date | None, date | None]] = Field(
        default_factory=dict,
        description="Scene → (not_before, not_after): the dates the plan lets the scene be shot between.",
    )
    text: str = ""

    def summary(self) -> str:
        return self.text

    @property
    def shooting_days(self) -> list[ScheduledDay]:
        """The days with something to shoot (a calendar day left free is not a shooting day)."""
        return [d for d in self.days if d.scenes]

    @property
    def rest_days(self) -> list[tuple[date, str]]:
        """Every date from the first to the last shooting day with nothing shot, and why: "day off"
        (a weekly day off), "holiday", or "free" (a working day the plan leaves empty)."""
        shooting = self.shooting_days
        if not shooting:
            return []
        shot = {d.date for d in shooting}
        out: list[tuple[date, str]] = []
        when = shooting[0].date
        while when <= shooting[-1].date:
            if when not in shot:
                reason = (
                    "holiday"
                    if when in self.holidays
                    else "day off"
                    if when.strftime("%A").lower() in self.days_off
                    else "free"
                )
                out.append((when, reason))
            when += timedelta(days=1)
        return out

    @property
    def free_start(self) -> tuple[date, date, int] | None:
        """(the plan's first working day, the first shooting day, working days left free between) when
        the plan does not shoot on its first day (the optimiser found no cheaper plan that uses them)."""
        shooting = self.shooting_days
        if not self.days or not shooting or self.days[0].scenes:
            return None
        free = sum(1 for d in self.days if not d.scenes and d.date < shooting[0].date)
        return self.days[0].date, shooting[0].date, free


class CallSheetScene(CallScene):
    """A call sheet's scene as the agent and the UI read it: `CallScene`, its start as HH:MM text."""

    start: str = Field(description="Planned start (HH:MM), from general call and the hours before it.")  # type: ignore[assignment]


class CallSheetCast(CallCast):
    """A call sheet's cast member as the agent and the UI read them: `CallCast`, times as HH:MM text."""

    call: str = Field(description="Called for makeup and wardrobe (HH:MM).")  # type: ignore[assignment]
    on_set: str = Field(description="HH:MM.")  # type: ignore[assignment]


class CallSheetResult(ToolResult):
    """One day's call sheet."""

    kind: Literal["call_sheet"] = "call_sheet"
    production: str | None = None
    day: int
    date: date
    general_call: str
    scenes: list[CallSheetScene]
    cast: list[CallSheetCast]
    locations: list[CallLocation]
    notes: list[CallNote]
    background: list[CallElement] = Field(default_factory=list, description="The day's extras, by scene.")
    stunts: list[CallElement] = Field(default_factory=list, description="The day's stunts, by scene.")
    markdown: str = ""

    def summary(self) -> str:
        return self.markdown


def _clock(when: clock_time) -> str:
    return when.strftime("%H:%M")


def _sheet_scene(scene: CallScene) -> CallSheetScene:
    return CallSheetScene.model_validate({**scene.model_dump(), "start": _clock(scene.start)})


def _sheet_cast(member: CallCast) -> CallSheetCast:
    return CallSheetCast.model_validate(
        {**member.model_dump(), "call": _clock(member.call), "on_set": _clock(member.on_set)}
    )


def _plan_citation(plan: Plan) -> list[Citation]:
    return [Citation(file=plan.file.name, doc_type="plan")] if plan.file else []


def schedule_result(
    production: Production, shoot: PlannedShoot, added: Mapping[str, Sequence[date]] | None = None
) -> ScheduleResult:
    """Write schedule.json and stripboard.html to the outputs folder and wrap the schedule for the agent."""
    out = production.output_dir
    files = [
        str(write_export(out / "schedule.json", shoot.problem, shoot.schedule, "json")),
        str(write_export(out / "stripboard.html", shoot.problem, shoot.schedule, "html")),
    ]
    schedule = shoot.schedule
    lines = summary_lines(schedule)
    if added:
        lines.insert(
            0,
            "Recorded: "
            + "; ".join(
                f"{who} unavailable {', '.join(d.isoformat() for d in dates)}" for who, dates in added.items()
            ),
        )
    return ScheduleResult(
        production=schedule.production,
        status=schedule.status,
        days=schedule.days,
        holding_cost=schedule.figures.holding_cost,
        company_moves=schedule.figures.company_moves,
        total_days=schedule.figures.total_days,
        objective=schedule.figures.objective,
        lower_bound=schedule.lower_bound,
        gap=round(schedule.gap, 4),
        bound_meaningful=schedule.bound_meaningful,
        method=str(schedule.method or ""),
        baseline=schedule.baseline,
        dood=schedule.dood,
        violations=schedule.violations,
        notes=schedule.notes,
        added_unavailability={k: list(v) for k, v in (added or {}).items()},
        days_off=[str(d).lower() for d in shoot.plan.days_off],
        holidays=list(shoot.plan.holidays),
        block_misses=schedule.block_misses,
        off_block_days=schedule.figures.off_block_days,
        windows={
            str(scene.id): (scene.not_before, scene.not_after)
            for scene in shoot.plan.scenes
            if scene.not_before or scene.not_after
        },
        text="\n".join(lines),
        files=files,
        sources=_plan_citation(shoot.plan),
    )


# --- registered tools ---------------------------------------------------------------------------


@register(changes_production=True)
def plan_schedule(
    production: Production,
    time_limit_s: SolverSeconds = AGENT_TIME_LIMIT_S,
    unavailable: dict[str, list[str]] | None = None,
) -> ScheduleResult:
    """Plan the shoot: an optimised stripboard with days, holding cost, company moves and a proven bound.

    Uses the production's plan and script; compares the plan with the classic stripboard sort and
    writes schedule.json and stripboard.html to the project's outputs folder.

    Args:
        time_limit_s: seconds the optimiser may search (default 10).
        unavailable: extra unavailable dates for this plan only: a cast member or location (any
            name the production knows) → dates such as ["2027-03-03"].
    """
    plan = require_plan(production)
    extra: dict[str, list[date]] = {}
    for who, dates in (unavailable or {}).items():
        _, ident = resolve_who(production, plan, who)
        extra[ident] = [parse_request_date(d, plan) for d in dates]
    shoot = plan_shoot(production, time_limit_s=time_limit_s, extra_unavailable=extra)
    return schedule_result(production, shoot)


@register(changes_production=True)
def add_unavailability(production: Production, who: str, dates: list[str]) -> ScheduleResult:
    """Record that a cast member or location cannot work on some dates, and plan the shoot again.

    The dates are kept in the project (not in the plan file) and apply to every later plan.

    Args:
        who: the cast member or location, by any name the production knows (劉Sir, INSPECTOR LAU, 天台).
        dates: the dates, e.g. ["2027-03-03"] (also accepted: "3/3", "3號", "3月3號").
    """
    plan = require_plan(production)
    if not dates:
        raise SlateError("Say which dates are unavailable", value=who)
    _, ident = resolve_who(production, plan, who)
    wanted = sorted({parse_request_date(d, plan) for d in dates})
    overrides = load_overrides(production)
    overrides[ident] = sorted({*overrides.get(ident, []), *wanted})
    path = _save_overrides(production, overrides)
    shoot = plan_shoot(production, time_limit_s=AGENT_TIME_LIMIT_S)
    result = schedule_result(production, shoot, {ident: wanted})
    result.files.append(str(path))
    return result


# Detection over a whole script takes about a second; call sheets ask for it on every turn, so the
# last few are kept, keyed on everything detection reads (files by size and modification time).
_BREAKDOWNS: dict[str, Breakdown] = {}
_BREAKDOWNS_KEPT = 4


def _breakdown_key(production: Production) -> str:
    files = [Path(production.require_script().file), *edits_paths(production), *notes_documents(production)]
    stamps = [
        (str(f), f.stat().st_size, f.stat().st_mtime_ns) if f.exists() else (str(f), -1, -1) for f in files
    ]
    payload = {
        "files": stamps,
        "cast": [m.model_dump(mode="json") for m in production.cast],
        "locations": [e.model_dump(mode="json") for e in production.locations],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def production_breakdown(production: Production) -> Breakdown | None:
    """The breakdown (detection with the coordinator's edits) for call sheets; None without a script."""
    if production.screenplay is None:
        return None
    key = _breakdown_key(production)
    if key not in _BREAKDOWNS:
        while len(_BREAKDOWNS) >= _BREAKDOWNS_KEPT:
            del _BREAKDOWNS[next(iter(_BREAKDOWNS))]
        _BREAKDOWNS[key] = current_breakdown(production)[0]
    return _BREAKDOWNS[key]


def scene_needs(breakdown: Breakdown | None) -> dict[str, SceneNeeds]:
    """Each scene's stunts, special effects and special equipment from the breakdown, for the strips."""
    if breakdown is None:
        return {}
    return {
        sheet.scene: SceneNeeds(
            stunts=[e.text() for e in sheet.of("stunts")],
            effects=[e.text() for e in sheet.of("sfx")],
            equipment=[e.text() for e in sheet.of("equipment")],
        )
        for sheet in breakdown.scenes
    }


@register(changes_production=True)
def call_sheet(production: Production, day: ShootingDay = 1, date: str | None = None) -> CallSheetResult:
    """Show the call sheet for one shooting day: general call, scenes, cast call times, locations, notes.

    Uses the last plan made from the same inputs (or plans the shoot first) and writes the call
    sheet as HTML to the project's outputs folder.

    Args:
        day: the shooting day, 1 for the first day of the shoot.
        date: the calendar date instead (YYYY-MM-DD, e.g. "2029-12-22"): the shooting day on that date.
    """
    shoot = plan_shoot(production, time_limit_s=AGENT_TIME_LIMIT_S, reuse=True)
    if date:
        day = _day_on(shoot.schedule.days, date)
    sheet = build_call_sheet(shoot.problem, shoot.schedule, day, production_breakdown(production))
    path = production.output_dir / f"callsheet_day{day}.html"
    atomic_write_text(path, call_sheet_html(sheet))
    return call_sheet_result(sheet, shoot.plan, [str(path)])


def _day_on(days: Sequence[Any], wanted: str) -> int:
    """The shooting day number on the calendar date `wanted`; a located error naming the nearest
    shooting days when nothing is shot that day (a day off, a holiday, outside the plan)."""
    try:
        when = date.fromisoformat(wanted)
    except ValueError:
        raise SlateError(f"Not a date: {wanted!r} (use YYYY-MM-DD)", value=wanted) from None
    for number, planned in enumerate(days, start=1):
        if planned.date == when:
            return number
    nearest = sorted(enumerate(days, start=1), key=lambda d: abs((d[1].date - when).days))[:2]
    shown = ", ".join(f"day {n} ({d.date.isoformat()})" for n, d in sorted(nearest))
    raise SlateError(
        f"Nothing is shot on {when.isoformat()} ({when.strftime('%A')}) in this schedule",
        value=wanted,
        hint=f"Nearest shooting days: {shown}" if shown else "The schedule has no shooting days",
    )


def call_sheet_result(sheet: CallSheet, plan: Plan, files: list[str]) -> CallSheetResult:
    """Wrap a call sheet for the agent (times as HH:MM text)."""
    return CallSheetResult(
        production=sheet.production,
        day=sheet.day,
        date=sheet.date,
        general_call=_clock(sheet.general_call),
        scenes=[_sheet_scene(scene) for scene in sheet.scenes],
        cast=[_sheet_cast(member) for member in sheet.cast],
        locations=sheet.locations,
        notes=sheet.notes,
        background=sheet.background,
        stunts=sheet.stunts,
        markdown=call_sheet_markdown(sheet),
        files=files,
        sources=_plan_citation(plan),
    )
