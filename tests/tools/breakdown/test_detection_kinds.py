"""Kinds of wording detection reads a certain way in any script: force on a person is a stunt, rain
just over is a wet-down, a distance in cars is no car, a model named again is the writer's vehicle,
a garment's pocket is no bag, a table counting customers is no table, screen graphics the art
department makes are a prop, a simile's thing, a list of what is heard and the unit's camera are
not the scene's; a pet's collar is a prop and a gold one jewellery, a group name for characters is
no extras, a banknote goes by its value, a garment by its adjective, and a one-character Chinese noun
by its measure word. Sentences written for these tests, not taken from the keyed scripts."""

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


@pytest.mark.parametrize(
    ("text", "category", "name"),
    [
        ("佢幫隻狗戴上項圈，拖佢出街。", "props", "項圈"),  # what a pet is led by
        ("The kitten bats at its flea collar.", "props", "flea collar"),
        ("佢頸上面掛住條金項圈。", "wardrobe", "金項圈"),  # jewellery
    ],
)
def test_a_pets_collar_is_a_prop_and_a_gold_one_jewellery(
    detector: Detector, text: str, category: str, name: str
) -> None:
    found = {(h.category, h.name) for h in hits_of(detector, text)}
    assert (category, name) in found
    assert not {n for c, n in found if n == name and c != category}


@pytest.mark.parametrize(
    "text",
    [
        "In walk THE ODD COUPLE, AKA WING and TONY, dripping.",
        "The odd couple, aka Wing and Tony, share an umbrella.",
        "THE NIGHT SHIFT (i.e. TONY and his cousin) unload the van.",
    ],
)
def test_a_group_name_for_characters_is_no_extras(detector: Detector, text: str) -> None:
    assert not [h for h in hits_of(detector, text) if h.category == "background"]


def test_a_group_name_for_strangers_is_still_extras(detector: Detector) -> None:
    hits = hits_of(detector, "Two DELIVERY BOYS, aka the usual suspects, wait outside.")
    assert [h.name for h in hits if h.category == "background"] == ["DELIVERY BOYS"]


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("Wing drops a soggy fifty on the stall and walks off.", "soggy fifty"),
        ("Tony slips him a twenty.", "twenty"),
        ("She hands over a 100-dollar bill, folded small.", "100-dollar bill"),
        ("He counts to a hundred.", None),  # a count, not money
        ("They pay for a twenty-minute ride.", None),
    ],
)
def test_a_banknote_called_by_its_value_is_a_prop(detector: Detector, text: str, note: str | None) -> None:
    props = {h.name for h in hits_of(detector, text) if h.category == "props"}
    if note:
        assert note in props
    else:
        assert not props


@pytest.mark.parametrize(
    ("text", "element"),
    [
        ("A uniformed guard waves the van through.", ("wardrobe", "uniform")),
        ("Two masked men wait by the lift.", ("wardrobe", "mask")),
        ("Her gloved hand finds the switch.", ("wardrobe", "gloves")),
        ("A bearded cook shouts an order.", ("makeup", "beard")),
    ],
)
def test_a_garment_named_by_its_adjective(detector: Detector, text: str, element: tuple[str, str]) -> None:
    assert element in {(h.category, h.name) for h in hits_of(detector, text)}


def test_an_adjectives_verb_names_no_garment(detector: Detector) -> None:
    assert not [h for h in hits_of(detector, "The rain masked his footsteps.") if h.name == "mask"]


@pytest.mark.parametrize(
    ("text", "element"),
    [
        ("佢將一張相塞入銀包。", ("props", "相")),
        ("阿媽寫咗封信俾佢。", ("props", "信")),
        ("佢換咗件衫先出門。", ("wardrobe", "衫")),
        ("佢攬住張被喊。", ("set_dressing", "被")),
    ],
)
def test_a_one_character_noun_after_its_measure_word(
    detector: Detector, text: str, element: tuple[str, str]
) -> None:
    assert element in {(h.category, h.name) for h in hits_of(detector, text)}


@pytest.mark.parametrize("text", ["我哋互相幫忙。", "佢被人推倒。", "佢信我。", "佢喺天台晾衫。"])
def test_the_same_characters_in_their_other_senses_name_nothing(detector: Detector, text: str) -> None:
    names = {h.name for h in hits_of(detector, text)}
    assert not names & {"相", "被", "信", "衫"}, names
