"""A bug inside a tool ends as one plain sentence, in the person's language, never a class name."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from agent.intents import understand
from agent.lexicon import Lexicon
from agent.skills import compose_result
from agent.toolkit import run_tool
from tools.registry import ToolSpec


class _NoArgs(BaseModel):
    pass


def _broken(production: Any) -> Any:
    raise FileNotFoundError(2, "No such file or directory", "/srv/slate/projects/secret/script.fdx")


def test_a_crashing_tool_says_one_plain_sentence() -> None:
    spec = ToolSpec(name="call_sheet", func=_broken, args_model=_NoArgs, description="", doc="")
    content, artifact = run_tool(spec, production=None, args={})  # type: ignore[arg-type]
    assert artifact["kind"] == "error" and artifact["error"] == "ToolFailed"
    lexicon = Lexicon()
    for text in ("call sheet for day 2", "第二日嘅通告表"):
        u = understand(text, lexicon)
        answer = compose_result(artifact, u, lexicon) or ""
        for leak in ("FileNotFoundError", "Errno", "/srv/", "script.fdx", "Traceback"):
            assert leak not in answer and leak not in content
        assert answer.strip()
