"""Post-production deliverables from the script and the subtitles: a timecoded dialogue list and the
ADR/dubbing cue lists.

Each subtitle cue is matched to the script's dialogue line it shows: in script order (a cue never
matches a line before the previous cue's, bar the one before it), by how much of the cue's text the line
holds (Chinese: character pairs; English: words), whichever language matches better. Consecutive cues
of one line make one row. Cues that match no line get their own rows, without a speaker; lines of a
matched scene with no cue are listed without timecodes (a cut line, or one not subtitled yet).

Timecodes are SMPTE non-drop `HH:MM:SS:FF` counted at the nominal rate (24 for 23.976).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from core.errors import SlateError
from knowledge.production import Production
from knowledge.subtitle_file import Cue, read_subtitle_file
from tools.media.align import fold, scene_dialogue
from tools.media.models import AdrCue, DialogueRow
from tools.subtitles.profiles import DEFAULT_FPS
from tools.subtitles.text import has_cjk, split_languages

MATCH_THRESHOLD = 0.5
LOOKAHEAD_LINES = 60
LOOKBACK_LINES = 3  # subtitles may swap neighbouring lines the edit swapped
TITLES = {"INSPECTOR", "SERGEANT", "SUPERINTENDENT", "MRS", "MR", "MS", "DR", "DOCTOR", "OFFICER"}


@dataclass(frozen=True)
class _Line:
    scene: str
    character: str
    text: str
    line: int


def smpte(ms: int, fps: float) -> str:
    """`HH:MM:SS:FF` (non-drop) for a time in milliseconds."""
    nominal = round(fps)
    frames = round(ms * fps / 1000)
    seconds, frame = divmod(frames, nominal)
    minutes, second = divmod(seconds, 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours:02d}:{minute:02d}:{second:02d}:{frame:02d}"


def _script_lines(production: Production) -> list[_Line]:
    production.require_script()
    out = []
    for scene in production.scenes:
        for line in scene_dialogue(scene):
            out.append(
                _Line(scene.number, production.canonical_character(line.character), line.text, line.line)
            )
    return out


def _pairs(text: str) -> set[str]:
    chars = [ch for ch in text if has_cjk(ch)]
    return {a + b for a, b in pairwise(chars)} or set(chars)


def _words(text: str) -> set[str]:
    return {fold(w) for w in re.findall(r"[\w'’]+", text) if fold(w) and not has_cjk(w)}


def _score(cue_text: str, line_text: str) -> float:
    zh, en = split_languages(cue_text)
    scores = []
    cue_pairs, cue_words = _pairs(" ".join(zh)), _words(" ".join(en))
    if cue_pairs:
        scores.append(len(cue_pairs & _pairs(line_text)) / len(cue_pairs))
    if cue_words:
        scores.append(len(cue_words & _words(line_text)) / len(cue_words))
    return max(scores, default=0.0)


def match_cues(cues: Sequence[Cue], lines: Sequence[_Line]) -> list[int | None]:
    """For each cue, the index of the script line it shows (or None), in script order."""
    out: list[int | None] = []
    last = 0
    for cue in cues:
        best, best_score = None, MATCH_THRESHOLD
        for j in range(max(last - LOOKBACK_LINES, 0), min(last + LOOKAHEAD_LINES, len(lines))):
            score = _score(cue.text, lines[j].text)
            if score > best_score + 1e-9:
                best, best_score = j, score
        out.append(best)
        if best is not None:
            last = best
    return out


def _row_text(cues: Sequence[Cue]) -> tuple[str, str, str]:
    zh: list[str] = []
    en: list[str] = []
    for cue in cues:
        z, e = split_languages(cue.text)
        zh.append("".join(z) if z else "")
        en.append(" ".join(e))
    subtitle = " / ".join(cue.text.replace("\n", " ") for cue in cues)
    return subtitle, " ".join(x for x in en if x), " ".join(x for x in zh if x)


def dialogue_rows(
    production: Production, cues: Sequence[Cue], fps: float
) -> tuple[list[DialogueRow], list[int]]:
    """The dialogue list's rows, and the cue numbers no script line matched."""
    lines = _script_lines(production)
    matched = match_cues(cues, lines)
    scenes_matched = {lines[j].scene for j in matched if j is not None}
    rows: list[DialogueRow] = []
    emitted = -1
    unmatched: list[int] = []
    i = 0
    while i < len(cues):
        j = matched[i]
        if j is None:
            subtitle, english, chinese = _row_text([cues[i]])
            rows.append(_row(len(rows) + 1, None, [cues[i]], fps, subtitle, english, chinese))
            unmatched.append(cues[i].index)
            i += 1
            continue
        group = [cues[i]]
        while i + 1 < len(cues) and matched[i + 1] == j:
            i += 1
            group.append(cues[i])
        for k in range(emitted + 1, j):  # uncued lines of matched scenes, in script order
            if lines[k].scene in scenes_matched:
                rows.append(_row(len(rows) + 1, lines[k], [], fps, "", "", ""))
        emitted = max(emitted, j)
        subtitle, english, chinese = _row_text(group)
        rows.append(_row(len(rows) + 1, lines[j], group, fps, subtitle, english, chinese))
        i += 1
    for k in range(emitted + 1, len(lines)):
        if lines[k].scene in scenes_matched:
            rows.append(_row(len(rows) + 1, lines[k], [], fps, "", "", ""))
    return rows, unmatched


def _row(
    number: int,
    line: _Line | None,
    cues: Sequence[Cue],
    fps: float,
    subtitle: str,
    english: str,
    chinese: str,
) -> DialogueRow:
    return DialogueRow(
        number=number,
        scene=line.scene if line else None,
        tc_in=smpte(cues[0].start_ms, fps) if cues else None,
        tc_out=smpte(cues[-1].end_ms, fps) if cues else None,
        character=line.character if line else None,
        dialogue=line.text if line else "",
        subtitle=subtitle,
        english=english,
        chinese=chinese,
        cues=[c.index for c in cues],
        script_line=line.line if line else None,
    )


def read_cues(path: str | Path) -> tuple[list[Cue], float | None]:
    doc = read_subtitle_file(path)
    return doc.cues, doc.fps


def parse_marks(marks: Iterable[str]) -> tuple[set[int], set[str]]:
    """Cue numbers (`3`, `7-9`, `3,5`) and scenes (`sc8`, `scene 12A`) marked for re-recording."""
    from knowledge.production import normalise_scene_number

    cues: set[int] = set()
    scenes: set[str] = set()
    for mark in marks:
        for part in mark.split(","):
            part = part.strip()
            if not part:
                continue
            if re.fullmatch(r"\d+", part):
                cues.add(int(part))
            elif m := re.fullmatch(r"(\d+)\s*-\s*(\d+)", part):
                cues.update(range(int(m.group(1)), int(m.group(2)) + 1))
            elif re.match(r"(?i)^(sc|scene|第)", part):
                scenes.add(normalise_scene_number(part))
            else:
                raise SlateError(
                    "An ADR mark is a cue number (3), a range (7-9) or a scene (sc8)", value=part
                )
    return cues, scenes


def cue_code(character: str) -> str:
    """A short name for ADR cue ids: `INSPECTOR LAU` → `LAU`, `AH FAI` → `AHFAI`."""
    words = re.findall(r"[A-Za-z]+", character.upper())
    if len(words) >= 2 and words[0] in TITLES:
        words = words[1:]
    return "".join(words)[:10] or "X"


def adr_cues(rows: Sequence[DialogueRow], marks: Iterable[str]) -> dict[str, list[AdrCue]]:
    """The marked rows (by cue number or scene), per character, each with a running cue id."""
    from knowledge.production import normalise_scene_number

    cue_marks, scene_marks = parse_marks(marks)
    out: dict[str, list[AdrCue]] = {}
    for row in rows:
        scene = normalise_scene_number(row.scene) if row.scene else None
        if not row.cues:  # a line never subtitled has no timecode to record against
            continue
        if not (cue_marks.intersection(row.cues) or (scene is not None and scene in scene_marks)):
            continue
        character = row.character or "UNKNOWN"
        items = out.setdefault(character, [])
        items.append(
            AdrCue(
                cue_id=f"{cue_code(character)}-{len(items) + 1:03d}",
                character=character,
                scene=row.scene,
                tc_in=row.tc_in,
                tc_out=row.tc_out,
                line=row.dialogue or row.subtitle,
                subtitle=row.subtitle,
            )
        )
    return out


def default_fps(fps: float | None, file_fps: float | None) -> float:
    rate = fps or file_fps or DEFAULT_FPS
    if rate <= 0:
        raise SlateError("Frame rates must be positive", value=rate)
    return rate
