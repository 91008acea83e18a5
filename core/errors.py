"""One root error for everything Slate reports to a person.

Every error carries its evidence (the file, line and offending value) as attributes, so the
agent can hand it to a model as text and the CLI and UI can turn it into one sentence at the
edge. Nothing below the edge formats errors for people or prints tracebacks.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class SlateError(Exception):
    """Root of every error Slate expects and can explain.

    Args:
        message: what went wrong, as one sentence without the location.
        file: the file the problem is in, if any.
        line: 1-based line (or row) number in that file, if known.
        value: the offending value, quoted in the message.
        hint: what the user can do about it.
    """

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        value: object = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.value = value
        self.hint = hint

    @property
    def location(self) -> str:
        """`file:line` (or just `file`), empty when the error has no file."""
        if self.file is None:
            return ""
        return f"{self.file}:{self.line}" if self.line is not None else self.file

    def __str__(self) -> str:
        text = self.message
        if self.value is not None and repr(self.value) not in text and str(self.value) not in text:
            text += f" (got {self.value!r})"
        if self.location:
            text = f"{self.location}: {text}"
        if self.hint:
            text += f". {self.hint}" if not text.endswith(".") else f" {self.hint}"
        return text

    def to_dict(self) -> dict[str, object]:
        """The error as data, for JSON output and for the model."""
        data: dict[str, object] = {"error": type(self).__name__, "message": str(self)}
        for key in ("file", "line", "value", "hint"):
            val = getattr(self, key)
            if val is not None:
                data[key] = val if isinstance(val, (str, int, float, bool)) else str(val)
        return data


# --- Input files --------------------------------------------------------------------------------


class InputFileError(SlateError):
    """A file the user gave cannot be read as what it claims to be."""


class UnsupportedFormat(InputFileError):
    """The file type is not one Slate reads."""


class DecodeError(InputFileError):
    """The bytes are not text in any encoding Slate recognises."""


class EmptyInput(InputFileError):
    """The file is empty (or holds only whitespace)."""


class BinaryInput(InputFileError):
    """The file is binary where text was expected."""


class NoScenes(InputFileError):
    """A screenplay with no scene heading in it."""


class ParseError(InputFileError):
    """The file is damaged or malformed at a known place."""


class ResourceLimitExceeded(ParseError):
    """The file goes past one of Slate's reading limits (zip bombs, entity expansion, huge inputs).

    Args:
        limit: the limit's name, e.g. "decompressed size" or "XML depth".
        maximum: the largest value allowed.
    """

    def __init__(
        self,
        message: str,
        *,
        limit: str,
        maximum: int | float | None = None,
        file: str | Path | None = None,
        line: int | None = None,
        value: object = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, file=file, line=line, value=value, hint=hint)
        self.limit = limit
        self.maximum = maximum


# --- Lookups ------------------------------------------------------------------------------------


class NotFound(SlateError):
    """Something the user named does not exist; `nearest` lists close matches."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        value: object = None,
        nearest: Sequence[str] = (),
        file: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.nearest = list(nearest)
        if self.nearest and hint is None:
            hint = "Nearest: " + ", ".join(self.nearest)
        super().__init__(message, value=value, file=file, line=line, hint=hint)

    def to_dict(self) -> dict[str, object]:
        data = super().to_dict()
        data["nearest"] = self.nearest
        return data


class SceneNotFound(NotFound):
    def __init__(self, scene: str, nearest: Sequence[str] = (), *, file: str | Path | None = None) -> None:
        self.scene = scene
        super().__init__(f"No scene {scene!r} in the script", value=scene, nearest=nearest, file=file)


class SceneOmitted(SlateError):
    """The scene is kept in the script only to lock its number (OMITTED): nothing to draft or shoot."""

    def __init__(self, scene: str, *, file: str | Path | None = None) -> None:
        self.scene = scene
        super().__init__(
            f"Scene {scene} is OMITTED in the script: there is nothing to shoot", value=scene, file=file
        )


class CharacterNotFound(NotFound):
    def __init__(self, name: str, nearest: Sequence[str] = ()) -> None:
        self.name = name
        super().__init__(f"No character called {name!r} in the production", value=name, nearest=nearest)


class LocationNotFound(NotFound):
    def __init__(self, name: str, nearest: Sequence[str] = ()) -> None:
        self.name = name
        super().__init__(f"No location matching {name!r} in the production", value=name, nearest=nearest)


class ProjectNotFound(NotFound):
    def __init__(self, project: str, nearest: Sequence[str] = ()) -> None:
        self.project = project
        super().__init__(
            f"No project called {project!r}",
            value=project,
            nearest=nearest,
            hint=None if nearest else "Create it with `slate ingest PATH --project NAME`",
        )


# --- Plans, schedules, subtitles, models --------------------------------------------------------


class ConfigError(SlateError):
    """A setting or environment variable has a value Slate cannot use."""


class PlanError(SlateError):
    """A production plan entry is invalid; `key` and `entry` say which."""

    def __init__(
        self,
        message: str,
        *,
        key: str | None = None,
        entry: str | None = None,
        file: str | Path | None = None,
        line: int | None = None,
        value: object = None,
    ) -> None:
        self.key = key
        self.entry = entry
        where = " ".join(
            part for part in (f"in {entry}" if entry else "", f"at {key!r}" if key else "") if part
        )
        super().__init__(f"{message} {where}".strip(), file=file, line=line, value=value)


class Infeasible(SlateError):
    """No schedule satisfies the hard constraints; `reasons` says which ones block it."""

    def __init__(self, message: str, reasons: Sequence[str] = ()) -> None:
        self.reasons = list(reasons)
        super().__init__(message + (": " + "; ".join(self.reasons) if self.reasons else ""))


class SubtitleError(SlateError):
    """A subtitle file or operation problem at a known cue or line."""


class ModelError(SlateError):
    """The connected language model failed (auth, rate limit, timeout, refused, malformed)."""

    exit_code = 3


class StoreError(SlateError):
    """The vector store cannot be reached or is inconsistent."""

    exit_code = 3
