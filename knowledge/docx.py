"""Screenplays written in Word (`.docx`), through python-docx.

Two kinds of document:
- Styled: Final Draft, Fade In, Celtx and Word screenplay templates give each paragraph a style
  named for its element ("Scene Heading", "Action", "Character", "Dialogue", "Parenthetical",
  "Transition", "Shot", "General"; also Chinese names such as 場景/角色/對白). When at least two
  such styles are in use, each paragraph's style decides its element.
- Plain: everything else. The paragraphs become text lines (left indent and alignment turned into
  leading spaces at 10 characters an inch) and go through the plain-text reader
  (`knowledge.plaintext.layout_elements`), which also knows the `角色：對白` form.

`Element.line` counts the document's text lines: one per paragraph, plus one per soft line break.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from core.errors import EmptyInput, InputFileError, ParseError
from knowledge.limits import check_zip
from knowledge.plaintext import TextLine, layout_elements
from knowledge.scenes import build_scenes, paginate, parse_cue
from knowledge.screenplay import Element, ElementType, Screenplay

STYLE_TO_TYPE: dict[str, ElementType] = {
    "scene heading": "scene_heading",
    "sceneheading": "scene_heading",
    "slugline": "scene_heading",
    "場景": "scene_heading",
    "场景": "scene_heading",
    "action": "action",
    "general": "action",
    "shot": "action",
    "動作": "action",
    "动作": "action",
    "character": "character",
    "角色": "character",
    "人物": "character",
    "dialogue": "dialogue",
    "dialog": "dialogue",
    "對白": "dialogue",
    "对白": "dialogue",
    "parenthetical": "parenthetical",
    "括號": "parenthetical",
    "括号": "parenthetical",
    "transition": "transition",
    "轉場": "transition",
    "转场": "transition",
    "lyrics": "lyrics",
}
_EMU_PER_COLUMN = 91440  # a tenth of an inch: one Courier 12 pt character


def _open(file: Path) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        data_size = file.stat().st_size
    except OSError as exc:
        raise InputFileError(f"Cannot read the file: {exc.strerror}", file=file) from None
    if data_size == 0:
        raise EmptyInput("The file is empty", file=file)
    check_zip(file)
    try:
        return docx.Document(str(file))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise ParseError(
            "Not a readable Word document",
            file=file,
            hint="Save it from Word as .docx (not .doc) and try again",
        ) from None
    except Exception:  # python-docx and lxml raise many kinds on damaged files
        raise ParseError("The Word document is damaged", file=file) from None


def _style_type(paragraph: Any) -> ElementType | None:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    return STYLE_TO_TYPE.get(name.strip().lower())


def _lines_of(paragraph: Any) -> list[str]:
    """The paragraph's text split at soft line breaks, indentation and alignment as spaces."""
    text = paragraph.text.replace("\r", "\n").replace("\x0b", "\n")
    fmt = paragraph.paragraph_format
    indent = 0
    if fmt.left_indent is not None and fmt.left_indent > 0:
        indent = round(fmt.left_indent / _EMU_PER_COLUMN)
    alignment = str(paragraph.alignment or "").upper()
    out = []
    for part in text.split("\n"):
        part = part.expandtabs(4).rstrip()
        stripped = part.strip()
        if stripped and "RIGHT" in alignment:
            part = " " * max(indent, 60 - len(stripped)) + stripped
        elif stripped and "CENTER" in alignment:
            part = " " * max(indent, (60 - len(stripped)) // 2) + stripped
        elif stripped:
            part = " " * indent + part
        out.append(part)
    return out


def docx_lines(path: str | Path) -> list[str]:
    """The document's text lines (one per paragraph and soft line break), for quick checks."""
    document = _open(Path(path))
    return [line for paragraph in document.paragraphs for line in _lines_of(paragraph)]


def _styled_elements(paragraphs: list[Any]) -> tuple[list[Element], list[str]]:
    elements: list[Element] = []
    source: list[str] = []
    speaker: str | None = None
    for paragraph in paragraphs:
        kind = _style_type(paragraph) or "action"
        lines = _lines_of(paragraph)
        first = len(source) + 1
        source.extend(lines)
        text = "\n".join(line.strip() for line in lines).strip()
        if not text:
            continue
        last = len(source)
        if kind == "character":
            name, extension = parse_cue(text)
            speaker = name
            elements.append(Element("character", text, first, last, character=name, extension=extension))
            continue
        if kind in ("dialogue", "parenthetical", "lyrics"):
            previous = elements[-1] if elements else None
            if kind == "dialogue" and previous is not None and previous.type == "dialogue":
                previous.text += "\n" + text
                previous.end_line = last
            else:
                elements.append(Element(kind, text, first, last, character=speaker))
            continue
        speaker = None
        elements.append(Element(kind, text, first, last))
    return elements, source


def read_docx(path: str | Path) -> Screenplay:
    """A `Screenplay` from a Word document (see the module docstring)."""
    file = Path(path)
    document = _open(file)
    paragraphs = list(document.paragraphs)
    styled = {_style_type(p) for p in paragraphs if p.text.strip()} - {None}
    if len(styled) >= 2 and "scene_heading" in styled:
        elements, source = _styled_elements(paragraphs)
    else:
        source = [line for paragraph in paragraphs for line in _lines_of(paragraph)]
        elements = layout_elements([TextLine(n, text) for n, text in enumerate(source, start=1)])
    title = (document.core_properties.title or "").strip()
    title_page = {"title": title} if title else {}
    pages = paginate(elements)
    scenes = build_scenes(elements, file=file.name, title_page=title_page, source_lines=source)
    return Screenplay(
        file=str(file),
        format="docx",
        encoding=None,
        title_page=title_page,
        elements=elements,
        scenes=scenes,
        pages=pages,
    )
