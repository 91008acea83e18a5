"""Lower bounds that hold for every valid plan, computed without search, and what they assume.

The bound is the least, over every plan length D the calendar allows, of three costs that any plan
of exactly D shooting days must pay, each proved separately (so their sum is a bound too):

- Extra days: D − minimum. D itself is at least the days a bin-packing lower bound (Martello and
  Toth's L2) needs for the shared scenes' hours, plus the whole-day scenes' days, and at least the
  end of the earliest day every scene may be shot.
- Company moves: each location is on at least L2(its shared scenes' hours) + its whole-day scenes'
  days shooting days, and a day with k locations has k − 1 moves, so the moves are at least
  Σ (those days) − D.
- Holding, per cast member: their span is a run of days [f, l] inside the D days in which each of
  their scenes has an allowed start; they work on at least L2(their shared hours) + their
  whole-day days of it, and at most on the days some scene of theirs may be shot and at most
  Σ their scenes' days. Every day of the span they cannot work is held; the bound takes the
  cheapest span. It assumes nothing about the other cast (each member is bounded alone), so it
  is 0 for anyone whose scenes fit a run of days they are free on; it only counts holds that dates
  force (unavailability, windows, blocks).

Preferred blocks (`preferred: true`) are left out on purpose: their cost (off_block × scene-days
outside them) is never negative and only adds to a plan's objective, so a bound that ignores it is
still below every plan. Hard blocks close days and are counted through the allowed starts.

Nothing here couples the cast through the days' capacity, so it stays far below the objective on
feature-sized plans where holding comes from trading one actor's span against another's.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tools.schedule.model import Problem

# Marks "no allowed start from here on" in the next-allowed-start tables.
_NEVER = 1 << 30


@dataclass(frozen=True)
class Bound:
    value: float
    basis: str


def packing_floor(sizes: Sequence[int], capacity: int) -> int:
    """At least how many bins of `capacity` the items need (Martello and Toth's L2 bound).

    For each threshold a ≤ capacity/2: items over capacity − a need a bin each; items over half
    need a bin each too and no two share one; items of at least a fill what those half-bins leave,
    then whole bins. Items of size 0 need nothing.
    """
    items = sorted((s for s in sizes if s > 0), reverse=True)
    if not items:
        return 0
    best = math.ceil(sum(items) / capacity)
    half = capacity / 2
    for a in {0, *(s for s in items if s <= half)}:
        big = [s for s in items if s > capacity - a]
        middle = [s for s in items if capacity - a >= s > half]
        small = sum(s for s in items if half >= s >= a)
        room = len(middle) * capacity - sum(middle)
        best = max(best, len(big) + len(middle) + max(0, math.ceil((small - room) / capacity)))
    return best


def day_plan_bound(problem: Problem) -> Bound:
    """A lower bound on the objective of every plan of `problem` (see the module docstring)."""
    # The off-block term is ignored: it is ≥ 0 for every plan, so leaving it out keeps this a bound.
    weights = problem.weights
    n = len(problem.scenes)
    horizon = problem.horizon
    shared = [problem.minutes[s] for s in range(n) if not problem.whole_day(s)]
    floor = packing_floor(shared, problem.day_minutes) + sum(problem.durations)
    floor = max(floor, *(_earliest_end(problem, s) for s in range(n)))
    visits = 0
    for location in {scene.location for scene in problem.scenes}:
        mine = [s for s in range(n) if problem.scenes[s].location == location]
        visits += packing_floor(
            [problem.minutes[s] for s in mine if not problem.whole_day(s)], problem.day_minutes
        )
        visits += sum(problem.durations[s] for s in mine)
    holds = [_member_holds(problem, member) for member, rate in problem.rates.items() if rate > 0]
    best = math.inf
    for days in range(max(floor, problem.min_days), horizon + 1):
        extra = weights.extra_day * (days - problem.min_days)
        if extra >= best:
            break
        held = 0.0
        for rate, by_length in holds:
            cheapest = by_length[days - 1]
            if cheapest >= _NEVER:
                held = math.inf
                break
            held += rate * cheapest
        if math.isinf(held):
            continue  # someone's scenes cannot all lie within this many days
        cost = extra + weights.company_move * max(0, visits - days) + weights.holding * held
        best = min(best, cost)
    return Bound(
        value=0.0 if math.isinf(best) else best,
        basis=(
            "per plan length: days the hours need (bin packing) as extra days, each location's "
            "days as company moves, and each cast member's holds forced by their dates alone "
            "(the cast are not coupled through the days' capacity)"
        ),
    )


def _earliest_end(problem: Problem, s: int) -> int:
    allowed = problem.allowed_starts(s)
    return allowed[0] + problem.span(s) if allowed else problem.horizon + 1


def _member_holds(problem: Problem, member: str) -> tuple[float, np.ndarray]:
    """The member's rate and, per last day L (index), the fewest holds of any span ending by L.

    `_NEVER` where no span ending by L can hold all their scenes.
    """
    horizon = problem.horizon
    mine = [s for s, scene in enumerate(problem.scenes) if member in scene.cast]
    rate = problem.rates[member]
    result = np.full(horizon, _NEVER, dtype=np.int64)
    if not mine or horizon == 0:
        return rate, result
    need = packing_floor(
        [problem.minutes[s] for s in mine if not problem.whole_day(s)], problem.day_minutes
    ) + sum(problem.durations[s] for s in mine)
    most = sum(problem.span(s) for s in mine)  # distinct days they can work at all
    workable = np.zeros(horizon, dtype=bool)
    # next_start[i, f]: the first allowed start of scene mine[i] on or after day f.
    next_start = np.full((len(mine), horizon + 1), _NEVER, dtype=np.int64)
    for i, s in enumerate(mine):
        span = problem.span(s)
        for d in problem.allowed_starts(s):
            workable[d : d + span] = True
            next_start[i, d] = d
        next_start[i] = np.minimum.accumulate(next_start[i][::-1])[::-1]
    spans = np.array([problem.span(s) for s in mine], dtype=np.int64)
    # The last day the span must reach if it starts on f: every scene's first allowed start from f.
    reach = (next_start[:, :horizon] + spans[:, None] - 1).max(axis=0)
    counted = np.concatenate(([0], np.cumsum(workable)))
    for f in range(horizon):
        last = int(reach[f])
        if last >= horizon:
            break  # later starts leave some scene no room either
        # Extend until the span has enough days they can work; holds only grow past that.
        target = counted[f] + need
        if counted[last + 1] < target:
            last = int(np.searchsorted(counted, target)) - 1
            if last >= horizon:
                continue
        length = last - f + 1
        held = length - min(int(counted[last + 1] - counted[f]), most)
        result[last] = min(int(result[last]), max(0, held))
    return rate, np.minimum.accumulate(result)
