"""`slate search "QUERY"`: hybrid search over a project's documents, each hit with its citation."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.settings import Settings
    from knowledge.citations import SearchHit
    from knowledge.production import Production

DOC_TYPES = ("screenplay", "notes", "report", "cast", "locations", "plan", "subtitles")
TIMES = ("DAY", "NIGHT", "DAWN", "DUSK")
SNIPPET_CHARS = 240


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "search",
        help="search a project's documents (any language) and cite each passage",
        description="Hybrid search (multilingual vectors + Chinese-aware BM25) over an ingested "
        "project. Names of characters and locations, and scene numbers (scene 12, 第12場), are "
        "matched exactly and across languages.",
    )
    parser.add_argument("query", metavar="QUERY", help="what to look for")
    parser.add_argument("--project", metavar="NAME", help="project name (default: SLATE_PROJECT)")
    parser.add_argument("-k", type=int, default=5, metavar="N", help="how many passages (default 5)")
    parser.add_argument("--type", dest="doc_type", choices=DOC_TYPES, help="only this kind of document")
    parser.add_argument("--scene", metavar="N", help="only passages from scene N (12, 12A, 第12場)")
    parser.add_argument("--character", metavar="NAME", help="only passages involving NAME (any alias)")
    parser.add_argument("--location", metavar="TEXT", help="only passages at this location (any alias)")
    parser.add_argument("--time", type=str.upper, choices=TIMES, help="only scenes at this time of day")
    parser.add_argument("--json", action="store_true", help="print a JSON list of hits")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from core.errors import SlateError
    from knowledge.production import open_production
    from slate.commands import call_tool
    from tools.script_lookup import SearchResult

    if args.k < 1 or args.k > 100:
        raise SlateError("-k must be between 1 and 100", value=args.k)
    project = args.project or settings.project
    production = open_production(settings, project) if _tool_takes_search(args) else None
    if production is None or (args.character and not _knows_character(production, args.character)):
        # What the tool does not take: the store itself answers, as it always did. A name the
        # production does not know still finds the passages that mention it.
        return _print_hits(args, _search_store(args, settings, project))
    # The same tool the chat, the API and the UI call, so all four find the same passages.
    filters = {"doc_type": args.doc_type, "scene": args.scene, "character": args.character}
    wanted = {key: value for key, value in filters.items() if value}
    result = call_tool(production, "search_documents", SearchResult, query=args.query, k=args.k, **wanted)
    return _print_hits(args, result.hits)


def _tool_takes_search(args: argparse.Namespace) -> bool:
    """`search_documents` has no --location or --time filter and returns at most 20 passages."""
    from slate.commands import tool_takes

    return not (args.location or args.time) and tool_takes("search_documents", query=args.query, k=args.k)


def _knows_character(production: Production, name: str) -> bool:
    from core.errors import CharacterNotFound

    try:
        production.resolve_character(name)
    except CharacterNotFound:
        return False
    return True


def _search_store(args: argparse.Namespace, settings: Settings, project: str) -> list[SearchHit]:
    """Search the project's store directly, with every filter the CLI offers."""
    from knowledge.retrieval import open_retriever

    filters: dict[str, Any] = {
        "doc_type": args.doc_type,
        "scene": args.scene,
        "character": args.character,
        "location": args.location,
        "time_of_day": args.time,
    }
    filters = {key: value for key, value in filters.items() if value}
    return open_retriever(settings, project).search(args.query, k=args.k, filters=filters or None)


def _print_hits(args: argparse.Namespace, hits: list[SearchHit]) -> int:
    from slate.output import print_json, print_table

    if args.json:
        print_json([hit.model_dump(mode="json") for hit in hits])
        return 0
    if not hits:
        print("No passages found.")
        return 0
    rows = []
    for rank, hit in enumerate(hits, start=1):
        text = " ".join(hit.text.split())
        snippet = text if len(text) <= SNIPPET_CHARS else text[: SNIPPET_CHARS - 1] + "…"
        rows.append((rank, f"{hit.score:.4f}", hit.citation().label(), snippet))
    print_table(["#", "score", "where", "text"], rows)
    return 0
