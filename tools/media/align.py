"""Match what the speech model heard to the script's dialogue, word by word.

The heard words and the scene's dialogue words are aligned as two token sequences (difflib's longest
matching blocks, which keep order, so a repeated word cannot pull a line out of place). Each heard word
then belongs to a script line: directly when it matched, else through its matched neighbours (the nearer
one in time when they disagree). A cue's confidence is the matched words over the longer of the heard
words and the script words it covers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from knowledge.screenplay import Scene

_TOKEN = re.compile(r"[\w'’]+(?:[-.][\w'’]+)*", re.UNICODE)


@dataclass(frozen=True)
class Word:
    """A word the speech model heard, with its time in seconds and its probability."""

    start: float
    end: float
    text: str
    probability: float = 1.0


@dataclass(frozen=True)
class ScriptLineText:
    """One dialogue paragraph of a scene: who says it, its text, and its source line."""

    character: str
    text: str
    line: int


@dataclass(frozen=True)
class _ScriptToken:
    key: str
    line: int  # index into the script lines
    position: int  # token position within its line


def fold(word: str) -> str:
    """A word for matching: lower case, accents and apostrophes dropped, digits as written."""
    text = unicodedata.normalize("NFKD", word).casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^\w]", "", text)


def scene_dialogue(scene: Scene) -> list[ScriptLineText]:
    """The scene's dialogue paragraphs in order, each with its speaker."""
    out = []
    for element in scene.elements:
        if element.type == "dialogue" and element.text.strip():
            text = " ".join(element.text.split())
            out.append(ScriptLineText(character=element.character or "", text=text, line=element.line))
    return out


def _tokens(lines: Sequence[ScriptLineText]) -> list[_ScriptToken]:
    out = []
    for index, line in enumerate(lines):
        for position, match in enumerate(_TOKEN.finditer(line.text)):
            key = fold(match.group())
            if key:
                out.append(_ScriptToken(key, index, position))
    return out


@dataclass
class Alignment:
    """For each heard word: the script line it belongs to (or None) and whether it matched exactly."""

    lines: list[int | None]
    matched: list[bool]


def align_words(words: Sequence[Word], script: Sequence[ScriptLineText]) -> Alignment:
    """Assign each heard word to a script line (see the module docstring)."""
    tokens = _tokens(script)
    heard = [fold(w.text) for w in words]
    lines: list[int | None] = [None] * len(words)
    matched = [False] * len(words)
    matcher = SequenceMatcher(None, heard, [t.key for t in tokens], autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            lines[block.a + k] = tokens[block.b + k].line
            matched[block.a + k] = True
    _fill_gaps(words, lines, matched)
    return Alignment(lines, matched)


def _fill_gaps(words: Sequence[Word], lines: list[int | None], matched: list[bool]) -> None:
    anchors = [i for i, ok in enumerate(matched) if ok]
    for i in range(len(words)):
        if matched[i]:
            continue
        before = max((a for a in anchors if a < i), default=None)
        after = min((a for a in anchors if a > i), default=None)
        gap_before = words[i].start - words[before].end if before is not None else None
        gap_after = words[after].start - words[i].end if after is not None else None
        if before is not None and after is not None and lines[before] == lines[after]:
            lines[i] = lines[before]
        elif gap_before is not None and (gap_after is None or gap_before <= gap_after):
            lines[i] = lines[before] if before is not None and gap_before < 1.0 else None
        elif gap_after is not None and after is not None:
            lines[i] = lines[after] if gap_after < 1.0 else None


def script_wording(
    group: Sequence[int], words: Sequence[Word], alignment: Alignment, script: Sequence[ScriptLineText]
) -> tuple[str, float] | None:
    """The script's wording for the heard words at indices `group` (all on one script line), and the
    confidence; None when none of them matched."""
    line_index = alignment.lines[group[0]]
    if line_index is None:
        return None
    line = script[line_index]
    spans = list(_TOKEN.finditer(line.text))
    keys = [fold(m.group()) for m in spans]
    heard = [fold(words[i].text) for i in group]
    matcher = SequenceMatcher(None, heard, keys, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    first = blocks[0].b - blocks[0].a  # the script word the first heard word stands for
    last = blocks[-1].b + blocks[-1].size - 1 + (len(heard) - blocks[-1].a - blocks[-1].size)
    first, last = max(first, 0), min(last, len(spans) - 1)
    # A heard run that reaches (nearly) to either end of the line takes the line from its very start/end,
    # so the punctuation and the dialogue's own first word come with it.
    start_char = 0 if first <= 1 else spans[first].start()
    end_char = len(line.text) if last >= len(spans) - 2 else spans[last].end()
    text = line.text[start_char:end_char].strip()
    if end_char < len(line.text):
        text = text.rstrip(",;:")
    covered = last - first + 1
    matched = sum(b.size for b in blocks)
    return text, matched / max(len(heard), covered, 1)


def respell_names(text: str, names: Iterable[str]) -> str:
    """Known names written as the cast and location lists spell them (case, spacing and hyphens)."""
    for name in sorted(set(names), key=len, reverse=True):
        parts = [re.escape(p) for p in re.split(r"[\s\-]+", name) if p]
        if not parts or not re.search(r"[A-Za-z]", name) or len(name) < 3:
            continue
        pattern = r"(?<![\w])" + r"[\s\-]*".join(parts) + r"(?![\w])"
        if len(parts) > 1:
            text = re.sub(pattern, name, text, flags=re.IGNORECASE)
        else:  # one word (Lau, Doctor): only where it is heard as a name, capitalised

            def as_name(match: re.Match[str], name: str = name) -> str:
                return name if match.group()[0].isupper() else match.group()

            text = re.sub(pattern, as_name, text, flags=re.IGNORECASE)
    return text
