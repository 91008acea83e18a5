"""Write cues as SRT, WebVTT, ASS/SSA or TTML, in UTF-8 unless asked; convert Chinese script with OpenCC.

Writing goes through pysubs2, starting from the document's own `SSAFile` so styles, script info and
inline tags (italics, positioning) survive: a cue whose text was only re-broken keeps its original
markup with the new line breaks; a cue whose words changed (split, converted, merged) is written as
plain text in its original event's style.
"""

from __future__ import annotations

import codecs
import copy
import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pysubs2 import SSAEvent, SSAFile

from knowledge.subtitle_file import Cue, SubtitleDocument
from slate.errors import SubtitleError, UnsupportedFormat
from slate.paths import atomic_write_bytes
from tools.subtitles.text import ScriptTarget, convert_script, squash

OutputFormat = Literal["srt", "vtt", "ass", "ssa", "ttml"]
OUTPUT_EXTENSIONS: dict[str, OutputFormat] = {
    ".srt": "srt",
    ".vtt": "vtt",
    ".ass": "ass",
    ".ssa": "ssa",
    ".ttml": "ttml",
    ".dfxp": "ttml",
    ".xml": "ttml",
}
# Encoding names people type → Python codecs (Big5 always as its HKSCS superset).
ENCODING_ALIASES = {"big5": "big5hkscs", "big5-hkscs": "big5hkscs", "cp950": "big5hkscs", "gbk": "gb18030"}

_TOKEN = re.compile(r"(\{[^}]*\}|\\N|\\n|\\h)")
_EMPTY_TAG = re.compile(r"<([ibus])></\1>")


def output_format(path: str | Path, fmt: str | None = None) -> OutputFormat:
    """The format to write: `fmt` if given, else from the output file's extension."""
    key = (fmt or "").lower().lstrip(".")
    if key:
        candidates: tuple[OutputFormat, ...] = ("srt", "vtt", "ass", "ssa", "ttml")
        for candidate in candidates:
            if key == candidate or OUTPUT_EXTENSIONS.get("." + key) == candidate:
                return candidate
        raise UnsupportedFormat(
            "Cannot write this subtitle format", value=fmt, hint="Use srt, vtt, ass, ssa or ttml"
        )
    suffix = Path(path).suffix.lower()
    if suffix not in OUTPUT_EXTENSIONS:
        raise UnsupportedFormat(
            "Cannot tell the output format from the file name",
            file=str(path),
            value=suffix or "(no extension)",
            hint="End the output name in .srt, .vtt, .ass, .ssa or .ttml",
        )
    return OUTPUT_EXTENSIONS[suffix]


def python_encoding(name: str) -> str:
    key = name.strip().lower()
    codec = ENCODING_ALIASES.get(key, key)
    try:
        codecs.lookup(codec)
    except LookupError:
        raise SubtitleError(
            "Unknown text encoding", value=name, hint="Use utf-8, utf-16, big5-hkscs or gb18030"
        ) from None
    return codec


def reflow_markup(ssa_text: str, plain: str) -> str | None:
    """`ssa_text` (with override tags) re-broken like `plain`; None if the words differ.

    Whitespace and line breaks come from `plain`; every other character and every tag from `ssa_text`.
    """
    out: list[str] = []
    j = 0
    for token in _TOKEN.split(ssa_text):
        if not token:
            continue
        if token.startswith("{"):
            out.append(token)
            continue
        if token in ("\\N", "\\n", "\\h"):
            continue
        for ch in token:
            if ch.isspace():
                continue
            pending = []
            while j < len(plain) and plain[j].isspace():
                pending.append("\\N" if plain[j] == "\n" else " ")
                j += 1
            if j >= len(plain) or plain[j] != ch:
                return None
            if out and pending:
                out.append("\\N" if "\\N" in pending else " ")
            out.append(ch)
            j += 1
    if plain[j:].strip():
        return None
    return "".join(out)


def build_ssafile(
    doc: SubtitleDocument, cues: Sequence[Cue], origins: Sequence[int] | None = None
) -> SSAFile:
    """A pysubs2 file holding `cues`, with the document's styles and each cue's original event as template.

    `origins[i]` is the 1-based index (in `doc.cues`) of the cue `cues[i]` came from; without it, cues
    are matched to the document's by position.
    """
    subs = SSAFile()
    subs.info = dict(doc.source.info)
    subs.styles = {name: style.copy() for name, style in doc.source.styles.items()} or subs.styles
    subs.fonts_opaque = dict(doc.source.fonts_opaque)
    subs.graphics_opaque = dict(doc.source.graphics_opaque)
    subs.aegisub_project = dict(doc.source.aegisub_project)
    subs.fps = doc.fps
    templates = doc.source.events
    for position, cue in enumerate(cues):
        origin = origins[position] if origins is not None else position + 1
        template = templates[origin - 1] if 0 < origin <= len(templates) else None
        event = copy.copy(template) if template is not None else SSAEvent()
        event.start, event.end = cue.start_ms, cue.end_ms
        markup = None
        if template is not None and squash(template.plaintext) == squash(cue.text):
            markup = reflow_markup(template.text, cue.text)
        event.text = markup if markup is not None else cue.text.replace("\n", "\\N")
        subs.events.append(event)
    return subs


def subtitle_text(
    doc: SubtitleDocument,
    cues: Sequence[Cue],
    fmt: OutputFormat,
    *,
    origins: Sequence[int] | None = None,
) -> str:
    """The cues serialised in `fmt`."""
    subs = build_ssafile(doc, cues, origins)
    if fmt in ("ass", "ssa") and doc.extra_events:
        subs.events.extend(copy.copy(e) for e in doc.extra_events)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pysubs2 warns when it clamps times it cannot write
        text = subs.to_string(fmt)
    if fmt in ("srt", "vtt"):
        # pysubs2 emits an empty <i></i> when a style's italics and an inline {\i1} meet
        text = _EMPTY_TAG.sub("", text)
    return text


def write_subtitles(
    doc: SubtitleDocument,
    cues: Sequence[Cue],
    path: str | Path,
    *,
    fmt: str | None = None,
    encoding: str = "utf-8",
    origins: Sequence[int] | None = None,
) -> Path:
    """Write `cues` to `path` atomically (all or nothing) in the format its extension names.

    Raises:
        UnsupportedFormat: the output format is not one Slate writes.
        SubtitleError: `encoding` is unknown, or cannot hold a character (the error names the cue).
    """
    out = Path(path)
    chosen = output_format(out, fmt)
    codec = python_encoding(encoding)
    text = subtitle_text(doc, cues, chosen, origins=origins)
    try:
        data = text.encode(codec)
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end]
        cue = next((c for c in cues if bad in c.text), None)
        raise SubtitleError(
            f"{encoding} cannot hold the character {bad!r}" + (f" in cue {cue.index}" if cue else ""),
            file=out,
            value=bad,
            hint="Write UTF-8 (the default) or convert the script first",
        ) from None
    atomic_write_bytes(out, data)
    return out


def convert_cues_script(cues: Sequence[Cue], target: ScriptTarget) -> tuple[list[Cue], int]:
    """Cues with their Chinese converted to `target`; and how many cues changed."""
    out, changed = [], 0
    for cue in cues:
        text = convert_script(cue.text, target)
        changed += text != cue.text
        out.append(
            Cue(
                cue.index,
                cue.start_ms,
                cue.end_ms,
                text,
                cue.raw if text == cue.text else text,
                cue.line,
                cue.style,
            )
        )
    return out, changed
