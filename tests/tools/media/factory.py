"""Real test media made on the spot: speech from espeak-ng, pictures with hard cuts, muxed by ffmpeg.

Used by the media tests (seconds of media) and by `bench/bench_media.py` (a 10-minute programme).
"""

from __future__ import annotations

import shutil
import subprocess
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RATE = 22050  # espeak-ng's own sample rate
# Neighbouring shots differ in brightness as well as hue, as real cuts nearly always do: two flat
# colours of equal brightness and saturation (magenta to cyan) score under ContentDetector's threshold.
HUES = [(230, 40, 40), (20, 90, 30), (240, 240, 120), (30, 40, 140), (250, 160, 40), (60, 20, 70)]


def media_tools_missing() -> list[str]:
    return [tool for tool in ("ffmpeg", "ffprobe", "espeak-ng") if shutil.which(tool) is None]


@dataclass(frozen=True)
class Placed:
    """A spoken line and where its voice actually starts and ends in the programme (seconds)."""

    text: str
    start: float
    end: float


def speak(text: str, folder: Path, name: str, *, speed: int = 150) -> np.ndarray:
    """`text` spoken by espeak-ng (English voice), leading and trailing silence trimmed, as int16."""
    out = folder / f"{name}.wav"
    subprocess.run(["espeak-ng", "-v", "en", "-s", str(speed), "-w", str(out), text], check=True)
    with wave.open(str(out)) as handle:
        samples = np.frombuffer(handle.readframes(handle.getnframes()), dtype=np.int16)
    loud = np.flatnonzero(np.abs(samples.astype(np.int32)) > 300)
    return samples[loud[0] : loud[-1] + 1] if loud.size else samples


def write_wav(path: Path, samples: np.ndarray) -> None:
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        handle.writeframes(samples.astype(np.int16).tobytes())


def speech_track(
    lines: Sequence[tuple[str, float]], duration: float, folder: Path, *, speed: int = 150
) -> tuple[np.ndarray, list[Placed]]:
    """A track of `duration` seconds with each (text, start) line spoken at its start."""
    track = np.zeros(int(duration * RATE), dtype=np.int16)
    placed = []
    for n, (text, at) in enumerate(lines):
        voice = speak(text, folder, f"line{n}", speed=speed)
        first = int(at * RATE)
        track[first : first + voice.size] = voice[: max(track.size - first, 0)]
        placed.append(Placed(text, at, at + voice.size / RATE))
    return track, placed


def make_video(
    path: Path,
    *,
    duration: float,
    fps: int,
    cuts: Sequence[int],
    audio: Path | None,
    size: tuple[int, int] = (160, 90),
) -> None:
    """An MP4 of flat colour shots changing at the frames in `cuts` (hard cuts), with `audio` if given."""
    width, height = size
    frames = round(duration * fps)
    command = ["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgb24"]
    command += ["-s", f"{width}x{height}", "-r", str(fps), "-i", "-"]
    if audio is not None:
        command += ["-i", str(audio), "-c:a", "aac", "-b:a", "64k"]
    command += [
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
        "-t",
        f"{duration}",
        str(path),
    ]
    process = subprocess.Popen(command, stdin=subprocess.PIPE)
    assert process.stdin is not None
    boundaries = sorted(cuts)
    shot = 0
    frame_buffer = np.empty((height, width, 3), dtype=np.uint8)
    for frame in range(frames):
        while shot < len(boundaries) and frame >= boundaries[shot]:
            shot += 1
        frame_buffer[:] = HUES[shot % len(HUES)]
        frame_buffer[: height // 4, : width // 4] = (frame * 2) % 200  # a little movement inside the shot
        process.stdin.write(frame_buffer.tobytes())
    process.stdin.close()
    if process.wait() != 0:
        raise RuntimeError("ffmpeg failed to write the test video")
