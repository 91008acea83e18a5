"""`slate scenes FILE`: the script's scenes as a table, or as JSON with `--json`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knowledge.screenplay import Scene
    from slate.settings import Settings

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
    parser.add_argument("--time", type=str.upper, choices=TIMES, help="only scenes at this time of day")
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


def _fold(text: str) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def filter_scenes(
    scenes: list[Scene],
    *,
    character: str | None = None,
    location: str | None = None,
    time: str | None = None,
    int_ext: str | None = None,
) -> list[Scene]:
    """The scenes matching every given filter (character case-insensitive, location substring)."""
    out = []
    for scene in scenes:
        if character:
            wanted = _fold(character)
            names = [_fold(n) for n in (*scene.characters, *scene.non_speaking)]
            if wanted not in names:
                continue
        if (
            location
            and _fold(location) not in _fold(scene.location)
            and _fold(location) not in _fold(scene.heading)
        ):
            continue
        if time and scene.time_of_day != time:
            continue
        if int_ext and scene.int_ext != int_ext:
            continue
        out.append(scene)
    return out


def run(args: argparse.Namespace, settings: Settings) -> int:
    from knowledge.loader import load_screenplay
    from slate.output import print_json, print_table

    screenplay = load_screenplay(args.file)
    if args.character:
        known = {_fold(n): n for scene in screenplay.scenes for n in (*scene.characters, *scene.non_speaking)}
        if _fold(args.character) not in known:
            # An empty table would read as "in no scene"; a name the script never uses is a typo.
            import difflib

            from slate.errors import CharacterNotFound

            nearest = difflib.get_close_matches(_fold(args.character), list(known), n=3, cutoff=0.4)
            raise CharacterNotFound(args.character, [known[n] for n in nearest] or sorted(known.values())[:5])
    scenes = filter_scenes(
        screenplay.scenes,
        character=args.character,
        location=args.location,
        time=args.time,
        int_ext=args.int_ext,
    )
    if args.json:
        print_json([scene.summary_row() for scene in scenes])
        return 0
    rows = [
        (
            scene.number,
            scene.int_ext or "",
            scene.location,
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
