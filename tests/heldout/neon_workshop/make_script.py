"""Writes neon_bat.fdx, the held-out screenplay 《霓虹蝙蝠》 THE NEON BAT (a Final Draft .fdx file).

Original text written for Slate's held-out measure (CC0); every character, shop and story event is fictional.
Run: python3 tests/heldout/neon_workshop/make_script.py   (standard library only)

The file is what Final Draft saves: <FinalDraft DocumentType="Script"> with a <Content> of <Paragraph>s
(Scene Heading with the scene number in Number and a <SceneProperties Length=... Page=...>, Action,
Character, Parenthetical, Dialogue, Transition) and a <TitlePage>. Lengths and pages in SceneProperties
are estimated the way the program paginates: US Letter, 12 pt Courier, 55 lines a page, action 6.0"
wide, dialogue 3.5", parentheticals 2.5", CJK characters two columns wide; a blank line before action,
cues and transitions, two before a heading; lengths in eighths of a page (at least 1/8).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "neon_bat.fdx"

# `## N | HEADING` starts a scene (`## N | OMITTED` keeps the number of a cut scene),
# `A:` action, `C:` character cue, `P:` parenthetical, `D:` dialogue, `T:` transition.
# In an action line, `*word*` becomes a separate underlined text run (as Final Draft saves styled text).
SCRIPT = """
T: FADE IN:

## 1 | EXT. 上海街 SHANGHAI STREET - NIGHT
A: Yau Ma Tei, near midnight. The shops of Shanghai Street are shuttered. Above the pavement outside a pawnshop hangs its sign: a huge red neon bat with outstretched wings, holding in its mouth a green coin on a string (蝠鼠吊金錢), and under it three yellow characters, 「大昌押」. Six metres wide, it covers the street like a roof. One tube in the bat's left wing flickers.
A: FOOK (何福, 福叔, 72), neon master, grey cardigan, stands on the kerb with his hands in his pockets, looking up. Beside him, YAN (何欣, 阿欣, 27), his granddaughter, in a hoodie, films the sign on her phone.
C: YAN
D: 阿爺，呢個真係你整㗎？
C: FOOK
D: 一九七八年，我二十歲。我第一個由頭到尾自己一個人整嘅招牌。三十八支光管，一支都冇換過。
C: YAN
D: 左邊翼嗰支閃緊喎。
C: FOOK
D: 佢老咗啫，同我一樣。
A: A woman in a Buildings Department windbreaker comes down the street with a clipboard: MS LEE (李慧儀, 李主任, 45). She stops under the sign, photographs the rusted bracket, and tapes a notice to the pawnshop's iron shutter: 「屋宇署 — 危險招牌清拆令」.
C: MS LEE
D: 阿伯，唔好企喺正下面。個支架生晒鏽，隨時跌落嚟。
C: FOOK
D: 五十幾年都冇跌過。
C: MS LEE
D: 所以先要拆。招牌伸出行人路四米半，超出咗規定。業主有十四日，自己搵人拆。十四日之後未拆，政府派人拆，費用向業主追。
A: The shutter rattles up halfway. CHEUNG (張國輝, 輝哥, 63), the pawnbroker, ducks out in a white singlet and slippers and reads the notice.
C: CHEUNG
D: 十四日？得，冇問題。
C: FOOK
D: 輝哥，你咁爽快？你老豆當年掛呢個招牌，擺咗三日酒。
C: CHEUNG
D: 福叔，時代唔同咗啦。拆就拆囉。
A: He ducks back under the shutter without once looking up at the sign. Fook looks at Yan. Above them, the left wing flickers.

## 2 | INT. 福記霓虹工場 FOOK KEE NEON WORKSHOP - BENDING BENCH - DAY
A: Ninth floor of the Wing Hing Industrial Building in San Po Kong. A long room crowded with racks of glass tubes, transformers, and old signs leaning against the walls: a pink high-heeled shoe, a steaming rice bowl, 「夜總會」. At the bench a ribbon burner roars with a blue flame.
A: MING (馮志明, 阿明, 34), Fook's apprentice, safety glasses on, rolls a glass tube in the flame and bends it in one smooth movement against a pattern drawn on a fireproof sheet. He blows gently into a rubber hose to keep the hot glass from collapsing.
A: 福叔 and 阿欣 come in. She carries two cardboard boxes: the contents of her office desk.
C: MING
D: 欣女？乜你今日唔使返工咩？
C: YAN
D: 公司一次過炒咗三十個人，我係其中一個。唔好問。
C: FOOK
P: (dropping a letter on the bench)
D: 業主封信。下個月起，租金由一萬八加到三萬二。
C: MING
D: 三萬二？我哋成個月都做唔到三萬二生意。
C: FOOK
D: 做埋呢個月，收檔。
C: YAN
D: 阿爺！
C: FOOK
D: 你唔使返工，正好嚟幫手執嘢。嚟，阿爺教你屈一支管，等你知道呢行係點。
A: Fook picks up a length of clear tube and holds it in the flame. His right hand begins to shake. The tube wavers in the fire, sags, and cracks with a sharp ping.
A: 明仔 is already beside him. He takes the broken glass out of Fook's hand, gently, and turns down the burner.
C: MING
D: 福叔，今日風大，啲火唔定。我嚟。
C: FOOK
D: ……嗯。你嚟。
A: Yan looks from the broken tube to her grandfather's right hand, now pushed deep into his cardigan pocket.

## 3 | INT. 大昌押 TAI CHEONG PAWN - COUNTER - DAY
A: A tall wooden counter, so high that customers must reach up to it, and behind it an iron grille and a wooden screen. Racks of pledged watches, jade bangles, a saxophone. Cheung sits high on a stool behind the counter, doing the books with an abacus and a calculator.
A: Fook and Yan stand below the counter, looking up at him.
C: FOOK
D: 輝哥，你唔使搵人拆。我同阿明幫你拆，唔收錢。我只係想拎個招牌返工場掛住。
C: CHEUNG
D: 福叔，唔得。
C: FOOK
D: 點解唔得？你留住都冇用。
C: CHEUNG
D: 我話唔得就唔得。
A: The old desk phone rings. Cheung looks at the number and picks up. A man's voice, German-accented English, leaks out of the earpiece; Cheung turns the volume down too late.
C: VOSS (V.O.)
P: (on the phone)
D: Mr Cheung, Henrik Voss. My crew takes the sign down on Thursday night, eleven o'clock. The container leaves Kwai Chung on Saturday the twenty-eighth.
C: CHEUNG
D: Yes, yes. Thursday. OK.
C: VOSS (V.O.)
D: Three hundred and eighty thousand Hong Kong dollars, as agreed. Half when it comes down, half when it is hanging in my bar in Berlin.
A: Cheung swivels away, carries the phone through to the back office on its long cord, and shuts the door.
C: CHEUNG (O.S.)
P: (through the door)
D: 福叔，今日唔得閒，你哋返去先啦！
A: Fook did not catch a word of the English. Yan did. She takes her grandfather's arm.
C: YAN
D: 阿爺，走先。出去我同你講。

## 4 | EXT. 上海街 SHANGHAI STREET - DUSK
A: The hour when the neon used to come on. Fook and Yan stand outside the pawnshop. She talks low and fast.
C: YAN
D: 佢將個招牌賣咗俾個德國人，擺喺柏林間酒吧度。三十八萬。星期四晚十一點嚟拆，廿八號喺葵涌上貨櫃。
C: FOOK
D: 三十八萬……一九七八年，佢老豆同我講好二千四百蚊。
A: A white van with 「東尼拆招牌 24小時」 painted on the side mounts the kerb. TONY (陳德安, 東尼, 40), gold-rimmed sunglasses at dusk, jumps out with a laser measure and points it at the sign. Behind him climbs out KEUNG (林志強, 強哥, 55), a bamboo scaffolder, lean and burnt brown, a red safety helmet under his arm. He looks up at the bat for a long time.
C: TONY
D: 六米闊，伸出四米半……連鐵架起碼一百八十公斤。強哥，搭個棚要幾耐？
A: 強哥 holds up two fingers, then taps his wrist. Two hours.
C: TONY
P: (noticing Fook)
D: 阿伯，睇咩呀？呢個招牌我老闆買咗喇。星期四之後，你要去柏林先睇得到。
A: He flicks Fook a business card and drives off. Keung stays a moment. He looks at Fook; Fook looks back. Something passes between them. Then Keung puts on his helmet and walks after the van.
C: YAN
D: 你識佢㗎？
C: FOOK
D: 阿強……一九九零年跟過我兩年，幫我掛招牌。全九龍最好嘅棚佬。
C: YAN
D: 佢一句嘢都冇講過。
C: FOOK
D: 佢從來都唔講嘢。

## 5 | INT. 福記霓虹工場 FOOK KEE NEON WORKSHOP - BACK ROOM - NIGHT
A: A cramped storeroom behind the workshop: shelves of order books going back to the 1970s, an old safe, a camp bed. Fook pulls out a cloth-bound ledger marked 「一九七八」 and blows off the dust.
A: Yan sits on the camp bed with her laptop. Ming leans in the doorway, listening.
C: FOOK
D: 搵到喇。訂單第零四一三號。大昌押，蝠鼠吊金錢，三十八支光管。總數二千四百蚊。
C: YAN
D: 咁平？
C: FOOK
D: 嗰陣時我一個月人工三百蚊。佢老豆張昌俾咗八百蚊訂金……
A: He runs his finger down the page and stops at a line in someone else's handwriting, stamped with a red chop: 「尾數一千六百元未清，招牌仍屬福記所有。張昌」
C: YAN
P: (reading over his shoulder)
D: 尾數一千六百元未清，招牌仍屬福記所有……阿爺！即係個招牌法律上係你㗎！
C: FOOK
D: 佢老豆嗰年生意唔好，話遲啲先俾。後來佢走咗，我都冇追過。五十幾年。
C: MING
D: 咁仲等乜？拎去搵律師啦。
C: FOOK
D: 告輝哥？我睇住佢大㗎。
C: YAN
D: 咁你想點？睇住佢送去柏林？
A: Fook closes the ledger. Through the doorway he looks at the workshop: the racks of glass, the cold burner.
C: FOOK
D: 我想佢留喺香港。

## 6 | EXT. 永興工業大廈天台 WING HING ROOFTOP - DAWN
A: The flat roof of the industrial building, water tanks and a forest of dead antennae. Beyond, Lion Rock turns pink. Ming stands at the parapet with two cups of instant coffee. Fook joins him.
C: MING
D: 福叔，你隻手，幾時開始㗎？
C: FOOK
D: ……兩年前。醫生話係震顫，唔係柏金遜，死唔去，但係醫唔好。
C: MING
D: 兩年。呢兩年工場出去嘅招牌，每一支管都係我屈㗎。
C: FOOK
D: 我知。你屈得好過我。
C: MING
D: 但係招牌後面個名，寫嘅係福記。
A: A pause. Fook takes one of the cups.
C: FOOK
D: 阿明，我要你幫我做一樣嘢。整一隻新嘅蝙蝠，一模一樣，三十八支管。佢哋星期四晚嚟拆，我哋星期三晚搶先換咗佢。
C: MING
D: 偷龍轉鳳？福叔，你癲咗呀？三十八支，我一日最多屈得六支。
C: FOOK
D: 由今日計，仲有七日。
C: MING
D: ……咁就唔好瞓囉。
A: Fook smiles for the first time. The sun clears the hills.

## 7 | INT. 勝利冰室 VICTORY CAFE - DAY
A: A 1960s cafe in Yau Ma Tei: green tiles, ceiling fans, wooden booths. Yan sits opposite Tony with a notebook, her phone recording on the table. She is playing a student making a documentary about neon.
A: At the next table, alone, Keung eats a pineapple bun with butter (菠蘿油) and reads the racing page. He does not look up.
C: YAN
D: 東尼哥，我做緊個畢業功課，講霓虹招牌點樣消失。可唔可以講吓，拆一個咁大嘅招牌要點做？
C: TONY
D: 搵啱人就得。我拆咗兩百幾個招牌喇。呢單星期四晚十一點開工，運輸署批咗封路，十一點封到朝早五點。四個伙記，一架吊雞車，強哥搭棚。
C: YAN
D: 個德國人點解要個舊招牌？
C: TONY
D: 鬼佬鍾意呢啲嘢，話係 "authentic Hong Kong"。佢俾我六萬蚊拆同包裝，仲要用木箱裝好。佢分唔到新舊㗎，佢淨係睇相。
P: (laughing)
D: 你唔好咁寫呀，妹妹。
C: YAN
D: 放心，我唔會寫你個名。
A: Tony's phone rings. He answers it, shouting about a crane in Tsuen Wan, throws a hundred-dollar note on the table and leaves. 強哥 folds his newspaper.

## 7A | INT. 勝利冰室 VICTORY CAFE - DAY
A: Yan is alone, packing up. Keung slides into the booth opposite. He takes a pen from his shirt pocket, writes on a paper napkin, and turns it round for her: 「福叔係我師傅。星期三晚，我幫你哋搭棚。」
C: YAN
D: 你……你點知我哋想做乜？
A: Keung taps the napkin, then points at his own eyes. He leaves the pen on the napkin and pays for her milk tea on his way out.

## 8 | INT. 福記霓虹工場 FOOK KEE NEON WORKSHOP - BENDING BENCH - NIGHT
A: Two in the morning. The burner roars. Photos of the bat sign from every angle are pinned to the wall; Yan has traced them into a full-size pattern on a fireproof sheet that covers half the floor. A whiteboard reads 「38」, crossed out, 「32」, crossed out, 「27」.
A: Ming bends a red tube along the edge of a wing. Fook sits on a stool beside him, hands in his pockets, watching every movement.
C: FOOK
D: 慢啲。翼尖嗰度要分兩次屈，唔好一次過。
C: MING
D: 我知。
C: YAN
D: 阿爺，點解有啲係紅，有啲係綠？
C: FOOK
D: 紅色係氖氣，本身就係紅。綠色黃色係氬氣加少少水銀，管入面塗咗粉。隻蝙蝠十六支紅，個金錢十支綠，「大昌押」三個字十二支黃。加埋幾多？
C: YAN
D: 三十八。
A: Ming seals off a finished section of wing and holds it up to the light.
C: MING
D: 第十二支。
C: FOOK
D: 左邊翼第四支，舊嗰支閃咗成年。你新整嗰支，唔使閃。
C: MING
D: 點解唔閃？要一模一樣㖞。
C: FOOK
P: (after a beat)
D: ……你講得啱。照閃。
A: Yan laughs. Ming does not. He picks up the next tube.

## 9 | EXT. 上海街 SHANGHAI STREET - NIGHT
A: Ms Lee stands under the sign with Cheung, pointing out the bracket bolts with a torch.
C: MS LEE
D: 張生，八粒螺絲，有三粒已經鏽穿咗。拆嗰晚我會喺度睇住，拆完我簽紙。最遲廿八號之前要拆好。
C: CHEUNG
D: 星期四晚有人嚟拆。李主任放心。
A: Across the street, Yan points a camera at the sign. Ming, beside her, aims a laser measure at the bracket, pretending to frame a shot.
C: MS LEE
P: (calling across)
D: 喂，你兩個，影乜嘢呀？
C: YAN
D: 拍紀錄片呀，Madam！霓虹招牌嘅最後一夜！
C: MING
P: (under his breath, reading the measure)
D: 兩個支架中間一米二。螺絲二十毫米。
C: MS LEE
D: 拍就拍，唔好企出馬路。
A: 輝哥 watches the two of them. His face gives nothing away.

## 10 | INT. 彩虹邨福叔屋企 FOOK'S FLAT - NIGHT
A: A small public-housing flat in Choi Hung Estate, very tidy; on the cabinet, a photo of Fook's late wife with a stick of incense. Yan, looking for a blanket for the camp bed, opens a drawer and finds pill bottles and a hospital letter. She reads it.
A: Fook comes in from the kitchen with two bowls of noodles.
C: YAN
D: 「特發性震顫」……日期係兩年前。阿爺，你兩年前已經屈唔到玻璃？
C: FOOK
D: 食麵先。
C: YAN
D: 你答我。
A: Fook puts down the bowls and sits. His right hand trembles on the table; this time he does not hide it.
C: FOOK
D: 呢兩年，福記出去嘅招牌，每一支管都係阿明屈嘅。旺角間茶餐廳、深水埗間當舖、電影公司借去嗰隻鳳凰，全部都係佢。人哋嚟訪問、影相，寫「最後一代霓虹師傅何福」，我就企喺度俾人影。
C: YAN
D: 點解唔講出嚟？
C: FOOK
D: 冇人會搵個三十幾歲嘅後生仔整招牌。佢哋要個老師傅。
P: (beat)
D: 阿欣，呢件事，你知我知阿明知。
C: YAN
D: ……食麵啦，凍喇。

## 11 | INT. 大昌押 TAI CHEONG PAWN - COUNTER - DAY
A: Yan comes in alone. She reaches up and lays a photocopy of the 1978 ledger page on the high counter. Cheung reads it and takes off his glasses.
C: CHEUNG
D: 我老豆嘅字。
C: YAN
D: 尾數一千六百蚊未俾。個招牌，其實係我阿爺㗎。
C: CHEUNG
D: 咁你想點？告我？
A: He climbs down from the stool, comes round to her side and opens his own pledge book: page after page in red ink.
C: CHEUNG
D: 阿欣，而家冇人嚟當嘢喇。人哋用手機借錢，唔使見人。我欠銀行三十五萬，舖頭年尾就執笠。德國佬嗰三十八萬，係我最後一條路。
C: YAN
D: 你老豆知道你賣咗佢個招牌，會點諗？
C: CHEUNG
D: 我老豆冇教過我點樣還三十五萬。
A: He pushes the photocopy back across the counter.
C: CHEUNG (CONT'D)
D: 你要告就告。告到嗰陣，佢已經喺柏林喇。

## 12 | EXT. 永興工業大廈天台 WING HING ROOFTOP - DUSK
A: The new bat, assembled on a steel frame laid flat on the roof, wired to a row of transformers. Fook, Yan and Ming stand back. Ming throws the switch.
A: The bat lights up, red, green and yellow, brand new and blazing against the dusk. All but one tube: the square hole in the middle of the coin stays dark.
C: YAN
D: 嘩……
C: MING
D: 個錢窿唔著。電極漏氣。
C: FOOK
D: 今晚重新屈過。仲有一晚。
A: Keung appears at the top of the stairwell, helmet under his arm. He walks a slow circle round the new sign, measures the frame with his outstretched arms, then kneels and draws the scaffolding in chalk on the roof: bamboo poles, two platforms, a pulley.
C: FOOK
D: 阿強，星期三晚一點開工。一點到兩點搭棚，兩點拆舊嘅，三點半掛新嘅，四點半之前拆棚走人。五點啲清潔工人就落街。
A: Keung nods. He points at Ming and holds up one finger, then points up: only Ming goes up the bamboo with him. He points at Fook and Yan and mimes pulling a rope.
C: YAN
D: 佢意思係……得阿明同佢上棚，我哋喺下面拉繩？
C: FOOK
D: 係。佢嘅棚，佢話事。
A: Ming flicks the switch off and on again. The coin hole is still dark. The fourth tube of the left wing flickers, exactly as it *should*.

## 13 | INT. 福記霓虹工場 FOOK KEE NEON WORKSHOP - BACK ROOM - NIGHT
A: Ming at the vacuum pump in the back room, bombarding the new coin tube: it glows violet as the impurities burn out. Yan comes in with a box of takeaway rice and sits on the camp bed.
C: YAN
D: 阿爺同我講咗。呢兩年，全部都係你。
C: MING
D: 佢叫你唔好講？
C: YAN
D: 佢叫我唔好講。
C: MING
D: 我十二年前入嚟，佢叫我掃咗成年地，先俾我掂玻璃。佢教我嘅嘢，我一世都還唔晒。
P: (beat)
D: 但係有時我諗，如果福記收咗檔，我連張卡片都冇。全香港都唔知有馮志明呢個人。
C: YAN
D: 搞掂呢件事，我同你拍條片。全香港都會知。
C: MING
D: 搞掂個錢窿先算啦。
A: The tube glows violet, then clear. He seals it with the torch and fills it. Green. It lights. He allows himself a small smile.

## 14 | OMITTED

## 15 | EXT. 上海街 SHANGHAI STREET - SCAFFOLDING - NIGHT
A: 1:05 a.m., Wednesday night. The street is empty, every shutter down; a single taxi passes. A hand-truck stands loaded with bamboo poles. Keung, in his red helmet and a harness, climbs the pawnshop's façade like a staircase, lashing the bamboo with black nylon strips faster than seems possible.
A: Ming's van is parked at the kerb with the new bat under a tarpaulin. Fook stands on the pavement with a torch. Yan holds the rope of a chain hoist.
C: FOOK
P: (whispering)
D: 一點四十五。快過我哋計咗十五分鐘。
A: Up on the top platform, 強哥 gives a thumbs up. Ming climbs the bamboo after him, harness clipped on; Keung checks the clip twice before letting him step onto the platform.
C: MING
D: 八粒螺絲。第一粒……鏽到實晒。
A: Keung hands him a can of penetrating oil without a word. One by one the bolts squeal loose. Fook switches off the old sign at the pawnshop's fuse box and the street goes darker. The old bat, a hundred and eighty kilos of iron and glass, swings out on the hoist.
C: YAN
D: 慢……慢……好重呀！
C: FOOK
D: 唔好俾佢撞牆！三十八支管，一支都唔好爛！
A: Inch by inch it comes down onto a bed of old mattresses on the pavement. Fook lays his trembling right hand flat on the bat's red wing. It is the first time he has touched it in fifty-two years.
A: 2:50 a.m. They start to haul the new sign up. Halfway, a light comes on in the window above the pawnshop. The window opens. 輝哥, in pyjamas, looks down on the whole operation.
C: CHEUNG
D: 福叔？你哋搞乜鬼呀？
A: Everyone freezes. The new bat turns slowly on its rope.
C: FOOK
D: 輝哥，落嚟傾。
A: Cheung comes down in his slippers. He looks at the old bat on the mattresses, then at the new one hanging in the air, then at Fook.
C: CHEUNG
D: 一隻新嘅？你整咗隻一模一樣嘅新蝙蝠？
C: FOOK
D: 阿明整嘅。七日，三十八支管，一支都冇少。連左邊翼嗰支閃嘅，都照閃。
C: CHEUNG
D: 你想呃個德國佬？
C: FOOK
D: 個招牌本來就係我嘅，你老豆寫得清清楚楚。我唔要你一蚊。你照收佢三十八萬，佢攞佢嘅招牌。舊嗰隻，留喺香港。
A: Cheung looks at the old bat for a long time.
C: CHEUNG
D: 我細個每晚瞓覺，就係望住窗外面呢隻紅色蝙蝠。我老豆話，佢會保佑我哋。
P: (beat)
D: 三點半喇。五點啲清潔工人落街。你哋仲唔快啲？
A: He takes the rope from Yan and pulls. Up on the bamboo, Keung grins. The new bat rises into place. Ming tightens the eighth bolt at 4:10 a.m.
C: MING
D: 著燈！
A: Fook throws the switch at the fuse box. The new bat blazes over Shanghai Street. The fourth tube of the left wing flickers, exactly as it always has.
C: YAN
D: 一模一樣。
C: FOOK
D: 唔係。好過舊嗰隻。
T: CUT TO:

## 16 | EXT. 上海街 SHANGHAI STREET - NIGHT
A: Thursday, 11 p.m. Traffic cones close the road. A crane truck (吊雞車) stands in the middle of Shanghai Street. Tony directs four workers in orange vests; Keung, on Tony's crew tonight, is up on the bamboo again. Ms Lee watches with her clipboard. Cheung stands at his half-open shutter.
A: Across the street, in a doorway, Yan films everything on her camera.
A: The new bat comes down on the crane hook into a wooden crate.
C: TONY
D: 咦？點解咁新淨嘅？啲光管好似啱啱出廠咁。
C: CHEUNG
D: 我上個禮拜抹過。
C: TONY
D: 抹過？抹下抹下，連個鐵架都冇鏽？
A: Up on the scaffolding, Keung shrugs at Tony and goes on cutting the nylon strips.
A: Tony photographs the crate, sends the picture, and calls his boss on speaker.
C: VOSS (V.O.)
P: (on speakerphone)
D: I have the photo. Beautiful! It looks like new. Fifty years old, and not a scratch.
C: TONY
D: Yes, Mr Voss. Very good condition. Very... authentic.
C: MS LEE
D: 張生，拆晒喇，支架都鋸埋。呢度簽名。
A: Cheung signs. Ms Lee tears off the carbon copy and hands it to him. Across the street, Yan lowers her camera.

## 17 | INT. 福記霓虹工場 FOOK KEE NEON WORKSHOP - BENDING BENCH - DAWN
A: The old bat, propped against the back wall among the old signs, plugged in and glowing in the grey morning light. Fook sits on a stool in front of it. Yan and Ming come in with breakfast.
C: YAN
D: 東尼裝咗箱，今朝八點送去葵涌，廿八號上船。
C: FOOK
D: 阿欣，我諗咗成晚。
C: YAN
D: 諗咩？
C: FOOK
D: 我做咗一世招牌，冇呃過人。招牌背後寫住福記，係我個名。呢兩年，我個名已經係假㗎喇，而家仲加多隻假蝙蝠。
C: MING
D: 福叔……
C: FOOK
D: 阿欣，你英文好，同個德國人講真話。新嗰隻蝙蝠係邊個整，講清楚。佢唔要，我哋退錢，舊嗰隻俾返佢。
C: YAN
D: 咁輝哥啲錢點算？
C: FOOK
D: 我去同輝哥講。

## 18 | INT. 大昌押 TAI CHEONG PAWN - BACK OFFICE - DAY
A: A tiny office behind the counter: ledger cabinets, an electric fan, a shrine to the God of Wealth. Cheung's desk phone is on speaker. Cheung, Yan and Ming crowd round it.
C: YAN
D: Mr Voss, the sign in your container is not from 1978. It was made last week, by hand, by the man standing next to me. His name is Fung Chi-ming.
C: VOSS (V.O.)
D: ...So I paid for a copy.
C: YAN
D: No. You paid for the last one. Every tube that left Fook Kee in the last two years was bent by him. Nobody else in Hong Kong can make that sign any more. The old one stays here, where it has hung since 1978. If you don't want the new one, we'll send the money back.
A: A long silence on the line. Cheung closes his eyes.
C: VOSS (V.O.)
D: Mr Fung. Are you there?
C: MING
D: Yes. I'm here.
C: VOSS (V.O.)
D: Sign it. On the back panel, your own name, not Fook Kee. Then it is worth three hundred and eighty thousand to me. And I have two more bars, in Hamburg and in Munich. One hundred and fifty thousand each. Can you make me two more bats?
A: Ming looks at Yan. Yan looks at Cheung. Cheung nods so hard his glasses slip.
C: MING
D: ……Yes. I can.
A: The line clicks off.
C: CHEUNG
D: 三十八萬……照俾？
C: YAN
D: 照俾。你可以還銀行喇。

## 19 | EXT. 葵涌貨櫃碼頭 KWAI CHUNG CONTAINER TERMINAL - DAWN
A: Saturday the twenty-eighth. Stacks of containers, gantry cranes against a pale sky. A forty-foot container stands with its doors open, the wooden crate inside. Tony, in a hi-vis vest, holds the shipping papers. Ming climbs into the container with a marker pen. Yan films. Keung holds the torch.
C: TONY
D: 快啲啦，七點要封櫃。你寫乜呀？
C: MING
P: (writing on the back panel)
D: 「福記 馮志明 二〇三〇」。
C: TONY
D: 我就知個招牌新淨得滯。你哋班友……
P: (shaking his head, grinning)
D: 下次有招牌拆，我打俾你哋先。拆舊嘅，整新嘅，一條龍。
C: YAN
D: 東尼哥，你搵我哋，收費另計。
A: The doors swing shut. A customs officer clamps on the seal. Keung shines his torch on the seal number: 「HK 776 214」. Ming watches the crane lift the container into the sky.

## 20 | EXT. 上海街 SHANGHAI STREET - DUSK
A: The pawnshop shutter is half down, a red paper notice on it: 「大昌押 結業 — 多謝街坊五十二年支持」. The bracket stubs above are ground flat. Ms Lee, off duty, no windbreaker, inspects them and ticks a box. Cheung comes out with a small cloth bundle.
C: MS LEE
D: 張生，支架磨平晒，我今日可以 close file。
C: CHEUNG
D: 李主任，你老豆係咪叫李炳？喺油麻地街市賣魚嗰個？
C: MS LEE
D: ……你點知？
C: CHEUNG
D: 一九九八年，佢喺我度當咗隻奧米茄手錶，當咗八百蚊，冇返嚟贖。我一直留住。
A: He opens the bundle: an old Omega watch, the pawn ticket still tied to the strap. Ms Lee takes it and turns it over. There is an engraving on the back.
C: MS LEE
D: 「炳哥五十歲生日快樂」……我阿媽送俾佢嘅。佢同我哋講話跌咗。
C: CHEUNG
D: 佢冇跌。佢嗰年好需要八百蚊。
P: (beat)
D: 唔收你錢。大昌押最後一單生意。

## 21 | INT. 福記霓虹工場 FOOK KEE NEON WORKSHOP - BENDING BENCH - NIGHT
A: The workshop is busier than we have ever seen it. Two full-size patterns on the floor, two bats, one marked 「HAMBURG」, one 「MÜNCHEN」. 阿欣 sits at her laptop working on a new logo. The landlord's rent letter is pinned to the wall, with 「$32,000 — OK」 written across it in red marker.
A: Cheung comes in with a box of egg tarts and an old red packet. He hands the packet to Fook.
C: CHEUNG
D: 福叔，一九七八年嘅尾數，一千六百蚊。利息我就唔計喇。找埋數，個舊蝙蝠就係我嘅。我而家送俾福記。
C: FOOK
D: 五十幾年都唔計利息，難怪你做唔成當舖。
A: Fook laughs. Cheung laughs. Fook holds the red packet out to Ming.
C: FOOK
D: 阿明。
C: MING
D: 做咩？
A: Fook reaches behind the burner and takes down an old brass burner nozzle (火嘴), black with decades of use. He presses it and the red packet into Ming's hands.
C: FOOK
D: 我師傅一九六五年俾我嘅火嘴。而家係你嘅。福記以後，你話事。
C: MING
D: 福叔……
C: FOOK
D: 招牌背後，寫你自己個名。
A: Yan films quietly. Ming turns the brass nozzle in his fingers, screws it onto the burner and lights it. Blue flame.

## 22 | EXT. 永興工業大廈天台 WING HING ROOFTOP - NIGHT
A: The old 1978 bat, mounted on a steel frame at the edge of the roof, faces out over San Po Kong and the flyover. Fook, Yan, Ming, Cheung and Keung stand in a line in front of it.
A: Ming throws the switch. The old bat lights up, red, green and yellow, for the first time over San Po Kong. The fourth tube of the left wing flickers.
C: CHEUNG
D: 屋宇署會唔會又嚟拆？
C: YAN
D: 天台招牌，唔伸出馬路。我問過李主任，合法㗎。
C: FOOK
D: 佢閃咗成年，由得佢閃。
A: 強哥 takes off his red helmet and holds it against his chest, looking up at the bat.
C: MING
D: 福叔，多謝。
C: FOOK
D: 要多謝你至真。
A: The bat glows over the city.
T: FADE OUT.
"""

TITLE = ["THE NEON BAT", "《霓虹蝙蝠》", "", "Written by", "", "譚淑儀 Tam Suk-yi"]
CONTACT = ["Shooting draft", "1 September 2030"]

LINES_PER_PAGE = 55
WIDTH = {
    "Scene Heading": 58,
    "Action": 60,
    "Character": 38,
    "Parenthetical": 25,
    "Dialogue": 35,
    "Transition": 20,
}
BLANK_BEFORE = {
    "Scene Heading": 2,
    "Action": 1,
    "Character": 1,
    "Parenthetical": 0,
    "Dialogue": 0,
    "Transition": 1,
}
KIND = {"A": "Action", "C": "Character", "P": "Parenthetical", "D": "Dialogue", "T": "Transition"}


def is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def columns(text: str) -> int:
    return sum(2 if is_cjk(ch) else 1 for ch in text)


def wrapped_lines(text: str, width: int) -> int:
    """How many printed lines `text` takes at `width` columns (breaks at spaces or between CJK characters)."""
    tokens: list[str] = []
    word = ""
    for ch in text.replace("*", ""):
        if ch == " " or is_cjk(ch):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        else:
            word += ch
    if word:
        tokens.append(word)
    lines, used = 1, 0
    for token in tokens:
        w = columns(token)
        if used + w > width and used > 0 and token != " ":
            lines += 1
            used = w
        else:
            used += w
    return lines


def parse() -> list[tuple[str | None, str, list[tuple[str, str]]]]:
    """[(number or None for the lead-in, heading, [(kind, text)])]."""
    scenes: list[tuple[str | None, str, list[tuple[str, str]]]] = [(None, "", [])]
    for raw in SCRIPT.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("## "):
            number, heading = (part.strip() for part in line[3:].split("|", 1))
            scenes.append((number, heading, []))
        else:
            tag, text = line.split(":", 1)
            scenes[-1][2].append((KIND[tag], text.strip()))
    return scenes


def paginate(scenes):
    """Start page and length in eighths for every numbered scene."""
    cursor = 0  # lines used so far (page 1 starts at line 0)
    out = {}
    for number, heading, body in scenes:
        elements = ([("Scene Heading", heading)] if number else []) + body
        start = None
        used = 0
        for kind, text in elements:
            blank = BLANK_BEFORE[kind] if cursor % LINES_PER_PAGE else 0
            height = wrapped_lines(text, WIDTH[kind])
            if cursor % LINES_PER_PAGE + blank + height > LINES_PER_PAGE:
                cursor += LINES_PER_PAGE - cursor % LINES_PER_PAGE  # to the next page
                blank = 0
            if start is None:
                start = cursor // LINES_PER_PAGE + 1
            cursor += blank + height
            used += blank + height
        if number:
            out[number] = (start, max(1, round(used * 8 / LINES_PER_PAGE)), used)
    return out, cursor


def eighths(n: int) -> str:
    whole, rest = divmod(n, 8)
    if whole and rest:
        return f"{whole} {rest}/8"
    return str(whole) if whole else f"{rest}/8"


def paragraph(parent: ET.Element, kind: str, text: str, number: str | None = None) -> ET.Element:
    p = ET.SubElement(parent, "Paragraph")
    if number:
        p.set("Number", number)
    p.set("Type", kind)
    if kind == "Transition":
        p.set("Alignment", "Right")
    parts = text.split("*")
    for i, part in enumerate(parts):
        if not part:
            continue
        t = ET.SubElement(p, "Text")
        if i % 2:
            t.set("Style", "Underline")
        t.text = part
    return p


def build() -> tuple[ET.ElementTree, dict]:
    scenes = parse()
    pages, _ = paginate(scenes)
    root = ET.Element("FinalDraft", {"DocumentType": "Script", "Template": "No", "Version": "5"})
    content = ET.SubElement(root, "Content")
    for number, heading, body in scenes:
        if number:
            p = paragraph(content, "Scene Heading", heading, number)
            if heading != "OMITTED":
                start, length, _ = pages[number]
                ET.SubElement(
                    p, "SceneProperties", {"Length": eighths(length), "Page": str(start), "Title": ""}
                )
        for kind, text in body:
            paragraph(content, kind, text)
    title = ET.SubElement(ET.SubElement(root, "TitlePage"), "Content")
    for line in TITLE:
        p = ET.SubElement(title, "Paragraph", {"Alignment": "Center", "Type": "General"})
        ET.SubElement(p, "Text").text = line
    for line in CONTACT:
        p = ET.SubElement(title, "Paragraph", {"Alignment": "Left", "Type": "General"})
        ET.SubElement(p, "Text").text = line
    ET.indent(root, space="  ")
    for p in root.iter("Paragraph"):  # styled runs sit side by side, as Final Draft writes them
        p.text = None
        for child in p:
            child.tail = None
    return ET.ElementTree(root), pages


def main() -> None:
    tree, pages = build()
    with OUT.open("wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n')
        tree.write(fh, encoding="utf-8", xml_declaration=False)
        fh.write(b"\n")
    for number, (start, length, used) in pages.items():
        print(f"{number:>4}  p{start:<3} {eighths(length):>6}  ({used} lines)")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
