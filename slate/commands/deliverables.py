"""`slate deliverables dialogue-list|adr`: post-production paperwork from the script and the subtitles.

Outputs are .xlsx and/or .pdf (from each -o's extension), written whole or not at all. Exit 2 for a file
that cannot be read or written, or a bad mark.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from slate.output import print_json, print_table

if TYPE_CHECKING:
    from core.settings import Settings
    from knowledge.production import Production


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "deliverables",
        help="timecoded dialogue list and ADR cue lists (XLSX, PDF) from script and subtitles",
        description="Post-production deliverables: the timecoded dialogue list (scene, TC in/out, character, "
        "dialogue, English and Chinese subtitle) and per-character ADR/dubbing cue lists.",
    )
    actions = parser.add_subparsers(dest="deliverable", metavar="DELIVERABLE", required=True)

    dialogue = actions.add_parser("dialogue-list", help="timecoded dialogue list")
    _common(dialogue)
    dialogue.set_defaults(func=run_dialogue_list)

    adr = actions.add_parser("adr", help="ADR/dubbing cue list per character for the marked lines")
    _common(adr)
    adr.add_argument(
        "--mark",
        action="append",
        required=True,
        metavar="CUES",
        help="lines to re-record: subtitle cue numbers (3,5), ranges (7-9) or scenes (sc8); repeatable",
    )
    adr.set_defaults(func=run_adr)


def _common(parser: argparse.ArgumentParser) -> None:
    from slate.commands._subs_media import _add_production

    parser.add_argument("subtitles", help="the subtitle file (SRT, VTT, ASS, TTML ...)")
    _add_production(parser)
    parser.add_argument("-o", "--output", action="append", required=True, help=".xlsx or .pdf; repeatable")
    parser.add_argument("--fps", type=float, help="timecode frame rate (default: the file's, else 23.976)")
    parser.add_argument("--json", action="store_true")


def _production(args: argparse.Namespace, settings: Settings) -> Production:
    from knowledge.production import open_production
    from slate.commands._subs_media import production_from_args

    return production_from_args(args, settings) or open_production(settings, settings.project)


def run_dialogue_list(args: argparse.Namespace, settings: Settings) -> int:
    from tools.media.operations import dialogue_list

    result = dialogue_list(_production(args, settings), args.subtitles, args.output, fps=args.fps)
    if args.json:
        print_json(result)
        return 0
    print(result.summary())
    return 0


def run_adr(args: argparse.Namespace, settings: Settings) -> int:
    from tools.media.operations import adr_list

    result = adr_list(_production(args, settings), args.subtitles, args.mark, args.output, fps=args.fps)
    if args.json:
        print_json(result)
        return 0
    rows = [
        (c.cue_id, c.scene, c.tc_in, c.tc_out, c.line) for cues in result.characters.values() for c in cues
    ]
    print_table(["cue", "scene", "TC in", "TC out", "line"], rows, title="ADR cues")
    print(result.summary())
    return 0
