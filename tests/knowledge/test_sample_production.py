"""The bundled sample production 《夜更》 NIGHT SHIFT is consistent with itself.

Every other test area uses this folder as its fixture, so these tests pin what they rely on: every
script cue has a cast entry, every scene heading a location entry, the plan refers to real scenes and
people, the notes and the recce name real scenes, the subtitle defects are exactly the documented ones,
and the story facts a question set asks about stay where the README says they are.
"""

from __future__ import annotations

import importlib.util
import io
import re
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import docx
import opencc
import pytest
import yaml
from pypdf import PdfReader

from core.errors import InputFileError
from knowledge import sample_production
from knowledge.cast_list import CastMember, LocationEntry, load_cast_list, load_location_list, normalise_name
from knowledge.loader import load_screenplay, looks_like_screenplay
from knowledge.production import Production
from knowledge.sample_production import SAMPLE_DIR, SAMPLE_FILE_NAMES, sample_files
from knowledge.screenplay import Scene, Screenplay
from knowledge.subtitle_file import Cue, read_subtitle_file

SCENE_NUMBERS = [str(n) for n in range(1, 13)] + ["12A"] + [str(n) for n in range(13, 21)]

# Scene → (speaking cast ids, silent cast ids), as the README's scene table lists them.
SCENE_CAST: dict[str, tuple[set[str], set[str]]] = {
    "1": ({"AH FAI", "DISPATCHER"}, set()),
    "2": ({"MRS CHAN", "AH FAI", "MEI", "SIU KEUNG", "KELVIN"}, set()),
    "3": ({"AH FAI", "KELVIN", "DISPATCHER"}, set()),
    "4": ({"SIU KEUNG", "KELVIN"}, {"HENCHMEN"}),
    "5": ({"SERGEANT WONG", "INSPECTOR LAU"}, set()),
    "6": ({"AH FAI", "DISPATCHER"}, set()),
    "7": ({"FAT JAI", "AH FAI"}, set()),
    "8": ({"DOCTOR", "INSPECTOR LAU"}, {"KELVIN", "NURSE"}),
    "9": ({"INSPECTOR LAU", "BRADLEY"}, set()),
    "10": ({"INSPECTOR LAU", "MRS CHAN", "MEI"}, set()),
    "11": ({"AH FAI", "FAT JAI"}, set()),
    "12": ({"MEI", "SIU KEUNG", "MRS CHAN"}, {"HENCHMEN"}),
    "12A": ({"SIU KEUNG", "AH FAI", "DISPATCHER"}, set()),
    "13": ({"MEI", "AH FAI"}, set()),
    "14": ({"INSPECTOR LAU", "MEI", "SERGEANT WONG"}, set()),
    "15": ({"SIU KEUNG", "INSPECTOR LAU"}, {"SERGEANT WONG"}),
    "16": ({"AH FAI", "SIU KEUNG", "INSPECTOR LAU"}, set()),
    "17": ({"SIU KEUNG", "AH FAI", "FAT JAI", "INSPECTOR LAU"}, {"HENCHMEN"}),
    "18": ({"NURSE", "AH FAI", "MEI", "FAT JAI"}, {"SIU KEUNG"}),
    "19": ({"INSPECTOR LAU", "AH FAI"}, set()),
    "20": ({"MEI", "AH FAI"}, set()),
}

SCENE_LOCATION: dict[str, str] = {
    "1": "NATHAN ROAD",
    "2": "KAM WAH CHA CHAAN TENG",
    "3": "TAXI",
    "4": "STAR FERRY PIER",
    "5": "MONG KOK POLICE STATION",
    "6": "TAXI",
    "7": "AH FAI'S FLAT",
    "8": "HOSPITAL",
    "9": "MONG KOK POLICE STATION",
    "10": "KAM WAH CHA CHAAN TENG",
    "11": "ROOFTOP",
    "12": "KAM WAH CHA CHAAN TENG",
    "12A": "TAXI",
    "13": "NATHAN ROAD",
    "14": "MONG KOK POLICE STATION",
    "15": "MONG KOK POLICE STATION",
    "16": "AH FAI'S FLAT",
    "17": "ROOFTOP",
    "18": "HOSPITAL",
    "19": "ROOFTOP",
    "20": "STAR FERRY PIER",
}

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


# --- fixtures ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def screenplay() -> Screenplay:
    return load_screenplay(SAMPLE_DIR / "night_shift.fountain")


@pytest.fixture(scope="module")
def cast() -> list[CastMember]:
    return load_cast_list(SAMPLE_DIR / "cast.csv")


@pytest.fixture(scope="module")
def locations() -> list[LocationEntry]:
    return load_location_list(SAMPLE_DIR / "locations.csv")


@pytest.fixture(scope="module")
def production(screenplay: Screenplay, cast: list[CastMember], locations: list[LocationEntry]) -> Production:
    return Production(name="night-shift", screenplay=screenplay, cast=cast, locations=locations)


@pytest.fixture(scope="module")
def scenes(production: Production) -> dict[str, Scene]:
    return {scene.number: scene for scene in production.scenes}


@pytest.fixture(scope="module")
def make_recce() -> ModuleType:
    # Not a package module: load it by path, registered so its dataclasses can resolve annotations.
    name = "night_shift_make_recce"
    spec = importlib.util.spec_from_file_location(name, SAMPLE_DIR / "make_recce.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _scene_text(scene: Scene) -> str:
    return "\n".join(line.text for line in scene.lines)


def _action_text(scene: Scene) -> str:
    return "\n".join(e.text for e in scene.elements if e.type == "action")


# --- the folder ----------------------------------------------------------------------------------


def test_sample_files_lists_every_file_in_ingest_order(sample_dir: Path) -> None:
    files = sample_files()
    assert list(files) == list(SAMPLE_FILE_NAMES)
    assert next(iter(files)) == "screenplay"
    assert all(path.is_file() and path.parent == sample_dir.resolve() for path in files.values())


def test_sample_files_names_the_missing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sample_production, "SAMPLE_DIR", tmp_path)
    with pytest.raises(InputFileError) as caught:
        sample_production.sample_files()
    assert caught.value.file == str(tmp_path / "night_shift.fountain")


# --- cast and locations --------------------------------------------------------------------------


def test_cast_list_loads_with_rates_and_march_dates(cast: list[CastMember]) -> None:
    by_id = {member.id: member for member in cast}
    assert len(cast) == 13
    for lead in ("AH FAI", "MEI", "INSPECTOR LAU", "SIU KEUNG"):
        assert 8000 <= by_id[lead].daily_rate <= 15000
    for player in ("MRS CHAN", "FAT JAI", "KELVIN", "SERGEANT WONG", "BRADLEY", "DOCTOR", "NURSE"):
        assert 2000 <= by_id[player].daily_rate <= 3000
    dates = [d for member in cast for d in member.unavailable]
    assert dates and all(date(2027, 3, 1) <= d <= date(2027, 3, 31) for d in dates)
    assert {"劉督察", "劉Sir", "劉SIR", "LAU", "Inspector Lau"} <= set(by_id["INSPECTOR LAU"].names)


def test_no_alias_belongs_to_two_entries(cast: list[CastMember], locations: list[LocationEntry]) -> None:
    for entries in (cast, locations):
        owners: dict[str, set[str]] = {}
        for entry in entries:
            for alias in entry.all_names():
                owners.setdefault(normalise_name(alias), set()).add(entry.id)
        assert {alias: ids for alias, ids in owners.items() if len(ids) > 1} == {}


def test_locations_list_loads(locations: list[LocationEntry]) -> None:
    assert {entry.id for entry in locations} == set(SCENE_LOCATION.values())
    assert all(entry.address and entry.int_ext and entry.contact for entry in locations)


# --- the screenplay ------------------------------------------------------------------------------


def test_screenplay_shape(screenplay: Screenplay) -> None:
    assert [scene.number for scene in screenplay.scenes] == SCENE_NUMBERS
    assert screenplay.pages >= 11
    assert "夜更" in screenplay.title and "NIGHT SHIFT" in screenplay.title
    assert {"title", "credit", "author", "draft date", "contact"} <= set(screenplay.title_page)
    source = (SAMPLE_DIR / "night_shift.fountain").read_text(encoding="utf-8").splitlines()
    for scene in screenplay.scenes:
        assert source[scene.line_start - 1].rstrip().endswith(f"#{scene.number}#")


def test_every_cue_resolves_to_a_cast_entry(screenplay: Screenplay, cast: list[CastMember]) -> None:
    aliases = {normalise_name(alias) for member in cast for alias in member.all_names()}
    names = {name for scene in screenplay.scenes for name in scene.characters + scene.non_speaking}
    assert {name for name in names if normalise_name(name) not in aliases} == set()
    assert {"劉督察", "INSPECTOR LAU", "劉SIR"} <= names


def test_every_heading_location_has_a_location_entry(
    production: Production, scenes: dict[str, Scene]
) -> None:
    found = {}
    for number, scene in scenes.items():
        entry = production.location_entry(scene.location)
        found[number] = entry.id if entry else None
    assert found == SCENE_LOCATION


def test_scene_cast_matches_the_readme(scenes: dict[str, Scene]) -> None:
    actual = {n: (set(s.characters), set(s.non_speaking)) for n, s in scenes.items()}
    assert actual == SCENE_CAST


def test_headings_use_both_styles_and_every_time_word(screenplay: Screenplay) -> None:
    headings = [scene.heading for scene in screenplay.scenes]
    assert any(h.startswith("INT. ") for h in headings) and any(h.startswith("內景。") for h in headings)
    assert any(h.startswith("外景：") for h in headings) and any(h.startswith("內外景。") for h in headings)
    assert any("MOVING" in h for h in headings) and any("行駛中" in h for h in headings)
    times = {scene.time_raw for scene in screenplay.scenes}
    assert {"NIGHT", "DAY", "DAWN", "CONTINUOUS", "LATER", "夜", "日", "凌晨", "黃昏", "深夜"} <= times
    assert all(scene.time_of_day for scene in screenplay.scenes)


def test_fountain_syntax_coverage(screenplay: Screenplay) -> None:
    types = {element.type for element in screenplay.elements}
    assert {
        "section",
        "synopsis",
        "note",
        "transition",
        "centered",
        "page_break",
        "lyrics",
        "parenthetical",
    } <= types
    transitions = {e.text for e in screenplay.elements if e.type == "transition"}
    assert {"CUT TO:", "SMASH CUT TO:", "FADE OUT."} <= transitions
    assert {e.dual for e in screenplay.elements if e.dual} == {"left", "right"}
    extensions = {e.extension for e in screenplay.elements if e.type == "character" and e.extension}
    assert {"V.O.", "O.S.", "CONT'D", "畫外音"} <= extensions
    assert not any("我早知唔應該畀佢記數" in e.text for e in screenplay.elements), "boneyard must not print"


def test_story_facts_for_the_question_set(scenes: dict[str, Scene]) -> None:
    first_usb = next(n for n, s in scenes.items() if "USB STICK" in _action_text(s))
    assert first_usb == "3" and "into the crack" in _action_text(scenes["3"])
    assert "USB STICK" in _action_text(scenes["6"]) and "「USB手指」" in _action_text(scenes["6"])
    assert "阿美第一次見到細強" in _action_text(scenes["2"])
    rooftop = [scenes[n] for n, location in SCENE_LOCATION.items() if location == "ROOFTOP"]
    assert sorted((s.number, s.time_of_day) for s in rooftop) == [
        ("11", "NIGHT"),
        ("17", "NIGHT"),
        ("19", "DAY"),
    ]
    assert [n for n, s in scenes.items() if "STUNT" in _action_text(s)] == ["17"]
    assert "THE CHASE" in _action_text(scenes["17"])
    assert "INTERROGATION ROOM" in scenes["15"].heading
    lau = [n for n, s in scenes.items() if "INSPECTOR LAU" in s.characters]
    assert lau == ["5", "8", "9", "10", "14", "15", "16", "17", "19"]
    assert [n for n in lau if scenes[n].time_of_day == "DAY" and "STATION" in scenes[n].location] == [
        "9",
        "14",
        "15",
    ]
    assert [e for e in scenes["16"].elements if e.type == "character" and e.text.startswith("劉SIR")]


def test_props_follow_the_convention(screenplay: Screenplay) -> None:
    actions = [e.text for e in screenplay.elements if e.type == "action"]
    english = "\n".join(a for a in actions if not CJK.search(a.replace("福", "")))
    for prop in ("USB STICK", "TAXI METER", "BROKEN PHONE", "WARRANT CARD", "BISCUIT TIN", "ENVELOPE"):
        assert prop in "\n".join(actions)
    assert not re.search(r"USB stick|broken phone|biscuit tin", english)
    chinese = [a for a in actions if CJK.search(a) and "USB手指" in a]
    assert chinese and all("「USB手指」" in a for a in chinese)


# --- plan, notes, recce --------------------------------------------------------------------------


def test_plan_is_commented_yaml_that_refers_to_real_things(
    cast: list[CastMember], locations: list[LocationEntry]
) -> None:
    path = SAMPLE_DIR / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        assert not line.strip() or "#" in line, f"plan.yaml:{number} has no comment"
    plan = yaml.safe_load(text)
    assert plan["start_date"] == date(2027, 3, 1)
    assert plan["days_off"] == ["sunday"] and plan["day_length_hours"] == 12 and plan["pages_per_hour"] > 0
    assert (SAMPLE_DIR / plan["cast_list"]).is_file() and (SAMPLE_DIR / plan["locations_list"]).is_file()
    assert {c["id"] for c in plan["cast"]} <= {m.id for m in cast}
    assert {loc["id"] for loc in plan["locations"]} <= {e.id for e in locations}
    overrides = {s["id"]: s for s in plan["scenes"]}
    assert set(overrides) <= set(SCENE_NUMBERS)
    assert "est_hours" in overrides["17"]
    assert any(s.get("duration_days") == 2 for s in overrides.values())
    assert any("not_before" in s for s in overrides.values()) and any(
        "not_after" in s for s in overrides.values()
    )
    assert set(plan["weights"]) == {"holding", "company_move", "extra_day"}


def test_director_notes_name_real_scenes() -> None:
    text = (SAMPLE_DIR / "director_notes.md").read_text(encoding="utf-8")
    numbers: set[str] = set()
    for run in re.findall(r"Scenes? (\d+A?(?:(?:, | and |-)\d+A?)*)", text):
        numbers.update(re.findall(r"\d+A?", run))
    assert numbers and numbers <= set(SCENE_NUMBERS)
    assert {"17", "12A", "15", "2"} <= numbers


def test_recce_report_matches_the_lists_and_the_script(
    make_recce: ModuleType, production: Production, locations: list[LocationEntry]
) -> None:
    by_location: dict[str, set[str]] = {}
    for number, location in SCENE_LOCATION.items():
        by_location.setdefault(location, set()).add(number)
    for entry in locations:
        listed = set(re.findall(r"\b\d+A?\b(?= \()", make_recce.RECCE[entry.id].scenes))
        assert listed == by_location[entry.id], entry.id
    committed = docx.Document(str(SAMPLE_DIR / "recce_report.docx"))
    text = "\n".join(p.text for p in committed.paragraphs)
    for entry in locations:
        assert entry.id in text and entry.address in text
    fresh = docx.Document(io.BytesIO(make_recce.build_docx(locations)))
    assert [p.text for p in fresh.paragraphs] == [p.text for p in committed.paragraphs], (
        "recce_report.docx is stale: run knowledge/samples/night_shift/make_recce.py"
    )


def test_recce_build_is_reproducible(make_recce: ModuleType, locations: list[LocationEntry]) -> None:
    assert make_recce.build_docx(locations) == make_recce.build_docx(locations)
    assert make_recce.build_pdf(locations) == make_recce.build_pdf(locations)


def test_recce_pdf_is_english_and_neither_report_looks_like_a_script(locations: list[LocationEntry]) -> None:
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(SAMPLE_DIR / "recce_report.pdf").pages)
    assert not CJK.search(pdf_text)
    assert all(entry.id in pdf_text for entry in locations)
    assert not looks_like_screenplay(SAMPLE_DIR / "recce_report.pdf")
    assert not looks_like_screenplay(SAMPLE_DIR / "recce_report.docx")


# --- subtitles -----------------------------------------------------------------------------------

_TO_TRADITIONAL = opencc.OpenCC("s2t")


def _lines(cue: Cue) -> tuple[list[str], list[str]]:
    lines = [line for line in cue.text.split("\n") if line.strip()]
    return [x for x in lines if CJK.search(x)], [x for x in lines if not CJK.search(x)]


def _defects(cues: list[Cue]) -> dict[int, set[str]]:
    """Defects by the thresholds crews use (Netflix Traditional Chinese and English templates, 25 fps)."""
    found: dict[int, set[str]] = {}
    for i, cue in enumerate(cues):
        codes: set[str] = set()
        seconds = (cue.end_ms - cue.start_ms) / 1000
        zh, en = _lines(cue)
        if not cue.text.strip():
            codes.add("empty")
        if seconds < 5 / 6:
            codes.add("too_short")
        if any(len(x) > 16 for x in zh):
            codes.add("chinese_line_too_long")
        if any(len(x) > 42 for x in en):
            codes.add("english_line_too_long")
        if any("," in x for x in zh):
            codes.add("halfwidth_comma")
        if any("..." in x for x in zh):
            codes.add("ascii_ellipsis")
        if any(_TO_TRADITIONAL.convert(ch) != ch for x in zh for ch in x):
            codes.add("simplified_character")
        if seconds and (sum(map(len, zh)) / seconds > 9 or sum(map(len, en)) / seconds > 20):
            codes.add("reading_speed")
        if i > 0:  # a gap or an overlap belongs to the later cue
            gap = cue.start_ms - cues[i - 1].end_ms
            if gap < 0:
                codes.add("overlap")
            elif gap < 80:
                codes.add("gap_too_small")
        if codes:
            found[cue.index] = codes
    return found


def test_subtitle_defects_are_exactly_the_documented_ones() -> None:
    document = read_subtitle_file(SAMPLE_DIR / "rough_subtitles.zh-en.srt")
    assert document.problems == [] and len(document.cues) == 42
    readme = (SAMPLE_DIR / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Subtitle defects", 1)[1]
    documented = {int(n): {code} for n, code in re.findall(r"^\| (\d+) \| (\w+) \|", section, re.MULTILINE)}
    assert len(documented) == 10
    assert _defects(document.cues) == documented


def test_clean_subtitle_cues_are_comfortably_clean() -> None:
    cues = read_subtitle_file(SAMPLE_DIR / "rough_subtitles.zh-en.srt").cues
    defective = set(_defects(cues)) | {30, 33}  # 30 and 33 are the near side of a gap and an overlap
    for i, cue in enumerate(cues):
        if cue.index in defective:
            continue
        seconds = (cue.end_ms - cue.start_ms) / 1000
        zh, en = _lines(cue)
        assert len(zh) == 1 and len(en) == 1, cue.index
        assert seconds >= 2 and len(zh[0]) <= 14 and len(en[0]) <= 41, cue.index
        assert len(zh[0]) / seconds < 5 and len(en[0]) / seconds < 9, cue.index
        if i + 1 < len(cues) and cues[i + 1].index not in defective:
            assert cues[i + 1].start_ms - cue.end_ms >= 800, cue.index
