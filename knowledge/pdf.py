"""Screenplay PDFs, through pypdf's layout-preserving text extraction.

`extract_text(extraction_mode="layout")` keeps each line's indentation, which is what tells a
screenplay's elements apart (action at the margin, cues far in, dialogue between, transitions at
the right). pypdf shifts every page so its left-most text starts at column 0, so a page with no
action on it (all dialogue) would look shifted; each page is therefore re-aligned to the action
margin before the plain-text layout reader (`knowledge.plaintext.layout_elements`) classifies the
lines. Running page numbers (`12.`), `(MORE)` and `CONTINUED:` lines are dropped; scene numbers
printed in the margins are read as scene numbers.

Pages are the PDF's own pages; a scene's length in eighths counts its extracted lines (blank
lines included) against 55 lines a page. `Element.line` is the line in the extracted text of the
whole document, which `Scene.lines` quotes.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import EmptyInput, InputFileError, ParseError, ResourceLimitExceeded
from knowledge.headings import is_heading
from knowledge.limits import MAX_PDF_PAGES
from knowledge.plaintext import TextLine, is_cue_like, layout_elements
from knowledge.scenes import build_scenes, eighths_for_lines
from knowledge.screenplay import LINES_PER_PAGE, Element, Screenplay

if TYPE_CHECKING:
    from pypdf import PdfReader

_PAGE_NUMBER = re.compile(r"^\s*(?:page\s*)?\d{1,4}\s*\.?\s*$|^\s*-\s*\d{1,4}\s*-\s*$", re.IGNORECASE)
# Final Draft prints "12  CONTINUED:  12" with the scene number in both margins: still a running line.
_RUNNING = re.compile(
    r"^\s*(?:[0-9]{1,4}[A-Z]{0,2}\s+)?(\(MORE\)|\(CONTINUED\)|CONTINUED:?|\(CONT'D\)|\(CONT’D\)|\(續\))"
    r"(?:\s+[0-9]{1,4}[A-Z]{0,2})?\s*$",
    re.IGNORECASE,
)
# A line with the same scene number in both margins ("11    OMITTED    11"): one number, before the text.
_BOTH_MARGINS = re.compile(
    r"^(?P<pre>\s*)(?P<num>[0-9]{1,4}[A-Z]{0,2})\s{2,}(?P<rest>\S.*?)\s{2,}(?P=num)\s*$"
)
_NUMBERED_HEADING = re.compile(
    r"^(?P<pre>\s*)(?P<num>[0-9]{1,4}[A-Z]{0,2}(?:-[0-9A-Z]{1,3})?)\s{2,}(?P<rest>\S.*?)$"
)


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs warnings about odd but readable files; they are not the user's concern."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _open(file: Path) -> PdfReader:
    """A PdfReader, or a located InputFileError for missing, encrypted or damaged files."""
    from pypdf import PdfReader as Reader
    from pypdf.errors import PdfReadError

    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputFileError(f"Cannot read the file: {exc.strerror}", file=file) from None
    if not data.strip():
        raise EmptyInput("The file is empty", file=file)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ParseError("Not a PDF file (it does not start with %PDF)", file=file)
    import io

    try:
        with _quiet_pypdf():
            reader = Reader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputFileError(
                "The PDF is encrypted",
                file=file,
                hint="Save an unprotected copy (File → Export) and try again",
            )
        with _quiet_pypdf():
            page_count = len(reader.pages)
        if page_count > MAX_PDF_PAGES:
            raise ResourceLimitExceeded(
                f"The PDF has more than {MAX_PDF_PAGES:,} pages",
                limit="PDF page count",
                maximum=MAX_PDF_PAGES,
                file=file,
                value=page_count,
            )
    except InputFileError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError):
        raise ParseError("The PDF is damaged and cannot be read", file=file) from None
    except Exception:  # pypdf raises many types on damaged files (e.g. NotImplementedError for odd crypto)
        raise ParseError("The PDF cannot be read", file=file) from None
    return reader


def _page_texts(file: Path, *, max_pages: int | None = None) -> list[str]:
    reader = _open(file)
    texts: list[str] = []
    with _quiet_pypdf():
        for number, page in enumerate(reader.pages, start=1):
            if max_pages is not None and number > max_pages:
                break
            try:
                texts.append(page.extract_text(extraction_mode="layout"))
            except Exception as exc:  # a damaged content stream on one page
                raise ParseError(
                    f"Page {number} of the PDF cannot be read ({type(exc).__name__})", file=file
                ) from None
    return texts


def _clean_page(text: str) -> list[str]:
    """Lines of one page without running page numbers, (MORE) and CONTINUED, and with scene
    numbers in the margins reduced to one number before the heading."""
    lines = [line.rstrip() for line in text.replace("\r", "").replace("\x00", "").split("\n")]
    kept = [
        _BOTH_MARGINS.sub(r"\g<pre>\g<num>  \g<rest>", line)
        for line in lines
        if not _PAGE_NUMBER.match(line) and not _RUNNING.match(line)
    ]
    while kept and not kept[0].strip():
        kept.pop(0)
    while kept and not kept[-1].strip():
        kept.pop()
    return kept


def _text_indent(line: str) -> int:
    """Indentation of a line's text, ignoring a scene number in the left margin."""
    match = _NUMBERED_HEADING.match(line)
    if match and is_heading(match.group("rest"), relaxed=True):
        return match.start("rest")
    return len(line) - len(line.lstrip())


def _page_margin(lines: list[str]) -> int | None:
    """The action margin of a page: where headings and long lines start."""
    margins = [
        _text_indent(line)
        for line in lines
        if line.strip() and (is_heading(line.strip(), relaxed=True) or len(line.strip()) >= 45)
    ]
    return min(margins) if margins else None


def _realign(pages: list[list[str]]) -> list[list[str]]:
    """Shift each page so its action margin is column 0 (pypdf aligns pages on their left-most
    text instead). A page without action is shifted by the dialogue indent measured elsewhere."""
    margins = [_page_margin(page) for page in pages]
    dialogue_offsets: list[int] = []
    for page, margin in zip(pages, margins, strict=True):
        if margin is None:
            continue
        for index in range(len(page) - 1):
            line, following = page[index], page[index + 1]
            if line.strip() and following.strip() and is_cue_like(line.strip()):
                indent = len(line) - len(line.lstrip())
                next_indent = len(following) - len(following.lstrip())
                if (
                    indent - margin >= 8
                    and next_indent < indent - 3
                    and not following.strip().startswith("(")
                ):
                    dialogue_offsets.append(next_indent - margin)
    dialogue = int(statistics.median(dialogue_offsets)) if dialogue_offsets else 10
    out = []
    for page, margin in zip(pages, margins, strict=True):
        if margin is None:
            indents = [len(line) - len(line.lstrip()) for line in page if line.strip()]
            margin = (min(indents) - dialogue) if indents else 0
        shift = margin
        shifted = []
        for line in page:
            if shift > 0:
                cut = min(shift, len(line) - len(line.lstrip()))
                shifted.append(line[cut:])
            elif shift < 0:
                shifted.append(" " * -shift + line if line.strip() else line)
            else:
                shifted.append(line)
        out.append(shifted)
    return out


def _title_page(lines: list[str]) -> dict[str, str]:
    """Title page fields from layout: the first centred block is the title, a `Written by` line
    the credit, the centred block after it (or the second block) the author, text at the left
    margin the contact, other centred text notes."""
    blocks: list[tuple[bool, list[str]]] = []  # (centred, lines)
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    margin = min(indents, default=0)
    # pypdf aligns the page on its left-most text: with nothing at the margin, all text is centred.
    all_centred = bool(indents) and max(indents) - margin <= 4
    for line in lines:
        text = line.strip()
        if not text:
            if blocks and blocks[-1][1]:
                blocks.append((False, []))
            continue
        centred = all_centred or len(line) - len(line.lstrip()) > margin + 4
        if not blocks or not blocks[-1][1] or blocks[-1][0] != centred:
            if blocks and not blocks[-1][1]:
                blocks.pop()
            blocks.append((centred, []))
        blocks[-1][1].append(text)
    out: dict[str, list[str]] = {}
    blocks_title: list[str] | None = None
    author_next = False
    for centred, texts in (b for b in blocks if b[1]):
        for text in texts:
            if re.fullmatch(r"(?i)(written|screenplay|story|teleplay)?\s*by|編劇|编剧|作者", text):
                out.setdefault("credit", []).append(text)
                author_next = True
            elif not centred:
                out.setdefault("contact", []).append(text)
            elif "title" not in out or (list(out) == ["title"] and texts is blocks_title):
                out.setdefault("title", []).append(text)
                blocks_title = texts
            elif author_next or ("author" not in out and "credit" not in out):
                out.setdefault("author", []).append(text)
                author_next = False
            else:
                out.setdefault("notes", []).append(text)
    return {k: "\n".join(v) for k, v in out.items()}


def pdf_lines(path: str | Path, *, max_pages: int | None = None) -> list[str]:
    """The PDF's text lines (layout mode, page furniture removed), for quick checks."""
    return [line for page in _page_texts(Path(path), max_pages=max_pages) for line in _clean_page(page)]


def read_pdf(path: str | Path) -> Screenplay:
    """A `Screenplay` from a screenplay PDF (see the module docstring)."""
    file = Path(path)
    pages = [_clean_page(text) for text in _page_texts(file)]
    if not any(line.strip() for page in pages for line in page):
        raise InputFileError(
            "The PDF has no text to read (is it scanned images?)",
            file=file,
            hint="Export the script from the writing program as PDF with text, or as Fountain/FDX",
        )
    title_page: dict[str, str] = {}
    if len(pages) > 1 and not any(is_heading(line.strip(), relaxed=True) for line in pages[0]):
        title_page = _title_page(pages[0])
    aligned = _realign(pages)
    # Page numbers as printed: the title page has none, the first page of the script is 1.
    first_page = 0 if title_page else 1
    lines: list[TextLine] = []
    for number, page in enumerate(aligned, start=first_page):
        for text in page:
            lines.append(TextLine(len(lines) + 1, text, number))
        lines.append(TextLine(len(lines) + 1, "", number))  # pages end paragraphs
    body = [line for line in lines if line.page >= 1]
    elements = layout_elements(body)
    _line_counts(elements, lines)
    source = [line.text for line in lines]
    scenes = build_scenes(elements, file=file.name, title_page=title_page, source_lines=source)
    for scene in scenes:
        scene.eighths = eighths_for_lines(sum(e.print_lines for e in scene.elements))
    return Screenplay(
        file=str(file),
        format="pdf",
        encoding=None,
        title_page=title_page,
        elements=elements,
        scenes=scenes,
        pages=len(pages) - (1 - first_page),
    )


def _line_counts(elements: list[Element], lines: list[TextLine]) -> None:
    """`print_lines` of each element: the extracted lines from it to the next element on its page
    (blank lines included), so a scene's lines are what the page really holds."""
    last_line_on_page: dict[int, int] = {}
    for line in lines:
        if line.text.strip():
            last_line_on_page[line.page] = line.number
    for index, element in enumerate(elements):
        following = elements[index + 1] if index + 1 < len(elements) else None
        if following is not None and following.page == element.page:
            element.print_lines = max(1, following.line - element.line)
        else:
            element.print_lines = max(
                1, last_line_on_page.get(element.page, element.end_line) - element.line + 1
            )
        element.print_lines = min(element.print_lines, LINES_PER_PAGE)
