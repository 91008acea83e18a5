"""A message asking several things searches for each of them: the second question's answer is often in
a passage the first question's words outrank in one search over the whole message."""

from __future__ import annotations

from agent.intents import understand
from agent.lexicon import Lexicon
from agent.skills.documents import answer_parts, plan
from knowledge.citations import SearchHit
from tools.script_lookup import SearchResult

MESSAGE = "How fast was Keung driving on the flyover? And what is the speed limit there?"


def _hit(scene: str, text: str, score: float) -> SearchHit:
    return SearchHit(file="s.fountain", doc_type="screenplay", scene=scene, text=text, score=score)


def _result(query: str, hits: list[SearchHit]) -> SearchResult:
    return SearchResult(query=query, hits=hits, sources=[h.citation() for h in hits])


def test_each_question_of_a_message_is_searched_and_answered_from_its_own_passages() -> None:
    lexicon = Lexicon(characters=["KEUNG"])
    u = understand(MESSAGE, lexicon, route=False)
    u.intent = "search"
    calls = plan(u, lexicon)
    assert [c["args"]["query"] for c in calls] == [
        u.search_text,
        "How fast was Keung driving on the flyover?",
        "And what is the speed limit there?",
    ]
    speed = _hit("3", "Keung is driving the van over the flyover at 90 km/h, fast.", 2.0)
    chatter = [_hit(str(n), f"KEUNG: 第{n}次喇，好攰呀。", 1.5) for n in range(4, 12)]
    limit = _hit("9", "A sign on the flyover: SPEED LIMIT 70 km/h.", 1.0)
    searches = [
        _result(u.search_text, [speed, *chatter]),  # the whole message: the limit's passage is ninth
        _result("How fast was Keung driving on the flyover?", [speed, *chatter]),
        _result("And what is the speed limit there?", [limit, *chatter]),
    ]
    answer = answer_parts(searches, u, lexicon)
    assert "90 km/h" in answer and "SPEED LIMIT 70" in answer
    assert answer.index("90 km/h") < answer.index("SPEED LIMIT 70")  # in the order asked


def test_a_second_question_joined_by_and_is_asked_on_its_own_with_what_it_is_about() -> None:
    from agent.extract import question_parts

    assert question_parts("The spare trophy in the van — what did it cost, and where was it bought?") == [
        "The spare trophy in the van — what did it cost?",
        "The spare trophy in the van — where was it bought?",
    ]
    assert question_parts("Who is rigging the crane, and when does the barge arrive?") == [
        "Who is rigging the crane?",
        "when does the barge arrive?",
    ]
    # A clause that says too little on its own keeps the message whole; "and" inside one question too.
    assert question_parts("Who is rigging the crane, and for how long?") == [
        "Who is rigging the crane, and for how long?"
    ]
    assert question_parts("Who wrote and directed the film?") == ["Who wrote and directed the film?"]
    # One word of its own is a question of its own ("when do we deliver?").
    assert question_parts("When's the mix, and when do we deliver?") == [
        "When's the mix?",
        "when do we deliver?",
    ]
