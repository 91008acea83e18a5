"""Scene breakdowns: detection accuracy against hand-written keys, FDX tags, notes, Chinese word
traps, the coordinator's edits, versions, exports, reports and the CLI."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from knowledge.production import Production
from tools.breakdown.build import build_breakdown
from tools.breakdown.detect import Detector, chinese_words
from tools.breakdown.edits import BreakdownEditError, read_edits
from tools.breakdown.model import ElementSource

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "golden" / "breakdown"
SAMPLE = REPO / "knowledge" / "samples" / "night_shift"
TYPHOON = GOLDEN / "typhoon_market.fountain"

_spec = importlib.util.spec_from_file_location(
    "breakdown_accuracy", Path(__file__).with_name("breakdown_accuracy.py")
)
assert _spec and _spec.loader
accuracy = importlib.util.module_from_spec(_spec)
sys.modules["breakdown_accuracy"] = accuracy
_spec.loader.exec_module(accuracy)

RECALL_BAR, PRECISION_BAR = 0.90, 0.85
# Families under a bar on the four scripts, the floor each is held to meanwhile, and why. Props,
# wardrobe/make-up and sound left this list when the lexicon gained a coordinator's everyday
# vocabulary (kitchen, food, office, costume, wounds, sound cues), written from general knowledge
# rather than from the keys' misses; the keys are not cut to close a gap. Effects left it when
# effects equipment came to bring the effect it makes (the rain of a booked rain tower).
BELOW_RECALL_BAR: dict[str, tuple[float, str]] = {}
BELOW_PRECISION_BAR: dict[str, str] = {}
HARBOUR_WAKE = GOLDEN / "harbour_wake.fountain"


def sample_production() -> Production:
    return Production.from_files(SAMPLE / "night_shift.fountain", cast=SAMPLE / "cast.csv")


@pytest.fixture(scope="module")
def sample_breakdown():  # type: ignore[no-untyped-def]
    return build_breakdown(sample_production(), [SAMPLE / "director_notes.md"])


def _scores(cases: dict[str, tuple[Production, list[Path]]]) -> dict[str, dict[str, object]]:
    return {
        name: accuracy.score(
            build_breakdown(production, notes), accuracy.load_key(GOLDEN / f"{name}.key.yaml")
        )
        for name, (production, notes) in cases.items()
    }


def test_recall_and_precision_per_family_against_hand_written_keys(corpus: Path | None) -> None:
    if corpus is None:
        pytest.skip("the corpus is not on this machine")
    fountain = corpus / "screenplays" / "fountain"
    cases = {
        "night_shift": (sample_production(), [SAMPLE / "director_notes.md"]),
        "typhoon_market": (Production.from_files(TYPHOON), []),
        "brick_and_steel": (Production.from_files(fountain / "samples" / "Brick-and-Steel.fountain"), []),
        "cat_master": (Production.from_files(fountain / "zh" / "cat-master-daily.zh-Hant-TW.fountain"), []),
    }
    scores = _scores(cases)
    text, pooled = accuracy.table(scores)
    print("\n" + text)
    # The bars hold per script too, not only pooled (a script's family with a key or a detection).
    for name, families in scores.items():
        for family, score in families.items():
            assert isinstance(score, accuracy.Score)
            if score.key or score.detected:
                assert score.recall >= RECALL_BAR, (name, family, score.misses)
                assert score.precision >= PRECISION_BAR, (name, family, score.extras)
    for family, s in pooled.items():
        if family in BELOW_RECALL_BAR:
            floor, why = BELOW_RECALL_BAR[family]
            print(f"below the recall bar: {family} {s.recall:.0%}: {why}")
            assert s.recall >= floor, (family, s.misses)
        else:
            assert s.recall >= RECALL_BAR, (family, s.misses)
        if family in BELOW_PRECISION_BAR:
            print(f"below the precision bar: {family} {s.precision:.0%}: {BELOW_PRECISION_BAR[family]}")
            assert s.precision >= 0.80, (family, s.extras)
        else:
            assert s.precision >= PRECISION_BAR, (family, s.extras)


def test_held_out_script_is_measured_and_reported_separately() -> None:
    """harbour_wake: keyed by hand before detection ever ran on it, never tuned to (STYLE 18).

    Its figures are printed, not held to the bars: they say how detection does on a script
    nobody tuned it to. First run, before the round-5 mention kinds: recall cast 94%, background
    67%, stunts 100%, vehicles 86%, props 70%, wardrobe/make-up 90%, effects 71%, animals 100%,
    equipment 67%, sound 50%; precision stunts 33%, vehicles 75%, effects 45%, equipment 50%,
    the rest 100%.
    """
    text, pooled = accuracy.table(_scores({"harbour_wake": (Production.from_files(HARBOUR_WAKE), [])}))
    print("\n" + text)
    for family, s in pooled.items():
        print(f"harbour_wake {family}: misses {s.misses}; extras {s.extras}")
    # what the mention kinds (tools/breakdown/mentions.py) must keep out, whatever else changes
    extras = " ".join(e for s in pooled.values() for e in s.extras)
    for kind in ("storms", "cranes", "Process trailer", "smoke", "thunder", "八號風球", "ambulance"):
        assert kind not in extras, kind


def test_every_element_cites_file_and_line(sample_breakdown) -> None:  # type: ignore[no-untyped-def]
    for sheet in sample_breakdown.scenes:
        for element in sheet.elements:
            assert element.sources, element
            for source in element.sources:
                assert source.file in ("night_shift.fountain", "director_notes.md")
                assert source.line and source.scene == sheet.scene


def test_sample_scene_one(sample_breakdown) -> None:  # type: ignore[no-untyped-def]
    sheet = sample_breakdown.scene("1")
    names = {(e.category, e.name): e for e in sheet.elements}
    assert names[("background", "臨記")].count == 40
    assert names[("background", "POLICE OFFICERS")].count == 2
    assert ("cast_voice", "DISPATCHER") in names and ("cast", "AH FAI") in names
    assert names[("wardrobe", "fake-jade bracelet")].character == "AH FAI"
    crane = names[("equipment", "Crane")]
    assert crane.sources[0].origin == "production_notes" and crane.sources[0].file == "director_notes.md"
    assert sheet.int_ext == "EXT" and sheet.time_of_day == "NIGHT" and sheet.synopsis


def test_sample_rooftop_stunts_and_silent_henchmen(sample_breakdown) -> None:  # type: ignore[no-untyped-def]
    sheet = sample_breakdown.scene("17")
    stunts = {e.name for e in sheet.of("stunts")}
    assert {"jump", "fight", "fall", "chase"} <= stunts
    assert "HENCHMEN" in {e.name for e in sheet.of("cast_silent")}
    assert {"wires", "crash mats", "descender rig"} <= {e.name for e in sheet.of("equipment")}
    assert sheet.of("background")[0].count == 4


def test_fountain_note_flags_a_stunt_and_story_day() -> None:
    breakdown = build_breakdown(Production.from_files(TYPHOON))
    scene_2 = breakdown.scene("2")
    assert scene_2 is not None
    (fall,) = scene_2.of("stunts")
    assert [s.origin for s in fall.sources] == ["note", "action"]
    assert scene_2.of("notes")[0].name == "Stunt coordinator needed: fall down half a flight."
    assert breakdown.scenes[0].story_day == "1"


def test_extras_counts_in_words_and_digits() -> None:
    detector = Detector(Production.from_files(TYPHOON))
    source = ElementSource(file="x.fountain", line=1)

    def counts(text: str) -> dict[str, int | None]:
        return {h.name: h.count for h in detector.text_hits(text, source) if h.category == "background"}

    assert counts("A crowd of about thirty shoppers waits.") == {"shoppers": 30}
    assert counts("臨記：約四十人，包括街坊。") == {"臨記": 40}
    assert counts("EXTRAS: 25 commuters, two GUARDS.") == {"commuters": 25, "GUARDS": 2}
    assert counts("The pigeons crowd the wire.") == {}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("佢搭火車返屋企。", "sfx"),  # 火 is not in 火車
        ("佢攞住把雨傘。", "sfx"),  # 雨 is not in 雨傘
        ("Ah Fai winds the window down.", "sfx"),  # winds is not wind
        ("He fires a shot into the air.", "sfx_fire"),
    ],
)
def test_chinese_and_english_word_traps(text: str, absent: str) -> None:
    detector = Detector(Production.from_files(TYPHOON))
    hits = detector.text_hits(text, ElementSource(file="x", line=1))
    if absent == "sfx_fire":
        assert "fire" not in {h.name.lower() for h in hits}
    else:
        assert not [h for h in hits if h.category == absent], hits


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("His PHONE buzzes in the cup holder.", "cup"),  # a noun qualifying another
        ("Kelvin runs along the STAR FERRY PIER.", "ferry"),
        ("Names, phone numbers, amounts.", "phone"),
        ("A NURSE cleans and dresses a cut across his palm.", "dress"),  # a verb
        ("The stairwell door explodes open.", "explod"),
        ("From here a single low synth drone grows under the scene.", "drone"),
        ("Ambulance and medic on standby on the street.", "ambulance"),
        ("救護車喺街口候命。", "救護車"),
        ("He holds up his PHONE: a photo of a young man in rimless glasses.", "glasses"),  # shown
        ("He taps a CCTV still on the board: a man climbing out of a red taxi.", "taxi"),
        ("No stunt, no contact on camera: sound only.", "stunt"),
        ("KELVIN'S POV — THROUGH THE REAR WINDOW: headlights.", "rear window"),
    ],
)
def test_mentions_that_name_no_element(text: str, absent: str) -> None:
    detector = Detector(Production.from_files(TYPHOON))
    hits = detector.text_hits(text, ElementSource(file="x", line=1))
    assert not [h for h in hits if absent in h.name.lower()], hits


def test_a_prop_used_as_a_verb_is_still_the_prop() -> None:
    detector = Detector(Production.from_files(TYPHOON))
    hits = detector.text_hits("The officer radios the pier.", ElementSource(file="x", line=1))
    assert [h.name for h in hits if h.category == "props"] == ["radios"]


def test_effects_equipment_brings_the_effect_it_makes(tmp_path: Path) -> None:
    script = tmp_path / "yard.fountain"
    script.write_text(
        "Title: Yard\n\n"
        "EXT. BOATYARD - NIGHT\n\nA hazer works the yard. MAY waits by the gate.\n\n"
        "INT. CANTEEN - DAY\n\nMAY wipes the counter under the 抽油煙機.\n\n"
        "EXT. ALLEY - NIGHT\n\nRain hammers the bins. MAY runs.\n\n"
        "EXT. 後巷 - 夜\n\n阿美站喺巷口。\n",
        encoding="utf-8",
    )
    notes = tmp_path / "notes.md"
    notes.write_text(
        "- A Ritter fan for Scene 1.\n"
        "- Rain bars over the alley in Scene 3.\n"
        "- No fog machine for Scene 2.\n"
        "- 第四場用灑水車同雨塔。\n",
        encoding="utf-8",
    )
    breakdown = build_breakdown(Production.from_files(script), [notes])

    def effects(number: str) -> dict[str, list[str]]:
        sheet = breakdown.scene(number)
        assert sheet is not None
        return {e.name: [s.origin for s in e.sources] for e in sheet.of("sfx")}

    assert effects("1") == {"smoke": ["action"], "wind": ["production_notes"]}
    assert effects("2") == {}  # a kitchen's range hood (煙機 inside 抽油煙機), and fog not needed
    assert effects("3") == {"Rain": ["action", "production_notes"]}  # listed once, citing both
    assert set(effects("4")) == {"濕地面", "雨"}  # a water truck wets the street; the tower rains


def test_sentences_of_notes_give_each_scene_its_own_words() -> None:
    from tools.breakdown.build import scene_clauses

    known = [str(n) for n in range(1, 21)]
    assert scene_clauses("Forty extras; a crane for Scene 13 only.", known) == [
        ("Forty extras; a crane for Scene 13 only.", ["13"])
    ]
    parts = scene_clauses(
        "His tab (Scene 2) and the $500 note Lau takes back (Scene 19) are breathers.", known
    )
    assert [(n, "$500" in clause) for clause, n in parts] == [(["2"], False), (["19"], True)]
    assert scene_clauses("The apron in every scene except Scene 14 and Scene 20.", known) == []
    leading = scene_clauses("Scene 11 moonlight; Scene 19 in plain overcast daylight.", known)
    assert [n for _, n in leading] == [["11"], ["19"]] and "overcast" in leading[1][0]


def test_chinese_is_segmented_with_jieba() -> None:
    words = [w for w, _ in chinese_words("東尼用電筒照住個水錶")]
    assert "電筒" in words and "水錶" in words
    assert "風" in [w for w, _ in chinese_words("天台。風好大。")]  # not the HMM's made-up 風好


def test_fdx_tag_categories_from_the_real_final_draft_export(corpus: Path | None) -> None:
    if corpus is None:
        pytest.skip("the corpus is not on this machine")
    from knowledge.fdx import fdx_tag_data

    path = corpus / "fdx" / "screenplay-tools_TestFDX-FD.finaldraft.fdx"
    data = fdx_tag_data(path.read_bytes(), file=path)
    names = {c.name: c for c in data.categories}
    assert len(data.categories) == 22
    assert names["Stunts"].color == "#FFA500" and names["Props"].color == "#FF0000"
    assert {"Cast", "Background Actors", "Vehicles", "Makeup/Hair", "Special Equipment"} <= set(names)
    assert data.tags == []  # the export defines categories but tags nothing
    breakdown = build_breakdown(Production.from_files(path))
    assert breakdown.fdx_categories["Cast"] == "#0000FF"


FDX_WITH_TAGS = """<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<FinalDraft DocumentType="Script" Template="No" Version="5">
<Content>
<Paragraph Number="1" Type="Scene Heading"><Text>EXT. PIER - NIGHT</Text></Paragraph>
<Paragraph Type="Action"><Text>Siu Keung waves a </Text><Text TagNumber="1">butterfly knife</Text><Text> at the </Text><Text TagNumber="2">red taxi</Text><Text>.</Text></Paragraph>
<Paragraph Type="Character"><Text>SIU KEUNG</Text></Paragraph>
<Paragraph Type="Dialogue"><Text>Drive.</Text></Paragraph>
<Paragraph Number="2" Type="Scene Heading"><Text>INT. TAXI - NIGHT</Text></Paragraph>
<Paragraph Type="Action"><Text>Rain on the glass. </Text><Text TagNumber="3">Twenty extras</Text><Text> outside.</Text></Paragraph>
</Content>
<TagData>
<TagCategories>
<TagCategory Color="#FFFF00000000" Id="c-props" Name="Props" Number="5" Style="Bold"/>
<TagCategory Color="#8B8B00000000" Id="c-veh" Name="Vehicles" Number="4" Style="Bold"/>
<TagCategory Color="#0000BFBFFFFF" Id="c-bg" Name="Background Actors" Number="2" Style="Bold"/>
</TagCategories>
<TagDefinitions>
<TagDefinition CatId="c-props" Id="d1" Label="BUTTERFLY KNIFE" Number="1" Style="Bold"/>
<TagDefinition CatId="c-veh" Id="d2" Label="TAXI (TX 3828)" Number="2" Style="Bold"/>
<TagDefinition CatId="c-bg" Id="d3" Label="Pier extras" Number="3" Style="Bold"/>
</TagDefinitions>
<Tags>
<Tag Number="1"><DefId>d1</DefId></Tag>
<Tag Number="2"><DefId>d2</DefId></Tag>
<Tag Number="3"><DefId>d3</DefId></Tag>
</Tags>
</TagData>
</FinalDraft>
"""


def test_fdx_breakdown_tags_become_cited_elements(tmp_path: Path) -> None:
    path = tmp_path / "tagged.fdx"
    path.write_text(FDX_WITH_TAGS, encoding="utf-8")
    breakdown = build_breakdown(Production.from_files(path))
    first, second = breakdown.scenes
    tagged = {
        (e.category, e.name): e for e in first.elements if any(s.origin == "fdx_tag" for s in e.sources)
    }
    assert set(tagged) == {("props", "BUTTERFLY KNIFE"), ("vehicles", "TAXI (TX 3828)")}
    assert tagged[("props", "BUTTERFLY KNIFE")].sources[-1].line == 2
    assert [e.name for e in second.of("background") if e.sources[0].origin == "fdx_tag"] == ["Pier extras"]


def test_coordinator_edits_win_and_are_versioned(tmp_path: Path) -> None:
    from tools.breakdown.tools import breakdown_scenes, edit_breakdown

    plan = tmp_path / "plan.yaml"
    plan.write_text("start_date: 2027-03-01\nbreakdown: edits.csv\n", encoding="utf-8")
    (tmp_path / "edits.csv").write_text(
        "scene,category,name,count,character,detail,remove\n"
        "1,background,shoppers,45,,,\n"
        "1,props,CLEAVER,,,,yes\n"
        "1,道具,魚缸 fish tank,,,,\n",
        encoding="utf-8",
    )
    production = Production.from_files(TYPHOON, plan=plan, output_dir=tmp_path / "project")
    first = breakdown_scenes(production, scenes=["1"])
    sheet = first.scenes[0]
    by_name = {e.name: e for e in sheet.elements}
    assert by_name["shoppers"].count == 45 and by_name["shoppers"].edited
    assert "CLEAVER" not in by_name
    assert by_name["魚缸 fish tank"].sources[0].origin == "coordinator"
    assert first.version == 1 and first.edits_files == ["edits.csv"]
    again = breakdown_scenes(production, scenes=["1"])
    assert again.version == 1  # nothing changed: no new version
    edited = edit_breakdown(production, scene="1", category="animals", name="CAT", remove=True)
    assert edited.version == 2 and not edited.scenes[0].of("animals")
    with pytest.raises(BreakdownEditError):
        edit_breakdown(production, scene="99", category="props", name="X")


def test_xlsx_round_trip_through_the_elements_sheet(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from tools.breakdown.export import xlsx_bytes
    from tools.breakdown.tools import breakdown_scenes, import_breakdown

    production = Production.from_files(TYPHOON, output_dir=tmp_path / "project")
    breakdown_scenes(production)
    from tools.breakdown.edits import load_breakdown

    saved = load_breakdown(production)
    assert saved is not None
    path = tmp_path / "edited.xlsx"
    path.write_bytes(xlsx_bytes(saved))
    book = load_workbook(path)
    assert book.sheetnames[0] == "Elements" and "Sc 3" in book.sheetnames
    rows = book["Elements"]
    for row in rows.iter_rows(min_row=2):
        if row[0].value == "1" and row[2].value == "GROUPER":
            row[3].value = 3
        if row[0].value == "5" and row[2].value == "THERMOS":
            row[6].value = "x"
    rows.append(["3", "props", "蠟燭 candles", 12, "", "power cut", "", ""])
    book.save(path)
    assert {e.name for e in read_edits(path)} >= {"GROUPER", "THERMOS", "蠟燭 candles"}
    result = import_breakdown(production, path=str(path))
    by_scene = {s.scene: {e.name: e for e in s.elements} for s in result.scenes}
    assert by_scene["1"]["GROUPER"].count == 3
    assert "THERMOS" not in by_scene["5"]
    assert by_scene["3"]["蠟燭 candles"].count == 12 and by_scene["3"]["蠟燭 candles"].detail == "power cut"
    assert "CAT" in by_scene["1"]  # untouched rows stay
    assert result.version == 2


def test_element_report_and_department_lists(tmp_path: Path) -> None:
    from tools.breakdown.tools import department_list, element_report

    production = Production.from_files(
        SAMPLE / "night_shift.fountain", cast=SAMPLE / "cast.csv", output_dir=tmp_path
    )
    taxi = element_report(production, element="TAXI")
    (row,) = taxi.rows
    assert row.category == "vehicles" and {"1", "3", "6", "20"} <= set(row.scenes)
    assert "的士" in row.detail  # the Chinese scenes' name for it counts too
    stunts = element_report(production, category="stunts")
    assert "17" in {s for r in stunts.rows for s in r.scenes}
    wardrobe = department_list(production, department="wardrobe", export="csv")
    assert any(r.character == "AH FAI" and r.name == "fake-jade bracelet" for r in wardrobe.rows)
    assert Path(wardrobe.files[0]).read_text(encoding="utf-8-sig").startswith("Element,Character")
    props = department_list(production, department="props")
    assert any(r.name == "BUTTERFLY KNIFE" and "17" in r.scenes for r in props.rows)


def test_pdf_has_one_sheet_a_scene_with_chinese(sample_breakdown, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tools.breakdown.export import cjk_font, pdf_bytes

    if cjk_font() is None:
        pytest.skip("no CJK font installed (fonts-noto-cjk): the PDF export says so")
    data = pdf_bytes(sample_breakdown)
    from pypdf import PdfReader

    reader = PdfReader(__import__("io").BytesIO(data))
    assert len(reader.pages) == len(sample_breakdown.scenes)
    first = reader.pages[0].extract_text().replace("\x00", "")  # pypdf reads the CID font as UTF-16
    assert "彌敦道" in first and "Props 道具" in first and "TOOTHPICK" in first


def test_pdf_sheet_shows_every_element_and_never_cuts_one(sample_breakdown, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Every element is on its sheet (no "+3 more"); an edited one carries a mark the CJK font has;
    a scene too big for one page goes on over the next instead of running off it."""
    from io import BytesIO

    from pypdf import PdfReader

    from tools.breakdown.export import EDITED_MARK, cjk_font, pdf_bytes
    from tools.breakdown.model import BreakdownElement

    if cjk_font() is None:
        pytest.skip("no CJK font installed (fonts-noto-cjk)")
    from fontTools.ttLib import TTCollection

    path, index = cjk_font()  # type: ignore[misc]
    assert ord(EDITED_MARK) in TTCollection(path).fonts[index].getBestCmap()
    rooftop = sample_breakdown.scene("17").model_copy(deep=True)
    rooftop.elements[0] = rooftop.elements[0].model_copy(update={"edited": True})
    huge = rooftop.model_copy(deep=True)
    huge.elements += [
        BreakdownElement(category="props", name=f"道具 prop {i:03d} with a long name") for i in range(300)
    ]
    data = pdf_bytes(sample_breakdown.model_copy(update={"scenes": [rooftop, huge]}))
    pages = [p.extract_text().replace("\x00", "") for p in PdfReader(BytesIO(data)).pages]
    assert "more" not in pages[0]
    for element in rooftop.elements:
        assert element.name.split()[0] in pages[0], element.name
    assert EDITED_MARK in pages[0] and "統籌修改" in pages[0]
    assert len(pages) > 2 and "continued" in pages[2]
    text = " ".join(pages[1:])
    assert all(f"prop {i:03d}" in text for i in range(300))


def test_sheet_boxes_follow_the_colour_code(sample_breakdown) -> None:  # type: ignore[no-untyped-def]
    """Coloured categories in the industry's colours; the shape-coded ones carry their mark."""
    from tools.breakdown.export import box_label, html_text
    from tools.breakdown.model import CATEGORY_COLOURS

    assert box_label("wardrobe").startswith("○") and box_label("makeup").startswith("＊")
    assert box_label("equipment").startswith("□") and box_label("props") == "Props 道具"
    assert len(set(CATEGORY_COLOURS.values())) == len(CATEGORY_COLOURS)
    for category in ("wardrobe", "makeup"):  # neutral, so none reads as props' violet
        r, g, b = (int(CATEGORY_COLOURS[category][i : i + 2], 16) for i in (1, 3, 5))
        assert max(r, g, b) - min(r, g, b) < 16, category
    assert "○ Wardrobe" in html_text(sample_breakdown)


def test_xlsx_sheet_header_values_sit_in_wide_cells(sample_breakdown) -> None:  # type: ignore[no-untyped-def]
    from io import BytesIO

    from openpyxl import load_workbook

    from tools.breakdown.export import xlsx_bytes

    book = load_workbook(BytesIO(xlsx_bytes(sample_breakdown)))
    sheet = book["Sc 1"]
    assert "A1:E1" in {str(r) for r in sheet.merged_cells.ranges}  # the title is not cut at column A
    values = {c.value: c for row in sheet.iter_rows(max_row=6) for c in row if c.value}
    for value in ("1", "EXT", "NIGHT", "1 2/8"):
        assert sheet.column_dimensions[values[value].column_letter].width >= 20, value
    assert values["Synopsis 劇情"].row == 6


def test_an_extras_total_is_the_scenes_head_count(sample_breakdown) -> None:  # type: ignore[no-untyped-def]
    """`臨記：約四十人，包括宵夜人群、清潔工…` counts the groups listed beside it: 40, not 42+."""
    from tools.breakdown.model import head_count

    assert sample_breakdown.scene("1").extras_count == 40
    assert head_count([("臨記", 40), ("POLICE OFFICERS", 2), ("couple", None)]) == (40, False)
    assert head_count([("路人", 40), ("POLICE OFFICERS", 4), ("crowd", None)]) == (44, True)
    assert head_count([("EXTRAS", None), ("GUARDS", 2)]) == (2, True)


def test_html_export_is_one_section_a_scene(sample_breakdown) -> None:  # type: ignore[no-untyped-def]
    from tools.breakdown.export import html_text

    page = html_text(sample_breakdown)
    assert page.count("<section class='sheet'") == len(sample_breakdown.scenes)
    assert "#E53935" in page and "臨記 (40)" in page


def test_cli_breakdown_report_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from slate.cli import main

    script = str(SAMPLE / "night_shift.fountain")
    assert main(["breakdown", "report", "的士", "--script", script, "--json"]) == 0
    out = capsys.readouterr().out
    assert '"vehicles"' in out
    target = tmp_path / "sheets.xlsx"
    assert main(["breakdown", "sheets", "--scene", "1", "--script", script, "-o", str(target)]) == 0
    assert target.read_bytes()[:2] == b"PK"
    assert main(["breakdown", "edit", "99", "props", "X", "--script", script]) == 2
    assert "Scene 99" in capsys.readouterr().err


def test_a_head_count_in_the_notes_gives_a_scene_without_a_crowd_its_extras(tmp_path: Path) -> None:
    production = sample_production()
    quiet = next(s.scene for s in build_breakdown(production, []).scenes if not s.extras_count)
    notes = tmp_path / "notes.md"
    notes.write_text(
        f"# Notes\n\nScene {quiet} is shot on a Saturday, the day the hall and the 30\n"
        "background extras are booked.\n",
        encoding="utf-8",
    )
    sheet = build_breakdown(production, [notes]).scene(quiet)
    assert sheet.extras_count == 30
    # a scene whose script has its crowd keeps the script's count: the notes restate it
    crowded = next(s for s in build_breakdown(production, []).scenes if s.extras_count)
    notes.write_text(f"# Notes\n\nScene {crowded.scene}: the 99 extras are booked.\n", encoding="utf-8")
    assert build_breakdown(production, [notes]).scene(crowded.scene).extras_count == crowded.extras_count
