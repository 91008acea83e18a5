"""Tool results as the UI reads them: re-validated once into their models where they enter the page.

The agent hands the UI each result as plain data (what its checkpoint stores, what Gradio's state can
hold). `typed_result` turns it back into the tool's own result model, named by the registry, so the
tables, titles and downloads read attributes: renaming a result's field fails in mypy, not on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from core.errors import SlateError
from knowledge.citations import Citation
from tools.registry import ToolResult, get_tool

log = logging.getLogger("slate.ui")


class ToolFailure(BaseModel):
    """A tool call that failed or was refused: its one sentence."""

    model_config = ConfigDict(extra="ignore")

    kind: Literal["error"] = "error"
    message: str = ""
    tool: str | None = None


class ShownSource(Citation):
    """A cited passage as the Sources list holds it: the citation, and the text a search returned."""

    text: str | None = None


Shown = ToolResult | ToolFailure


def typed_result(artifact: Mapping[str, Any]) -> Shown | None:
    """The tool's result model from its plain data (None for a note or a tool the registry lacks)."""
    if artifact.get("kind") == "error":
        return ToolFailure.model_validate(dict(artifact))
    tool = artifact.get("tool")
    if not isinstance(tool, str):
        return None
    try:
        return get_tool(tool).load_result(artifact)
    except (SlateError, ValidationError):
        log.warning("a result of %s does not match its model; not shown", tool, exc_info=True)
        return None


def typed_source(ref: Mapping[str, Any]) -> ShownSource | None:
    """A citation from the page's state (None when it is not one)."""
    try:
        return ShownSource.model_validate(dict(ref))
    except ValidationError:
        return None
