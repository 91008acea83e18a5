"""Writes dragon_boat.pdf, the held-out screenplay 《棚屋龍》 STILT HOUSE DRAGONS (a PDF in Final Draft layout).

Original text written for Slate's held-out measure (CC0); every character, team and story event is fictional.
Run: .venv/bin/python tests/heldout/dragon_boat/make_script.py   (needs fpdf2, pypdf and the Noto Sans CJK collection)

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
## 1 | EXT. TAI O CREEK 大澳涌 - DAWN
A: Mist hangs over the stilt houses. A long teak dragon boat, the GOLDEN DRAGON 金龍, its carved head wrapped in red cloth, noses down the creek between the wooden piles. Only twelve PADDLERS sit in a boat built for twenty; every other bench is empty.
A: In the bow, DUCK (鴨仔, 15), skinny, a pair of enormous orange earmuffs clamped over his ears, beats the drum. At the stern, UNCLE KWAN (坤叔, 70), the steersman, leans on the long steering oar, an unlit cigarette behind his ear.
A: Standing mid-boat, TSE KA-KEUNG (大隻謝, 45), fisherman and team captain, arms like mooring posts, roars out the stroke.
C: TSE
D: 一、二！一、二！扒呀！你哋係扒龍舟定係喺度撈緊雲吞麵呀？
C: DUCK
D: 謝哥！你講咩呀？我戴住耳筒，聽唔到呀！
C: TSE
D: 聽唔到就睇住我隻手！
A: The paddles go in at twelve different moments. The boat wallows. An old woman hanging out salted fish on her veranda shakes her head.
C: TSE
D: 齊啲呀！我哋今年唔係要贏，起碼唔好包尾！去年包尾，前年又包尾，我行出街市啲人都望住我笑！
A: A white speedboat roars up the creek, much too fast. At its wheel: LUK CHI-WING (大口陸, 46), gold chain, a pink team vest with 「新基」 across the chest. His wake slaps over the gunwale. Water pours in. The paddlers bail with plastic dippers.
C: LUK
D: 謝隊長，早晨呀！十二個人扒條廿人船，你哋係咪練緊點樣沉船呀？
C: TSE
D: 大口陸！揸慢啲呀！呢度係涌，唔係海呀！
C: LUK
D: 端午見啦！記住，報名要夠廿個扒手㗎。唔夠人嘅，就喺岸邊幫我哋新基打氣啦！
A: He guns the engine and is gone in a cloud of blue smoke. Uncle Kwan, unmoved, steers the half-swamped boat toward the bank with one hand. Duck lifts one earmuff.
C: DUCK
D: 佢頭先講咩話？
C: TSE
D: 佢話我哋今年實贏。
P: (to the paddlers)
D: 繼續扒！仲未收工！

## 2 | INT. CENTRAL OFFICE 中環辦公室 - NIGHT
A: Twenty-ninth floor, Des Voeux Road Central. Every desk is dark but one. KIT HO (何志傑, 阿傑, 31), tie loosened, three monitors of spreadsheets in front of him, eats cold char siu rice out of a foam box.
A: The desk phone's speaker light blinks. A clipped voice, half London, half Hong Kong, fills the empty floor.
C: DEREK (V.O.)
P: (on speakerphone)
D: Kit. The Kingsway deck. Monday, nine a.m. sharp, the Singapore people are flying in for it. I need every number to tie out to the last cent.
C: KIT
D: They will, Derek. 我今晚搞掂佢，聽朝一早send俾你。
C: DEREK (V.O.)
D: And nobody takes leave this month. Nobody. I don't care if your house burns down.
C: KIT
D: 我屋企喺大澳，係棚屋嚟嘅，就算燒都係燒落水……
C: DEREK (V.O.)
D: That's not funny. Goodnight, Kit.
A: Click. Kit turns back to the spreadsheets. His mobile buzzes on the desk. A WhatsApp message: 「你嫲嫲跌親呀！！快啲返嚟大澳！！」 A photo follows: a bandaged ankle on a wooden floor, a jar of shrimp paste knocked over beside it.
A: Kit stares at the photo. He zooms in. He looks at the spreadsheets, at the clock: 11:40 p.m.
C: KIT
D: 唔係呀嘛……尾班車都冇喇。
A: He grabs his jacket and his laptop bag and runs for the lift, leaving the box of rice on the keyboard.

## 3 | EXT. TAI O PIER 大澳碼頭 - DAY
A: Morning. The ferry from Tuen Mun bumps against the pier. Kit steps off in yesterday's suit with his laptop bag, the only man in a tie among a crowd of tourists with selfie sticks.
A: Duck waits at the end of the pier on a rusty tricycle cart loaded with polystyrene boxes of dried fish, the orange earmuffs hanging round his neck.
C: DUCK
D: 傑哥！呢度呀！呢度！
C: KIT
D: 鴨仔？嘩，你大咗好多喎，上次見你仲未到我心口。婆婆點呀？喺邊間醫院？東涌定屯門？
C: DUCK
P: (avoiding his eyes)
D: 醫院……佢……佢出咗院喇。喺屋企休息緊。
C: KIT
D: 一晚就出院？隻腳斷咗冇呀？
C: DUCK
D: 未斷。應該……未斷掛。上車啦，我車你返去。
A: Kit looks at the fish boxes, at his suit, and climbs onto the back of the cart. Duck pedals off along the waterfront, ringing his bell at the tourists.
C: KIT
D: 你條頸掛住對耳筒做乜呀？大熱天時。
C: DUCK
D: 教練叫我戴㗎。我而家係隊鼓手嘛。打鼓好嘈㗎，我隻耳……
P: (quickly)
D: 冇嘢，冇嘢。你坐穩啲，前面有條橋。
A: The cart bounces over the boards. Kit clutches his laptop bag to his chest.

## 4 | INT. GRANNY SEI'S STILT HOUSE 四婆棚屋 - KITCHEN - DAY
A: A wooden house on stilts over the water. Light comes up through the gaps in the floorboards. Jars of homemade shrimp paste on every shelf, a calendar from the fishermen's association, and on the wall a faded photo of a dragon-boat crew from the 1990s.
A: Kit comes up the ladder from the boardwalk. GRANNY SEI (四婆, 78), tiny, permed hair, floral blouse, is standing on a stool, reaching for a jar on the top shelf, both feet perfectly steady. One ankle is wrapped in a very clean bandage.
C: KIT
D: 婆婆！
A: She drops onto the stool, clutches her ankle and groans.
C: GRANNY SEI
D: 哎吔……哎吔我隻腳呀……阿傑，你返嚟喇？好彩我未死，仲見到你……
C: KIT
D: 你頭先企咗喺張凳度攞蝦醬。
C: GRANNY SEI
D: 你睇錯。
C: KIT
D: 我睇得好清楚。
A: A pause. She stops groaning, takes the jar down from the shelf without getting up, and opens it as if nothing had happened.
C: GRANNY SEI (CONT'D)
D: 好啦好啦，我只係扭親少少。踩到啲蝦醬，跣咗一跤啫。鴨仔話影張相俾你，你實返嚟。
C: KIT
D: 婆婆！我星期一要present成個deal呀！我老細話就算屋企燒咗都唔准放假！
C: GRANNY SEI
D: 你聽我講。我哋條龍舟隊，得返十四個扒手。端午要夠廿個先報到名，星期五中午十二點截止。阿謝佢哋搵咗成個月，都搵唔夠人。
C: KIT
D: 咁關我咩事呀？我十二年冇扒過喇。
C: GRANNY SEI
D: 你阿爸阿興，喺條船度打咗三十年鼓。佢走咗三年，隊都就嚟散。你就咁睇住佢散？
A: Kit looks at the old photo on the wall. In the middle of the crew a young drummer holds up two sticks, laughing at the camera.
C: KIT
D: 我聽朝搭第一班船返出去。
C: GRANNY SEI
D: 好，好。食咗飯先講。你睇你瘦成咁，中環啲飯係咪唔使錢㗎？

## 5 | EXT. DRAGON BOAT SHED 龍船棚 - DUSK
A: A corrugated-iron shed on stilts at the far end of the creek, its big doors open to the water. The Golden Dragon sits on trestles, belly up. Long paddles are stacked against the wall; a faded banner reads 「棚屋龍 STILT HOUSE DRAGONS」.
A: Tse runs his hand along a crack in the hull. Uncle Kwan squats beside it with a torch, saying nothing. MAGGIE MAK (麥詠琪, 麥教練, 29), PE teacher at the village school, tracksuit, whistle and stopwatch round her neck, reads a quotation off her phone.
C: MAGGIE
D: 船廠報價：補條裂，再換兩塊船底板，兩萬三千五百蚊。仲要十日先做得完。
C: TSE
D: 兩萬三千五？搶錢呀？我哋成個會戶口得返八千蚊。
C: MAGGIE
D: 我哋自己補都得。玻璃纖維，我上網睇過片。
C: TSE
D: 你上網又睇過，扒艇你又上網睇過，乜都上網睇過……
A: Kit appears in the doorway with a stack of aluminium tiffin tins. He has changed out of the suit into a borrowed T-shirt that says 「大澳漁民互助社」.
C: KIT
D: 婆婆叫我拎飯嚟。
A: Tse straightens up. A long look between them.
C: TSE
D: 哦，中環大少返嚟喇。十二年前決賽前一晚，走咗去嗰位。
C: KIT
D: 我嗰朝要考試，謝哥。我同你講過好多次。
C: TSE
D: 你同你阿爸講過未？
A: Silence. Uncle Kwan takes a tin from the stack, opens it, and starts to eat.
C: MAGGIE
D: 你就係阿傑？婆婆成日講起你。你以前係扒頭扒㗎？
C: KIT
D: 好耐之前嘅事喇。
C: MAGGIE
D: 聽朝六點，涌口。試一次啫。扒唔到，你就返中環，冇人怪你。
A: Kit looks at the crack in the old boat. Uncle Kwan, still chewing, holds up six fingers.

## 6 | EXT. TAI O MARKET STREET 大澳街市街 - DAY
A: The narrow market street: dried fish hung out like laundry, trays of salted egg yolks, tourists eating grilled squid on sticks. Granny Sei sits behind her stall of shrimp-paste jars, her bandaged foot up on a crate.
A: Maggie, Duck and Kit work the crowd with hand-painted flyers: 「棚屋龍 招募扒手！包午餐！」
C: MAGGIE
D: 阿伯，有冇興趣扒龍舟呀？強身健體，延年益壽㗎！
C: DUCK
D: 姐姐，你隻手好有力喎，有冇玩開划艇呀？
C: KIT
P: (to a tourist couple)
D: Excuse me, do you like boats? Teamwork? Free rice dumplings?
A: The couple flee. Granny taps a jar with her walking stick.
C: GRANNY SEI
D: 阿傑，你咁樣搵人，搵到聽年都搵唔到。睇住我。
P: (calling out)
D: 報名扒龍舟，送四婆蝦醬一樽！自己磨㗎，正宗大澳貨！
A: Within a minute there is a queue: the tofu-pudding man, two sisters from the salted-fish shop, a retired postman, a girl in a school uniform. Maggie writes names on a clipboard as fast as she can.
C: MAGGIE
D: 十五、十六、十七……十八、十九！十九個！
C: DUCK
D: 四婆，你啲蝦醬仲好過我哋張海報！
A: Luk strolls past in his pink vest, eating a stick of curry fish balls.
C: LUK
D: 嘩，四婆，用蝦醬買扒手呀？十九個喎，仲差一個，可惜可惜。
C: GRANNY SEI
D: 陸仔，你細個成日喺我檔口偷蝦醬食，我都未同你計數。
C: LUK
D: 唔該晒你啲蝦醬呀四婆！端午見！
A: He tosses his empty stick into the bin and swaggers off. One by one, Maggie, Duck and Granny turn and look at Kit.
C: KIT
D: 咪望住我……我星期一要返工㗎。

## 7 | EXT. TAI O CREEK 大澳涌 - DAWN
A: The same mist as before. Nineteen paddlers in the Golden Dragon now, the new recruits in mismatched life jackets. Kit sits on the front bench in borrowed shorts. Duck at the drum, earmuffs on. Uncle Kwan at the steering oar. Tse mid-boat. Maggie rides along the bank on a bicycle, stopwatch raised.
C: MAGGIE
D: 五百米計時！預備……去！
A: The drum starts. The boat lurches. Paddles clash. The tofu-pudding man splashes the postman.
C: TSE
D: 跟鼓呀！跟住頭扒呀！
C: KIT
D: 我跟緊鼓呀！佢打得太快喇！
C: DUCK
D: 我聽唔到你講咩呀！
A: Kit digs in too hard and too early. His paddle catches a mooring rope. He goes over the side, head first, into the creek.
A: Silence. Then the whole boat laughs. Kit surfaces beside the stilts of a house; an old man on his veranda passes him a plastic scoop.
C: TSE
D: 中環大少！你不如游返去中環啦！
A: Kit hauls himself back over the gunwale, dripping, takes up his paddle and starts again without a word. Uncle Kwan nods once, very slightly.
A: At the finish buoy, Maggie clicks the stopwatch.
C: MAGGIE
D: 兩分四十八秒。
C: TSE
D: 幾多話？
C: MAGGIE
D: 兩分四十八。去年冠軍係兩分十五。
P: (beat)
D: 離端午仲有十日。
C: KIT
P: (coughing up creek water)
D: 好。十日。

## 8 | EXT. GRANNY SEI'S STILT HOUSE 四婆棚屋 - VERANDA - NIGHT
A: The veranda hangs over black water. The lamps of the other stilt houses wobble in the creek. Kit, a towel round his neck, ices his shoulder with a bag of frozen shrimp. Granny Sei comes out carrying a long wooden box.
C: GRANNY SEI
D: 打開佢。
A: Inside, wrapped in red cloth: two worn drumsticks, dark with age and sweat.
C: KIT
D: 阿爸對鼓棍……我以為你燒咗俾佢。
C: GRANNY SEI
D: 點捨得燒呀。荔枝木㗎，你阿公親手幫佢削嘅。阿興打咗三十年鼓，打爛過兩個鼓，都未打爛過呢對棍。
C: KIT
D: 佢以前成日話我扒得太急。
C: GRANNY SEI
D: 佢話，扒龍舟唔係比快，係比齊。廿個人一齊落槳，條船自然會飛。
A: Kit turns the drumsticks over in his hands.
C: KIT
D: 婆婆，我未答應你㗎。
C: GRANNY SEI
D: 我知。鼓棍你攞住先。
A: She pats his cheek and goes in. Kit stays out alone, tapping a slow beat on the rail with his father's sticks.

## 9 | OMITTED

## 10 | EXT. DRAGON BOAT SHED 龍船棚 - DAY
A: Midday heat. The Golden Dragon is back on the trestles; a patch of fresh fibreglass covers the crack. Kit and Maggie sand it down in dust masks. Uncle Kwan mixes resin in a bucket with a stick.
A: Duck sits on the slipway, practising on an old tyre with a pair of chopsticks. His earmuffs lie on the concrete beside him.
C: MAGGIE
D: 鴨仔！耳罩呢？
C: DUCK
D: 練緊啫，又唔係打真鼓。
C: MAGGIE
D: 戴返。我唔係講笑。你上次同我講，你隻耳「嗡嗡聲」響咗成個禮拜。醫生都話再嘈落去會耳鳴一世。
A: Duck puts them on slowly. Then, quietly:
C: DUCK
D: 麥教練，其實……戴住佢，我聽唔到坤叔吹雞。上年我哋就係咁撞咗落個浮泡度，成隊落晒水。
C: KIT
D: 聽唔到，咪用眼睇囉。坤叔，借你隻手用吓。
A: Uncle Kwan looks up. Kit shows him: an open palm raised high means 起鼓. A closed fist means 停. A finger drawing circles in the air means 加速.
C: KIT (CONT'D)
D: 坤叔喺船尾舉手，你喺船頭望住佢。你唔使聽，睇到就得。
A: Uncle Kwan considers this. He raises his open palm. Duck grins and hits the tyre. Kwan makes a fist. Duck stops dead. Kwan draws a circle. Duck goes double time.
C: MAGGIE
D: 得喎！咁簡單都諗唔到，我哋真係……
C: DUCK
D: 坤叔，你以前係咪做過交通警㗎？
A: Uncle Kwan says nothing, as ever, and goes back to stirring his resin.

## 11 | EXT. TAI O CREEK 大澳涌 - DRAWBRIDGE - DUSK
A: The little steel drawbridge across the creek. Villagers cross with shopping bags and bicycles. Tse leans on the railing, smoking. Luk comes over from the far side and stops beside him.
C: LUK
D: 謝隊長，聽講你哋搵到十九個人喎。
C: TSE
D: 夠人嘅。
C: LUK
D: 報名表我睇過，十九個名。聽日星期五，中午十二點截止。差一個都唔俾落水，你知㗎。
C: TSE
D: 你咁關心我哋做乜？
C: LUK
D: 我想贏得光彩吖嘛。嚟，賭番鋪。邊隊輸，隊長就要著住四婆條粉紅色旗袍，喺呢條行人橋度行三個來回，成條村睇住。
C: TSE
D: 得！你今年實著旗袍。
A: They shake hands. Neither lets go first. Kit is crossing the bridge behind them with two tins of fibreglass resin; he has heard everything.
C: TSE
D: 你聽到啦？
C: KIT
D: 聽到。十九個。
A: Tse says nothing. He flicks his cigarette into the creek and walks off.

## 11A | EXT. TAI O CREEK 大澳涌 - DRAWBRIDGE - NIGHT
A: The bridge is empty. Kit alone at the railing, phone to his ear. Far off, the light in the boat shed is still on.
C: DEREK (V.O.)
P: (on the phone)
D: Two weeks? Kit, the Singapore people land on Sunday. You're at that table on Monday at nine, or you don't come back.
C: KIT
D: Then I'm not coming, Derek. 唔好意思。
A: He hangs up before the reply, looks at the lit shed, and starts to run.

## 12 | INT. DRAGON BOAT SHED 龍船棚 - NIGHT
A: Fluorescent tubes, moths. Tse, Maggie and Duck sit on upturned buckets round a folding table with the registration form on it. Uncle Kwan sits on one of the boat's benches, shaping a paddle blade with a rasp.
C: MAGGIE
D: 十九個。就算四婆自己落場都唔得，規矩寫明六十五歲以上唔俾報名。
C: DUCK
D: 搵個遊客扮大澳人得唔得？
C: TSE
D: 要有身份證同大澳地址㗎。冇計喇。今年……
A: Kit bursts in through the door, out of breath, soaked with sweat.
C: KIT
D: 枝筆呢？
A: Maggie hands him a pen. He writes his name in the twentieth box: 何志傑. Under "Position" he writes 頭扒.
C: TSE
D: 你中環份工呢？
C: KIT
D: 唔知仲有冇。
A: Tse looks at him for a long moment. Then he stands, takes off his own team cap and jams it down on Kit's head.
C: TSE
D: 十二年前欠落嗰場，今年還。
C: GRANNY SEI (O.S.)
D: 開飯喇！食糭喇！唔好等啲糭凍咗呀！
A: Granny Sei backs in through the door with a tray piled with rice dumplings in bamboo leaves, walking perfectly well; she has forgotten to limp. Everyone stares at her feet.
C: GRANNY SEI
D: ……哎吔，我隻腳。
A: She limps the rest of the way to the table. Duck laughs so hard he falls off his bucket. Even Uncle Kwan smiles.

## 13 | EXT. TAI O BAY 大澳灣 - DAY
A: Open water beyond the pier, glittering. The Golden Dragon, twenty paddlers aboard and a fresh coat of red and gold on its head, runs between two orange buoys. A safety boat keeps pace.
A: At the stern, Uncle Kwan lifts an open palm. In the bow, Duck, earmuffs on, eyes fixed on the stern, starts the beat. Twenty paddles enter the water together.
C: TSE
D: 齊呀！齊呀！好！就係咁！
A: Kwan draws a circle in the air. Duck doubles the beat. Kit, on the front bench, sets the stroke; the boat lifts and runs.
A: Maggie, in the safety boat, clicks her stopwatch at the second buoy.
C: MAGGIE
D: 兩分廿一秒！兩分廿一呀！
C: KIT
D: 仲差冠軍好遠。
C: MAGGIE
D: 五日前我哋扒兩分四十八！仲有五日，得㗎！
C: DUCK
P: (lifting one earmuff)
D: 坤叔隻手好好用呀！我今日一下鼓都冇打錯！
C: TSE
D: 頭扒，你今日冇跌落水，有進步。
C: KIT
D: 多謝隊長讚賞。
A: Uncle Kwan lifts his fist. The boat glides to a stop. Twenty paddlers breathe hard and grin at each other across the benches.

## 14 | EXT. HAU WONG TEMPLE 侯王廟 - DAWN
A: Tuen Ng morning. Firecracker smoke drifts across the temple forecourt. The carved heads of three dragon boats have been carried up from the water and set on trestles before the altar: the Golden Dragon's red and gold, the Sun Kei team's pink, and the Marine Police team's blue.
A: Granny Sei, in her best black jacket, holds a brush dipped in cinnabar. Tse, Kit and Duck stand behind her in yellow team shirts. Luk and his crew wait their turn in pink.
C: LUK
D: 四婆，今年又係你點睛呀？你隻腳得唔得㗎？
C: GRANNY SEI
D: 我隻腳好返喇。神明保佑。
A: She dots the eyes of the Golden Dragon, left then right. Drums and gongs. Duck covers his ears. She turns to Luk.
C: GRANNY SEI
D: 陸仔，你阿爸同阿興以前係同一條船㗎，你知唔知？佢哋兩個係大澳最好嘅一對頭扒。
C: LUK
D: 我知。
P: (beat)
D: 所以我先要贏佢個仔。
C: KIT
D: 陸哥，旗袍我幫你熨定喇，仲噴埋香水。
C: LUK
D: 你留返俾謝隊長著啦，佢個身形著起上嚟一定好睇。
C: TSE
D: 講多無謂，水上見。
A: Duck bangs his drum once, very loud. Everyone jumps. Granny laughs and waves the smoke away.

## 15 | EXT. TAI O BAY 大澳灣 - FINISH LINE - DAY
A: The whole village is out: on the shore, on the stilt-house verandas, along the pier. A PA speaker crackles: 「公開組決賽：棚屋龍、新基、水警！」
A: On a floating pontoon by the finish line, Granny Sei, in a life jacket, sits on a folding chair beside Maggie, who holds two stopwatches.
A: Three boats at the start line. In the Golden Dragon: Kit on the front bench, Tse mid-boat, Duck at the drum in his earmuffs, Uncle Kwan at the stern. In the pink Sun Kei boat alongside, Luk on the front bench.
C: LUK
P: (across the water)
D: 謝隊長！旗袍係咪 size XL 呀？
C: TSE
D: 你自己試身先啦！
A: Uncle Kwan takes the unlit cigarette from behind his ear, looks at it, and tucks it into his shirt pocket. Along the shore, villagers hold up a hand-painted banner: 「棚屋龍 加油」.
C: MAGGIE
P: (through cupped hands)
D: 記住呀！唔係比快，係比齊！
C: GRANNY SEI
D: 佢阿爸講㗎！
A: The starter's horn. The boats leap forward.
C: TSE
D: 齊呀！一、二！一、二！
C: LUK
D: 新基！衝呀！
A: Halfway. The Marine Police boat pulls ahead. The pink boat and the Golden Dragon are dead level. Crack: Duck's right drumstick snaps in half.
C: DUCK
D: 死喇！
A: Kit reaches under his bench, pulls out the red cloth bundle and throws it back down the boat. His father's drumsticks spin through the air. Duck catches one, then the other.
C: KIT
D: 打呀！
A: Uncle Kwan draws a circle in the air. Duck beats double time with the lychee-wood sticks. Twenty paddles bite as one.
C: MAGGIE
P: (on the pontoon, screaming)
D: 加油呀！齊呀！齊呀！
C: GRANNY SEI
D: 扒呀阿傑！扒呀！
A: The finish. The Marine Police boat first, by a length. Then the Golden Dragon and the pink boat, side by side, so close that the shore falls silent.
A: The PA: 「第二名……棚屋龍！快新基零點三秒！」
A: The shore erupts. Granny Sei stands up from her chair and forgets her ankle again. Maggie hugs her.
C: MAGGIE
D: 兩分零九秒！我哋扒咗兩分零九秒呀！
C: GRANNY SEI
P: (looking up at the sky)
D: 阿興，你聽到未呀？你個仔呀！
A: In the boat, Kit slumps over his paddle, laughing. Tse grabs him by the back of the neck and shakes him. Duck holds the drumsticks up like a trophy. In the pink boat, Luk takes off his cap and bows to them.

## 16 | EXT. TAI O CREEK 大澳涌 - DRAWBRIDGE - DUSK
A: The drawbridge is lined with villagers holding up phones. Luk, in a pink cheongsam two sizes too small pulled over his shorts, gold chain on top, walks across the bridge. Tse walks beside him, counting aloud.
C: TSE
D: 一個來回！仲有兩個！行慢啲，俾人影清楚啲！
C: LUK
D: 你叫佢哋影少兩張得唔得呀！
A: Duck films him from the rail, his earmuffs round his neck, grinning.
C: DUCK
D: 陸哥，好襯你呀！粉紅色好顯白！
C: LUK
D: 細路，你打鼓打得唔錯。聽年過嚟新基啦，我請你飲奶茶。
C: TSE
D: 你發夢！
A: At the end of the third crossing, Luk pulls two cans of beer out of the cheongsam's side slit and hands one to Tse. Tse hesitates, then takes it.
C: LUK
D: 條龍補得唔錯喎。聽年再嚟過。
C: TSE
D: 聽年你著埋對高踭鞋。
A: They clink cans. The villagers cheer.

## 17 | INT. GRANNY SEI'S STILT HOUSE 四婆棚屋 - KITCHEN - NIGHT
A: Dinner for as many as the kitchen can hold: the prize roast pig on the table, rice dumplings, shrimp-paste fried rice. Tse, Maggie, Duck and Kit squeeze round the table with Granny Sei; the other paddlers spill out onto the veranda with their bowls.
C: TSE
D: 第二名，獎一隻燒豬同五千蚊。五千蚊啱啱夠補埋另外兩塊船底板。
C: MAGGIE
D: 聽年我哋要冠軍。
C: GRANNY SEI
D: 我……我有嘢要認。我隻腳，其實冇事。
A: Silence. Then Tse, Maggie and Duck burst out laughing.
C: DUCK
D: 四婆，成條村都知㗎啦！張相係我影嘅，紮腳嗰條繃帶係麥教練借俾我嘅！
C: MAGGIE
D: 對唔住呀阿傑。我哋真係好需要個頭扒。
A: Kit looks from one to the other. His phone buzzes. An email from London, subject line: 「Termination of employment」. He reads it, turns the phone face down and reaches for the roast pig.
C: KIT
D: 有冇多碗飯？
C: GRANNY SEI
D: 有！有幾多都有！
A: She spoons shrimp paste onto his rice.

## 18 | EXT. TAI O PIER 大澳碼頭 - DAY
A: The ferry for Tuen Mun is boarding. Kit, in his suit again, carries his laptop bag. Granny Sei and Duck see him off; Duck's tricycle cart is parked behind them.
C: GRANNY SEI
D: 真係要返出去？
C: KIT
D: 返去交返張員工證，執埋啲嘢。做人要有頭有尾嘛。
C: DUCK
D: 咁你仲返唔返嚟㗎？
C: KIT
D: 星期六早上六點，涌口。遲到嘅，要請全隊食早餐。
A: Granny presses a jar of shrimp paste into his hands.
C: GRANNY SEI
D: 帶俾你老細。
C: KIT
D: 佢已經唔係我老細喇。
C: GRANNY SEI
D: 咁更加要帶。俾佢知咩嘢叫好嘢。
A: Kit laughs and boards. Duck puts on his earmuffs and bangs out a farewell beat on the handlebar of the cart.

## 19 | INT. CENTRAL OFFICE 中環辦公室 - DAY
A: Friday afternoon; the floor is half empty. Kit clears his desk into a cardboard box: a cactus, a mug, a spare tie. He lays his staff pass on the keyboard. Beside it he sets down the jar of shrimp paste.
A: The desk phone lights up. He lets it ring twice, then presses the speaker button.
C: DEREK (V.O.)
P: (on speakerphone)
D: Kit. HR tells me you're in the building. Look... the Singapore people liked the deck. Your numbers tied out. If you want to talk about coming back...
C: KIT
D: Thank you, Derek. I did come back — for my things. 張卡我放咗喺枱面。仲有一樽蝦醬，大澳嘅，送俾你。
C: DEREK (V.O.)
D: A jar of what?
C: KIT
D: Shrimp paste. 蒸豬肉一流。
A: He hangs up, picks up the box and walks to the lift. He checks his watch: the last bus to Tai O leaves Tung Chung in two hours.

## 20 | EXT. TAI O CREEK 大澳涌 - DAWN
A: Mist over the stilt houses, as on the first morning. The Golden Dragon waits at the mouth of the creek with nineteen paddlers aboard and one empty front bench. Tse checks his watch. Maggie waits on her bicycle, stopwatch raised. Duck sits at the drum. Uncle Kwan stands at the stern.
C: TSE
D: 六點零一分。遲到喇，中環大少。
A: Running footsteps on the boardwalk. Kit, in shorts and a yellow team shirt, jumps down onto the front bench.
C: KIT
D: 早餐我請。全隊。
C: MAGGIE
D: 聽年目標：兩分鐘以內。預備……
A: Uncle Kwan raises his open palm. Duck lifts the lychee-wood sticks, a strip of red cloth tied round each. The first beat echoes between the stilt houses.
A: The boat moves off into the mist, twenty paddles falling together.
T: FADE OUT.
"""

TITLE = ["STILT HOUSE DRAGONS", "《棚屋龍》", "", "Written by", "", "冼樂怡 Sin Lok-yi"]
CONTACT = ["Shooting draft", "2 April 2029"]


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
        self.set_creation_date(datetime(2029, 4, 2, 9, 0, tzinfo=UTC))  # reproducible output
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
        pdf.set_title("棚屋龍 STILT HOUSE DRAGONS")
        pdf.set_creator("make_script.py (fpdf2)")
        pdf.output(str(HERE / "dragon_boat.pdf"))
    # The layout's own count, for the answer key: lines (blank lines included) and printed pages per scene.
    for number, lines in pdf.scene_lines.items():
        eighths = max(1, round(lines / 54 * 8))
        print(
            f"{number:>4} {lines:4d} lines  ~{eighths // 8} {eighths % 8}/8  pages {pdf.scene_pages[number]}"
        )
    print("printed pages:", pdf.printed_page)


if __name__ == "__main__":
    main()
