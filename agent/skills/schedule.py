"""Schedule: the shooting schedule, unavailability, call sheets, what shoots on a day."""

from __future__ import annotations

from datetime import date
from typing import Any

from agent.compose import (
    STATUS_ZH,
    _files_line,
    _ie,
    _scene_label,
    _t,
    _tod,
)
from agent.intents import Lang, Understanding
from agent.lexicon import Lexicon
from agent.skills.base import Skill, call
from tools.schedule.model import BlockMiss, block_span_text
from tools.schedule.tools import CallSheetResult, PlanSettings, ScheduleResult


def _schedule(a: ScheduleResult, u: Understanding, lex: Lexicon) -> str:
    lang = u.lang
    days = a.days
    status = a.status
    baseline = a.baseline
    objective = a.objective
    # The bound means something to a coordinator only when proven or close (a gap under 50%).
    bound = a.lower_bound if a.bound_meaningful else None
    saving = ""
    if baseline.objective > 0:
        pct = 100 * (baseline.objective - objective) / baseline.objective
        saving = _t(
            lang,
            f" That is {pct:.0f}% cheaper than the classic stripboard sort "
            f"({baseline.total_days} days, {baseline.company_moves} moves).",
            f"比傳統排法（{baseline.total_days} 日、搬景 {baseline.company_moves} 次）平 {pct:.0f}%。",
        )
    shooting = len(a.shooting_days)
    span = (
        _t(lang, f" over {a.total_days} working days", f"（橫跨 {a.total_days} 個工作天）")
        if shooting != a.total_days
        else ""
    )
    head = _t(
        lang,
        f"Planned {shooting} shooting days{span} ({status}"
        + (f", proven lower bound {bound:,.0f}" if bound is not None else "")
        + f"): holding cost {a.holding_cost:,.0f}, {a.company_moves} company moves.{saving}",
        f"排咗 {shooting} 個拍攝日{span}（{STATUS_ZH.get(status, status)}"
        + (f"，已證明最低成本 {bound:,.0f}" if bound is not None else "")
        + f"）：演員等候成本 {a.holding_cost:,.0f}，搬景 {a.company_moves} 次。{saving}",
    )
    misses = block_miss_note(a, lang)
    if misses:
        head += "\n\n" + misses
    free = free_start_note(a, lang)
    if free:
        head += "\n\n" + free
    rows = []
    for i, day in enumerate([d for d in days if d.scenes][:40], start=1):
        scenes = day.scenes
        rows.append(
            _t(
                lang,
                f"- Day {i} ({day.date}): scenes {', '.join(map(str, scenes))} — {day.hours} h",
                f"- 第{i}日（{day.date}）：第{'、'.join(map(str, scenes))}場 — {day.hours} 小時",
            )
        )
    files = a.files
    if files:
        rows.append(_files_line(files, lang))
    violations = a.violations
    tail = ""
    if violations:
        tail = _t(lang, "\n\nProblems: ", "\n\n問題：") + "; ".join(map(str, violations[:5]))
    return head + "\n\n" + "\n".join(rows) + tail


BLOCK_KIND_ZH = {"cast": "演員", "location": "場地"}
MISSED_SCENES_SHOWN = 8


def block_miss_note(a: ScheduleResult, lang: Lang) -> str:
    """One sentence per preferred block the plan does not keep (a wish the optimiser weighed against
    extra days and moves), naming the block's dates and the scenes shot outside them."""
    by_block: dict[tuple[str, tuple[date, ...]], list[BlockMiss]] = {}
    for miss in a.block_misses:
        by_block.setdefault((miss.label, tuple(miss.block_dates)), []).append(miss)
    sentences = []
    for (label, dates), missed in by_block.items():
        span = block_span_text(dates)
        scenes = [m.scene for m in missed[:MISSED_SCENES_SHOWN]]
        more = len(missed) - len(scenes)
        first = missed[0]
        sentences.append(
            _t(
                lang,
                f"Preferred block {label} ({span}) not kept for scene{'s' if len(missed) > 1 else ''} "
                + ", ".join(scenes)
                + (f" and {more} more" if more > 0 else "")
                + ".",
                f"{BLOCK_KIND_ZH[first.kind]} {first.name} 心水日期（{span.replace('..', '至').replace(', ', '、')}）"
                f"排唔到：第 {'、'.join(scenes)} 場" + (f"等 {len(missed)} 場" if more > 0 else "") + "。",
            )
        )
    return ("" if lang == "zh" else " ").join(sentences)


def free_start_note(a: ScheduleResult, lang: Lang) -> str:
    """Say so when shooting starts after the plan's first day (days below count shooting days)."""
    free = a.free_start
    if free is None:
        return ""
    start, first, count = free
    return _t(
        lang,
        f"The plan starts on {start}, but shooting starts on {first}: nothing needs the {count} working "
        f"day{'s' if count != 1 else ''} before it (the optimiser found no cheaper plan that uses them). "
        "Days below are shooting days.",
        f"排期由 {start} 開始，但第一個拍攝日係 {first}：之前 {count} 個工作天冇場次要用（用埋佢哋嘅排法"
        "都唔會更平）。以下日數係拍攝日。",
    )


NOTE_KIND_ZH = {"stunts": "特技", "extras": "臨記", "vehicles": "車輛", "effects": "特效", "plan": "計劃備註"}


def _call_sheet(a: CallSheetResult, u: Understanding, lex: Lexicon) -> str:
    lang = u.lang
    head = _t(
        lang,
        f"**Call sheet — day {a.day} ({a.date})** · general call {a.general_call}",
        f"**第{a.day}日通告（{a.date}）** · 集合時間 {a.general_call}",
    )
    lines = [_t(lang, "\nScenes:", "\n場次：")]
    for scene in a.scenes:
        label = _scene_label(scene.id, lang)
        lines.append(
            f"- {scene.start} {label} {scene.set} {_ie(scene.int_ext, lang)} "
            f"{_tod(scene.time_of_day, lang)} · {scene.pages} " + _t(lang, "pg", "頁")
        )
    lines.append(_t(lang, "\nCast:", "\n演員："))
    for member in a.cast:
        name = lex.name(member.id, lang)
        actor = (
            f" ({member.actor})"
            if member.actor and lang == "en"
            else (f"（{member.actor}）" if member.actor else "")
        )
        lines.append(
            _t(
                lang,
                f"- {name}{actor}: call {member.call}, on set {member.on_set}",
                f"- {name}{actor}：{member.call} 到，{member.on_set} 埋位",
            )
        )
    locations = a.locations
    if locations:
        lines.append(_t(lang, "\nLocations:", "\n場地："))
        for place in locations:
            lines.append(f"- {place.id}: {place.address or '—'}")
    notes = a.notes
    if notes:
        kinds = sorted({k for n in notes for k in n.kinds})
        lines.append(
            _t(
                lang,
                f"\nNotes: {', '.join(kinds)} (see the call sheet file).",
                f"\n注意：{'、'.join(NOTE_KIND_ZH.get(k, k) for k in kinds)}（詳情睇通告檔案）。",
            )
        )
    if a.files:
        lines.append(_files_line(a.files, lang))
    return head + "\n" + "\n".join(lines)


_WEEKDAYS_ZH = {"monday": "星期一", "tuesday": "星期二", "wednesday": "星期三", "thursday": "星期四",
                "friday": "星期五", "saturday": "星期六", "sunday": "星期日"}  # fmt: skip
# Which of the plan's settings a question asks for (the others follow, shorter).
_ASKS_SETTING = {
    "start_date": ("start", "first day", "begin", "開機", "開拍", "開鏡", "開工"),
    "end_date": ("end date", "wrap", "last day", "殺青", "最後一日"),
    "days_off": ("day off", "days off", "rest", "休息", "放", "假"),
    "holidays": ("holiday", "假期", "假"),
    "day_length_hours": ("hours", "hour a day", "day length", "how long", "鐘", "小時", "工時"),
    "pages_per_hour": ("pages", "per hour", "頁"),
}


def _plan_settings(a: PlanSettings, u: Understanding, lex: Lexicon) -> str:
    """The plan's settings, those asked first, each with its line in the plan file."""
    from agent.lexicon import fold

    lang, folded = u.lang, fold(u.text)

    def where(key: str) -> str:
        line = a.lines.get(key)
        return f" (*{a.file} · l. {line}*)" if line else ""

    def day(d: date) -> str:
        return _t(
            lang,
            f"{d.strftime('%A')} {d.isoformat()}",
            f"{d.isoformat()}（{_WEEKDAYS_ZH[d.strftime('%A').lower()]}）",
        )

    said = {
        "start_date": _t(lang, f"Shooting starts {day(a.start_date)}", f"開機日期：{day(a.start_date)}"),
        "end_date": _t(lang, f"the shoot must end by {day(a.end_date)}", f"最遲 {day(a.end_date)} 拍完")
        if a.end_date
        else _t(lang, "the plan sets no end date", "計劃冇定殺青日期"),
        "days_off": _t(
            lang,
            "weekly days off: " + (", ".join(d.capitalize() + "s" for d in a.days_off) or "none"),
            "每星期休息：" + ("、".join(_WEEKDAYS_ZH.get(d, d) for d in a.days_off) or "冇"),
        ),
        "holidays": _t(
            lang,
            "holidays: " + (", ".join(day(h) for h in a.holidays) or "none"),
            "假期：" + ("、".join(day(h) for h in a.holidays) or "冇"),
        ),
        "day_length_hours": _t(
            lang,
            f"a shooting day is {a.day_length_hours:g} hours",
            f"一個拍攝日計 {a.day_length_hours:g} 小時",
        ),
        "pages_per_hour": _t(
            lang, f"{a.pages_per_hour:g} pages an hour", f"每小時拍 {a.pages_per_hour:g} 頁"
        ),
    }
    asked = [key for key, words in _ASKS_SETTING.items() if any(w in folded for w in words)]
    if "days_off" in asked and "holidays" not in asked:
        asked.append("holidays")  # days off and holidays are one question: when are we not shooting
    asked = asked or list(said)
    lead = [said[k] + where(k) for k in asked]
    rest = [said[k] + where(k) for k in said if k not in asked]
    head = (
        _t(lang, "The production plan: ", "製作計劃：")
        + _t(lang, "; ", "；").join(lead)
        + _t(lang, ".", "。")
    )
    if rest:
        head += (
            "\n\n" + _t(lang, "Also set: ", "另外：") + _t(lang, "; ", "；").join(rest) + _t(lang, ".", "。")
        )
    calls = _t(
        lang,
        f"\n\nCall times: {a.call_time} (day), {a.night_call_time} (night).",
        f"\n\n埋位時間：日戲 {a.call_time}，夜戲 {a.night_call_time}。",
    )
    return head + calls


def plan(u: Understanding, lexicon: Lexicon) -> list[dict[str, Any]]:
    from agent.families import plan_family

    if u.intent == "plan_settings":
        return [call("plan_settings")]
    if u.intent == "schedule":
        return [call("plan_schedule")]
    if u.intent == "unavailable":
        who = u.characters[0] if u.characters else (u.locations[0] if u.locations else None)
        if who is None or not u.dates:
            return []
        return [call("add_unavailability", who=who, dates=[d.isoformat() for d in u.dates])]
    if u.intent == "call_sheet":
        if u.day is None and len(u.dates) == 1:
            return [call("call_sheet", date=u.dates[0].isoformat())]  # "12月22號嘅通告"
        return [call("call_sheet", day=u.day or 1)]
    return plan_family(u, lexicon, call)  # schedule_day


SKILL = Skill(
    name="schedule",
    intents=frozenset({"schedule", "unavailable", "call_sheet", "schedule_day", "plan_settings"}),
    plan=plan,
    composers={"schedule": _schedule, "call_sheet": _call_sheet, "plan_settings": _plan_settings},
    typed=frozenset({"schedule", "call_sheet", "plan_settings"}),
    tools=frozenset({"plan_schedule", "add_unavailability", "call_sheet", "plan_settings"}),
)
