"""Audio and video dropped on the upload area become a subtitle draft to download (real Whisper tiny.en,
real speech from espeak-ng), or one sentence saying what is missing."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from core.settings import load_settings
from tests.tools.media.factory import RATE, media_tools_missing, speak, write_wav
from tests.ui.conftest import PROJECT
from tests.whisper_model import whisper_model_dir
from ui.handlers import Handlers
from ui.i18n import t


@pytest.fixture(scope="module")
def whisper_dir() -> Path:
    return whisper_model_dir()


@pytest.fixture(scope="module")
def speech(tmp_path_factory: pytest.TempPathFactory) -> Path:
    missing = media_tools_missing()
    if missing:
        if os.environ.get("SLATE_REQUIRE_MEDIA"):
            pytest.fail(f"SLATE_REQUIRE_MEDIA is set but {', '.join(missing)} is missing")
        pytest.skip(f"{', '.join(missing)} not installed")
    folder = tmp_path_factory.mktemp("speech")
    line = speak("Meet me on the rooftop at midnight. Bring the money.", folder, "line")
    silence = np.zeros(RATE, dtype=np.int16)
    path = folder / "rooftop take 3.wav"
    write_wav(path, np.concatenate([silence, line, silence]))
    return path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_without_a_speech_model_one_sentence_says_what_to_set(
    lang: str, slate_home: Path, tmp_path: Path, scripted: Callable
) -> None:
    settings = load_settings(home=slate_home, embedder="fake", whisper_model=None)
    clip = tmp_path / "clip.wav"
    clip.write_bytes(b"RIFF")
    out = Handlers(settings, PROJECT, scripted([])).upload([str(clip)], PROJECT, lang)
    assert out.ingest_report == "⚠ " + t("err_no_whisper", lang)
    assert "SLATE_WHISPER_MODEL" in out.ingest_report
    assert not (settings.project_dir(PROJECT) / "uploads").exists()


def test_an_audio_upload_becomes_a_subtitle_draft_to_download(
    speech: Path, whisper_dir: Path, slate_home: Path, scripted: Callable
) -> None:
    settings = load_settings(home=slate_home, embedder="fake", whisper_model=whisper_dir)
    seen: list[tuple[object, str]] = []

    def progress(value: object, desc: str = "") -> None:
        seen.append((value, desc))

    handlers = Handlers(settings, PROJECT, scripted([]))
    out = handlers.upload([str(speech)], PROJECT, "en", progress=progress)  # type: ignore[arg-type]
    assert out.ingest_report.startswith("- rooftop take 3.wav: a subtitle draft of"), out.ingest_report
    files = out.downloads["value"]
    assert len(files) == 1 and files[0].endswith(".srt")
    draft = Path(files[0]).read_text(encoding="utf-8")
    assert "rooftop" in draft.lower() and "-->" in draft
    assert out.right_tabs["selected"] == "artifacts"
    assert seen and all("Transcribing rooftop take 3.wav" in desc for _, desc in seen)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_unreadable_media_file_gets_one_sentence(
    lang: str, whisper_dir: Path, slate_home: Path, tmp_path: Path, scripted: Callable
) -> None:
    settings = load_settings(home=slate_home, embedder="fake", whisper_model=whisper_dir)
    empty = tmp_path / "reel2.mp4"
    empty.write_bytes(b"")
    out = Handlers(settings, PROJECT, scripted([])).upload([str(empty)], PROJECT, lang)
    assert out.ingest_report.startswith("- reel2.mp4"), out.ingest_report
    assert str(tmp_path) not in out.ingest_report and "Error" not in out.ingest_report
    assert out.downloads == {"__type__": "update"} or out.downloads["value"] is None
