"""Speech to timed subtitles with the real tiny.en model on real (synthetic) speech."""

from __future__ import annotations

import pytest

from knowledge.subtitle_file import read_subtitle_file
from tests.tools.media.conftest import LINES, Programme
from tools.media.models import TranscriptionResult

pytestmark = pytest.mark.slow
TOLERANCE_MS = 300


def _cue_for(result: TranscriptionResult, start: float, end: float):  # type: ignore[no-untyped-def]
    """The cue overlapping the spoken line most."""
    return max(result.cues, key=lambda c: min(c.end_ms, end * 1000) - max(c.start_ms, start * 1000))


def test_cues_are_timed_to_the_spoken_lines(scene_transcript, programme: Programme) -> None:  # type: ignore[no-untyped-def]
    result, _ = scene_transcript
    for placed in programme.placed:
        cue = _cue_for(result, placed.start, placed.end)
        assert abs(cue.start_ms - placed.start * 1000) <= TOLERANCE_MS, (placed, cue)
        assert abs(cue.end_ms - placed.end * 1000) <= TOLERANCE_MS, (placed, cue)


def test_cues_take_the_script_wording_and_speaker(scene_transcript, programme: Programme) -> None:  # type: ignore[no-untyped-def]
    result, _ = scene_transcript
    speakers = ["INSPECTOR LAU", "DOCTOR", "DOCTOR", "INSPECTOR LAU"]
    for placed, speaker in zip(programme.placed, speakers, strict=True):
        cue = _cue_for(result, placed.start, placed.end)
        assert cue.text.replace("\n", " ") == placed.text
        assert cue.character == speaker
        assert not cue.low_confidence
        assert cue.script_line is not None


def test_written_file_is_the_checked_draft(scene_transcript) -> None:  # type: ignore[no-untyped-def]
    result, _ = scene_transcript
    doc = read_subtitle_file(result.output)
    assert [c.text for c in doc.cues] == [c.text for c in result.cues]
    assert "Kam Wah Cha Chaan Teng" in doc.cues[-1].text.replace("\n", " ")
    assert result.shot_changes == 4
    assert result.remaining == []


def test_progress_is_reported_up_to_done(scene_transcript) -> None:  # type: ignore[no-untyped-def]
    _, progress = scene_transcript
    assert progress[0] == 0.0 and progress[-1] == 1.0
    assert progress == sorted(progress)
    assert len(progress) >= 3


def test_names_spelled_as_the_lists_without_a_scene(
    programme: Programme, whisper_dir, production, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from tools.media.operations import transcribe_path

    result = transcribe_path(
        programme.audio, tmp_path / "heard.srt", model_dir=whisper_dir, production=production, shots=False
    )
    text = " ".join(c.text.replace("\n", " ") for c in result.cues)
    assert "Mong Kok" in text
    assert "Kam Wah" in text
    assert "Inspector" in text
    assert result.shot_changes is None
    assert all(c.character is None for c in result.cues)


def test_nothing_was_downloaded(scene_transcript, network_attempts) -> None:  # type: ignore[no-untyped-def]
    result, _ = scene_transcript
    assert result.cues
    assert network_attempts == []


def test_unmatched_speech_is_low_confidence() -> None:
    from tools.media.align import ScriptLineText, Word
    from tools.media.transcribe import draft_cues
    from tools.subtitles.profiles import get_profile

    script = [ScriptLineText("DOCTOR", "Fractured skull, three broken ribs, a punctured lung.", 10)]
    words = [Word(0.0, 0.4, "Completely"), Word(0.5, 0.9, "different"), Word(1.0, 1.5, "words.")]
    (cue,) = draft_cues(words, get_profile("netflix-en"), script=script)
    assert cue.confidence == 0.0 and cue.character is None
    assert cue.text == "Completely different words."


def test_sample_lines_are_in_script_order(production) -> None:  # type: ignore[no-untyped-def]
    from tools.media.align import scene_dialogue

    dialogue = [line.text for line in scene_dialogue(production.scene("8"))]
    positions = [dialogue.index(text) for text, _ in LINES]
    assert positions == sorted(positions)


def test_the_guard_refuses_other_machines(network_attempts) -> None:  # type: ignore[no-untyped-def]
    import socket

    with pytest.raises(OSError, match="network access attempted"):
        socket.create_connection(("192.0.2.1", 443), timeout=1)  # TEST-NET-1: never routable
    assert network_attempts.pop() == ("192.0.2.1", 443)
