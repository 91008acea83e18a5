"""Held-out productions: does Slate understand people asking about productions it was never tuned on?

Each folder under tests/heldout/ with a `questions.yaml` is one production. Its answer keys were written
by hand from its own files; do not change a key because Slate answers differently (only when the key
mis-reads the production's files), and do not tune Slate to these questions.

How a production is built (the way a user's project is):
- the folder's files (screenplay, cast.csv, locations.csv, plan.yaml, notes; not questions.yaml, the
  generator scripts, production.txt or LATE) are ingested with `knowledge.ingest.ingest` into a project
  in the test's temporary SLATE_HOME, with the real bundled embedder (e5, offline);
  a folder whose `production.txt` says `sample` uses the bundled sample's files instead;
- the production is opened with `knowledge.production.open_production` (latest screenplay, cast and
  location lists, plan, the ingested documents) and its retriever is the real hybrid retriever over
  the ingested store;
- every question runs through the real offline agent, as tests/agent/test_planner_goldens.py does:
  `SlateAgent(production, OfflinePlanner.for_production(production), ModelInfo(...))`, one session per
  question; a question whose `ask` is a list is a conversation and only the last answer is checked.

Checks (deliberately simple):
- `says`: every fact is in the answer, case-insensitively; an item that is a list passes when any of
  its alternatives is there. A fact starting or ending with a digit must start or end there ("3" is
  not the 3 of 13, 3A or 312); a bare scene number ("12", "14A") ignores page numbers and lengths
  ("p. 12", "第12頁", "1 2/8", "12 頁", "2027-05-12", "12:00", "12.5", "12 h", "12mm").
- `not_says`: none of these facts is in the answer (same matching).
- `answer_lang`: the answer is `zh` when it has more CJK characters than Latin words, else `en`;
  quoted passages, citations in *italics*, file names, scene headings, anything in brackets,
  ALL-CAPS words (cues, headings, shot sizes), words with digits and citation abbreviations are not
  counted (they are the source's words, or names glossed in the other language).
- `cites: true`: the answer names one of the production's file names (e.g. `cast.csv`).
- `expect: decline`: no `search_documents` tool call and an answer of at most 300 characters.
- `expect: clarify`: the answer asks something back (contains `?` or `？`).
- no answer may contain a Python traceback.

Run:  SLATE_HOME=$(mktemp -d) .venv/bin/python -m pytest tests/heldout -q -s -k bun_festival
Env:  SLATE_HELDOUT_FLOOR (default 0.0): the least pass rate a production must reach (CI reports only);
      SLATE_HELDOUT_LATE=1: also run productions whose folder holds a file named LATE;
      SLATE_HELDOUT_REPORT=path: also write the report there (and every full answer beside it, in
      path's name with the suffix .answers.yaml).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

HERE = Path(__file__).resolve().parent
FAMILIES = {
    "scene_filter",
    "scene_detail",
    "first_last",
    "order",
    "measure",
    "person_fact",
    "place_fact",
    "plot_fact",
    "doc_fact",
    "schedule",
    "shot_list",
    "followup",
    "clarify",
    "decline",
    "multi_edit",
}
LANGS = {"en", "zh", "yue", "mixed"}
NOT_INGESTED = {"questions.yaml", "production.txt", "LATE"}
REPORT: dict[str, str] = {}
ANSWERS: dict[str, dict[str, str]] = {}  # production → question id → full answer (for the report)


def production_dirs(include_late: bool) -> list[Path]:
    out = []
    for folder in sorted(p for p in HERE.iterdir() if p.is_dir()):
        if not (folder / "questions.yaml").is_file():
            continue
        if (folder / "LATE").exists() and not include_late:
            continue
        out.append(folder)
    return out


ALL_DIRS = production_dirs(include_late=True)
RUN_DIRS = production_dirs(include_late=os.environ.get("SLATE_HELDOUT_LATE") == "1")


def load_questions(folder: Path) -> list[dict[str, Any]]:
    return yaml.safe_load((folder / "questions.yaml").read_text(encoding="utf-8"))


# --- matching ------------------------------------------------------------------------------------

# Figures in an answer that are not scene numbers: pages, lengths in pages and eighths, line spans
# and dates, decimals, clock times, hours, minutes and focal lengths.
NOT_SCENE_NUMBERS = re.compile(
    r"p\. \d+|第\d+頁|\d+ \d/8|\d/8|\d+ (?:pg|頁)|l\. \d+[–-]\d+|\d+[–-]\d+"
    r"|\d+(?:\.\d+)+|\d{1,2}:\d{2}|\d+ ?(?:h|min|mm|小時|個鐘|分鐘)(?![A-Za-z])"
)
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LATIN_WORD = re.compile(r"[A-Za-z]+")
# Not the answer's own words: source lines, quoted passages, italic citations, file names, scene
# headings, names glossed in brackets ("GRANDMA (婆婆)"), ALL-CAPS words (cues, headings, shot sizes),
# words with digits, and citation abbreviations.
QUOTED = re.compile(
    r"(?:出處|來源|Sources?)[：:][^\n]*"
    r"|“[^”]*”|\"[^\"]*\"|「[^」]*」|\*[^*]+\*(?!\*)|\S+\.(?:fdx|fountain|docx|pdf|md|csv|yaml|srt|txt)\b"
    r"|\b(?:INT|EXT|I/E)\b[./]?[^·\n]*|(?:內外景|內景|外景)[。：:．.][^·\n]*|[（(][^()（）]*[)）]"
)
NOT_WORDS = re.compile(r"\b(?:[A-Z][A-Z'./-]+|\w*\d\w*|sc|p|pg|l)\b", re.ASCII)


def says(answer: str, fact: str) -> bool:
    """Whether `answer` states `fact` (case-insensitive, whole-token digits; see the module docstring)."""
    fact = str(fact)
    pattern = re.escape(fact)
    if fact[:1].isdigit():
        pattern = r"(?<![0-9A-Za-z])" + pattern
    if fact[-1:].isdigit():
        pattern += r"(?![0-9A-Za-z])"
    if re.fullmatch(r"\d+[A-Z]?", fact):
        answer = NOT_SCENE_NUMBERS.sub(" ", answer)
    return re.search(pattern, answer, re.IGNORECASE) is not None


def says_any(answer: str, item: str | list[str]) -> bool:
    options = item if isinstance(item, list) else [item]
    return any(says(answer, str(option)) for option in options)


def answer_language(answer: str) -> str:
    """`zh` when the answer has more CJK characters than Latin words (not counting QUOTED, NOT_WORDS)."""
    own = NOT_WORDS.sub(" ", QUOTED.sub(" ", answer))
    return "zh" if len(CJK.findall(own)) > len(LATIN_WORD.findall(own)) else "en"


def check(question: dict[str, Any], answer: str, tool_names: list[str], file_names: list[str]) -> list[str]:
    """The question's failures (empty when it passes)."""
    problems = []
    for item in question.get("says") or []:
        if not says_any(answer, item):
            problems.append(f"lacks {item!r}")
    for item in question.get("not_says") or []:
        if says_any(answer, item):
            problems.append(f"should not say {item!r}")
    want = question.get("answer_lang")
    if want and answer_language(answer) != want:
        problems.append(f"answered in {answer_language(answer)}, expected {want}")
    if question.get("cites") and not any(name.lower() in answer.lower() for name in file_names):
        problems.append("cites no file")
    expect = question.get("expect")
    if expect == "decline" and ("search_documents" in tool_names or len(answer) > 300):
        problems.append("not a plain decline")
    if expect == "clarify" and not ("?" in answer or "？" in answer):
        problems.append("does not ask back")
    if "Traceback" in answer:
        problems.append("traceback in answer")
    return problems


# --- building a production -----------------------------------------------------------------------


def production_files(folder: Path) -> list[Path]:
    marker = folder / "production.txt"
    if marker.is_file() and marker.read_text(encoding="utf-8").strip() == "sample":
        from knowledge.sample_production import sample_files

        return list(sample_files().values())
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.name not in NOT_INGESTED and p.suffix != ".py" and not p.name.startswith(".")
    )


def build_agent(folder: Path) -> tuple[Any, list[str]]:
    from agent.models import ModelInfo
    from agent.planner import OfflinePlanner
    from agent.service import SlateAgent
    from core.settings import load_settings
    from knowledge.ingest import ingest
    from knowledge.production import open_production

    settings = load_settings(embedder="e5")
    project = f"heldout-{folder.name}"
    files = production_files(folder)
    report = ingest(settings, project, files)
    assert not report.skipped, f"files skipped at ingest: {report.skipped}"
    production = open_production(settings, project)
    if production.retriever is None and production.retriever_factory is not None:
        production.retriever = production.retriever_factory()
    agent = SlateAgent(
        production, OfflinePlanner.for_production(production), ModelInfo("offline", "offline planner")
    )
    return agent, [p.name for p in files]


def run_question(agent: Any, question: dict[str, Any], files: list[str]) -> tuple[list[str], str]:
    messages = question["ask"] if isinstance(question["ask"], list) else [question["ask"]]
    session = f"heldout-{question['id']}"
    try:
        result = None
        for message in messages:
            result = agent.ask(message, session=session)
        assert result is not None
    except Exception as exc:  # a crash is a failed question, not a stopped run
        return [f"error {type(exc).__name__}: {exc}"], ""
    tool_names = [call.name for call in result.tool_calls]
    return check(question, result.answer, tool_names, files), result.answer


# --- report --------------------------------------------------------------------------------------


def _rate_lines(title: str, groups: dict[str, list[bool]]) -> list[str]:
    lines = [f"  {title}:"]
    for key in sorted(groups):
        results = groups[key]
        lines.append(
            f"    {key:<14} {sum(results):>3}/{len(results):<3} {100 * sum(results) / len(results):5.1f}%"
        )
    return lines


def format_report(name: str, outcomes: list[tuple[dict[str, Any], list[str], str]]) -> str:
    passed = [not problems for _, problems, _ in outcomes]
    by_family: dict[str, list[bool]] = defaultdict(list)
    by_lang: dict[str, list[bool]] = defaultdict(list)
    for (question, _problems, _), ok in zip(outcomes, passed, strict=True):
        by_family[question["family"]].append(ok)
        by_lang[question["lang"]].append(ok)
    total = f"{sum(passed)}/{len(passed)} {100 * sum(passed) / max(len(passed), 1):.1f}%"
    lines = [f"== held-out production {name}: {total}"]
    lines += _rate_lines("by family", by_family)
    lines += _rate_lines("by language", by_lang)
    lines.append("  failing:")
    for question, problems, answer in outcomes:
        if problems:
            first = " ".join(answer.split())[:120]
            lines.append(
                f"    {question['id']} [{question['family']}/{question['lang']}] {'; '.join(problems)}"
            )
            lines.append(f"        answer: {first}")
    return "\n".join(lines)


def write_report() -> None:
    text = "\n\n".join(REPORT[name] for name in sorted(REPORT)) + "\n"
    print("\n" + text)
    target = os.environ.get("SLATE_HELDOUT_REPORT")
    if target:
        Path(target).write_text(text, encoding="utf-8")
        answers = Path(target).with_suffix(".answers.yaml")
        answers.write_text(yaml.safe_dump(ANSWERS, allow_unicode=True, sort_keys=True), encoding="utf-8")


# --- tests ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("folder", ALL_DIRS, ids=[d.name for d in ALL_DIRS])
def test_question_file_is_well_formed(folder: Path) -> None:
    questions = load_questions(folder)
    ids = [q["id"] for q in questions]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for q in questions:
        assert q["family"] in FAMILIES, q["id"]
        assert q["lang"] in LANGS, q["id"]
        assert q.get("answer_lang") in (None, "en", "zh"), q["id"]
        assert isinstance(q["ask"], (str, list)) and q["ask"], q["id"]
        assert isinstance(q.get("says", []), list), q["id"]
        if q.get("expect") == "decline":
            assert not q.get("says"), q["id"]
    families = {f: sum(q["family"] == f for q in questions) for f in FAMILIES}
    least = 1 if (folder / "production.txt").is_file() else 5  # the newcomer set is small on purpose
    assert all(n >= least for n in families.values()), families
    assert production_files(folder), "no production files"


@pytest.mark.slow
@pytest.mark.parametrize("folder", RUN_DIRS, ids=[d.name for d in RUN_DIRS])
def test_heldout_production(folder: Path) -> None:
    agent, files = build_agent(folder)
    outcomes = []
    for question in load_questions(folder):
        problems, answer = run_question(agent, question, files)
        outcomes.append((question, problems, answer))
    REPORT[folder.name] = format_report(folder.name, outcomes)
    ANSWERS[folder.name] = {q["id"]: answer for q, _, answer in outcomes}
    write_report()
    rate = sum(not p for _, p, _ in outcomes) / len(outcomes)
    floor = float(os.environ.get("SLATE_HELDOUT_FLOOR", "0.0"))
    assert rate >= floor, f"{folder.name}: pass rate {rate:.1%} is under the floor {floor:.1%}"
