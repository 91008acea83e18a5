"""build_scenes and the line model, shared by every reader; readers never crash on odd text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.fountain import fountain_elements, parse_fountain
from knowledge.headings import parse_heading
from knowledge.plaintext import parse_plaintext
from knowledge.scenes import (
    display_width,
    eighths_for_lines,
    is_contd,
    normalise_character,
    paginate,
    parse_cue,
    wrapped_lines,
)
from knowledge.screenplay import Element


@pytest.mark.parametrize(
    ("cue", "name", "extension"),
    [
        ("STEEL", "STEEL", None),
        ("  STEEL (V.O.) (CONT'D) ", "STEEL", "V.O. CONT'D"),
        ("@McCLANE", "MCCLANE", None),
        ("BUT (Dual) ^", "BUT", "Dual"),
        ("HANS (on the radio)", "HANS", "on the radio"),
        ("阿美（畫外音）", "阿美", "畫外音"),
        ("野生人類首領(續)", "野生人類首領", "續"),
        ("劉Sir (O.S.)", "劉SIR", "O.S."),
        ("DR.  BENNET", "DR. BENNET", None),
        ("STEEL CONT'D", "STEEL", "CONT'D"),
        ("ＫＥＬＶＩＮ", "KELVIN", None),
        ("(V.O.)", "(V.O.)", None),
    ],
)
def test_parse_cue(cue: str, name: str, extension: str | None) -> None:
    assert parse_cue(cue) == (name, extension)


def test_contd_and_names() -> None:
    assert is_contd("CONT'D") and is_contd("續") and not is_contd("V.O. CONT'D") and not is_contd(None)
    assert normalise_character(" 阿輝  fai ") == "阿輝 FAI"


def test_widths_and_wrapping() -> None:
    assert display_width("Hello") == 5
    assert display_width("今晚冇客㗎喇。") == 14
    assert display_width("Sorry ah, 過海唔去") == 10 + 8
    assert wrapped_lines("x" * 61, 61) == 1
    assert wrapped_lines("x" * 62, 61) == 2
    assert wrapped_lines("字" * 18, 35) == 2  # 36 columns
    assert wrapped_lines("one\n\nthree", 61) == 3


@pytest.mark.parametrize(
    ("lines", "eighths"), [(0, 1), (1, 1), (7, 1), (10, 1), (11, 2), (55, 8), (62, 9), (110, 16)]
)
def test_eighths_for_lines(lines: int, eighths: int) -> None:
    assert eighths_for_lines(lines) == eighths


def test_paginate_blank_lines_and_page_breaks() -> None:
    elements = [
        Element("scene_heading", "INT. A - DAY", 1, 1),
        Element("action", "Action.", 3, 3),
        Element("character", "JOHN", 5, 5),
        Element("parenthetical", "(quiet)", 6, 6),
        Element("dialogue", "Hi.", 7, 7),
        Element("note", "not printed", 8, 8),
        Element("page_break", "", 9, 9),
        Element("action", "Next page.", 11, 11),
    ]
    assert paginate(elements) == 2
    assert [e.print_lines for e in elements] == [1, 2, 2, 1, 1, 0, 0, 1]
    assert [e.page for e in elements] == [1, 1, 1, 1, 1, 1, 2, 2]


def test_paginate_overflow_starts_a_new_page() -> None:
    elements = [Element("action", "line", n, n) for n in range(1, 40)]
    paginate(elements)
    # 1 + 38 * 2 = 77 lines: the 28th element starts at line 55 (0-based 54), the 29th on page 2.
    assert elements[27].page == 1
    assert elements[28].page == 2
    assert elements[28].print_lines == 1  # no blank line at the top of a page


def test_scene_lines_quote_the_source() -> None:
    text = "INT. A - DAY\n\n阿輝\n今晚冇客㗎喇。\n\n# ACT TWO\n\nEXT. B - NIGHT\n\nRain.\n"
    first, second = parse_fountain(text).scenes
    assert [(line.line, line.text) for line in first.lines] == [
        (1, "INT. A - DAY"),
        (2, ""),
        (3, "阿輝"),
        (4, "今晚冇客㗎喇。"),
    ]
    assert (first.line_start, first.line_end) == (1, 4)  # the section introduces scene 2
    assert (second.line_start, second.line_end) == (8, 10)


def test_heading_parts_in_scenes_match_parse_heading() -> None:
    screenplay = parse_fountain("外景：天台 - 黃昏\n\n.深水埗嘅天台\n\nINT. 茶餐廳 CHA CHAAN TENG - LATER\n")
    for scene in screenplay.scenes:
        parts = parse_heading(scene.heading)
        assert (scene.int_ext, scene.location, scene.time_raw) == (
            parts.int_ext,
            parts.location,
            parts.time_raw,
        )
    # LATER takes the last time known: a forced heading without a time (a sub-scene) does not reset it.
    assert [s.time_of_day for s in screenplay.scenes] == ["DUSK", None, "DUSK"]


_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "",
                "  ",
                "INT. 茶餐廳 - NIGHT #1#",
                "內景。茶餐廳 - 夜",
                "阿輝",
                "阿輝：今晚冇客㗎喇。",
                "STEEL (V.O.) ^",
                "(beat)",
                "（細聲）",
                "CUT TO:",
                "切至：",
                "> THE END <",
                ">",
                "<",
                "[[note",
                "]]",
                "/*",
                "*/",
                "===",
                "# Act",
                "= synopsis",
                "~la la",
                "@",
                ".",
                "!",
                "Title: X",
                "    indented",
                "                      AH FAI",
                "第3場 外景 街 日",
            ]
        ),
        st.text(max_size=30),
    ),
    max_size=40,
).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_readers_never_crash_and_keep_lines_in_range(text: str) -> None:
    for screenplay in (parse_fountain(text), parse_plaintext(text)):
        total = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        for element in screenplay.elements:
            assert 1 <= element.line <= element.end_line <= total
            assert element.page >= 1
        for scene in screenplay.scenes:
            assert scene.eighths >= 1
            assert scene.line_start <= scene.line_end
    fountain_elements(text)


def test_a_private_use_character_in_the_text_does_not_shift_lines() -> None:
    # Found by the property test above: the reader's own note mark, typed into a script.
    screenplay = parse_fountain("\ue000\nINT. 茶餐廳 - NIGHT #1#")
    heading = screenplay.elements[0]
    assert (heading.type, heading.line, heading.end_line) == ("scene_heading", 2, 2)
