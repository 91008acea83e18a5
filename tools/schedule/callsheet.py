"""The call sheet for one shooting day: who comes when, where, to shoot what.

Times are planned from the plan's general call: scenes follow in the day's shooting order, each
taking its estimated hours; a cast member is on set when their first scene starts and called
their makeup time earlier (never before general call minus makeup). Notes for stunts, extras,
vehicles and effects come from the plan's scene notes and from the script's action lines that
mention them, with the line number. With the production's breakdown (`tools/breakdown`), the day's
background (extras, with the head count) and stunts are listed, and each scene's props, special
effects and vehicles. Weather and sunrise are left to the crew: Slate works offline and does not
invent them.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime, time, timedelta
from typing import Literal

from pydantic import BaseModel, Field

from core.errors import SlateError
from knowledge.cast_list import normalise_name
from knowledge.screenplay import eighths_text
from tools.breakdown.model import Breakdown, BreakdownElement, SceneBreakdown, head_count
from tools.schedule.dood import cast_order
from tools.schedule.model import MINUTES_PER_HOUR, Problem, Schedule
from tools.table_files import markdown_table

NoteKind = Literal["stunts", "extras", "vehicles", "effects", "plan"]
# The breakdown categories a call sheet lists: the day's people (background, stunts), then what
# each scene needs on set.
DayCategory = Literal["background", "stunts"]
SceneCategory = Literal["props", "sfx", "vehicles"]
DAY_CATEGORIES: tuple[DayCategory, ...] = ("background", "stunts")
SCENE_CATEGORIES: tuple[SceneCategory, ...] = ("props", "sfx", "vehicles")

# What to look for in action lines, in English and Chinese (Traditional as HK scripts write it).
NOTE_PATTERNS: dict[NoteKind, re.Pattern[str]] = {
    "stunts": re.compile(
        r"\b(stunts?|fights?|fighting|punch\w*|kicks?|falls?|jumps?|leaps?|crash\w*|chases?|tackles?|"
        r"harness|wire)\b|特技|替身|打鬥|打交|跳過|跳落|跳上|跌落|跌倒|撞|追住|追逐|開槍|槍戰|撲向",
        re.IGNORECASE,
    ),
    "extras": re.compile(
        r"\b(extras?|crowds?|passers?-?by|pedestrians|commuters|customers|diners|onlookers|background)\b"
        r"|群眾|人群|途人|路人|食客|臨記|乘客|街坊|人潮",
        re.IGNORECASE,
    ),
    "vehicles": re.compile(
        r"\b(cars?|taxis?|vans?|trucks?|lorr(y|ies)|buses|bus|minibus|motorbikes?|motorcycles?|ambulances?|"
        r"trams?|ferry|ferries|boats?|low-loader|process trailer)\b"
        r"|的士|小巴|巴士|電單車|私家車|警車|救護車|貨車|電車|渡輪|跑車",
        re.IGNORECASE,
    ),
    "effects": re.compile(
        r"\b(rain|smoke|fire|explosions?|blood|squibs?|gunshots?|breaks? glass|shatter\w*)\b"
        r"|落雨|大雨|煙霧|火光|着火|爆炸|流血|血跡|玻璃碎",
        re.IGNORECASE,
    ),
}


class CallScene(BaseModel):
    id: str
    set: str = Field(description="Location id, and the set as the script names it when different.")
    int_ext: str
    day_night: str
    time_of_day: str | None = None
    pages: str
    eighths: int
    est_hours: float
    start: time = Field(description="Planned start, from general call and the hours before it.")
    cast: list[str]
    cast_numbers: list[int]
    synopsis: str | None = None
    props: list[str] = Field(default_factory=list, description="From the breakdown, with quantities.")
    sfx: list[str] = Field(default_factory=list, description="Special effects, from the breakdown.")
    vehicles: list[str] = Field(default_factory=list, description="From the breakdown.")


class CallCast(BaseModel):
    number: int = Field(description="Cast number, in cast-list order (as on the stripboard).")
    id: str
    actor: str | None = None
    call: time = Field(description="Called for makeup and wardrobe.")
    on_set: time
    makeup_minutes: int
    scenes: list[str]


class CallLocation(BaseModel):
    id: str
    address: str | None = None
    contact: str | None = None
    notes: str | None = None
    scenes: list[str]


class CallNote(BaseModel):
    scene: str
    kinds: list[NoteKind]
    text: str
    line: int | None = Field(None, description="Source line in the script, when the note comes from it.")


class CallElement(BaseModel):
    """A breakdown element needed on the day: background (with its head count) or a stunt."""

    scene: str
    category: DayCategory
    name: str
    count: int | None = Field(None, description="Head count when the breakdown gives one.")


class CallSheet(BaseModel):
    """One day's call sheet."""

    production: str | None = None
    day: int
    total_days: int
    date: date
    general_call: time
    est_wrap: time
    scenes: list[CallScene]
    cast: list[CallCast]
    locations: list[CallLocation]
    notes: list[CallNote]
    background: list[CallElement] = Field(default_factory=list, description="Extras, scene by scene.")
    stunts: list[CallElement] = Field(default_factory=list)
    breakdown_used: bool = Field(False, description="The production's breakdown was read for this sheet.")
    company_moves: int
    pages: str
    hours: float
    weather: str = "Not filled in: Slate works offline. Check the Hong Kong Observatory forecast."
    sunrise_sunset: str = "Not filled in: look up the day's sunrise and sunset for the location."
    advance: list[str] = Field(default_factory=list, description="Next shooting day's scenes.")

    @property
    def extras_count(self) -> int:
        """The day's background head count: each scene's (its extras total, else its groups' counts), summed."""
        return sum(count for count, _floor in self._scene_head_counts())

    @property
    def extras_uncounted(self) -> bool:
        """Some scene's background has a group with no count and no total, so the head count is a floor."""
        return any(floor for _count, floor in self._scene_head_counts())

    def _scene_head_counts(self) -> list[tuple[int, bool]]:
        by_scene: dict[str, list[tuple[str, int | None]]] = {}
        for element in self.background:
            by_scene.setdefault(element.scene, []).append((element.name, element.count))
        return [head_count(groups) for groups in by_scene.values()]


def _at(day: date, clock: time, minutes: float) -> time:
    return (datetime.combine(day, clock) + timedelta(minutes=minutes)).time()


# Shooting order inside a day by time of day. A day of day scenes runs dawn → day → dusk → night; a
# night's work runs dusk → night and ends with any dawn scene at first light, as crews shoot them.
# Hong Kong's first light is about 05:45–06:45 through the year; dawn scenes are planned from 06:00.
FIRST_LIGHT = time(6, 0)
_DAY_ORDER = {"DAWN": 0, "DAY": 1, "DUSK": 2, "NIGHT": 3}
_NIGHT_ORDER = {"DUSK": 0, "NIGHT": 1, "DAWN": 2}


def _tod(problem: Problem, s: int) -> str:
    return problem.scenes[s].time_of_day or "DAY"


def _is_dark(problem: Problem, s: int) -> bool:
    return _tod(problem, s) in ("NIGHT", "DUSK")


def _hours(problem: Problem, s: int) -> float:
    minutes = problem.day_minutes if problem.whole_day(s) else problem.minutes[s]
    return minutes / MINUTES_PER_HOUR


def _night_work(problem: Problem, scenes: list[int]) -> bool:
    """A day with dusk or night scenes and nothing that needs full daylight."""
    return any(_is_dark(problem, s) for s in scenes) and not any(_tod(problem, s) == "DAY" for s in scenes)


def shooting_order(problem: Problem, scenes: list[int]) -> list[int]:
    """The day's scenes in the order light allows (stable within each time of day)."""
    order = _NIGHT_ORDER if _night_work(problem, scenes) else _DAY_ORDER
    return sorted(scenes, key=lambda s: order.get(_tod(problem, s), 1))


def general_call(problem: Problem, scenes: list[int]) -> time:
    """When the day starts.

    Night work: the plan's night call. No dusk or night scene: its day call. A split day (day and
    night scenes): late enough that the night scenes start at the night call after the day scenes,
    but not before the day call, so night exteriors are not shot in daylight.
    """
    plan = problem.plan
    if _night_work(problem, scenes):
        dawn = [s for s in scenes if _tod(problem, s) == "DAWN"]
        if not dawn:
            return plan.night_call_time
        # Start late enough that the night's work ends at first light, when the dawn scenes begin.
        dark_minutes = round(sum(_hours(problem, s) for s in scenes if s not in dawn) * 60)
        first_light = FIRST_LIGHT.hour * 60 + FIRST_LIGHT.minute + 24 * 60
        night = plan.night_call_time.hour * 60 + plan.night_call_time.minute
        start = max(night, first_light - dark_minutes) % (24 * 60)
        return time(start // 60, start % 60)
    if not any(_is_dark(problem, s) for s in scenes):
        return plan.call_time
    light_hours = sum(_hours(problem, s) for s in scenes if not _is_dark(problem, s))
    night = plan.night_call_time.hour * 60 + plan.night_call_time.minute
    earliest = plan.call_time.hour * 60 + plan.call_time.minute
    start = max(night - round(light_hours * 60), earliest)
    return time(start // 60, start % 60)


def cast_numbers(problem: Problem) -> dict[str, int]:
    """Cast id → stripboard number (1-based, cast-list order)."""
    return {member: number for number, member in enumerate(cast_order(problem), start=1)}


def build_call_sheet(
    problem: Problem, schedule: Schedule, day: int, breakdown: Breakdown | None = None
) -> CallSheet:
    """The call sheet for shooting day `day` (1-based) of `schedule`; with the production's
    `breakdown`, its extras, stunts and each scene's props, effects and vehicles."""
    if not 1 <= day <= len(schedule.days):
        raise SlateError(
            f"There is no shooting day {day}; the schedule has days 1 to {len(schedule.days)}",
            value=day,
        )
    planned = schedule.days[day - 1]
    plan = problem.plan
    indices = shooting_order(problem, [problem.index_of(scene_id) for scene_id in planned.scenes])
    general = general_call(problem, indices)
    numbers = cast_numbers(problem)
    actors = {normalise_name(m.id): m.actor for m in problem.cast}
    places = {normalise_name(e.id): e for e in problem.locations}

    sheets = {s.scene.upper(): s for s in breakdown.scenes} if breakdown else {}
    scenes: list[CallScene] = []
    elapsed = 0.0
    first_start: dict[str, float] = {}
    for s in indices:
        strip = problem.scenes[s]
        hours = _hours(problem, s)
        for member in strip.cast:
            first_start.setdefault(member, elapsed)
        set_text = strip.location
        if strip.set_name and normalise_name(strip.set_name) != normalise_name(strip.location):
            set_text += f" ({strip.set_name})"
        scenes.append(
            CallScene(
                id=strip.id,
                set=set_text,
                int_ext=strip.int_ext or "",
                day_night=strip.day_night,
                time_of_day=strip.time_of_day,
                pages=strip.pages_text,
                eighths=strip.eighths,
                est_hours=hours,
                start=_at(planned.date, general, elapsed * 60),
                cast=list(strip.cast),
                cast_numbers=sorted(numbers[c] for c in strip.cast),
                synopsis=strip.synopsis,
                **_scene_elements(sheets.get(strip.id.upper())),
            )
        )
        elapsed += hours

    cast: list[CallCast] = []
    for member in sorted(first_start, key=lambda m: numbers[m]):
        makeup = plan.makeup_minutes_for(member)
        on_set = _at(planned.date, general, first_start[member] * 60)
        cast.append(
            CallCast(
                number=numbers[member],
                id=member,
                actor=actors.get(normalise_name(member)),
                call=_at(planned.date, general, first_start[member] * 60 - makeup),
                on_set=on_set,
                makeup_minutes=makeup,
                scenes=[scene.id for scene in scenes if member in scene.cast],
            )
        )

    locations: list[CallLocation] = []
    for location in planned.locations:
        entry = places.get(normalise_name(location))
        locations.append(
            CallLocation(
                id=location,
                address=entry.address if entry else None,
                contact=entry.contact if entry else None,
                notes=entry.notes if entry else None,
                scenes=[problem.scenes[s].id for s in indices if problem.scenes[s].location == location],
            )
        )

    following = schedule.days[day] if day < len(schedule.days) else None
    advance = []
    if following is not None:
        advance = [
            f"Day {following.day} {following.date.isoformat()}: sc {scene_id}"
            for scene_id in following.scenes
        ]
    return CallSheet(
        production=plan.production,
        day=day,
        total_days=len(schedule.days),
        date=planned.date,
        general_call=general,
        est_wrap=_at(planned.date, general, elapsed * 60),
        scenes=scenes,
        cast=cast,
        locations=locations,
        notes=scene_notes(problem, indices),
        background=_day_elements(sheets, scenes, "background"),
        stunts=_day_elements(sheets, scenes, "stunts"),
        breakdown_used=breakdown is not None,
        company_moves=planned.company_moves,
        pages=eighths_text(planned.eighths) if planned.eighths else "0",
        hours=planned.hours,
        advance=advance,
    )


def _scene_elements(sheet: SceneBreakdown | None) -> dict[SceneCategory, list[str]]:
    if sheet is None:
        return {}
    return {category: [e.text() for e in sheet.of(category)] for category in SCENE_CATEGORIES}


def _day_elements(
    sheets: dict[str, SceneBreakdown], scenes: list[CallScene], category: DayCategory
) -> list[CallElement]:
    found: list[CallElement] = []
    for scene in scenes:
        sheet = sheets.get(scene.id.upper())
        elements: list[BreakdownElement] = sheet.of(category) if sheet else []
        found.extend(
            CallElement(scene=scene.id, category=category, name=e.name, count=e.count) for e in elements
        )
    return found


def scene_notes(problem: Problem, indices: list[int]) -> list[CallNote]:
    """Plan notes, then script action lines that mention stunts, extras, vehicles or effects."""
    notes: list[CallNote] = []
    for s in indices:
        strip = problem.scenes[s]
        if strip.notes:
            notes.append(CallNote(scene=strip.id, kinds=["plan"], text=strip.notes))
        for line in strip.action:
            kinds = [kind for kind, pattern in NOTE_PATTERNS.items() if pattern.search(line.text)]
            if kinds:
                text = " ".join(line.text.split())
                notes.append(CallNote(scene=strip.id, kinds=kinds, text=text[:240], line=line.line))
    return notes


# --- rendering ----------------------------------------------------------------------------------


def _clock(value: time) -> str:
    return value.strftime("%H:%M")


def call_sheet_markdown(sheet: CallSheet) -> str:
    """The call sheet as Markdown (for chat and plain files)."""
    out = [
        f"# Call sheet — {sheet.production or 'Production'} — Day {sheet.day} of {sheet.total_days}",
        "",
        f"**{sheet.date.strftime('%A')} {sheet.date.isoformat()}** · General call **{_clock(sheet.general_call)}**"
        f" · Est. wrap {_clock(sheet.est_wrap)} · {sheet.pages} pages · {sheet.hours:g} h"
        + (f" · {sheet.company_moves} company move(s)" if sheet.company_moves else ""),
        "",
        f"Weather: {sheet.weather}  ",
        f"Sunrise/sunset: {sheet.sunrise_sunset}",
        "",
        "## Scenes",
        "",
        *markdown_table(
            ["Start", "Sc", "Set", "I/E", "D/N", "Pages", "Cast", "Synopsis"],
            (
                [_clock(s.start), s.id, s.set, s.int_ext, s.day_night, s.pages, ", ".join(s.cast), s.synopsis]
                for s in sheet.scenes
            ),
        ),
    ]
    out += _breakdown_markdown(sheet)
    out += [
        "",
        "## Cast",
        "",
        *markdown_table(
            ["#", "Character", "Actor", "Call", "On set", "Scenes"],
            (
                [m.number, m.id, m.actor, _clock(m.call), _clock(m.on_set), ", ".join(m.scenes)]
                for m in sheet.cast
            ),
        ),
    ]
    out += ["", "## Locations", ""]
    for location in sheet.locations:
        out.append(
            f"- **{location.id}** (sc {', '.join(location.scenes)}): {location.address or 'address not in the list'}"
            + (f" · {location.contact}" if location.contact else "")
        )
    if sheet.notes:
        out += ["", "## Notes", ""]
        for note in sheet.notes:
            where = f" (l. {note.line})" if note.line else ""
            out.append(f"- Sc {note.scene} · {', '.join(note.kinds)}: {note.text}{where}")
    if sheet.advance:
        out += ["", "## Advance schedule", "", *(f"- {line}" for line in sheet.advance)]
    return "\n".join(out) + "\n"


def _element_text(element: CallElement) -> str:
    return f"Sc {element.scene}: {element.name}" + (f" ({element.count})" if element.count else "")


def extras_line(sheet: CallSheet) -> str:
    """`Background: 42 (sc 1: PEDESTRIANS (40); ...)`, or that the day has none."""
    if not sheet.background:
        return "Background: none in the breakdown"
    total = f"{sheet.extras_count}{'+' if sheet.extras_uncounted else ''}"
    if not sheet.extras_count:  # "0+" would read as nobody: the script gives no number
        total = "head count not given"
    return f"Background: {total} ({'; '.join(_element_text(e) for e in sheet.background)})"


def stunts_line(sheet: CallSheet) -> str:
    if not sheet.stunts:
        return "Stunts: none in the breakdown"
    return f"Stunts: {'; '.join(_element_text(e) for e in sheet.stunts)}"


def _breakdown_markdown(sheet: CallSheet) -> list[str]:
    if not sheet.breakdown_used:
        return []
    out = ["", "## Background and stunts", "", f"- {extras_line(sheet)}", f"- {stunts_line(sheet)}"]
    needs = [s for s in sheet.scenes if s.props or s.sfx or s.vehicles]
    if needs:
        out += [
            "",
            "## Props, effects and vehicles",
            "",
            *markdown_table(
                ["Sc", "Props", "SFX", "Vehicles"],
                ([s.id, ", ".join(s.props), ", ".join(s.sfx), ", ".join(s.vehicles)] for s in needs),
            ),
        ]
    return out


def _breakdown_html(sheet: CallSheet) -> str:
    if not sheet.breakdown_used:
        return ""
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(s.id)}</td><td>{e(', '.join(s.props))}</td><td>{e(', '.join(s.sfx))}</td>"
        f"<td>{e(', '.join(s.vehicles))}</td></tr>"
        for s in sheet.scenes
        if s.props or s.sfx or s.vehicles
    )
    table = (
        "<h2>Props, effects and vehicles</h2><table><tr><th>Sc</th><th>Props</th><th>SFX</th>"
        f"<th>Vehicles</th></tr>{rows}</table>"
        if rows
        else ""
    )
    return (
        f"<h2>Background and stunts</h2><ul><li>{e(extras_line(sheet))}</li><li>{e(stunts_line(sheet))}</li></ul>"
        + table
    )


def call_sheet_html(sheet: CallSheet) -> str:
    """The call sheet as a printable HTML page."""
    e = html.escape
    rows = "".join(
        f"<tr><td>{_clock(s.start)}</td><td>{e(s.id)}</td><td>{e(s.set)}</td><td>{e(s.int_ext)}</td>"
        f"<td>{e(s.day_night)}</td><td>{e(s.pages)}</td><td>{e(', '.join(s.cast))}</td>"
        f"<td>{e(s.synopsis or '')}</td></tr>"
        for s in sheet.scenes
    )
    cast = "".join(
        f"<tr><td>{m.number}</td><td>{e(m.id)}</td><td>{e(m.actor or '')}</td><td>{_clock(m.call)}</td>"
        f"<td>{_clock(m.on_set)}</td><td>{e(', '.join(m.scenes))}</td></tr>"
        for m in sheet.cast
    )
    places = "".join(
        f"<li><b>{e(loc.id)}</b> (sc {e(', '.join(loc.scenes))}): {e(loc.address or 'address not in the list')}"
        + (f" · {e(loc.contact)}" if loc.contact else "")
        + "</li>"
        for loc in sheet.locations
    )
    notes = "".join(
        f"<li>Sc {e(n.scene)} · {e(', '.join(n.kinds))}: {e(n.text)}"
        + (f" <small>(l. {n.line})</small>" if n.line else "")
        + "</li>"
        for n in sheet.notes
    )
    advance = "".join(f"<li>{e(line)}</li>" for line in sheet.advance)
    title = f"Call sheet — {sheet.production or 'Production'} — Day {sheet.day} of {sheet.total_days}"
    return f"""<!DOCTYPE html>
<html lang="zh-Hant-HK"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>
body {{ font-family: "Helvetica Neue", Arial, "PingFang HK", "Microsoft JhengHei", sans-serif; margin: 1.5em; }}
table {{ border-collapse: collapse; width: 100%; margin-bottom: 1em; }}
th, td {{ border: 1px solid #444; padding: 3px 6px; text-align: left; vertical-align: top; }}
th {{ background: #eee; }}
.call {{ font-size: 1.4em; font-weight: bold; }}
@media print {{ body {{ margin: 0; }} }}
</style></head><body>
<h1>{e(title)}</h1>
<p><b>{e(sheet.date.strftime("%A"))} {sheet.date.isoformat()}</b> · <span class="call">General call {_clock(sheet.general_call)}</span>
 · Est. wrap {_clock(sheet.est_wrap)} · {e(sheet.pages)} pages · {sheet.hours:g} h · {sheet.company_moves} company move(s)</p>
<p>Weather: {e(sheet.weather)}<br>Sunrise/sunset: {e(sheet.sunrise_sunset)}</p>
<h2>Scenes</h2>
<table><tr><th>Start</th><th>Sc</th><th>Set</th><th>I/E</th><th>D/N</th><th>Pages</th><th>Cast</th><th>Synopsis</th></tr>{rows}</table>
{_breakdown_html(sheet)}
<h2>Cast</h2>
<table><tr><th>#</th><th>Character</th><th>Actor</th><th>Call</th><th>On set</th><th>Scenes</th></tr>{cast}</table>
<h2>Locations</h2><ul>{places}</ul>
<h2>Notes</h2><ul>{notes or "<li>None</li>"}</ul>
<h2>Advance schedule</h2><ul>{advance or "<li>Last shooting day</li>"}</ul>
</body></html>
"""
