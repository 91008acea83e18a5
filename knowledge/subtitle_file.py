"""Read subtitle files of any common format and encoding into cues, reporting damage instead of hiding it.

Formats: SubRip (SRT, also multi-language `.msrt`), WebVTT, SubViewer 2, ASS/SSA, TTML/DFXP, and what else
pysubs2 reads (MicroDVD, MPL2, TMP, SAMI). Encodings come from `knowledge.encoding` (Big5 is decoded as
Big5-HKSCS so 㗎 哋 嘅 survive; GB18030; UTF-16 LE/BE with or without BOM; UTF-8 with or without BOM).

Every document keeps a pysubs2 `SSAFile` (`SubtitleDocument.source`) whose events are the cues, one for one
and in the same order, so writers in `tools.subtitles` keep styles and inline tags when they write back.

Damage policy: parse what can be parsed, report the rest as `SubtitleProblem`s with line numbers, and never
drop a cue silently. A cue whose timestamp is malformed is read leniently when its numbers can be made out,
and otherwise timed from its neighbours; either way it stays in the cues and carries a `bad_timestamp`
problem. Only a file that cannot be read at all raises (`InputFileError` subclasses / `SubtitleError`,
with the file and, where known, the line).
"""

from __future__ import annotations

import bisect
import html
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

import pysubs2
from pysubs2 import SSAEvent, SSAFile

from core.errors import InputFileError, ParseError, ResourceLimitExceeded, SubtitleError, UnsupportedFormat
from knowledge.encoding import read_text
from knowledge.limits import MAX_SUBTITLE_CUES, MAX_SUBTITLE_LINE_CHARS

SubtitleFormat = Literal["srt", "vtt", "subviewer", "ass", "ssa", "ttml", "microdvd", "mpl2", "tmp", "sami"]
SUBTITLE_FORMATS: tuple[str, ...] = get_args(SubtitleFormat)

ProblemCode = Literal[
    "bad_timestamp",  # a timing that is malformed, missing, negative or ends before it starts
    "missing_index",  # an SRT cue without its sequence number
    "bad_index",  # an SRT sequence number that is not a number
    "blank_lines",  # blank lines inside a cue's text, or a missing blank line between cues
    "unexpected_end",  # the file stops in the middle of a cue
    "stray_text",  # text outside any cue (kept in the problem's message)
    "missing_header",  # a WebVTT file without its WEBVTT line
    "bad_style",  # an ASS/SSA style value that cannot be read (the default is used)
]

# File extensions → format; `.sub` and `.txt` are sniffed because several formats share them.
EXTENSION_TO_FORMAT: dict[str, SubtitleFormat] = {
    ".srt": "srt",
    ".msrt": "srt",
    ".vtt": "vtt",
    ".webvtt": "vtt",
    ".ass": "ass",
    ".ssa": "ssa",
    ".ttml": "ttml",
    ".dfxp": "ttml",
    ".xml": "ttml",
    ".smi": "sami",
    ".sami": "sami",
}
# Formats crews meet that Slate does not read; named so the error says what the file is.
UNSUPPORTED_EXTENSIONS = {
    ".stl": "EBU/Spruce STL",
    ".scc": "Scenarist SCC (CEA-608)",
    ".lrc": "LRC lyrics",
    ".csv": "CSV",
    ".cap": "Cheetah CAP",
    ".pac": "Screen PAC",
    ".sup": "Blu-ray PGS (images)",
    ".idx": "VobSub (images)",
}
FORMAT_ALIASES: dict[str, SubtitleFormat] = {
    "subrip": "srt",
    "msrt": "srt",
    "webvtt": "vtt",
    "dfxp": "ttml",
    "xml": "ttml",
    "smi": "sami",
    "sub": "microdvd",
    "sbv": "subviewer",
}


@dataclass
class Cue:
    """One subtitle event, in file order."""

    index: int
    start_ms: int
    end_ms: int
    text: str
    raw: str
    line: int | None = None
    style: str | None = None
    settings: str = ""  # WebVTT cue settings as written (`line:0 align:start`)
    identifier: str | None = None  # WebVTT cue identifier

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


@dataclass
class SubtitleProblem:
    """Damage found while reading: where (`line`, `cue` index when it belongs to one) and what."""

    line: int | None
    cue: int | None
    code: ProblemCode
    message: str


@dataclass
class SubtitleDocument:
    """A subtitle file as read: its cues, the damage found, and a pysubs2 file for lossless writing.

    `source.events` are the cues' events, one for one and in the same order; `extra_events` holds ASS
    `Comment:` lines (not shown on screen, but kept when the file is written back as ASS).
    """

    file: str
    encoding: str
    format: str
    cues: list[Cue]
    problems: list[SubtitleProblem]
    fps: float | None
    source: SSAFile = field(default_factory=SSAFile, repr=False)
    extra_events: list[SSAEvent] = field(default_factory=list, repr=False)
    preamble: str = ""  # WebVTT: the header blocks after WEBVTT (STYLE, REGION, NOTE), kept for writing

    def problems_for(self, cue_index: int) -> list[SubtitleProblem]:
        return [p for p in self.problems if p.cue == cue_index]


# --- timecodes ------------------------------------------------------------------------------------


def format_timecode(ms: int) -> str:
    """`HH:MM:SS,mmm` (SubRip style); negative times are written with a leading minus."""
    sign = "-" if ms < 0 else ""
    ms = abs(int(ms))
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{sign}{hours:02d}:{minutes:02d}:{seconds:02d},{millis:03d}"


_UNIT_TO_MS = {"h": 3_600_000, "m": 60_000, "min": 60_000, "s": 1000, "sec": 1000, "ms": 1}
_OFFSET = re.compile(r"([+-]?)(\d+(?:\.\d*)?|\.\d+)\s*(h|min|m|sec|s|ms)?")
_CLOCK = re.compile(r"([+-]?)(\d+(?::\d+){1,2})(?:[.,](\d+))?")


def parse_timecode(text: str) -> int:
    """Milliseconds from `01:02:03,400`, `01:02:03.400`, `02:03.4`, `-1.5s`, `1500ms`, `2m`, `1.5`.

    A bare number is seconds. Raises SubtitleError (with the value) for anything else.
    """
    value = text.strip()
    match = _CLOCK.fullmatch(value)
    if match:
        sign, clock, frac = match.groups()
        parts = [int(p) for p in clock.split(":")]
        hours, minutes, seconds = ([0, *parts] if len(parts) == 2 else parts)[-3:]
        if minutes >= 60 or seconds >= 60:
            raise SubtitleError("Minutes and seconds in a timecode must be below 60", value=text)
        ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + _fraction_ms(frac)
        return -ms if sign == "-" else ms
    match = _OFFSET.fullmatch(value)
    if match:
        sign, number, unit = match.groups()
        ms = round(float(number) * _UNIT_TO_MS[unit or "s"])
        return -ms if sign == "-" else ms
    raise SubtitleError(
        "Not a timecode",
        value=text,
        hint="Use HH:MM:SS,mmm, MM:SS.m, or an offset such as -1.5s or 1500ms",
    )


def _fraction_ms(frac: str | None) -> int:
    """Digits after the decimal point as milliseconds (`4` → 400, `45` → 450, `4567` → 457)."""
    if not frac:
        return 0
    return round(int(frac) / 10 ** (len(frac) - 3)) if len(frac) > 3 else int(frac.ljust(3, "0"))


# Strict forms, per format; anything else that can still be read is read, with a `bad_timestamp` problem.
_STRICT_SRT = re.compile(r"\d{1,3}:\d{2}:\d{2}[,.]\d{3}")
_STRICT_VTT = re.compile(r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}")
_STRICT_SUBVIEWER = re.compile(r"\d{1,2}:\d{2}:\d{2}\.\d{2,3}")
_LENIENT = re.compile(r"([+-]?)(\d+(?::\d+){0,3})(?:[.,](\d+))?")


def _lenient_ms(text: str) -> int | None:
    """Best reading of a damaged timestamp (`00:00:013,567`, `0:00:04:56`, `02.345`, `-0:00:04,567`)."""
    match = _LENIENT.fullmatch(text.strip())
    if not match:
        return None
    sign, clock, frac = match.groups()
    parts = clock.split(":")
    if len(parts) == 4:  # h:mm:ss:cc, as some SSA writers emit centiseconds
        if frac is not None:
            return None
        frac = parts.pop()
    if len(parts) == 1 and frac is None:
        return None  # a bare number is more likely a cue number than a time
    numbers = [int(p) for p in parts]
    hours, minutes, seconds = ([0, 0, *numbers])[-3:]
    ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + _fraction_ms(frac)
    return -ms if sign == "-" else ms


# --- reading -------------------------------------------------------------------------------------


def read_subtitle_file(
    path: str | Path, *, fps: float | None = None, format: str | None = None
) -> SubtitleDocument:
    """Read a subtitle file: detect its encoding and format, parse its cues, report damage.

    Args:
        path: the file.
        fps: frame rate for frame-based formats (MicroDVD; TTML without `ttp:frameRate`).
        format: force a format (`srt`, `vtt`, `ass`, `ssa`, `ttml`, `microdvd`, ...) instead of detecting it.

    Raises:
        InputFileError: the file is missing, empty, binary or undecodable (from knowledge.encoding), or
            in a format Slate does not read (UnsupportedFormat), or damaged beyond reading (ParseError).
        SubtitleError: a frame-based file without a frame rate.
    """
    file = Path(path)
    decoded = read_text(file)
    text = decoded.text.lstrip("\ufeff")
    fmt = _choose_format(text, file, format)
    check_subtitle_text(text, file)
    reader = _READERS.get(fmt, _read_with_pysubs2)
    doc = reader(text, file, fmt, fps)
    if len(doc.cues) > MAX_SUBTITLE_CUES:
        raise ResourceLimitExceeded(
            f"The file has more than {MAX_SUBTITLE_CUES:,} cues",
            limit="subtitle cue count",
            maximum=MAX_SUBTITLE_CUES,
            file=file,
            value=len(doc.cues),
        )
    doc.encoding = decoded.encoding
    return doc


_HUGE_TIME_NUMBER = re.compile(r"\d{19,}")


def check_subtitle_text(text: str, file: Path) -> None:
    """Refuse lines past the line-length limit and timing lines with numbers no timecode has."""
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) > MAX_SUBTITLE_LINE_CHARS:
            raise ResourceLimitExceeded(
                f"A line is longer than {MAX_SUBTITLE_LINE_CHARS:,} characters",
                limit="subtitle line length",
                maximum=MAX_SUBTITLE_LINE_CHARS,
                file=file,
                line=number,
            )
        if ("-->" in line or line[:1] in "{[") and _HUGE_TIME_NUMBER.search(line):
            raise ParseError("A timecode holds a number too long to be a time", file=file, line=number)


def detect_format(text: str, name: str | Path = "") -> SubtitleFormat | None:
    """The format of subtitle `text` from its content (strong signs first), then its file name."""
    head = text.lstrip("\ufeff \t\r\n")[:4000]
    if head.startswith("WEBVTT"):
        return "vtt"
    if re.search(r"^\s*\[(Script Info|V4\+? Styles|Events)\]", head, re.M | re.I):
        return "ssa" if re.search(r"^\s*\[V4 Styles\]", head, re.M | re.I) else "ass"
    if re.search(r"<tt[\s>]|http://www\.w3\.org/ns/ttml|<tt:tt[\s>]", head):
        return "ttml"
    if re.search(r"<sami>", head, re.I):
        return "sami"
    ext = Path(str(name)).suffix.lower()
    if ext in EXTENSION_TO_FORMAT:
        return EXTENSION_TO_FORMAT[ext]
    for line in head.splitlines()[:200]:
        stripped = line.strip()
        if "-->" in stripped:
            return "srt"
        if re.fullmatch(r"\d+:\d{2}:\d{2}\.\d{2,3},\d+:\d{2}:\d{2}\.\d{2,3}", stripped):
            return "subviewer"
        if re.match(r"\{\d+\}\{\d*\}", stripped):
            return "microdvd"
        if re.match(r"\[\d+\]\[\d*\]", stripped):
            return "mpl2"
        if re.match(r"\d{1,2}:\d{2}:\d{2}[:=]\D", stripped):
            return "tmp"
    return None


def _choose_format(text: str, file: Path, forced: str | None) -> SubtitleFormat:
    if forced:
        key = forced.strip().lower().lstrip(".")
        for candidate in SUBTITLE_FORMATS:
            if FORMAT_ALIASES.get(key, key) == candidate:
                return candidate  # type: ignore[return-value]
        raise UnsupportedFormat(
            "Unknown subtitle format",
            file=file,
            value=forced,
            hint="Use one of " + ", ".join(SUBTITLE_FORMATS),
        )
    ext = file.suffix.lower()
    if ext in UNSUPPORTED_EXTENSIONS:
        raise UnsupportedFormat(
            f"{UNSUPPORTED_EXTENSIONS[ext]} subtitles are not supported",
            file=file,
            hint="Export the file as SRT, WebVTT, ASS or TTML and try again",
        )
    detected = detect_format(text, file)
    if detected is None:
        raise UnsupportedFormat(
            "Not a subtitle format Slate reads",
            file=file,
            hint="Slate reads SRT, WebVTT, ASS/SSA, TTML/DFXP, SubViewer, MicroDVD, MPL2, TMP and SAMI",
        )
    return detected


# --- SRT, WebVTT and SubViewer: our own line scanner -----------------------------------------------
#
# pysubs2 reads SRT and VTT by looking for lines with two timestamps and taking everything in between as
# text. A cue whose timing line is damaged therefore vanishes and its number and text are glued onto the
# previous cue, with no report; a missing index or stray blank line is invisible. So these three formats
# are scanned here, line by line, keeping line numbers: every timing line (a line with `-->`) starts a cue,
# the number or identifier just above it is its header, and text between cues is checked for blocks that
# are really cues with a lost timing line. pysubs2 then only receives well-formed events to hold.

_INDEX_LINE = re.compile(r"\s*\d+\s*")
_SUBVIEWER_TIMING = re.compile(r"\s*([\d:.,]+)\s*,\s*([\d:.,]+)\s*")


@dataclass
class _Draft:
    start: int | None
    end: int | None
    lines: list[str]
    line: int
    timing_line: int | None
    header: str | None = None
    settings: str = ""


def _is_blank(line: str) -> bool:
    return not line.strip()


def _scan_timed_text(text: str, file: Path, fmt: SubtitleFormat, fps: float | None) -> SubtitleDocument:
    lines = text.splitlines()
    problems: list[SubtitleProblem] = []
    vtt = fmt == "vtt"
    subviewer = fmt == "subviewer"

    def is_timing(line: str) -> bool:
        if subviewer:
            return bool(_SUBVIEWER_TIMING.fullmatch(line)) and line.count(":") >= 4
        return "-->" in line

    body_start = 0
    if vtt:
        if lines and lines[0].startswith("WEBVTT"):
            body_start = 1
            while (
                body_start < len(lines)
                and not _is_blank(lines[body_start])
                and not is_timing(lines[body_start])
            ):
                body_start += 1
            if body_start < len(lines) and is_timing(lines[body_start]):
                problems.append(
                    SubtitleProblem(
                        body_start + 1, None, "blank_lines", "No blank line after the WEBVTT header"
                    )
                )
        else:
            problems.append(SubtitleProblem(1, None, "missing_header", "The file does not start with WEBVTT"))
    elif subviewer:
        # SubViewer headers ([INFORMATION], [TITLE] ...) precede the first timing line.
        first = next((i for i, line in enumerate(lines) if is_timing(line)), len(lines))
        if all(_is_blank(x) or x.strip().startswith("[") for x in lines[:first]):
            body_start = first

    timings = [i for i in range(body_start, len(lines)) if is_timing(lines[i])]
    if not timings:
        if vtt and lines and lines[0].startswith("WEBVTT"):
            return _finish(file, fmt, [], problems, fps)
        raise ParseError(
            "No cues found: no timing line ('00:00:01,000 --> 00:00:02,000')",
            file=file,
            line=1,
            hint="Is this a subtitle file?",
        )

    # Where each cue's header (number or identifier) starts, so the previous cue's text stops there.
    header_at: dict[int, int | None] = {}
    for t in timings:
        above = t - 1
        header_at[t] = None
        if above >= body_start and not _is_blank(lines[above]) and not is_timing(lines[above]):
            if above == body_start or _is_blank(lines[above - 1]):
                header_at[t] = above  # a number or identifier opening its block
            elif not vtt and _INDEX_LINE.fullmatch(lines[above]) and not is_timing(lines[above - 1]):
                header_at[t] = above  # a cue number straight after the previous cue's text

    drafts: list[_Draft] = []
    cueless: set[int] = set()  # problems that belong to no cue
    first_header = header_at[timings[0]]
    _scan_between(
        lines,
        body_start,
        first_header if first_header is not None else timings[0],
        None,
        drafts,
        problems,
        vtt,
        header_matter=vtt,
    )
    for number, t in enumerate(timings):
        header = header_at[t]
        cue_line = (header if header is not None else t) + 1
        if not vtt and not subviewer:
            if header is None:
                problems.append(
                    SubtitleProblem(t + 1, None, "missing_index", "The cue has no sequence number")
                )
            elif not _INDEX_LINE.fullmatch(lines[header]):
                problems.append(
                    SubtitleProblem(
                        header + 1, None, "bad_index", f"Not a cue number: {lines[header].strip()!r}"
                    )
                )
        first_line = header if header is not None else t
        if drafts and first_line > body_start and not _is_blank(lines[first_line - 1]):
            problems.append(
                SubtitleProblem(first_line + 1, None, "blank_lines", "No blank line before this cue")
            )
        start, end, settings_problem = _parse_timing(lines[t], fmt)
        draft = _Draft(start, end, [], cue_line, t + 1, lines[header].strip() if header is not None else None)
        if vtt:
            draft.settings = _vtt_settings(lines[t])
        timing_problem = None
        if settings_problem:
            timing_problem = SubtitleProblem(t + 1, None, "bad_timestamp", settings_problem)
            problems.append(timing_problem)
        drafts.append(draft)
        stop = len(lines)
        if number + 1 < len(timings):
            nxt = timings[number + 1]
            nxt_header = header_at[nxt]
            stop = nxt_header if nxt_header is not None else nxt
        _scan_between(lines, t + 1, stop, draft, drafts, problems, vtt)
        if timing_problem and start is None and end is None and not any(x.strip() for x in draft.lines):
            # An unreadable timing line with no text under it (a stray `-->`) is not a cue.
            drafts.remove(draft)
            timing_problem.message += "; no text follows, so no cue was made"
            cueless.add(id(timing_problem))
        if subviewer:
            draft.lines = [part for line in draft.lines for part in re.split(r"\[br\]", line, flags=re.I)]

    if not drafts:  # timing-like lines, none readable: not an empty subtitle file, a broken one
        raise ParseError(
            f"No cue could be read: none of the {len(timings):,} timing lines holds a readable time",
            file=file,
            line=timings[0] + 1,
            value=lines[timings[0]].strip()[:80],
            hint="Timing lines look like '00:00:01,000 --> 00:00:02,000'",
        )
    # Problems were recorded by line; attach the cue number now that cues are final.
    cue_for_line = _cue_lookup(drafts)
    for problem in problems:
        if problem.cue is None and problem.line is not None and id(problem) not in cueless:
            problem.cue = cue_for_line(problem.line)
    _estimate_missing_times(drafts, problems)

    cues: list[Cue] = []
    events: list[SSAEvent] = []
    for i, draft in enumerate(drafts, 1):
        raw = "\n".join(draft.lines)
        ssa_text = _markup_to_ssa(raw, vtt=vtt)
        event = SSAEvent(start=draft.start or 0, end=draft.end or 0, text=ssa_text)
        events.append(event)
        cues.append(
            Cue(
                index=i,
                start_ms=draft.start or 0,
                end_ms=draft.end or 0,
                text=_plain(event),
                raw=raw,
                line=draft.line,
                settings=draft.settings,
                identifier=draft.header if vtt else None,
            )
        )
    doc = _finish(file, fmt, cues, problems, fps, events=events)
    if vtt and lines and lines[0].startswith("WEBVTT"):
        first = drafts[0].line - 1 if drafts else len(lines)
        doc.preamble = "\n".join(lines[1:first]).strip("\n")
    return doc


def _vtt_settings(timing_line: str) -> str:
    """The cue settings after the end time (`line:0 align:start`), as written."""
    _, _, rest = timing_line.partition("-->")
    parts = rest.strip().split(maxsplit=1)
    return " ".join(parts[1].split()) if len(parts) > 1 else ""


def _cue_lookup(drafts: list[_Draft]) -> Callable[[int], int | None]:
    """line number → index of the cue that line belongs to (cues are in line order)."""
    starts = [d.line for d in drafts]

    def find(line: int) -> int | None:
        pos = bisect.bisect_right(starts, line)
        return pos if pos > 0 else None

    return find


def _scan_between(
    lines: list[str],
    begin: int,
    stop: int,
    current: _Draft | None,
    drafts: list[_Draft],
    problems: list[SubtitleProblem],
    vtt: bool,
    *,
    header_matter: bool = False,
) -> None:
    """Text lines [begin, stop): the current cue's text, then any blocks that follow a blank line.

    A block after a blank line is a cue whose timing line was lost when it starts with a cue number and
    has text; the file's end when it is a lone number; otherwise more text of the same cue (SRT has no
    blank lines inside cues, but editors leave them).
    """
    blocks: list[list[tuple[int, str]]] = [[]]
    for i in range(begin, stop):
        if _is_blank(lines[i]):
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append((i, lines[i]))
    if not blocks[-1]:
        blocks.pop()
    if not blocks:
        return
    leading_blank = begin < stop and _is_blank(lines[begin])
    for n, block in enumerate(blocks):
        first_line, first_text = block[0]
        if vtt and re.match(r"(NOTE|STYLE|REGION)(\s|$)", first_text):
            continue  # WebVTT comments and style/region definitions
        is_number = bool(_INDEX_LINE.fullmatch(first_text))
        if current is not None and n == 0 and not leading_blank:
            current.lines.extend(text for _, text in block)
            continue
        if is_number and len(block) > 1:
            draft = _Draft(
                None, None, [text for _, text in block[1:]], first_line + 1, None, first_text.strip()
            )
            drafts.append(draft)
            problems.append(
                SubtitleProblem(
                    first_line + 1,
                    None,
                    "bad_timestamp",
                    "The cue has no timing line; timed from its neighbours",
                )
            )
            current = draft
        elif is_number and len(block) == 1 and stop == len(lines) and n == len(blocks) - 1:
            problems.append(
                SubtitleProblem(
                    first_line + 1,
                    None,
                    "unexpected_end",
                    f"The file ends after cue number {first_text.strip()}, with no timing or text",
                )
            )
        elif current is not None:
            where = current.timing_line or current.line
            problems.append(
                SubtitleProblem(
                    first_line + 1,
                    None,
                    "blank_lines",
                    f"Blank line inside the text of the cue at line {where}; the text after it is kept in that cue",
                )
            )
            current.lines.extend(text for _, text in block)
        elif not header_matter:  # WebVTT header blocks (STYLE, REGION, comments) precede the first cue
            shown = " / ".join(text.strip() for _, text in block)
            problems.append(
                SubtitleProblem(first_line + 1, None, "stray_text", f"Text outside any cue: {shown[:200]!r}")
            )


def _parse_timing(line: str, fmt: SubtitleFormat) -> tuple[int | None, int | None, str | None]:
    """(start, end, problem) for one timing line; a part that cannot be read at all is None."""
    if fmt == "subviewer":
        match = _SUBVIEWER_TIMING.fullmatch(line)
        left, right = (match.group(1), match.group(2)) if match else ("", "")
        strict = _STRICT_SUBVIEWER
    else:
        left, _, rest = line.partition("-->")
        right = rest.strip().split(maxsplit=1)[0] if rest.strip() else ""
        strict = _STRICT_VTT if fmt == "vtt" else _STRICT_SRT
    left = left.strip()
    notes: list[str] = []
    values: list[int | None] = []
    for label, part in (("start", left), ("end", right)):
        value = _lenient_ms(part) if part else None
        if value is None:
            notes.append(f"unreadable {label} time {part!r}" if part else f"no {label} time")
        elif not strict.fullmatch(part):
            notes.append(f"malformed {label} time {part!r} read as {format_timecode(max(value, 0))}")
        if value is not None and value < 0:
            notes.append(f"negative {label} time {part!r} read as 00:00:00,000")
            value = 0
        values.append(value)
    start, end = values
    if start is not None and end is not None and end < start:
        notes.append("the cue ends before it starts")
    if not notes:
        return start, end, None
    return start, end, f"Bad timing line {line.strip()!r}: " + "; ".join(notes)


def _estimate_missing_times(drafts: list[_Draft], problems: list[SubtitleProblem]) -> None:
    """Time cues whose timing could not be read from their neighbours, so no cue is dropped."""
    for i, draft in enumerate(drafts):
        if draft.start is not None and draft.end is not None:
            continue
        prev_end = next((d.end for d in reversed(drafts[:i]) if d.end is not None), 0)
        next_start = next((d.start for d in drafts[i + 1 :] if d.start is not None), None)
        chars = sum(len(x) for x in draft.lines)
        wanted = max(1000, min(7000, chars * 1000 // 15))
        if draft.start is None:
            draft.start = prev_end if draft.end is None else max(min(prev_end, draft.end), draft.end - wanted)
        if draft.end is None:
            draft.end = draft.start + wanted
            if next_start is not None and next_start > draft.start:
                draft.end = min(draft.end, next_start)


_SRT_TAGS = (
    (re.compile(r"<\s*i\s*>", re.I), r"{\\i1}"),
    (re.compile(r"<\s*/\s*i\s*>", re.I), r"{\\i0}"),
    (re.compile(r"<\s*b\s*>", re.I), r"{\\b1}"),
    (re.compile(r"<\s*/\s*b\s*>", re.I), r"{\\b0}"),
    (re.compile(r"<\s*u\s*>", re.I), r"{\\u1}"),
    (re.compile(r"<\s*/\s*u\s*>", re.I), r"{\\u0}"),
    (re.compile(r"<\s*s\s*>", re.I), r"{\\s1}"),
    (re.compile(r"<\s*/\s*s\s*>", re.I), r"{\\s0}"),
)
_FONT_OPEN = re.compile(r"<\s*font\b([^>]*)>", re.I)
_FONT_CLOSE = re.compile(r"<\s*/\s*font\s*>", re.I)
_FONT_COLOR = re.compile(r"""color\s*=\s*["']?\s*#?([0-9a-fA-F]{6}|[a-zA-Z]+)""", re.I)
# Named colours SRT editors write (`<font color="yellow">`), as RGB.
NAMED_COLOURS = {
    "white": "FFFFFF", "black": "000000", "red": "FF0000", "lime": "00FF00", "green": "008000",
    "blue": "0000FF", "yellow": "FFFF00", "cyan": "00FFFF", "aqua": "00FFFF", "magenta": "FF00FF",
    "fuchsia": "FF00FF", "silver": "C0C0C0", "gray": "808080", "grey": "808080", "orange": "FFA500",
}  # fmt: skip
_OTHER_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|<\d[\d:.]*>")
_RUBY_TEXT = re.compile(r"<rt>.*?</rt>", re.S | re.I)


def _markup_to_ssa(raw: str, *, vtt: bool) -> str:
    """SRT/VTT cue text as a pysubs2 event text: <i><b><u><s> become override tags, other tags go,
    entities are decoded, line breaks become \\N."""
    text = raw
    if vtt:
        text = _RUBY_TEXT.sub("", text)
    for pattern, tag in _SRT_TAGS:
        text = pattern.sub(tag, text)
    if not vtt:
        text = _FONT_OPEN.sub(_font_to_ssa, text)
        text = _FONT_CLOSE.sub(r"{\\c}", text)
    text = _OTHER_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text).replace("\u00a0", " ")
    return text.replace("\n", r"\N")


def _font_to_ssa(match: re.Match[str]) -> str:
    """`<font color="#ffff00">` as the ASS colour override `{\\c&H00FFFF&}` (ASS writes BGR)."""
    colour = _FONT_COLOR.search(match.group(1))
    if not colour:
        return "{\\c}"  # a font tag without a colour (face, size): nothing ASS colours carry
    value = colour.group(1)
    rgb = value if re.fullmatch(r"[0-9a-fA-F]{6}", value) else NAMED_COLOURS.get(value.lower())
    if rgb is None:
        return "{\\c}"
    return "{\\c&H" + (rgb[4:6] + rgb[2:4] + rgb[0:2]).upper() + "&}"


def _plain(event: SSAEvent) -> str:
    """The text as shown: tags removed, one string per screen line, joined by \\n."""
    lines = [line.strip() for line in event.plaintext.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def _finish(
    file: Path,
    fmt: SubtitleFormat,
    cues: list[Cue],
    problems: list[SubtitleProblem],
    fps: float | None,
    *,
    events: list[SSAEvent] | None = None,
    source: SSAFile | None = None,
    extra_events: list[SSAEvent] | None = None,
) -> SubtitleDocument:
    ssa = source if source is not None else SSAFile()
    if events is not None:
        ssa.events = events
    ssa.format = fmt
    if fps is not None:
        ssa.fps = fps
    problems.sort(key=lambda p: p.line if p.line is not None else 0)
    return SubtitleDocument(
        file=str(file),
        encoding="utf-8",
        format=fmt,
        cues=cues,
        problems=problems,
        fps=fps,
        source=ssa,
        extra_events=extra_events or [],
    )


# --- ASS / SSA ------------------------------------------------------------------------------------
#
# pysubs2 ignores `Format:` lines and assumes the standard field order, so files that list fewer fields
# or another order (common outside Aegisub) fail or come out garbled, and one bad timestamp fails the
# whole file. Styles and events are therefore rewritten here into the standard order (taking each field
# by its name in the file's own Format line), timestamps are checked and repaired with a reported
# problem, and pysubs2 parses the normalised text.

_SECTION = re.compile(r"^\s*\[([^\]]+)\]\s*$")


def _standard_formats(fmt: str) -> tuple[list[str], list[str], list[str]]:
    """Standard style fields, their default values, and event fields, as pysubs2 writes them."""
    written = SSAFile().to_string(fmt)
    style_fields = event_fields = defaults = []
    section = ""
    for line in written.splitlines():
        heading = _SECTION.match(line)
        if heading:
            section = heading.group(1).lower()
        elif line.startswith("Format:"):
            names = [n.strip() for n in line.split(":", 1)[1].split(",")]
            if "styles" in section:
                style_fields = names
            else:
                event_fields = names
        elif line.startswith("Style:"):
            defaults = [v.strip() for v in line.split(":", 1)[1].split(",")]
    return style_fields, defaults, event_fields


_FIELD_SYNONYMS = {"tertiarycolour": "outlinecolour", "outlinecolour": "tertiarycolour"}
# Event fields assumed when a file has Dialogue lines but no Format line, by how many fields a line has.
_GUESSED_EVENT_FORMATS = {
    6: ["layer", "start", "end", "style", "name", "text"],
    4: ["start", "end", "style", "text"],
}
_FLOAT_STYLE_FIELDS = {"fontsize", "scalex", "scaley", "spacing", "angle", "outline", "shadow"}
_COLOUR = re.compile(r"&H[0-9A-Fa-f]{1,8}&?|-?\d+")


def _read_ssa(text: str, file: Path, fmt: SubtitleFormat, fps: float | None) -> SubtitleDocument:
    style_fields, style_defaults, event_fields = _standard_formats(fmt)
    problems: list[SubtitleProblem] = []
    out: list[str] = []
    event_lines: list[int] = []
    section = ""
    style_format: list[str] | None = None
    event_format: list[str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        heading = _SECTION.match(line)
        lowered = stripped.lower()
        if heading:
            section = heading.group(1).strip().lower()
            out.append(stripped)
        elif "styles" in section and lowered.startswith("format:"):
            style_format = [n.strip().lower() for n in stripped.split(":", 1)[1].split(",")]
            out.append("Format: " + ", ".join(style_fields))
        elif lowered.startswith("format:") and ("events" in section or not section):
            event_format = [n.strip().lower() for n in stripped.split(":", 1)[1].split(",")]
            out.append("Format: " + ", ".join(event_fields))
        elif stripped.startswith("Style:"):
            out.append(
                _normalise_style(stripped, number, style_format, style_fields, style_defaults, problems)
            )
        elif stripped.startswith(("Dialogue:", "Comment:")):
            out.append(_normalise_event(stripped, number, event_format, event_fields, problems))
            event_lines.append(number)
        else:
            out.append(line)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ssa = SSAFile.from_string("\n".join(out), format_=fmt)
    except (ValueError, KeyError, TypeError, NotImplementedError) as exc:
        raise ParseError(f"Cannot read the {fmt.upper()} file: {exc}", file=file) from None

    cues: list[Cue] = []
    events: list[SSAEvent] = []
    extras: list[SSAEvent] = []
    cue_at_line: dict[int, int] = {}
    for event, line_no in zip(ssa.events, event_lines, strict=True):
        if event.is_comment:
            extras.append(event)
            continue
        events.append(event)
        cue_at_line[line_no] = len(events)
        cues.append(
            Cue(
                index=len(events),
                start_ms=event.start,
                end_ms=event.end,
                text=_plain(event),
                raw=event.text,
                line=line_no,
                style=event.style,
            )
        )
    for problem in problems:
        if problem.line in cue_at_line:
            problem.cue = cue_at_line[problem.line]
    _time_unreadable_ssa(cues, events, problems)
    return _finish(file, fmt, cues, problems, fps, events=events, source=ssa, extra_events=extras)


def _normalise_event(
    line: str, number: int, fmt: list[str] | None, fields: list[str], problems: list[SubtitleProblem]
) -> str:
    """A Dialogue/Comment line rewritten in the standard field order, its times checked."""
    kind, _, rest = line.partition(":")
    rest = rest.lstrip()
    if fmt is None:
        count = rest.count(",") + 1
        standard = [n.lower() for n in fields]
        fmt = standard if count >= len(standard) else _GUESSED_EVENT_FORMATS.get(min(count, 6), standard)
    values = rest.split(",", len(fmt) - 1)
    if len(values) < len(fmt):
        problems.append(
            SubtitleProblem(
                number, None, "bad_timestamp", f"The {kind} line has {len(values)} of {len(fmt)} fields"
            )
        )
        values += [""] * (len(fmt) - len(values))
    by_name = dict(zip(fmt, values, strict=True))
    by_name["start"], by_name["end"] = _check_ssa_times(
        by_name.get("start", ""), by_name.get("end", ""), number, problems
    )
    normalised = []
    for name in fields:
        key = name.lower()
        value = by_name.get(key, by_name.get(_FIELD_SYNONYMS.get(key, ""), _default_event(key)))
        normalised.append(value if key == "text" else value.strip())
    return f"{kind}: " + ",".join(normalised)


def _default_event(name: str) -> str:
    return {
        "layer": "0",
        "marked": "Marked=0",
        "style": "Default",
        "marginl": "0",
        "marginr": "0",
        "marginv": "0",
    }.get(name, "")


def _normalise_style(
    line: str,
    number: int,
    fmt: list[str] | None,
    fields: list[str],
    defaults: list[str],
    problems: list[SubtitleProblem],
) -> str:
    """A Style line in the standard field order; values pysubs2 could not read fall back to defaults."""
    values = [v.strip() for v in line.split(":", 1)[1].split(",")]
    by_name = dict(zip(fmt or [f.lower() for f in fields], values, strict=False))
    normalised = []
    for name, default in zip(fields, defaults, strict=True):
        key = name.lower()
        value = by_name.get(key, by_name.get(_FIELD_SYNONYMS.get(key, ""), default)) or default
        if not _style_value_ok(key, value):
            problems.append(
                SubtitleProblem(
                    number, None, "bad_style", f"Style field {name} has an unreadable value {value!r}"
                )
            )
            value = default
        normalised.append(value)
    return "Style: " + ",".join(normalised)


def _style_value_ok(key: str, value: str) -> bool:
    if "colour" in key:
        return bool(_COLOUR.fullmatch(value))
    # pysubs2 itself falls back to 0 for unreadable integer fields; colours and sizes make it fail.
    try:
        if key in _FLOAT_STYLE_FIELDS:
            float(value)
    except ValueError:
        return False
    return True


_UNREADABLE = "9:59:59.99"  # placeholder for pysubs2, replaced by an estimate after parsing


def _check_ssa_times(start: str, end: str, line: int, problems: list[SubtitleProblem]) -> tuple[str, str]:
    notes = []
    out = []
    for label, value in (("start", start), ("end", end)):
        ms = _lenient_ms(value) if value.strip() else None
        if ms is None:
            notes.append(
                f"unreadable {label} time {value.strip()!r}" if value.strip() else f"no {label} time"
            )
            out.append(_UNREADABLE)
            continue
        if not re.fullmatch(r"\s*-?\d+:\d{2}:\d{2}[.,]\d{2,3}\s*", value):
            notes.append(f"malformed {label} time {value.strip()!r}")
        if ms < 0:
            notes.append(f"negative {label} time {value.strip()!r}")
            ms = 0
        out.append(_ssa_time(ms))
    s, e = (_lenient_ms(v) for v in out)
    if s is not None and e is not None and _UNREADABLE not in out and e < s:
        notes.append("the event ends before it starts")
    if notes:
        problems.append(SubtitleProblem(line, None, "bad_timestamp", "Bad timing: " + "; ".join(notes)))
    return out[0], out[1]


def _ssa_time(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours}:{minutes:02d}:{seconds:02d}.{millis // 10:02d}"


def _time_unreadable_ssa(cues: list[Cue], events: list[SSAEvent], problems: list[SubtitleProblem]) -> None:
    marker = _lenient_ms(_UNREADABLE)
    broken = {p.cue for p in problems if p.code == "bad_timestamp" and p.cue is not None}
    drafts = []
    for cue in cues:
        start = None if cue.index in broken and cue.start_ms == marker else cue.start_ms
        end = None if cue.index in broken and cue.end_ms == marker else cue.end_ms
        drafts.append(_Draft(start, end, cue.text.split("\n"), cue.line or 0, cue.line))
    _estimate_missing_times(drafts, problems)
    for cue, event, draft in zip(cues, events, drafts, strict=True):
        cue.start_ms = event.start = draft.start or 0
        cue.end_ms = event.end = draft.end or 0


# --- TTML / DFXP ----------------------------------------------------------------------------------
#
# pysubs2's TTML reader needs the TTML namespace, and has no frame (`10f`), tick (`100t`) or SMPTE
# (`hh:mm:ss:ff`) times, which DFXP files from Netflix and broadcasters use. This reader walks the XML with
# expat (no namespace processing, so stray or unbound prefixes do not stop it), keeps element line numbers,
# and applies TTML1 timing: a `par` child's begin is relative to its parent's.


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    line: int
    children: list[_Node | str] = field(default_factory=list)


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _parse_xml(text: str, file: Path) -> _Node:
    from xml.parsers import expat

    from knowledge.limits import check_xml_depth, refuse_entities

    refuse_entities(text, file)  # on the decoded text, so a UTF-16 file is caught too
    parser = expat.ParserCreate()
    root = _Node("#document", {}, 1)
    stack = [root]

    def start(name: str, attrs: dict[str, str]) -> None:
        check_xml_depth(len(stack), file, parser.CurrentLineNumber)
        node = _Node(
            _local(name),
            {_local(k) if not k.startswith("xml:") else k: v for k, v in attrs.items()},
            parser.CurrentLineNumber,
        )
        stack[-1].children.append(node)
        stack.append(node)

    def end(name: str) -> None:
        stack.pop()

    def chars(data: str) -> None:
        stack[-1].children.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    body = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # the text is already decoded; ignore its declared charset
    try:
        parser.Parse(body, True)
    except expat.ExpatError as exc:
        raise ParseError(
            f"Malformed XML: {expat.errors.messages.get(exc.code, str(exc)) if hasattr(exc, 'code') else exc}",
            file=file,
            line=exc.lineno,
            value=f"column {exc.offset}",
        ) from None
    return root


def _read_ttml(text: str, file: Path, fmt: SubtitleFormat, fps: float | None) -> SubtitleDocument:
    document = _parse_xml(text, file)
    tt = next((c for c in document.children if isinstance(c, _Node)), None)
    if tt is None or tt.tag != "tt":
        raise ParseError("Not a TTML document: the root element is not <tt>", file=file, line=1)
    params = _TTMLTiming.from_root(tt.attrs, fps)
    problems: list[SubtitleProblem] = []
    italic_styles = {
        node.attrs.get("xml:id", ""): True
        for node in _walk(tt)
        if node.tag == "style" and node.attrs.get("fontStyle") == "italic"
    }
    body = next((n for n in _walk(tt) if n.tag == "body"), None)
    cues: list[Cue] = []
    events: list[SSAEvent] = []
    if body is not None:
        paragraphs: list[tuple[_Node, int | None, int | None]] = []
        _collect_paragraphs(body, 0, None, params, paragraphs, problems)
        drafts = []
        for node, start, end in paragraphs:
            drafts.append(_Draft(start, end, [], node.line, node.line))
        _estimate_missing_times(drafts, problems)
        for (node, _s, _e), draft in zip(paragraphs, drafts, strict=True):
            ssa_text = _ttml_text(node, italic_styles, node.attrs.get("xml:space") == "preserve")
            event = SSAEvent(
                start=draft.start or 0,
                end=draft.end or 0,
                text=ssa_text,
                style=node.attrs.get("style", "Default"),
            )
            events.append(event)
            cues.append(
                Cue(
                    index=len(cues) + 1,
                    start_ms=event.start,
                    end_ms=event.end,
                    text=_plain(event),
                    raw=_inner_xml(node),
                    line=node.line,
                    style=node.attrs.get("style"),
                )
            )
    by_line = {c.line: c.index for c in cues}
    for problem in problems:
        problem.cue = by_line.get(problem.line)
    file_fps = params.effective_fps if params.frame_rate_given else fps
    return _finish(file, fmt, cues, problems, file_fps, events=events)


def _walk(node: _Node) -> Iterator[_Node]:
    for child in node.children:
        if isinstance(child, _Node):
            yield child
            yield from _walk(child)


@dataclass
class _TTMLTiming:
    frame_rate: float
    sub_frame_rate: int
    multiplier: float
    tick_rate: float
    frame_rate_given: bool

    @property
    def effective_fps(self) -> float:
        return self.frame_rate * self.multiplier

    @classmethod
    def from_root(cls, attrs: dict[str, str], fps: float | None) -> _TTMLTiming:
        given = _positive(attrs.get("frameRate")) is not None
        frame_rate = _positive(attrs.get("frameRate")) or fps or 30.0
        sub = int(_positive(attrs.get("subFrameRate")) or 1)
        # "1000 1001" per the spec; some writers use "1000:1001" or "1:1"
        num, den = [*re.split(r"[\s:/]+", attrs.get("frameRateMultiplier", "1 1").strip()), "1"][:2]
        multiplier = (_positive(num) or 1.0) / (_positive(den) or 1.0)
        tick_rate = _positive(attrs.get("tickRate")) or (frame_rate * sub if given else 1.0)
        return cls(frame_rate, sub, multiplier, tick_rate, given)

    def to_ms(self, expr: str) -> tuple[int | None, bool]:
        """(milliseconds, strictly valid); (None, False) when unreadable."""
        value = expr.strip()
        match = re.fullmatch(r"(\d+(?:\.\d+)?)(h|m|s|ms|f|t)", value)
        if match:
            number, unit = float(match.group(1)), match.group(2)
            if unit == "f":
                return round(number * 1000 / self.effective_fps), True
            if unit == "t":
                return round(number * 1000 / self.tick_rate), True
            return round(number * _UNIT_TO_MS[unit]), True
        match = re.fullmatch(r"(\d+):(\d{2}):(\d{2})(?:\.(\d+)|:(\d+)(?:\.(\d+))?)?", value)
        if match:
            h, m, s, frac, frames, sub = match.groups()
            ms = ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000
            if frac:
                ms += round(float("0." + frac) * 1000)
            if frames:
                ms += round(
                    (int(frames) + (int(sub) / self.sub_frame_rate if sub else 0)) * 1000 / self.effective_fps
                )
            return ms, True
        lenient = _lenient_ms(value)
        return lenient, False


def _positive(value: str | None) -> float | None:
    try:
        number = float(value) if value is not None else None
    except ValueError:
        return None
    return number if number and number > 0 else None


def _collect_paragraphs(
    node: _Node,
    parent_begin: int,
    parent_end: int | None,
    timing: _TTMLTiming,
    out: list[tuple[_Node, int | None, int | None]],
    problems: list[SubtitleProblem],
) -> None:
    for child in node.children:
        if not isinstance(child, _Node):
            continue
        offsets: dict[str, int | None] = {}
        bad = []
        for attr in ("begin", "end", "dur"):
            if attr in child.attrs:
                ms, ok = timing.to_ms(child.attrs[attr])
                offsets[attr] = ms
                if ms is None or not ok:
                    bad.append(f"{'unreadable' if ms is None else 'malformed'} {attr}={child.attrs[attr]!r}")
        if bad:
            problems.append(
                SubtitleProblem(child.line, None, "bad_timestamp", "Bad timing: " + "; ".join(bad))
            )
        base = parent_begin
        rel_begin, rel_end = offsets.get("begin"), offsets.get("end")
        # TTML1 times in a `par` container are relative to the parent, but some writers (Apple lyrics,
        # many DFXP exports) write absolute times inside a timed <div>. Times that fall inside the
        # parent's own interval when read as absolute are read so; smaller ones are offsets.
        if (
            parent_begin
            and rel_begin is not None
            and rel_begin >= parent_begin
            and (parent_end is None or rel_end is None or rel_end <= parent_end)
        ):
            base = 0
        begin: int | None = (
            parent_begin if "begin" not in offsets else (None if rel_begin is None else base + rel_begin)
        )
        end: int | None = parent_end
        if rel_end is not None:
            end = base + rel_end
        elif offsets.get("dur") is not None and begin is not None:
            end = begin + (offsets["dur"] or 0)
        if child.tag == "p":
            if begin is not None and end is not None and end < begin:
                problems.append(
                    SubtitleProblem(child.line, None, "bad_timestamp", "The paragraph ends before it begins")
                )
            out.append((child, begin, end))
        else:
            _collect_paragraphs(
                child, begin if begin is not None else parent_begin, end, timing, out, problems
            )


def _ttml_text(node: _Node, italic_styles: dict[str, bool], preserve: bool) -> str:
    parts: list[str] = []

    def visit(n: _Node, italic: bool) -> None:
        for child in n.children:
            if isinstance(child, str):
                text = child if preserve else re.sub(r"\s+", " ", child)
                parts.append(text)
            elif child.tag == "br":
                parts.append("\n")
            elif child.tag in ("span", "p"):
                style_italic = child.attrs.get("fontStyle") == "italic" or italic_styles.get(
                    child.attrs.get("style", ""), False
                )
                if style_italic and not italic:
                    parts.append("{\\i1}")
                    visit(child, True)
                    parts.append("{\\i0}")
                else:
                    visit(child, italic)
            elif child.tag not in ("metadata", "set"):
                visit(child, italic)

    start_italic = node.attrs.get("fontStyle") == "italic" or italic_styles.get(
        node.attrs.get("style", ""), False
    )
    if start_italic:
        parts.append("{\\i1}")
    visit(node, start_italic)
    joined = "".join(parts)
    lines = [line.strip() if preserve else re.sub(r" {2,}", " ", line).strip() for line in joined.split("\n")]
    return r"\N".join(lines).strip()


def _inner_xml(node: _Node) -> str:
    out: list[str] = []
    for child in node.children:
        if isinstance(child, str):
            out.append(child)
        else:
            attrs = "".join(f' {k}="{html.escape(v)}"' for k, v in child.attrs.items())
            if child.children:
                out.append(f"<{child.tag}{attrs}>{_inner_xml(child)}</{child.tag}>")
            else:
                out.append(f"<{child.tag}{attrs}/>")
    return "".join(out).strip()


# --- everything else pysubs2 reads ----------------------------------------------------------------


def _read_with_pysubs2(text: str, file: Path, fmt: SubtitleFormat, fps: float | None) -> SubtitleDocument:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ssa = SSAFile.from_string(text, format_=fmt, fps=fps)
    except pysubs2.exceptions.UnknownFPSError:
        raise SubtitleError(
            f"{fmt} subtitles are timed in frames and the file does not say its frame rate",
            file=file,
            hint="Give the frame rate with --fps (e.g. --fps 23.976)",
        ) from None
    except (ValueError, KeyError, NotImplementedError, pysubs2.exceptions.Pysubs2Error) as exc:
        raise ParseError(f"Cannot read the {fmt} file: {exc}", file=file) from None
    events = [e for e in ssa.events if not e.is_comment]
    cues = [
        Cue(
            index=i,
            start_ms=e.start,
            end_ms=e.end,
            text=_plain(e),
            raw=e.text,
            line=None,
            style=e.style if e.style != "Default" else None,
        )
        for i, e in enumerate(events, 1)
    ]
    problems: list[SubtitleProblem] = []
    for cue in cues:
        if cue.end_ms < cue.start_ms:
            problems.append(
                SubtitleProblem(None, cue.index, "bad_timestamp", "The cue ends before it starts")
            )
    return _finish(file, fmt, cues, problems, ssa.fps or fps, events=events, source=ssa)


_READERS = {
    "srt": _scan_timed_text,
    "vtt": _scan_timed_text,
    "subviewer": _scan_timed_text,
    "ass": _read_ssa,
    "ssa": _read_ssa,
    "ttml": _read_ttml,
}


def read_subtitle_text(
    text: str, *, name: str = "<text>", format: str | None = None, fps: float | None = None
) -> SubtitleDocument:
    """`read_subtitle_file` for text already in memory (tests, uploads, the benchmark)."""
    file = Path(name)
    fmt = _choose_format(text.lstrip("\ufeff"), file, format)
    doc = _READERS.get(fmt, _read_with_pysubs2)(text.lstrip("\ufeff"), file, fmt, fps)
    return doc


__all__ = [
    "SUBTITLE_FORMATS",
    "Cue",
    "InputFileError",
    "ProblemCode",
    "SubtitleDocument",
    "SubtitleFormat",
    "SubtitleProblem",
    "detect_format",
    "format_timecode",
    "parse_timecode",
    "read_subtitle_file",
    "read_subtitle_text",
]
