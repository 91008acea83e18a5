"""Break subtitle text into lines the way a subtitler would, in English and in Chinese.

English (Netflix line treatment): break after punctuation, or before a conjunction or preposition; never
between an article or determiner and what follows, a first and last name, a subject pronoun and its verb,
or an auxiliary or negation and its verb. Among the allowed breaks, prefer balanced lines with the top
line no longer than the bottom one.

Chinese: break after punctuation (or at a space, which Hong Kong subtitles use in place of a comma);
otherwise at a word boundary, never inside a word, and never so that a line starts with punctuation.
Words come from jieba. Its bundled dictionary is Simplified, so Traditional text is segmented through an
OpenCC t2s copy and the boundaries are mapped back; that is exact only when t2s keeps the length (it
converts character by character almost always), so when the length changes the Traditional text is
segmented directly. A few dozen colloquial Cantonese words (㗎 哋 嘅 咗 are not in jieba's dictionary) are
added to the segmenter so 佢哋, 唔該, 點解 stay whole.

Subtitle Edit's auto-break (libse `TextSplit`) breaks Chinese only at a space or after ，。？、 and leaves a
line with none of those unbroken: it has no word segmentation.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

from tools.subtitles.dialogue import dialogue_layout, dialogue_turns
from tools.subtitles.text import (
    ZH_PUNCTUATION,
    Language,
    line_language,
    line_length,
    opencc_convert,
    zh_width,
)

ARTICLES = {"a", "an", "the"}
DETERMINERS = {
    "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their", "some", "any",
    "no", "every", "each", "another", "such", "what", "which", "whose",
}  # fmt: skip
CONJUNCTIONS = {
    "and", "but", "or", "nor", "so", "yet", "because", "although", "though", "unless", "while", "whereas",
    "if", "when", "whenever", "where", "since", "until", "till", "than", "that", "whether", "after",
    "before", "once",
}  # fmt: skip
PREPOSITIONS = {
    "about", "above", "across", "against", "along", "among", "around", "at", "behind", "below", "beneath",
    "beside", "between", "beyond", "by", "despite", "down", "during", "except", "for", "from", "in",
    "inside", "into", "near", "of", "off", "on", "onto", "out", "outside", "over", "past", "through",
    "throughout", "to", "toward", "towards", "under", "underneath", "up", "upon", "with", "within", "without",
}  # fmt: skip
SUBJECT_PRONOUNS = {"i", "you", "he", "she", "we", "they", "it"}
AUXILIARIES = {
    "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "never", "to",
    "don't", "doesn't", "didn't", "won't", "can't", "couldn't", "shouldn't", "wouldn't", "isn't", "aren't",
    "wasn't", "weren't", "haven't", "hasn't", "hadn't", "i'm", "you're", "we're", "they're", "he's", "she's",
    "it's", "i've", "you've", "we've", "they've", "i'll", "you'll", "he'll", "she'll", "we'll", "they'll",
}  # fmt: skip

ZH_BREAK_AFTER = "，。！？；：、⋯…—」』）》,.!?;:"
ZH_NO_LINE_START = "，。！？；：、⋯…」』）》,.!?;:%％"
ZH_NO_LINE_END = "「『（《"
ZH_WEAK_LINE_START = "了的地得着著過嘅咗啦呀㗎喇囉吖嘛呢吧啊"
ZH_WEAK_LINE_END = "的之嘅"
# Prepositions (coverbs) and conjunctions: the Netflix rule "break before conjunctions and prepositions"
# applied to Chinese words — a line may not end on one (balance still decides among the other breaks).
ZH_BREAK_BEFORE = {
    "將", "把", "被", "喺", "向", "對", "由", "從", "為", "在", "跟", "與", "和", "同埋", "但", "而",
    "所以", "因為", "如果", "但係", "不過", "或者", "然後", "之後", "將会", "因为", "但是", "然后",
}  # fmt: skip  # attributive particles: breaking after one parts a modifier from its noun

# Colloquial Cantonese words jieba's dictionary lacks, so segmentation keeps them whole.
CANTONESE_WORDS = (
    "佢哋", "你哋", "我哋", "唔該", "多謝", "點解", "乜嘢", "咩嘢", "邊度", "邊個", "而家", "咁樣", "冇問題",
    "係咪", "唔係", "唔好", "唔使", "唔知", "嗰度", "嗰個", "呢度", "呢個", "今日", "琴日", "聽日", "尋日",
    "返工", "收工", "埋位", "開機", "食飯", "飲茶", "靚仔", "靚女", "睇吓", "等陣", "一陣", "搞掂", "攞",
    "冇", "咗", "嘅", "㗎", "喺", "嚟", "啲", "嘢", "佢", "咁", "噉", "嘞", "喇", "囉", "啩", "吖", "嘛",
    "督察", "阿Sir", "差佬", "師兄", "師姐",
)  # fmt: skip

_EN_PUNCT_END = re.compile(r"[,.;:!?…\-—–)\"']$")
_EN_SENTENCE_END = re.compile(r"[.!?…]['\")]?$")
_FORBIDDEN = 1000.0


@dataclass(frozen=True)
class Breaking:
    """The result of breaking one language's text: the lines, and how far the longest runs over."""

    lines: list[str]
    overflow: float


# --- English ---------------------------------------------------------------------------------------


def break_english(text: str, max_length: float, max_lines: int = 2) -> Breaking:
    """Lines for English `text` within `max_length` characters, using as few lines as fit (at most
    `max_lines`); when nothing fits, the least-overflowing break."""
    words = text.split()
    if not words:
        return Breaking([], 0)
    if max_lines >= 2:
        turns = dialogue_turns(text)
        if turns is not None:
            return _dialogue_breaking(dialogue_layout(turns), "en", max_length, max_lines)
    return _best_breaking(words, max_length, max_lines, " ", _english_break_cost, len)


def _dialogue_breaking(layout: list[str], language: Language, max_length: float, max_lines: int) -> Breaking:
    """One speaker a line, never two on a line: what is too long or too many stays so, with its overflow
    (fixing then splits the event by speaker)."""
    overflow = max(0.0, max(line_length(line, language) for line in layout) - max_length)
    if len(layout) > max_lines:
        overflow = max(overflow, 1.0)
    return Breaking(layout, overflow)


@lru_cache(maxsize=1 << 16)  # word pairs recur across a file, and every candidate breaking asks again
def _english_break_cost(before: str, after: str) -> float:
    prev, nxt = before.lower().strip("\"'(["), after.lower().strip("\"'([.,;:!?")
    cost = 0.0
    if _EN_SENTENCE_END.search(before):
        cost -= 40
    elif _EN_PUNCT_END.search(before):
        cost -= 30
    elif nxt in CONJUNCTIONS:
        cost -= 20
    elif nxt in PREPOSITIONS:
        cost -= 15
    elif nxt in SUBJECT_PRONOUNS and prev not in ARTICLES | DETERMINERS | AUXILIARIES:
        cost -= 20  # a new clause's subject: "…last week / I still think…"
    if _EN_PUNCT_END.search(before):
        return cost
    if prev in ARTICLES or prev in DETERMINERS:
        cost += _FORBIDDEN
    if prev in SUBJECT_PRONOUNS and nxt not in CONJUNCTIONS and nxt not in PREPOSITIONS:
        cost += 60
    if prev in AUXILIARIES or nxt in ("not", "n't"):
        cost += 40
    if _looks_like_name(before) and _looks_like_name(after) and prev != "i":
        cost += _FORBIDDEN
    return cost


def _looks_like_name(word: str) -> bool:
    core = word.strip("\"'(),.;:!?")
    return len(core) > 1 and core[0].isupper() and core[1:].islower()


# --- Chinese ---------------------------------------------------------------------------------------


def break_chinese(text: str, max_width: float, max_lines: int = 2) -> Breaking:
    """Lines for Chinese `text` within `max_width` full-width cells, broken at punctuation or word
    boundaries only."""
    joined = _join_chinese_lines(text)
    if not joined:
        return Breaking([], 0)
    if max_lines >= 2:
        turns = dialogue_turns(text)
        if turns is not None:
            return _dialogue_breaking(dialogue_layout(turns), "zh", max_width, max_lines)
    else:
        # One line allowed (hk-bilingual's Chinese): the only breaking is the whole text, so the
        # word segmentation, the slow part, is skipped.
        return Breaking([joined], max(0.0, zh_width(joined) - max_width))
    tokens = chinese_tokens(joined)
    return _best_breaking(tokens, max_width, max_lines, "", _chinese_break_cost, zh_width)


def _join_chinese_lines(text: str) -> str:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out = ""
    for line in lines:
        if out and re.match(r"[A-Za-z0-9]", line[0]) and re.search(r"[A-Za-z0-9]$", out):
            out += " "
        out += line
    return out


def _chinese_break_cost(before: str, after: str) -> float:
    if after[:1] in ZH_NO_LINE_START or before[-1:] in ZH_NO_LINE_END:
        return _FORBIDDEN
    if re.search(r"[A-Za-z0-9]\s*$", before) and re.match(r"[A-Za-z0-9]", after):
        if _looks_like_name(before) and _looks_like_name(after):
            return _FORBIDDEN  # Peter Chan
        return 60 if not before.endswith(" ") else 10  # inside a run of Latin words: only when needed
    if before[-1:] in ZH_BREAK_AFTER or before.endswith(" "):
        return -40
    if after[:1] in ZH_WEAK_LINE_START:
        return 20  # a line opening on a particle (了, 嘅, 㗎) reads badly
    if before[-1:] in ZH_WEAK_LINE_END:
        return 15
    if before.strip() in ZH_BREAK_BEFORE:
        return 15  # a line ending on a preposition or conjunction parts it from what it governs
    return 0


def chinese_tokens(text: str, keep: frozenset[str] = frozenset()) -> list[str]:
    """Words (with trailing spaces attached) of Chinese text, from jieba through a Simplified copy.

    Each of `keep` (a production's own words: knowledge.vocabulary.discover_words) found in the text is
    one word (the longest at each place) where jieba cut it; where jieba's word holds it whole (星期
    in 星期六), jieba's word stays."""
    words = _tokens(text)
    pattern = _kept(keep) if keep else None
    if pattern is None:
        return _attached(words)
    cuts, position = {0, len(text)}, 0
    for word in words:
        position += len(word)
        cuts.add(position)
    for match in pattern.finditer(text):
        start, end = match.span()
        split = {c for c in cuts if start < c < end}
        if not split:
            continue  # jieba has the word, or a longer word holding it
        cuts -= split
        cuts |= {start, end}
    ordered = sorted(cuts)
    return _attached([text[a:b] for a, b in pairwise(ordered)])


@lru_cache(maxsize=8)
def _kept(words: frozenset[str]) -> re.Pattern[str] | None:
    chinese = sorted((w for w in words if len(w) >= 2), key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, chinese))) if chinese else None


def _attached(words: list[str]) -> list[str]:
    tokens: list[str] = []
    for word in words:
        if tokens and (word.isspace() or word[:1] in ZH_NO_LINE_START):
            tokens[-1] += word
        else:
            tokens.append(word)
    return tokens


def _tokens(text: str) -> list[str]:
    if not text:
        return []
    simplified = opencc_convert(text, "t2s")
    segmenter = _segmenter()
    if len(simplified) == len(text):
        pieces = segmenter.lcut(simplified, HMM=True)
        words, pos = [], 0
        for piece in pieces:
            words.append(text[pos : pos + len(piece)])
            pos += len(piece)
    else:
        words = segmenter.lcut(text, HMM=True)
    return list(words)


@cache
def _segmenter() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for word in CANTONESE_WORDS:
        tokenizer.add_word(word, freq=2000)
        simplified = opencc_convert(word, "t2s")
        if simplified != word:
            tokenizer.add_word(simplified, freq=2000)
    return tokenizer


# --- shared search -----------------------------------------------------------------------------------


def _best_breaking(
    tokens: list[str],
    max_length: float,
    max_lines: int,
    joiner: str,
    break_cost: Any,
    measure: Any,
) -> Breaking:
    """The cheapest way to put `tokens` on 1..max_lines lines: fewest lines that fit, then break costs,
    then balance. Exhaustive over 1-3 lines (subtitle events are short); widths come from prefix sums."""
    n = len(tokens)
    full = [measure(t) for t in tokens]
    trailing = [
        f - measure(t.rstrip()) if t[-1:].isspace() else 0.0 for f, t in zip(full, tokens, strict=True)
    ]
    leading = [f - measure(t.lstrip()) if t[:1].isspace() else 0.0 for f, t in zip(full, tokens, strict=True)]
    prefix = [0.0]
    for token_width in full:
        prefix.append(prefix[-1] + token_width)
    gap = measure(joiner) if joiner else 0.0
    cut_costs: dict[int, float] = {}

    def cut_cost(c: int) -> float:
        if c not in cut_costs:
            cut_costs[c] = break_cost(tokens[c - 1], tokens[c])
        return cut_costs[c]

    def width(a: int, b: int) -> float:
        return prefix[b] - prefix[a] + gap * (b - a - 1) - trailing[b - 1] - (leading[a] if b - a > 0 else 0)

    best: tuple[float, list[int], float] | None = None
    for count in range(1, max(1, max_lines) + 1):
        if count == 2:
            best = _best_two_lines(n, max_length, width, cut_cost, best)
            if best[2] == 0:
                break
            continue
        for cuts in _cut_positions(n, count):
            bounds = [0, *cuts, n]
            widths = [width(bounds[i], bounds[i + 1]) for i in range(count)]
            overflow = max(0.0, max(widths) - max_length)
            if overflow and best is not None and best[2] == 0:
                continue  # a fitting breaking exists; this one cannot win
            cost = sum(cut_cost(c) for c in cuts)
            cost += sum(abs(widths[i] - widths[i + 1]) + max(0.0, widths[i] - widths[i + 1]) * 0.5
                        for i in range(count - 1))  # fmt: skip
            total = overflow * _FORBIDDEN * 10 + count * 5 + cost
            if best is None or total < best[0]:
                best = (total, bounds, overflow)
        if best is not None and best[2] == 0:
            break
    assert best is not None
    bounds = best[1]
    lines = [joiner.join(tokens[bounds[i] : bounds[i + 1]]).strip() for i in range(len(bounds) - 1)]
    return Breaking(lines, best[2])


def _best_two_lines(
    n: int,
    max_length: float,
    width: Any,
    cut_cost: Any,
    best: tuple[float, list[int], float] | None,
) -> tuple[float, list[int], float]:
    """`_best_breaking`'s search over two-line breakings, unrolled: the common case, and the hot loop
    of fixing a long file (same totals, same order, so the same winner)."""
    for cut in range(1, n):
        first, second = width(0, cut), width(cut, n)
        overflow = max(0.0, max(first, second) - max_length)
        if overflow and best is not None and best[2] == 0:
            continue
        difference = first - second
        cost = cut_cost(cut) + (abs(difference) + max(0.0, difference) * 0.5)
        total = overflow * _FORBIDDEN * 10 + 10 + cost
        if best is None or total < best[0]:
            best = (total, [0, cut, n], overflow)
    assert best is not None
    return best


def _cut_positions(n: int, count: int) -> list[list[int]]:
    if count == 1:
        return [[]]
    if count == 2:
        return [[i] for i in range(1, n)]
    return [[i, j] for i in range(1, n - 1) for j in range(i + 1, n)]


# --- per cue -----------------------------------------------------------------------------------------


def break_lines(text: str, language: Language, max_length: float, max_lines: int) -> Breaking:
    """Break one language's text."""
    if language == "zh":
        return break_chinese(text, max_length, max_lines)
    return break_english(text, max_length, max_lines)


def needs_rebreak(lines: list[str], language: Language, max_length: float, max_lines: int) -> bool:
    return len(lines) > max_lines or any(line_length(line, language) > max_length for line in lines)


def rebreak_text(
    text: str, limits: dict[Language, tuple[float, int]], *, judge_chinese: bool, join: bool = False
) -> tuple[str, float]:
    """The cue's text with each run of same-language lines re-broken where it breaks the limits, or
    mixes two speakers on a line; with `join`, lines whose text fits on one line are joined (Netflix:
    "always keep the text on one line, unless it exceeds the character limitation"). Other runs are
    kept as they are, and runs are never reordered. Also the overflow left (0 if it fits)."""
    return _rebreak(text, tuple(sorted(limits.items())), judge_chinese, join)


def join_lines(lines: list[str], language: Language) -> str:
    """Lines as one line: English with a space; Chinese directly after punctuation, else with a space
    (Hong Kong subtitles use a space where a line break or comma stood)."""
    if language == "en":
        return " ".join(line.strip() for line in lines)
    out = ""
    for line in (line.strip() for line in lines):
        if out and out[-1] not in ZH_PUNCTUATION + ",.!?;:":
            out += " "
        out += line
    return out


def _rebreak_run(
    lines: list[str], language: Language, max_length: float, max_lines: int, join: bool
) -> tuple[list[str], float]:
    turns = dialogue_turns("\n".join(lines)) if max_lines >= 2 else None
    if turns is not None:
        layout = dialogue_layout(turns)
        broken = _dialogue_breaking(layout, language, max_length, max_lines)
        if [" ".join(x.split()) for x in lines] == layout:
            return lines, broken.overflow  # already one speaker a line: keep it exactly as written
        return broken.lines, broken.overflow
    if needs_rebreak(lines, language, max_length, max_lines):
        broken = break_lines("\n".join(lines), language, max_length, max_lines)
        return broken.lines, broken.overflow
    if join and len(lines) > 1:
        joined = join_lines(lines, language)
        if line_length(joined, language) <= max_length:
            return [joined], 0.0
    return lines, 0.0


@lru_cache(maxsize=1 << 16)  # fixing asks about the same text more than once
def _rebreak(
    text: str, limit_items: tuple[tuple[Language, tuple[float, int]], ...], judge_chinese: bool, join: bool
) -> tuple[str, float]:
    limits = dict(limit_items)
    runs: list[tuple[Language, list[str]]] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        language: Language = line_language(line) if judge_chinese else "en"
        if runs and runs[-1][0] == language:
            runs[-1][1].append(line)
        else:
            runs.append((language, [line]))
    out: list[str] = []
    overflow = 0.0
    for language, lines in runs:
        max_length, max_lines = limits.get(language) or next(iter(limits.values()))
        lines, run_overflow = _rebreak_run(lines, language, max_length, max_lines, join)
        overflow = max(overflow, run_overflow)
        out.extend(lines)
    return "\n".join(out), overflow
