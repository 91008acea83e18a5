"""`slate breakdown`: breakdown sheets per scene, element reports, department lists, edits.

slate breakdown [sheets] [--scene 1 --scene 12A] [--format json|csv|xlsx|html|pdf] [-o FILE]
slate breakdown report TAXI            every scene with the taxi (synonyms and Chinese count)
slate breakdown report --category stunts
slate breakdown list props|wardrobe|...  a department's list (wardrobe by character and scene)
slate breakdown edit 1 props "假玉鈪" [--count N] [--character NAME] [--detail TEXT] [--remove]
slate breakdown import edited.xlsx     the coordinator's spreadsheet back (its edits win)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.settings import Settings
    from knowledge.production import Production

FORMATS = ("json", "csv", "xlsx", "html", "pdf")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from tools.breakdown.model import CATEGORIES

    common = argparse.ArgumentParser(add_help=False)
    source = common.add_mutually_exclusive_group()
    source.add_argument("--project", metavar="NAME", help="an ingested project (default: SLATE_PROJECT)")
    source.add_argument("--script", metavar="FILE", help="a screenplay file, without a project")
    common.add_argument("--cast", metavar="FILE", help="with --script: a cast list (aliases of characters)")
    common.add_argument("--plan", metavar="FILE", help="with --script: a plan (its `breakdown:` edits file)")
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")

    parser = subparsers.add_parser(
        "breakdown",
        help="scene breakdowns by department: sheets, element reports, department lists, edits",
        description="Break a screenplay down scene by scene: cast, extras, stunts, vehicles, props, wardrobe, "
        "make-up, effects, animals, equipment, sound. Every version is saved in the project.",
        parents=[common],
    )
    parser.set_defaults(func=run_sheets, scene=[], format=None, output=None)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    sheets = actions.add_parser("sheets", help="breakdown sheets (default)", parents=[common])
    sheets.add_argument(
        "--scene", action="append", default=[], metavar="N", help="only this scene (repeatable)"
    )
    sheets.add_argument("--format", choices=FORMATS, help="export format (default: from -o, else a table)")
    sheets.add_argument("-o", "--output", metavar="FILE", help="write the sheets to FILE")
    sheets.set_defaults(func=run_sheets)

    report = actions.add_parser(
        "report", help="every scene with an element, or a category's elements", parents=[common]
    )
    report.add_argument("element", nargs="?", help="an element in any language (TAXI, 的士)")
    report.add_argument("--category", choices=CATEGORIES, help="every element of this category")
    report.set_defaults(func=run_report)

    department = actions.add_parser("list", help="a department's list across the script", parents=[common])
    department.add_argument("department", help="props, wardrobe, makeup, background, stunts, vehicles ...")
    department.add_argument("-o", "--output", metavar="FILE", help="write the list as .csv or .xlsx")
    department.set_defaults(func=run_list)

    edit = actions.add_parser("edit", help="add, change or remove one element", parents=[common])
    edit.add_argument("scene_number", metavar="SCENE")
    edit.add_argument("category", metavar="CATEGORY")
    edit.add_argument("name", metavar="NAME")
    edit.add_argument("--count", type=int)
    edit.add_argument("--character")
    edit.add_argument("--detail")
    edit.add_argument("--remove", action="store_true")
    edit.set_defaults(func=run_edit)

    load = actions.add_parser(
        "import", help="bring back an edited breakdown (XLSX, CSV, YAML)", parents=[common]
    )
    load.add_argument("file", metavar="FILE")
    load.set_defaults(func=run_import)


def production_for(args: argparse.Namespace, settings: Settings) -> Production:
    from knowledge.production import Production, open_production

    if args.script:
        return Production.from_files(args.script, cast=args.cast, plan=args.plan)
    production = open_production(settings, args.project)
    if args.plan:
        production.plan_path = Path(args.plan)
    return production


def _print_sheets(result: object) -> None:
    from slate.output import print_table
    from tools.breakdown.model import CATEGORY_LABELS
    from tools.breakdown.tools import BreakdownResult

    assert isinstance(result, BreakdownResult)
    for sheet in result.scenes:
        rows = [
            (
                CATEGORY_LABELS[e.category],
                e.text() + (" ✎" if e.edited else ""),
                e.sources[0].label() if e.sources else "",
            )
            for e in sheet.elements
        ]
        title = f"Sc {sheet.scene} · {sheet.heading} · {sheet.pages} pp" + (
            f" · day {sheet.story_day}" if sheet.story_day else ""
        )
        print_table(("Category", "Element", "Source"), rows, title=title)


def run_sheets(args: argparse.Namespace, settings: Settings) -> int:
    from core.paths import atomic_write_bytes
    from slate.commands import call_tool
    from slate.output import print_json
    from tools.breakdown.export import export_bytes
    from tools.breakdown.tools import BreakdownResult

    production = production_for(args, settings)
    result = call_tool(production, "breakdown_scenes", BreakdownResult, scenes=args.scene or None)
    fmt = args.format or (Path(args.output).suffix.lstrip(".").lower() if args.output else None)
    if fmt and fmt not in FORMATS:
        from core.errors import SlateError

        raise SlateError(f"Unknown format {fmt!r}", value=fmt, hint="Use one of " + ", ".join(FORMATS))
    if fmt or args.output:
        from tools.breakdown.model import Breakdown

        chosen = Breakdown(
            title=result.title, script=result.script, version=result.version, scenes=result.scenes
        )
        data = export_bytes(chosen, fmt or "json")  # type: ignore[arg-type]
        if args.output:
            atomic_write_bytes(Path(args.output), data)
            print(f"wrote {args.output}", file=sys.stderr)
        elif fmt in ("json", "csv", "html"):
            sys.stdout.write(data.decode("utf-8-sig"))
        else:
            path = production.output_dir / f"breakdown_v{result.version or 0:03d}.{fmt}"
            atomic_write_bytes(path, data)
            print(f"wrote {path}", file=sys.stderr)
        return 0
    if args.json:
        print_json(result)
    else:
        _print_sheets(result)
    return 0


def _print_report(args: argparse.Namespace, result: object) -> None:
    from slate.output import print_json, print_table
    from tools.breakdown.tools import ElementReportResult

    assert isinstance(result, ElementReportResult)
    if args.json:
        print_json(result)
        return
    rows = [
        (
            r.name,
            r.character or "",
            r.category,
            ", ".join(r.scenes),
            ", ".join(f"{k}: {v}" for k, v in r.counts.items()),
        )
        for r in result.rows
    ]
    print_table(("Element", "Character", "Category", "Scenes", "Counts"), rows)


def run_report(args: argparse.Namespace, settings: Settings) -> int:
    from core.errors import SlateError
    from slate.commands import call_tool
    from tools.breakdown.tools import ElementReportResult

    if not args.element and not args.category:
        raise SlateError("Name an element or a --category", hint="slate breakdown report TAXI")
    production = production_for(args, settings)
    report = call_tool(
        production, "element_report", ElementReportResult, element=args.element, category=args.category
    )
    _print_report(args, report)
    return 0


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    from slate.commands import call_tool
    from tools.breakdown.edits import category_of
    from tools.breakdown.tools import ElementReportResult

    department = category_of(args.department)
    export = Path(args.output).suffix.lstrip(".").lower() if args.output else None
    production = production_for(args, settings)
    result = call_tool(
        production, "department_list", ElementReportResult, department=department, export=export
    )
    if args.output and result.files:
        from core.paths import atomic_write_bytes

        atomic_write_bytes(Path(args.output), Path(result.files[0]).read_bytes())
        print(f"wrote {args.output}", file=sys.stderr)
    _print_report(args, result)
    return 0


def run_edit(args: argparse.Namespace, settings: Settings) -> int:
    from slate.commands import call_tool
    from tools.breakdown.edits import category_of
    from tools.breakdown.tools import BreakdownResult

    result = call_tool(
        production_for(args, settings),
        "edit_breakdown",
        BreakdownResult,
        scene=args.scene_number,
        category=category_of(args.category),
        name=args.name,
        count=args.count,
        character=args.character,
        detail=args.detail,
        remove=args.remove,
    )
    print(f"saved breakdown v{result.version}", file=sys.stderr)
    if args.json:
        from slate.output import print_json

        print_json(result)
    else:
        _print_sheets(result)
    return 0


def run_import(args: argparse.Namespace, settings: Settings) -> int:
    from slate.commands import call_tool
    from tools.breakdown.tools import BreakdownResult

    result = call_tool(production_for(args, settings), "import_breakdown", BreakdownResult, path=args.file)
    print(f"saved breakdown v{result.version} with the edits of {args.file}")
    return 0
