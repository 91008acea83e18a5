"""Translate subtitles with a connected language model, keeping names consistent with the cast list.

The model sees the subtitles in numbered batches, with a few subtitles of context on each side (marked
as context, not to translate) and a glossary built from the production's cast list (every name a
character goes by, in both languages), and must answer with exactly one numbered line per subtitle.
An answer that does not is retried once, then refused: a translation is never silently misaligned.
Offline there is no model, and the tool says so rather than guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

from core.errors import ModelError, SubtitleError
from knowledge.cast_list import CastMember
from knowledge.production import TextWriter
from knowledge.subtitle_file import Cue

TranslationTarget = Literal["en", "zh-Hant-HK"]
TARGET_NAMES = {
    "en": "English",
    "zh-Hant-HK": "Traditional Chinese as written in Hong Kong (Cantonese where the source is colloquial)",
}

_NUMBERED = re.compile(r"^\s*\[?(\d+)\]?\s*[:：.、)]\s*(.*)$")

OFFLINE_MESSAGE = "Translating subtitles needs a connected language model, and Slate is running offline"
OFFLINE_HINT = "Set OPENAI_API_KEY (or SLATE_OPENAI_BASE_URL for a local server such as Ollama) and try again"


def glossary_from_cast(cast: Iterable[CastMember]) -> list[str]:
    """One line per character: every name they go by (`INSPECTOR LAU = 劉督察 = 劉Sir`)."""
    return [" = ".join(member.all_names()) for member in cast if member.all_names()]


def translate_texts(
    cues: Sequence[Cue],
    writer: TextWriter | None,
    *,
    target: TranslationTarget,
    glossary: Sequence[str] = (),
    batch_size: int = 20,
    context: int = 2,
) -> list[str]:
    """One translated line per cue, in order.

    Raises:
        SubtitleError: no model is connected (offline).
        ModelError: the model's answer did not have one line per subtitle, twice.
    """
    if writer is None:
        raise SubtitleError(OFFLINE_MESSAGE, hint=OFFLINE_HINT)
    system = (
        "You translate film subtitles for a Hong Kong production into "
        f"{TARGET_NAMES[target]}. Keep each subtitle short enough to read on screen. Use the glossary's "
        "form of every character name. Answer with exactly one line per numbered subtitle, written "
        "'N: translation', and nothing else; never merge or split subtitles."
    )
    out: list[str] = []
    for first in range(0, len(cues), batch_size):
        batch = list(cues[first : first + batch_size])
        before = cues[max(0, first - context) : first]
        after = cues[first + batch_size : first + batch_size + context]
        prompt = _prompt(batch, before, after, glossary, first)
        expected = list(range(first + 1, first + len(batch) + 1))
        answer = writer.complete(system, prompt, max_tokens=max(256, 80 * len(batch)))
        lines = _parse(answer, expected)
        if lines is None:
            reminder = (
                f"\n\nAnswer with exactly {len(batch)} lines, numbered {expected[0]} to {expected[-1]}."
            )
            answer = writer.complete(system, prompt + reminder, max_tokens=max(256, 80 * len(batch)))
            lines = _parse(answer, expected)
        if lines is None:
            raise ModelError(
                f"The model did not return one line for each of subtitles {expected[0]}-{expected[-1]}",
                value=answer[:300],
            )
        out.extend(lines)
    return out


def _one_line(cue: Cue) -> str:
    return " / ".join(line.strip() for line in cue.text.split("\n") if line.strip())


def _prompt(
    batch: list[Cue], before: Sequence[Cue], after: Sequence[Cue], glossary: Sequence[str], first: int
) -> str:
    parts = []
    if glossary:
        parts.append(
            "Glossary (names as the production writes them):\n" + "\n".join(f"- {g}" for g in glossary)
        )
    if before:
        parts.append("Context before (do not translate):\n" + "\n".join(f"- {_one_line(c)}" for c in before))
    numbered = "\n".join(f"{first + i}: {_one_line(c)}" for i, c in enumerate(batch, 1))
    parts.append("Subtitles to translate:\n" + numbered)
    if after:
        parts.append("Context after (do not translate):\n" + "\n".join(f"- {_one_line(c)}" for c in after))
    return "\n\n".join(parts)


def _parse(answer: str, expected: list[int]) -> list[str] | None:
    found: dict[int, str] = {}
    for line in answer.splitlines():
        match = _NUMBERED.match(line)
        if match and int(match.group(1)) in expected and int(match.group(1)) not in found:
            found[int(match.group(1))] = match.group(2).strip()
    if sorted(found) != expected or any(not text for text in found.values()):
        return None
    return [found[n].replace(" / ", "\n") for n in expected]
