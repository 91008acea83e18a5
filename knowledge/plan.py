"""The production plan: shooting calendar, cast rates and availability, scene overrides, weights.

A plan is a YAML (or JSON) file, documented in docs/plan-format.md:

    production: Night Shift
    start_date: 2027-03-01
    days_off: [sunday]
    cast_list: cast.csv            # rows from knowledge.cast_list, relative to the plan
    cast:
      - {id: AH FAI, daily_rate: 8000, unavailable: [2027-03-02]}
    scenes:
      - {id: "12", location: ROOFTOP, cast: [MEI], duration_days: 2}
    weights: {holding: 1, company_move: 5000, extra_day: 20000}

`load_plan` reads and validates it; every error is a `PlanError` naming the key, the entry
(`scenes[3] (id '12')`, 1-based) and the YAML line. `breakdown_from_production` turns the script's
scenes plus the plan's `scenes:` entries into `StripScene`s, the strips a scheduler places on days.
"""

from __future__ import annotations

import difflib
import json
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, ValidationError

from core.errors import PlanError
from knowledge.cast_list import (
    CastMember,
    LocationEntry,
    load_cast_list,
    load_location_list,
    normalise_name,
)
from knowledge.encoding import read_text
from knowledge.headings import TIME_WORDS as HEADING_TIMES
from knowledge.limits import nesting_guard
from knowledge.screenplay import IntExt, Scene, ScriptLine, TimeOfDay, eighths_text

if TYPE_CHECKING:
    from knowledge.production import Production

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[Weekday, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

# Every spelling a Hong Kong crew writes a weekday in, keyed by `normalise_name`.
_WEEKDAY_ALIASES: dict[str, Weekday] = {}
for _number, _day in enumerate(WEEKDAYS):
    _zh = "一二三四五六日"[_number]
    for _alias in (_day, _day[:3], f"星期{_zh}", f"週{_zh}", f"周{_zh}", f"禮拜{_zh}", f"礼拜{_zh}"):
        _WEEKDAY_ALIASES[_alias] = _day
_WEEKDAY_ALIASES.update(
    {"tues": "tuesday", "thur": "thursday", "thurs": "thursday", "星期天": "sunday", "禮拜天": "sunday"}
)

_INT_EXT_ALIASES: dict[str, str] = {
    "I": "INT",
    "E": "EXT",
    "I/E": "INT/EXT",
    "E/I": "INT/EXT",
    "EXT/INT": "INT/EXT",
    "內": "INT",
    "内": "INT",
    "內景": "INT",
    "内景": "INT",
    "外": "EXT",
    "外景": "EXT",
}
# A plan's time column: a heading's own words (knowledge.headings.TIME_WORDS: NIGHT, 夜, 黃昏, EVENING …)
# and the one-letter and one-character short forms a strip board uses.
_TIME_ALIASES: dict[str, str] = {**HEADING_TIMES, "D": "DAY", "N": "NIGHT", "日景": "DAY", "夜景": "NIGHT"}

# Defaults, documented in docs/plan-format.md.
DEFAULT_DAY_LENGTH_HOURS = 12.0
DEFAULT_PAGES_PER_HOUR = 0.5  # six pages in a twelve-hour day: a brisk local feature
DEFAULT_CALL_TIME = time(7, 0)
DEFAULT_NIGHT_CALL_TIME = time(18, 0)
DEFAULT_MAKEUP_MINUTES = 60
# Time a page-rate estimate leaves out. An AD's rule of thumb, not a measurement: each stunt beat
# (a fall, a fight, a jump) costs a walk-through with the stunt coordinator, a safety check and a
# reset between takes, about half an hour; past four beats the rehearsal is shared, hence the cap.
# A special effect (rain, smoke, fire, breakaways) costs rigging and a reset per take, about half an
# hour for the scene however many effects it has, since the SFX crew rig them together.
DEFAULT_STUNT_HOURS = 0.5
DEFAULT_STUNT_HOURS_MAX = 2.0
DEFAULT_EFFECTS_HOURS = 0.5


# --- field coercion -----------------------------------------------------------------------------


def _as_text(value: Any) -> Any:
    """YAML reads `id: 12` as an int and `id: 12A` as a string; both are names here."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() else str(value)
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).strip()
    return value


def _as_text_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str):
        return [part for part in re.split(r"\s*[;|；,，、]\s*", value.strip()) if part]
    if isinstance(value, (list, tuple)):
        return [_as_text(v) for v in value]
    return value


def _as_dates(value: Any) -> Any:
    """A date, a list of dates, `a;b` or an inclusive `start..end` range, as a list of dates."""
    if value is None or value == "":
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    out: list[Any] = []
    for item in items:
        if isinstance(item, date):
            out.append(item)
            continue
        for part in re.split(r"\s*[;|；,，]\s*", str(item).strip()):
            if not part:
                continue
            start_text, sep, end_text = part.partition("..")
            start, end = _parse_date(start_text), _parse_date(end_text) if sep else None
            if start is None or (sep and end is None):
                raise ValueError(f"{part!r} is not a date (use YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)")
            if end is None:
                out.append(start)
                continue
            if end < start:
                raise ValueError(f"the range {part!r} ends before it starts")
            out.extend(start + timedelta(days=i) for i in range((end - start).days + 1))
    return sorted(set(out))


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def _as_date(value: Any) -> Any:
    if value is None or isinstance(value, date):
        return value
    parsed = _parse_date(str(value))
    if parsed is None:
        raise ValueError(f"{value!r} is not a date (use YYYY-MM-DD)")
    return parsed


def _as_weekday(value: Any) -> Any:
    key = normalise_name(str(value))
    if key in _WEEKDAY_ALIASES:
        return _WEEKDAY_ALIASES[key]
    nearest = difflib.get_close_matches(key, list(WEEKDAYS), n=1, cutoff=0.5)
    hint = f" (nearest {nearest[0]!r})" if nearest else ""
    raise ValueError(f"{value!r} is not a weekday{hint}; use monday … sunday or 星期一 … 星期日")


def _as_weekdays(value: Any) -> Any:
    if value is None:
        return []
    items = _as_text_list(value) if isinstance(value, str) else value
    return [_as_weekday(v) for v in items]


def _as_time(value: Any) -> Any:
    """`07:00`, `7:30`, or YAML's sexagesimal reading of an unquoted 07:00 (420)."""
    if isinstance(value, time):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return time(value // 60, value % 60)
    match = re.fullmatch(r"\s*(\d{1,2})[:：.](\d{2})\s*", str(value))
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValueError(f"{value!r} is not a time of day (use HH:MM, e.g. 07:00)")
    return time(int(match.group(1)), int(match.group(2)))


def _as_int_ext(value: Any) -> Any:
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value)).upper().replace(".", "").replace(" ", "")
    return _INT_EXT_ALIASES.get(text, text)


def _as_time_of_day(value: Any) -> Any:
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value)).upper().strip(" .")
    return _TIME_ALIASES.get(text, text)


def pages_to_eighths(value: Any) -> int:
    """`1 3/8` → 11, `3/8` → 3, `1.5` → 12 (at least one eighth)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return max(1, round(float(value) * 8))
    text = unicodedata.normalize("NFKC", str(value)).strip()
    match = re.fullmatch(r"(?:(\d+)\s+)?(\d+)/8", text)
    if match:
        return max(1, int(match.group(1) or 0) * 8 + int(match.group(2)))
    try:
        return max(1, round(float(text) * 8))
    except ValueError:
        raise ValueError(f"{value!r} is not a page count (use 1 3/8, 3/8 or 1.5)") from None


Text = Annotated[str, BeforeValidator(_as_text)]
TextList = Annotated[list[Text], BeforeValidator(_as_text_list)]
Dates = Annotated[list[date], BeforeValidator(_as_dates)]
OptionalDate = Annotated[date | None, BeforeValidator(_as_date)]
Weekdays = Annotated[list[Weekday], BeforeValidator(_as_weekdays)]
TimeOfDayValue = Annotated[time, BeforeValidator(_as_time)]
PlanIntExt = Annotated[IntExt | None, BeforeValidator(_as_int_ext)]
PlanTimeOfDay = Annotated[TimeOfDay | None, BeforeValidator(_as_time_of_day)]


# --- the plan's models --------------------------------------------------------------------------


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class PlanCast(_Entry):
    """A cast entry in the plan: adds a character or overrides the cast list's row with that id."""

    id: Text = Field(description="The character's id (as in the cast list or the script).")
    names: TextList = Field(default_factory=list, description="Aliases in any language.")
    actor: Text | None = None
    daily_rate: float | None = Field(None, ge=0, description="Cost of a day on the payroll.")
    unavailable: Dates = Field(default_factory=list, description="Dates the actor cannot work.")
    makeup_minutes: int | None = Field(None, ge=0, le=600, description="Called this much before the crew.")
    notes: Text | None = None


class PlanLocation(_Entry):
    """A location entry in the plan: adds a set or overrides the locations list's row with that id."""

    id: Text
    names: TextList = Field(default_factory=list)
    address: Text | None = None
    int_ext: PlanIntExt = None
    unavailable: Dates = Field(default_factory=list)
    contact: Text | None = None
    notes: Text | None = None


class PlanScene(_Entry):
    """A scene entry: overrides the script's scene with the same number, or adds one."""

    id: Text = Field(description="The scene number, as in the script ('12', '12A').")
    location: Text | None = None
    int_ext: PlanIntExt = None
    time_of_day: PlanTimeOfDay = None
    cast: TextList | None = None
    est_hours: float | None = Field(None, gt=0, description="Hours to shoot it (else from pages).")
    eighths: int | None = Field(None, ge=1)
    pages: Annotated[int | None, BeforeValidator(lambda v: None if v is None else pages_to_eighths(v))] = (
        Field(None, description="Length as `1 3/8`, `3/8` or `1.5`; stored as eighths.")
    )
    duration_days: int | None = Field(None, ge=1, description="Fills this many whole shooting days alone.")
    not_before: OptionalDate = None
    not_after: OptionalDate = None
    notes: Text | None = Field(None, description="Stunts, extras, vehicles: shown on the call sheet.")
    synopsis: Text | None = None
    omit: bool = Field(False, description="Leave this scene out of the schedule (already shot, cut).")


class PlanBlock(_Entry):
    """A block: the only dates a location (its booking) or a cast member (their hold) may be used,
    or, with `preferred: true`, the dates their scenes should go on when that costs little."""

    location: Text | None = Field(None, description="A location id or alias: its scenes go on these dates.")
    cast: Text | None = Field(None, description="A cast id or alias: their scenes go on these dates.")
    dates: Dates = Field(default_factory=list, description="Dates and `start..end` ranges.")
    active: bool = Field(True, description="false keeps the block in the file but switches it off.")
    preferred: bool = Field(
        False,
        description="true: a wish, not a booking; each scene-day outside it costs weights.off_block.",
    )


class Weights(_Entry):
    """What one unit of each cost is worth in the objective."""

    holding: float = Field(1.0, ge=0, description="Multiplier on holding cost (money).")
    company_move: float = Field(5000.0, ge=0, description="Cost of one company move within a day.")
    extra_day: float = Field(20000.0, ge=0, description="Cost of one shooting day beyond the minimum.")
    # Above a day's hold of most supporting cast, below a company move and far below an extra day:
    # a preferred block is kept unless keeping it forces a move, a day, or holds of a lead.
    off_block: float = Field(
        2000.0, ge=0, description="Cost of each scene-day shot outside one of its preferred blocks."
    )


class Plan(_Entry):
    """A production plan (see docs/plan-format.md for every key and its default)."""

    production: Text | None = None
    start_date: Annotated[date, BeforeValidator(_as_date)]
    end_date: OptionalDate = Field(None, description="Last date the shoot may use (optional).")
    days_off: Weekdays = Field(default_factory=list, description="Weekdays never scheduled.")
    holidays: Dates = Field(default_factory=list, description="Dates never scheduled.")
    day_length_hours: float = Field(DEFAULT_DAY_LENGTH_HOURS, gt=0, le=24)
    pages_per_hour: float = Field(DEFAULT_PAGES_PER_HOUR, gt=0)
    call_time: TimeOfDayValue = DEFAULT_CALL_TIME
    night_call_time: TimeOfDayValue = DEFAULT_NIGHT_CALL_TIME
    makeup_minutes: int = Field(DEFAULT_MAKEUP_MINUTES, ge=0, le=600)
    stunt_hours: float = Field(
        DEFAULT_STUNT_HOURS, ge=0, le=12, description="Hours added per stunt in the breakdown (no est_hours)."
    )
    stunt_hours_max: float = Field(
        DEFAULT_STUNT_HOURS_MAX, ge=0, le=24, description="Most hours stunts add to one scene."
    )
    effects_hours: float = Field(
        DEFAULT_EFFECTS_HOURS, ge=0, le=12, description="Hours added to a scene with special effects."
    )
    turnaround_hours: float | None = Field(
        None, ge=0, le=48, description="Least rest between a night's wrap and the next day's call."
    )
    max_consecutive_days: int | None = Field(
        None, ge=1, description="Most consecutive calendar days a cast member may work."
    )
    split_days: bool = Field(
        True, description="false: a shooting day holds DAY scenes or DUSK/NIGHT scenes, never both."
    )
    blocks: list[PlanBlock] = Field(default_factory=list, description="Booked dates for a location or cast.")
    cast_list: Text | None = Field(None, description="A cast list file, relative to the plan.")
    locations_list: Text | None = Field(None, description="A locations list file, relative to the plan.")
    breakdown: Text | None = Field(None, description="The coordinator's breakdown edits (YAML/CSV/XLSX).")
    cast: list[PlanCast] = Field(default_factory=list)
    locations: list[PlanLocation] = Field(default_factory=list)
    scenes: list[PlanScene] = Field(default_factory=list)
    weights: Weights = Field(default_factory=Weights)

    _file: Path | None = PrivateAttr(None)
    _lines: dict[tuple[Any, ...], int] = PrivateAttr(default_factory=dict)

    # --- locating problems ------------------------------------------------------------------

    @property
    def file(self) -> Path | None:
        """The plan file this was read from (None for a plan built in code)."""
        return self._file

    def line_of(self, path: Sequence[Any]) -> int | None:
        """The YAML line of a key path such as ('scenes', 2, 'cast'), else of its nearest parent."""
        key = tuple(path)
        while key:
            if key in self._lines:
                return self._lines[key]
            key = key[:-1]
        return None

    def entry_label(self, section: str, index: int) -> str:
        """`scenes[3] (id '12')`: the 1-based entry, named by its id when it has one."""
        items: list[Any] = getattr(self, section, [])
        ident = getattr(items[index], "id", None) if 0 <= index < len(items) else None
        return f"{section}[{index + 1}]" + (f" (id {ident!r})" if ident else "")

    def error(
        self, message: str, *, section: str, index: int, key: str | None, value: object = None
    ) -> PlanError:
        """A PlanError for one entry's key, with the file and line."""
        path: tuple[Any, ...] = (section, index, key) if key else (section, index)
        return PlanError(
            message,
            key=key,
            entry=self.entry_label(section, index),
            file=self._file,
            line=self.line_of(path),
            value=value,
        )

    # --- calendar ---------------------------------------------------------------------------

    def is_shooting_date(self, day: date) -> bool:
        """False on the plan's weekly days off and holidays."""
        return WEEKDAYS[day.weekday()] not in self.days_off and day not in self.holidays

    def shooting_dates(self, limit: int) -> list[date]:
        """The first `limit` shooting dates from start_date (fewer if end_date comes first)."""
        out: list[date] = []
        day = self.start_date
        # A plan with every weekday off is rejected by validation, so this always advances.
        while len(out) < limit and (self.end_date is None or day <= self.end_date):
            if self.is_shooting_date(day):
                out.append(day)
            day += timedelta(days=1)
        return out

    # --- people and places ------------------------------------------------------------------

    def cast_members(self, base: Sequence[CastMember] = ()) -> list[CastMember]:
        """`base` (a production's cast list), then the plan's cast_list file, then inline entries.

        Inline entries replace the fields they set (unavailable dates included) and add aliases.
        """
        members = _merge_entries(list(base), self._listed_cast())
        for entry in self.cast:
            members = _merge_entries(members, [_cast_from_entry(entry)], fields=entry.model_fields_set)
        return members

    def location_entries(self, base: Sequence[LocationEntry] = ()) -> list[LocationEntry]:
        """`base`, then the plan's locations_list file, then inline entries (same rules as cast)."""
        entries = _merge_entries(list(base), self._listed_locations())
        for entry in self.locations:
            entries = _merge_entries(
                entries, [LocationEntry(**entry.model_dump())], fields=entry.model_fields_set
            )
        return entries

    def makeup_minutes_for(self, cast_id: str) -> int:
        """Minutes before the general call a cast member is called (their entry, else the plan's)."""
        for entry in self.cast:
            if normalise_name(entry.id) == normalise_name(cast_id) and entry.makeup_minutes is not None:
                return entry.makeup_minutes
        return self.makeup_minutes

    def list_path(self, key: Literal["cast_list", "locations_list", "breakdown"]) -> Path | None:
        """The cast or locations list file the plan names, resolved beside the plan; None if unset."""
        value = getattr(self, key)
        if not value:
            return None
        path = Path(value)
        if not path.is_absolute() and self._file is not None:
            path = self._file.parent / path
        if not path.exists():
            raise PlanError(
                "The list file does not exist",
                key=key,
                entry="the plan",
                file=self._file,
                line=self.line_of((key,)),
                value=value,
            )
        return path

    def _listed_cast(self) -> list[CastMember]:
        path = self.list_path("cast_list")
        return load_cast_list(path) if path else []

    def _listed_locations(self) -> list[LocationEntry]:
        path = self.list_path("locations_list")
        return load_location_list(path) if path else []


def _cast_from_entry(entry: PlanCast) -> CastMember:
    return CastMember(
        id=entry.id,
        names=list(entry.names),
        actor=entry.actor,
        daily_rate=entry.daily_rate or 0.0,
        unavailable=list(entry.unavailable),
        notes=entry.notes,
    )


def _find(items: Sequence[CastMember | LocationEntry], ident: str) -> int | None:
    key = normalise_name(ident)
    for number, item in enumerate(items):
        if normalise_name(item.id) == key:
            return number
    for number, item in enumerate(items):
        if key in (normalise_name(alias) for alias in item.all_names()):
            return number
    return None


# Aliases accumulate; everything else a plan entry sets (unavailable dates included) replaces.
_UNION_FIELDS = ("names",)


_Listed = TypeVar("_Listed", CastMember, LocationEntry)
_Model = TypeVar("_Model", bound=BaseModel)


def _merge_entries(
    items: list[_Listed], extra: Sequence[_Listed], fields: set[str] | None = None
) -> list[_Listed]:
    """`extra` merged into `items` by id or alias (see `_merged`); new ids are appended."""
    out = list(items)
    for item in extra:
        found = _find(out, item.id)
        if found is None:
            out.append(item)
            continue
        out[found] = _merged(out[found], item, fields)
    return out


def _merged(old: _Model, new: _Model, fields: set[str] | None) -> _Model:
    """`new` over `old`: fields `new` sets replace the old ones, except aliases, which are added."""
    chosen: set[str] = (
        fields if fields is not None else {k for k, v in new.model_dump().items() if v not in (None, [], 0)}
    )
    update: dict[str, Any] = {}
    known = set(type(old).model_fields)
    for field_name in sorted(chosen & known - {"id"}):
        value = getattr(new, field_name)
        if field_name in _UNION_FIELDS:
            value = list(dict.fromkeys([*getattr(old, field_name), *value]))
        update[field_name] = value
    return old.model_copy(update=update)


# --- reading ------------------------------------------------------------------------------------


def load_plan(path: str | Path) -> Plan:
    """Read and validate a plan file (YAML or JSON); PlanError names the key, entry and line."""
    file = Path(path)
    if not file.exists():
        raise PlanError("The plan file does not exist", file=file)
    text = read_text(file).text
    data, lines = _parse(text, file)
    return plan_from_data(data, file=file, lines=lines)


def plan_from_data(
    data: Any, *, file: Path | None = None, lines: dict[tuple[Any, ...], int] | None = None
) -> Plan:
    """Validate already-parsed plan data (a mapping); errors as `load_plan`."""
    lines = lines or {}
    if not isinstance(data, dict):
        raise PlanError("A plan must be a mapping of keys (production:, start_date:, …)", file=file, line=1)
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        raise _plan_error(exc, data, file, lines) from None
    plan._file = file
    plan._lines = lines
    _check(plan)
    return plan


class _PlanLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as text, so `2027-02-30` becomes a located PlanError
    from validation rather than a ValueError inside PyYAML."""


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    return loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None


_PlanLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def _parse(text: str, file: Path) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """The data and a map from key paths to 1-based lines (YAML compose nodes carry marks)."""
    try:
        with nesting_guard(file, "The plan"):
            node = yaml.compose(text, Loader=_PlanLoader)
            data = yaml.load(text, Loader=_PlanLoader)
    except yaml.YAMLError as exc:
        if file.suffix.lower() == ".json":
            try:
                return json.loads(text), {}
            except json.JSONDecodeError as json_exc:
                raise PlanError(f"Not valid JSON: {json_exc.msg}", file=file, line=json_exc.lineno) from None
        mark = getattr(exc, "problem_mark", None)
        raise PlanError(
            f"Not valid YAML: {getattr(exc, 'problem', None) or exc}",
            file=file,
            line=mark.line + 1 if mark else None,
        ) from None
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _index_lines(node, (), lines)
    return data, lines


def _index_lines(node: yaml.Node, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            lines[(*path, key)] = key_node.start_mark.line + 1
            _index_lines(value_node, (*path, key), lines)
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value):
            _index_lines(item, (*path, number), lines)


_SECTION_MODELS: dict[str, type[BaseModel]] = {
    "cast": PlanCast,
    "locations": PlanLocation,
    "scenes": PlanScene,
    "weights": Weights,
}


def _plan_error(
    exc: ValidationError, data: dict[str, Any], file: Path | None, lines: dict[tuple[Any, ...], int]
) -> PlanError:
    """The first validation problem as a PlanError naming its key and entry."""
    error = exc.errors()[0]
    loc = tuple(error["loc"])
    more = exc.error_count() - 1
    section = loc[0] if loc and isinstance(loc[0], str) else None
    entry = "the plan"
    key_loc = loc
    if section in ("cast", "locations", "scenes") and len(loc) > 1 and isinstance(loc[1], int):
        items = data.get(section) or []
        item = items[loc[1]] if loc[1] < len(items) else None
        ident = item.get("id") if isinstance(item, dict) else None
        entry = f"{section}[{loc[1] + 1}]" + (f" (id {str(ident)!r})" if ident is not None else "")
        key_loc = loc[2:]
    elif section == "weights":
        entry, key_loc = "weights", loc[1:]
    key = ".".join(str(part) for part in key_loc if not isinstance(part, int)) or None
    value = error.get("input")
    kind = error["type"]
    if kind == "extra_forbidden":
        model = _SECTION_MODELS.get(section or "", Plan) if entry != "the plan" else Plan
        valid = sorted(model.model_fields)
        bad = str(key_loc[-1]) if key_loc else str(loc[-1])
        nearest = difflib.get_close_matches(bad, valid, n=1, cutoff=0.5)
        message = f"Unknown key {bad!r}" + (
            f" (nearest valid key {nearest[0]!r})" if nearest else f"; valid keys: {', '.join(valid)}"
        )
        value = None
    elif kind == "missing":
        message = f"Missing required key {key!r}"
        value = None
    elif kind.startswith("date") or "date" in kind:
        message = f"{value!r} is not a date (use YYYY-MM-DD)"
    elif kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        message = f"{value!r} is not one of {expected}"
    elif kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
    else:
        message = f"{error['msg']}"
    if more:
        message += f" ({more} more problem{'s' if more > 1 else ''} after this one)"
    return PlanError(message, key=key, entry=entry, file=file, line=_line(lines, loc), value=value)


def _line(lines: dict[tuple[Any, ...], int], loc: tuple[Any, ...]) -> int | None:
    key = tuple(loc)
    while key:
        if key in lines:
            return lines[key]
        key = key[:-1]
    return None


def _check(plan: Plan) -> None:
    """Rules pydantic cannot express: duplicates, windows, a scene too long for its day or window."""
    if plan.end_date is not None and plan.end_date < plan.start_date:
        raise PlanError(
            "The end date is before the start date",
            key="end_date",
            entry="the plan",
            file=plan.file,
            line=plan.line_of(("end_date",)),
            value=plan.end_date.isoformat(),
        )
    if len(set(plan.days_off)) == len(WEEKDAYS):
        raise PlanError(
            "Every weekday is a day off",
            key="days_off",
            entry="the plan",
            file=plan.file,
            line=plan.line_of(("days_off",)),
        )
    for section in ("cast", "locations", "scenes"):
        seen: dict[str, int] = {}
        for number, item in enumerate(getattr(plan, section)):
            key = normalise_scene_id(item.id) if section == "scenes" else normalise_name(item.id)
            if key in seen:
                raise plan.error(
                    f"Duplicate id (also {plan.entry_label(section, seen[key])})",
                    section=section,
                    index=number,
                    key="id",
                    value=item.id,
                )
            seen[key] = number
    for number, scene in enumerate(plan.scenes):
        check_scene_window(plan, scene, number)
    for number, block in enumerate(plan.blocks):
        _check_block(plan, block, number)


def _check_block(plan: Plan, block: PlanBlock, number: int) -> None:
    """A block names one location or one cast member and at least one shooting date."""
    where: dict[str, Any] = {"section": "blocks", "index": number}
    if (block.location is None) == (block.cast is None):
        raise plan.error("A block names either a location or a cast member (one of them)", key=None, **where)
    if not block.dates:
        raise plan.error("A block needs its dates (a list or `start..end`)", key="dates", **where)
    if not any(plan.is_shooting_date(d) for d in block.dates):
        raise plan.error(
            "None of the block's dates is a shooting date (all are days off or holidays)",
            key="dates",
            value=", ".join(d.isoformat() for d in block.dates[:3]),
            **where,
        )


def check_scene_window(plan: Plan, scene: PlanScene | StripScene, number: int | None) -> None:
    """A scene must fit a day (or have duration_days) and its window must hold its days."""
    where: dict[str, Any] = {"section": "scenes", "index": number if number is not None else -1}

    def fail(message: str, key: str, value: object) -> PlanError:
        if number is None:
            return PlanError(message, key=key, entry=f"scene {scene.id!r}", file=plan.file, value=value)
        return plan.error(message, key=key, value=value, **where)

    if scene.not_before and scene.not_after and scene.not_after < scene.not_before:
        raise fail("not_after is before not_before", "not_after", scene.not_after.isoformat())
    if scene.not_after and scene.not_after < plan.start_date:
        raise fail("not_after is before the plan's start_date", "not_after", scene.not_after.isoformat())
    if scene.not_before and plan.end_date and scene.not_before > plan.end_date:
        raise fail("not_before is after the plan's end_date", "not_before", scene.not_before.isoformat())
    if (
        scene.duration_days is None
        and scene.est_hours is not None
        and scene.est_hours > plan.day_length_hours
    ):
        raise fail(
            f"est_hours {scene.est_hours:g} is longer than a {plan.day_length_hours:g}-hour day; "
            f"give it duration_days: {math.ceil(scene.est_hours / plan.day_length_hours)} instead",
            "est_hours",
            scene.est_hours,
        )
    needed = scene.duration_days or 1
    ends = [d for d in (scene.not_after, plan.end_date) if d is not None]
    if ends:
        first = max(plan.start_date, scene.not_before or plan.start_date)
        last = min(ends)
        days = sum(
            1 for i in range((last - first).days + 1) if plan.is_shooting_date(first + timedelta(days=i))
        )
        if days < needed:
            span = f"{first.isoformat()}..{last.isoformat()}"
            raise fail(
                f"needs {needed} shooting day{'s' if needed > 1 else ''} but its window {span} has only {days}",
                "not_after" if scene.not_after else "not_before",
                span,
            )


def normalise_scene_id(text: str) -> str:
    """Scene ids compare as the script's numbers do (`sc 12a` == `12A`)."""
    from knowledge.production import normalise_scene_number

    return normalise_scene_number(text)


# --- strips -------------------------------------------------------------------------------------


class StripScene(BaseModel):
    """One strip of the stripboard: a scene as the scheduler sees it."""

    id: str = Field(description="Scene number.")
    heading: str = ""
    location: str = Field("", description="Location-list id where matched, else the set as written.")
    set_name: str = Field("", description="The set as the script writes it.")
    int_ext: IntExt | None = None
    time_of_day: TimeOfDay | None = None
    cast: list[str] = Field(default_factory=list, description="Cast ids.")
    eighths: int = Field(8, ge=1)
    est_hours: float = Field(gt=0)
    duration_days: int | None = Field(None, ge=1)
    not_before: date | None = None
    not_after: date | None = None
    notes: str | None = None
    synopsis: str | None = None
    order: int = Field(0, description="Position in the script (or the plan for plan-only scenes).")
    stunts: list[str] = Field(default_factory=list, description="Stunts, from the production's breakdown.")
    effects: list[str] = Field(default_factory=list, description="Special effects, from the breakdown.")
    equipment: list[str] = Field(
        default_factory=list, description="Special equipment (crane, drone …), from the breakdown."
    )
    added_hours: float = Field(0.0, ge=0, description="Hours est_hours adds to the page estimate.")
    added_for: str = Field("", description="Why: `2 stunts +1 h, effects +0.5 h`.")
    file: str = ""
    line: int | None = None
    action: list[ScriptLine] = Field(
        default_factory=list, exclude=True, repr=False, description="Action text with source lines."
    )

    @property
    def pages_text(self) -> str:
        return eighths_text(self.eighths)

    @property
    def day_night(self) -> str:
        """`D` or `N` as strips print it (dawn and dusk are day scenes with special light)."""
        return "N" if self.time_of_day == "NIGHT" else ("D" if self.time_of_day else "")


def est_hours_for(eighths: int, plan: Plan) -> float:
    """Hours to shoot `eighths` of a page at the plan's pages_per_hour (to the quarter hour, ≥ ¼)."""
    hours = eighths / 8 / plan.pages_per_hour
    return max(0.25, math.ceil(hours * 4 - 1e-9) / 4)


class SceneNeeds(BaseModel):
    """What the production's breakdown lists for one scene that the schedule shows or allows time for."""

    stunts: list[str] = Field(default_factory=list)
    effects: list[str] = Field(default_factory=list)
    equipment: list[str] = Field(default_factory=list)


def added_hours_for(stunts: int, effects: int, plan: Plan) -> tuple[float, str]:
    """Hours stunts and special effects add to a page estimate, and the reason as a strip shows it."""
    parts: list[str] = []
    stunt_hours = min(plan.stunt_hours * stunts, plan.stunt_hours_max)
    if stunt_hours > 0:
        parts.append(f"{stunts} stunt{'s' if stunts > 1 else ''} +{stunt_hours:g} h")
    effects_hours = plan.effects_hours if effects else 0.0
    if effects_hours > 0:
        parts.append(f"effects +{effects_hours:g} h")
    return stunt_hours + effects_hours, ", ".join(parts)


def _estimate(strip: StripScene, plan: Plan) -> StripScene:
    """The strip with est_hours from its pages plus the time its stunts and effects add.

    The total stays within a day when the pages alone fit in one: the allowance is a pad for the
    rigging and resets, and should not turn a long scene into an error the script never had."""
    hours = est_hours_for(strip.eighths, plan)
    added, reason = added_hours_for(len(strip.stunts), len(strip.effects), plan)
    if hours <= plan.day_length_hours:
        added = max(0.0, min(added, plan.day_length_hours - hours))
    return strip.model_copy(
        update={"est_hours": hours + added, "added_hours": added, "added_for": reason if added else ""}
    )


class CastIndex:
    """Every alias of every cast member → the member's id (plan and lists merged)."""

    def __init__(self, members: Sequence[CastMember]) -> None:
        self.members = list(members)
        self._index: dict[str, str] = {}
        for member in self.members:
            for alias in member.all_names():
                self._index.setdefault(normalise_name(alias), member.id)

    def resolve(self, name: str) -> str | None:
        return self._index.get(normalise_name(name))

    def nearest(self, name: str) -> list[str]:
        hits = difflib.get_close_matches(normalise_name(name), list(self._index), n=1, cutoff=0.5)
        return [self._index[h] for h in hits]

    def __bool__(self) -> bool:
        return bool(self.members)


def _match_location(set_name: str, entries: Sequence[LocationEntry]) -> LocationEntry | None:
    """The entry whose longest alias is contained in the set name (as Production.location_entry)."""
    key = normalise_name(set_name)
    best: tuple[int, LocationEntry] | None = None
    for entry in entries:
        for alias in entry.all_names():
            alias_key = normalise_name(alias)
            if alias_key and alias_key in key and (best is None or len(alias_key) > best[0]):
                best = (len(alias_key), entry)
    return best[1] if best else None


def _action_lines(scene: Scene) -> list[ScriptLine]:
    """The scene's action paragraphs (where stunts, extras and vehicles are described)."""
    action = [ScriptLine(line=e.line, text=e.text) for e in scene.elements if e.type == "action"]
    return action or [line for line in scene.lines if line.line != scene.line_start]


def breakdown_from_production(
    production: Production | None, plan: Plan, needs: Mapping[str, SceneNeeds] | None = None
) -> list[StripScene]:
    """Every scene of the script as a strip, with the plan's `scenes:` entries added or overriding.

    The plan alone (no production, or one without a script) works too: its scenes are the strips.
    `needs` (scene number → the breakdown's stunts, effects and special equipment) go on the strips,
    and a scene without the plan's own `est_hours` gets time for its stunts and effects.
    Raises PlanError for a plan scene naming an unknown cast id (with the nearest) or without a
    length (est_hours, pages, eighths or duration_days).
    """
    needed = {normalise_scene_id(number): found for number, found in (needs or {}).items()}
    cast = CastIndex(plan.cast_members(production.cast if production else ()))
    places = plan.location_entries(production.locations if production else ())
    strips: dict[str, StripScene] = {}
    for scene in production.scenes if production is not None else []:
        if scene.omitted:
            continue  # its number stays locked in the script; there is nothing to shoot
        entry = _match_location(scene.location, places)
        # Voices only heard in a scene (V.O., ON PHONE) are recorded wild: no call unless the plan says so.
        names = [n for n in [*scene.characters, *scene.non_speaking] if n not in scene.voice_only]
        if cast:
            members = [cast.resolve(n) for n in names]
            ids = list(dict.fromkeys(m for m in members if m is not None))
        else:
            ids = list(dict.fromkeys(names))
        key = normalise_scene_id(scene.number)
        found = needed.get(key, SceneNeeds())
        strips[key] = StripScene(
            id=scene.number,
            heading=scene.heading,
            location=entry.id if entry else scene.location,
            set_name=scene.location,
            int_ext=scene.int_ext,
            time_of_day=scene.time_of_day,
            cast=ids,
            eighths=scene.eighths,
            est_hours=est_hours_for(scene.eighths, plan),
            synopsis=scene.synopsis,
            order=scene.index,
            stunts=found.stunts,
            effects=found.effects,
            equipment=found.equipment,
            file=scene.file,
            line=scene.line_start,
            action=_action_lines(scene),
        )
        strips[key] = _estimate(strips[key], plan)
    script_ids = {key: strip.id for key, strip in strips.items()}
    for number, override in enumerate(plan.scenes):
        key = normalise_scene_id(override.id)
        base = strips.get(key)
        if script_ids and key not in script_ids and (override.omit or override.location is None):
            # With a script, an entry naming no scene of it is almost always a typo ("71" for "17");
            # a scene really added to the plan says where it is shot.
            swapped = [k for k in script_ids if sorted(k) == sorted(key)]  # "71" for "17"
            nearest = list(
                dict.fromkeys(swapped + difflib.get_close_matches(key, list(script_ids), n=3, cutoff=0.3))
            )[:3]
            raise plan.error(
                f"Scene {override.id!r} is not in the script"
                + (f" (nearest {', '.join(repr(script_ids[n]) for n in nearest)})" if nearest else "")
                + "; a scene added to the plan needs its location",
                section="scenes",
                index=number,
                key="id",
                value=override.id,
            )
        if override.omit:
            strips.pop(key, None)
            continue
        strips[key] = _apply_override(plan, cast, places, base, override, number, len(strips))
    return sorted(strips.values(), key=lambda s: s.order)


def _apply_override(
    plan: Plan,
    cast: CastIndex,
    places: Sequence[LocationEntry],
    base: StripScene | None,
    scene: PlanScene,
    number: int,
    count: int,
) -> StripScene:
    set_fields = scene.model_fields_set
    ids: list[str] | None = None
    if scene.cast is not None:
        ids = []
        for name in scene.cast:
            member = cast.resolve(name) if cast else name
            if member is None:
                nearest = cast.nearest(name)
                raise plan.error(
                    f"Unknown cast id {name!r}" + (f" (nearest {nearest[0]!r})" if nearest else ""),
                    section="scenes",
                    index=number,
                    key="cast",
                    value=name,
                )
            ids.append(member)
    eighths = scene.eighths or scene.pages
    if base is None and eighths is None and scene.est_hours is None and scene.duration_days is None:
        raise plan.error(
            "A scene that is not in the script needs est_hours, pages or duration_days",
            section="scenes",
            index=number,
            key=None,
        )
    location = scene.location
    if location is not None:
        entry = _match_location(location, places)
        location = entry.id if entry else location
    update: dict[str, Any] = {
        name: getattr(scene, name)
        for name in (
            "int_ext",
            "time_of_day",
            "duration_days",
            "not_before",
            "not_after",
            "notes",
            "synopsis",
        )
        if name in set_fields
    }
    if location is not None:
        update["location"] = location
    if ids is not None:
        update["cast"] = list(dict.fromkeys(ids))
    if eighths is not None:
        update["eighths"] = eighths
    if scene.est_hours is not None:  # the plan's own figure always wins over any estimate
        update.update(est_hours=scene.est_hours, added_hours=0.0, added_for="")
    if base is None:
        strip = StripScene(
            id=scene.id,
            heading=scene.id,
            location=location or "",
            set_name=scene.location or "",
            est_hours=update.pop("est_hours", None) or plan.day_length_hours,
            eighths=update.pop("eighths", 8),
            order=10**6 + count,
            file=plan.file.name if plan.file else "",
            line=plan.line_of(("scenes", number)),
        )
    else:
        strip = base
    strip = strip.model_copy(update=update)
    if scene.est_hours is None and eighths is not None:
        strip = _estimate(strip, plan)
    if strip.duration_days is not None and strip.added_hours:
        # A scene filling whole days has no hours to pad: showing an allowance would mislead.
        strip = strip.model_copy(
            update={"est_hours": strip.est_hours - strip.added_hours, "added_hours": 0.0, "added_for": ""}
        )
    if strip.duration_days is None and strip.est_hours > plan.day_length_hours:
        raise plan.error(
            f"est_hours {strip.est_hours:g} is longer than a {plan.day_length_hours:g}-hour day; "
            f"give it duration_days: {math.ceil(strip.est_hours / plan.day_length_hours)}",
            section="scenes",
            index=number,
            key="est_hours" if scene.est_hours is not None else "pages",
            value=strip.est_hours,
        )
    return strip


def check_strips(plan: Plan, strips: Sequence[StripScene]) -> None:
    """Script scenes too long for a day (no plan entry fixes them) are reported with their number."""
    for strip in strips:
        if strip.duration_days is None and strip.est_hours > plan.day_length_hours:
            raise PlanError(
                f"Scene {strip.id} is {strip.pages_text} pages, about {strip.est_hours:g} hours: longer than a "
                f"{plan.day_length_hours:g}-hour day. Add it under `scenes:` with duration_days",
                key="scenes",
                entry=f"scene {strip.id!r}",
                file=plan.file,
                value=strip.est_hours,
            )
        check_scene_window(plan, strip, None)
