"""Writes typhoon_stall.pdf, the held-out screenplay 《風波大牌檔》 TYPHOON STALL (a PDF in Final Draft layout).

Original text written for Slate's held-out measure (CC0); every character and story event is fictional.
Run: python tests/heldout/typhoon_stall/make_script.py   (needs fpdf2 and the Noto Sans CJK collection)

Layout as Final Draft prints it on US Letter: 12 pt monospaced type, 6 lines to the inch, 1" top and
bottom margins; scene numbers at both margins of the heading; action from 1.5", dialogue from 2.5",
parentheticals from 3.1", cues from 3.7", transitions flush right to 7.1"; page numbers (`2.`) top
right from page 2; a scene split over a page break gets `(CONTINUED)` / `N  CONTINUED:  N` and a cue split
over a page break gets `(MORE)` / `NAME (CONT'D)`. The title page is unnumbered.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, NumberObject

HERE = Path(__file__).resolve().parent
LATIN_FONT = "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf"  # Courier metrics
CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK_INDEX = 4  # Noto Sans CJK HK, the fallback for every CJK character (as Final Draft substitutes one)

PT = 72.0  # points to the inch
SIZE = 12.0
LINE = 12.0  # 6 lines to the inch
LATIN_W, CJK_W = 0.6 * SIZE, 1.0 * SIZE  # advance widths: Courier 10 cpi, CJK full em
TOP, BOTTOM = 1.0 * PT, 10.0 * PT  # printable band on an 11" page
LEFT_NUM, RIGHT_NUM = 0.9, 7.45  # scene numbers, inches from the left edge
RIGHT_EDGE = 7.1 * PT  # transitions, (CONTINUED) and page numbers end here
X = {"heading": 1.5, "action": 1.5, "dialogue": 2.5, "paren": 3.1, "cue": 3.7}
WIDTH = {"heading": 6.0, "action": 6.0, "dialogue": 3.5, "paren": 2.0, "cue": 3.0}

# The screenplay in a small markup: `## N | HEADING` starts a scene (`## N | OMITTED` omits it),
# `A:` action, `C:` cue, `P:` parenthetical, `D:` dialogue, `T:` transition.
SCRIPT = """
## 1 | EXT. ABERDEEN PROMENADE 香港仔海旁 - DAWN
A: Grey sky. The typhoon shelter is packed with fishing boats tied three deep. A small green-and-white kaito, the GOLDEN VICTORY 金勝號, bumps against the landing steps.
A: ROSA CHAN (華姐, 63), rubber boots, a red plastic basket on her arm, walks the waterfront. UNCLE TAT (達叔, 70), skipper of the Golden Victory, hands up a bucket of live mantis shrimp.
C: TAT
D: 華姐，今朝最後一轉喇。天文台話個「天鵝」晏晝就埋嚟，今晚實掛八號波㗎。
C: ROSA
D: 掛十號我都照開檔。打風嗰晚啲街坊冇地方食飯，你又唔係唔知。
C: TAT
P: (shaking his head)
D: 你呀，同阿光一樣硬頸。
A: She counts out notes. He waves half of them away.
C: ROSA
D: 收埋佢。你唔收，我唔要你啲瀨尿蝦。
A: 達叔 pockets the money, grinning. Rosa looks at the faded name painted on the bow.

## 2 | INT. ABERDEEN MARKET 香港仔街市 - DAY
A: The wet market is half shuttered; stallholders are already hauling in their stock before the storm. BENNY LEE (肥仔斌, 45), the cook at Rosa's stall, in a sweat-stained vest, haggles at the vegetable stall with two bags of water spinach on each arm.
A: MANDY CHEUNG (文文, 27), a food vlogger with a purple hair clip, films him on a phone gimbal.
C: MANDY
D: Hi 大家好，我係 Mandy！今日帶大家嚟香港仔街市，跟住大牌檔師傅買餸……師傅，同我哋 say hi 吖？
C: BENNY
D: 影我做乜嘢呀？我個樣唔上鏡㗎。
A: 華姐 arrives and sizes Mandy up.
C: ROSA
D: 小姐，你邊個台㗎？
C: MANDY
D: 我個 channel 叫 MandyEats，有三十八萬 subscribers。我想今晚去你哋華記拍一集「打風夜大牌檔」，得唔得？
C: ROSA
D: 打風你仲出街？你屋企人唔擔心咩？
C: MANDY
D: 我自己一個住，冇人理我嘅。
A: Rosa softens and hands her a bag of spring onions to carry.
C: ROSA
D: 嚟啦，唔好阻住肥仔斌做嘢。

## 3 | EXT. DAI PAI DONG 華記大牌檔 - DAY
A: A green-painted metal stall under a canvas awning, six folding tables on the pavement of a steep side street. The signboard reads 華記 in red. Lunchtime rush.
A: Benny tosses rice in a roaring wok. KELVIN HO (阿威, 34), Rosa's son, steps out of a taxi in a navy suit, a plastic folder under his arm.
C: KELVIN
D: 媽，食環署封信你睇咗未呀？
C: ROSA
D: 睇咗。佢話個牌唔可以轉名，我死咗就冇。咁又點呀？我仲未死喎。
C: KELVIN
D: 發展商肯出二百四十萬，你只要喺呢張表度簽個名，交返個牌。二百四十萬呀媽！你可以退休，唔使再企喺度捱熱。
A: He lays a form on the table: 交回固定小販牌照申請表. Rosa does not look at it.
C: ROSA
D: 呢個檔係你阿爸一九七八年攞返嚟嘅。你細個喺度做功課、喺度瞓覺，你唔記得咗？
C: BENNY
P: (at the wok, not turning)
D: 威少，炒飯食唔食呀？揚州定福建？
C: KELVIN
D: 我一點鐘要返中環開會。
A: He leaves the form under the soy sauce bottle and walks off. Rosa slides it out, folds it and tucks it into her apron.

## 4 | INT. KELVIN'S OFFICE 中環寫字樓 - DAY
A: A glass meeting room on the 38th floor. Rain streaks the window; the harbour is grey. MR LAU (劉生, 劉卓峰, 58), managing director of a property developer, signet ring, reads his phone.
C: LAU
D: Kelvin, the site is useless without your mother's pitch. 成個街角，三個舖位加一個大牌檔。Monday 我要見到佢簽咗名。
C: KELVIN
D: 佢好硬頸㗎，劉生。佢話死都唔交。
C: LAU
D: 每個人都有個價錢。二百四十萬唔夠，我畀三百萬。
P: (beat)
D: And if she still says no, I have other ways. 食環署我有朋友。
A: Kelvin looks at the rain. Lau walks out without waiting for an answer.

## 5 | INT. ROSA'S FLAT 華姐屋企 - DUSK
A: A small public-housing flat, every surface crowded: a framed photo of a young man in a white vest at a wok (HO KWONG 何光, Rosa's late husband), a shrine with oranges. The TV news plays.
A: ON TV: 「天文台喺六點四十分改發八號東北烈風或暴風信號……」
A: Rosa tapes an X across the window, then loads a trolley: two gas canisters, a hurricane lantern, a sack of rice.
A: Her mobile rings. She puts it on speaker.
C: JOYCE (V.O.)
P: (電話)
D: 奶奶，係我阿芝呀。阿威叫我打俾你，佢話今晚你千祈唔好開檔呀。
C: ROSA
D: 阿芝，你叫佢自己打嚟啦。佢而家同我講嘢淨係識講錢。
C: JOYCE (V.O.)
D: 佢其實好擔心你㗎……佢細個嗰啲相，佢仲擺喺公司個櫃桶度。
A: Rosa looks at the photo of her husband. She switches the phone off and wheels the trolley out.

## 6 | EXT. DAI PAI DONG 華記大牌檔 - DUSK
A: Wind tears at the canvas. Benny lashes the awning to a lamp post with nylon rope. The street is emptying; shop shutters rattle down one after another.
C: BENNY
D: 華姐，真係要開？八號波喎，一陣差佬嚟趕㗎。
C: ROSA
D: 小巴司機、的士佬、做夜更嘅護士，邊個唔使食飯？開！
A: Mandy runs up under a transparent umbrella that turns inside out. She laughs and films it.
C: MANDY
D: Perfect！呢個 shot 正呀！
C: BENNY
D: 靚女，風大就唔好企喺個招牌下面呀。
A: Above them, the old neon sign of the closed tailor's shop next door, 「金記洋服」, creaks on its rusted bracket.

## 7 | EXT. DAI PAI DONG 華記大牌檔 - NIGHT
A: Horizontal rain. Three tables are taken: taxi drivers, a nurse in scrubs, two construction workers. Benny works two woks at once: typhoon shelter crab, clams in black bean sauce.
A: Mandy films the wok flames, leaning out into the street for a better angle.
C: MANDY
D: 大家睇下，八號風球都有人排隊食避風塘炒蟹……
A: A gust. The tailor's neon sign rips free of its bracket and swings down.
A: Benny drops the wok, lunges and shoves Mandy clear. The sign smashes onto the pavement where she stood. Glass everywhere. The stall's lights flicker but stay on.
C: BENNY
D: 我頭先點同你講㗎！
C: MANDY
P: (shaking)
D: Sorry……sorry……
C: ROSA
D: 冇事就好。肥仔斌，你隻手流緊血呀。
A: Rosa wraps Benny's forearm in a clean dish towel. Mandy's phone lies in a puddle, still recording.

## 7A | EXT. ABERDEEN MAIN ROAD 香港仔大道 - NIGHT
A: Kelvin's white BMW crawls through knee-deep floodwater, hazard lights blinking. The engine coughs and dies.
C: KELVIN
D: Shit. 唔好呀……唔好喺度死火呀。
A: He climbs out into the water, holds his briefcase over his head and wades toward the lights of the waterfront.

## 8 | INT. GOLDEN VICTORY 金勝號 - CABIN - NIGHT
A: The tiny cabin pitches. A plastic Kwan Tai statue is tied to the shelf with string. Uncle Tat, in a yellow raincoat, checks the bilge pump by torchlight.
C: TAT
D: 老友，頂住呀。四十二年都頂得住，今晚唔好衰俾我睇。
A: He thumbs the marine radio. Static.
C: TAT
D: 喂？海事處？金勝號呀。我喺香港仔避風塘，頭纜有啲鬆，我自己搞得掂，通知你哋一聲啫。
A: Through the porthole, across the black water: the one lit stall on the whole shore. 華記.
A: 達叔 smiles. Then a CRACK from the bow. He grabs the torch and goes up on deck.

## 9 | EXT. DAI PAI DONG 華記大牌檔 - NIGHT
A: Kelvin arrives soaked to the waist, his suit ruined. The customers have gone. Rosa is sweeping up glass. Benny sits with his bandaged arm. Mandy, at the corner table, is filming again, quietly, the phone pointed at the gas canisters and the wet floor.
C: KELVIN
D: 媽！八號風球你仲開檔？個招牌跌落嚟差啲砸死人你知唔知呀？
C: ROSA
D: 冇砸死到人。你嚟做乜？嚟攞我簽名？
C: KELVIN
D: 劉生而家出三百萬。仲有，佢話食環署有人。你唔簽，佢一樣有辦法收咗你個牌。
C: ROSA
D: 三百萬買你阿爸三十年？你返去同佢講，華記唔賣。
C: BENNY
D: 威少，你老豆喺度炒咗三十年，你就咁幫外人逼你老母？
A: Benny notices Mandy's phone. He stands and takes it gently from her hand.
C: BENNY (CONT'D)
D: 靚女，你影緊乜嘢呢？
A: Mandy goes white. On the screen: a close-up of the gas canisters under the table, and a message notification: 「阿叔 劉卓峰：影到啲咩未？」
A: Everyone reads it. Only the rain.
A: From the typhoon shelter, a boat horn blasts, again and again.
C: BENNY
D: 係達叔條船！
A: Benny runs. Kelvin drops his briefcase and runs after him.

## 10 | EXT. ABERDEEN PIER 香港仔碼頭 - NIGHT
A: Waves slam over the pier steps. The Golden Victory's bow line has snapped; the boat swings out on its stern line, slamming against the fenders.
A: Uncle Tat, on deck, throws a line. It falls short.
C: TAT
D: 阿威！接住條纜呀！
A: Kelvin catches the second throw. Benny grabs the rope behind him, one-handed. Together they haul the boat in. Kelvin jumps the gap onto the deck and ties the bow to the bollard, the way his father taught him as a boy.
C: BENNY
D: 好嘢！威少，你都未忘記點打結喎！
C: KELVIN
P: (out of breath)
D: 阿爸教嘅……雙套結。

## 11 | OMITTED

## 12 | INT. GOLDEN VICTORY 金勝號 - CABIN - NIGHT
A: Kelvin and Tat sit in the cramped cabin, dripping. Tat pours two cups of rice wine.
C: TAT
D: 你阿爸同我一齊喺呢個避風塘大㗎。當年水上人冇錢，佢炒粥炒粉，賒數都照畀人食。華記唔係一個檔，係成個香港仔嘅飯堂。
C: KELVIN
D: 我知……我只係驚佢一個人捱唔住。
C: TAT
D: 驚佢捱唔住，咪幫佢捱囉。
A: Kelvin looks at the rope burns on his palms. He opens his briefcase: the second copy of the surrender form, dry in its plastic sleeve.

## 13 | EXT. DAI PAI DONG 華記大牌檔 - NIGHT
A: Later. The rain has eased. Rosa and Mandy sit alone at the one table still standing. Two bowls of congee. Mandy has not touched hers.
C: MANDY
D: 劉卓峰係我阿叔。佢話我拍到啲衛生問題，就出錢俾我開餐廳。對唔住，華姐。
C: ROSA
D: 食咗碗粥先講。凍咗就唔好食㗎喇。
A: Mandy eats, crying. She deletes the clip while Rosa watches, then empties the phone's deleted folder too.
A: Rosa's mobile buzzes on the table.
C: JOYCE (O.S.)
P: (電話)
D: 奶奶！阿威頭先打嚟，話佢喺達叔條船度，冇事。佢話……佢話聽朝想返嚟幫你開檔。
C: ROSA
D: 佢識炒咩呀？炒魷魚咩。
A: But she is smiling.

## 14 | EXT. ABERDEEN MAIN ROAD 香港仔大道 - DAWN
A: The storm has passed. Uprooted trees, a bent lamp post. Kelvin's BMW sits abandoned in the drying mud.
A: A black Mercedes pulls up beside Kelvin as he walks. The rear window slides down: Mr Lau looks at him and says nothing.
A: Kelvin takes the surrender form from his briefcase, tears it in half and drops it through the window onto Lau's lap. He walks on.
C: KELVIN
P: (into his phone, walking)
D: Joyce，我今日請假。嗯，唔係病……我返香港仔幫阿媽開檔。
A: Behind him, the Mercedes window slides up.

## 15 | EXT. ABERDEEN PROMENADE 香港仔海旁 - DAWN
A: The signal is down. Fishing boats untangle themselves. The Golden Victory is tied at the steps, its bow line doubled.
A: Rosa walks the waterfront with a pot of congee wrapped in a towel. Uncle Tat waves from the deck. Kelvin, in Tat's spare T-shirt, sits on the bow.
C: ROSA
D: 艇仔粥，趁熱。
C: TAT
D: 華姐，你個仔琴晚救咗我條船。
C: ROSA
P: (to Kelvin)
D: 你識打雙套結㗎？
C: KELVIN
D: 你以為淨係你記得阿爸咩。
A: Rosa ladles a bowl for her son.

## 16 | EXT. DAI PAI DONG 華記大牌檔 - DAY
A: A hand-written sign on the canvas: 「華記 照常營業 OPEN AS USUAL」. The broken neon sign has been hauled away.
A: Kelvin, in an apron, sleeves rolled up, wrestles with the wok. Benny, his arm in a sling, shouts instructions. A queue of neighbours down the street.
A: Mandy sets up her gimbal, openly this time.
C: MANDY
D: 大家好，我係 Mandy。今日唔係開箱，係道歉。呢度係香港仔華記……
C: BENNY
D: 火猛啲呀威少！鑊氣呀，鑊氣！
C: ROSA
D: 阿威，出去收錢先啦。你隻蛋炒到燶晒。
C: KELVIN
D: 得啦得啦，收錢就收錢。
A: Kelvin hands the wok back to Benny's good hand and goes to the cashbox. Rosa watches the queue, the harbour behind them bright and clean.
T: FADE OUT.
"""

TITLE = ["TYPHOON STALL", "《風波大牌檔》", "", "Written by", "", "莫穎欣 Mok Wing-yan"]
CONTACT = ["Shooting draft", "1 March 2028"]


def is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def width(text: str) -> float:
    """Printed width in points: Courier-metric Latin, full-em CJK."""
    return sum(CJK_W if is_cjk(ch) else LATIN_W for ch in text)


def wrap(text: str, inches: float) -> list[str]:
    """Break a paragraph at spaces, or between CJK characters, so no line is wider than `inches`.

    Hand-written because fpdf2's multi_cell does not keep the typewriter grid and the page breaks
    are laid out here line by line (as screenwriting software does); closing punctuation never
    starts a line and opening brackets never end one."""
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
            while line and line[-1] in "「『（":  # opening brackets go down with their text
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
    def __init__(self) -> None:
        super().__init__(unit="pt", format="letter")
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.add_font("typewriter", fname=LATIN_FONT)
        self.add_font("cjk", fname=CJK_FONT, collection_font_number=CJK_INDEX)
        self.set_fallback_fonts(["cjk"])
        self.set_font("typewriter", size=SIZE)
        self.set_creation_date(datetime(2028, 3, 1, 9, 0, tzinfo=UTC))  # reproducible output
        self.y_pos = TOP
        self.printed_page = 0

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
    out: list[list[tuple[str, str]]] = [[("heading", heading)]]
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


def write(pdf: Script, number: str, kind: str, text: str) -> None:
    if kind == "heading":
        pdf.line_at(LEFT_NUM, number)
        pdf.line_at(X["heading"], text)
        pdf.line_at(RIGHT_NUM, number)
    elif kind == "transition":
        pdf.right(text)
    else:
        pdf.line_at(X[kind], text)
    pdf.y_pos += LINE


def continued(pdf: Script, number: str) -> None:
    """`(CONTINUED)` at the foot, a new page, `CONTINUED:` at the head (the scene number beside it)."""
    pdf.right("(CONTINUED)", y=BOTTOM)
    pdf.new_page()
    pdf.line_at(LEFT_NUM, number)
    pdf.line_at(X["action"], "CONTINUED:")
    pdf.line_at(RIGHT_NUM, number)
    pdf.y_pos += 2 * LINE


def layout() -> Script:
    pdf = Script()
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
        scene_blocks = blocks(scene)
        for index, block in enumerate(scene_blocks):
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
            for kind, text in block:
                write(pdf, number, kind, text)
            pdf.y_pos += LINE  # a blank line after each block
    return pdf


def main() -> None:
    raw = bytes(layout().output())
    # fpdf2 2.8 writes the CJK (CFF) subset font oddly: its /Encoding is an inline CMap dictionary
    # that readers decode as one-byte codes, and its /W widths are keyed by the full font's glyph
    # ids, not the subset's CIDs. Screenwriting software writes /Identity-H and the real widths;
    # every CJK glyph used here is one em wide (1000), so /DW 1000 without /W is exact.
    import io

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(raw)))
    for page in writer.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            font[NameObject("/Encoding")] = NameObject("/Identity-H")
            descendant = font["/DescendantFonts"][0].get_object()
            if "CJK" in str(font["/BaseFont"]):
                descendant[NameObject("/DW")] = NumberObject(1000)
                if "/W" in descendant:
                    del descendant["/W"]
    writer.add_metadata({"/Title": "風波大牌檔 TYPHOON STALL", "/Creator": "make_script.py (fpdf2)"})
    with open(HERE / "typhoon_stall.pdf", "wb") as out:
        writer.write(out)


if __name__ == "__main__":
    main()
