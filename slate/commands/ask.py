"""`slate ask`: one chat turn from the command line (same agent as the UI)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from core.settings import Settings
from slate.output import print_json

if TYPE_CHECKING:
    from agent.service import SlateAgent, TurnResult


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "ask",
        help="ask the production a question (or give it a task)",
        description="One chat turn. Reuse --session to ask follow-ups (memory persists across runs).",
    )
    parser.add_argument("message", help="what to ask, in English or Chinese")
    parser.add_argument("--project", help="project name (default: SLATE_PROJECT)")
    parser.add_argument("--session", help="conversation id; reuse it for follow-ups")
    parser.add_argument("--json", action="store_true", help="print the whole turn as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from agent.service import open_agent

    agent = open_agent(settings, args.project)
    if args.json:
        print_json(agent.ask(args.message, args.session).model_dump(mode="json"))
        return 0
    result: TurnResult | None = None
    for event in agent.stream(args.message, args.session):
        if event.type == "tool_start" and sys.stderr.isatty():
            print(f"… {event.name}", file=sys.stderr)
        elif event.type == "final":
            result = event.result
    assert result is not None
    print(result.answer)
    footer = (
        f"[{result.provenance.answered_by} · {result.usage.total_tokens} tokens · session {result.session}]"
    )
    print(footer, file=sys.stderr)
    _confirm_pending(agent, result)
    return 0


def _confirm_pending(agent: SlateAgent, result: TurnResult) -> None:
    """Ask (y/N) about each change the gate refused; without a terminal nothing is applied."""
    for change in result.pending:
        if not sys.stdin.isatty():
            print(f"{change.question} (not applied: run in a terminal to confirm)", file=sys.stderr)
            continue
        reply = input(f"{change.question} [y/N] ").strip().casefold()
        if reply not in ("y", "yes", "是", "好"):
            continue
        record = agent.apply_change(change, result.session)
        ok = record.data.get("kind") != "error"
        done = ("已套用" if result.language == "zh" else "Applied") if ok else str(record.data.get("message"))
        print(f"{done}{f': {record.path}' if record.path else ''}")
