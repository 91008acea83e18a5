"""Shot changes: found in the picture (PySceneDetect, OpenCV), stored beside the video, and used to
time subtitles the way the Netflix Timed Text Style Guide asks.

Netflix's timing guidance: a subtitle should not run across a shot change; an in-time within 12 frames
of a shot change moves to the shot change; an out-time within 12 frames of one moves to 2 frames before
it (the 2-frame gap every profile keeps). Every Slate profile follows that rule (`SHOT_RULES`); a move
that would leave an event under the profile's minimum duration, or closer than the minimum gap to its
neighbour, is not made and is reported instead. A cue that runs across a shot change away from both its
edges is reported for a person (splitting it would need the words split too).

Stored with the file: `<video>.shots.json` holds the frame rate, the detector settings, the video's size
and modification time, and each shot change's first frame; it is reused while all of those still match.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from core.paths import atomic_write_text
from knowledge.media import MediaError, MediaInfo, probe_media
from knowledge.subtitle_file import Cue, format_timecode
from tools.media.models import ShotIssue, ShotIssueCode, ShotMove
from tools.subtitles.profiles import Profile

DETECTOR_THRESHOLD = 27.0  # ContentDetector's default: mean HSV change per frame that counts as a cut
MIN_SHOT_FRAMES = 8


@dataclass(frozen=True)
class ShotRule:
    """How a profile times subtitles against shot changes (in frames)."""

    window_frames: int = 12  # an edge this close to a shot change snaps to it
    in_offset_frames: int = 0  # an in-time goes on the shot change itself
    out_offset_frames: int = 2  # an out-time goes this many frames before it


SHOT_RULES: dict[str, ShotRule] = {
    "netflix-en": ShotRule(),
    "netflix-zh-hant": ShotRule(),
    "hk-bilingual": ShotRule(),
}


def shot_rule(profile: Profile) -> ShotRule:
    return SHOT_RULES.get(profile.name, ShotRule())


@dataclass(frozen=True)
class ShotChanges:
    """A video's shot changes: the first frame of each new shot, at the video's frame rate."""

    video: str
    fps: float
    frames: int | None
    cuts: list[int]
    sidecar: str | None = None
    reused: bool = False

    def times_ms(self) -> list[int]:
        return [frame_ms(f, self.fps) for f in self.cuts]


def frame_ms(frame: int, fps: float) -> int:
    """When frame `frame` (0-based) starts, in whole milliseconds."""
    return round(frame * 1000 / fps)


def sidecar_path(video: str | Path) -> Path:
    path = Path(video)
    return path.with_name(path.name + ".shots.json")


def _fingerprint(video: Path) -> dict[str, object]:
    stat = video.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def detect_shot_changes(
    video: str | Path, info: MediaInfo | None = None, *, threshold: float = DETECTOR_THRESHOLD
) -> ShotChanges:
    """Find hard cuts with PySceneDetect's ContentDetector (OpenCV backend)."""
    from scenedetect import ContentDetector, SceneManager, open_video

    path = Path(video)
    info = info or probe_media(path)
    if not info.has_video:
        raise MediaError("The file has no picture, so there are no shot changes to find", file=path)
    try:
        stream = open_video(str(path), backend="opencv")
    except Exception as exc:  # scenedetect raises its own VideoOpenFailure and OSError subclasses
        raise MediaError("OpenCV cannot read the picture in this file", file=path) from exc
    manager = SceneManager()
    manager.add_detector(ContentDetector(threshold=threshold, min_scene_len=MIN_SHOT_FRAMES))
    manager.detect_scenes(video=stream)
    scenes = manager.get_scene_list()
    cuts = [start.frame_num for start, _ in scenes[1:]]
    fps = info.fps or float(stream.frame_rate)
    return ShotChanges(video=str(path), fps=fps, frames=info.frames or stream.duration.frame_num, cuts=cuts)


def load_or_detect(
    video: str | Path, *, refresh: bool = False, threshold: float = DETECTOR_THRESHOLD
) -> ShotChanges:
    """The shot changes stored beside `video` if they still match it, else detected and stored."""
    path = Path(video)
    info = probe_media(path)
    store = sidecar_path(path)
    settings = {"detector": "content", "threshold": threshold, "min_shot_frames": MIN_SHOT_FRAMES}
    if store.is_file() and not refresh:
        try:
            data = json.loads(store.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if data.get("video_file") == _fingerprint(path) and data.get("settings") == settings:
            return ShotChanges(
                video=str(path),
                fps=float(data["fps"]),
                frames=data.get("frames"),
                cuts=[int(c["frame"]) for c in data.get("shot_changes", [])],
                sidecar=str(store),
                reused=True,
            )
    found = detect_shot_changes(path, info, threshold=threshold)
    payload = {
        "video": path.name,
        "video_file": _fingerprint(path),
        "settings": settings,
        "fps": found.fps,
        "frames": found.frames,
        "shot_changes": [{"frame": f, "time": format_timecode(frame_ms(f, found.fps))} for f in found.cuts],
    }
    try:
        atomic_write_text(store, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        written: str | None = str(store)
    except OSError:  # a read-only media folder: the shot changes are still used, just not stored
        written = None
    return ShotChanges(found.video, found.fps, found.frames, found.cuts, sidecar=written)


# --- subtitles against shot changes ----------------------------------------------------------------


def _nearest(ms: int, cuts_ms: Sequence[int], window_ms: int) -> int | None:
    best = min(range(len(cuts_ms)), key=lambda i: abs(cuts_ms[i] - ms), default=None)
    if best is None or abs(cuts_ms[best] - ms) > window_ms:
        return None
    return best


def check_against_shots(
    cues: Sequence[Cue], cuts: Sequence[int], fps: float, profile: Profile
) -> list[ShotIssue]:
    """Cue edges near a shot change but not on the rule's frame, and cues running across one."""
    rule = shot_rule(profile)
    cuts_ms = [frame_ms(f, fps) for f in cuts]
    window = frame_ms(rule.window_frames, fps)
    tolerance = 500 / fps  # half a frame: a millisecond time is "on" a frame within this
    issues: list[ShotIssue] = []
    for cue in cues:
        found: list[tuple[ShotIssueCode, str, int]] = []
        i = _nearest(cue.start_ms, cuts_ms, window)
        if (
            i is not None
            and abs(cue.start_ms - (cuts_ms[i] + frame_ms(rule.in_offset_frames, fps))) > tolerance
        ):
            found.append(
                (
                    "in_near_shot_change",
                    f"starts {_frames(cue.start_ms - cuts_ms[i], fps)} the shot change at frame {cuts[i]}; start it on the shot change",
                    i,
                )
            )
        j = _nearest(cue.end_ms, cuts_ms, window)
        target = cuts_ms[j] - frame_ms(rule.out_offset_frames, fps) if j is not None else 0
        if j is not None and abs(cue.end_ms - target) > tolerance:
            found.append(
                (
                    "out_near_shot_change",
                    f"ends {_frames(cue.end_ms - cuts_ms[j], fps)} the shot change at frame {cuts[j]}; end it {rule.out_offset_frames} frames before",
                    j,
                )
            )
        for k, cut in enumerate(cuts_ms):
            if cue.start_ms + window < cut < cue.end_ms - window:
                found.append(
                    (
                        "crosses_shot_change",
                        f"runs across the shot change at frame {cuts[k]} ({format_timecode(cut)})",
                        k,
                    )
                )
        issues.extend(
            ShotIssue(
                cue=cue.index,
                start=format_timecode(cue.start_ms),
                code=code,
                message=message,
                shot_change_frame=cuts[k],
            )
            for code, message, k in found
        )
    return issues


def _frames(delta_ms: int, fps: float) -> str:
    frames = round(abs(delta_ms) * fps / 1000)
    side = "before" if delta_ms < 0 else "after"
    return f"{frames} frame{'s' if frames != 1 else ''} {side}" if frames else "on"


def snap_to_shots(
    cues: Sequence[Cue], cuts: Sequence[int], fps: float, profile: Profile
) -> tuple[list[Cue], list[ShotMove]]:
    """Cues with edges within the rule's window moved onto the shot change (in) or the frames before it
    (out), where the move keeps the profile's minimum duration and gap; and what moved."""
    rule = shot_rule(profile)
    cuts_ms = [frame_ms(f, fps) for f in cuts]
    window = frame_ms(rule.window_frames, fps)
    gap = profile.frames_ms(profile.min_gap_frames, fps)
    out = [Cue(c.index, c.start_ms, c.end_ms, c.text, c.raw, c.line, c.style) for c in cues]
    moves: list[ShotMove] = []
    for n, cue in enumerate(out):
        previous_end = out[n - 1].end_ms if n else None
        next_start = out[n + 1].start_ms if n + 1 < len(out) else None
        i = _nearest(cue.start_ms, cuts_ms, window)
        if i is not None:
            new = cuts_ms[i] + frame_ms(rule.in_offset_frames, fps)
            ok = cue.end_ms - new >= profile.min_duration_ms and (
                previous_end is None or new - previous_end >= gap or _can_pull(out[n - 1], new - gap, profile)
            )
            if new != cue.start_ms and ok:
                if previous_end is not None and new - previous_end < gap:
                    out[n - 1].end_ms = new - gap
                moves.append(_move(cue.index, "in", cue.start_ms, new, cuts[i], "on the shot change"))
                cue.start_ms = new
        j = _nearest(cue.end_ms, cuts_ms, window)
        if j is not None:
            new = cuts_ms[j] - frame_ms(rule.out_offset_frames, fps)
            ok = new - cue.start_ms >= profile.min_duration_ms and (
                next_start is None or next_start - new >= gap
            )
            if new != cue.end_ms and ok:
                reason = f"{rule.out_offset_frames} frames before the shot change"
                moves.append(_move(cue.index, "out", cue.end_ms, new, cuts[j], reason))
                cue.end_ms = new
    return out, moves


def _can_pull(previous: Cue, new_end: int, profile: Profile) -> bool:
    return new_end - previous.start_ms >= profile.min_duration_ms


def _move(cue: int, edge: Literal["in", "out"], before: int, after: int, frame: int, reason: str) -> ShotMove:
    return ShotMove(
        cue=cue,
        edge=edge,
        before=format_timecode(before),
        after=format_timecode(after),
        shot_change_frame=frame,
        reason=f"{reason} at frame {frame}",
    )
