"""Reading subtitle files: formats, encodings, damaged input, timecodes."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import DecodeError, EmptyInput, InputFileError, ParseError, SubtitleError, UnsupportedFormat
from knowledge.subtitle_file import (
    Cue,
    SubtitleDocument,
    format_timecode,
    parse_timecode,
    read_subtitle_file,
    read_subtitle_text,
)

CANTONESE_SRT = """1
00:00:01,000 --> 00:00:03,000
你哋食咗飯未呀？
Have you eaten yet?

2
00:00:03,500 --> 00:00:05,000
<i>佢喺度㗎。</i>
He's here.
"""


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- timecodes -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ms"),
    [
        ("01:02:03,400", 3_723_400),
        ("01:02:03.400", 3_723_400),
        ("02:03.4", 123_400),
        ("-1.5s", -1500),
        ("1500ms", 1500),
        ("+2s", 2000),
        ("1.25", 1250),
        ("00:00:00,001", 1),
        ("2m", 120_000),
    ],
)
def test_parse_timecode(text: str, ms: int) -> None:
    assert parse_timecode(text) == ms


@pytest.mark.parametrize("text", ["", "abc", "1:75:00", "12:3x", "--1s"])
def test_parse_timecode_rejects_garbage_with_the_value(text: str) -> None:
    with pytest.raises(SubtitleError) as info:
        parse_timecode(text)
    assert info.value.value == text


def test_format_timecode_round_trips() -> None:
    for ms in (0, 1, 999, 61_001, 3_723_400, 360_000_000):
        assert parse_timecode(format_timecode(ms)) == ms
    assert format_timecode(3_723_400) == "01:02:03,400"


# --- formats and encodings -------------------------------------------------------------------------


def test_reads_srt_with_cantonese_and_tags(tmp_path: Path) -> None:
    doc = read_subtitle_file(write(tmp_path, "a.srt", CANTONESE_SRT))
    assert isinstance(doc, SubtitleDocument)
    assert (doc.format, doc.encoding, doc.problems) == ("srt", "utf-8", [])
    assert doc.cues[0] == Cue(1, 1000, 3000, "你哋食咗飯未呀？\nHave you eaten yet?", doc.cues[0].raw, line=1)
    assert doc.cues[1].text == "佢喺度㗎。\nHe's here."
    assert doc.cues[1].raw == "<i>佢喺度㗎。</i>\nHe's here."
    assert doc.cues[1].line == 6
    assert len(doc.source.events) == len(doc.cues)
    assert doc.source.events[1].text.startswith("{\\i1}")


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [
        ("big5hkscs", "big5-hkscs"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16", "utf-16"),
        ("utf-8-sig", "utf-8-sig"),
        ("gb18030", "gb18030"),
    ],
)
def test_encodings(tmp_path: Path, encoding: str, reported: str) -> None:
    text = CANTONESE_SRT.replace("\n", "\r\n")
    if encoding == "gb18030":
        text = text.replace(
            "㗎", ""
        )  # not in GB18030's common range for detection; keep the test about decoding
    doc = read_subtitle_file(write(tmp_path, "a.srt", text.encode(encoding)))
    assert doc.encoding == reported
    assert doc.cues[0].text.startswith("你哋食咗飯未呀")
    assert len(doc.cues) == 2


def test_big5_hkscs_keeps_cantonese_characters(tmp_path: Path) -> None:
    data = CANTONESE_SRT.encode("big5hkscs")
    doc = read_subtitle_file(write(tmp_path, "hk.srt", data))
    assert doc.encoding == "big5-hkscs"
    assert "㗎" in doc.cues[1].text and "哋" in doc.cues[0].text


def test_vtt_with_header_notes_styles_and_identifiers(tmp_path: Path) -> None:
    text = (
        "WEBVTT - a title\n\nSTYLE\n::cue { color: yellow }\n\nNOTE a comment\n\n"
        "intro\n00:01.000 --> 00:02.500 line:90%\n<v 阿明>喂，<b>你好</b>！</v>\n\n"
        "00:03.000 --> 00:04.000\nA &amp; B\n"
    )
    doc = read_subtitle_file(write(tmp_path, "a.vtt", text))
    assert doc.format == "vtt" and doc.problems == []
    assert [(c.start_ms, c.end_ms, c.text) for c in doc.cues] == [
        (1000, 2500, "喂，你好！"),
        (3000, 4000, "A & B"),
    ]
    assert doc.cues[0].raw == "<v 阿明>喂，<b>你好</b>！</v>"


def test_ass_with_its_own_format_line(tmp_path: Path) -> None:
    text = (
        "[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontsize, Italic\n"
        "Style: Chinese,48,0\n\n[Events]\nFormat: Start, End, Style, Text\n"
        "Dialogue: 0:00:01.00,0:00:02.50,Chinese,{\\an8}早晨，阿May。\\N早晨。\n"
        "Comment: 0:00:03.00,0:00:04.00,Chinese,not on screen\n"
    )
    doc = read_subtitle_file(write(tmp_path, "a.ass", text))
    assert doc.format == "ass"
    assert [(c.start_ms, c.end_ms, c.text, c.style, c.line) for c in doc.cues] == [
        (1000, 2500, "早晨，阿May。\n早晨。", "Chinese", 10)
    ]
    assert len(doc.extra_events) == 1
    assert doc.source.styles["Chinese"].fontsize == 48


def test_ttml_ticks_frames_and_relative_times(tmp_path: Path) -> None:
    text = """<?xml version="1.0" encoding="utf-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter"
    ttp:frameRate="25" ttp:tickRate="10000000">
  <body><div begin="10s">
    <p begin="1s" end="2s">一<br/>二</p>
    <p begin="75f" dur="1s"><span tts:fontStyle="italic">three</span></p>
    <p begin="40000000t" end="50000000t">four</p>
  </div></body>
</tt>"""
    doc = read_subtitle_file(write(tmp_path, "a.ttml", text))
    assert [(c.start_ms, c.end_ms, c.text) for c in doc.cues] == [
        (11000, 12000, "一\n二"),
        (13000, 14000, "three"),
        (14000, 15000, "four"),
    ]
    assert doc.fps == 25
    assert doc.cues[0].line == 5


def test_microdvd_needs_a_frame_rate(tmp_path: Path) -> None:
    path = write(tmp_path, "a.sub", "{25}{50}Hello|world\n")
    with pytest.raises(SubtitleError, match="frame rate"):
        read_subtitle_file(path)
    doc = read_subtitle_file(path, fps=25)
    assert (doc.format, doc.cues[0].start_ms, doc.cues[0].text) == ("microdvd", 1000, "Hello\nworld")


def test_forced_format_and_unknown_format(tmp_path: Path) -> None:
    path = write(tmp_path, "noext", CANTONESE_SRT)
    assert read_subtitle_file(path, format="subrip").format == "srt"
    with pytest.raises(UnsupportedFormat):
        read_subtitle_file(path, format="docx")


def test_read_subtitle_text_in_memory() -> None:
    doc = read_subtitle_text(CANTONESE_SRT, name="mem.srt")
    assert len(doc.cues) == 2 and doc.file == "mem.srt"


# --- damage ----------------------------------------------------------------------------------------

DAMAGED = """1
00:00:01,000 --> 00:00:02,000
First.

00:00:02,500 --> 00:00:03,000
No number.

3
00:00:04,000 --> 00:00:0X,000
Broken end.

4
Lost its timing line.

5
00:00:09,000 --> 00:00:10,000
Fifth.

Text after a stray blank line.


6
00:00:11,000 --> 00:00:12,000
Sixth.

7
"""


def test_damaged_srt_keeps_every_cue_and_reports_each_problem(tmp_path: Path) -> None:
    doc = read_subtitle_file(write(tmp_path, "bad.srt", DAMAGED))
    texts = [c.text for c in doc.cues]
    assert texts == [
        "First.",
        "No number.",
        "Broken end.",
        "Lost its timing line.",
        "Fifth.\nText after a stray blank line.",
        "Sixth.",
    ]
    found = {(p.code, p.line, p.cue) for p in doc.problems}
    assert ("missing_index", 5, 2) in found
    assert ("bad_timestamp", 9, 3) in found
    assert ("bad_timestamp", 12, 4) in found
    assert ("blank_lines", 19, 5) in found
    assert ("unexpected_end", 26, None) in found or ("unexpected_end", 26, 6) in found
    # timings that could not be read are estimated between the neighbours, in order
    starts = [c.start_ms for c in doc.cues]
    assert starts == sorted(starts)
    assert doc.cues[3].start_ms >= doc.cues[2].start_ms and doc.cues[3].end_ms <= 9000


def test_lenient_timestamps_are_read_and_reported(tmp_path: Path) -> None:
    text = "1\n00:00:013,567 --> 00:00:14,9\nA\n\n2\n-00:00:02,000 --> 00:00:20,000\nB\n"
    doc = read_subtitle_file(write(tmp_path, "a.srt", text))
    assert [(c.start_ms, c.end_ms) for c in doc.cues] == [(13567, 14900), (0, 20000)]
    assert [p.code for p in doc.problems] == ["bad_timestamp", "bad_timestamp"]
    assert "negative" in doc.problems[1].message


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("empty.srt", b"", EmptyInput),
        ("notes.srt", "Just some notes\nabout the film\n", ParseError),
        ("a.scc", "Scenarist_SCC V1.0\n", UnsupportedFormat),
        (
            "bad.ttml",
            '<tt xmlns="http://www.w3.org/ns/ttml"><body><p begin="1s" begin="2s">x</p></body></tt>',
            ParseError,
        ),
        ("binary.srt", b"\x00\x01\x02\x03" * 50, InputFileError),
    ],
)
def test_unreadable_files_raise_located_errors(
    tmp_path: Path, name: str, data: bytes | str, error: type
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(error) as info:
        read_subtitle_file(path)
    assert info.value.file == str(path)


def test_missing_file() -> None:
    with pytest.raises(DecodeError):
        read_subtitle_file("/nonexistent/x.srt")


def test_xml_error_has_a_line(tmp_path: Path) -> None:
    path = write(
        tmp_path, "bad.ttml", '<tt xmlns="http://www.w3.org/ns/ttml">\n<body>\n<p begin="1s" begin="2s">x</p>'
    )
    with pytest.raises(ParseError) as info:
        read_subtitle_file(path)
    assert info.value.line == 3


def test_a_file_of_stray_timing_arrows_is_an_error_not_an_empty_track(tmp_path: Path) -> None:
    """Issue 19: 100,000 `-->` lines used to read as a file with no cues (exit 0)."""
    path = tmp_path / "arrows.srt"
    path.write_text("-->\n" * 100_000, encoding="utf-8")
    with pytest.raises(ParseError, match="No cue could be read") as caught:
        read_subtitle_file(path)
    assert caught.value.line == 1
    from slate.cli import main

    assert main(["subs", "check", str(path)]) == 2
