"""Text measures shared by checks, line breaking and fixes: scripts, widths, OpenCC conversions.

Chinese subtitle limits count full-width cells: a CJK character or full-width punctuation mark is one,
a half-width letter, digit or space is half (two half-width characters fill one cell). English limits
count every character, spaces and punctuation included, as the Netflix English guide does.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Any, Literal

Language = Literal["zh", "en"]

# CJK ideographs (BMP, Extension A, compatibility, and the supplementary planes where HKSCS characters
# such as 𠵱 live), plus Bopomofo.
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3100-\u312f\U00020000-\U0003134f]")
_LATIN = re.compile(r"[A-Za-z]")
# Full-width and CJK punctuation.
ZH_PUNCTUATION = "，。！？；：、「」『』（）《》〈〉【】〔〕…⋯—～·﹏．"
EN_PUNCTUATION = ",.!?;:-—–…\"'()[]"
SENTENCE_END = "。！？!?.⋯…"


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def has_latin(text: str) -> bool:
    return bool(_LATIN.search(text))


def line_language(line: str) -> Language:
    """A line with any Chinese character is a Chinese line; anything else is judged as English."""
    return "zh" if has_cjk(line) else "en"


# Punctuation Unicode calls "ambiguous" or "neutral" width that CJK fonts draw a full cell wide, so a
# Chinese line counts them as 1: ellipses, curly quotes, dashes, the interpunct.
CJK_FULL_WIDTH_PUNCTUATION = "…⋯“”‘’—–·"


@cache
def is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


@cache
def _cjk_cell(ch: str) -> bool:
    return is_wide(ch) or ch in CJK_FULL_WIDTH_PUNCTUATION


@cache
def _reading_weight(ch: str) -> float:
    if ch.isspace() or ch in ZH_PUNCTUATION or unicodedata.category(ch).startswith("P"):
        return 0.0
    return 1.0 if is_wide(ch) else 0.5


@lru_cache(maxsize=1 << 16)  # checking, re-breaking and re-checking measure the same lines
def zh_width(text: str) -> float:
    """Width in full-width cells: wide characters, and the punctuation CJK fonts draw full width
    (… ⋯ “ ” ‘ ’ — ·), count 1; everything else 0.5."""
    return 0.5 * (len(text) + sum(map(_cjk_cell, text)))


def line_length(line: str, language: Language) -> float:
    return zh_width(line) if language == "zh" else float(len(line))


def reading_chars(text: str, language: Language) -> float:
    """Characters that cost reading time: for Chinese, ideographs and half-width letters/digits (as half),
    not punctuation or spaces; for English, every character but line breaks."""
    if language == "en":
        return float(len(text.replace("\n", "")))
    return sum(map(_reading_weight, text))


def split_languages(text: str) -> tuple[list[str], list[str]]:
    """(Chinese lines, other lines) of a cue's text, each in order."""
    zh: list[str] = []
    en: list[str] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        (zh if line_language(line) == "zh" else en).append(line)
    return zh, en


def squash(text: str) -> str:
    """The text with all whitespace removed: what must survive any fix unchanged."""
    return re.sub(r"\s+", "", text)


# --- OpenCC ---------------------------------------------------------------------------------------

ScriptTarget = Literal["zh-Hant-HK", "zh-Hant-TW", "zh-Hans"]
SCRIPT_TARGETS: tuple[ScriptTarget, ...] = ("zh-Hant-HK", "zh-Hant-TW", "zh-Hans")

# OpenCC chains (configs applied in order), chosen per line by what the line is written in. Each chain
# first undoes the other region's variant forms, so Simplified, Taiwan or Hong Kong input all land on
# the same target:
#   Simplified → HK: tw2t, s2hk          Traditional → HK: tw2t, t2hk
#   Simplified → TW: hk2t, s2tw          Traditional → TW: hk2t, t2tw
#   anything → Simplified: hk2t, tw2s
# Traditional lines never go through an s2* config: its phrase table rewrites some Traditional words
# (了解 → 瞭解). Character-level configs are used, not the `p` ones (s2twp, s2hkp): those rewrite
# vocabulary (软件 → 軟體), which is translation rather than script conversion.
SCRIPT_CHAINS: dict[tuple[ScriptTarget, bool], tuple[str, ...]] = {
    ("zh-Hant-HK", True): ("tw2t", "s2hk"),
    ("zh-Hant-HK", False): ("tw2t", "t2hk"),
    ("zh-Hant-TW", True): ("hk2t", "s2tw"),
    ("zh-Hant-TW", False): ("hk2t", "t2tw"),
    ("zh-Hans", True): ("hk2t", "tw2s"),
    ("zh-Hans", False): ("hk2t", "tw2s"),
}


@cache
def _opencc(config: str) -> Any:
    import opencc

    return opencc.OpenCC(f"{config}.json")


def opencc_convert(text: str, config: str) -> str:
    """Convert with one OpenCC config (`s2t`, `t2s`, `s2hk`, ...)."""
    return str(_opencc(config).convert(text))


def convert_script(text: str, target: ScriptTarget) -> str:
    """Convert Chinese text to `target` script line by line (non-Chinese lines pass through unchanged)."""
    out = []
    for line in text.split("\n"):
        if has_cjk(line):
            for config in SCRIPT_CHAINS[(target, bool(simplified_characters(line)))]:
                line = opencc_convert(line, config)
        out.append(line)
    return "\n".join(out)


# Forms OpenCC's s2t changes that Hong Kong and Taiwan Traditional text uses as they are: 晒 (Cantonese
# "all", 食晒), 台 (天台, 電台).
TRADITIONAL_SHARED_FORMS = "晒台"


def simplified_characters(text: str) -> list[str]:
    """Simplified-only characters in `text`: changed by OpenCC's phrase-aware s2t conversion *and* when
    converted on their own. The first test keeps valid Traditional uses of shared forms (皇后, 乾杯)
    unflagged; the second keeps phrase-table rewrites of Traditional words (了解 → 瞭解) unflagged."""
    return [ch for ch in _changed_characters(text, "s2t") if ch not in TRADITIONAL_SHARED_FORMS]


def traditional_characters(text: str) -> list[str]:
    """Traditional-only characters (by the same two tests with t2s), for judging a text's script."""
    return _changed_characters(text, "t2s")


def _changed_characters(text: str, config: str) -> list[str]:
    if not has_cjk(text):
        return []
    converted = opencc_convert(text, config)
    if converted == text:
        return []  # most lines: nothing to convert
    if len(converted) == len(text):
        candidates = [a for a, b in zip(text, converted, strict=True) if a != b]
    else:
        candidates = [ch for ch in text if has_cjk(ch)]
    return list(dict.fromkeys(ch for ch in candidates if opencc_convert(ch, config) != ch))
