"""The Final Draft reader: paragraph types, scene numbers and properties, dual dialogue, safety."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import EmptyInput, ParseError
from knowledge.fdx import fdx_elements, length_to_eighths, read_fdx
from knowledge.loader import load_screenplay

FDX = """<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<FinalDraft DocumentType="Script" Template="No" Version="5">
  <Content>
    <Paragraph Type="Scene Heading" Number="12A">
      <SceneProperties Length="1 3/8" Page="7" Title="">
        <Summary><Paragraph><Text>阿輝喺茶餐廳等細強。</Text></Paragraph></Summary>
        <SceneArcBeats><CharacterArcBeat Name="阿輝"><Paragraph Type="Action"><Text>not content</Text></Paragraph></CharacterArcBeat></SceneArcBeats>
      </SceneProperties>
      <Text>內景。茶餐廳 - 夜</Text>
    </Paragraph>
    <Paragraph Type="Action">
      <ScriptNote ID="1"><Paragraph><Text>Check the neon sign permit.</Text></Paragraph></ScriptNote>
      <Text Style="Bold">阿輝</Text><Text>坐喺卡位。細強喺門口。</Text>
    </Paragraph>
    <Paragraph Type="Character"><Text>阿輝 (V.O.)</Text></Paragraph>
    <Paragraph Type="Parenthetical"><Text>（細聲）</Text></Paragraph>
    <Paragraph Type="Dialogue"><Text>今晚冇客㗎喇。</Text></Paragraph>
    <Paragraph>
      <DualDialogue>
        <Paragraph Type="Character"><Text>阿美</Text></Paragraph>
        <Paragraph Type="Dialogue"><Text>走啦！</Text></Paragraph>
        <Paragraph Type="Character"><Text>KELVIN</Text></Paragraph>
        <Paragraph Type="Dialogue"><Text>Wait!</Text></Paragraph>
      </DualDialogue>
    </Paragraph>
    <Paragraph Type="Transition"><Text>切至：</Text></Paragraph>
    <Paragraph Type="Scene Heading" StartsNewPage="Yes"><Text>EXT. ROOFTOP - CONTINUOUS</Text></Paragraph>
    <Paragraph Type="Shot"><Text>ANGLE ON THE USB STICK</Text></Paragraph>
    <Paragraph Type="Character"><Text>細強 (CONT'D)</Text></Paragraph>
    <Paragraph Type="Dialogue"><Text>Line one
Line two</Text></Paragraph>
    <Paragraph Type="Cast List"><Text>阿輝, 阿美, 細強</Text></Paragraph>
  </Content>
  <TitlePage>
    <Content>
      <Paragraph Alignment="Center"><Text>夜更 NIGHT SHIFT</Text></Paragraph>
      <Paragraph Alignment="Center"><Text>Written by</Text></Paragraph>
      <Paragraph Alignment="Center"><Text>司徒慧兒</Text></Paragraph>
      <Paragraph Alignment="Left"><Text>旺角花園街 88 號</Text></Paragraph>
    </Content>
  </TitlePage>
</FinalDraft>
"""


def test_elements_and_title_page() -> None:
    title, elements, source = fdx_elements(FDX.encode("utf-8"))
    assert title == {
        "title": "夜更 NIGHT SHIFT",
        "credit": "Written by",
        "author": "司徒慧兒",
        "contact": "旺角花園街 88 號",
    }
    assert [(e.type, e.text) for e in elements] == [
        ("scene_heading", "內景。茶餐廳 - 夜"),
        ("synopsis", "阿輝喺茶餐廳等細強。"),
        ("action", "阿輝坐喺卡位。細強喺門口。"),
        ("note", "Check the neon sign permit."),
        ("character", "阿輝 (V.O.)"),
        ("parenthetical", "（細聲）"),
        ("dialogue", "今晚冇客㗎喇。"),
        ("character", "阿美"),
        ("dialogue", "走啦！"),
        ("character", "KELVIN"),
        ("dialogue", "Wait!"),
        ("transition", "切至："),
        ("page_break", ""),
        ("scene_heading", "EXT. ROOFTOP - CONTINUOUS"),
        ("action", "ANGLE ON THE USB STICK"),
        ("character", "細強 (CONT'D)"),
        ("dialogue", "Line one\nLine two"),
        ("note", "阿輝, 阿美, 細強"),
    ]
    heading = elements[0]
    assert (heading.scene_number, heading.length_eighths, heading.page_label) == ("12A", 11, "7")
    assert [e.dual for e in elements[7:11]] == ["left", "left", "right", "right"]
    assert elements[6].character == "阿輝"
    assert [e.line for e in elements[:3]] == [1, 2, 3]
    assert source[0] == "內景。茶餐廳 - 夜"


def test_scenes_use_fdx_length_and_page(tmp_path: Path) -> None:
    path = tmp_path / "night.fdx"
    path.write_text(FDX, encoding="utf-8")
    screenplay = load_screenplay(path)
    first, second = screenplay.scenes
    assert (first.number, first.eighths, first.pages_text, first.page) == ("12A", 11, "1 3/8", 7)
    assert (first.location, first.time_of_day, first.synopsis) == ("茶餐廳", "NIGHT", "阿輝喺茶餐廳等細強。")
    assert first.characters == ["阿輝", "阿美", "KELVIN"]
    assert (second.number, second.time_of_day) == ("13", "NIGHT")
    assert second.characters == ["細強"]
    assert screenplay.format == "fdx"
    assert screenplay.encoding == "utf-8"
    assert screenplay.title == "夜更 NIGHT SHIFT"


@pytest.mark.parametrize(("text", "eighths"), [("1 3/8", 11), ("3/8", 3), ("2", 16), ("", None), ("x", None)])
def test_length_to_eighths(text: str, eighths: int | None) -> None:
    assert length_to_eighths(text) == eighths


def test_refuses_dtd_and_entities(tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        "<FinalDraft><Content><Paragraph Type='Action'><Text>&lol2;</Text></Paragraph></Content></FinalDraft>"
    )
    path = tmp_path / "bomb.fdx"
    path.write_text(bomb, encoding="utf-8")
    with pytest.raises(ParseError, match="DTD"):
        read_fdx(path)


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.fdx"
    path.write_text(
        '<?xml version="1.0"?>\n<FinalDraft>\n<Content>\n<Paragraph Type="Action">\n</FinalDraft>\n'
    )
    with pytest.raises(ParseError) as info:
        read_fdx(path)
    assert info.value.file == str(path)
    assert info.value.line == 5


def test_not_final_draft_and_empty(tmp_path: Path) -> None:
    other = tmp_path / "other.fdx"
    other.write_text("<html><body>hi</body></html>")
    with pytest.raises(ParseError, match="Final Draft"):
        read_fdx(other)
    empty = tmp_path / "empty.fdx"
    empty.write_bytes(b"")
    with pytest.raises(EmptyInput):
        read_fdx(empty)


@pytest.mark.parametrize(
    ("fdx", "fountain"),
    [
        ("fdx/screenplay-tools_TestFDX-FD.finaldraft.fdx", "fdx/screenplay-tools_TestFDX-FD.fountain"),
        ("fdx/screenplay-tools_TestFDX-FI.fadein.fdx", "fdx/screenplay-tools_TestFDX-FI.fountain"),
        ("fdx/Brick-and-Steel.screenplain.fdx", "screenplays/fountain/samples/Brick-and-Steel.fountain"),
        (
            "fdx/The-Last-Birthday-Card.screenplain.fdx",
            "screenplays/fountain/samples/The-Last-Birthday-Card.fountain",
        ),
    ],
)
def test_real_exports_match_their_fountain_twins(corpus: Path, fdx: str, fountain: str) -> None:
    """Final Draft and Fade In exports (and screenplain's): same scenes, headings and speakers."""
    from_fdx = load_screenplay(corpus / fdx)
    from_fountain = load_screenplay(corpus / fountain)
    assert len(from_fdx.scenes) == len(from_fountain.scenes)
    assert [s.heading for s in from_fdx.scenes] == [s.heading for s in from_fountain.scenes]
    assert [s.characters for s in from_fdx.scenes] == [s.characters for s in from_fountain.scenes]
    assert [s.number for s in from_fdx.scenes] == [s.number for s in from_fountain.scenes]


def test_final_draft_scene_properties(corpus: Path) -> None:
    screenplay = load_screenplay(corpus / "fdx/screenplay-tools_TestFDX-FD.finaldraft.fdx")
    assert [(s.number, s.eighths, s.page) for s in screenplay.scenes] == [("1", 3, 1), ("2", 2, 1)]
    assert screenplay.title_page["title"] == "FDX Test Script"
    assert screenplay.scenes[0].characters == ["DJ", "DAVE", "JIM"]
