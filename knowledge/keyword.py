"""Keyword search (BM25) with tokenisation that respects Chinese, persisted per project.

Why our own BM25: it is ~80 lines over dicts, the corpora are small (a production is hundreds to a
few thousand chunks), and no BM25 package is among Slate's dependencies; owning it also lets query
expansion weight terms (an alias found through the cast list counts less than a word the user typed).

Tokenisation: text is NFKC-normalised (full-width → half-width) and case-folded. Latin words and
numbers are tokens (`12a` stays one token, so scene 12A is findable). Chinese has no spaces and
single characters are weak evidence (嘅, 喺, 咗 are everywhere), so each run of CJK characters
becomes overlapping character bigrams (天台嘅 → 天台, 台嘅); a run of one character is kept as a
unigram. Characters are folded to Simplified (OpenCC t2s, a many-to-one mapping, so it is the same
for a character in every context) on both sides: a query typed in Simplified finds a Traditional
script, and tokens are only compared, never shown.

The index is a cache: a JSON file in the project folder holding each chunk's text and metadata,
written by knowledge.ingest after the vector store, and rebuilt from the store when it is missing
or disagrees with the manifest.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.errors import StoreError
from core.paths import atomic_write_text

INDEX_FILE = "keyword_index.json"
FORMAT_VERSION = 1

_CJK_CLASS = (
    "\u3040-\u30ff"  # kana
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified
    "\uac00-\ud7af"  # hangul
    "\uf900-\ufaff"  # compatibility ideographs
    "\U00020000-\U0003134f"  # extensions B-G (HKSCS characters live here)
)
_TOKEN = re.compile(rf"[{_CJK_CLASS}]+|[^\W_{_CJK_CLASS}]+", re.UNICODE)
_CJK_RUN = re.compile(rf"^[{_CJK_CLASS}]+$")
_POSSESSIVE = re.compile(r"'s\b")

# Words too common to mean anything in a question about a production.
STOPWORDS = frozenset(
    # A string keeps the list readable; ruff would spread a literal over 70 lines.
    """a an and are as at be been but by can could did do does for from had has have he her his how i if in
    into is it its me my of on or our she so than that the their them then there these they this those to
    us was we were what when where which who whom whose why will with would you your""".split()
)


@lru_cache(maxsize=1)
def _fold() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def _stem(word: str) -> str:
    """A plural ending off, so `scenes` meets `scene`."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    """Search tokens of `text`: Latin words and numbers lower-cased, CJK as character bigrams."""
    normal = _POSSESSIVE.sub("", unicodedata.normalize("NFKC", text).casefold().replace("’", "'"))
    tokens: list[str] = []
    for match in _TOKEN.finditer(normal):
        run = match.group()
        if _CJK_RUN.match(run):
            run = _fold().convert(run)
            if len(run) == 1:
                tokens.append(run)
            else:
                tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        elif run not in STOPWORDS:
            tokens.append(_stem(run))
    return tokens


class KeywordIndex:
    """BM25 over chunks; keeps each chunk's text and metadata (so it can also answer filters)."""

    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self.records: dict[str, tuple[str, dict[str, Any]]] = {}
        self._postings: dict[str, dict[str, int]] = {}
        self._lengths: dict[str, int] = {}
        self._terms: dict[str, tuple[str, ...]] = {}
        self._total_length = 0
        self._stem_map: dict[str, list[str]] | None = None  # English stem → index terms (built on demand)

    def __len__(self) -> int:
        return len(self.records)

    def __contains__(self, ident: object) -> bool:
        return ident in self.records

    # --- building --------------------------------------------------------------------------------

    def add(self, ident: str, text: str, metadata: Mapping[str, Any]) -> None:
        """Index one chunk (replacing any chunk with the same id)."""
        if ident in self.records:
            self.remove([ident])
        self._stem_map = None
        self.records[ident] = (text, dict(metadata))
        # Section titles are indexed with the text: a question often names the heading.
        counts = Counter(tokenize(text + "\n" + str(metadata.get("section") or "")))
        for term, tf in counts.items():
            self._postings.setdefault(term, {})[ident] = tf
        length = sum(counts.values())
        self._terms[ident] = tuple(counts)
        self._lengths[ident] = length
        self._total_length += length

    def latin_terms_with_stems(self, stems: set[str]) -> list[str]:
        """The index's English terms whose stem (knowledge.bilingual) is one of `stems`."""
        from knowledge.bilingual import english_stems

        if self._stem_map is None:
            stem_map: dict[str, list[str]] = {}
            for term in self._postings:
                if term.isascii() and term.isalpha() and len(term) >= 3:
                    for stem in english_stems(term):
                        stem_map.setdefault(stem, []).append(term)
            self._stem_map = stem_map
        return [term for stem in stems for term in self._stem_map.get(stem, [])]

    def remove(self, ids: Iterable[str]) -> None:
        """Drop chunks by id (unknown ids are ignored)."""
        self._stem_map = None
        for ident in ids:
            if self.records.pop(ident, None) is None:
                continue
            for term in self._terms.pop(ident, ()):
                postings = self._postings.get(term)
                if postings is not None:
                    postings.pop(ident, None)
                    if not postings:
                        del self._postings[term]
            self._total_length -= self._lengths.pop(ident, 0)

    # --- searching -------------------------------------------------------------------------------

    def idf(self, term: str) -> float:
        n = len(self.records)
        df = len(self._postings.get(term, ()))
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def search(
        self,
        terms: Mapping[str, float] | str,
        n: int = 50,
        *,
        ids: Iterable[str] | None = None,
    ) -> list[tuple[str, float]]:
        """Top `n` chunks by BM25 as (id, score), best first.

        Args:
            terms: a query string, or term → weight (query expansion weights added terms down).
            n: how many to return.
            ids: only score these chunks (the ones metadata filters allow).
        """
        weights = Counter(tokenize(terms)) if isinstance(terms, str) else terms
        if not self.records or not weights:
            return []
        allowed = set(ids) if ids is not None else None
        average = self._total_length / max(1, len(self.records))
        scores: dict[str, float] = {}
        for term, weight in weights.items():
            postings = self._postings.get(term)
            if not postings or weight <= 0:
                continue
            idf = self.idf(term) * weight
            for ident, tf in postings.items():
                if allowed is not None and ident not in allowed:
                    continue
                norm = tf + self.k1 * (1 - self.b + self.b * self._lengths[ident] / average)
                scores[ident] = scores.get(ident, 0.0) + idf * tf * (self.k1 + 1) / norm
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return ranked[:n]

    # --- persistence -----------------------------------------------------------------------------

    def to_json(self) -> str:
        data = {
            "version": FORMAT_VERSION,
            "records": {ident: {"text": t, "metadata": m} for ident, (t, m) in self.records.items()},
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    def save(self, path: Path) -> None:
        """Write the index atomically (a crash never leaves half an index)."""
        atomic_write_text(path, self.to_json())

    @classmethod
    def from_records(cls, records: Iterable[tuple[str, str, Mapping[str, Any]]]) -> KeywordIndex:
        index = cls()
        for ident, text, metadata in records:
            index.add(ident, text, metadata)
        return index

    @classmethod
    def load(cls, path: Path) -> KeywordIndex:
        """Read an index written by `save`.

        Raises:
            StoreError: the file is damaged or from another format version (callers rebuild it).
        """
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != FORMAT_VERSION:
                raise ValueError(f"format version {data.get('version')!r}")
            records = data["records"]
            return cls.from_records((ident, r["text"], r["metadata"]) for ident, r in records.items())
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StoreError("The keyword index is damaged", file=path, value=str(exc)[:120]) from None
