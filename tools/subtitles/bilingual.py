"""Hong Kong bilingual subtitles: merge a Chinese and an English track into Chinese-over-English events,
and split such a track back into its two languages.

Merging aligns by time overlap: each English event joins the Chinese event it overlaps most (several
English events can join one Chinese event, in time order). The Chinese track's timing is kept for merged
events, as it is usually spotted to the original Cantonese dialogue. Events that overlap nothing in the
other track are kept on their own, one language only, so no line of either track is lost.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.subtitle_file import Cue
from tools.subtitles.text import has_cjk, line_language


@dataclass(frozen=True)
class MergeOutcome:
    cues: list[Cue]
    merged: int
    chinese_only: int
    english_only: int


def _overlap(a: Cue, b: Cue) -> int:
    return min(a.end_ms, b.end_ms) - max(a.start_ms, b.start_ms)


def merge_tracks(chinese: Sequence[Cue], english: Sequence[Cue]) -> MergeOutcome:
    """One bilingual track from a Chinese and an English one."""
    joined: dict[int, list[Cue]] = {}
    unmatched_en: list[Cue] = []
    zh_sorted = sorted(chinese, key=lambda c: (c.start_ms, c.index))
    starts = [c.start_ms for c in zh_sorted]

    for en in english:
        # Chinese events that can overlap this one start before it ends; look back a little for long ones.
        hi = bisect.bisect_left(starts, en.end_ms)
        best, best_overlap = None, 0
        for zh in zh_sorted[max(0, hi - 8) : hi]:
            amount = _overlap(zh, en)
            if amount > best_overlap:
                best, best_overlap = zh, amount
        if best is None:
            unmatched_en.append(en)
        else:
            joined.setdefault(id(best), []).append(en)
    events: list[tuple[int, int, int, str]] = []
    merged = chinese_only = 0
    for order, zh in enumerate(zh_sorted):
        partners = sorted(joined.get(id(zh), []), key=lambda c: (c.start_ms, c.index))
        text = zh.text
        if partners:
            text = zh.text + "\n" + "\n".join(p.text for p in partners)
            merged += 1
        else:
            chinese_only += 1
        events.append((zh.start_ms, zh.end_ms, order, text))
    for order, en in enumerate(unmatched_en, len(zh_sorted)):
        events.append((en.start_ms, en.end_ms, order, en.text))
    events.sort(key=lambda e: (e[0], e[2]))
    cues = [Cue(i, start, end, text, text) for i, (start, end, _, text) in enumerate(events, 1)]
    return MergeOutcome(cues, merged, chinese_only, len(unmatched_en))


def split_tracks(cues: Sequence[Cue]) -> tuple[list[Cue], list[Cue]]:
    """(Chinese track, English track) from bilingual cues: each line goes to its language's track, with
    the event's timing; an event with no line in a language is left out of that track."""
    chinese: list[Cue] = []
    english: list[Cue] = []
    for cue in cues:
        zh = [line for line in cue.text.split("\n") if line.strip() and line_language(line) == "zh"]
        en = [line for line in cue.text.split("\n") if line.strip() and line_language(line) == "en"]
        for track, lines in ((chinese, zh), (english, en)):
            if lines:
                text = "\n".join(lines)
                track.append(Cue(len(track) + 1, cue.start_ms, cue.end_ms, text, text, cue.line, cue.style))
    return chinese, english


def looks_chinese(cues: Sequence[Cue]) -> bool:
    """Whether most of a track's events contain Chinese."""
    texts = [c.text for c in cues if c.text.strip()]
    return bool(texts) and sum(1 for t in texts if has_cjk(t)) * 2 >= len(texts)
