"""Build golden_elephant.fdx: 《金象大計》 THE GOLDEN ELEPHANT JOB, a held-out screenplay in Final Draft XML.

An original caper comedy written for Slate's held-out measure (CC0). Every person, business, address,
number and document in it is invented. Standard library only:

    python3 tests/heldout/golden_elephant/make_script.py

The script is kept below as marked-up text, one paragraph per line, so that it reads like a screenplay:

    = NUMBER | EIGHTHS | HEADING     a scene heading ("-" eighths and the heading OMITTED for a cut scene)
    ! text                           Action
    @ CUE                            Character (cues are in English: PIM, TONY, MR KO ...)
    ( text )                         Parenthetical
    : text                           Dialogue
    > TEXT                           Transition
    (a line starting with two spaces continues the paragraph above it)

Scene lengths (in eighths of a page) and start pages are written into each heading's SceneProperties, as
Final Draft does, so page counts do not depend on any layout engine.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

TITLE = "金象大計 THE GOLDEN ELEPHANT JOB"
CREDITS = ["Written by", "龐詠琪 Pong Wing-kei", "Shooting draft, 2034-03-06"]

SCRIPT = r"""
= 1 | 10 | INT. GOLDEN ELEPHANT 金象泰國菜館 - KITCHEN - DAY
! A narrow, steaming kitchen behind a Thai restaurant on South Wall Road 南角道, Kowloon City. Lemongrass, galangal, bird's-eye chillies in plastic tubs. Above the stove, a faded photo of the shopfront on its opening day, 1993: the sign 金象泰國菜館 GOLDEN ELEPHANT THAI.
! PIM (陳碧萍 Chan Pik-ping, 萍姐, 45, Thai-Hong Kong, sleeves rolled) pounds green curry paste in a stone mortar. SHING (黃志成, 大聲成, 55, the cook, a voice like a ferry horn) tosses a wok of basil and pork.
! TONY (陳家東 Chan Ka-tung, 阿東, 23, her son) bursts in through the back door with a yellow delivery bag, helmet still on.
@ TONY
: 媽，三號枱又話唔夠辣。Table three wants it hotter.
@ PIM
( not looking up )
: 唔夠辣就加指天椒。青咖喱十七樣材料，少一樣都唔係我哋嘅味。
@ SHING
( shouting, as always )
: 阿東！你張外賣單寫錯地址呀！侯王道唔係候王道！
@ TONY
: 成哥，你細聲啲得唔得？成條南角道都聽到喇。
@ PIM
: 舂足四十分鐘，個醬先會香。你阿公以前就係咁教我。
! 阿東 takes off his helmet. Hesitates.
@ TONY
: Mom, I got the email. 曼谷嗰間廚藝學校收咗我，九月開學。
! 萍姐 stops pounding.
@ PIM
: 學費幾錢？
@ TONY
: 九萬六。
@ PIM
: 九萬六……我哋個月租都要三萬八。
@ SHING
: 三萬八！呢度以前先至八千蚊一個月咋！
@ PIM
: 做嘢啦。
! She goes back to the mortar, harder.
> CUT TO:

= 2 | 11 | INT. GOLDEN ELEPHANT 金象泰國菜館 - DINING ROOM - DAY
! Lunch rush. Twelve tables, Thai pop on a radio. On a red shelf above the cash desk: a GOLD ELEPHANT the size of a rice bowl, garlanded with jasmine, incense smoking in front of it.
! SGT LUI (雷家豪, 雷sir, 50, the beat sergeant) eats pad thai at the corner table in uniform, as he does every day.
! At table 4, alone: UNCLE CHAT (何七 Ho Chat, 七叔, 78, grey flat cap, white cotton gloves) with an iced Thai milk tea, no sugar. He never says a word.
! 萍姐 carries plates. 大聲成 leans out of the kitchen hatch.
! The door swings open. MR KO (高永發 Ko Wing-fat, 發哥, 60, the landlord, who also owns the pawnshop 高記大押 round the corner) walks in with TWO HEAVIES in black polo shirts.
@ MR KO
: 萍姐，生意幾好喎。咁點解成三年租都唔交齊？
@ PIM
: 高生，我月月都交。三萬八，一蚊都冇少過。
@ MR KO
: 差餉、管理費、遲交利息……加埋，你仲欠我六十八萬。
! He holds up a typed sheet, then folds it away.
@ MR KO (CONT'D)
: 夠鐘收返啲抵押喇。
! He nods. One heavy lifts the gold elephant off the shelf. Jasmine falls on the cash desk.
@ PIM
: 嗰隻象係我阿媽嘅！
! 阿東 comes in the front door with an armful of takeaway boxes and sees it.
@ TONY
: Hey! Put that down! 你哋做乜嘢？
@ MR KO
: 後生仔，冷靜啲。星期五中午十二點之前還晒錢，隻象還返俾你哋。唔還？星期六下晝兩點，尖沙咀拍賣行見。
! 雷sir wipes his mouth and stands.
@ SGT LUI
: 發哥，你攞人哋嘢，有冇寫單據㗎？
@ MR KO
: 雷sir，業主同租客嘅事，民事嚟㗎。唔關警察事。
@ SGT LUI
( to Pim, embarrassed )
: 萍姐，民事……我真係幫唔到你。
! 發哥 leaves with the heavies and the elephant. 七叔 watches it go over the rim of his glass and taps the table twice.
@ SHING
( from the hatch, loud )
: 六十八萬？！佢明搶呀！

= 3 | 6 | INT. PIM'S FLAT 萍姐屋企 - NIGHT
! A small walk-up flat on Lung Kong Road 龍崗道. 萍姐 alone at a folding table: a calculator, a pile of bills. Her phone on speaker.
@ MAMA NOI (V.O.)
( on the phone, from Chiang Mai; Thai-accented Cantonese )
: 碧萍呀，咁夜仲未瞓？
@ PIM
: 阿媽，高生攞咗隻金象。
@ MAMA NOI (V.O.)
: 攞咗？唔緊要，嗰隻象唔係真金嚟㗎。鍍金銅咋，一九七九年清邁一個老師傅打嘅，一點二公斤，最多值幾千蚊。
@ PIM
: 唔係真金？咁高生要嚟做乜？
@ MAMA NOI (V.O.)
: 我唔記得喇……你阿爸好似收咗啲嘢喺入面。佢成日講，「全香港最安全嘅地方，就係隻象個肚」。
@ PIM
: 收咗咩嘢？
@ MAMA NOI (V.O.)
: 人老咗，記唔起。你攞返隻象先講。千祈唔好俾高家收埋佢。
! The line goes dead. 萍姐 takes a paper napkin from the restaurant and writes on it, in big letters: 「攞返隻象」.

= 4 | 6 | INT. KOWLOON CITY MARKET 九龍城街市 - DAY
! Morning, the ground floor of the market. A Thai grocery stall: lemongrass, kaffir lime leaves, shrimp paste in tubs. 萍姐 and 大聲成 fill a trolley.
@ SHING
: 攞返？即係偷啫！萍姐，我五十幾歲人，我係大聲，我唔係賊呀！
@ PIM
: 細聲啲！成個街市都聽到。
@ SHING
( trying to whisper, still loud )
: 開夾萬要搵專業㗎。
@ PIM
: 你識邊個專業？
@ SHING
: 七叔囉。日日坐四號枱飲凍泰式奶茶走甜嗰個。
@ PIM
: 七叔？佢幫襯咗我哋二十年，從來冇講過一句嘢。
@ SHING
: 佢以前叫「鬼手七」。七十年代開過九十九個夾萬，冇一個開唔到。後來坐咗八年監，出嚟之後就冇再出過聲。
@ PIM
: 九十九個……
@ SHING
: 江湖傳聞，佢想湊夠一百個先至收手。
! 萍姐 puts a bag of shrimp paste back on the shelf, thinking.

= 5 | 7 | EXT. WALLED CITY PARK 九龍寨城公園 - DAY
! Early morning by the old South Gate. Old men hang birdcages on the branches. 七叔 does tai chi alone on the flagstones.
! 萍姐 and 阿東 approach. 阿東 carries a takeaway bag.
@ TONY
( whispering )
: 媽，你肯定？佢睇落似九十歲。
@ PIM
: 七叔，早晨。我哋……想請你幫個忙。
! 七叔 keeps moving, slow as water.
@ PIM (CONT'D)
: 高記個夾萬。禮拜四晚。
! He stops. He holds out his gloved hand. 阿東 puts a pen in it. 七叔 writes on the takeaway bag and hands it back.
@ TONY
( reading )
: 「一日一碗青咖喱，食到我死為止。」
@ PIM
: 成交。
@ TONY
: Wait — that's his fee? 一碗咖喱？
@ PIM
: 佢喺我哋度飲咗二十年奶茶，一次都未食過青咖喱。
! 七叔 bows slightly and goes back to his tai chi.
@ TONY
: OK……裏面都有個人幫我哋。阿欣喺高記做咗兩年。
@ PIM
: 你條女？
@ TONY
: 佢叫阿欣，唔係叫「你條女」。

= 6 | 9 | INT. KO KEE PAWN 高記大押 - COUNTER - DAY
! An old pawnshop on Hau Wong Road 侯王道: a high wooden counter behind a screen, iron bars, a ledger under glass. KAREN (李曉欣 Lee Hiu-yan, 阿欣, 24) sits high on a stool behind the counter, typing pawn tickets.
! 阿東 comes in and slaps an old watch on the counter.
@ TONY
( loudly, for the camera in the corner )
: 唔該，當隻錶。
@ KAREN
( low )
: 你癡線呀？呢度有三部 CCTV㗎。
@ TONY
( low )
: 隻象喺邊？
@ KAREN
: 後面寫字樓個夾萬。金獅牌，一九六二年嘅，四個人都搬唔郁。
@ TONY
: Combination?
@ KAREN
: 發哥逢禮拜一換密碼，淨係佢自己知。
@ MR KO (O.S.)
( from the back office )
: 阿欣！沖杯奶茶俾我！
@ KAREN
( calling back )
: 嚟緊！
( to Tony, low )
: 佢禮拜四晚九點去啟德唱K，唱到十二點先返。That's your window.
@ TONY
: 禮拜四……即係潑水節。
! 發哥 comes out from the back, sees 阿東 and squints.
@ MR KO
: 咦，金象個仔。嚟當錶？
! He puts a jeweller's loupe to his eye and turns the watch over.
@ MR KO (CONT'D)
: 假嘢。兩百蚊。
@ TONY
: 兩百就兩百。
! 阿欣 writes the ticket without looking up.

= 7 | 10 | INT. GOLDEN ELEPHANT 金象泰國菜館 - DINING ROOM - NIGHT
! After closing. Shutters down, one strip light on. Two tables pushed together; a hand-drawn map of Hau Wong Road on the back of a menu. 萍姐, 阿東, 大聲成 and 阿欣 lean over it. 七叔 sits apart at table 4 with his milk tea, listening.
@ PIM
: 聽住。禮拜四，潑水節，南角道封路，成條街都係人同水槍。
@ TONY
: 九點，發哥出門去唱K。九點半我同七叔由天台落去。
@ KAREN
: 天台道門把鎖壞咗半年，冇人理。後面寫字樓頂有個天窗。
@ SHING
: 咁我呢？
@ PIM
: 你負責開波。九點半正，你喺街口用水槍射雷sir。
@ SHING
: 射警察？！
@ PIM
: 雷sir每年潑水節都落場玩，佢鍾意。跟住我請佢入嚟食飯，拖住佢。
@ KAREN
: 我喺樓梯口睇水。三部 CCTV，我九點二十九分熄咗佢。
@ TONY
: Code words. 「青咖喱」 means go. 「冬陰功」 means abort — everyone out, 即刻走。
@ SHING
: 點解冬陰功係取消？
@ TONY
: 因為冬陰功好酸。Things went sour.
@ SHING
( roaring with laughter )
: 哈！好嘢！
@ KAREN
: Shh!
@ TONY
: 由入到出，十二分鐘。唔准多一分鐘。
@ PIM
: 仲有一樣嘢，大家記住。我哋唔係去偷嘢，我哋係去攞返自己嘅嘢。夾萬入面啲錢、啲金，一樣都唔准掂。
! 七叔, at table 4, slowly raises his glass of milk tea.
> CUT TO:

= 8 | 3 | EXT. KO KEE PAWN 高記大押 - ROOFTOP - NIGHT
! Wednesday night. The roof of the pawnshop's tenement: water tanks, rusted TV aerials, neon from Hau Wong Road below. 阿東 and 七叔 crouch beside a wired-glass SKYLIGHT. The roof door behind them hangs open: its lock has been broken for months.
@ TONY
( whispering )
: 七叔，由天窗落去大概三米。我綁繩，你……
! 七叔 shakes his head. He points at 阿東, then down, then at himself: you first, then me.
@ TONY
: OK，我先落。
! 七叔 runs a gloved finger round the skylight frame and counts the screws — eight — and slips a screwdriver into his sleeve.

= 9 | 5 | INT. KO KEE PAWN 高記大押 - BACK OFFICE - NIGHT
! A cluttered office: ledgers, a calendar girl from 1998, and a 1962 GOLDEN LION 金獅牌 SAFE as tall as a man. 發哥 at his desk with the gold elephant in front of him. 阿欣 brings his milk tea.
@ MR KO
: 阿欣，你知唔知點解我要呢隻象？
@ KAREN
: 值錢囉。
@ MR KO
: 銅嚟㗎咋，鍍金嘅。值錢嘅係佢個肚。
! He shakes the elephant. Something inside rattles.
@ MR KO (CONT'D)
: 我老豆死之前同我講，佢同陳國華簽過張嘢，收咗喺度。搵到佢，燒咗佢，成幢樓就賣得俾發展商。
@ KAREN
: ……咁拍賣呢？
@ MR KO
: 禮拜六拍賣做場戲啫，冇人會出價。禮拜日我自己開佢個肚。
! He locks the elephant in the safe, spins the dial, drains his tea and goes out.

= 9A | 1 | INT. KO KEE PAWN 高記大押 - BACK OFFICE - CONTINUOUS
! Alone, 阿欣 takes out her phone and photographs the safe dial three times. Her hand is shaking.

= 10 | 7 | EXT. SOUTH WALL ROAD 南角道 - NIGHT
! Songkran night. South Wall Road closed to traffic: paper lanterns, Thai flags, two water trucks, a hundred people with water guns, Thai pop thumping from a speaker truck.
! 雷sir stands at the corner in a clear plastic raincoat, keeping order. 大聲成, armed with a huge green water gun, checks his watch: 21:30.
@ SHING
( bellowing )
: 雷sir！Happy Songkran！
! He blasts 雷sir full in the face. The crowd cheers and joins in. 雷sir, dripping, laughs despite himself.
@ SGT LUI
: 大聲成！你今晚死梗喇！
! 萍姐 appears at the restaurant door with a towel.
@ PIM
: 雷sir，入嚟抹乾先，我請你食冬……我請你食青咖喱。
! She has nearly said the wrong word. She smiles too hard.
@ SGT LUI
: 萍姐，你今日咁好人嘅？
@ PIM
: 潑水節，洗走啲霉運嘛。
! Across the street, 阿東 slips into the doorway of the pawnshop building with his delivery bag. 七叔 follows in a yellow raincoat, carrying an old wooden toolbox, unhurried. Nobody looks twice.
@ PIM
( into her phone, low, as Sgt Lui goes in )
: 青咖喱。
@ TONY
( in the doorway across the street, into his phone )
: 收到。上去喇。
> CUT TO:

= 11 | 15 | INT. KO KEE PAWN 高記大押 - BACK OFFICE - NIGHT
! Dark. Above the desk, the skylight's eight screws come out one by one and drop into a gloved palm.
! 阿東 lowers himself on a rope, lands on the desk and knocks over a pen pot. He freezes. Nothing. He steadies the rope, and 七叔 comes down after him in a climbing harness, slow and calm, as if he were getting off a bus.
! The door to the staircase opens a crack. 阿欣, whispering.
@ KAREN
: CCTV 熄咗。你哋得十二分鐘。
@ TONY
( holding up his phone )
: 阿欣影到個 dial，發哥鎖完夾萬，停喺八十八。
! 七叔 waves the phone away without looking at it. From the toolbox he takes an old doctor's STETHOSCOPE, hooks it into his ears, presses it to the safe door and closes his eyes.
@ TONY
( checking his watch )
: 一分鐘。
@ KAREN
( at the door, watching the stairs )
: 樓下潑緊水，好嘈。佢聽唔聽到㗎？
! 七叔 raises one finger: silence. He turns the dial left, slowly. Stops. Right. Stops. His lips move, counting.
@ TONY
: 兩分鐘。
! A water balloon bursts against the window. 阿東 and 阿欣 jump. 七叔 does not.
@ TONY (CONT'D)
: 三分鐘……七叔……
@ KAREN
: 佢好似瞓著咗。
! 七叔 turns the dial left one last time. A soft CLICK. He pulls the handle and the heavy door swings open.
@ TONY
( checking his watch )
: 四分半！Four and a half minutes!
! Inside: bundles of cash, gold chains tagged with pawn tickets, a black ledger — and the GOLD ELEPHANT.
! With one gloved finger, 七叔 writes in the dust on top of the safe: 100.
@ TONY
: 一百個……恭喜晒，七叔。
! 阿東 lifts out the elephant. His eyes slide to the cash.
@ KAREN
: 唔好掂啲錢！萍姐講過，淨係攞返隻象。
@ TONY
: I know, I know. 我冇掂。
! 七叔 takes a second gold elephant out of the toolbox: a 3D-printed copy, painted gold. He sets it in the safe exactly where the real one stood and turns its trunk to the same angle.
@ KAREN
: 呢隻假嘢幾錢㗎？
@ TONY
: 三百八十蚊，深水埗打印。連金油。
! 七叔 closes the safe door and spins the dial back to 88. 阿東 packs the real elephant into his delivery bag.
! 阿欣's phone buzzes. She reads, and goes white.
@ KAREN
: 發哥……佢個K房水浸，佢返緊嚟！
@ TONY
( into his phone )
: 冬陰功！冬陰功！
! Downstairs, a SHUTTER rattles up. Heavy footsteps on the stairs.
! 七叔 points calmly at the rope hanging from the skylight. 阿欣 slips out to the staircase and pulls the door shut behind her.

= 12 | 7 | INT. GOLDEN ELEPHANT 金象泰國菜館 - DINING ROOM - NIGHT
! 雷sir at the corner table, a towel round his neck, eating green curry. 萍姐 watches the door.
@ SGT LUI
: 萍姐，你個青咖喱真係冇得彈……我同你講件事，你唔好話係我講㗎。
@ PIM
: 咩事？
@ SGT LUI
: 高永發上個月入咗申請，成幢樓連你間舖，拆咗起酒店，廿六層。九月開始拆。
@ PIM
: 九月？
@ SGT LUI
: 佢話你哋冇租約，幾時都可以叫你走。
! 萍姐's phone rings. The screen says 「阿媽」. She steps to the kitchen doorway.
@ MAMA NOI (V.O.)
( on the phone, excited )
: 碧萍！我記起喇！係租約！你阿爸同高天賜一九九三年五月一號簽嘅，五十年，每個月八千蚊，租到二零四三年！佢收咗喺隻象個肚入面！
@ PIM
( into the phone )
: 五十年……八千蚊……
@ MAMA NOI (V.O.)
: 高天賜係好人。佢個仔就唔係。
@ SGT LUI
( calling across the room )
: 萍姐，唔該多碗白飯！
@ PIM
( into the phone )
: 阿媽，我收線先。
! Her phone buzzes again. One text: 「冬陰功」. 萍姐's smile does not move, but the ladle in her hand shakes.

= 13 | 6 | INT. KO KEE PAWN 高記大押 - STAIRCASE - NIGHT
! A narrow staircase, one bare bulb. 發哥 trudges up, soaked to the skin, keys in hand. 阿欣 hurries down to meet him, blocking the way.
@ KAREN
: 發哥！你……成身濕晒嘅？
@ MR KO
: 個K房水浸，出到街啲人仲用水槍射我！我要換衫，讓開。
@ KAREN
: 你……你條鎖匙跌咗喺樓梯度。
! She drops her own key on the step behind him. He turns to look. Above them, through the half-open office door, 阿東 hauls 七叔 up the rope towards the skylight, the delivery bag on his back.
@ TONY
( a whisper from the skylight, to Uncle Chat )
: 捉實，七叔……
@ MR KO
( picking up the key )
: 呢條唔係我嘅。
@ KAREN
: 咁……咁即係我嘅。
! 發哥 pushes past her into the office. The skylight is shut. The safe is shut. A pen pot lies on its side; he stands it up. He spins the dial and opens the safe: the gold elephant sits there, trunk raised. He pats it.
@ MR KO
: 仲喺度。乖。
! On the stairs, 阿欣 breathes out for the first time in a minute.

= 14 | - | OMITTED

= 15 | 5 | EXT. SOUTH WALL ROAD 南角道 - NIGHT
! The water fight at its height. 阿東 shoulders through the crowd with the delivery bag. 雷sir, back on the street with a towel round his neck, spots him.
@ SGT LUI
: 阿東！咁夜仲送外賣？
@ TONY
: 係呀雷sir，急單！
! 阿東 skids on the wet road and goes down hard. The bag slides away across the tarmac. 雷sir steps towards it.
! 大聲成 jumps between them and soaks 雷sir again with the big green gun.
@ SHING
: 雷sir，第二輪！
! In the spray and the screaming, 七叔 in his yellow raincoat picks up the bag and walks away into the crowd without hurrying.
@ SGT LUI
( wiping his eyes )
: 大聲成，我記住你！
! 阿東 gets up, limping, and grins at 大聲成.

= 16 | 8 | INT. GOLDEN ELEPHANT 金象泰國菜館 - KITCHEN - NIGHT
! Near midnight. 萍姐, 阿東 (an ice pack strapped to his knee), 大聲成 and 阿欣 crowd round the steel table. 七叔 sets the gold elephant down in the middle. On its belly, a small brass plate held by four screws.
@ PIM
: 七叔？
! 七叔 has already taken the screws out. Inside: a document rolled tight and tied with red string, and an old photograph.
@ PIM
( reading )
: 「租約。業主高天賜，租客陳國華。由一九九三年五月一日起，為期五十年，月租港幣八千元正，租期內不得加租。」
@ SHING
: 八千！租到二零四三年！
@ KAREN
: 有業主簽名，仲有律師樓個印。係真嘅。
@ TONY
: 媽，佢三年前加租加到三萬八，即係每個月多收咗三萬。三年，三十六個月……一百零八萬！
@ SHING
( loud )
: 一百零八萬！佢仲夠膽話我哋欠佢六十八萬！
! 萍姐 looks at the photograph: the opening day in 1993, a young couple and an older man in a suit cutting the ribbon.
@ PIM
: 聽朝我拎去律師樓。正本放喺律師度，我哋拎副本。
@ KAREN
: 我聽朝仲要返工。
@ TONY
: 唔好返喇。
@ KAREN
: 要返。我想親眼睇住佢發現嗰陣個樣。
! 七叔 puts his screwdriver away and closes his toolbox.

= 17 | 5 | INT. KO KEE PAWN 高記大押 - COUNTER - DAY
! Friday morning. 發哥 at the counter with the elephant, a loupe and a valuation form from the auction house. 阿欣 on her high stool.
@ MR KO
: 拍賣行要相，你幫我影靚啲。
! He lifts the elephant. The trunk snaps off in his hand: light plastic. In the hollow trunk, a folded note. He reads it.
@ MR KO (CONT'D)
( reading )
: 「多謝惠顧 — 金象泰國菜館」
! He turns red to the ears.
@ MR KO (CONT'D)
: 阿欣！報警！
! 阿欣 takes off her lanyard and lays her key on the counter.
@ KAREN
: 你自己報啦，發哥。我唔做喇。
@ MR KO
: 你辭職？
@ KAREN
: 唔係。係我炒你。
! She walks out into the sun.

= 18 | 11 | INT. GOLDEN ELEPHANT 金象泰國菜館 - DINING ROOM - DAY
! Friday, 11:50. The gold elephant is back on its red shelf with fresh jasmine. A full lunch crowd. 七叔 at table 4. 大聲成 in the hatch. 萍姐 at the cash desk. 阿東 waits tables, his knee bandaged.
! 發哥 storms in with 雷sir behind him.
@ MR KO
: 雷sir，就係佢哋！隻象係我嘅抵押品，佢哋爆我夾萬！
@ SGT LUI
: 發哥，我問你。你攞走隻象嗰陣，有冇寫過單據？有冇人簽過任何嘢？
@ MR KO
: ……冇。
@ SGT LUI
: 咁你點證明佢係你嘅抵押品？禮拜一我親眼見你攞走，冇單冇據。你想報案，我即刻開檔——兩單一齊查：夾萬嗰單，同埋你攞走隻象嗰單。
! 發哥 says nothing. 萍姐 hands him a photocopy.
@ PIM
: 高生，呢份係你老豆簽嘅租約，正本喺律師樓。五十年，每個月八千，租到二零四三年。呢三年你多收咗我一百零八萬。
! His hands shake as he reads.
@ PIM (CONT'D)
: 係你欠我，唔係我欠你。
@ MR KO
: ……六十八萬，唔使還。由下個月起，租……八千。
@ PIM
: 咁一百零八萬呢？
@ MR KO
: 叫……叫律師同你傾。
@ TONY
( holding the door open for him )
: 發哥，慢行。隻錶兩百蚊，唔使找。
! He goes. The lunch crowd applauds. 萍姐's phone rings: a video call. She holds it up.
@ MAMA NOI (V.O.)
: 碧萍，攞返未呀？
@ PIM
: 攞返喇阿媽，仲攞多咗添。
@ MAMA NOI (V.O.)
: 好！我下個月十號返香港，同你哋食飯！
! 萍姐 carries a steaming bowl of green curry to table 4 and sets it in front of 七叔. The first bowl. He tastes it. He nods. Then he holds up one finger.
@ SHING
( from the hatch, loud )
: 七叔話，一碗唔夠！
@ SGT LUI
( at the door )
: 大聲成，潑水嗰筆數我仲未同你計㗎。

= 19 | 6 | EXT. KAI TAK RUNWAY PARK 啟德跑道公園 - DUSK
! The tip of the old runway. Lion Rock in the haze, the sun going down over the harbour. 萍姐, 阿東 and 阿欣 sit on the steps with takeaway boxes. A little way off, 七叔 flies a red kite, alone, with a small smile.
@ PIM
: 阿東，九月去曼谷。學費我俾。
@ TONY
: 九萬六喎，媽。
@ PIM
: 高生要還一百零八萬。夠你讀十年。
@ TONY
: 咁舖頭呢？你同成哥兩個頂唔頂到？
@ KAREN
: 我嚟幫手。樓面經理，月薪兩萬二。
@ PIM
: 兩萬二？你同高生傾慣數喎。
@ KAREN
: 我唔係收租，我係收錢。
! They laugh. The kite climbs above the runway.
@ TONY
: 七叔！第一百個夾萬，感覺點呀？
! 七叔 doesn't turn round. He only lifts the kite string higher, one finger raised.
> FADE OUT.
"""

MARKS = {"!": "Action", "@": "Character", "(": "Parenthetical", ":": "Dialogue", ">": "Transition"}


def eighths_text(eighths: int) -> str:
    pages, rest = divmod(eighths, 8)
    if pages and rest:
        return f"{pages} {rest}/8"
    return str(pages) if pages else f"{rest}/8"


def parse(text: str) -> list[tuple[str, str, int | None, list[tuple[str, str]]]]:
    """Scenes as (number, heading, eighths or None, [(paragraph type, text)])."""
    scenes: list[tuple[str, str, int | None, list[tuple[str, str]]]] = []
    for raw in text.splitlines():
        if not raw.strip():
            continue
        if raw.startswith("  "):
            kind, body = scenes[-1][3][-1]
            scenes[-1][3][-1] = (kind, body + " " + raw.strip())
            continue
        mark, body = raw[0], raw[1:].strip()
        if mark == "=":
            number, eighths, heading = (part.strip() for part in body.split("|", 2))
            scenes.append((number, heading, None if eighths == "-" else int(eighths), []))
        elif mark == "(":
            scenes[-1][3].append(("Parenthetical", "(" + body.rstrip(")").strip() + ")"))
        elif mark in MARKS:
            scenes[-1][3].append((MARKS[mark], body))
        else:
            raise ValueError(f"unmarked line: {raw!r}")
    return scenes


def paragraph(parent: ET.Element, kind: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, "Paragraph", {"Type": kind, **attrs})
    ET.SubElement(element, "Text").text = text
    return element


def build() -> ET.ElementTree:
    root = ET.Element("FinalDraft", {"DocumentType": "Script", "Template": "No", "Version": "5"})
    content = ET.SubElement(root, "Content")
    eighths_so_far = 0
    for number, heading, eighths, paragraphs in parse(SCRIPT):
        head = ET.SubElement(content, "Paragraph", {"Type": "Scene Heading", "Number": number})
        if eighths is not None:
            ET.SubElement(
                head,
                "SceneProperties",
                {"Length": eighths_text(eighths), "Page": str(eighths_so_far // 8 + 1), "Title": ""},
            )
            eighths_so_far += eighths
        ET.SubElement(head, "Text").text = heading
        for kind, text in paragraphs:
            paragraph(content, kind, text)
    title_page = ET.SubElement(ET.SubElement(root, "TitlePage"), "Content")
    for line in [TITLE, *CREDITS]:
        paragraph(title_page, "General", line, Alignment="Center")
    ET.indent(root, space="  ")
    return ET.ElementTree(root)


def main() -> None:
    target = Path(__file__).with_name("golden_elephant.fdx")
    tree = build()
    with target.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    scenes = [s for s in parse(SCRIPT) if s[2] is not None]
    total = sum(s[2] or 0 for s in scenes)
    print(f"wrote {target.name}: {len(scenes)} scenes, {total} eighths ({total / 8:.2f} pages)")


if __name__ == "__main__":
    main()
