"""`slate shotlist SCENE`: draft, show and export a scene's shot list; `slate shotlist import FILE`.

`SCENE` is a scene number (`7`, `12A`, `第七場`) or `all`. Every draft is saved as a new version in
the project; `--latest` shows the saved version instead of drafting. `import` reads a spreadsheet
the coordinator edited (CSV or XLSX) and saves each scene in it as a new version, or nothing at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.settings import Settings
    from knowledge.production import Production
    from tools.shot_list import ShotList

STYLE_CHOICES = ("classic", "handheld", "hk-action")
FORMAT_CHOICES = ("json", "csv", "xlsx", "md")
IMPORT_WORD = "import"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "shotlist",
        help="draft a scene's shot list, or import an edited one (`slate shotlist import FILE`)",
        description="Draft a shot list for a scene (saved as a new version; CSV and XLSX copies go to the "
        "project's outputs folder), or `slate shotlist import FILE` to bring back a spreadsheet the crew "
        "edited. SCENE is a number such as 7, 12A or 第七場, or `all`.",
    )
    parser.add_argument(
        "scene", metavar="SCENE", help='scene number ("7", "12A", "第七場"), "all", or "import"'
    )
    parser.add_argument("file", metavar="FILE", nargs="?", help="with `import`: the edited .csv or .xlsx")
    _add_source(parser)
    parser.add_argument(
        "--style", choices=STYLE_CHOICES, default="classic", help="coverage style (default classic)"
    )
    parser.add_argument(
        "--format", choices=FORMAT_CHOICES, help="output format (default: from -o, else a table)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the shot list to FILE")
    parser.add_argument(
        "--latest", action="store_true", help="show the latest saved version instead of drafting a new one"
    )
    parser.add_argument(
        "--rules-only", action="store_true", help="do not ask a connected language model to refine the draft"
    )
    parser.set_defaults(func=run)

    alias = subparsers.add_parser(
        "shotlist-import",
        help="import an edited shot-list spreadsheet (same as `slate shotlist import FILE`)",
        description="Check every row of an edited shot list (CSV or XLSX) and save each scene as a new "
        "version; on any bad row nothing is saved and every problem is listed.",
    )
    alias.add_argument("file", metavar="FILE", help="the edited .csv or .xlsx")
    _add_source(alias)
    alias.set_defaults(func=run_import)


def _add_source(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--project", metavar="NAME", help="an ingested project (default: SLATE_PROJECT)")
    source.add_argument("--script", metavar="FILE", help="a screenplay file, without a project")


def _production(args: argparse.Namespace, settings: Settings, *, writer: bool = False) -> Production:
    from knowledge.production import Production, open_production

    if args.script:
        production = Production.from_files(args.script)
    else:
        production = open_production(settings, args.project)
    if writer and settings.llm_kind == "openai":
        from agent.models import ChatModelWriter, build_chat_openai

        production.writer = ChatModelWriter(build_chat_openai(settings, streaming=False), settings.model)
    return production


def run(args: argparse.Namespace, settings: Settings) -> int:
    from core.errors import SlateError

    if args.scene.strip().lower() == IMPORT_WORD:
        if not args.file:
            raise SlateError(
                "`slate shotlist import` needs the file to import", hint="slate shotlist import FILE"
            )
        return run_import(args, settings)
    if args.file:
        raise SlateError(
            f"Unexpected argument {args.file!r}", value=args.file, hint="Write the output file with -o FILE"
        )
    from slate.commands import call_tool
    from tools.shot_list import ShotListResult, resolve_scene
    from tools.shot_list_io import write_output_files

    production = _production(args, settings, writer=not (args.latest or args.rules_only))
    production.require_script()
    if args.scene.strip().lower() == "all":
        # An omitted scene has nothing to shoot; the tool refuses to draft one.
        numbers = [scene.number for scene in production.scenes if not scene.omitted]
    else:
        numbers = [resolve_scene(production, args.scene).number]
    shot_lists: list[ShotList] = []
    files: list[Path] = []
    for number in numbers:
        # The same tools the chat, the API and the UI call: the same draft, saved the same way.
        result = (
            call_tool(production, "get_shot_list", ShotListResult, scene=number)
            if args.latest
            else call_tool(production, "draft_shot_list", ShotListResult, scene=number, style=args.style)
        )
        shot_lists.append(result.shot_list)
        files += [Path(f) for f in result.files]
    if len(shot_lists) > 1 and not args.latest:
        files = write_output_files(production, shot_lists)  # one pair for the crew instead of one per scene
    _emit(args, production, shot_lists)
    for warning in (w for sl in shot_lists for w in sl.warnings):
        print(f"slate: warning: {warning}", file=sys.stderr)
    for path in files:
        print(f"wrote {path}", file=sys.stderr)
    return 0


def _emit(args: argparse.Namespace, production: Production, shot_lists: list[ShotList]) -> None:
    from slate.output import print_json
    from tools.shot_list_io import export_bytes, format_for_path, to_json_data, write_shot_lists

    fmt = args.format
    if args.output:
        path = write_shot_lists(shot_lists, args.output, fmt or format_for_path(args.output))
        print(f"wrote {path}", file=sys.stderr)
    elif fmt == "json":
        print_json(to_json_data(shot_lists))
    elif fmt in ("csv", "md"):
        sys.stdout.write(export_bytes(shot_lists, fmt).decode("utf-8-sig"))
    elif fmt == "xlsx":
        path = write_shot_lists(shot_lists, production.output_dir / "shot_lists.xlsx", "xlsx")
        print(f"wrote {path}", file=sys.stderr)
    if not args.output and fmt is None:
        _print_tables(shot_lists)


def _print_tables(shot_lists: list[ShotList]) -> None:
    from slate.output import print_table
    from tools.shot_list import format_minutes
    from tools.shot_list_io import format_lines

    headers = ("Shot", "Size", "Angle", "Move", "Lens", "Subjects", "Description", "Lines", "Min", "Notes")
    for sl in shot_lists:
        rows = [
            (
                s.id,
                s.size,
                s.angle,
                s.movement,
                f"{s.lens_mm}mm",
                ", ".join(s.subjects),
                s.description,
                format_lines(s.lines),
                s.setup_minutes,
                s.notes,
            )
            for s in sl.shots
        ]
        title = (
            f"Scene {sl.scene} · {sl.heading} · {sl.style} · v{sl.version} · "
            f"{sl.shot_count} shots, {format_minutes(sl.total_minutes)}"
        )
        print_table(headers, rows, title=title)
    if len(shot_lists) > 1:
        total = sum(sl.total_minutes for sl in shot_lists)
        print(
            f"{len(shot_lists)} scenes, {sum(sl.shot_count for sl in shot_lists)} shots, {format_minutes(total)}"
        )


def run_import(args: argparse.Namespace, settings: Settings) -> int:
    from tools.shot_list import format_minutes
    from tools.shot_list_io import import_shot_lists

    production = _production(args, settings)
    production.require_script()
    for sl in import_shot_lists(production, args.file):
        print(
            f"scene {sl.scene}: saved v{sl.version}, {sl.shot_count} shots, {format_minutes(sl.total_minutes)}"
        )
    return 0
