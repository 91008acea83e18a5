"""Where an answer came from: file, document type, scene, page, line span or timecode."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

DocType = Literal[
    "screenplay", "notes", "report", "cast", "locations", "plan", "subtitles", "shot_list", "other"
]


class Citation(BaseModel):
    """A pointer into one of the production's documents, precise enough to open it there."""

    file: str = Field(description="File name as the crew knows it (no folders).")
    doc_type: DocType = "other"
    scene: str | None = None
    page: int | None = None
    lines: tuple[int, int] | None = Field(None, description="First and last source line, 1-based.")
    start: str | None = Field(None, description="Subtitle timecode HH:MM:SS,mmm where the passage starts.")
    end: str | None = None
    section: str | None = Field(None, description="Heading of the notes section, for documents.")

    def label(self) -> str:
        """Human form: `night_shift.fountain · sc. 12 · p. 7 · l. 340–362`."""
        parts = [self.file]
        if self.scene:
            parts.append(f"sc. {self.scene}")
        if self.section and not self.scene:
            parts.append(self.section)
        if self.page:
            parts.append(f"p. {self.page}")
        if self.lines:
            first, last = self.lines
            parts.append(f"l. {first}" if first == last else f"l. {first}–{last}")
        if self.start:
            parts.append(self.start)
        return " · ".join(parts)

    def short_label(self) -> str:
        """`label` with a notes section's innermost heading only (`Budget 預算`, not the document's
        title › Budget 預算): beside a quoted line, the file and its nearest heading find it."""
        if not self.section:
            return self.label()
        inner = self.section.rsplit("›", 1)[-1].strip()
        return Citation(**{**self.model_dump(include=set(Citation.model_fields)), "section": inner}).label()

    def key(self) -> tuple[object, ...]:
        return (self.file, self.scene, self.page, self.lines, self.start)


class SearchHit(Citation):
    """One retrieved passage: its text, its fused score, and where it is."""

    text: str
    score: float
    chunk_id: str | None = None
    characters: list[str] = Field(default_factory=list)
    location: str | None = None
    time_of_day: str | None = None

    def citation(self) -> Citation:
        return Citation.model_validate(self.model_dump(include=set(Citation.model_fields)))
