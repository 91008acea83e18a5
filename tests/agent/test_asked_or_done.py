"""A question about what the crew has already done (booked, ordered, sent) is answered from the
documents; only a request to do it is something Slate cannot do."""

from __future__ import annotations

import pytest

from agent.intents import understand
from agent.lexicon import Lexicon, fold
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


def test_a_world_word_asked_about_the_storys_own_things_is_the_storys() -> None:
    from agent.intents import _world

    story = Lexicon(corpus=fold("朱老闆 counts the takings after the 開幕 night. 三日門票全部售罄。"))
    assert not _world(fold("開幕晚票房收入多少？"), story)  # 開幕 is the story's: the takings are asked
    assert _world(fold("今年金像獎最佳電影係邊套？"), story)
    assert _world(fold("Who won best actor at the Golden Horse last year?"), story)
    assert _world(fold("上個月邊套戲票房最高？"), story)


def _sample_lexicon() -> Lexicon:
    return Lexicon(characters={"阿美": "MEI", "mei": "MEI", "阿輝": "AH FAI"}, corpus="")


@pytest.mark.parametrize("text", ["阿美部電話幾號？", "阿輝嗰份工人工幾多？", "阿美條頸巾邊度買？"])
def test_a_thing_someone_has_is_asked_about_not_their_card(text: str) -> None:
    u = understand(text, _sample_lexicon())
    assert u.intent == "search", (text, u.intent)


@pytest.mark.parametrize("text", ["阿美個名點寫？", "How do you spell Mei's surname?"])
def test_how_a_name_is_written_is_not_a_writing_request(text: str) -> None:
    u = understand(text, _sample_lexicon())
    assert u.intent != "free_writing" and not u.free_writing, (text, u.intent)


@pytest.mark.parametrize(
    "text",
    [
        "幫我喺網上訂兩箱水寄去片場",
        "Please submit the filming permit application online for us.",
        "上網幫我報名",
    ],
)
def test_an_act_on_the_internet_is_declined(text: str) -> None:
    u = understand(text, Lexicon())
    assert u.intent == "cannot" and u.cannot == "online", (text, u.intent, u.cannot)


@pytest.mark.parametrize("text", ["網上訂咗幾多箱水？", "we ordered the drone online, when does it arrive?"])
def test_what_was_done_online_is_asked_about(text: str) -> None:
    u = understand(text, Lexicon())
    assert u.cannot is None, (text, u.cannot)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("混音排咗喺邊日？", "search"),  # the notes date the mix, not the shooting schedule
        ("When is the final mix booked?", "search"),
        ("試映安排喺幾時？", "search"),
        ("幾時開工？", "schedule_day"),  # the shoot's own calendar
        ("When do we wrap?", "schedule_day"),
        ("天台幾時拍？", "schedule_day"),
        ("Which days do we have off?", "schedule_day"),  # days off are the plan's
    ],
)
def test_when_of_another_event_is_the_notes_not_the_schedule(text: str, intent: str) -> None:
    notes = fold(
        "Final mix 混音 at Blue Bay Post, 2031-06-02. 試映 for cast and crew on 2031-07-10. Sundays off."
    )
    lexicon = Lexicon(locations={"天台": "天台", "rooftop": "天台"}, corpus=notes + " 天台")
    assert understand(text, lexicon).intent == intent


@pytest.mark.parametrize(
    "text", ["Mei gets a bonus at the end of the film. How much?", "Ah Fai quits the taxi in the end. Why?"]
)
def test_a_bare_question_after_a_statement_asks_about_the_statement(text: str) -> None:
    lexicon = Lexicon(
        characters={"mei": "MEI", "ah fai": "AH FAI"}, corpus=fold("Mei gets a bonus. Ah Fai quits.")
    )
    assert understand(text, lexicon).intent == "search"  # not the help text for a bare "How much?"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("夜景總共有幾多場？要同燈光傾 call time。", "find_scenes"),  # the call time is the asker's reason
        ("How many night scenes are there? I need to sort out call times.", "find_scenes"),
        ("幾多場夜戲？幫我出埋通告。", "call_sheet"),  # a request after the question is asked too
        ("Would the driver be convicted under Hong Kong law? I need proper legal advice.", "cannot"),
        ("Can you do the call sheet for day 3? Thanks.", "call_sheet"),
    ],
)
def test_a_remark_after_the_question_does_not_choose_the_skill(text: str, intent: str) -> None:
    assert understand(text, _sample_lexicon()).intent == intent


def test_a_crews_everyday_word_at_the_end_of_a_place_name_is_not_the_place() -> None:
    from agent.lexicon import PLACE_STOPWORDS

    # "FINISH LINE", "RACE COURSE": "gets a line" is dialogue and "of course" is not the course.
    assert {"line", "course", "shot", "take"} <= PLACE_STOPWORDS


@pytest.mark.parametrize(
    ("text", "intent", "speaking"),
    [
        # What the person is like is the reason told, not a filter: all their scenes.
        (
            "Mei never talks, so the breakdown keeps dropping her. Which scenes do I need the nurse for?",
            "find_scenes",
            None,
        ),
        ("Which scenes is Mei in without a line?", "find_scenes", False),
        ("阿輝邊幾場有對白？", "find_scenes", True),
        # Counted either way: no filter.
        ("How many scenes is Mei in, counting the ones where she does not speak?", "character_report", None),
        ("阿美喺邊幾場出現，連佢冇對白嗰場都要計埋。", "find_scenes", None),
        ("阿美啲對白喺邊度錄？邊日錄㗎？", "search", None),  # a question about the recording, not writing
    ],
)
def test_speaking_is_a_filter_only_when_asked(text: str, intent: str, speaking: bool | None) -> None:
    u = understand(text, _sample_lexicon())
    assert (u.intent, u.speaking) == (intent, speaking)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("冰室哪一天借不到？", "location_report"),  # a place that cannot be had: its unavailable dates
        ("When can't we use the cafe?", "location_report"),
        ("The cafe floor is old. How many people can we have inside at once?", "search"),  # not its scenes
    ],
)
def test_a_place_that_cannot_be_had_and_what_it_holds(text: str, intent: str) -> None:
    lexicon = Lexicon(locations={"cafe": "CAFE", "冰室": "CAFE"}, corpus="")
    assert understand(text, lexicon).intent == intent


@pytest.mark.parametrize(
    ("text", "asks_window"),
    [
        ("When can scene 20 be shot?", True),
        ("第8場最遲幾時要拍？", True),
        ("Can you tell me when we shoot scene 20?", False),  # politeness, not what the plan allows
        ("天台嗰場幾時拍？", False),
    ],
)
def test_what_the_plan_allows_is_asked_in_so_many_words(text: str, asks_window: bool) -> None:
    from agent.families import _ASKS_WINDOW

    assert bool(_ASKS_WINDOW.search(fold(text))) == asks_window
