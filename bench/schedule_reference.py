"""A plain local-search reference for the scheduler benchmark (shares no search code with Slate).

Simulated annealing from Slate's stripboard sort: pick a scene and either relocate it to a random
allowed day (up to one past the current wrap) or swap it with a random scene of another day; keep
the move if it is better, or worse with probability exp(-Δ/T), T falling geometrically from the
median worsening move to 1/10,000 of it over the time limit. Δ is computed by recounting the
affected cast members' spans and the two days' locations from per-day tables. The objective and
constraints are those of `tools.schedule.model` (checked with its `evaluate` and `violations`).
"""

from __future__ import annotations

import math
import random
import time

from tools.schedule.model import Problem


def reference_search(
    problem: Problem, starts: dict[int, int], horizon: int, time_limit_s: float, seed: int = 0
) -> dict[int, int]:
    """The best plan the plain annealer finds from `starts` within `time_limit_s`."""
    rng = random.Random(seed)
    n = len(problem.scenes)
    weights = problem.weights
    start = dict(starts)
    span = [problem.span(s) for s in range(n)]
    allowed = [[d for d in problem.allowed_starts(s) if d + span[s] <= horizon] for s in range(n)]
    members = list(problem.rates)
    cast = [[members.index(m) for m in problem.scenes[s].cast] for s in range(n)]
    on_day: list[list[int]] = [[] for _ in range(horizon)]
    for s, d in start.items():
        for k in range(span[s]):
            on_day[d + k].append(s)
    worked = [[0] * horizon for _ in members]
    for s, d in start.items():
        for k in range(span[s]):
            for c in cast[s]:
                worked[c][d + k] += 1

    def member_cost(c: int) -> float:
        days = [d for d, k in enumerate(worked[c]) if k]
        if not days:
            return 0.0
        return problem.rates[members[c]] * (days[-1] - days[0] + 1 - len(days))

    def day_moves(d: int) -> int:
        return max(0, len({problem.scenes[s].location for s in on_day[d]}) - 1)

    def wrap() -> int:
        return max(d for d in range(horizon) if on_day[d]) + 1

    def valid_day(d: int) -> bool:
        scenes = on_day[d]
        whole = [s for s in scenes if problem.whole_day(s)]
        if whole:
            return len(scenes) == 1
        return sum(problem.minutes[s] for s in scenes) <= problem.day_minutes

    def place(s: int, d: int, sign: int) -> None:
        for k in range(span[s]):
            if sign > 0:
                on_day[d + k].append(s)
            else:
                on_day[d + k].remove(s)
            for c in cast[s]:
                worked[c][d + k] += sign

    def cost_of(scenes: list[int], days: set[int]) -> float:
        people = {c for s in scenes for c in cast[s]}
        holding = sum(member_cost(c) for c in people)
        moves = sum(day_moves(d) for d in days)
        return weights.holding * holding + weights.company_move * moves + weights.extra_day * wrap()

    def move(changes: list[tuple[int, int]]) -> float | None:
        """Apply (scene, new day) changes; the change in cost, or None (undone) if invalid."""
        scenes = [s for s, _ in changes]
        days = {start[s] + k for s in scenes for k in range(span[s])}
        days |= {d + k for s, d in changes for k in range(span[s])}
        if any(d >= horizon or d not in allowed_set[s] for s, d in changes):
            return None
        before = cost_of(scenes, days)
        old = [(s, start[s]) for s in scenes]
        for s, d in old:
            place(s, d, -1)
        for s, d in changes:
            place(s, d, +1)
            start[s] = d
        if not all(valid_day(d) for d in days):
            undo(changes, old)
            return None
        return cost_of(scenes, days) - before

    def undo(changes: list[tuple[int, int]], old: list[tuple[int, int]]) -> None:
        for s, d in changes:
            place(s, d, -1)
        for s, d in old:
            place(s, d, +1)
            start[s] = d

    allowed_set = [set(a) for a in allowed]
    current = cost_of(list(range(n)), set(range(horizon)))
    best, best_cost = dict(start), current
    began = time.monotonic()
    deadline = began + time_limit_s
    samples = []
    for _ in range(100):
        s = rng.randrange(n)
        d = rng.choice(allowed[s])
        old = [(s, start[s])]
        delta = move([(s, d)])
        if delta is not None:
            undo([(s, d)], old)
            if delta > 0:
                samples.append(delta)
    t0 = sorted(samples)[len(samples) // 2] / math.log(3) if samples else 1000.0
    t1 = t0 * 1e-4
    temperature = t0
    step = 0
    while True:
        step += 1
        if step % 128 == 0:
            now = time.monotonic()
            if now >= deadline:
                break
            temperature = t0 * (t1 / t0) ** ((now - began) / time_limit_s)
        s = rng.randrange(n)
        if rng.random() < 0.5:
            limit = wrap() + 1
            d = rng.choice(allowed[s])
            if d > limit:
                continue
            changes = [(s, d)]
        else:
            t = rng.randrange(n)
            if start[t] == start[s] or span[s] > 1 or span[t] > 1:
                continue
            changes = [(s, start[t]), (t, start[s])]
        old = [(x, start[x]) for x, _ in changes]
        delta = move(changes)
        if delta is None:
            continue
        if delta <= 0 or rng.random() < math.exp(-delta / temperature):
            current += delta
            if current < best_cost:
                best, best_cost = dict(start), current
        else:
            undo(changes, old)
    return best
