"""A printable HTML stripboard: one strip per scene, day breaks, company moves, and the DOOD grid.

Strip colours follow the long-standing stripboard convention: INT/DAY white, EXT/DAY yellow,
INT/NIGHT blue, EXT/NIGHT green (dawn and dusk count as day; INT/EXT as EXT). Cast appear as
cast numbers, with the legend beside the board, as on a paper board.

From the production's breakdown (with the coordinator's edits), each strip shows its stunts and
special effects in their breakdown colours and its special equipment boxed (□ crane), and each day
break lists the day's equipment, so the crane and drone days stand out. Hours the estimate added
for stunts and effects are shown under the strip's hours, with the reason.
"""

from __future__ import annotations

import html
from datetime import date

from knowledge.plan import StripScene
from knowledge.screenplay import eighths_text
from tools.breakdown.model import CATEGORY_COLOURS, CATEGORY_MARKS
from tools.schedule.callsheet import cast_numbers
from tools.schedule.model import MINUTES_PER_HOUR, Problem, Schedule, ScheduledDay

STRIP_COLOURS = {
    ("INT", "DAY"): "#ffffff",
    ("EXT", "DAY"): "#fff176",
    ("INT", "NIGHT"): "#90caf9",
    ("EXT", "NIGHT"): "#a5d6a7",
}


def strip_colour(scene: StripScene) -> str:
    """The conventional colour of a strip."""
    inside = "INT" if scene.int_ext == "INT" else "EXT" if scene.int_ext else "INT"
    light = "NIGHT" if scene.time_of_day == "NIGHT" else "DAY"
    return STRIP_COLOURS[(inside, light)]


# The board's columns; company moves and day breaks span them all.
BOARD_HEADERS = ("Sc", "I/E", "Set", "D/N", "Pages", "Hours", "Stunts · SFX · Equipment", "Cast #", "Cast")
EQUIPMENT_MARK = CATEGORY_MARKS["equipment"]


def needs_text(strip: StripScene) -> str:
    """`STUNTS fight, fall · SFX rain · □ crane`: one line for exports and plain text."""
    parts = []
    if strip.stunts:
        parts.append("STUNTS " + ", ".join(strip.stunts))
    if strip.effects:
        parts.append("SFX " + ", ".join(strip.effects))
    parts.extend(f"{EQUIPMENT_MARK} {item}" for item in strip.equipment)
    return " · ".join(parts)


def day_equipment(problem: Problem, day: ScheduledDay) -> list[str]:
    """The special equipment a day's scenes need, each item once, in shooting order."""
    found = (problem.scenes[problem.index_of(scene_id)].equipment for scene_id in day.scenes)
    return list(dict.fromkeys(item for items in found for item in items))


def _needs_cell(strip: StripScene) -> str:
    e = html.escape
    tags = []
    if strip.stunts:
        tags.append(f'<span class="tag stunts">STUNTS</span> {e(", ".join(strip.stunts))}')
    if strip.effects:
        tags.append(f'<span class="tag sfx">SFX</span> {e(", ".join(strip.effects))}')
    if strip.equipment:  # side by side, wrapping, so a rig-heavy strip stays short
        tags.append(
            " ".join(f'<span class="tag equipment">{EQUIPMENT_MARK} {e(i)}</span>' for i in strip.equipment)
        )
    return "<br>".join(tags)


def _day_marks(problem: Problem, day: ScheduledDay) -> str:
    """The day break's tags: STUNTS and SFX when any scene has them, then the day's equipment."""
    strips = [problem.scenes[problem.index_of(scene_id)] for scene_id in day.scenes]
    tags = []
    if any(strip.stunts for strip in strips):
        tags.append('<span class="tag stunts">STUNTS</span>')
    if any(strip.effects for strip in strips):
        tags.append('<span class="tag sfx">SFX</span>')
    equipment = day_equipment(problem, day)
    if equipment:
        tags.append(
            f'<span class="tag equipment">{EQUIPMENT_MARK} {html.escape(", ".join(equipment))}</span>'
        )
    return (" " + " ".join(tags)) if tags else ""


def _hours_cell(hours: float, strip: StripScene, whole_day: bool) -> str:
    text = f"{hours:g}"
    if strip.added_hours and not whole_day:
        text += f'<br><small class="added">{html.escape(strip.added_for)}</small>'
    return text


def _figures_text(schedule: Schedule) -> str:
    figures, base = schedule.figures, schedule.baseline
    return (
        f"{schedule.status} · objective {figures.objective:,.0f} (lower bound {schedule.lower_bound:,.0f}, "
        f"gap {schedule.gap:.1%}) · holding {figures.holding_cost:,.0f} · {figures.company_moves} company move(s) · "
        f"{figures.total_days} days · baseline objective {base.objective:,.0f}"
    )


def _strip_rows(problem: Problem, day: ScheduledDay, numbers: dict[str, int]) -> list[str]:
    rows: list[str] = []
    e = html.escape
    previous: str | None = None
    for scene_id in day.scenes:
        s = problem.index_of(scene_id)
        strip = problem.scenes[s]
        if previous is not None and strip.location != previous:
            rows.append(
                f'<tr class="move"><td colspan="{len(BOARD_HEADERS)}">COMPANY MOVE → {e(strip.location)}</td></tr>'
            )
        previous = strip.location
        whole_day = problem.whole_day(s)
        hours = problem.day_minutes if whole_day else problem.minutes[s]
        cast = " ".join(str(numbers[c]) for c in sorted(strip.cast, key=lambda c: numbers[c]))
        whole = f" · {strip.duration_days} whole days" if strip.duration_days else ""
        rows.append(
            f'<tr class="strip" style="background:{strip_colour(strip)}">'
            f"<td><b>{e(strip.id)}</b></td><td>{e(strip.int_ext or '')}</td>"
            f"<td>{e(strip.location)}<br><small>{e(strip.synopsis or strip.set_name)}{e(whole)}</small></td>"
            f"<td>{e(strip.day_night)}</td><td>{e(strip.pages_text)}</td>"
            f"<td>{_hours_cell(hours / MINUTES_PER_HOUR, strip, whole_day)}</td><td>{_needs_cell(strip)}</td>"
            f"<td>{e(cast)}</td><td>{e(', '.join(strip.cast))}</td></tr>"
        )
    return rows


def dood_table(problem: Problem, schedule: Schedule) -> str:
    """The day-out-of-days grid as an HTML table (days off shaded)."""
    e = html.escape
    calendar = calendar_dates_of(schedule)
    shooting = set(problem.dates)
    head = "".join(
        f'<th class="{"" if d in shooting else "off"}">{d.strftime("%a")}<br>{d.day}/{d.month}</th>'
        for d in calendar
    )
    numbers = cast_numbers(problem)
    body = []
    for row in schedule.dood:
        cells = "".join(
            f'<td class="{"" if d in shooting else "off"} code-{row.codes.get(d, "") or "blank"}">{row.codes.get(d, "")}</td>'
            for d in calendar
        )
        body.append(
            f"<tr><td>{numbers.get(row.cast, '')}</td><td>{e(row.cast)}</td>{cells}"
            f"<td>{row.work_days}</td><td>{row.hold_days}</td><td>{row.off_days}</td><td>{row.cost:,.0f}</td></tr>"
        )
    return (
        '<table class="dood"><tr><th>#</th><th>Cast</th>'
        + head
        + "<th>Work</th><th>Hold</th><th>Off</th><th>Cost</th></tr>"
        + "".join(body)
        + "</table>"
    )


def calendar_dates_of(schedule: Schedule) -> list[date]:
    """The DOOD calendar: every date any row covers, first shooting day to wrap."""
    return sorted({d for row in schedule.dood for d in row.codes})


def stripboard_html(problem: Problem, schedule: Schedule) -> str:
    """The stripboard of a schedule as a self-contained, printable HTML page."""
    e = html.escape
    numbers = cast_numbers(problem)
    title = f"Stripboard — {problem.plan.production or 'Production'}"
    rows: list[str] = []
    for day in schedule.days:
        rows.extend(_strip_rows(problem, day, numbers))
        pages = eighths_text(day.eighths) if day.eighths else "0"
        rows.append(
            f'<tr class="daybreak"><td colspan="{len(BOARD_HEADERS)}">END OF DAY {day.day} — {day.date.strftime("%a")} '
            f"{day.date.isoformat()} — {pages} pages — {day.hours:g} h"
            + (f" — {day.company_moves} company move(s)" if day.company_moves else "")
            + _day_marks(problem, day)
            + "</td></tr>"
        )
    legend = "".join(
        f"<li>{number}. {e(member)}</li>" for member, number in sorted(numbers.items(), key=lambda kv: kv[1])
    )
    notes = "".join(f"<li>{e(n)}</li>" for n in schedule.notes)
    return f"""<!DOCTYPE html>
<html lang="zh-Hant-HK"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>
body {{ font-family: "Helvetica Neue", Arial, "PingFang HK", "Microsoft JhengHei", sans-serif; margin: 1em; font-size: 12px; }}
table {{ border-collapse: collapse; }}
.board td, .board th {{ border: 1px solid #333; padding: 2px 6px; vertical-align: top; }}
.board {{ width: 100%; }}
tr.daybreak td {{ background: #111; color: #fff; font-weight: bold; }}
tr.move td {{ background: #ff7043; color: #000; font-weight: bold; text-align: center; }}
tr.strip {{ page-break-inside: avoid; }}
.tag {{ display: inline-block; padding: 0 4px; border-radius: 3px; font-weight: bold; font-size: 11px; }}
.tag.stunts {{ background: {CATEGORY_COLOURS["stunts"]}; color: #000; }}
.tag.sfx {{ background: {CATEGORY_COLOURS["sfx"]}; color: #fff; }}
.tag.equipment {{ background: {CATEGORY_COLOURS["equipment"]}; color: #000; border: 1px solid #000; }}
small.added {{ color: #b71c1c; white-space: nowrap; }}
.dood td, .dood th {{ border: 1px solid #999; padding: 1px 4px; text-align: center; }}
.dood .off {{ background: #ddd; }}
.legend {{ columns: 3; }}
@page {{ size: landscape; margin: 10mm; }}
@media print {{ body {{ margin: 0; }} h2 {{ page-break-before: always; }} tr.strip td, .tag {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }} }}
</style></head><body>
<h1>{e(title)}</h1>
<p>{e(_figures_text(schedule))}</p>
<ul class="notes">{notes}</ul>
<table class="board">
<tr>{"".join(f"<th>{e(title)}</th>" for title in BOARD_HEADERS)}</tr>
{"".join(rows)}
</table>
<h3>Cast</h3><ul class="legend">{legend}</ul>
<h2>Day out of days</h2>
<p>SW start work · W work · WF work finish · SWF start-work-finish · H hold · O day off or holiday</p>
{dood_table(problem, schedule)}
</body></html>
"""
