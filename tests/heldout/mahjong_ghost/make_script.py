"""Writes mahjong_ghost.docx, the held-out screenplay 《雀鬼》 MAHJONG GHOST (Word, styled paragraphs).

Original text written for Slate's held-out measure (CC0); every name, address and number is fictional.
Run: .venv/bin/python tests/heldout/mahjong_ghost/make_script.py   (needs python-docx)
Scene numbers are written before the heading (`6A. INT. ...`); paragraph styles are the screenplay
styles (Scene Heading, Action, Character, Parenthetical, Dialogue, Transition).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Inches, Pt

H, A, C, P, D, T = "Scene Heading", "Action", "Character", "Parenthetical", "Dialogue", "Transition"

SCRIPT: list[tuple[str, str]] = [
    (H, "1. INT. 紅磡殯儀館 HUNG HOM FUNERAL PARLOUR - NIGHT"),
    (
        A,
        "A small hall. A photo of a smiling old man in a frame of white chrysanthemums. Beside it, one MAHJONG TILE: the red dragon 「紅中」.",
    ),
    (
        A,
        "CHEUNG MAN-YEE (阿儀, Ah Yee, 28, accountant, still in office clothes) folds paper money. MADAM KO (高姐, 60s, gold bangles) sits next to her.",
    ),
    (A, "MASTER LAM (林師傅, 50s, yellow robe) rings a bell and chants, off-key."),
    (C, "MADAM KO"),
    (D, "你阿爺打咗四十年麻雀，一鋪都冇輸過。雀聖嚟㗎。"),
    (C, "CHEUNG MAN-YEE"),
    (D, "高姐，我連番牌都唔識。"),
    (A, "BENNY LO (斌哥, 40s, shiny suit) walks in with a WREATH from 謝氏集團 Tse Group and a FOLDER."),
    (C, "BENNY LO"),
    (D, "張小姐，節哀。不過有啲手續要講清楚：你阿爺上個月同謝生打牌，輸咗福星麻雀館張契。"),
    (A, "He holds up a PHOTOCOPY of the deed, signed in a shaky hand, dated 2027年8月1日."),
    (C, "BENNY LO"),
    (D, "謝生好有心，肯俾三十八萬搬遷費。Thirty days to clear out."),
    (A, "高姐 slaps 斌哥 across the face. 林師傅 keeps chanting."),
    (T, "CUT TO:"),
    (H, "2. EXT. 深水埗北河街 PEI HO STREET, SHAM SHUI PO - DAY"),
    (A, "The wet market. 阿儀 and 高姐 walk between fish stalls. 高姐 pulls a shopping TROLLEY."),
    (C, "MADAM KO"),
    (D, "佢哋出千。你阿爺最後嗰晚返嚟同我講，個燈好光，光到佢眼都花。"),
    (C, "CHEUNG MAN-YEE"),
    (D, "The lamp? 高姐，呢啲係迷信。"),
    (C, "MADAM KO"),
    (D, "迷信？你今晚自己去麻雀館瞓一晚，睇吓係咪迷信。"),
    (H, "3. INT. 福星麻雀館 FUK SING MAHJONG PARLOUR - NIGHT"),
    (A, "Midnight. Six empty tables under green lamps. 阿儀 sorts invoices at the cashier's desk."),
    (A, "On table 4 the TILES begin to shuffle by themselves. Click. Click. Click."),
    (A, "GRANDPA (阿爺, 張金寶), in his funeral suit, sits at table 4 and builds a wall of tiles."),
    (C, "GRANDPA"),
    (D, "阿儀，坐低。三缺一。"),
    (C, "CHEUNG MAN-YEE"),
    (D, "(screaming) 阿爺？！You're dead!"),
    (C, "GRANDPA"),
    (D, "死就死咗，牌照打。我冇輸，佢哋出千。"),
    (H, "4. INT. 福星麻雀館 FUK SING MAHJONG PARLOUR - CONTINUOUS"),
    (A, "阿儀 sits, shaking. 阿爺 points a finger at the LAMP over the VIP table."),
    (C, "GRANDPA"),
    (D, "謝家輝喺個燈度裝咗部細鏡頭，睇晒我啲牌。仲有，嗰副牌有記號。"),
    (C, "CHEUNG MAN-YEE"),
    (D, "So how do we get the deed back?"),
    (C, "GRANDPA"),
    (D, "再打過。頭七嗰晚，我喺你身邊，我教你打。只有你見到我，過咗十二點先見到。"),
    (C, "CHEUNG MAN-YEE"),
    (D, "頭七……即係下個禮拜四。"),
    (H, "5. INT. 中環寫字樓 CENTRAL OFFICE - DAY"),
    (A, "A glass office at an accounting firm. 阿儀 on her mobile at the window, spreadsheets behind her."),
    (C, "BENNY LO (ON PHONE)"),
    (D, "翻枱？張小姐，你拎咩嚟賭？"),
    (C, "CHEUNG MAN-YEE"),
    (D, "我有五十萬積蓄。五十萬，對張契。頭七晚九點，喺福星。"),
    (C, "BENNY LO (ON PHONE)"),
    (D, "……我問問謝生。(beat) 謝生話得。帶埋現金。"),
    (A, "阿儀 hangs up and opens a web page: 「麻雀入門 — 十三么點打？」"),
    (H, "6. INT. 福星麻雀館 FUK SING MAHJONG PARLOUR - NIGHT"),
    (A, "Training night. 阿儀 and 高姐 at table 4. 阿爺 stands behind 阿儀; 高姐 cannot see him."),
    (C, "GRANDPA"),
    (D, "摸左耳即係萬子，摸右耳即係索子，咳一聲即係筒子。"),
    (C, "CHEUNG MAN-YEE"),
    (D, "(touching her left ear) 萬子……"),
    (C, "MADAM KO"),
    (D, "你做咩成晚摸耳仔？生蝨呀？"),
    (C, "GRANDPA"),
    (D, "唔好理佢。記住，最大嗰鋪係十三么，我成世人食過三次。"),
    (H, "6A. INT. 福星麻雀館 FUK SING MAHJONG PARLOUR - LATER"),
    (
        A,
        "林師傅 lights seven red CANDLES around table 4 and waves a peach-wood sword. 阿儀 and 高姐 watch from the cashier's desk, arms folded.",
    ),
    (C, "MASTER LAM"),
    (D, "妖魔鬼怪，速速離開！一千二百蚊一場法事，包驅包淨。"),
    (
        A,
        "阿爺 blows. All seven candles go out at once. 林師傅 runs, leaving his brass COMPASS 「羅盤」 on the table.",
    ),
    (C, "GRANDPA"),
    (D, "一千二？佢呃咗我三十年。"),
    (H, "7. EXT. 鴨寮街 APLIU STREET - DAY"),
    (A, "Electronics stalls. 阿儀 buys a pocket CAMERA DETECTOR for $380. A stall TV plays the news."),
    (C, "NEWSREADER (V.O.)"),
    (D, "謝氏集團宣佈斥資十二億，重建深水埗桂林街一帶舊樓。"),
    (A, "The TV shows a map: the redevelopment site includes the building of 福星麻雀館."),
    (C, "CHEUNG MAN-YEE"),
    (D, "(to herself) So that's why he wants the parlour."),
    (H, "8. INT./EXT. 斌哥架車 BENNY'S CAR (MOVING) - NIGHT"),
    (A, "A silver Lexus on Tai Po Road. 斌哥 drives; 阿儀 in the passenger seat."),
    (C, "BENNY LO"),
    (D, "二十萬，現金，你聽晚唔好嚟。大家都有著數。"),
    (C, "CHEUNG MAN-YEE"),
    (D, "No."),
    (C, "BENNY LO"),
    (D, "你唔明謝生㗎。佢屋企個燈……(stops himself) 總之你唔好郁福星啲嘢。"),
    (A, "阿儀 switches on the CAMERA DETECTOR in her pocket. It beeps once at a charger on the dashboard."),
    (H, "9. INT. 謝氏集團頂樓 TSE GROUP PENTHOUSE, CHEUNG SHA WAN - DUSK"),
    (
        A,
        "A penthouse office over the harbour. TSE KA-FAI (謝生, 55, tailored suit) polishes a jade mahjong set. 斌哥 stands.",
    ),
    (C, "TSE KA-FAI"),
    (D, "佢識打牌？一個會計師？"),
    (C, "BENNY LO"),
    (D, "老人家教咗佢幾晚。"),
    (C, "TSE KA-FAI"),
    (D, "冇所謂。我仲有第二副有記號嘅牌。頭七晚你早一個鐘入去，換咗佢。"),
    (A, "He hands 斌哥 a velvet BOX with the second MARKED SET."),
    (H, "10. OMITTED"),
    (H, "11. INT. 福星麻雀館 FUK SING MAHJONG PARLOUR - NIGHT"),
    (A, "阿儀 stands on a chair under the VIP lamp. The CAMERA DETECTOR beeps fast."),
    (A, "She unscrews the shade and pulls out a tiny CAMERA the size of a button, with a red light."),
    (C, "GRANDPA"),
    (D, "我講咩？出千！"),
    (C, "CHEUNG MAN-YEE"),
    (D, "We leave it there. Let them watch the wrong table."),
    (A, "She screws the shade back and moves the VIP table one metre to the left."),
    (H, "12. EXT. 福星麻雀館後樓梯 FUK SING BACK STAIRS - NIGHT"),
    (A, "8 p.m., one hour before the game. 斌哥 climbs the back stairs with the velvet BOX."),
    (A, "高姐 waits on the landing with her TROLLEY."),
    (C, "MADAM KO"),
    (D, "斌仔，咁早？手上拎住咩呀？"),
    (C, "BENNY LO"),
    (D, "高姐……冇嘢，朱古力。"),
    (
        A,
        "高姐 snatches the BOX, opens it: tiles, not chocolates. She drops the box into her TROLLEY and zips it.",
    ),
    (C, "MADAM KO"),
    (D, "你阿媽知你咁做，會喊。"),
    (H, "13. INT. 福星麻雀館 FUK SING MAHJONG PARLOUR - NIGHT"),
    (
        A,
        "9 p.m. The VIP table. 阿儀 (East), 高姐 (South), 謝生 (West), 斌哥 (North). Stacks of cash: $500,000 in front of 阿儀, the DEED in front of 謝生.",
    ),
    (A, "阿爺 stands behind 阿儀. Only she sees him. The lamp's camera now points at an empty table."),
    (C, "TSE KA-FAI"),
    (D, "一鋪定生死。"),
    (A, "Tiles clatter. 阿爺 touches his left ear. 阿儀 discards a bamboo."),
    (C, "GRANDPA"),
    (D, "唔好打嗰隻！九萬留住。"),
    (C, "MADAM KO"),
    (D, "碰！"),
    (A, "謝生 glances up at the lamp again and again. He frowns: his earpiece is silent."),
    (C, "TSE KA-FAI"),
    (D, "(to 斌哥, low) 副牌呢？"),
    (C, "BENNY LO"),
    (D, "(sweating) 換咗……換咗㗎喇。"),
    (
        A,
        "阿儀 draws a tile. It is the red dragon 紅中. She lays her hand down: one of every terminal and honour.",
    ),
    (C, "CHEUNG MAN-YEE"),
    (D, "十三么。Thirteen Orphans."),
    (C, "GRANDPA"),
    (D, "我個孫女！第四次！"),
    (C, "TSE KA-FAI"),
    (D, "出千！佢一定出千！"),
    (A, "高姐 lifts the velvet BOX out of her TROLLEY and opens it on the table: the marked tiles."),
    (C, "MADAM KO"),
    (D, "講出千？呢副係邊個㗎，謝生？"),
    (H, "14. INT. 福星麻雀館 FUK SING MAHJONG PARLOUR - LATER"),
    (A, "謝生 signs the DEED back over to 張文儀. His pen shakes."),
    (C, "TSE KA-FAI"),
    (D, "你贏咗一間麻雀館。重建少咗一間，我一樣起到樓。"),
    (C, "CHEUNG MAN-YEE"),
    (D, "Then build it around us."),
    (A, "謝生 leaves. 斌哥 stays, takes off his tie."),
    (C, "BENNY LO"),
    (D, "張小姐……你哋請唔請收銀？"),
    (C, "MADAM KO"),
    (D, "請呀，人工八千，包飯。"),
    (H, "15. EXT. 福星麻雀館天台 FUK SING ROOFTOP - DAWN"),
    (A, "Sunrise over Sham Shui Po. 阿儀 and 阿爺 sit on the parapet. He holds the 紅中 tile."),
    (C, "GRANDPA"),
    (D, "頭七過咗，我要走喇。將隻紅中燒畀我，我落去同你阿嫲打。"),
    (C, "CHEUNG MAN-YEE"),
    (D, "阿爺，我未學識食糊計番。"),
    (C, "GRANDPA"),
    (D, "高姐識。聽高姐講。"),
    (A, "The sun comes up. 阿爺 fades with it. The 紅中 tile drops onto the concrete."),
    (H, "16. INT. 福星麻雀館 FUK SING MAHJONG PARLOUR - DAY"),
    (A, "Reopening day. Red banners. 斌哥 at the cashier's desk in a 福星 T-shirt. 高姐 shouts orders."),
    (A, "林師傅 sneaks in for his COMPASS."),
    (C, "MASTER LAM"),
    (D, "我個羅盤……"),
    (C, "CHEUNG MAN-YEE"),
    (D, "喺度。一千二，阿爺話你欠佢嘅。"),
    (A, "On the TV over the desk, the news."),
    (C, "NEWSREADER (V.O.)"),
    (D, "廉政公署今日搜查謝氏集團總部，帶走主席謝家輝協助調查。"),
    (C, "BENNY LO"),
    (D, "(to himself) 好彩我轉咗工。"),
    (H, "17. EXT. 深水埗北河街 PEI HO STREET, SHAM SHUI PO - NIGHT"),
    (A, "Shutters come down. 阿儀 and 高姐 walk home with the TROLLEY."),
    (C, "MADAM KO"),
    (D, "聽晚八點，三缺一，嚟唔嚟？"),
    (C, "CHEUNG MAN-YEE"),
    (D, "嚟。"),
    (A, "Behind them, faintly, the click of tiles shuffling. 阿儀 smiles and does not look back."),
    (T, "FADE OUT."),
]


# More of each scene, inserted before the scene's closing transition (kept apart to keep SCRIPT readable).
EXTRA: dict[str, list[tuple[str, str]]] = {
    "1": [
        (
            A,
            "Incense smoke drifts over rows of folding chairs. Paper offerings are stacked by the door: a paper MAHJONG TABLE, a paper Mercedes and a paper mansion with a swimming pool. The hall is almost empty; most of the mourners left after the first bow.",
        ),
        (C, "MASTER LAM"),
        (D, "張小姐，法事一共八千八，今晚要燒齊三套紙紮：麻雀枱、私家車同埋大屋。"),
        (C, "CHEUNG MAN-YEE"),
        (D, "Eight thousand eight hundred? 我阿爺生前最憎呢啲嘢。"),
        (C, "MADAM KO"),
        (D, "佢最憎嘅係輸。"),
        (C, "BENNY LO"),
        (
            D,
            "(reading from the FOLDER) 第三條：桂林街八十八號地舖，福星麻雀館，連牌照同所有傢俬，歸謝家輝先生所有。",
        ),
        (C, "CHEUNG MAN-YEE"),
        (D, "My grandfather never gambled what he couldn't afford. 佢一世人都冇借過錢。"),
        (C, "BENNY LO"),
        (D, "白紙黑字，張小姐。有咩問題，搵律師。"),
        (A, "阿儀 takes the 紅中 TILE from beside the photo and slips it into her jacket pocket."),
    ],
    "2": [
        (
            A,
            "Hawkers shout prices. Ice melts into the gutter. 高姐 stops at a fish stall, bargains hard, and pays for a grey mullet with exact change from a red purse.",
        ),
        (C, "MADAM KO"),
        (D, "你阿爺嗰晚輸咗之後，喺我度飲咗三支藍妹，一句嘢都冇講。佢唔係輸唔起，佢係諗唔通。"),
        (C, "CHEUNG MAN-YEE"),
        (D, "Maybe he was just old, 高姐。八十二歲，眼都唔好。"),
        (C, "MADAM KO"),
        (D, "佢閉埋眼都摸得出邊隻係一筒。"),
        (A, "高姐 puts the fish in her TROLLEY and walks on without waiting."),
    ],
    "3": [
        (
            A,
            "阿儀 backs into the cashier's desk. A jar of tokens crashes to the floor and rolls under the tables. The green lamps flicker and then hold steady.",
        ),
        (C, "GRANDPA"),
        (D, "你細個我教過你食糊，記唔記得？"),
        (C, "CHEUNG MAN-YEE"),
        (D, "I was six!"),
        (C, "GRANDPA"),
        (D, "六歲已經識計番，長大咗去做會計，浪費。"),
    ],
    "4": [
        (C, "GRANDPA"),
        (D, "仲有，我只可以留到頭七之後嗰朝日出。日頭一出，我就要走。"),
        (C, "CHEUNG MAN-YEE"),
        (D, "Seven days to learn mahjong. 阿爺，我做 audit 都冇咁趕。"),
        (
            A,
            "阿爺 laughs and pushes the wall of tiles towards her. She picks one up with two fingers, as if it might bite.",
        ),
    ],
    "5": [
        (
            A,
            "Colleagues walk past the glass. Someone knocks on the door and points at a watch: a meeting. 阿儀 holds up one finger and turns her back.",
        ),
        (C, "CHEUNG MAN-YEE"),
        (D, "(covering the phone) 五十萬係我儲嚟買樓首期㗎……(into the phone) Fine. Cash."),
    ],
    "6": [
        (
            A,
            "The clock on the wall says 2:10 a.m. A pile of shells stands beside 高姐: she plays for real money even in practice.",
        ),
        (C, "MADAM KO"),
        (D, "阿儀，你今晚輸咗我三百二蚊，記住找數。"),
        (C, "CHEUNG MAN-YEE"),
        (D, "Three hundred and twenty. 我記落簿。"),
        (C, "GRANDPA"),
        (D, "唔好淨係記數，睇牌！高姐聽緊二五萬。"),
    ],
    "7": [
        (C, "CHEUNG MAN-YEE"),
        (D, "(to the stall owner) 三百八？Does it find cameras inside a lamp?"),
        (
            A,
            "The stall owner nods and wraps the detector in newspaper. 阿儀 turns it over in her hands, reads the label, and switches it on: a green light.",
        ),
    ],
    "8": [
        (C, "BENNY LO"),
        (D, "我都係打工。謝生話，如果佢輸咗，我份工都冇埋。"),
        (C, "CHEUNG MAN-YEE"),
        (D, "Then you should have picked a better boss, 斌哥。"),
        (A, "The car stops at a red light on Nam Cheong Street. 阿儀 gets out and walks away into the rain."),
    ],
    "9": [
        (
            A,
            "Floor-to-ceiling windows. On the desk, a model of the redevelopment: thirty-storey towers where the old tenement blocks of 桂林街 stand.",
        ),
        (C, "TSE KA-FAI"),
        (D, "十二億嘅項目，唔可以因為一間麻雀館停。佢輸咗，五十萬撥落你花紅。"),
        (C, "BENNY LO"),
        (D, "明白，謝生。"),
    ],
    "11": [
        (
            A,
            "The detector's light turns from green to red. 阿爺 peers over her shoulder at the tiny lens, fascinated.",
        ),
        (C, "GRANDPA"),
        (D, "我哋嗰陣出千，最多喺袖入面收隻牌。而家啲人咁高科技。"),
    ],
    "12": [
        (
            A,
            "A bare bulb over the landing. Somewhere above, a radio plays Cantonese opera. 斌哥 sits down on the step and wipes his face with a handkerchief.",
        ),
        (C, "BENNY LO"),
        (D, "高姐，俾返我。謝生會殺咗我。"),
        (C, "MADAM KO"),
        (D, "佢殺你之前，你諗吓你自己點做人先。上去，當冇事發生，打你嘅牌。"),
    ],
    "13": [
        (
            A,
            "The first hands are slow. 謝生 wins one small hand, then another. The pile of cash in front of 阿儀 shrinks to $420,000.",
        ),
        (C, "TSE KA-FAI"),
        (D, "張小姐，而家收手仲來得切。"),
        (C, "CHEUNG MAN-YEE"),
        (D, "我阿爺教落，未打完唔好計數。"),
        (A, "阿爺 coughs once: 筒子. 阿儀 holds her circles. 高姐 watches her with narrowed eyes."),
        (C, "MADAM KO"),
        (D, "(to 阿儀) 你成晚咳乜嘢呀？"),
        (C, "CHEUNG MAN-YEE"),
        (D, "喉嚨痕。"),
        (
            A,
            "Another hand. 斌哥 deals with trembling fingers and drops a tile on the floor. 謝生 kicks it back to him under the table.",
        ),
        (C, "TSE KA-FAI"),
        (D, "手震乜嘢？你又唔係第一次。"),
        (C, "BENNY LO"),
        (D, "冷氣……冷氣好凍。"),
        (C, "GRANDPA"),
        (D, "(to 阿儀) 佢怕。怕嘅人一定打錯牌。睇住佢下一隻。"),
        (A, "斌哥 discards the north wind. 阿儀 keeps it in mind. Her cash is down to $380,000."),
        (C, "MADAM KO"),
        (D, "謝生，你成晚望住個燈做乜？個燈有靚女呀？"),
        (C, "TSE KA-FAI"),
        (D, "(smiling thinly) 高姐，專心打牌。"),
        (
            A,
            "The last round. 阿爺 stands very still behind 阿儀. His hand hovers over her tiles: he does not touch them.",
        ),
        (C, "GRANDPA"),
        (D, "仲差一隻。紅中。四隻紅中，佢哋打咗兩隻出嚟，仲有兩隻喺牆度。"),
        (C, "CHEUNG MAN-YEE"),
        (D, "(whispering) 機會率……百分之十一。"),
        (C, "GRANDPA"),
        (D, "會計師！摸牌啦！"),
    ],
    "14": [
        (
            A,
            "The cash is still on the table: 阿儀 counts it back into its envelope, all $500,000, and hands it to 高姐 to hold.",
        ),
        (C, "TSE KA-FAI"),
        (D, "(to 斌哥) 你，聽日唔使返工。"),
        (C, "BENNY LO"),
        (D, "我今日已經唔返喇。"),
    ],
    "15": [
        (A, "Pigeons circle the water tanks. Below, the first minibuses start up on Kweilin Street."),
        (C, "CHEUNG MAN-YEE"),
        (D, "阿爺……thank you. 我以後星期六都嚟打。"),
        (C, "GRANDPA"),
        (D, "唔好賭錢。打牌係打人情。"),
    ],
    "17": [
        (C, "MADAM KO"),
        (D, "你阿爺走之前有冇同你講咩？"),
        (C, "CHEUNG MAN-YEE"),
        (D, "佢話，打牌係打人情。同埋叫我聽你講。"),
        (C, "MADAM KO"),
        (D, "(laughing) 死老鬼，死咗都要叫人聽我講。"),
    ],
    "16": [
        (
            A,
            "Every table is full. The VIP lamp has a new shade. 阿儀, in jeans, carries a tray of milk tea between the tables.",
        ),
        (C, "MADAM KO"),
        (D, "今日開張，頭三枱免費！斌仔，收銀唔好收錯錢！"),
        (C, "BENNY LO"),
        (D, "知道，高姐！"),
    ],
}


def with_extras(script: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """SCRIPT with each scene's EXTRA paragraphs added at its end (before a closing transition)."""
    scenes: list[list[tuple[str, str]]] = []
    for kind, text in script:
        if kind == H:
            scenes.append([])
        scenes[-1].append((kind, text))
    out: list[tuple[str, str]] = []
    for scene in scenes:
        number = scene[0][1].split(".")[0]
        more = EXTRA.get(number, [])
        if scene[-1][0] == T:
            out += scene[:-1] + more + scene[-1:]
        else:
            out += scene + more
    return out


def build(path: Path) -> None:
    doc = Document()
    doc.core_properties.title = "雀鬼 MAHJONG GHOST"
    doc.core_properties.author = "Slate held-out set"
    doc.core_properties.created = datetime.datetime(2027, 8, 20, tzinfo=datetime.UTC)
    doc.core_properties.modified = datetime.datetime(2027, 8, 20, tzinfo=datetime.UTC)
    indents = {H: 0, A: 0, C: 2.2, P: 1.6, D: 1.0, T: 4.0}
    for name, left in indents.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.font.name = "Courier New"
        style.font.size = Pt(12)
        style.paragraph_format.left_indent = Inches(left)
        if name == H:
            style.font.bold = True
    for kind, text in with_extras(SCRIPT):
        doc.add_paragraph(text, style=kind)
    doc.save(str(path))


if __name__ == "__main__":
    build(Path(__file__).with_name("mahjong_ghost.docx"))
