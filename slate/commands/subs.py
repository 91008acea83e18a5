"""`slate subs`: check, fix, retime, convert, merge and split subtitle files.

Exit codes: 0 when the command did its job, whether or not the check found issues (a check that ran is
a success; read the report or `--json` for the issues); 2 when a file cannot be read or written, or an
argument is wrong. Output files are written whole or not at all.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING

from core.settings import Settings
from slate.output import print_json, print_table

if TYPE_CHECKING:
    from tools.subtitles.models import SubtitleOutput, SubtitleReport

SCRIPTS = ("zh-Hant-HK", "zh-Hant-TW", "zh-Hans")
PROFILE_HELP = (
    "netflix-en, netflix-zh-hant, hk-bilingual, a house profile's name (SLATE_HOME/profiles/NAME.yaml) "
    "or a YAML file's path; default: chosen from the text"
)


def profile_dirs(settings: Settings) -> tuple[Path, ...]:
    """Where house profiles are looked up by name: SLATE_HOME/profiles, then the current folder's profiles/."""
    return (settings.home / "profiles", Path.cwd() / "profiles")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "subs",
        help="check, fix, retime, convert, merge and split subtitle files",
        description="Subtitle work: Netflix-style checks for English and Traditional Chinese, fixes that "
        "never lose a word, retiming, format and script conversion, Hong Kong bilingual tracks.",
    )
    commands = parser.add_subparsers(dest="subs_command", metavar="ACTION", required=True)

    check = commands.add_parser("check", help="check a subtitle file against a profile")
    check.add_argument("file")
    check.add_argument("--profile", help=PROFILE_HELP)
    check.add_argument(
        "--fps", type=float, help="frame rate for the 2-frame gap rule (default: the file's, else 23.976)"
    )
    check.add_argument(
        "--cps", type=float, choices=(17.0, 20.0), help="English reading speed: 20 adult, 17 children"
    )
    check.add_argument("--format", help="force the input format (srt, vtt, ass, ssa, ttml, microdvd, ...)")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.set_defaults(func=run_check)

    fix = commands.add_parser("fix", help="fix timing and line breaks; report what needs a person")
    fix.add_argument("file")
    fix.add_argument("-o", "--output", required=True, help="output file (.srt, .vtt, .ass, .ssa, .ttml)")
    fix.add_argument("--profile", help=PROFILE_HELP)
    fix.add_argument("--fps", type=float)
    fix.add_argument("--to-script", choices=SCRIPTS, help="also convert the Chinese script (OpenCC)")
    fix.add_argument("--encoding", default="utf-8", help="output encoding (default utf-8)")
    fix.add_argument("--format", help="force the input format")
    fix.add_argument("--json", action="store_true")
    fix.set_defaults(func=run_fix)

    shift = commands.add_parser("shift", help="shift by an offset, or sync linearly to reference points")
    # Offsets such as -1.5s start with a dash; let argparse take them as values, not as options.
    shift._negative_number_matcher = re.compile(r"^-(\d+(\.\d*)?|\.\d+)(ms|s|m|h)?$|^-\d+:\d")
    shift.add_argument("file")
    group = shift.add_mutually_exclusive_group(required=True)
    group.add_argument("--by", help="offset: -1.5s, +2s, 500ms, 00:00:01,200")
    group.add_argument("--sync", action="append", metavar="OLD=NEW", help="a sync point; give two or more")
    shift.add_argument("-o", "--output", required=True)
    shift.add_argument("--encoding", default="utf-8")
    shift.add_argument("--json", action="store_true")
    shift.set_defaults(func=run_shift)

    fps = commands.add_parser("fps", help="retime for a frame-rate change (e.g. 25 → 23.976)")
    fps.add_argument("file")
    fps.add_argument("--from", dest="from_fps", type=float, required=True)
    fps.add_argument("--to", dest="to_fps", type=float, required=True)
    fps.add_argument("-o", "--output", required=True)
    fps.add_argument("--encoding", default="utf-8")
    fps.add_argument("--json", action="store_true")
    fps.set_defaults(func=run_fps)

    convert = commands.add_parser("convert", help="write another format, script or encoding")
    convert.add_argument("file")
    convert.add_argument("-o", "--output", required=True, help="the extension picks the format")
    convert.add_argument("--to-script", choices=SCRIPTS)
    convert.add_argument("--encoding", default="utf-8")
    convert.add_argument("--fps", type=float, help="frame rate for frame-based input (MicroDVD)")
    convert.add_argument("--format", help="force the input format")
    convert.add_argument("--json", action="store_true")
    convert.set_defaults(func=run_convert)

    merge = commands.add_parser("merge", help="merge Chinese and English tracks into one bilingual track")
    merge.add_argument("chinese")
    merge.add_argument("english")
    merge.add_argument("-o", "--output", required=True)
    merge.add_argument("--encoding", default="utf-8")
    merge.add_argument("--json", action="store_true")
    merge.set_defaults(func=run_merge)

    split = commands.add_parser("split", help="split a bilingual track into Chinese and English files")
    split.add_argument("file")
    split.add_argument("--zh", required=True, help="Chinese output file")
    split.add_argument("--en", required=True, help="English output file")
    split.add_argument("--encoding", default="utf-8")
    split.add_argument("--json", action="store_true")
    split.set_defaults(func=run_split)

    # --- from picture and sound (issue 15): transcribe, shots -- defined in _subs_media.py ---
    from slate.commands._subs_media import register_media

    register_media(commands)


def run_check(args: argparse.Namespace, settings: Settings) -> int:
    report = _check(args, settings)
    if args.json:
        print_json(report.as_json())
        return 0
    if report.issues:
        rows = [(i.cue, i.start, i.code, i.message) for i in report.issues]
        print_table(["cue", "start", "code", "message"], rows, title=report.file)
    for note in report.notes:
        print(f"note: {note}")
    print(f"{report.summary()} · {report.encoding} · {report.format} · {report.fps:g} fps")
    print(f"profile: {report.profile} ({report.profile_source})")
    return 0


def _check(args: argparse.Namespace, settings: Settings) -> SubtitleReport:
    """Check with `check_subtitles`, the tool the chat, the API and the UI call, so all four report the
    same issues. The tool takes neither a forced input format, nor a house profile kept under
    SLATE_HOME or ./profiles (it looks in the project's folder), nor a frame rate or reading speed past
    its bounds: with those the CLI checks directly, as it always did."""
    from knowledge.production import Production
    from slate.commands import call_tool, tool_takes
    from tools.subtitles.models import SubtitleReport
    from tools.subtitles.operations import check_file
    from tools.subtitles.profiles import PROFILES

    path = Path(args.file)
    wanted = {"file": path.name, "profile": args.profile, "fps": args.fps, "cps": args.cps}
    built_in = args.profile is None or args.profile.strip().lower() in PROFILES
    if args.format is None and built_in and tool_takes("check_subtitles", **wanted):
        production = Production(name=path.stem, subtitle_paths=[path])
        report = call_tool(production, "check_subtitles", SubtitleReport, **wanted)
        return report.model_copy(update={"file": str(path)})  # named as typed, as a direct check names it
    return check_file(
        args.file,
        profile=args.profile,
        fps=args.fps,
        cps=args.cps,
        format=args.format,
        profile_dirs=profile_dirs(settings),
    )


def _print_output(result: SubtitleOutput, as_json: bool) -> int:
    if as_json:
        print_json(result)
        return 0
    print(result.summary())
    if result.remaining:
        rows = [(i.cue, i.start, i.code, i.message) for i in result.remaining]
        print_table(["cue", "start", "code", "message"], rows, title="Left for a person")
    return 0


def run_fix(args: argparse.Namespace, settings: Settings) -> int:
    from tools.subtitles.operations import fix_file

    result = fix_file(
        args.file,
        args.output,
        profile=args.profile,
        fps=args.fps,
        to_script=args.to_script,
        encoding=args.encoding,
        format=args.format,
        profile_dirs=profile_dirs(settings),
    )
    return _print_output(result, args.json)


def run_shift(args: argparse.Namespace, settings: Settings) -> int:
    from tools.subtitles.operations import shift_file

    if args.sync is not None and len(args.sync) < 2:
        from core.errors import SubtitleError

        raise SubtitleError("Linear sync needs two or more --sync points", value=args.sync)
    result = shift_file(args.file, args.output, by=args.by, sync=args.sync or (), encoding=args.encoding)
    return _print_output(result, args.json)


def run_fps(args: argparse.Namespace, settings: Settings) -> int:
    from tools.subtitles.operations import fps_file

    result = fps_file(
        args.file, args.output, from_fps=args.from_fps, to_fps=args.to_fps, encoding=args.encoding
    )
    return _print_output(result, args.json)


def run_convert(args: argparse.Namespace, settings: Settings) -> int:
    from tools.subtitles.operations import convert_file

    result = convert_file(
        args.file,
        args.output,
        to_script=args.to_script,
        encoding=args.encoding,
        fps=args.fps,
        format=args.format,
    )
    return _print_output(result, args.json)


def run_merge(args: argparse.Namespace, settings: Settings) -> int:
    from tools.subtitles.operations import merge_files

    return _print_output(
        merge_files(args.chinese, args.english, args.output, encoding=args.encoding), args.json
    )


def run_split(args: argparse.Namespace, settings: Settings) -> int:
    from tools.subtitles.operations import split_file

    return _print_output(split_file(args.file, args.zh, args.en, encoding=args.encoding), args.json)
