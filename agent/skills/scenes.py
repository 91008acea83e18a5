"""Scenes: find scenes by who, where, when; one scene's details; scene order and rankings."""

from __future__ import annotations

import re
from typing import Any

from agent.compose import (
    MAX_LISTED,
    _ie,
    _list_numbers,
    _pages,
    _scene_line,
    _t,
    _tod,
)
from agent.focus import quote_foreign
from agent.intents import Lang, Understanding
from agent.lexicon import Lexicon
from agent.skills.base import Skill, call
from tools.script_lookup import SceneDetail, ScenesResult, SearchResult


def _describe_filters(filters: dict[str, Any], lang: Lang, lexicon: Lexicon) -> str:
    bits = []
    if filters.get("characters"):
        names = [lexicon.name(c, lang) for c in filters["characters"]]
        if filters.get("speaking") is False:
            bits.append(
                _t(
                    lang,
                    f"where {' and '.join(names)} {'is' if len(names) == 1 else 'are'} there without a line",
                    "有" + "同".join(names) + "出場但冇對白",
                )
            )
        elif filters.get("speaking"):
            bits.append(
                _t(
                    lang,
                    f"where {' and '.join(names)} {'speaks' if len(names) == 1 else 'speak'}",
                    "有" + "同".join(names) + "對白",
                )
            )
        else:
            bits.append(_t(lang, "with " + " and ".join(names), "有" + "同".join(names)))
    if filters.get("without"):
        names = [lexicon.name(c, lang) for c in filters["without"]]
        bits.append(_t(lang, "without " + " or ".join(names), "冇" + "、".join(names) + "份"))
    if filters.get("location"):
        bits.append(_t(lang, f"at “{filters['location']}”", f"喺「{filters['location']}」"))
    if filters.get("time_of_day"):
        bits.append(
            _t(
                lang,
                f"at {filters['time_of_day'].lower()}"
                if filters["time_of_day"] == "NIGHT"
                else f"({filters['time_of_day'].lower()})",
                f"{_tod(filters['time_of_day'], lang)}景",
            )
        )
    if filters.get("times"):
        times = list(filters["times"])
        bits.append(
            _t(
                lang,
                "(" + " or ".join(t.lower() for t in times) + ")",
                "或".join(_tod(t, lang) for t in times) + "景",
            )
        )
    if filters.get("int_ext"):
        bits.append(_t(lang, f"({filters['int_ext']})", _ie(filters["int_ext"], lang)))
    if filters.get("pages"):
        low, high = filters["pages"]
        bits.append(_t(lang, f"on pages {low}–{high}", f"第{low}至{high}頁"))
    if filters.get("text"):
        bits.append(_t(lang, f"mentioning “{filters['text']}”", f"提到「{filters['text']}」"))
    return ("" if lang == "zh" else " ").join(bits)


def _scenes(a: ScenesResult, u: Understanding, lex: Lexicon) -> str:
    rows = a.scenes
    lang = u.lang
    filters = dict(a.filters)
    # "Of those" only when a follow-up narrows the last answer; "is Kelvin in scene 8?" names its scenes.
    narrowed = bool(filters.pop("numbers", None)) and u.follow_up
    what = _describe_filters(filters, lang, lex)
    if not rows:
        if lang == "zh":
            scope = "當中" if narrowed else ""
            # 冇日景嘅場次, 冇MEI (阿美) 夜景嘅場次: the filters read as a clause before 嘅場次.
            return f"{scope}冇{what.removeprefix('有')}嘅場次。" if what else f"{scope}冇符合嘅場次。"
        if narrowed:
            return f"None of those scenes {what}." if what else "None of those scenes match."
        return f"No scenes {what}." if what else "No scenes match."
    numbers = [r.number for r in rows]
    total = _pages(a.total_eighths, lang)
    if lang == "zh":
        scope = "當中" if narrowed else ""
        head = f"{scope}{what + '嘅' if what else ''}場次共 {len(rows)} 場：{_list_numbers(numbers, lang)}（合共 {total}）。"
    else:
        scope = "Of those, " if narrowed else ""
        noun = "scene" if len(rows) == 1 else "scenes"
        head = f"{scope}{len(rows)} {noun} {what}: {_list_numbers(numbers, lang)} ({total} in all)."
        head = head[0].upper() + head[1:]
    lines = [_scene_line(r, lang, lex) for r in rows[:MAX_LISTED]]
    if len(rows) > MAX_LISTED:
        lines.append(
            _t(lang, f"- … and {len(rows) - MAX_LISTED} more", f"- …仲有 {len(rows) - MAX_LISTED} 場")
        )
    return head + "\n\n" + "\n".join(lines)


def _scene(a: SceneDetail, u: Understanding, lex: Lexicon) -> str:
    row = a.scene
    lang = u.lang
    people = ", ".join(lex.name(c, lang) for c in row.characters) or _t(lang, "nobody speaks", "冇對白")
    silent = row.non_speaking
    where = f"{_ie(row.int_ext, lang)} {row.location} {_tod(row.time_of_day, lang)}".strip()
    if lang == "zh":
        text = (
            f"**第{row.number}場** — {row.heading}\n\n"
            f"- 場景：{where}\n- 頁數：第{row.page}頁起，共 {_pages(row.eighths, lang)}\n"
            f"- 有對白嘅角色：{people}"
        )
        if silent:
            text += f"\n- 無對白出場：{', '.join(lex.name(c, lang) for c in silent)}"
        if a.summary_text:
            text += f"\n\n動作描述（節錄）：{quote_foreign(a.summary_text, lang)}"
    else:
        text = (
            f"**Scene {row.number}** — {row.heading}\n\n"
            f"- Set: {where}\n- Starts p. {row.page}, {_pages(row.eighths, lang)}\n"
            f"- Speaking: {people}"
        )
        if silent:
            text += f"\n- Also present (no lines): {', '.join(lex.name(c, lang) for c in silent)}"
        if a.summary_text:
            text += f"\n\nFrom the action lines: {a.summary_text}"
    if a.synopsis:
        text += _t(lang, f"\n\nSynopsis: {a.synopsis}", f"\n\n概要：{a.synopsis}")
    answer = _scene_answer(a, u, lex)
    if answer:
        return answer + "\n\n" + text
    # A scene carried by talk states its facts in dialogue, which the action lines' summary leaves out.
    summary = " ".join(a.summary_text.split())
    said = [line for line in a.key_lines if line.split(": ", 1)[-1] not in summary]
    if said:
        quoted = " ".join(f"“{line}”" for line in said)
        text += _t(lang, f"\n\nKey lines: {quoted}", f"\n\n重要對白：{quoted}")
    return text


# Words of a request for a scene as a whole ("what happens in scene 5?"), not a question about it.
_WHOLE_SCENE = frozenset(
    "happen happens happened scene about tell describe summary summarise summarize detail details read "
    "what's whats goes going on story plot 發生 發生咩 講 講咩 講乜 內容 劇情 情節 經過 故事 事 事情 介紹 場 咩 乜 "
    "有咩 人 邊個 who in so then now again just ok okay 咁 咁樣 噉 跟住 然後".split()
)


_ASKS_LENGTH = re.compile(
    r"how (?:many pages|long)|\bpages?\b|\blength\b|\beighths\b|幾長|幾多頁|頁數|多少頁|有多長", re.IGNORECASE
)


def _specific(u: Understanding, lex: Lexicon) -> bool:
    """The message asks something of a scene, not for the scene as a whole ("what happens in 5?")."""
    from agent.extract import content_terms

    terms = {t for t in content_terms(u.text) - _WHOLE_SCENE if not re.fullmatch(r"[\d,.]+[a-z]?", t)}
    names = {fold_name for v in u.characters for fold_name in lex.aliases(v)}
    return u.intent == "scene_details" and bool(terms - names)


def asks_about_scene(u: Understanding, lex: Lexicon) -> bool:
    """A specific question about a scene's matter ("what does she find in scene 5?", "does scene 13 need
    ADR?"), which the notes may answer too; not its length, which the script says."""
    return _specific(u, lex) and not _ASKS_LENGTH.search(u.text)


def _scene_answer(detail: SceneDetail, u: Understanding, lex: Lexicon) -> str:
    """A specific question about one scene ("what does she find in scene 5?"): the sentence that answers."""
    from agent.extract import best_sentences
    from agent.routing import default_router
    from knowledge.citations import SearchHit

    if not _specific(u, lex):
        return ""
    row = detail.scene
    if _ASKS_LENGTH.search(u.text):
        # "How many pages is scene 7?", 第七場有幾長？: its length, said first.
        pages = _pages(row.eighths, u.lang)
        return _t(
            u.lang,
            f"Scene {row.number} runs {pages} (from p. {row.page}).",
            f"第{row.number}場長 {pages}（由第{row.page}頁開始）。",
        )
    body = "\n".join(text for _, text in detail.text[1:])
    hit = SearchHit(
        file=row.file,
        doc_type="screenplay",
        scene=row.number,
        page=row.page,
        lines=row.lines,
        text=body,
        score=1.0,
    )
    found = best_sentences(u.text, [hit], default_router().embedder, [lex.aliases(v) for v in u.characters])
    if not found:
        return ""
    return _t(u.lang, "In the scene: ", "場入面：") + f"“{found[0].sentence}”"


def note_on_scene(search: SearchResult, u: Understanding, lex: Lexicon) -> str:
    """The sentence of a document other than the script that speaks of the asked scene by number and
    answers the question ("Sc 13: the whole scene is ADR, Portland Street is too loud"), cited; empty
    when no such sentence answers."""
    from agent.extract import best_sentences, sentences
    from agent.routing import default_router
    from knowledge.citations import SearchHit
    from knowledge.scene_refs import scene_numbers

    [number] = u.scenes[:1] or [""]
    notes = [
        SearchHit.model_validate({**hit.model_dump(), "text": sentence})
        for hit in search.hits
        if hit.doc_type != "screenplay"
        for sentence in sentences(hit.text)
        if scene_numbers(sentence, known=[number], bare=False)  # as the breakdown reads notes
    ]
    if not number or not notes:
        return ""
    names = [lex.aliases(v) for v in [*u.characters, *u.locations]]
    found = best_sentences(u.search_text, notes, default_router().embedder, names)
    if not found:
        return ""
    best = found[0]
    head = _t(u.lang, "The notes say:", "筆記咁講：")
    return f"{head} “{best.sentence}” — *{best.hit.citation().short_label()}*"


def plan(u: Understanding, lexicon: Lexicon) -> list[dict[str, Any]]:
    from agent.families import plan_family

    if u.intent == "find_scenes":
        numbers = [s for s in u.scenes if s != "__none__"] or (["__none__"] if u.scenes else None)
        return [
            call(
                "find_scenes",
                characters=u.characters or None,
                without=u.without or None,
                speaking=u.speaking if u.characters else None,
                location=u.locations[0] if u.locations else None,
                time_of_day=None if u.also_times else u.time_of_day,
                times=[u.time_of_day, *u.also_times] if u.also_times and u.time_of_day else None,
                int_ext=u.int_ext,
                page_from=u.pages[0] if u.pages else None,
                page_to=u.pages[1] if u.pages else None,
                numbers=numbers,
            )
        ]
    if u.intent == "scene_details":
        calls = [call("scene_details", scene=s) for s in u.scenes[:3]]
        if len(u.scenes) == 1 and asks_about_scene(u, lexicon):
            # What the crew decided about a scene (ADR, the extras' fee, real or fake glass) is in the
            # notes, not the scene's text: look there too (see note_on_scene).
            calls.append(call("search_documents", query=u.search_text, k=5))
        return calls
    return plan_family(u, lexicon, call)  # scene_order, scene_rank


SKILL = Skill(
    name="scenes",
    intents=frozenset({"find_scenes", "scene_details", "scene_order", "scene_rank"}),
    plan=plan,
    composers={"scenes": _scenes, "scene": _scene},
    typed=frozenset({"scenes", "scene"}),
    tools=frozenset({"find_scenes", "scene_details", "search_documents"}),
)
