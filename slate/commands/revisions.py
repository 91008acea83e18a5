"""`slate revisions NEW_DRAFT`: compare a new draft with the current script, scene by scene, and
report what changed (added, OMITTED, changed, moved, length) under locked numbers and the next
revision colour, with the impact on shot lists, breakdown, cast and schedule days.
`slate revisions list` shows the drafts kept (each stays readable in the project)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.settings import Settings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from tools.revisions import REVISION_COLOURS

    parser = subparsers.add_parser(
        "revisions",
        help="compare a new draft of the script: added, omitted, changed, moved scenes and their impact",
        description="Compare a new draft with the current screenplay (locked scene numbers, revision colours) "
        "and report stale shot lists, breakdown elements, cast scenes and schedule hours. "
        "`slate revisions list` shows the kept drafts.",
    )
    parser.add_argument("draft", metavar="NEW_DRAFT", help="the new draft, or `list`")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--project", metavar="NAME", help="an ingested project (default: SLATE_PROJECT)")
    source.add_argument("--script", metavar="FILE", help="the current draft, without a project")
    parser.add_argument("--cast", metavar="FILE", help="with --script: a cast list")
    parser.add_argument("--colour", "--color", choices=REVISION_COLOURS, help="the new pages' colour")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from knowledge.production import Production, open_production
    from slate.commands import call_tool
    from slate.output import print_json
    from tools.revisions import DraftsResult, RevisionReport

    if args.script:
        production = Production.from_files(args.script, cast=args.cast)
    else:
        production = open_production(settings, args.project)
    result = (
        call_tool(production, "list_drafts", DraftsResult)
        if args.draft == "list"
        else call_tool(
            production, "compare_drafts", RevisionReport, new_script=args.draft, colour=args.colour
        )
    )
    if args.json:
        print_json(result)
    else:
        print(result.summary())
    return 0
