"""The case table: line breaking, checks and fixes a Netflix or Hong Kong subtitler would sign off.

Expected outputs are written from the published Netflix Timed Text Style Guides — General Requirements
(5/6-7 s, 2 lines, line treatment: break after punctuation, before conjunctions and prepositions, never
between article and noun, first and last name, pronoun and verb, verb and auxiliary or negation; keep the
text on one line unless it exceeds the limit), English (USA) (42 characters, 20 cps, `…`, dual speakers
`-Are you coming?` / `-In a minute.`, one speaker a line), Traditional Chinese (16 full-width characters,
9 cps, `⋯`, full-width punctuation), Subtitle Timing Guidelines (gaps of 12 frames or fewer chained to 2
frames) — and Hong Kong bilingual practice (one Chinese line over the English).

Kinds: `break` re-breaks one event's text as `fix` does (profile limits, joining on); `check` lists the
issue codes of the last cue; `fix` runs `fix_cues` and compares texts (and times where given); `write`
writes a file and compares the output text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

import pytest

from knowledge.subtitle_file import Cue, read_subtitle_text
from tools.subtitles.checks import check_cues
from tools.subtitles.convert import subtitle_text
from tools.subtitles.fixes import fix_cues
from tools.subtitles.linebreak import rebreak_text
from tools.subtitles.profiles import HK_BILINGUAL, NETFLIX_EN, NETFLIX_ZH_HANT, Profile
from tools.subtitles.styling import Losses

FPS = 24.0
EN, ZH, HK = NETFLIX_EN, NETFLIX_ZH_HANT, HK_BILINGUAL
EN_ANY_DASH = replace(NETFLIX_EN, dialogue_dash=None)


@dataclass(frozen=True)
class Case:
    id: str
    kind: Literal["break", "check", "fix", "write"]
    given: object  # break: text; check/fix: [(start s, end s, text)]; write: (file name, file text, target)
    expected: (
        object  # break: text; check: set of codes; fix: [text] or [(start ms, end ms, text)]; write: text
    )
    profile: Profile = EN


def _cues(spec: object) -> list[Cue]:
    assert isinstance(spec, list)
    return [Cue(i, round(a * 1000), round(b * 1000), t, t) for i, (a, b, t) in enumerate(spec, 1)]


B, C, F, W = "break", "check", "fix", "write"
LONG_EN = "I told the driver that the van should wait outside the old police station."

CASES = [
    # --- English line breaking (General Requirements: line treatment) ------------------------------
    Case("en-fits-one-line-kept", B, "Where were you last night?", "Where were you last night?"),
    Case("en-two-short-lines-joined", B, "Where were you\nlast night?", "Where were you last night?"),
    Case("en-long-broken-before-preposition", B, LONG_EN,
         "I told the driver that the van should wait\noutside the old police station."),
    Case("en-break-after-comma", B, "If you see him at the market tomorrow, tell him the car is ready.",
         "If you see him at the market tomorrow,\ntell him the car is ready."),
    Case("en-break-after-full-stop", B, "The shoot is cancelled tonight. We start again on Monday morning.",
         "The shoot is cancelled tonight.\nWe start again on Monday morning."),
    Case("en-not-after-article", B, "Nobody in this whole building has ever seen the inspector smile.",
         "Nobody in this whole building\nhas ever seen the inspector smile."),
    Case("en-first-last-name-together", B, "We need to find out why Inspector Lau Wing-kei left the force.",
         "We need to find out why\nInspector Lau Wing-kei left the force."),
    Case("en-pronoun-verb-together", B, "After everything that happened last week I still think we can win.",
         "After everything that happened last week\nI still think we can win."),
    Case("en-before-conjunction", B, "He waited at the pier for three hours but nobody came to meet him.",
         "He waited at the pier for three hours\nbut nobody came to meet him."),
    Case("en-exactly-42-kept", B, "A" * 20 + " " + "b" * 21, "A" * 20 + " " + "b" * 21),
    Case("en-43-broken", B, "Somebody has to tell the director the truth.",
         "Somebody has to tell\nthe director the truth."),
    Case("en-three-lines-to-two", B, "We can't\nstay here\nany longer.", "We can't stay here any longer."),
    Case("en-ellipsis-break", B, "I thought I saw him on the tram… but it was only his brother.",
         "I thought I saw him on the tram…\nbut it was only his brother."),
    Case("en-question-break", B, "Are you coming with us to the studio? The van leaves at six sharp.",
         "Are you coming with us to the studio?\nThe van leaves at six sharp."),
    Case("en-join-off-keeps-lines", B, "Where were you\nlast night?", "Where were you\nlast night?",
         replace(EN, join_short_lines=False)),
    # --- English dialogue --------------------------------------------------------------------------
    Case("dlg-en-two-speakers-kept", B, "-Are you coming?\n-In a minute.", "-Are you coming?\n-In a minute."),
    Case("dlg-en-one-line-split-per-speaker", B, "-Are you coming? -In a minute.",
         "-Are you coming?\n-In a minute."),
    Case("dlg-en-mixed-line-rebroken", B, "- Seriously, though.\nAre you being bullied? - Nope.",
         "- Seriously, though. Are you being bullied?\n- Nope."),
    Case("dlg-en-too-long-layout-not-worse", B,
         "-Seriously, though. Are you being bullied again?\n-Nope.",
         "-Seriously, though. Are you being bullied again?\n-Nope."),
    Case("dlg-en-not-joined", B, "-Yes?\n-No.", "-Yes?\n-No."),
    Case("dlg-en-second-speaker-only", B, "Are you coming?\n-In a minute.", "Are you coming?\n-In a minute."),
    Case("dlg-en-interruption-is-not-a-turn", B, "-What are you--\n-Be quiet!", "-What are you--\n-Be quiet!"),
    Case("dlg-en-hyphenated-word-not-dialogue", B, "It was a well-known\nfact.", "It was a well-known fact."),
    Case("dlg-en-full-width-dash", B, "－Really? －Yes.", "－Really?\n－Yes."),
    # --- Chinese line breaking -----------------------------------------------------------------------
    Case("zh-fits-kept", B, "你哋食咗飯未呀？", "你哋食咗飯未呀？", ZH),
    Case("zh-break-after-comma", B, "油麻地窩打老道有客，去觀塘嗰邊要行好耐㗎喎。",
         "油麻地窩打老道有客，\n去觀塘嗰邊要行好耐㗎喎。", ZH),
    Case("zh-break-at-word-not-inside", B, "在前面的課程我們學習了如何動畫簡單的角色。",
         "在前面的課程我們學習了\n如何動畫簡單的角色。", ZH),
    Case("zh-two-short-lines-joined", B, "你好，\n我係阿明。", "你好，我係阿明。", ZH),
    Case("zh-join-with-space-without-punctuation", B, "阿輝\n又係你", "阿輝 又係你", ZH),
    Case("zh-ellipsis-counts-full-width", B, "我諗住佢會嚟⋯⋯點知佢一直都冇出現過",
         "我諗住佢會嚟⋯⋯\n點知佢一直都冇出現過", ZH),
    Case("zh-quotes-count-full-width", B, "佢話“我唔會再返嚟”", "佢話“我唔會再返嚟”", ZH),
    Case("zh-latin-name-whole", B, "我哋約咗Peter Chan喺中環嘅辦公室見面",
         "我哋約咗Peter Chan\n喺中環嘅辦公室見面", ZH),
    Case("zh-no-line-starts-with-punctuation", B, "今晚真係撞鬼咁多人喺度等車！你話點算好？",
         "今晚真係撞鬼咁多人喺度等車！\n你話點算好？", ZH),
    # --- Chinese dialogue ----------------------------------------------------------------------------
    Case("dlg-zh-two-speakers-one-line-split", B, "－你食咗飯未？－食咗喇。", "－你食咗飯未？\n－食咗喇。", ZH),
    Case("dlg-zh-kept", B, "-你去邊度？\n-返屋企。", "-你去邊度？\n-返屋企。", ZH),
    Case("dlg-zh-mixed-rebroken", B, "－你食咗飯未？\n食咗喇。－我都係。",
         "－你食咗飯未？食咗喇。\n－我都係。", ZH),
    # --- bilingual (hk-bilingual) ---------------------------------------------------------------------
    Case("hk-chinese-over-english-kept", B, "阿輝，又係你。\nAh Fai, you again.", "阿輝，又係你。\nAh Fai, you again.", HK),
    Case("hk-english-joined-under-chinese", B, "阿輝，又係你。\nAh Fai,\nyou again.", "阿輝，又係你。\nAh Fai, you again.", HK),
    Case("hk-long-english-broken", B, "我哋要搬晒器材上天台\nWe need to get all the equipment up to the roof before the rain.",
         "我哋要搬晒器材上天台\nWe need to get all the equipment\nup to the roof before the rain.", HK),
    Case("hk-chinese-one-line-dialogue-kept", B, "－食咗飯未？ －食咗。\n-Eaten yet?\n-Yes.",
         "－食咗飯未？ －食咗。\n-Eaten yet?\n-Yes.", HK),
    # --- checks: timing ------------------------------------------------------------------------------
    Case("chk-clean", C, [(1, 3, "Where were you last night?"), (4, 6, "At the studio.")], set()),
    Case("chk-overlap", C, [(1, 3, "One."), (2.5, 4, "Two.")], {"overlap"}),
    Case("chk-gap-one-frame", C, [(1, 2, "One."), (2.04, 3.5, "Two.")], {"gap_too_small"}),
    Case("chk-gap-two-frames-fine", C, [(1, 2, "One."), (2.084, 3.5, "Two.")], set()),
    Case("chk-gap-3-frames-to-close", C, [(1, 2, "One."), (2.125, 3.5, "Two.")], {"gap_to_close"}),
    Case("chk-gap-11-frames-to-close", C, [(1, 2, "One."), (2.458, 3.5, "Two.")], {"gap_to_close"}),
    Case("chk-gap-12-frames-to-close", C, [(1, 2, "One."), (2.5, 3.5, "Two.")], {"gap_to_close"}),
    Case("chk-gap-13-frames-fine", C, [(1, 2, "One."), (2.542, 3.5, "Two.")], set()),
    Case("chk-duration-short", C, [(1, 1.8, "Hi.")], {"duration_short"}),
    Case("chk-duration-5-6-fine", C, [(1, 1.834, "Hi.")], set()),
    Case("chk-duration-long", C, [(1, 8.5, "Far too long on screen.")], {"duration_long"}),
    # --- checks: text --------------------------------------------------------------------------------
    Case("chk-en-43-chars", C, [(1, 4, "Somebody has to tell the director the truth.")], {"line_too_long"}),
    Case("chk-en-three-lines", C, [(1, 5, "One line\nanother line here\nand one more line here")],
         {"too_many_lines"}),
    Case("chk-en-fits-one-line", C, [(1, 3, "Where were you\nlast night?")], {"fits_one_line"}),
    Case("chk-en-reading-speed", C, [(1, 2, "Far too many words to read in just one second.")],
         {"reading_speed", "line_too_long"}),
    Case("chk-en-three-dots", C, [(1, 3, "Wait... what?")], {"punctuation"}),
    Case("chk-zh-17-cells", C, [(1, 4, "我哋要喺落雨之前搬晒啲器材返屋企呀")], {"line_too_long"}, ZH),
    Case("chk-zh-16-cells-fine", C, [(1, 4, "我哋要喺落雨之前搬晒啲器材返屋企")], set(), ZH),
    Case("chk-zh-ellipsis-full-width-17", C, [(1, 4, "我哋要喺落雨之前搬晒啲器材返屋⋯⋯")],
         {"line_too_long"}, ZH),
    Case("chk-zh-em-dash-counts-full", C, [(1, 4, "佢話——我哋要喺落雨之前搬晒啲器材")],
         {"line_too_long"}, ZH),
    Case("chk-zh-fits-one-line", C, [(1, 3, "你好，\n我係阿明。")], {"fits_one_line"}, ZH),
    Case("chk-zh-half-width-comma", C, [(1, 3, "你好,我係阿明。")], {"punctuation"}, ZH),
    Case("chk-zh-ascii-ellipsis", C, [(1, 3, "我諗住佢會嚟...")], {"punctuation"}, ZH),
    Case("chk-zh-simplified", C, [(1, 3, "这是我们的车。")], {"mixed_script"}, ZH),
    Case("chk-zh-reading-speed", C, [(1, 2, "我哋要喺落雨之前搬晒器材")], {"reading_speed"}, ZH),
    Case("chk-hk-no-english", C, [(1, 3, "冇英文")], {"empty"}, HK),
    Case("chk-hk-two-chinese-lines", C, [(1, 4, "阿輝，\n又係你。\nAh Fai, you again.")],
         {"too_many_lines", "fits_one_line"}, HK),
    # --- checks: dialogue ----------------------------------------------------------------------------
    Case("chk-dlg-mixed-line", C, [(1, 4, "- Seriously, though.\nAre you being bullied? - Nope.")],
         {"dialogue_mixed"}, EN_ANY_DASH),
    Case("chk-dlg-one-line-two-speakers", C, [(1, 4, "-Are you coming? -In a minute.")], {"dialogue_mixed"}),
    Case("chk-dlg-netflix-style-clean", C, [(1, 4, "-Are you coming?\n-In a minute.")], set()),
    Case("chk-dlg-space-after-dash-vs-profile", C, [(1, 4, "- Are you coming?\n- In a minute.")],
         {"dialogue_style"}),
    Case("chk-dlg-inconsistent-in-file", C,
         [(1, 3, "-Are you coming?\n-In a minute."), (4, 6, "-Where?\n-Home."), (7, 9, "- Now?\n- Yes.")],
         {"dialogue_style"}, EN_ANY_DASH),
    Case("chk-dlg-consistent-spaced-file", C,
         [(1, 3, "- Are you coming?\n- In a minute."), (4, 6, "- Where?\n- Home.")], set(), EN_ANY_DASH),
    Case("chk-dlg-lone-dash", C, [(1, 3, "- Nope.")], {"dialogue_style"}),
    Case("chk-dlg-zh-mixed", C, [(1, 4, "－你食咗飯未？－食咗喇。")], {"dialogue_mixed"}, ZH),
    Case("chk-dlg-zh-clean", C, [(1, 4, "－你食咗飯未？\n－食咗喇。")], set(), ZH),
    Case("chk-dlg-hk-one-chinese-line-ok", C, [(1, 4, "－食咗飯未？ －食咗。\n-Eaten yet?\n-Yes.")], set(), HK),
    # --- fixes --------------------------------------------------------------------------------------
    Case("fix-gap-chained", F, [(1, 2, "One."), (2.3, 3.4, "Two.")], [(1000, 2217, "One."), (2300, 3400, "Two.")]),
    Case("fix-gap-13-frames-left", F, [(1, 2, "One."), (2.542, 3.5, "Two.")],
         [(1000, 2000, "One."), (2542, 3500, "Two.")]),
    Case("fix-overlap-removed", F, [(1, 3, "One."), (2.5, 4, "Two.")], [(1000, 2417, "One."), (2500, 4000, "Two.")]),
    Case("fix-short-extended", F, [(1, 1.5, "Hi.")], [(1000, 1833, "Hi.")]),
    Case("fix-over-long-shortened", F, [(1, 9.5, "Far too long on screen.")], [(1000, 8000, "Far too long on screen.")]),
    Case("fix-over-long-not-below-reading-time", F, [(1, 11, "A" * 40 + "\n" + "b" * 40)],
         [(1000, 9000, "A" * 40 + "\n" + "b" * 40)],
         replace(EN, languages={"en": replace(EN.languages["en"], max_cps=10)})),
    Case("fix-joins-short-lines", F, [(1, 3, "Where were you\nlast night?")], ["Where were you last night?"]),
    Case("fix-mixed-speakers-rebroken", F, [(1, 4, "-Seriously, though.\nAre you being bullied? -Nope.")],
         ["-Seriously, though. Are you being bullied?\n-Nope."]),
    Case("fix-mixed-speakers-too-long-split", F, [(1, 4, "- Seriously, though.\nAre you being bullied? - Nope.")],
         ["Seriously, though. Are you being bullied?", "Nope."]),
    Case("fix-dialogue-too-long-split-by-speaker", F,
         [(1, 5, "- Seriously, though. Are you being bullied? - Nope.")],
         ["Seriously, though. Are you being bullied?", "Nope."]),
    Case("fix-dialogue-three-speakers", F, [(1, 7, "-Who's there?\n-Police.\n-Open up!")],
         ["-Who's there?\n-Police.", "Open up!"]),
    Case("fix-dialogue-no-room-left-whole", F, [(1, 2.5, "-Seriously, though. Are you being bullied again?\n-Nope.")],
         ["-Seriously, though. Are you being bullied again?\n-Nope."]),
    Case("fix-zh-dialogue-split", F, [(1, 5, "－你食咗飯未呀？我煮咗好多餸㗎呀。－食咗喇。")], ["你食咗飯未呀？我煮咗好多餸㗎呀。", "食咗喇。"], ZH),
    Case("fix-zh-long-split-at-full-stop", F,
         [(1, 8, "我哋要喺落雨之前將所有器材搬上天台。唔係嘅話就要等到聽日先可以再開工。")],
         ["我哋要喺落雨之前\n將所有器材搬上天台。", "唔係嘅話就要等到\n聽日先可以再開工。"], ZH),
    Case("fix-bilingual-english-joined", F, [(1, 4, "阿輝，又係你。\nAh Fai,\nyou again.")],
         ["阿輝，又係你。\nAh Fai, you again."], HK),
    Case("fix-empty-dropped", F, [(1, 3, "One."), (4, 5, "   "), (6, 8, "Two.")], ["One.", "Two."]),
    # --- styling through writing --------------------------------------------------------------------
    Case("write-srt-bold-font-an8-kept", W,
         ("a.srt", '1\n00:00:01,000 --> 00:00:03,000\n{\\an8}<b>Bold</b> and <font color="#ffff00">yellow</font>\n', "srt"),
         '1\n00:00:01,000 --> 00:00:03,000\n{\\an8}<b>Bold</b> and <font color="#ffff00">yellow</font>\n\n'),
    Case("write-vtt-voice-class-settings-kept", W,
         ("a.vtt", "WEBVTT\n\nid7\n00:00:01.000 --> 00:00:03.000 line:0 align:start\n<v Bob>Hi</v> <c.yellow>there</c>\n", "vtt"),
         "WEBVTT\n\nid7\n00:00:01.000 --> 00:00:03.000 line:0 align:start\n<v Bob>Hi</v> <c.yellow>there</c>\n\n"),
    Case("write-srt-to-vtt-an8-becomes-line0", W,
         ("a.srt", "1\n00:00:01,000 --> 00:00:03,000\n{\\an8}<i>Top</i>\n", "vtt"),
         "WEBVTT\n\n00:00:01.000 --> 00:00:03.000 line:0\n<i>Top</i>\n\n"),
    Case("write-vtt-to-srt-line0-becomes-an8", W,
         ("a.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:03.000 line:0\n<v Bob><b>Top</b></v>\n", "srt"),
         "1\n00:00:01,000 --> 00:00:03,000\n{\\an8}<b>Top</b>\n\n"),
    Case("write-ass-to-srt-colour-and-bold", W,
         ("a.ass", "[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontname, Fontsize\nStyle: Default,Arial,20\n\n"
          "[Events]\nFormat: Layer, Start, End, Style, Text\nDialogue: 0,0:00:01.00,0:00:03.00,Default,{\\an8}{\\b1}Hey{\\b0} {\\c&H00FFFF&}you{\\c}\n", "srt"),
         '1\n00:00:01,000 --> 00:00:03,000\n{\\an8}<b>Hey</b> <font color="#ffff00">you</font>\n\n'),
]  # fmt: skip


def _run(case: Case) -> object:
    profile = case.profile
    if case.kind == "break":
        assert isinstance(case.given, str)
        limits = {lang: (lim.max_line_length, lim.max_lines) for lang, lim in profile.languages.items()}
        judge = profile.bilingual or "zh" in profile.languages
        return rebreak_text(case.given, limits, judge_chinese=judge, join=profile.join_short_lines)[0]
    if case.kind == "check":
        cues = _cues(case.given)
        issues = check_cues(cues, profile, FPS)
        return {i.code for i in issues if i.cue == len(cues)}
    if case.kind == "fix":
        out = fix_cues(_cues(case.given), profile, FPS)
        assert isinstance(case.expected, list)
        if case.expected and isinstance(case.expected[0], tuple):
            return [(c.start_ms, c.end_ms, c.text) for c in out.cues]
        return [c.text for c in out.cues]
    name, text, target = case.given  # type: ignore[misc]
    doc = read_subtitle_text(text, name=name)
    return subtitle_text(doc, doc.cues, target, losses=Losses())


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case) -> None:
    assert _run(case) == case.expected


def test_the_table_has_at_least_80_cases_with_unique_names() -> None:
    assert len(CASES) >= 80
    assert len({c.id for c in CASES}) == len(CASES)


def test_case_table_covers_every_kind() -> None:
    assert {c.kind for c in CASES} == {"break", "check", "fix", "write"}
