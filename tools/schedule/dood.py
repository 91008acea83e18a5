"""Day out of days: for each cast member, what they do on every date of the shoot.

Codes, as crews use them: SW start work (first day), W work, WF work finish (last day), SWF a
single day's work, H hold (paid, not working, between first and last day), O a day off or holiday
inside their span (not a shooting day, so not paid as a hold here). Dates outside a member's span
are blank. Holding cost is exactly daily_rate × the H days.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from knowledge.cast_list import normalise_name
from tools.schedule.model import DoodCode, DoodRow, Problem, cast_work_days, occupied_days


def calendar_dates(problem: Problem, starts: Mapping[int, int]) -> list[date]:
    """Every calendar date from the first shooting date to the wrap (days off included)."""
    days = occupied_days(problem, starts)
    if not days:
        return []
    first, last = problem.dates[0], problem.dates[max(days)]
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def cast_order(problem: Problem) -> list[str]:
    """Cast ids in cast-list (billing) order, then any others in order of first appearance."""
    listed = [m.id for m in problem.cast if m.id in problem.rates]
    return listed + [c for c in problem.rates if c not in listed]


def day_out_of_days(problem: Problem, starts: Mapping[int, int]) -> list[DoodRow]:
    """One row per cast member appearing in the scenes."""
    calendar = calendar_dates(problem, starts)
    index_of = {day: d for d, day in enumerate(problem.dates)}
    work = cast_work_days(problem, starts)
    actors = {normalise_name(m.id): m.actor for m in problem.cast}
    rows: list[DoodRow] = []
    for member in cast_order(problem):
        worked = work.get(member, set())
        codes: dict[date, DoodCode] = {}
        counts = {"W": 0, "H": 0, "O": 0}
        first, last = (min(worked), max(worked)) if worked else (-1, -1)
        start = problem.dates[first] if worked else None
        finish = problem.dates[last] if worked else None
        for day in calendar:
            code: DoodCode = ""
            if start is not None and finish is not None and start <= day <= finish:
                d = index_of.get(day)
                if d is None:
                    code = "O"
                elif d in worked:
                    code = "SWF" if first == last else "SW" if d == first else "WF" if d == last else "W"
                else:
                    code = "H"
            codes[day] = code
            if code:
                counts["W" if "W" in code else code] += 1
        rate = problem.rates.get(member, 0.0)
        rows.append(
            DoodRow(
                cast=member,
                actor=actors.get(normalise_name(member)),
                codes=codes,
                start=start,
                finish=finish,
                work_days=counts["W"],
                hold_days=counts["H"],
                off_days=counts["O"],
                cost=round(rate * (counts["W"] + counts["H"]), 2),
            )
        )
    return rows
