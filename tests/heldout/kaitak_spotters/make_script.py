"""Writes kaitak_spotters.pdf, the held-out screenplay 《啟德天台》 KAI TAK SPOTTERS (a PDF in Final Draft layout).

Original text written for Slate's held-out measure (CC0); every character, airline, flight and story event is
fictional (Kowloon City, July 1998: the last nights before Kai Tak airport closes).
Run: .venv/bin/python tests/heldout/kaitak_spotters/make_script.py   (needs fpdf2 and the Noto Sans CJK collection)

Layout as screenwriting software prints it on US Letter: 12 pt monospaced type (Liberation Mono, Courier
metrics), 6 lines to the inch, 1" top and bottom margins; scene numbers at both margins of the heading;
action from 1.5", dialogue from 2.5", parentheticals from 3.1", cues from 3.7", transitions flush right to
7.1"; page numbers (`2.`) top right from page 2; a scene split over a page break gets `(CONTINUED)` /
`CONTINUED:` and a speech split over a page break gets `(MORE)` / `NAME (CONT'D)`. The title page is
unnumbered. CJK characters fall back to Noto Sans CJK HK (subset and converted to TrueType outlines at
build time, so the PDF draws in every viewer and its text layer extracts cleanly).
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
LATIN_FONT = "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf"
CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK_INDEX = 4  # Noto Sans CJK HK inside the collection

PT = 72.0
SIZE = 12.0
LINE = 12.0
LATIN_W, CJK_W = 0.6 * SIZE, 1.0 * SIZE
TOP, BOTTOM = 1.0 * PT, 10.0 * PT
LEFT_NUM, RIGHT_NUM = 0.9, 7.45
RIGHT_EDGE = 7.1 * PT
X = {"heading": 1.5, "action": 1.5, "dialogue": 2.5, "paren": 3.1, "cue": 3.7}
WIDTH = {"heading": 5.8, "action": 6.0, "dialogue": 3.5, "paren": 2.0, "cue": 3.0}

# `## N | HEADING` starts a scene (`## N | OMITTED` keeps the number of a cut scene),
# `A:` action, `C:` character cue, `P:` parenthetical, `D:` dialogue, `T:` transition.
SCRIPT = """
## 1 | EXT. TENEMENT ROOFTOP 唐樓天台 - DUSK
A: Thursday, 2 July 1998. A forest of TV aerials on the roof of a six-storey tenement on Fuk Lo Tsun Road 福佬村道, Kowloon City. Laundry hangs from bamboo poles. A big concrete water tank. In one corner, a wooden pigeon loft painted green.
A: KEI (阿基, 15), school shirt untucked, binoculars round his neck, crouches beside the water tank with a fat spiral notebook. Next to him SAM (森仔, 15), a Walkman on his belt, sucks a red-bean ice lolly.
A: By the loft, PIGEON UNCLE (鴿叔, 70s), in a white vest and shorts, waves a long bamboo pole with a red rag tied to the end, calling his pigeons home. He never says a word.
A: A roar builds from the north-west. A jumbo jet banks over the rooftops, so low that the aerials shiver and the laundry flaps. Sam's ice lolly drips onto his shoe.
C: KEI
D: B-HKT！獅子山航空，七四七！
C: SAM
D: 飛得咁快你都睇到？
C: KEI
D: 睇尾翼囉。獅子山航空個獅子頭係紅色嘅。
A: 阿基 writes the registration in his notebook and numbers it. He holds the page up to Sam like a trophy.
C: KEI
D: 第二千三百四十七架。由小六開始記。
C: SAM
D: 仲有四日啟德就執笠喇。你寫到二千四百都冇用，之後你記乜嘢？記白鴿？
A: 鴿叔 counts his pigeons back into the loft on his fingers: twenty-three. He shuts the little door.
C: KEI
D: 禮拜日夜晚，最後一班降落嘅飛機，我一定要影到。
C: SAM
D: 用乜嘢影？用你部傻瓜機？個閃燈都壞咗。
C: KEI
D: 唔使閃燈。
C: SAM
D: 賭五十蚊，你影唔到。
C: KEI
D: 賭就賭。
A: They shake on it, sticky hands. Another plane comes over. Both boys lie flat on their backs on the warm concrete and let it fill the whole sky.

## 2 | INT. KAI MING CAFE 啟明茶餐廳 - NIGHT
A: A narrow 茶餐廳 on the ground floor of the same building. Booths, a mirror wall, a red-on-yellow hand-written menu. By the cashier hangs a Lion Rock Airways calendar; beside it, a paler square on the wall where a picture used to hang. Closing time: half the chairs are up on the tables.
A: LING (玲姐, 41), Kei's mother and the owner, adds up the day on an abacus. Across from her sits YIU KA-CHUN (姚生, 40s), a property agent in a shiny suit, a brick-sized mobile phone beside his milk tea. He slides a contract across the table.
C: YIU
D: 玲姐，我再講多次個數。二百四十萬，現金，成個舖位。
C: LING
D: 我阿爸一九六八年開呢間舖㗎。
C: YIU
D: I know, I know. But be realistic. When the airport people came for lunch you took five thousand eight hundred a day. Now? Two thousand one hundred. After Monday the pilots, the ground crew, the cargo boys — all gone to Chek Lap Kok.
C: LING
D: 你點知我做幾多生意？
C: YIU
P: (smiles)
D: 成條街都係我客。啟德一走，限高就冇咗，呢度可以起三十層。你唔賣，樓上樓下都賣晒喇。
A: Ling looks at the contract. She does not pick up the pen.
C: YIU
D: 禮拜一，七月六號，中午十二點之前簽。過咗十二點，我老闆只俾一百九十萬。
C: KEI (O.S.)
D: 阿媽！我上天台呀！
C: LING
P: (calling up the stairs)
D: 做完功課先！聽日考物理㗎！
A: 阿基 clatters down the stairs into the cafe anyway, grabs a pineapple bun from the glass case and is gone again through the back door to the stairwell.
C: LING
D: 東涌新機場嘅美食廣場請人，我上個禮拜已經去咗見工。
C: YIU
D: That's the spirit. 新機場，新生活。
A: He finishes his milk tea and leaves two dollars on the table. Ling stares at the pale square on the wall.

## 3 | INT. MAN KEE PHOTO SHOP 文記影相舖 - DAY
A: Friday, 7:45 a.m. A tiny shop on Nga Tsin Wai Road 衙前圍道. Every inch of wall is covered in framed photographs of aircraft low over Kowloon City rooftops: propeller planes, early jets, jumbos. Behind the counter stand rows of old biscuit tins, each with a year written on masking tape, from 1962 to 1997.
A: UNCLE MAN (文叔, 68), a grey cardigan in July, reading glasses pushed up on his forehead, hangs a strip of negatives to dry. He coughs, a deep rattle, and shakes a pill out of a brown bottle.
A: 阿基 bursts in, school bag bouncing.
C: KEI
D: 文叔！兩筒菲林，要最平嗰隻！
C: UNCLE MAN
D: 最平嗰隻影飛機？你影雲呀？
A: 文叔 puts two rolls on the counter anyway.
C: UNCLE MAN
D: 三十蚊。
C: KEI
D: 文叔，禮拜日最後一晚，你上唔上天台？
C: UNCLE MAN
D: 三十六年喇。一九六二年開始，我冇一個禮拜唔上你公公個天台。
A: He taps the row of tins.
C: UNCLE MAN (CONT'D)
D: 一年一罐，三十六罐。啟德有幾多架飛機落地，差唔多都喺晒入面。
C: KEI
D: 咁今年嗰罐呢？
C: UNCLE MAN
D: 今年嗰筒仲喺部相機度，未影完。
A: Under the glass of the counter lies a black NIKON F3 with a long lens. 阿基 puts his nose to the glass.
C: UNCLE MAN
D: 呢部F3跟咗我十七年。你咪亂掂。
A: He coughs again, longer this time, and holds on to the counter.
C: KEI
D: 你咳成咁，去睇吓醫生啦。
C: UNCLE MAN
D: 睇醫生？醫生叫我唔好行樓梯。你個天台六層樓，冇𨋢，你話點算？
A: The clock on the wall says 7:55. 阿基 grabs the film and runs.
C: UNCLE MAN
P: (after him)
D: 考試呀！唔好望天呀！

## 4 | INT. KOWLOON CITY SCHOOL 九龍城中學 - CLASSROOM - DAY
A: The physics exam. Forty desks, ceiling fans, windows open onto the street. Every couple of minutes a plane drowns everything out, and forty pens stop and wait, as they have done all their lives.
A: MR CHOW (周sir, 52), the physics teacher, walks the aisles with his hands behind his back. 森仔 is drawing a jumbo jet in the margin of his exam paper.
A: From 阿基's school bag, a burst of static. Then a calm voice fills the room.
C: CAPTAIN KWOK (V.O.)
P: (over the scanner, crackling)
D: Kai Tak Tower, Lion Rock eight-zero-eight, checkerboard in sight, turning final.
A: Forty heads turn. 阿基 dives into his bag and fumbles for the switch of a black UNIDEN airband scanner. Too late.
C: MR CHOW
D: Cheung Wing-kei. Bring it here.
A: 阿基 walks it to the front. 周sir holds out his hand.
C: MR CHOW
D: This is an exam, not an air show. You'll get it back on the last day of term. The tenth of July.
C: KEI
D: 周sir，禮拜日係最後一晚㗎！
C: MR CHOW
D: 再講多句，扣你十分。
C: KEI
D: 但係——
C: MR CHOW
D: 扣十分。坐返埋位。
A: 森仔 snorts. 周sir does not even turn his head.
C: MR CHOW
D: Lee Sum. Aeroplanes in the margin don't score marks either.
A: 周sir puts the scanner in the top drawer of his desk. He looks at it a moment longer than he needs to, then locks the drawer.

## 5 | EXT. KAI TAK FENCE 啟德機場圍欄 - DAY
A: Friday, 12:30 p.m., straight after the exam. The chain-link fence at the end of runway 13, on the Kowloon Bay side. A line of red approach lights blinks out over the water. 阿基 and 森仔 sit on their bicycles, fingers hooked through the wire.
A: A jet comes in over their heads, tyres smoking on the tarmac. The whole fence hums.
C: SAM
D: 冇咗部scanner，聽唔到塔台講乜嘢，好似睇默片咁。
C: KEI
D: 周sir一定係故意嘅。
C: SAM
D: 阿基……有樣嘢要同你講。
A: 阿基 keeps his eyes on the runway.
C: SAM (CONT'D)
D: 我阿爸話，我哋七月十八號走。去多倫多。喺新機場搭飛機。
C: KEI
D: 你講咩？幾時決定㗎？
C: SAM
D: 三月已經辦好晒啲手續。我唔敢同你講。
C: KEI
D: 即係連你都走。啟德走，阿媽間舖又話賣，而家連你都走。
C: SAM
D: It's not like I'm dying! 多倫多冬天零下二十度，你以為我好想去咩？
A: 阿基 kicks off and rides away along the fence without a word.
C: SAM
P: (shouting after him)
D: 阿基！五十蚊照賭㗎！
A: A plane screams in overhead and swallows his voice.

## 6 | INT. KAI MING CAFE 啟明茶餐廳 - DAY
A: Friday, 1:15 p.m. The lunch rush that used to fill every booth: half of them are empty. In the corner booth, 鴿叔 eats a bowl of satay beef noodles, as he does every day.
A: 文叔 comes in, a little out of breath, and sits at the counter.
C: UNCLE MAN
D: 阿玲，凍檸茶少甜，一個菠蘿油。
C: LING
D: 文叔，醫生叫你戒甜。
C: UNCLE MAN
D: 少甜咪戒咗一半囉。
A: He notices the contract lying beside the cash register.
C: UNCLE MAN
D: 姚仔嗰份嘢？幾多？
C: LING
D: 二百四十萬。文叔，你都知，啟德一走，冇人嚟食飯。
C: UNCLE MAN
D: 你阿爸以前成日話，呢間舖唔係賣飯，係賣天台。啲人食完飯，就上去睇飛機。
A: 阿基 runs in, still in uniform, his bag half open.
C: KEI
D: 阿媽！周sir沒收咗我部scanner！
C: LING
D: 抵你！考試帶埋嗰啲嘢！
A: 文叔 starts to laugh and stops. The glass of lemon tea slips from his hand and smashes. He grips his chest and slides off the stool.
A: 鴿叔 is there first. He loosens 文叔's collar, lays him flat and looks up at Ling.
C: LING
P: (grabbing the phone)
D: 喂，九九九？有人暈咗，佢話心口痛！九龍城南角道，啟明茶餐廳！
A: 阿基 kneels beside 文叔. 文叔 grabs his wrist.
C: UNCLE MAN
P: (a whisper)
D: 部F3……喺櫃桶……

## 7 | INT. KOWLOON CITY HOSPITAL 九龍城醫院 - WARD - NIGHT
A: Eight beds. 文叔 lies in the bed by the window with wires on his chest; a heart monitor beeps. 阿基, still in his school uniform, sits on a plastic stool. NURSE WONG (黃姑娘, 30s) checks the drip.
C: NURSE WONG
D: Mr Man, you had a heart attack. Not a cold. Ten days in this bed. No stairs, no rooftops, no cameras.
C: UNCLE MAN
D: 十日？禮拜日係最後一晚喎。
C: NURSE WONG
D: 禮拜日你就喺呢張床度。Visiting hours end at eight.
A: 黃姑娘 moves on to the next bed. 文叔 takes a key on a red string from under his pillow and presses it into 阿基's hand.
C: UNCLE MAN
D: 舖頭鎖匙。部F3喺櫃面下面個櫃桶，菲林已經入咗。入面嗰筒，我今年影咗三十五張，淨返最後一張。
C: KEI
D: 淨返一張？
C: UNCLE MAN
D: 第三十六張，你幫我影。
C: KEI
D: 得一張……影唔到點算？
C: UNCLE MAN
D: 影飛機，一張就夠。影唔到，就係影唔到。
A: He pulls 阿基 closer.
C: UNCLE MAN (CONT'D)
D: 你記唔記得郭仔？一九七八年喺我舖頭做學徒嗰個。而家佢係獅子山航空嘅機長。禮拜日夜晚最後一班降落嘅，LR 808，曼谷飛嚟，就係佢揸。十一點四十分到。
C: KEI
D: 808？今朝考試，我部scanner聽到佢把聲！
C: UNCLE MAN
D: 咁就啱喇。佢應承咗我，過畫格山嗰陣，閃兩下降落燈。
A: 文叔 mimes it with his fingers: open, shut, open, shut.
C: UNCLE MAN
D: 記住：唔好用閃燈，快門開一秒，腳架喺舖頭後面。
C: NURSE WONG (O.S.)
D: Eight o'clock! Cheung Wing-kei!
A: 阿基 closes his fist round the key.

## 8 | EXT. TENEMENT ROOFTOP 唐樓天台 - NIGHT
A: 阿基 is setting up an old wooden tripod by the water tank. The door to the stairwell creaks. 森仔 comes out holding two cartons of lemon tea, a peace offering. 阿基 takes one. Neither says sorry.
C: SAM
D: 文叔點呀？
C: KEI
D: 要住院十日。佢叫我幫佢影最後一班機。
A: He empties a piggy bank onto the concrete. Coins and a few notes.
C: KEI (CONT'D)
D: 鴨寮街嗰部二手scanner要六百八。我得二百八。
C: SAM
P: (turning out his pockets)
D: 我有一百五。
C: KEI
D: 四百三。仲差二百五。
A: 鴿叔 watches from his loft. Then he gets up, walks over and, without a word, pushes the tripod about a foot to the left. Under its legs, 阿基 sees three old chalk marks, faded almost to nothing.
C: KEI
D: 文叔個位……
A: He traces over the old marks with fresh white chalk. 鴿叔 goes back to his pigeons.
C: SAM
D: 十一點四十分，咁夜，你阿媽俾你上嚟咩？
C: KEI
D: 最後一晚，佢唔俾我都上嚟。

## 9 | INT. MAN KEE PHOTO SHOP 文記影相舖 - DARKROOM - NIGHT
A: 阿基 lets himself in with the key on the red string. He finds the F3 in the drawer under the counter: the frame counter reads 35. He holds the camera like something alive.
A: In the back, the darkroom: a red safelight, trays, a line with pegs. The biscuit tins are stacked on the shelves. 阿基 runs a finger along the years and stops at 1975. He opens it.
A: Among the strips of negatives lies one print: a girl of about eighteen in a school uniform, on his own rooftop — the water tank, the green pigeon loft — laughing and pointing at a plane. Beside her, a man in a cafe apron holds up a model aeroplane.
A: On the back, in blue ink: 「啟明同阿玲，天台，一九七五年五月。文兆康影」
C: KEI
P: (to himself)
D: 阿媽？

## 9A | INT. KAI MING CAFE 啟明茶餐廳 - NIGHT
A: After closing. Ling is mopping the floor. 阿基 puts the photograph on the counter. She stops mopping.
C: LING
D: 你喺邊度搵到㗎？
C: KEI
D: 文叔一九七五年嗰罐。阿媽，你以前都上天台睇飛機㗎？
A: A long pause. Ling leans the mop against a booth.
C: LING
D: 你公公逢禮拜日收舖，就拉我上去。佢話，飛機降落嗰下，成個九龍城都停一停，連打麻雀都停埋。
C: KEI
D: 咁點解你唔上去？
C: LING
D: 佢一九九一年走咗之後，我就冇再上過去。
C: KEI
D: 咁你仲賣？
C: LING
D: 二百四十萬，夠你讀大學。阿基，啟德都要拆，一間茶餐廳算得啲乜嘢。
A: She slips the photograph into her apron pocket and goes back to mopping. 阿基 looks at the pale square on the wall by the cashier.

## 10 | INT. KOWLOON CITY SCHOOL 九龍城中學 - STAFF ROOM - DAY
A: Saturday, 4 July, morning. Piles of exam papers. 周sir marks in red ink. 阿基 stands by his desk.
C: KEI
D: 周sir，我求吓你。聽晚係最後一晚。
C: MR CHOW
D: Rules are rules, Wing-kei. The tenth of July.
C: KEI
D: 唔係我想聽。係文叔。佢入咗醫院，佢個徒弟揸最後一班機，應承咗閃燈俾佢睇。我要聽住塔台，先知幾時撳掣。
A: 周sir's red pen stops.
C: MR CHOW
D: 文叔？衙前圍道文記嗰個文叔？
C: KEI
D: 你識佢？
A: A beat.
C: MR CHOW
D: 唔識。出去。
C: SAM (O.S.)
D: 得唔得呀？
A: 森仔's head appears round the door. 阿基 shakes his head and walks out. 森仔 follows him.
A: Alone, 周sir unlocks the top drawer and looks at the scanner for a long time.

## 11 | EXT. APLIU STREET 鴨寮街 - DAY
A: Saturday afternoon in Sham Shui Po. Stalls of second-hand radios, pagers, cables and calculators spill into the road. 阿基 and 森仔 push through the crowd.
C: SAM
D: 我頭先賣咗部Game Boy，二百蚊。
C: KEI
D: 你部Game Boy？
C: SAM
D: 去到多倫多都冇人同我打啦。四百三加二百，六百三。
C: KEI
D: 仲差五十。
C: SAM
D: 同佢講價囉，五十蚊咋嘛。
A: They reach the stall. The shutter is down. A red paper notice is taped to it: 「東主有喜，休息至七月八日」.
C: SAM
D: 有冇搞錯呀！
A: 阿基 stares at the notice. Then, despite everything, he starts to laugh. 森仔 laughs too.
C: KEI
D: 算啦。冇scanner就冇scanner。我用眼睇。
C: SAM
D: 咁兩百蚊點算？
C: KEI
D: 你留返，去多倫多買件厚褸。

## 12 | INT. KOWLOON CITY HOSPITAL 九龍城醫院 - WARD - DAY
A: Saturday. 文叔 is sitting up in bed. Ling unscrews a thermos and pours soup into a bowl: watercress and dried duck gizzard. 黃姑娘 looks at the bowl, then at Ling's bag.
C: NURSE WONG
D: Soup is OK. No pineapple buns. I can smell butter.
A: Ling takes a pineapple bun out of her bag and hands it to 黃姑娘, who takes it and walks away.
C: LING
D: 文叔，嗰張相係你影嘅？
A: She puts the 1975 print on the blanket.
C: UNCLE MAN
D: 你阿爸叫我影嘅。佢話你考完會考，要留個紀念。
C: LING
D: 我都唔記得有呢張。
C: UNCLE MAN
D: 一九六二年，你阿爸租個天台角俾我，一個月收我十蚊。後來佢連十蚊都唔收，話我幫佢影相就當交租。
C: LING
D: 我簽咗份約，個天台都冇埋。
C: UNCLE MAN
D: 個天台唔係我嘅，亦唔係你阿爸嘅。而家係阿基嘅。你問吓佢。
A: Ling says nothing. She stirs the soup.
C: UNCLE MAN (CONT'D)
D: 聽晚，你上去睇吓。一次就得。
A: 黃姑娘 passes the bed again, chewing.
C: NURSE WONG
D: Visiting hours end at eight, Mrs Cheung.

## 13 | EXT. CHECKERBOARD HILL 畫格山 - DUSK
A: Sunday, 5 July. Kowloon Tsai Park. On the hillside above, the huge red-and-white checkerboard. 阿基 and 森仔 sit on the grass below it.
A: A jumbo jet comes straight at the hill, then banks hard right, so low over them that they can read the letters on its belly.
C: SAM
P: (pressing the stopwatch on his Casio)
D: 轉彎！計時！
A: They turn and watch the plane sweep away over Kowloon City towards the harbour.
C: KEI
D: 過咗畫格山，二十二秒就到我哋天台頂。
C: SAM
D: 二十二秒。你得一張，唔好撳早。
A: 森仔 takes off the Casio and buckles it onto 阿基's wrist.
C: SAM (CONT'D)
D: 送俾你。計時用。
C: KEI
D: 你呢？
C: SAM
D: 多倫多又冇飛機喺頭頂飛。我七月十八號早上十點半嘅機。
C: KEI
D: 新機場咁遠……
C: SAM
D: 唔嚟送機都唔緊要。寫信俾我就得。

## 14 | OMITTED

## 15 | EXT. TENEMENT ROOFTOP 唐樓天台 - NIGHT
A: Sunday, 11:25 p.m. The roof is packed: thirty neighbours in vests and slippers, children on shoulders, folding stools, thermos flasks, a transistor radio playing the news. Everyone faces the north-west.
A: 阿基 stands at the tripod on his chalk marks, the F3 mounted, a cable release in his hand. 森仔 is beside him. 鴿叔 sits on the roof of his pigeon loft with his arms folded.
C: KEI
P: (checking the Casio)
D: 十一點廿五。仲有十五分鐘。
C: SAM
D: 你得一張咋喎。
C: KEI
D: 我知。
A: The stairwell door creaks. Ling comes out onto the roof, still in her apron. The neighbours make room. She walks to the water tank and puts her hand flat on it.
C: LING
D: 你公公以前企呢度。
A: 阿基 looks at her. She does not explain.
C: MR CHOW (O.S.)
D: 張永基！
A: Everyone turns. 周sir comes out of the stairwell, red-faced from six flights of stairs, a pair of old binoculars round his neck and the UNIDEN scanner in his hand.
C: MR CHOW
D: It's not the tenth of July yet. So this is a loan.
C: KEI
D: 周sir……
C: MR CHOW
D: Tower frequency?
C: KEI
D: 一一八點七。
A: 阿基 turns the dial. Static, then a controller's voice, then the plane.
C: CAPTAIN KWOK (V.O.)
P: (over the scanner)
D: Kai Tak Tower, Lion Rock eight-zero-eight, checkerboard in sight. Last one in tonight. This one's for Man Kee Photo, Nga Tsin Wai Road.
C: SAM
D: 十一點三十八分！
A: Over the hill to the north-west, a jumbo jet banks, every light blazing. Then its landing lights go out — on — out — on. Twice. The roof erupts.
A: Ling raises both arms at the sky and waves, like a girl.
C: SAM
D: 二十二秒！十五……十……
A: 阿基 presses the cable release. The shutter opens. He counts under his breath.
C: KEI
D: 一……
A: Click. The plane roars over, so low that the aerials sing and the laundry poles rattle. Then it is gone, down behind the buildings towards the runway.
A: 阿基 looks at the frame counter: 36. He does not know whether he has it.
C: MR CHOW
D: Did you get it?
C: KEI
D: 唔知。
C: MR CHOW
D: 一九七一年，文叔喺呢個天台借咗部相機俾我。我影嘅第一架飛機，就係喺呢度。
A: Ling looks at 周sir, then at her son. 鴿叔 unfolds his arms and claps, slowly, twice.

## 16 | INT. KOWLOON CITY HOSPITAL 九龍城醫院 - WARD - NIGHT
A: The same moment. Lights out in the ward. 文叔 lies awake: from his bed he can see only the ceiling.
A: 黃姑娘, on the night shift, pushes a wheelchair to his bed.
C: NURSE WONG
P: (a whisper)
D: Five minutes. If Matron sees us, I'm dead.
A: She wheels him to the window at the end of the corridor. It faces north-west over the rooftops of Kowloon City.
A: A jumbo jet banks over the checkerboard hill. Its landing lights go out and on. Twice.
C: UNCLE MAN
D: 郭仔呢個衰仔……記得喎。
C: NURSE WONG
D: 佢係你咩人？
C: UNCLE MAN
D: 徒弟。佢第一次坐飛機，都係我影嘅相。
A: At the nurses' station a radio says softly: 「啟德機場最後一班抵港客機，啱啱已經降落。」
C: UNCLE MAN
D: 阿基，一張，夠喇。
C: NURSE WONG
D: OK. Bed. Now.

## 17 | EXT. KAI TAK FENCE 啟德機場圍欄 - NIGHT
A: Monday, 6 July, 1:10 a.m. Hundreds of people line the fence. 阿基 and 森仔 lean their bicycles against the wire. The runway lights still burn in two long lines.
A: At 1:18 a.m. by the Casio, the runway lights go out, section by section, from the far end towards them. Darkness. A long groan from the crowd, then silence.
C: SAM
D: 真係冇喇。
A: 阿基 opens his notebook and writes the last line by torchlight: 「第2,389架　LR 808　23:38　最後一班」.
C: SAM
D: 五十蚊點計？
C: KEI
D: 未沖菲林，唔知影唔影到。
C: SAM
D: 沖咗出嚟先算。影到，我俾五十蚊你；影唔到，你俾我。
C: KEI
D: 一言為定。
A: They stand in the dark a little longer. A pager bleeps; nobody checks it.

## 18 | INT. MAN KEE PHOTO SHOP 文記影相舖 - DARKROOM - DAWN
A: Monday, 6:10 a.m. The red safelight. 阿基 and Ling, neither of whom has slept. Ling holds the kitchen timer from the cafe.
C: LING
D: 八分鐘。我幫你睇住。
A: 阿基's hands shake as he lifts the strip of negatives out of the tank and holds it up to the light. Frame after frame: 啟明茶餐廳. Ling behind the counter. Pilots eating rice at the corner table. The shop sign at night. 鴿叔 with his noodles.
C: KEI
D: 三十五張……全部都係影間舖。
C: LING
D: 文叔呢個人……
A: The last frame. 阿基 lays it in the enlarger and makes a print. In the tray the image rises: a jumbo jet over the aerials, two bright streaks across the sky where the landing lights came on twice during the one-second exposure. At the bottom edge, a woman's silhouette with both arms raised.
C: KEI
D: 影到……影到呀！
C: LING
D: 嗰個係我？
C: KEI
D: 你揮手嗰下，我撳咗。
A: Ling takes the 1975 photograph out of her apron pocket and lays it beside the new print. The same rooftop, the same water tank, twenty-three years apart.
A: She looks at the clock on the darkroom wall: 6:40.

## 19 | INT. KAI MING CAFE 啟明茶餐廳 - DAY
A: Monday, 11:50 a.m. The radio reports chaos at the new airport: the cargo terminal has broken down on its first day. 鴿叔 is in his corner booth with his noodles. 姚生 sits at the counter with the contract and a fountain pen, uncapped.
C: YIU
D: 玲姐，仲有十分鐘。二百四十萬。
A: 阿基 comes in through the door with the new print, still damp, in a plastic sleeve. Ling takes it from him.
C: LING
D: 姚生，多謝你。唔賣。
C: YIU
D: After twelve it's one point nine million. And once the flats upstairs are sold, it's nothing.
C: LING
D: 咁就一蚊都唔使俾。我阿爸話，呢間舖唔係賣飯，係賣天台。
C: YIU
D: 你會後悔。
C: KEI
D: 姚生，你嘅奶茶，十二蚊。
A: 姚生 puts down twelve dollars and his business card, caps his pen and leaves. 鴿叔 sets his teacup down on the card.
A: Ling takes the Lion Rock Airways calendar off the wall. In the pale square she hangs the 1975 photograph and, beside it, 阿基's print. Then she writes a new line on the menu board: 「808套餐：凍檸茶少甜＋菠蘿油　$18」.

## 20 | INT. KOWLOON CITY SCHOOL 九龍城中學 - CLASSROOM - DAY
A: Friday, 10 July, the last day of term. 周sir hands back the physics papers. On the blackboard the class has written: 「森仔一路順風」.
C: MR CHOW
D: Cheung Wing-kei. Sixty-two. It would have been seventy-two.
A: He puts the paper on 阿基's desk, then the UNIDEN scanner on top of it.
C: MR CHOW (CONT'D)
D: The tenth of July, as promised. 呢次唔係借俾你，係還俾你。
C: KEI
D: 周sir，你識文叔㗎，係咪？
C: MR CHOW
D: 你份卷第三題錯咗，返去睇吓。
A: He walks on. 森仔 slaps a fifty-dollar note on 阿基's desk.
C: SAM
D: 願賭服輸。
C: KEI
D: 留返去多倫多買手襪啦。
C: SAM
D: Deal.
A: 森仔 puts the note back in his pocket.

## 21 | EXT. TENEMENT ROOFTOP 唐樓天台 - DAWN
A: Saturday, 18 July, 6:30 a.m. The sky over Kowloon City is empty. No roar, no shaking aerials. Only the traffic far below and the first birds.
A: 阿基 sits by the water tank with the scanner: nothing but static on 118.7. He switches it off.
A: 鴿叔 opens the door of his loft. The twenty-three pigeons pour out and circle over the rooftops, higher and wider than before, with nothing in the sky to scatter them.
A: 鴿叔 holds out the bamboo pole with the red rag to 阿基. 阿基 takes it and waves it slowly, the way he has watched it done all his life.
A: His pager bleeps. The message reads: 「阿基：出發去新機場喇。多倫多見。森」.
C: KEI
P: (to the pigeons)
D: 返嚟啦。
A: One by one the pigeons come home. 鴿叔 counts them on his fingers, nods and pats 阿基 on the shoulder.
A: 阿基 opens his notebook at a fresh page. Under the last line, 「第2,389架　LR 808」, he writes the date and, where the registration should go, draws a small pigeon.
C: KEI
D: 第一日，冇飛機。

## 22 | INT. MAN KEE PHOTO SHOP 文記影相舖 - DAY
A: Saturday, 1 August. 文叔 is back behind the counter, thinner, with a walking stick. 阿基, in a shop apron, serves a customer: his Saturday job. On the wall behind them hangs the framed front page of the Kowloon Daily 《九龍日報》 from 7 July 1998: 阿基's photograph under the headline 「再見啟德」, with the credit 「攝：張永基（15歲）」.
C: UNCLE MAN
D: 報館俾你一千五百蚊，你用咗去邊？
C: KEI
D: 一千蚊俾阿媽整新招牌，五百蚊買菲林。
A: The phone on the counter rings. 文叔 answers it.
C: CAPTAIN KWOK (V.O.)
P: (on the phone)
D: Uncle Man? It's Kwok. I saw the paper in Bangkok. Who is Cheung Wing-kei?
C: UNCLE MAN
D: 我新請嘅學徒。
C: CAPTAIN KWOK (V.O.)
D: Tell him he owes me a print. And tell him the lights were my idea, not yours. I fly the first Toronto service from Chek Lap Kok on the twentieth. Anything you want me to take?
A: 文叔 looks at 阿基. 阿基 is already sliding a print into an envelope. He writes on it: 「多倫多　李森收」.
C: UNCLE MAN
D: 有。一張相。
A: He hangs up and pushes the thirty-six biscuit tins along the shelf towards 阿基.
C: UNCLE MAN (CONT'D)
D: 由今日起，三十六罐都係你嘅。第三十七罐，你自己影。
A: 阿基 takes a new, empty tin, tears off a strip of masking tape and writes on it: 「1998」. He puts it at the end of the row.
A: Through the shop window, a pigeon lands on the sill. The sky over Nga Tsin Wai Road is quiet.
T: FADE OUT.
"""

TITLE = ["KAI TAK SPOTTERS", "《啟德天台》", "", "Written by", "", "歐嘉朗 Au Ka-long"]
CONTACT = ["Shooting draft", "1 December 2031"]


def is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def width(text: str) -> float:
    """Printed width in points: Courier-metric Latin, full-em CJK."""
    return sum(CJK_W if is_cjk(ch) else LATIN_W for ch in text)


def wrap(text: str, inches: float) -> list[str]:
    """Break at spaces or between CJK characters so no line is wider than `inches`; closing
    punctuation never starts a line, opening brackets never end one."""
    limit = inches * PT
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ch == " " or is_cjk(ch):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        else:
            word += ch
    if word:
        tokens.append(word)
    lines: list[str] = []
    line = ""
    for token in tokens:
        closing = token in "，。！？、：；」』）…,.;:)"
        if width(line) + width(token) > limit and line.strip() and not closing:
            carried = ""
            while line and line[-1] in "「『（":
                carried, line = line[-1] + carried, line[:-1]
            lines.append(line.rstrip())
            line = carried + ("" if token == " " else token)
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


Scene = tuple[str, str, list[tuple[str, str]]]


def parse() -> list[Scene]:
    scenes: list[Scene] = []
    for raw in SCRIPT.strip().splitlines():
        if not raw.strip():
            continue
        if raw.startswith("## "):
            number, heading = (part.strip() for part in raw[3:].split("|", 1))
            scenes.append((number, heading, []))
        else:
            kind, text = raw.split(":", 1)
            scenes[-1][2].append((kind, text.strip()))
    return scenes


class Script(FPDF):
    def __init__(self, cjk_font: Path) -> None:
        super().__init__(unit="pt", format="letter")
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.add_font("typewriter", fname=LATIN_FONT)
        self.add_font("cjk", fname=str(cjk_font))
        self.set_fallback_fonts(["cjk"])
        self.set_font("typewriter", size=SIZE)
        self.set_creation_date(datetime(2031, 12, 1, 9, 0, tzinfo=UTC))  # reproducible output
        self.y_pos = TOP
        self.printed_page = 0
        self.scene_pages: dict[str, list[int]] = {}
        self.scene_lines: dict[str, int] = {}

    def put(self, x: float, y: float, text: str) -> None:
        self.set_xy(x, y)
        self.cell(text=text)

    def line_at(self, inches: float, text: str) -> None:
        self.put(inches * PT, self.y_pos, text)

    def right(self, text: str, y: float | None = None) -> None:
        self.put(RIGHT_EDGE - width(text), self.y_pos if y is None else y, text)

    def new_page(self) -> None:
        self.add_page()
        self.printed_page += 1
        self.y_pos = TOP
        if self.printed_page > 1:
            self.right(f"{self.printed_page}.", y=0.5 * PT)

    def room(self) -> int:
        return int((BOTTOM - self.y_pos) // LINE)


def blocks(scene: Scene) -> list[list[tuple[str, str]]]:
    """A scene as unbreakable blocks of (kind, line) rows: the heading, each action paragraph,
    each speech (cue, parentheticals and dialogue) and the transition."""
    _, heading, items = scene
    out: list[list[tuple[str, str]]] = [[("heading", line) for line in wrap(heading, WIDTH["heading"])]]
    speech: list[tuple[str, str]] | None = None
    for kind, text in items:
        if kind == "C":
            speech = [("cue", text)]
            out.append(speech)
            continue
        if kind in ("P", "D") and speech is not None:
            key = "paren" if kind == "P" else "dialogue"
            speech.extend((key, line) for line in wrap(text, WIDTH[key]))
            continue
        speech = None
        if kind == "A":
            out.append([("action", line) for line in wrap(text, WIDTH["action"])])
        elif kind == "T":
            out.append([("transition", text)])
    return out


def write(pdf: Script, number: str, kind: str, text: str, first: bool = False) -> None:
    if kind == "heading":
        if first:
            pdf.line_at(LEFT_NUM, number)
            pdf.line_at(RIGHT_NUM, number)
        pdf.line_at(X["heading"], text)
    elif kind == "transition":
        pdf.right(text)
    else:
        pdf.line_at(X[kind], text)
    pdf.y_pos += LINE
    pdf.scene_lines[number] = pdf.scene_lines.get(number, 0) + 1
    pages = pdf.scene_pages.setdefault(number, [])
    if pdf.printed_page not in pages:
        pages.append(pdf.printed_page)


def continued(pdf: Script, number: str) -> None:
    """`(CONTINUED)` at the foot, a new page, `CONTINUED:` at the head with the scene number beside it."""
    pdf.right("(CONTINUED)", y=BOTTOM)
    pdf.new_page()
    pdf.line_at(LEFT_NUM, number)
    pdf.line_at(X["action"], "CONTINUED:")
    pdf.line_at(RIGHT_NUM, number)
    pdf.y_pos += 2 * LINE


def layout(cjk_font: Path) -> Script:
    pdf = Script(cjk_font)
    pdf.add_page()  # the title page is not numbered
    y = 3.5 * PT
    for line in TITLE:
        if line:
            pdf.put(4.25 * PT - width(line) / 2, y, line)
        y += LINE
    y = 9.0 * PT
    for line in CONTACT:
        pdf.put(1.5 * PT, y, line)
        y += LINE
    pdf.new_page()
    for scene in parse():
        number = scene[0]
        for index, block in enumerate(blocks(scene)):
            if index == 0:
                if pdf.room() < 6:  # never a heading alone at the foot of a page
                    pdf.new_page()
            elif pdf.room() < len(block):
                if block[0][0] == "cue" and len(block) >= 5 and pdf.room() >= 4:
                    keep = pdf.room() - 1
                    for kind, text in block[:keep]:
                        write(pdf, number, kind, text)
                    pdf.line_at(X["cue"], "(MORE)")
                    continued(pdf, number)
                    cue = block[0][1]
                    block = [("cue", cue if "CONT'D" in cue else f"{cue} (CONT'D)"), *block[keep:]]
                else:
                    continued(pdf, number)
            for row, (kind, text) in enumerate(block):
                write(pdf, number, kind, text, first=(index == 0 and row == 0))
            pdf.y_pos += LINE  # a blank line after each block
            pdf.scene_lines[number] += 1
    return pdf


def cjk_truetype(folder: Path) -> Path:
    """Noto Sans CJK HK cut down to the characters the script uses, with its CFF outlines turned into
    TrueType ones. fpdf2 embeds a TrueType font as a CIDFontType2 with a CIDToGIDMap, which every
    reader draws and extracts correctly; the collection's CFF font, embedded as it is, comes out with
    an encoding and widths that text extractors and renderers disagree about."""
    font = TTFont(CJK_FONT, fontNumber=CJK_INDEX)
    text = "".join(ch for ch in SCRIPT + "".join(TITLE) if is_cjk(ch) or ch in "…—")
    options = subset.Options()
    options.layout_features = []
    options.notdef_outline = True
    options.desubroutinize = True
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    outlines = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        outlines[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = outlines
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    for name in order:  # left side bearings follow the new outlines
        advance, _ = font["hmtx"][name]
        font["hmtx"][name] = (advance, getattr(glyf[name], "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for key in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, key, 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\000\001\000\000"
    path = folder / "NotoSansCJKhk-subset.ttf"
    font.recalcTimestamp = False  # reproducible output
    font.save(path)
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = layout(cjk_truetype(Path(tmp)))
        pdf.set_title("啟德天台 KAI TAK SPOTTERS")
        pdf.set_creator("make_script.py (fpdf2)")
        pdf.output(str(HERE / "kaitak_spotters.pdf"))
    # The layout's own count, for the answer key: lines (blank lines included) and printed pages per scene.
    for number, lines in pdf.scene_lines.items():
        eighths = max(1, round(lines / 54 * 8))
        print(
            f"{number:>4} {lines:4d} lines  ~{eighths // 8} {eighths % 8}/8  pages {pdf.scene_pages[number]}"
        )
    print("printed pages:", pdf.printed_page)


if __name__ == "__main__":
    main()
