"""Composing the offline planner's answers from tool results, in the person's language, with citations.

Answers only restate what the tools returned (scene numbers, pages, counts, quoted passages) and
say where each fact comes from. Where a request needs free writing the answer says so plainly.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agent.intents import Lang, Understanding
from agent.lexicon import Lexicon, has_cjk
from knowledge.citations import Citation
from tools.registry import ToolError, ToolResult, load_artifact

if TYPE_CHECKING:
    from tools.script_lookup import SceneRow

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
        "I can't send email or messages, or phone anyone. I can write the file for you to send: ask for it, "
        "e.g. “call sheet for day 1”, “shot list for scene 5” or “plan the shoot”.",
        "我冇得幫你打電話、發電郵或者訊息。我可以整好檔案畀你自己發：例如問「第1日通告」、「第5場分鏡表」或者「幫我排期」。",
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
    "world": (
        "That's about the real world, not this production, so it's outside what I can do: I work offline and "
        "only know this production's documents (script, cast and location lists, notes, plans, subtitles).",
        "呢條係問現實世界，唔係呢個製作，我答唔到：我係離線運作，只知道呢個製作嘅文件（劇本、演員表、場景表、筆記、排期、字幕）。",
    ),
    "book": (
        "I can't book or order anything: Slate only reads the production's documents and drafts lists, "
        "schedules and call sheets.",
        "我冇得幫你訂嘢：Slate 只會讀製作文件，起草分鏡表、排期同通告。",
    ),
    "online": (
        "I can't do anything online (order, submit or file): Slate works offline and only reads the "
        "production's documents. I can draft what you need to send, e.g. a call sheet or a shot list.",
        "我冇得幫你上網落單、遞交或者申請：Slate 係離線運作，只會讀製作文件。我可以幫你起草要交嘅文件，例如通告或者分鏡表。",
    ),
    "pay": (
        "I can't pay or transfer money: Slate only reads the production's documents and drafts lists, "
        "schedules and call sheets.",
        "我冇得幫你俾錢或者轉賬：Slate 只會讀製作文件，起草分鏡表、排期同通告。",
    ),
    "advice": (
        "I can't give legal, medical or financial advice: Slate only knows this production's documents. "
        "Ask a qualified professional.",
        "我唔可以提供法律、醫療或者理財意見：Slate 只知道呢個製作嘅文件。請向專業人士查詢。",
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
    # The place most names point at (a list entry and its aliases), not its shortest nickname ("the taxi").
    named = Counter(
        v for v in lexicon.locations.values() if not has_cjk(v) and not v.lower().startswith("the ")
    )
    places = [name for name, _ in named.most_common(1)]
    prompts = []
    if canonical:
        who = canonical[0]
        prompts.append(f"Which scenes is {who.title()} in?")
        zh = lexicon.chinese.get(who)
        prompts.append(f"{zh}第一場係邊場？" if zh else f"When does {who.title()} first appear?")
    if places:
        prompts.append(f"Night scenes at {places[0].title()}?")
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


def _scene_line(row: SceneRow, lang: Lang, lexicon: Lexicon) -> str:
    parts = [f"**{_scene_label(row.number, lang)}**", row.heading]
    meta = [_t(lang, f"p. {row.page}", f"第{row.page}頁"), _pages(row.eighths, lang)]
    people = row.characters
    if people:
        meta.append(", ".join(lexicon.name(c, lang) for c in people[:6]) + ("…" if len(people) > 6 else ""))
    return "- " + " ".join(p for p in parts if p) + " · " + " · ".join(meta)


def _list_numbers(numbers: list[str], lang: Lang) -> str:
    if lang == "zh":
        return "、".join(numbers)
    return ", ".join(numbers)


# --- per kind -----------------------------------------------------------------------------------


STYLE_ZH = {"classic": "經典", "handheld": "手持", "hk-action": "港式動作"}
SIZE_ZH = {"EWS": "大遠景", "WS": "全景", "MS": "中景", "MCU": "中近景", "CU": "特寫", "ECU": "大特寫",
           "INSERT": "插入鏡頭", "OTS": "過肩", "POV": "主觀鏡", "TWO-SHOT": "雙人鏡"}  # fmt: skip
MOVEMENT_ZH = {"static": "固定", "pan": "橫搖", "tilt": "直搖", "dolly": "路軌", "tracking": "跟拍",
               "handheld": "手持", "steadicam": "斯坦尼康", "crane/drone": "升降／航拍", "zoom": "變焦"}  # fmt: skip


STATUS_ZH = {"optimal": "已證明最佳", "feasible": "可行", "baseline": "傳統排法"}


CATEGORY_LABELS = {
    "cast": ("Cast", "演員"), "cast_silent": ("Silent cast", "無對白演員"), "cast_voice": ("Voice only", "只有聲"),
    "background": ("Background", "臨記"), "stunts": ("Stunts", "特技"), "vehicles": ("Vehicles", "車輛"),
    "props": ("Props", "道具"), "wardrobe": ("Wardrobe", "服裝"), "makeup": ("Make-up/hair", "化妝髮型"),
    "sfx": ("Special effects", "特效"), "vfx": ("Visual effects", "視覺效果"), "animals": ("Animals", "動物"),
    "equipment": ("Special equipment", "特別器材"), "sound": ("Sound/music", "聲音／音樂"),
    "set_dressing": ("Set dressing", "陳設"), "weather": ("Weather", "天氣"), "notes": ("Notes", "備註"),
}  # fmt: skip


def _short_label(source: Citation) -> str:
    """A citation without its file name: `sc. 12 p. 7`, `00:08:05,000`, `Casting` (the file heads the group)."""
    label = source.label()
    file = source.file
    return label[len(file) :].lstrip(" ·") if file and label.startswith(file) else label


def sources_block(artifacts: list[dict[str, Any]], lang: Lang, scenes: Collection[str] | None = None) -> str:
    """One line of sources grouped by file: `night_shift.fountain: sc. 5 · p. 7 · l. 331–377; sc. 8 …`.
    With `scenes`, a scene's passage is cited only when it is one of these (the ones the answer names)."""
    by_file: dict[str, list[Citation]] = {}
    for artifact in artifacts:
        result = load_artifact(artifact)
        for source in result.sources if isinstance(result, ToolResult) else []:
            if scenes is not None and source.scene and source.scene not in scenes:
                continue
            by_file.setdefault(source.file, []).append(source)
    if not by_file:
        return ""
    groups = []
    for file, sources in by_file.items():
        # Many passages of one file: scene and page are enough here (the JSON keeps the line spans).
        brief = len(sources) > 3
        # A note's section path starts with the document's long title: its innermost heading is enough.
        inner = [
            s.model_copy(update={"section": s.section.split("›")[-1].strip()}) if s.section else s
            for s in sources
        ]
        labels = [_short_label(src.model_copy(update={"lines": None}) if brief else src) for src in inner]
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
        named = None
        if u.intent == "scene_order":
            # "X's first scene is 11": its source is scene 11, not every scene looked through for it.
            from knowledge.scene_refs import scene_numbers

            named = scene_numbers(family, known=lexicon.scene_numbers) or None
        return family + sources_block(turn.artifacts, lang, named)
    from tools.breakdown.tools import BreakdownResult
    from tools.revisions import RevisionReport
    from tools.script_lookup import SearchResult

    parts = []
    cited = turn.artifacts  # the artifacts whose sources the answer lists
    # Each artifact beside its typed result, so kinds and fields are read as attributes.
    results = [(artifact, load_artifact(artifact)) for artifact in turn.artifacts]
    priced = None  # the search for a price asked beside a report (planner.money_beside)
    if any(isinstance(r, SearchResult) for _, r in results):
        from agent.planner import money_beside

        if money_beside(u):
            priced = next(r for _, r in results if isinstance(r, SearchResult))
            results = [(a, r) for a, r in results if not isinstance(r, SearchResult)]
    if u.intent == "breakdown" and any(isinstance(r, BreakdownResult) for _, r in results):
        # The scenes were only a step.
        results = [(a, r) for a, r in results if isinstance(r, BreakdownResult)]
    if u.intent == "revisions" and any(isinstance(r, RevisionReport) for _, r in results):
        # The drafts list was only a step: what changed is the answer.
        results = [(a, r) for a, r in results if isinstance(r, RevisionReport)]
    if u.intent in ("character_report", "location_report") and any(
        isinstance(r, SearchResult) for _, r in results
    ):
        # The card did not answer the question; the documents' sentence leads, the card follows.
        results = sorted(results, key=lambda ar: not isinstance(ar[1], SearchResult))
    from agent.skills import compose_result

    if u.intent == "scene_details" and any(isinstance(r, SearchResult) for _, r in results):
        # The search looked in the notes for what was decided about the scene: a note naming the
        # scene that answers leads; otherwise the scene's own text answers alone.
        from agent.skills.scenes import note_on_scene

        search = next(r for _, r in results if isinstance(r, SearchResult))
        results = [(a, r) for a, r in results if not isinstance(r, SearchResult)]
        note = note_on_scene(search, u, lexicon)
        if note:
            parts.append(note)
        else:
            cited = [a for a, _ in results]  # the search found nothing said: not a source
    searches = [r for _, r in results if isinstance(r, SearchResult)]
    if u.intent == "search" and len(searches) > 1:
        # A message asking several things, each searched on its own: one answer, a quote per question.
        from agent.skills.documents import answer_parts

        parts.append(answer_parts(searches, u, lexicon))
        results = [(a, r) for a, r in results if not isinstance(r, SearchResult)]
    for artifact, result in results:
        part = compose_result(artifact, u, lexicon)
        if part is None:
            # No skill writes this kind: a note recovered from a tool message says its sentence.
            part = str(result.message or "") if isinstance(result, ToolError) else ""
        parts.append(part)
    if priced is not None:
        from agent.skills.documents import stated_price

        parts.append(stated_price(priced, u, lexicon))
    text = "\n\n".join(p for p in parts if p)
    if u.intent == "search" and any(r.hits for r in searches) and not u.relative_only:
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
    return text + sources_block(cited, lang)
