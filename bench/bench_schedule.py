"""Benchmark the scheduler on seeded, feature-sized productions.

    .venv/bin/python bench/bench_schedule.py [--seeds 1 2] [--limits 10 60] [--scenes 150] [--workers N]

For each seed and time limit prints the objective, the proven lower bound, the gap, the classic
stripboard baseline's objective, the plan's cost relative to the baseline, and the seconds taken.
Target: a plan at least 20% cheaper than the baseline within 60 s. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from slate.runtime import prepare_offline_runtime

prepare_offline_runtime()

from knowledge.plan import Plan, breakdown_from_production, plan_from_data  # noqa: E402
from tools.schedule.model import build_problem  # noqa: E402
from tools.schedule.solver import solve_schedule  # noqa: E402

START = date(2027, 3, 1)


def feature_plan(
    seed: int, *, scenes: int = 150, cast: int = 40, locations: int = 25, days_hint: int = 32
) -> Plan:
    """A feature-sized production: leads in most scenes, day players in a few, availability holes."""
    rng = random.Random(seed)
    leads, supporting = 5, 10
    people: list[dict[str, Any]] = []
    for number in range(cast):
        if number < leads:
            rate = rng.randrange(20000, 60001, 1000)
        elif number < leads + supporting:
            rate = rng.randrange(5000, 15001, 500)
        else:
            rate = rng.randrange(1500, 4001, 500)
        holes = sorted(
            {START + timedelta(days=rng.randrange(days_hint + 8)) for _ in range(rng.randint(0, 3))}
        )
        people.append({"id": f"CAST {number + 1:02d}", "daily_rate": rate, "unavailable": holes})
    places: list[dict[str, Any]] = []
    for number in range(locations):
        entry: dict[str, Any] = {"id": f"LOC {number + 1:02d}"}
        if rng.random() < 0.3:
            first = START + timedelta(days=rng.randrange(days_hint))
            entry["unavailable"] = (
                f"{first.isoformat()}..{(first + timedelta(days=rng.randint(1, 4))).isoformat()}"
            )
        places.append(entry)
    location_weights = [1 / (n + 1) ** 0.8 for n in range(locations)]
    strips: list[dict[str, Any]] = []
    for number in range(scenes):
        location = rng.choices(places, weights=location_weights)[0]["id"]
        members = {p["id"] for p in people[:leads] if rng.random() < 0.45}
        members |= {p["id"] for p in people[leads : leads + supporting] if rng.random() < 0.12}
        members |= {p["id"] for p in people[leads + supporting :] if rng.random() < 0.035}
        if not members:
            members = {rng.choice(people[:leads])["id"]}
        scene: dict[str, Any] = {
            "id": str(number + 1),
            "location": location,
            "int_ext": rng.choice(["INT", "INT", "EXT"]),
            "time_of_day": "NIGHT" if rng.random() < 0.3 else "DAY",
            "cast": sorted(members),
            "eighths": max(1, min(40, round(rng.lognormvariate(1.6, 0.6)))),
        }
        if rng.random() < 0.015:
            scene["duration_days"] = 2
        if rng.random() < 0.04:
            scene["not_before"] = (START + timedelta(days=rng.randrange(days_hint // 2))).isoformat()
        strips.append(scene)
    data = {
        "production": f"Bench feature {seed}",
        "start_date": START.isoformat(),
        "days_off": ["sunday"],
        "pages_per_hour": 0.4,
        "cast": people,
        "locations": places,
        "scenes": strips,
    }
    return plan_from_data(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1])
    parser.add_argument("--limits", type=float, nargs="+", default=[10.0, 60.0])
    parser.add_argument("--scenes", type=int, default=150)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    header = f"{'seed':>4} {'limit':>6} {'status':>8} {'objective':>12} {'bound':>12} {'gap':>6} "
    header += f"{'baseline':>12} {'ratio':>6} {'days':>5} {'secs':>6}"
    print(header)
    for seed in args.seeds:
        plan = feature_plan(seed, scenes=args.scenes)
        strips = breakdown_from_production(None, plan)
        problem = build_problem(plan, strips, plan.cast_members(), plan.location_entries())
        for limit in args.limits:
            began = time.monotonic()
            schedule = solve_schedule(problem, time_limit_s=limit, num_workers=args.workers, seed=seed)
            seconds = time.monotonic() - began
            ratio = schedule.figures.objective / schedule.baseline.objective
            print(
                f"{seed:>4} {limit:>6g} {schedule.status:>8} {schedule.figures.objective:>12,.0f} "
                f"{schedule.lower_bound:>12,.0f} {schedule.gap:>6.1%} {schedule.baseline.objective:>12,.0f} "
                f"{ratio:>6.2f} {schedule.figures.total_days:>5} {seconds:>6.1f}"
            )
            if schedule.violations:
                print("  violations:", "; ".join(schedule.violations))
    return 0


if __name__ == "__main__":
    sys.exit(main())
