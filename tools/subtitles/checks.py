"""Check subtitles against a profile: timing, line length and count, reading speed, script, punctuation.

Issue codes (exactly these, see `models.IssueCode`):
    bad_timestamp   a timing the reader could not read as written, or an event that ends before it starts
    overlap         an event starts before the previous one ends (or before it starts: out of order)
    gap_too_small   less than the profile's minimum gap (2 frames) between consecutive events
    duration_short  shorter than 5/6 s
    duration_long   longer than 7 s
    line_too_long   a line over its language's limit (42 characters; 16 full-width cells for Chinese)
    too_many_lines  more lines than the profile allows for a language, or in all
    reading_speed   more characters per second than the language's limit (20 English, 9 Chinese)
    empty           no text; in hk-bilingual, no Chinese or no English line
    mixed_script    Simplified characters in a Traditional Chinese file
    punctuation     half-width punctuation in Chinese, `...`/`…` instead of `⋯` in Chinese, `...` instead of `…`
                    in English
    gap_to_close    a gap above 2 frames and up to 12 that Netflix timing closes to 2 frames ("chaining")
    fits_one_line   two or more lines whose text fits on one line (Netflix: keep it on one line)
    dialogue_mixed  one line holds the end of one speaker's turn and the start of the next
    dialogue_style  a dual-speaker dash unlike the file's (or the profile's) style, or a dash on a lone speaker
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.errors import SubtitleError
from knowledge.subtitle_file import Cue, SubtitleDocument, SubtitleProblem, format_timecode
from tools.subtitles.dialogue import dialogue_turns, has_dash, lone_dash, mixed_lines
from tools.subtitles.linebreak import join_lines
from tools.subtitles.models import IssueCode, SubtitleIssue, SubtitleReport
from tools.subtitles.profiles import DEFAULT_FPS, Profile, ProfileName, get_profile
from tools.subtitles.text import (
    Language,
    has_cjk,
    has_latin,
    line_language,
    line_length,
    reading_chars,
    simplified_characters,
    split_languages,
)

_CJK_CLASS = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
_HALF_WIDTH_NEAR_CJK = re.compile(
    rf"(?<={_CJK_CLASS})[,!?:;()]|[,!?:;()](?={_CJK_CLASS})|(?<={_CJK_CLASS})\.(?!\.)"
)
_ZH_WRONG_ELLIPSIS = re.compile(r"\.{2,}|…+|。。+")
_EN_THREE_DOTS = re.compile(r"\.\.\.")
_FULL_WIDTH_IN_EN = re.compile(r"[，。！？：；]")
_FULL_WIDTH_OF = {",": "，", "!": "！", "?": "？", ":": "：", ";": "；", "(": "（", ")": "）", ".": "。"}

# The reader's damage codes that are not rule breaks; `check` lists them as notes.
_NOTE_CODES = (
    "missing_index",
    "bad_index",
    "blank_lines",
    "unexpected_end",
    "stray_text",
    "missing_header",
    "bad_style",
)


def choose_profile(cues: Iterable[Cue]) -> ProfileName:
    """The profile a file's text calls for: Chinese and English in most events → hk-bilingual; Chinese in
    a good part of them → netflix-zh-hant; otherwise netflix-en."""
    texts = [c.text for c in cues if c.text.strip()]
    if not texts:
        return "netflix-en"
    chinese = sum(1 for t in texts if has_cjk(t))
    both = sum(1 for t in texts if _is_bilingual(t))
    if both * 2 >= len(texts):
        return "hk-bilingual"
    if chinese * 10 >= len(texts) * 3:
        return "netflix-zh-hant"
    return "netflix-en"


def _is_bilingual(text: str) -> bool:
    zh, en = split_languages(text)
    return bool(zh) and any(has_latin(line) for line in en)


def frame_rate(fps: float | None, doc: SubtitleDocument) -> float:
    """The frame rate for frame-based rules: `fps`, else the file's own, else 23.976.

    Raises SubtitleError for a rate of zero or less (a typo would otherwise switch the gap rules off).
    """
    if fps is not None and fps <= 0:
        raise SubtitleError("Frame rates must be positive", value=fps)
    return fps or doc.fps or DEFAULT_FPS


def check_document(
    doc: SubtitleDocument,
    profile: str | Profile | None = None,
    *,
    fps: float | None = None,
    cps: float | None = None,
    profile_dirs: tuple[Path, ...] = (),
) -> SubtitleReport:
    """Check a read subtitle document; the profile defaults to the one its text calls for.

    Args:
        doc: the document (`knowledge.subtitle_file.read_subtitle_file`).
        profile: a profile, a built-in profile's name, a YAML profile's name (in `profile_dirs`) or path;
            None chooses from the text.
        fps: frame rate for frame-based rules; defaults to the file's own, else 23.976.
        cps: English reading speed to use instead of the profile's (17 for children's programmes).
        profile_dirs: folders holding house profiles (`<name>.yaml`).
    """
    chosen = (
        profile
        if isinstance(profile, Profile)
        else get_profile(profile or choose_profile(doc.cues), profile_dirs)
    )
    if cps is not None:
        chosen = chosen.with_cps(cps, "en")
    rate = frame_rate(fps, doc)
    issues = check_cues(doc.cues, chosen, rate, problems=doc.problems)
    notes = [
        (f"line {p.line}: " if p.line else "") + p.message for p in doc.problems if p.code in _NOTE_CODES
    ]
    return SubtitleReport(
        file=doc.file,
        encoding=doc.encoding,
        format=doc.format,
        profile=chosen.name,
        profile_source=chosen.source,
        fps=round(rate, 3),
        cues=len(doc.cues),
        issues=issues,
        notes=notes,
    )


def check_cues(
    cues: Sequence[Cue],
    profile: Profile,
    fps: float,
    *,
    problems: Sequence[SubtitleProblem] = (),
) -> list[SubtitleIssue]:
    """Every rule each cue breaks, in cue order."""
    issues: list[SubtitleIssue] = []
    min_gap = profile.frames_ms(profile.min_gap_frames, fps)
    close_gap = profile.frames_ms(profile.close_gap_frames, fps)
    house_key = tuple(sorted(_expected_dash_style(cues, profile).items()))
    bad_timing = {p.cue: p for p in problems if p.code == "bad_timestamp" and p.cue is not None}
    previous: Cue | None = None
    for cue in cues:
        found: list[tuple[IssueCode, str]] = []
        if cue.index in bad_timing:
            problem = bad_timing[cue.index]
            found.append(
                ("bad_timestamp", (f"line {problem.line}: " if problem.line else "") + problem.message)
            )
        elif cue.end_ms <= cue.start_ms:
            when = "before it starts" if cue.end_ms < cue.start_ms else "the moment it starts"
            found.append(("bad_timestamp", f"ends at {format_timecode(cue.end_ms)}, {when}"))
        duration = cue.end_ms - cue.start_ms
        if 0 < duration < profile.min_duration_ms:
            found.append(("duration_short", f"on screen {duration / 1000:.3f} s; at least 5/6 s (0.833 s)"))
        elif duration > profile.max_duration_ms:
            limit = profile.max_duration_ms / 1000
            found.append(("duration_long", f"on screen {duration / 1000:.3f} s; at most {limit:g} s"))
        if previous is not None:
            found.extend(_timing_against(previous, cue, min_gap, profile.min_gap_frames, fps))
            gap = cue.start_ms - previous.end_ms
            frames = round(gap * fps / 1000)
            if profile.min_gap_frames < frames and gap <= close_gap and cue.start_ms >= previous.start_ms:
                found.append(
                    (
                        "gap_to_close",
                        f"{gap} ms ({gap * fps / 1000:.1f} frames) after cue {previous.index}; gaps of "
                        f"{profile.close_gap_frames} frames or less are closed to {profile.min_gap_frames}",
                    )
                )
        found.extend(_text_issues(cue.text, profile, duration))
        found.extend(_dialogue_issues(cue.text, profile, house_key))
        if found:
            start = format_timecode(max(cue.start_ms, 0))
            issues.extend(
                SubtitleIssue(cue=cue.index, start=start, code=code, message=message, line=cue.line)
                for code, message in found
            )
        previous = cue
    return issues


def _timing_against(
    previous: Cue, cue: Cue, min_gap: int, gap_frames: int, fps: float
) -> list[tuple[IssueCode, str]]:
    if cue.start_ms < previous.start_ms:
        return [
            (
                "overlap",
                f"starts before cue {previous.index} ({format_timecode(previous.start_ms)}): out of order",
            )
        ]
    if cue.start_ms < previous.end_ms:
        return [
            (
                "overlap",
                f"starts {previous.end_ms - cue.start_ms} ms before cue {previous.index} ends "
                f"({format_timecode(previous.end_ms)})",
            )
        ]
    gap = cue.start_ms - previous.end_ms
    if gap < min_gap:
        return [
            (
                "gap_too_small",
                f"{gap} ms after cue {previous.index}; at least {gap_frames} frames ({min_gap} ms at {fps:.3f} fps)",
            )
        ]
    return []


@dataclass(frozen=True)
class _ReadingSpeed:
    """A reading-speed rule waiting for the cue's duration: the rest of a text's rules need only its text."""

    label: str
    chars: float
    max_cps: float


def _text_issues(text: str, profile: Profile, duration: int) -> list[tuple[IssueCode, str]]:
    """Line, reading-speed, script and punctuation rules for one cue's text."""
    found: list[tuple[IssueCode, str]] = []
    for fact in _text_facts(text, profile):
        if not isinstance(fact, _ReadingSpeed):
            found.append(fact)
            continue
        if duration <= 0:
            continue
        speed = fact.chars * 1000 / duration
        if speed > fact.max_cps + 1e-9:
            found.append(
                (
                    "reading_speed",
                    f"{fact.label} reads at {speed:.1f} characters/s (limit {fact.max_cps:g}): "
                    f"{fact.chars:g} characters in {duration / 1000:.2f} s",
                )
            )
    return found


# Checking after fixing, and checking a file again, meets mostly the same texts: what a text breaks
# (everything but its reading speed) is computed once per text and profile.
@lru_cache(maxsize=1 << 16)
def _text_facts(text: str, profile: Profile) -> tuple[tuple[IssueCode, str] | _ReadingSpeed, ...]:
    if not text.strip():
        return (("empty", "no text"),)
    found: list[tuple[IssueCode, str] | _ReadingSpeed] = []
    lines = [line for line in text.split("\n") if line.strip()]
    judge_chinese = profile.bilingual or "zh" in profile.languages
    by_language: dict[Language, list[str]] = {"zh": [], "en": []}
    for line in lines:
        by_language[line_language(line) if judge_chinese else "en"].append(line)
    if profile.bilingual:
        missing = [name for key, name in (("zh", "Chinese"), ("en", "English")) if not by_language[key]]  # type: ignore[index]
        if missing:
            found.append(("empty", f"no {missing[0]} line in a bilingual event"))
    too_many_for_a_language = False
    for language, language_lines in by_language.items():
        if not language_lines:
            continue
        limits = profile.limits(language)
        label = "Chinese" if language == "zh" else "English"
        unit = "full-width characters" if language == "zh" else "characters"
        for number, line in enumerate(language_lines, 1):
            length = line_length(line, language)
            if length > limits.max_line_length:
                found.append(
                    (
                        "line_too_long",
                        f"{label} line {number} is {length:g} {unit} (limit {limits.max_line_length:g}): {line!r}",
                    )
                )
        if profile.join_short_lines and len(language_lines) > 1:
            joined = line_length(join_lines(language_lines, language), language)
            if joined <= limits.max_line_length and dialogue_turns("\n".join(language_lines)) is None:
                found.append(
                    (
                        "fits_one_line",
                        f"the {label} fits on one line ({joined:g} {unit}, limit {limits.max_line_length:g})",
                    )
                )
        if len(language_lines) > limits.max_lines:
            too_many_for_a_language = True
            found.append(
                ("too_many_lines", f"{len(language_lines)} {label} lines (limit {limits.max_lines})")
            )
        found.append(_ReadingSpeed(label, reading_chars("\n".join(language_lines), language), limits.max_cps))
    if len(lines) > profile.max_total_lines and not too_many_for_a_language:
        found.append(("too_many_lines", f"{len(lines)} lines on screen (limit {profile.max_total_lines})"))
    if profile.traditional and by_language["zh"]:
        simplified = simplified_characters("\n".join(by_language["zh"]))
        if simplified:
            found.append(
                (
                    "mixed_script",
                    "Simplified characters in a Traditional Chinese file: " + " ".join(simplified),
                )
            )
    marks = _punctuation(by_language["zh"] if judge_chinese else [], by_language["en"])
    if marks:
        found.append(("punctuation", "; ".join(marks)))
    return tuple(found)


DashStyle = tuple[bool, str]  # (first speaker undashed, the dash with its space)


def _language_runs(text: str, profile: Profile) -> dict[Language, list[str]]:
    """The event's lines by language, for the languages allowed two lines or more (dialogue layout)."""
    judge_chinese = profile.bilingual or "zh" in profile.languages
    groups: dict[Language, list[str]] = {}
    for line in text.split("\n"):
        if line.strip():
            groups.setdefault(line_language(line) if judge_chinese else "en", []).append(line)
    return {lang: lines for lang, lines in groups.items() if profile.limits(lang).max_lines >= 2}


def _run_dash_style(run: str) -> DashStyle | None:
    turns = dialogue_turns(run)
    if turns is None:
        return None
    dashes = [t.dash for t in turns if t.dash]
    return (not turns[0].dash, Counter(dashes).most_common(1)[0][0])


def _expected_dash_style(cues: Sequence[Cue], profile: Profile) -> dict[Language, DashStyle]:
    """Per language: the profile's dash, else the style most of the file's dialogue events use."""
    styles: dict[Language, Counter[DashStyle]] = {}
    for cue in cues:
        if not has_dash(cue.text):
            continue
        for language, lines in _language_runs(cue.text, profile).items():
            style = _run_dash_style("\n".join(lines))
            if style is not None:
                styles.setdefault(language, Counter())[style] += 1
    if profile.dialogue_dash is not None:
        return {lang: (False, profile.dialogue_dash) for lang in ("zh", "en")}
    return {lang: counter.most_common(1)[0][0] for lang, counter in styles.items()}


def _describe_dash(style: DashStyle) -> str:
    first, dash = style
    shown = repr(dash) + (" and a space" if dash.endswith(" ") and len(dash) > 1 else "")
    return shown + (" on the second speaker only" if first else " on every speaker")


def _dialogue_issues(
    text: str, profile: Profile, house_key: tuple[tuple[Language, DashStyle], ...]
) -> tuple[tuple[IssueCode, str], ...]:
    """One speaker a line; one dash style; no dash on a lone speaker."""
    if not has_dash(text):
        return ()
    return _dialogue_facts(text, profile, house_key)


@lru_cache(maxsize=1 << 14)
def _dialogue_facts(
    text: str, profile: Profile, house_key: tuple[tuple[Language, DashStyle], ...]
) -> tuple[tuple[IssueCode, str], ...]:
    house = dict(house_key)
    found: list[tuple[IssueCode, str]] = []
    for language, lines in _language_runs(text, profile).items():
        run = "\n".join(lines)
        for line in mixed_lines(run):
            found.append(("dialogue_mixed", f"two speakers on one line: {line!r}"))
        style = _run_dash_style(run)
        expected = house.get(language)
        if style is not None and expected is not None and style != expected:
            found.append(
                (
                    "dialogue_style",
                    f"dialogue dashes {_describe_dash(style)}; the "
                    + ("profile" if profile.dialogue_dash is not None else "file")
                    + f" uses {_describe_dash(expected)}",
                )
            )
        dash = lone_dash(run)
        if dash is not None:
            found.append(("dialogue_style", f"a dialogue dash {dash!r} on a single speaker: {lines[0]!r}"))
    return tuple(found)


def _punctuation(zh_lines: list[str], en_lines: list[str]) -> list[str]:
    found: list[str] = []
    for line in zh_lines:
        for match in _ZH_WRONG_ELLIPSIS.finditer(line):
            found.append(f"{match.group()!r} → '⋯' in Chinese")
        for match in _HALF_WIDTH_NEAR_CJK.finditer(line):
            found.append(f"half-width {match.group()!r} → {_FULL_WIDTH_OF[match.group()]!r}")
    for line in en_lines:
        if _EN_THREE_DOTS.search(line):
            found.append("'...' → '…' (one character) in English")
        for match in _FULL_WIDTH_IN_EN.finditer(line):
            found.append(f"full-width {match.group()!r} in an English line")
    return list(dict.fromkeys(found))
