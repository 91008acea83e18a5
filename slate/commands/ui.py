"""`slate ui` and `slate demo`: open the chat UI in a browser (what `make run` does)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.settings import Settings

DEMO_PROJECT = "night-shift"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ui = subparsers.add_parser(
        "ui",
        help="open the chat UI",
        description="Serve the chat UI. It binds to 127.0.0.1 (this computer only) unless --host says "
        "otherwise; use --auth USER:PASS whenever others can reach it.",
    )
    _add_server_options(ui)
    ui.add_argument("--project", metavar="NAME", help="project to open (default: SLATE_PROJECT)")
    ui.add_argument(
        "--access",
        metavar="FILE",
        help="server mode: sign-in per user and who may read or change each project (access.toml)",
    )
    ui.set_defaults(func=run_ui)

    demo = subparsers.add_parser(
        "demo",
        help="ingest the bundled sample production and open the chat UI on it",
        description=f"Ingest 《夜更》 NIGHT SHIFT into project {DEMO_PROJECT!r} (instant when it is "
        "already there) and open the chat UI on it.",
    )
    _add_server_options(demo)
    demo.set_defaults(func=run_demo)


def _add_server_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="address to bind (default: SLATE_UI_HOST, 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default: SLATE_UI_PORT, 7860)")
    parser.add_argument("--auth", metavar="USER:PASS", help="ask for this login before showing the page")
    parser.add_argument("--share", action="store_true", help="also open a public gradio.live link")


def run_ui(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from ui.app import launch

    access = Path(args.access) if args.access else None
    launch(
        settings,
        args.project or settings.project,
        args.host,
        args.port,
        args.auth,
        share=args.share,
        access_file=access,
    )
    return 0


def run_demo(args: argparse.Namespace, settings: Settings) -> int:
    from knowledge.ingest import ingest
    from knowledge.sample_production import sample_files
    from ui.app import launch

    print(f"Reading the sample production into project {DEMO_PROJECT!r}…", file=sys.stderr, flush=True)
    report = ingest(settings, DEMO_PROJECT, list(sample_files().values()))
    for skipped in report.skipped:
        print(f"slate: skipped {skipped.file}: {skipped.reason}", file=sys.stderr)
    print(
        f"{len(report.files)} documents ({report.chunks_added} new passages, "
        f"{report.chunks_unchanged} unchanged).",
        file=sys.stderr,
    )
    launch(settings, DEMO_PROJECT, args.host, args.port, args.auth, share=args.share)
    return 0
