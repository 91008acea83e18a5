"""Scoring a breakdown against a hand-written key: recall and precision per category family."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tools.breakdown.model import FAMILIES, Breakdown, BreakdownElement

KEY_FAMILIES = ("cast", "background", "stunts", "vehicles", "props", "wardrobe_makeup", "effects",
                "animals", "equipment", "sound")  # fmt: skip
_CAST_KEYS = {"cast": "cast", "silent": "cast_silent", "voice": "cast_voice"}


@dataclass
class KeyEntry:
    family: str
    aliases: list[str]
    count: int | None = None
    cast_kind: str | None = None


@dataclass
class Score:
    key: int = 0
    found: int = 0  # key entries matched
    detected: int = 0
    correct: int = 0  # detected elements that match a key entry
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.key += other.key
        self.found += other.found
        self.detected += other.detected
        self.correct += other.correct
        self.misses += other.misses
        self.extras += other.extras

    @property
    def recall(self) -> float:
        return self.found / self.key if self.key else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.detected if self.detected else 1.0


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("-", " ").replace("$", "")
    words = []
    for word in text.split():
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        words.append(word)
    return " ".join(words)


def names_match(detected: str, alias: str) -> bool:
    """Equal after folding, or one's words contain the other's (`red TAXI` / `taxi`; `臨記` / `臨記`)."""
    a, b = _fold(detected), _fold(alias)
    if not a or not b:
        return False
    if a == b:
        return True
    if any("\u3400" <= ch <= "\u9fff" for ch in a + b):
        return a in b or b in a
    wa, wb = set(a.split()), set(b.split())
    return wb <= wa or wa <= wb


def load_key(path: Path) -> dict[str, list[KeyEntry]]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, list[KeyEntry]] = {}
    for scene, families in data["scenes"].items():
        entries = []
        for family, items in families.items():
            for item in items:
                name, count = (
                    (item["name"], item.get("count")) if isinstance(item, dict) else (str(item), None)
                )
                if family in _CAST_KEYS:
                    entries.append(KeyEntry("cast", name.split("|"), count, _CAST_KEYS[family]))
                else:
                    entries.append(KeyEntry(family, name.split("|"), count))
        out[str(scene)] = entries
    return out


def _matches(element: BreakdownElement, entry: KeyEntry) -> bool:
    if FAMILIES[element.category] != entry.family:
        return False
    if entry.cast_kind and element.category != entry.cast_kind:
        return False
    if entry.count is not None and element.count != entry.count:
        return False
    return any(names_match(element.name, alias) for alias in entry.aliases)


def score(breakdown: Breakdown, key: dict[str, list[KeyEntry]]) -> dict[str, Score]:
    """Per family: key entries found (recall) and detected elements that are in the key (precision)."""
    scores = {family: Score() for family in KEY_FAMILIES}
    for number, entries in key.items():
        sheet = breakdown.scene(number)
        assert sheet is not None, f"the key names scene {number}, which the script does not have"
        elements = [e for e in sheet.elements if FAMILIES[e.category] in scores]
        for entry in entries:
            s = scores[entry.family]
            s.key += 1
            if any(_matches(e, entry) for e in elements):
                s.found += 1
            else:
                s.misses.append(
                    f"sc {number}: {entry.aliases[0]}" + (f" ({entry.count})" if entry.count else "")
                )
        for element in elements:
            s = scores[FAMILIES[element.category]]
            s.detected += 1
            if any(_matches(element, entry) for entry in entries):
                s.correct += 1
            else:
                s.extras.append(f"sc {number}: {element.category} {element.text()}")
    return scores


def table(results: dict[str, dict[str, Score]]) -> tuple[str, dict[str, Score]]:
    """A printable table (per script and family, then all scripts pooled) and the pooled scores."""
    pooled = {family: Score() for family in KEY_FAMILIES}
    lines = [
        f"{'script':<16} {'family':<16} {'key':>4} {'found':>5} {'det':>4} {'right':>5} {'recall':>7} {'prec':>6}"
    ]
    for name, scores in results.items():
        for family, s in scores.items():
            pooled[family].add(s)
            if s.key or s.detected:
                lines.append(
                    f"{name:<16} {family:<16} {s.key:>4} {s.found:>5} {s.detected:>4} {s.correct:>5} "
                    f"{s.recall:>7.0%} {s.precision:>6.0%}"
                )
    lines.append("-" * 70)
    for family, s in pooled.items():
        lines.append(
            f"{'ALL':<16} {family:<16} {s.key:>4} {s.found:>5} {s.detected:>4} {s.correct:>5} "
            f"{s.recall:>7.0%} {s.precision:>6.0%}"
        )
    return "\n".join(lines), pooled
