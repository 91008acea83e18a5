"""Offline planner golden cases (tests/golden/agent/planner_cases.yaml) over the sample production.

Each case runs through the real agent loop (create_agent + tools) with the offline planner; the last
message's tool calls and answer facts are compared with the case. The pass rate is printed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from agent.models import ModelInfo
from agent.planner import OfflinePlanner
from agent.service import SlateAgent
from knowledge.production import Production
from tests.agent.conftest import sample_production
from tools.registry import all_tools

CASES_FILE = Path(__file__).resolve().parents[1] / "golden" / "agent" / "planner_cases.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def agent(sample_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> SlateAgent:
    production: Production = sample_production(sample_dir)
    production.project_dir = tmp_path_factory.mktemp("planner-goldens")
    return SlateAgent(
        production, OfflinePlanner.for_production(production), ModelInfo("offline", "offline planner")
    )


def _args_match(expected: dict[str, Any], actual: dict[str, Any]) -> bool:
    for key, value in expected.items():
        got = actual.get(key)
        if isinstance(value, list) and isinstance(got, list):
            if [str(v) for v in value] != [str(g) for g in got]:
                return False
        elif str(got) != str(value):
            return False
    return True


# Figures in an answer that are not scene numbers: pages, lengths in pages and eighths, line spans.
NOT_SCENE_NUMBERS = re.compile(r"p\. \d+|第\d+頁|\d+ \d/8|\d/8|\d+ (?:pg|頁)|l\. \d+[–-]\d+|\d+[–-]\d+")


def says(answer: str, fact: str) -> bool:
    """Whether `answer` states `fact` (case-insensitive).

    A fact that starts or ends with a digit must start or end there in the answer too ("3" is not the
    3 of 13, 3A or line 312); a bare number names a scene (or a count), so page numbers, page lengths
    and line spans do not count for it ("11" is not "p. 11").
    """
    pattern = re.escape(fact)
    if fact[:1].isdigit():
        pattern = r"(?<![0-9A-Za-z])" + pattern
    if fact[-1:].isdigit():
        pattern += r"(?![0-9A-Za-z])"
    if re.fullmatch(r"\d+[A-Z]?", fact):
        answer = NOT_SCENE_NUMBERS.sub(" ", answer)
    return re.search(pattern, answer, re.IGNORECASE) is not None


def run_case(agent: SlateAgent, case: dict[str, Any]) -> list[str]:
    """The case's failures (empty when it passes)."""
    messages = case["ask"] if isinstance(case["ask"], list) else [case["ask"]]
    session = f"golden-{case['id']}"
    result = None
    for message in messages:
        result = agent.ask(message, session=session)
    assert result is not None
    problems = []
    calls = [(c.name, c.args) for c in result.tool_calls]
    expected = case.get("calls", [])
    if len(calls) != len(expected) or not all(
        name == want["name"] and _args_match(want.get("args", {}), args)
        for (name, args), want in zip(calls, expected, strict=False)
    ):
        problems.append(f"calls {calls} != expected {expected}")
    for fact in case.get("says", []):
        if not says(result.answer, fact):
            problems.append(f"answer lacks {fact!r}")
    for fact in case.get("not_says", []):
        if says(result.answer, fact):
            problems.append(f"answer should not say {fact!r}")
    if "lang" in case and result.language != case["lang"]:
        problems.append(f"answered in {result.language}, expected {case['lang']}")
    if "Traceback" in result.answer:
        problems.append("traceback in answer")
    return problems


def _needs_missing_tool(case: dict[str, Any]) -> str | None:
    registered = all_tools()
    for call in case.get("calls", []):
        if call["name"] not in registered:
            return call["name"]
    return None


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_planner_case(agent: SlateAgent, case: dict[str, Any], tmp_path: Path) -> None:
    # Each case gets a fresh project folder: saved shot lists and recorded unavailability stay in it.
    agent.production.project_dir = tmp_path
    missing = _needs_missing_tool(case)
    assert missing is None, f"tool {missing} is not registered"
    problems = run_case(agent, case)
    assert not problems, "\n".join(problems)


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 60
    assert len({c["id"] for c in CASES}) == len(CASES)
