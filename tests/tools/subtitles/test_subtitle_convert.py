"""Writing formats and encodings, script conversion (OpenCC), retiming, bilingual merge and split."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from core.errors import SubtitleError, UnsupportedFormat
from knowledge.subtitle_file import Cue, detect_format, read_subtitle_file, read_subtitle_text
from tools.subtitles.bilingual import looks_chinese, merge_tracks, split_tracks
from tools.subtitles.convert import convert_cues_script, reflow_markup, subtitle_text, write_subtitles
from tools.subtitles.retime import SyncPoint, change_fps, fit_sync, shift_cues, sync_cues
from tools.subtitles.text import convert_script, simplified_characters

HK_SRT = """1
00:00:01,000 --> 00:00:03,000
你哋食咗飯未呀？

2
00:00:03,500 --> 00:00:05,000
<i>佢喺度㗎，嘅確係咁。</i>
"""


def cue(i: int, start: float, end: float, text: str) -> Cue:
    return Cue(i, round(start * 1000), round(end * 1000), text, text)


# --- formats and encodings --------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".srt", ".vtt", ".ass", ".ssa", ".ttml"])
def test_round_trip_every_output_format(tmp_path: Path, suffix: str) -> None:
    doc = read_subtitle_text(HK_SRT, name="hk.srt")
    out = write_subtitles(doc, doc.cues, tmp_path / f"out{suffix}")
    # The reader trusts content over the name, so the format written must be checked on its own.
    assert detect_format(out.read_text(encoding="utf-8")) == suffix.lstrip(".")
    again = read_subtitle_file(out)
    assert [(c.start_ms, c.end_ms, c.text) for c in again.cues] == [
        (c.start_ms, c.end_ms, c.text) for c in doc.cues
    ]
    assert again.encoding == "utf-8"


def test_italics_survive_and_rebreaks_keep_markup() -> None:
    doc = read_subtitle_text(HK_SRT, name="hk.srt")
    rebroken = [doc.cues[0], replace(doc.cues[1], text="佢喺度㗎，\n嘅確係咁。")]
    srt = subtitle_text(doc, rebroken, "srt")
    assert "<i>佢喺度㗎，\n嘅確係咁。</i>" in srt
    assert (
        reflow_markup("{\\i1}Hello there{\\i0} friend", "Hello\nthere friend")
        == "{\\i1}Hello\\Nthere{\\i0} friend"
    )
    assert reflow_markup("Hello", "Goodbye") is None


def test_write_big5_hkscs_and_refuse_unencodable(tmp_path: Path) -> None:
    doc = read_subtitle_text(HK_SRT, name="hk.srt")
    out = write_subtitles(doc, doc.cues, tmp_path / "big5.srt", encoding="big5")
    assert "㗎" in out.read_bytes().decode("big5hkscs")
    assert read_subtitle_file(out).encoding == "big5-hkscs"
    emoji = [replace(doc.cues[0], text="好正😀")]
    with pytest.raises(SubtitleError) as info:
        write_subtitles(doc, emoji, tmp_path / "bad.srt", encoding="big5-hkscs")
    assert "cue 1" in str(info.value)
    assert not (tmp_path / "bad.srt").exists()


def test_unknown_output_format(tmp_path: Path) -> None:
    doc = read_subtitle_text(HK_SRT, name="hk.srt")
    with pytest.raises(UnsupportedFormat):
        write_subtitles(doc, doc.cues, tmp_path / "out.docx")


# --- script conversion -------------------------------------------------------------------------------


def test_big5_hkscs_cantonese_to_simplified_and_back(tmp_path: Path) -> None:
    path = tmp_path / "hk.srt"
    path.write_bytes(HK_SRT.encode("big5hkscs"))
    doc = read_subtitle_file(path)
    assert doc.encoding == "big5-hkscs"
    hans, changed = convert_cues_script(doc.cues, "zh-Hans")
    assert changed == 2
    assert hans[0].text == "你哋食咗饭未呀？"
    assert "㗎" in hans[1].text and "嘅" in hans[1].text and "係" not in hans[1].text
    back, _ = convert_cues_script(hans, "zh-Hant-HK")
    assert back[0].text == "你哋食咗飯未呀？"
    assert "㗎" in back[1].text and "嘅" in back[1].text


def test_script_targets_use_regional_forms() -> None:
    assert convert_script("这里面的头发", "zh-Hant-HK") == "這裏面的頭髮"
    assert convert_script("这里面的头发", "zh-Hant-TW") == "這裡面的頭髮"
    assert convert_script("這裡面", "zh-Hant-HK") == "這裏面"
    assert convert_script("這裏面", "zh-Hant-TW") == "這裡面"
    assert convert_script("我了解。\nI understand.", "zh-Hant-HK") == "我了解。\nI understand."


def test_simplified_detection() -> None:
    assert simplified_characters("你哋食咗饭未呀") == ["饭"]
    assert simplified_characters("皇后乾杯，我了解") == []


# --- retime ------------------------------------------------------------------------------------------


def test_shift() -> None:
    cues = [cue(1, 2.0, 3.0, "a"), cue(2, 4.0, 5.0, "b")]
    assert [(c.start_ms, c.end_ms) for c in shift_cues(cues, -1500)] == [(500, 1500), (2500, 3500)]
    assert shift_cues(cues, -2500)[0].start_ms == 0
    with pytest.raises(SubtitleError):
        shift_cues(cues, -3500)


def test_linear_sync_from_two_or_more_points() -> None:
    cues = [cue(1, 62.0, 64.0, "a"), cue(2, 600.0, 602.0, "b")]
    points = [SyncPoint.parse("00:01:02,000=00:01:03,200"), SyncPoint.parse("00:10:00,000=00:10:02,400")]
    synced, mapping, miss = sync_cues(cues, points)
    assert mapping.scale > 1
    assert synced[0].start_ms == 63200 and synced[1].start_ms == 602400
    assert miss == 0
    three = [*points, SyncPoint.parse("00:05:00,000=00:05:01,900")]
    _, miss3 = fit_sync(three)
    assert miss3 < 200
    with pytest.raises(SubtitleError):
        fit_sync(points[:1])
    with pytest.raises(SubtitleError):
        SyncPoint.parse("00:01:02,000")


def test_fps_conversion() -> None:
    cues = [cue(1, 100.0, 102.0, "a")]
    out = change_fps(cues, 25, 23.976)
    assert out[0].start_ms == round(100000 * 25 / 23.976)


# --- bilingual ---------------------------------------------------------------------------------------


def test_merge_by_overlap_keeps_unmatched_and_orders_by_time() -> None:
    zh = [cue(1, 1.0, 3.0, "你食咗飯未呀？"), cue(2, 4.0, 6.0, "食咗喇。"), cue(3, 10.0, 12.0, "走啦！")]
    en = [
        cue(1, 1.1, 3.1, "Have you eaten?"),
        cue(2, 4.2, 5.0, "Yes."),
        cue(3, 5.1, 6.0, "I have."),
        cue(4, 7.0, 8.0, "(door slams)"),
    ]
    merged = merge_tracks(zh, en)
    texts = [c.text for c in merged.cues]
    assert texts == ["你食咗飯未呀？\nHave you eaten?", "食咗喇。\nYes.\nI have.", "(door slams)", "走啦！"]
    assert (merged.merged, merged.chinese_only, merged.english_only) == (2, 1, 1)
    assert merged.cues[0].start_ms == 1000  # the Chinese timing is kept


def test_split_is_the_inverse_of_merge() -> None:
    cues = [cue(1, 1.0, 3.0, "你食咗飯未呀？\nHave you eaten?"), cue(2, 4.0, 5.0, "(door slams)")]
    zh, en = split_tracks(cues)
    assert [c.text for c in zh] == ["你食咗飯未呀？"]
    assert [c.text for c in en] == ["Have you eaten?", "(door slams)"]
    assert looks_chinese(zh) and not looks_chinese(en)
