"""Kinds of wording detection reads a certain way in any script: force on a person is a stunt, rain
just over is a wet-down, a distance in cars is no car, a model named again is the writer's vehicle,
a garment's pocket is no bag, a table counting customers is no table, screen graphics the art
department makes are a prop, a simile's thing, a list of what is heard and the unit's camera are
not the scene's. Sentences written for these tests, not taken from the keyed scripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.production import Production
from tools.breakdown.build import build_breakdown
from tools.breakdown.detect import Detector, Hit
from tools.breakdown.model import ElementSource

TYPHOON = Path(__file__).resolve().parents[2] / "golden" / "breakdown" / "typhoon_market.fountain"


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector(Production.from_files(TYPHOON))


def hits_of(detector: Detector, text: str) -> list[Hit]:
    return detector.text_hits(text, ElementSource(file="x.fountain", line=1))


@pytest.mark.parametrize(
    ("text", "stunt"),
    [
        ("Mak shoves Jenny against the lockers.", True),
        ("He pins her to the floor and holds her there.", True),
        ("She grabs him by the lapels.", True),
        ("佢將阿明撳落地。", True),
        ("阿強扯住佢件衫嘅衣領。", True),
        ("She pushes the trolley against the wall.", False),  # a thing, not a person
        ("He throws his bag onto the table.", False),
        ("佢撳門鐘。", False),  # 撳 of a doorbell
    ],
)
def test_force_on_a_person_is_a_fight(detector: Detector, text: str, stunt: bool) -> None:
    names = {h.name for h in hits_of(detector, text) if h.category == "stunts"}
    assert (names == {"fight"}) is stunt, names


@pytest.mark.parametrize(
    ("text", "wet_down"),
    [
        ("The rain has only just stopped; the alley shines.", "wet-down"),
        ("It has just stopped raining.", "wet-down"),
        ("雨啱啱停咗，條街好靜。", "濕地面"),
        ("佢等雨停咗先走。", None),  # waiting for it to stop: still raining
        ('"The rain has stopped," she lies.', None),  # said, not shown
    ],
)
def test_rain_just_over_is_a_wet_down(detector: Detector, text: str, wet_down: str | None) -> None:
    effects = {h.name for h in hits_of(detector, text) if h.category == "sfx"}
    if wet_down:
        assert effects == {wet_down}  # the wet-down, and no rain
    else:
        assert not effects & {"wet-down", "濕地面"}


def test_a_distance_in_cars_names_no_car(detector: Detector) -> None:
    vehicles = {
        h.name
        for h in hits_of(detector, "A grey van stays three cars behind them.")
        if h.category == "vehicles"
    }
    assert vehicles == {"van"}


def test_a_model_in_capitals_is_that_vehicle_when_named_again(tmp_path: Path) -> None:
    script = tmp_path / "depot.fountain"
    script.write_text(
        "Title: Depot\n\n"
        "EXT. DEPOT - NIGHT\n\nA white MERCEDES SPRINTER backs up to the gate.\n\nMAY\nOpen up.\n\n"
        "EXT. STREET - LATER\n\nThe Sprinter idles at the kerb.\n\nMAY\nWait here.\n",
        encoding="utf-8",
    )
    breakdown = build_breakdown(Production.from_files(script), [])
    first, second = (breakdown.scene(n) for n in ("1", "2"))
    assert first is not None and second is not None
    assert [e.name for e in first.of("vehicles")] == ["MERCEDES SPRINTER"]
    assert [e.name for e in second.of("vehicles")] == ["Sprinter"]
    assert not second.of("props")


def test_a_garments_pocket_is_no_bag(detector: Detector) -> None:
    hits = hits_of(detector, "佢將鎖匙塞入恤衫袋。")
    assert "袋" not in {h.name for h in hits if h.category == "props"}
    assert "鎖匙" in {h.name for h in hits if h.category == "props"}


def test_a_table_counting_customers_is_no_table(detector: Detector) -> None:
    assert not [h for h in hits_of(detector, "茶餐廳得兩三枱客。") if h.category == "set_dressing"]
    assert [h.name for h in hits_of(detector, "佢抹張枱。") if h.category == "set_dressing"] == ["枱"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The phone screen is a graphics insert, made by the art department.", "props"),
        ("The phone screen is a graphics insert done in post.", "vfx"),
    ],
)
def test_screen_graphics_belong_to_the_department_that_makes_them(
    detector: Detector, text: str, category: str
) -> None:
    assert {h.category for h in hits_of(detector, text) if h.name == "graphics insert"} == {category}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The porter wears his lanyard like a scarf.", "scarf"),  # a simile
        ("All they hear: a radio next door, the mahjong tiles downstairs.", "mahjong tiles"),
        ("The camera follows Jenny down the stairs.", "camera"),  # the unit's camera
        ("Keep the camera on the door.", "camera"),
    ],
)
def test_mentions_that_name_no_element(detector: Detector, text: str, absent: str) -> None:
    assert absent not in {h.name.lower() for h in hits_of(detector, text)}


def test_a_characters_camera_is_still_a_prop(detector: Detector) -> None:
    assert "camera" in {
        h.name for h in hits_of(detector, "Jenny raises her camera.") if h.category == "props"
    }
