"""Scene numbers named in free text: a question, a sentence of notes, a retrieved passage.

One reader for every layer (retrieval's scene boost, the agent's content words, the breakdown's
notes), so "Sc. 12A", "scenes 1, 2 and 13", "第十二場", "12場" and "場次：12" are read the same way
everywhere. The text is read NFKC-folded (full-width digits, ＳＣＥＮＥ) but every mention keeps
its span in the text as given, so a caller can cut the text at it or strip it.

What is not a scene reference is not read: page numbers ("p. 12", "第12頁"), lengths ("1 2/8"),
clock times ("12:00"), dates, a count of scenes ("12 scenes at night"), a number followed by a unit
("a scene 3 pages long"), and an act (第一幕). A dash joins a list ("Sc. 2-4" names 2 and 4): the
numbers in between are not known without the script.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.numerals import NUMERAL_CHARS, parse_number
from knowledge.production import normalise_scene_number

# A letter suffix (12A, 7AA), but not an ordinal or a clock (1st, 5pm).
_SUFFIX = r"(?:(?!(?:st|nd|rd|th|am|pm)(?![a-z]))[a-z]{1,2})?"
# A number is its own: not part of a longer word, a decimal, a clock time, a fraction or a date, and
# not a length (`a scene 3 pages long`).
_UNITS = r"pages?|pp|pgs?|eighths?|minutes?|mins?|seconds?|secs?|hours?|hrs?"
_NUMBER = rf"\d{{1,4}}{_SUFFIX}(?![a-z\d]|[:./]\d|\s*(?:{_UNITS})(?![a-z]))"
# `, `, `and`, `, and`, `&`, a dash: the next number of a list, unless it is the whole part of a
# length (`Sc. 12 – 1 2/8`) or a count (`scene 4 and 12 scenes at night`).
_NEXT = rf"\s*(?:,?\s*(?:and|&)|,|-|–)\s*{_NUMBER}(?!\s+\d+/\d|\s*scenes?(?![a-z]))"
_ENGLISH = rf"(?<![a-z])(?:scenes?|scn|sc)\s*\.?\s*(?:no\.?|number|#)?\s*(?P<en>{_NUMBER}(?:{_NEXT})*)"
# 第十二場, 第12A場, 第3景; not 第一場雨 (the first rain) or 第一幕 (an act).
_ORDINAL = (
    rf"第\s*(?P<ord>(?:\d{{1,4}}|[{NUMERAL_CHARS}]{{1,6}})[a-z]{{0,2}})\s*[場场景](?!雨|雪|仗|戰|比賽|夢)"
)
# 12場, 12號場: no 第, so as often a count ("拍咗12場") as a scene; `bare=False` leaves it out, and
# after a word of quantity (共 2 場, 剩 3 場) it is a count.
_BARE = r"(?<![\d第:./a-z])(?P<bare>\d{1,4}[a-z]{0,2})\s*(?:號場|号场|場|场)(?!景|地|次數)"
_COUNT_BEFORE = re.compile(r"(?:共|剩|約|约|超過|超过|至少|最少)\s*$")
# 場次12, 場號：12A (a call sheet's column).
_LABEL = r"[場场]\s*[次號号]\s*:?\s*(?P<label>\d{1,4}[a-z]{0,2})(?![a-z\d]|[:./]\d)"
_MENTION = re.compile("|".join((_ENGLISH, _ORDINAL, _BARE, _LABEL)))
_ITEM = re.compile(rf"\d{{1,4}}[a-z]{{0,2}}|[{NUMERAL_CHARS}]+[a-z]{{0,2}}")
_CHINESE_NUMBER = re.compile(rf"([{NUMERAL_CHARS}]+)([a-z]*)")


@dataclass(frozen=True)
class SceneMention:
    """Scene numbers named in one place of a text: `text[start:end]` is `Scenes 1 and 13`."""

    start: int
    end: int
    numbers: tuple[str, ...]  # normalised (`12A`), in the order written
    bare: bool = False  # `12場`, with no 第: maybe a count


def scene_mentions(text: str, *, known: Sequence[str] | None = None, bare: bool = True) -> list[SceneMention]:
    """The places `text` names scene numbers, in order, with their spans in `text`.

    Args:
        text: any text: a question, a sentence of notes, a passage.
        known: the production's scene numbers; when given, each mention keeps only these (spelled as
            the production spells them) and a mention naming none of them is left out.
        bare: whether `12場` (a number before 場 without 第) counts; notes leave it out, where it is
            usually a count ("拍咗12場").
    """
    folded, origin = _folded(text)
    spelling = {normalise_scene_number(k): k for k in known} if known is not None else None
    found: list[SceneMention] = []
    for match in _MENTION.finditer(folded):
        is_bare = match.group("bare") is not None
        if is_bare and (not bare or _COUNT_BEFORE.search(folded, max(match.start() - 4, 0), match.start())):
            continue
        numbers = _numbers(next(g for g in match.groups() if g is not None))
        if spelling is not None:
            numbers = [spelling[n] for n in numbers if n in spelling]
        if not numbers:
            continue
        start, end = match.span()
        span = (origin[start], origin[end - 1] + 1) if origin else (start, end)
        found.append(SceneMention(*span, tuple(dict.fromkeys(numbers)), is_bare))
    return found


def scene_numbers(text: str, *, known: Sequence[str] | None = None, bare: bool = True) -> list[str]:
    """The scene numbers `text` names, once each, in order: `Sc. 12A and 第三場` → `12A`, `3`.

    Args:
        text: any text: a question, a sentence of notes, a passage.
        known: the production's scene numbers, to keep only these (spelled as the production does).
        bare: whether `12場` (a number before 場 without 第) counts.
    """
    numbers = [n for m in scene_mentions(text, known=known, bare=bare) for n in m.numbers]
    return list(dict.fromkeys(numbers))


def strip_scene_mentions(text: str, replacement: str = " ") -> str:
    """`text` with every scene mention replaced: `what breaks in scene 12?` → `what breaks in  ?`.

    Args:
        text: any text.
        replacement: what stands where a mention was.
    """
    pieces, last = [], 0
    for mention in scene_mentions(text):
        pieces += [text[last : mention.start], replacement]
        last = mention.end
    return "".join(pieces) + text[last:]


def _numbers(body: str) -> list[str]:
    """`12a, 13 and 十二` → `12A`, `13`, `12`."""
    numbers = []
    for item in _ITEM.findall(body):
        chinese = _CHINESE_NUMBER.fullmatch(item)
        if chinese:
            value = parse_number(chinese.group(1))
            if value is None:
                continue
            item = f"{value}{chinese.group(2)}"
        numbers.append(normalise_scene_number(item))
    return numbers


def _folded(text: str) -> tuple[str, list[int]]:
    """The text NFKC-normalised and case-folded, and where each of its characters came from in
    `text` (empty when they line up one to one, as they do for most text)."""
    if unicodedata.is_normalized("NFKC", text):
        folded = text.casefold()
        if len(folded) == len(text):  # case folding never shortens a character, so none grew
            return folded, []
    pieces: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        piece = unicodedata.normalize("NFKC", ch).casefold()
        pieces.append(piece)
        origin += [i] * len(piece)
    return "".join(pieces), origin
