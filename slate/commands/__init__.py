"""One module per CLI area. Each defines `register(subparsers)`; handlers are `(args, settings) -> int`.

Modules here are discovered automatically by `slate.cli`, so adding an area never edits a shared file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from knowledge.production import Production
    from tools.registry import ToolResult

R = TypeVar("R", bound="ToolResult")


def call_tool(production: Production, name: str, expected: type[R], /, **args: Any) -> R:
    """Run a registered tool as the chat, the API and the UI do (same argument checks, same answer)."""
    from tools.registry import get_tool

    result = get_tool(name).invoke(production, args)
    assert isinstance(result, expected), (name, type(result))
    return result


def tool_takes(name: str, /, **args: Any) -> bool:
    """Whether the registered tool accepts these arguments (its bounds are the chat's: a CLI option
    that goes past them, such as a longer search, is run by the command itself)."""
    from pydantic import ValidationError

    from tools.registry import get_tool

    try:
        get_tool(name).args_model(**args)
    except ValidationError:
        return False
    return True
