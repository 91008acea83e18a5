"""Reading picture and sound files: what a media file holds (ffprobe) and its audio as samples (ffmpeg).

Anything ffmpeg reads is accepted (WAV, MP3, AAC, MOV, MP4, MXF, MKV ...). Both programs are Debian's
`ffmpeg` package and are looked up on PATH at run time; a machine without them gets one sentence saying
what to install. A file that is empty, that ffmpeg cannot read, or that has no sound where sound is
needed raises a `MediaError` naming the file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import ConfigError, EmptyInput, InputFileError

if TYPE_CHECKING:
    import numpy as np

SAMPLE_RATE = 16000  # what Whisper and the speech finder expect


class MediaError(InputFileError):
    """A picture or sound file that cannot be used for what was asked (unreadable, no audio, no video)."""


@dataclass(frozen=True)
class MediaInfo:
    """What a media file holds: its length, and its first video and audio streams."""

    file: str
    duration_s: float
    has_audio: bool
    has_video: bool
    fps: float | None = None
    frames: int | None = None
    width: int | None = None
    height: int | None = None


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise ConfigError(
            f"Slate needs the `{name}` program to read picture and sound files, and it is not installed",
            hint="Install it with `apt-get install ffmpeg` (or your system's ffmpeg package)",
        )
    return found


def _check_file(path: Path) -> None:
    if not path.exists():
        raise MediaError("No such file", file=path)
    if path.is_dir():
        raise MediaError("This is a folder, not a picture or sound file", file=path)
    if path.stat().st_size == 0:
        raise EmptyInput("The file is empty (0 bytes)", file=path)


def probe_media(path: str | Path) -> MediaInfo:
    """Read what `path` holds with ffprobe; MediaError when ffmpeg cannot read it as picture or sound."""
    file = Path(path)
    _check_file(file)
    command = [
        _tool("ffprobe"),
        "-v",
        "error",
        "-print_format",
        "json",
        "-show_format",
        "-show_streams",
        str(file),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    data = json.loads(done.stdout or "{}") if done.returncode == 0 else {}
    streams = data.get("streams") or []
    video = next((s for s in streams if s.get("codec_type") == "video" and not _is_cover_art(s)), None)
    audio = next((s for s in streams if s.get("codec_type") == "audio"), None)
    if done.returncode != 0 or (video is None and audio is None):
        raise MediaError("ffmpeg cannot read this file as picture or sound", file=file)
    duration = _float(data.get("format", {}).get("duration")) or _float(
        (audio or video or {}).get("duration")
    )
    fps = (_rate(video.get("avg_frame_rate")) or _rate(video.get("r_frame_rate"))) if video else None
    frames = int(video["nb_frames"]) if video and str(video.get("nb_frames", "")).isdigit() else None
    return MediaInfo(
        file=str(file),
        duration_s=duration or 0.0,
        has_audio=audio is not None,
        has_video=video is not None,
        fps=fps,
        frames=frames,
        width=int(video["width"]) if video and video.get("width") else None,
        height=int(video["height"]) if video and video.get("height") else None,
    )


def _is_cover_art(stream: dict[str, object]) -> bool:
    disposition = stream.get("disposition")
    return isinstance(disposition, dict) and bool(disposition.get("attached_pic"))


def _float(value: object) -> float | None:
    try:
        return float(str(value)) if value not in (None, "N/A") else None
    except ValueError:
        return None


def _rate(value: object) -> float | None:
    if not value or value in ("0/0", "N/A"):
        return None
    try:
        rate = Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        return None
    return float(rate) if rate > 0 else None


def read_audio(path: str | Path, info: MediaInfo | None = None) -> np.ndarray:
    """The first audio stream as 16 kHz mono float32 samples; MediaError when there is no sound."""
    import numpy as np

    file = Path(path)
    info = info or probe_media(file)
    if not info.has_audio:
        raise MediaError("The file has no audio track, so there is no speech to transcribe", file=file)
    command = [
        _tool("ffmpeg"),
        "-nostdin",
        "-v",
        "error",
        "-i",
        str(file),
        "-map",
        "0:a:0",
        "-ac",
        "1",
        "-ar",
        str(SAMPLE_RATE),
        "-f",
        "f32le",
        "-",
    ]
    done = subprocess.run(command, capture_output=True, check=False)
    if done.returncode != 0:
        raise MediaError("ffmpeg cannot decode the audio in this file", file=file)
    samples = np.frombuffer(done.stdout, dtype=np.float32)
    if samples.size == 0:
        raise MediaError("The audio track is empty", file=file)
    return samples
