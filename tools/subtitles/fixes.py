"""Fix what rules can fix, never losing or reordering a word; report what needs a person.

In order:
0. Drop events with no text at all (nothing to lose; they only flash an empty box).
1. Split over-long events (longer than 7 s, or more text than the lines can hold) at sentence boundaries,
   sharing the time by text length, with the profile's gap between the parts.
2. Remove overlaps and close gaps of 12 frames or less to exactly 2 frames, event after event (chaining):
   the earlier event's end moves; if that would make it too short, the later event's start moves instead.
3. Extend events that are too short, or read too fast, into free time after them (up to the next event
   less 2 frames, at most 7 s), then before them.
4. Shorten events still longer than 7 s to 7 s, or to their reading time when that is longer.
5. Re-break lines that are too long or too many, or that put two speakers on a line (`linebreak`); join
   lines whose text fits on one line when the profile says so.

Dialogue: an event with more speakers than lines, or a speaker too long for a line, is split into one
event per speaker (or per group of speakers that fits), and an event left with one speaker loses its
dialogue dash — the one text change fixing makes, and the change list says so.

What stays wrong (reading speed that needs rewording, overlaps with no room to move, events out of order)
is returned as issues, not hidden. The result's text, whitespace aside, is checked to equal the input's
before anything is returned.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from core.errors import SubtitleError
from knowledge.subtitle_file import Cue
from tools.subtitles.checks import check_cues
from tools.subtitles.dialogue import Turn, dialogue_turns
from tools.subtitles.linebreak import rebreak_text
from tools.subtitles.models import SubtitleIssue
from tools.subtitles.profiles import Profile
from tools.subtitles.text import Language, has_cjk, line_language, reading_chars, squash

_SENTENCE_END = re.compile(r"(?:[。！？!?⋯…]+|\.+)[」』\"')）]*")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "prof", "sgt", "insp", "no"}


@dataclass
class _Work:
    start: int
    end: int
    text: str
    origin: int
    dropped_dash: str = ""  # the dialogue dash a one-speaker part lost (the one text change fixing makes)

    @property
    def dashes_dropped(self) -> bool:
        return bool(self.dropped_dash)


@dataclass
class FixOutcome:
    """Fixed cues (renumbered), the original cue each came from, what changed, and what is left."""

    cues: list[Cue]
    origins: list[int]
    changes: Counter[str] = field(default_factory=Counter)
    remaining: list[SubtitleIssue] = field(default_factory=list)

    def change_lines(self) -> list[str]:
        return [f"{label}: {count}" for label, count in self.changes.items() if count]


def fix_cues(cues: list[Cue], profile: Profile, fps: float) -> FixOutcome:
    """Apply the fixes above to `cues` (not modified) under `profile` at `fps` frames per second."""
    work = [_Work(c.start_ms, c.end_ms, c.text, c.index) for c in cues if c.text.strip()]
    changes: Counter[str] = Counter()
    if len(work) < len(cues):
        changes["empty events removed"] = len(cues) - len(work)
    gap = profile.frames_ms(profile.min_gap_frames, fps)
    close = profile.frames_ms(profile.close_gap_frames, fps)
    limits = {lang: (lim.max_line_length, lim.max_lines) for lang, lim in profile.languages.items()}
    judge_chinese = profile.bilingual or "zh" in profile.languages

    _repair_inverted(work, profile, gap, changes)
    work = _split_long(work, profile, gap, limits, judge_chinese, changes)
    _close_gaps(work, profile, gap, close, changes)
    _extend(work, profile, gap, judge_chinese, changes)
    _close_gaps(work, profile, gap, close, changes)  # extending can open a gap that chaining closes
    _shorten(work, profile, judge_chinese, changes)
    for item in work:
        new_text, _ = rebreak_text(
            item.text, limits, judge_chinese=judge_chinese, join=profile.join_short_lines
        )
        if new_text != item.text:
            item.text = new_text
            changes["lines re-broken or joined"] += 1

    # Exactly the dashes fixing removed are put back; re-breaking may start a line with a dash that
    # stood mid-line, so stripping every turn dash on both sides would not compare like with like.
    before = "".join(c.text for c in cues)
    after = "".join(w.dropped_dash + w.text for w in work)
    if squash(before) != squash(after):
        raise SubtitleError("Internal check failed: fixing would change the text; nothing was written")
    fixed = [
        Cue(index=i, start_ms=w.start, end_ms=w.end, text=w.text, raw=w.text, line=None)
        for i, w in enumerate(work, 1)
    ]
    remaining = check_cues(fixed, profile, fps)
    return FixOutcome(fixed, [w.origin for w in work], changes, remaining)


def _needed_ms(text: str, profile: Profile, judge_chinese: bool) -> int:
    """Shortest time the text needs on screen: 5/6 s, or its reading time at the profile's speed."""
    needed = float(profile.min_duration_ms)
    groups: dict[Language, list[str]] = {}
    for line in text.split("\n"):
        if line.strip():
            groups.setdefault(line_language(line) if judge_chinese else "en", []).append(line)
    for language, lines in groups.items():
        chars = reading_chars("\n".join(lines), language)
        needed = max(needed, chars * 1000 / profile.limits(language).max_cps)
    return int(needed + 0.999)


def _repair_inverted(work: list[_Work], profile: Profile, gap: int, changes: Counter[str]) -> None:
    """Events that end when or before they start get the minimum duration (room permitting, below)."""
    for item in work:
        if item.end <= item.start:
            item.end = item.start + profile.min_duration_ms
            changes["events with no duration given one"] += 1


def _split_long(
    work: list[_Work],
    profile: Profile,
    gap: int,
    limits: dict[Language, tuple[float, int]],
    judge_chinese: bool,
    changes: Counter[str],
) -> list[_Work]:
    out: list[_Work] = []
    for item in work:
        too_long = item.end - item.start > profile.max_duration_ms
        # same arguments as the final re-break, so its answer comes from the cache
        join = profile.join_short_lines
        _, overflow = rebreak_text(item.text, limits, judge_chinese=judge_chinese, join=join)
        too_much = overflow > 0
        if not (too_long or too_much):
            out.append(item)
            continue
        turns = None if profile.bilingual else dialogue_turns(item.text)
        if turns is not None:
            parts = _speaker_parts(item, turns, profile, gap, limits, judge_chinese)
            if len(parts) > 1:
                changes["dialogue events split by speaker"] += 1
                lone = sum(p.dashes_dropped for p in parts)
                if lone:
                    changes["dialogue dashes removed from one-speaker parts"] += lone
        else:
            parts = _sentence_parts(item, profile, gap, limits, judge_chinese)
            if len(parts) > 1:
                changes["long events split"] += 1
        out.extend(parts)
    return out


def _speaker_parts(
    item: _Work,
    turns: list[Turn],
    profile: Profile,
    gap: int,
    limits: dict[Language, tuple[float, int]],
    judge_chinese: bool,
) -> list[_Work]:
    """The dialogue event as consecutive groups of speakers that each fit (one speaker a line), timed by
    their share of the text; a group of one speaker is written without its dash."""
    groups: list[list[Turn]] = [[turns[0]]]
    for turn in turns[1:]:
        candidate = [*groups[-1], turn]
        _, overflow = rebreak_text("\n".join(t.line for t in candidate), limits, judge_chinese=judge_chinese)
        if overflow == 0:
            groups[-1] = candidate
        else:
            groups.append([turn])
    if len(groups) < 2:
        return [item]
    lengths = [sum(len(t.text) for t in g) for g in groups]
    total = sum(lengths)
    available = item.end - item.start - gap * (len(groups) - 1)
    spare = available - profile.min_duration_ms * len(groups)
    if spare < 0:
        return [item]
    parts, cursor = [], item.start
    for i, group in enumerate(groups):
        # each speaker gets 5/6 s, and the time left over is shared by the length of what they say
        share = profile.min_duration_ms + round(spare * lengths[i] / total)
        end = item.end if i == len(groups) - 1 else cursor + share
        if len(group) == 1:
            text, lone = group[0].text, group[0].dash
        else:
            text, lone = "\n".join(t.line for t in group), ""
        parts.append(_Work(cursor, end, text, item.origin, dropped_dash=lone))
        cursor = end + gap
    return parts


def _shorten(work: list[_Work], profile: Profile, judge_chinese: bool, changes: Counter[str]) -> None:
    """Events still over the maximum end at it, or at their reading time if that is longer (so the
    reading speed never gets worse)."""
    for item in work:
        if item.end - item.start <= profile.max_duration_ms:
            continue
        keep = max(profile.max_duration_ms, _needed_ms(item.text, profile, judge_chinese))
        if item.start + keep < item.end:
            item.end = item.start + keep
            changes["over-long events shortened"] += 1


def _sentences(text: str) -> list[str]:
    """The text cut after each sentence end (。！？ ⋯ . ! ?), whitespace between sentences dropped."""
    chinese = has_cjk(text)
    flat = text.replace("\n", "" if chinese else " ")
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(flat):
        end = match.end()
        if end < len(flat) and not chinese and not flat[end].isspace():
            continue  # 3.5, e.g.
        if match.group().startswith(".") and _is_abbreviation(flat[: match.start()]):
            continue
        piece = flat[start:end].strip()
        if piece:
            pieces.append(piece)
            start = end
    rest = flat[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def _is_abbreviation(before: str) -> bool:
    word = re.search(r"(\w+)$", before)
    return bool(word) and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1)  # type: ignore[union-attr]


def _sentence_parts(
    item: _Work, profile: Profile, gap: int, limits: dict[Language, tuple[float, int]], judge_chinese: bool
) -> list[_Work]:
    """The event split into runs of whole sentences that each fit, timed by their share of the text."""
    if profile.bilingual and len({line_language(x) for x in item.text.split("\n") if x.strip()}) > 1:
        return [item]
    sentences = _sentences(item.text)
    if len(sentences) < 2:
        return [item]
    duration = item.end - item.start
    joiner = "" if has_cjk(item.text) else " "

    def fits(text: str, share: float) -> bool:
        _, overflow = rebreak_text(text, limits, judge_chinese=judge_chinese)
        return overflow == 0 and share <= profile.max_duration_ms

    total = sum(len(s) for s in sentences)
    groups: list[list[str]] = [[sentences[0]]]
    for sentence in sentences[1:]:
        candidate = [*groups[-1], sentence]
        share = duration * sum(len(s) for s in candidate) / total
        if fits(joiner.join(candidate), share):
            groups[-1] = candidate
        else:
            groups.append([sentence])
    if len(groups) < 2:
        return [item]
    available = duration - gap * (len(groups) - 1)
    lengths = [sum(len(s) for s in g) for g in groups]
    if any(available * n / total < profile.min_duration_ms for n in lengths):
        return [item]
    parts, cursor = [], item.start
    for i, group in enumerate(groups):
        end = item.end if i == len(groups) - 1 else cursor + round(available * lengths[i] / total)
        parts.append(_Work(cursor, end, joiner.join(group), item.origin))
        cursor = end + gap
    return parts


def _close_gaps(work: list[_Work], profile: Profile, gap: int, close: int, changes: Counter[str]) -> None:
    frame = gap / max(profile.min_gap_frames, 1)
    for prev, cur in pairwise(work):
        if cur.start < prev.start:
            continue  # out of order: moving either would reorder the file; reported by the final check
        distance = cur.start - prev.end
        if distance == gap or distance > close or gap < distance < gap + frame / 2:
            continue  # already 2 frames apart (to the frame), or far enough
        if distance > gap:
            if cur.start - gap - prev.start <= profile.max_duration_ms:
                prev.end = cur.start - gap
                changes["gaps closed to 2 frames"] += 1
            continue
        overlap = distance < 0
        target_end = cur.start - gap
        if target_end - prev.start >= min(profile.min_duration_ms, prev.end - prev.start):
            prev.end = target_end
        else:
            # Too little room: give the earlier event its minimum and start the later one after it,
            # as long as the later one keeps its own minimum.
            new_end = prev.start + profile.min_duration_ms
            if cur.end - (new_end + gap) < profile.min_duration_ms:
                continue
            prev.end, cur.start = new_end, new_end + gap
        changes["overlaps removed" if overlap else "gaps widened to 2 frames"] += 1


def _extend(
    work: list[_Work], profile: Profile, gap: int, judge_chinese: bool, changes: Counter[str]
) -> None:
    for i, item in enumerate(work):
        needed = _needed_ms(item.text, profile, judge_chinese)
        if item.end - item.start >= needed:
            continue
        nxt = work[i + 1] if i + 1 < len(work) else None
        prev = work[i - 1] if i > 0 else None
        latest = item.start + min(needed, profile.max_duration_ms)
        if nxt is not None and nxt.start >= item.start:
            latest = min(latest, nxt.start - gap)
        before = item.end - item.start
        if latest > item.end:
            item.end = latest
        if item.end - item.start < needed:
            earliest = max(0, item.end - needed)
            if prev is not None and prev.start <= item.start:
                earliest = max(earliest, prev.end + gap)
            if earliest < item.start:
                item.start = earliest
        if item.end - item.start > before:
            changes["short or fast events extended"] += 1
