"""Inline styling through read → fix/shift/convert → write: keep it exactly, translate it between SRT,
WebVTT and ASS where the target has the same thing, and name what the target cannot carry.

SRT and WebVTT cues are written from the markup as the file had it (`Cue.raw`), re-flowed to the new
line breaks: bold, italics, underline, strike-through, `<font color>`, `{\\an8}`, WebVTT voice and class
spans, ruby and cue settings come back as they were. ASS events keep their override tags through pysubs2.
Across formats:

| source → target | kept | dropped (reported, with the cues) |
|---|---|---|
| SRT → WebVTT | b i u, `{\\an7-9}` as `line:0` | `<s>`, `<font>`, other positions |
| WebVTT → SRT | b i u | voice `<v>`, class `<c>`, `<lang>`, ruby, karaoke timestamps, cue settings |
| ASS → SRT | \\b \\i \\u \\s, \\c as `<font color>`, \\an | \\pos \\move \\fad \\fs \\fn and other overrides |
| ASS → WebVTT | \\b \\i \\u, \\an7-9 as `line:0` | \\s, \\c and the other overrides |
| SRT/WebVTT → ASS | b i u s, font colour, \\an | voice and class spans, ruby, cue settings |
| any → TTML | italics, bold | everything else (pysubs2's TTML writer) |
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass, field

_RAW_TOKEN = re.compile(
    r"(<rt>.*?</rt>|<[^<>]*>|\{\\[^}]*\}|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)", re.S | re.I
)
_SSA_TOKEN = re.compile(r"(\{[^}]*\}|\\N|\\n|\\h)")
_SSA_TAG = re.compile(r"\\(\d?[a-zA-Z]+)([^\\]*)")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z]+|\d)")


@dataclass
class Losses:
    """What a write dropped, by kind, with the 1-based output cue numbers."""

    cues: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, kind: str, cue: int) -> None:
        if not self.cues[kind] or self.cues[kind][-1] != cue:
            self.cues[kind].append(cue)

    def lines(self) -> list[str]:
        out = []
        for kind, cues in self.cues.items():
            shown = ", ".join(map(str, cues[:20])) + (f" and {len(cues) - 20} more" if len(cues) > 20 else "")
            out.append(f"{kind}: cue{'s' if len(cues) > 1 else ''} {shown}")
        return out


# --- re-flowing markup -------------------------------------------------------------------------------


def reflow(markup: str, plain: str, token: re.Pattern[str], *, substitute: bool = False) -> str | None:
    """`markup` (tags and entities kept) with its visible characters laid out like `plain`: whitespace
    and line breaks from `plain`, every tag from `markup`. None when the visible text differs (with
    `substitute`, differing characters are taken from `plain` when the counts agree: a script change)."""
    out: list[str] = []
    j = 0
    for piece in token.split(markup):
        if not piece:
            continue
        if token.fullmatch(piece):
            if piece in ("\\N", "\\n"):
                continue
            if piece.startswith("&"):
                decoded = html.unescape(piece)
                if decoded.strip() and len(decoded) == 1:
                    j = _place(out, plain, j, decoded, piece, substitute)
                    if j < 0:
                        return None
                    continue
                if not decoded.strip():
                    continue
            if piece == "\\h":
                continue
            out.append(piece)
            continue
        for ch in piece:
            if ch.isspace():
                # whitespace stays where the markup had it (before or after a tag), if plain has it here
                if j < len(plain) and plain[j].isspace() and out:
                    run = []
                    while j < len(plain) and plain[j].isspace():
                        run.append(plain[j])
                        j += 1
                    out.append("\n" if "\n" in run else " ")
                continue
            j = _place(out, plain, j, ch, ch, substitute)
            if j < 0:
                return None
    if plain[j:].strip():
        return None
    return "".join(out)


def _place(out: list[str], plain: str, j: int, ch: str, written: str, substitute: bool) -> int:
    pending = []
    while j < len(plain) and plain[j].isspace():
        pending.append(plain[j])
        j += 1
    if j >= len(plain):
        return -1
    if plain[j] != ch:
        if not substitute:
            return -1
        written = plain[j]
    if out and pending:
        out.append("\n" if "\n" in pending else " ")
    out.append(written)
    return j + 1


def reflow_raw(raw: str, plain: str, *, substitute: bool = False) -> str | None:
    """SRT/WebVTT cue markup re-flowed like `plain`."""
    return reflow(raw, plain, _RAW_TOKEN, substitute=substitute)


def reflow_ssa(ssa_text: str, plain: str, *, substitute: bool = False) -> str | None:
    """ASS event text (override tags) re-flowed like `plain`, line breaks as `\\N`."""
    out = reflow(ssa_text, plain, _SSA_TOKEN, substitute=substitute)
    return None if out is None else out.replace("\n", "\\N")


def edge_tags(markup: str, token: re.Pattern[str] = _RAW_TOKEN) -> tuple[str, str, bool]:
    """(tags before the first visible character, tags after the last, whether any tag is in between):
    what a part of a split cue can keep."""
    pieces = [p for p in token.split(markup) if p]
    visible = [i for i, p in enumerate(pieces) if not token.fullmatch(p) and p.strip()]
    if not visible:
        return "", "", False
    first, last = visible[0], visible[-1]
    lead = "".join(p for p in pieces[:first] if token.fullmatch(p))
    trail = "".join(p for p in pieces[last + 1 :] if token.fullmatch(p))
    inner = any(token.fullmatch(p) and not p.startswith("&") for p in pieces[first:last])
    return lead, trail, inner


# --- between SRT and WebVTT --------------------------------------------------------------------------

_SRT_OK = {"i", "b", "u", "s", "font"}
_VTT_OK = {"i", "b", "u", "c", "v", "lang", "ruby", "rt"}
_VTT_KIND = {
    "v": "WebVTT voice spans <v>",
    "c": "WebVTT class spans <c>",
    "lang": "WebVTT language spans <lang>",
    "ruby": "WebVTT ruby",
    "rt": "WebVTT ruby",
}
_AN_TO_VTT = {
    "7": "line:0 align:start",
    "8": "line:0",
    "9": "line:0 align:end",
    "4": "line:50% align:start",
    "5": "line:50%",
    "6": "line:50% align:end",
    "1": "align:start",
    "2": "",
    "3": "align:end",
}


def raw_to(raw: str, source: str, target: str, cue: int, losses: Losses) -> tuple[str, str]:
    """SRT/WebVTT markup for the `target` dialect, and WebVTT cue settings that replace SRT positions."""
    if source == target:
        return raw, ""
    settings = ""
    out: list[str] = []
    for piece in _RAW_TOKEN.split(raw):
        if not piece:
            continue
        if not _RAW_TOKEN.fullmatch(piece):
            out.append(html.escape(piece, quote=False) if target == "vtt" else piece)
            continue
        if piece.startswith("&"):
            out.append(html.unescape(piece) if target == "srt" else piece)  # SRT has no entities
            continue
        if piece.startswith("{"):
            position = re.fullmatch(r"\{\\an([1-9])\}", piece)
            if target == "vtt" and position:
                settings = _AN_TO_VTT[position.group(1)]
            elif target == "vtt":
                losses.add(f"SRT position codes {piece}", cue)
            else:
                out.append(piece)
            continue
        if piece.lower().startswith("<rt>"):
            losses.add("WebVTT ruby", cue)
            continue
        name = _TAG_NAME.match(piece)
        tag = name.group(2).lower() if name else ""
        allowed = _VTT_OK if target == "vtt" else _SRT_OK
        if tag in allowed:
            out.append(piece)
        elif target == "vtt":
            losses.add("strike-through <s>" if tag == "s" else f"SRT <{tag}> tags (font colour)", cue)
        else:
            losses.add(
                _VTT_KIND.get(tag, "WebVTT karaoke timestamps" if tag.isdigit() else f"<{tag}> tags"), cue
            )
    return "".join(out), settings


def vtt_settings_to_srt(settings: str, cue: int, losses: Losses) -> str:
    """`{\\an8}` for a top cue (`line:0`), and a report for settings SRT has no way to say."""
    if not settings:
        return ""
    line = re.search(r"(?:^|\s)line:(-?\d+(?:\.\d+)?)(%?)", settings)
    top = bool(line) and (float(line.group(1)) < 50 if line.group(2) else 0 <= float(line.group(1)) < 4)  # type: ignore[union-attr]
    rest = [s for s in settings.split() if not (top and s.startswith("line:"))]
    if rest:
        losses.add("WebVTT cue settings (" + " ".join(sorted({s.split(":")[0] for s in rest})) + ")", cue)
    return "{\\an8}" if top else ""


# --- from ASS override tags -----------------------------------------------------------------------


def ssa_to_markup(text: str, target: str, cue: int, losses: Losses, *, escape: bool) -> tuple[str, str]:
    """ASS event text as SRT or WebVTT markup, and WebVTT settings for `\\an`; unknown overrides are
    dropped and reported."""
    out: list[str] = []
    settings = ""
    open_tags: list[str] = []
    for piece in _SSA_TOKEN.split(text):
        if not piece:
            continue
        if piece in ("\\N", "\\n"):
            out.append("\n")
        elif piece == "\\h":
            out.append(" ")
        elif piece.startswith("{"):
            for name, value in _SSA_TAG.findall(piece[1:-1]):
                settings = _ssa_tag(name, value.strip(), target, cue, losses, out, open_tags) or settings
        else:
            out.append(html.escape(piece, quote=False) if escape else piece)
    out.extend(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(out), settings


def _ssa_tag(
    name: str, value: str, target: str, cue: int, losses: Losses, out: list[str], open_tags: list[str]
) -> str | None:
    simple = {"i": "i", "b": "b", "u": "u", "s": "s"}
    if name in simple and (target == "srt" or name != "s"):
        tag = simple[name]
        on = value not in ("0", "")
        if name == "b" and value.isdigit() and int(value) >= 100:
            on = int(value) >= 600
        if on and tag not in open_tags:
            out.append(f"<{tag}>")
            open_tags.append(tag)
        elif not on and tag in open_tags:
            out.append(f"</{tag}>")
            open_tags.remove(tag)
        return None
    if name in ("c", "1c") and target == "srt":
        colour = re.fullmatch(r"&H([0-9A-Fa-f]{2})?([0-9A-Fa-f]{2})([0-9A-Fa-f]{2})([0-9A-Fa-f]{2})&?", value)
        if "font" in open_tags:
            out.append("</font>")
            open_tags.remove("font")
        if colour:
            blue, green, red = colour.group(2), colour.group(3), colour.group(4)
            out.append(f'<font color="#{red}{green}{blue}">'.lower())
            open_tags.append("font")
        return None
    if name == "an" and value in _AN_TO_VTT:
        if target == "srt":
            out.insert(0, "{\\an" + value + "}")
            return None
        return _AN_TO_VTT[value]
    if name == "r" or (name in ("c", "1c") and not value):
        return None  # reset to the style: nothing to carry
    losses.add(f"ASS override \\{name}", cue)
    return None
