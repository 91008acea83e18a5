"""Results of the subtitle tools (pydantic, at the boundary to the agent, CLI and UI)."""

from __future__ import annotations

from collections import Counter
from typing import Literal, get_args

from pydantic import BaseModel, Field

from tools.registry import ToolResult

IssueCode = Literal[
    "bad_timestamp",
    "overlap",
    "gap_too_small",
    "duration_short",
    "duration_long",
    "line_too_long",
    "too_many_lines",
    "reading_speed",
    "empty",
    "mixed_script",
    "punctuation",
    "gap_to_close",
    "fits_one_line",
    "dialogue_mixed",
    "dialogue_style",
]
ISSUE_CODES: tuple[IssueCode, ...] = get_args(IssueCode)

SubtitleOperation = Literal[
    "fix", "convert", "convert_script", "merge", "split", "shift", "sync", "fps", "translate"
]


class SubtitleIssue(BaseModel):
    """One rule a cue breaks."""

    cue: int = Field(description="Cue index, 1-based, in file order.")
    start: str = Field(description="The cue's start, HH:MM:SS,mmm.")
    code: IssueCode
    message: str
    line: int | None = Field(None, description="Source line of the cue, when known.")

    def as_json(self) -> dict[str, object]:
        """The four keys `slate subs check --json` prints."""
        return {"cue": self.cue, "start": self.start, "code": self.code, "message": self.message}


class SubtitleReport(ToolResult):
    """The result of checking a subtitle file against a profile."""

    kind: Literal["subtitle_report"] = "subtitle_report"
    file: str
    encoding: str
    format: str
    profile: str
    profile_source: str = Field(
        "built-in", description="Where the profile came from: built-in or a YAML file."
    )
    fps: float
    cues: int
    issues: list[SubtitleIssue] = Field(default_factory=list)
    notes: list[str] = Field(
        default_factory=list,
        description="Damage the reader repaired that is not a rule break (missing cue numbers, stray blank lines).",
    )

    @property
    def counts(self) -> dict[str, int]:
        return dict(Counter(issue.code for issue in self.issues))

    def as_json(self) -> dict[str, object]:
        """The JSON `slate subs check --json` prints: file, encoding, profile, fps, cues, issues."""
        return {
            "file": self.file,
            "encoding": self.encoding,
            "profile": self.profile,
            "profile_source": self.profile_source,
            "fps": self.fps,
            "cues": self.cues,
            "issues": [issue.as_json() for issue in self.issues],
        }

    def summary(self) -> str:
        if not self.issues:
            return f"{self.file}: {self.cues} cues, no issues (profile {self.profile}, {self.profile_source})"
        counts = ", ".join(f"{code} {n}" for code, n in sorted(self.counts.items()))
        return (
            f"{self.file}: {self.cues} cues, {len(self.issues)} issue(s) "
            f"(profile {self.profile}, {self.profile_source}): {counts}"
        )


class SubtitleOutput(ToolResult):
    """A subtitle file written by a tool (fix, convert, merge, split, shift, sync, fps, translate)."""

    kind: Literal["subtitles"] = "subtitles"
    operation: SubtitleOperation
    input: str
    output: str
    format: str
    encoding: str = "utf-8"
    cues: int
    changes: list[str] = Field(
        default_factory=list, description="What was done, one line per kind of change."
    )
    remaining: list[SubtitleIssue] = Field(
        default_factory=list, description="Issues that could not be fixed automatically (e.g. reading speed)."
    )
    dropped: list[str] = Field(
        default_factory=list,
        description="Styling the output format cannot carry, and on which cues (e.g. '<v> voice spans: cues 3, 5').",
    )

    def summary(self) -> str:
        text = f"{self.operation}: wrote {self.output} ({self.cues} cues, {self.format}, {self.encoding})"
        if self.changes:
            text += "; " + "; ".join(self.changes)
        if self.dropped:
            text += "; styling the format cannot carry was dropped: " + "; ".join(self.dropped)
        if self.remaining:
            text += f"; {len(self.remaining)} issue(s) left for a person"
        return text
