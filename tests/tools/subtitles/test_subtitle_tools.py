"""Registered subtitle tools: names, file resolution, artifacts, translation with a scripted writer."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import ModelError, NotFound, SlateError, SubtitleError
from knowledge.cast_list import CastMember
from knowledge.production import Production
from knowledge.subtitle_file import Cue, read_subtitle_file
from tools.registry import all_tools, get_tool
from tools.subtitles.models import SubtitleOutput, SubtitleReport
from tools.subtitles.translate import glossary_from_cast, translate_texts

ZH = (
    "1\n00:00:01,000 --> 00:00:03,000\n劉督察，你食咗饭未呀？\n\n2\n00:00:04,000 --> 00:00:06,000\n食咗喇。\n"
)
EN = "1\n00:00:01,100 --> 00:00:03,100\nInspector Lau, have you eaten?\n\n2\n00:00:04,100 --> 00:00:06,000\nYes.\n"

NAMES = {
    "check_subtitles",
    "fix_subtitles",
    "convert_subtitle_script",
    "merge_subtitles",
    "shift_subtitles",
    "translate_subtitles",
}


class ScriptedWriter:
    """A TextWriter that answers from a list and fails on an unexpected extra call."""

    name = "scripted"

    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.prompts: list[tuple[str, str]] = []

    def complete(self, system: str, prompt: str, *, max_tokens: int = 1024) -> str:
        assert self.answers, "unexpected extra model call"
        self.prompts.append((system, prompt))
        return self.answers.pop(0)


def production(tmp_path: Path, *files: str, writer: ScriptedWriter | None = None) -> Production:
    paths = []
    for name in files:
        path = tmp_path / name
        path.write_text(ZH if "zh" in name else EN, encoding="utf-8")
        paths.append(path)
    cast = [CastMember(id="INSPECTOR LAU", names=["劉督察", "劉Sir", "Inspector Lau"])]
    return Production(
        name="night-shift", subtitle_paths=paths, project_dir=tmp_path / "project", cast=cast, writer=writer
    )


def test_registry_names_and_descriptions() -> None:
    tools = all_tools()
    assert set(tools) >= NAMES
    for name in NAMES:
        assert tools[name].description and tools[name].func.__name__ == name


def test_check_resolves_the_only_file(tmp_path: Path) -> None:
    prod = production(tmp_path, "reel2.zh.srt")
    report = get_tool("check_subtitles")(prod)
    assert isinstance(report, SubtitleReport)
    assert report.kind == "subtitle_report" and report.file == "reel2.zh.srt"
    assert report.profile == "netflix-zh-hant"
    assert "mixed_script" in {i.code for i in report.issues}
    assert report.sources[0].file == "reel2.zh.srt"


def test_names_are_required_when_there_are_several(tmp_path: Path) -> None:
    prod = production(tmp_path, "reel2.zh.srt", "reel2.en.srt")
    with pytest.raises(NotFound) as info:
        get_tool("check_subtitles")(prod)
    assert "reel2.en.srt" in info.value.nearest
    report = get_tool("check_subtitles")(prod, file="reel2.en")
    assert report.profile == "netflix-en"
    with pytest.raises(NotFound):
        get_tool("check_subtitles")(prod, file="reel9.srt")


def test_no_subtitle_files(tmp_path: Path) -> None:
    with pytest.raises(SlateError, match="no subtitle files"):
        get_tool("check_subtitles")(Production(name="empty"))


def test_convert_script_writes_into_the_output_folder(tmp_path: Path) -> None:
    prod = production(tmp_path, "reel2.zh.srt")
    result = get_tool("convert_subtitle_script")(prod, to_script="zh-Hant-HK")
    assert isinstance(result, SubtitleOutput) and result.kind == "subtitles"
    out = Path(result.files[0])
    assert out.parent == prod.output_dir and out.name == "reel2.zh.zh-Hant-HK.srt"
    assert read_subtitle_file(out).cues[0].text == "劉督察，你食咗飯未呀？"


def test_fix_and_shift(tmp_path: Path) -> None:
    prod = production(tmp_path, "reel2.en.srt")
    fixed = get_tool("fix_subtitles")(prod)
    assert Path(fixed.files[0]).exists() and fixed.operation == "fix"
    shifted = get_tool("shift_subtitles")(prod, by="-0.5s")
    assert read_subtitle_file(shifted.files[0]).cues[0].start_ms == 600


def test_merge_guesses_which_track_is_chinese(tmp_path: Path) -> None:
    prod = production(tmp_path, "reel2.en.srt", "reel2.zh.srt")
    result = get_tool("merge_subtitles")(prod)
    cues = read_subtitle_file(result.files[0]).cues
    assert cues[0].text.startswith("劉督察") and cues[0].text.endswith("have you eaten?")
    assert result.input == "reel2.zh.srt + reel2.en.srt"


def test_translate_offline_says_it_needs_a_model(tmp_path: Path) -> None:
    prod = production(tmp_path, "reel2.zh.srt")
    with pytest.raises(SubtitleError, match="needs a connected language model"):
        get_tool("translate_subtitles")(prod)


def test_translate_with_glossary_and_context(tmp_path: Path) -> None:
    writer = ScriptedWriter(["1: Inspector Lau, have you eaten?\n2: Yes."])
    prod = production(tmp_path, "reel2.zh.srt", writer=writer)
    result = get_tool("translate_subtitles")(prod)
    system, prompt = writer.prompts[0]
    assert "INSPECTOR LAU = 劉督察 = 劉Sir = Inspector Lau" in prompt
    assert "1: 劉督察，你食咗饭未呀？" in prompt and "one line per numbered subtitle" in system
    cues = read_subtitle_file(result.files[0]).cues
    assert [c.text for c in cues] == [
        "劉督察，你食咗饭未呀？\nInspector Lau, have you eaten?",
        "食咗喇。\nYes.",
    ]


def test_translate_retries_once_then_refuses_misaligned_answers() -> None:
    cues = [Cue(1, 0, 1000, "你好", "你好"), Cue(2, 1000, 2000, "再見", "再見")]
    writer = ScriptedWriter(["1: Hello", "1: Hello\n2: Goodbye"])
    assert translate_texts(cues, writer, target="en") == ["Hello", "Goodbye"]
    bad = ScriptedWriter(["1: Hello", "Hello and goodbye"])
    with pytest.raises(ModelError):
        translate_texts(cues, bad, target="en")


def test_translate_batches_carry_context() -> None:
    cues = [Cue(i, i * 1000, i * 1000 + 900, f"第{i}句", f"第{i}句") for i in range(1, 6)]
    writer = ScriptedWriter(["1: one\n2: two\n3: three", "4: four\n5: five"])
    assert translate_texts(cues, writer, target="en", batch_size=3, context=1) == [
        "one",
        "two",
        "three",
        "four",
        "five",
    ]
    second = writer.prompts[1][1]
    assert "Context before (do not translate):\n- 第3句" in second and "4: 第4句" in second


def test_glossary_from_cast() -> None:
    cast = [CastMember(id="AH MAY", names=["阿May", "May"]), CastMember(id="LAU")]
    assert glossary_from_cast(cast) == ["AH MAY = 阿May = May", "LAU"]
