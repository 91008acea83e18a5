"""Load a screenplay from any supported file: pick the reader, decode, check there are scenes.

Formats by extension: `.fountain` `.spmd` (Fountain), `.fdx` (Final Draft), `.pdf`, `.docx`, `.txt`
(Fountain when it reads as Fountain, else the plain-text reader). Text files are decoded with
`knowledge.encoding.read_text` (UTF-8 with or without BOM, UTF-16, Big5 as Big5-HKSCS, GB18030)
and the encoding is recorded on the `Screenplay`.
"""

from __future__ import annotations

import re
from pathlib import Path

from core.errors import InputFileError, NoScenes, UnsupportedFormat
from knowledge.encoding import read_text
from knowledge.headings import is_heading
from knowledge.screenplay import Screenplay, ScriptFormat

SUFFIX_TO_FORMAT: dict[str, ScriptFormat] = {
    ".fountain": "fountain",
    ".spmd": "fountain",
    ".txt": "txt",
    ".text": "txt",
    ".fdx": "fdx",
    ".pdf": "pdf",
    ".docx": "docx",
}

_FOUNTAIN_MARKERS = re.compile(
    r"^(?:Title\s*[:：]|標題\s*[:：]|标题\s*[:：]|\.[^\s.]|@\S|#{1,6} |=(?!==)\s*\S|~|\[\[|/\*|>.*<\s*$)",
    re.MULTILINE,
)
_INLINE_DIALOGUE = re.compile(
    r"^\s*[^\s:：，。！？]{1,12}\s*(?:[(（][^)）]{1,10}[)）])?\s*[：:]\s*\S", re.MULTILINE
)


def detect_format(path: str | Path) -> ScriptFormat:
    """The script format for a file name, or UnsupportedFormat naming the file."""
    file = Path(path)
    fmt = SUFFIX_TO_FORMAT.get(file.suffix.lower())
    if fmt is None:
        raise UnsupportedFormat(
            f"Slate does not read {file.suffix or 'extension-less'} files as screenplays",
            file=file,
            value=file.suffix or None,
            hint="Use .fountain, .fdx, .pdf, .docx or .txt",
        )
    return fmt


def reads_as_fountain(text: str) -> bool:
    """Whether plain text is better read as Fountain than with the plain-text heuristics.

    Fountain wins when the text uses Fountain syntax (title page keys, forced elements, notes,
    boneyard, sections, synopses) or has headings after blank lines and no `角色：對白` dialogue.
    """
    sample = text[:200_000]
    if _FOUNTAIN_MARKERS.search(sample):
        return True
    from knowledge.plaintext import is_indented_layout, text_lines

    if is_indented_layout(text_lines(sample)):
        return False
    lines = sample.splitlines()
    headings = 0
    unspaced = 0
    for index, line in enumerate(lines):
        if is_heading(line.strip()):
            headings += 1
            if index > 0 and lines[index - 1].strip():
                unspaced += 1
    inline = len(_INLINE_DIALOGUE.findall(sample))
    return headings > 0 and unspaced * 2 <= headings and inline * 2 < headings * 3


def _check_exists(file: Path) -> None:
    if not file.exists():
        raise InputFileError("No such file", file=file)
    if file.is_dir():
        raise InputFileError("This is a folder, not a file", file=file)


def load_screenplay(path: str | Path, *, format: ScriptFormat | None = None) -> Screenplay:
    """Read a screenplay file into scenes.

    Args:
        path: the script file (.fountain, .spmd, .fdx, .pdf, .docx, .txt).
        format: read as this format whatever the extension says.

    Raises:
        UnsupportedFormat: the extension is not a screenplay format Slate reads.
        EmptyInput, BinaryInput, DecodeError: the file is empty, binary or not decodable text.
        ParseError: an FDX, PDF or DOCX file is damaged.
        NoScenes: the file holds no scene heading.
    """
    file = Path(path)
    fmt = format or detect_format(file)
    _check_exists(file)
    screenplay: Screenplay
    if fmt in ("fountain", "txt"):
        decoded = read_text(file)
        if fmt == "fountain" or reads_as_fountain(decoded.text):
            from knowledge.fountain import parse_fountain

            screenplay = parse_fountain(decoded.text, file=file.name, encoding=decoded.encoding)
            screenplay.format = fmt
        else:
            from knowledge.plaintext import parse_plaintext

            screenplay = parse_plaintext(decoded.text, file=file.name, encoding=decoded.encoding)
    elif fmt == "fdx":
        from knowledge.fdx import read_fdx

        screenplay = read_fdx(file)
    elif fmt == "pdf":
        from knowledge.pdf import read_pdf

        screenplay = read_pdf(file)
    else:
        from knowledge.docx import read_docx

        screenplay = read_docx(file)
    screenplay.file = str(file)
    screenplay.path = str(file)
    if not screenplay.scenes:
        raise NoScenes(
            "No scene heading in the file",
            file=file,
            hint="Scene headings start with INT./EXT. (or 內景/外景), e.g. `INT. 茶餐廳 - NIGHT`",
        )
    return screenplay


def looks_like_screenplay(path: str | Path) -> bool:
    """A cheap guess whether a .txt/.docx/.pdf/.fountain/.fdx file is a screenplay (has at least
    two scene headings, or one in a short file); never raises."""
    file = Path(path)
    fmt = SUFFIX_TO_FORMAT.get(file.suffix.lower())
    if fmt in ("fountain", "fdx"):
        return True
    try:
        if fmt == "txt":
            lines = read_text(file).text.splitlines()[:3000]
        elif fmt == "docx":
            from knowledge.docx import docx_lines

            lines = docx_lines(file)[:3000]
        elif fmt == "pdf":
            from knowledge.pdf import pdf_lines

            lines = pdf_lines(file, max_pages=5)
        else:
            return False
    except Exception:  # a guess: any unreadable file is simply not a screenplay
        return False
    headings = sum(1 for line in lines if is_heading(line.strip(), relaxed=True))
    return headings >= 2 or (headings == 1 and len(lines) < 80)
