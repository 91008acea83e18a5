"""Scene numbers named in free text: a question, a sentence of notes, a retrieved passage.

One reader for every layer (retrieval's scene boost, the agent's reading of the person's message and
its content words, the breakdown's notes), so "Sc. 12A", "scenes 1, 2 and 13", "scenes 3 to 7",
"第十二場", "第3至7場", "12場" and "場次：12" are read the same way everywhere. The text is read
NFKC-folded (full-width digits, ＳＣＥＮＥ) but every mention keeps its span in the text as given, so
a caller can cut the text at it or strip it.

What is not a scene reference is not read: page numbers ("p. 12", "第12頁"), lengths ("1 2/8"),
clock times ("12:00"), dates, a count of scenes ("12 scenes at night"), a number followed by a unit
("a scene 3 pages long"), and an act (第一幕). A range ("scenes 3 to 7", "Sc. 2-4", 第3至7場) names
the production's scenes between its ends (7A between 7 and 8) when the caller knows them, and its
two ends when not.
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
_UNITS = r"pages?|pp|pgs?|eighths?|minutes?|mins?|seconds?|secs?|hours?|hrs?"
# Between two numbers of a mention: a range (`3 to 7`, `3-7`) or a list (`,`, `and`, `or`, `&`).
_JOINERS = r"to|through|thru|-|–|,?\s*(?:and|&|or)|,"
# 第十二場, 第12A場, 第3景, 第3至7場; not 第一場雨 (the first rain) or 第一幕 (an act).
_ZH_NUMBER = rf"(?:\d{{1,4}}|[{NUMERAL_CHARS}]{{1,6}})[a-z]{{0,2}}"
_ORDINAL = (
    rf"第\s*(?P<ord>{_ZH_NUMBER}(?:\s*(?:至|到|-|–|~)\s*第?\s*{_ZH_NUMBER})?)\s*[場场景]"
    r"(?!雨|雪|仗|戰|比賽|夢)"
)
# 12場, 12號場: no 第, so as often a count ("拍咗12場") as a scene; `bare=False` leaves it out, and
# after a word of quantity (共 2 場, 剩 3 場) it is a count. 場租 is a venue's hire.
_BARE = r"(?<![\d第:./a-z])(?P<bare>\d{1,4}[a-z]{0,2})\s*(?:號場|号场|場|场)(?!景|地|次數|租)"
_COUNT_BEFORE = re.compile(r"(?:共|剩|約|约|超過|超过|至少|最少)\s*$")
# 場次12, 場號：12A (a call sheet's column).
_LABEL = r"[場场]\s*[次號号]\s*:?\s*(?P<label>\d{1,4}[a-z]{0,2})(?![a-z\d]|[:./]\d)"
_ITEM = re.compile(rf"\d{{1,4}}[a-z]{{0,2}}|[{NUMERAL_CHARS}]+[a-z]{{0,2}}")
_RANGE = re.compile(r"to|through|thru|[-–—至到~]")  # what joins the two ends of a range
_CHINESE_NUMBER = re.compile(rf"([{NUMERAL_CHARS}]+)([a-z]*)")
_LEADING_NUMBER = re.compile(r"(\d+)(.*)")


def _mention_pattern(*, request: bool) -> re.Pattern[str]:
    """Every form of a mention. A request (the person's own message) also reads `#12`, `sequence 4`,
    `scenes 4/5` and `3—5`, as people type them; in notes and passages `#12` is as often a prop or
    a take, `4/5` a date, `—` a sentence's dash and a sequence a group of scenes."""
    # A number is its own: not part of a longer word, a decimal, a clock time, a fraction or a date,
    # and in a passage not a length (`a scene 3 pages long`); a person asks `scene 7 pages?`.
    stops = ":." if request else ":./"
    length = "" if request else rf"|\s*(?:{_UNITS})(?![a-z])"
    number = rf"\d{{1,4}}{_SUFFIX}(?![a-z\d]|[{stops}]\d{length})"
    joiners = _JOINERS + (r"|—|/" if request else "")
    # The next number of a mention, unless it is the whole part of a length (`Sc. 12 – 1 2/8`) or a
    # count (`scene 4 and 12 scenes at night`).
    following = rf"\s*(?:{joiners})\s*#?\s*{number}(?!\s+\d+/\d|\s*scenes?(?![a-z]))"
    words = r"scenes?|scn|sc" + (r"|sequences?" if request else "")
    english = rf"(?<![a-z])(?:{words})\s*\.?\s*(?:no\.?|number|#)?\s*(?P<en>{number}(?:{following})*)"
    forms = [english, _ORDINAL, _BARE, _LABEL]
    if request:
        forms.append(rf"(?<![\w#])#\s*(?P<hash>{number})")
    return re.compile("|".join(forms))


_MENTION = _mention_pattern(request=False)
_REQUEST_MENTION = _mention_pattern(request=True)


@dataclass(frozen=True)
class SceneMention:
    """Scene numbers named in one place of a text: `text[start:end]` is `Scenes 1 and 13`."""

    start: int
    end: int
    numbers: tuple[str, ...]  # normalised (`12A`), in the order written, a range's in script order
    bare: bool = False  # `12場`, with no 第: maybe a count


def scene_mentions(
    text: str, *, known: Sequence[str] | None = None, bare: bool = True, request: bool = False
) -> list[SceneMention]:
    """The places `text` names scene numbers, in order, with their spans in `text`.

    Args:
        text: any text: a question, a sentence of notes, a passage.
        known: the production's scene numbers, in script order. A range takes the ones between its
            ends (its ends alone without them); each mention keeps only these (spelled as the
            production spells them) and a mention naming none of them is left out, unless `request`.
        bare: whether `12場` (a number before 場 without 第) counts; notes leave it out, where it is
            usually a count ("拍咗12場").
        request: whether `text` is the person's own message: it also reads `#12`, `sequence 4`,
            `scenes 4/5` and `3—5`, and keeps a number the production lacks (`scene 99`) so the
            answer can say there is no such scene.
    """
    folded, origin = _folded(text)
    order = spelling = None
    if known is not None:
        order = [normalise_scene_number(k) for k in known]
        spelling = dict(zip(order, known, strict=True))
    found: list[SceneMention] = []
    for match in (_REQUEST_MENTION if request else _MENTION).finditer(folded):
        is_bare = match.group("bare") is not None
        if is_bare and (not bare or _COUNT_BEFORE.search(folded, max(match.start() - 4, 0), match.start())):
            continue
        numbers = _numbers(next(g for g in match.groups() if g is not None), order)
        if spelling is not None:
            numbers = [spelling.get(n, n) for n in numbers if request or n in spelling]
        if not numbers:
            continue
        start, end = match.span()
        span = (origin[start], origin[end - 1] + 1) if origin else (start, end)
        found.append(SceneMention(*span, tuple(dict.fromkeys(numbers)), is_bare))
    return found


def scene_numbers(
    text: str, *, known: Sequence[str] | None = None, bare: bool = True, request: bool = False
) -> list[str]:
    """The scene numbers `text` names, once each, in order: `Sc. 12A and 第三場` → `12A`, `3`.

    Args:
        text: any text: a question, a sentence of notes, a passage.
        known: the production's scene numbers in script order, to fill ranges and keep only these
            (spelled as the production does).
        bare: whether `12場` (a number before 場 without 第) counts.
        request: whether `text` is the person's own message (see `scene_mentions`).
    """
    mentions = scene_mentions(text, known=known, bare=bare, request=request)
    return list(dict.fromkeys(n for m in mentions for n in m.numbers))


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


def _numbers(body: str, order: Sequence[str] | None) -> list[str]:
    """`12a, 13 and 十二` → `12A`, `13`, `12`; `3 to 5` → the numbers of `order` from 3 to 5."""
    numbers: list[str] = []
    end = 0
    for item in _ITEM.finditer(body):
        chinese = _CHINESE_NUMBER.fullmatch(item.group())
        value = parse_number(chinese.group(1)) if chinese else None
        if chinese and value is None:
            continue
        number = normalise_scene_number(f"{value}{chinese.group(2)}" if chinese else item.group())
        if numbers and _RANGE.search(body, end, item.start()):
            numbers += _scene_range(numbers[-1], number, order)
        else:
            numbers.append(number)
        end = item.end()
    return numbers


def _scene_range(first: str, last: str, order: Sequence[str] | None) -> list[str]:
    """The scenes of `order` from `first` to `last`, in script order (7A between 7 and 8); the two
    ends when `order` is not known or has none between them."""
    low, high = _sort_key(first), _sort_key(last)
    inside = [n for n in order or () if low <= _sort_key(n) <= high]
    return inside or [first, last]


def _sort_key(number: str) -> tuple[int, str]:
    """`12A` → (12, "A"): numbers compare as numbers, then by their letters (12 < 12A < 12B < 13)."""
    match = _LEADING_NUMBER.fullmatch(number)
    return (int(match.group(1)), match.group(2)) if match else (10**9, number)


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
