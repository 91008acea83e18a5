"""Retime subtitles: shift by an offset, sync linearly to two or more reference points, convert frame rates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from core.errors import SubtitleError
from knowledge.subtitle_file import Cue, format_timecode, parse_timecode


@dataclass(frozen=True)
class SyncPoint:
    """A time in the file (`old_ms`) and where it should be (`new_ms`)."""

    old_ms: int
    new_ms: int

    @classmethod
    def parse(cls, text: str) -> SyncPoint:
        """`00:01:02,000=00:01:03,200` (file time = wanted time)."""
        old, sep, new = text.partition("=")
        if not sep:
            raise SubtitleError(
                "A sync point is written OLD=NEW", value=text, hint='e.g. --sync "00:01:02,000=00:01:03,200"'
            )
        return cls(parse_timecode(old), parse_timecode(new))


@dataclass(frozen=True)
class LinearMap:
    """new = scale * old + offset_ms."""

    scale: float
    offset_ms: float

    def __call__(self, ms: int) -> int:
        return round(self.scale * ms + self.offset_ms)


def fit_sync(points: Sequence[SyncPoint]) -> tuple[LinearMap, int]:
    """The least-squares line through the sync points, and the largest miss at any point (ms).

    Two points give an exact line (drift and offset); more average out imprecise marks.
    """
    if len(points) < 2:
        raise SubtitleError("Linear sync needs at least two sync points", value=len(points))
    olds = [p.old_ms for p in points]
    if max(olds) == min(olds):
        raise SubtitleError(
            "Sync points must be at different times in the file", value=format_timecode(olds[0])
        )
    n = len(points)
    mean_old = sum(olds) / n
    mean_new = sum(p.new_ms for p in points) / n
    cov = sum((p.old_ms - mean_old) * (p.new_ms - mean_new) for p in points)
    var = sum((o - mean_old) ** 2 for o in olds)
    scale = cov / var
    if scale <= 0:
        raise SubtitleError(
            "Sync points run backwards in time", value=[f"{format_timecode(p.old_ms)}" for p in points]
        )
    mapping = LinearMap(scale, mean_new - scale * mean_old)
    miss = max(abs(mapping(p.old_ms) - p.new_ms) for p in points)
    return mapping, miss


def apply_map(cues: Sequence[Cue], mapping: LinearMap) -> list[Cue]:
    """Cues with both times mapped. Refuses to move a cue wholly before zero (its text would be lost);
    a cue that only starts before zero starts at zero."""
    out = []
    for cue in cues:
        start, end = mapping(cue.start_ms), mapping(cue.end_ms)
        if end <= 0 < cue.end_ms:
            raise SubtitleError(
                f"Cue {cue.index} would end before 00:00:00,000",
                value=format_timecode(cue.start_ms),
                hint="Use a smaller shift, or cut the first cues out first",
            )
        out.append(replace(cue, start_ms=max(0, start), end_ms=max(0, end)))
    return out


def shift_cues(cues: Sequence[Cue], by_ms: int) -> list[Cue]:
    """Every cue moved by `by_ms` (negative: earlier)."""
    return apply_map(cues, LinearMap(1.0, by_ms))


def sync_cues(cues: Sequence[Cue], points: Sequence[SyncPoint]) -> tuple[list[Cue], LinearMap, int]:
    """Cues retimed by the line through `points`; with the line and its largest miss."""
    mapping, miss = fit_sync(points)
    return apply_map(cues, mapping), mapping, miss


def change_fps(cues: Sequence[Cue], from_fps: float, to_fps: float) -> list[Cue]:
    """Retime subtitles made for a `from_fps` picture to the same picture played at `to_fps`
    (25 → 23.976 undoes PAL speed-up: every time grows by 25/23.976)."""
    if from_fps <= 0 or to_fps <= 0:
        raise SubtitleError("Frame rates must be positive", value=(from_fps, to_fps))
    return apply_map(cues, LinearMap(from_fps / to_fps, 0))
