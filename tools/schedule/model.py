"""The scheduling problem and its answer, shared by the solver, the baseline and the exports.

Days are indices into `Problem.dates`, the shooting calendar (the plan's dates without days off and
holidays). A plan is an assignment `starts`: scene index → the day index it is shot on (its first
day, for scenes with `duration_days`). Every figure of a plan (holding cost, company moves, days,
scene-days outside preferred blocks) is computed here from `starts` alone, so the solver's
objective, the baseline and the tests all measure plans the same way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, Field

from core.errors import PlanError
from knowledge.cast_list import CastMember, LocationEntry, normalise_name
from knowledge.plan import Plan, StripScene, Weights

Status = Literal["optimal", "feasible"]
Formulation = Literal["sequence", "day", "baseline"]
# How the returned plan was produced: the exact dynamic programme, CP-SAT on the whole sequence or
# day model, local search (with CP-SAT windows), or the stripboard sort unchanged.
Method = Literal["dp", "cp-sat-sequence", "cp-sat-days", "local-search", "lns", "stripboard-sort"]
# A bound is worth showing only when it proves optimality or leaves less than this gap.
MEANINGFUL_GAP = 0.5
DoodCode = Literal["SW", "W", "WF", "SWF", "H", "O", ""]

# Minutes are the solver's unit: est_hours arrive in quarter hours, so no rounding is lost.
MINUTES_PER_HOUR = 60
TIME_OF_DAY_RANK = {"DAWN": 0, "DAY": 1, None: 1, "DUSK": 2, "NIGHT": 3}
NIGHT_TIMES = frozenset({"DUSK", "NIGHT"})


@dataclass(frozen=True)
class Problem:
    """Everything the solver needs, resolved: scenes, calendar, capacities, people and places."""

    plan: Plan
    scenes: tuple[StripScene, ...]
    dates: tuple[date, ...]
    day_minutes: int
    minutes: tuple[int, ...]
    durations: tuple[int, ...]  # whole days a scene fills alone; 0 for scenes that share a day
    rates: Mapping[str, float]
    cast_unavailable: Mapping[str, frozenset[date]]
    location_unavailable: Mapping[str, frozenset[date]]
    cast: tuple[CastMember, ...] = ()
    locations: tuple[LocationEntry, ...] = ()
    # Blocks: the only dates a cast member's or a location's scenes may be shot on (plan `blocks:`).
    cast_blocks: Mapping[str, frozenset[date]] = field(default_factory=dict)
    location_blocks: Mapping[str, frozenset[date]] = field(default_factory=dict)
    # Preferred blocks (`preferred: true`): dates their scenes should go on; each scene-day outside
    # one costs weights.off_block. They close no day, so nothing feasible becomes infeasible.
    preferred_cast_blocks: Mapping[str, frozenset[date]] = field(default_factory=dict)
    preferred_location_blocks: Mapping[str, frozenset[date]] = field(default_factory=dict)
    min_days: int = 0
    safe_horizon: int = 0  # days within which some optimal plan is sure to lie (see build_problem)
    _allowed: dict[int, tuple[int, ...]] = field(default_factory=dict, repr=False, compare=False)
    _off: dict[int, tuple[int, ...]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def weights(self) -> Weights:
        return self.plan.weights

    @property
    def horizon(self) -> int:
        return len(self.dates)

    def index_of(self, scene_id: str) -> int:
        for number, scene in enumerate(self.scenes):
            if scene.id == scene_id:
                return number
        raise KeyError(scene_id)

    def whole_day(self, s: int) -> bool:
        return self.durations[s] > 0

    def span(self, s: int) -> int:
        """Days scene `s` occupies (1 for a scene sharing its day)."""
        return max(1, self.durations[s])

    def blocked_dates(self, s: int) -> dict[str, set[date]]:
        """Why dates are closed to scene `s`: 'cast X', 'location Y' → the dates they are unavailable."""
        scene = self.scenes[s]
        out: dict[str, set[date]] = {}
        for member in scene.cast:
            dates = self.cast_unavailable.get(member, frozenset())
            if dates:
                out[f"{member} is unavailable"] = set(dates)
        dates = self.location_unavailable.get(scene.location, frozenset())
        if dates:
            out[f"location {scene.location} is unavailable"] = set(dates)
        for label, block in self._blocks_of(s):
            outside = {day for day in self.dates if day not in block}
            if outside:
                out[f"{label} is booked only on {_span_text(block)}"] = outside
        return out

    def _blocks_of(self, s: int) -> list[tuple[str, frozenset[date]]]:
        scene = self.scenes[s]
        found = [(member, self.cast_blocks[member]) for member in scene.cast if member in self.cast_blocks]
        if scene.location in self.location_blocks:
            found.append((f"location {scene.location}", self.location_blocks[scene.location]))
        return found

    def preferred_blocks_of(self, s: int) -> list[tuple[Literal["cast", "location"], str, frozenset[date]]]:
        """Scene `s`'s preferred blocks: (kind, cast or location id, dates)."""
        scene = self.scenes[s]
        found: list[tuple[Literal["cast", "location"], str, frozenset[date]]] = [
            ("cast", member, self.preferred_cast_blocks[member])
            for member in scene.cast
            if member in self.preferred_cast_blocks
        ]
        if scene.location in self.preferred_location_blocks:
            found.append(("location", scene.location, self.preferred_location_blocks[scene.location]))
        return found

    def off_block_days(self, s: int) -> tuple[int, ...]:
        """Per start day d: the scene-days of `s` outside its preferred blocks (one per block missed).

        Empty when the scene has no preferred block; d + span may run past the calendar, where
        every day counts as outside.
        """
        if s not in self._off:
            blocks = self.preferred_blocks_of(s)
            span = self.span(s)
            misses = [sum(day not in dates for _kind, _name, dates in blocks) for day in self.dates]
            misses += [len(blocks)] * span
            self._off[s] = tuple(sum(misses[d : d + span]) for d in range(self.horizon)) if blocks else ()
        return self._off[s]

    def off_block_cost(self, s: int, d: int) -> int:
        """Scene-days outside preferred blocks when scene `s` starts on day `d`."""
        off = self.off_block_days(s)
        return off[d] if 0 <= d < len(off) else 0

    def preference_binds_within(self, days: int) -> bool:
        """True when, within the first `days` shooting days, some scene-day would miss a preferred block."""
        return any(any(self.off_block_days(s)[: max(0, days)]) for s in range(len(self.scenes)))

    def day_open(self, s: int, d: int) -> bool:
        """Scene `s` may be shot on day `d`: window, cast and location availability."""
        scene = self.scenes[s]
        day = self.dates[d]
        if scene.not_before and day < scene.not_before:
            return False
        if scene.not_after and day > scene.not_after:
            return False
        if scene.location and day in self.location_unavailable.get(scene.location, frozenset()):
            return False
        if any(day not in block for _label, block in self._blocks_of(s)):
            return False
        return not any(day in self.cast_unavailable.get(member, frozenset()) for member in scene.cast)

    def light(self, s: int) -> Literal["day", "night"] | None:
        """For the split-day rule: DAY scenes are day work, DUSK/NIGHT night work; DAWN goes with either."""
        tod = self.scenes[s].time_of_day
        if tod == "DAY":
            return "day"
        return "night" if tod in NIGHT_TIMES else None

    @property
    def split_rule(self) -> bool:
        """The plan forbids a day holding both day and night work (`split_days: false`)."""
        return not self.plan.split_days

    def allowed_starts(self, s: int) -> tuple[int, ...]:
        """Day indices on which scene `s` can start (all of its days open and inside the calendar)."""
        if s not in self._allowed:
            span = self.span(s)
            self._allowed[s] = tuple(
                d for d in range(self.horizon - span + 1) if all(self.day_open(s, d + k) for k in range(span))
            )
        return self._allowed[s]

    def night(self, s: int) -> bool:
        """Scene `s` is shot after dark (DUSK or NIGHT), so its cast wrap late."""
        return self.scenes[s].time_of_day in NIGHT_TIMES

    @property
    def rest_rule(self) -> bool:
        """Cast who work a night may not work a day scene the next calendar day (turnaround).

        A night's work wraps at night_call_time + day_length_hours; the next day's call is
        call_time. When the rest between them is shorter than `turnaround_hours`, the rule holds.
        """
        plan = self.plan
        if plan.turnaround_hours is None:
            return False
        wrap = plan.night_call_time.hour + plan.night_call_time.minute / 60 + plan.day_length_hours
        call = 24 + plan.call_time.hour + plan.call_time.minute / 60
        return call - wrap < plan.turnaround_hours

    def adjacent(self, d: int) -> bool:
        """Shooting day d + 1 is the calendar day after day d (no day off between them)."""
        return d >= 0 and d + 1 < self.horizon and (self.dates[d + 1] - self.dates[d]).days == 1

    def date_restricted_within(self, days: int) -> bool:
        """True when, within the first `days` shooting days, some scene cannot go on some day."""
        first = range(min(days, self.horizon))
        return any(not self.day_open(s, d) for s in range(len(self.scenes)) for d in first)


def build_problem(
    plan: Plan,
    scenes: Sequence[StripScene],
    cast: Sequence[CastMember],
    locations: Sequence[LocationEntry],
    *,
    extra_unavailable: Mapping[str, Sequence[date]] | None = None,
    horizon: int | None = None,
) -> Problem:
    """Resolve a plan and its strips into a Problem over a calendar long enough to be feasible.

    `extra_unavailable` maps cast or location ids to more dates they cannot work (agent requests).
    Without an end_date the calendar is generous (twice the minimum plus 20 shooting days, and at
    least the safe horizon); the solver searches a trimmed part of it first.
    """
    if not scenes:
        raise PlanError("There are no scenes to schedule", key="scenes", entry="the plan", file=plan.file)
    day_minutes = round(plan.day_length_hours * MINUTES_PER_HOUR)
    durations = tuple(s.duration_days or 0 for s in scenes)
    minutes = tuple(
        day_minutes if durations[i] else min(day_minutes, round(s.est_hours * MINUTES_PER_HOUR))
        for i, s in enumerate(scenes)
    )
    shared_minutes = sum(m for i, m in enumerate(minutes) if not durations[i])
    min_days = math.ceil(shared_minutes / day_minutes) + sum(durations)
    rates: dict[str, float] = {}
    by_key = {normalise_name(m.id): m for m in cast}
    for scene in scenes:
        for member_id in scene.cast:
            member = by_key.get(normalise_name(member_id))
            rates[member_id] = float(member.daily_rate) if member else 0.0
    cast_unavailable: dict[str, frozenset[date]] = {}
    for member_id in rates:
        member = by_key.get(normalise_name(member_id))
        if member and member.unavailable:
            cast_unavailable[member_id] = frozenset(member.unavailable)
    location_unavailable = {e.id: frozenset(e.unavailable) for e in locations if e.unavailable}
    for who, extra in (extra_unavailable or {}).items():
        if who in rates or normalise_name(who) in by_key:
            cast_unavailable[who] = cast_unavailable.get(who, frozenset()) | frozenset(extra)
        else:
            location_unavailable[who] = location_unavailable.get(who, frozenset()) | frozenset(extra)
    cast_blocks, location_blocks = _resolve_blocks(plan, rates, by_key, scenes, locations, preferred=False)
    preferred_cast, preferred_locations = _resolve_blocks(
        plan, rates, by_key, scenes, locations, preferred=True
    )
    # Past the last date anything is restricted on, an empty day inside a plan can be cut (moving
    # later scenes a day earlier keeps every constraint and never costs more), so no better plan
    # needs more than the restricted stretch plus one day per scene-day: a horizon that loses nothing.
    used_locations = {s.location for s in scenes}
    special = [d for member in rates for d in cast_unavailable.get(member, ())]
    special += [d for place, dates in location_unavailable.items() if place in used_locations for d in dates]
    special += [d for s in scenes for d in (s.not_before, s.not_after) if d is not None]
    # A preferred block counts too: past its last date every day misses it alike, so cutting an
    # empty day there changes no scene's off-block cost.
    blocks = (*cast_blocks.values(), *location_blocks.values())
    special += [max(block) for block in (*blocks, *preferred_cast.values(), *preferred_locations.values())]
    latest = max((d for d in special if d >= plan.start_date), default=None)
    restricted_days = 0
    if latest is not None:
        restricted_days = sum(
            plan.is_shooting_date(plan.start_date + timedelta(days=i))
            for i in range((latest - plan.start_date).days + 1)
        )
    safe = restricted_days + sum(max(1, d) for d in durations)
    if horizon is None:
        horizon = max(2 * min_days + 20, safe)
    dates = tuple(plan.shooting_dates(horizon))
    return Problem(
        plan=plan,
        scenes=tuple(scenes),
        dates=dates,
        day_minutes=day_minutes,
        minutes=minutes,
        durations=durations,
        rates=rates,
        cast_unavailable=cast_unavailable,
        location_unavailable=location_unavailable,
        cast=tuple(cast),
        locations=tuple(locations),
        cast_blocks=cast_blocks,
        location_blocks=location_blocks,
        preferred_cast_blocks=preferred_cast,
        preferred_location_blocks=preferred_locations,
        min_days=min_days,
        safe_horizon=min(safe, len(dates)),
    )


def _span_text(dates: frozenset[date]) -> str:
    ordered = sorted(dates)
    if (ordered[-1] - ordered[0]).days + 1 == len(ordered):
        return ordered[0].isoformat() + (f"..{ordered[-1].isoformat()}" if len(ordered) > 1 else "")
    return ", ".join(d.isoformat() for d in ordered[:4]) + (" …" if len(ordered) > 4 else "")


def _resolve_blocks(
    plan: Plan,
    rates: Mapping[str, float],
    cast: Mapping[str, CastMember],
    scenes: Sequence[StripScene],
    locations: Sequence[LocationEntry],
    *,
    preferred: bool,
) -> tuple[dict[str, frozenset[date]], dict[str, frozenset[date]]]:
    """The plan's active hard (or preferred) blocks by the ids the scenes use, cast then locations;
    a name nobody in the plan has is an error."""
    cast_ids = {normalise_name(member): member for member in rates}
    for key, member in cast.items():
        for alias in member.all_names():
            cast_ids.setdefault(normalise_name(alias), cast_ids.get(key, member.id))
    place_ids = {normalise_name(s.location): s.location for s in scenes if s.location}
    for place in locations:
        place_id = place_ids.get(normalise_name(place.id), place.id)
        for alias in place.all_names():
            place_ids.setdefault(normalise_name(alias), place_id)
    cast_blocks: dict[str, frozenset[date]] = {}
    location_blocks: dict[str, frozenset[date]] = {}
    for number, block in enumerate(plan.blocks):
        if not block.active or block.preferred != preferred:
            continue
        kind = "cast" if block.cast is not None else "location"
        name = block.cast if block.cast is not None else block.location or ""
        ids: dict[str, str] = cast_ids if kind == "cast" else place_ids
        target: dict[str, frozenset[date]] = cast_blocks if kind == "cast" else location_blocks
        ident = ids.get(normalise_name(name))
        if ident is None:
            raise plan.error(
                f"No {'cast member' if kind == 'cast' else 'location'} of this production is called that",
                section="blocks",
                index=number,
                key=kind,
                value=name,
            )
        target[ident] = target.get(ident, frozenset()) | frozenset(block.dates)
    return cast_blocks, location_blocks


# --- measuring a plan ---------------------------------------------------------------------------


class Figures(BaseModel):
    """What a plan costs, in the objective's terms."""

    holding_cost: float = Field(description="Σ daily_rate × days held (not working) inside each span.")
    company_moves: int = Field(description="Changes of location within shooting days.")
    total_days: int = Field(description="Shooting days from the first day to the wrap.")
    extra_days: int = Field(description="total_days minus the minimum the hours allow.")
    off_block_days: int = Field(
        0, description="Scene-days shot outside a preferred block (one per block a scene-day misses)."
    )
    objective: float = Field(description="Weighted sum: the number the solver minimises.")


def occupied_days(problem: Problem, starts: Mapping[int, int]) -> dict[int, list[int]]:
    """Day index → scene indices shot that day (whole-day scenes on each of their days)."""
    days: dict[int, list[int]] = {}
    for s, start in starts.items():
        for k in range(problem.span(s)):
            days.setdefault(start + k, []).append(s)
    return days


def order_day(problem: Problem, scenes: Sequence[int]) -> list[int]:
    """A day's scenes in shooting order: one block per location (so moves = locations − 1),
    blocks and scenes by time of day (dawn, day, dusk, night), then script order."""
    blocks: dict[str, list[int]] = {}
    for s in scenes:
        blocks.setdefault(problem.scenes[s].location, []).append(s)

    def key(s: int) -> tuple[int, int]:
        scene = problem.scenes[s]
        return (TIME_OF_DAY_RANK.get(scene.time_of_day, 1), scene.order)

    ordered = sorted(blocks.values(), key=lambda block: min(key(s) for s in block))
    return [s for block in ordered for s in sorted(block, key=key)]


def cast_work_days(problem: Problem, starts: Mapping[int, int]) -> dict[str, set[int]]:
    """Cast id → the day indices they work."""
    work: dict[str, set[int]] = {member: set() for member in problem.rates}
    for s, start in starts.items():
        for member in problem.scenes[s].cast:
            work[member].update(range(start, start + problem.span(s)))
    return work


def evaluate(problem: Problem, starts: Mapping[int, int]) -> Figures:
    """The figures of a plan, computed from its days (independently of any solver)."""
    days = occupied_days(problem, starts)
    holding = 0.0
    for member, worked in cast_work_days(problem, starts).items():
        if worked:
            held = (max(worked) - min(worked) + 1) - len(worked)
            holding += problem.rates[member] * held
    moves = sum(len({problem.scenes[s].location for s in scenes}) - 1 for scenes in days.values() if scenes)
    total = max(days) + 1 if days else 0
    extra = total - problem.min_days
    off_block = sum(problem.off_block_cost(s, d) for s, d in starts.items())
    weights = problem.weights
    objective = (
        weights.holding * holding
        + weights.company_move * moves
        + weights.extra_day * extra
        + weights.off_block * off_block
    )
    return Figures(
        holding_cost=round(holding, 2),
        company_moves=moves,
        total_days=total,
        extra_days=extra,
        off_block_days=off_block,
        objective=round(objective, 2),
    )


class BlockMiss(BaseModel):
    """A scene shot (wholly or partly) outside one of its preferred blocks."""

    scene: str = Field(description="Scene number.")
    kind: Literal["cast", "location"] = Field(description="Whose block: a cast member's or a location's.")
    name: str = Field(description="The cast or location id the block is for.")
    block_dates: list[date] = Field(description="The block's dates.")
    dates: list[date] = Field(description="The scene's shooting dates outside the block.")

    @property
    def label(self) -> str:
        """`location MARKET` or `cast MEI`, as the summary names the block."""
        return f"{self.kind} {self.name}"


def block_misses(problem: Problem, starts: Mapping[int, int]) -> list[BlockMiss]:
    """Every (scene, preferred block) pair the plan breaks, in shooting order."""
    out: list[BlockMiss] = []
    for s, start in sorted(starts.items(), key=lambda item: (item[1], problem.scenes[item[0]].order)):
        days = [problem.dates[d] for d in range(start, start + problem.span(s)) if 0 <= d < problem.horizon]
        for kind, name, dates in problem.preferred_blocks_of(s):
            outside = [day for day in days if day not in dates]
            if outside:
                out.append(
                    BlockMiss(
                        scene=problem.scenes[s].id,
                        kind=kind,
                        name=name,
                        block_dates=sorted(dates),
                        dates=outside,
                    )
                )
    return out


def block_span_text(dates: Sequence[date]) -> str:
    """`2027-03-03..2027-03-05` for a run of dates, else the first few."""
    return _span_text(frozenset(dates))


def violations(problem: Problem, starts: Mapping[int, int]) -> list[str]:
    """Every hard constraint the plan breaks, as sentences (empty for a valid plan)."""
    out: list[str] = []
    for s, scene in enumerate(problem.scenes):
        if s not in starts:
            out.append(f"scene {scene.id} is not scheduled")
    days = occupied_days(problem, starts)
    for d, scenes in sorted(days.items()):
        if not 0 <= d < problem.horizon:
            out.append(f"scenes {', '.join(problem.scenes[s].id for s in scenes)} fall outside the calendar")
            continue
        day = problem.dates[d]
        if not problem.plan.is_shooting_date(day):
            out.append(f"{day.isoformat()} is a day off")
        whole = [s for s in scenes if problem.whole_day(s)]
        if whole and len(scenes) > 1:
            out.append(
                f"{day.isoformat()}: whole-day scene {problem.scenes[whole[0]].id} shares the day with "
                + ", ".join(problem.scenes[s].id for s in scenes if s != whole[0])
            )
        used = sum(problem.minutes[s] for s in scenes if not problem.whole_day(s))
        if used > problem.day_minutes:
            out.append(
                f"{day.isoformat()}: {used / 60:g} hours of scenes in a {problem.day_minutes / 60:g}-hour day"
            )
        for s in scenes:
            if not problem.day_open(s, d):
                reasons = [why for why, dates in problem.blocked_dates(s).items() if day in dates]
                scene = problem.scenes[s]
                if scene.not_before and day < scene.not_before:
                    reasons.append(f"not before {scene.not_before.isoformat()}")
                if scene.not_after and day > scene.not_after:
                    reasons.append(f"not after {scene.not_after.isoformat()}")
                out.append(f"scene {scene.id} on {day.isoformat()}: {'; '.join(reasons)}")
    out.extend(rule_violations(problem, starts))
    return out


def rule_violations(problem: Problem, starts: Mapping[int, int]) -> list[str]:
    """Breaks of the plan's working rules: turnaround after a night, split days, consecutive working days."""
    out: list[str] = []
    night_work: dict[str, set[int]] = {}
    day_work: dict[str, set[int]] = {}
    for s, start in starts.items():
        target = night_work if problem.night(s) else day_work
        for member in problem.scenes[s].cast:
            target.setdefault(member, set()).update(range(start, start + problem.span(s)))
    if problem.rest_rule:
        for member, nights in sorted(night_work.items()):
            for d in sorted(nights):
                if problem.adjacent(d) and d + 1 in day_work.get(member, set()):
                    out.append(
                        f"{member} works the night of {problem.dates[d].isoformat()} and a day scene on "
                        f"{problem.dates[d + 1].isoformat()}: less than {problem.plan.turnaround_hours:g} h rest"
                    )
    if problem.split_rule:
        for d, scenes in sorted(occupied_days(problem, starts).items()):
            lights = {problem.light(s) for s in scenes} - {None}
            if len(lights) > 1 and 0 <= d < problem.horizon:
                out.append(
                    f"{problem.dates[d].isoformat()} mixes day and night scenes "
                    f"({', '.join(problem.scenes[s].id for s in scenes)}) but the plan has split_days: false"
                )
    limit = problem.plan.max_consecutive_days
    if limit is not None:
        for member, worked in sorted(cast_work_days(problem, starts).items()):
            run = 0
            for d in range(problem.horizon):
                run = run + 1 if d in worked and (run == 0 or problem.adjacent(d - 1)) else int(d in worked)
                if run == limit + 1:
                    out.append(
                        f"{member} works more than {limit} consecutive days (to {problem.dates[d].isoformat()})"
                    )
    return out


def plan_days(problem: Problem, starts: Mapping[int, int]) -> list[ScheduledDay]:
    """The plan as shooting days (day 1 is the first calendar date; empty days inside are kept)."""
    days = occupied_days(problem, starts)
    if not days:
        return []
    out: list[ScheduledDay] = []
    for d in range(max(days) + 1):
        scenes = order_day(problem, days.get(d, []))
        shared = [s for s in scenes if not problem.whole_day(s)]
        hours = sum(problem.minutes[s] for s in shared) / MINUTES_PER_HOUR
        if len(scenes) != len(shared):
            hours = problem.day_minutes / MINUTES_PER_HOUR
        locations = list(dict.fromkeys(problem.scenes[s].location for s in scenes))
        out.append(
            ScheduledDay(
                day=d + 1,
                date=problem.dates[d],
                scenes=[problem.scenes[s].id for s in scenes],
                hours=round(hours, 2),
                eighths=sum(problem.scenes[s].eighths for s in scenes if starts[s] == d),
                locations=locations,
                company_moves=max(0, len(locations) - 1),
            )
        )
    return out


class ScheduledDay(BaseModel):
    """One shooting day of a plan."""

    day: int = Field(description="1-based shooting day.")
    date: date
    scenes: list[str] = Field(description="Scene ids in shooting order.")
    hours: float
    eighths: int = Field(
        description="Pages shot that day, in eighths (a multi-day scene's on its first day)."
    )
    locations: list[str]
    company_moves: int


class DoodRow(BaseModel):
    """One cast member's day out of days."""

    cast: str
    actor: str | None = None
    codes: dict[date, DoodCode] = Field(description="Calendar date → SW/W/WF/SWF/H/O ('' outside the span).")
    start: date | None = None
    finish: date | None = None
    work_days: int = 0
    hold_days: int = 0
    off_days: int = 0
    cost: float = Field(0.0, description="daily_rate × (work + hold) days.")


class Schedule(BaseModel):
    """A planned shoot: the days, its figures, how good it provably is, and the baseline's."""

    production: str | None = None
    status: Status
    formulation: Formulation
    method: Method = Field(
        "cp-sat-days", description="What produced the plan (stripboard-sort: nothing better found)."
    )
    days: list[ScheduledDay]
    figures: Figures
    lower_bound: float = Field(description="No plan can have a smaller objective (proved; see bound_basis).")
    bound_basis: str = Field("nothing proven", description="What proved the lower bound and what it assumes.")
    baseline: Figures
    baseline_days: list[ScheduledDay] = Field(default_factory=list)
    baseline_violations: list[str] = Field(default_factory=list)
    dood: list[DoodRow] = Field(default_factory=list)
    violations: list[str] = Field(default_factory=list)
    block_misses: list[BlockMiss] = Field(
        default_factory=list, description="Scenes shot outside their preferred blocks, and which block."
    )
    min_days: int = 0
    seconds: float = 0.0
    notes: list[str] = Field(default_factory=list, description="What the solver did (fallbacks, limits).")

    @property
    def gap(self) -> float:
        """How far the objective may be above the best possible, as a fraction of the objective."""
        objective = self.figures.objective
        if objective <= 0:
            return 0.0
        return max(0.0, (objective - self.lower_bound) / objective)

    @property
    def bound_meaningful(self) -> bool:
        """Show the bound and gap only when they say something: proven optimal or a gap under 50%."""
        return self.status == "optimal" or self.gap < MEANINGFUL_GAP

    def to_json(self) -> dict[str, object]:
        """The JSON form the issue specifies (schedule exports and `slate schedule --format json`)."""
        return {
            "status": self.status,
            "method": self.method,
            "days": [
                {"date": d.date.isoformat(), "scenes": list(d.scenes), "hours": d.hours} for d in self.days
            ],
            "holding_cost": self.figures.holding_cost,
            "company_moves": self.figures.company_moves,
            "total_days": self.figures.total_days,
            "off_block_days": self.figures.off_block_days,
            "objective": self.figures.objective,
            "lower_bound": self.lower_bound,
            "gap": round(self.gap, 4),
            "bound_meaningful": self.bound_meaningful,
            "bound_basis": self.bound_basis,
            "baseline": {
                "holding_cost": self.baseline.holding_cost,
                "company_moves": self.baseline.company_moves,
                "total_days": self.baseline.total_days,
                "objective": self.baseline.objective,
            },
            "dood": {
                row.cast: {
                    "start": row.start.isoformat() if row.start else None,
                    "finish": row.finish.isoformat() if row.finish else None,
                    "work_days": row.work_days,
                    "hold_days": row.hold_days,
                    "off_days": row.off_days,
                    "days": {day.isoformat(): code for day, code in row.codes.items() if code},
                }
                for row in self.dood
            },
            "violations": list(self.violations),
            "block_misses": [
                {
                    "scene": miss.scene,
                    "block": miss.label,
                    "block_dates": [day.isoformat() for day in miss.block_dates],
                    "dates": [day.isoformat() for day in miss.dates],
                }
                for miss in self.block_misses
            ],
        }
