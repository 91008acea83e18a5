"""The shot list's typed core: the closed sets (sizes, angles, movements, sound, styles, note tags),
`Shot`, `ShotList` and the tool result `ShotListResult` that every other shot-list module passes on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator

from core.errors import NotFound
from knowledge.citations import Citation
from tools.registry import ToolResult
from tools.shot_list.ids import nearest_shot_ids, normalise_shot_id, scene_key

ShotSize = Literal["EWS", "WS", "MS", "MCU", "CU", "ECU", "INSERT", "OTS", "POV", "TWO-SHOT"]
Angle = Literal["eye level", "high", "low", "dutch", "overhead"]
Movement = Literal[
    "static", "pan", "tilt", "dolly", "tracking", "handheld", "steadicam", "crane/drone", "zoom"
]
Sound = Literal["sync", "MOS"]
Style = Literal["classic", "handheld", "hk-action"]
NoteTag = Literal["STUNT", "VEHICLE", "EXTRAS", "SFX", "VFX"]

SHOT_SIZES: tuple[str, ...] = get_args(ShotSize)
ANGLES: tuple[str, ...] = get_args(Angle)
MOVEMENTS: tuple[str, ...] = get_args(Movement)
SOUNDS: tuple[str, ...] = get_args(Sound)
STYLES: tuple[str, ...] = get_args(Style)
NOTE_TAGS: tuple[str, ...] = get_args(NoteTag)

# A line reference: one source line, or an inclusive [start, end] span.
LineRef = int | tuple[int, int]


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _clean_text(value: str) -> str:
    """Text a spreadsheet can hold: CRLF folded to LF, other control characters dropped."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n")).strip()


class Shot(BaseModel):
    """One setup on the shot list."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(description="Shot id: scene number plus slate letters, e.g. '12A'.")
    scene: str
    size: ShotSize
    angle: Angle = "eye level"
    movement: Movement = "static"
    lens_mm: int = Field(ge=4, le=2000, description="Focal length in mm.")
    equipment: str = ""
    subjects: list[str] = Field(default_factory=list, description="Canonical character names in frame.")
    description: str = ""
    lines: list[LineRef] = Field(default_factory=list, description="Source lines or [start, end] spans.")
    sound: Sound = "sync"
    setup_minutes: int = Field(ge=0, le=24 * 60)
    notes: str = Field("", description="`TAG: detail` segments joined by ' | ' (STUNT, VEHICLE, ...).")

    @field_validator("equipment", "description", "notes", mode="before")
    @classmethod
    def _text(cls, value: object) -> object:
        return _clean_text(value) if isinstance(value, str) else value

    @field_validator("id", "scene", mode="before")
    @classmethod
    def _ident(cls, value: object) -> object:
        return scene_key(value) if isinstance(value, str) else value

    @field_validator("lines")
    @classmethod
    def _spans(cls, refs: list[LineRef]) -> list[LineRef]:
        out: list[LineRef] = []
        for ref in refs:
            if isinstance(ref, tuple):
                start, end = ref
                if end < start:
                    raise ValueError(f"line span {start}-{end} ends before it starts")
                out.append(start if start == end else (start, end))
            else:
                out.append(ref)
        return out

    def line_spans(self) -> list[tuple[int, int]]:
        """Every reference as an inclusive (start, end) span."""
        return [ref if isinstance(ref, tuple) else (ref, ref) for ref in self.lines]

    def note_tags(self) -> list[str]:
        """The department tags in `notes` (the first word of each ' | ' segment)."""
        return note_tags(self.notes)


class ShotList(BaseModel):
    """A scene's shot list, one version of it."""

    scene: str
    heading: str = ""
    style: Style = "classic"
    shots: list[Shot] = Field(default_factory=list)
    version: int = Field(0, ge=0, description="Saved version (0: not saved yet).")
    provenance: list[str] = Field(
        default_factory=lambda: ["rules"],
        description="Who shaped it, in order: 'rules', 'model:<name>', 'edit: ...', 'import: <file>'.",
    )
    warnings: list[str] = Field(
        default_factory=list, description="E.g. why a model's refinement was refused."
    )
    saved_at: str | None = None

    @field_validator("scene", mode="before")
    @classmethod
    def _scene(cls, value: object) -> object:
        return scene_key(value) if isinstance(value, str) else value

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_minutes(self) -> int:
        """Estimated minutes for every setup of the scene."""
        return sum(shot.setup_minutes for shot in self.shots)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def shot_count(self) -> int:
        return len(self.shots)

    def shot(self, shot_id: str) -> Shot:
        """A shot by id (`12B`, `12b`, or just `B`); NotFound lists the nearest ids."""
        wanted = normalise_shot_id(shot_id, self.scene)
        for shot in self.shots:
            if shot.id == wanted:
                return shot
        raise NotFound(
            f"No shot {shot_id!r} in the shot list for scene {self.scene}",
            value=shot_id,
            nearest=nearest_shot_ids(wanted, [s.id for s in self.shots], self.scene),
        )


class ShotListResult(ToolResult, ShotList):
    """A shot list as a tool's artifact: the shot list's own fields (`scene`, `shots`,
    `total_minutes`, ...) at the top level, as the issue's JSON has them, plus `kind`, `files`, `sources`."""

    kind: Literal["shot_list"] = "shot_list"

    @classmethod
    def of(
        cls, shot_list: ShotList, *, files: Sequence[str] = (), sources: Sequence[Citation] = ()
    ) -> ShotListResult:
        fields = shot_list.model_dump(include=set(ShotList.model_fields))
        return cls(**fields, files=list(files), sources=list(sources))

    @property
    def shot_list(self) -> ShotList:
        """The shot list alone (without the artifact's bookkeeping)."""
        return ShotList.model_validate(self.model_dump(include=set(ShotList.model_fields)))

    def summary(self) -> str:
        sl = self
        saved = f", v{sl.version}" if sl.version else ""
        by = "" if sl.provenance == ["rules"] else f"; {', '.join(sl.provenance)}"
        return (
            f"Scene {sl.scene}: {sl.shot_count} shots, {format_minutes(sl.total_minutes)} "
            f"({sl.style}{saved}{by})"
        )


def format_minutes(minutes: int) -> str:
    """`185` → `3 h 05 min`; `40` → `40 min`."""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


def note_tags(notes: str) -> list[str]:
    """Department tags at the start of each ' | ' segment of a notes cell (case-insensitive)."""
    tags = []
    for segment in notes.split("|"):
        head = segment.strip().split(":", 1)[0].strip().upper()
        if head in NOTE_TAGS and head not in tags:
            tags.append(head)
    return tags
