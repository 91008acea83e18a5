"""Styling through read → fix/shift/convert → write; house profiles; the no-text-lost property over
styled, dialogue and CJK cues."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import InputFileError, NotFound, SlateError
from knowledge.subtitle_file import SubtitleDocument, read_subtitle_file, read_subtitle_text
from slate.cli import main
from tests.conftest import CORPUS
from tests.knowledge.test_subtitle_corpus import FOLDER_FORMAT, REFUSED, corpus_files
from tools.subtitles.checks import check_document
from tools.subtitles.dialogue import strip_turn_dashes
from tools.subtitles.fixes import fix_cues
from tools.subtitles.operations import convert_file, fix_file, shift_file
from tools.subtitles.profiles import NETFLIX_EN, NETFLIX_ZH_HANT, get_profile, load_profile
from tools.subtitles.text import squash

EXTENSION = {"srt": ".srt", "vtt": ".vtt", "ass": ".ass", "ssa": ".ssa"}

STYLED_SRT = """1
00:00:01,000 --> 00:00:03,000
{\\an8}<b>Bold</b> and <font color="#ffff00">yellow</font>

2
00:00:04,000 --> 00:00:06,000
<i>Italic</i> <u>under</u> <s>struck</s>

3
00:00:07,000 --> 00:00:09,000
I told the driver that the van should wait outside the <b>old police station</b>.
"""

STYLED_VTT = """WEBVTT

STYLE
::cue(.yellow) { color: yellow }

intro
00:00:01.000 --> 00:00:03.000 line:0 align:start
<v Bob>Hello</v> <c.yellow>there</c>

00:00:04.000 --> 00:00:06.000
<i>Plain</i> &amp; simple
"""


# --- SRT and WebVTT keep everything through every operation -----------------------------------------


def test_shift_keeps_bold_font_and_position_on_every_cue(tmp_path: Path) -> None:
    source = tmp_path / "styled.srt"
    source.write_text(STYLED_SRT, encoding="utf-8")
    result = shift_file(source, tmp_path / "out.srt", by="1s")
    text = (tmp_path / "out.srt").read_text(encoding="utf-8")
    assert '{\\an8}<b>Bold</b> and <font color="#ffff00">yellow</font>' in text
    assert "<i>Italic</i> <u>under</u> <s>struck</s>" in text
    assert "00:00:02,000 --> 00:00:04,000" in text
    assert result.dropped == []


def test_fix_rebreaks_inside_styling_and_keeps_it(tmp_path: Path) -> None:
    source = tmp_path / "styled.srt"
    source.write_text(STYLED_SRT, encoding="utf-8")
    fix_file(source, tmp_path / "out.srt", profile="netflix-en")
    cues = read_subtitle_file(tmp_path / "out.srt").cues
    assert cues[2].raw == "I told the driver that the van should wait\noutside the <b>old police station</b>."
    assert cues[0].raw.startswith("{\\an8}<b>Bold</b>")


def test_vtt_keeps_header_identifiers_settings_voice_and_class(tmp_path: Path) -> None:
    source = tmp_path / "styled.vtt"
    source.write_text(STYLED_VTT, encoding="utf-8")
    shift_file(source, tmp_path / "out.vtt", by="0s")
    assert (tmp_path / "out.vtt").read_text(encoding="utf-8") == STYLED_VTT.replace("simple\n", "simple\n\n")


def test_vtt_to_srt_reports_what_srt_cannot_carry(tmp_path: Path) -> None:
    source = tmp_path / "styled.vtt"
    source.write_text(STYLED_VTT, encoding="utf-8")
    result = convert_file(source, tmp_path / "out.srt")
    text = (tmp_path / "out.srt").read_text(encoding="utf-8")
    assert "{\\an8}Hello there" in text and "<i>Plain</i> & simple" in text  # SRT has no entities
    assert any(line.startswith("WebVTT voice spans <v>: cue 1") for line in result.dropped)
    assert any(line.startswith("WebVTT class spans <c>: cue 1") for line in result.dropped)
    assert any("cue settings (align)" in line for line in result.dropped)
    assert "dropped" in result.summary()


def test_srt_to_ass_carries_colour_bold_and_position(tmp_path: Path) -> None:
    source = tmp_path / "styled.srt"
    source.write_text(STYLED_SRT, encoding="utf-8")
    result = convert_file(source, tmp_path / "out.ass")
    events = read_subtitle_file(tmp_path / "out.ass").source.events
    assert events[0].text == "{\\an8}{\\b1}Bold{\\b0} and {\\c&H00FFFF&}yellow{\\c}"
    assert result.dropped == []


def test_script_conversion_keeps_markup_character_for_character(tmp_path: Path) -> None:
    source = tmp_path / "zh.srt"
    source.write_text("1\n00:00:01,000 --> 00:00:03,000\n<i>这是</i>我们的<b>车</b>。\n", encoding="utf-8")
    convert_file(source, tmp_path / "out.srt", to_script="zh-Hant-HK")
    assert read_subtitle_file(tmp_path / "out.srt").cues[0].raw == "<i>這是</i>我們的<b>車</b>。"


def test_split_parts_keep_the_styling_around_the_whole_cue(tmp_path: Path) -> None:
    text = "<i>We wait here until the rain stops. Then we carry everything up to the roof.</i>"
    source = tmp_path / "long.srt"
    source.write_text(f"1\n00:00:01,000 --> 00:00:10,000\n{text}\n", encoding="utf-8")
    fix_file(source, tmp_path / "out.srt", profile="netflix-en")
    raws = [c.raw for c in read_subtitle_file(tmp_path / "out.srt").cues]
    assert len(raws) == 2 and all(r.startswith("<i>") and r.endswith("</i>") for r in raws)


def test_splitting_dialogue_says_so_in_the_change_list(tmp_path: Path) -> None:
    source = tmp_path / "dlg.srt"
    source.write_text(
        "1\n00:00:01,000 --> 00:00:05,000\n- Seriously, though. Are you being bullied? - Nope.\n",
        encoding="utf-8",
    )
    result = fix_file(source, tmp_path / "out.srt", profile="netflix-en")
    assert [c.text for c in read_subtitle_file(tmp_path / "out.srt").cues] == [
        "Seriously, though. Are you being bullied?",
        "Nope.",
    ]
    assert "dialogue events split by speaker: 1" in result.changes
    assert "dialogue dashes removed from one-speaker parts: 2" in result.changes


# --- every styled corpus file round-trips through `slate subs shift --by 0s` ------------------------


def _corpus_format(path: Path) -> str | None:
    return FOLDER_FORMAT.get(path.parent.name) if "androidx-media" in str(path) else None


def _styled(doc: SubtitleDocument) -> bool:
    if doc.format in ("srt", "vtt"):
        return any(re.search(r"<[a-zA-Z/][^>]*>|\{\\", c.raw) or c.settings for c in doc.cues)
    if doc.format in ("ass", "ssa"):
        return any("{" in event.text for event in doc.source.events)
    return False


def _styling(doc: SubtitleDocument) -> list[object]:
    if doc.format in ("srt", "vtt"):
        return [(" ".join(c.raw.split()), c.settings) for c in doc.cues]
    return [event.text for event in doc.source.events]


def styled_corpus_files() -> list[Path]:
    found = []
    for path in corpus_files():
        if str(path.relative_to(CORPUS)) in REFUSED:  # type: ignore[arg-type]
            continue
        try:
            doc = read_subtitle_file(path, format=_corpus_format(path))
        except SlateError:
            continue
        if doc.format in EXTENSION and _styled(doc):
            found.append(path)
    return found


def test_every_styled_corpus_file_round_trips_through_shift(tmp_path: Path, corpus: Path) -> None:
    files = styled_corpus_files()
    assert len(files) >= 150  # 159 when written: SRT, WebVTT, ASS and SSA with tags, settings or overrides
    intact, reported, broken = [], [], []
    for n, path in enumerate(files):
        doc = read_subtitle_file(path, format=_corpus_format(path))
        source = path
        if not path.suffix:  # androidx-media fixtures have no extension
            source = tmp_path / f"in{n}{EXTENSION[doc.format]}"
            source.write_bytes(path.read_bytes())
        out = tmp_path / f"out{n}{EXTENSION[doc.format]}"
        code = main(["subs", "shift", str(source), "--by", "0s", "-o", str(out), "--json"])
        assert code == 0, path
        back = read_subtitle_file(out)
        if _styling(back) == _styling(doc):
            intact.append(path)
        elif shift_file(source, tmp_path / "again" / out.name, by="0s").dropped:
            reported.append(path)
        else:
            broken.append(str(path.relative_to(corpus)))
    assert broken == []
    assert len(intact) + len(reported) == len(files)
    assert len(intact) == len(files)  # same format in and out: nothing is forced out


# --- house profiles ------------------------------------------------------------------------------------


def test_yaml_profile_extends_a_builtin_and_overrides_limits(tmp_path: Path) -> None:
    (tmp_path / "tvb.yaml").write_text(
        "name: tvb-drama\nextends: hk-bilingual\nmin_duration_ms: 1000\nmin_gap_frames: 3\n"
        "join_short_lines: false\nlanguages:\n  zh: {max_line_length: 14, max_cps: 8}\n",
        encoding="utf-8",
    )
    profile = get_profile("tvb", (tmp_path,))
    assert profile.name == "tvb-drama" and profile.bilingual
    assert profile.min_duration_ms == 1000 and profile.min_gap_frames == 3 and not profile.join_short_lines
    assert profile.languages["zh"].max_line_length == 14 and profile.languages["zh"].max_cps == 8
    assert profile.languages["zh"].max_lines == 1  # inherited
    assert profile.languages["en"].max_line_length == 42
    assert "tvb.yaml" in profile.source and "extends hk-bilingual" in profile.source


def test_yaml_profile_can_extend_another_file(tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text("extends: netflix-en\nmax_duration_ms: 6000\n", encoding="utf-8")
    (tmp_path / "kids.yaml").write_text("extends: base\nlanguages:\n  en: {max_cps: 17}\n", encoding="utf-8")
    profile = load_profile(tmp_path / "kids.yaml")
    assert profile.max_duration_ms == 6000 and profile.languages["en"].max_cps == 17


@pytest.mark.parametrize(
    "body, error",
    [
        ("extends: netflix-en\nmax_cps: 17\n", InputFileError),  # a language limit at the top level
        ("extends: netflix-en\nmin_gap_frames: -1\n", InputFileError),
        ("extends: bbc\n", NotFound),
        ("- a list\n", InputFileError),
        ("extends: netflix-en\nlanguages:\n  fr: {max_cps: 12}\n", InputFileError),
    ],
)
def test_bad_profiles_are_refused_with_the_file(tmp_path: Path, body: str, error: type) -> None:
    (tmp_path / "bad.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(error):
        load_profile(tmp_path / "bad.yaml")


def test_report_names_the_profile_and_its_source(tmp_path: Path) -> None:
    (tmp_path / "house.yaml").write_text("extends: netflix-en\nlanguages:\n  en: {max_line_length: 30}\n")
    doc = read_subtitle_text(
        "1\n00:00:01,000 --> 00:00:04,000\nThis line has thirty-five chars ok.\n", name="a.srt"
    )
    report = check_document(doc, str(tmp_path / "house.yaml"))
    assert report.profile == "house" and "house.yaml" in report.profile_source
    assert [i.code for i in report.issues] == ["line_too_long"]
    assert "house.yaml" in report.summary()


def test_cli_takes_a_house_profile_by_name_from_slate_home(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    (home / "profiles").mkdir(parents=True)
    (home / "profiles" / "strict.yaml").write_text(
        "extends: netflix-en\nlanguages:\n  en: {max_line_length: 20}\n"
    )
    monkeypatch.setenv("SLATE_HOME", str(home))
    source = tmp_path / "a.srt"
    source.write_text("1\n00:00:01,000 --> 00:00:04,000\nTwenty-five characters ok\n", encoding="utf-8")
    assert main(["subs", "check", str(source), "--profile", "strict", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"profile": "strict"' in out and "line_too_long" in out
    assert main(["subs", "check", str(source), "--profile", "nope"]) == 2


def test_registered_tools_take_any_profile_name() -> None:
    from tools.subtitles.tools import check_subtitles, fix_subtitles

    for tool in (check_subtitles, fix_subtitles):
        assert tool.__annotations__["profile"] in ("str | None", str | None)


# --- the property: no text lost over styled, dialogue and CJK cues -----------------------------------

PIECES = st.sampled_from(
    [
        "the", "roof", "Peter", "Chan", "and", "rain,", "night.", "go!", "<i>quiet</i>", "<b>now</b>",
        '<font color="#ffff00">there</font>', "-Are", "you?", "- Nope.", "－好。", "你哋", "食咗飯",
        "未呀？", "<i>天台</i>", "劉督察", "⋯", "“走啦”", "—", "{\\an8}Top",
    ]
)  # fmt: skip


@st.composite
def styled_srt(draw: st.DrawFn) -> str:
    blocks, clock = [], 0
    for i in range(1, draw(st.integers(min_value=1, max_value=8)) + 1):
        clock += draw(st.integers(min_value=0, max_value=3000))
        duration = draw(st.integers(min_value=100, max_value=11000))
        words = draw(st.lists(PIECES, min_size=1, max_size=25))
        text = " ".join(words)
        if draw(st.booleans()):
            text = text.replace(" ", "\n", 1)
        if draw(st.booleans()):
            text = "-" + text.replace("\n", "\n-", 1) if "\n" in text else text
        start, end = clock, clock + duration
        blocks.append(f"{i}\n{_tc(start)} --> {_tc(end)}\n{text}\n")
    return "\n".join(blocks)


def _tc(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=styled_srt(), profile=st.sampled_from(["netflix-en", "netflix-zh-hant", "hk-bilingual"]))
def test_fix_loses_no_text_or_styling_over_styled_dialogue_and_cjk(
    tmp_path: Path, text: str, profile: str
) -> None:
    source = tmp_path / "in.srt"
    source.write_text(text, encoding="utf-8")
    doc = read_subtitle_file(source)
    outcome = fix_cues(doc.cues, get_profile(profile), 24.0)
    result = fix_file(source, tmp_path / "out.srt", profile=profile)
    back = read_subtitle_file(tmp_path / "out.srt")
    split = any(x.startswith("dialogue dashes removed") for x in result.changes)
    before = "".join(c.text for c in doc.cues)
    after = "".join(c.text for c in back.cues)
    if split:
        before, after = strip_turn_dashes(before), strip_turn_dashes(after)
    assert squash(before.replace("-", "").replace("－", "")) == squash(
        after.replace("-", "").replace("－", "")
    )
    assert squash("".join(c.text for c in outcome.cues)) == squash("".join(c.text for c in back.cues))
    # every tag of a cue that was not split comes back
    tags_in = sorted(re.findall(r"<[^>]+>|\{\\an8\}", "".join(c.raw for c in doc.cues)))
    tags_out = sorted(re.findall(r"<[^>]+>|\{\\an8\}", "".join(c.raw for c in back.cues)))
    if not any("split" in x for x in result.changes) and not result.dropped:
        assert tags_out == tags_in


def test_zh_hant_profile_and_en_profile_are_the_builtins() -> None:
    assert get_profile("netflix-en") is NETFLIX_EN and get_profile("NETFLIX-ZH-HANT") is NETFLIX_ZH_HANT
