"""Final Draft `.fdx` (also written by Fade In, WriterSolo, Highland, screenplain).

The file is XML: `<Content>` holds `<Paragraph Type="...">` elements with `<Text>` runs. Scene
headings carry the scene `Number` and, when the writing program computed them, a
`<SceneProperties Length="1 3/8" Page="4">`, which we take over the line model. Dual dialogue is a
`<DualDialogue>` group inside a paragraph; script notes (`<ScriptNote>`) and scene summaries
(`<SceneProperties><Summary>`) become note and synopsis elements.

An FDX has no source lines; an element's `line` is the paragraph's ordinal in `<Content>`, and the
"source lines" quoted for citations are the paragraphs' texts in that order.

Security: parsed through defusedxml (`knowledge.limits.parse_xml_safely`), which refuses a DTD or
entity declarations in the decoded document whatever its encoding (UTF-16 included), plus size and
depth limits.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import EmptyInput, InputFileError, ParseError
from knowledge.limits import parse_xml_safely
from knowledge.scenes import build_scenes, paginate, parse_cue
from knowledge.screenplay import Element, ElementType, Screenplay

PARAGRAPH_TYPES: dict[str, ElementType] = {
    "scene heading": "scene_heading",
    "action": "action",
    "general": "action",
    "shot": "action",
    "character": "character",
    "parenthetical": "parenthetical",
    "dialogue": "dialogue",
    "transition": "transition",
    "lyrics": "lyrics",
    "singing": "lyrics",
    "cast list": "note",  # Final Draft's generated cast list is not part of any scene
    "new act": "section",
    "end of act": "section",
    "outline 1": "section",
    "outline 2": "section",
    "outline 3": "section",
    "outline 4": "section",
    "outline body": "synopsis",
}
_SPEECH: frozenset[ElementType] = frozenset({"dialogue", "parenthetical", "lyrics"})
_LENGTH = re.compile(
    r"^\s*(?:(?P<whole>\d{1,6})\s*)?(?:(?P<num>\d{1,6})\s*/\s*8)?\s*$"
)  # bounded: huge ints raise


def length_to_eighths(text: str | None) -> int | None:
    """`1 3/8` → 11, `3/8` → 3, `2` → 16; None for anything else."""
    if not text:
        return None
    match = _LENGTH.match(text)
    if not match or not (match.group("whole") or match.group("num")):
        return None
    return int(match.group("whole") or 0) * 8 + int(match.group("num") or 0)


def _text(paragraph: ET.Element) -> str:
    """The paragraph's own text runs (not those of notes or scene summaries inside it)."""
    runs = [run.text or "" for run in paragraph.findall("Text")]
    return "\n".join(
        line.rstrip() for line in "".join(runs).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    )


def _nested_text(node: ET.Element) -> str:
    return "\n".join(_text(p) for p in node.iter("Paragraph") if _text(p).strip()).strip()


def _parse_xml(data: bytes, file: Path) -> ET.Element:
    root: ET.Element = parse_xml_safely(data, file)
    if root.tag != "FinalDraft":
        raise ParseError(
            "Not a Final Draft file (the root element is not <FinalDraft>)", file=file, value=root.tag
        )
    return root


def _title_page(root: ET.Element) -> dict[str, str]:
    """Key/value pairs guessed from the title page's paragraphs: the first centred text is the
    title, a `Written by` line the credit and the text after it the author; the rest is contact."""
    title_page = root.find("TitlePage")
    if title_page is None:
        return {}
    content = title_page.find("Content")
    paragraphs = content.findall("Paragraph") if content is not None else []
    texts = [(p.get("Alignment") or "Left", _text(p).strip()) for p in paragraphs]
    texts = [(align, text) for align, text in texts if text]
    out: dict[str, list[str]] = {}
    expect_author = False
    for align, text in texts:
        if "title" not in out and align == "Center":
            out["title"] = [text]
        elif re.fullmatch(r"(?i)(written|screenplay|story|teleplay)?\s*by|編劇|编剧|作者", text):
            out.setdefault("credit", []).append(text)
            expect_author = True
        elif expect_author:
            out.setdefault("author", []).append(text)
            expect_author = False
        else:
            out.setdefault("contact" if align != "Center" else "notes", []).append(text)
    return {key: "\n".join(values) for key, values in out.items()}


@dataclass(frozen=True, slots=True)
class FdxTagCategory:
    """A breakdown category of Final Draft's Tagging (`<TagCategory Name="Props" Color=...>`)."""

    id: str
    name: str
    number: int | None
    color: str | None  # as `#RRGGBB`, from Final Draft's 16-bit-per-channel `#RRRRGGGGBBBB`


@dataclass(frozen=True, slots=True)
class FdxTag:
    """A tagged run of text: the element it names, its category, and the paragraph it sits in."""

    label: str
    category: str
    line: int  # the paragraph ordinal, as `Element.line`
    text: str  # the tagged run as written


@dataclass(slots=True)
class FdxTagData:
    """Final Draft's breakdown tags: the file's categories and every tagged run of text."""

    categories: list[FdxTagCategory] = field(default_factory=list)
    tags: list[FdxTag] = field(default_factory=list)


class _Reader:
    def __init__(self) -> None:
        self.elements: list[Element] = []
        self.source_lines: list[str] = []
        self.speaker: str | None = None
        self.tagged: list[tuple[int, str, str]] = []  # (paragraph ordinal, TagNumber, run text)

    def add(self, kind: ElementType, text: str, **extra: object) -> Element:
        self.source_lines.append(text.replace("\n", " "))
        ordinal = len(self.source_lines)
        element = Element(type=kind, text=text, line=ordinal, end_line=ordinal)
        for key, value in extra.items():
            setattr(element, key, value)
        self.elements.append(element)
        return element

    def paragraph(self, node: ET.Element, dual: str | None = None) -> None:
        group = node.find("DualDialogue")
        if group is not None:
            side = "left"
            seen_cue = False
            for inner in group.findall("Paragraph"):
                if (inner.get("Type") or "").lower() == "character":
                    side = "right" if seen_cue else "left"
                    seen_cue = True
                self.paragraph(inner, dual=side)
            return
        kind = PARAGRAPH_TYPES.get((node.get("Type") or "action").strip().lower(), "action")
        if kind == "action" and node.get("Alignment") == "Center":
            kind = "centered"
        text = _text(node)
        if node.get("StartsNewPage") == "Yes" and self.elements:
            self.add("page_break", "")
        if not text.strip() and kind != "scene_heading":
            return
        if kind == "character":
            name, extension = parse_cue(text)
            self.speaker = name
            self.add("character", text.strip(), character=name, extension=extension, dual=dual)
        elif kind == "dialogue" and self.elements and self.elements[-1].type == "dialogue" and self.speaker:
            # One speech written as several Dialogue paragraphs (screenplain does): one element.
            previous = self.elements[-1]
            previous.text += "\n" + text.strip()
            self.source_lines.append(text.replace("\n", " "))
            previous.end_line = len(self.source_lines)
        elif kind in _SPEECH:
            self.add(kind, text.strip(), character=self.speaker, dual=dual)
        elif kind == "scene_heading":
            properties = node.find("SceneProperties")
            self.add(
                "scene_heading",
                text.strip(),
                scene_number=node.get("Number") or None,
                length_eighths=length_to_eighths(properties.get("Length"))
                if properties is not None
                else None,
                page_label=(properties.get("Page") or None) if properties is not None else None,
            )
            summary = properties.find("Summary") if properties is not None else None
            if summary is not None and _nested_text(summary):
                self.add("synopsis", _nested_text(summary))
        else:
            self.add(kind, text.strip("\n"))
        if kind not in _SPEECH and kind != "character":
            self.speaker = None
        for run in node.findall("Text"):
            if run.get("TagNumber") and (run.text or "").strip() and self.source_lines:
                self.tagged.append((len(self.source_lines), run.get("TagNumber") or "", run.text or ""))
        for note in node.findall("ScriptNote"):
            if _nested_text(note):
                self.add("note", _nested_text(note))


def fdx_elements(
    data: bytes, *, file: str | Path = "<fdx>"
) -> tuple[dict[str, str], list[Element], list[str]]:
    """(title page, elements, paragraph texts) from FDX bytes."""
    root = _parse_xml(data, Path(file))
    content = root.find("Content")
    if content is None:
        raise ParseError("The FDX file has no <Content>", file=file)
    reader = _Reader()
    for node in content.findall("Paragraph"):
        reader.paragraph(node)
    return _title_page(root), reader.elements, reader.source_lines


def _colour(value: str | None) -> str | None:
    """Final Draft writes colours with 16 bits a channel (`#FFFFA5A50000`); keep the high bytes."""
    if not value or not re.fullmatch(r"#[0-9A-Fa-f]{12}", value):
        return value if value and re.fullmatch(r"#[0-9A-Fa-f]{6}", value) else None
    return "#" + value[1:3] + value[5:7] + value[9:11]


def fdx_tag_data(data: bytes, *, file: str | Path = "<fdx>") -> FdxTagData:
    """The breakdown tags of FDX bytes: `<TagData>`'s categories and definitions, and the tagged
    `<Text TagNumber=...>` runs of the script (located by paragraph ordinal, as the elements are)."""
    root = _parse_xml(data, Path(file))
    out = FdxTagData()
    tag_data = root.find("TagData")
    if tag_data is None:
        return out
    by_id: dict[str, str] = {}
    for node in tag_data.iter("TagCategory"):
        number = node.get("Number")
        category = FdxTagCategory(
            id=node.get("Id") or "",
            name=(node.get("Name") or "").strip(),
            number=int(number) if number and number.isdigit() else None,
            color=_colour(node.get("Color")),
        )
        out.categories.append(category)
        by_id[category.id] = category.name
    definitions: dict[str, tuple[str, str]] = {}
    for node in tag_data.iter("TagDefinition"):
        definitions[node.get("Id") or ""] = (by_id.get(node.get("CatId") or "", ""), node.get("Label") or "")
    numbers: dict[str, tuple[str, str]] = {}
    for node in tag_data.iter("Tag"):
        def_id = (node.findtext("DefId") or "").strip()
        if def_id in definitions:
            numbers[node.get("Number") or ""] = definitions[def_id]
    content = root.find("Content")
    if content is None:
        return out
    reader = _Reader()
    for paragraph in content.findall("Paragraph"):
        reader.paragraph(paragraph)
    for line, number, text in reader.tagged:
        if number in numbers:
            category_name, label = numbers[number]
            out.tags.append(FdxTag(label=label or text.strip(), category=category_name, line=line, text=text))
    return out


def read_fdx(path: str | Path) -> Screenplay:
    """A `Screenplay` from a Final Draft file (scene lengths and pages from the file when present)."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputFileError(f"Cannot read the file: {exc.strerror}", file=file) from None
    if not data.strip():
        raise EmptyInput("The file is empty", file=file)
    declared = re.search(rb"""<\?xml[^>]*encoding=["']([\w.\-]+)["']""", data[:200])
    title_page, elements, source_lines = fdx_elements(data, file=file)
    pages = paginate(elements)
    scenes = build_scenes(elements, file=file.name, title_page=title_page, source_lines=source_lines)
    pages = max([pages, *(s.page_end for s in scenes)])
    return Screenplay(
        file=str(file),
        format="fdx",
        encoding=declared.group(1).decode("ascii").lower() if declared else "utf-8",
        title_page=title_page,
        elements=elements,
        scenes=scenes,
        pages=pages,
    )
