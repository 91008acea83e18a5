"""Shot-list drafting: ids, rules, styles, notes, setup minutes, model refinement, the three tools.

Scenes come from small bilingual Fountain files written per test (read by the real loader), plus one
scene built straight from Elements, plus hypothesis-generated scenes for the properties.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import CharacterNotFound, NotFound, SceneNotFound, SlateError
from knowledge.production import Production
from knowledge.screenplay import Element, Scene, Screenplay, ScriptLine
from tools.registry import all_tools
from tools.shot_list import (
    SETUP_MINUTES_BY_MOVEMENT,
    SETUP_MINUTES_BY_NOTE,
    SETUP_MINUTES_BY_SIZE,
    STYLE_PRESETS,
    ShotList,
    chinese_numeral_to_int,
    draft_rule_shot_list,
    draft_shot_list,
    edit_shot_list,
    get_shot_list,
    make_shot_id,
    note_tags,
    refine_shot_list,
    resolve_scene,
    setup_minutes_for,
    shot_letters,
    shot_list_problems,
    shot_order_key,
)
from tools.shot_list_io import list_versions, load_shot_list

CAST_CSV = """id,names
AH FAI,阿輝;Ah Fai;輝哥
MEI,阿美;Mei
SIU KEUNG,細強;Siu Keung;強哥
DISPATCHER,的士台
"""

SCRIPT = """Title: 測試 TEST

INT. 茶餐廳 CHA CHAAN TENG - NIGHT #7#

Half the booths are full. EXTRAS: 12 diners and a mahjong crowd.

AH FAI sits at the counter. Mei puts a glass of 「凍奶茶」 in front of him.

阿輝
唔該晒。

阿美
記住埋單。

阿輝
得啦，得啦。

阿美
仲有上次嗰筆。

Ah Fai looks at the wall CLOCK and pulls out his WALLET.

細強
(行埋嚟)
阿美，兩杯鴛鴦。

阿美
即刻嚟。

細強
快啲。

EXT. 天台 ROOFTOP - NIGHT #8#

STUNT: Siu Keung leaps the gap to the next roof and rolls. Crash mats below the parapet.

Ah Fai stares at the gap.

阿輝
細強！

細強
追到我先講！

細強
你追唔到嘅。

INT. 的士 TAXI (MOVING) - NIGHT #9#

The TAXI METER clicks on.

DISPATCHER (V.O.)
TX 3828，收唔收到？

阿輝
收到。

Siu Keung SLAMS the partition. He punches the seat.

細強
揸快啲！

阿輝
你坐好先！

細強
我話揸快啲！

阿輝
得！

INT. 的士 TAXI (MOVING) - NIGHT - LATER #9A#

阿輝
(自言自語)
又係我。
"""


@pytest.fixture
def production(tmp_path: Path) -> Production:
    script = tmp_path / "test.fountain"
    script.write_text(SCRIPT, encoding="utf-8")
    cast = tmp_path / "cast.csv"
    cast.write_text(CAST_CSV, encoding="utf-8")
    return Production.from_files(script, cast=cast, output_dir=tmp_path / "project")


class FakeWriter:
    """A scripted TextWriter: returns its answers in order and records every prompt."""

    def __init__(self, *answers: str | Exception, name: str = "fake-model") -> None:
        self.answers = list(answers)
        self.name = name
        self.prompts: list[tuple[str, str]] = []

    def complete(self, system: str, prompt: str, *, max_tokens: int = 1024) -> str:
        self.prompts.append((system, prompt))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def check_shot_list(production: Production, scene: Scene, shot_list: ShotList) -> None:
    """The properties every draft must have (issue 5)."""
    subjects = {name for shot in shot_list.shots for name in shot.subjects}
    for name in scene.characters:
        assert name in subjects, f"{name} speaks in scene {scene.number} but is in no shot"
    ids = [shot.id for shot in shot_list.shots]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids, key=lambda i: shot_order_key(i, scene.number))
    assert ids == [make_shot_id(scene.number, n) for n in range(len(ids))]
    for shot in shot_list.shots:
        for start, end in shot.line_spans():
            assert scene.line_start <= start <= end <= scene.line_end, (shot.id, start, end)
        assert shot.setup_minutes == setup_minutes_for(shot.size, shot.movement, shot.notes)
        assert shot.lens_mm == STYLE_PRESETS[shot_list.style].lens_mm[shot.size]
    assert shot_list.total_minutes == sum(s.setup_minutes for s in shot_list.shots)
    assert shot_list_problems(production, shot_list, scene) == []


# --- ids and numbers -----------------------------------------------------------------------------


def test_shot_letters_skip_i_and_o_and_roll_over_to_two_letters() -> None:
    letters = [shot_letters(n) for n in range(30)]
    assert letters[:3] == ["A", "B", "C"]
    assert "I" not in letters and "O" not in letters
    assert letters[23] == "Z" and letters[24] == "AA" and letters[25] == "AB"
    assert make_shot_id("12", 0) == "12A"
    assert make_shot_id("12A", 1) == "12A-B"  # a letter after a letter would be ambiguous
    ids = [make_shot_id("12", n) for n in range(600)]
    assert len(set(ids)) == 600
    assert ids == sorted(ids, key=lambda i: shot_order_key(i, "12"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("七", 7),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("廿三", 23),
        ("九十九", 99),
        ("一百", 100),
        ("一百零五", 105),
        ("百二", 120),
        ("一百二十", 120),
        ("兩", 2),
        ("一二", 12),
        ("三千", 3000),
    ],
)
def test_chinese_numerals(text: str, value: int) -> None:
    assert chinese_numeral_to_int(text) == value


def test_chinese_numeral_rejects_other_text() -> None:
    with pytest.raises(ValueError):
        chinese_numeral_to_int("七A")


@pytest.mark.parametrize("ref", ["7", "sc 7", "Scene 7", "第7場", "第七場", "七", "第七场", "#7#", "０７"])
def test_scene_references_in_any_form(production: Production, ref: str) -> None:
    assert resolve_scene(production, ref).number == "7"


def test_lettered_scene_and_unknown_scene(production: Production) -> None:
    assert resolve_scene(production, "9a").number == "9A"
    with pytest.raises(SceneNotFound) as err:
        resolve_scene(production, "第九十九場")
    assert err.value.scene == "第九十九場"
    assert err.value.nearest[:2] == ["9", "9A"]
    assert "Nearest" in str(err.value)


# --- the rule draft ------------------------------------------------------------------------------


def test_a_wished_movement_goes_to_the_subjects_single_or_else_the_opening_shot(
    production: Production,
) -> None:
    on_mei = draft_shot_list(production, "7", wanted_movement="dolly", wanted_on="阿美")
    moved = [s for s in on_mei.shots if s.movement == "dolly"]
    assert [(s.size, s.subjects) for s in moved] == [("MCU", ["MEI"])]
    assert on_mei.provenance[-1] == f"asked: {moved[0].id} movement=dolly"
    anywhere = draft_shot_list(production, "7", wanted_movement="crane/drone")
    assert [s.id for s in anywhere.shots if s.movement == "crane/drone"] == ["7A"]


def test_a_wished_size_turns_the_singles_and_says_so(production: Production) -> None:
    close = draft_shot_list(production, "7", wanted_size="CU")
    singles = [s for s in close.shots if len(s.subjects) == 1 and s.size == "CU"]
    assert len(singles) == 3 and all(s.description.startswith("Close-up on") for s in singles)
    assert all(s.lens_mm == STYLE_PRESETS["classic"].lens_mm["CU"] for s in singles)
    plain = draft_shot_list(production, "7")
    assert not [s for s in plain.shots if s.size == "CU"] and plain.provenance == ["rules"]


def test_the_director_s_opening_shot_opens_the_draft(production: Production) -> None:
    plain = draft_shot_list(production, "7")
    insert = draft_shot_list(production, "7", opening="an insert of the phone buzzing", opening_size="INSERT")
    first = insert.shots[0]
    assert (first.id, first.size, first.sound) == ("7A", "INSERT", "MOS")
    assert first.description == "Opening, as asked — an insert of the phone buzzing"
    # The insert goes before the establishing shot; the draft is lettered again.
    from tools.shot_list.ids import make_shot_id

    assert [s.id for s in insert.shots] == [make_shot_id("7", i) for i in range(len(plain.shots) + 1)]
    assert insert.shots[1].size == plain.shots[0].size
    crane = draft_shot_list(
        production, "7", opening="crane down over the street", opening_movement="crane/drone"
    )
    assert len(crane.shots) == len(plain.shots)
    assert (crane.shots[0].movement, crane.shots[0].size) == ("crane/drone", plain.shots[0].size)
    long_lens = draft_shot_list(production, "7", opening="200mm on the taxi", opening_lens_mm=200)
    assert long_lens.shots[0].lens_mm == 200 and long_lens.provenance[-1].endswith("200mm")


def test_classic_draft_of_a_dialogue_scene(production: Production) -> None:
    scene = production.scene("7")
    sl = draft_rule_shot_list(production, scene, "classic")
    check_shot_list(production, scene, sl)
    shots = {s.id: s for s in sl.shots}
    assert shots["7A"].description.startswith("Establishing")  # first scene: a new location
    assert shots["7A"].sound == "MOS" and "EXTRAS: 12 background" in shots["7A"].notes
    assert shots["7B"].description.startswith("Master") and shots["7B"].lines == [
        (scene.line_start, scene.line_end)
    ]
    assert shots["7C"].size == "TWO-SHOT" and set(shots["7C"].subjects) == {"AH FAI", "MEI"}
    ots = [s for s in sl.shots if s.size == "OTS"]
    # AH FAI ↔ MEI and MEI ↔ SIU KEUNG exchange at least twice: an OTS each way for both pairs.
    assert {tuple(s.subjects) for s in ots} == {
        ("AH FAI", "MEI"),
        ("MEI", "AH FAI"),
        ("MEI", "SIU KEUNG"),
        ("SIU KEUNG", "MEI"),
    }
    singles = [s for s in sl.shots if s.size == "MCU"]
    assert [s.subjects for s in singles] == [["AH FAI"], ["MEI"], ["SIU KEUNG"]]
    inserts = {s.description.split(" — ")[0] for s in sl.shots if s.size == "INSERT"}
    assert inserts == {"Insert: 凍奶茶", "Insert: WALLET"}  # the CLOCK is what he looks at: his POV
    povs = [s for s in sl.shots if s.size == "POV"]
    assert [p.description for p in povs] == ["AH FAI POV: the wall CLOCK"]


def test_subjects_are_canonical_cast_ids_and_lines_point_at_the_speeches(production: Production) -> None:
    scene = production.scene("7")
    sl = draft_rule_shot_list(production, scene)
    mei = next(s for s in sl.shots if s.size == "MCU" and s.subjects == ["MEI"])
    text = {line.line: line.text for line in scene.lines}
    quoted = [text[start] for start, _ in mei.line_spans()]
    assert quoted == ["阿美"] * 3  # every span starts on MEI's cue


def test_stunt_scene_gets_safety_notes_and_a_stunt_shot(production: Production) -> None:
    scene = production.scene("8")
    sl = draft_rule_shot_list(production, scene)
    check_shot_list(production, scene, sl)
    stunt = [s for s in sl.shots if s.description.startswith("Stunt")]
    assert len(stunt) == 1 and "STUNT" in stunt[0].note_tags()
    assert "stunt coordinator" in stunt[0].notes and "medic" in stunt[0].notes
    assert stunt[0].setup_minutes == SETUP_MINUTES_BY_SIZE["WS"] + SETUP_MINUTES_BY_NOTE["STUNT"]
    assert stunt[0].subjects == ["SIU KEUNG"]
    master = next(s for s in sl.shots if s.description.startswith("Master"))
    assert "STUNT" in master.note_tags()
    assert any(s.size == "POV" and s.description.startswith("AH FAI POV") for s in sl.shots)


def test_moving_vehicle_scene_gets_car_rigs_and_exterior_tracking(production: Production) -> None:
    scene = production.scene("9")
    sl = draft_rule_shot_list(production, scene)
    check_shot_list(production, scene, sl)
    assert not any(s.description.startswith("Establishing") for s in sl.shots)  # the exterior establishes
    master = sl.shots[0]
    assert master.equipment == "hood mount (car rig)" and master.size == "TWO-SHOT"
    assert any(s.movement == "tracking" and "tracking vehicle" in s.equipment for s in sl.shots)
    assert all("VEHICLE" in s.note_tags() for s in sl.shots)
    assert any(s.equipment == "car mount (side window)" for s in sl.shots)
    # The dispatcher is heard on the radio only: named on the master, never given a single.
    assert "DISPATCHER" in master.subjects and "V.O.: DISPATCHER is voice only" in master.notes
    assert not any(s.subjects == ["DISPATCHER"] for s in sl.shots)


def test_time_jump_in_the_same_set_gets_an_establishing_shot_in_classic_not_in_handheld(
    tmp_path: Path,
) -> None:
    script = tmp_path / "jump.fountain"
    script.write_text(
        "INT. 茶餐廳 - NIGHT\n\nMEI wipes the tables.\n\n阿美\n收工。\n\n"
        "INT. 茶餐廳 - LATER\n\nThe shutters are down.\n\n阿美\n走喇。\n\n"
        "INT. 茶餐廳 - CONTINUOUS\n\n阿美\n拜拜。\n",
        encoding="utf-8",
    )
    production = Production.from_files(script, output_dir=tmp_path)
    later, continuous = production.scenes[1], production.scenes[2]
    classic = draft_rule_shot_list(production, later, "classic")
    handheld = draft_rule_shot_list(production, later, "handheld")
    assert classic.shots[0].description.startswith("Establishing 茶餐廳, time jump (LATER)")
    assert classic.shots[0].lines == [(later.line_start, later.line_start + 2)]
    assert handheld.shots[0].description.startswith("Master")
    assert draft_rule_shot_list(production, continuous).shots[0].description.startswith("Master")


def test_styles_change_sizes_movement_lenses_and_counts(production: Production) -> None:
    scene = production.scene("9")
    drafts = {style: draft_rule_shot_list(production, scene, style) for style in STYLE_PRESETS}
    for style, sl in drafts.items():
        assert sl.style == style
        check_shot_list(production, scene, sl)
    classic, handheld, action = drafts["classic"], drafts["handheld"], drafts["hk-action"]
    counts = {
        style: len(draft_rule_shot_list(production, production.scene("7"), style).shots)
        for style in STYLE_PRESETS
    }
    assert counts["handheld"] < counts["classic"] < counts["hk-action"]  # no two-shot; crash zooms
    assert not any(s.size == "TWO-SHOT" and s.description.startswith("Two-shot") for s in handheld.shots)
    assert all(s.movement in ("handheld", "tracking") for s in handheld.shots)
    singles = {style: next(s for s in d.shots if s.subjects == ["SIU KEUNG"]) for style, d in drafts.items()}
    assert (singles["classic"].size, singles["handheld"].size, singles["hk-action"].size) == (
        "MCU",
        "CU",
        "CU",
    )
    assert singles["hk-action"].angle == "low" and singles["hk-action"].movement == "dolly"
    assert singles["classic"].lens_mm != singles["hk-action"].lens_mm
    # hk-action: a crash zoom on every prop, an impact angle on the punch, a drone on the car.
    assert any(s.description.startswith("Crash zoom into TAXI METER") for s in action.shots)
    assert any(s.description.startswith("Impact") and "48 fps" in s.notes for s in action.shots)
    assert any(s.movement == "crane/drone" for s in action.shots)
    assert action.total_minutes > classic.total_minutes > handheld.total_minutes


def test_verbs_people_and_craft_words_in_capitals_are_not_props(production: Production) -> None:
    sl = draft_rule_shot_list(production, production.scene("9"))
    inserts = [s.description for s in sl.shots if s.size == "INSERT"]
    assert inserts == ["Insert: TAXI METER — The TAXI METER clicks on."]  # not SLAMS, not TAXI, not STUNT


def test_scene_built_straight_from_elements(tmp_path: Path) -> None:
    elements = [
        Element("scene_heading", "EXT. BRICK'S PATIO - DAY", 1, 1),
        Element("action", "The SCREEN DOOR slides open and STEEL emerges with two cold beers.", 3, 3),
        Element("character", "STEEL", 5, 5, character="STEEL"),
        Element("dialogue", "Beer's ready!", 6, 6, character="STEEL"),
        Element("character", "BRICK", 8, 8, character="BRICK"),
        Element("dialogue", "Are they cold?", 9, 9, character="BRICK"),
        Element("character", "STEEL", 11, 11, character="STEEL"),
        Element("parenthetical", "(beer raised)", 12, 12, character="STEEL"),
        Element("dialogue", "To retirement.", 13, 13, character="STEEL"),
        Element("character", "BRICK", 15, 15, character="BRICK"),
        Element("dialogue", "To retirement.", 16, 16, character="BRICK"),
        Element("action", "Steel SMACKS the table. BRICK is SLAMMED back in his chair.", 18, 18),
    ]
    scene = Scene(
        number="1",
        index=0,
        heading=elements[0].text,
        int_ext="EXT",
        location="BRICK'S PATIO",
        time_of_day="DAY",
        characters=["STEEL", "BRICK"],
        line_start=1,
        line_end=18,
        lines=[ScriptLine(line=e.line, text=e.text) for e in elements],
        elements=elements,
    )
    screenplay = Screenplay(
        file="patio.fountain", format="fountain", encoding="utf-8", elements=elements, scenes=[scene]
    )
    production = Production(name="patio", screenplay=screenplay, project_dir=tmp_path)
    sl = draft_rule_shot_list(production, production.scene("1"))
    check_shot_list(production, production.scene("1"), sl)
    assert [s.size for s in sl.shots] == ["EWS", "WS", "TWO-SHOT", "OTS", "MCU", "OTS", "MCU", "INSERT"]
    assert sl.shots[-1].description.startswith("Insert: SCREEN DOOR")


def test_setup_minutes_follow_the_documented_table() -> None:
    assert setup_minutes_for("WS", "static") == 45
    assert setup_minutes_for("CU", "dolly") == 15 + 15
    assert setup_minutes_for("INSERT", "handheld") == 5  # never below the minimum
    assert (
        setup_minutes_for("MS", "crane/drone", "STUNT: wires | sfx: rain | note: none") == 20 + 30 + 30 + 15
    )
    assert set(SETUP_MINUTES_BY_SIZE) == set(STYLE_PRESETS["classic"].lens_mm)
    assert SETUP_MINUTES_BY_MOVEMENT["handheld"] < 0
    assert note_tags("Vehicle: low-loader | EXTRAS: 40 | V.O.: radio") == ["VEHICLE", "EXTRAS"]


# --- model refinement ----------------------------------------------------------------------------


def _answer_from(sl: ShotList, **changes: object) -> str:
    shots = []
    for shot in sl.shots:
        data = shot.model_dump(mode="json")
        data["description"] = "Refined: " + shot.description
        data.update(changes)
        shots.append(data)
    return "Here you go:\n```json\n" + json.dumps({"shots": shots}, ensure_ascii=False) + "\n```"


def test_refinement_by_a_connected_model_is_validated_and_recorded(production: Production) -> None:
    scene = production.scene("7")
    draft = draft_rule_shot_list(production, scene)
    production.writer = FakeWriter(_answer_from(draft, movement="dolly"), name="gpt-test")
    refined = refine_shot_list(production, draft, scene)
    assert refined.provenance == ["rules", "model:gpt-test"]
    assert [s.id for s in refined.shots] == [s.id for s in draft.shots]
    assert all(s.description.startswith("Refined: ") and s.movement == "dolly" for s in refined.shots)
    # Setup minutes are recomputed from the table, whatever the model says.
    assert all(s.setup_minutes == setup_minutes_for(s.size, "dolly", s.notes) for s in refined.shots)
    system, prompt = production.writer.prompts[0]
    assert "JSON" in system and "唔該晒" in prompt and draft.shots[0].id in prompt


@pytest.mark.parametrize(
    "answer",
    [
        "Sorry, I can't help with that.",
        '{"shots": "none"}',
        '{"shots": []}',
        "{not json",
        SlateError("The language model did not answer in time"),
        RuntimeError("connection reset"),
    ],
)
def test_any_bad_answer_keeps_the_rule_draft(production: Production, answer: object) -> None:
    scene = production.scene("7")
    draft = draft_rule_shot_list(production, scene)
    production.writer = FakeWriter(answer)  # type: ignore[arg-type]
    refined = refine_shot_list(production, draft, scene)
    assert refined.shots == draft.shots and refined.provenance == ["rules"]
    assert refined.warnings and "rule draft kept" in refined.warnings[0]


@pytest.mark.parametrize(
    "change",
    [
        {"size": "CLOSE"},
        {"subjects": ["NOBODY"]},
        {"lines": [[1, 99999]]},
        {"lens_mm": "fifty"},
        {"description": ""},
    ],
)
def test_answers_that_break_the_schema_are_refused(production: Production, change: dict[str, object]) -> None:
    scene = production.scene("7")
    draft = draft_rule_shot_list(production, scene)
    production.writer = FakeWriter(_answer_from(draft, **change))
    refined = refine_shot_list(production, draft, scene)
    assert refined.shots == draft.shots and refined.warnings


def test_answers_that_rename_drop_or_reorder_shots_are_refused(production: Production) -> None:
    scene = production.scene("7")
    draft = draft_rule_shot_list(production, scene)
    data = json.loads(_answer_from(draft).split("```json\n")[1].split("\n```")[0])
    for shots in (
        data["shots"][1:],
        data["shots"][::-1],
        [{**data["shots"][0], "id": "7Z"}, *data["shots"][1:]],
    ):
        production.writer = FakeWriter(json.dumps({"shots": shots}))
        assert refine_shot_list(production, draft, scene).provenance == ["rules"]


def test_coverage_lost_by_the_model_is_refused(production: Production) -> None:
    scene = production.scene("7")
    draft = draft_rule_shot_list(production, scene)
    production.writer = FakeWriter(_answer_from(draft, subjects=["AH FAI"]))
    refined = refine_shot_list(production, draft, scene)
    assert refined.provenance == ["rules"] and "MEI speaks" in refined.warnings[0]


# --- the tools -----------------------------------------------------------------------------------


def test_registry_has_the_three_shot_list_tools() -> None:
    tools = all_tools()
    for name in ("draft_shot_list", "edit_shot_list", "get_shot_list"):
        assert name in tools
    assert tools["draft_shot_list"].changes_production and tools["edit_shot_list"].changes_production
    schema = tools["edit_shot_list"].args_model.model_json_schema()
    assert "CU" in json.dumps(schema) and "shot_id" in schema["required"]


def test_draft_tool_saves_versions_and_writes_spreadsheets(production: Production) -> None:
    first = draft_shot_list(production, "第七場")
    second = draft_shot_list(production, "7", style="hk-action")
    assert (first.kind, first.shot_list.version, second.shot_list.version) == ("shot_list", 1, 2)
    assert list_versions(production, "7") == [1, 2]
    assert load_shot_list(production, "7", 1) == first.shot_list  # never overwritten
    assert sorted(Path(f).suffix for f in first.files) == [".csv", ".xlsx"]
    assert all(Path(f).exists() for f in first.files + second.files)
    assert first.sources[0].scene == "7" and first.sources[0].doc_type == "screenplay"
    assert "Scene 7:" in first.summary() and "classic, v1" in first.summary()
    assert get_shot_list(production, "七").shot_list == second.shot_list


def test_draft_tool_through_the_registry_validates_the_style(production: Production) -> None:
    spec = all_tools()["draft_shot_list"]
    result = spec.invoke(production, {"scene": "8", "style": "handheld"})
    assert result.shot_list.style == "handheld"  # type: ignore[attr-defined]
    with pytest.raises(SlateError) as err:
        spec.invoke(production, {"scene": "8", "style": "dogme"})
    assert "style" in str(err.value) and "hk-action" in str(err.value) and "dogme" in str(err.value)


def test_edit_drops_a_shot_without_relettering_the_rest(production: Production) -> None:
    draft_shot_list(production, "7")
    result = edit_shot_list(production, "7", "7c", remove=True)
    ids = [s.id for s in result.shot_list.shots]
    assert "7C" not in ids and ids[:3] == ["7A", "7B", "7D"]
    assert result.shot_list.version == 2 and result.shot_list.provenance[-1] == "edit: dropped 7C"


def test_edit_makes_a_close_up_on_a_character_by_any_name(production: Production) -> None:
    draft_shot_list(production, "7")
    result = edit_shot_list(production, "第七場", "B", size="CU", subjects=["阿輝"])
    shot = result.shot_list.shot("7B")
    assert (shot.size, shot.subjects, shot.lens_mm) == (
        "CU",
        ["AH FAI"],
        STYLE_PRESETS["classic"].lens_mm["CU"],
    )
    assert shot.setup_minutes == setup_minutes_for("CU", shot.movement, shot.notes)
    assert "subjects=AH FAI" in result.shot_list.provenance[-1]
    assert get_shot_list(production, "7").shot_list.version == 2


def test_an_edit_of_a_scene_with_no_saved_list_drafts_it_first(production: Production) -> None:
    from tools.shot_list.tools import DRAFTED_TO_EDIT

    with pytest.raises(NotFound):
        edit_shot_list(production, "7", "7ZZ", remove=True)
    assert list_versions(production, "7") == []  # a failed edit saves neither the draft nor the edit
    result = edit_shot_list(production, "7", "7B", movement="handheld")
    assert list_versions(production, "7") == [1, 2]  # the draft, then the edit made on it
    assert result.shot_list.provenance[-2] == DRAFTED_TO_EDIT
    assert result.shot_list.shot("7B").movement == "handheld"
    first = load_shot_list(production, "7", version=1)
    assert first is not None and first.shot("7B").movement != "handheld"


def test_edit_errors_name_the_evidence(production: Production) -> None:
    draft_shot_list(production, "7")
    with pytest.raises(NotFound) as err:
        edit_shot_list(production, "7", "7ZZ", remove=True)
    assert err.value.nearest and all(n.startswith("7") for n in err.value.nearest)
    with pytest.raises(CharacterNotFound):
        edit_shot_list(production, "7", "7B", subjects=["阿Sir"])
    with pytest.raises(SlateError, match="Cannot set lens_mm of shot 7B") as bad_lens:
        edit_shot_list(production, "7", "7B", lens_mm=1)
    assert bad_lens.value.value == 1
    with pytest.raises(SlateError, match="Nothing to change"):
        edit_shot_list(production, "7", "7B")
    with pytest.raises(SceneNotFound):
        edit_shot_list(production, "77", "77B", remove=True)
    assert list_versions(production, "7") == [1]  # failed edits saved nothing


def test_get_without_a_saved_version_says_how_to_draft_one(production: Production) -> None:
    with pytest.raises(NotFound, match="no saved shot list") as err:
        get_shot_list(production, "8")
    assert "slate shotlist 8" in str(err.value)


# --- properties over generated scenes ------------------------------------------------------------

NAMES = ["阿輝", "阿美", "細強", "劉督察", "KELVIN", "MRS CHAN", "DR. NG", "O'BRIEN"]
ACTIONS = [
    "He picks up the BUTTERFLY KNIFE.",
    "佢攞起「手槍」，望住門口。",
    "She looks at the CLOCK on the wall.",
    "The TAXI speeds off down Nathan Road.",
    "STUNT: a fall from the balcony onto crash mats.",
    "EXTRAS: 30 commuters. Rain pours down.",
    "阿美盯住細強，冇出聲。",
    'A | pipe, a "quote", a comma, and =SUM(A1) in the text.',
    "The door EXPLODES open. Glass shatters.",
]


@st.composite
def generated_scenes(draw: st.DrawFn) -> tuple[Production, Scene]:
    speakers = draw(st.lists(st.sampled_from(NAMES), min_size=0, max_size=4, unique=True))
    n_beats = draw(st.integers(min_value=1, max_value=14))
    heading = draw(
        st.sampled_from(
            ["INT. 茶餐廳 - NIGHT", "EXT. ROOFTOP - DAY", "INT. 的士 (行駛中) - 夜", ".SNIPER POV"]
        )
    )
    start = draw(st.integers(min_value=1, max_value=500))
    elements = [Element("scene_heading", heading, start, start)]
    line = start + 2
    for _ in range(n_beats):
        if speakers and draw(st.booleans()):
            name = draw(st.sampled_from(speakers))
            vo = draw(st.booleans()) and draw(st.booleans())
            elements.append(
                Element(
                    "character",
                    name + (" (V.O.)" if vo else ""),
                    line,
                    line,
                    character=name,
                    extension="V.O." if vo else None,
                )
            )
            if draw(st.booleans()):
                line += 1
                elements.append(Element("parenthetical", "(低聲)", line, line, character=name))
            line += 1
            text = draw(
                st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30)
            )
            elements.append(Element("dialogue", text.strip() or "唔該", line, line, character=name))
        else:
            text = draw(st.sampled_from(ACTIONS))
            elements.append(Element("action", text, line, line))
        line += 2
    spoken = list(dict.fromkeys(e.character for e in elements if e.type == "character" and e.character))
    int_ext = None if heading.startswith(".") else ("EXT" if heading.startswith("EXT") else "INT")
    scene = Scene(
        number=draw(st.sampled_from(["1", "12", "12A", "101"])),
        index=0,
        heading=heading,
        int_ext=int_ext,
        location=heading,
        characters=spoken,
        line_start=start,
        line_end=line - 2,
        lines=[ScriptLine(line=e.line, text=e.text) for e in elements],
        elements=elements,
    )
    screenplay = Screenplay(
        file="gen.fountain", format="fountain", encoding="utf-8", elements=elements, scenes=[scene]
    )
    production = Production(name="gen", screenplay=screenplay, project_dir=Path("/nonexistent"))
    return production, production.scenes[0]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated_scenes(), st.sampled_from(sorted(STYLE_PRESETS)))
def test_properties_hold_for_generated_scenes(case: tuple[Production, Scene], style: str) -> None:
    production, scene = case
    sl = draft_rule_shot_list(production, scene, style)  # type: ignore[arg-type]
    check_shot_list(production, scene, sl)


# --- the documentation matches the code ----------------------------------------------------------

DOCS = Path(__file__).resolve().parents[2] / "docs" / "shot-lists.md"


def _doc_rows(first_header: str) -> list[list[str]]:
    lines = DOCS.read_text(encoding="utf-8").splitlines()
    start = next(
        i
        for i, line in enumerate(lines)
        if line.startswith(f"| {first_header} |") and lines[i + 1].startswith("|---")
    )
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_docs_tables_match_the_code() -> None:
    assert {r[0]: int(r[1]) for r in _doc_rows("Size")} == SETUP_MINUTES_BY_SIZE
    assert {r[0]: int(r[1].replace("+", "")) for r in _doc_rows("Movement")} == SETUP_MINUTES_BY_MOVEMENT
    assert {r[0]: int(r[1].replace("+", "")) for r in _doc_rows("Note tag")} == SETUP_MINUTES_BY_NOTE
    sizes = ["EWS", "WS", "MS", "MCU", "CU", "ECU", "INSERT", "OTS", "POV", "TWO-SHOT"]
    lenses = {r[0]: dict(zip(sizes, map(int, r[1:]), strict=True)) for r in _doc_rows("Style")}
    assert lenses == {name: preset.lens_mm for name, preset in STYLE_PRESETS.items()}
