"""One vocabulary for how people write the production's words: folding, CJK, times of day.

Text folding (NFKC full-width → half-width, case-folded) and CJK detection are used by every part
that compares words; the time-of-day words people use in a question ("night", 夜景, 黃昏) are shared
by the agent's understanding (agent.intents) and retrieval's hints (knowledge.retrieval). The words a
*scene heading* uses for its time are a different table, with its own rules (knowledge.headings.
TIME_WORDS: EVENING is DUSK on a heading), and the plan's short forms (D, N, 日, 夜) read through it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")


def fold(text: str) -> str:
    """NFKC (full-width → half-width) and case-folded, for matching."""
    return unicodedata.normalize("NFKC", text).casefold()


@cache
def word_pattern(word: str, left: str = "a-z0-9", right: str | None = "a-z0-9") -> re.Pattern[str]:
    """`word` as a whole word among Latin letters (and digits), compiled once: the question tables
    hold more words than Python's own pattern cache (512), which then recompiles on every turn."""
    tail = rf"(?![{right}])" if right else ""
    return re.compile(rf"(?<![{left}]){re.escape(word)}{tail}")


def has_cjk(text: str) -> bool:
    """Whether `text` holds a Chinese (CJK ideograph) character."""
    return bool(_CJK.search(text))


# A character of Chinese writing: an ideograph or full-width punctuation (，。！？「」……).
_CJK_WRITING = re.compile(
    r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u2026\U00020000-\U0002fa1f]"
)


def join_wrapped(before: str, after: str) -> str:
    """Two pieces of one line that a layout wrapped, joined as written: nothing between two pieces of
    Chinese writing (a PDF wraps 上次見你仲未到我心 / 口 mid-word, and 六 / 十五歲 mid-number), one
    space otherwise (English words, or Chinese beside an English word)."""
    before, after = before.rstrip(), after.lstrip()
    if not before or not after:
        return before + after
    glue = "" if _CJK_WRITING.match(before[-1]) and _CJK_WRITING.match(after[0]) else " "
    return before + glue + after


# fmt: off
# Times of day as a question names them (folded), by the heading's canonical time.
TIME_QUESTION_WORDS: dict[str, tuple[str, ...]] = {
    "NIGHT": ("night", "nights", "nighttime", "night-time", "at night", "夜", "夜景", "夜晚", "晚上", "深夜", "凌晨", "夜間",
              "夜戲"),
    "DAWN": ("dawn", "sunrise", "daybreak", "first light", "清晨", "黎明", "天光", "日出", "破曉"),
    "DUSK": ("dusk", "sunset", "twilight", "evening", "黃昏", "傍晚", "日落", "黄昏"),
    "DAY": ("daytime", "day-time", "day scenes", "day scene", "day exteriors", "day interiors", "during the day",
            "日景", "日間", "白天", "日戲", "晏晝"),
}
# fmt: on


# --- the production's own words ------------------------------------------------------------------
# jieba's dictionary does not know a production's names of things (the ferry 海鷗號, the gang 東涌幫):
# it cuts 海鷗號最後比東涌幫快 into 海鷗 / 號 / 最後 / 比東 / 涌 / 幫快, and a question's words are then
# not found in the line that answers it. The words are found in the production's own text instead, by
# the classic unsupervised test for a new word (frequency, cohesion and free boundaries: Sproat & Shih
# 1990; the "information entropy" method used for Chinese new-word discovery): a run of characters
# that recurs, whose characters occur together far more often than by chance, and that is preceded and
# followed by many different characters. No library among Slate's dependencies does this (jieba's HMM
# only guesses unknown words inside one sentence), and it is thirty lines.

_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
# A word neither starts nor ends on these: particles, pronouns, copulas, negations, measure-free
# function characters (的嘅咗 glue to anything, so 佢嘅 recurs and is free on both sides).
_NOT_AT_EDGE = frozenset(
    "的嘅咗喺了是係在有都也又就我你佢他她們哋呢個啲嗰這那一不唔冇沒同和與及吖呀啦喇㗎囉咩嘛吧啊嚟去到"
)
_NUMERALS = frozenset("零〇一二三四五六七八九十百千萬万兩两廿卅")
WORD_MIN_COUNT = 3  # a word the production uses at least this often
WORD_MIN_COHESION = (
    3.5  # ln of how much likelier the word is than its two parts side by side, at its weakest split
)
WORD_MIN_FREEDOM = 1.0  # entropy (nats) of the characters before it, and of those after it


# A title between book-title marks (《海上花》, a song, a film, a book) is one name, however rare.
_TITLE = re.compile(r"《\s*([^《》\n]{2,12}?)\s*》")


def book_titles(text: str) -> frozenset[str]:
    """The Chinese titles `text` writes between 《 and 》."""
    return frozenset(t for t in _TITLE.findall(text) if has_cjk(t))


def discover_words(text: str, max_length: int = 5) -> frozenset[str]:
    """Chinese words of two to `max_length` characters that `text` (a production's documents) uses as
    words: its names of people, places and things, whether or not a dictionary knows them, and every
    title it writes between 《 and 》."""
    runs = _CJK_RUN.findall(text)
    total = sum(len(run) for run in runs)
    if total == 0:
        return frozenset()
    found = set(book_titles(text))
    counts: Counter[str] = Counter()
    before: dict[str, Counter[str]] = defaultdict(Counter)
    after: dict[str, Counter[str]] = defaultdict(Counter)
    edge = 0  # each start or end of a run is a different neighbour: a word standing alone is free
    for run in runs:
        counts.update(run)
        for n in range(2, max_length + 1):
            for i in range(len(run) - n + 1):
                word = run[i : i + n]
                counts[word] += 1
                if word[0] in _NOT_AT_EDGE or word[-1] in _NOT_AT_EDGE:
                    continue
                edge += 1
                before[word][run[i - 1] if i else f"^{edge}"] += 1
                after[word][run[i + n] if i + n < len(run) else f"${edge}"] += 1
    for word, count in counts.items():
        if len(word) < 2 or count < WORD_MIN_COUNT or word not in before:
            continue
        if len([ch for ch in word if ch not in _NUMERALS]) <= 1:
            continue  # 十二, 兩分, 五百: a number with its unit, not a name
        parts = [(counts[word[:k]], counts[word[k:]]) for k in range(1, len(word))]
        cohesion = min(math.log(count * total / (a * b)) for a, b in parts)
        if cohesion < WORD_MIN_COHESION:
            continue
        if min(_entropy(before[word]), _entropy(after[word])) >= WORD_MIN_FREEDOM:
            found.add(word)
    return frozenset(found)


def _entropy(neighbours: Counter[str]) -> float:
    total = sum(neighbours.values())
    return -sum(n / total * math.log(n / total) for n in neighbours.values())


_WORDS: ContextVar[frozenset[str]] = ContextVar("slate_production_words", default=frozenset())


@contextmanager
def production_words(words: frozenset[str]) -> Iterator[None]:
    """Segment Chinese with the open production's own words kept whole (`current_words`) inside."""
    token = _WORDS.set(words)
    try:
        yield
    finally:
        _WORDS.reset(token)


def current_words() -> frozenset[str]:
    """The open production's own Chinese words (see `production_words`); empty outside a turn."""
    return _WORDS.get()
