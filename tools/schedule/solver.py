"""Plan the shoot with OR-Tools CP-SAT, and say how far from the best possible the plan can be.

Hard constraints: every scene exactly once; a scene with `duration_days` fills that many
consecutive shooting days alone; the hours of a day's scenes fit `day_length_hours`; cast and
location unavailability; `not_before` / `not_after`; days off (they are not in the calendar).

Objective (minimised): holding × Σ rate × days a cast member is held between their first and last
working day, + company_move × moves within days, + extra_day × shooting days beyond the minimum,
+ off_block × scene-days outside preferred blocks (`preferred: true`; hard blocks are constraints).

Two formulations, chosen by the problem's shape:

- `sequence`, for talent-scheduling problems (every scene fills whole days; no date restrictions
  and no preferred block the back-to-back days would miss):
  one boolean per scene pair, "s before t", with transitivity clauses. Who is held during scene s
  follows from clauses alone ("some scene of c before s and some after s ⇒ c is held for s"), so
  the objective is a weighted sum of booleans, which CP-SAT's clause learning and LP bound handle
  far better than min/max over start days. It proves the CSPLib 039 optima in about a second.
  Gaps never pay without date restrictions, so the days are the scenes back to back.
- `day`, for everything else: a boolean per (scene, allowed day); per cast member and day
  "worked", "started" (monotone up), "not yet finished" (monotone down) and "held" =
  started ∧ not finished ∧ ¬worked. Company moves need no sequencing variables: the order within a
  day is free, so the fewest moves in a day is (distinct locations − 1), one block per location.

The baseline (classic stripboard sort, packed into days) is computed first, used as the solver's
hint, and reported with the same figures.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ortools.sat.python import cp_model, cp_model_helper

from core.errors import Infeasible
from knowledge.screenplay import eighths_text
from tools.schedule.baseline import BaselinePlan, baseline_plan
from tools.schedule.bounds import day_plan_bound
from tools.schedule.dood import day_out_of_days
from tools.schedule.lns import improve_with_windows
from tools.schedule.model import (
    BlockMiss,
    Formulation,
    Method,
    Problem,
    Schedule,
    Status,
    block_misses,
    block_span_text,
    evaluate,
    plan_days,
    violations,
)
from tools.schedule.search import DayState, improve, improve_order
from tools.schedule.talent_dp import solve_talent_dp

# The sequence formulation has O(n³) transitivity clauses: beyond this a local search orders scenes.
SEQUENCE_MAX_SCENES = 60
# Up to this many scenes the whole day model is built and CP-SAT may prove the plan optimal;
# beyond it building and searching it costs more than local search gains in the same time.
DAY_MODEL_MAX_SCENES = 40
# For larger productions: the share of the time limit for local search before CP-SAT windows.
LOCAL_SEARCH_SHARE = 0.75
# For small ones: seconds of local search before the whole day model.
SMALL_SEARCH_S = 0.5
DEFAULT_TIME_LIMIT_S = 30.0
# Seconds kept back from the limit to turn the plan into days, a DOOD and checks.
RESULT_RESERVE_S = 0.3
# Scenes named per broken preferred block in the summary (the result lists them all).
MISSES_SHOWN = 8


METHOD_TEXT: dict[Method, str] = {
    "dp": "exact dynamic programme over scene orders",
    "cp-sat-sequence": "CP-SAT on the scene order",
    "cp-sat-days": "CP-SAT on the whole day model",
    "local-search": "local search from the stripboard sort",
    "lns": "local search, then CP-SAT re-planning windows of days",
    "stripboard-sort": "the stripboard sort unchanged (nothing better found in the time limit)",
}


@dataclass
class _Outcome:
    status: Status | None
    starts: dict[int, int] = field(default_factory=dict)
    bound: float = 0.0
    bound_basis: str = "nothing proven"
    method: Method = "cp-sat-days"
    formulation: Formulation = "day"
    notes: list[str] = field(default_factory=list)
    settled: bool = False  # no plan exists (proven), as opposed to none found in the limit


def solve_schedule(
    problem: Problem,
    *,
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
    num_workers: int | None = None,
    seed: int = 0,
) -> Schedule:
    """The best plan found within `time_limit_s`, its status and proven bound, and the baseline.

    The limit covers everything (checks, the baseline, building models, searching). Raises
    Infeasible (naming the blocking constraints) when no plan satisfies the hard constraints.
    `num_workers` defaults to os.cpu_count(); with one worker runs are deterministic for a given
    seed, with more they may differ in which of equally good plans they return.
    """
    began = time.monotonic()
    deadline = began + max(0.5, time_limit_s) - RESULT_RESERVE_S
    workers = max(1, num_workers or os.cpu_count() or 1)
    precheck(problem)
    base = baseline_plan(problem)
    base_figures = evaluate(problem, base.starts)
    scale = _objective_scale(problem)
    # Computed before the search so its time counts against the limit, not the result's reserve.
    simple = day_plan_bound(problem)

    if _talent_shape(problem):
        outcome = _solve_talent(problem, base.starts, deadline, workers, seed, scale)
    else:
        outcome = _solve_day_plan(problem, base, deadline, workers, seed, scale)
    if outcome.status is None:
        if base.violations:
            raise explain_infeasible(problem, time_limit_s=min(10.0, time_limit_s))
        outcome = _Outcome(
            status="feasible",
            starts=dict(base.starts),
            method="stripboard-sort",
            formulation="baseline",
            notes=[*outcome.notes, f"no better plan within {time_limit_s:g} s; this is the stripboard sort"],
        )

    figures = evaluate(problem, outcome.starts)
    if not base.violations and base_figures.objective < figures.objective:
        outcome = _Outcome(
            status="feasible",
            starts=dict(base.starts),
            bound=outcome.bound,
            bound_basis=outcome.bound_basis,
            method="stripboard-sort",
            formulation="baseline",
            notes=[
                *outcome.notes,
                "the stripboard sort was better than the search's plan within the time limit",
            ],
        )
        figures = base_figures
    bound, basis = outcome.bound, outcome.bound_basis
    if simple.value > bound:
        bound, basis = simple.value, simple.basis
    bound = min(bound, figures.objective)
    status: Status = outcome.status if outcome.status is not None else "feasible"
    if status == "optimal" and bound < figures.objective - 1e-6:
        status = "feasible"
    return Schedule(
        production=problem.plan.production,
        status=status,
        formulation=outcome.formulation,
        method=outcome.method,
        days=plan_days(problem, outcome.starts),
        figures=figures,
        lower_bound=round(bound, 2),
        bound_basis=basis,
        baseline=base_figures,
        baseline_days=plan_days(problem, base.starts),
        baseline_violations=base.violations,
        dood=day_out_of_days(problem, outcome.starts),
        violations=violations(problem, outcome.starts),
        block_misses=block_misses(problem, outcome.starts),
        min_days=problem.min_days,
        seconds=round(time.monotonic() - began, 2),
        notes=outcome.notes,
    )


def _solve_talent(
    problem: Problem, hint: Mapping[int, int], deadline: float, workers: int, seed: int, scale: int
) -> _Outcome:
    """Every scene fills whole days and nothing is date-restricted: only the order matters."""
    order = sorted(hint, key=lambda s: hint[s])
    n = len(problem.scenes)
    exact = solve_talent_dp(problem, deadline)
    if exact is not None:
        return _Outcome(
            status="optimal",
            starts=_back_to_back(problem, exact[0]),
            bound=exact[1],
            bound_basis="exact dynamic programme over every scene order (scenes with the same cast merged)",
            method="dp",
            formulation="sequence",
        )
    if n <= SEQUENCE_MAX_SCENES:
        # A short search gives CP-SAT a good first plan; the model then proves what it can.
        order = improve_order(
            problem, order, min(deadline, time.monotonic() + 0.1 * _left(deadline)), seed=seed
        )
        outcome = _solve_sequence(problem, _back_to_back(problem, order), deadline, workers, seed, scale)
        if outcome.status is not None:
            return outcome
    order = improve_order(problem, order, deadline, seed=seed)
    return _Outcome(
        status="feasible",
        starts=_back_to_back(problem, order),
        method="local-search",
        formulation="sequence",
        notes=[f"{n} scenes: scene order improved by local search (moves, swaps, reversals)"],
    )


def _back_to_back(problem: Problem, order: Sequence[int]) -> dict[int, int]:
    starts: dict[int, int] = {}
    day = 0
    for s in order:
        starts[s] = day
        day += problem.span(s)
    return starts


def _solve_day_plan(
    problem: Problem, base: BaselinePlan, deadline: float, workers: int, seed: int, scale: int
) -> _Outcome:
    """Local search from the stripboard sort on the tightest calendar it allows, then CP-SAT:
    the whole day model when the production is small enough to prove, else CP-SAT on windows of
    days with the rest of the plan fixed (large-neighbourhood search)."""
    if base.violations:
        # The sort breaks a constraint: only the model can find a valid plan to start from.
        return _solve_days(problem, {}, deadline, workers, seed, scale)
    used = max(d + problem.span(s) for s, d in base.starts.items())
    horizon = min(problem.horizon, max(used, problem.min_days) + 1)
    small = len(problem.scenes) <= DAY_MODEL_MAX_SCENES
    # A small plan needs only a good first plan for CP-SAT's hint: the proof is the model's work.
    search_s = min(SMALL_SEARCH_S, 0.1 * _left(deadline)) if small else LOCAL_SEARCH_SHARE * _left(deadline)
    starts = improve(problem, base.starts, horizon, time.monotonic() + search_s, seed=seed)
    if small:
        outcome = _solve_days(problem, starts, deadline, workers, seed, scale)
        if outcome.status is not None:
            if evaluate(problem, outcome.starts).objective > evaluate(problem, starts).objective:
                outcome.starts, outcome.status, outcome.method = starts, "feasible", "local-search"
            return outcome
    state = DayState(problem, starts, horizon)
    windows = improve_with_windows(state, deadline, seed=seed, scale=scale)
    method: Method = "lns" if windows else "local-search"
    return _Outcome(
        status="feasible",
        starts=state.starts(),
        method=method,
        formulation="day",
        notes=[
            f"local search on {horizon} shooting days from the stripboard sort, then CP-SAT re-planned "
            f"windows of days ({windows} improved the plan)"
        ],
    )


def _left(deadline: float) -> float:
    return max(0.0, deadline - time.monotonic())


# --- cheap infeasibility checks -----------------------------------------------------------------


def _dates_text(dates: Sequence[date]) -> str:
    ordered = sorted(dates)
    shown = ", ".join(d.isoformat() for d in ordered[:6])
    return shown + (f" and {len(ordered) - 6} more" if len(ordered) > 6 else "")


def precheck(problem: Problem) -> None:
    """Raise Infeasible for problems a glance shows cannot be planned, saying which constraint."""
    reasons: list[str] = []
    reasons.extend(
        _scene_blocked(problem, s) for s in range(len(problem.scenes)) if not problem.allowed_starts(s)
    )
    reasons.extend(_deadline_overloads(problem))
    if reasons:
        raise Infeasible("No schedule satisfies the plan", reasons)


def _scene_blocked(problem: Problem, s: int) -> str:
    scene = problem.scenes[s]
    window = [
        d
        for d, day in enumerate(problem.dates)
        if (scene.not_before is None or day >= scene.not_before)
        and (scene.not_after is None or day <= scene.not_after)
    ]
    span = problem.span(s)
    label = f"scene {scene.id}"
    first = scene.not_before or problem.plan.start_date
    if scene.not_after:
        bounds = f"between {first.isoformat()} and {scene.not_after.isoformat()}"
    elif problem.plan.end_date:
        bounds = f"between {first.isoformat()} and the end date {problem.plan.end_date.isoformat()}"
    else:
        bounds = f"from {first.isoformat()}"
    if len(window) < span:
        return f"{label} needs {span} shooting day(s) {bounds} but the calendar has {len(window)} there"
    window_dates = {problem.dates[d] for d in window}
    blockers = [
        f"{why} on {_dates_text(sorted(dates & window_dates))}"
        for why, dates in problem.blocked_dates(s).items()
        if dates & window_dates
    ]
    together = "cast and location are never available together"
    if span > 1:
        together = (
            f"there are never {span} consecutive shooting days when cast and location are all available"
        )
    return f"{label} cannot be shot {bounds}: {'; '.join(blockers)}; {together}"


def _deadline_overloads(problem: Problem) -> list[str]:
    """Scenes due by a date need more shooting days than the calendar has before it."""
    reasons: list[str] = []
    deadlines = sorted({s.not_after for s in problem.scenes if s.not_after})
    last = problem.dates[-1] if problem.dates else problem.plan.start_date
    checks: list[tuple[date, str]] = [(d, f"due by {d.isoformat()}") for d in deadlines]
    if problem.plan.end_date is not None:
        checks.append((last, f"in the calendar to the end date {problem.plan.end_date.isoformat()}"))
    for deadline, what in checks:
        due = [
            s
            for s, scene in enumerate(problem.scenes)
            if (scene.not_after and scene.not_after <= deadline) or what.startswith("in the calendar")
        ]
        days_available = sum(1 for day in problem.dates if day <= deadline)
        shared = sum(problem.minutes[s] for s in due if not problem.whole_day(s))
        whole = sum(problem.durations[s] for s in due)
        needed = math.ceil(shared / problem.day_minutes) + whole
        if needed > days_available:
            hours = shared / 60
            reasons.append(
                f"{len(due)} scene{'' if len(due) == 1 else 's'} {what} need at least {needed} shooting days "
                f"({hours:g} hours and {whole} whole days) but only {days_available} are available"
            )
    return reasons


def explain_infeasible(problem: Problem, *, time_limit_s: float = 10.0) -> Infeasible:
    """Ask CP-SAT which groups of constraints (windows, unavailability) cannot hold together."""
    model = cp_model.CpModel()
    horizon = problem.horizon
    groups: dict[str, cp_model.IntVar] = {}

    def group(name: str) -> cp_model.IntVar:
        if name not in groups:
            groups[name] = model.new_bool_var(name)
        return groups[name]

    covering: list[list[cp_model.IntVar]] = [[] for _ in range(horizon)]
    whole_covering: list[list[cp_model.IntVar]] = [[] for _ in range(horizon)]
    load: list[list[tuple[int, cp_model.IntVar]]] = [[] for _ in range(horizon)]
    for s, scene in enumerate(problem.scenes):
        span = problem.span(s)
        starts = []
        for d in range(horizon - span + 1):
            lit = model.new_bool_var(f"start_{s}_{d}")
            starts.append(lit)
            for k in range(span):
                day = problem.dates[d + k]
                if (scene.not_before and day < scene.not_before) or (
                    scene.not_after and day > scene.not_after
                ):
                    model.add_implication(group(f"the window of scene {scene.id}"), lit.negated())
                for why, dates in problem.blocked_dates(s).items():
                    if day in dates:
                        model.add_implication(
                            group(why.replace(" is unavailable", "'s unavailable dates")), lit.negated()
                        )
                covering[d + k].append(lit)
                if problem.whole_day(s):
                    whole_covering[d + k].append(lit)
                else:
                    load[d + k].append((problem.minutes[s], lit))
        model.add_exactly_one(starts)
    for d in range(horizon):
        if whole_covering[d]:
            model.add_at_most_one(whole_covering[d])
        model.add(
            sum(m * lit for m, lit in load[d]) + problem.day_minutes * sum(whole_covering[d])
            <= problem.day_minutes
        )
    model.add_assumptions(list(groups.values()))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = time_limit_s
    status = solver.solve(model)
    if status == cp_model.INFEASIBLE:
        names = {lit.index: name for name, lit in groups.items()}
        core = [names[i] for i in solver.sufficient_assumptions_for_infeasibility() if i in names]
        if core:
            return Infeasible("No schedule satisfies the plan; these constraints conflict", [", ".join(core)])
        return Infeasible(
            "No schedule satisfies the plan",
            ["the scenes' hours and whole days do not fit the calendar's shooting days"],
        )
    return Infeasible(
        "No schedule was found",
        [
            f"none within {time_limit_s:g} s and no conflict was proven; try a longer time limit or a later end_date"
        ],
    )


# --- shared helpers -----------------------------------------------------------------------------


def _objective_scale(problem: Problem) -> int:
    """CP-SAT needs integer coefficients: money in whole units, or cents when rates have them."""
    weights = problem.weights
    values = [weights.holding * rate for rate in problem.rates.values()]
    values += [weights.company_move, weights.extra_day, weights.off_block]
    return 1 if all(abs(v - round(v)) < 1e-9 for v in values) else 100


def _configure(solver: cp_model.CpSolver, time_limit_s: float, workers: int, seed: int) -> None:
    solver.parameters.max_time_in_seconds = max(0.05, time_limit_s)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.log_search_progress = False


def _status(code: cp_model.CpSolverStatus) -> Status | None:
    if code == cp_model.OPTIMAL:
        return "optimal"
    if code == cp_model.FEASIBLE:
        return "feasible"
    return None


def _talent_shape(problem: Problem) -> bool:
    """Talent scheduling: every scene fills whole days and no date restricts the back-to-back plan
    or makes it pay (a preferred block the first days would miss: the order models ignore dates)."""
    rules = problem.rest_rule or problem.plan.max_consecutive_days is not None
    days = sum(problem.durations)
    return (
        not rules
        and all(problem.whole_day(s) for s in range(len(problem.scenes)))
        and days <= problem.horizon
        and not problem.date_restricted_within(days)
        and not problem.preference_binds_within(days)
    )


# --- the sequence formulation (talent scheduling) -----------------------------------------------


def _solve_sequence(
    problem: Problem, hint: Mapping[int, int], deadline: float, workers: int, seed: int, scale: int
) -> _Outcome:
    model = cp_model.CpModel()
    n = len(problem.scenes)
    rank = {s: i for i, s in enumerate(sorted(hint, key=lambda s: hint[s]))} if len(hint) == n else {}
    hinted = bool(rank)

    def hint_bool(lit: cp_model.IntVar, value: bool) -> None:
        if hinted:
            model.add_hint(lit, value)

    before: dict[tuple[int, int], cp_model_helper.Literal] = {}
    for s in range(n):
        for t in range(s + 1, n):
            lit = model.new_bool_var(f"before_{s}_{t}")
            before[s, t] = lit
            before[t, s] = lit.negated()
            hint_bool(lit, hinted and rank[s] < rank[t])
    for s in range(n):
        for t in range(n):
            for u in range(n):
                if s != t and t != u and s != u:
                    model.add_bool_or([before[s, t].negated(), before[t, u].negated(), before[s, u]])
    if n > 1:
        # Reversing a plan keeps every cost (nothing depends on dates here): fix one orientation.
        model.add(before[0, 1] == 1)
        if hinted and rank[0] > rank[1]:
            rank = {s: n - 1 - r for s, r in rank.items()}
            model.clear_hints()
            for s in range(n):
                for t in range(s + 1, n):
                    model.add_hint(before[s, t], rank[s] < rank[t])
    terms: list[tuple[int, cp_model.IntVar]] = []
    for member, rate in problem.rates.items():
        coefficient = round(problem.weights.holding * rate * scale)
        mine = [s for s in range(n) if member in problem.scenes[s].cast]
        if coefficient <= 0 or len(mine) < 2:
            continue
        for s in range(n):
            if s in mine:
                continue
            after_first = model.new_bool_var("")
            before_last = model.new_bool_var("")
            held = model.new_bool_var(f"held_{member}_{s}")
            for t in mine:
                model.add_implication(before[t, s], after_first)
                model.add_implication(before[s, t], before_last)
            model.add_bool_or([after_first.negated(), before_last.negated(), held])
            terms.append((coefficient * problem.durations[s], held))
            if hinted:
                is_after = any(rank[t] < rank[s] for t in mine)
                is_before = any(rank[t] > rank[s] for t in mine)
                model.add_hint(after_first, is_after)
                model.add_hint(before_last, is_before)
                model.add_hint(held, is_after and is_before)
    model.minimize(sum(c * lit for c, lit in terms))
    solver = cp_model.CpSolver()
    _configure(solver, _left(deadline), workers, seed)
    code = solver.solve(model)
    status = _status(code)
    if status is None:
        return _Outcome(status=None, notes=[f"sequence model: {solver.status_name(code)}"])
    order = sorted(
        range(n), key=lambda s: sum(1 for t in range(n) if t != s and solver.boolean_value(before[t, s]))
    )
    return _Outcome(
        status=status,
        starts=_back_to_back(problem, order),
        bound=solver.best_objective_bound / scale,
        bound_basis="CP-SAT proof over every scene order" if status == "optimal" else "CP-SAT search bound",
        method="cp-sat-sequence",
        formulation="sequence",
    )


# --- the day formulation ------------------------------------------------------------------------


def _solve_days(
    problem: Problem, hint: Mapping[int, int], deadline: float, workers: int, seed: int, scale: int
) -> _Outcome:
    """Search the tightest calendar the hint allows first; then, once the plan is proven optimal
    there, prove that no longer plan is cheaper, one length at a time.

    A plan of exactly D shooting days pays extra_day × (D − minimum days), so only the lengths
    below plan objective ÷ extra_day + minimum can hold a cheaper plan (and none beyond the safe
    horizon). For each, CP-SAT is asked for a plan of that length cheaper than the one found, a
    feasibility question it usually settles far faster than optimising the wider calendar. A cheaper
    plan found that way is taken; a length left unsettled in the limit caps the bound instead.
    """
    safe = max(1, problem.safe_horizon or problem.horizon)
    hint_days = max((d + problem.span(s) for s, d in hint.items()), default=0)
    horizon = min(safe, max(hint_days, problem.min_days) + (0 if hint else max(3, problem.min_days // 7)))
    notes: list[str] = []
    outcome = _day_model(problem, horizon, hint, deadline, workers, seed, scale)
    if outcome.status is None and horizon < safe and _left(deadline) > 0.5:
        notes.append(f"no plan within {horizon} days; searched {safe}")
        horizon = safe
        outcome = _day_model(problem, horizon, hint, deadline, workers, seed, scale)
    if outcome.status is not None and horizon < safe:
        _settle_longer_plans(problem, outcome, horizon, safe, deadline, workers, seed, scale)
    outcome.notes = notes + outcome.notes
    return outcome


def _settle_longer_plans(
    problem: Problem,
    outcome: _Outcome,
    horizon: int,
    safe: int,
    deadline: float,
    workers: int,
    seed: int,
    scale: int,
) -> None:
    """Prove (or cap the bound for) plans longer than `horizon` days; see `_solve_days`."""
    extra_weight = problem.weights.extra_day
    objective = evaluate(problem, outcome.starts).objective
    searched = horizon  # every plan of at most this many days is covered by the proof or bound
    length = horizon + 1
    while (
        outcome.status == "optimal"
        and length <= safe
        and extra_weight * (length - problem.min_days) < objective
    ):
        if _left(deadline) < 0.2:
            break
        cheaper = _day_model(
            problem, length, {}, deadline, workers, seed, scale, below=objective, exact_length=True
        )
        if cheaper.status is not None:
            # A longer plan is cheaper: optimise over that calendar, starting from it.
            better = _day_model(problem, length, cheaper.starts, deadline, workers, seed, scale)
            chosen = better if better.status is not None else cheaper
            outcome.starts, outcome.status, outcome.bound = chosen.starts, chosen.status, chosen.bound
            outcome.bound_basis = chosen.bound_basis
            if better.status is None:
                outcome.status = "feasible"
            objective = evaluate(problem, outcome.starts).objective
        elif not cheaper.settled:
            break
        searched = length
        length += 1
    if outcome.status == "optimal" and (
        length > safe or extra_weight * (length - problem.min_days) >= objective
    ):
        if searched > horizon:
            outcome.bound_basis = (
                f"CP-SAT proof on {horizon} days, and that no plan of {horizon + 1} to {searched} days "
                "is cheaper (longer ones pay more in extra days alone)"
            )
        return
    cap = extra_weight * (searched + 1 - problem.min_days)
    outcome.status = "feasible"
    if cap < outcome.bound:
        outcome.bound = cap
        outcome.bound_basis = (
            f"CP-SAT bound on {searched} days; plans of {searched + 1} days or more pay at least "
            f"{cap:,.0f} in extra days"
        )


def _day_model(
    problem: Problem,
    horizon: int,
    hint: Mapping[int, int],
    deadline: float,
    workers: int,
    seed: int,
    scale: int,
    *,
    below: float | None = None,
    exact_length: bool = False,
) -> _Outcome:
    """The whole day model on `horizon` days, minimised; with `below`, only plans cheaper than
    that, and with `exact_length`, only plans whose last day is the horizon's last."""
    model = cp_model.CpModel()
    n = len(problem.scenes)
    weights = problem.weights
    hint = {
        s: d for s, d in hint.items() if d + problem.span(s) <= horizon and d in problem.allowed_starts(s)
    }
    hinted = len(hint) == n
    works_on: dict[str, set[int]] = {}
    places_on: dict[int, set[str]] = {}
    if hinted:
        for s, d in hint.items():
            for k in range(problem.span(s)):
                for member in problem.scenes[s].cast:
                    works_on.setdefault(member, set()).add(d + k)
                places_on.setdefault(d + k, set()).add(problem.scenes[s].location)
    used_days = max((d + problem.span(s) for s, d in hint.items()), default=0)

    def hint_value(var: cp_model.IntVar, value: int | bool) -> None:
        if hinted:
            model.add_hint(var, value)

    covering: list[list[cp_model.IntVar]] = [[] for _ in range(horizon)]
    whole_covering: list[list[cp_model.IntVar]] = [[] for _ in range(horizon)]
    load: list[list[tuple[int, cp_model.IntVar]]] = [[] for _ in range(horizon)]
    scene_on: list[dict[int, list[cp_model.IntVar]]] = [{} for _ in range(n)]
    start_lits: list[dict[int, cp_model.IntVar]] = [{} for _ in range(n)]
    for s in range(n):
        span = problem.span(s)
        allowed = [d for d in problem.allowed_starts(s) if d + span <= horizon]
        if not allowed:
            return _Outcome(
                status=None, notes=[f"scene {problem.scenes[s].id} has no day within {horizon} days"]
            )
        for d in allowed:
            lit = model.new_bool_var(f"scene_{s}_day_{d}")
            hint_value(lit, hint.get(s) == d)
            start_lits[s][d] = lit
            for k in range(span):
                covering[d + k].append(lit)
                scene_on[s].setdefault(d + k, []).append(lit)
                if problem.whole_day(s):
                    whole_covering[d + k].append(lit)
                else:
                    load[d + k].append((problem.minutes[s], lit))
        model.add_exactly_one(start_lits[s].values())
        if time.monotonic() > deadline:
            return _Outcome(status=None, notes=[f"day model ({horizon} days): no time left to build it"])

    for d in range(horizon):
        if whole_covering[d]:
            model.add_at_most_one(whole_covering[d])
        if load[d]:
            # A whole-day scene takes the day's whole capacity, so nothing else fits beside it.
            model.add(
                sum(m * lit for m, lit in load[d]) + problem.day_minutes * sum(whole_covering[d])
                <= problem.day_minutes
            )

    objective: list[tuple[int, cp_model.IntVar]] = []
    offset = 0

    # Extra days: the shoot runs to its last used day; `open` is monotone so Σ open = days used.
    day_open = [model.new_bool_var(f"open_{d}") for d in range(horizon)]
    for d in range(horizon):
        hint_value(day_open[d], d < used_days)
        for lit in covering[d]:
            model.add_implication(lit, day_open[d])
        if d + 1 < horizon:
            model.add_implication(day_open[d + 1], day_open[d])
    model.add(sum(day_open) >= min(problem.min_days, horizon))
    if exact_length:
        model.add(day_open[horizon - 1] == 1)
    extra_coefficient = round(weights.extra_day * scale)
    if extra_coefficient:
        objective.extend((extra_coefficient, lit) for lit in day_open)
        offset -= extra_coefficient * problem.min_days

    # Holding: a member is held on a day after they started and before they finished, not working.
    for member, rate in problem.rates.items():
        coefficient = round(weights.holding * rate * scale)
        mine = [s for s in range(n) if member in problem.scenes[s].cast]
        if coefficient <= 0 or len(mine) < 2:
            continue
        planned = works_on.get(member, set())
        days = sorted({d for s in mine for d in scene_on[s]})
        first, last = days[0], days[-1]
        worked: dict[int, cp_model.IntVar] = {}
        for d in days:
            lits = [lit for s in mine for lit in scene_on[s].get(d, [])]
            work = model.new_bool_var(f"works_{member}_{d}")
            hint_value(work, d in planned)
            for lit in lits:
                model.add_implication(lit, work)
            model.add_bool_or([work.negated(), *lits])
            worked[d] = work
        started_prev: cp_model.IntVar | None = None
        started: dict[int, cp_model.IntVar] = {}
        for d in range(first, last + 1):
            lit = model.new_bool_var("")
            hint_value(lit, bool(planned) and min(planned) <= d)
            if d in worked:
                model.add_implication(worked[d], lit)
            if started_prev is not None:
                model.add_implication(started_prev, lit)
            started[d] = started_prev = lit
        pending_next: cp_model.IntVar | None = None
        pending: dict[int, cp_model.IntVar] = {}
        for d in range(last, first - 1, -1):
            lit = model.new_bool_var("")
            hint_value(lit, bool(planned) and max(planned) >= d)
            if d in worked:
                model.add_implication(worked[d], lit)
            if pending_next is not None:
                model.add_implication(pending_next, lit)
            pending[d] = pending_next = lit
        for d in range(first + 1, last):
            held = model.new_bool_var(f"held_{member}_{d}")
            hint_value(held, bool(planned) and min(planned) < d < max(planned) and d not in planned)
            clause = [started[d].negated(), pending[d].negated(), held]
            if d in worked:
                clause.append(worked[d])
            model.add_bool_or(clause)
            objective.append((coefficient, held))
        if time.monotonic() > deadline:
            return _Outcome(status=None, notes=[f"day model ({horizon} days): no time left to build it"])

    _add_working_rules(problem, model, horizon, scene_on, hint if hinted else {})

    # Preferred blocks: each start day pays for the scene-days it puts outside them.
    off_coefficient = round(weights.off_block * scale)
    if off_coefficient:
        for s in range(n):
            for d, lit in start_lits[s].items():
                misses = problem.off_block_cost(s, d)
                if misses:
                    objective.append((off_coefficient * misses, lit))

    # Company moves: with free order inside a day the fewest moves are (locations that day − 1).
    move_coefficient = round(weights.company_move * scale)
    if move_coefficient:
        for d in range(horizon):
            by_location: dict[str, list[cp_model.IntVar]] = {}
            for s in range(n):
                if not problem.whole_day(s):
                    for lit in scene_on[s].get(d, []):
                        by_location.setdefault(problem.scenes[s].location, []).append(lit)
            if len(by_location) < 2:
                continue
            present = []
            here_now = places_on.get(d, set())
            for location, lits in by_location.items():
                here = model.new_bool_var(f"at_{location}_{d}")
                hint_value(here, location in here_now)
                for lit in lits:
                    model.add_implication(lit, here)
                present.append(here)
            moves = model.new_int_var(0, len(present) - 1, f"moves_{d}")
            hint_value(moves, max(0, len(here_now) - 1))
            model.add(moves >= sum(present) - 1)
            objective.append((move_coefficient, moves))

    total = sum(c * v for c, v in objective) + offset
    if below is not None:
        model.add(total <= math.ceil(below * scale) - 1)
    model.minimize(total)
    if _left(deadline) <= 0.05:
        return _Outcome(status=None, notes=[f"day model ({horizon} days): no time left to search it"])
    solver = cp_model.CpSolver()
    _configure(solver, _left(deadline), workers, seed)
    code = solver.solve(model)
    status = _status(code)
    if status is None:
        return _Outcome(
            status=None,
            settled=code == cp_model.INFEASIBLE,
            notes=[f"day model ({horizon} days): {solver.status_name(code)}"],
        )
    starts = {s: next(d for d, lit in start_lits[s].items() if solver.boolean_value(lit)) for s in range(n)}
    return _Outcome(
        status=status,
        starts=starts,
        bound=solver.best_objective_bound / scale,
        bound_basis="CP-SAT proof" if status == "optimal" else "CP-SAT search bound",
        method="cp-sat-days",
        formulation="day",
    )


def _add_working_rules(
    problem: Problem,
    model: cp_model.CpModel,
    horizon: int,
    scene_on: list[dict[int, list[cp_model.IntVar]]],
    hint: Mapping[int, int],
) -> None:
    """Turnaround after a night and the consecutive-day limit, for every cast member; no day
    holding both day and night work when the plan forbids split days."""
    limit = problem.plan.max_consecutive_days
    if problem.split_rule:
        _add_split_rule(problem, model, horizon, scene_on, hint)
    if not problem.rest_rule and limit is None:
        return
    for member in problem.rates:
        mine = [s for s in range(len(problem.scenes)) if member in problem.scenes[s].cast]
        planned = {d + k for s in mine if s in hint for k in range(problem.span(s)) for d in [hint[s]]}
        nights = {
            d + k
            for s in mine
            if s in hint and problem.night(s)
            for k in range(problem.span(s))
            for d in [hint[s]]
        }
        if problem.rest_rule:
            for d in range(horizon - 1):
                if not problem.adjacent(d):
                    continue
                night_lits = [lit for s in mine if problem.night(s) for lit in scene_on[s].get(d, [])]
                day_lits = [lit for s in mine if not problem.night(s) for lit in scene_on[s].get(d + 1, [])]
                if not night_lits or not day_lits:
                    continue
                late = model.new_bool_var(f"night_{member}_{d}")
                if hint:
                    model.add_hint(late, d in nights)
                for lit in night_lits:
                    model.add_implication(lit, late)
                for lit in day_lits:
                    model.add_implication(lit, late.negated())
        if limit is not None:
            works: dict[int, cp_model.IntVar] = {}
            for d in range(horizon):
                lits = [lit for s in mine for lit in scene_on[s].get(d, [])]
                if lits:
                    works[d] = model.new_bool_var(f"on_{member}_{d}")
                    if hint:
                        model.add_hint(works[d], d in planned)
                    for lit in lits:
                        model.add_implication(lit, works[d])
            for d in range(horizon - limit):
                if all(problem.adjacent(x) for x in range(d, d + limit)):
                    run = [works[x] for x in range(d, d + limit + 1) if x in works]
                    if len(run) > limit:
                        model.add(sum(run) <= limit)


def _add_split_rule(
    problem: Problem,
    model: cp_model.CpModel,
    horizon: int,
    scene_on: list[dict[int, list[cp_model.IntVar]]],
    hint: Mapping[int, int],
) -> None:
    """A day is day work or night work: one boolean per day says which, and each scene follows it."""
    for d in range(horizon):
        day_lits = [
            lit
            for s in range(len(problem.scenes))
            if problem.light(s) == "day"
            for lit in scene_on[s].get(d, [])
        ]
        night_lits = [
            lit
            for s in range(len(problem.scenes))
            if problem.light(s) == "night"
            for lit in scene_on[s].get(d, [])
        ]
        if not day_lits or not night_lits:
            continue
        is_night = model.new_bool_var(f"night_work_{d}")
        if hint:
            model.add_hint(
                is_night,
                any(problem.light(s) == "night" and hint[s] <= d < hint[s] + problem.span(s) for s in hint),
            )
        for lit in day_lits:
            model.add_implication(lit, is_night.negated())
        for lit in night_lits:
            model.add_implication(lit, is_night)


def summary_lines(schedule: Schedule) -> list[str]:
    """A short readable digest of a schedule (CLI summary, tool summary)."""
    figures, base = schedule.figures, schedule.baseline
    saving = (1 - figures.objective / base.objective) * 100 if base.objective > 0 else 0.0
    if schedule.bound_meaningful:
        proof = f"proven lower bound {schedule.lower_bound:,.0f}, gap {schedule.gap:.1%}"
    else:
        proof = "not proven optimal; no useful lower bound yet"
    lines = [
        f"{schedule.status.upper()} plan: {figures.total_days} shooting days, holding cost {figures.holding_cost:,.0f}, "
        f"{figures.company_moves} company move(s), "
        + (
            f"{figures.off_block_days} scene-day(s) outside preferred blocks, "
            if figures.off_block_days
            else ""
        )
        + f"objective {figures.objective:,.0f} ({proof}).",
        f"Method: {METHOD_TEXT[schedule.method]}.",
        f"Stripboard baseline: {base.total_days} days, holding {base.holding_cost:,.0f}, "
        f"{base.company_moves} move(s), objective {base.objective:,.0f}; the plan is {saving:.1f}% cheaper.",
    ]
    lines.extend(_block_miss_lines(schedule.block_misses))
    for day in schedule.days:
        scenes = ", ".join(day.scenes) or "(no scenes)"
        lines.append(
            f"Day {day.day} {day.date.isoformat()} {day.date.strftime('%a')}: {scenes} "
            f"— {eighths_text(day.eighths) if day.eighths else '0'} pages, {day.hours:g} h"
            + (f", {day.company_moves} move(s)" if day.company_moves else "")
        )
    return lines


def _block_miss_lines(misses: Sequence[BlockMiss]) -> list[str]:
    """One line per preferred block the plan breaks, naming its scenes and where they went."""
    by_block: dict[tuple[str, tuple[date, ...]], list[BlockMiss]] = {}
    for miss in misses:
        by_block.setdefault((miss.label, tuple(miss.block_dates)), []).append(miss)
    lines = []
    for (label, dates), missed in by_block.items():
        scenes = ", ".join(
            f"{m.scene} ({', '.join(d.isoformat() for d in m.dates)})" for m in missed[:MISSES_SHOWN]
        )
        if len(missed) > MISSES_SHOWN:
            scenes += f" and {len(missed) - MISSES_SHOWN} more"
        lines.append(
            f"Preferred block {label} ({block_span_text(dates)}) not kept for "
            f"{len(missed)} scene{'' if len(missed) == 1 else 's'}: {scenes}."
        )
    return lines
