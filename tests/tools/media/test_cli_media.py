"""`slate subs transcribe` and `slate subs shots` from the command line, and their one-sentence errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.subtitle_file import read_subtitle_file
from slate.cli import main
from tests.conftest import SAMPLE_DIR
from tests.tools.media.conftest import Programme

pytestmark = pytest.mark.slow


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.startswith("slate: error: ")
    assert "\n" not in err and "Traceback" not in err
    return err


def test_missing_model_says_what_to_set(programme: Programme, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("SLATE_WHISPER_MODEL", raising=False)
    assert main(["subs", "transcribe", str(programme.audio), "-o", "x.srt"]) == 2
    assert "SLATE_WHISPER_MODEL" in _error(capsys)


def test_model_folder_without_a_model(programme: Programme, monkeypatch, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SLATE_WHISPER_MODEL", str(tmp_path))
    assert main(["subs", "transcribe", str(programme.audio), "-o", "x.srt"]) == 2
    assert "model.bin" in _error(capsys)


def test_damaged_model(programme: Programme, monkeypatch, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "model.bin").write_bytes(b"x")
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    monkeypatch.setenv("SLATE_WHISPER_MODEL", str(tmp_path))
    assert main(["subs", "transcribe", str(programme.audio), "-o", "x.srt"]) == 2
    assert "cannot be loaded" in _error(capsys)


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"", "empty"), (b"this is not a video at all\n" * 40, "cannot read")],
    ids=["zero-bytes", "unreadable"],
)
def test_bad_media_files(
    content: bytes, words: str, whisper_dir: Path, monkeypatch, capsys, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SLATE_WHISPER_MODEL", str(whisper_dir))
    bad = tmp_path / "take3.mov"
    bad.write_bytes(content)
    assert main(["subs", "transcribe", str(bad)]) == 2
    err = _error(capsys)
    assert words in err and "take3.mov" in err


def test_video_without_sound(programme: Programme, whisper_dir: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SLATE_WHISPER_MODEL", str(whisper_dir))
    assert main(["subs", "transcribe", str(programme.silent_video)]) == 2
    assert "no audio" in _error(capsys)


def test_transcribe_writes_a_shot_aware_srt(
    programme: Programme, whisper_dir: Path, monkeypatch, capsys, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SLATE_WHISPER_MODEL", str(whisper_dir))
    out = tmp_path / "reel1.srt"
    argv = ["subs", "transcribe", str(programme.video), "-o", str(out), "--scene", "8"]
    argv += ["--script", str(SAMPLE_DIR / "night_shift.fountain"), "--cast", str(SAMPLE_DIR / "cast.csv")]
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert "transcribing: 100%" in captured.err
    assert "matched to scene 8" in captured.out and "shot change(s)" in captured.out
    doc = read_subtitle_file(out)
    assert doc.cues[0].text == "When will he wake up?"


def test_shots_checks_and_fixes_a_subtitle_file(programme: Programme, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    subs = tmp_path / "rough.srt"
    # A cue starting 5 frames (200 ms) before the shot change at frame 140 (5.6 s) and ending well clear.
    subs.write_text("1\n00:00:05,400 --> 00:00:08,000\nDays. Maybe a week.\n", encoding="utf-8")
    out = tmp_path / "fixed.srt"
    assert main(["subs", "shots", str(programme.video), "--subs", str(subs), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "moved: cue 1 in 00:00:05,400" in printed
    fixed = read_subtitle_file(out)
    assert abs(fixed.cues[0].start_ms - 5600) <= 40  # on the detected shot change, within a frame
