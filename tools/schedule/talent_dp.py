"""The exact dynamic programme for talent scheduling (de la Banda, Stuckey & Chu, INFORMS JoC 2011).

When every scene fills whole days and no date restricts the order, the cost of shooting scene s
next depends only on the set S already shot: the members held during s are those with a scene in
S and one still to come, who are not in s. So f(S ∪ {s}) = min f(S) + days(s) × rate(held), over
the subsets of scenes, layer by layer (subsets of k scenes before k + 1), vectorised with numpy.

Two reductions keep the subsets few: scenes with the same cast are merged (some optimal order
shoots them together, the paper's Lemma), and members in a single merged scene or paid nothing
are dropped (they are never held). Pays up to about 22 merged scenes (4 million subsets).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from tools.schedule.model import Problem

DP_MAX_SCENES = 22


@dataclass(frozen=True)
class Merged:
    groups: list[list[int]]  # scene indices per merged scene
    days: list[int]
    casts: list[int]  # bit masks over the kept members
    rates: list[float]


def merge_scenes(problem: Problem) -> Merged:
    """Merge scenes with identical cast and keep only members who can be held."""
    by_cast: dict[frozenset[str], list[int]] = {}
    for s, scene in enumerate(problem.scenes):
        by_cast.setdefault(frozenset(scene.cast), []).append(s)
    groups = list(by_cast.values())
    keys = list(by_cast)
    members = [
        m
        for m, rate in problem.rates.items()
        if rate * problem.weights.holding > 0 and sum(m in key for key in keys) >= 2
    ]
    bit = {m: 1 << i for i, m in enumerate(members)}
    casts = [sum(bit[m] for m in key if m in bit) for key in keys]
    days = [sum(problem.durations[s] for s in group) for group in groups]
    rates = [problem.rates[m] * problem.weights.holding for m in members]
    return Merged(groups=groups, days=days, casts=casts, rates=rates)


def solve_talent_dp(problem: Problem, deadline: float) -> tuple[list[int], float] | None:
    """An optimal scene order and its holding cost, or None when too big or out of time."""
    merged = merge_scenes(problem)
    m = len(merged.groups)
    if m > DP_MAX_SCENES or len(merged.rates) > 62:
        return None
    if m <= 1:
        return [s for group in merged.groups for s in group], 0.0
    size = 1 << m
    full = size - 1
    union = np.zeros(size, dtype=np.int64)
    for i, cast in enumerate(merged.casts):
        union[1 << i : 2 << i] = union[: 1 << i] | cast
    table = len(merged.rates) <= 20
    rate_of = np.zeros(1 << len(merged.rates) if table else 1, dtype=np.float64)
    if table:
        for i, rate in enumerate(merged.rates):
            rate_of[1 << i : 2 << i] = rate_of[: 1 << i] + rate

    def cost_of(held: np.ndarray) -> np.ndarray:
        if table:
            return rate_of[held]
        total = np.zeros(held.shape, dtype=np.float64)
        for i, rate in enumerate(merged.rates):
            total += rate * ((held >> i) & 1)
        return total

    count = np.zeros(size, dtype=np.int8)
    for i in range(m):
        count[1 << i : 2 << i] = count[: 1 << i] + 1
    layers = np.argsort(count, kind="stable")
    bounds = np.searchsorted(count[layers], np.arange(m + 2))
    best = np.full(size, np.inf)
    best[0] = 0.0
    choice = np.full(size, -1, dtype=np.int8)
    for k in range(m):
        if time.monotonic() > deadline:
            return None
        layer = layers[bounds[k] : bounds[k + 1]]
        for s in range(m):
            bit = 1 << s
            shot = layer[(layer & bit) == 0]
            after = shot | bit
            held = union[shot] & union[full ^ after] & ~merged.casts[s]
            candidate = best[shot] + merged.days[s] * cost_of(held)
            better = candidate < best[after]
            best[after[better]] = candidate[better]
            choice[after[better]] = s
    order: list[int] = []
    state = full
    while state:
        s = int(choice[state])
        order.append(s)
        state ^= 1 << s
    order.reverse()
    return [scene for s in order for scene in merged.groups[s]], float(best[full])
