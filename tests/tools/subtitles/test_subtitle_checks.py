"""Checks: every issue code, profiles, default profile choice."""

from __future__ import annotations

import pytest

from core.errors import NotFound
from knowledge.subtitle_file import Cue, read_subtitle_text
from tools.subtitles.checks import check_cues, check_document, choose_profile
from tools.subtitles.models import ISSUE_CODES
from tools.subtitles.profiles import HK_BILINGUAL, NETFLIX_EN, NETFLIX_ZH_HANT, PROFILES, get_profile


def cue(i: int, start: float, end: float, text: str) -> Cue:
    return Cue(i, round(start * 1000), round(end * 1000), text, text)


def codes(cues: list[Cue], profile=NETFLIX_EN, fps: float = 24.0) -> list[tuple[int, str]]:
    return [(issue.cue, issue.code) for issue in check_cues(cues, profile, fps)]


def test_issue_codes_are_exactly_the_specified_set() -> None:
    assert set(ISSUE_CODES) == {
        "bad_timestamp",
        "overlap",
        "gap_too_small",
        "duration_short",
        "duration_long",
        "line_too_long",
        "too_many_lines",
        "reading_speed",
        "empty",
        "mixed_script",
        "punctuation",
        "gap_to_close",
        "fits_one_line",
        "dialogue_mixed",
        "dialogue_style",
    }


def test_profiles_carry_the_netflix_numbers() -> None:
    en, zh, hk = NETFLIX_EN, NETFLIX_ZH_HANT, HK_BILINGUAL
    assert (en.limits("en").max_line_length, en.limits("en").max_lines, en.limits("en").max_cps) == (
        42,
        2,
        20,
    )
    assert (zh.limits("zh").max_line_length, zh.limits("zh").max_lines, zh.limits("zh").max_cps) == (16, 2, 9)
    for profile in (en, zh, hk):
        assert (profile.min_duration_ms, profile.max_duration_ms, profile.min_gap_frames) == (833, 7000, 2)
    assert hk.limits("zh").max_lines == 1 and hk.limits("en").max_line_length == 42
    assert en.with_cps(17).limits("en").max_cps == 17
    assert set(PROFILES) == {"netflix-en", "netflix-zh-hant", "hk-bilingual"}
    with pytest.raises(NotFound):
        get_profile("bbc")


def test_clean_english_has_no_issues() -> None:
    cues = [
        cue(1, 1.0, 3.0, "Where were you last night?"),
        cue(2, 4.0, 8.0, "At the studio, with the crew and the cast,\nuntil the small hours."),
    ]
    assert codes(cues) == []


def test_timing_codes() -> None:
    cues = [
        cue(1, 1.0, 3.0, "One."),
        cue(2, 2.5, 4.0, "Overlaps one."),
        cue(3, 4.02, 5.0, "Too close."),
        cue(4, 6.0, 6.5, "Short."),
        cue(5, 7.0, 15.0, "Far too long on screen."),
        cue(6, 16.0, 16.0, "Zero length."),
        cue(7, 15.5, 17.0, "Out of order."),
    ]
    found = codes(cues)
    assert (2, "overlap") in found
    assert (3, "gap_too_small") in found
    assert (4, "duration_short") in found
    assert (5, "duration_long") in found
    assert (6, "bad_timestamp") in found
    assert (7, "overlap") in found


def test_duration_limits_are_inclusive() -> None:
    cues = [
        cue(1, 1.0, 8.0, "On screen for seven seconds exactly."),
        cue(2, 10.0, 17.001, "A millisecond longer than that."),
        cue(3, 20.0, 20.833, "Hi."),  # 5/6 s
        cue(4, 22.0, 22.832, "Hi."),
    ]
    assert codes(cues) == [(2, "duration_long"), (4, "duration_short")]


def test_two_frames_depend_on_the_frame_rate() -> None:
    cues = [cue(1, 1.0, 2.0, "One."), cue(2, 2.081, 3.5, "Two.")]
    assert codes(cues, fps=24) == [(2, "gap_too_small")]  # 2 frames at 24 fps = 83 ms
    assert codes(cues, fps=25) == []  # 2 frames at 25 fps = 80 ms; 81 ms is 2 frames to the frame


def test_text_codes_english() -> None:
    cues = [
        cue(1, 1.0, 4.0, "This line is certainly longer than forty-two characters."),
        cue(2, 5.0, 9.0, "One\nTwo\nThree"),
        cue(3, 10.0, 11.0, "Far too many words to read in just one second."),
        cue(4, 12.0, 14.0, "   "),
        cue(5, 15.0, 17.0, "Wait... what?"),
    ]
    found = codes(cues)
    assert (1, "line_too_long") in found
    assert (2, "too_many_lines") in found
    assert (3, "reading_speed") in found
    assert (4, "empty") in found
    assert (5, "punctuation") in found


def test_cps_option_is_stricter_for_children() -> None:
    text = "I will be back in one minute."  # 29 characters over 1.6 s = 18.1 cps
    cues = [cue(1, 1.0, 2.6, text)]
    assert codes(cues) == []
    assert codes(cues, NETFLIX_EN.with_cps(17)) == [(1, "reading_speed")]


def test_chinese_codes() -> None:
    cues = [
        cue(1, 1.0, 3.0, "你哋食咗飯未呀？"),
        cue(2, 4.0, 7.0, "今晚我哋要喺天台拍攝夜景所以大家準備好"),
        cue(3, 8.0, 10.0, "我哋食咗饭未呀"),
        cue(4, 11.0, 13.0, "等陣...好,我嚟"),
        cue(5, 14.0, 15.0, "劉督察話今晚喺天台拍攝夜景"),
    ]
    found = codes(cues, NETFLIX_ZH_HANT)
    assert (1, "line_too_long") not in found
    assert (2, "line_too_long") in found
    assert (3, "mixed_script") in found
    assert (4, "punctuation") in found
    assert (5, "reading_speed") in found
    messages = {i.code: i.message for i in check_cues(cues, NETFLIX_ZH_HANT, 24)}
    assert "饭" in messages["mixed_script"] and "食" not in messages["mixed_script"]
    assert "⋯" in messages["punctuation"]


def test_traditional_words_that_share_forms_are_not_flagged() -> None:
    cues = [cue(1, 1.0, 3.0, "皇后乾杯，我了解。")]
    assert (1, "mixed_script") not in codes(cues, NETFLIX_ZH_HANT)


def test_hk_bilingual_judges_each_language_by_its_own_limits() -> None:
    good = cue(1, 1.0, 4.0, "你哋食咗飯未呀？\nHave you eaten yet?")
    long_en = cue(2, 5.0, 9.0, "我哋走啦\nWe need to leave right now, the rain is getting heavier.")
    two_zh = cue(3, 10.0, 13.0, "第一行\n第二行\nTwo lines of Chinese.")
    no_en = cue(4, 14.0, 16.0, "冇英文")
    found = codes([good, long_en, two_zh, no_en], HK_BILINGUAL)
    assert [c for c in found if c[0] == 1] == []
    assert (2, "line_too_long") in found
    assert (3, "too_many_lines") in found
    assert (4, "empty") in found


def test_choose_profile_from_the_text() -> None:
    en = [cue(1, 0, 1, "Hello."), cue(2, 1, 2, "Bye.")]
    zh = [cue(1, 0, 1, "你好。"), cue(2, 1, 2, "再見。")]
    both = [cue(1, 0, 1, "你好。\nHello."), cue(2, 1, 2, "再見。\nBye.")]
    assert choose_profile(en) == "netflix-en"
    assert choose_profile(zh) == "netflix-zh-hant"
    assert choose_profile(both) == "hk-bilingual"


def test_check_document_reports_reader_damage_with_lines() -> None:
    text = "1\n00:00:01,000 --> 00:00:0X,000\nBroken.\n\n00:00:03,000 --> 00:00:04,500\nNo number.\n"
    doc = read_subtitle_text(text, name="bad.srt")
    report = check_document(doc)
    assert report.profile == "netflix-en"
    bad = [i for i in report.issues if i.code == "bad_timestamp"]
    assert len(bad) == 1 and bad[0].cue == 1 and "line 2" in bad[0].message
    assert any("sequence number" in note for note in report.notes)
    data = report.as_json()
    assert list(data) == ["file", "encoding", "profile", "profile_source", "fps", "cues", "issues"]
    assert set(data["issues"][0]) == {"cue", "start", "code", "message"}  # type: ignore[index]
    assert data["issues"][0]["start"] == "00:00:01,000"  # type: ignore[index]
