"""Names in the other language read as glosses: an English answer names a bilingual set in English
with its Chinese in brackets; a Chinese answer quotes English source text, nesting 「」 as 『』."""

from __future__ import annotations

from agent.focus import quote_foreign
from agent.skills.documents import _bilingual


def test_a_bilingual_set_in_an_english_answer() -> None:
    assert _bilingual("DAI PAI DONG 華記大牌檔", "en") == "DAI PAI DONG (華記大牌檔)"
    assert _bilingual("GOLDEN VICTORY 金勝號 - CABIN", "en") == "GOLDEN VICTORY - CABIN (金勝號)"
    assert _bilingual("DAI PAI DONG 華記大牌檔", "zh") == "DAI PAI DONG 華記大牌檔"
    assert _bilingual("天台", "en") == "天台"


def test_english_source_text_in_a_chinese_answer_is_one_quotation() -> None:
    quoted = quote_foreign("A sign on the canvas: 「華記 照常營業 OPEN AS USUAL」. Kelvin cooks.", "zh")
    assert quoted == "「A sign on the canvas: 『華記 照常營業 OPEN AS USUAL』. Kelvin cooks.」"
    assert (
        quote_foreign("阿芬慢慢打開把扇 slowly.", "zh") == "阿芬慢慢打開把扇 slowly."
    )  # mostly Chinese: as is
