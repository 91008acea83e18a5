"""`slate subs transcribe` and `slate subs shots`: subtitles from picture and sound.

Kept apart from `subs.py` (which registers them) so the two areas can change independently. The
leading underscore keeps the command discovery from registering this module on its own.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from slate.output import print_json, print_table

if TYPE_CHECKING:
    from core.settings import Settings
    from knowledge.production import Production

PROFILES = ("netflix-en", "netflix-zh-hant", "hk-bilingual")


def register_media(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    transcribe = commands.add_parser(
        "transcribe",
        help="speech in an audio or video file to a timed subtitle draft (offline Whisper model)",
        description="Transcribe speech into a subtitle draft with the Whisper model in SLATE_WHISPER_MODEL. "
        "With --script/--project the cast and location names guide spelling; with --scene the scene's "
        "dialogue gives the wording, and each cue gets a confidence. On a video, cues are timed to shot changes.",
    )
    transcribe.add_argument("file", help="audio or video (anything ffmpeg reads)")
    transcribe.add_argument("-o", "--output", help="subtitle file to write (default: FILE with .srt)")
    transcribe.add_argument("--profile", choices=PROFILES, default="netflix-en")
    transcribe.add_argument(
        "--scene", help="scene number whose dialogue this is (needs --script or --project)"
    )
    _add_production(transcribe)
    transcribe.add_argument("--language", help="spoken language code (default: the model detects it)")
    transcribe.add_argument("--no-shots", action="store_true", help="do not time cues to shot changes")
    transcribe.add_argument("--quiet", action="store_true", help="no progress on stderr")
    transcribe.add_argument("--json", action="store_true")
    transcribe.set_defaults(func=run_transcribe)

    shots = commands.add_parser(
        "shots",
        help="find a video's shot changes; check subtitles against them (-o: write them snapped)",
        description="Detect hard cuts (stored beside the video as VIDEO.shots.json and reused), check a "
        "subtitle file's cue edges against them, and with -o write it with edges moved to the shot changes.",
    )
    shots.add_argument("video")
    shots.add_argument("--subs", help="a subtitle file to check against the shot changes")
    shots.add_argument("-o", "--output", help="write the subtitles with edges snapped to shot changes")
    shots.add_argument("--profile", choices=PROFILES, help="default: chosen from the subtitle text")
    shots.add_argument(
        "--refresh", action="store_true", help="detect again even if stored shot changes match"
    )
    shots.add_argument("--json", action="store_true")
    shots.set_defaults(func=run_shots)


def _add_production(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--project", metavar="NAME", help="an ingested project")
    source.add_argument("--script", metavar="FILE", help="a screenplay file, without a project")
    parser.add_argument("--cast", metavar="FILE", help="with --script: the cast list (CSV/XLSX)")
    parser.add_argument("--locations", metavar="FILE", help="with --script: the location list")


def production_from_args(args: argparse.Namespace, settings: Settings) -> Production | None:
    """The production named by --project or --script (with --cast/--locations), else None."""
    from knowledge.production import Production, open_production

    if getattr(args, "script", None):
        return Production.from_files(args.script, cast=args.cast, locations=args.locations)
    if getattr(args, "project", None):
        return open_production(settings, args.project)
    return None


def _progress(fraction: float, message: str) -> None:
    print(f"\rtranscribing: {fraction:4.0%} {message:<20}", end="" if fraction < 1 else "\n", file=sys.stderr)


def run_transcribe(args: argparse.Namespace, settings: Settings) -> int:
    from core.errors import SlateError
    from tools.media.operations import transcribe_path

    production = production_from_args(args, settings)
    if args.scene and production is None:
        raise SlateError("--scene needs the script: give --script FILE or --project NAME", value=args.scene)
    result = transcribe_path(
        args.file,
        args.output,
        model_dir=settings.whisper_model,
        production=production,
        scene=args.scene,
        profile=args.profile,
        language=args.language,
        shots=not args.no_shots,
        progress=None if (args.quiet or args.json) else _progress,
    )
    if args.json:
        print_json(result)
        return 0
    if result.low_confidence:
        rows = [
            (c.index, c.start, f"{c.confidence:.2f}", c.text.replace("\n", " "), c.heard)
            for c in result.low_confidence
        ]
        print_table(
            ["cue", "start", "confidence", "text", "heard"], rows, title="Low confidence: listen to these"
        )
    for move in result.moves:
        print(f"moved: {move.describe()}")
    issues: list[tuple[int, str, str, str]] = [(i.cue, i.start, i.code, i.message) for i in result.remaining]
    issues += [(i.cue, i.start, i.code, i.message) for i in result.shot_issues]
    if issues:
        print_table(["cue", "start", "code", "message"], issues, title="Left for a person")
    print(result.summary())
    return 0


def run_shots(args: argparse.Namespace, settings: Settings) -> int:
    from core.errors import SlateError
    from tools.media.operations import shots_path

    if args.output and not args.subs:
        raise SlateError("-o writes fixed subtitles, so it needs --subs FILE", value=args.output)
    result = shots_path(
        args.video, subtitles=args.subs, output=args.output, profile=args.profile, refresh=args.refresh
    )
    if args.json:
        print_json(result)
        return 0
    if result.shot_changes:
        print_table(
            ["frame", "time"], list(zip(result.shot_changes, result.times, strict=True)), title="Shot changes"
        )
    for move in result.moves:
        print(f"moved: {move.describe()}")
    if result.issues:
        rows = [(i.cue, i.start, i.code, i.message) for i in result.issues]
        print_table(["cue", "start", "code", "message"], rows, title="Against shot changes")
    print(result.summary())
    return 0
