"""What the page shows for artifacts, citations and the header (pure functions, no browser)."""

from __future__ import annotations

import pytest

from knowledge.production import Production
from tests.tools.schedule.schedule_cases import colour_name
from ui import views
from ui.i18n import EXAMPLE_PROMPTS, LABELS, column_label, t


def test_stripboard_colours_strips_by_int_ext_and_time_and_breaks_days() -> None:
    from datetime import date

    from knowledge.screenplay import Scene
    from tools.schedule.model import ScheduledDay

    def scene(number: str, int_ext: str, time: str, location: str, characters: list[str]) -> Scene:
        return Scene.model_validate(
            {"number": number, "heading": f"{int_ext}. {location} - {time}", "int_ext": int_ext,
             "time_of_day": time, "location": location, "characters": characters, "index": 1, "line_start": 1, "line_end": 2}
        )  # fmt: skip

    rows = {"11": scene("11", "EXT", "NIGHT", "天台", ["阿輝"]), "2": scene("2", "INT", "DAY", "茶餐廳", [])}
    day = ScheduledDay.model_validate(
        {"day": 1, "date": date(2027, 3, 1), "scenes": ["11", "2"], "hours": 8.0, "eighths": 8,
         "locations": [], "company_moves": 0}
    )  # fmt: skip
    html = views.stripboard_html([day], "zh", rows)
    assert html.count('class="sl-strip"') == 2
    assert views.STRIP_COLOURS[("EXT", "NIGHT")] in html and views.STRIP_COLOURS[("INT", "DAY")] in html
    assert html.index("天台") < html.index("茶餐廳") < html.index("第 1 日 2027-03-01")


def test_strip_colours_are_the_stripboard_convention() -> None:
    names = {key: colour_name(colour) for key, colour in views.STRIP_COLOURS.items()}
    assert names[("INT", "DAY")] == "white" and names[("EXT", "DAY")] == "yellow"
    assert names[("INT", "NIGHT")] == "blue" and names[("EXT", "NIGHT")] == "green"


def test_tool_written_html_is_sandboxed() -> None:
    embedded = views.embedded_html("<script>alert(1)</script><h1>Stripboard</h1>")
    assert 'sandbox=""' in embedded and "<script>" not in embedded


def test_display_table_picks_columns_and_translates_headers() -> None:
    shown = views.display_table(
        ["number", "heading", "int_ext", "location", "time_of_day", "characters", "page", "pages", "lines"],
        [["11", "EXT. ROOFTOP - NIGHT", "EXT", "ROOFTOP", "NIGHT", "AH FAI", 15, "1 3/8", "670–729"]],
        "scenes",
        "zh",
    )
    assert shown["headers"] == ["場", "內外", "場景", "日夜", "長度", "角色"]
    # Closed-set values are Chinese in the Chinese interface; names and numbers stay as written.
    assert shown["data"] == [["11", "外景", "ROOFTOP", "夜", "1 3/8", "AH FAI"]]
    # Short columns as wide as their values; the text columns share the rest.
    assert sum(float(w.rstrip("%")) for w in shown["widths"]) == pytest.approx(100, abs=0.5)
    assert (
        column_label("setup_minutes", "en") == "Setup min" and column_label("odd_field", "en") == "Odd field"
    )


def test_citation_labels() -> None:
    from ui.results import ShownSource

    scene = ShownSource.model_validate(
        {
            "file": "night_shift.fountain",
            "doc_type": "screenplay",
            "scene": "12A",
            "page": 18,
            "lines": [1, 9],
        }
    )
    assert views.citation_chip(scene, 1) == "[1] sc. 12A · p. 18"
    assert views.citation_label(scene, 1) == "[1] night_shift.fountain · sc. 12A · p. 18 · l. 1–9"
    cue = ShownSource.model_validate(
        {"file": "rough_subtitles.zh-en.srt", "doc_type": "subtitles", "start": "00:01:02,000"}
    )
    assert views.citation_chip(cue, 2) == "[2] rough_subtitles.zh-en · 00:01:02,000"
    note = ShownSource.model_validate(
        {
            "file": "director_notes.md",
            "doc_type": "notes",
            "section": "Notes › 2. Visual style › Colour 色調",
        }
    )
    assert views.citation_chip(note, 3) == "[3] director_notes · Colour 色調"


def test_status_line_says_who_answers_and_how_much_is_there() -> None:
    line = views.status_line("offline planner", "night-shift", 8, 21, "en")
    assert line == "Answers: offline planner · night-shift · 8 documents · 21 scenes"
    assert views.status_line("gpt-4o-mini", "新片", 0, None, "zh").endswith("未有文件：請喺「文件」加入劇本")


def test_every_label_has_both_languages_and_the_examples_are_bilingual() -> None:
    assert all(set(entry) == {"en", "zh"} and entry["zh"] for entry in LABELS.values())
    assert (
        "劉督察喺邊幾場出現？" in EXAMPLE_PROMPTS
        and "Which scenes are on the rooftop at night?" in EXAMPLE_PROMPTS
    )
    assert t("new_chat", "fr") == t("new_chat", "en")


def test_a_call_sheet_table_shows_what_a_crew_reads_first() -> None:
    columns = ["int_ext", "time_of_day", "pages", "id", "set", "day_night", "est_hours", "start", "cast"]
    row = ["INT", "DAY", "1 2/8", "14", "MONG KOK POLICE STATION", "D", 3.75, "10:30", "MEI"]
    shown = views.display_table(columns, [row], "scenes", "en", "call_sheet")
    assert shown["headers"] == ["Sc.", "Set", "I/E", "D/N", "Length", "Cast", "Start"]
    assert views.display_table(columns, [row], "scenes", "zh", "call_sheet")["data"][0][:4] == [
        "14",
        "MONG KOK POLICE STATION",
        "內景",
        "日",
    ]


def test_the_day_out_of_days_keeps_cast_and_short_day_headers() -> None:
    shown = views.display_table(
        ["cast", "actor", "2027-03-01", "2027-03-02", "work_days"],
        [["AH FAI", "x", "SW", "WF", 2]],
        "dood",
        "en",
    )
    assert shown["headers"] == ["Cast", "03-01", "03-02", "Work"] and shown["widths"][0] == "150px"


def test_a_schedule_shows_the_bound_only_when_it_means_something(production: Production) -> None:
    from tools.registry import get_tool

    result = get_tool("plan_schedule").invoke(production, {})
    plan = result.model_dump(mode="json") | {"added_unavailability": {"MEI": ["2027-03-02"]}}
    loose = plan | {"status": "feasible", "bound_meaningful": False, "lower_bound": 20000.0, "gap": 0.76}
    text = views.schedule_markdown(type(result).model_validate(loose), "en")
    assert "shooting days" in text and "cheaper" in text and "MEI unavailable 2027-03-02" in text
    assert "<details>" not in text and "20,000" not in text
    proven = views.schedule_markdown(
        type(result).model_validate(loose | {"status": "optimal", "bound_meaningful": True, "gap": 0.0}), "zh"
    )
    assert "<details>" in proven and "已證明最佳" in proven and "optimal" not in proven


def test_tool_steps_and_source_panes_need_no_emoji_font_and_no_script() -> None:
    assert views.tool_title("find_scenes", "zh") == "工具 · find_scenes"
    pane = views.numbered_text_html([(n, f"line {n}") for n in range(1, 41)], "sc. 1", highlight=[30, 32])
    assert pane.index("<details") < pane.index(">28<") and "1–27" in pane
    rendered = views.passage_html("# Colour 色調\n\n**Night** is green. <script>x</script>", "[1] notes")
    assert "<h1>Colour 色調</h1>" in rendered and "<strong>Night</strong>" in rendered
    assert "<script>" not in rendered


def test_filters_read_in_the_interface_language() -> None:
    from tools.script_lookup import ScenesResult

    title = views.artifact_title(
        ScenesResult(filters={"time_of_day": "NIGHT"}, scenes=[], total_eighths=0), "zh"
    )
    assert "日夜: 夜" in title and "NIGHT" not in title


def test_the_ui_reads_tool_results_by_attribute_never_by_string_key() -> None:
    """Results are typed where they enter the page (`ui.results`); past that, a `result["field"]` or
    `artifact.get("field")` would hide a renamed field from mypy, so none is allowed in ui/."""
    import ast
    from pathlib import Path

    result_names = {
        "artifact",
        "artifacts",
        "result",
        "results",
        "ref",
        "refs",
        "source",
        "hit",
        "scene",
        "day",
    }
    found = []
    for path in sorted((Path(__file__).resolve().parents[2] / "ui").glob("*.py")):
        if path.name == "results.py":  # the one place plain data becomes a model
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            receiver = None
            if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
                receiver = node.value
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "get"
            ):
                receiver = node.func.value
            if isinstance(receiver, ast.Name) and receiver.id in result_names:
                found.append(f"{path.name}:{node.lineno}")
    assert found == []


def test_the_tables_shown_first_name_fields_of_their_rows() -> None:
    from knowledge.citations import SearchHit
    from tools.script_lookup import CastRow, SceneRow
    from tools.shot_list import Shot
    from tools.subtitles.models import SubtitleIssue

    rows = {
        "scenes": SceneRow,
        "shots": Shot,
        "hits": SearchHit,
        "issues": SubtitleIssue,
        "cast.cast": CastRow,
    }
    for table, model in rows.items():
        assert set(views.DISPLAY_COLUMNS[table]) <= set(model.model_fields), table
