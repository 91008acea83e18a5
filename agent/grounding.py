"""Is a model's answer grounded in the production? Checked, not hoped for.

A language model asked "Which rooftop scenes are at night?" may answer without calling a tool and name
"a scene called 'The Shining' by J.D. Salinger". Slate cannot tell a true sentence from a false one,
but it can tell whether what an answer *names* — scene numbers, people and titles, figures — was seen
in the turn's tool results, the question or the production's lexicon:

- a production question answered with no tool call is **invented** (nothing was looked at);
- an answer naming nothing unseen is **grounded**; some unseen → **partly invented**; all → **invented**;
- free-writing requests ("write a logline") are exempt: **model written**, and labelled so.

Claims are found by pattern, not by a second model, so the check is cheap, offline and the same on
every run. It errs towards flagging: a flagged answer is replaced by the offline planner's, which
only quotes the tools, so a false alarm costs wording, never a wrong fact.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, ToolMessage

from agent.lexicon import Lexicon
from knowledge.numerals import NUMERAL_CHARS, parse_number
from knowledge.vocabulary import word_pattern

RouteKind = Literal["production", "free_writing", "chat"]
Verdict = Literal["grounded", "partly_invented", "invented", "model_written"]
ClaimKind = Literal["scene", "name", "figure"]

# Intents that ask for nothing from the production (greetings, help, what Slate cannot do).
CHAT_INTENTS = frozenset({"help", "thanks", "cannot"})


@dataclass(frozen=True)
class Claim:
    kind: ClaimKind
    text: str  # as the answer writes it
    key: str  # what must be found in the evidence (folded)


@dataclass(frozen=True)
class Grounding:
    """The verdict on one answer, with its evidence: what it named and what nothing supports."""

    verdict: Verdict
    route: RouteKind
    tool_called: bool
    claims: tuple[Claim, ...] = ()
    unsupported: tuple[Claim, ...] = field(default_factory=tuple)

    @property
    def shown_as_fact(self) -> bool:
        return self.verdict in ("grounded", "model_written")

    def detail(self, limit: int = 3) -> str:
        """The unsupported names, for the note a person reads ("scene 99, J.D. Salinger")."""
        return ", ".join(c.text for c in self.unsupported[:limit])


def route_kind(intent: str) -> RouteKind:
    """A request's kind from the planner's intent (agent.intents.understand)."""
    if intent == "free_writing":
        return "free_writing"
    return "chat" if intent in CHAT_INTENTS else "production"


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


_SCENE_EN = re.compile(
    r"\b(?:scenes?|sc\.?)\s*#?\s*(\d{1,3}[a-z]{0,2}(?:\s*(?:,|&|and|or|to|-|–)\s*#?\d{1,3}[a-z]{0,2})*)\b",
    re.IGNORECASE,
)
# 第12場, 第十二場, 12A場; a bare 兩場 / 3場 is a count of scenes, not a scene.
_SCENE_ZH = re.compile(
    rf"第\s*([0-9{NUMERAL_CHARS}]{{1,4}}[a-zA-Z]{{0,2}})\s*[場场]|(?<![0-9])([0-9]{{1,3}}[a-zA-Z]{{1,2}})\s*[場场]"
)
_SCENE_ID = re.compile(r"\d{1,3}[a-z]{0,2}", re.IGNORECASE)
# Figures: money, durations, times, dates, counts of two digits or more. One-digit counts ("3 scenes")
# are often the model counting a list it was given, so they are not claims on their own.
_FIGURE = re.compile(r"(?<![\w.])(?:[$€£¥]\s?)?\d[\d,]*(?:\.\d+)?(?::\d\d)?%?(?![\w])")
# Quoted titles and names; a straight single quote is left out (it is also the apostrophe in "Mei's").
_QUOTED = re.compile(
    r'"([^"\n]{2,60})"|“([^”\n]{2,60})”|‘([^’\n]{2,60})’|「([^」\n]{2,60})」|『([^』\n]{2,60})』|《([^》\n]{2,60})》'
)
# Sentence ends: a full stop after a lowercase word or a number ("J.D. Salinger" is not split), or CJK.
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]\"'”’][.!?])\s+|(?<=[。！？\n])")
_CAPITALISED = re.compile(
    r"\b[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|of))*(?:\s+[A-Z][\w'’.\-]*)?"
)

# Capitalised words that are not names: grammar, screenplay vocabulary, calendar, languages.
_NOT_NAMES = frozenset(
    """a an the i i'm i've it its this that these those there here they he she we you my our your his her
    their and but or so if in on at by for from with to of as is are was were be no yes not ok okay sure
    sorry thanks thank please note sources source scene scenes sc page pages line lines day night dawn dusk
    morning evening afternoon int ext int/ext continuous later same interior exterior v.o o.s o.c cut fade
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december english chinese cantonese mandarin hong kong slate which
    what when where who why how all both each every some none one two three four five six seven eight
    nine ten also however then there's here's let's hk hk$ hkd usd rmb""".split()
)


def _scene_claims(answer: str) -> list[Claim]:
    claims = []
    for match in _SCENE_EN.finditer(answer):
        for scene in _SCENE_ID.findall(match.group(1)):
            claims.append(Claim("scene", f"scene {scene}", _fold(scene)))
    for match in _SCENE_ZH.finditer(answer):
        raw = match.group(1) or match.group(2)
        number = raw if raw[0].isdigit() else str(parse_number(raw) or raw)
        claims.append(Claim("scene", match.group(0).strip(), _fold(number)))
    return claims


def _name_claims(answer: str) -> list[Claim]:
    quoted = [next(g for g in m.groups() if g).strip() for m in _QUOTED.finditer(answer)]
    claims = [Claim("name", q, _fold(q)) for q in quoted]
    for sentence in _SENTENCE_END.split(answer):
        for match in _CAPITALISED.finditer(sentence):
            words = match.group().split()
            while words and _fold(words[0]).strip(".") in _NOT_NAMES:
                words = words[1:]
            while words and _fold(words[-1]).strip(".") in _NOT_NAMES:
                words = words[:-1]
            if not words:
                continue
            # One capitalised word opening a sentence, a list item ("- **Set** …") or a label ("Cast:")
            # is grammar, not a name.
            opening = not re.search(r"[A-Za-z0-9\u3400-\u9fff]", sentence[: match.start()]) or bool(
                re.search(r"[:(\[|·—–]\s*[*_]*$", sentence[: match.start()])
            )
            if opening and len(words) == 1 and words[0] == match.group().split()[0]:
                continue
            name = re.sub(r"['’]s$", "", " ".join(words).strip(".,'’:;"))
            if len(name) >= 2 and not name.isdigit():
                claims.append(Claim("name", name, _fold(name)))
    claims.extend(_chinese_names(answer))
    return claims


def _chinese_names(answer: str) -> list[Claim]:
    """Person names in Chinese text, by jieba's part-of-speech tags (nr), adjacent parts joined."""
    if not re.search(r"[\u3400-\u9fff]", answer):
        return []
    import logging

    import jieba
    import jieba.posseg

    from tools.subtitles.text import opencc_convert

    jieba.setLogLevel(logging.WARNING)
    # jieba's tags are learnt from Simplified text: tag a Simplified copy, read the words back.
    simplified = opencc_convert(answer, "t2s")
    source = answer if len(simplified) == len(answer) else simplified
    claims, current, position = [], "", 0
    for word, flag in jieba.posseg.cut(simplified):
        original = source[position : position + len(word)]
        position += len(word)
        if flag == "nr":
            current += original
            continue
        claims.extend(_chinese_name(current))
        current = ""
    claims.extend(_chinese_name(current))
    return claims


# Function characters jieba sometimes glues to the end of a name (陳大文都, 阿美同).
_NAME_TAIL = "都同和與与跟喺係系嘅的就也又仲啲咗了"


def _chinese_name(word: str) -> list[Claim]:
    name = word.rstrip(_NAME_TAIL)
    return [Claim("name", name, _fold(name))] if len(name) >= 2 else []


def _figure_claims(answer: str, taken: Iterable[Claim]) -> list[Claim]:
    scene_keys = {c.key for c in taken if c.kind == "scene"}
    claims = []
    for match in _FIGURE.finditer(answer):
        raw = match.group()
        digits = re.sub(r"[^\d.:]", "", raw)
        if digits in scene_keys or (digits.isdigit() and len(digits) < 2):
            continue
        if re.match(r"\s+\d/8", answer[match.end() :]):
            continue  # "12 4/8 pg": a page length in eighths, summed from the scenes listed
        claims.append(Claim("figure", raw, digits))
    return claims


def answer_claims(answer: str) -> list[Claim]:
    """What an answer names that could be checked: scene numbers, names and titles, figures."""
    scenes = _scene_claims(answer)
    found = scenes + _name_claims(answer) + _figure_claims(answer, scenes)
    unique: dict[tuple[str, str], Claim] = {}
    for claim in found:
        unique.setdefault((claim.kind, claim.key), claim)
    return list(unique.values())


def _supported(claim: Claim, evidence: str) -> bool:
    if claim.kind == "figure":
        # As the data writes it (250000) or as the answer does (250,000).
        return any(
            word_pattern(form, "\\d.", "\\d").search(evidence) for form in {claim.key, _fold(claim.text)}
        )
    if claim.kind == "scene":
        return bool(word_pattern(claim.key, "0-9a-z", "0-9a-z").search(evidence))
    if claim.key in evidence:
        return True
    # A name written in another order or with a title ("Inspector Lau" for "LAU" in the cast list):
    # every word of three letters or more must be somewhere in the evidence.
    words = [w for w in re.findall(r"[a-z][a-z'\-]{2,}", claim.key) if w not in _NOT_NAMES]
    return bool(words) and all(re.search(rf"\b{re.escape(w)}\b", evidence) for w in words)


def _list_lengths(tool_results: Sequence[str]) -> set[int]:
    """How many items each list in the results holds: "12 scenes" counts a list of twelve, a figure
    no result writes out."""
    lengths: set[int] = set()

    def walk(value: object) -> None:
        if isinstance(value, list):
            lengths.add(len(value))
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    for text in tool_results:
        body = text.strip().removeprefix("<tool-data>").removesuffix("</tool-data>")
        try:
            walk(json.loads(body))
        except ValueError:  # cut to the token budget, or an error message: no lists to count
            continue
    return lengths


def check_grounding(
    route: RouteKind,
    tool_results: Sequence[str],
    answer: str,
    *,
    tool_called: bool | None = None,
    question: str = "",
    known_names: Iterable[str] = (),
) -> Grounding:
    """The verdict on `answer` given the turn's tool results (their text, as the model read it).

    `tool_called` defaults to whether there are tool results; `question` and `known_names` (the
    production's lexicon: characters, aliases, places) also count as evidence.
    """
    called = bool(tool_results) if tool_called is None else tool_called
    if route == "free_writing":
        return Grounding("model_written", route, called)
    claims = tuple(answer_claims(answer))
    counts = " ".join(str(n) for n in _list_lengths(tool_results))
    evidence = _fold("\n".join([*tool_results, question, *known_names, counts]))
    unsupported = tuple(c for c in claims if not _supported(c, evidence))
    if route == "production" and not called:
        return Grounding("invented", route, called, claims, unsupported)
    if not unsupported:
        verdict: Verdict = "grounded"
    elif len(unsupported) == len(claims):
        verdict = "invented"
    else:
        verdict = "partly_invented"
    return Grounding(verdict, route, called, claims, unsupported)


def check_turn(messages: Sequence[BaseMessage], answer: AIMessage, lexicon: Lexicon) -> Grounding:
    """The verdict on a model's answer to the conversation's current request.

    The request's kind comes from the planner's reading of the person's message; the evidence is
    every tool result of the conversation (as the model read it, and whole), the question and the
    production's names (characters, aliases, places); a tool call counts only if made for this request.
    """
    from agent.intents import understand

    start = max((i for i, m in enumerate(messages) if isinstance(m, HumanMessage)), default=0)
    question = messages[start].text if messages else ""
    route = route_kind(understand(question, lexicon).intent) if question else "chat"
    results = [str(m.content) for m in messages if isinstance(m, ToolMessage)]
    # The whole results too (a model reads them cut to a token budget): what they hold is the
    # production's, whether or not the model saw that far.
    results += [
        json.dumps(m.artifact, ensure_ascii=False, default=str)
        for m in messages
        if isinstance(m, ToolMessage) and isinstance(m.artifact, dict)
    ]
    called = any(isinstance(m, AIMessage) and m.tool_calls for m in messages[start:])
    names = [*lexicon.characters, *lexicon.characters.values(), *lexicon.locations]
    names += [*lexicon.locations.values(), *lexicon.display.values(), *lexicon.chinese.values()]
    return check_grounding(
        route, results, answer.text, tool_called=called, question=question, known_names=names
    )
