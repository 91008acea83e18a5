"""Hybrid retrieval: exact scene numbers and names win, aliases cross languages, filters, citations;
and the labelled question set with the real e5 embedder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.errors import ProjectNotFound, SlateError, StoreError
from core.settings import Settings
from knowledge.embedder import FakeEmbedder
from knowledge.ingest import ingest
from knowledge.numerals import parse_number
from knowledge.retrieval import HybridRetriever, open_retriever, scene_references


@pytest.mark.parametrize(
    ("text", "scenes"),
    [
        ("what happens in scene 12?", ["12"]),
        ("Sc. 12A and SCENE ４", ["12A", "4"]),
        ("第12場", ["12"]),
        ("第十二場講咩", ["12"]),
        ("第二十一場", ["21"]),
        ("12場同埋 sc 3", ["3", "12"]),
        ("scenes 14", ["14"]),
        ("no scene here, 12 pages", []),
    ],
)
def test_scene_references(text: str, scenes: list[str]) -> None:
    assert sorted(scene_references(text)) == sorted(scenes)


def test_chinese_numbers() -> None:
    assert [parse_number(t) for t in ("十", "十二", "二十", "二十一", "一百零五", "兩", "abc")] == [
        10,
        12,
        20,
        21,
        105,
        2,
        None,
    ]


@pytest.fixture
def retriever(fake_settings: Settings, chroma_client: Any, mini_production: Path) -> HybridRetriever:
    embedder = FakeEmbedder()
    report = ingest(fake_settings, "夜更", [mini_production], client=chroma_client, embedder=embedder)
    assert not report.skipped
    return open_retriever(fake_settings, "夜更", client=chroma_client, embedder=embedder)


def _scenes(hits: list[Any]) -> list[str | None]:
    return [h.scene for h in hits]


def test_a_scene_number_wins(retriever: HybridRetriever) -> None:
    for query in ("scene 4", "第4場", "第四場講咩", "Sc. 4"):
        hits = retriever.search(query, k=3)
        assert hits[0].scene == "4" and hits[0].doc_type == "screenplay", query


def test_notes_that_mention_a_scene_come_after_the_scene(retriever: HybridRetriever) -> None:
    hits = retriever.search("scene 4 broken phone", k=4)
    assert hits[0].scene == "4"
    assert any(h.file == "notes.md" and h.section and "Scene 4" in h.section for h in hits)


def test_an_alias_finds_the_character_across_languages(retriever: HybridRetriever) -> None:
    # Scene 3 is English-only (INSPECTOR LAU); the query uses his Cantonese nickname.
    hits = retriever.search("劉Sir 要 CCTV", k=3)
    assert hits[0].scene == "3"


def test_citations_carry_file_scene_page_lines_and_timecodes(retriever: HybridRetriever) -> None:
    hit = retriever.search("scene 2", k=1)[0]
    assert hit.file == "night.fountain" and hit.doc_type == "screenplay" and hit.page == 1
    assert hit.lines is not None and hit.lines[0] <= hit.lines[1]
    assert "陳太" in hit.characters and hit.location and "金華" in hit.location
    subtitle = retriever.search("字幕 幾時還錢", k=1)[0]
    assert (
        subtitle.doc_type == "subtitles"
        and subtitle.start == "00:00:01,000"
        and subtitle.end == "00:00:06,000"
    )
    assert subtitle.citation().label().startswith("rough.zh-en.srt")


def test_document_type_words_steer_the_search(retriever: HybridRetriever) -> None:
    assert retriever.search("邊個演阿美？", k=1)[0].file == "cast.csv"
    assert retriever.search("茶餐廳個地址", k=1)[0].file == "locations.csv"
    assert retriever.search("director's notes on tone", k=1)[0].file == "notes.md"


def test_filters(retriever: HybridRetriever) -> None:
    assert {h.doc_type for h in retriever.search("阿輝", k=10, filters={"doc_type": "screenplay"})} == {
        "screenplay"
    }
    assert set(_scenes(retriever.search("電話", k=10, filters={"scene": "第4場"}))) == {"4"}
    lau = retriever.search("file", k=10, filters={"character": "劉Sir", "doc_type": "screenplay"})
    assert set(_scenes(lau)) == {"3", "4"}
    lau_by_id = retriever.search(
        "file", k=10, filters={"character": "INSPECTOR LAU", "doc_type": "screenplay"}
    )
    assert set(_scenes(lau_by_id)) == {"3", "4"}
    roof = retriever.search("夜", k=10, filters={"location": "ROOFTOP", "doc_type": "screenplay"})
    assert set(_scenes(roof)) == {"1", "4"}
    night = retriever.search("天台", k=10, filters={"time_of_day": "night", "doc_type": "screenplay"})
    assert set(_scenes(night)) == {"1", "2", "4"}
    assert retriever.search("天台", k=5, filters={"scene": "99"}) == []
    with pytest.raises(SlateError) as err:
        retriever.search("天台", filters={"colour": "red"})
    assert "colour" in str(err.value)


def test_empty_query_is_refused(retriever: HybridRetriever) -> None:
    with pytest.raises(SlateError):
        retriever.search("   ")


def test_unknown_project_names_the_nearest(fake_settings: Settings, retriever: HybridRetriever) -> None:
    with pytest.raises(ProjectNotFound) as err:
        open_retriever(fake_settings, "夜更更", embedder=FakeEmbedder())
    assert "夜更" in str(err.value)


def test_another_embedder_is_refused(
    fake_settings: Settings, chroma_client: Any, retriever: HybridRetriever
) -> None:
    with pytest.raises(StoreError):
        open_retriever(fake_settings, "夜更", client=chroma_client, embedder=FakeEmbedder(dim=64))


def test_production_search_through_settings(
    fake_settings: Settings, mini_production: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path the tools take: open_production builds the retriever from settings (on-disk Chroma)."""
    from knowledge.production import open_production
    from tools.script_lookup import search_documents

    monkeypatch.setenv("SLATE_EMBEDDER", "fake")
    ingest(fake_settings, "night-shift", [mini_production])
    production = open_production(fake_settings, "night-shift")
    result = search_documents(production, "phone", character="INSPECTOR LAU", doc_type="screenplay")
    assert result.hits and {h.scene for h in result.hits} <= {"3", "4"}
    assert result.sources[0].file == "night.fountain"


@pytest.mark.slow
def test_question_set_top3_hit_rate_with_the_real_e5_embedder(sample_dir: Path, chroma_client: Any) -> None:
    """At least 40 labelled questions (English, written Chinese, Cantonese, cross-language) over the
    sample production: the answer must be in the top 3 for at least 85% of them."""
    from core.settings import load_settings
    from knowledge.embedder import E5Embedder
    from tests.knowledge.question_set import load_questions

    questions = load_questions()
    assert len(questions) >= 40
    assert {q.lang for q in questions} == {"en", "zh", "yue", "cross"}
    settings = load_settings(embedder="e5")
    embedder = E5Embedder()
    report = ingest(settings, "night-shift", [sample_dir], client=chroma_client, embedder=embedder)
    assert not report.skipped
    retriever = open_retriever(settings, "night-shift", client=chroma_client, embedder=embedder)
    ranks = {q.id: q.rank(retriever.search(q.question, k=3)) for q in questions}
    top1 = sum(r == 1 for r in ranks.values()) / len(ranks)
    top3 = sum(r is not None for r in ranks.values()) / len(ranks)
    by_lang = {
        lang: sum(ranks[q.id] is not None for q in questions if q.lang == lang)
        / sum(1 for q in questions if q.lang == lang)
        for lang in ("en", "zh", "yue", "cross")
    }
    print(f"\nquestion set: {len(questions)} questions, top-1 {top1:.0%}, top-3 {top3:.0%}")
    print("top-3 by language: " + ", ".join(f"{lang} {rate:.0%}" for lang, rate in by_lang.items()))
    print("missed: " + ", ".join(qid for qid, r in ranks.items() if r is None))
    assert top3 >= 0.85


def test_results_spread_over_places_unless_filtered(
    fake_settings: Settings, chroma_client: Any, tmp_path: Path
) -> None:
    body = "\n\n".join(f"天台場口第{i}點：用 24mm 手搖鏡頭拍天台追逐。" for i in range(30))
    notes = tmp_path / "notes.md"
    notes.write_text(f"# Rooftop 天台\n\n{body}\n\n# Cafe 茶餐廳\n\n天台之後返茶餐廳。\n", encoding="utf-8")
    settings = fake_settings.model_copy(update={"chunk_tokens": 80})
    ingest(settings, "p", [notes], client=chroma_client, embedder=FakeEmbedder())
    retriever = open_retriever(settings, "p", client=chroma_client, embedder=FakeEmbedder())
    hits = retriever.search("天台 手搖鏡頭", k=2)
    assert [h.section for h in hits] == ["Rooftop 天台", "Cafe 茶餐廳"]
    only_rooftop = retriever.search("天台 手搖鏡頭", k=3, filters={"file": "notes.md", "doc_type": "notes"})
    assert len(only_rooftop) == 3 and only_rooftop[0].section == "Rooftop 天台"
    assert [h.score for h in only_rooftop] == sorted((h.score for h in only_rooftop), reverse=True)


def test_an_open_retriever_sees_later_ingests(
    fake_settings: Settings, chroma_client: Any, mini_production: Path, tmp_path: Path
) -> None:
    embedder = FakeEmbedder()
    ingest(fake_settings, "p", [mini_production / "night.fountain"], client=chroma_client, embedder=embedder)
    retriever = open_retriever(fake_settings, "p", client=chroma_client, embedder=embedder)
    assert all(h.file == "night.fountain" for h in retriever.search("導演筆記", k=5))
    ingest(fake_settings, "p", [mini_production / "notes.md"], client=chroma_client, embedder=embedder)
    assert retriever.search("導演筆記 Director's notes", k=1)[0].file == "notes.md"


def test_a_place_question_about_a_production_matter_reaches_the_notes(
    fake_settings: Settings, chroma_client: Any, mini_production: Path
) -> None:
    # Many scenes on the roof, and one English note on its sound: a Cantonese question about the
    # roof's sound finds the note (its words bridged into English), after the roof's best scenes.
    script = (mini_production / "night.fountain").read_text(encoding="utf-8")
    extra = "".join(
        f"\nEXT. 天台 ROOFTOP - NIGHT #{n}#\n\n阿輝 waits on the roof, take {n}.\n" for n in range(5, 12)
    )
    (mini_production / "night.fountain").write_text(script + extra, encoding="utf-8")
    notes = (mini_production / "notes.md").read_text(encoding="utf-8")
    (mini_production / "notes.md").write_text(
        # The note does not name the roof in any language: only its words (sound, problem) can find it.
        notes + "\n## Recording\n\nThe water pumps up there are a sound problem: record wild lines.\n",
        encoding="utf-8",
    )
    embedder = FakeEmbedder()
    ingest(fake_settings, "roof", [mini_production], client=chroma_client, embedder=embedder)
    retriever = open_retriever(fake_settings, "roof", client=chroma_client, embedder=embedder)
    hits = retriever.search("天台收音有咩問題？", k=5)
    assert hits[0].doc_type == "screenplay"
    assert any(h.file == "notes.md" and (h.section or "").endswith("Recording") for h in hits)
