"""Two or more speakers in one event: find the turns, lay them out one speaker a line, judge the dashes.

Netflix English (USA): "Use a hyphen without a space to indicate two speakers in one subtitle, with a
maximum of one speaker per line" (`-Are you coming?` / `-In a minute.`). Netflix Chinese guides mark each
speaker with a dash too (`–但你說⋯` / `–她很漂亮`). Houses differ on the dash (`-`, `- `, `–`, full-width
`－`) and on whether the first speaker gets one; what every guide shares is one speaker a line and one
dash style throughout a file.

A turn starts with a dash at the start of the text or of a line, or after a sentence end (`. ! ? … ⋯ 。
！ ？`, then a space in Latin text) in the middle of a line — the last is the mistake a naive re-break
makes (`Are you being bullied? -Nope.`). A double dash (`What are you--`) is an interruption, not a turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

DASHES = "-–—－‐"
_DASH_CLASS = "[" + re.escape(DASHES) + "]"
_ANY_DASH = re.compile(_DASH_CLASS)
# A dash opening a turn: at the start, after a line break, or mid-line after a sentence end.
_TURN = re.compile(
    rf"(?:^|(?<=\n)|(?<=[.!?…⋯][\"'」』)）\]] )|(?<=[.!?…⋯] )|(?<=[。！？⋯」』]))[ \t]*"
    rf"(?P<dash>{_DASH_CLASS})(?!{_DASH_CLASS})(?P<space>[ \t]?)(?=\S)"
)


@dataclass(frozen=True)
class Turn:
    """One speaker's words in an event: the dash as written (`-`, `- `, `－`, or "" for an undashed
    first speaker) and the text without it."""

    dash: str
    text: str

    @property
    def line(self) -> str:
        return self.dash + self.text


def has_dash(text: str) -> bool:
    """Whether the text holds any dash: most events do not, and skip the dialogue rules."""
    return _ANY_DASH.search(text) is not None


def dialogue_turns(text: str) -> list[Turn] | None:
    """The speakers' turns of an event's text (one language's lines), or None when it is not dialogue.

    Dialogue is two or more turns: every turn dashed, or (the "second speaker only" style) an undashed
    first line followed by dashed lines.
    """
    if _ANY_DASH.search(text) is None:
        return None  # most events: no dash at all
    turns = _turns(text)
    return None if turns is None else list(turns)


# Checking, breaking and fixing each ask about the same event's turns: found once per text.
@lru_cache(maxsize=1 << 14)
def _turns(text: str) -> tuple[Turn, ...] | None:
    starts = list(_TURN.finditer(text))
    if not starts:
        return None
    turns: list[Turn] = []
    first = starts[0]
    if text[: first.start()].strip():
        if text[first.start() - 1 : first.start()] != "\n":
            return None  # a mid-line dash with no dashed first speaker: a sentence, not a layout
        turns.append(Turn("", _flat(text[: first.start()])))
    for n, match in enumerate(starts):
        end = starts[n + 1].start() if n + 1 < len(starts) else len(text)
        body = _flat(text[match.end() : end])
        if not body:
            return None
        turns.append(Turn(match.group("dash") + match.group("space"), body))
    return tuple(turns) if len(turns) >= 2 else None


def _flat(text: str) -> str:
    return " ".join(text.split()) if not re.search(r"[\u3400-\u9fff]", text) else _flat_cjk(text)


def _flat_cjk(text: str) -> str:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out = ""
    for line in lines:
        if out and re.search(r"[A-Za-z0-9,.;:!?]$", out) and re.match(r"[A-Za-z0-9]", line):
            out += " "
        out += line
    return out


def lone_dash(text: str) -> str | None:
    """The dash of a one-speaker event that starts with a dialogue dash (`- Nope.`), else None."""
    if not has_dash(text) or dialogue_turns(text) is not None:
        return None
    match = _TURN.match(text)
    return match.group("dash") + match.group("space") if match else None


def mixed_lines(text: str) -> list[str]:
    """Lines that hold the end of one speaker's turn and the start of another's."""
    turns = dialogue_turns(text)
    if turns is None:
        return []
    return [line for line in text.split("\n") if line.strip() and _TURN.search(line.strip(), 1)]


def dialogue_layout(turns: list[Turn]) -> list[str]:
    """One speaker a line, each with its own dash."""
    return [turn.line for turn in turns]


def dash_style(dash: str) -> str:
    """How a style is named in reports: `-`, `- ` (with a space), `－`."""
    return repr(dash)


def strip_turn_dashes(text: str) -> str:
    """The text without the dashes that open turns: what a split into one-speaker events may drop."""
    return _TURN.sub("", text)
