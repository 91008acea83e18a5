"""Seeded random small plans and an independent checker of schedules (no code shared with the solver)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from knowledge.plan import Plan, breakdown_from_production, plan_from_data
from tools.schedule.model import Problem, Schedule, build_problem

WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def random_plan(
    seed: int,
    *,
    scenes: int = 9,
    cast: int = 4,
    locations: int = 3,
    deadlines: bool = True,
    rules: dict[str, Any] | None = None,
    blocks: bool = False,
    preferred: bool = False,
) -> Plan:
    """A small plan with availability holes, windows, days off and the odd whole-day scene."""
    rng = random.Random(seed)
    start = date(2027, 3, 1) + timedelta(days=rng.randrange(7))
    people = []
    for number in range(cast):
        holes = sorted(
            {(start + timedelta(days=rng.randrange(12))).isoformat() for _ in range(rng.randint(0, 2))}
        )
        people.append(
            {
                "id": f"ACTOR {number + 1}",
                "daily_rate": rng.choice([500, 1000, 3000, 8000]),
                "unavailable": holes,
            }
        )
    places = []
    for number in range(locations):
        entry: dict[str, Any] = {"id": f"SET {chr(65 + number)}"}
        if rng.random() < 0.4:
            entry["unavailable"] = [(start + timedelta(days=rng.randrange(10))).isoformat()]
        places.append(entry)
    strips = []
    for number in range(scenes):
        scene: dict[str, Any] = {
            "id": str(number + 1),
            "location": rng.choice(places)["id"],
            "cast": sorted({p["id"] for p in rng.sample(people, rng.randint(1, min(3, cast)))}),
            "time_of_day": rng.choice(["DAY", "NIGHT"]),
            "int_ext": rng.choice(["INT", "EXT"]),
        }
        if rng.random() < 0.12:
            scene["duration_days"] = rng.randint(1, 2)
        else:
            scene["est_hours"] = rng.choice([1.5, 2, 3, 4, 5.5, 7])
        if rng.random() < 0.2:
            scene["not_before"] = (start + timedelta(days=rng.randrange(4))).isoformat()
        if rng.random() < 0.2 and deadlines:
            scene["not_after"] = (start + timedelta(days=8 + rng.randrange(6))).isoformat()
        strips.append(scene)
    data = {
        "production": f"random {seed}",
        "start_date": start.isoformat(),
        "days_off": rng.sample(WEEKDAY_NAMES, rng.randint(0, 2)),
        "day_length_hours": 10,
        "cast": people,
        "locations": places,
        "scenes": strips,
        **(rules or {}),
        "blocks": [
            {
                "location": "SET A",
                "dates": f"{start + timedelta(days=1)}..{start + timedelta(days=8 + scenes // 2)}",
            },
            {"cast": "ACTOR 2", "dates": f"{start}..{start + timedelta(days=7 + scenes // 2)}"},
            {"cast": "ACTOR 1", "dates": f"{start}", "active": False},
        ]
        if blocks
        else [],
        "preferred": [
            {"location": "SET B", "dates": f"{start + timedelta(days=2)}..{start + timedelta(days=4)}"},
            {"cast": "ACTOR 3", "dates": f"{start + timedelta(days=1)}..{start + timedelta(days=5)}"},
            {
                "cast": "ACTOR 1",
                "dates": f"{start + timedelta(days=9)}..{start + timedelta(days=11)}",
                "active": False,
            },
        ]
        if preferred
        else [],
        "weights": {
            "holding": 1,
            "company_move": rng.choice([0, 700, 5000]),
            "extra_day": rng.choice([0, 2000]),
        },
    }
    wished = [{**block, "preferred": True} for block in data.pop("preferred")]
    data["blocks"] = [*data["blocks"], *wished]
    return plan_from_data(data)


def problem_for(plan: Plan) -> Problem:
    return build_problem(
        plan, breakdown_from_production(None, plan), plan.cast_members(), plan.location_entries()
    )


def check_schedule(plan: Plan, schedule: Schedule) -> list[str]:
    """Every hard-constraint violation in `schedule`, found from the plan's own data."""
    problems: list[str] = []
    scenes = {s.id: s for s in plan.scenes}
    cast = {c.id: c for c in plan.cast}
    places = {p.id: p for p in plan.locations}
    seen: dict[str, list[date]] = {}
    for day in schedule.days:
        off = (
            day.date.weekday() in [WEEKDAY_NAMES.index(w) for w in plan.days_off] or day.date in plan.holidays
        )
        if off and day.scenes:
            problems.append(f"{day.date}: scheduled on a day off")
        hours = 0.0
        for scene_id in day.scenes:
            seen.setdefault(scene_id, []).append(day.date)
            scene = scenes[scene_id]
            if scene.duration_days:
                if len(day.scenes) > 1:
                    problems.append(f"{day.date}: whole-day scene {scene_id} is not alone")
            else:
                hours += scene.est_hours or 0
            for member in scene.cast or []:
                if day.date in cast[member].unavailable:
                    problems.append(f"{day.date}: {member} unavailable for {scene_id}")
            if scene.location in places and day.date in places[scene.location].unavailable:
                problems.append(f"{day.date}: {scene.location} unavailable for {scene_id}")
            if scene.not_before and day.date < scene.not_before:
                problems.append(f"{day.date}: {scene_id} before its window")
            if scene.not_after and day.date > scene.not_after:
                problems.append(f"{day.date}: {scene_id} after its window")
        if hours > plan.day_length_hours + 1e-9:
            problems.append(f"{day.date}: {hours} hours")
    problems.extend(_working_rule_breaks(plan, schedule))
    problems.extend(_split_and_block_breaks(plan, schedule))
    shooting_days = [d.date for d in schedule.days]
    for scene_id, scene in scenes.items():
        dates = seen.get(scene_id, [])
        expected = scene.duration_days or 1
        if len(dates) != expected:
            problems.append(f"scene {scene_id} shot on {len(dates)} days, expected {expected}")
        elif expected > 1:
            positions = [shooting_days.index(d) for d in dates]
            if positions != list(range(positions[0], positions[0] + expected)):
                problems.append(f"scene {scene_id} days are not consecutive shooting days")
    return problems


def _working_rule_breaks(plan: Plan, schedule: Schedule) -> list[str]:
    """Turnaround after nights (when the plan's rest is shorter than turnaround_hours) and the
    consecutive-calendar-day limit, from the plan's keys and the schedule's dates alone."""
    scenes = {s.id: s for s in plan.scenes}
    nights: dict[str, set[date]] = {}
    days: dict[str, set[date]] = {}
    for day in schedule.days:
        for scene_id in day.scenes:
            scene = scenes[scene_id]
            late = scene.time_of_day in ("DUSK", "NIGHT")
            for member in scene.cast or []:
                (nights if late else days).setdefault(member, set()).add(day.date)
    problems: list[str] = []
    if plan.turnaround_hours is not None:
        wrap = plan.night_call_time.hour + plan.night_call_time.minute / 60 + plan.day_length_hours
        rest = 24 + plan.call_time.hour + plan.call_time.minute / 60 - wrap
        if rest < plan.turnaround_hours:
            for member, worked in nights.items():
                for night in worked:
                    if night + timedelta(days=1) in days.get(member, set()):
                        problems.append(f"{member}: night of {night} then a day call with {rest:g} h rest")
    if plan.max_consecutive_days is not None:
        for member in set(nights) | set(days):
            worked = nights.get(member, set()) | days.get(member, set())
            for first in worked:
                run = 1
                while first + timedelta(days=run) in worked:
                    run += 1
                if run > plan.max_consecutive_days:
                    problems.append(f"{member}: {run} consecutive days from {first}")
    return problems


def _split_and_block_breaks(plan: Plan, schedule: Schedule) -> list[str]:
    """Days mixing DAY and DUSK/NIGHT scenes under `split_days: false`; scenes off their blocks."""
    scenes = {s.id: s for s in plan.scenes}
    problems: list[str] = []
    allowed: dict[str, set[date]] = {}
    for block in plan.blocks:
        if block.active and not block.preferred:  # a preferred block is a cost, not a constraint
            name = block.cast or block.location or ""
            allowed.setdefault(name, set()).update(block.dates)
    for day in schedule.days:
        kinds = {scenes[i].time_of_day for i in day.scenes}
        if not plan.split_days and "DAY" in kinds and kinds & {"DUSK", "NIGHT"}:
            problems.append(f"{day.date}: day and night scenes on one day")
        for scene_id in day.scenes:
            scene = scenes[scene_id]
            for name in [*(scene.cast or []), scene.location or ""]:
                if name in allowed and day.date not in allowed[name]:
                    problems.append(f"{day.date}: {scene_id} outside {name}'s block")
    return problems


def recompute_figures(plan: Plan, schedule: Schedule, min_days: int) -> dict[str, float]:
    """Holding cost, moves, days and objective from the schedule's days and the plan alone."""
    scenes = {s.id: s for s in plan.scenes}
    rates = {c.id: c.daily_rate or 0 for c in plan.cast}
    worked: dict[str, list[int]] = {}
    moves = 0
    for position, day in enumerate(schedule.days):
        for scene_id in day.scenes:
            for member in scenes[scene_id].cast or []:
                worked.setdefault(member, []).append(position)
        moves += max(0, len({scenes[i].location for i in day.scenes}) - 1)
    holding = sum(rates[m] * ((max(p) - min(p) + 1) - len(set(p))) for m, p in worked.items())
    total = len(schedule.days)
    off_block = len(preferred_block_misses(plan, schedule))
    weights = plan.weights
    objective = (
        weights.holding * holding
        + weights.company_move * moves
        + weights.extra_day * (total - min_days)
        + weights.off_block * off_block
    )
    return {
        "holding_cost": holding,
        "company_moves": moves,
        "total_days": total,
        "off_block_days": off_block,
        "objective": objective,
    }


def preferred_block_misses(plan: Plan, schedule: Schedule) -> list[tuple[str, str, date]]:
    """(scene, 'cast X' or 'location Y', date) for every scene-day outside an active preferred block."""
    scenes = {s.id: s for s in plan.scenes}
    wished: dict[str, set[date]] = {}
    for block in plan.blocks:
        if block.active and block.preferred:
            label = f"cast {block.cast}" if block.cast else f"location {block.location}"
            wished.setdefault(label, set()).update(block.dates)
    misses = []
    for day in schedule.days:
        for scene_id in day.scenes:
            scene = scenes[scene_id]
            labels = [f"cast {c}" for c in scene.cast or []] + [f"location {scene.location}"]
            misses.extend(
                (scene_id, label, day.date)
                for label in labels
                if day.date not in wished.get(label, {day.date})
            )
    return misses


def colour_name(hex_colour: str) -> str:
    """The plain name of a strip colour: white, yellow, blue or green (else 'other')."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    if min(r, g, b) >= 0xF0:
        return "white"
    if b > max(r, g):
        return "blue"
    if g > max(r, b):
        return "green"
    if min(r, g) > b + 0x30:
        return "yellow"
    return "other"
