"""Results of the media tools (pydantic, at the boundary to the agent, CLI and UI)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from tools.registry import ToolResult
from tools.subtitles.models import SubtitleIssue

ShotIssueCode = Literal["in_near_shot_change", "out_near_shot_change", "crosses_shot_change"]


class TranscribedCue(BaseModel):
    """One cue of a transcription draft, with how far it can be trusted."""

    index: int = Field(description="1-based, in time order.")
    start: str = Field(description="HH:MM:SS,mmm")
    end: str = Field(description="HH:MM:SS,mmm")
    start_ms: int
    end_ms: int
    text: str = Field(description="The cue text as written to the file (lines broken for the profile).")
    heard: str = Field(description="What the speech model heard, before the script's wording was used.")
    character: str | None = Field(None, description="The speaker, when the cue was matched to a script line.")
    script_line: int | None = Field(None, description="Source line of the script dialogue it was matched to.")
    confidence: float = Field(
        description="0-1: with a scene, how well the heard words match the script line (matched words "
        "over the longer of the two); without, the speech model's mean word probability."
    )
    low_confidence: bool = Field(description="Below the threshold: a person should listen to this cue.")


class ShotMove(BaseModel):
    """One cue edge moved to a shot change."""

    cue: int
    edge: Literal["in", "out"]
    before: str
    after: str
    shot_change_frame: int
    reason: str

    def describe(self) -> str:
        where = "in" if self.edge == "in" else "out"
        return f"cue {self.cue} {where} {self.before} → {self.after} ({self.reason})"


class ShotIssue(BaseModel):
    """A cue edge near a shot change, or a cue that runs across one."""

    cue: int
    start: str
    code: ShotIssueCode
    message: str
    shot_change_frame: int


class ShotChangesResult(ToolResult):
    """Shot changes found in a video (stored beside it), and how subtitles sit against them."""

    kind: Literal["shot_changes"] = "shot_changes"
    video: str
    sidecar: str | None = Field(None, description="The JSON file the shot changes are stored in.")
    fps: float
    frames: int | None = None
    shot_changes: list[int] = Field(
        default_factory=list, description="Frame numbers of the first frame of each new shot."
    )
    times: list[str] = Field(default_factory=list, description="The same shot changes as HH:MM:SS,mmm.")
    reused: bool = Field(False, description="True when the stored shot changes were still valid and reused.")
    subtitles: str | None = Field(None, description="The subtitle file checked against the shot changes.")
    issues: list[ShotIssue] = Field(default_factory=list)
    moves: list[ShotMove] = Field(default_factory=list, description="Edges moved when fixing.")
    output: str | None = Field(None, description="The fixed subtitle file, when one was written.")

    def summary(self) -> str:
        text = f"{self.video}: {len(self.shot_changes)} shot change(s) at {self.fps:.3f} fps"
        if self.subtitles:
            text += f"; {self.subtitles}: {len(self.issues)} cue edge(s) against shot changes"
        if self.output:
            text += f"; {len(self.moves)} moved, wrote {self.output}"
        return text


class TranscriptionResult(ToolResult):
    """A timed subtitle draft made from speech, checked against the profile (and shot changes)."""

    kind: Literal["transcript"] = "transcript"
    media: str
    output: str
    model: str
    language: str
    duration_s: float
    speech_s: float = Field(description="Seconds of speech the voice-activity filter kept.")
    profile: str
    scene: str | None = None
    cues: list[TranscribedCue] = Field(default_factory=list)
    changes: list[str] = Field(default_factory=list, description="What the profile's fixes changed.")
    shot_changes: int | None = Field(None, description="Shot changes used (None: audio only or not asked).")
    moves: list[ShotMove] = Field(default_factory=list)
    remaining: list[SubtitleIssue] = Field(
        default_factory=list, description="Profile rules the draft still breaks, for a person."
    )
    shot_issues: list[ShotIssue] = Field(default_factory=list)

    @property
    def low_confidence(self) -> list[TranscribedCue]:
        return [cue for cue in self.cues if cue.low_confidence]

    def summary(self) -> str:
        text = (
            f"transcribed {self.media} ({self.duration_s:.1f} s, {self.speech_s:.1f} s of speech): "
            f"{len(self.cues)} cues → {self.output} ({self.profile})"
        )
        if self.scene:
            text += f"; matched to scene {self.scene}"
        if self.low_confidence:
            text += f"; {len(self.low_confidence)} low-confidence cue(s) to check"
        if self.shot_changes is not None:
            text += f"; {self.shot_changes} shot change(s), {len(self.moves)} edge(s) moved"
        if self.remaining or self.shot_issues:
            text += f"; {len(self.remaining) + len(self.shot_issues)} issue(s) left for a person"
        return text


class DialogueRow(BaseModel):
    """One line of a timecoded dialogue list."""

    number: int
    scene: str | None = None
    tc_in: str | None = Field(None, description="SMPTE HH:MM:SS:FF")
    tc_out: str | None = None
    character: str | None = None
    dialogue: str = Field("", description="The line as the script has it.")
    subtitle: str = Field("", description="The subtitle text shown for it, as on screen.")
    english: str = ""
    chinese: str = ""
    cues: list[int] = Field(default_factory=list, description="Subtitle cue numbers the row covers.")
    script_line: int | None = None


class DialogueListResult(ToolResult):
    """A timecoded dialogue list written as XLSX and/or PDF."""

    kind: Literal["dialogue_list"] = "dialogue_list"
    script: str
    subtitles: str
    fps: float
    rows: list[DialogueRow] = Field(default_factory=list)
    unmatched_cues: list[int] = Field(
        default_factory=list, description="Subtitle cues matched to no script line."
    )

    def summary(self) -> str:
        timed = sum(1 for row in self.rows if row.tc_in)
        return (
            f"dialogue list: {len(self.rows)} rows ({timed} timed), {len(self.unmatched_cues)} cue(s) "
            f"not in the script; wrote {', '.join(self.files)}"
        )


class AdrCue(BaseModel):
    """One line to re-record, in a character's ADR cue list."""

    cue_id: str = Field(description="e.g. LAU-003: the character's short name and a running number.")
    character: str
    scene: str | None = None
    tc_in: str | None = None
    tc_out: str | None = None
    line: str
    subtitle: str = ""
    take_notes: str = ""


class AdrListResult(ToolResult):
    """ADR/dubbing cue lists, one per character, for the lines marked for re-recording."""

    kind: Literal["adr_list"] = "adr_list"
    fps: float
    characters: dict[str, list[AdrCue]] = Field(default_factory=dict)

    def summary(self) -> str:
        counts = ", ".join(f"{name} {len(cues)}" for name, cues in self.characters.items())
        total = sum(len(cues) for cues in self.characters.values())
        return f"ADR list: {total} cue(s) ({counts}); wrote {', '.join(self.files)}"
