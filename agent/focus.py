"""The fact a question about one person or one place asks for, stated first.

"Who do I call at the rock gym?", "珊珊幾錢一日？", "那邊的負責人是誰？" are answered by one field of a
card (the location list's contact, the cast list's day rate), not by the whole card: the answer leads
with that field, named and cited, and the card follows as context. A question that names no field but
asks something ("by what time must we leave the beach?") is matched against the card's notes, sentence
by sentence (agent.extract), and the note that answers leads instead.

The field words are one table in the three languages crews use; they describe what each field *is*
(a contact is called, phoned, 聯絡, 搵), not any one production.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.intents import has_word as _has
from agent.lexicon import fold, has_cjk
from tools.script_lookup import CharacterReport, LocationReport

FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "contact": (
        "contact",
        "call",
        "phone",
        "ring",
        "liaison",
        "who do i talk",
        "who do we talk",
        "who to talk",
        "manager",
        "person in charge",
        "聯絡",
        "联络",
        "電話",
        "打俾",
        "打畀",
        "打給",
        "打去",
        "搵邊個",
        "搵誰",
        "找誰",
        "找哪位",
        "負責人",
        "聯繫",
        "对接",
        "對接",
    ),
    "address": (
        "address",
        "located",
        "how do i get",
        "how do we get",
        "directions",
        "地址",
        "點去",
        "怎麼去",
        "位置",
        "喺邊度",
        "在哪裡",
        "在哪里",
        "實際喺邊",
        "實際在哪",
        "real location",
        "actually shoot",
        "really shoot",
        "shoot it",
        "shooting location",
    ),
    "unavailable": (
        "unavailable",
        "available",
        "availability",
        "free on",
        "can't we use",
        "cannot use",
        "can we use",
        "closed",
        "blocked",
        "book",
        "唔得閒",
        "得閒",
        "有冇空",
        "冇空",
        "沒空",
        "有空",
        "用唔到",
        "唔借得",
        "借唔到",
        "不能用",
        "不可用",
        "檔期",
        "哪天不",
        "邊日唔",
    ),
    "rate": (
        "rate",
        "day rate",
        "daily rate",
        "pay",
        "paid",
        "fee",
        "salary",
        "how much does",
        "cost us",
        "日薪",
        "幾錢",
        "人工",
        "片酬",
        "收幾多",
        "多少錢",
        "價錢",
        "酬勞",
    ),
    "actor": (
        "who plays",
        "played by",
        "actor",
        "actress",
        "cast as",
        "演員",
        "邊個做",
        "邊個演",
        "誰演",
        "飾演",
        "扮演",
    ),
    "aliases": (
        "full name",
        "real name",
        "other name",
        "nickname",
        "also called",
        "known as",
        "全名",
        "真名",
        "花名",
        "又叫",
        "叫咩名",
        "叫什麼",
        "叫乜嘢名",
        "原名",
    ),
}


@dataclass(frozen=True)
class Lead:
    """What leads the answer: a field's label and value, or a note sentence."""

    field: str
    value: str


# Pay by another period than the day, or for a job someone does in the story ("a month as a dresser",
# 做收銀): the character's wage in the story, which the documents tell, not the actor's day rate.
_STORY_PAY = re.compile(
    r"\b(?:a|per|each|every|the)\s+(?:month|week|year|hour|shift)\b|\bmonthly\b|\bweekly\b|\bhourly\b"
    r"|\bworking as\b|\bas an?\s+(?!actor|actress)\w+"
    r"|一個月|每月|月薪|個月|一個星期|每星期|一年|年薪|每個鐘|時薪|鐘數|份工"
    r"|做(?!戲|演員|呢個|嗰個|呢隻|嗰隻|角色|咩|乜|幾|得|到|完|緊)[\u4e00-\u9fff]{1,3}(?:嘅|的)?(?:人工|工錢|薪|錢)"
)


def asks_story_pay(folded: str) -> bool:
    """The question asks what someone earns in the story, not the actor's day rate."""
    return _STORY_PAY.search(folded) is not None


def asked_field(text: str, available: dict[str, str | None]) -> Lead | None:
    """The card field the question asks for, when the card has it (the longest matching word wins)."""
    folded = fold(text)
    best: tuple[int, str] | None = None
    for name, words in FIELD_WORDS.items():
        if not available.get(name) or (name == "rate" and asks_story_pay(folded)):
            continue
        for word in words:
            if _has(folded, (word,)) and (best is None or len(word) > best[0]):
                best = (len(word), name)
    if best is None:
        return None
    return Lead(best[1], str(available[best[1]]))


def card_fields(card: CharacterReport | LocationReport) -> dict[str, str | None]:
    """A person's or a place's card as the fields a question can ask for."""
    if isinstance(card, LocationReport):
        return {
            "address": card.address,
            "contact": card.contact,
            "unavailable": ", ".join(card.unavailable) or None,
        }
    others = [n for n in card.aliases if n.casefold() != card.name.casefold()]
    return {
        "actor": card.actor,
        "rate": f"HK${card.daily_rate:,.0f}" if card.daily_rate else None,
        "unavailable": ", ".join(card.unavailable) or None,
        "aliases": ", ".join(others) or None,
    }


def card_lead(
    question: str,
    card: CharacterReport | LocationReport,
    embedder: object | None,
    names: list[list[str]] | None,
) -> Lead | None:
    """What on the card answers `question`: a field it asks for, else a note sentence; None if nothing."""
    lead = asked_field(question, card_fields(card))
    if lead is None:
        lead = note_lead(question, [card.notes or ""], embedder, names)
    return lead


def note_lead(
    question: str, notes: list[str], embedder: object | None, names: list[list[str]] | None
) -> Lead | None:
    """The note sentence that answers a question naming no field (shares a content word with it)."""
    from agent.extract import best_line

    line = best_line(question, [n for n in notes if n], embedder, names)
    return Lead("notes", line) if line else None


def quote_foreign(value: str, lang: str) -> str:
    """Source text in the other language, copied into an answer, is quoted as the source's words:
    an English address in a Chinese answer reads 「G/F, 46 San Hing Street」."""
    if lang != "zh" or not value:
        return value
    cjk = sum(1 for ch in value if has_cjk(ch))
    latin = len([w for w in value.split() if any(c.isalpha() and c.isascii() for c in w)])
    if not (latin > cjk and latin >= 2):
        return value
    # Quoted inside a quotation, the source's own 「」 become 『』, as Chinese nests quotation marks.
    return "「" + value.replace("「", "『").replace("」", "』") + "」"
