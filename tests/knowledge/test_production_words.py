"""A production's own Chinese words (knowledge.vocabulary.discover_words) and segmentation that keeps
them whole (tools.subtitles.linebreak.chinese_tokens, agent.extract.content_terms).

jieba's dictionary does not know a story's names of things; the production's own text says they are
words by using them often, as a whole, in many different surroundings. Our own sentences, not a
held-out production's.
"""

from __future__ import annotations

from agent.extract import content_terms
from knowledge.vocabulary import current_words, discover_words, production_words
from tools.subtitles.linebreak import chinese_tokens

# A little story where a ferry 海鷗號 and a rival crew 東涌幫 recur in different surroundings.
STORY = "\n".join(
    [
        "阿明：海鷗號今晚開唔開？",
        "海鷗號泊喺碼頭，船身有條裂。",
        "東涌幫又嚟收數，海鷗號唔開得。",
        "阿玲：東涌幫話聽朝再嚟。",
        "老陳：我哋同東涌幫講好，海鷗號下個月先還錢。",
        "佢望住海鷗號，唔出聲。",
        "東涌幫三個人行埋嚟。",
        # ordinary lines around them: the rest of a script
        "今日天氣好熱，街市啲菜又貴咗，阿媽叫我早啲返屋企食飯。",
        "你記唔記得細個嗰陣，我哋成日喺海邊執貝殼，執到天黑都唔肯走？",
        "醫生話佢隻腳要休息六個禮拜，唔可以再落水，亦唔可以踢波。",
        "呢封信係你阿爸寫俾你嘅，佢臨走之前交咗俾我，叫我等你大個先俾你睇。",
        "雨越落越大，路燈一盞盞熄晒，成條村靜到連狗都唔吠。",
    ]
)


def test_names_the_story_uses_often_are_its_words() -> None:
    words = discover_words(STORY)
    assert {"海鷗號", "東涌幫"} <= words


def test_particles_and_numbers_with_units_are_not_words() -> None:
    words = discover_words(STORY + "\n三個人。三個人。三個人。佢哋嘅。佢哋嘅。佢哋嘅。")
    assert not any(w.endswith(("嘅", "咗")) or w.startswith(("嘅", "佢")) for w in words)
    assert "三個" not in words


def test_a_text_without_chinese_has_no_words() -> None:
    assert discover_words("INT. PIER - NIGHT\nNobody speaks.") == frozenset()


def test_a_kept_word_is_one_token_where_jieba_would_cut_it() -> None:
    text = "海鷗號最後比東涌幫快了多少"
    plain = chinese_tokens(text)
    assert "東涌幫" not in plain  # jieba cuts 比東 / 涌 / 幫快
    kept = chinese_tokens(text, frozenset({"海鷗號", "東涌幫"}))
    assert "海鷗號" in kept and "東涌幫" in kept
    assert "".join(kept) == text


def test_a_longer_word_jieba_knows_stays_whole() -> None:
    # 星期 is a word of the production, but 星期六 ("Saturday") is jieba's word and says more.
    assert "星期六" in chinese_tokens("星期六練習遲到點算", frozenset({"星期"}))


def test_content_terms_use_the_open_productions_words() -> None:
    question = "海鷗號最後比東涌幫快了多少？"
    assert "東涌幫" not in content_terms(question)
    with production_words(frozenset({"海鷗號", "東涌幫"})):
        assert current_words() == frozenset({"海鷗號", "東涌幫"})
        assert {"海鷗號", "東涌幫"} <= content_terms(question)
    assert current_words() == frozenset()


def test_a_title_between_book_title_marks_is_one_word_however_rare() -> None:
    assert "半島之歌" in discover_words(STORY + "\n佢成晚都聽住《半島之歌》。")
    # ... and in a question, with or without the production's words
    assert "半島之歌" in content_terms("我哋可唔可以用《半島之歌》？")
