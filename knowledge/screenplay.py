"""The screenplay model every reader produces and every tool consumes.

A `Screenplay` is a flat list of `Element`s (what the page holds, with source line numbers) and the
`Scene`s built from them. Readers (Fountain, FDX, PDF, DOCX, plain text) only have to produce
elements; `build_scenes` turns elements into scenes the same way for every format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ElementType = Literal[
    "scene_heading",
    "action",
    "character",
    "parenthetical",
    "dialogue",
    "transition",
    "centered",
    "section",
    "synopsis",
    "note",
    "page_break",
    "lyrics",
]
IntExt = Literal["INT", "EXT", "INT/EXT"]
TimeOfDay = Literal["DAY", "NIGHT", "DAWN", "DUSK"]
ScriptFormat = Literal["fountain", "fdx", "pdf", "docx", "txt"]

# Lines on a screenplay page in the line model used for Fountain and plain text (Courier 12pt,
# 1-inch margins, counting blank lines): a page is 55 lines, an eighth is 55/8 lines.
LINES_PER_PAGE = 55


@dataclass(slots=True)
class Element:
    """One paragraph of the script as the reader found it.

    `line`/`end_line` are 1-based lines in the source file (for FDX: the paragraph's ordinal,
    for PDF: the line in the extracted text). `page` is the page it falls on (1-based).
    """

    type: ElementType
    text: str
    line: int
    end_line: int
    page: int = 1
    character: str | None = None  # speaker, on character/dialogue/parenthetical elements
    extension: str | None = None  # V.O., O.S., CONT'D ... on character elements (raw, joined by " ")
    dual: Literal["left", "right"] | None = None
    forced: bool = False
    level: int = 0  # section depth
    scene_number: str | None = None  # `#12A#` on headings, or an FDX Number
    # Lines this element takes on a printed page in the line model (set by readers that know).
    print_lines: int = 0
    # FDX-like readers know the scene's length and page from the file itself.
    length_eighths: int | None = None
    page_label: str | None = None


class ScriptLine(BaseModel):
    """A numbered line of the source, for quoting and citation."""

    model_config = ConfigDict(frozen=True)

    line: int
    text: str


class Scene(BaseModel):
    """A scene: heading parsed into parts, who is in it, where it sits in the script."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    number: str = Field(description="The script's own scene number (e.g. '12A'), else sequential from 1.")
    index: int = Field(description="0-based position in the script.")
    heading: str = Field(description="Heading as written.")
    int_ext: IntExt | None = None
    location: str = Field("", description="Set name, whole and bilingual where written so.")
    time_of_day: TimeOfDay | None = Field(None, description="Normalised; CONTINUOUS/LATER inherit.")
    time_raw: str | None = Field(None, description="Time of day as written (e.g. '夜', 'CONTINUOUS').")
    characters: list[str] = Field(default_factory=list, description="Speaking characters, normalised.")
    non_speaking: list[str] = Field(
        default_factory=list, description="Known characters named in the action who do not speak."
    )
    voice_only: list[str] = Field(
        default_factory=list,
        description="Speakers only heard here (every cue V.O., O.S., ON PHONE …): never framed or called.",
    )
    omitted: bool = Field(False, description="Kept only to lock its number (OMITTED): never counted or shot.")
    page: int = Field(1, description="Page the scene starts on.")
    page_end: int = 1
    eighths: int = Field(1, ge=1, description="Length in eighths of a page (minimum 1).")
    line_start: int = Field(description="First source line (the heading).")
    line_end: int = Field(description="Last source line of the scene.")
    file: str = ""
    synopsis: str | None = None
    lines: list[ScriptLine] = Field(default_factory=list, description="Full text with line numbers.")
    elements: list[Element] = Field(default_factory=list, exclude=True, repr=False)

    @property
    def pages_text(self) -> str:
        """Length as crews write it: `1 3/8`, `4/8`."""
        return eighths_text(self.eighths)

    def summary_row(self) -> dict[str, object]:
        """The JSON shape of `slate scenes --json`."""
        return {
            "number": self.number,
            "heading": self.heading,
            "int_ext": self.int_ext,
            "location": self.location,
            "time_of_day": self.time_of_day,
            "time_raw": self.time_raw,
            "characters": list(self.characters),
            "non_speaking": list(self.non_speaking),
            "eighths": self.eighths,
            "pages": self.pages_text,
            "page": self.page,
            "lines": [self.line_start, self.line_end],
            "file": self.file,
        }


@dataclass(slots=True)
class Screenplay:
    """A parsed script: title page, elements, scenes, and where it came from."""

    file: str
    format: ScriptFormat
    encoding: str | None
    title_page: dict[str, str] = field(default_factory=dict)
    elements: list[Element] = field(default_factory=list)
    scenes: list[Scene] = field(default_factory=list)
    pages: int = 1
    path: str = ""  # where the parsed file is on disk (never shown; `file` is the name people see)

    @property
    def title(self) -> str:
        for key in ("title", "標題", "标题", "Title"):
            if self.title_page.get(key):
                # Each line of a multi-line title carries its own emphasis (`_**BRICK**_`).
                lines = (line.strip("_* ") for line in self.title_page[key].splitlines())
                return " ".join(line for line in lines if line)
        return ""

    def characters(self) -> list[str]:
        """Every speaking character, in order of first appearance."""
        seen: dict[str, None] = {}
        for scene in self.scenes:
            for name in scene.characters:
                seen.setdefault(name, None)
        return list(seen)


def eighths_text(eighths: int) -> str:
    """`11` → `1 3/8`; `8` → `1`; `4` → `4/8` (crews keep eighths unreduced)."""
    whole, part = divmod(eighths, 8)
    if whole and part:
        return f"{whole} {part}/8"
    if whole:
        return str(whole)
    return f"{part}/8"
