"""Word and plain-text scripts: styles, indentation, `角色：對白`, encodings, Fountain detection."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Inches

from knowledge.loader import load_screenplay, looks_like_screenplay, reads_as_fountain
from knowledge.plaintext import inline_dialogue, is_cue_like

CHINESE_WORD_SCRIPT = """《夜更》劇本

1. 內景 茶餐廳 夜
人物：阿輝、阿美、細強
阿輝坐喺卡位，望住窗外。
阿輝：今晚冇客㗎喇。
阿美：（細聲）你食咗飯未呀？
阿輝（畫外音）：食咗喇。
佢話：「唔該晒。」

第二場 外景 旺角街頭 深夜
細強行過嚟，同阿輝打招呼。
細強：輝哥！
切至：
3. 日 内 咖啡馆
阿美：早晨！
"""

INDENTED = """\
                                                   FADE IN:

EXT. NATHAN ROAD - NIGHT

Neon signs buzz. A red TAXI crawls along
the kerb.

                      AH FAI
                (to himself)
          Kwun Tong? It'll be dawn by
          then.

                      DISPATCHER (V.O.)
          Anyone for Yau Ma Tei?

Ah Fai ignores it.

                                                  CUT TO:

INT. CHA CHAAN TENG - CONTINUOUS

                      AH MEI
          More tea?
"""


def test_chinese_inline_dialogue_script(tmp_path: Path) -> None:
    path = tmp_path / "夜更.txt"
    path.write_text(CHINESE_WORD_SCRIPT, encoding="utf-8")
    screenplay = load_screenplay(path)
    assert screenplay.format == "txt"
    first, second, third = screenplay.scenes
    assert (first.number, first.int_ext, first.location, first.time_of_day) == ("1", "INT", "茶餐廳", "NIGHT")
    assert first.heading == "內景 茶餐廳 夜"
    assert first.characters == ["阿輝", "阿美"]
    assert first.non_speaking == ["細強"]
    assert (second.number, second.int_ext, second.location, second.time_of_day) == (
        "2",
        "EXT",
        "旺角街頭",
        "NIGHT",
    )
    assert second.characters == ["細強"]
    assert (third.number, third.int_ext, third.location, third.time_of_day) == ("3", "INT", "咖啡馆", "DAY")
    kinds = [(e.type, e.text) for e in first.elements]
    assert ("parenthetical", "（細聲）") in kinds
    assert ("dialogue", "你食咗飯未呀？") in kinds
    assert ("action", "佢話：「唔該晒。」") in kinds
    assert ("transition", "切至：") in [(e.type, e.text) for e in second.elements]
    cue = next(e for e in first.elements if e.type == "character" and e.extension)
    assert (cue.character, cue.extension, cue.line) == ("阿輝", "畫外音", 8)


def test_big5_hkscs_text_script(tmp_path: Path) -> None:
    path = tmp_path / "big5.txt"
    path.write_bytes(CHINESE_WORD_SCRIPT.replace("内 咖啡馆", "內 咖啡館").encode("big5hkscs"))
    screenplay = load_screenplay(path)
    assert screenplay.encoding == "big5-hkscs"
    assert screenplay.scenes[0].characters == ["阿輝", "阿美"]
    dialogue = [e.text for e in screenplay.elements if e.type == "dialogue"]
    assert "今晚冇客㗎喇。" in dialogue  # 㗎 only exists in HKSCS


def test_indented_text_script(tmp_path: Path) -> None:
    path = tmp_path / "night.txt"
    path.write_text(INDENTED, encoding="utf-8")
    assert not reads_as_fountain(INDENTED)
    screenplay = load_screenplay(path)
    assert [(e.type, e.text) for e in screenplay.elements] == [
        ("transition", "FADE IN:"),
        ("scene_heading", "EXT. NATHAN ROAD - NIGHT"),
        ("action", "Neon signs buzz. A red TAXI crawls along the kerb."),
        ("character", "AH FAI"),
        ("parenthetical", "(to himself)"),
        ("dialogue", "Kwun Tong? It'll be dawn by then."),
        ("character", "DISPATCHER (V.O.)"),
        ("dialogue", "Anyone for Yau Ma Tei?"),
        ("action", "Ah Fai ignores it."),
        ("transition", "CUT TO:"),
        ("scene_heading", "INT. CHA CHAAN TENG - CONTINUOUS"),
        ("character", "AH MEI"),
        ("dialogue", "More tea?"),
    ]
    assert [s.time_of_day for s in screenplay.scenes] == ["NIGHT", "NIGHT"]


def test_txt_that_is_fountain_is_read_as_fountain(tmp_path: Path) -> None:
    text = "Title: 夜更\n\nINT. 茶餐廳 - NIGHT\n\n阿輝\n今晚冇客㗎喇。\n\n> 完 <\n"
    path = tmp_path / "script.txt"
    path.write_text(text, encoding="utf-8")
    assert reads_as_fountain(text)
    screenplay = load_screenplay(path)
    assert screenplay.title_page == {"title": "夜更"}
    assert [e.type for e in screenplay.elements] == ["scene_heading", "character", "dialogue", "centered"]


def _styled_document(path: Path) -> Path:
    document = docx.Document()
    for name in ("Scene Heading", "Action", "Character", "Dialogue", "Parenthetical", "Transition"):
        document.styles.add_style(name, 1)
    document.core_properties.title = "夜更 NIGHT SHIFT"
    document.add_paragraph("內景。茶餐廳 - 夜", style="Scene Heading")
    document.add_paragraph("阿輝坐喺卡位。細強喺門口。", style="Action")
    document.add_paragraph("阿輝 (V.O.)", style="Character")
    document.add_paragraph("（細聲）", style="Parenthetical")
    document.add_paragraph("今晚冇客㗎喇。", style="Dialogue")
    document.add_paragraph("你食咗飯未呀？", style="Dialogue")
    document.add_paragraph("切至：", style="Transition")
    document.add_paragraph("EXT. ROOFTOP - DAWN", style="Scene Heading")
    document.add_paragraph("KELVIN", style="Character")
    document.add_paragraph("Where's the USB?", style="Dialogue")
    document.save(str(path))
    return path


def test_styled_docx(tmp_path: Path) -> None:
    screenplay = load_screenplay(_styled_document(tmp_path / "styled.docx"))
    assert screenplay.format == "docx"
    assert screenplay.title == "夜更 NIGHT SHIFT"
    assert [(e.type, e.text) for e in screenplay.elements] == [
        ("scene_heading", "內景。茶餐廳 - 夜"),
        ("action", "阿輝坐喺卡位。細強喺門口。"),
        ("character", "阿輝 (V.O.)"),
        ("parenthetical", "（細聲）"),
        ("dialogue", "今晚冇客㗎喇。\n你食咗飯未呀？"),
        ("transition", "切至："),
        ("scene_heading", "EXT. ROOFTOP - DAWN"),
        ("character", "KELVIN"),
        ("dialogue", "Where's the USB?"),
    ]
    first, second = screenplay.scenes
    assert (first.characters, first.non_speaking) == (["阿輝"], [])
    assert (second.time_of_day, second.characters, second.line_start) == ("DAWN", ["KELVIN"], 8)


def test_plain_docx_with_indents_and_inline_dialogue(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("1. 內景 茶餐廳 夜")
    document.add_paragraph("阿輝坐喺卡位。")
    document.add_paragraph("阿輝：今晚冇客㗎喇。")
    document.add_paragraph("")
    document.add_paragraph("EXT. ROOFTOP - DAWN")
    document.add_paragraph("")
    for text, inches in (("KELVIN", 2.2), ("Where's the USB?", 1.0), ("", 0), ("AH MEI", 2.2)):
        document.add_paragraph(text).paragraph_format.left_indent = Inches(inches) if inches else None
    document.add_paragraph("(quietly)").paragraph_format.left_indent = Inches(1.5)
    document.add_paragraph("Gone.").paragraph_format.left_indent = Inches(1.0)
    document.add_paragraph("")
    document.add_paragraph("CUT TO:").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    path = tmp_path / "plain.docx"
    document.save(str(path))
    screenplay = load_screenplay(path)
    first, second = screenplay.scenes
    assert (first.number, first.heading, first.characters) == ("1", "內景 茶餐廳 夜", ["阿輝"])
    assert second.characters == ["KELVIN", "AH MEI"]
    assert ("parenthetical", "(quietly)") in [(e.type, e.text) for e in second.elements]
    assert second.elements[-1].type == "transition"
    assert looks_like_screenplay(path)


def test_docx_notes_are_not_a_screenplay(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("勘景報告 Recce report", level=1)
    document.add_paragraph("天台：有電梯，可以用發電機。Rooftop has lift access.")
    document.add_paragraph("茶餐廳：星期一休息。")
    path = tmp_path / "recce.docx"
    document.save(str(path))
    assert not looks_like_screenplay(path)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("阿輝：我哋走啦。", ("阿輝", None, "我哋走啦。")),
        ("劉督察（畫外音）：你喺邊？", ("劉督察（畫外音）", "畫外音", "你喺邊？")),
        ("JOHN: Hello there.", ("JOHN", None, "Hello there.")),
        ("時間：夜", None),
        ("人物：阿輝、阿美", None),
        ("佢話：「走啦。」", None),
        ("2:40 a.m. Neon signs buzz.", None),
        ("CUT TO: the harbour", None),
        ("Note: bring the USB", None),
    ],
)
def test_inline_dialogue(line: str, expected: tuple[str, str | None, str] | None) -> None:
    assert inline_dialogue(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("AH FAI", True),
        ("阿輝", True),
        ("阿美 (V.O.)", True),
        ("野生人類首領（續）", True),
        ("DISPATCHER (V.O.) (CONT'D)", True),
        ("Ah Fai ignores it.", False),
        ("佢哋終於走咗。", False),
        ("INT. HOUSE - DAY", False),
        ("CUT TO:", False),
    ],
)
def test_cue_like(line: str, expected: bool) -> None:
    assert is_cue_like(line) is expected
