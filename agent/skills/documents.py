"""Documents: search passages, the production overview, the budget figure the documents state."""

from __future__ import annotations

import re
from typing import Any

from agent.compose import (
    CANNOT,
    _pages,
    _t,
    _tod,
)
from agent.extract import question_parts
from agent.intents import Lang, Understanding, production_matter
from agent.lexicon import Lexicon, fold, has_cjk
from agent.skills.base import Skill, call


def _named(u: Understanding, lex: Lexicon) -> list[list[str]]:
    """The aliases of everyone and everywhere the question names, the character a relative is named by
    too ("麥婆婆的兒子": the line where she talks of her son says her name)."""
    related = [u.relative_of[0]] if u.relative_of else []
    return [lex.aliases(v) for v in dict.fromkeys([*u.characters, *related, *u.locations])]


def _search(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    from agent.extract import best_sentences, stated_fact
    from agent.routing import default_router
    from tools.script_lookup import SearchResult

    result = SearchResult.model_validate(a)
    lang = u.lang
    if u.intent == "cannot" and u.cannot == "budget":
        return _budget(result, u, lex)
    if u.relative_only and u.relative_of:
        return _no_such_relative(result, u, lex)
    if not result.hits:
        return _t(
            lang, "I found nothing in the production's documents about that.", "製作文件入面搵唔到相關內容。"
        )
    names = _named(u, lex)
    parts = question_parts(u.search_text)
    if len(parts) > 1:
        return _answer_each(parts, {part: result.hits for part in parts}, names, lang, u.scenes)
    answers = best_sentences(u.search_text, result.hits, default_router().embedder, names, u.scenes)
    if not answers:
        return _t(
            lang,
            "The documents don't say. The closest passage is in "
            + result.hits[0].citation().short_label()
            + ".",
            "文件冇講到。最接近嘅段落喺 " + result.hits[0].citation().short_label() + "。",
        )
    best = answers[0]
    lines = [f"“{best.sentence}” — *{best.hit.citation().short_label()}*"]
    # Several things asked side by side ("the old one and the new one, how much each?", 分別幾錢):
    # the lines beside the best one in its passage (a list's other rows) answer the rest.
    several = bool(_SEVERAL.search(fold(u.search_text)))
    for other in answers[1:]:
        close = other.score >= best.score * (0.5 if several and other.hit == best.hit else 0.85)
        if close and other.sentence != best.sentence:
            lines.append(f"“{other.sentence}” — *{other.hit.citation().short_label()}*")
    head = _t(lang, "The documents say:", "文件咁講：")
    fact = stated_fact(u.search_text, best.sentence) if lang == "en" else None
    if fact:
        # The quoted line says it in Chinese numerals, opaque to an English reader: say it in digits.
        head = f"**{fact}** — the documents say:"
    return head + "\n\n" + "\n".join(lines[:3])


_SEVERAL = re.compile(
    r"\b(?:each|respectively|both|either|the two|all (?:two|three|four))\b|分別|各自|各|兩個都|兩隻都|兩者|兩樣"
)


_RELATION_ZH = {
    "father": "父親", "mother": "母親", "wife": "太太", "husband": "丈夫", "son": "兒子", "daughter": "女兒",
    "brother": "兄弟", "sister": "姊妹", "grandfather": "爺爺", "grandmother": "嫲嫲", "girlfriend": "女朋友",
    "boyfriend": "男朋友",
}  # fmt: skip


def _no_such_relative(result: Any, u: Understanding, lex: Lexicon) -> str:
    """ "Which scenes is Pim's late father in?" where no cue and no cast-list entry is him: he has no
    scenes of his own; the line that talks about him, if the script has one, is quoted."""
    from agent.extract import best_sentences
    from agent.lexicon import RELATIONS
    from agent.routing import default_router

    assert u.relative_of is not None
    person, relation = u.relative_of
    en_name, zh_name = lex.name(person, "en"), lex.name(person, "zh")
    head = _t(
        u.lang,
        f"{en_name}'s {relation} is not a character of the script: no cue and no cast-list entry is "
        f"them, so they are in no scene (not on screen, no call, nobody to cast unless you add them).",
        f"{zh_name}嘅{_RELATION_ZH.get(relation, relation)}唔係劇本入面嘅角色：冇對白、演員表都冇佢，"
        "所以冇出場（唔使選角、唔使出通告，除非你加返）。",
    )
    names = [lex.aliases(person)]
    words = RELATIONS.get(relation, ())
    said = [
        a
        for a in best_sentences(u.search_text, result.hits, default_router().embedder, names)
        if a.hit.scene and _says_any(fold(a.sentence), words)
    ]
    if not said:
        return head
    best = said[0]
    talked = _t(u.lang, "Only mentioned, e.g.:", "只係俾人提起，例如：")
    return f"{head}\n\n{talked} “{best.sentence}” — *{best.hit.citation().short_label()}*"


def _says_any(folded: str, words: tuple[str, ...]) -> bool:
    """Whether a folded sentence says one of `words`: Chinese anywhere (我個仔), English as a word
    ("son", never the "son" of "person")."""
    return any(w in folded if has_cjk(w) else re.search(rf"\b{re.escape(w)}\b", folded) for w in words)


def stated_price(result: Any, u: Understanding, lex: Lexicon) -> str:
    """The sentence of the documents that states the price a message asks beside a report
    (planner.money_beside), quoted and cited; or that the documents do not say it."""
    from agent.extract import best_sentences
    from agent.routing import default_router
    from knowledge.answer_kinds import holds_money

    names = _named(u, lex)
    answers = best_sentences(u.search_text, result.hits, default_router().embedder, names, u.scenes)
    stated = [a for a in answers if holds_money(a.sentence)]
    if not stated:
        return _t(u.lang, "The documents don't state a price for it.", "文件冇講到價錢。")
    best = stated[0]
    head = _t(u.lang, "On the price, the documents say:", "價錢方面，文件咁講：")
    return f"{head} “{best.sentence}” — *{best.hit.citation().short_label()}*"


def answer_parts(searches: list[Any], u: Understanding, lex: Lexicon) -> str:
    """The answer to a message asking several things, each searched on its own (see `plan`): every
    question reads its own passages first, then the whole message's, never more than eight."""
    from tools.script_lookup import SearchResult

    results = [SearchResult.model_validate(s) if isinstance(s, dict) else s for s in searches]
    whole = next((r for r in results if r.query == u.search_text), results[0])
    own = {r.query: r for r in results if r is not whole}
    names = _named(u, lex)
    parts = question_parts(u.search_text)
    # The whole message's passages first (a later question leans on the first: "and until when?"), then
    # those only its own search found.
    hits = {part: _extend(whole.hits, own[part].hits) if part in own else whole.hits for part in parts}
    if not any(hits.values()):
        return _t(
            u.lang,
            "I found nothing in the production's documents about that.",
            "製作文件入面搵唔到相關內容。",
        )
    return _answer_each(parts, hits, names, u.lang, u.scenes)


def _extend(first: list[Any], more: list[Any], limit: int = 12) -> list[Any]:
    """`first`, then the passages of `more` it lacks, at most `limit`."""
    seen = {_passage(h) for h in first}
    return [*first, *(h for h in more if _passage(h) not in seen)][:limit]


def _passage(hit: Any) -> tuple[Any, ...]:
    return (hit.chunk_id,) if hit.chunk_id else (hit.file, hit.scene, hit.lines, hit.text)


def _answer_each(
    parts: list[str], hits: dict[str, list[Any]], names: list[list[str]], lang: Lang, scenes: list[str]
) -> str:
    """A message asking two things ("how much did he borrow? and a month?") gets the sentence that
    answers each, in the order asked; one sentence answering both is quoted once. A part nothing
    answers says so, and the parts that are answered still are."""
    from agent.extract import best_sentences, stated_fact
    from agent.routing import default_router

    lines: list[str] = []
    facts: list[str] = []
    quoted: set[str] = set()
    unanswered = 0
    first = next((h for part in parts for h in hits[part]), None)
    previous = None  # the answer to the question before: the next one is asked about the same moment
    for part in parts:
        embedder = default_router().embedder
        topic = parts[0] if part != parts[0] else None
        answers = best_sentences(
            part, hits[part], embedder, names, scenes, limit=12, after=previous, topic=topic
        )
        fresh = [a for a in answers if a.sentence not in quoted]
        if not answers:
            unanswered += 1
            continue
        if not fresh:
            continue  # the sentence quoted for an earlier part answers this one too
        best = previous = fresh[0]
        quoted.add(best.sentence)
        lines.append(f"“{best.sentence}” — *{best.hit.citation().short_label()}*")
        fact = stated_fact(part, best.sentence) if lang == "en" else None
        if fact:
            facts.append(fact)
    if not lines:
        closest = first.citation().short_label() if first is not None else ""
        return _t(
            lang,
            "The documents don't say. The closest passage is in " + closest + ".",
            "文件冇講到。最接近嘅段落喺 " + closest + "。",
        )
    head = _t(lang, "The documents say:", "文件咁講：")
    if facts:
        head = f"**{' · '.join(facts)}** — the documents say:"
    tail = ""
    if unanswered:
        tail = "\n\n" + _t(
            lang, "The documents don't answer the rest of the question.", "問題其餘部分，文件冇講到。"
        )
    return head + "\n\n" + "\n".join(lines) + tail


_BUDGET_LINE = re.compile(r"budget|預算|製作費|成本", re.IGNORECASE)


def _budget(result: Any, u: Understanding, lex: Lexicon) -> str:
    """A budget the documents state, quoted and cited; else why Slate cannot work one out."""
    from agent.extract import best_sentences
    from agent.routing import default_router
    from knowledge.answer_kinds import AMOUNT

    answers = best_sentences(u.search_text, result.hits, default_router().embedder, [])
    stated = [a for a in answers if _BUDGET_LINE.search(a.sentence) and AMOUNT.search(a.sentence)]
    if not stated:
        en, zh = CANNOT["budget"]
        return _t(u.lang, en, zh)
    best = stated[0]
    head = _t(u.lang, "The documents say:", "文件咁講：")
    return f"{head}\n\n“{best.sentence}” — *{best.hit.citation().short_label()}*"


def _overview(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    from tools.script_lookup import Overview

    result = Overview.model_validate(a)
    lang = u.lang
    tod = ", ".join(f"{_tod(k, lang)} {v}" for k, v in result.by_time_of_day.items())
    char_text = ", ".join(f"{lex.name(k, lang)} ({v})" for k, v in list(result.characters.items())[:12])
    loc_text = ", ".join(f"{_bilingual(k, lang)} ({v})" for k, v in list(result.locations.items())[:12])
    docs = ", ".join(d.name for d in result.documents)
    title = result.title or result.project
    if lang == "zh":
        return (
            f"**{title}**：{result.scenes} 場，約 {result.pages} 頁"
            f"（{_pages(result.total_eighths, lang)}；{tod}）。\n\n"
            f"- 角色（場數）：{char_text}\n- 場景（場數）：{loc_text}\n- 文件：{docs or '—'}"
        )
    return (
        f"**{title}**: {result.scenes} scenes, about {result.pages} pages "
        f"({_pages(result.total_eighths, lang)}; {tod}).\n\n"
        f"- Characters (scenes): {char_text}\n- Sets (scenes): {loc_text}\n- Documents: {docs or '—'}"
    )


_CJK_RUN = re.compile(
    r"[\u3400-\u9fff\uf900-\ufaff](?:[\u3400-\u9fff\uf900-\ufaff\s·]*[\u3400-\u9fff\uf900-\ufaff])?"
)


def _bilingual(name: str, lang: str) -> str:
    """A set named in both languages ("DAI PAI DONG 華記大牌檔") reads, in an English answer, as its
    English name with the Chinese glossed in brackets, as characters are named ("ROSA (華姐)")."""
    if lang != "en" or not has_cjk(name) or not re.search(r"[A-Za-z]", name):
        return name
    chinese = " ".join(m.group().strip(" ·-") for m in _CJK_RUN.finditer(name))
    latin = " ".join(_CJK_RUN.sub(" ", name).split()).strip(" ·-")
    return f"{latin} ({chinese})" if latin and chinese else name


def plan(u: Understanding, lexicon: Lexicon) -> list[dict[str, Any]]:
    if u.intent == "overview":
        return [call("production_overview")]
    if u.intent == "search":
        whole = call("search_documents", query=u.search_text, k=8)
        parts = question_parts(u.search_text)
        if len(parts) == 1 or u.relative_only:
            return [whole]
        # A message asking two things ("how fast was he going? and the limit there?") finds passages
        # for each question as well as for the whole: the second's answer is often in a passage the
        # first's words outrank (answer_parts reads each question's own passages first).
        return [whole, *(call("search_documents", query=part, k=8) for part in parts)]
    if u.intent == "free_writing":
        # Do what the tools can: find the material the writing would start from.
        if u.scenes:
            return [call("scene_details", scene=u.scenes[0])]
        # A writing request names the production's matter in its own words (a cover letter is not
        # the story's letter).
        if u.characters or u.locations or production_matter(fold(u.text), lexicon, either_language=False):
            return [call("search_documents", query=u.search_text, k=3)]
        return []  # a birthday poem, a wedding speech: nothing in the documents to start from; say so plainly
    return []


SKILL = Skill(
    name="documents",
    intents=frozenset({"search", "overview", "free_writing"}),
    plan=plan,
    composers={"search": _search, "overview": _overview},
    tools=frozenset({"production_overview", "search_documents", "scene_details"}),
)
