"""Read other parsers' expected outputs (Jouvence YAML, screenplay-tools dumps, screenplain HTML)
into one comparable shape: a list of (type, text) pairs.

The comparison is on element types and text, not on blank-line bookkeeping: texts are
whitespace-squeezed, consecutive action paragraphs are merged (Jouvence and screenplay-tools merge
them; we keep one element per paragraph), empty action elements (Jouvence's record of extra blank
lines) are dropped, and emphasis markup is compared as written (Jouvence keeps it) or stripped
(screenplain renders it as HTML).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

from knowledge.fountain import strip_emphasis
from knowledge.scenes import normalise_character
from knowledge.screenplay import Element

Pair = tuple[str, str]

JOUVENCE_CODES = {
    ".": "scene_heading",
    "!": "action",
    "@": "character",
    "=": "dialogue",
    "_": "parenthetical",
    ">": "transition",
    "~": "lyrics",
    "#": "section",
    "+": "synopsis",
}


def squeeze(text: str) -> str:
    return " ".join(text.split())


def comparable(
    elements: Iterable[Element],
    *,
    plain: bool = False,
    keep: frozenset[str] | None = None,
    cue_names: bool = False,
    bare_parentheticals: bool = False,
) -> list[Pair]:
    """Our elements in the comparable shape (see the module docstring)."""
    out: list[Pair] = []
    for element in elements:
        if keep is not None and element.type not in keep:
            continue
        text = strip_emphasis(element.text) if plain else element.text
        if element.type == "character" and cue_names:
            text = element.character or text
        if element.type == "parenthetical" and bare_parentheticals:
            text = text.strip().lstrip("(（").rstrip(")）")
        pair = (element.type, squeeze(text))
        out.append(pair)
    return merge_actions(out)


def merge_actions(pairs: Iterable[Pair]) -> list[Pair]:
    out: list[Pair] = []
    for kind, text in pairs:
        if kind == "action" and not text:
            continue
        if kind == "action" and out and out[-1][0] == "action":
            out[-1] = ("action", squeeze(out[-1][1] + " " + text))
        else:
            out.append((kind, text))
    return out


# --- Jouvence -----------------------------------------------------------------------------------


@dataclass
class JouvenceCase:
    file: str
    index: int
    source: str
    expected: list[Pair]
    title: dict[str, str] | None

    @property
    def id(self) -> str:
        return f"{self.file.removesuffix('.yaml')}#{self.index}"


def jouvence_cases(folder: Path) -> list[JouvenceCase]:
    cases = []
    for path in sorted(folder.glob("*.yaml")):
        for index, doc in enumerate(yaml.safe_load_all(path.read_text(encoding="utf-8"))):
            if not doc:
                continue
            expected: list[Pair] = []
            for item in doc.get("out") or []:
                if item == "<pagebreak>":
                    expected.append(("page_break", ""))
                elif item.startswith("!><"):
                    expected.append(("centered", squeeze(item[3:])))
                else:
                    expected.append((JOUVENCE_CODES[item[0]], squeeze(item[1:])))
            title = doc.get("title")
            cases.append(
                JouvenceCase(
                    file=path.name,
                    index=index,
                    source=doc.get("in") or "",
                    expected=merge_actions(expected),
                    title={str(k): str(v) for k, v in title.items()} if isinstance(title, dict) else None,
                )
            )
    return cases


# --- screenplay-tools dumps ---------------------------------------------------------------------

_DUMP_ENTRY = re.compile(
    r'^(?P<pre>\[\[\d+\]\]|/\*\d+\*/)?(?P<type>[A-Z]+):"(?P<text>(?<=TITLEENTRY:")[^"\n]*|.*?)"(?P<extra>.*?)'
    r'(?=\n(?:\[\[\d+\]\]|/\*\d+\*/)?[A-Z]+:"|\Z)',
    re.MULTILINE | re.DOTALL,
)
DUMP_TYPES = {
    "HEADING": "scene_heading",
    "ACTION": "action",
    "CHARACTER": "character",
    "DIALOGUE": "dialogue",
    "PARENTHETICAL": "parenthetical",
    "TRANSITION": "transition",
    "LYRIC": "lyrics",
    "SECTION": "section",
    "SYNOPSIS": "synopsis",
    "PAGEBREAK": "page_break",
    "NOTE": "note",
}


@dataclass
class DumpCase:
    name: str
    elements: list[Pair] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    title: dict[str, str] = field(default_factory=dict)
    scene_numbers: list[str | None] = field(default_factory=list)


def read_dump(path: Path) -> DumpCase:
    text = path.read_text(encoding="utf-8")
    case = DumpCase(name=path.stem)
    pairs: list[Pair] = []
    for match in _DUMP_ENTRY.finditer(text):
        kind, body, extra = match.group("type"), match.group("text"), match.group("extra")
        if kind == "TITLEENTRY":
            value = re.match(r':"(.*)"\s*$', extra, re.DOTALL)
            case.title[body.strip().lower()] = squeeze(value.group(1)) if value else ""
            continue
        if kind == "BONEYARD":
            continue
        if kind == "NOTE":
            case.notes.append(squeeze(body))
            continue
        body = re.sub(r"\[\[\d+\]\]|/\*\d+\*/", "", body)
        mapped = DUMP_TYPES[kind]
        if kind == "ACTION" and "(centered)" in extra:
            mapped = "centered"
        if kind == "CHARACTER":
            body = normalise_character(body)
        if kind == "HEADING":
            number = re.search(r"\(([^)]*)\)", extra)
            case.scene_numbers.append(number.group(1) if number else None)
        pairs.append((mapped, squeeze(body)))
    case.elements = merge_actions(pairs)
    return case


# --- screenplain HTML ---------------------------------------------------------------------------


class _ScreenplainHTML(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pairs: list[Pair] = []
        self.stack: list[tuple[str, str]] = []
        self.current: list[str] | None = None
        self.kind: str | None = None
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        cls = dict(attrs).get("class") or ""
        self.stack.append((tag, cls))
        if tag == "span" and cls.startswith("scnum"):
            self.skip += 1
            return
        if tag == "br" and self.current is not None:
            self.current.append("\n")
            return
        in_dialog = any(c in ("dialog", "left", "right") for _, c in self.stack[:-1])
        kind = None
        if tag == "h6":
            kind = "scene_heading"
        elif tag in ("h1", "h2", "h3", "h4", "h5"):
            kind = "section"
        elif tag == "span" and cls.endswith("-synopsis"):
            kind = "synopsis"
        elif tag == "div" and cls == "transition":
            kind = "transition"
        elif tag == "div" and cls == "centered":
            kind = "centered"
        elif tag == "p" and cls == "character":
            kind = "character"
        elif tag == "p" and cls == "parenthetical":
            kind = "parenthetical"
        elif tag == "p" and in_dialog:
            kind = "dialogue"
        elif tag == "p" and any("centered" in c.split() for _, c in self.stack[:-1]):
            kind = "centered"
        elif tag == "p" and any("action" in c.split() for _, c in self.stack[:-1]):
            kind = "action"
        if kind is not None:
            self.kind, self.current = kind, []

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, cls = self.stack.pop()
            if open_tag == "span" and cls.startswith("scnum"):
                self.skip -= 1
            if open_tag == tag:
                break
        if self.current is not None and tag in ("h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span"):
            if tag == "span" and self.kind != "synopsis":
                return
            text = squeeze(html.unescape("".join(self.current)).replace("\xa0", " "))
            kind = self.kind or "action"
            if kind == "dialogue" and self.pairs and self.pairs[-1][0] == "dialogue":
                self.pairs[-1] = ("dialogue", squeeze(self.pairs[-1][1] + " " + text))
            else:
                self.pairs.append((kind, text))
            self.current, self.kind = None, None

    def handle_data(self, data: str) -> None:
        if self.current is not None and not self.skip:
            self.current.append(data.replace("\n", " ") if self.kind != "action" else data)


def read_screenplain_html(path: Path) -> list[Pair]:
    parser = _ScreenplainHTML()
    parser.feed(path.read_text(encoding="utf-8"))
    return merge_actions(parser.pairs)
