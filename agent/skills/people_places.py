"""People and places: character and location cards, who is in most scenes."""

from __future__ import annotations

from typing import Any

from agent.compose import (
    MAX_LISTED,
    _list_numbers,
    _pages,
    _scene_line,
    _t,
    _tod,
)
from agent.focus import card_fields, quote_foreign
from agent.intents import Lang, Understanding
from agent.lexicon import Lexicon, has_cjk
from agent.skills.base import Skill, call
from tools.script_lookup import CharacterReport, LocationReport


def _character(a: CharacterReport, u: Understanding, lex: Lexicon) -> str:
    lang = u.lang
    name = lex.name(a.name, lang)
    scenes = [r.number for r in a.scenes]
    first = a.first_appearance
    if a.shared_with:
        other = lex.name(a.shared_with, lang)
        shared = a.shared_scenes
        numbers = [r.number for r in shared]
        if not shared:
            return _t(lang, f"{name} and {other} share no scenes.", f"{name}同{other}冇同場戲。")
        head = _t(
            lang,
            f"{name} and {other} share {len(shared)} scene{'' if len(shared) == 1 else 's'}: {_list_numbers(numbers, lang)}.",
            f"{name}同{other}有 {len(shared)} 場同場戲：第{_list_numbers(numbers, lang)}場。",
        )
        return head + "\n\n" + "\n".join(_scene_line(r, lang, lex) for r in shared[:MAX_LISTED])
    if not scenes:
        return _t(
            lang,
            f"{name} is in the cast list but in no scene of the script.",
            f"{name}喺演員表入面，但劇本冇佢嘅戲。",
        )
    if lang == "zh":
        text = (
            f"**{name}**" + (f"（演員：{a.actor}）" if a.actor else "") + "\n\n"
            f"- 出場：{len(scenes)} 場（第{_list_numbers(scenes, lang)}場），合共 {_pages(a.total_eighths, lang)}\n"
            f"- 有對白：{len(a.speaking_scenes)} 場，共 {a.speeches} 段對白"
        )
        if first:
            text += f"\n- 第一次出場：第{first.number}場（第{first.page}頁）{first.heading}"
        if a.locations:
            text += f"\n- 場景：{'、'.join(a.locations[:8])}"
        if a.unavailable:
            text += f"\n- 唔得閒：{'、'.join(a.unavailable)}"
        text += _person_facts(a, lang)
    else:
        text = (
            f"**{name}**" + (f" — played by {a.actor}" if a.actor else "") + "\n\n"
            f"- In {len(scenes)} scene{'' if len(scenes) == 1 else 's'}: {_list_numbers(scenes, lang)} — {_pages(a.total_eighths, lang)} in all\n"
            f"- Speaks in {len(a.speaking_scenes)} of them ({a.speeches} speeches)"
        )
        if first:
            text += f"\n- First appears in scene {first.number} (p. {first.page}): {first.heading}"
        if a.locations:
            text += f"\n- Sets: {', '.join(a.locations[:8])}"
        if a.unavailable:
            text += f"\n- Unavailable: {', '.join(a.unavailable)}"
        text += _person_facts(a, lang)
    return _lead(u, lex, name, card_fields(a), [a.notes or ""], place=False) + text


def _person_facts(report: CharacterReport, lang: Lang) -> str:
    """What the cast list adds: other names (full name, nicknames), day rate, notes."""
    others = [n for n in report.aliases if n.casefold() != report.name.casefold()]
    text = ""
    if others:
        text += _t(lang, f"\n- Also called: {', '.join(others)}", f"\n- 又叫：{'、'.join(others)}")
    if report.daily_rate:
        text += _t(
            lang, f"\n- Day rate: HK${report.daily_rate:,.0f}", f"\n- 日薪：HK${report.daily_rate:,.0f}"
        )
    if report.notes:
        text += _t(
            lang,
            f"\n- Cast list notes: {report.notes}",
            f"\n- 演員表備註：{quote_foreign(report.notes, lang)}",
        )
    return text


def _location(a: LocationReport, u: Understanding, lex: Lexicon) -> str:
    lang = u.lang
    rows = a.scenes
    split = ", ".join(f"{_tod(k, lang)} {v}" for k, v in a.by_time_of_day.items())
    aliases = " / ".join(a.aliases)
    if lang == "zh":
        chinese = [n for n in a.aliases if has_cjk(n)]
        title = chinese[0] if chinese else a.name
        others = "、".join(n for n in chinese[1:] if n != title)
        text = f"**{title}**" + (f"（又叫：{others}）" if others else "") + "\n\n"
        if a.address:
            text += f"- 地址：{quote_foreign(a.address, lang)}\n"
        text += f"- {len(rows)} 場，合共 {_pages(a.total_eighths, lang)}（{split}）\n"
        if a.contact:
            text += f"- 聯絡：{quote_foreign(a.contact, lang)}\n"
        if a.unavailable:
            text += f"- 唔借得：{'、'.join(a.unavailable)}\n"
        if a.notes:
            text += f"- 備註：{quote_foreign(a.notes, lang)}\n"
    else:
        text = f"**{a.name}** ({aliases})\n\n"
        if a.address:
            text += f"- Address: {a.address}\n"
        text += (
            f"- {len(rows)} scene{'' if len(rows) == 1 else 's'}, {_pages(a.total_eighths, lang)} ({split})\n"
        )
        if a.contact:
            text += f"- Contact: {a.contact}\n"
        if a.unavailable:
            text += f"- Unavailable: {', '.join(a.unavailable)}\n"
        if a.notes:
            text += f"- Notes: {a.notes}\n"
    card = text + "\n" + "\n".join(_scene_line(r, lang, lex) for r in rows[:MAX_LISTED])
    fields = card_fields(a)
    chinese_names = [n for n in a.aliases if has_cjk(n)]
    title = chinese_names[0] if lang == "zh" and chinese_names else a.name
    return _lead(u, lex, title, fields, [a.notes or ""], place=True) + card


_LEAD_LABELS = {
    "contact": ("Contact", "聯絡人"),
    "address": ("Address", "地址"),
    "unavailable": ("Unavailable", "唔得閒日子"),
    "rate": ("Day rate", "日薪"),
    "actor": ("Played by", "演員"),
    "aliases": ("Also called", "又叫"),
    "notes": ("From the notes", "備註"),
}


def _lead(
    u: Understanding, lex: Lexicon, title: str, fields: dict[str, str | None], notes: list[str], place: bool
) -> str:
    """The line that answers a question about one field of a person's or a place's card (agent.focus)."""
    from agent.focus import asked_field, note_lead
    from agent.routing import default_router

    lead = asked_field(u.text, fields)
    if lead is None and u.intent not in ("character_report", "location_report"):
        return ""
    if lead is None:
        names = [lex.aliases(v) for v in [*u.characters, *u.locations]]
        lead = note_lead(u.text, notes, default_router().embedder, names)
    if lead is None:
        return ""
    en, zh = _LEAD_LABELS[lead.field]
    if place and lead.field == "unavailable":
        en, zh = "Not available", "用唔到日子"
    if u.lang == "zh":
        return f"**{title}**嘅{zh}：{quote_foreign(lead.value, 'zh')}\n\n"
    return f"**{title}** — {en.lower() if lead.field != 'notes' else en}: {lead.value}\n\n"


def plan(u: Understanding, lexicon: Lexicon) -> list[dict[str, Any]]:
    from agent.families import plan_family

    if u.intent == "character_report":
        if not u.characters:
            return []
        other = u.characters[1] if len(u.characters) > 1 and u.shared else None
        return [call("character_report", name=u.characters[0], with_character=other)]
    if u.intent == "location_report":
        return [call("location_report", name=u.locations[0])] if u.locations else []
    return plan_family(u, lexicon, call)  # cast_rank


SKILL = Skill(
    name="people_places",
    intents=frozenset({"character_report", "location_report", "cast_rank"}),
    plan=plan,
    composers={"character": _character, "location": _location},
    typed=frozenset({"character", "location"}),
    tools=frozenset({"character_report", "location_report"}),
)
