"""A question about what the crew has already done (booked, ordered, sent) is answered from the
documents; only a request to do it is something Slate cannot do."""

from __future__ import annotations

import pytest

from agent.intents import understand
from agent.lexicon import Lexicon
from knowledge.answer_kinds import ASKS_NUMBER


@pytest.mark.parametrize(
    "text",
    [
        "Did we book the crane for both days?",
        "架 crane 我哋 book 咗幾多日？",
        "Have we sent the call sheet out?",
        "訂咗邊間酒店？",
    ],
)
def test_a_question_about_what_was_done_is_not_a_request(text: str) -> None:
    u = understand(text, Lexicon())
    assert u.intent != "cannot" and u.cannot is None, text


@pytest.mark.parametrize(
    "text", ["Book the crane for Tuesday", "幫我 book 架 crane", "Please send the call sheet to Mei"]
)
def test_a_request_to_act_in_the_world_is_still_declined(text: str) -> None:
    assert understand(text, Lexicon()).cannot in ("book", "send"), text


def test_a_code_asked_for_by_its_name_wants_a_number() -> None:
    assert ASKS_NUMBER.search("消防處批文嘅編號係咩？") and ASKS_NUMBER.search("架車嘅車牌號碼")
    assert not ASKS_NUMBER.search("邊個負責批文？")


@pytest.mark.parametrize("text", ["What's her day rate?", "When does he get to set?", "佢幾點收工？"])
def test_a_person_pointed_at_with_nothing_said_before_is_asked_about(text: str) -> None:
    from agent.planner import resolve_follow_up

    u = resolve_follow_up(understand(text, Lexicon(characters=["MEI"])), None, Lexicon(characters=["MEI"]))
    assert u.ask_which and u.intent == "character_report", text


def test_a_remark_after_the_question_does_not_route_the_message() -> None:
    from agent.intents import _asked_sentences

    assert _asked_sentences("邊幾場有PERSON？導演話想睇返佢嘅戲份。") == "邊幾場有PERSON？"
    assert _asked_sentences("which scenes is PERSON in? props asked.") == "which scenes is PERSON in?"
    assert _asked_sentences("drop 12c. make 12b a close-up") == "drop 12c. make 12b a close-up"
    assert _asked_sentences("PERSON? and PLACE?") == "PERSON? and PLACE?"


def test_cinema_cameras_and_lenses_by_make_are_camera_and_lens() -> None:
    from knowledge.bilingual import film_terms, says_term

    camera, lens = film_terms("攝影機同鏡頭")
    assert says_term(camera, "two arri alexa mini lf bodies") == 1.0
    assert says_term(lens, "zeiss supreme primes, a cooke zoom") == 1.0
