"""Local search over day plans: relocate and swap scenes, costs kept up to date move by move.

The state holds, per day, the minutes used, whether a whole-day scene sits there, how many scenes
and which locations; per cast member, how many of their scenes fall on each day, their first and
last working day and their number of working days; the scene-days outside preferred blocks. A move updates only the days and people it
touches, so a 400-scene production evaluates tens of thousands of moves a second in pure Python.

Every move keeps the hard constraints (allowed start days, capacity, whole-day scenes alone), so
any state of the search is a valid plan; the cost is exactly `model.evaluate`'s objective.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Mapping

from tools.schedule.model import Problem

# Share of moves that exchange two whole days (reordering days is how holds shrink late on).
DAY_SWAP_SHARE = 0.05


class DayState:
    """A valid assignment of scenes to days with its objective maintained incrementally."""

    def __init__(self, problem: Problem, starts: Mapping[int, int], horizon: int) -> None:
        self.problem = problem
        self.horizon = horizon
        n = len(problem.scenes)
        weights = problem.weights
        self.w_hold = weights.holding
        self.w_move = weights.company_move
        self.w_extra = weights.extra_day
        self.w_off = weights.off_block
        # Per scene, per start day: scene-days outside its preferred blocks (empty: it has none).
        self.off = [problem.off_block_days(s) for s in range(n)]
        members = list(problem.rates)
        self.member_index = {m: i for i, m in enumerate(members)}
        self.rate = [problem.rates[m] for m in members]
        self.cast = [tuple(self.member_index[m] for m in problem.scenes[s].cast) for s in range(n)]
        self.location = [problem.scenes[s].location for s in range(n)]
        self.span = [problem.span(s) for s in range(n)]
        self.whole = [problem.whole_day(s) for s in range(n)]
        self.minutes = list(problem.minutes)
        self.capacity = problem.day_minutes
        self.allowed = [
            tuple(d for d in problem.allowed_starts(s) if d + self.span[s] <= horizon) for s in range(n)
        ]
        self.allowed_set = [frozenset(a) for a in self.allowed]
        # Allowed starts that keep every preferred block of the scene (empty: none, or no block).
        self.preferred_starts = [
            tuple(d for d in self.allowed[s] if not self.off[s][d]) if self.off[s] else () for s in range(n)
        ]
        self.load = [0] * horizon
        self.whole_on = [False] * horizon
        self.count = [0] * horizon
        self.places: list[dict[str, int]] = [{} for _ in range(horizon)]
        self.scenes_on: list[set[int]] = [set() for _ in range(horizon)]
        self.works = [[0] * horizon for _ in members]
        self.first = [horizon] * len(members)
        self.last = [-1] * len(members)
        self.days_worked = [0] * len(members)
        self.night = [problem.night(s) for s in range(n)]
        self.rest_rule = problem.rest_rule
        self.run_limit = problem.plan.max_consecutive_days
        self.next_adjacent = [problem.adjacent(d) and d + 1 < horizon for d in range(horizon)]
        self.night_works = [[0] * horizon for _ in members]
        self.split_rule = problem.split_rule
        self.light = [problem.light(s) for s in range(n)]
        # Scenes of day work and of night work on each day (the split-day rule).
        self.lit_count: dict[str, list[int]] = {"day": [0] * horizon, "night": [0] * horizon}
        self.last_used = -1
        self.holding = 0.0
        self.moves = 0
        self.off_days = 0
        self.start: list[int] = [-1] * n
        for s, d in starts.items():
            self._insert(s, d)

    # --- cost -----------------------------------------------------------------------------------

    def member_held(self, c: int) -> int:
        if self.days_worked[c] == 0:
            return 0
        return self.last[c] - self.first[c] + 1 - self.days_worked[c]

    @property
    def cost(self) -> float:
        extra = self.last_used + 1 - self.problem.min_days
        return (
            self.w_hold * self.holding
            + self.w_move * self.moves
            + self.w_extra * extra
            + self.w_off * self.off_days
        )

    def starts(self) -> dict[int, int]:
        return dict(enumerate(self.start))

    # --- primitive updates ----------------------------------------------------------------------

    def _insert(self, s: int, d: int) -> None:
        self.start[s] = d
        if self.off[s]:
            self.off_days += self.off[s][d]
        location = self.location[s]
        for k in range(self.span[s]):
            day = d + k
            places = self.places[day]
            before = max(0, len(places) - 1)
            places[location] = places.get(location, 0) + 1
            self.moves += max(0, len(places) - 1) - before
            self.count[day] += 1
            self.scenes_on[day].add(s)
            light = self.light[s]
            if light is not None:
                self.lit_count[light][day] += 1
            if self.whole[s]:
                self.whole_on[day] = True
            else:
                self.load[day] += self.minutes[s]
            if day > self.last_used:
                self.last_used = day
            for c in self.cast[s]:
                if self.night[s]:
                    self.night_works[c][day] += 1
                row = self.works[c]
                row[day] += 1
                if row[day] == 1:
                    old = self.member_held(c)
                    self.days_worked[c] += 1
                    if day < self.first[c]:
                        self.first[c] = day
                    if day > self.last[c]:
                        self.last[c] = day
                    self.holding += self.rate[c] * (self.member_held(c) - old)

    def _remove(self, s: int) -> None:
        d = self.start[s]
        if self.off[s]:
            self.off_days -= self.off[s][d]
        location = self.location[s]
        for k in range(self.span[s]):
            day = d + k
            places = self.places[day]
            before = max(0, len(places) - 1)
            places[location] -= 1
            if places[location] == 0:
                del places[location]
            self.moves += max(0, len(places) - 1) - before
            self.count[day] -= 1
            self.scenes_on[day].discard(s)
            light = self.light[s]
            if light is not None:
                self.lit_count[light][day] -= 1
            if self.whole[s]:
                self.whole_on[day] = False
            else:
                self.load[day] -= self.minutes[s]
            for c in self.cast[s]:
                if self.night[s]:
                    self.night_works[c][day] -= 1
                row = self.works[c]
                row[day] -= 1
                if row[day] == 0:
                    old = self.member_held(c)
                    self.days_worked[c] -= 1
                    if self.days_worked[c] == 0:
                        self.first[c], self.last[c] = self.horizon, -1
                    else:
                        if day == self.first[c]:
                            f = day + 1
                            while row[f] == 0:
                                f += 1
                            self.first[c] = f
                        if day == self.last[c]:
                            f = day - 1
                            while row[f] == 0:
                                f -= 1
                            self.last[c] = f
                    self.holding += self.rate[c] * (self.member_held(c) - old)
        while self.last_used >= 0 and self.count[self.last_used] == 0:
            self.last_used -= 1
        self.start[s] = -1

    def fits(self, s: int, d: int) -> bool:
        """Scene `s` (currently removed) may start on day `d`."""
        if d not in self.allowed_set[s]:
            return False
        if self.whole[s]:
            if not all(self.count[d + k] == 0 for k in range(self.span[s])):
                return False
        elif self.whole_on[d] or self.load[d] + self.minutes[s] > self.capacity:
            return False
        if self.split_rule and not self.split_allows(s, d):
            return False
        return (not self.rest_rule and self.run_limit is None) or self.rules_allow(s, d)

    def split_allows(self, s: int, d: int) -> bool:
        """Scene `s` on day `d` does not put day and night work on one day (when the plan forbids it)."""
        light = self.light[s]
        if light is None:
            return True
        other = self.lit_count["night" if light == "day" else "day"]
        return all(other[d + k] == 0 for k in range(self.span[s]))

    def rules_allow(self, s: int, d: int) -> bool:
        """Scene `s` (currently removed) on day `d` keeps turnaround and consecutive-day limits."""
        span = self.span[s]
        for c in self.cast[s]:
            works = self.works[c]
            if self.rest_rule:
                if self.night[s]:
                    after = d + span
                    if self.next_adjacent[after - 1] and works[after] > self.night_works[c][after]:
                        return False
                elif d > 0 and self.next_adjacent[d - 1] and self.night_works[c][d - 1] > 0:
                    return False
            if self.run_limit is not None:
                run = span
                x = d - 1
                while x >= 0 and self.next_adjacent[x] and works[x] > 0:
                    run += 1
                    x -= 1
                x = d + span
                while x < self.horizon and self.next_adjacent[x - 1] and works[x] > 0:
                    run += 1
                    x += 1
                if run > self.run_limit:
                    return False
        return True

    # --- moves ----------------------------------------------------------------------------------

    def try_relocate(self, s: int, d: int) -> bool:
        """Move scene `s` to day `d` if that keeps the plan valid; False (unchanged) otherwise."""
        old = self.start[s]
        if old == d:
            return False
        self._remove(s)
        if not self.fits(s, d):
            self._insert(s, old)
            return False
        self._insert(s, d)
        return True

    def try_swap(self, s: int, t: int) -> bool:
        a, b = self.start[s], self.start[t]
        if a == b or self.whole[s] or self.whole[t]:
            return False
        self._remove(s)
        self._remove(t)
        if self.fits(s, b):
            self._insert(s, b)
            if self.fits(t, a):
                self._insert(t, a)
                return True
            self._remove(s)
        self._insert(s, a)
        self._insert(t, b)
        return False

    def try_swap_days(self, a: int, b: int) -> bool:
        """Exchange everything shot on day `a` with day `b` (scenes sharing a day only)."""
        if a == b or self.whole_on[a] or self.whole_on[b] or b >= self.horizon:
            return False
        on_a, on_b = list(self.scenes_on[a]), list(self.scenes_on[b])
        if not all(b in self.allowed_set[s] for s in on_a) or not all(a in self.allowed_set[s] for s in on_b):
            return False
        for s in on_a:
            self._remove(s)
        for s in on_b:
            self._remove(s)
        placed: list[int] = []
        for s, day in [*((s, b) for s in on_a), *((s, a) for s in on_b)]:
            if not self.fits(s, day):
                for t in placed:
                    self._remove(t)
                for t in on_a:
                    self._insert(t, a)
                for t in on_b:
                    self._insert(t, b)
                return False
            self._insert(s, day)
            placed.append(s)
        return True


def improve(
    problem: Problem,
    starts: Mapping[int, int],
    horizon: int,
    deadline: float,
    *,
    seed: int = 0,
) -> dict[int, int]:
    """Simulated annealing from `starts` until `deadline` (time.monotonic()); the best plan seen.

    Moves: relocate a scene to a day where one of its cast or its location already works, or to
    any allowed day, and swap two scenes of different days. The temperature falls geometrically
    with the time left, so the search is anytime: stopped early it returns the best plan so far.
    """
    rng = random.Random(seed)
    state = DayState(problem, starts, horizon)
    n = len(problem.scenes)
    if n < 2:
        return state.starts()
    best_cost = current = state.cost
    best = list(state.start)
    began = time.monotonic()
    total = max(1e-3, deadline - began)
    by_member: list[list[int]] = [[] for _ in state.rate]
    by_place: dict[str, list[int]] = {}
    for s in range(n):
        for c in state.cast[s]:
            by_member[c].append(s)
        by_place.setdefault(state.location[s], []).append(s)
    t_start = _initial_temperature(state, rng)
    t_end = max(1.0, t_start * 1e-4)
    temperature = t_start
    step = 0
    while True:
        step += 1
        if step % 256 == 0:
            now = time.monotonic()
            if now >= deadline:
                break
            temperature = t_start * (t_end / t_start) ** min(1.0, (now - began) / total)
        s = rng.randrange(n)
        origin = state.start[s]
        kind = rng.random()
        swap_with = -1
        if kind < 0.45 and state.cast[s]:
            moved = state.try_relocate(s, state.start[rng.choice(by_member[rng.choice(state.cast[s])])])
        elif kind < 0.6:
            moved = state.try_relocate(s, state.start[rng.choice(by_place[state.location[s]])])
        elif kind < 0.75:
            # A scene off its preferred block is sent back to it half the time.
            keep = state.preferred_starts[s]
            d = rng.choice(keep if keep and rng.random() < 0.5 else state.allowed[s])
            moved = d <= state.last_used + 1 and state.try_relocate(s, d)
        elif kind < DAY_SWAP_SHARE + 0.75:
            origin = rng.randrange(state.last_used + 1)
            swap_with = rng.randrange(state.last_used + 1)
            moved = state.try_swap_days(origin, swap_with)
            if not moved:
                continue
            delta = state.cost - current
            if delta <= 0 or rng.random() < math.exp(-delta / temperature):
                current += delta
                if current < best_cost - 1e-9:
                    best_cost = current
                    best = list(state.start)
            else:
                state.try_swap_days(origin, swap_with)
            continue
        else:
            swap_with = rng.randrange(n)
            moved = state.try_swap(s, swap_with)
        if not moved:
            continue
        delta = state.cost - current
        if delta <= 0 or rng.random() < math.exp(-delta / temperature):
            current += delta
            if current < best_cost - 1e-9:
                best_cost = current
                best = list(state.start)
        elif swap_with >= 0:
            state.try_swap(s, swap_with)
        else:
            state.try_relocate(s, origin)
    return dict(enumerate(best))


def _initial_temperature(state: DayState, rng: random.Random) -> float:
    """A temperature at which a typical worsening move is accepted about a third of the time."""
    n = len(state.start)
    worse: list[float] = []
    for _ in range(200):
        s = rng.randrange(n)
        origin = state.start[s]
        before = state.cost
        if state.try_relocate(s, rng.choice(state.allowed[s])):
            delta = state.cost - before
            if delta > 0:
                worse.append(delta)
            state.try_relocate(s, origin)
    if not worse:
        return 1000.0
    worse.sort()
    return max(1.0, worse[len(worse) // 2] / math.log(3))


def sequence_cost(problem: Problem, order: list[int]) -> float:
    """Holding cost of shooting whole-day scenes back to back in `order` (talent scheduling)."""
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    day = 0
    for s in order:
        end = day + problem.durations[s]
        for member in problem.scenes[s].cast:
            first.setdefault(member, day)
            last[member] = end
        day = end
    work = _work_days(problem)
    return problem.weights.holding * sum(problem.rates[m] * (last[m] - first[m] - work[m]) for m in first)


def _work_days(problem: Problem) -> dict[str, int]:
    work = dict.fromkeys(problem.rates, 0)
    for s, scene in enumerate(problem.scenes):
        for member in scene.cast:
            work[member] += problem.durations[s]
    return work


def improve_order(problem: Problem, order: list[int], deadline: float, *, seed: int = 0) -> list[int]:
    """Simulated annealing over a scene order (every scene fills whole days, no date limits):
    move one scene or a run of scenes elsewhere, or swap two; the best order seen by `deadline`."""
    rng = random.Random(seed)
    n = len(order)
    if n < 3:
        return list(order)
    current = list(order)
    current_cost = best_cost = sequence_cost(problem, current)
    best = list(current)
    began = time.monotonic()
    total = max(1e-3, deadline - began)
    rates = sorted(r for r in problem.rates.values() if r > 0)
    t_start = max(1.0, (rates[len(rates) // 2] if rates else 1.0) * problem.weights.holding)
    t_end = max(1e-3, t_start * 1e-3)
    temperature = t_start
    step = 0
    while True:
        step += 1
        if step % 64 == 0:
            now = time.monotonic()
            if now >= deadline:
                break
            temperature = t_start * (t_end / t_start) ** min(1.0, (now - began) / total)
        candidate = list(current)
        i, j = sorted(rng.sample(range(n), 2))
        kind = rng.random()
        if kind < 0.5:
            length = min(rng.randint(1, 4), n - i)
            block = candidate[i : i + length]
            del candidate[i : i + length]
            k = rng.randrange(len(candidate) + 1)
            candidate[k:k] = block
        elif kind < 0.8:
            candidate[i], candidate[j] = candidate[j], candidate[i]
        else:
            candidate[i : j + 1] = reversed(candidate[i : j + 1])
        cost = sequence_cost(problem, candidate)
        delta = cost - current_cost
        if delta <= 0 or rng.random() < math.exp(-delta / temperature):
            current, current_cost = candidate, cost
            if cost < best_cost - 1e-9:
                best, best_cost = list(candidate), cost
    return best
