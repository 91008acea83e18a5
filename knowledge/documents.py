"""The production's other documents: notes, reports, cast and location lists, plans.

Screenplays (knowledge.loader) and subtitle files (knowledge.subtitle_file) have readers of their
own; everything else is read here into a `Document`: sections (a Markdown heading, a Word heading,
a PDF page, a list row, a top-level plan key), each a run of blocks (paragraphs) that remember the
line (or paragraph, for Word) and page they came from, so chunks built from them can be cited.

`classify` decides what a file is from its extension and, where that is ambiguous, its content.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from core.errors import EmptyInput, InputFileError, ParseError, UnsupportedFormat
from knowledge.cast_list import IDENTITY_COLUMNS, load_cast_list, load_location_list
from knowledge.citations import DocType
from knowledge.encoding import read_text
from knowledge.limits import csv_guard, csv_source, nesting_guard

SCREENPLAY_EXTENSIONS = frozenset({".fountain", ".spmd", ".fdx"})
SUBTITLE_EXTENSIONS = frozenset(
    {".srt", ".vtt", ".ass", ".ssa", ".msrt", ".webvtt", ".ttml", ".dfxp", ".smi", ".sami"}
)
NOTES_EXTENSIONS = frozenset({".md", ".markdown", ".txt"})
REPORT_EXTENSIONS = frozenset({".docx", ".pdf"})
LIST_EXTENSIONS = frozenset({".csv", ".tsv"})
YAML_EXTENSIONS = frozenset({".yaml", ".yml", ".json"})
SUPPORTED_EXTENSIONS = (
    SCREENPLAY_EXTENSIONS
    | SUBTITLE_EXTENSIONS
    | NOTES_EXTENSIONS
    | REPORT_EXTENSIONS
    | LIST_EXTENSIONS
    | YAML_EXTENSIONS
)

# Columns (lower-cased) that say what a spreadsheet lists. A cast list names actors and rates; a
# locations list names addresses; `id` alone says nothing, so the file name breaks the tie.
CAST_COLUMNS = frozenset({"actor", "character", "role", "daily_rate", "rate", "cast"})
LOCATION_COLUMNS = frozenset({"address", "location", "set", "int_ext", "i/e", "contact"})
# Top-level keys of a production plan (issue 6's format).
PLAN_KEYS = frozenset(
    {"start_date", "days_off", "day_length_hours", "pages_per_hour", "cast_list", "locations_list", "weights"}
)


@dataclass(slots=True)
class Block:
    """A paragraph (or list row, or table row) and where it is."""

    text: str
    line_start: int | None = None
    line_end: int | None = None
    page: int | None = None


@dataclass(slots=True)
class Section:
    """A run of blocks under one heading (or one page, one row, one plan key)."""

    title: str | None
    blocks: list[Block] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    location: str | None = None


@dataclass(slots=True)
class Document:
    """A non-screenplay, non-subtitle document, ready to chunk."""

    name: str
    path: Path
    doc_type: DocType
    sections: list[Section]
    encoding: str | None = None
    pages: int | None = None
    title: str | None = None


# --- classification ------------------------------------------------------------------------------


def _looks_like_screenplay(path: Path) -> bool:
    from knowledge.loader import looks_like_screenplay

    return looks_like_screenplay(path)


def _csv_header(path: Path) -> set[str]:
    text = read_text(path).text
    first = next(iter(text.splitlines()), "")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with csv_guard(path, lambda: 1):
        return {cell.strip().lower() for cell in next(csv.reader([first], delimiter=delimiter), [])}


def _yaml_data(path: Path) -> Any:
    text = read_text(path).text
    try:
        with nesting_guard(path):
            return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ParseError(
            f"Not valid YAML: {getattr(exc, 'problem', None) or exc}",
            file=path,
            line=mark.line + 1 if mark else None,
        ) from None


def _list_kind(columns: set[str], stem: str) -> DocType:
    cast_score = len(columns & CAST_COLUMNS)
    location_score = len(columns & LOCATION_COLUMNS)
    if cast_score > location_score:
        return "cast"
    if location_score > cast_score:
        return "locations"
    if "cast" in stem or "character" in stem or "演員" in stem or "角色" in stem:
        return "cast"
    if "location" in stem or "場景" in stem or "地點" in stem:
        return "locations"
    return "other"


def classify(path: str | Path) -> DocType:
    """What kind of production document `path` is.

    .fountain/.fdx are screenplays; .txt, .docx and .pdf are screenplays when they look like one,
    else notes (.txt) or reports (.docx, .pdf); .md is notes; lists and plans are told apart by their
    columns or keys; .srt/.vtt/.ass/.ssa are subtitles.

    Raises:
        UnsupportedFormat: any other extension.
    """
    file = Path(path)
    suffix = file.suffix.lower()
    stem = file.stem.lower()
    if suffix in SCREENPLAY_EXTENSIONS:
        return "screenplay"
    if suffix in SUBTITLE_EXTENSIONS:
        return "subtitles"
    if suffix in (".md", ".markdown"):
        return "notes"
    if suffix == ".txt":
        return "screenplay" if _looks_like_screenplay(file) else "notes"
    if suffix in REPORT_EXTENSIONS:
        return "screenplay" if _looks_like_screenplay(file) else "report"
    if suffix in LIST_EXTENSIONS:
        return _list_kind(_csv_header(file), stem)
    if suffix in YAML_EXTENSIONS:
        data = _yaml_data(file)
        if isinstance(data, dict):
            keys = {str(k).lower() for k in data}
            if keys & PLAN_KEYS:
                return "plan"
            if keys & {"cast", "characters"}:
                return "cast"
            if "locations" in keys:
                return "locations"
        if isinstance(data, list) and data and all(isinstance(e, dict) for e in data):
            return _list_kind({str(k).lower() for e in data for k in e}, stem)
        return "other"
    raise UnsupportedFormat(
        f"Slate does not read {suffix or 'extension-less'} files",
        file=file,
        value=suffix or file.name,
        hint="Supported: " + " ".join(sorted(SUPPORTED_EXTENSIONS)),
    )


# --- readers -------------------------------------------------------------------------------------


def load_document(path: str | Path, doc_type: DocType | None = None, *, name: str | None = None) -> Document:
    """Read a notes, report, list or plan file into sections of cited blocks.

    Raises:
        UnsupportedFormat: a screenplay or subtitle file (they have their own readers), or an unknown type.
        ParseError, DecodeError, EmptyInput, InputFileError: the file is damaged, with its location.
    """
    file = Path(path)
    kind = doc_type or classify(file)
    suffix = file.suffix.lower()
    label = name or file.name
    if kind in ("screenplay", "subtitles"):
        raise UnsupportedFormat(f"A {kind} file is read by its own reader, not as a document", file=file)
    if suffix in (".md", ".markdown"):
        decoded = read_text(file)
        doc = Document(label, file, kind, _markdown_sections(decoded.text), encoding=decoded.encoding)
    elif suffix == ".txt":
        decoded = read_text(file)
        doc = Document(label, file, kind, _plain_sections(decoded.text), encoding=decoded.encoding)
    elif suffix == ".docx":
        doc = _read_docx(file, label, kind)
    elif suffix == ".pdf":
        doc = _read_pdf(file, label, kind)
    elif kind == "cast":
        doc = _read_cast(file, label)
    elif kind == "locations":
        doc = _read_locations(file, label)
    elif suffix in LIST_EXTENSIONS:
        doc = _read_table(file, label, kind)
    elif suffix in YAML_EXTENSIONS:
        doc = _read_yaml_text(file, label, kind)
    else:
        raise UnsupportedFormat("Slate does not read this kind of file", file=file, value=suffix)
    doc.sections = [s for s in doc.sections if any(b.text.strip() for b in s.blocks) and not _heading_only(s)]
    if not doc.sections:
        raise EmptyInput("The document has no text", file=file)
    if doc.title is None:
        doc.title = next((s.title for s in doc.sections if s.title), None)
    return doc


def _heading_only(section: Section) -> bool:
    """A heading straight followed by a sub-heading: nothing to index of its own."""
    if len(section.blocks) != 1 or not section.title:
        return False
    return section.blocks[0].text.lstrip("#").strip() == section.title.split(" › ")[-1]


def _paragraphs(lines: list[str], first_line: int) -> list[Block]:
    """Blank-line separated paragraphs, with 1-based source line spans."""
    blocks: list[Block] = []
    current: list[str] = []
    start = first_line
    for offset, line in enumerate(lines):
        number = first_line + offset
        if line.strip():
            if not current:
                start = number
            current.append(line.rstrip())
        elif current:
            blocks.append(Block("\n".join(current), start, number - 1))
            current = []
    if current:
        blocks.append(Block("\n".join(current), start, first_line + len(lines) - 1))
    return blocks


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_MD_FENCE = re.compile(r"^\s*(```|~~~)")


def _markdown_sections(text: str) -> list[Section]:
    """One section per heading; the title is the heading path (`Key scenes › Scene 14`)."""
    lines = text.splitlines()
    sections: list[Section] = []
    path: list[tuple[int, str]] = []
    body: list[str] = []
    body_start = 1
    title: str | None = None
    in_fence = False

    def flush() -> None:
        blocks = _paragraphs(body, body_start)
        if blocks:
            sections.append(Section(title, blocks))

    for number, line in enumerate(lines, start=1):
        if _MD_FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _MD_HEADING.match(line)
        if match:
            flush()
            level, heading = len(match.group(1)), match.group(2).strip()
            path = [(lvl, h) for lvl, h in path if lvl < level] + [(level, heading)]
            title = " › ".join(h for _, h in path)
            # The heading line opens the section's text, so the chunk reads (and embeds) with it.
            body = [line]
            body_start = number
            continue
        body.append(line)
    flush()
    return sections


_TXT_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_TXT_NUMBERED = re.compile(r"^\s*(\d+(\.\d+)*[.)、]|[一二三四五六七八九十]+[、.．])\s*\S")


def _looks_like_heading(line: str, next_line: str) -> bool:
    text = line.strip()
    if not text or len(text) > 60 or text[-1] in "。！？.!?，,;；":
        return False
    if _TXT_UNDERLINE.match(next_line) and next_line.strip():
        return True
    letters = [ch for ch in text if ch.isalpha() and ch.isascii()]
    if letters and all(ch.isupper() for ch in letters) and len(letters) >= 3:
        return True
    return text.endswith((":", "：")) or bool(_TXT_NUMBERED.match(text) and len(text) <= 40)


def _plain_sections(text: str) -> list[Section]:
    """Plain-text notes: a new section at each heading-like paragraph (CAPS, underlined, numbered,
    or ending in a colon), else one section of paragraphs."""
    sections: list[Section] = []
    current = Section(None)
    for block in _paragraphs(text.splitlines(), 1):
        lines = block.text.splitlines()
        next_line = lines[1] if len(lines) > 1 else ""
        if _looks_like_heading(lines[0], next_line):
            if current.blocks:
                sections.append(current)
            current = Section(lines[0].strip().rstrip(":："))
        current.blocks.append(block)
    if current.blocks:
        sections.append(current)
    return sections


def _read_docx(file: Path, name: str, kind: DocType) -> Document:
    """Word: a section per Heading/Title-styled paragraph; blocks are paragraphs and table rows,
    numbered by paragraph (Word has no stable pages or lines)."""
    import zipfile

    from knowledge.limits import check_zip

    check_zip(file)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(str(file))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ParseError("Not a readable .docx file", file=file, value=str(exc)) from None
    except Exception:  # python-docx raises its own PackageNotFoundError and lxml errors
        raise ParseError("Not a readable .docx file", file=file) from None
    sections: list[Section] = []
    current = Section(None)
    path: list[tuple[int, str]] = []
    ordinal = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            ordinal += 1
            paragraph = Paragraph(child, document)
            text = paragraph.text.strip()
            if not text:
                continue
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            level = _heading_level(style)
            if level is not None:
                if current.blocks:
                    sections.append(current)
                path = [(lvl, h) for lvl, h in path if lvl < level] + [(level, text)]
                current = Section(" › ".join(h for _, h in path))
            current.blocks.append(Block(text, ordinal, ordinal))
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                ordinal += 1
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip()))
                if cells:
                    current.blocks.append(Block(" | ".join(cells), ordinal, ordinal))
    if current.blocks:
        sections.append(current)
    title = (document.core_properties.title or "").strip() or None
    return Document(name, file, kind, sections, title=title)


def _heading_level(style: str) -> int | None:
    lowered = style.lower()
    if lowered == "title":
        return 0
    match = re.match(r"heading\s*(\d)", lowered)
    return int(match.group(1)) if match else None


def _read_pdf(file: Path, name: str, kind: DocType) -> Document:
    """PDF: one section per page (pages are how people cite a PDF), blocks by blank lines."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(str(file), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputFileError("The PDF is password-protected", file=file)
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or None
    except InputFileError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise ParseError(f"Not a readable PDF: {type(exc).__name__}: {exc}", file=file) from None
    sections: list[Section] = []
    for number, text in enumerate(pages, start=1):
        blocks = _paragraphs(text.splitlines(), 1)
        for block in blocks:
            # Line numbers inside extracted PDF text mean nothing to a reader; the page does.
            block.line_start = block.line_end = None
            block.page = number
        if blocks:
            sections.append(Section(f"Page {number}", blocks))
    if not sections:
        raise EmptyInput("The PDF has no text layer (a scanned image?)", file=file)
    return Document(name, file, kind, sections, pages=len(pages), title=str(title) if title else None)


def _csv_rows(file: Path) -> list[tuple[int | None, dict[str, str]]]:
    """(line, row) for each non-blank data row, as knowledge.cast_list reads them (same order)."""
    suffix = file.suffix.lower()
    if suffix in YAML_EXTENSIONS:
        data = _yaml_data(file)
        if isinstance(data, dict):
            data = data.get("cast") or data.get("locations") or data.get("characters") or []
        return [
            (None, {str(k): "" if v is None else str(v) for k, v in entry.items()})
            for entry in data or []
            if isinstance(entry, dict)
        ]
    text = read_text(file).text
    reader = csv.DictReader(io.StringIO(csv_source(text)), delimiter="\t" if suffix == ".tsv" else ",")
    rows: list[tuple[int | None, dict[str, str]]] = []
    with csv_guard(file, lambda: reader.line_num or None):
        for row in reader:
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue
            rows.append(
                (
                    reader.line_num,
                    {str(k).strip(): (v or "").strip() for k, v in row.items() if k is not None},
                )
            )
    return rows


_CARD_HEADING = re.compile(r"^(?:Cast|Location):")  # what _read_cast and _read_locations open a card with


def names_the_card(line: str) -> bool:
    """Whether a line of a cast or locations card (as `_row_text` writes it) only names the card's
    character or place: its heading, its id and its names, not what the card says about them."""
    key, colon, _ = line.partition(":")
    return bool(_CARD_HEADING.match(line)) or (
        bool(colon) and key.strip().casefold().replace(" ", "_") in IDENTITY_COLUMNS
    )


def _row_text(heading: str, row: dict[str, str]) -> str:
    lines = [heading]
    for key, value in row.items():
        if value and isinstance(value, str):
            lines.append(f"{key.replace('_', ' ')}: {value}")
    return "\n".join(lines)


def _read_cast(file: Path, name: str) -> Document:
    """A cast list: one section per character (validated by knowledge.cast_list)."""
    members = load_cast_list(file)
    rows = _csv_rows(file)
    sections = []
    for member, (line, row) in zip(members, rows, strict=False):
        aliases = [n for n in member.all_names() if n != member.id]
        heading = f"Cast: {member.id}" + (f" ({'; '.join(aliases)})" if aliases else "")
        block = Block(_row_text(heading, row), line, line)
        sections.append(Section(member.id, [block], characters=member.all_names()))
    return Document(name, file, "cast", sections, title="Cast list")


def _read_locations(file: Path, name: str) -> Document:
    """A locations list: one section per location (validated by knowledge.cast_list)."""
    entries = load_location_list(file)
    rows = _csv_rows(file)
    sections = []
    for entry, (line, row) in zip(entries, rows, strict=False):
        aliases = [n for n in entry.all_names() if n != entry.id]
        heading = f"Location: {entry.id}" + (f" ({'; '.join(aliases)})" if aliases else "")
        block = Block(_row_text(heading, row), line, line)
        sections.append(Section(entry.id, [block], location=entry.id))
    return Document(name, file, "locations", sections, title="Locations list")


def _read_table(file: Path, name: str, kind: DocType) -> Document:
    """Any other spreadsheet: one block per row, in one section."""
    rows = _csv_rows(file)
    if not rows:
        raise EmptyInput("The table has no rows", file=file)
    blocks = [Block(_row_text("", row).strip(), line, line) for line, row in rows]
    return Document(name, file, kind, [Section(None, blocks)])


_TOP_KEY = re.compile(r"^([^\s#:-][^:#]*?)\s*:(\s|$)")


def _read_yaml_text(file: Path, name: str, kind: DocType) -> Document:
    """A plan (or other YAML) as text: a section per top-level key, with the comments above it,
    because a commented plan doubles as its own documentation."""
    decoded = read_text(file)
    _yaml_data(file)  # refuse invalid YAML with its line before indexing it
    lines = decoded.text.splitlines()
    sections: list[Section] = []
    start = 0
    key: str | None = None
    pending_comment_start: int | None = None
    for index, line in enumerate(lines):
        stripped = line.strip()
        if line.startswith("#") and pending_comment_start is None:
            pending_comment_start = index
            continue
        if not stripped:
            pending_comment_start = None
            continue
        match = _TOP_KEY.match(line)
        if match:
            cut = pending_comment_start if pending_comment_start is not None else index
            if cut > start:
                _add_yaml_section(sections, key, lines[start:cut], start + 1)
            start, key = cut, match.group(1).strip().strip("'\"")
        pending_comment_start = None
    _add_yaml_section(sections, key, lines[start:], start + 1)
    title = "Production plan" if kind == "plan" else None
    return Document(name, file, kind, sections, encoding=decoded.encoding, title=title)


def _add_yaml_section(sections: list[Section], key: str | None, lines: list[str], first: int) -> None:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    if not any(line.strip() for line in lines):
        return
    # Paragraphs inside one key stay together unless the chunker must split them by size.
    blocks = _paragraphs(lines, first)
    sections.append(Section(key, blocks))
