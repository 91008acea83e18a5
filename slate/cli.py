"""The `slate` command: one entry point, one subcommand module per area in `slate/commands/`.

`main(argv) -> int` never raises for expected problems: a `SlateError` becomes one line on stderr
and its exit code (2 for bad input); anything unexpected becomes one line and exit 1 (with the
traceback only when SLATE_DEBUG=1).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from core.runtime import prepare_offline_runtime


def build_parser() -> argparse.ArgumentParser:
    import slate.commands

    parser = argparse.ArgumentParser(
        prog="slate",
        description="Slate: an offline production assistant for film crews.",
    )
    from slate import __version__

    parser.add_argument("--version", action="version", version=f"slate {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(slate.commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"slate.commands.{info.name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `slate` command; return its exit code."""
    prepare_offline_runtime()
    from core.errors import SlateError
    from core.settings import load_settings

    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    settings = None
    try:
        settings = load_settings()
        return int(args.func(args, settings) or 0)
    except SlateError as exc:
        print(f"slate: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("slate: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the edge: never show a traceback unless asked
        if settings is not None and settings.debug:
            raise
        print(
            f"slate: internal error: {type(exc).__name__}: {exc} (set SLATE_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
