"""`slate schedule PLAN` and `slate callsheet PLAN --day N`: plan the shoot, export it, print call sheets.

Scenes come from the project's screenplay (`--project NAME`), a screenplay file (`--script FILE`,
with the plan's cast_list/locations_list for canonical names), or the plan alone when neither is
given. Without -o or --format a readable summary is printed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.settings import Settings
    from knowledge.production import Production
    from tools.schedule.tools import PlannedShoot

EXPORT_CHOICES = ("json", "csv", "xlsx", "ics", "html")
CALLSHEET_CHOICES = ("json", "md", "html")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "schedule",
        help="plan the shoot: an optimised stripboard with its proven bound and the baseline",
        description="Plan the shoot with OR-Tools CP-SAT from a production plan (YAML or JSON) and the "
        "script's scenes. Prints a summary, or exports JSON, CSV, XLSX, ICS or an HTML stripboard.",
    )
    parser.add_argument("plan", metavar="PLAN", help="the production plan (plan.yaml or .json)")
    _add_common(parser)
    parser.add_argument("--format", choices=EXPORT_CHOICES, help="export format (default: from -o)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the export to FILE")
    parser.set_defaults(func=run_schedule)

    sheet = subparsers.add_parser(
        "callsheet",
        help="the call sheet for one shooting day",
        description="Plan the shoot (or reuse the project's last plan from the same inputs) and print "
        "the call sheet for day N: general call, scenes, cast call times, locations, notes.",
    )
    sheet.add_argument("plan", metavar="PLAN", help="the production plan (plan.yaml or .json)")
    sheet.add_argument("--day", type=int, required=True, metavar="N", help="shooting day, 1 for the first")
    _add_common(sheet)
    sheet.add_argument(
        "--format", choices=CALLSHEET_CHOICES, help="output format (default: from -o, else md)"
    )
    sheet.add_argument("-o", "--output", metavar="FILE", help="write the call sheet to FILE")
    sheet.set_defaults(func=run_callsheet)


def _add_common(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--project", metavar="NAME", help="take scenes from an ingested project")
    source.add_argument("--script", metavar="FILE", help="take scenes from a screenplay file")
    parser.add_argument(
        "--time-limit",
        type=float,
        default=30.0,
        metavar="S",
        help="seconds the optimiser may search (default 30)",
    )
    parser.add_argument(
        "--workers", type=int, default=None, metavar="N", help="CP-SAT search workers (default: CPU count)"
    )


def _production(args: argparse.Namespace, settings: Settings) -> Production:
    from knowledge.plan import load_plan
    from knowledge.production import Production, open_production

    plan = load_plan(args.plan)
    if args.project:
        production = open_production(settings, args.project)
    elif args.script:
        cast, locations = plan.list_path("cast_list"), plan.list_path("locations_list")
        production = Production.from_files(args.script, cast=cast, locations=locations)
    else:
        production = Production(name=plan.production or Path(args.plan).stem)
    production.plan_path = Path(args.plan)  # the plan named on the command line, as the tools read it
    return production


def _time_limit(args: argparse.Namespace) -> float:
    from core.errors import SlateError

    if args.time_limit <= 0:
        raise SlateError("--time-limit must be a positive number of seconds", value=args.time_limit)
    return float(args.time_limit)


def run_schedule(args: argparse.Namespace, settings: Settings) -> int:
    entered = time.monotonic()  # the limit covers loading the solver and reading the production too
    from core.errors import SlateError
    from tools.schedule.export import export_bytes, format_for, write_export
    from tools.schedule.solver import summary_lines

    production = _production(args, settings)
    time_limit = _time_limit(args)
    shoot = _plan(args, production, max(0.5, time_limit - (time.monotonic() - entered)))
    if args.output:
        path = Path(args.output)
        fmt = format_for(path, args.format)
        write_export(path, shoot.problem, shoot.schedule, fmt)
        print(f"Wrote {path} ({fmt}).", file=sys.stderr)
        return 0
    if args.format:
        if args.format == "xlsx":
            raise SlateError("An XLSX workbook needs a file: add -o FILE.xlsx", value="xlsx")
        sys.stdout.write(export_bytes(shoot.problem, shoot.schedule, args.format).decode("utf-8-sig"))
        return 0
    print("\n".join(summary_lines(shoot.schedule)))
    for note in shoot.schedule.notes:
        print(f"Note: {note}")
    for problem in shoot.schedule.violations:
        print(f"VIOLATION: {problem}")
    return 0


def _plan(args: argparse.Namespace, production: Production, time_limit_s: float) -> PlannedShoot:
    """Plan the shoot with `plan_schedule`, the tool the chat, the API and the UI call, so all four
    show the same plan; the exports then read that very plan back from the project's cache.

    The tool takes neither --workers nor more than a minute of search: with those the CLI plans
    directly, with the same planner."""
    from slate.commands import call_tool, tool_takes
    from tools.schedule.tools import ScheduleResult, plan_shoot

    if args.workers is not None or not tool_takes("plan_schedule", time_limit_s=time_limit_s):
        return plan_shoot(
            production, time_limit_s=time_limit_s, num_workers=args.workers, remember=args.project is not None
        )
    call_tool(production, "plan_schedule", ScheduleResult, time_limit_s=time_limit_s)
    return plan_shoot(production, reuse=True, remember=False)


def run_callsheet(args: argparse.Namespace, settings: Settings) -> int:
    from core.errors import SlateError
    from core.paths import atomic_write_text
    from slate.output import print_json
    from tools.schedule.callsheet import build_call_sheet, call_sheet_html, call_sheet_markdown
    from tools.schedule.tools import plan_shoot, production_breakdown

    production = _production(args, settings)
    remember = args.project is not None
    shoot = plan_shoot(
        production,
        args.plan,
        time_limit_s=_time_limit(args),
        num_workers=args.workers,
        reuse=remember,
        remember=remember,
    )
    sheet = build_call_sheet(shoot.problem, shoot.schedule, args.day, production_breakdown(production))
    fmt = args.format
    if fmt is None and args.output:
        suffix = Path(args.output).suffix.lower()
        fmt = {".json": "json", ".md": "md", ".html": "html", ".htm": "html"}.get(suffix)
        if fmt is None:
            raise SlateError("Cannot tell the format from the file name; add --format", value=suffix)
    fmt = fmt or "md"
    if fmt == "json":
        import json

        text = json.dumps(sheet.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    elif fmt == "html":
        text = call_sheet_html(sheet)
    else:
        text = call_sheet_markdown(sheet)
    if args.output:
        atomic_write_text(Path(args.output), text)
        print(f"Wrote {args.output} ({fmt}).", file=sys.stderr)
    elif fmt == "json":
        print_json(sheet)
    else:
        sys.stdout.write(text)
    return 0
