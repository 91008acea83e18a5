"""`slate ingest`, `slate forget` and `slate projects`: put a production's documents into a project,
take them out, and list projects."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.settings import Settings
    from knowledge.ingest import IngestReport


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ingest = subparsers.add_parser(
        "ingest",
        help="add files or folders to a project's knowledge store",
        description="Ingest screenplays, notes and reports (.md .txt .docx .pdf), cast and location "
        "lists (.csv .yaml), production plans and subtitles (.srt .vtt .ass) into a project. "
        "Folders are read recursively. Re-ingesting unchanged files adds nothing; a changed file "
        "replaces its old passages. Exit code 2 when any file was skipped.",
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    ingest.add_argument("--project", metavar="NAME", help="project name (default: SLATE_PROJECT)")
    ingest.add_argument("--json", action="store_true", help="print the report as JSON")
    ingest.set_defaults(func=run_ingest)

    forget = subparsers.add_parser(
        "forget",
        help="remove a document (or, with --all, every document) from a project",
        description="Remove one ingested document and all its passages from a project's store. "
        "`--all` empties the project and drops its vectors (needed to switch SLATE_EMBEDDER).",
    )
    forget.add_argument("file", nargs="?", metavar="FILE", help="the document's file name")
    forget.add_argument("--all", action="store_true", help="forget every document in the project")
    forget.add_argument("--project", metavar="NAME", help="project name (default: SLATE_PROJECT)")
    forget.add_argument("--json", action="store_true", help="print the result as JSON")
    forget.set_defaults(func=run_forget)

    projects = subparsers.add_parser(
        "projects",
        help="list projects with their document and chunk counts",
        description="List the projects in SLATE_HOME with how many documents and chunks each holds.",
    )
    projects.add_argument("--json", action="store_true", help="print JSON")
    projects.set_defaults(func=run_projects)


def _ingest_with_progress(settings: Settings, project: str, paths: list[str]) -> IngestReport:
    """Ingest with a progress bar on stderr when it is a terminal (the bar never touches stdout)."""
    from knowledge.ingest import ingest

    if not sys.stderr.isatty():
        return ingest(settings, project, paths)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("[bold]ingest[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=None)

        def progress(done: int, total: int, file: str) -> None:
            bar.update(task, completed=done, total=total, description=file)

        return ingest(settings, project, paths, progress=progress)


def run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from slate.output import print_json, print_table

    project = args.project or settings.project
    report = _ingest_with_progress(settings, project, list(args.paths))
    if args.json:
        print_json(report)
    else:
        print(
            f"{project}: {len(report.files)} file(s) ingested; {report.chunks_added} chunks added, "
            f"{report.chunks_unchanged} unchanged, {report.chunks_removed} removed."
        )
        if report.skipped:
            print_table(["skipped", "reason"], [(s.file, s.reason) for s in report.skipped])
        for note in report.notes:
            print(f"Note: {note}")
    return 2 if report.skipped else 0


def run_forget(args: argparse.Namespace, settings: Settings) -> int:
    from core.errors import SlateError
    from knowledge.ingest import forget, forget_project
    from slate.output import print_json

    project = args.project or settings.project
    if args.all == bool(args.file):
        raise SlateError("Name one FILE to forget, or pass --all (not both)", value=args.file)
    result = forget_project(settings, project) if args.all else forget(settings, project, args.file)
    if args.json:
        print_json(result)
    else:
        what = "every document" if args.all else result.file
        print(f"{project}: forgot {what} ({result.chunks_removed} chunks removed).")
    return 0


def run_projects(args: argparse.Namespace, settings: Settings) -> int:
    from knowledge.ingest import project_stats
    from slate.output import print_json, print_table

    stats = project_stats(settings)
    if args.json:
        print_json(stats)
    elif not stats:
        print("No projects yet. Create one with `slate ingest PATH --project NAME`.")
    else:
        print_table(
            ["project", "documents", "chunks"], [(s["project"], s["documents"], s["chunks"]) for s in stats]
        )
    return 0
