"""The sentence that answers (agent.extract): kinds of question, read without the embedder.

Each case is a kind, not a production: an amount for "how much", a name for "who", a number for "what
number", what a speaker says carries the speaker, a question or a heading never answers.
"""

from __future__ import annotations

from agent.extract import _scores, best_line, best_sentences, question_parts, spoken_sentences
from knowledge.answer_kinds import holds_money, money_asked, states_money
from knowledge.citations import SearchHit


def _hit(text: str, scene: str | None = "4") -> SearchHit:
    return SearchHit(file="script.fountain", doc_type="screenplay", scene=scene, text=text, score=1.0)


def test_how_much_is_answered_by_a_sentence_with_an_amount() -> None:
    hit = _hit("The landlord talks about the rent for a long time.\nThe rent is HK$18,000 a night, cash.")
    [best, *_] = best_sentences("How much is the rent?", [hit])
    assert "18,000" in best.sentence


def test_who_is_answered_by_a_sentence_that_names_someone() -> None:
    hit = _hit(
        "The stunt coordinator supervises every fall and has the final word.\n"
        "Team: Chan Tai-man (stunt coordinator), Lee Siu-ling (first AD)."
    )
    [best, *_] = best_sentences("Who is the stunt coordinator?", [hit])
    assert "Chan Tai-man" in best.sentence


def test_what_number_wants_a_number_even_after_a_possessive() -> None:
    hit = _hit("Lok pins the bib to his shirt and grins.\nHis bib says 23 in red.")
    [best, *_] = best_sentences("What's Lok's race number?", [hit], names=[["lok"]])
    assert "23" in best.sentence


def test_every_sentence_of_a_speech_carries_its_speaker() -> None:
    text = "細強: 你聽住。二十八萬，一筆勾銷。\nAh Fai stares at the road."
    said = spoken_sentences(text)
    assert "細強: 二十八萬，一筆勾銷。" in said, said
    assert "Ah Fai stares at the road." in said


def test_a_question_and_a_heading_do_not_answer() -> None:
    hit = _hit(
        "INT. MAHJONG PARLOUR - NIGHT\nWhen will the parlour close for good?\nThe parlour closes on 30 June."
    )
    [best, *_] = best_sentences("When does the parlour close?", [hit])
    assert best.sentence == "The parlour closes on 30 June."


def test_a_card_note_answers_only_when_it_shares_a_word() -> None:
    notes = ["Permit: off the beach by 09:00.", "Toilets at the ferry pier."]
    assert best_line("By what time must we leave the beach?", notes) == "Permit: off the beach by 09:00."
    assert best_line("Who composed the score?", notes) is None


def test_money_questions_and_amounts() -> None:
    assert money_asked("how much did he offer?") and money_asked("阿輝欠咗幾多錢？")
    assert not money_asked("how many scenes is she in?") and not money_asked("佢有幾多場？")
    assert holds_money("二十八萬，一筆勾銷") and holds_money("HK$7,000 a day") and holds_money("$38")
    assert not holds_money("TX 3828 at 9:30")


def test_the_passage_label_of_a_scene_never_answers() -> None:
    hit = _hit("Scene 13: DAI PAI DONG - NIGHT (cont.)\nSound: the flyover traffic drowns the dialogue.")
    [best, *_] = best_sentences("What's the sound problem at the dai pai dong?", [hit])
    assert best.sentence.startswith("Sound: the flyover")


def test_the_reply_to_a_spoken_question_answers_it() -> None:
    # A short reply is read with the rest of its speech, and carries the words of the question it answers.
    hit = _hit("阿明: 你做保安一晚收幾多？\n阿玲: 三百。仲要自己買飯。\n阿明: 我請你食飯啦。")
    [best, *_] = best_sentences("阿玲做保安一晚幾多錢？", [hit], names=[["阿玲"]])
    assert best.sentence.startswith("阿玲: 三百。"), best.sentence


def test_a_cantonese_verb_is_found_without_its_aspect_marker() -> None:
    hit = _hit("阿明: 我下個月搬屋，八千蚊一個月。\n阿玲: 我儲夠五千蚊就去台灣。")
    [best, *_] = best_sentences("阿玲儲緊幾多錢？", [hit], names=[["阿玲"]])
    assert "五千" in best.sentence, best.sentence


def test_a_speakers_name_is_not_a_dictionary_gloss() -> None:
    # 儲 glosses include a surname written Chu: BOSS CHU speaking is no evidence of saving.
    hit = _hit("BOSS CHU: 我俾你一百蚊。\nMAY: 我儲夠八百蚊就走。")
    [best, *_] = best_sentences("May 儲緊幾多錢？", [hit], names=[["may"]])
    assert "八百" in best.sentence, best.sentence


def test_where_something_is_kept_is_answered_by_a_sentence_that_places_it() -> None:
    hit = _hit(
        "May looks at the spare key for a long time.\nShe tapes the spare key under the third stair.\n"
        "阿美望住條後備鎖匙好耐。\n阿美將條後備鎖匙收喺花盆底下。"
    )
    [best, *_] = best_sentences("Where does May hide the spare key?", [hit], names=[["may", "阿美"]])
    assert "under the third stair" in best.sentence
    [best, *_] = best_sentences("阿美將條後備鎖匙收埋喺邊？", [hit], names=[["may", "阿美"]])
    assert "花盆底下" in best.sentence


def test_a_film_term_and_its_pieces_are_one_clue() -> None:
    # The script says 特技統籌 and names no one; the notes name the coordinator in English.
    script = _hit("特技：兩架車相撞，由特技統籌負責。")
    notes = SearchHit(
        file="notes.md", doc_type="notes", text="- The stunt coordinator is 陳大文 Chan Tai-man.", score=1.0
    )
    [best, *_] = best_sentences("邊個係特技統籌？", [script, notes])
    assert "Chan Tai-man" in best.sentence
    # The term counts once in either language, not once more for each of its pieces (特技, 統籌) ...
    _, evidence, _ = _scores("邊個係特技統籌？", [(script.text, 0), (notes.text, 0)], None, None)
    assert evidence[0] == 1.0 and evidence[1] >= 1.0
    # ... and its pieces still count where a sentence says the term another way.
    _, evidence, _ = _scores("拍攝許可搞掂未？", [("The shoot on the pier is approved.", 0)], None, None)
    assert evidence[0] > 0


def test_a_year_written_in_chinese_numerals_answers_which_year() -> None:
    hit = _hit("陳太: 呢間茶餐廳好多熟客。\n陳太: 我老公一九八五年開呢間舖，一直做到而家。")
    [best, *_] = best_sentences("茶餐廳係邊年開嘅？", [hit])
    assert "一九八五年" in best.sentence
    [best, *_] = best_sentences("In which year did the cafe open?", [hit])
    assert "一九八五年" in best.sentence


def test_a_fact_in_chinese_numerals_is_stated_in_digits() -> None:
    from agent.extract import stated_fact
    from knowledge.numerals import parse_amount

    assert stated_fact("茶餐廳係邊年開嘅？", "陳太: 我老公一九八五年開呢間舖。") == "1985"
    assert stated_fact("How much does the landlord want?", "業主: 每個月三萬五，唔減。") == "35,000"
    assert stated_fact("幾多錢？", "一萬八一晚。") == "18,000"
    assert stated_fact("How much?", "HK$18,000 a night.") is None  # already in digits
    assert stated_fact("幾多錢？", "三萬定四萬？") is None  # two amounts: the quote says which
    assert [parse_amount(t) for t in ("二十八萬", "三百八十萬", "四千八", "十萬零五百", "abc")] == [
        280000, 3800000, 4800, 100500, None,
    ]  # fmt: skip


def test_a_message_asking_two_things_is_two_questions_each_with_its_own_answer() -> None:
    from agent.extract import question_parts

    assert question_parts("阿明租咗架車幾多錢？幾時還？") == ["阿明租咗架車幾多錢？", "幾時還？"]
    assert question_parts("Who lit the fire? And when?") == ["Who lit the fire?", "And when?"]
    assert question_parts("Who lit the fire? ok?") == ["Who lit the fire? ok?"]
    assert question_parts("How much is the rent?") == ["How much is the rent?"]
    hit = _hit(
        "阿明: 架貨車我租咗一萬二。\n阿明 looks at the rain.\n阿明: 下個禮拜三先還得。\nThe van's engine coughs."
    )
    first, second = question_parts("阿明租咗架貨車幾多錢？幾時還？")
    assert "一萬二" in best_sentences(first, [hit], names=[["阿明"]])[0].sentence
    assert "禮拜三" in best_sentences(second, [hit], names=[["阿明"]])[0].sentence


def test_a_name_after_a_title_is_not_a_translation_and_a_brand_is_sure() -> None:
    # 法律 glosses as "law": "Mr Law" is a person, the adviser's line answers.
    hit = _hit("阿晴: Mr Law, sit down please.\nThe legal adviser on set is Chan Siu-ming, a barrister.")
    [best, *_] = best_sentences("片場的法律顧問是誰？", [hit])
    assert "Chan Siu-ming" in best.sentence
    # A word with one gloss (a brand) is as sure as the word; a film term counts once, not twice.
    notes = _hit(
        "- The prop house 道具 rents us ten ashtrays: HK$600.\n- The Marlboro packs are printed fakes, HK$90."
    )
    _, lexicals, _ = _scores(
        "嗰啲道具萬寶路花了多少錢？", [(s, 0) for s in notes.text.splitlines()], None, None
    )
    assert lexicals[1] >= lexicals[0]


def test_the_other_language_is_lifted_by_half_the_gap_between_the_languages() -> None:
    """e5 scores a line in the question's language above one in the other language, whatever they
    say; the other language's sentences are lifted by half the distance between the two bests."""
    import numpy as np

    from agent.extract import _SENTENCE_VECTORS, _meaning
    from knowledge.embedder import E5Embedder

    embedder = E5Embedder()
    question = "How much rent does the landlord want for the shop?"
    texts = ["The landlord walks in and looks around the shop.", "業主: 鋪租一個月三萬二，唔講價。"]
    raw = _SENTENCE_VECTORS.passages(embedder._model, texts) @ _SENTENCE_VECTORS.query(
        embedder._model, question
    )
    lifted = raw[1] + 0.5 * max(0.0, raw[0] - raw[1])
    meaning = _meaning(question, texts, embedder)
    assert meaning is not None
    assert np.isclose(meaning[1], np.clip((lifted - 0.75) / 0.15, 0.0, 1.0))
    assert np.isclose(meaning[0], np.clip((raw[0] - 0.75) / 0.15, 0.0, 1.0))


def test_the_words_around_a_line_say_what_it_is_about() -> None:
    # The action names the violin; the next line of dialogue says only what it is worth.
    script = _hit(
        "Mei lifts the old VIOLIN out of its case.\n阿梅: 呢個係我阿爺留低嘅。\n阿梅: 八萬，唔係玩具。"
    )
    notes = _hit("- Two rented cellos for the orchestra pit: HK$3,000 a week.", scene=None)
    [best, *_] = best_sentences("How much is the violin worth?", [script, notes])
    assert "八萬" in best.sentence
    # A line that says the word itself still beats its neighbours.
    [best, *_] = best_sentences("Who owns the violin?", [_hit("Mei lifts the VIOLIN.\nShe sighs.")])
    assert "VIOLIN" in best.sentence


def test_a_scene_named_in_the_question_is_where_to_look() -> None:
    elsewhere = _hit("阿玲: 呢封信畀你。", scene="3")
    asked = _hit("阿玲: 呢條頸巾畀你。", scene="12")
    [best, *_] = best_sentences("阿玲喺第12場畀咗咩強哥？", [elsewhere, asked], scenes=["12"])
    assert best.hit.scene == "12"


def test_how_many_years_asks_a_length_of_time_not_an_amount() -> None:
    hit = _hit(
        "強哥: 其餘嘅，我每個月還你一萬五。\nKEUNG (58, thirty-one years on this route) wipes the windscreen."
    )
    [best, *_] = best_sentences("How many years has Keung been on this route?", [hit], names=[["keung"]])
    assert "thirty-one years" in best.sentence


def test_which_day_in_chinese_asks_for_a_date() -> None:
    hit = _hit("阿森: 隻錶唔見咗，我冇講大話。\n阿森: 三月十四號晚，隻錶俾人偷咗。")
    for question in ("隻錶係邊日俾人偷㗎？", "隻錶是哪一天被偷的？", "隻錶甚麼時候被偷？"):
        [best, *_] = best_sentences(question, [hit])
        assert "十四號" in best.sentence, question


def test_cantonese_spellings_of_one_word_match_each_other() -> None:
    from knowledge.bilingual import written_forms

    assert {"俾", "畀", "給"} <= written_forms("俾")
    assert {"俾", "畀", "給"} <= written_forms("畀")


def test_a_hard_wrapped_line_is_one_sentence() -> None:
    from agent.extract import sentences

    text = (
        "Rain tower for the street scene fed from a\nwater bowser, drained to the gully.\n- Two radio mics."
    )
    assert (
        sentences(text)[0] == "Rain tower for the street scene fed from a water bowser, drained to the gully."
    )


def test_a_scenes_heading_line_never_answers() -> None:
    hit = _hit("Scene 4: INT. WING LEE WATCH CO. 永利錶行 - NIGHT (cont.)\n羅生: 隻錶二十六萬八。")
    answers = best_sentences("What is the watch shop called?", [hit])
    assert all("WATCH CO" not in a.sentence and "(cont.)" not in a.sentence for a in answers)


def test_a_possessive_or_a_contraction_is_the_word_itself() -> None:
    from agent.extract import content_terms

    # "Mei's" is Mei (a name, matched as a name), "who's" a question word: neither is a clue "mei'".
    assert content_terms("Who's got Mei's umbrella?") == {"mei", "umbrella"}
    assert content_terms("They aren't coming, are they?") == {"coming"}


def test_a_question_about_the_story_is_answered_by_the_script() -> None:
    from knowledge.retrieval import asks_about_production

    script = SearchHit(
        file="s.fountain", doc_type="screenplay", scene="4", score=1.0, text="MEI: 呢隻錶值十二萬㗎。"
    )
    notes = SearchHit(
        file="notes.md",
        doc_type="notes",
        score=1.0,
        text="- Watch shop dressing: HK$6,000 from the prop house.",
    )
    story = best_sentences("How much is Mei's watch worth?", [notes, script])
    assert story[0].hit.doc_type == "screenplay"
    assert asks_about_production("How much does the watch prop cost to hire?")
    assert not asks_about_production("How much is Mei's watch worth?")


def test_an_abbreviation_does_not_end_a_sentence() -> None:
    from agent.extract import sentences

    assert sentences(
        "- Filming permit no.\nFP-118, valid to 24 December. Sc. 4 needs a rain tower on the roof."
    ) == [
        "- Filming permit no. FP-118, valid to 24 December.",
        "Sc. 4 needs a rain tower on the roof.",
    ]


def test_a_chinese_word_whose_english_is_the_questions_word_is_evidence() -> None:
    # 阿爺 is glossed "paternal grandfather": not a word that means only "grandfather", still the clue.
    hits = [
        SearchHit(
            file="s.fountain",
            doc_type="screenplay",
            scene="2",
            score=1.0,
            text="GRANDMA: 你阿爺 1978 年拎冠軍。",
        ),
        SearchHit(
            file="s.fountain",
            doc_type="screenplay",
            scene="3",
            score=1.0,
            text="WING: 2019 年你喺包山跌落嚟。",
        ),
    ]
    assert "1978" in best_sentences("What year did his grandfather win?", hits)[0].sentence


def test_a_scene_pointed_at_is_not_a_word_to_find_and_a_date_is_not_a_code() -> None:
    from agent.extract import content_terms

    assert content_terms("嗰場戲個消防處批文編號係咩？") == content_terms("消防處批文編號係咩？")
    hits = [
        SearchHit(
            file="s.fountain",
            doc_type="screenplay",
            scene="7",
            score=2.0,
            text="MEI: 消防處八月八號會再嚟睇。",
        ),
        SearchHit(
            file="notes.md",
            doc_type="notes",
            score=1.0,
            text="- 消防處批文 FSD/22/0193, for the fire in sc 7.",
        ),
    ]
    assert "FSD/22/0193" in best_sentences("嗰場戲個消防處批文編號係咩？", hits)[0].sentence


def test_a_notes_line_is_about_its_section_heading() -> None:
    camera = SearchHit(
        file="notes.md", doc_type="notes", section="Notes › Camera and lenses", score=1.0,
        text="- ARRI Alexa Mini LF with Zeiss Supreme primes, two bodies.",
    )  # fmt: skip
    permits = SearchHit(
        file="notes.md", doc_type="notes", section="Notes › Permits", score=1.2,
        text="- The pier scenes are shot between 19:00 and 23:00, his shots first.",
    )  # fmt: skip
    assert "Alexa" in best_sentences("我哋用咩攝影機同鏡頭？", [permits, camera])[0].sentence


def test_an_amount_paid_or_offered_is_searched_whoever_it_names() -> None:
    from agent.intents import understand
    from agent.lexicon import Lexicon

    lexicon = Lexicon(characters=["MR LUNG", "MEI"], locations=["PEARL"])
    assert understand("MR LUNG 肯出幾多錢收購 PEARL？", lexicon).intent == "search"
    assert understand("How much did Mei pay for the watch?", lexicon).intent == "search"
    assert understand("How many scenes is Mei in?", lexicon).intent != "search"


def test_a_clock_time_in_chinese_numerals_answers_when() -> None:
    from knowledge.answer_kinds import WHEN

    for said in ("九點二十", "四點一刻", "十一點五十分", "兩點鐘", "八點半", "三點兩個字"):
        assert WHEN.search(said), said
    for said in ("行快一點啦", "俾多一點時間", "快一點。"):
        assert not WHEN.search(said), said
    hit = _hit("阿玲: 架旅遊巴今晚出唔到車。\n阿玲: 最早聽朝，九點二十。\nThe driver lights a cigarette.")
    [best, *_] = best_sentences("旅遊巴最早幾點可以出車？", [hit])
    assert "九點二十" in best.sentence


def test_a_modal_word_is_no_clue() -> None:
    from agent.extract import content_terms

    assert "可以" not in content_terms("架船幾點可以開？")
    assert "已經" not in content_terms("佢已經走咗未？")


def test_the_kind_asked_for_alone_does_not_beat_the_questions_words() -> None:
    # A time in a line about something else is any time; the line that names what was asked and its
    # time one sentence later answers.
    hit = _hit(
        "阿玲: 逢禮拜日，六點半，我哋喺度練波。\nRain on the window.\nA dog barks.\nThe lights flicker.\n"
        "阿玲: 渡輪停航。\nThe ticket clerk shrugs.\n阿玲: 聽朝，七點。"
    )
    [best, *_] = best_sentences("渡輪最早幾點復航？", [hit])
    assert "七點" in best.sentence


def test_the_next_question_of_a_message_is_answered_near_the_first() -> None:
    from agent.extract import question_parts

    hit = _hit(
        "阿玲: 我喺大澳等咗你兩個鐘。\nShe checks the board.\n阿玲: 四點半……尾班。\nThe bus pulls away."
    )
    later = _hit("阿玲: 我平日搭小巴返屋企。", scene="9")
    first, second = question_parts("阿玲喺大澳等咗幾耐？佢搭邊班車？")
    answer = best_sentences(first, [hit, later], names=[["阿玲"]])[0]
    assert "兩個鐘" in answer.sentence
    assert "小巴" in best_sentences(second, [hit, later], names=[["阿玲"]])[0].sentence
    follow = best_sentences(second, [hit, later], names=[["阿玲"]], after=answer)
    assert "尾班" in follow[0].sentence, follow


def _card(text: str, kind: str = "locations") -> SearchHit:
    return SearchHit(file=f"{kind}.csv", doc_type=kind, scene=None, text=text, score=1.0)  # type: ignore[arg-type]


def test_a_cards_names_never_answer_and_its_field_names_are_words() -> None:
    from agent.extract import content_terms

    assert "address" in content_terms("What's the real address?")  # not "addre"
    card = _card(
        "Location: BOATYARD (船廠; the yard)\nid: BOATYARD\nnames: 船廠;the yard;Boatyard\n"
        "address: 12 Shing Fung Road, Kai Tak\ncontact: 黃先生 Mr Wong +852 9123 4567"
    )
    [best, *_] = best_sentences("船廠嘅 address 係咩？", [card], names=[["船廠", "the yard", "boatyard"]])
    assert best.sentence.startswith("address: 12 Shing Fung Road"), best


def test_a_persons_card_is_about_the_person() -> None:
    card = _card(
        "Cast: KIT (阿傑)\nid: KIT\nactor: 梁家傑\nnotes: His jump off the pier is done by stunt double 何志明.",
        kind="cast",
    )
    scene = _hit("阿傑: 我驚水。\nKit looks at the water.")
    [best, *_] = best_sentences("阿傑跳海嗰場邊個做替身？", [scene, card], names=[["阿傑", "kit"]])
    assert "何志明" in best.sentence, best


def test_how_many_is_answered_by_a_count_of_the_thing_asked() -> None:
    # A count with its measure word (七隻風箏) answers "how many kites", a number of something else
    # (two spare strings, 2019) does not.
    hit = _hit(
        "MAN-YEE: 阿爺以前一年紮七隻風箏，每隻都飛得好高。\n"
        "Man-yee checks the two spare strings on the workbench.\n"
        "The workshop opened in 2019 on the top floor."
    )
    [best, *_] = best_sentences("How many kites did Grandpa make in a year?", [hit])
    assert "七隻風箏" in best.sentence


def test_money_is_not_a_speed_a_weight_or_a_head_count() -> None:
    assert not money_asked("架船嘅船速係多少？")
    assert not money_asked("How much does the trophy weigh?")
    assert money_asked("How much does the trophy cost?")
    assert money_asked("個獎盃值幾多錢？")
    assert not states_money("一晚有三千五百人睇直播。")
    assert not states_money("The crane stands 120 metres from the set.")
    assert not states_money("Race day: Saturday 14 June 2031, 09:30.")
    assert states_money("Crane hire: HK$120 an hour.") and states_money("佢出咗三千五。")
    assert states_money("租金三萬一個月。") and states_money("會費兩千一年。")  # a sum per month or year
    assert money_asked("重拍要花多少？")  # 重 of 重拍 is "again", not a weight
    hit = _hit(
        "KAI: 一晚有三千五百人睇直播。\n"
        "The crane stands 120 metres from the set.\n"
        "KAI: 個獎盃我用咗八百蚊買。"
    )
    [best, *_] = best_sentences("個獎盃值幾多錢？", [hit])
    assert "八百蚊" in best.sentence


def test_a_notes_bullet_wrapped_over_two_lines_is_one_sentence() -> None:
    text = (
        "- Crane at the pier: one 12 m telescopic crane, HK$6,200 a day for three days, plus\n"
        "  HK$2,500 for the crew to rig it. 起重機要離岸五米。\n"
        "- Rain towers: two, fed from the\n"
        "hydrant on the pier.\n"
        "KAI: 好\n"
        "MEI: 聽日見。"
    )
    said = spoken_sentences(text)
    assert said[0].endswith("plus HK$2,500 for the crew to rig it.")
    assert "- Rain towers: two, fed from the hydrant on the pier." in said
    assert not any(s.startswith("KAI: 好 MEI") for s in said)  # a new line of dialogue is never joined


def test_is_it_real_is_answered_by_how_it_is_faked() -> None:
    hit = SearchHit(
        file="notes.md",
        doc_type="notes",
        text="- The vase in sc 6 is smashed by Kai; the vase was his mother's.\n"
        "- The vase Kai smashes is a breakaway resin replica (four copies).",
        score=1.0,
    )
    [best, *_] = best_sentences("Is the vase Kai smashes real?", [hit])
    assert "replica" in best.sentence
    [best, *_] = best_sentences("個花樽係咪真㗎？", [hit])
    assert "replica" in best.sentence


def test_a_later_question_of_a_message_is_about_what_the_first_asked() -> None:
    # "…and which company?" says nothing of the song; the first question does.
    notes = SearchHit(
        file="notes.md",
        doc_type="notes",
        scene=None,
        text=(
            "- 大利飯堂 Tai Lee Canteen: 傾好每日兩餐。\n"
            "- The shop radio plays a pop song by our composer.\n"
            "- 版權 licensed with 東方唱片 Eastern Records for the theme 《海上花》."
        ),
        score=1.0,
    )
    first, second = question_parts("《海上花》嘅版權搞掂未？係同邊間公司簽？")
    alone = best_sentences(second, [notes])[0]
    assert "大利" in alone.sentence  # 傾 alone: whoever it was talked over with
    carried = best_sentences(second, [notes], topic=first)[0]
    assert "Eastern Records" in carried.sentence


def test_which_company_is_answered_by_a_name() -> None:
    hit = _hit("Everyone signs the lease papers at the table.\nThe shop goes to Golden Harbour Trading.")
    [best, *_] = best_sentences("Which company signs the lease?", [hit])
    assert "Golden Harbour" in best.sentence


def test_how_long_is_answered_by_seconds_too() -> None:
    hit = _hit("阿強: 呢架巴士轉入彌敦道。\n阿強: 轉咗彎，三十五秒就到站。\nThe bus pulls in.")
    [best, *_] = best_sentences("How long after the turn does the bus reach the stop?", [hit])
    assert "三十五秒" in best.sentence


def test_a_line_that_states_a_figure_before_asking_can_answer() -> None:
    hit = _hit("阿芳: 雜誌社俾咗你三千蚊，你用咗去邊？\n阿強: 交咗租，仲剩返五百蚊。\n阿芳: 你成日都係咁。")
    [best, *_] = best_sentences("How much did the magazine pay him?", [hit])
    assert "三千" in best.sentence


def test_which_ordinal_is_answered_by_an_ordinal() -> None:
    hit = _hit("阿明: 我日日都數巴士，數極都唔悶。\n阿玲: 今日呢？\n阿明: 第一百零八架。")
    [best, *_] = best_sentences("阿明數到第幾架巴士？", [hit])
    assert "第一百零八" in best.sentence


def test_how_a_story_turns_out_is_told_by_its_later_scene() -> None:
    early = _hit("阿強: 我醒咗就去搵你。", scene="3")
    late = _hit("阿強: 我醒咗。", scene="9")
    [best, *_] = best_sentences("阿強最後有冇醒？", [early, late])
    assert best.hit.scene == "9"
