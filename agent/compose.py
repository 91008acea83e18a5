"""Composing the offline planner's answers from tool results, in the person's language, with citations.

Answers only restate what the tools returned (scene numbers, pages, counts, quoted passages) and
say where each fact comes from. Where a request needs free writing the answer says so plainly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from agent.focus import quote_foreign
from agent.intents import Lang, Understanding
from agent.lexicon import Lexicon, has_cjk

TOD_ZH = {"DAY": "日", "NIGHT": "夜", "DAWN": "清晨", "DUSK": "黃昏"}
IE_ZH = {"INT": "內景", "EXT": "外景", "INT/EXT": "內外景"}
MAX_LISTED = 25
MAX_SOURCES = 8
MAX_SHOTS_LISTED = 12

NEEDS_MODEL = {
    "en": "Writing new material needs a language model; I'm the offline planner, so I can only find and quote "
    "what the production's documents say. Connect a model (SLATE_LLM=openai with OPENAI_API_KEY, or "
    "OPENAI_BASE_URL for a local server) and I can draft it from this material.",
    "zh": "寫新嘢要接駁語言模型先做到；而家係離線模式，我只可以搵返同引用製作文件入面嘅內容。"
    "設定 SLATE_LLM=openai 同 OPENAI_API_KEY（或者本地伺服器嘅 OPENAI_BASE_URL）之後，我就可以根據呢啲資料幫你寫。",
}

CANNOT = {
    "send": (
        "I can't send email or messages. I can write the file for you to send: ask for it, e.g. “call sheet "
        "for day 1”, “shot list for scene 5” or “plan the shoot”.",
        "我冇得幫你發電郵或者訊息。我可以整好檔案畀你自己發：例如問「第1日通告」、「第5場分鏡表」或者「幫我排期」。",
    ),
    "weather": (
        "I can't check the weather: Slate has no internet access and only knows the production's documents.",
        "我查唔到天氣：Slate 唔會上網，只知道製作文件入面嘅資料。",
    ),
    "other": (
        "That's outside what I can do: I work offline and only know this production's documents (script, "
        "cast and location lists, notes, plans, subtitles).",
        "呢樣我做唔到：我係離線運作，只知道呢個製作嘅文件（劇本、演員表、場景表、筆記、排期、字幕）。",
    ),
    "book": (
        "I can't book or order anything: Slate only reads the production's documents and drafts lists, "
        "schedules and call sheets.",
        "我冇得幫你訂嘢：Slate 只會讀製作文件，起草分鏡表、排期同通告。",
    ),
    "budget": (
        "I can't work out the budget: the schedule only prices cast holding days, company moves and extra "
        "days (ask “plan the shoot”).",
        "我計唔到預算：排期只計演員等候日、搬景同額外拍攝日（可以問「幫我排期」）。",
    ),
    "delete_scene": (
        "I can't change the screenplay: scripts are read-only here. Edit the script file and ingest it "
        "again.",
        "我唔會改劇本：呢度嘅劇本係唯讀。請改劇本檔案，再重新匯入。",
    ),
}


def help_text(lang: Lang, lexicon: Lexicon) -> str:
    """What Slate can do, with examples drawn from the open production (never from the sample)."""
    people = [lexicon.display.get(c, c) for c in list(lexicon.display)[:2]] or ["(a character)"]
    places = sorted(set(lexicon.locations.values()), key=len)[:1] or ["(a location)"]
    scene = next((n for n in lexicon.scene_numbers if n not in lexicon.omitted), "1")
    who, where = people[0].split(" (")[0], places[0]
    if lang == "zh":
        return (
            "我係 Slate 嘅離線助手，識得呢個製作嘅劇本同文件。你可以問：\n"
            f"- **劇本**：「{who}喺邊幾場出現？」「第{scene}場講咩？」「{where}有邊幾場夜戲？」\n"
            f"- **演員同場景**：「邊個演{who}？」「{where}喺邊度？」「邊個戲份最多？」\n"
            "- **文件**：問導演筆記或者勘景報告入面嘅內容\n"
            f"- **分鏡表**：「幫我出第{scene}場嘅分鏡表」\n"
            "- **排期**：「幫我排期」「第二日拍咩？」「第一日嘅通告」\n"
            "- **字幕**：「檢查吓字幕」「將字幕轉做香港繁體」\n"
            "我只會根據工具嘅結果回答，並註明場次、頁數同檔案；除非接駁咗語言模型，否則唔會創作新內容。"
        )
    return (
        "I'm Slate's offline planner. I know this production's script and documents. Try:\n"
        f"- **Script**: “Which scenes is {who} in?”, “What happens in scene {scene}?”, “{where} night scenes?”\n"
        f"- **Cast and places**: “Who plays {who}?”, “Where is {where}?”, “Who has the most pages?”\n"
        "- **Documents**: ask what the notes or the recce report say\n"
        f"- **Shot lists**: “Draft a shot list for scene {scene}”\n"
        "- **Schedule**: “Plan the shoot”, “What do we shoot on day 2?”, “Call sheet for day 1”\n"
        "- **Subtitles**: “Check the subtitles”, “Convert the subtitles to Hong Kong Traditional”\n"
        "I answer from the tools and cite scene, page and file. I don't write new material unless a language model "
        "is connected."
    )


def example_prompts(lexicon: Lexicon) -> list[str]:
    """Prompts to try, drawn from the open production (its people, places and scenes), in the mix of
    English and Cantonese crews use; generic ones when no production is open."""
    if not lexicon.scene_numbers:
        return ["What can you do?", "有咩可以幫到我？", "Which scenes are at night?"]
    canonical = list(lexicon.display)[:1]
    scene = next((n for n in lexicon.scene_numbers if n not in lexicon.omitted), "1")
    places = sorted({v for v in lexicon.locations.values() if not has_cjk(v)}, key=len)[:1]
    prompts = []
    if canonical:
        who = canonical[0]
        prompts.append(f"Which scenes is {who.title()} in?")
        zh = lexicon.chinese.get(who)
        prompts.append(f"{zh}第一場係邊場？" if zh else f"When does {who.title()} first appear?")
    if places:
        prompts.append(f"Night scenes at the {places[0].lower()}?")
    prompts.append(f"幫我出第{scene}場嘅分鏡表")
    prompts.append("Plan the shoot")
    if lexicon.subtitle_files:
        prompts.append("Check the subtitles")
    return prompts


def _t(lang: Lang, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def _tod(value: str | None, lang: Lang) -> str:
    if not value:
        return ""
    return TOD_ZH.get(value, value) if lang == "zh" else value


def _ie(value: str | None, lang: Lang) -> str:
    if not value:
        return ""
    return IE_ZH.get(value, value) if lang == "zh" else value


def _pages(eighths: int | None, lang: Lang) -> str:
    from knowledge.screenplay import eighths_text

    text = eighths_text(max(0, int(eighths or 0))) if eighths else "0"
    return f"{text} 頁" if lang == "zh" else f"{text} pg"


def _files_line(files: list[str], lang: Lang) -> str:
    """Files a tool wrote, by name: they are in the project's outputs folder (and the UI's downloads)."""
    names = ", ".join(f"`{Path(f).name}`" for f in files)
    return _t(
        lang,
        f"\nFiles (in the project's outputs folder): {names}",
        f"\n檔案（喺項目嘅 outputs 資料夾）：{names}",
    )


def _scene_label(number: str, lang: Lang) -> str:
    return f"第{number}場" if lang == "zh" else f"Sc. {number}"


def _scene_line(row: dict[str, Any], lang: Lang, lexicon: Lexicon) -> str:
    parts = [f"**{_scene_label(row['number'], lang)}**", row.get("heading", "")]
    meta = [_t(lang, f"p. {row.get('page')}", f"第{row.get('page')}頁"), _pages(row.get("eighths"), lang)]
    people = row.get("characters") or []
    if people:
        meta.append(", ".join(lexicon.name(c, lang) for c in people[:6]) + ("…" if len(people) > 6 else ""))
    return "- " + " ".join(p for p in parts if p) + " · " + " · ".join(meta)


def _list_numbers(numbers: list[str], lang: Lang) -> str:
    if lang == "zh":
        return "、".join(numbers)
    return ", ".join(numbers)


def _describe_filters(filters: dict[str, Any], lang: Lang, lexicon: Lexicon) -> str:
    bits = []
    if filters.get("characters"):
        names = [lexicon.name(c, lang) for c in filters["characters"]]
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
    if filters.get("int_ext"):
        bits.append(_t(lang, f"({filters['int_ext']})", _ie(filters["int_ext"], lang)))
    if filters.get("pages"):
        low, high = filters["pages"]
        bits.append(_t(lang, f"on pages {low}–{high}", f"第{low}至{high}頁"))
    if filters.get("text"):
        bits.append(_t(lang, f"mentioning “{filters['text']}”", f"提到「{filters['text']}」"))
    return ("" if lang == "zh" else " ").join(bits)


# --- per kind -----------------------------------------------------------------------------------


def _scenes(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    rows = a.get("scenes") or []
    lang = u.lang
    filters = dict(a.get("filters") or {})
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
    numbers = [r["number"] for r in rows]
    total = _pages(a.get("total_eighths"), lang)
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


def _scene(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    row = a["scene"]
    lang = u.lang
    people = ", ".join(lex.name(c, lang) for c in row.get("characters") or []) or _t(
        lang, "nobody speaks", "冇對白"
    )
    silent = row.get("non_speaking") or []
    where = f"{_ie(row.get('int_ext'), lang)} {row.get('location', '')} {_tod(row.get('time_of_day'), lang)}".strip()
    if lang == "zh":
        text = (
            f"**第{row['number']}場** — {row['heading']}\n\n"
            f"- 場景：{where}\n- 頁數：第{row['page']}頁起，共 {_pages(row.get('eighths'), lang)}\n"
            f"- 有對白嘅角色：{people}"
        )
        if silent:
            text += f"\n- 無對白出場：{', '.join(lex.name(c, lang) for c in silent)}"
        if a.get("summary_text"):
            text += f"\n\n動作描述（節錄）：{quote_foreign(a['summary_text'], lang)}"
    else:
        text = (
            f"**Scene {row['number']}** — {row['heading']}\n\n"
            f"- Set: {where}\n- Starts p. {row['page']}, {_pages(row.get('eighths'), lang)}\n"
            f"- Speaking: {people}"
        )
        if silent:
            text += f"\n- Also present (no lines): {', '.join(lex.name(c, lang) for c in silent)}"
        if a.get("summary_text"):
            text += f"\n\nFrom the action lines: {a['summary_text']}"
    if a.get("synopsis"):
        text += _t(lang, f"\n\nSynopsis: {a['synopsis']}", f"\n\n概要：{a['synopsis']}")
    answer = _scene_answer(a, u, lex)
    return (answer + "\n\n" + text) if answer else text


# Words of a request for a scene as a whole ("what happens in scene 5?"), not a question about it.
_WHOLE_SCENE = frozenset(
    "happen happens happened scene about tell describe summary summarise summarize detail details read "
    "what's whats goes going on story plot 發生 發生咩 講 講咩 講乜 內容 劇情 情節 經過 故事 事 事情 介紹 場 咩 乜 "
    "有咩 人 邊個 who in".split()
)


_ASKS_LENGTH = re.compile(
    r"how (?:many pages|long)|\bpages?\b|\blength\b|\beighths\b|幾長|幾多頁|頁數|多少頁|有多長", re.IGNORECASE
)


def _scene_answer(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    """A specific question about one scene ("what does she find in scene 5?"): the sentence that answers."""
    from agent.extract import best_sentences, content_terms
    from agent.routing import default_router
    from knowledge.citations import SearchHit
    from tools.script_lookup import SceneDetail

    terms = {t for t in content_terms(u.text) - _WHOLE_SCENE if not re.fullmatch(r"[\d,.]+[a-z]?", t)}
    names = {fold_name for v in u.characters for fold_name in lex.aliases(v)}
    if u.intent != "scene_details" or not (terms - names):
        return ""
    detail = SceneDetail.model_validate(a)
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


def _character(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    lang = u.lang
    name = lex.name(a["name"], lang)
    scenes = [r["number"] for r in a.get("scenes") or []]
    first = a.get("first_appearance")
    if a.get("shared_with"):
        other = lex.name(a["shared_with"], lang)
        shared = a.get("shared_scenes") or []
        numbers = [r["number"] for r in shared]
        if not shared:
            return _t(lang, f"{name} and {other} share no scenes.", f"{name}同{other}冇同場戲。")
        head = _t(
            lang,
            f"{name} and {other} share {len(shared)} scene(s): {_list_numbers(numbers, lang)}.",
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
            f"**{name}**" + (f"（演員：{a['actor']}）" if a.get("actor") else "") + "\n\n"
            f"- 出場：{len(scenes)} 場（第{_list_numbers(scenes, lang)}場），合共 {_pages(a.get('total_eighths'), lang)}\n"
            f"- 有對白：{len(a.get('speaking_scenes') or [])} 場，共 {a.get('speeches', 0)} 段對白"
        )
        if first:
            text += f"\n- 第一次出場：第{first['number']}場（第{first['page']}頁）{first['heading']}"
        if a.get("locations"):
            text += f"\n- 場景：{'、'.join(a['locations'][:8])}"
        if a.get("unavailable"):
            text += f"\n- 唔得閒：{'、'.join(a['unavailable'])}"
        text += _person_facts(a, lang)
    else:
        text = (
            f"**{name}**" + (f" — played by {a['actor']}" if a.get("actor") else "") + "\n\n"
            f"- In {len(scenes)} scene(s): {_list_numbers(scenes, lang)} — {_pages(a.get('total_eighths'), lang)} in all\n"
            f"- Speaks in {len(a.get('speaking_scenes') or [])} of them ({a.get('speeches', 0)} speeches)"
        )
        if first:
            text += f"\n- First appears in scene {first['number']} (p. {first['page']}): {first['heading']}"
        if a.get("locations"):
            text += f"\n- Sets: {', '.join(a['locations'][:8])}"
        if a.get("unavailable"):
            text += f"\n- Unavailable: {', '.join(a['unavailable'])}"
        text += _person_facts(a, lang)
    from agent.focus import card_fields

    return _lead(u, lex, name, card_fields(a), [a.get("notes") or ""], place=False) + text


def _person_facts(a: dict[str, Any], lang: Lang) -> str:
    """What the cast list adds: other names (full name, nicknames), day rate, notes."""
    from tools.script_lookup import CharacterReport

    report = CharacterReport.model_validate(a)
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


def _location(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    lang = u.lang
    rows = a.get("scenes") or []
    split = ", ".join(f"{_tod(k, lang)} {v}" for k, v in (a.get("by_time_of_day") or {}).items())
    aliases = " / ".join(a.get("aliases") or [])
    if lang == "zh":
        chinese = [n for n in a.get("aliases") or [] if has_cjk(n)]
        title = chinese[0] if chinese else a["name"]
        others = "、".join(n for n in chinese[1:] if n != title)
        text = f"**{title}**" + (f"（又叫：{others}）" if others else "") + "\n\n"
        if a.get("address"):
            text += f"- 地址：{quote_foreign(a['address'], lang)}\n"
        text += f"- {len(rows)} 場，合共 {_pages(a.get('total_eighths'), lang)}（{split}）\n"
        if a.get("contact"):
            text += f"- 聯絡：{quote_foreign(a['contact'], lang)}\n"
        if a.get("unavailable"):
            text += f"- 唔借得：{'、'.join(a['unavailable'])}\n"
        if a.get("notes"):
            text += f"- 備註：{quote_foreign(a['notes'], lang)}\n"
    else:
        text = f"**{a['name']}** ({aliases})\n\n"
        if a.get("address"):
            text += f"- Address: {a['address']}\n"
        text += f"- {len(rows)} scene(s), {_pages(a.get('total_eighths'), lang)} ({split})\n"
        if a.get("contact"):
            text += f"- Contact: {a['contact']}\n"
        if a.get("unavailable"):
            text += f"- Unavailable: {', '.join(a['unavailable'])}\n"
        if a.get("notes"):
            text += f"- Notes: {a['notes']}\n"
    card = text + "\n" + "\n".join(_scene_line(r, lang, lex) for r in rows[:MAX_LISTED])
    from agent.focus import card_fields

    chinese_names = [n for n in a.get("aliases") or [] if has_cjk(n)]
    title = chinese_names[0] if lang == "zh" and chinese_names else a["name"]
    return _lead(u, lex, title, card_fields(a), [a.get("notes") or ""], place=True) + card


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


def _search(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    from agent.extract import best_sentences
    from agent.routing import default_router
    from tools.script_lookup import SearchResult

    result = SearchResult.model_validate(a)
    lang = u.lang
    if u.intent == "cannot" and u.cannot == "budget":
        return _budget(result, u, lex)
    if not result.hits:
        return _t(
            lang, "I found nothing in the production's documents about that.", "製作文件入面搵唔到相關內容。"
        )
    names = [lex.aliases(v) for v in [*u.characters, *u.locations]]
    answers = best_sentences(u.search_text, result.hits, default_router().embedder, names)
    if not answers:
        return _t(
            lang,
            "The documents don't say. The closest passage is in " + result.hits[0].citation().label() + ".",
            "文件冇講到。最接近嘅段落喺 " + result.hits[0].citation().label() + "。",
        )
    best = answers[0]
    lines = [f"“{best.sentence}” — *{best.hit.citation().label()}*"]
    for other in answers[1:]:
        if other.score >= best.score * 0.85 and other.sentence != best.sentence:
            lines.append(f"“{other.sentence}” — *{other.hit.citation().label()}*")
    head = _t(lang, "The documents say:", "文件咁講：")
    return head + "\n\n" + "\n".join(lines[:3])


_BUDGET_LINE = re.compile(r"budget|預算|製作費|成本", re.IGNORECASE)


def _budget(result: Any, u: Understanding, lex: Lexicon) -> str:
    """A budget the documents state, quoted and cited; else why Slate cannot work one out."""
    from agent.extract import _AMOUNT, best_sentences
    from agent.routing import default_router

    answers = best_sentences(u.search_text, result.hits, default_router().embedder, [])
    stated = [a for a in answers if _BUDGET_LINE.search(a.sentence) and _AMOUNT.search(a.sentence)]
    if not stated:
        en, zh = CANNOT["budget"]
        return _t(u.lang, en, zh)
    best = stated[0]
    head = _t(u.lang, "The documents say:", "文件咁講：")
    return f"{head}\n\n“{best.sentence}” — *{best.hit.citation().label()}*"


def _overview(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    lang = u.lang
    chars = a.get("characters") or {}
    locs = a.get("locations") or {}
    tod = ", ".join(f"{_tod(k, lang)} {v}" for k, v in (a.get("by_time_of_day") or {}).items())
    char_text = ", ".join(f"{lex.name(k, lang)} ({v})" for k, v in list(chars.items())[:12])
    loc_text = ", ".join(f"{k} ({v})" for k, v in list(locs.items())[:12])
    docs = ", ".join(d["name"] for d in a.get("documents") or [])
    if lang == "zh":
        return (
            f"**{a.get('title') or a.get('project')}**：{a.get('scenes')} 場，約 {a.get('pages')} 頁"
            f"（{_pages(a.get('total_eighths'), lang)}；{tod}）。\n\n"
            f"- 角色（場數）：{char_text}\n- 場景（場數）：{loc_text}\n- 文件：{docs or '—'}"
        )
    return (
        f"**{a.get('title') or a.get('project')}**: {a.get('scenes')} scenes, about {a.get('pages')} pages "
        f"({_pages(a.get('total_eighths'), lang)}; {tod}).\n\n"
        f"- Characters (scenes): {char_text}\n- Sets (scenes): {loc_text}\n- Documents: {docs or '—'}"
    )


def _shot_list(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    lang = u.lang
    shots = a.get("shots") or []
    minutes = a.get("total_minutes") or sum(int(s.get("setup_minutes") or 0) for s in shots)
    hours = f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"
    if u.lang == "zh":
        hours = f"{minutes // 60} 小時 {minutes % 60:02d} 分鐘" if minutes >= 60 else f"{minutes} 分鐘"
    style = a.get("style") or "classic"
    version = a.get("version")
    head = _t(
        lang,
        f"Shot list for scene {a.get('scene')} ({style}{f', version {version}' if version else ''}): "
        f"{len(shots)} shots, about {hours} of setups.",
        f"第{a.get('scene')}場分鏡表（{STYLE_ZH.get(style, style)}{f'，第{version}版' if version else ''}）："
        f"共 {len(shots)} 個鏡頭，"
        f"預計架設 {hours}。",
    )
    rows = []
    if u.shot_size and u.intent == "shot_list":
        # "a shot list with the close-ups": the shots of that size first.
        wanted = [sh for sh in shots if sh.get("size") == u.shot_size]
        label = SIZE_ZH.get(u.shot_size, u.shot_size) if lang == "zh" else u.shot_size
        head += _t(
            lang,
            f" {len(wanted)} {label} shot(s): {', '.join(str(sh.get('id')) for sh in wanted) or 'none'}.",
            f"當中{label} {len(wanted)} 個：{'、'.join(str(sh.get('id')) for sh in wanted) or '冇'}。",
        )
        shots = wanted + [sh for sh in shots if sh not in wanted]
    for shot in shots[:MAX_SHOTS_LISTED]:
        subjects = ("、" if lang == "zh" else ", ").join(
            lex.name(s, lang) for s in shot.get("subjects") or []
        )
        size, movement = str(shot.get("size", "")), str(shot.get("movement", ""))
        if lang == "zh":
            size, movement = SIZE_ZH.get(size, size), MOVEMENT_ZH.get(movement, movement)
        bits = [f"**{shot.get('id')}**", size, movement]
        if shot.get("lens_mm"):
            bits.append(f"{shot['lens_mm']}mm")
        line = " ".join(b for b in bits if b)
        if subjects:
            line += f" — {subjects}"
        description = _shot_description(str(shot.get("description") or ""), lang)
        if description:
            line += f"：{description}" if lang == "zh" else f": {description}"
        rows.append("- " + line)
    if len(shots) > MAX_SHOTS_LISTED:
        rows.append(
            _t(
                lang,
                f"- … and {len(shots) - MAX_SHOTS_LISTED} more (the full list is in the table and files)",
                f"- …仲有 {len(shots) - MAX_SHOTS_LISTED} 個（完整列表見表格同檔案）",
            )
        )
    if a.get("files"):
        rows.append(_files_line(a["files"], lang))
    provenance = a.get("provenance") or ["rules"]
    steps = provenance if isinstance(provenance, list) else [str(provenance)]
    models = [p.split(":", 1)[1] for p in steps if str(p).startswith("model:")]
    if models:
        note = _t(
            lang,
            f"\n\nDrafted by rules, refined by {models[-1]} (validated against the scene).",
            f"\n\n先用規則起草，再由 {models[-1]} 潤飾（已對照劇本檢查）。",
        )
    else:
        note = _t(
            lang,
            "\n\nDrafted by rules from the scene's content (no language model).",
            "\n\n呢份係按劇本內容用規則起草（冇用語言模型）。",
        )
    return head + "\n\n" + "\n".join(rows) + note


STYLE_ZH = {"classic": "經典", "handheld": "手持", "hk-action": "港式動作"}
SIZE_ZH = {"EWS": "大遠景", "WS": "全景", "MS": "中景", "MCU": "中近景", "CU": "特寫", "ECU": "大特寫",
           "INSERT": "插入鏡頭", "OTS": "過肩", "POV": "主觀鏡", "TWO-SHOT": "雙人鏡"}  # fmt: skip
MOVEMENT_ZH = {"static": "固定", "pan": "橫搖", "tilt": "直搖", "dolly": "路軌", "tracking": "跟拍",
               "handheld": "手持", "steadicam": "斯坦尼康", "crane/drone": "升降／航拍", "zoom": "變焦"}  # fmt: skip


def _shot_description(description: str, lang: Lang) -> str:
    """A shot's description for the answer: in a Chinese answer only what the script says (the part
    after “ — ”, or the quoted line), never the rules' English wording."""
    if lang == "zh":
        quoted = re.search(r"“([^”]+)”", description)
        if quoted:
            description = f"「{quoted.group(1)}」"
        elif " — " in description:
            description = description.split(" — ", 1)[1]
        else:
            return ""
    return f"{description[:90]}…" if len(description) > 90 else description


STATUS_ZH = {"optimal": "已證明最佳", "feasible": "可行", "baseline": "傳統排法"}


def _schedule(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    lang = u.lang
    days = a.get("days") or []
    status = a.get("status")
    baseline = a.get("baseline") or {}
    objective = a.get("objective")
    # The bound means something to a coordinator only when proven or close (a gap under 50%).
    bound = a.get("lower_bound") if a.get("bound_meaningful") else None
    saving = ""
    if baseline.get("objective") and objective is not None and baseline["objective"] > 0:
        pct = 100 * (baseline["objective"] - objective) / baseline["objective"]
        saving = _t(
            lang,
            f" That is {pct:.0f}% cheaper than the classic stripboard sort "
            f"({baseline.get('total_days')} days, {baseline.get('company_moves')} moves).",
            f"比傳統排法（{baseline.get('total_days')} 日、搬景 {baseline.get('company_moves')} 次）平 {pct:.0f}%。",
        )
    head = _t(
        lang,
        f"Planned {a.get('total_days', len(days))} shooting days ({status}"
        + (f", proven lower bound {bound:,.0f}" if isinstance(bound, (int, float)) else "")
        + f"): holding cost {a.get('holding_cost', 0):,.0f}, {a.get('company_moves', 0)} company moves.{saving}",
        f"排咗 {a.get('total_days', len(days))} 個拍攝日（{STATUS_ZH.get(str(status), status)}"
        + (f"，已證明最低成本 {bound:,.0f}" if isinstance(bound, (int, float)) else "")
        + f"）：演員等候成本 {a.get('holding_cost', 0):,.0f}，搬景 {a.get('company_moves', 0)} 次。{saving}",
    )
    rows = []
    for i, day in enumerate([d for d in days if d.get("scenes")][:40], start=1):
        scenes = day.get("scenes") or []
        rows.append(
            _t(
                lang,
                f"- Day {i} ({day.get('date')}): scenes {', '.join(map(str, scenes))} — {day.get('hours', 0)} h",
                f"- 第{i}日（{day.get('date')}）：第{'、'.join(map(str, scenes))}場 — {day.get('hours', 0)} 小時",
            )
        )
    files = a.get("files") or []
    if files:
        rows.append(_files_line(files, lang))
    violations = a.get("violations") or []
    tail = ""
    if violations:
        tail = _t(lang, "\n\nProblems: ", "\n\n問題：") + "; ".join(map(str, violations[:5]))
    return head + "\n\n" + "\n".join(rows) + tail


NOTE_KIND_ZH = {"stunts": "特技", "extras": "臨記", "vehicles": "車輛", "effects": "特效", "plan": "計劃備註"}


def _call_sheet(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    lang = u.lang
    head = _t(
        lang,
        f"**Call sheet — day {a.get('day')} ({a.get('date')})** · general call {a.get('general_call', '—')}",
        f"**第{a.get('day')}日通告（{a.get('date')}）** · 集合時間 {a.get('general_call', '—')}",
    )
    lines = [_t(lang, "\nScenes:", "\n場次：")]
    for scene in a.get("scenes") or []:
        label = _scene_label(str(scene.get("id") or scene.get("number")), lang)
        lines.append(
            f"- {scene.get('start', '')} {label} {scene.get('set', '')} {_ie(scene.get('int_ext'), lang)} "
            f"{_tod(scene.get('time_of_day'), lang)} · {scene.get('pages', '')} " + _t(lang, "pg", "頁")
        )
    lines.append(_t(lang, "\nCast:", "\n演員："))
    for member in a.get("cast") or []:
        name = lex.name(str(member.get("id")), lang)
        actor = (
            f" ({member['actor']})"
            if member.get("actor") and lang == "en"
            else (f"（{member['actor']}）" if member.get("actor") else "")
        )
        lines.append(
            _t(
                lang,
                f"- {name}{actor}: call {member.get('call')}, on set {member.get('on_set')}",
                f"- {name}{actor}：{member.get('call')} 到，{member.get('on_set')} 埋位",
            )
        )
    locations = a.get("locations") or []
    if locations:
        lines.append(_t(lang, "\nLocations:", "\n場地："))
        for place in locations:
            lines.append(f"- {place.get('id')}: {place.get('address') or '—'}")
    notes = a.get("notes") or []
    if notes:
        kinds = sorted({k for n in notes for k in n.get("kinds", [])})
        lines.append(
            _t(
                lang,
                f"\nNotes: {', '.join(kinds)} (see the call sheet file).",
                f"\n注意：{'、'.join(NOTE_KIND_ZH.get(k, k) for k in kinds)}（詳情睇通告檔案）。",
            )
        )
    if a.get("files"):
        lines.append(_files_line(a["files"], lang))
    return head + "\n" + "\n".join(lines)


def _subtitle_report(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    lang = u.lang
    issues = a.get("issues") or []
    counts: dict[str, int] = {}
    for issue in issues:
        counts[issue.get("code", "?")] = counts.get(issue.get("code", "?"), 0) + 1
    summary = ", ".join(f"{k} ×{v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
    head = _t(
        lang,
        f"Checked {a.get('file')} ({a.get('profile')}, {a.get('encoding')}): {a.get('cues')} cues, "
        f"{len(issues)} issue(s){': ' + summary if summary else ''}.",
        f"檢查咗 {a.get('file')}（{a.get('profile')}，{a.get('encoding')}）：{a.get('cues')} 句字幕，"
        f"{len(issues)} 個問題{'：' + summary if summary else ''}。",
    )
    rows = [
        f"- #{i.get('cue')} {i.get('start', '')} `{i.get('code')}` — {i.get('message', '')}"
        for i in issues[:15]
    ]
    return head + ("\n\n" + "\n".join(rows) if rows else "")


SUBS_OPERATION_ZH = {
    "fix": "修正",
    "convert": "轉換",
    "merge": "合併",
    "split": "拆開",
    "shift": "移時",
    "sync": "對時",
    "fps": "轉幀率",
    "translate": "翻譯",
}


def _subtitles(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    lang = u.lang
    operation = str(a.get("operation") or "")
    output = Path(str(a.get("output") or (a.get("files") or [""])[0])).name
    head = _t(
        lang,
        f"Done: {operation} of {a.get('input')} → `{output}` ({a.get('cues')} cues, {a.get('format')}, "
        f"{a.get('encoding')}).",
        f"搞掂：{a.get('input')} 已{SUBS_OPERATION_ZH.get(operation, operation)} → `{output}`"
        f"（{a.get('cues')} 句，{a.get('format')}，{a.get('encoding')}）。",
    )
    changes = a.get("changes") or []
    if changes:
        head += "\n\n" + "\n".join(f"- {c}" for c in changes[:12])
    remaining = a.get("remaining") or []
    if remaining:
        head += _t(
            lang,
            f"\n\n{len(remaining)} issue(s) need a person (no rule can fix them without rewording):",
            f"\n\n仲有 {len(remaining)} 個問題要人手處理（要改字先解決到）：",
        )
        head += "\n" + "\n".join(
            f"- #{i.get('cue')} {i.get('start', '')} `{i.get('code')}` — {i.get('message', '')}"
            for i in remaining[:10]
        )
    return head


def _error(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    lang = u.lang
    kind = a.get("error")
    nearest = a.get("nearest") or []
    value = a.get("value")
    if lang == "zh":
        if kind == "SceneNotFound":
            return f"劇本入面冇第{value}場。" + (f"最接近嘅有：第{'、'.join(nearest)}場。" if nearest else "")
        if kind == "CharacterNotFound":
            return f"呢個製作冇叫「{value}」嘅角色。" + (
                f"你係咪指：{'、'.join(nearest)}？" if nearest else ""
            )
        if kind == "LocationNotFound":
            return f"搵唔到「{value}」呢個場景。" + (f"你係咪指：{'、'.join(nearest)}？" if nearest else "")
        if kind == "Blocked":
            return "呢個要求會改動製作資料，但你冇叫我改，所以我冇做。"
        if kind == "ToolFailed":
            return "做唔到：Slate 內部出咗問題（詳情已寫入記錄）。可以試下換個講法，或者話俾管理員知。"
        return f"做唔到：{a.get('message')}"
    if kind == "SceneNotFound":
        return f"There is no scene {value} in the script." + (
            f" Nearest: {', '.join(nearest)}." if nearest else ""
        )
    if kind == "CharacterNotFound":
        return f"No character called “{value}” in this production." + (
            f" Did you mean {', '.join(nearest)}?" if nearest else ""
        )
    if kind == "LocationNotFound":
        return f"No location matching “{value}”." + (
            f" Did you mean {', '.join(nearest)}?" if nearest else ""
        )
    if kind == "Blocked":
        return "That would change the production's data, and you didn't ask for a change, so I didn't do it."
    if kind == "ToolFailed":
        return "I couldn't finish that: something went wrong inside Slate (the details are in its log). Try asking another way, or tell whoever runs Slate."
    return str(a.get("message") or "That did not work.")


def _transcript(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    from tools.media.models import TranscriptionResult

    result = TranscriptionResult.model_validate(a)
    flagged = result.low_confidence
    name = Path(result.output).name
    head = _t(
        u.lang,
        f"Transcribed {Path(result.media).name} ({result.language}, {result.speech_s:.0f} s of speech) into "
        f"{len(result.cues)} cues with {result.model}: `{name}`. {len(flagged)} cue(s) need a person to listen"
        + (f" ({', '.join(str(c.index) for c in flagged[:12])})" if flagged else "")
        + ".",
        f"已將 {Path(result.media).name} 轉成 {len(result.cues)} 句字幕（{result.language}，語音 {result.speech_s:.0f} 秒，"
        f"模型 {result.model}）：`{name}`。有 {len(flagged)} 句要人手聽返"
        + (f"（第{'、'.join(str(c.index) for c in flagged[:12])}句）" if flagged else "")
        + "。",
    )
    if result.shot_issues:
        head += _t(
            u.lang,
            f"\n\n{len(result.shot_issues)} cue edge(s) sit near or across a shot change.",
            f"\n\n有 {len(result.shot_issues)} 個字幕邊界貼近或者跨過剪接位。",
        )
    return head


def _shot_changes(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    from tools.media.models import ShotChangesResult

    result = ShotChangesResult.model_validate(a)
    text = _t(
        u.lang,
        f"{Path(result.video).name}: {len(result.shot_changes)} shot change(s) at {result.fps:.3f} fps.",
        f"{Path(result.video).name}：{len(result.shot_changes)} 個剪接位（{result.fps:.3f} fps）。",
    )
    crossing = [i for i in result.issues if i.code == "crosses_shot_change"]
    if result.subtitles:
        text += _t(
            u.lang,
            f"\n\nIn {Path(result.subtitles).name}: {len(crossing)} cue(s) cross a cut"
            + (f" ({', '.join(str(i.cue) for i in crossing[:20])})" if crossing else "")
            + f"; {len(result.issues) - len(crossing)} edge(s) sit within the snapping window.",
            f"\n\n{Path(result.subtitles).name}：{len(crossing)} 句字幕跨過剪接位"
            + (f"（第{'、'.join(str(i.cue) for i in crossing[:20])}句）" if crossing else "")
            + f"；{len(result.issues) - len(crossing)} 個邊界喺吸附範圍內。",
        )
    if result.output:
        text += _t(
            u.lang,
            f"\n\nMoved {len(result.moves)} edge(s) to the cuts: `{Path(result.output).name}`.",
            f"\n\n已將 {len(result.moves)} 個邊界移到剪接位：`{Path(result.output).name}`。",
        )
    return text


CATEGORY_LABELS = {
    "cast": ("Cast", "演員"), "cast_silent": ("Silent cast", "無對白演員"), "cast_voice": ("Voice only", "只有聲"),
    "background": ("Background", "臨記"), "stunts": ("Stunts", "特技"), "vehicles": ("Vehicles", "車輛"),
    "props": ("Props", "道具"), "wardrobe": ("Wardrobe", "服裝"), "makeup": ("Make-up/hair", "化妝髮型"),
    "sfx": ("Special effects", "特效"), "vfx": ("Visual effects", "視覺效果"), "animals": ("Animals", "動物"),
    "equipment": ("Special equipment", "特別器材"), "sound": ("Sound/music", "聲音／音樂"),
    "set_dressing": ("Set dressing", "陳設"), "weather": ("Weather", "天氣"), "notes": ("Notes", "備註"),
}  # fmt: skip


def _category(name: str, lang: Lang) -> str:
    en, zh = CATEGORY_LABELS.get(name, (name, name))
    return zh if lang == "zh" else en


def _element_text(element: Any) -> str:
    text = element.name + (f" ×{element.count}" if element.count else "")
    return text + (f" ({element.character})" if element.character else "")


def _breakdown(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    from tools.breakdown.tools import BreakdownResult

    result = BreakdownResult.model_validate(a)
    lang = u.lang
    parts = []
    for sheet in result.scenes[:6]:
        head = _t(
            lang,
            f"**Scene {sheet.scene}** — {sheet.heading} ({sheet.pages} pg)",
            f"**第{sheet.scene}場** — {sheet.heading}（{sheet.pages} 頁）",
        )
        by_category: dict[str, list[Any]] = {}
        for element in sheet.elements:
            by_category.setdefault(element.category, []).append(element)
        if u.department:
            wanted = by_category.get(u.department, [])
            total = sum(e.count or 1 for e in wanted)
            label = _category(u.department, lang)
            line = _t(
                lang,
                f"{label}: {total} — " + ("; ".join(_element_text(e) for e in wanted) or "none"),
                f"{label}：{total} — " + ("；".join(_element_text(e) for e in wanted) or "冇"),
            )
            parts.append(head + "\n" + line)
            continue
        lines = [
            f"- {_category(category, lang)}: " + ", ".join(_element_text(e) for e in elements)
            for category, elements in by_category.items()
        ]
        parts.append(head + "\n" + "\n".join(lines))
    if len(result.scenes) > 6:
        parts.append(
            _t(
                lang,
                f"… and {len(result.scenes) - 6} more scenes (see the sheets).",
                f"…仲有 {len(result.scenes) - 6} 場（見分解表）。",
            )
        )
    if result.files:
        parts.append(_files_line(result.files, lang))
    return "\n\n".join(parts)


def _element_report(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    from tools.breakdown.tools import ElementReportResult

    result = ElementReportResult.model_validate(a)
    lang = u.lang
    label = (
        _category(str(result.category or u.department or ""), lang)
        if (result.category or u.department)
        else (result.query or "")
    )
    if not result.rows:
        return _t(lang, f"No {label} in the breakdown.", f"分解表入面冇{label}。")
    head = _t(lang, f"{label}: {len(result.rows)} item(s).", f"{label}：共 {len(result.rows)} 項。")
    rows = []
    for row in result.rows[:30]:
        counts = ", ".join(f"{k}×{v}" for k, v in row.counts.items())
        scenes = _t(lang, f"scenes {', '.join(row.scenes)}", f"第{'、'.join(row.scenes)}場")
        who = f" ({lex.name(row.character, lang)})" if row.character else ""
        rows.append(f"- {row.name}{who} — {scenes}" + (f" ({counts})" if counts else ""))
    text = head + "\n\n" + "\n".join(rows)
    if result.files:
        text += _files_line(result.files, lang)
    return text


def _drafts(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    from tools.revisions import DraftsResult, RevisionReport

    if "drafts" not in a:
        return RevisionReport.model_validate(a).summary()
    drafts = DraftsResult.model_validate(a).drafts
    if not drafts:
        return _t(
            u.lang,
            "No earlier draft is recorded for this production yet. Compare a new draft with "
            "`slate revisions NEW_DRAFT` (or the compare_drafts tool) and I can say what changed.",
            "呢個製作未有記錄舊稿。用 `slate revisions 新稿檔案` 比較新稿之後，我就可以講改咗邊幾場。",
        )
    lines = [f"- {d.revision}: {d.colour} — {Path(d.file).name} ({d.saved_at})" for d in drafts]
    return _t(u.lang, "Drafts kept:", "已保存嘅稿：") + "\n" + "\n".join(lines)


COMPOSERS: dict[str, Callable[[dict[str, Any], Understanding, Lexicon], str]] = {
    "breakdown": _breakdown,
    "element_report": _element_report,
    "revision_report": _drafts,
    "transcript": _transcript,
    "shot_changes": _shot_changes,
    "scenes": _scenes,
    "scene": _scene,
    "character": _character,
    "location": _location,
    "search": _search,
    "overview": _overview,
    "shot_list": _shot_list,
    "schedule": _schedule,
    "call_sheet": _call_sheet,
    "subtitle_report": _subtitle_report,
    "subtitles": _subtitles,
    "error": _error,
}


def _label(source: dict[str, Any]) -> str:
    from knowledge.citations import Citation

    try:
        return Citation.model_validate(
            {k: v for k, v in source.items() if k in Citation.model_fields}
        ).label()
    except ValueError:
        return str(source.get("file", ""))


def _short_label(source: dict[str, Any]) -> str:
    """A citation without its file name: `sc. 12 p. 7`, `00:08:05,000`, `Casting` (the file heads the group)."""
    label = _label(source)
    file = str(source.get("file") or "")
    return label[len(file) :].lstrip(" ·") if file and label.startswith(file) else label


def sources_block(artifacts: list[dict[str, Any]], lang: Lang) -> str:
    """One line of sources grouped by file: `night_shift.fountain: sc. 5 · p. 7 · l. 331–377; sc. 8 …`."""
    by_file: dict[str, list[dict[str, Any]]] = {}
    for artifact in artifacts:
        for source in artifact.get("sources") or []:
            by_file.setdefault(str(source.get("file") or ""), []).append(source)
    if not by_file:
        return ""
    groups = []
    for file, sources in by_file.items():
        # Many passages of one file: scene and page are enough here (the JSON keeps the line spans).
        brief = len(sources) > 3
        # A note's section path starts with the document's long title: its innermost heading is enough.
        inner = [
            {**s, "section": str(s["section"]).split("›")[-1].strip()} if s.get("section") else s
            for s in sources
        ]
        labels = [_short_label({**src, "lines": None} if brief else src) for src in inner]
        parts = [label for label in dict.fromkeys(labels) if label]
        more = len(parts) - MAX_SOURCES
        shown = "; ".join(parts[:MAX_SOURCES]) + (
            _t(lang, f"; +{more} more", f"；另外 {more} 個") if more > 0 else ""
        )
        groups.append(f"{file} ({shown})" if shown else file)
    return _t(lang, "\n\nSources: ", "\n\n出處：") + " · ".join(groups)


def compose_answer(
    u: Understanding, turn: Any, lexicon: Lexicon, *, missing_tools: list[str] | None = None
) -> str:
    """The reply for a turn whose tools have all answered (or that needed none)."""
    lang = u.lang
    if not turn.artifacts:
        if u.intent == "thanks":
            return _t(lang, "You're welcome.", "唔使客氣。")
        if missing_tools:
            return _t(
                lang,
                f"That needs the {missing_tools[0]} tool, which this installation does not have.",
                f"呢個要用 {missing_tools[0]} 工具，但呢個安裝冇。",
            )
        if u.intent == "character_report":
            return _t(
                lang,
                "Which character? Name them as the script or cast list does.",
                "邊個角色？請講劇本或者演員表入面嘅名。",
            )
        if u.intent == "location_report":
            return _t(lang, "Which location?", "邊個場景？")
        if u.intent == "unavailable":
            return _t(
                lang,
                "Who is unavailable, and on which dates (e.g. “Lau can't do 3 March”)?",
                "邊個唔得閒、邊日？（例如「劉Sir 3號唔得」）",
            )
        if u.intent == "edit_shot":
            return _t(
                lang,
                "Which shot, and what should change? For example “drop 12C” or “make 12B a close-up on 阿輝”.",
                "邊個鏡頭、點改？例如「drop 12C」或者「12B 改做阿輝嘅特寫」。",
            )
        if u.intent == "scene_order" and u.scenes:
            after = u.order in ("next", "after")
            return _t(
                lang,
                f"There is no scene {'after' if after else 'before'} scene {u.scenes[0]}: it is the "
                f"{'last' if after else 'first'} scene of the script.",
                f"第{u.scenes[0]}場{'之後' if after else '之前'}冇場次：佢係劇本{'最後' if after else '第一'}一場。",
            )
        if u.intent in ("transcribe", "shot_changes"):
            return _t(
                lang,
                "Which audio or video file? Give its path (e.g. “transcribe /media/day1/scene8.mp4 for scene 8”).",
                "邊個聲音或者影片檔？請講檔案路徑（例如「幫我由 /media/day1/scene8.mp4 出第8場字幕」）。",
            )
        if u.intent in ("scene_details", "shot_list", "show_shot_list"):
            return _t(
                lang, "Which scene? Give its number, e.g. “scene 7”.", "邊一場？請講場次，例如「第7場」。"
            )
        if u.intent == "free_writing":
            return NEEDS_MODEL[lang]
        if u.intent == "cannot" and u.cannot:
            en, zh = CANNOT[u.cannot]
            return _t(lang, en, zh)
        return help_text(lang, lexicon)
    from agent.families import compose_family

    family = compose_family(u, turn.artifacts, lexicon, turn.calls)
    if family is not None:
        return family + sources_block(turn.artifacts, lang)
    parts = []
    artifacts = turn.artifacts
    if u.intent == "breakdown" and any(a.get("kind") == "breakdown" for a in artifacts):
        artifacts = [a for a in artifacts if a.get("kind") == "breakdown"]  # the scenes were only a step
    if u.intent in ("character_report", "location_report") and any(
        a.get("kind") == "search" for a in artifacts
    ):
        # The card did not answer the question; the documents' sentence leads, the card follows.
        artifacts = sorted(artifacts, key=lambda a: a.get("kind") != "search")
    for artifact in artifacts:
        composer = COMPOSERS.get(str(artifact.get("kind")))
        if composer is None:
            parts.append(str(artifact.get("summary") or artifact.get("message") or ""))
            continue
        parts.append(composer(artifact, u, lexicon))
    text = "\n\n".join(p for p in parts if p)
    if u.intent == "search" and any(a.get("kind") == "search" and a.get("hits") for a in turn.artifacts):
        text += _t(
            lang,
            "\n\n(Quoted from the documents; with a language model connected I would also summarise.)",
            "\n\n（以上係原文引用；接駁語言模型之後我可以再幫你歸納。）",
        )
    if u.intent == "free_writing":
        text = NEEDS_MODEL[lang] + "\n\n" + text
    if u.cannot == "send":
        en, zh = CANNOT["send"]
        text = _t(lang, en, zh) + "\n\n" + text
    return text + sources_block(turn.artifacts, lang)
