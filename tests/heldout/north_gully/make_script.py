"""Writes north_gully.docx, the held-out screenplay 《北坑》 NORTH GULLY (Word, styled paragraphs).

Original text written for Slate's held-out measure (CC0); every name, address, boat and number is fictional.
A Sai Kung mountain-rescue drama: a volunteer rescuer who swore never to go back up Sharp Peak goes back
up it one night for a nineteen-year-old hiker lost in the north gully.

Run: .venv/bin/python tests/heldout/north_gully/make_script.py   (needs python-docx)
Scene numbers are written before the heading (`9A. INT. ...`); paragraph styles are the usual screenplay
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
    # ------------------------------------------------------------------------------------------------ 1
    (H, "1. EXT. SHARP PEAK 蚺蛇尖 - RIDGE - DAWN"),
    (
        A,
        "Darkness turning blue. A knife-edge ridge of grass and bare rock, high above the sea. Far below, "
        "the four beaches of Tai Long Wan 大浪灣 catch the first grey light. The wind hisses through the grass.",
    ),
    (
        A,
        "JASON LAU (劉子軒, 阿軒, 19, university student, a yellow windbreaker, a small camera on a chest "
        "strap) screws a phone onto a mini tripod. SAM TSANG (曾子朗, 阿朗, 20, his classmate, a grey hoodie "
        "and hiking boots so new they still shine) unpacks a DRONE from a foam case.",
    ),
    (C, "JASON"),
    (D, "快啲啦，六點三十一分日出，仲有四分鐘咋。"),
    (C, "SAM"),
    (D, "得啦得啦。你條 channel 得八千個 subscriber，使唔使咁認真呀？"),
    (C, "JASON"),
    (D, "八千個都係人嚟㗎。"),
    (P, "(to the phone, a bright YouTube voice)"),
    (D, "早晨！歡迎返嚟《軒行山》！今日我哋喺蚺蛇尖頂，四點喺北潭凹起步，行咗兩個鐘……"),
    (
        A,
        "The sun breaks the horizon. Orange light floods the ridge. Sam sends the drone up; it whines into the wind.",
    ),
    (C, "SAM"),
    (D, "Wow. 好靚。Look at that."),
    (C, "JASON"),
    (P, "(eyes on the controller screen)"),
    (D, "唔好飛咁出，北面風好大㗎。阿朗！拉返嚟！"),
    (C, "SAM"),
    (D, "得㗎，我識飛㗎……"),
    (
        A,
        "A gust. The drone tilts, drops, and disappears over the north side of the ridge. On the controller "
        "screen: a blur of rock, then black. SIGNAL LOST.",
    ),
    (C, "SAM"),
    (D, "……冇咗。"),
    (C, "JASON"),
    (D, "部機一萬二千八㗎！我做咗成個暑假補習先儲夠錢買㗎！"),
    (C, "SAM"),
    (D, "我賠俾你囉。分期，得唔得？"),
    (
        A,
        "Jason walks to the edge and looks down: a steep gully of loose scree and thorny shrubs, wet with dew, "
        "falling away into shadow. Fifty metres down, a small red light blinks in a bush.",
    ),
    (C, "JASON"),
    (D, "佢喺度！仲著住燈。我落去攞。"),
    (C, "SAM"),
    (P, "(grabbing his arm)"),
    (D, "你癲㗎？呢邊冇路㗎。個牌都寫住「危險，切勿進入」。"),
    (C, "JASON"),
    (D, "唔使十分鐘。你行大路落赤徑等我，我喺下面抄條近路落嚟。Chek Keng pier, OK? 一陣見。"),
    (
        A,
        "Before Sam can answer, Jason lowers himself over the edge, gripping a tuft of grass. His yellow "
        "windbreaker sinks out of sight.",
    ),
    (
        A,
        "Sam stands alone on the ridge with the empty drone case. The sun is fully up now. He shouts once into "
        "the gully, gets no answer, and starts down the main path.",
    ),
    (T, "CUT TO:"),
    # ------------------------------------------------------------------------------------------------ 2
    (H, "2. EXT. CHEK KENG PIER 赤徑碼頭 - DAY"),
    (
        A,
        "A concrete pier sticking out into a still, green inlet. Mangroves. A faded timetable board: "
        "「赤徑 ⇄ 黃石碼頭 街渡」. The afternoon sun is already sliding behind the hills.",
    ),
    (
        A,
        "Sam sits on the pier steps, the drone case beside him, phone in hand. On the screen, a chat thread: "
        "a column of unsent messages, each with a grey clock. One bar of signal, then none.",
    ),
    (
        A,
        "At the far end of the pier, UNCLE CHAN (陳伯, 78, the last villager of Chek Keng, straw hat, bare feet, "
        "skin like old leather) mends a fishing net. He looks at Sam now and then. He does not say a word.",
    ),
    (C, "SAM"),
    (P, "(recording a voice message)"),
    (D, "阿軒，我喺赤徑碼頭等咗你三個鐘喇。你係咪自己行咗去大浪灣食嘢，唔理我？覆我啦，衰人。"),
    (
        A,
        "He presses send. The message spins. Fails. He looks up at the mountain: Sharp Peak stands over the bay like a shark's fin.",
    ),
    (A, "A KAITO ferry chugs round the headland and noses toward the pier. Its horn sounds twice."),
    (C, "SAM"),
    (P, "(reading the timetable)"),
    (D, "三點一刻……最後一班。"),
    (A, "He stands. Looks at the mountain. Looks at the ferry. Uncle Chan stops mending and watches him."),
    (C, "SAM"),
    (P, "(to himself)"),
    (D, "佢實已經落咗山。佢成日都係咁，自己走先，留低我一個。"),
    (A, "He picks up the case and steps aboard. The kaito backs away from the pier."),
    (
        A,
        "Uncle Chan watches the ferry go. Then he turns his eyes to the north face of Sharp Peak, where a pair "
        "of black kites circle over the gully, round and round.",
    ),
    # ------------------------------------------------------------------------------------------------ 3
    (H, "3. INT. SAI KUNG RESCUE BASE 西貢搜救基地 - RADIO ROOM - NIGHT"),
    (
        A,
        "An old village-school classroom turned radio room: three radios on a teacher's desk, a wall of maps, "
        "a whiteboard, a kettle. A wall clock says 9:40. Rain ticks on the window. Outside, a green minibus "
        "roars past on Hiram's Highway.",
    ),
    (
        A,
        "FAT BO (肥波, 何家波, 52, ex-fisherman, a big belly, reading glasses on a string) eats curry fish balls "
        "from a paper cup with one hand and fills in the log book with the other. The desk phone rings. He "
        "answers on speaker.",
    ),
    (C, "肥波"),
    (D, "西貢義務搜救隊，你好。"),
    (C, "MRS LAU (ON PHONE)"),
    (D, "喂？係咪搜救隊呀？我姓劉……我個仔去咗行山，到而家都未返。"),
    (C, "肥波"),
    (D, "劉太，唔使急，慢慢講。佢叫咩名？幾多歲？"),
    (C, "MRS LAU (ON PHONE)"),
    (
        D,
        "劉子軒，十九歲。今朝三點出門口，話去蚺蛇尖影日出。今晚係佢婆婆八十歲生日，六點喺尖沙咀酒樓飲，佢話實趕得切。佢冇嚟。電話一直打唔通。",
    ),
    (C, "肥波"),
    (P, "(writing)"),
    (D, "同邊個去？"),
    (C, "MRS LAU (ON PHONE)"),
    (
        D,
        "同佢同學，曾子朗，阿朗。阿朗阿媽話佢下晝已經返咗屋企，話佢哋喺山頂分咗手。我而家喺台北出差，我……I can't get back tonight. There's no flight. 求下你哋。",
    ),
    (C, "肥波"),
    (D, "你有冇報警？"),
    (C, "MRS LAU (ON PHONE)"),
    (D, "報咗。西貢警署個葉sir叫我打嚟搵你哋。"),
    (C, "肥波"),
    (D, "好。劉太，你保持電話開住，唔好瞓。我哋而家出動。"),
    (
        A,
        "He hangs up, takes off his glasses and looks at a faded PHOTO pinned above the radios: the team in "
        "orange jackets on a summit, a banner reading 「2029 秋季訓練」. In the middle, a young woman laughs "
        "with her arms round two volunteers.",
    ),
    (A, "He picks up his mobile and dials. It rings out. He dials again."),
    (C, "肥波"),
    (P, "(muttering)"),
    (D, "阿琪，聽電話啦……三年喇，聽一次啦。"),
    # ------------------------------------------------------------------------------------------------ 4
    (H, "4. INT. ROCKWALL CLIMBING GYM 石牆攀石館 - NIGHT"),
    (
        A,
        "The ninth floor of a Kwun Tong industrial building, turned into a climbing gym: walls of coloured "
        "holds, blue crash mats, chalk dust hanging in the air. A wall clock: 10:25.",
    ),
    (
        A,
        "KELLY MAK (麥凱琪, 阿琪, 33, wiry, a thin scar through her left eyebrow) belays an eight-year-old girl "
        "up the wall. Three more KIDS wait in harnesses, swinging their legs. On the bench, Kelly's phone buzzes "
        "and buzzes: 「肥波 (6)」. She ignores it.",
    ),
    (C, "KELLY"),
    (D, "右腳踩嗰粒黃色。好，唔好望落嚟，望住上面。You got this."),
    (
        A,
        "The gym door bangs open. 肥波 walks in, out of breath, rain dripping from his jacket, and plants "
        "himself at the foot of the wall.",
    ),
    (C, "肥波"),
    (D, "你唔聽電話，我咪自己揸車嚟囉。"),
    (C, "KELLY"),
    (P, "(not looking at him)"),
    (D, "我教緊堂。一個鐘三百八蚊，人哋家長俾咗錢㗎。"),
    (C, "肥波"),
    (D, "蚺蛇尖，北面。一個十九歲嘅後生仔，今朝七點之後冇咗訊號。佢同學話佢哋喺山頂分手。我唔信。"),
    (A, "Kelly's hands stop on the rope. The girl on the wall looks down, worried."),
    (C, "KELLY"),
    (D, "三年前我喺基地講過，我唔會再上蚺蛇尖。你記得㗎。"),
    (C, "肥波"),
    (D, "我記得。我仲記得嗰晚你喺北坑坐咗成個鐘，點拉都唔肯走。"),
    (C, "KELLY"),
    (D, "我哋遲咗四十分鐘。四十分鐘，佢就冇咗。"),
    (C, "肥波"),
    (D, "所以今次唔好再遲。成隊人得你一個真係識行北坑。其他人連個入口都搵唔到。"),
    (A, "A long beat. Kelly lowers the girl gently onto the mat, unclips her and ruffles her helmet."),
    (C, "KELLY"),
    (P, "(to the kids)"),
    (D, "今日上到呢度。Class dismissed. 同媽咪講，今晚唔使俾錢。"),
    (
        A,
        "She opens the staff locker. At the back, under a bag of chalk, hangs an old orange RESCUE JACKET. "
        "On its back, in faded reflective letters: SK-1.",
    ),
    (C, "KELLY"),
    (D, "架車泊喺邊？"),
    (C, "肥波"),
    (P, "(already walking)"),
    (D, "樓下，雙黃線。快啲，我怕抄牌。"),
    # ------------------------------------------------------------------------------------------------ 5
    (H, "5. INT. SAI KUNG RESCUE BASE 西貢搜救基地 - BRIEFING ROOM - NIGHT"),
    (
        A,
        "Another classroom: rows of little school chairs, a projector, a huge contour MAP of Sai Kung East "
        "Country Park on the wall. 11:30 p.m.",
    ),
    (
        A,
        "INSPECTOR YIP (葉國明, 葉sir, 55, Sai Kung police, calm, grey at the temples) stands at the map. Sam "
        "sits on a tiny school chair, hood up, the empty drone case between his feet. 阿琪 and 肥波 stand at "
        "the back, still in their wet jackets.",
    ),
    (C, "INSPECTOR YIP"),
    (
        D,
        "電訊公司覆咗。劉子軒部電話最後一次連線，係今朝七點十二分，蚺蛇尖嗰個基站。之後就冇咗，應該係冇電或者冇訊號。",
    ),
    (C, "KELLY"),
    (D, "七點十二。日出之後四十分鐘。"),
    (C, "INSPECTOR YIP"),
    (P, "(to Sam)"),
    (D, "曾同學，你再講一次。你哋喺邊度分手？"),
    (C, "SAM"),
    (D, "山頂。影完日出，佢話想自己行去大浪灣影沙灘，我就落赤徑搭船走。"),
    (C, "KELLY"),
    (D, "佢一個人行去大浪灣，你就由得佢？"),
    (C, "SAM"),
    (D, "佢成日都係咁㗎。佢識路，佢行過好多次。"),
    (
        A,
        "阿琪 walks over and crouches in front of Sam. She looks at his hands on his knees: scratches across "
        "both palms, fresh, with grass cuts.",
    ),
    (C, "KELLY"),
    (D, "由山頂行落赤徑，係大路，有石級，有欄杆。你兩隻手點解成手都係刮傷？"),
    (C, "SAM"),
    (P, "(hiding his hands in his sleeves)"),
    (D, "跌咗一跤。"),
    (C, "INSPECTOR YIP"),
    (D, "大浪灣嗰邊，我已經叫水警巡咗兩轉，四個沙灘都冇人見過一個著黃色風褸嘅後生仔。士多啲人都話冇。"),
    (C, "肥波"),
    (D, "葉sir，飛行服務隊點講？"),
    (C, "INSPECTOR YIP"),
    (D, "雲底得二百五十米，直升機今晚飛唔到。最快天光，六點二十。"),
    (C, "KELLY"),
    (P, "(standing)"),
    (D, "咁我哋唔等天光。肥波，車匙。"),
    (P, "(to Sam)"),
    (D, "你，跟我哋上車。"),
    (C, "SAM"),
    (D, "我？點解要我去？"),
    (C, "KELLY"),
    (D, "因為你係最後一個見過佢嘅人。"),
    # ------------------------------------------------------------------------------------------------ 6
    (H, "6. INT./EXT. FAT BO'S LAND ROVER 肥波架車 (MOVING) - NIGHT"),
    (
        A,
        "An old green Land Rover grinds up Pak Tam Road 北潭路 in heavy rain, wipers on full. 肥波 drives. "
        "阿琪 rides in front, a radio in her lap. Sam sits in the back, the drone case on his knees.",
    ),
    (
        A,
        "The headlights catch a WILD BOAR on the verge. 肥波 brakes hard. The drone case slides off Sam's "
        "knees and bursts open on the floor: foam, spare batteries, and the REMOTE CONTROLLER, its screen "
        "cracked but still lit, frozen on the last frame: a rocky gully seen from above. Red text: SIGNAL LOST 06:41.",
    ),
    (A, "阿琪 picks the controller up. Looks at the frozen frame. Looks at Sam."),
    (C, "KELLY"),
    (D, "呢度唔係大浪灣。呢度係北坑。"),
    (A, "Silence. Only the wipers. Then Sam breaks."),
    (C, "SAM"),
    (
        D,
        "係我飛嘅……風好大，部 drone 跌咗落去。佢話落去攞，十分鐘就返。我喺赤徑碼頭等咗三個鐘，佢冇嚟。我以為……我以為佢自己落咗山，嬲咗我，唔覆我。",
    ),
    (C, "肥波"),
    (P, "(over his shoulder)"),
    (D, "咁你點解同警察講大話？"),
    (C, "SAM"),
    (D, "部機一萬二千八。係我整爛嘅。我驚……我驚佢阿媽要我賠，我驚人哋話我掉低佢。"),
    (C, "KELLY"),
    (D, "你係掉低咗佢。"),
    (A, "Sam covers his face. 阿琪 winds the window down; rain blows in. She keys her RADIO."),
    (C, "KELLY"),
    (P, "(into radio)"),
    (D, "葉sir，SK-1。改搜索範圍：北坑，唔係大浪灣。再講一次，北坑。佢六點四十一分之後落咗北坑。"),
    (A, "She listens to the reply, nods, and clips the radio to her chest."),
    (C, "肥波"),
    (D, "北坑……阿琪，你頂唔頂得順？"),
    (C, "KELLY"),
    (D, "揸你架車啦。"),
    (A, "肥波 puts his foot down. The Land Rover roars round the bend toward Pak Tam Au."),
    # ------------------------------------------------------------------------------------------------ 7
    (H, "7. EXT. PAK TAM AU TRAILHEAD 北潭凹 - NIGHT"),
    (
        A,
        "A lay-by on the mountain road: a bus stop, a country-park map board, a concrete toilet block. A POLICE "
        "VAN, blue light turning. Twelve VOLUNTEERS in orange jackets check headlamps, ropes and a folding "
        "STRETCHER under the one street lamp. 12:40 a.m. The rain has eased to drizzle.",
    ),
    (A, "葉sir spreads a map on the bonnet of the Land Rover. 阿琪, 肥波 and Sam gather round it."),
    (C, "KELLY"),
    (
        D,
        "十二個人，分三隊。A隊由北潭凹上山脊，沿住大路搵，睇吓山頂附近有冇嘢跌低。B隊去大浪灣，由鹹田灣沙灘向上搵。C隊由赤徑入，由下面上北坑。",
    ),
    (C, "INSPECTOR YIP"),
    (D, "北坑冇路，晚黑落過雨，啲石好鬆。邊個帶C隊？"),
    (C, "KELLY"),
    (D, "我。同埋佢。"),
    (A, "She nods at Sam. The volunteers look at one another."),
    (C, "肥波"),
    (D, "阿琪，佢對鞋仲新過我架車，著都未著慣。"),
    (C, "KELLY"),
    (D, "佢知佢喺邊度落去。"),
    (P, "(to Sam)"),
    (D, "行唔行得？"),
    (C, "SAM"),
    (P, "(a beat)"),
    (D, "行得。"),
    (C, "INSPECTOR YIP"),
    (D, "我留喺度做指揮站。肥波，你返基地睇住個無線電，同劉太保持聯絡。"),
    (C, "肥波"),
    (P, "(handing Kelly a spare battery pack)"),
    (D, "每個鐘報一次。過咗十五分鐘冇聲，我就叫晒全隊人上去搵你。你都唔例外。"),
    (C, "KELLY"),
    (D, "Deal."),
    (
        A,
        "She clips a HEADLAMP onto Sam's hood, switches it on, and walks off down the dark path toward Chek "
        "Keng without looking back. Sam hurries after her. The other volunteers split up into the drizzle, "
        "their lights strung out along the hillside.",
    ),
    (T, "CUT TO:"),
    # ------------------------------------------------------------------------------------------------ 8
    (H, "8. EXT. SHARP PEAK 蚺蛇尖 - NORTH GULLY - NIGHT"),
    (
        A,
        "Pitch black. Water trickles over rock. A small circle of light: JASON, wedged against a boulder on a "
        "narrow ledge halfway down the gully, his right ankle swollen and bent wrong inside his sock. The "
        "DRONE lies beside him, one propeller snapped off.",
    ),
    (A, "He holds up his phone. 3% battery. No signal. He opens the camera and turns it on himself."),
    (C, "JASON"),
    (P, "(shivering)"),
    (D, "媽。如果你見到呢段片……"),
    (A, "He stops, and laughs weakly."),
    (C, "JASON"),
    (D, "唔係，我唔會有事嘅。我攞到部 drone 喇。你睇。"),
    (A, "He turns the phone to the drone, then back to his face. His lips are pale."),
    (C, "JASON"),
    (
        D,
        "我隻右腳應該斷咗。踩爛石，跌咗落嚟差唔多十米。我已經唔記得而家幾點，好凍……婆婆生日，sorry 呀婆婆，我答應咗幫你影全家福。",
    ),
    (A, "The battery warning flashes: 2%."),
    (C, "JASON"),
    (D, "阿朗，如果你都見到……唔關你事㗎。係我自己要落嚟。一萬二千八，唔使你賠。"),
    (
        A,
        "The phone dies. Darkness. He fumbles in his pocket for a small TORCH, switches it on, and points it "
        "up the gully toward the sky. Three short flashes. Three long. Three short.",
    ),
    (A, "Then again. And again. Until his arm drops onto his chest and the beam lies still on the rock."),
    # ------------------------------------------------------------------------------------------------ 9
    (H, "9. EXT. CHEK KENG VILLAGE 赤徑村 - NIGHT"),
    (
        A,
        "An abandoned Hakka village: roofless stone houses, banyan roots through the walls, a little chapel "
        "with a broken cross. 1:50 a.m. The rain has stopped. Two headlamps bob along the path between the ruins.",
    ),
    (A, "阿琪 leads, fast and silent. Sam stumbles behind, breathing hard, his new boots squelching."),
    (C, "SAM"),
    (P, "(gasping)"),
    (D, "阿琪……Kelly 姐……可唔可以停一停……一分鐘就得……"),
    (C, "KELLY"),
    (D, "唔可以。佢已經停咗成日。"),
    (
        A,
        "A light flares in a doorway. Sam yelps and nearly falls. UNCLE CHAN stands there in a singlet, holding "
        "up a KEROSENE LAMP, staring at them.",
    ),
    (C, "KELLY"),
    (D, "陳伯？咁夜仲未瞓？"),
    (
        A,
        "Uncle Chan does not answer. He looks at Sam for a long moment, then beckons: come. He turns and walks "
        "into his house, the only one in the village that still has a roof.",
    ),
    (C, "SAM"),
    (D, "佢……佢今日下晝喺碼頭見過我。"),
    (C, "KELLY"),
    (D, "陳伯唔講嘢㗎，三十年都係咁。佢叫你入去，你就入去。"),
    # ------------------------------------------------------------------------------------------------ 9A
    (H, "9A. INT. CHEK KENG VILLAGE 赤徑村 - CHAN'S HUT - CONTINUOUS"),
    (
        A,
        "One room: a bed, a shrine, a cold stove. Uncle Chan sets the lamp down, goes to the back window and points up at the black mountain.",
    ),
    (A, "High on the north face of Sharp Peak, a tiny light: three short, three long, three short."),
    (C, "KELLY"),
    (P, "(into radio)"),
    (D, "基地，SK-1。見到 SOS 燈號，北坑，大約海拔三百五十米。我哋而家上去。"),
    (
        A,
        "Sam presses his palm to the glass. Uncle Chan pushes a bag of dried longan into his pocket and steers him out of the door.",
    ),
    # ------------------------------------------------------------------------------------------------ 10
    (H, "10. OMITTED"),
    # ------------------------------------------------------------------------------------------------ 11
    (H, "11. INT. SAI KUNG RESCUE BASE 西貢搜救基地 - RADIO ROOM - NIGHT"),
    (
        A,
        "2:30 a.m. 肥波 at the radios, headset on, a cup of instant noodles going cold. The whiteboard now "
        "has a rough drawing of the gully, a cross, and 「SOS 350m」 circled twice.",
    ),
    (C, "肥波"),
    (P, "(into the headset)"),
    (D, "SK-1，收到。北坑三百五十米。小心啲行，石頭濕。Over."),
    (A, "The desk phone rings. He takes it on speaker."),
    (C, "MRS LAU (ON PHONE)"),
    (D, "波哥？有冇消息呀？"),
    (C, "肥波"),
    (D, "劉太，我哋見到佢支電筒。佢識打 SOS，即係佢仲清醒。我哋有人而家上緊去。"),
    (C, "MRS LAU (ON PHONE)"),
    (P, "(crying, then steadying herself)"),
    (D, "我買咗聽朝七點五十嗰班機，九點三十五到香港。我落機直接去西貢。"),
    (C, "肥波"),
    (D, "好，你落機再打俾我。佢而家需要你冷靜，你都要瞓一陣。"),
    (A, "He hangs up, and at once dials another number on his mobile."),
    (C, "肥波"),
    (
        D,
        "蓮姐？係我，肥波。……我知而家兩點半。……係，又係搜救。聽朝六點，幫我開海燕號入大浪灣等，可能要載個傷者出西貢。",
    ),
    (P, "(wincing)"),
    (D, "我知，我知我哋上次仲欠你六百蚊油錢。今次一齊計，一齊計。"),
    (A, "He hangs up and sits back. On the wall, the 2029 photo has slipped crooked. He straightens it."),
    (C, "肥波"),
    (P, "(to the photo)"),
    (D, "今次唔好再遲呀，阿琪。"),
    # ------------------------------------------------------------------------------------------------ 12
    (H, "12. EXT. SHARP PEAK 蚺蛇尖 - NORTH GULLY - NIGHT"),
    (
        A,
        "3:10 a.m. Two headlamps crawl up the gully between wet boulders. 阿琪 climbs first, hand over hand, "
        "a rope coiled over her shoulder. Sam follows, slipping, grabbing at thorns.",
    ),
    (C, "KELLY"),
    (P, "(shouting up)"),
    (D, "劉子軒！阿軒！聽唔聽到？西貢搜救隊！"),
    (A, "Silence. Water drips. Then, from above, a weak beam of torchlight wavers across the rock."),
    (C, "JASON (O.S.)"),
    (D, "……呢度……我喺呢度……"),
    (
        A,
        "They scramble up onto the ledge. Jason lies against the boulder, lips blue, the broken drone in his "
        "lap like a baby.",
    ),
    (C, "SAM"),
    (D, "阿軒！"),
    (C, "JASON"),
    (P, "(a weak smile)"),
    (D, "你返嚟做咩？你唔係搭咗船走咩？"),
    (
        A,
        "阿琪 kneels, checks his pulse at the neck, shines her light in his eyes, and wraps him in a crackling "
        "FOIL BLANKET.",
    ),
    (C, "KELLY"),
    (D, "我叫阿琪，西貢義務搜救隊。阿軒，望住我。邊度痛？"),
    (C, "JASON"),
    (D, "右腳。同埋……全身。"),
    (C, "KELLY"),
    (D, "個頭有冇撞到？有冇暈過？"),
    (C, "JASON"),
    (D, "冇。跌嗰陣我用隻手撐住。"),
    (
        A,
        "She cuts his laces, eases what is left of the boot off, and splints the ankle with a SAM SPLINT and "
        "two triangular bandages. Jason screams into his sleeve.",
    ),
    (C, "KELLY"),
    (P, "(to Sam)"),
    (D, "攞個保溫樽出嚟，俾佢飲啲暖水。慢慢飲，唔好一啖過。"),
    (A, "Sam unscrews the flask. His hands shake so much the cup rattles. Jason drinks."),
    (C, "SAM"),
    (D, "阿軒，對唔住。我應該等你。我應該一落山就報警。我仲同警察講大話，話你去咗大浪灣……"),
    (C, "JASON"),
    (P, "(coughing)"),
    (D, "你講大話？"),
    (C, "SAM"),
    (D, "我驚要賠部 drone。一萬二千八呀。"),
    (C, "JASON"),
    (P, "(laughing, then wincing)"),
    (D, "你個衰人……部 drone 喺度呀，我攞到喇。爛咗一塊 propeller 啫。"),
    (A, "Sam laughs too, and cries at the same time. 阿琪 checks her watch: 3:25. She keys the radio."),
    (C, "KELLY"),
    (P, "(into radio)"),
    (D, "基地，SK-1。搵到人。清醒，右腳踝懷疑骨折，有低溫症狀。我哋喺原地等天光。Over."),
    (A, "Static. Then a burst of cheering from the base. She turns the volume down, almost smiling."),
    (C, "JASON"),
    (P, "(to Kelly)"),
    (D, "你點知我喺呢度？"),
    (C, "KELLY"),
    (D, "赤徑有個阿伯，見到你支電筒。你打 SOS 打得好標準。邊個教你㗎？"),
    (C, "JASON"),
    (D, "YouTube。"),
    (
        A,
        "Kelly sits down beside him, her back against the boulder, and switches off her headlamp to save the "
        "battery. For the first time tonight she is still.",
    ),
    (C, "KELLY"),
    (
        D,
        "三年前，都係呢條坑，都係十月……有個行山佬跌咗落嚟。我哋搵咗成晚，搵到嗰陣天已經光，遲咗四十分鐘。由嗰日開始，我冇再上過蚺蛇尖。",
    ),
    (C, "JASON"),
    (D, "咁你今晚點解上嚟？"),
    (C, "KELLY"),
    (D, "因為有個肥佬，走咗去攀石館嘈我。"),
    (A, "Jason laughs, and winces again. Sam pulls off his own hoodie and wraps it round Jason's good foot."),
    (C, "SAM"),
    (D, "直升機幾時嚟？"),
    (C, "KELLY"),
    (D, "天光，六點二十。如果雲散咗。"),
    (A, "She looks up. Above the gully the cloud hangs low and white, hiding the ridge completely."),
    (C, "KELLY"),
    (D, "而家我哋等。不過唔准瞓，要講嘢。阿軒，講吓你條 channel。"),
    (C, "JASON"),
    (D, "《軒行山》。八千個 subscriber。"),
    (P, "(a beat)"),
    (D, "今晚之後，應該會多啲。"),
    (C, "SAM"),
    (D, "我 subscribe 咗㗎。我係第一個。"),
    (C, "JASON"),
    (D, "我知。你仲係唯一一個俾 dislike 嘅。"),
    (A, "The three of them laugh in the dark, under the foil and the fog, waiting for the light."),
    # ------------------------------------------------------------------------------------------------ 13
    (H, "13. EXT. SHARP PEAK 蚺蛇尖 - NORTH GULLY - DAWN"),
    (
        A,
        "Grey light. Fog fills the gully like milk; every boulder drips. Somewhere above, the thud of a "
        "HELICOPTER, circling, unseen.",
    ),
    (C, "KELLY"),
    (P, "(into radio)"),
    (D, "飛行服務隊，SK-1。我哋喺北坑三百五十米，聽到你，見唔到你。重複，見唔到你。Over."),
    (
        A,
        "The helicopter sound passes overhead, fades, comes back. 阿琪 listens to the reply. Her face falls.",
    ),
    (C, "KELLY"),
    (P, "(to the boys)"),
    (D, "雲底太低，佢哋吊唔到人落嚟。要等雲散，最快可能要十點。"),
    (C, "JASON"),
    (D, "十點……"),
    (A, "Jason is grey-faced, shaking hard under the foil. His words come slow."),
    (C, "SAM"),
    (D, "佢等唔到十點㗎。你睇佢。"),
    (C, "KELLY"),
    (D, "我知。"),
    (A, "She looks down the gully, into the fog, toward the sea she cannot see. She decides."),
    (C, "KELLY"),
    (D, "我哋抬佢落大浪灣。一公里半，成條都係落斜，大約兩個鐘。蓮姐條船六點已經喺灣度等緊。"),
    (C, "SAM"),
    (D, "淨係我哋兩個？點抬？"),
    (C, "KELLY"),
    (D, "B隊由沙灘上緊嚟，半路會接我哋。"),
    (P, "(into radio)"),
    (D, "基地，SK-1。改計劃：直升機吊唔到，我哋抬傷者落大浪灣。叫海燕號喺鹹田灣等。B隊喺北坑出口接應。Over."),
    (
        A,
        "She lays out the rope and builds a rope STRETCHER around the foil blanket, knot by knot. Sam copies "
        "her knots on the other side, slowly, then faster.",
    ),
    (C, "JASON"),
    (D, "部 drone 都要帶埋。"),
    (C, "KELLY"),
    (P, "(almost smiling)"),
    (D, "得。你同你部 drone，一齊落山。"),
    (
        A,
        "They lift. Sam's shiny boots skid on the wet rock; he falls to one knee, gets up, and keeps going. "
        "The helicopter's thudding fades away over the ridge.",
    ),
    (T, "CUT TO:"),
    # ------------------------------------------------------------------------------------------------ 14
    (H, "14. EXT. TAI LONG WAN BEACH 大浪灣 - DAY"),
    (
        A,
        "Ham Tin beach 鹹田灣, 9 a.m. White sand, big grey surf booming in. A speedboat with a faded blue hull, "
        "the SEA SWALLOW 「海燕號」, noses into the shallows, engine idling.",
    ),
    (
        A,
        "LIN JE (蓮姐, 鄧玉蓮, 64, owner of the beach's Long Wan Store, rubber boots, a gold tooth, a voice "
        "louder than the sea) stands thigh-deep in the water, holding the bow line.",
    ),
    (
        A,
        "Down the path from the hills come six VOLUNTEERS of Team B with the stretcher. 阿琪 and Sam carry the "
        "front handles. At the back, holding a corner without being asked: Uncle Chan, barefoot as ever.",
    ),
    (C, "蓮姐"),
    (D, "快啲啦！浪大緊呀！十點之後我唔敢開出去㗎！"),
    (C, "KELLY"),
    (D, "蓮姐，唔該晒。"),
    (C, "蓮姐"),
    (D, "唔該就唔使。你哋搜救隊上次仲欠我六百蚊油錢，今次再加一千八百五，記住呀。"),
    (C, "KELLY"),
    (P, "(wading in)"),
    (D, "肥波話一齊計。"),
    (C, "蓮姐"),
    (D, "肥波講嘢，同放屁冇分別。"),
    (P, "(to Jason, softer)"),
    (D, "後生仔，坐穩陣。海燕號開咗三十年，一次都冇翻過。"),
    (
        A,
        "They lift Jason over the side onto the deck. Uncle Chan wades in up to his waist and shoves the bow "
        "off the sand.",
    ),
    (C, "JASON"),
    (P, "(to Uncle Chan)"),
    (D, "阿伯，多謝你。係你見到我支電筒，係咪？"),
    (A, "Uncle Chan only nods, once, and turns back toward the shore."),
    (C, "SAM"),
    (D, "我坐唔坐埋船？"),
    (C, "KELLY"),
    (D, "你留低，陪陳伯行返赤徑，幫佢擔返啲嘢。你欠佢。"),
    (C, "SAM"),
    (P, "(a beat, then nodding)"),
    (D, "係。"),
    (
        A,
        "阿琪 swings herself aboard. 蓮姐 throws the engine into reverse. Sam stands in the surf up to his knees, "
        "soaked, beside Uncle Chan, and watches the Sea Swallow roar away round the headland toward Sai Kung.",
    ),
    # ------------------------------------------------------------------------------------------------ 15
    (H, "15. EXT. SAI KUNG PIER 西貢碼頭 - DAY"),
    (
        A,
        "The public pier on the Sai Kung waterfront, 10:10 a.m. Weekend crowds, seafood tanks, hawkers calling "
        "out boat trips. An AMBULANCE waits with its back doors open. Tourists lift their phones.",
    ),
    (
        A,
        "The Sea Swallow bumps against the landing steps. Two AMBULANCE MEN lift Jason onto a trolley. 肥波 "
        "pushes through the crowd; 葉sir follows, clearing a path.",
    ),
    (C, "肥波"),
    (D, "阿琪！"),
    (C, "KELLY"),
    (P, "(climbing out)"),
    (D, "體溫三十四度半，右腳踝骨折，清醒。佢好硬頸，成程都攬住部 drone 唔肯放手。"),
    (C, "INSPECTOR YIP"),
    (D, "做得好。"),
    (P, "(to Jason)"),
    (D, "劉同學，你阿媽啱啱落咗機。"),
    (
        A,
        "阿琪 dials on her own phone and puts it in Jason's hand. He holds it to his ear, flat on the trolley.",
    ),
    (C, "MRS LAU (ON PHONE)"),
    (D, "阿軒？阿軒！"),
    (C, "JASON"),
    (D, "媽……我冇事。真係冇事。隻腳斷咗啫。"),
    (C, "MRS LAU (ON PHONE)"),
    (P, "(sobbing and scolding at once)"),
    (D, "你呢個衰仔！你知唔知婆婆成晚坐喺酒樓等你？我而家喺機場快綫，半個鐘到將軍澳醫院。"),
    (C, "JASON"),
    (D, "婆婆生日……我影唔到相。"),
    (C, "MRS LAU (ON PHONE)"),
    (D, "相就下年再影。你俾電話嗰位姑娘聽。"),
    (A, "Jason holds the phone out. 阿琪 takes it."),
    (C, "KELLY"),
    (D, "劉太，我係阿琪。"),
    (C, "MRS LAU (ON PHONE)"),
    (D, "多謝你。真係……thank you. 我唔知點多謝你。"),
    (C, "KELLY"),
    (P, "(looking at 肥波)"),
    (D, "多謝佢啦。係佢嘈醒我。"),
    (A, "The ambulance doors close. The siren starts. 蓮姐 leans out of the Sea Swallow's little cabin."),
    (C, "蓮姐"),
    (D, "喂，肥波！一千八百五，加上次六百，即係二千四百五！我喺士多等你！"),
    (
        A,
        "She guns the engine and the Sea Swallow pulls away from the steps. 肥波 raises both hands, defeated.",
    ),
    (C, "肥波"),
    (D, "知道啦，蓮姐！"),
    # ------------------------------------------------------------------------------------------------ 16
    (H, "16. INT. SAI KUNG RESCUE BASE 西貢搜救基地 - GARAGE - NIGHT"),
    (
        A,
        "The school's old covered playground, now the team's garage: a hose, muddy ropes drying on a rack, the "
        "Land Rover with its bonnet up. 8 p.m. the same day.",
    ),
    (
        A,
        "阿琪 hoses mud off the ropes. 肥波 sits on an upturned bucket with a clipboard on his knee. Sam, "
        "showered and in borrowed clothes three sizes too big, coils a rope, badly.",
    ),
    (A, "葉sir walks in from the road, holding a sheet of paper."),
    (C, "INSPECTOR YIP"),
    (D, "醫院覆咗：右腳踝骨折，禮拜一做手術，要留院一個禮拜。其他冇大礙。"),
    (C, "肥波"),
    (D, "好嘢！"),
    (C, "INSPECTOR YIP"),
    (P, "(to Sam)"),
    (
        D,
        "曾同學。你同警察講大話，搞到我哋搵錯地方，拖咗成晚。今次劉家唔追究，我哋唔落案。但你記住，下次一個大話，可能係一條命。",
    ),
    (C, "SAM"),
    (P, "(head down)"),
    (D, "知道，阿sir。對唔住。"),
    (A, "葉sir nods and goes. 肥波 puts the clipboard on Kelly's knees: a form headed 「歸隊申請表」."),
    (C, "肥波"),
    (D, "簽咗佢。SK-1 個呼號，我幫你留咗三年，冇俾過第二個人。"),
    (C, "KELLY"),
    (D, "我未講過我返嚟。"),
    (C, "肥波"),
    (D, "你件外套已經著咗返嚟喇。"),
    (
        A,
        "阿琪 looks at the orange jacket hanging on the Land Rover's wing mirror. She signs. 肥波 hands her a "
        "RADIO with a strip of tape on it: 「SK-1」.",
    ),
    (C, "SAM"),
    (D, "我……我可唔可以入隊？"),
    (C, "KELLY"),
    (P, "(looking at his rope)"),
    (D, "你連條繩都捲唔好。"),
    (C, "SAM"),
    (D, "我可以學。"),
    (C, "KELLY"),
    (D, "逢禮拜三晚，七點半，喺呢度訓練。遲一分鐘，做五十下掌上壓。"),
    (C, "SAM"),
    (P, "(grinning)"),
    (D, "Yes, madam!"),
    (C, "肥波"),
    (D, "佢唔係 madam，佢係 SK-1。"),
    # ------------------------------------------------------------------------------------------------ 17
    (H, "17. INT. LONG WAN STORE 浪灣士多 - DAY"),
    (
        A,
        "One week later. A tin-roofed store behind Ham Tin beach: plastic stools, a humming drinks fridge, a "
        "hand-painted sign 「浪灣士多 — 牛肉麵 公仔麵 涼茶」. Hikers slurp noodles at the tables outside.",
    ),
    (
        A,
        "蓮姐 stands behind the counter, tapping at a big calculator. 肥波 and 阿琪 sit at the counter over two "
        "empty bowls of beef noodles. In the corner, Uncle Chan sips tea from a glass, alone, as always.",
    ),
    (C, "蓮姐"),
    (D, "油錢一千八百五，上次六百，再加兩碗牛肉麵八十蚊，總共二千五百三十蚊。"),
    (C, "肥波"),
    (P, "(counting out notes)"),
    (D, "三千，唔使找。"),
    (C, "蓮姐"),
    (D, "唔得，我蓮姐唔收人情。找返你四百七。"),
    (C, "KELLY"),
    (D, "蓮姐，唔好咁計較啦。"),
    (C, "蓮姐"),
    (D, "我唔計較，你哋搜救隊邊有錢買繩？"),
    (P, "(pushing the change across)"),
    (D, "四百七，攞去買繩。"),
    (
        A,
        "肥波 pockets the change, grumbling. 阿琪's phone buzzes. She looks at it and turns the screen toward him.",
    ),
    (C, "KELLY"),
    (D, "阿軒條片，一個禮拜一百二十萬人睇咗。佢話個 channel 而家有九萬個 subscriber。"),
    (C, "肥波"),
    (D, "九萬？我個 Facebook 得三十個 friend，一半係搜救隊。"),
    (C, "KELLY"),
    (D, "佢喺片尾叫啲人行山唔好離開山徑，仲叫人捐錢俾我哋買新無線電。"),
    (C, "蓮姐"),
    (D, "捐到錢，記得先還我。"),
    (
        A,
        "Uncle Chan gets up, puts two coins on the table for his tea, and walks out toward the beach. Passing "
        "阿琪, he pats her shoulder, once.",
    ),
    (C, "蓮姐"),
    (P, "(watching him go)"),
    (D, "陳伯呢世人未拍過人膊頭。"),
    (P, "(to Kelly)"),
    (D, "你返咗嚟就好。"),
    # ------------------------------------------------------------------------------------------------ 18
    (H, "18. EXT. SHARP PEAK 蚺蛇尖 - RIDGE - DAWN"),
    (
        A,
        "The same ridge, the same blue before sunrise, six weeks later. It is crowded today: a dozen HIKERS "
        "with phones and thermos flasks wait for the first sunrise of the year.",
    ),
    (
        A,
        "Jason, an ankle brace over his boot and a walking pole in his hand, sits on a rock. Sam, in scuffed "
        "boots now and an orange TRAINEE vest, sets up the repaired DRONE. 阿琪 stands a little apart, looking "
        "down the north side, into the gully.",
    ),
    (C, "SAM"),
    (P, "(handing Jason an envelope)"),
    (D, "第一期。三千蚊。"),
    (C, "JASON"),
    (D, "我講咗唔使你賠。"),
    (C, "SAM"),
    (D, "我要賠。仲欠你九千八，每個月還一千四，七個月還清。"),
    (C, "JASON"),
    (P, "(taking the envelope)"),
    (D, "咁今次你唔好飛。我飛。"),
    (C, "SAM"),
    (D, "Deal."),
    (
        A,
        "The sun breaks the horizon. Jason sends the drone up. It hovers, steady and low, well back from the edge.",
    ),
    (C, "JASON"),
    (P, "(to the phone on the tripod)"),
    (D, "早晨！歡迎返嚟《軒行山》。二〇三三年第一個日出，蚺蛇尖頂。今日我想多謝一個人……"),
    (A, "He swings the phone toward 阿琪. She puts a hand up to block the lens."),
    (C, "KELLY"),
    (D, "唔好影我。影日出。"),
    (C, "JASON"),
    (P, "(grinning)"),
    (D, "係，SK-1。"),
    (
        A,
        "Kelly turns back to the gully. The fog is lifting out of it, slowly, and the sun reaches all the way "
        "down to the ledge and the boulder. She breathes out.",
    ),
    (T, "FADE OUT."),
]


def build(path: Path) -> None:
    doc = Document()
    doc.core_properties.title = "北坑 NORTH GULLY"
    doc.core_properties.author = "Slate held-out set"
    doc.core_properties.created = datetime.datetime(2032, 11, 1, tzinfo=datetime.UTC)
    doc.core_properties.modified = datetime.datetime(2032, 11, 1, tzinfo=datetime.UTC)
    indents = {H: 0, A: 0, C: 2.2, P: 1.6, D: 1.0, T: 4.0}
    for name, left in indents.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.font.name = "Courier New"
        style.font.size = Pt(12)
        style.paragraph_format.left_indent = Inches(left)
        if name == H:
            style.font.bold = True
        if name == T:
            style.paragraph_format.left_indent = Inches(4.0)
    for kind, text in SCRIPT:
        doc.add_paragraph(text, style=kind)
    doc.save(str(path))


if __name__ == "__main__":
    build(Path(__file__).with_name("north_gully.docx"))
