"""The tool registry, wrapped for LangChain.

Each registered tool becomes a `StructuredTool` bound to one Production, returning
`(content, artifact)`: the content is what a model reads (compact JSON, marked as data and trimmed
to a token budget); the artifact is the whole result as plain data, for the planner, the CLI and the UI.
Typed tool errors come back as text the model can act on, never as exceptions.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from typing import Any

from langchain_core.tools import StructuredTool

from core.errors import SlateError
from knowledge.production import Production
from knowledge.tokens import truncate_tokens
from tools.registry import ToolSpec, all_tools

TOOL_CONTENT_TOKENS = 2500
logger = logging.getLogger(__name__)


def error_artifact(exc: SlateError) -> dict[str, Any]:
    data = exc.to_dict()
    data["kind"] = "error"
    return data


def content_for_model(artifact: dict[str, Any], *, max_tokens: int = TOOL_CONTENT_TOKENS) -> str:
    """The result as compact JSON inside a data marker, trimmed to `max_tokens`.

    The marker tells a model that what follows is the production's data, not instructions: a note
    that says "ignore previous instructions" is quoted, never obeyed.
    """
    slim = {k: v for k, v in artifact.items() if k not in ("text",) or artifact.get("kind") != "scene"}
    if artifact.get("kind") == "scene" and artifact.get("text"):
        # Full text is long; a model gets it numbered, trimmed by the token budget below.
        slim["text"] = [f"{n}: {line}" for n, line in artifact["text"]]
    body = json.dumps(slim, ensure_ascii=False, separators=(",", ":"), default=str)
    body = fence_safe(truncate_tokens(body, max_tokens))
    return f"<tool-data>\n{body}\n</tool-data>"


def fence_safe(body: str) -> str:
    """JSON text that cannot close or forge the data marker: `<`, `>` and `&` become JSON escapes.

    A document holding `</tool-data>` would otherwise end the data early and have what follows read
    as instructions. Outside strings JSON never uses these characters, so the escapes stay valid JSON
    and decode back to the document's own text.
    """
    return body.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def run_tool(spec: ToolSpec, production: Production, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Run one tool; errors become text plus an `error` artifact."""
    started = time.perf_counter()
    try:
        result = spec.invoke(production, args)
    except SlateError as exc:
        artifact = error_artifact(exc)
        artifact["tool"] = spec.name
        artifact["seconds"] = round(time.perf_counter() - started, 3)
        return f"ERROR from {spec.name}: {exc}", artifact
    except ValueError as exc:  # pydantic validation of the arguments
        artifact = {"kind": "error", "error": "InvalidArguments", "message": str(exc), "tool": spec.name}
        return f"ERROR: invalid arguments for {spec.name}: {exc}", artifact
    except Exception:  # a bug in a tool must not end the conversation
        logger.exception("tool %s failed", spec.name)
        # The person sees one plain sentence; the class name and the details go to the log only.
        message = f"{spec.name} could not finish because of a problem in Slate (details are in the log)."
        return f"ERROR: {message}", {
            "kind": "error",
            "error": "ToolFailed",
            "message": message,
            "tool": spec.name,
        }
    artifact = result.model_dump(mode="json")
    artifact["tool"] = spec.name
    artifact["seconds"] = round(time.perf_counter() - started, 3)
    return content_for_model(artifact), artifact


def build_tools(production: Production, names: Iterable[str] | None = None) -> list[StructuredTool]:
    """LangChain tools for every registered tool (or the named ones), bound to `production`."""
    specs = all_tools()
    chosen = [specs[n] for n in names] if names is not None else list(specs.values())
    tools = []
    for spec in chosen:

        def call(_spec: ToolSpec = spec, **kwargs: Any) -> tuple[str, dict[str, Any]]:
            return run_tool(_spec, production, kwargs)

        tools.append(
            StructuredTool(
                name=spec.name,
                description=spec.doc,
                args_schema=spec.args_model,
                func=call,
                response_format="content_and_artifact",
            )
        )
    return tools
