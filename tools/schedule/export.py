"""Schedule exports: JSON (the issue's shape), CSV one-liner, XLSX workbook, ICS calendar, HTML board.

Every exporter returns bytes; `write_export` writes them atomically, so a failed export never leaves
half a file. CSV is UTF-8 with a byte-order mark, so Excel opens Chinese set names correctly.
Every format that lists scenes carries each one's stunts, special effects and special equipment from
the breakdown, and the hours its estimate added for them with the reason.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from core.errors import SlateError
from core.paths import atomic_write_bytes
from knowledge.screenplay import eighths_text
from tools.schedule.callsheet import cast_numbers, general_call
from tools.schedule.model import MINUTES_PER_HOUR, Problem, Schedule
from tools.schedule.stripboard import (
    EQUIPMENT_MARK,
    calendar_dates_of,
    day_equipment,
    needs_text,
    strip_colour,
    stripboard_html,
)
from tools.table_files import csv_bytes, workbook_bytes

ExportFormat = Literal["json", "csv", "xlsx", "ics", "html"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("json", "csv", "xlsx", "ics", "html")
SUFFIX_TO_FORMAT: dict[str, ExportFormat] = {
    ".json": "json",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".ics": "ics",
    ".html": "html",
    ".htm": "html",
}

ONE_LINER_HEADERS = [
    "Day",
    "Date",
    "Weekday",
    "Scene",
    "I/E",
    "Location",
    "Set",
    "D/N",
    "Pages",
    "Hours",
    "Cast",
    "Stunts",
    "SFX",
    "Equipment",
    "Hours added",
]


def one_liner_rows(problem: Problem, schedule: Schedule) -> list[list[object]]:
    """One row per scene per day, in shooting order (the one-liner schedule)."""
    rows: list[list[object]] = []
    for day in schedule.days:
        for scene_id in day.scenes:
            s = problem.index_of(scene_id)
            strip = problem.scenes[s]
            minutes = problem.day_minutes if problem.whole_day(s) else problem.minutes[s]
            rows.append(
                [
                    day.day,
                    day.date.isoformat(),
                    day.date.strftime("%a"),
                    strip.id,
                    strip.int_ext or "",
                    strip.location,
                    strip.set_name,
                    strip.day_night,
                    strip.pages_text,
                    minutes / MINUTES_PER_HOUR,
                    ", ".join(strip.cast),
                    ", ".join(strip.stunts),
                    ", ".join(strip.effects),
                    ", ".join(strip.equipment),
                    strip.added_for if strip.added_hours and not problem.whole_day(s) else "",
                ]
            )
    return rows


def to_json(problem: Problem, schedule: Schedule) -> dict[str, object]:
    """The issue's JSON, plus each day's special equipment and a `scenes` map of what the breakdown
    adds to each strip (keys only added, so readers of the issue's shape are unaffected)."""
    data = schedule.to_json()
    days = data["days"]
    assert isinstance(days, list)  # Schedule.to_json lists the days in order
    for entry, day in zip(days, schedule.days, strict=True):
        entry["equipment"] = day_equipment(problem, day)
    data["scenes"] = {
        strip.id: {
            "est_hours": strip.est_hours,
            "hours_added": strip.added_hours,
            "hours_added_for": strip.added_for,
            "stunts": strip.stunts,
            "sfx": strip.effects,
            "equipment": strip.equipment,
        }
        for strip in problem.scenes
    }
    return data


def to_json_bytes(problem: Problem, schedule: Schedule) -> bytes:
    return (json.dumps(to_json(problem, schedule), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_csv_bytes(problem: Problem, schedule: Schedule) -> bytes:
    return csv_bytes(ONE_LINER_HEADERS, one_liner_rows(problem, schedule))


def to_xlsx_bytes(problem: Problem, schedule: Schedule) -> bytes:
    """A workbook with Stripboard, Day out of days and One-liner sheets (headers bold, first row frozen)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDDDDD")

    def header(sheet: Worksheet, titles: list[str], widths: list[int]) -> None:
        sheet.append(titles)
        for column, width in enumerate(widths, start=1):
            cell = sheet.cell(row=1, column=column)
            cell.font = bold
            cell.fill = header_fill
            sheet.column_dimensions[get_column_letter(column)].width = width
        sheet.freeze_panes = "A2"

    board = book.active
    assert isinstance(board, Worksheet)  # a new Workbook always has one worksheet
    board.title = "Stripboard"
    header(
        board,
        [
            "Day",
            "Date",
            "Scene",
            "I/E",
            "Set",
            "D/N",
            "Pages",
            "Hours",
            "Stunts · SFX · Equipment",
            "Cast #",
            "Cast",
        ],
        [6, 12, 7, 8, 40, 5, 7, 7, 36, 12, 40],
    )
    numbers = cast_numbers(problem)
    for day in schedule.days:
        previous: str | None = None
        for scene_id in day.scenes:
            s = problem.index_of(scene_id)
            strip = problem.scenes[s]
            if previous is not None and strip.location != previous:
                board.append(["", "", "", "", f"COMPANY MOVE → {strip.location}"])
                for cell in board[board.max_row]:
                    cell.font = bold
                    cell.fill = PatternFill("solid", fgColor="FF7043")
            previous = strip.location
            minutes = problem.day_minutes if problem.whole_day(s) else problem.minutes[s]
            board.append(
                [
                    day.day,
                    day.date.isoformat(),
                    strip.id,
                    strip.int_ext or "",
                    strip.location
                    + (f" · {strip.set_name}" if strip.set_name and strip.set_name != strip.location else ""),
                    strip.day_night,
                    strip.pages_text,
                    minutes / MINUTES_PER_HOUR,
                    needs_text(strip),
                    " ".join(str(numbers[c]) for c in sorted(strip.cast, key=lambda c: numbers[c])),
                    ", ".join(strip.cast),
                ]
            )
            fill = PatternFill("solid", fgColor=strip_colour(strip).lstrip("#").upper())
            for cell in board[board.max_row]:
                cell.fill = fill
            if strip.added_hours and not problem.whole_day(s):
                board.cell(row=board.max_row, column=8).comment = Comment(strip.added_for, "Slate")
        pages = eighths_text(day.eighths) if day.eighths else "0"
        equipment = day_equipment(problem, day)
        board.append(
            [
                f"END OF DAY {day.day}",
                day.date.isoformat(),
                "",
                "",
                f"{pages} pages · {day.hours:g} h",
                "",
                "",
                "",
                f"{EQUIPMENT_MARK} " + ", ".join(equipment) if equipment else "",
            ]
        )
        for cell in board[board.max_row]:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor="111111")

    dood = book.create_sheet("Day out of days")
    calendar = calendar_dates_of(schedule)
    shooting = set(problem.dates)
    titles = ["#", "Cast", *[d.strftime("%a %d/%m") for d in calendar], "Work", "Hold", "Off", "Cost"]
    header(dood, titles, [4, 18, *[9] * len(calendar), 6, 6, 6, 10])
    off_fill = PatternFill("solid", fgColor="D9D9D9")
    for row in schedule.dood:
        dood.append(
            [
                numbers.get(row.cast, ""),
                row.cast,
                *[row.codes.get(d, "") for d in calendar],
                row.work_days,
                row.hold_days,
                row.off_days,
                row.cost,
            ]
        )
        for offset, calendar_day in enumerate(calendar):
            cell = dood.cell(row=dood.max_row, column=3 + offset)
            cell.alignment = Alignment(horizontal="center")
            if calendar_day not in shooting:
                cell.fill = off_fill

    liner = book.create_sheet("One-liner")
    header(liner, ONE_LINER_HEADERS, [6, 12, 8, 7, 6, 28, 36, 5, 7, 7, 40, 24, 24, 24, 24])
    for values in one_liner_rows(problem, schedule):
        liner.append(values)

    return workbook_bytes(book)


def to_ics_bytes(problem: Problem, schedule: Schedule) -> bytes:
    """One all-day event per shooting day, its scenes in the description."""
    from icalendar import Calendar, Event

    plan = problem.plan
    production = plan.production or "Production"
    calendar = Calendar()
    calendar.add("prodid", "-//Slate//Schedule//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{production} shooting schedule")
    slug = "".join(ch for ch in production.lower() if ch.isalnum()) or "production"
    for day in schedule.days:
        if not day.scenes:
            continue
        lines = []
        for scene_id in day.scenes:
            strip = problem.scenes[problem.index_of(scene_id)]
            needs = needs_text(strip)
            lines.append(
                f"Sc {strip.id} {strip.int_ext or ''} {strip.location} {strip.day_night} "
                f"{strip.pages_text} pp — {', '.join(strip.cast)}".replace("  ", " ")
                + (f" — {needs}" if needs else "")
            )
        call = general_call(problem, [problem.index_of(i) for i in day.scenes])
        event = Event()
        event.add("uid", f"{slug}-day{day.day}-{day.date.isoformat()}@slate")
        event.add("summary", f"{production} — Day {day.day}: sc {', '.join(day.scenes)}")
        event.add("dtstart", day.date)
        event.add("dtend", day.date + timedelta(days=1))
        event.add("dtstamp", _stamp())
        event.add("location", ", ".join(day.locations))
        event.add(
            "description",
            f"General call {call.strftime('%H:%M')} · {eighths_text(day.eighths) if day.eighths else '0'} pages · "
            f"{day.hours:g} h\n" + "\n".join(lines),
        )
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def _stamp() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def export_bytes(problem: Problem, schedule: Schedule, fmt: ExportFormat) -> bytes:
    """The schedule in `fmt`."""
    if fmt == "json":
        return to_json_bytes(problem, schedule)
    if fmt == "csv":
        return to_csv_bytes(problem, schedule)
    if fmt == "xlsx":
        return to_xlsx_bytes(problem, schedule)
    if fmt == "ics":
        return to_ics_bytes(problem, schedule)
    return stripboard_html(problem, schedule).encode("utf-8")


def format_for(path: Path, fmt: str | None) -> ExportFormat:
    """The export format: as given, else from the file's suffix."""
    if fmt:
        if fmt not in EXPORT_FORMATS:
            raise SlateError(
                f"Unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}", value=fmt
            )
        return fmt
    found = SUFFIX_TO_FORMAT.get(path.suffix.lower())
    if found is None:
        raise SlateError(
            "Cannot tell the export format from the file name; add --format",
            file=path,
            value=path.suffix or path.name,
        )
    return found


def write_export(path: Path, problem: Problem, schedule: Schedule, fmt: ExportFormat) -> Path:
    """Write the schedule to `path` in `fmt`, atomically."""
    atomic_write_bytes(path, export_bytes(problem, schedule, fmt))
    return path
