"""Resource limits for every reader, and the safe ways to open zips and XML.

A hostile or broken file must be refused quickly with one sentence naming the limit, never take
the machine's memory or hang a folder ingest. The limits are set well above the largest real
production documents in the corpus (a 180-page script is under 1 MB of text, a feature's subtitles
under 3,000 cues) and are documented in docs/reliability.md.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core.errors import InputFileError, ParseError, ResourceLimitExceeded

#: Total uncompressed size of all members of a .docx/.xlsx.
MAX_ZIP_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
#: Members in a .docx/.xlsx (a long Word document has a few dozen).
MAX_ZIP_MEMBERS = 2_000
#: Uncompressed / compressed ratio of one member above 1 MB (real XML compresses 5-20x).
MAX_ZIP_RATIO = 200
#: Nesting depth of XML elements (FDX, TTML/DFXP, DOCX parts).
MAX_XML_DEPTH = 200
#: Size of an XML document before parsing.
MAX_XML_BYTES = 50 * 1024 * 1024
#: Pages read from a PDF.
MAX_PDF_PAGES = 2_000
#: Subtitle cues in one file.
MAX_SUBTITLE_CUES = 50_000
#: Characters in one subtitle line.
MAX_SUBTITLE_LINE_CHARS = 10_000
#: Characters in one CSV field.
MAX_CSV_FIELD_CHARS = 100_000
#: Seconds one file may take to read during ingest before it is skipped.
INGEST_FILE_SECONDS = 60.0


def check_zip(file: Path) -> None:
    """Refuse a .docx/.xlsx whose members would decompress past the limits (a zip bomb)."""
    try:
        with zipfile.ZipFile(file) as archive:
            infos = archive.infolist()
    except FileNotFoundError:
        raise InputFileError("No such file", file=file) from None
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ParseError(
            "Not a readable Office document (not a zip archive)", file=file, value=str(exc)
        ) from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ResourceLimitExceeded(
            f"The document has more than {MAX_ZIP_MEMBERS:,} parts",
            limit="zip member count",
            maximum=MAX_ZIP_MEMBERS,
            file=file,
            value=len(infos),
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_ZIP_UNCOMPRESSED_BYTES:
        raise ResourceLimitExceeded(
            f"The document would decompress to more than {MAX_ZIP_UNCOMPRESSED_BYTES // 2**20} MB",
            limit="decompressed size",
            maximum=MAX_ZIP_UNCOMPRESSED_BYTES,
            file=file,
            value=total,
        )
    for info in infos:
        if info.file_size > 2**20 and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise ResourceLimitExceeded(
                f"A part of the document compresses more than {MAX_ZIP_RATIO}:1 (a zip bomb)",
                limit="compression ratio",
                maximum=MAX_ZIP_RATIO,
                file=file,
                value=info.filename,
            )


def refuse_entities(text: str, file: Path) -> None:
    """Refuse an XML document (already decoded, any encoding) that declares a DTD or entities."""
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise ResourceLimitExceeded(
            "Refusing an XML file with a DTD or entity declarations (a known XML attack)",
            limit="entity declarations",
            maximum=0,
            file=file,
        )


def check_xml_depth(depth: int, file: Path, line: int | None = None) -> None:
    """Refuse XML nested deeper than MAX_XML_DEPTH (deep nesting exhausts the recursion limit)."""
    if depth > MAX_XML_DEPTH:
        raise ResourceLimitExceeded(
            f"The XML is nested deeper than {MAX_XML_DEPTH} elements",
            limit="XML depth",
            maximum=MAX_XML_DEPTH,
            file=file,
            line=line,
        )


def parse_xml_safely(data: bytes, file: Path) -> Any:
    """An ElementTree root from bytes in any encoding, refusing DTDs, entities and deep nesting.

    defusedxml refuses DTDs and entity declarations after the parser has decoded the document, so
    a UTF-16 file is caught as surely as a UTF-8 one.
    """
    import xml.etree.ElementTree as ET

    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    if len(data) > MAX_XML_BYTES:
        raise ResourceLimitExceeded(
            f"The XML file is larger than {MAX_XML_BYTES // 2**20} MB",
            limit="XML size",
            maximum=MAX_XML_BYTES,
            file=file,
            value=len(data),
        )
    try:
        root = DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ResourceLimitExceeded(
            "Refusing an XML file with a DTD or entity declarations (a known XML attack)",
            limit="entity declarations",
            maximum=0,
            file=file,
        ) from None
    except ET.ParseError as exc:
        line, _column = exc.position
        raise ParseError(f"Not well-formed XML ({exc.msg})", file=file, line=line) from None
    except LookupError:  # expat looks up the encoding the XML declaration names
        raise ParseError("The XML declares an encoding Python does not know", file=file, line=1) from None
    _check_tree_depth(root, file)
    return root


def _check_tree_depth(root: Any, file: Path) -> None:
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        check_xml_depth(depth, file)
        stack.extend((child, depth + 1) for child in node)


def csv_source(text: str) -> str:
    """CSV text with old-Mac CR-only and Windows CRLF line ends made `\\n` (the csv module wants one)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@contextmanager
def csv_guard(file: Path, line: Callable[[], int | None] = lambda: None) -> Iterator[None]:
    """Turn the csv module's errors (field size, stray newlines) into located Slate errors."""
    import csv

    previous = csv.field_size_limit(MAX_CSV_FIELD_CHARS)
    try:
        yield
    except csv.Error as exc:
        if "field limit" in str(exc):
            raise ResourceLimitExceeded(
                f"A field is longer than {MAX_CSV_FIELD_CHARS:,} characters",
                limit="CSV field size",
                maximum=MAX_CSV_FIELD_CHARS,
                file=file,
                line=line(),
            ) from None
        raise ParseError("The CSV file is malformed", file=file, line=line(), value=str(exc)) from None
    finally:
        csv.field_size_limit(previous)


@contextmanager
def nesting_guard(file: Path, what: str = "The file") -> Iterator[None]:
    """Turn a RecursionError from a recursive parser (YAML, XML) into a located limit error."""
    try:
        yield
    except RecursionError:
        raise ResourceLimitExceeded(
            f"{what} is nested too deeply to read",
            limit="nesting depth",
            file=file,
        ) from None


class _OverBudget(BaseException):
    """Raised by the alarm; a BaseException so a reader's `except Exception` cannot swallow it."""


@contextmanager
def time_budget(seconds: float, file: Path) -> Iterator[None]:
    """Refuse a file whose reading takes longer than `seconds` (ingest's per-file budget).

    Uses SIGALRM, so it applies in the main thread on POSIX (the CLI, `slate ingest`); elsewhere
    (the UI's worker threads, Windows) it does nothing and the other limits still bound the work.
    """
    import signal
    import threading

    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def _alarm(_signum: int, _frame: object) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _OverBudget:
        raise ResourceLimitExceeded(
            f"Reading the file took longer than {seconds:g} s",
            limit="parse time",
            maximum=seconds,
            file=file,
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
