"""Shot changes: found in a real video within one frame, stored beside it, and cues timed to them."""

from __future__ import annotations

import json
import os

import pytest

from knowledge.subtitle_file import Cue
from tests.tools.media.conftest import CUTS, Programme
from tools.media.shots import check_against_shots, frame_ms, load_or_detect, sidecar_path, snap_to_shots
from tools.subtitles.profiles import get_profile

FPS = 25.0
NETFLIX = get_profile("netflix-en")


@pytest.mark.slow
def test_hard_cuts_found_within_one_frame(programme: Programme) -> None:
    found = load_or_detect(programme.video, refresh=True)
    assert found.fps == pytest.approx(25.0)
    assert len(found.cuts) == len(CUTS)
    for got, want in zip(found.cuts, CUTS, strict=True):
        assert abs(got - want) <= 1


@pytest.mark.slow
def test_shot_changes_are_stored_beside_the_video_and_reused(programme: Programme, tmp_path) -> None:  # type: ignore[no-untyped-def]
    video = tmp_path / programme.video.name
    video.write_bytes(programme.video.read_bytes())
    first = load_or_detect(video)
    stored = json.loads(sidecar_path(video).read_text(encoding="utf-8"))
    assert [c["frame"] for c in stored["shot_changes"]] == first.cuts
    assert not first.reused and load_or_detect(video).reused
    os.utime(video, ns=(1, 1))  # the video changed: detect again
    assert not load_or_detect(video).reused


def _cue(index: int, start_frame: float, end_frame: float, text: str = "Line.") -> Cue:
    return Cue(index, round(start_frame * 40), round(end_frame * 40), text, text)


def test_in_time_near_a_shot_change_moves_onto_it() -> None:
    cues = [_cue(1, 95, 150)]  # 5 frames before the shot change at 100
    snapped, moves = snap_to_shots(cues, [100], FPS, NETFLIX)
    assert snapped[0].start_ms == frame_ms(100, FPS)
    assert [(m.cue, m.edge, m.shot_change_frame) for m in moves] == [(1, "in", 100)]
    assert check_against_shots(snapped, [100], FPS, NETFLIX) == []


def test_out_time_near_a_shot_change_moves_two_frames_before_it() -> None:
    cues = [_cue(1, 10, 104)]  # ends 4 frames after the shot change at 100
    snapped, moves = snap_to_shots(cues, [100], FPS, NETFLIX)
    assert snapped[0].end_ms == frame_ms(98, FPS)
    assert "2 frames before the shot change" in moves[0].describe()
    assert check_against_shots(snapped, [100], FPS, NETFLIX) == []


def test_edges_outside_the_window_stay() -> None:
    cues = [_cue(1, 10, 80)]  # 20 frames before the shot change: more than 12
    snapped, moves = snap_to_shots(cues, [100], FPS, NETFLIX)
    assert moves == [] and snapped[0].end_ms == cues[0].end_ms


def test_a_move_that_would_make_the_event_too_short_is_reported_not_made() -> None:
    cues = [_cue(1, 95, 118)]  # in-time on 100 would leave 18 frames: under 5/6 s (20.8 frames at 25 fps)
    snapped, moves = snap_to_shots(cues, [100], FPS, NETFLIX)
    assert moves == [] and snapped[0].start_ms == cues[0].start_ms
    assert [i.code for i in check_against_shots(snapped, [100], FPS, NETFLIX)] == ["in_near_shot_change"]


def test_a_cue_across_a_shot_change_is_flagged() -> None:
    issues = check_against_shots([_cue(1, 50, 150)], [100], FPS, NETFLIX)
    assert [(i.code, i.shot_change_frame) for i in issues] == [("crosses_shot_change", 100)]


def test_chained_cues_meet_at_the_shot_change() -> None:
    cues = [_cue(1, 40, 103), _cue(2, 105, 160)]
    snapped, _ = snap_to_shots(cues, [100], FPS, NETFLIX)
    assert snapped[0].end_ms == frame_ms(98, FPS) and snapped[1].start_ms == frame_ms(100, FPS)
