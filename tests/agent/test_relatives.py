"""Someone named by their relation to a character ("Kai's late mother", 阿芬嘅阿媽) is another person:
the one the cast list's notes say is that relation, or nobody the script cues."""

from __future__ import annotations

from agent.intents import understand
from agent.lexicon import Lexicon, relation_after


def _lexicon() -> Lexicon:
    return Lexicon(
        characters={"kai": "KAI", "阿啟": "KAI", "mei": "MEI", "阿美": "MEI", "granny wu": "GRANNY WU"}
    )


def test_a_relation_after_a_name_is_read_in_both_languages() -> None:
    assert relation_after("kai's late mother", 3) == "mother"
    assert relation_after("阿啟嘅老豆", 2) == "father"
    assert relation_after("阿啟個女", 2) == "daughter"
    assert relation_after("kai son of a gun", 3) is None  # no possessive, no relation
    assert relation_after("kai's boat", 3) is None


def test_a_relative_nobody_plays_has_no_scenes_and_is_not_the_character() -> None:
    lexicon = _lexicon()
    for text in ("Which scenes is Kai's late mother in?", "阿啟嘅阿媽喺邊幾場出現？"):
        u = understand(text, lexicon, route=False)
        assert u.characters == [] and u.relative_of == ("KAI", "mother"), text
    u = understand("Which scenes is Kai in?", lexicon, route=False)
    assert u.characters == ["KAI"] and u.relative_of is None


def test_the_cast_lists_notes_say_who_the_relative_is() -> None:
    lexicon = _lexicon()
    lexicon.relatives[("MEI", "grandmother")] = "GRANNY WU"
    u = understand("Which scenes is Mei's grandma in?", lexicon, route=False)
    assert u.characters == ["GRANNY WU"] and u.relative_of is None


def test_a_line_talks_of_the_relative_only_when_it_says_the_word() -> None:
    from agent.skills.documents import _says_any

    assert _says_any("我個仔喺溫哥華", ("son", "個仔", "兒子"))
    assert _says_any("her son drives a taxi", ("son", "個仔"))
    assert not _says_any("the person at the door", ("son", "個仔"))
