"""A person's shooting days are counted among the plan's shooting days, not its calendar: a calendar
day with nothing shot (the plan holds it, nobody works) never shifts the list or breaks the answer."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from agent.families import _days_of
from agent.intents import Understanding


def test_a_persons_days_are_places_in_the_shooting_days() -> None:
    shot = [
        SimpleNamespace(date=date(2031, 3, 3), locations=["PIER"], scenes=["1"]),
        SimpleNamespace(date=date(2031, 3, 5), locations=["MARKET"], scenes=["2"]),
    ]
    idle = SimpleNamespace(date=date(2031, 3, 4), locations=[], scenes=[])
    plan = SimpleNamespace(
        days=[shot[0], idle, shot[1]],
        dood=[SimpleNamespace(cast="KAI", codes={date(2031, 3, 3): "SW", date(2031, 3, 5): "WF"})],
    )
    u = Understanding(text="Which days does Kai work?", lang="en", intent="schedule_day")
    u.characters = ["KAI"]
    assert _days_of(u, plan, shot) == [0, 1]  # type: ignore[arg-type]
