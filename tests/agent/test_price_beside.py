"""A price asked beside a report that never states money ("how many extras in 5? and each costs?")
is looked up in the documents: the report answers its part, the notes' sentence the price."""

from __future__ import annotations

from agent.intents import understand
from agent.lexicon import Lexicon
from agent.planner import money_beside
from agent.skills.documents import stated_price
from knowledge.citations import SearchHit
from tools.script_lookup import SearchResult


def _result(query: str, hits: list[SearchHit]) -> SearchResult:
    return SearchResult(query=query, hits=hits, sources=[h.citation() for h in hits])


def test_a_price_asked_beside_a_breakdown_is_found_in_the_notes() -> None:
    lexicon = Lexicon(characters=["KAI"])
    u = understand("第五場要幾多個臨記？每個幾錢一日？", lexicon, route=False)
    u.intent = "breakdown"
    assert money_beside(u)
    notes = SearchHit(
        file="notes.md",
        doc_type="notes",
        text="- Market extras: 60 extras for sc 5, booked through the agency.\n"
        "- Each market extra is paid HK$620 a day, meal included.",
        score=1.0,
    )
    crowd = SearchHit(
        file="s.fountain", doc_type="screenplay", scene="5", text="A crowd of 60 fills the market.", score=0.9
    )
    answer = stated_price(_result(u.search_text, [crowd, notes]), u, lexicon)
    assert "HK$620" in answer and "notes.md" in answer


def test_a_report_alone_or_a_count_alone_searches_nothing_more() -> None:
    lexicon = Lexicon()
    for text in ("第五場要幾多個臨記？", "How many extras in scene 5? And which scenes are at night?"):
        u = understand(text, lexicon, route=False)
        u.intent = "breakdown"
        assert not money_beside(u), text


def test_several_asked_side_by_side_get_the_rows_beside_the_best() -> None:
    from agent.skills.documents import _search

    lexicon = Lexicon()
    u = understand("兩部的士道具車，舊嗰部同新嗰部分別幾錢租？", lexicon, route=False)
    u.intent = "search"
    notes = SearchHit(
        file="notes.md",
        doc_type="notes",
        text="Budget:\n- the aged 1978 taxi, rust and a dented door: HK$9,500 a day;\n"
        '- the new "replica" taxi 道具車: HK$4,200 a day;\n- lunch: HK$85 a head.',
        score=1.0,
    )
    answer = _search(_result(u.search_text, [notes]).model_dump(), u, lexicon)
    assert "9,500" in answer and "4,200" in answer
