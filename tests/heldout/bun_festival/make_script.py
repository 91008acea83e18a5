"""Writes bun_festival.fdx, the held-out screenplay 《搶包山》 BUN FESTIVAL (Final Draft XML).

Original text written for Slate's held-out measure (CC0); every name, address and number is fictional.
Run: python tests/heldout/bun_festival/make_script.py
Scene lengths and start pages are set in SceneProperties (Length, Page) so that page counts are fixed.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

H, A, C, P, D, T = "Scene Heading", "Action", "Character", "Parenthetical", "Dialogue", "Transition"

# (number, length in eighths or None for an omitted scene, heading, summary, paragraphs)
SCENES: list[tuple[str, int | None, str, list[tuple[str, str]]]] = [
    (
        "1",
        10,
        "EXT. 觀塘 KWUN TONG - HOI YUEN ROAD - NIGHT",
        [
            (
                A,
                "Rain on a flyover. WONG KA-LOK (樂仔, Lok-jai, 32) rides a battered e-bike with a yellow DELIVERY BOX.",
            ),
            (
                A,
                "樂仔 hands a bag of noodles to a security guard at a factory building. The guard tips him a $20 NOTE.",
            ),
            (C, "WONG KA-LOK"),
            (D, "多謝晒！Twenty dollars, 發達喇。"),
            (A, "His PHONE buzzes in the handlebar clip. The screen says 「婆婆」."),
            (C, "GRANDMA (ON PHONE)"),
            (D, "樂仔，今年長洲太平清醮你返唔返嚟呀？"),
            (C, "WONG KA-LOK"),
            (D, "婆婆，我要開工呀。Festival 關我咩事。"),
            (C, "GRANDMA (ON PHONE)"),
            (D, "標叔話我哋欠佢十八萬租。間舖……可能保唔住。"),
            (C, "WONG KA-LOK"),
            (D, "十八萬？How long has this been going on?"),
            (C, "GRANDMA (ON PHONE)"),
            (D, "半年囉。唔好話畀妹妹知。"),
            (A, "樂仔 stops the bike in the rain and stares at the phone."),
            (T, "CUT TO:"),
        ],
    ),
    (
        "2",
        12,
        "INT. 黃記餅店 WONG KEE BAKERY - DAY",
        [
            (
                A,
                "A tiny bakery on Cheung Chau. Trays of white 平安包 peace buns. GRANDMA (婆婆, 黃小英, 78) presses a red 「壽」 STAMP onto each bun.",
            ),
            (A, "MUI MUI (妹妹, Wong Ka-yan, 10) counts buns into paper bags."),
            (C, "MUI MUI"),
            (D, "婆婆，四百個喇！今日可以賣晒㗎。"),
            (
                A,
                "The door bell rings. UNCLE PIU (標叔, Tang Piu, 60s, gold watch) walks in with a brown ENVELOPE.",
            ),
            (C, "UNCLE PIU"),
            (D, "黃婆婆，最後通知。十八萬，五月三十一號之前找數，唔係就收舖。"),
            (C, "GRANDMA"),
            (D, "標叔，我喺度做咗四十年，你老豆都食我啲包大。"),
            (C, "UNCLE PIU"),
            (D, "生意就係生意。"),
            (
                A,
                "標叔 takes a free bun from the tray and leaves. 妹妹 has heard everything from behind the counter.",
            ),
        ],
    ),
    (
        "3",
        14,
        "INT./EXT. 渡輪 CHEUNG CHAU FERRY (MOVING) - DUSK",
        [
            (A, "The ferry pushes out of Central Pier No. 5. 樂仔 sits on the open deck with a backpack."),
            (
                A,
                "CHOI WING-SAN (珊珊, Shan-shan, 31) sits down beside him with a clipboard and a festival lanyard.",
            ),
            (C, "CHOI WING-SAN"),
            (D, "黃家樂。五年冇見，你仲識返長洲？"),
            (C, "WONG KA-LOK"),
            (D, "珊珊……You're on the committee now?"),
            (C, "CHOI WING-SAN"),
            (D, "秘書嚟㗎。今年有新贊助，大發電器。冠軍獎金二十萬。"),
            (C, "WONG KA-LOK"),
            (D, "二十萬？"),
            (C, "CHOI WING-SAN"),
            (D, "報名禮拜五六點截止。不過你隻腳……2019 年你喺包山跌落嚟，之後就走咗去市區。"),
            (C, "WONG KA-LOK"),
            (D, "I left because of the ankle. Not because of you."),
            (A, "珊珊 looks away at the sunset over Lamma."),
        ],
    ),
    (
        "4",
        6,
        "EXT. 長洲碼頭 CHEUNG CHAU PIER - NIGHT",
        [
            (A, "The ferry docks. 妹妹 waits at the gate with a TORCH shaped like a bun."),
            (C, "MUI MUI"),
            (D, "樂仔哥哥！我聽到晒㗎，標叔要收舖。"),
            (C, "WONG KA-LOK"),
            (D, "細路唔好理大人嘢。"),
            (A, "妹妹 hands 樂仔 a folded POSTER: 「搶包山比賽 冠軍獎金 $200,000」."),
            (C, "MUI MUI"),
            (D, "你以前係冠軍嘛。Win it back."),
        ],
    ),
    (
        "5",
        16,
        "INT. 黃記餅店 WONG KEE BAKERY - NIGHT",
        [
            (A, "Closed for the night. 婆婆 kneads dough. 樂仔 drops his backpack on the flour sacks."),
            (C, "WONG KA-LOK"),
            (D, "婆婆，我報名搶包山。獎金二十萬，夠還晒標叔。"),
            (C, "GRANDMA"),
            (D, "你癲㗎？2019 年你跌斷咗左腳腳眼，喺醫院瞓咗三個禮拜！"),
            (C, "WONG KA-LOK"),
            (D, "我而家送外賣日日踩十個鐘，隻腳冇事。"),
            (C, "GRANDMA"),
            (D, "我唔准。錢嘅事我自己諗辦法。"),
            (
                A,
                "When 婆婆 turns to the oven, 樂仔 opens the 「麵粉罐」 FLOUR TIN on the shelf and finds the brown ENVELOPE hidden inside.",
            ),
            (A, "INSERT: 「欠租 HK$180,000 — 限期 2027年5月31日」"),
            (C, "WONG KA-LOK"),
            (D, "(quietly) 你收埋咗喺麵粉罐。"),
        ],
    ),
    (
        "6",
        11,
        "EXT. 包山 BUN TOWER - DAY",
        [
            (
                A,
                "A 14-metre bamboo tower covered in plastic buns. KWOK TSZ-HIN (軒仔, Hin-jai, 26), three-time champion, climbs it in practice.",
            ),
            (
                A,
                "CHAIRMAN TSANG (曾主席, Tsang Yiu-wah, 70) holds a stopwatch. 樂仔 walks up with the poster.",
            ),
            (C, "KWOK TSZ-HIN"),
            (D, "(dropping down) 樂仔？你隻腳仲得唔得㗎？"),
            (C, "WONG KA-LOK"),
            (D, "試吓咪知。"),
            (C, "CHAIRMAN TSANG"),
            (D, "報名費五百蚊，禮拜五六點前交畀秘書。仲要過身體檢查。"),
            (C, "KWOK TSZ-HIN"),
            (D, "2022、2023、2024，三屆都係我。Don't get hurt again, Lok."),
        ],
    ),
    (
        "7",
        9,
        "INT. 攀石場 ROCK GYM, KWAI CHUNG - NIGHT",
        [
            (
                A,
                "A climbing wall in an industrial building. 樂仔 climbs a speed route; 珊珊 times him with her phone.",
            ),
            (C, "CHOI WING-SAN"),
            (D, "三分十二秒。軒仔去年紀錄係兩分四十八。"),
            (C, "WONG KA-LOK"),
            (D, "Twenty-four seconds. 我追得返。"),
            (A, "珊珊 throws him her old red CHALK BAG."),
            (C, "CHOI WING-SAN"),
            (D, "我比賽嗰陣用嘅。借畀你，記得還。"),
        ],
    ),
    (
        "8",
        8,
        "EXT. 東灣 TUNG WAN BEACH - DAWN",
        [
            (A, "First light. 樂仔 runs sand sprints. 妹妹 counts on a whistle."),
            (C, "MUI MUI"),
            (D, "第二十個！Here — 我儲咗三千蚊，畀你交報名費。"),
            (A, "She holds out a red 「利是封」 with three $1,000 NOTES."),
            (C, "WONG KA-LOK"),
            (D, "報名費得五百。"),
            (A, "樂仔 takes one note, folds it, and gives the envelope back with the other two."),
            (C, "WONG KA-LOK"),
            (D, "我攞一千，五百報名，五百請你食芒果糯米糍。"),
        ],
    ),
    (
        "9",
        10,
        "INT. 黃記餅店 WONG KEE BAKERY - DAY",
        [
            (A, "標叔 leans on the counter. 婆婆 dusts a tray."),
            (C, "UNCLE PIU"),
            (D, "婆婆，我俾你五萬蚊搬遷費，六月一號前搬走，大家好睇。"),
            (C, "GRANDMA"),
            (D, "五萬？你當我老人痴呆？"),
            (C, "UNCLE PIU"),
            (D, "唔要就一蚊都冇。"),
            (
                A,
                "婆婆 throws a tray of flour over 標叔. He storms out through the back door, white from head to toe.",
            ),
        ],
    ),
    (
        "9A",
        5,
        "EXT. 黃記餅店後巷 WONG KEE BAKERY - BACK LANE - CONTINUOUS",
        [
            (
                A,
                "標叔 brushes flour off his suit and calls someone. Behind the bins, 樂仔 lifts his PHONE and records.",
            ),
            (C, "UNCLE PIU"),
            (D, "(into phone) 搞掂佢就得。茶怪肯畀六萬一個月，簽十年。老嘢一走就裝修。"),
            (A, "標叔 hangs up and leaves. 樂仔 stops the recording."),
            (C, "WONG KA-LOK"),
            (D, "Got you, 標叔。"),
        ],
    ),
    (
        "10",
        12,
        "EXT. 北帝廟 PAK TAI TEMPLE - NIGHT",
        [
            (
                A,
                "Lanterns over the temple forecourt. 珊珊 pins paper slips to a board. 樂仔 hands her his FORM and a $500 NOTE.",
            ),
            (C, "CHOI WING-SAN"),
            (D, "最後一個報名。你係十七號。"),
            (C, "WONG KA-LOK"),
            (D, "Seventeen. 2018 我拎冠軍嗰年都係十七號。"),
            (C, "CHOI WING-SAN"),
            (D, "我知。我仲留住嗰張相。今年我做裁判，唔會偏幫你。"),
            (C, "WONG KA-LOK"),
            (D, "I'd be disappointed if you did."),
            (A, "She smiles for the first time."),
        ],
    ),
    (
        "11",
        11,
        "INT. 黃記餅店 WONG KEE BAKERY - NIGHT",
        [
            (A, "Late. 妹妹 is asleep on the flour sacks. 婆婆 straps 樂仔's left ankle with white tape."),
            (C, "GRANDMA"),
            (D, "你阿爺 1978 年拎冠軍，就係綁住呢條。"),
            (A, "She ties a faded 「紅頭帶」 RED HEADBAND round his head."),
            (C, "GRANDMA"),
            (D, "去啦。但係跌落嚟，我唔會再去醫院睇你。"),
            (C, "WONG KA-LOK"),
            (D, "婆婆，我唔會跌。"),
        ],
    ),
    ("12", None, "OMITTED", []),
    (
        "13",
        20,
        "EXT. 包山 BUN TOWER - NIGHT",
        [
            (
                A,
                "Midnight. Floodlights, drums, a crowd of EXTRAS behind barriers. 妹妹 waves the bun torch in the front row.",
            ),
            (C, "COMMENTATOR (V.O.)"),
            (D, "各位街坊，搶包山決賽！十七號黃家樂，對衛冕冠軍郭子軒！"),
            (A, "珊珊 in a referee vest blows the whistle. 樂仔 in the red headband and 軒仔 climb."),
            (
                A,
                "STUNT: At ten metres 軒仔's foot slips. He drops past 樂仔, who grabs his wrist and holds him against the tower.",
            ),
            (C, "KWOK TSZ-HIN"),
            (D, "放手呀！你會輸㗎！"),
            (C, "WONG KA-LOK"),
            (D, "Shut up and grab the bamboo."),
            (A, "軒仔 finds a hold. The rescue costs 樂仔 forty seconds. 軒仔 reaches the top first."),
            (C, "MUI MUI"),
            (D, "樂仔哥哥，加油呀！"),
            (C, "COMMENTATOR (V.O.)"),
            (D, "郭子軒，兩分五十一秒！黃家樂，三分三十一秒！"),
        ],
    ),
    (
        "14",
        9,
        "EXT. 北帝廟 PAK TAI TEMPLE - LATER",
        [
            (A, "Prize-giving on a small stage. 曾主席 hands 軒仔 a giant CHEQUE for $200,000."),
            (C, "COMMENTATOR (V.O.)"),
            (D, "冠軍，郭子軒！四連冠！"),
            (C, "KWOK TSZ-HIN"),
            (D, "(into the mic) 冇樂仔，我已經跌咗落嚟。一半係佢嘅。"),
            (A, "軒仔 walks off the stage and gives 樂仔 his own personal CHEQUE for $100,000."),
            (C, "CHAIRMAN TSANG"),
            (D, "樂仔，委員會另外頒最佳體育精神獎畀你。"),
            (C, "WONG KA-LOK"),
            (D, "多謝主席。Hin-jai… thank you."),
        ],
    ),
    (
        "15",
        13,
        "INT. 黃記餅店 WONG KEE BAKERY - DAWN",
        [
            (A, "婆婆, 樂仔 and 曾主席 sit at the counter. 標叔 arrives for the rent."),
            (C, "UNCLE PIU"),
            (D, "十八萬，今日最後一日。"),
            (A, "樂仔 plays the recording on his PHONE: 「茶怪肯畀六萬一個月，簽十年。」"),
            (C, "CHAIRMAN TSANG"),
            (D, "標叔，呢間舖喺鄉委會嘅歷史店舖名單度。改做茶舖要鄉委會批，我唔會批。"),
            (C, "WONG KA-LOK"),
            (D, "十萬，而家俾你。Rent back to twelve thousand a month, and the arrears are cleared."),
            (C, "UNCLE PIU"),
            (D, "……得。十萬，筆數一筆勾銷。"),
            (A, "婆婆 puts a warm bun in 標叔's hand."),
            (C, "GRANDMA"),
            (D, "食咗先走。"),
        ],
    ),
    (
        "16",
        8,
        "EXT. 長洲碼頭 CHEUNG CHAU PIER - DAY",
        [
            (A, "The ferry horn sounds. 樂仔's backpack is on the pier; 婆婆, 妹妹 and 珊珊 see him off."),
            (C, "CHOI WING-SAN"),
            (D, "又走？"),
            (C, "WONG KA-LOK"),
            (D, "(letting the ferry go) 唔走喇。婆婆間舖要人搓麵粉，妹妹要人教佢爬包山。"),
            (C, "MUI MUI"),
            (D, "明年我報名！"),
            (C, "GRANDMA"),
            (D, "咁你聽朝五點起身開工。"),
            (A, "The ferry leaves without him. FADE OUT."),
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
    for line in ("搶包山 BUN FESTIVAL", "Written by", "Slate held-out set", "Second draft, 2027-04-12"):
        out.append(
            f'      <Paragraph Alignment="Center" Type="General"><Text>{escape(line)}</Text></Paragraph>'
        )
    out += ["    </Content>", "  </TitlePage>", "</FinalDraft>", ""]
    return "\n".join(out)


if __name__ == "__main__":
    Path(__file__).with_name("bun_festival.fdx").write_text(build(), encoding="utf-8")
