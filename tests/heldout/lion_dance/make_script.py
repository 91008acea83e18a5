"""Writes lion_dance.fdx, the held-out screenplay 《大角咀醒獅》 LION OF TAI KOK TSUI (Final Draft XML).

Original text written for Slate's held-out measure (CC0); every name, address and number is fictional.
Run: python tests/heldout/lion_dance/make_script.py   (standard library only)
Most character cues are in Chinese (阿峰, 阿雯, 榮叔 ...), as many Hong Kong scripts are written; a few
(DR. YIP, MC) are in English. Scene lengths and start pages are set in SceneProperties (Length, Page).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

H, A, C, P, D, T = "Scene Heading", "Action", "Character", "Parenthetical", "Dialogue", "Transition"

# (number, length in eighths or None for an omitted scene, heading, paragraphs)
SCENES: list[tuple[str, int | None, str, list[tuple[str, str]]]] = [
    (
        "1",
        6,
        "EXT. FUK TSUN STREET 福全街 - DAY",
        [
            (
                A,
                "Tai Kok Tsui. Old 唐樓 tenements and new glass towers side by side. A new cha chaan teng, "
                "新光冰室 SUN KWONG CAFE, opens under red ribbons. Confetti cannons pop.",
            ),
            (
                A,
                "A yellow lion — 「老黃」 LO WONG, the troupe's old hero head — dances at the door. 阿峰 (梁子峰, "
                "Leung Tsz-fung, 24) works the head; 肥龍 (陳子龍, Chan Tsz-lung, 31, big and cheerful) is the tail. "
                "阿雯 (鄧嘉雯, Tang Ka-man, 19) pounds the big drum on a trolley. 榮叔 (鄧國榮, Tang Kwok-wing, 68, "
                "master of the 榮義堂 WING YEE TONG troupe) crashes the cymbals.",
            ),
            (
                A,
                "豆豆 (DAU DAU, 9), a skinny boy in school uniform, watches from the doorway of the hardware shop "
                "next door, holding a PAPER LION MASK.",
            ),
            (
                A,
                "The lion rears up and plucks the 青 — a head of lettuce tied to a RED PACKET — from above the door.",
            ),
            (C, "阿峰"),
            (P, "(lifting the head, sweating)"),
            (D, "利是有幾多呀？"),
            (C, "肥龍"),
            (P, "(peeking into the red packet)"),
            (D, "三千八！老闆娘好俾面。"),
            (C, "榮叔"),
            (D, "三千八，仲未夠交半個月電費同保險。收工。"),
            (C, "阿雯"),
            (D, "爺爺，全港高樁醒獅大賽下個禮拜五截止報名㗎喇。"),
            (C, "榮叔"),
            (D, "報咩名？獅館都就嚟冇埋。"),
            (A, "豆豆 copies the lion's blink with his paper mask. Nobody notices but 阿雯."),
        ],
    ),
    (
        "2",
        8,
        "INT. LION DANCE HALL 榮義堂龍獅館 - NIGHT",
        [
            (
                A,
                "A ground-floor hall in an old 唐樓 at 42 Fuk Tsun Street. Lion heads on wooden shelves, a shrine "
                "to 關公, faded photos of the opening day in 1983.",
            ),
            (
                A,
                "榮叔 reads a LETTER on the landlord's letterhead, signed 「周耀祖」. 阿雯, 阿峰 and 肥龍 listen.",
            ),
            (C, "榮叔"),
            (D, "「……本大廈已售予宏基地產，請於三月三十一日或之前遷出。」周耀祖。四十六年，一張紙就搞掂。"),
            (C, "阿雯"),
            (D, "我哋由一九八三年喺度開館，佢話走就走？"),
            (C, "肥龍"),
            (D, "業主收樓，我哋冇計㗎。"),
            (C, "阿峰"),
            (D, "師父，櫻桃街有個工廈單位，十四樓，月租三萬。要三個月按金，即係九萬。"),
            (C, "肥龍"),
            (D, "九萬？我哋戶口九千都冇。"),
            (
                A,
                "阿雯 unrolls a POSTER on the training mat: 「全港高樁醒獅大賽 冠軍獎金 HK$100,000 — "
                "九龍公園體育館」.",
            ),
            (C, "阿雯"),
            (D, "冠軍十萬。夠交按金，仲有一萬剩。"),
            (C, "榮叔"),
            (D, "樁陣高三米，你哋最高只跳過米二。"),
            (C, "阿峰"),
            (D, "師父，我跳得。"),
            (A, "榮叔 looks at the 1983 photo for a long time."),
            (C, "榮叔"),
            (D, "報名費一千二。報。"),
        ],
    ),
    (
        "3",
        5,
        "EXT. ROOFTOP 唐樓天台 - DUSK",
        [
            (
                A,
                "The rooftop of the 唐樓. Washing lines, water tanks, and a row of low PRACTICE POLES, 1.2 metres "
                "high, welded from scaffolding pipe.",
            ),
            (
                A,
                "阿峰 and 肥龍 jump pole to pole in a practice lion. 阿雯 beats time on a rubber practice pad. "
                "豆豆 sits on a water tank, silently copying every step.",
            ),
            (C, "阿雯"),
            (D, "阿峰，你教我舞獅頭吖。晚晚收工之後，半個鐘都得。"),
            (C, "阿峰"),
            (D, "師父知道會劈死我。佢話女仔打鼓就得，唔舞頭。"),
            (C, "阿雯"),
            (D, "我同你一樣五歲開始學。我嘅馬步仲穩過你。"),
            (C, "肥龍"),
            (P, "(out of breath)"),
            (D, "呢樣我證明，佢真係穩過你。"),
            (A, "阿峰 laughs and tosses her the practice head."),
        ],
    ),
    (
        "4",
        6,
        "INT. HUNG WAI HALL 雄威獅隊會館 - NIGHT",
        [
            (A, "Sham Shui Po. A bright, modern hall full of trophies. A brand-new LED LION HEAD glows red."),
            (
                A,
                "雄哥 (高永雄, Ko Wing-hung, 45, leader of the 雄威 HUNG WAI troupe, gold chain) pours tea for 阿峰.",
            ),
            (C, "雄哥"),
            (D, "兩萬蚊。你幫雄威舞頭，打一場比賽，兩萬現金。"),
            (C, "阿峰"),
            (D, "雄哥，我係榮義堂嘅人。"),
            (C, "雄哥"),
            (D, "榮義堂？三月之後都冇榮義堂喇。"),
            (C, "阿峰"),
            (D, "你點知？"),
            (C, "雄哥"),
            (D, "我十五歲跟佢學獅，1999 年佢趕我出師門。佢嘅嘢，我一路都知。"),
            (A, "雄哥 slides his BUSINESS CARD across the table. 阿峰 hesitates, then pockets it."),
        ],
    ),
    (
        "5",
        5,
        "INT. LION DANCE HALL 榮義堂龍獅館 - DAWN",
        [
            (
                A,
                "Grey light through the roller shutter. 阿雯 props her PHONE on the drum. The screen reads 「爸爸 · Manchester」.",
            ),
            (C, "志明 (ON PHONE)"),
            (D, "阿雯，我呢度夜晚十點，你咁早起身？"),
            (C, "阿雯"),
            (D, "練功。爸，獅館三月要搬，業主賣咗棟樓。"),
            (C, "志明 (ON PHONE)"),
            (D, "我 2021 年走嗰陣已經叫你爺爺搬嚟英國……我可以匯四萬返嚟。"),
            (C, "阿雯"),
            (D, "爺爺唔會收你啲錢。佢仲嬲你。"),
            (C, "志明 (ON PHONE)"),
            (D, "咁就唔好話畀佢知係我嘅。"),
            (
                A,
                "The call ends. 阿雯 lifts 老黃 off the shelf and practises head moves in front of the mirror.",
            ),
        ],
    ),
    (
        "6",
        6,
        "EXT. CHERRY STREET PARK 櫻桃街公園 - NIGHT",
        [
            (
                A,
                "A rented set of 21 steel POLES stands on the basketball court, up to three metres high. "
                "Floodlights. Crash mats underneath.",
            ),
            (A, "阿峰 (head) and 肥龍 (tail) on the poles. 榮叔 on the drum. 阿雯 holds a STOPWATCH."),
            (C, "榮叔"),
            (D, "「過山」！一米八闊，一口氣跳過去。"),
            (C, "肥龍"),
            (D, "一、二、三——跳！"),
            (
                A,
                "STUNT: The lion leaps. 阿峰 lands on the far pole on his left foot, the knee twists, and he falls "
                "onto the crash mat. 肥龍 hangs on to the pole.",
            ),
            (C, "阿峰"),
            (D, "我隻膝頭……左腳……"),
            (C, "榮叔"),
            (D, "唔好郁佢！阿雯，叫白車！"),
            (A, "阿雯 drops the stopwatch. It reads 07:42."),
        ],
    ),
    (
        "7",
        4,
        "INT. SPORTS CLINIC 運動醫學診所 - DAY",
        [
            (
                A,
                "A small clinic in Mong Kok. 阿峰's left knee is in a BRACE. 阿雯 sits beside him. DR. YIP (葉醫生, "
                "40s, physiotherapist) points at an MRI scan.",
            ),
            (C, "DR. YIP"),
            (D, "Partial tear of the ACL. 前十字韌帶撕裂咗一半。At least six weeks — no jumping, no poles."),
            (C, "阿峰"),
            (D, "三個禮拜之後就比賽喇！"),
            (C, "DR. YIP"),
            (D, "If you jump in three weeks, 你要開刀。Your choice."),
            (A, "阿峰 stares at the ceiling. 阿雯 pays for the brace: HK$1,600."),
        ],
    ),
    (
        "8",
        6,
        "INT. LION DANCE HALL 榮義堂龍獅館 - NIGHT",
        [
            (
                A,
                "榮叔 takes the team's ENTRY FORM off the notice board. 肥龍 pretends to polish a cymbal in the "
                "corner and keeps his mouth shut.",
            ),
            (C, "榮叔"),
            (D, "冇獅頭，唔比。聽日我打電話退出。"),
            (C, "阿雯"),
            (D, "有獅頭。我嚟舞。"),
            (C, "榮叔"),
            (D, "我舞咗六十年獅，未見過女仔舞頭。"),
            (C, "阿雯"),
            (D, "你未見過，唔代表唔得。嫲嫲當年都想舞，你都唔畀。"),
            (C, "榮叔"),
            (D, "唔好提你嫲嫲！"),
            (A, "榮叔 pins the form back on the board and walks out, slamming the door."),
        ],
    ),
    (
        "8A",
        2,
        "EXT. FUK TSUN STREET 福全街 - CONTINUOUS",
        [
            (
                A,
                "榮叔 stops under the hall's old signboard and lights a CIGARETTE. 豆豆 sits on the step of the "
                "shuttered hardware shop in his paper lion mask and blinks it at him. Not a word.",
            ),
            (C, "榮叔"),
            (P, "(to himself)"),
            (D, "秀芳，你個孫女……同你一樣硬頸。"),
        ],
    ),
    (
        "9",
        6,
        "EXT. CHERRY STREET PARK 櫻桃街公園 - DAWN",
        [
            (
                A,
                "05:45. Mist over the poles. 阿雯 in the head, 肥龍 in the tail. 榮叔 beats the drum himself. "
                "阿峰 sits on the bench with CRUTCHES, calling the steps.",
            ),
            (C, "榮叔"),
            (D, "獅頭七公斤，成套動作八分鐘。你手軟一秒，成隻獅就死。"),
            (C, "阿峰"),
            (D, "阿雯，過山嗰下望住對面支樁，唔好望地下。"),
            (A, "阿雯 leaps. Her back foot slips; she drops onto the crash mat. 肥龍 lands beside her."),
            (C, "肥龍"),
            (D, "冇事嘛？"),
            (C, "阿雯"),
            (D, "再嚟。"),
            (C, "榮叔"),
            (P, "(a flicker of a smile)"),
            (D, "再嚟。"),
        ],
    ),
    (
        "10",
        4,
        "INT. HUNG WAI HALL 雄威獅隊會館 - DAY",
        [
            (A, "阿峰, on crutches, puts 雄哥's business card back on the table."),
            (C, "阿峰"),
            (D, "兩萬蚊你留返。榮義堂照出賽，舞頭嘅係阿雯。"),
            (C, "雄哥"),
            (D, "女仔舞頭？師父肯？"),
            (C, "阿峰"),
            (D, "佢每朝五點半陪佢練。"),
            (A, "雄哥 turns the card over in his fingers."),
            (C, "雄哥"),
            (D, "……幫我同師父講，「過山」唔好跳咁盡，樁會震。"),
        ],
    ),
    ("11", None, "OMITTED", []),
    (
        "12",
        6,
        "INT. LION DANCE HALL 榮義堂龍獅館 - NIGHT",
        [
            (
                A,
                "The night before the competition. Candles at the 關公 shrine. 阿峰, 肥龍 and 阿雯 watch as 榮叔 "
                "dots fresh 硃砂 CINNABAR into the eyes of 老黃 — the 點睛 ritual.",
            ),
            (C, "榮叔"),
            (D, "老黃係一九八三年許師傅紮嘅，同獅館同年。聽日佢都要上樁。"),
            (A, "He takes a faded RED SASH from a biscuit tin and ties it round 阿雯's waist."),
            (C, "榮叔"),
            (D, "你嫲嫲嘅。八三年開館，佢打頭一通鼓。"),
            (
                A,
                "榮叔's PHONE buzzes on the table. A WhatsApp from 「志明」: 「爸，四萬已經過咗數。唔好退返畀我。」 "
                "榮叔 reads it, puts the phone face down, and says nothing about it.",
            ),
            (C, "榮叔"),
            (D, "聽日八點半到場，十點開鑼。今晚早啲瞓。"),
            (C, "肥龍"),
            (D, "師父，我哋第七隊出場。"),
        ],
    ),
    (
        "13",
        11,
        "INT. KOWLOON PARK SPORTS CENTRE 九龍公園體育館 - DAY",
        [
            (
                A,
                "The main arena. Crowds, banners, a forest of poles three metres high. The 雄威 troupe waits on its "
                "bench in red; 雄哥 watches, arms folded.",
            ),
            (A, "豆豆 sits in the front row in his paper lion mask."),
            (C, "MC (V.O.)"),
            (D, "第七隊，大角咀榮義堂！"),
            (
                A,
                "老黃 enters: 阿雯 in the head, the red sash at her waist; 肥龍 in the tail. 榮叔 on the big drum. "
                "阿峰, knee brace on, crashes the cymbals from a chair.",
            ),
            (A, "The lion climbs, pole by pole. At the gap the drum stops dead."),
            (C, "阿峰"),
            (P, "(under his breath)"),
            (D, "望住對面支樁……"),
            (C, "榮叔"),
            (P, "(over the drum)"),
            (D, "上！"),
            (
                A,
                "STUNT: 「過山」. 阿雯 leaps the 1.8-metre gap; 肥龍 follows; the lion lands. The crowd roars. "
                "雄哥 unfolds his arms.",
            ),
            (
                A,
                "At the top pole the lion plucks the 青 — a lettuce and a red packet — and spits the leaves to the "
                "crowd.",
            ),
            (C, "肥龍"),
            (P, "(inside the tail, crying)"),
            (D, "阿雯，你得咗！"),
            (C, "MC (V.O.)"),
            (D, "榮義堂，八十九點五分！"),
        ],
    ),
    (
        "14",
        5,
        "INT. KOWLOON PARK SPORTS CENTRE 九龍公園體育館 - LATER",
        [
            (A, "Prize-giving. The teams line up on the arena floor."),
            (C, "MC (V.O.)"),
            (D, "冠軍，深水埗雄威獅隊，九十一分！亞軍，大角咀榮義堂，八十九點五分，獎金五萬！"),
            (
                A,
                "阿雯 takes the runner-up CHEQUE for HK$50,000. 雄哥 walks across the floor to 榮叔 and bows.",
            ),
            (C, "雄哥"),
            (D, "師父。你哋個「過山」，好過我哋。"),
            (C, "榮叔"),
            (D, "1999 年嘅事，算數。得閒返嚟飲茶。"),
            (A, "阿峰 and 肥龍 lift 阿雯 onto their shoulders."),
        ],
    ),
    (
        "15",
        4,
        "EXT. FUK TSUN STREET 福全街 - DUSK",
        [
            (
                A,
                "Moving day. A hired VAN is double-parked outside number 42. 肥龍 loads the drums. 榮叔 unscrews "
                "the old 「榮義堂」 SIGNBOARD.",
            ),
            (C, "阿雯"),
            (D, "五萬獎金，加爸爸匯返嚟嗰四萬，啱啱九萬按金。"),
            (C, "榮叔"),
            (D, "叫你老豆……聖誕返嚟食飯。"),
            (C, "阿雯"),
            (D, "阿峰去咗覆診，佢話新館見。"),
        ],
    ),
    (
        "16",
        5,
        "INT. NEW HALL 櫻桃街新館 - NIGHT",
        [
            (
                A,
                "A bare industrial unit on the 14th floor of a building on Cherry Street. The old 「榮義堂」 "
                "signboard hangs over the door. 老黃 sits on a new shelf.",
            ),
            (
                A,
                "First class. Six children in yellow T-shirts. 豆豆 stands at the front, holding a child-sized lion head.",
            ),
            (C, "阿雯"),
            (D, "馬步！腰要直，望住前面。"),
            (C, "阿峰"),
            (P, "(leaning on a crutch)"),
            (D, "師父，我隻腳好返之後，我舞尾，佢舞頭。"),
            (C, "榮叔"),
            (D, "舞尾好。尾先係成隻獅嘅力。"),
            (A, "豆豆 raises his lion head and blinks it, perfectly. 榮叔 hits the drum once."),
            (T, "FADE OUT."),
        ],
    ),
]


def length_text(eighths: int) -> str:
    whole, rest = divmod(eighths, 8)
    if whole and rest:
        return f"{whole} {rest}/8"
    return f"{whole}" if whole else f"{rest}/8"


def build() -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="no" ?>',
        '<FinalDraft DocumentType="Script" Template="No" Version="5">',
        "  <Content>",
    ]
    done = 0
    for number, eighths, heading, paragraphs in SCENES:
        page = done // 8 + 1
        if eighths is None:
            out.append(
                f'    <Paragraph Type="{H}" Number="{number}"><Text>{escape(heading)}</Text></Paragraph>'
            )
            continue
        out.append(f'    <Paragraph Type="{H}" Number="{number}">')
        out.append(f'      <SceneProperties Length="{length_text(eighths)}" Page="{page}" Title=""/>')
        out.append(f"      <Text>{escape(heading)}</Text>")
        out.append("    </Paragraph>")
        for kind, text in paragraphs:
            out.append(f'    <Paragraph Type="{kind}"><Text>{escape(text)}</Text></Paragraph>')
        done += eighths
    out += ["  </Content>", "  <TitlePage>", "    <Content>"]
    for line in (
        "大角咀醒獅 LION OF TAI KOK TSUI",
        "Written by",
        "Slate held-out set",
        "Third draft, 2029-11-02",
    ):
        out.append(
            f'      <Paragraph Alignment="Center" Type="General"><Text>{escape(line)}</Text></Paragraph>'
        )
    out += ["    </Content>", "  </TitlePage>", "</FinalDraft>", ""]
    return "\n".join(out)


if __name__ == "__main__":
    Path(__file__).with_name("lion_dance.fdx").write_text(build(), encoding="utf-8")
