"""Lower bounds that hold for every valid plan, computed without search, and what they assume.

Company moves and extra days: each location needs at least ceil(its hours ÷ day length) shooting
days (a whole-day scene's days count whole), so over a plan of D days the days visit locations at
least Σ ceil(...) times and the moves are at least that minus D; extra days are D − minimum. The
bound is the least of those costs over every D the calendar allows.

Holding: a cast member's first working day is no later than the latest day any of their scenes
may start, and their last no earlier than the earliest day any may end; whatever part of that
forced span they cannot fill with their own scene-days is held.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tools.schedule.model import Problem


@dataclass(frozen=True)
class Bound:
    value: float
    basis: str


def day_plan_bound(problem: Problem) -> Bound:
    """A lower bound on the objective of every plan of `problem` (see the module docstring)."""
    weights = problem.weights
    location_days: dict[str, float] = {}
    for s, scene in enumerate(problem.scenes):
        share = problem.span(s) if problem.whole_day(s) else problem.minutes[s] / problem.day_minutes
        location_days[scene.location] = location_days.get(scene.location, 0.0) + share
    visits = sum(math.ceil(v - 1e-9) for v in location_days.values())
    best_days = math.inf
    for days in range(problem.min_days, max(problem.min_days, problem.horizon) + 1):
        cost = weights.company_move * max(0, visits - days) + weights.extra_day * (days - problem.min_days)
        best_days = min(best_days, cost)
        if weights.extra_day * (days - problem.min_days) >= best_days:
            break
    held = 0.0
    for member, rate in problem.rates.items():
        mine = [s for s, scene in enumerate(problem.scenes) if member in scene.cast]
        allowed = [problem.allowed_starts(s) for s in mine]
        if rate <= 0 or len(mine) < 2 or not all(allowed):
            continue
        latest_first = min(a[-1] for a in allowed)
        earliest_last = max(a[0] + problem.span(s) - 1 for s, a in zip(mine, allowed, strict=True))
        forced = earliest_last - latest_first + 1
        work = sum(problem.span(s) for s in mine)
        held += rate * max(0, forced - work)
    value = weights.holding * held + (0.0 if math.isinf(best_days) else best_days)
    return Bound(
        value=value,
        basis="each location's hours (company moves vs extra days) and spans forced by dates",
    )
