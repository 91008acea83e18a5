"""The sample production's rough bilingual subtitles: every planted defect found, fixable ones fixed."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.subtitle_file import read_subtitle_file
from tools.subtitles.checks import check_document
from tools.subtitles.operations import fix_file

# knowledge/samples/night_shift/README.md, "Subtitle defects": cue → the issue code Slate must report.
PLANTED = {
    (9, "line_too_long"),  # English line of 48 characters
    (16, "punctuation"),  # ASCII commas in Chinese
    (19, "duration_short"),  # 0.50 s
    (23, "line_too_long"),  # Chinese line of 23 cells
    (31, "gap_too_small"),  # 40 ms after cue 30
    (32, "mixed_script"),  # Simplified 几
    (34, "overlap"),  # starts 600 ms before cue 33 ends
    (35, "punctuation"),  # ... instead of ⋯
    (36, "reading_speed"),  # 1.20 s for 15 + 40 characters
    (40, "empty"),  # timing, no text
}
# Fixing changes no characters, so these stay for a person (script and punctuation changes are words'
# business; a bilingual event's one Chinese line cannot be split without splitting the English in step).
LEFT_FOR_A_PERSON = {"punctuation", "mixed_script", "line_too_long"}


@pytest.fixture
def rough(sample_dir: Path) -> Path:
    path = sample_dir / "rough_subtitles.zh-en.srt"
    assert path.exists(), "the bundled sample production must ship its rough subtitles"
    return path


def test_check_finds_every_planted_defect_and_nothing_else(rough: Path) -> None:
    report = check_document(read_subtitle_file(rough))
    assert report.profile == "hk-bilingual"
    assert report.cues == 42
    found = {(issue.cue, issue.code) for issue in report.issues}
    assert found == PLANTED


def test_hong_kong_characters_are_not_called_simplified(rough: Path) -> None:
    report = check_document(read_subtitle_file(rough))
    mixed = [i for i in report.issues if i.code == "mixed_script"]
    assert len(mixed) == 1 and mixed[0].message.endswith("几")


def test_fix_repairs_what_rules_can(rough: Path, tmp_path: Path) -> None:
    result = fix_file(rough, tmp_path / "fixed.srt")
    fixed = read_subtitle_file(tmp_path / "fixed.srt")
    after = check_document(fixed)
    codes = {issue.code for issue in after.issues}
    assert codes <= LEFT_FOR_A_PERSON
    assert {"overlap", "gap_too_small", "duration_short", "reading_speed", "empty"}.isdisjoint(codes)
    assert len(fixed.cues) == 41  # the empty event is gone; every other cue kept
    assert {i.code for i in result.remaining} == codes
    english = next(c.text for c in fixed.cues if "Kwan Gor" in c.text)
    # broken where the reported clause starts (before its subject), not between a verb and its object
    assert english.split("\n")[1:] == ["Kwan Gor says", "you don't keep the books any more."]
