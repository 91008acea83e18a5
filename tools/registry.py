"""The one list of Slate's tools.

A tool is a plain typed function `tool(production, **args) -> ToolResult` with a docstring whose
first line is the model's tool description and whose `Args:` section describes each parameter.
`register` derives a pydantic argument model from the signature, so the agent (LangChain), the CLI
and the UI all validate arguments the same way. Nothing here imports LangChain or Gradio.
"""

from __future__ import annotations

import inspect
import re
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model, model_validator

from core.errors import SlateError
from knowledge.citations import Citation
from knowledge.production import Production

ArtifactKind = Literal[
    "scenes",
    "scene",
    "character",
    "location",
    "search",
    "shot_list",
    "schedule",
    "call_sheet",
    "subtitle_report",
    "subtitles",
    "transcript",
    "shot_changes",
    "dialogue_list",
    "adr_list",
    "overview",
    "cast",
    "message",
    "breakdown",
    "element_report",
    "revision_report",
    "plan_settings",
]


# Bounded numbers for tool arguments. The bounds travel in each tool's JSON schema (a model sees
# `minimum`/`maximum`) and are checked again when the call runs, so neither a confused model nor a
# document's instructions can ask the solver for a day of work or a page number past any script.
PageNumber = Annotated[int, Field(ge=1, le=10_000)]
ResultCount = Annotated[int, Field(ge=1, le=20)]
LensMillimetres = Annotated[int, Field(ge=4, le=2000)]
SolverSeconds = Annotated[float, Field(ge=0.5, le=60.0)]
ShootingDay = Annotated[int, Field(ge=1, le=1000)]
FrameRate = Annotated[float, Field(gt=0, le=240.0)]
ReadingSpeed = Annotated[float, Field(gt=0, le=100.0)]
Quantity = Annotated[int, Field(ge=0, le=100_000)]


class ToolResult(BaseModel):
    """Base of every tool's result: an artifact of some kind, and the sources it used."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    kind: ArtifactKind
    sources: list[Citation] = Field(default_factory=list)
    files: list[str] = Field(default_factory=list, description="Files the tool wrote (absolute paths).")

    def summary(self) -> str:
        """A short plain-text digest (the CLI prints it; models see it with the data)."""
        return ""


class ToolError(BaseModel):
    """A tool call that gave no result: the error it ended in (`kind` "error": the error's class name,
    its sentence and its evidence, as `SlateError.to_dict` and the gate write them), or a reply
    recovered from a tool message that carried no data (`kind` "message")."""

    kind: Literal["error", "message"] = "error"
    error: str | None = Field(
        None, description="The error's class name: SceneNotFound, Blocked, ToolFailed ..."
    )
    message: str | None = None
    tool: str | None = None
    value: str | int | float | bool | None = None
    nearest: list[str] = Field(default_factory=list)
    file: str | None = None
    line: int | None = None
    hint: str | None = None


@dataclass(frozen=True)
class ToolSpec:
    """A registered tool: the function and what the agent needs to call it."""

    name: str
    func: Callable[..., ToolResult]
    args_model: type[BaseModel]
    description: str
    doc: str
    changes_production: bool = False  # writes saved state or files: runs only when the person asked

    def __call__(self, production: Production, **kwargs: Any) -> ToolResult:
        try:
            args = self.args_model(**kwargs)
        except ValidationError as exc:
            raise ToolArgumentError(self.name, exc) from None
        return self.func(production, **args.model_dump(exclude_unset=False))

    def invoke(self, production: Production, args: dict[str, Any]) -> ToolResult:
        """Validate `args` (from a model or a form) and run the tool."""
        return self(production, **args)

    @property
    def result_model(self) -> type[ToolResult]:
        """The tool's result type (its return annotation)."""
        result: type[ToolResult] = typing.get_type_hints(self.func)["return"]
        return result

    def load_result(self, data: Mapping[str, Any]) -> ToolResult:
        """The typed result again from its plain-data form (a checkpoint, the UI's state)."""
        return self.result_model.model_validate(dict(data))


class ToolArgumentError(SlateError):
    """A tool was given an argument it cannot take; says which and what it accepts."""

    def __init__(self, tool: str, exc: ValidationError) -> None:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first.get("loc", ())) or "arguments"
        super().__init__(f"{tool}: {field}: {first['msg']}", value=first.get("input"))


def _choices(annotation: Any) -> tuple[str, ...]:
    """The string values of a `Literal` inside an annotation (`TimeOfDay | None` → DAY, NIGHT, ...)."""
    if typing.get_origin(annotation) is Literal:
        return tuple(v for v in typing.get_args(annotation) if isinstance(v, str))
    return tuple(c for arg in typing.get_args(annotation) for c in _choices(arg))


class ToolArgs(BaseModel):
    """Base of every tool's argument model: closed-set values are matched case-insensitively, so a
    model (or a person using the API) may write `night` for NIGHT or `Hk-Action` for hk-action."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _match_choices(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        fixed = dict(data)
        for name, field in cls.model_fields.items():
            value = fixed.get(name)
            choices = _choices(field.annotation)
            if isinstance(value, str) and choices and value not in choices:
                folded = value.strip().casefold()
                match = next((c for c in choices if c.casefold() == folded), None)
                if match is not None:
                    fixed[name] = match
        return fixed


_TOOLS: dict[str, ToolSpec] = {}

_ARG_LINE = re.compile(r"^\s{2,}(\w+)(?:\s*\([^)]*\))?:\s*(.*)$")


def _arg_docs(doc: str) -> dict[str, str]:
    """Parameter descriptions from a Google-style `Args:` section."""
    out: dict[str, str] = {}
    in_args = False
    current: str | None = None
    for line in doc.splitlines():
        if line.strip() in ("Args:", "Arguments:"):
            in_args = True
            continue
        if in_args:
            if line.strip() and not line.startswith(" "):
                break
            if re.match(r"^\s*(Returns|Raises|Examples?):", line):
                break
            match = _ARG_LINE.match(line)
            if match and len(line) - len(line.lstrip()) <= 8:
                current = match.group(1)
                out[current] = match.group(2).strip()
            elif current and line.strip():
                out[current] += " " + line.strip()
    return out


def register(func: Callable[..., ToolResult] | None = None, *, changes_production: bool = False) -> Any:
    """Add a tool function to the registry (usable as `@register` or `@register(changes_production=True)`)."""

    def wrap(fn: Callable[..., ToolResult]) -> Callable[..., ToolResult]:
        doc = inspect.getdoc(fn) or ""
        if not doc:
            raise TypeError(f"tool {fn.__name__} needs a docstring: it is the model's tool description")
        hints = typing.get_type_hints(fn, include_extras=True)  # keeps Field bounds in Annotated
        params = list(inspect.signature(fn).parameters.values())
        if not params or params[0].name != "production":
            raise TypeError(f"tool {fn.__name__} must take `production` as its first parameter")
        descriptions = _arg_docs(doc)
        fields: dict[str, Any] = {}
        for param in params[1:]:
            if param.name not in descriptions:
                raise TypeError(f"tool {fn.__name__}: parameter {param.name!r} is missing from `Args:`")
            default = ... if param.default is inspect.Parameter.empty else param.default
            fields[param.name] = (hints[param.name], Field(default, description=descriptions[param.name]))
        model_name = "".join(part.title() for part in fn.__name__.split("_")) + "Args"
        args_model = create_model(model_name, __base__=ToolArgs, **fields)
        spec = ToolSpec(
            name=fn.__name__,
            func=fn,
            args_model=args_model,
            description=doc.split("\n\n")[0].replace("\n", " ").strip(),
            doc=doc,
            changes_production=changes_production,
        )
        if spec.name in _TOOLS and _TOOLS[spec.name].func is not fn:
            raise ValueError(f"two tools are named {spec.name!r}")
        _TOOLS[spec.name] = spec
        return fn

    return wrap(func) if func is not None else wrap


# Modules that define tools; importing them registers their tools. Order is the order models see.
TOOL_MODULES = (
    "tools.script_lookup",
    "tools.shot_list",
    "tools.schedule.tools",
    "tools.subtitles.tools",
    "tools.media.tools",
    "tools.breakdown.tools",
    "tools.revisions",
)


def all_tools() -> dict[str, ToolSpec]:
    """Every registered tool by name (importing the tool modules on first use)."""
    import importlib

    for module in TOOL_MODULES:
        importlib.import_module(module)
    return dict(_TOOLS)


def load_artifact(data: Mapping[str, Any]) -> ToolResult | ToolError | None:
    """A tool call's artifact (the plain data a checkpoint or the UI's state holds) as its model: the
    tool's result, or the error it ended in. None when no registered tool's result model fits."""
    tool = data.get("tool")
    spec = all_tools().get(tool) if isinstance(tool, str) else None
    try:
        if data.get("kind") in ("error", "message"):
            return ToolError.model_validate(dict(data))
        return spec.load_result(data) if spec is not None else None
    except ValidationError:
        return None


def get_tool(name: str) -> ToolSpec:
    tools = all_tools()
    if name not in tools:
        from core.errors import NotFound

        raise NotFound(f"No tool called {name!r}", value=name, nearest=sorted(tools)[:5])
    return tools[name]
