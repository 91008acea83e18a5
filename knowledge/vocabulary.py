"""One vocabulary for how people write the production's words: folding, CJK, times of day.

Text folding (NFKC full-width → half-width, case-folded) and CJK detection are used by every part
that compares words; the time-of-day words people use in a question ("night", 夜景, 黃昏) are shared
by the agent's understanding (agent.intents) and retrieval's hints (knowledge.retrieval). The words a
*scene heading* uses for its time are a different table, with its own rules (knowledge.headings.
TIME_WORDS: EVENING is DUSK on a heading), and the plan's short forms (D, N, 日, 夜) read through it.
"""

from __future__ import annotations

import re
import unicodedata
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
