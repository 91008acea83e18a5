"""Question families that pick one fact out of a tool's typed result.

"When does X last appear?", "the scene after 12", "the longest night scene", "who has the highest day
rate?", "what do we shoot on day 5?", "when is scene 8 shot?": each family plans ordinary tool calls
(find_scenes, scene_details, character_report, location_report, cast_summary, plan_schedule) and answers
from the result re-validated into its model, so a renamed field fails in mypy rather than in a chat.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

from agent.intents import ORDER_WORDS, Lang, Understanding, has_word
from agent.lexicon import Lexicon, fold
from tools.registry import ToolError, ToolResult, load_artifact
from tools.schedule.tools import ScheduleResult
from tools.script_lookup import (
    CastRow,
    CastSummary,
    CharacterReport,
    LocationReport,
    SceneDetail,
    SceneRow,
    ScenesResult,
    SearchResult,
)
from tools.shot_list import ShotListResult
from tools.shot_list.tools import DRAFTED_TO_EDIT

_PLURAL = re.compile(r"\bscenes\b|邊幾場|哪幾場|哪些|邊啲|幾場|所有")

R = TypeVar("R", bound=ToolResult)
# A turn's artifacts, each beside its result re-validated into the tool's model (None: no model fits).
Results = Sequence[tuple[dict[str, Any], ToolResult | ToolError | None]]


def _last(results: Results, model: type[R]) -> R | None:
    """The turn's last result of this model (a tool's model names its kind)."""
    return next((r for _, r in reversed(results) if isinstance(r, model)), None)


def _t(lang: Lang, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def _neighbour(number: str, step: int, lexicon: Lexicon) -> str | None:
    order = [n for n in lexicon.scene_numbers if n not in lexicon.omitted]
    key = {n.upper(): i for i, n in enumerate(order)}
    index = key.get(number.upper())
    if index is None or not 0 <= index + step < len(order):
        return None
    return order[index + step]


def _side(number: str, after: bool, lexicon: Lexicon) -> list[str]:
    order = [n for n in lexicon.scene_numbers if n not in lexicon.omitted]
    upper = [n.upper() for n in order]
    if number.upper() not in upper:
        return []
    index = upper.index(number.upper())
    return order[index + 1 :] if after else order[:index]


def plan_family(u: Understanding, lexicon: Lexicon, call: Any) -> list[dict[str, Any]]:
    """The tool calls for a family question (`call(name, **args)` makes one)."""
    if u.intent == "scene_order":
        return _plan_order(u, lexicon, call)
    if u.intent == "scene_rank":
        return [_filtered(u, call)]
    if u.intent == "cast_rank":
        return [call("cast_summary")]
    if u.intent == "schedule_day":
        if not u.scenes and (u.locations or u.time_of_day or u.int_ext):
            # "when do we shoot the rooftop scenes?": which scenes first, then their days.
            return [_filtered(u, call), call("plan_schedule")]
        return [call("plan_schedule")]
    return []


def _filtered(u: Understanding, call: Any) -> dict[str, Any]:
    return call(
        "find_scenes",
        characters=u.characters or None,
        location=u.locations[0] if u.locations else None,
        time_of_day=u.time_of_day,
        int_ext=u.int_ext,
    )


def _plan_order(u: Understanding, lexicon: Lexicon, call: Any) -> list[dict[str, Any]]:
    order = u.order or "first"
    if u.scenes and order in ("next", "previous", "after", "before"):
        anchor = u.scenes[0]
        plural = bool(_PLURAL.search(u.text.casefold())) and order in ("after", "before")
        if plural:
            numbers = _side(anchor, order == "after", lexicon)
            return [call("find_scenes", numbers=numbers or ["__none__"])]
        target = _neighbour(anchor, 1 if order in ("next", "after") else -1, lexicon)
        return [call("scene_details", scene=target)] if target else []
    kept = [n for n in lexicon.scene_numbers if n not in lexicon.omitted]
    if order in ("next", "previous", "after", "before") and (
        u.characters or u.locations or u.time_of_day or u.int_ext
    ):
        # "the scene right before the first one at the pier", "Kelly 最後一場之後嗰場": the anchor is
        # an end of someone's or somewhere's scenes, then its neighbour among all the scenes.
        end = call("character_report", name=u.characters[0]) if u.characters else _filtered(u, call)
        return [end, call("find_scenes", numbers=kept or ["__none__"])]
    if u.characters:
        return [call("character_report", name=u.characters[0])]
    if u.locations or u.time_of_day or u.int_ext:
        return [_filtered(u, call)]
    if not kept:
        return []
    return [call("scene_details", scene=kept[-1] if order == "last" else kept[0])]


# --- answers -----------------------------------------------------------------------------------------


def compose_family(
    u: Understanding,
    artifacts: list[dict[str, Any]],
    lexicon: Lexicon,
    calls: list[dict[str, Any]] | None = None,
) -> str | None:
    """The answer for a family question, or None to let the general composers answer."""
    lang = u.lang
    if u.intent == "edit_shot" and artifacts and calls is not None:
        return _edits_answer(u, artifacts, calls, lexicon)
    results = [(artifact, load_artifact(artifact)) for artifact in artifacts]
    if u.intent == "scene_order":
        return _order_answer(u, results, lexicon)
    found = _last(results, ScenesResult)
    if u.intent == "scene_rank" and found is not None:
        return _rank_scenes(u, found.scenes, lang)
    cast = _last(results, CastSummary)
    if u.intent == "cast_rank" and cast is not None:
        return _rank_cast(u, cast.cast, lexicon)
    plan = _last(results, ScheduleResult)
    if u.intent == "schedule_day" and plan is not None:
        if found is not None and not u.scenes:
            u.scenes = [row.number for row in found.scenes]
        return _schedule_day(u, plan, lexicon)
    return None


def _edits_answer(
    u: Understanding, artifacts: list[dict[str, Any]], calls: list[dict[str, Any]], lexicon: Lexicon
) -> str:
    """Several edits in one turn: each part and whether it was made, then the list as it now stands."""
    from agent.skills import compose_result

    lang = u.lang
    lines = []
    final: dict[str, Any] | None = None
    for call, artifact in zip(calls, artifacts, strict=False):
        args = call.get("args") or {}
        shot = args.get("shot_id", "?")
        result = load_artifact(artifact)
        if isinstance(result, ShotListResult):
            final = artifact
            if args.get("remove"):
                lines.append(_t(lang, f"- Dropped {shot}", f"- 刪咗 {shot}"))
            else:
                change = ("、" if lang == "zh" else ", ").join(
                    _said_value(u.text, k, v) or _edit_value(k, v, lang, lexicon)
                    for k, v in args.items()
                    if k not in ("scene", "shot_id") and v is not None
                )
                lines.append(_t(lang, f"- {shot}: {change}", f"- {shot}：{change}"))
        else:
            # The reason in the answer's language (small_talk's error composer), not the tool's English.
            reason = compose_result(artifact, u, lexicon) or (
                str(result.message or result.error or "") if isinstance(result, ToolError) else ""
            )
            lines.append(_t(lang, f"- {shot}: not changed — {reason}", f"- {shot}：冇改 — {reason}"))
    title = (
        _t(lang, "Edits, in the order asked:", "按你講嘅次序改咗：")
        if len(lines) > 1
        else _t(lang, "Changed:", "改咗：")
    )
    head = title + "\n" + "\n".join(lines)
    if final is None:
        return head
    drafted = [
        r.scene
        for r in (load_artifact(a) for a in artifacts)
        if isinstance(r, ShotListResult) and list(r.provenance or [])[-2:-1] == [DRAFTED_TO_EDIT]
    ]
    if drafted:
        scene = drafted[0]
        head = (
            _t(
                lang,
                f"Scene {scene} had no saved shot list, so I drafted one (classic, saved as its own version) "
                "and made the change on it.",
                f"第{scene}場之前冇存低嘅分鏡表，所以我先起草咗一份（classic，另存一個版本），再喺上面改。",
            )
            + "\n\n"
            + head
        )
    return head + "\n\n" + (compose_result(final, u, lexicon) or "")


ANGLE_ZH = {
    "high": "俯拍（高角度）",
    "low": "仰拍（低角度）",
    "overhead": "頂拍（俯瞰）",
    "dutch": "傾斜鏡",
    "eye level": "平視",
}


def _said_value(text: str, key: str, value: Any) -> str | None:
    """The person's own word for a movement, size or angle they asked for ("推軌" stays 推軌, not the
    house word 路軌), when they used one of its words."""
    from agent.intents import ANGLE_WORDS, MOVEMENT_WORDS, SIZE_WORDS, _find_word

    table = {"movement": MOVEMENT_WORDS, "size": SIZE_WORDS, "angle": ANGLE_WORDS}.get(key)
    if table is None or str(value) not in table:
        return None
    folded = fold(text)
    said = [
        (p, w)
        for w in table[str(value)]
        if (len(w) > 2 or w >= "\u3400") and (p := _find_word(folded, w)) >= 0
    ]
    return min(said)[1] if said else None


def _edit_value(key: str, value: Any, lang: Lang, lexicon: Lexicon) -> str:
    from agent.compose import MOVEMENT_ZH, SIZE_ZH

    if key == "lens_mm":
        return f"{value}mm"
    if isinstance(value, list):
        return "/".join(lexicon.name(str(v), lang) for v in value)
    if lang == "zh":
        table = {"size": SIZE_ZH, "movement": MOVEMENT_ZH, "angle": ANGLE_ZH}.get(key, {})
        return table.get(str(value), str(value))
    return f"{value} angle" if key == "angle" else str(value)


def _scene_text(row: SceneRow, lang: Lang) -> str:
    label = f"第{row.number}場" if lang == "zh" else f"scene {row.number}"
    page = f"第{row.page}頁" if lang == "zh" else f"p. {row.page}"
    length = f"共 {row.pages} 頁" if lang == "zh" else f"{row.pages} pg"  # a length says its unit
    return f"{label} ({page}, {length}): {row.heading}"


def _order_answer(u: Understanding, results: Results, lexicon: Lexicon) -> str | None:
    lang = u.lang
    detail = _last(results, SceneDetail)
    if (
        _last(results, SearchResult) is not None
        and detail is not None
        and u.scenes
        and u.order in ("next", "previous", "before", "after")
    ):
        return _event_neighbour(u, results, detail, lexicon)
    last = u.order == "last"
    rows: list[SceneRow] = []
    who = ""
    report = _last(results, CharacterReport)
    place = _last(results, LocationReport)
    found = _last(results, ScenesResult)
    if u.order in ("next", "previous", "after", "before") and not u.scenes:
        return _anchored_neighbour(u, results, lexicon)
    if report is not None:
        rows, who = report.scenes, lexicon.name(report.name, lang)
    elif place is not None:
        rows, who = place.scenes, place.name
    elif found is not None and not u.scenes:
        rows = found.scenes
    if not rows:
        return None
    rows = [r for r in rows if r.number not in lexicon.omitted]
    if not rows:
        return None
    row = rows[-1] if last else rows[0]
    if u.both_ends and len(rows) > 1:
        first, final = rows[0], rows[-1]
        if who:
            return _t(
                lang,
                f"{who} first appears in {_scene_text(first, lang)}, and last in {_scene_text(final, lang)}.",
                f"{who}第一次出場係{_scene_text(first, lang)}；最後一次係{_scene_text(final, lang)}。",
            )
        return _t(
            lang,
            f"The first of those is {_scene_text(first, lang)}; the last is {_scene_text(final, lang)}.",
            f"最早嗰場係{_scene_text(first, lang)}；最後嗰場係{_scene_text(final, lang)}。",
        )
    if who:
        return _t(
            lang,
            f"{who} {'last' if last else 'first'} appears in {_scene_text(row, lang)}.",
            f"{who}{'最後一次' if last else '第一次'}出場係{_scene_text(row, lang)}。",
        )
    return _t(
        lang,
        f"The {'last' if last else 'first'} of those is {_scene_text(row, lang)}.",
        f"{'最後' if last else '最早'}嗰場係{_scene_text(row, lang)}。",
    )


def _anchored_neighbour(u: Understanding, results: Results, lexicon: Lexicon) -> str | None:
    """The scene before or after an end of someone's (or somewhere's) scenes: the anchor's rows come
    first in the turn, every scene of the script last (see _plan_order)."""
    lang = u.lang
    every = [r for _, r in results if isinstance(r, ScenesResult)]
    report = _last(results, CharacterReport)
    if not every:
        return None
    anchor_rows = report.scenes if report is not None else every[0].scenes if len(every) > 1 else []
    anchor_rows = [r for r in anchor_rows if r.number not in lexicon.omitted]
    if not anchor_rows:
        return None
    after = u.order in ("next", "after")
    # Which end: the one the question names ("the first one at the pier"), else the near side.
    folded = fold(u.text)
    names_end = {end for end in ("first", "last") if has_word(folded, ORDER_WORDS[end])}
    end = names_end.pop() if len(names_end) == 1 else ("last" if after else "first")
    anchor = anchor_rows[-1] if end == "last" else anchor_rows[0]
    target = _neighbour(anchor.number, 1 if after else -1, lexicon)
    row = next((r for r in every[-1].scenes if target and r.number == target), None)
    what = lexicon.name(report.name, lang) if report is not None else ""
    lead = _t(
        lang,
        f"The {end} scene{' with ' + what if what else ' of those'} is scene {anchor.number}",
        f"{what + '嘅' if what else ''}{'最後一' if end == 'last' else '第一'}場係第{anchor.number}場",
    )
    if row is None:
        return lead + _t(
            lang,
            f"; there is no scene {'after' if after else 'before'} it.",
            f"，佢{'之後' if after else '之前'}冇其他場。",
        )
    return lead + _t(
        lang,
        f"; the scene {'after' if after else 'before'} it is {_scene_text(row, lang)}.",
        f"；佢{'之後' if after else '之前'}嗰場係{_scene_text(row, lang)}。",
    )


def _event_neighbour(u: Understanding, results: Results, neighbour: SceneDetail, lexicon: Lexicon) -> str:
    """ "The scene before the wedding": where the script's best match for the event is, then the
    neighbouring scene itself (agent.planner found the event's scene by a search of the script)."""
    from agent.planner import event_words
    from agent.skills import compose_result

    lang = u.lang
    event = event_words(u.text) or ""
    after = u.order in ("next", "after")
    # The scene's own answer is written from its plain data, as every result's is (compose_result).
    plain = next(artifact for artifact, result in results if result is neighbour)
    detail = compose_result(plain, u, lexicon) or ""
    lead = _t(
        lang,
        f"“{event}” reads like scene {u.scenes[0]} (the script's closest passage); the scene "
        f"{'after' if after else 'before'} it is scene {neighbour.scene.number}.",
        f"「{event}」最似係第{u.scenes[0]}場（劇本最接近嘅段落）；佢{'之後' if after else '之前'}嗰場係第{neighbour.scene.number}場。",
    )
    return f"{lead}\n\n{detail}"


def _rank_scenes(u: Understanding, rows: list[SceneRow], lang: Lang) -> str:
    if not rows:
        return _t(lang, "No scenes match that.", "冇符合嘅場次。")
    most = u.rank != "least"
    ranked = sorted(rows, key=lambda r: (-r.eighths if most else r.eighths, r.page))
    top = ranked[0]
    ties = [r for r in ranked if r.eighths == top.eighths]
    word = _t(lang, "longest" if most else "shortest", "最長" if most else "最短")
    head = _t(
        lang,
        f"The {word} is {_scene_text(top, lang)}.",
        f"{word}嘅係{_scene_text(top, lang)}。",
    )
    if len(ties) > 1:
        others = ", ".join(r.number for r in ties[1:6])
        head += _t(lang, f" Tied at {top.pages}: {others}.", f"同樣 {top.pages} 頁嘅仲有：{others}。")
    runners = [r for r in ranked if r.eighths != top.eighths][:3]
    if runners:
        head += _t(lang, "\n\nNext: ", "\n\n其次：") + "; ".join(f"{r.number} ({r.pages})" for r in runners)
    return head


_RANK_VALUE = {
    "rate": lambda r: r.daily_rate or 0,
    "scenes": lambda r: r.scenes,
    "speeches": lambda r: r.speeches,
    "pages": lambda r: r.eighths,
}


# Cast who work on set, or everyone but those only heard.
_ON_SET = re.compile(
    r"\bon set\b|\bon-set\b|\bon camera\b|\bon screen\b|埋位|開工|現場|出鏡|上鏡"
    r"|(?:錄音|配音|把聲|聲音|電話|voice|v\.o\.|phone)[^。？?!！]{0,8}(?:唔計|不計|除外|不算|唔算)"
    r"|\b(?:not counting|excluding|except|leaving out|apart from)\b[^.?!]{0,30}\b(?:voice|v\.o\.|phone)"
)


def _rank_cast(u: Understanding, rows: list[CastRow], lexicon: Lexicon) -> str:
    lang = u.lang
    by = u.rank_by or "pages"
    value = _RANK_VALUE.get(by, _RANK_VALUE["pages"])
    rows = [r for r in rows if by != "rate" or r.daily_rate]
    if _ON_SET.search(fold(u.text)):
        # "…on set, not counting the phone voice", "要開工嘅 actor": a voice only heard is not on set.
        rows = [r for r in rows if r.seen_scenes or not r.scenes]
    if not rows:
        return _t(lang, "The cast list gives no day rates.", "演員表冇寫日薪。")
    most = u.rank != "least"
    ranked = sorted(rows, key=lambda r: -value(r) if most else value(r))
    top = ranked[0]

    def figure(row: CastRow) -> str:
        from knowledge.screenplay import eighths_text

        if by == "rate":
            return f"HK${row.daily_rate:,.0f}" + _t(lang, " a day", " 一日")
        if by == "scenes":
            return _t(lang, f"{row.scenes} scenes", f"{row.scenes} 場")
        if by == "speeches":
            return _t(lang, f"{row.speeches} speeches", f"{row.speeches} 段對白")
        return _t(lang, f"{eighths_text(row.eighths)} pages", f"{eighths_text(row.eighths)} 頁")

    actor = f" ({top.actor})" if top.actor else ""
    head = _t(
        lang,
        f"{lexicon.name(top.name, lang)}{actor}: {figure(top)} — the {'most' if most else 'least'}.",
        f"{lexicon.name(top.name, lang)}{actor}：{figure(top)}，係{'最多' if most else '最少'}。",
    )
    rest = "; ".join(f"{lexicon.name(r.name, lang)} {figure(r)}" for r in ranked[1:4])
    return head + (_t(lang, f"\n\nThen: {rest}", f"\n\n其次：{rest}") if rest else "")


def _schedule_day(u: Understanding, plan: ScheduleResult, lexicon: Lexicon) -> str:
    lang = u.lang
    days = plan.shooting_days  # a calendar day with nothing to shoot is not a shooting day
    if not days:
        return _t(lang, "The plan has no shooting days.", "排期冇拍攝日。")
    if u.rest and not (u.scenes or u.characters or u.locations):
        return _rest_days(plan, lang)
    answer = _schedule_day_lines(u, plan, days, lang)
    if u.scenes or u.characters or u.locations or u.dates or u.order == "last":
        return answer  # a scene's, a person's or a date's days: the plan's first days are not asked
    from agent.skills.schedule import free_start_note

    free = free_start_note(plan, lang)  # "day 1", "the first week": shooting starts after the plan does
    return f"{free}\n\n{answer}" if free else answer


_WEEKDAY_ZH = {"monday": "星期一", "tuesday": "星期二", "wednesday": "星期三", "thursday": "星期四",
               "friday": "星期五", "saturday": "星期六", "sunday": "星期日"}  # fmt: skip
_REST_ZH = {"day off": "休息日", "holiday": "假期", "free": "排期留空"}


def _rest_days(plan: ScheduleResult, lang: Lang) -> str:
    """The days the plan does not shoot, between its first and last shooting day, and why."""
    weekly = [d for d in plan.days_off]
    head = _t(
        lang,
        "Weekly days off: "
        + (", ".join(d.capitalize() + "s" for d in weekly) or "none")
        + ". "
        + ("Holidays: " + ", ".join(h.isoformat() for h in plan.holidays) + "." if plan.holidays else ""),
        "每星期休息："
        + ("、".join(_WEEKDAY_ZH.get(d, d) for d in weekly) or "冇")
        + "。"
        + ("假期：" + "、".join(h.isoformat() for h in plan.holidays) + "。" if plan.holidays else ""),
    )
    rest = plan.rest_days
    if not rest:
        return head + _t(lang, "\n\nThe shoot runs without a break.", "\n\n拍攝期間冇停。")
    lines = [
        _t(
            lang,
            f"- {when.isoformat()} ({when.strftime('%A')}): {reason}",
            f"- {when.isoformat()}（{_WEEKDAY_ZH[when.strftime('%A').lower()]}）：{_REST_ZH.get(reason, reason)}",
        )
        for when, reason in rest
    ]
    first, last = plan.shooting_days[0].date, plan.shooting_days[-1].date
    return (
        head
        + _t(
            lang,
            f"\n\nBetween the first shooting day ({first.isoformat()}) and the last ({last.isoformat()}), "
            "nothing is shot on:\n",
            f"\n\n由第一個拍攝日（{first.isoformat()}）到最後一個（{last.isoformat()}），以下日子唔拍：\n",
        )
        + "\n".join(lines)
    )


def _schedule_day_lines(u: Understanding, plan: ScheduleResult, days: list[Any], lang: Lang) -> str:

    def line(index: int) -> str:
        day = days[index]
        scenes = ", ".join(map(str, day.scenes))
        return _t(
            lang,
            f"- Day {index + 1} ({day.date}): scenes {scenes} — {day.hours} h",
            f"- 第{index + 1}日（{day.date}）：第{'、'.join(map(str, day.scenes))}場 — {day.hours} 小時",
        )

    if u.scenes:
        wanted = {n.upper() for n in u.scenes}
        found = list(
            dict.fromkeys(i for i, d in enumerate(days) for s in d.scenes if str(s).upper() in wanted)
        )
        label = ", ".join(u.scenes[:8])
        if not found:
            return _t(lang, f"Scene {label} is not in the plan.", f"第{label}場唔喺排期入面。")
        numbers = ", ".join(str(i + 1) for i in found)
        head = _t(lang, f"Scene {label} is shot on day {numbers}:", f"第{label}場喺第{numbers}日拍：")
        window = _windows(u.scenes, plan, lang) if _ASKS_WINDOW.search(fold(u.text)) else ""
        return head + "\n" + "\n".join(line(i) for i in found) + window
    if u.day is not None:
        index = len(days) - 1 if u.day == -1 else u.day - 1
        if not 0 <= index < len(days):
            return _t(lang, f"The plan has {len(days)} days.", f"排期得 {len(days)} 日。")
        return line(index)
    if u.dates:
        wanted = {d.isoformat() for d in u.dates}
        picked = [i for i, d in enumerate(days) if str(d.date) in wanted]
        if picked:
            return "\n".join(line(i) for i in picked)
    picked = _days_of(u, plan, days)
    if picked:
        return _t(lang, "Shooting days:", "拍攝日：") + "\n" + "\n".join(line(i) for i in picked)
    if re.search(r"week|星期|禮拜|週|周", u.text, re.IGNORECASE):
        first = _as_date(plan.days[0].date)  # the shoot's first week runs from the plan's first day
        if first is not None:
            end = first + timedelta(days=7)
            picked = [i for i, d in enumerate(days) if (_as_date(d.date) or end) < end]
            return _t(lang, "The first week:", "第一個星期：") + "\n" + "\n".join(line(i) for i in picked)
    if u.order == "last":
        return line(len(days) - 1)
    if u.order == "first":
        return line(0)
    return "\n".join(line(i) for i in range(min(len(days), 40)))


# Asking what the plan allows, not only the day it chose: "when can…", earliest, latest, "by when",
# 最早, 最遲, 只可以, 可以喺邊段日子.
_ASKS_WINDOW = re.compile(
    # "Can you tell me when…" is politeness, not a question about what is allowed.
    r"\b(?:can|could)\b(?! you\b)|\b(?:allowed|allow|earliest|latest|by when|no later|no earlier|window|deadline"
    r"|between|range)\b"
    r"|最早|最遲|最晚|最快|最慢|只可以|只能|可以喺|幾時可以|可唔可以|准|限|期限|之前要|前要|範圍|哪段|邊段"
)


def _windows(scenes: list[str], plan: ScheduleResult, lang: Lang) -> str:
    """The dates the plan lets each asked scene be shot between (its not_before / not_after), so "when
    can scene 15 be shot?" is answered by the rule as well as by the day it landed on."""
    windows = {k.upper(): v for k, v in plan.windows.items()}
    lines = []
    for number in scenes:
        window = windows.get(number.upper())
        if window is None:
            continue
        low, high = window
        if low and high and low == high:
            lines.append(
                _t(lang, f"Scene {number} is fixed to {low} in the plan.", f"排期將第{number}場定喺 {low}。")
            )
        elif low and high:
            lines.append(
                _t(
                    lang,
                    f"The plan allows scene {number} only from {low} to {high}.",
                    f"排期只准第{number}場喺 {low} 至 {high} 拍。",
                )
            )
        elif low:
            lines.append(
                _t(
                    lang,
                    f"The plan allows scene {number} no earlier than {low}.",
                    f"排期規定第{number}場最早 {low} 先拍。",
                )
            )
        elif high:
            lines.append(
                _t(
                    lang,
                    f"The plan wants scene {number} shot by {high} at the latest.",
                    f"排期規定第{number}場最遲 {high} 要拍完。",
                )
            )
    return ("\n\n" + "\n".join(lines)) if lines else ""


def _days_of(u: Understanding, plan: ScheduleResult, days: list[Any]) -> list[int]:
    """The places in `days` (the plan's shooting days) of the days on which the named cast member
    works or the named place is used."""
    picked: set[int] = set()
    wanted = {c.upper() for c in u.characters}
    for row in plan.dood:
        if row.cast.upper() in wanted:
            work = {d for d, code in row.codes.items() if code and "W" in str(code)}
            picked.update(i for i, day in enumerate(days) if day.date in work)
    places = [p.casefold() for p in u.locations]
    for i, day in enumerate(days):
        if places and any(p in " ".join(day.locations).casefold() for p in places):
            picked.add(i)
    return sorted(picked)


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
