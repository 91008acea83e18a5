"""`slate scenes FILE`: the script's scenes as a table, or as JSON with `--json`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.settings import Settings

TIMES = ("DAY", "NIGHT", "DAWN", "DUSK")
INT_EXT_CHOICES = ("INT", "EXT", "INT/EXT")
_TIME_ABBREVIATION = {"DAY": "D", "NIGHT": "N", "DAWN": "Dawn", "DUSK": "Dusk"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "scenes",
        help="list a screenplay's scenes (Fountain, FDX, PDF, DOCX, TXT)",
        description="List the scenes of a screenplay: number, INT/EXT, location, time of day, "
        "length in eighths of a page, page and speaking characters.",
    )
    parser.add_argument("file", metavar="FILE", help="the screenplay (.fountain .fdx .pdf .docx .txt)")
    parser.add_argument("--character", metavar="NAME", help="only scenes where NAME speaks or appears")
    parser.add_argument("--location", metavar="TEXT", help="only scenes whose location contains TEXT")
    parser.add_argument(
        "--time",
        type=str.upper,
        choices=TIMES,
        action="append",
        help="only scenes at this time of day (repeat for either: --time DAWN --time DUSK)",
    )
    parser.add_argument(
        "--int-ext",
        dest="int_ext",
        type=_int_ext,
        choices=INT_EXT_CHOICES,
        help="only INT, EXT or INT/EXT scenes",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(func=run)


def _int_ext(value: str) -> str:
    text = value.upper().replace(".", "").replace(" ", "")
    return {"I/E": "INT/EXT", "EXT/INT": "INT/EXT", "內": "INT", "内": "INT", "外": "EXT"}.get(text, text)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from knowledge.production import Production
    from slate.commands import call_tool
    from slate.output import print_json, print_table
    from tools.script_lookup import ScenesResult

    production = Production.from_files(args.file)
    screenplay = production.screenplay
    assert screenplay is not None
    filters = {
        "characters": [args.character] if args.character else None,
        "location": args.location,
        "time_of_day": args.time[0] if args.time and len(args.time) == 1 else None,
        "times": args.time if args.time and len(args.time) > 1 else None,
        "int_ext": args.int_ext,
    }
    scenes = list(screenplay.scenes)
    if any(filters.values()):
        # The same tool the chat, the API and the UI call, so all four give the same scenes.
        result = call_tool(production, "find_scenes", ScenesResult, **filters)
        wanted = {row.number for row in result.scenes}
        scenes = [scene for scene in scenes if scene.number in wanted]
    if args.json:
        print_json([scene.summary_row() for scene in scenes])
        return 0
    rows = [
        (
            scene.number,
            scene.int_ext or "",
            "OMITTED" if scene.omitted else scene.location,
            _TIME_ABBREVIATION.get(scene.time_of_day or "", scene.time_raw or ""),
            scene.pages_text,
            scene.page,
            ", ".join(scene.characters),
        )
        for scene in scenes
    ]
    title = screenplay.title or args.file
    print_table(
        ["#", "I/E", "Location", "D/N", "Pages", "Page", "Characters"],
        rows,
        title=f"{title} — {len(scenes)} of {len(screenplay.scenes)} scenes",
    )
    return 0
