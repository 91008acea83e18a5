"""The classic stripboard: what a coordinator gets by sorting strips and cutting days by hand.

Strips are sorted by location, then INT/EXT, then day/night, then cast, and packed into days in
that order: each strip goes on the current day if it fits and may be shot then, otherwise on the
first later day where it does. A strip with a preferred block goes on the first day that fits and
keeps the block (from the current day on, else earlier), when one does. A strip that cannot be placed anywhere legal is placed anyway and
reported, so the baseline always exists and its figures can be compared with the solver's.
"""

from __future__ import annotations

from dataclasses import dataclass

from tools.schedule.model import TIME_OF_DAY_RANK, Problem, violations
from tools.schedule.search import DayState


@dataclass(frozen=True)
class BaselinePlan:
    starts: dict[int, int]
    violations: list[str]


def stripboard_order(problem: Problem) -> list[int]:
    """Scene indices in classic stripboard order: location, INT/EXT, day/night, cast, script order."""
    cast_number = {member: number for number, member in enumerate(problem.rates)}

    def key(s: int) -> tuple[object, ...]:
        scene = problem.scenes[s]
        return (
            scene.location,
            scene.int_ext or "",
            TIME_OF_DAY_RANK.get(scene.time_of_day, 1),
            tuple(sorted(cast_number[c] for c in scene.cast)),
            scene.order,
        )

    return sorted(range(len(problem.scenes)), key=key)


def baseline_plan(problem: Problem) -> BaselinePlan:
    """Pack the sorted strips into days, respecting hard constraints where possible."""
    used = [0] * problem.horizon
    whole = [False] * problem.horizon
    starts: dict[int, int] = {}
    cursor = 0
    # Tracks who works when, so the working rules (turnaround, consecutive days) are kept too.
    board = DayState(problem, {}, problem.horizon)
    rules = board.rest_rule or board.run_limit is not None or board.split_rule

    def fits(s: int, d: int) -> bool:
        span = problem.span(s)
        if d + span > problem.horizon:
            return False
        if problem.whole_day(s):
            return all(used[d + k] == 0 and not whole[d + k] for k in range(span))
        return not whole[d] and used[d] + problem.minutes[s] <= problem.day_minutes

    for s in stripboard_order(problem):
        allowed = {
            d
            for d in problem.allowed_starts(s)
            if not rules or (board.rules_allow(s, d) and (not board.split_rule or board.split_allows(s, d)))
        }
        fit_day = next((d for d in range(cursor, problem.horizon) if fits(s, d)), None)
        day = next((d for d in range(cursor, problem.horizon) if d in allowed and fits(s, d)), None)
        if day is None:
            day = next((d for d in range(problem.horizon) if d in allowed and fits(s, d)), None)
        if day is not None:
            day = _keep_preference(problem, s, day, cursor, [d for d in sorted(allowed) if fits(s, d)])
        if day is None:
            # Nowhere legal: keep the board's order and let `violations` say what breaks.
            anywhere = next((d for d in range(problem.horizon) if fits(s, d)), None)
            day = fit_day if fit_day is not None else anywhere
        if day is None:
            # The calendar is full (an end_date too early): overload its last day and report it.
            day = max(0, problem.horizon - problem.span(s))
        starts[s] = day
        board._insert(s, day)
        for k in range(problem.span(s)):
            used[day + k] += problem.minutes[s]
            whole[day + k] = whole[day + k] or problem.whole_day(s)
        if fit_day is not None and day == fit_day:
            cursor = day + problem.span(s) - 1 if problem.whole_day(s) else day
        elif fit_day is not None:
            cursor = fit_day
    return BaselinePlan(starts=starts, violations=violations(problem, starts))


def _keep_preference(problem: Problem, s: int, day: int, cursor: int, legal: list[int]) -> int:
    """The legal day missing the fewest of scene `s`'s preferred blocks, the first from the cursor on
    if there is one; `day` itself when no legal day misses fewer."""
    off = problem.off_block_days(s)
    if not off or not off[day]:
        return day
    fewest = min(off[d] for d in legal)
    if fewest >= off[day]:
        return day
    best = [d for d in legal if off[d] == fewest]
    return next((d for d in best if d >= cursor), best[0])
