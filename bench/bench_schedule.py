"""Benchmark the scheduler on seeded, feature-sized productions.

    .venv/bin/python bench/bench_schedule.py [--seeds 1] [--limits 10 60] [--scenes 100 200 400]
                                             [--workers N] [--no-reference]

For each production size, seed and time limit prints Slate's objective, lower bound, gap and
method, the classic stripboard sort's objective, the plain local-search reference's objective
(`bench/schedule_reference.py`, same limit), Slate's cost relative to both, and the seconds taken
against the limit. Targets (issue 18): ≤ the reference at 60 s, ≤ 0.8 × the sort at 10 s, never
more than 10% over the limit, no violations. Prints figures; asserts nothing.
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

from core.runtime import prepare_offline_runtime

prepare_offline_runtime()

from bench.schedule_reference import reference_search  # noqa: E402
from knowledge.plan import Plan, breakdown_from_production, plan_from_data  # noqa: E402
from tools.schedule.baseline import baseline_plan  # noqa: E402
from tools.schedule.model import build_problem, evaluate, violations  # noqa: E402
from tools.schedule.solver import solve_schedule  # noqa: E402

START = date(2027, 3, 1)


def feature_plan(
    seed: int, *, scenes: int = 150, cast: int = 40, locations: int = 25, days_hint: int | None = None
) -> Plan:
    """A feature-sized production: leads in most scenes, day players in a few, availability holes
    spread over about the shoot's length (`days_hint`, by default 0.21 calendar days a scene)."""
    rng = random.Random(seed)
    if days_hint is None:
        days_hint = max(16, round(0.21 * scenes))
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
    parser.add_argument("--scenes", type=int, nargs="+", default=[100, 200, 400])
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--no-reference", action="store_true", help="skip the local-search reference")
    args = parser.parse_args(argv)
    header = f"{'scenes':>6} {'seed':>4} {'limit':>5} {'method':>15} {'objective':>11} {'bound':>10} "
    header += f"{'gap':>6} {'sort':>11} {'xsort':>5} {'reference':>11} {'xref':>5} {'days':>4} {'secs':>5}"
    print(header)
    for size in args.scenes:
        for seed in args.seeds:
            plan = feature_plan(seed, scenes=size)
            strips = breakdown_from_production(None, plan)
            problem = build_problem(plan, strips, plan.cast_members(), plan.location_entries())
            base = baseline_plan(problem)
            used = max(d + problem.span(s) for s, d in base.starts.items())
            for limit in args.limits:
                reference = float("nan")
                if not args.no_reference:
                    found = reference_search(problem, base.starts, used + 1, limit, seed=seed)
                    assert not violations(problem, found), "the reference broke a constraint"
                    reference = evaluate(problem, found).objective
                began = time.monotonic()
                schedule = solve_schedule(problem, time_limit_s=limit, num_workers=args.workers, seed=seed)
                seconds = time.monotonic() - began
                objective = schedule.figures.objective
                print(
                    f"{size:>6} {seed:>4} {limit:>5g} {schedule.method:>15} {objective:>11,.0f} "
                    f"{schedule.lower_bound:>10,.0f} {schedule.gap:>6.1%} {schedule.baseline.objective:>11,.0f} "
                    f"{objective / schedule.baseline.objective:>5.2f} {reference:>11,.0f} "
                    f"{objective / reference:>5.2f} {schedule.figures.total_days:>4} {seconds:>5.1f}",
                    flush=True,
                )
                if schedule.violations:
                    print("  violations:", "; ".join(schedule.violations))
    return 0


if __name__ == "__main__":
    sys.exit(main())
