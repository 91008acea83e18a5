"""Write cues as SRT, WebVTT, ASS/SSA or TTML, in UTF-8 unless asked; convert Chinese script with OpenCC.

SRT and WebVTT are written here from each cue's markup as read (`tools.subtitles.styling`), so bold,
`<font color>`, `{\an8}`, voice and class spans and cue settings survive; ASS/SSA and TTML go through
pysubs2, starting from the document's own `SSAFile` so styles, script info and override tags survive. A
cue whose text was only re-broken keeps its markup with the new line breaks; a cue converted to another
script keeps it character for character; the parts of a split cue keep the tags around the whole cue.
What the target format cannot carry is collected in `Losses` and reported with the cues.
"""

from __future__ import annotations

import codecs
import copy
import html
import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pysubs2 import SSAEvent, SSAFile, SSAStyle

from core.errors import SubtitleError, UnsupportedFormat
from core.paths import atomic_write_bytes
from knowledge.subtitle_file import Cue, SubtitleDocument, format_timecode
from tools.subtitles.styling import (
    Losses,
    edge_tags,
    raw_to,
    reflow_raw,
    reflow_ssa,
    ssa_to_markup,
    vtt_settings_to_srt,
)
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
    return reflow_ssa(ssa_text, plain)


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
        source_cue = doc.cues[origin - 1] if 0 < origin <= len(doc.cues) else None
        if template is not None and source_cue is not None and source_cue.text == cue.text:
            markup = template.text  # untouched text: the event exactly as read
        elif template is not None:
            same = squash(template.plaintext) == squash(cue.text)
            markup = reflow_ssa(template.text, cue.text, substitute=not same)
            if markup is None:
                lead, trail, _ = edge_tags(template.text, _TOKEN)
                markup = lead + cue.text.replace("\n", "\\N") + trail
        event.text = markup if markup is not None else cue.text.replace("\n", "\\N")
        subs.events.append(event)
    return subs


def subtitle_text(
    doc: SubtitleDocument,
    cues: Sequence[Cue],
    fmt: OutputFormat,
    *,
    origins: Sequence[int] | None = None,
    losses: Losses | None = None,
) -> str:
    """The cues serialised in `fmt`; what `fmt` cannot carry is added to `losses`."""
    losses = losses if losses is not None else Losses()
    if fmt in ("srt", "vtt"):
        return _timed_text(doc, cues, fmt, origins, losses)
    _report_ssa_losses(doc, cues, fmt, origins, losses)
    subs = build_ssafile(doc, cues, origins)
    if fmt in ("ass", "ssa") and doc.extra_events:
        subs.events.extend(copy.copy(e) for e in doc.extra_events)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pysubs2 warns when it clamps times it cannot write
        text = subs.to_string(fmt)
    return text


def _origin(origins: Sequence[int] | None, position: int) -> int:
    return origins[position] if origins is not None else position + 1


def _timed_text(
    doc: SubtitleDocument,
    cues: Sequence[Cue],
    fmt: OutputFormat,
    origins: Sequence[int] | None,
    losses: Losses,
) -> str:
    """SRT or WebVTT, each cue from its source markup (see `tools.subtitles.styling`)."""
    blocks: list[str] = []
    if fmt == "vtt":
        blocks.append("WEBVTT" + ("\n\n" + doc.preamble if doc.format == "vtt" and doc.preamble else ""))
    used: set[int] = set()
    for number, cue in enumerate(cues, 1):
        origin = _origin(origins, number - 1)
        markup, settings = _cue_markup(doc, cue, origin, fmt, number, losses)
        start, end = format_timecode(max(cue.start_ms, 0)), format_timecode(max(cue.end_ms, 0))
        if fmt == "srt":
            blocks.append(f"{number}\n{start} --> {end}\n{markup}")
            continue
        template = doc.cues[origin - 1] if 0 < origin <= len(doc.cues) else None
        head = ""
        if template is not None and template.identifier and origin not in used:
            head = template.identifier + "\n"
        used.add(origin)
        timing = f"{start} --> {end}".replace(",", ".") + (f" {settings}" if settings else "")
        blocks.append(f"{head}{timing}\n{markup}")
    return "\n\n".join(blocks) + "\n\n"


def _cue_markup(
    doc: SubtitleDocument, cue: Cue, origin: int, fmt: OutputFormat, number: int, losses: Losses
) -> tuple[str, str]:
    """(markup, WebVTT settings) for one output cue."""
    escape = fmt == "vtt"
    if not 0 < origin <= len(doc.cues):
        text = html.escape(cue.text, quote=False) if escape else cue.text
        return _strip_blank(text), ""
    template = doc.cues[origin - 1]
    if doc.format in ("srt", "vtt", "subviewer"):
        source = "vtt" if doc.format == "vtt" else "srt"
        same = squash(template.text) == squash(cue.text)
        markup = template.raw if cue.text == template.text else None
        markup = markup or reflow_raw(template.raw, cue.text, substitute=not same)
        if markup is None:
            lead, trail, inner = edge_tags(template.raw)
            if inner:
                losses.add("inline styling inside a split or rewritten cue", number)
            body = html.escape(cue.text, quote=False) if source == "vtt" else cue.text
            markup = lead + body + trail
        markup, settings = raw_to(markup, source, fmt, number, losses)
        if source == "vtt" and fmt == "vtt":
            settings = template.settings
        elif source == "vtt":
            markup = vtt_settings_to_srt(template.settings, number, losses) + markup
        return _strip_blank(markup), settings
    event = doc.source.events[origin - 1]
    same = squash(event.plaintext) == squash(cue.text)
    ssa = event.text if cue.text == template.text else None
    ssa = ssa or reflow_ssa(event.text, cue.text, substitute=not same)
    if ssa is None:
        lead, trail, _ = edge_tags(event.text, _TOKEN)
        ssa = lead + cue.text.replace("\n", "\\N") + trail
    style = doc.source.styles.get(event.style)
    if style is not None and doc.format in ("ass", "ssa"):
        ssa = _style_tags(style, event.style, fmt, number, losses) + ssa
    markup, settings = ssa_to_markup(ssa, fmt, number, losses, escape=escape)
    return _strip_blank(markup), settings


def _style_tags(style: SSAStyle, name: str, fmt: OutputFormat, number: int, losses: Losses) -> str:
    """An ASS style's bold/italic/underline/strike-out and top placement as overrides SRT/VTT can carry;
    its font, size and colours are reported, once per style, as what the player's own replace."""
    tags = "".join(
        f"\\{tag}1" for tag, on in (("b", style.bold), ("i", style.italic), ("u", style.underline),
                                       ("s", style.strikeout)) if on
    )  # fmt: skip
    alignment = int(getattr(style.alignment, "value", style.alignment))
    if alignment >= 7:
        tags += f"\\an{alignment}"
    losses.add(f"ASS style {name!r} font, size and colours", number)
    return "{" + tags + "}" if tags else ""


def _strip_blank(text: str) -> str:
    lines = [line for line in text.split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines) if lines else ""


_CARRIED_BY_SSA = {"i", "b", "u", "s", "font"}


def _report_ssa_losses(
    doc: SubtitleDocument,
    cues: Sequence[Cue],
    fmt: OutputFormat,
    origins: Sequence[int] | None,
    losses: Losses,
) -> None:
    """What SRT/WebVTT markup an ASS/SSA or TTML file cannot carry; and for TTML, ASS overrides."""
    for number, _cue in enumerate(cues, 1):
        origin = _origin(origins, number - 1)
        if not 0 < origin <= len(doc.cues):
            continue
        template = doc.cues[origin - 1]
        if doc.format in ("srt", "vtt"):
            for tag in re.findall(r"<\s*([a-zA-Z]+|\d)", template.raw):
                tag = tag.lower()
                if tag not in _CARRIED_BY_SSA or (fmt == "ttml" and tag not in ("i", "b")):
                    losses.add(f"<{tag}> markup", number)
            if template.settings:
                losses.add("WebVTT cue settings", number)
        if fmt == "ttml":
            event = doc.source.events[origin - 1]
            for name in re.findall(r"\\(\d?[a-zA-Z]+)", "".join(re.findall(r"\{[^}]*\}", event.text))):
                if name not in ("i", "b"):
                    losses.add(f"ASS override \\{name}", number)


def write_subtitles(
    doc: SubtitleDocument,
    cues: Sequence[Cue],
    path: str | Path,
    *,
    fmt: str | None = None,
    encoding: str = "utf-8",
    origins: Sequence[int] | None = None,
    losses: Losses | None = None,
) -> Path:
    """Write `cues` to `path` atomically (all or nothing) in the format its extension names; styling
    the format cannot carry is added to `losses`.

    Raises:
        UnsupportedFormat: the output format is not one Slate writes.
        SubtitleError: `encoding` is unknown, or cannot hold a character (the error names the cue).
    """
    out = Path(path)
    chosen = output_format(out, fmt)
    codec = python_encoding(encoding)
    text = subtitle_text(doc, cues, chosen, origins=origins, losses=losses)
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
