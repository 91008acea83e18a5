"""Keyword search: Chinese-aware tokens and BM25 ranking."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import StoreError
from knowledge.keyword import KeywordIndex, tokenize


def test_traditional_chinese_becomes_bigrams_not_single_characters() -> None:
    tokens = tokenize("天台嘅打鬥")
    assert len(tokens) == 4 and all(len(t) == 2 for t in tokens)
    assert tokens[0] == "天台"


def test_single_cjk_character_is_kept_as_a_unigram() -> None:
    assert tokenize("劉 Sir") == tokenize("刘 sir") == ["刘", "sir"]


def test_mixed_script_splits_at_script_boundaries() -> None:
    assert tokenize("劉Sir喺天台check吓部CCTV") == tokenize("劉 sir 喺天台 check 吓部 cctv")
    assert len(tokenize("劉Sir喺天台check吓部CCTV")) == 7


def test_latin_is_lower_cased_stemmed_and_stopwords_dropped() -> None:
    assert tokenize("Which SCENES are the rooftop's fights?") == ["scene", "rooftop", "fight"]


def test_full_width_forms_are_normalised() -> None:
    assert tokenize("ＳＣＥＮＥ　１２Ａ") == ["scene", "12a"]


def test_cantonese_only_and_hkscs_characters_survive() -> None:
    tokens = tokenize("佢哋喺度㗎 𠝹刀")
    assert "佢哋" in tokens and "度㗎" in tokens and "𠝹刀" in tokens, tokens


def test_simplified_query_matches_traditional_text() -> None:
    assert tokenize("刘督察") == tokenize("劉督察")


@pytest.fixture
def index() -> KeywordIndex:
    return KeywordIndex.from_records(
        [
            ("rooftop", "外景：天台 - 夜\n阿輝同細強喺天台打鬥。", {"scene": "14"}),
            ("cafe", "內景。茶餐廳 - 夜\n阿美斟奶茶，陳太喺收銀。", {"scene": "2"}),
            ("notes", "Scene 14 rooftop fight: shoot on 24mm handheld.", {"section": "Key scenes"}),
            ("station", "INT. MONG KOK POLICE STATION - DAY\nINSPECTOR LAU reads the file.", {"scene": "5"}),
        ]
    )


def test_bm25_ranks_the_chunk_with_the_chinese_word_first(index: KeywordIndex) -> None:
    assert index.search("天台打鬥")[0][0] == "rooftop"


def test_bm25_does_not_match_on_shared_single_characters(index: KeywordIndex) -> None:
    # 台 alone (from 天台) must not pull in 收銀台-like text: only bigrams are indexed.
    assert [ident for ident, _ in index.search("台")] == []


def test_bm25_english_query(index: KeywordIndex) -> None:
    assert index.search("rooftop fight lens")[0][0] == "notes"


def test_weighted_terms_and_id_restriction(index: KeywordIndex) -> None:
    hits = index.search({"天台": 1.0, "rooftop": 0.5}, ids=["notes", "cafe"])
    assert [ident for ident, _ in hits] == ["notes"]


def test_section_titles_are_searchable(index: KeywordIndex) -> None:
    assert index.search("key scenes")[0][0] == "notes"


def test_remove_and_re_add_keep_statistics_consistent(index: KeywordIndex) -> None:
    before = index.search("天台")
    index.remove(["cafe"])
    index.add("cafe", "內景。茶餐廳 - 夜\n阿美斟奶茶，陳太喺收銀。", {"scene": "2"})
    assert index.search("天台") == before
    index.remove(["rooftop", "unknown"])
    assert "rooftop" not in index
    assert [i for i, _ in index.search("天台打鬥")] == []


def test_save_and_load_round_trip(index: KeywordIndex, tmp_path: Path) -> None:
    path = tmp_path / "keyword_index.json"
    index.save(path)
    assert "天台" in path.read_text(encoding="utf-8")  # Chinese kept readable
    loaded = KeywordIndex.load(path)
    assert loaded.records == index.records
    assert loaded.search("奶茶") == index.search("奶茶")


def test_damaged_index_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "keyword_index.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreError) as err:
        KeywordIndex.load(path)
    assert err.value.file == str(path)


def test_a_cantonese_question_reaches_english_notes_through_its_words() -> None:
    from knowledge.bilingual import bridge_stems

    index = KeywordIndex()
    index.add("a", "Extras on overtime are paid HK$150 an hour after ten hours.", {})
    index.add("b", "The rooftop is reached by the east stairwell.", {})
    terms = index.latin_terms_with_stems(bridge_stems("啲臨記超時點計"))
    assert "overtim" in terms or "overtime" in terms
    assert index.search(dict.fromkeys(terms, 0.3), n=2)[0][0] == "a"
    # A new chunk's words are seen by the next question (the stem map is rebuilt).
    index.add("c", "Rooftop access: the landlord keeps the key.", {})
    assert any(t.startswith("landlord") for t in index.latin_terms_with_stems({"landlord"}))
