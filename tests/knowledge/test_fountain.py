"""The Fountain reader: every element type, Chinese cues and transitions, line numbers, scenes."""

from __future__ import annotations

from knowledge.fountain import fountain_elements, parse_fountain, strip_emphasis
from knowledge.screenplay import Element

BILINGUAL = """\
標題： 夜更 NIGHT SHIFT
作者: 司徒慧兒
Contact:
    旺角花園街 88 號
    production@example.hk

# 第一幕

= 阿輝收工前最後一轉。

內景。茶餐廳 - 夜 #1#

= 阿輝同阿美喺茶餐廳。

阿輝坐喺卡位，阿美捧住奶茶行過嚟。細強喺門口睇住。

阿輝
（細聲）
今晚冇客㗎喇。

阿美 (畫外音)
你食咗飯未呀？

阿輝 ^
食咗喇。

切至：

INT. 茶餐廳 CHA CHAAN TENG - CONTINUOUS

KELVIN (V.O.) (CONT'D)
(on the phone)
Where's the USB?

@細強
唔知呀。

> 完 <
"""


def _types(elements: list[Element]) -> list[tuple[str, str]]:
    return [(e.type, e.text) for e in elements]


def test_bilingual_script_elements() -> None:
    doc = fountain_elements(BILINGUAL)
    assert doc.title_page == {
        "標題": "夜更 NIGHT SHIFT",
        "作者": "司徒慧兒",
        "contact": "旺角花園街 88 號\nproduction@example.hk",
    }
    assert _types(doc.elements) == [
        ("section", "第一幕"),
        ("synopsis", "阿輝收工前最後一轉。"),
        ("scene_heading", "內景。茶餐廳 - 夜"),
        ("synopsis", "阿輝同阿美喺茶餐廳。"),
        ("action", "阿輝坐喺卡位，阿美捧住奶茶行過嚟。細強喺門口睇住。"),
        ("character", "阿輝"),
        ("parenthetical", "（細聲）"),
        ("dialogue", "今晚冇客㗎喇。"),
        ("character", "阿美 (畫外音)"),
        ("dialogue", "你食咗飯未呀？"),
        ("character", "阿輝"),
        ("dialogue", "食咗喇。"),
        ("transition", "切至："),
        ("scene_heading", "INT. 茶餐廳 CHA CHAAN TENG - CONTINUOUS"),
        ("character", "KELVIN (V.O.) (CONT'D)"),
        ("parenthetical", "(on the phone)"),
        ("dialogue", "Where's the USB?"),
        ("character", "細強"),
        ("dialogue", "唔知呀。"),
        ("centered", "完"),
    ]
    heading = doc.elements[2]
    assert (heading.scene_number, heading.line, heading.end_line) == ("1", 11, 11)
    cues = [e for e in doc.elements if e.type == "character"]
    assert [(c.character, c.extension) for c in cues] == [
        ("阿輝", None),
        ("阿美", "畫外音"),
        ("阿輝", None),
        ("KELVIN", "V.O. CONT'D"),
        ("細強", None),
    ]
    assert [c.dual for c in cues[1:3]] == ["left", "right"]
    assert cues[-1].forced


def test_bilingual_script_scenes() -> None:
    screenplay = parse_fountain(BILINGUAL, file="night.fountain")
    first, second = screenplay.scenes
    assert (first.number, first.int_ext, first.location, first.time_of_day) == ("1", "INT", "茶餐廳", "NIGHT")
    assert first.characters == ["阿輝", "阿美"]
    assert first.non_speaking == ["細強"]  # named in the action, speaks only in scene 2
    assert first.synopsis == "阿輝同阿美喺茶餐廳。"
    assert (first.line_start, first.lines[0].text) == (11, "內景。茶餐廳 - 夜 #1#")
    assert second.number == "2"
    assert (second.location, second.time_raw, second.time_of_day) == (
        "茶餐廳 CHA CHAAN TENG",
        "CONTINUOUS",
        "NIGHT",
    )
    assert second.characters == ["KELVIN", "細強"]
    assert screenplay.title == "夜更 NIGHT SHIFT"


def test_non_speaking_characters_found_in_action() -> None:
    text = """\
INT. ROOM - DAY

BRICK
Hi.

細強
喂。

EXT. YARD - NIGHT

Brick waits for 細強 by the gate. Nobody brickwalls.
"""
    scenes = parse_fountain(text).scenes
    assert scenes[1].characters == []
    assert scenes[1].non_speaking == ["BRICK", "細強"]


def test_chinese_cue_rule() -> None:
    text = """\
內景。客廳 - 日

阿輝
我哋走啦。

佢哋終於走咗。
門關埋。

呢句唔係角色名，因為佢太長太長太長太長
佢跟住有嘢。

小王(續)
再見！
"""
    doc = fountain_elements(text)
    assert _types(doc.elements) == [
        ("scene_heading", "內景。客廳 - 日"),
        ("character", "阿輝"),
        ("dialogue", "我哋走啦。"),
        ("action", "佢哋終於走咗。\n門關埋。"),
        ("action", "呢句唔係角色名，因為佢太長太長太長太長\n佢跟住有嘢。"),
        ("character", "小王(續)"),
        ("dialogue", "再見！"),
    ]
    assert (doc.elements[-2].character, doc.elements[-2].extension) == ("小王", "續")


def test_notes_boneyard_and_line_numbers() -> None:
    text = """\
EXT. STREET - DAY

Before [[a note
over two lines]] after.

/*
INT. CUT SCENE - DAY

Gone.
*/
[[Own paragraph note]]

JOHN
Line one
{two_spaces}
line two after a two-space line.

===

~La la la
""".format(two_spaces="  ")
    doc = fountain_elements(text)
    assert _types(doc.elements) == [
        ("scene_heading", "EXT. STREET - DAY"),
        ("action", "Before  after."),
        ("note", "a note\nover two lines"),
        ("note", "Own paragraph note"),
        ("character", "JOHN"),
        ("dialogue", "Line one\n\nline two after a two-space line."),
        ("page_break", ""),
        ("lyrics", "La la la"),
    ]
    action, note = doc.elements[1], doc.elements[2]
    assert (action.line, action.end_line) == (3, 4)
    assert (note.line, note.end_line) == (3, 4)
    assert doc.elements[4].line == 13
    assert doc.elements[5].end_line == 16
    assert doc.elements[-1].line == 20


def test_transitions_forced_and_natural() -> None:
    doc = fountain_elements("CUT TO:\n\n>fade to black\n\n淡出。\n\n轉場：\n\nboop TO:\n\n> centred <\n")
    assert _types(doc.elements) == [
        ("transition", "CUT TO:"),
        ("transition", "fade to black"),
        ("transition", "淡出。"),
        ("transition", "轉場："),
        ("action", "boop TO:"),
        ("centered", "centred"),
    ]


def test_title_page_with_full_width_colons_and_no_title_page() -> None:
    assert fountain_elements("Title：电影\nAuthor：匿名\n\n淡入：\n").title_page == {
        "title": "电影",
        "author": "匿名",
    }
    doc = fountain_elements("FADE IN:\n\nINT. HOUSE - DAY\n")
    assert doc.title_page == {}
    assert doc.elements[0].type == "action"  # FADE IN: is action in Fountain unless forced with >


def test_crlf_bom_and_forced_elements() -> None:
    text = "\ufeff.KITCHEN\r\n\r\n!INT. NOT A HEADING\r\n\r\n@McCLANE\r\nYippee.\r\n"
    doc = fountain_elements(text)
    assert _types(doc.elements) == [
        ("scene_heading", "KITCHEN"),
        ("action", "INT. NOT A HEADING"),
        ("character", "McCLANE"),
        ("dialogue", "Yippee."),
    ]
    assert doc.elements[0].forced
    assert doc.elements[2].character == "MCCLANE"


def test_emphasis_is_kept_in_text_and_strippable() -> None:
    doc = fountain_elements("INT. A - DAY\n\nHe says **no** to _her_ and *it*.\n")
    assert doc.elements[1].text == "He says **no** to _her_ and *it*."
    assert strip_emphasis(doc.elements[1].text) == "He says no to her and it."
    assert strip_emphasis(r"What the f\*ck") == "What the f*ck"


def test_scene_numbers_sequential_skip_used_numbers() -> None:
    text = "\n\n".join(
        [
            "INT. A - DAY #1#",
            "INT. B - DAY #2#",
            "INT. C - DAY",
            "INT. D - DAY #3#",
            "INT. E - DAY",
            "INT. F - DAY #2-B#",
            "INT. G - DAY",
        ]
    )
    numbers = [s.number for s in parse_fountain(text).scenes]
    assert numbers == ["1", "2", "4", "3", "5", "2-B", "6"]


def test_pages_and_eighths_from_the_line_model() -> None:
    action = "\n\n".join("Line of action." for _ in range(60))
    text = f"INT. A - DAY\n\n{action}\n\nINT. B - DAY\n\nShort.\n\n===\n\nINT. C - NIGHT\n\n" + ("字" * 61)
    screenplay = parse_fountain(text)
    first, second, third = screenplay.scenes
    # Heading 1 line + 60 actions of 1 line with a blank before each, except the two that start
    # pages 2 and 3: 119 lines.
    assert first.eighths == round(119 / (55 / 8))
    assert (first.page, first.page_end) == (1, 3)
    assert second.eighths == 1
    assert third.page == second.page + 1  # the page break
    assert third.eighths == 1  # 61 CJK characters are 122 columns: 2 lines + the blank + heading
    assert screenplay.pages == third.page


def test_empty_text_has_no_elements() -> None:
    assert fountain_elements("").elements == []
    assert fountain_elements("\n\n").title_page == {}
