"""What a turn sends a connected model, before and after issue 20, and what Slate's own work adds.

Over the held-out questions (tests/heldout/*/questions.yaml, used here only to count tokens — never to
tune anything), for each request as a model's first call of a turn sees it:

- **before**: the system prompt, every registered tool with its full schema (LangChain's conversion of
  the registry), and the question;
- **after**: the system prompt, the tools of the request's candidate skills as compact schemas
  (agent.turn_tools), and the question;

in tiktoken cl100k tokens, p50 and max. Then the latency Slate adds per turn with a model connected:
choosing the tools (understanding the message, one routing embedding, warm), fitting the call into
the window, and the grounding check of an answer, p50 and max.

    python bench/bench_model_turn.py
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
HELDOUT = REPO / "tests" / "heldout"
SCRIPTS = (".fountain", ".fdx", ".docx", ".pdf")


def productions() -> list[tuple[str, Any, list[str]]]:
    """(name, production, questions) for each held-out folder; the production from its files only."""
    import yaml

    from knowledge.production import Production
    from knowledge.sample_production import sample_files

    out = []
    for folder in sorted(p for p in HELDOUT.iterdir() if (p / "questions.yaml").is_file()):
        marker = folder / "production.txt"
        if marker.is_file() and marker.read_text(encoding="utf-8").strip() == "sample":
            files = {p.name: p for p in sample_files().values()}
        else:
            files = {p.name: p for p in folder.iterdir() if p.is_file()}
        script = next((p for n, p in sorted(files.items()) if p.suffix in SCRIPTS), None)
        production = Production.from_files(
            script,
            cast=files.get("cast.csv"),
            locations=files.get("locations.csv"),
            plan=files.get("plan.yaml"),
            name=folder.name,
        )
        questions: list[str] = []
        for item in yaml.safe_load((folder / "questions.yaml").read_text(encoding="utf-8")):
            asks = item["ask"] if isinstance(item["ask"], list) else [item["ask"]]
            questions.extend(str(a) for a in asks)
        out.append((folder.name, production, questions))
    return out


def percentiles(values: list[float]) -> str:
    return f"p50 {statistics.median(values):,.0f}  max {max(values):,.0f}"


def main() -> None:
    os.environ["SLATE_HOME"] = tempfile.mkdtemp(prefix="slate-bench-model-turn-")
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage
    from langchain_core.utils.function_calling import convert_to_openai_tool

    from agent.grounding import check_turn
    from agent.lexicon import Lexicon
    from agent.middleware import fit_to_window
    from agent.routing import default_router
    from agent.service import SYSTEM_PROMPT
    from agent.toolkit import build_tools
    from agent.turn_tools import compact_schema, schema_tokens, tools_for_turn
    from knowledge.tokens import count_tokens

    system = SystemMessage(SYSTEM_PROMPT)
    system_tokens = count_tokens(SYSTEM_PROMPT)
    full_tools = [convert_to_openai_tool(t) for t in build_tools(None)]  # type: ignore[arg-type]
    full_tokens = schema_tokens(full_tools)
    default_router()  # warm: the router's bank vectors and the embedder load once per process
    warm = Lexicon()
    for text in ("Which scenes are at night?", "邊幾場係夜景？"):  # warm jieba's tagger and the router
        check_turn([HumanMessage(text)], AIMessage("第11場 scene 11 Inspector Chan"), warm)
        tools_for_turn([HumanMessage(text)], warm)
    before: list[float] = []
    after: list[float] = []
    offered: list[float] = []
    choose_ms: list[float] = []
    fit_ms: list[float] = []
    ground_ms: list[float] = []
    for name, production, questions in productions():
        lexicon = Lexicon.from_production(production)
        for question in questions:
            messages = [HumanMessage(question)]
            question_tokens = count_tokens(question) + 4
            before.append(system_tokens + full_tokens + question_tokens)
            started = time.perf_counter()
            names = tools_for_turn(messages, lexicon)
            schemas = [compact_schema(n) for n in names]
            choose_ms.append((time.perf_counter() - started) * 1000)
            offered.append(len(names))
            after.append(system_tokens + schema_tokens(schemas) + question_tokens)
            started = time.perf_counter()
            fit_to_window(messages, system, 3000)
            fit_ms.append((time.perf_counter() - started) * 1000)
            answer = AIMessage("Scenes 11 and 17; Inspector Chan has 42 lines. 第11場同第17場。")
            started = time.perf_counter()
            check_turn(messages, answer, lexicon)
            ground_ms.append((time.perf_counter() - started) * 1000)
        print(f"{name}: {len(questions)} questions")
    print(f"\nrequests: {len(before)}; registered tools: {len(full_tools)}")
    print(f"tokens sent, before (all tools, full schemas): {percentiles(before)}")
    print(f"tokens sent, after (candidate skills, compact): {percentiles(after)}")
    print(f"tools offered after: p50 {statistics.median(offered):.0f}  max {max(offered):.0f}")
    print(f"system prompt {system_tokens} tokens; all full schemas {full_tokens} tokens")
    print("\nSlate's own work per turn (warm), ms:")
    total = [a + b + c for a, b, c in zip(choose_ms, fit_ms, ground_ms, strict=True)]
    for label, values in (
        ("choose tools", choose_ms),
        ("fit window", fit_ms),
        ("grounding check", ground_ms),
        ("total", total),
    ):
        print(f"  {label:16s} p50 {statistics.median(values):6.1f}  max {max(values):6.1f}")
    print(json.dumps({"before_p50": statistics.median(before), "after_p50": statistics.median(after)}))


if __name__ == "__main__":
    main()
