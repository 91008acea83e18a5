"""A specific question about one scene also reads the notes: what was decided about a scene (ADR, the
extras' fee, real or fake glass) is written in the notes under the scene's number, not in its text."""

from __future__ import annotations

from agent.intents import understand
from agent.lexicon import Lexicon
from agent.skills.scenes import asks_about_scene, note_on_scene, plan
from knowledge.citations import SearchHit
from tools.script_lookup import SearchResult

NOTES = (
    "## Sound\n"
    "- Sc 4 is in the tunnel: wild track only.\n"
    "- Sc 7: the whole scene is ADR, the market is too loud for dialogue.\n"
    "## Extras\n"
    "- Eighty extras for the stadium in scene 9, HK$550 each."
)


def _search(query: str) -> SearchResult:
    hits = [
        SearchHit(
            file="script.fountain", doc_type="screenplay", scene="7", text="MEI: 你聽唔聽到？", score=2.0
        ),
        SearchHit(file="notes.md", doc_type="notes", section="Sound", text=NOTES, score=1.0),
    ]
    return SearchResult(query=query, hits=hits, sources=[h.citation() for h in hits])


def _scene_question(text: str) -> tuple[object, Lexicon]:
    lexicon = Lexicon(scene_numbers=["4", "7", "9"])
    return understand(text, lexicon, route=False), lexicon


def test_a_specific_question_about_a_scene_also_searches_the_notes() -> None:
    u, lexicon = _scene_question("Does scene 7 need ADR?")
    assert u.intent == "scene_details" and asks_about_scene(u, lexicon)
    assert [c["name"] for c in plan(u, lexicon)] == ["scene_details", "search_documents"]
    whole, _ = _scene_question("What happens in scene 7?")
    assert [c["name"] for c in plan(whole, lexicon)] == ["scene_details"]


def test_the_note_naming_the_scene_answers_and_is_cited() -> None:
    u, lexicon = _scene_question("Does scene 7 need ADR?")
    answer = note_on_scene(_search(u.text), u, lexicon)
    assert "whole scene is ADR" in answer and "notes.md" in answer
    assert "tunnel" not in answer  # a note about another scene never answers


def test_no_note_on_the_scene_means_no_note_answer() -> None:
    u, lexicon = _scene_question("Does scene 4 need a crane?")
    u.scenes = ["12"]
    assert note_on_scene(_search(u.text), u, lexicon) == ""


def test_a_note_naming_several_scenes_or_a_longer_number() -> None:
    u, lexicon = _scene_question("Does scene 7 need ADR?")
    listed = SearchHit(
        file="notes.md", doc_type="notes", text="- Scenes 4, 5 and 7: ADR for the market lines.", score=1.0
    )
    longer = SearchHit(
        file="notes.md", doc_type="notes", text="- Sc 70: ADR for the whole pickup scene.", score=1.0
    )
    both = SearchResult(query=u.text, hits=[longer, listed], sources=[])
    assert "Scenes 4, 5 and 7" in note_on_scene(both, u, lexicon)
    only_longer = SearchResult(query=u.text, hits=[longer], sources=[])
    assert note_on_scene(only_longer, u, lexicon) == ""
