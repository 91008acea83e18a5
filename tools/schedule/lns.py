"""Large-neighbourhood search: CP-SAT re-plans a few days at a time with the rest of the plan fixed.

A window is one or two runs of consecutive shooting days. Its scenes are taken off the board and
CP-SAT puts them back on the window's days (any allowed day there, within capacity), minimising
the exact objective: each affected cast member's held days = last − first + 1 − working days,
with their working days outside the window fixed; the window's company moves given the
locations already fixed there; the scene-days outside preferred blocks; and the wrap when the
window reaches the end of the shoot. The
current placement is the hint (every variable), so a window never comes back worse.
"""

from __future__ import annotations

import random
import time

from ortools.sat.python import cp_model

from tools.schedule.search import DayState


def lns_step(state: DayState, window: list[int], time_limit_s: float, seed: int, scale: int) -> bool:
    """Re-plan the scenes lying wholly inside `window` (day indices); True if the plan improved."""
    days = set(window)
    free = [
        s
        for d in window
        for s in state.scenes_on[d]
        if all(state.start[s] + k in days for k in range(state.span[s]))
    ]
    free = sorted(set(free))
    if len(free) < 2:
        return False
    before_cost = state.cost
    origin = {s: state.start[s] for s in free}
    for s in free:
        state._remove(s)
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    for s in free:
        options = [
            d
            for d in state.allowed[s]
            if all(d + k in days and state.count[d + k] == 0 for k in range(state.span[s]))
            or (not state.whole[s] and d in days and not state.whole_on[d])
        ]
        for d in options:
            x[s, d] = model.new_bool_var("")
            model.add_hint(x[s, d], d == origin[s])
        model.add_exactly_one(x[s, d] for d in options)
    on_day: dict[int, list[tuple[int, cp_model.IntVar]]] = {d: [] for d in window}
    for (s, d), lit in x.items():
        for k in range(state.span[s]):
            on_day[d + k].append((s, lit))
    for d in window:
        shared = [(state.minutes[s], lit) for s, lit in on_day[d] if not state.whole[s]]
        whole = [lit for s, lit in on_day[d] if state.whole[s]]
        if whole:
            model.add_at_most_one(whole)
        room = state.capacity - state.load[d]
        model.add(sum(m * lit for m, lit in shared) + state.capacity * sum(whole) <= room)
    terms: list[tuple[int, cp_model.IntVar]] = []
    constant = 0
    _working_rules(state, free, window, on_day, model)
    _holding_terms(state, free, window, on_day, origin, model, terms, scale)
    _move_terms(state, window, on_day, origin, model, terms, scale)
    off = round(state.w_off * scale)
    if off:
        terms.extend(
            (off * state.off[s][d], lit) for (s, d), lit in x.items() if state.off[s] and state.off[s][d]
        )
    extra = round(state.w_extra * scale)
    if extra and max(window) >= state.last_used:
        wrap = model.new_int_var(max(0, state.last_used), max(window), "")
        for d in window:
            for _s, lit in on_day[d]:
                model.add(wrap >= d).only_enforce_if(lit)
        model.add_hint(wrap, max(state.last_used, max(d + state.span[s] - 1 for s, d in origin.items())))
        terms.append((extra, wrap))
    model.minimize(sum(c * v for c, v in terms) + constant)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, time_limit_s)
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    code = solver.solve(model)
    if code in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        placed = {s: d for (s, d), lit in x.items() if solver.boolean_value(lit)}
        for s, d in placed.items():
            state._insert(s, d)
        if state.cost < before_cost - 1e-9:
            return True
        for s in free:
            state._remove(s)
    for s, d in origin.items():
        state._insert(s, d)
    return False


def _working_rules(
    state: DayState,
    free: list[int],
    window: list[int],
    on_day: dict[int, list[tuple[int, cp_model.IntVar]]],
    model: cp_model.CpModel,
) -> None:
    """Turnaround and consecutive-day limits between the window's scenes and the fixed plan; no
    day and night work on one day when the plan forbids split days."""
    if state.split_rule:
        _split_rule(state, window, on_day, model)
    if not state.rest_rule and state.run_limit is None:
        return
    days = set(window)
    for c in sorted({c for s in free for c in state.cast[s]}):
        works = state.works[c]
        nights = state.night_works[c]

        def lits(d: int, night: bool | None, member: int = c) -> list[cp_model.IntVar]:
            return [
                lit
                for s, lit in on_day.get(d, [])
                if member in state.cast[s] and (night is None or state.night[s] == night)
            ]

        if state.rest_rule:
            for d in range(state.horizon - 1):
                if not state.next_adjacent[d] or (d not in days and d + 1 not in days):
                    continue
                late, early = lits(d, True), lits(d + 1, False)
                fixed_late, fixed_early = nights[d] > 0, works[d + 1] > nights[d + 1]
                if fixed_late:
                    for lit in early:
                        model.add(lit == 0)
                elif fixed_early:
                    for lit in late:
                        model.add(lit == 0)
                else:
                    for a in late:
                        for b in early:
                            model.add_bool_or([a.negated(), b.negated()])
        limit = state.run_limit
        if limit is not None:
            on: dict[int, cp_model.IntVar] = {}
            for d in window:
                if works[d]:
                    continue
                here = lits(d, None)
                if here:
                    on[d] = model.new_bool_var("")
                    for lit in here:
                        model.add_implication(lit, on[d])
            for d in range(max(0, min(window) - limit), min(state.horizon - limit, max(window) + 1)):
                if all(state.next_adjacent[x] for x in range(d, d + limit)):
                    span = range(d, d + limit + 1)
                    fixed = sum(1 for x in span if works[x])
                    free_days = [on[x] for x in span if x in on]
                    if free_days and fixed + len(free_days) > limit:
                        model.add(sum(free_days) <= limit - fixed)


def _holding_terms(
    state: DayState,
    free: list[int],
    window: list[int],
    on_day: dict[int, list[tuple[int, cp_model.IntVar]]],
    origin: dict[int, int],
    model: cp_model.CpModel,
    terms: list[tuple[int, cp_model.IntVar]],
    scale: int,
) -> None:
    scale_rate = {c: round(state.w_hold * state.rate[c] * scale) for c in range(len(state.rate))}
    people = sorted({c for s in free for c in state.cast[s] if scale_rate[c] > 0})
    for c in people:
        row = state.works[c]
        hint_days = {d for d in range(state.horizon) if row[d]}
        hint_days |= {origin[s] + k for s in free if c in state.cast[s] for k in range(state.span[s])}
        first = model.new_int_var(0, state.horizon - 1, "")
        last = model.new_int_var(0, state.horizon - 1, "")
        if state.days_worked[c]:
            model.add(first <= state.first[c])
            model.add(last >= state.last[c])
        extra_days = []
        for d in window:
            if row[d]:
                continue
            lits = [lit for s, lit in on_day[d] if c in state.cast[s]]
            if not lits:
                continue
            works = model.new_bool_var("")
            for lit in lits:
                model.add_implication(lit, works)
            model.add_bool_or([works.negated(), *lits])
            model.add(first <= d).only_enforce_if(works)
            model.add(last >= d).only_enforce_if(works)
            model.add_hint(works, d in hint_days)
            extra_days.append(works)
        model.add_hint(first, min(hint_days))
        model.add_hint(last, max(hint_days))
        # held = last − first + 1 − (fixed working days + window working days)
        terms.append((scale_rate[c], last))
        terms.append((-scale_rate[c], first))
        terms.extend((-scale_rate[c], works) for works in extra_days)


def _move_terms(
    state: DayState,
    window: list[int],
    on_day: dict[int, list[tuple[int, cp_model.IntVar]]],
    origin: dict[int, int],
    model: cp_model.CpModel,
    terms: list[tuple[int, cp_model.IntVar]],
    scale: int,
) -> None:
    coefficient = round(state.w_move * scale)
    if coefficient <= 0:
        return
    for d in window:
        fixed = set(state.places[d])
        by_place: dict[str, list[cp_model.IntVar]] = {}
        for s, lit in on_day[d]:
            if state.location[s] not in fixed:
                by_place.setdefault(state.location[s], []).append(lit)
        if not by_place:
            continue
        present = []
        planned = {state.location[s] for s, day in origin.items() if day == d}
        for place, lits in by_place.items():
            here = model.new_bool_var("")
            for lit in lits:
                model.add_implication(lit, here)
            model.add_hint(here, place in planned)
            present.append(here)
        moves = model.new_int_var(0, len(present) + len(fixed), "")
        model.add(moves >= sum(present) + len(fixed) - 1)
        model.add_hint(moves, max(0, len(planned | fixed) - 1))
        terms.append((coefficient, moves))


def pick_window(state: DayState, rng: random.Random, target_scenes: int) -> list[int]:
    """One run of consecutive used days, or two, holding about `target_scenes` scenes."""
    used = state.last_used + 1
    if used <= 1:
        return [0]
    runs = 1 if rng.random() < 0.5 else 2
    window: set[int] = set()
    for _ in range(runs):
        d = rng.randrange(used)
        scenes = 0
        while d < min(state.horizon, used + 1) and scenes < target_scenes // runs:
            window.add(d)
            scenes += state.count[d]
            d += 1
    return sorted(window)


def improve_with_windows(
    state: DayState, deadline: float, *, seed: int = 0, scale: int = 1, target_scenes: int = 16
) -> int:
    """Re-plan windows until `deadline`; the number of windows that improved the plan."""
    rng = random.Random(seed)
    improved = 0
    while True:
        left = deadline - time.monotonic()
        if left < 0.1:
            return improved
        window = pick_window(state, rng, target_scenes)
        if lns_step(state, window, min(1.0, left), rng.randrange(1 << 30), scale):
            improved += 1


def _split_rule(
    state: DayState,
    window: list[int],
    on_day: dict[int, list[tuple[int, cp_model.IntVar]]],
    model: cp_model.CpModel,
) -> None:
    """Each window day is day work or night work, agreeing with the fixed scenes already on it."""
    for d in window:
        day_lits = [lit for s, lit in on_day.get(d, []) if state.light[s] == "day"]
        night_lits = [lit for s, lit in on_day.get(d, []) if state.light[s] == "night"]
        if state.lit_count["night"][d]:
            for lit in day_lits:
                model.add(lit == 0)
        elif state.lit_count["day"][d]:
            for lit in night_lits:
                model.add(lit == 0)
        elif day_lits and night_lits:
            is_night = model.new_bool_var("")
            for lit in day_lits:
                model.add_implication(lit, is_night.negated())
            for lit in night_lits:
                model.add_implication(lit, is_night)
