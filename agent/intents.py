"""Understanding a request without a language model: intent words and the production's own entities.

English, written Traditional Chinese and colloquial Cantonese (and any mix) are handled by keyword
tables plus the production's lexicon (agent.lexicon). The result is an `Understanding`: what the
person wants and the entities they named. `agent.planner` turns it into tool calls; nothing here
reads documents or tool results, so text inside the production's files can never steer it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from agent.lexicon import Lexicon, Mention, fold, has_cjk, relation_after
from knowledge.answer_kinds import ASKS_WHEN, ASKS_WHO, money_asked
from knowledge.bilingual import film_terms
from knowledge.numerals import NUMERAL_CHARS, parse_number
from knowledge.production import names_part
from knowledge.scene_refs import scene_numbers
from knowledge.vocabulary import TIME_QUESTION_WORDS, word_pattern

if TYPE_CHECKING:
    from agent.routing import Router

Intent = Literal[
    "help",
    "plan_settings",
    "overview",
    "find_scenes",
    "scene_details",
    "character_report",
    "location_report",
    "search",
    "shot_list",
    "show_shot_list",
    "edit_shot",
    "schedule",
    "unavailable",
    "call_sheet",
    "subs_check",
    "subs_fix",
    "subs_convert",
    "subs_merge",
    "subs_shift",
    "subs_translate",
    "free_writing",
    "thanks",
    "cannot",
    "scene_order",
    "scene_rank",
    "cast_rank",
    "schedule_day",
    "transcribe",
    "shot_changes",
    "breakdown",
    "department_list",
    "revisions",
]
Lang = Literal["en", "zh"]

_CN_NUM = NUMERAL_CHARS
EN_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "last": -1,
}  # fmt: skip
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], start=1)}  # fmt: skip
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})


def has_word(folded: str, words: tuple[str, ...]) -> bool:
    """Any of `words` in the text: CJK words where a word starts, Latin words on word boundaries."""
    return any(_find_word(folded, word) >= 0 for word in words)


_has = has_word  # the short name the tables below use


def _find_word(folded: str, word: str) -> int:
    """Where `word` first occurs as a word (-1 if it does not).

    Chinese has no spaces, so a CJK keyword counts only where the segmented text starts a word there:
    寫 (write) is not found in 特寫 (close-up), 用 (use) not in 費用 (cost).
    """
    if not has_cjk(word):
        match = word_pattern(word).search(folded)
        return match.start() if match else -1
    start = folded.find(word)
    if start < 0:
        return -1
    if len(word) == 2 and word[0] in _BOUND_PREFIX:
        return start  # 最多, 第一, 幾多: a grammatical prefix starts its word wherever jieba cuts (場數最多)
    tokens = _word_tokens(folded)
    while start >= 0:
        token = tokens.get(start)
        if len(word) >= 3 or (token is not None and (len(word) > 1 or token.rstrip(_PARTICLES) == word)):
            # Three characters and more are a phrase, not a trap; one or two must start a word.
            # A one-character keyword must be the whole word (寫, 寫咗 — not 寫字樓, 特寫).
            return start
        if not has_cjk(folded[start]):
            return start
        if len(word) == 2 and _glued_to_function_word(tokens, start):
            return start
        start = folded.find(word, start + 1)
    return -1


# Function characters and measure words jieba glues to the word after them: 是夜 in 全部都是夜戲, 場夜 and
# 場日戲 in 幾多場夜戲 / 幾多場日戲, 係咪 … (the keyword 夜戲 then starts inside a token, though it is a word).
_FUNCTION_LEAD = frozenset("是係的嘅在喺有都也又就了咗將把被場個隻次")


def _glued_to_function_word(tokens: dict[int, str], start: int) -> bool:
    """Whether position `start` is inside a token that is a function character glued to what follows."""
    head = tokens.get(start - 1)
    return head is not None and len(head) >= 2 and head[0] in _FUNCTION_LEAD


_PARTICLES = "咗吓下過緊埋返翻啦喇呀吖嘅咩？?！!，,。 "


# Characters that always begin a word of their own (superlatives, ordinals, question words).
_BOUND_PREFIX = frozenset("最第幾邊哪")


@lru_cache(maxsize=256)
def _word_tokens(text: str) -> dict[int, str]:
    """Words of `text` by their start offset (jieba through a Simplified copy, Cantonese words added)."""
    from tools.subtitles.linebreak import chinese_tokens

    tokens, position = {}, 0
    for token in chinese_tokens(text):
        tokens[position] = token
        position += len(token)
    return tokens


# --- keyword tables (folded: lower case, NFKC) ----------------------------------------------------
# fmt: off
HELP = ("help", "what can you do", "how do i", "how does this work", "what do you do", "你識做咩", "你可以做咩", "點用",
        "幫到我咩", "有咩功能", "你係邊個", "你會做咩", "使用說明", "who are you")
GREETING = ("hi", "hello", "hey", "你好", "哈囉", "早晨", "good morning")
THANKS = ("thanks", "thank you", "cheers", "唔該", "多謝", "謝謝", "thx", "ok thanks")
OVERVIEW = ("overview", "summary of the script", "summarise the script", "summarize the script",
            "how many scenes", "how long is the script", "how many pages", "who is in the film",
            "who's in the film", "the cast", "list the characters", "list of characters", "all characters",
            "which characters", "what characters", "list the locations", "all locations", "which locations",
            "what locations", "what's in the project", "what documents", "which documents", "幾多場", "幾多頁",
            "有咩角色", "有邊啲角色", "角色表", "人物表", "有咩場景", "有邊啲場景", "有咩地點", "劇本概覽", "總覽", "概覽", "大綱", "有咩文件", "有邊啲文件",
            "成個劇本")
SCENE_LIST = ("which scenes", "what scenes", "which scene", "list scenes", "list the scenes", "scenes with",
              "scenes where", "scenes at", "scenes in", "scenes on", "in which scenes", "appear", "appears",
              "appearing", "is in", "are in", "show me the", "find scenes", "邊幾場", "邊場", "邊啲場", "邊一場", "哪幾場",
              "哪些場", "出現", "有份", "有冇", "列出", "場戲", "嘅戲", "的戲", "場口")
DETAIL = ("what happens", "what happened", "summary", "summarise", "summarize", "tell me about", "describe",
          "show me", "read", "details", "detail", "about", "who is in", "who's in", "講咩", "講乜", "發生咩", "發生乜",
          "內容", "劇情", "講下", "講吓", "介紹", "睇吓", "睇下", "有咩人", "有邊個", "邊個喺")
CHAR_REPORT = ("how many", "how much", "pages", "eighths", "first appear", "first appearance", "first scene",
               "who plays", "actor", "actress", "played by", "tell me about", "who is", "who's", "report",
               "breakdown", "幾多", "幾耐", "第一次", "第一場", "頭一場", "邊個演", "演員", "係邊個", "介紹", "資料", "頁數",
               "unavailable", "available", "availability", "唔得", "得閒", "冇空", "沒空", "没空", "有空")
FIRST_WORDS = ("first appear", "first appearance", "first scene", "first seen", "introduced", "第一次", "第一場",
               "頭一場", "首次", "最早")
SHARE = ("share", "shared", "together", "with each other", "both in", "一齊", "同場", "同埋", "對手戲", "夾埋")
LOC_REPORT = ("where is", "where's", "address", "located", "location report", "recce", "how do i get",
              "tell me about", "available", "availability", "unavailable", "喺邊度", "喺邊", "地址", "點去", "勘景", "場地",
              "介紹", "唔得")
SHOT_LIST = ("shot list", "shotlist", "shot-list", "shots for", "coverage", "storyboard", "camera plan", "分鏡",
             "分鏡表", "鏡頭表", "鏡頭列表", "拍攝鏡頭", "鏡頭設計", "shot breakdown",
             # Planning the shots, in Chinese: the verb with 鏡頭 either side (規劃鏡頭, 鏡頭安排).
             *(f"{verb}鏡頭" for verb in ("規劃", "计划", "計劃", "設計", "安排", "構思", "度", "排", "拆", "諗")),
             *(f"鏡頭{noun}" for noun in ("規劃", "計劃", "安排", "構思")))
# The shot a director wants a scene to open on ("open on an insert of…", "第一個鏡頭要用 crane…"): the
# clause after it describes that shot (agent/skills/shot_lists), and its "open" shows nothing.
OPENING_SHOT = re.compile(
    r"(?:\bopen(?:s|ing)?\s+(?:on|with)\b|\b(?:the\s+)?(?:first|opening)\s+shot\b(?:\s+(?:is|should\s+be|will\s+be|to\s+be))?"
    r"|\bstart(?:s|ing)?\s+(?:on|with)\b|第一個\s*(?:鏡頭|shot|鏡)|第一鏡|首個鏡頭|開場(?:鏡頭|嘅鏡頭|個鏡頭)|開頭(?:個|嘅)?鏡頭)"
    r"\s*[:：,，]?\s*(?:要|就|先|係|是)?\s*(?P<what>[^。.!?？！\n;；]+)",
    re.IGNORECASE,
)
SHOW_WORDS = ("show", "current", "latest", "saved", "open", "睇返", "打開", "而家嘅", "最新")
EDIT_VERBS = ("drop", "remove", "delete", "cut", "lose", "kill", "make", "change", "set", "switch", "turn",
              "use", "刪", "刪除", "唔要", "拎走", "攞走", "剷", "改", "轉", "換", "變", "用", "改做", "轉做", "換做", "變做",
              "改成", "換成")
SCHEDULE = ("schedule", "plan the shoot", "plan the shooting", "shooting plan", "stripboard", "strip board",
            "day out of days", "dood", "shooting days", "shoot days", "re-plan", "replan", "reschedule", "排期",
            "排戲", "拍攝日程", "拍攝計劃", "拍攝時間表", "通告表", "重新排", "排過", "拍幾多日", "幾多日")
CALL_SHEET = ("call sheet", "callsheet", "call-sheet", "call time", "call times", "通告", "通告單", "埋位時間", "開工時間")
UNAVAILABLE = ("unavailable", "not available", "can't make", "cannot make", "can't do", "cannot do",
               # a place that cannot be had: borrowed, hired or used
               "借唔到", "借不到", "租唔到", "租不到", "用唔到", "用不到", "借唔倒", "不能借", "唔借得", "不外借",
               "can't get", "cannot get", "can't have", "cannot have", "can't use", "cannot use",
               "can't work", "cannot work", "isn't available", "is not available", "out on", "off on",
               "busy on", "away on", "唔得", "冇空", "唔得閒", "唔available", "唔能夠", "請假", "冇期", "唔開工", "唔可以",
               # the same in written Chinese
               "沒空", "没空", "沒有空", "没有空", "不得空", "沒時間", "不能來", "不能拍", "無法開工", "不可以")
# Working, negated in any of its Cantonese and written forms: 唔開得工, 不能開工, 開唔到工, 無法上班.
_CANT_WORK = re.compile(
    r"(?:唔|不|無法|沒法|冇辦法|沒辦法)(?:能夠?|可以|得)?\s*(?:開工|返工|上班|開得工|嚟開工|來開工|出通告)"
    r"|開唔到工|開不到工|返唔到工|上唔到班"
)
SUBTITLES = ("subtitle", "subtitles", "subs", "captions", "srt", "vtt", "字幕")
SUBS_CHECK = ("check", "qc", "review", "problems", "issues", "errors", "validate", "檢查", "睇吓", "睇下", "有冇問題",
              "問題", "錯")
SUBS_FIX = ("fix", "repair", "clean up", "correct", "修正", "修改", "整好", "執好", "執吓", "改好", "修復")
SUBS_CONVERT = ("convert", "traditional", "simplified", "hong kong chinese", "香港繁體", "港繁", "繁體", "簡體", "简体",
                "台灣", "轉做", "轉成")
SUBS_MERGE = ("merge", "combine", "bilingual", "合併", "合埋", "雙語", "中英")
SUBS_SHIFT = ("shift", "delay", "advance", "offset", "resync", "earlier", "later by", "提前", "延遲", "延後", "推遲",
              "移前", "移後")
SUBS_TRANSLATE = ("translate", "translation", "翻譯", "譯做", "譯成")
FREE_WRITING = ("write", "rewrite", "re-write", "improve", "punch up", "polish", "come up with", "brainstorm",
                "suggest", "ideas for", "draft a scene", "new scene", "new ending", "poem", "story", "translate", "寫",
                "改寫", "重寫", "創作", "諗", "建議", "潤色", "修飾", "翻譯")
FOLLOW_UP = ("and", "what about", "how about", "only", "just", "of those", "of them", "of these", "those",
             "these", "them", "which of", "same", "also", "now", "咁", "噉", "咁樣", "那", "那麼", "仲有", "另外", "嗰啲",
             "呢啲", "其中", "當中", "入面", "佢哋", "邊啲")
TIME_WORDS = TIME_QUESTION_WORDS  # knowledge.vocabulary: shared with retrieval
# Crew topics the notes and recce report answer, not the script's scene cards.
DOC_TOPICS = ("lens", "lenses", "focal length", "colour", "color", "grade", "lighting", "music", "sound", "stunt",
              "stunts", "safety", "extras", "rain", "permit", "permits", "power", "generator", "parking", "wardrobe",
              "costume", "make-up", "makeup", "props", "鏡頭", "色調", "燈光", "音樂", "配樂", "聲效", "特技", "替身",
              "安全", "臨記", "落雨", "雨", "許可", "發電機", "泊車", "服裝", "化妝", "道具")
INT_WORDS = ("interior", "interiors", "int", "int.", "indoor", "indoors", "inside", "內景", "内景", "室內")
EXT_WORDS = ("exterior", "exteriors", "ext", "ext.", "outdoor", "outdoors", "outside", "外景", "室外", "戶外")
INT_EXT_WORDS = ("int/ext", "int./ext.", "i/e", "interior/exterior", "內外景", "内外景")
STYLE_WORDS = {
    "hk-action": ("hk-action", "hk action", "hong kong action", "action style", "港式動作", "港式", "動作片", "動作"),
    "handheld": ("handheld", "hand-held", "hand held", "verite", "vérité", "documentary style", "手持", "紀實"),
    "classic": ("classic", "standard", "conventional", "traditional coverage", "經典", "傳統", "正常"),
}
SIZE_WORDS = {
    "ECU": ("extreme close-up", "extreme close up", "extreme closeup", "ecu", "大特寫"),
    "MCU": ("medium close-up", "medium close up", "medium closeup", "mcu", "近景", "中近景"),
    "CU": ("close-up", "close up", "closeup", "close-ups", "close ups", "closeups", "cu", "特寫"),
    "EWS": ("extreme wide", "extreme long", "ews", "els", "大遠景"),
    "WS": ("wide shot", "wide", "long shot", "ws", "ls", "全景", "遠景"),
    "MS": ("medium shot", "medium", "mid shot", "ms", "中景"),
    "OTS": ("over the shoulder", "over-the-shoulder", "ots", "過肩"),
    "POV": ("pov", "point of view", "主觀鏡", "主觀"),
    "TWO-SHOT": ("two-shot", "two shot", "2-shot", "雙人鏡", "兩人鏡"),
    "INSERT": ("insert", "cutaway", "插入鏡頭", "插入"),
}
MOVEMENT_WORDS = {
    "handheld": ("handheld", "hand-held", "hand held", "手持"),
    "steadicam": ("steadicam", "steadi-cam", "gimbal", "斯坦尼康", "穩定器"),
    "dolly": ("dolly", "push in", "push-in", "pull out", "pull-out", "dolly in", "track in", "路軌", "軌道", "推軌",
              "推鏡", "推近", "拉遠"),
    "tracking": ("tracking", "track with", "follow", "跟拍", "跟住拍"),
    "pan": ("pan", "panning", "搖鏡", "橫搖"),
    "tilt": ("tilt", "直搖"),
    "crane/drone": ("crane", "drone", "jib", "升降", "航拍", "吊臂"),
    "zoom": ("zoom", "變焦"),
    "static": ("static", "locked off", "locked-off", "on sticks", "tripod", "固定", "腳架"),
}
ANGLE_WORDS = {
    "low": ("low angle", "low-angle", "低角度", "仰拍"),
    "high": ("high angle", "high-angle", "高角度", "俯拍"),
    "dutch": ("dutch", "canted", "傾斜"),
    "overhead": ("overhead", "top shot", "bird's eye", "頂拍"),
    "eye level": ("eye level", "eye-level", "平視"),
}
SCRIPT_WORDS = {
    "zh-Hant-HK": ("香港繁體", "港繁", "香港中文", "hong kong traditional", "hong kong chinese", "zh-hant-hk", "hk traditional"),
    "zh-Hant-TW": ("台灣繁體", "台繁", "台灣", "taiwan", "zh-hant-tw"),
    "zh-Hans": ("簡體", "简体", "simplified", "zh-hans", "mainland"),
}
# Actions outside Slate's reach: it reads the production's documents and writes files into its
# outputs folder, nothing else. Each maps to a reason the answer gives.
CANNOT: dict[str, tuple[str, ...]] = {
    "send": ("email", "e-mail", "send it", "send the", "send them", "whatsapp", "text it to", "電郵", "email畀", "send畀",
             "傳畀", "發畀", "寄畀"),
    "weather": ("weather", "forecast", "rain tomorrow", "天氣", "天文台", "落唔落雨"),
    "book": ("book a", "book the", "reserve", "hire a", "order a", "order some", "order from", "place an order",
             "purchase", "buy us", "buy some", "預約", "訂車", "訂位", "租車", "叫車", "訂購", "訂貨", "採購", "購買", "落單",
             "幫我買", "替我買", "去買", "請買"),
    "budget": ("budget", "total cost", "how much will the shoot cost", "cost of the shoot", "預算", "總成本", "使幾多錢"),
    "delete_scene": ("delete scene", "remove scene", "cut scene", "刪除第", "刪咗第", "剷走第"),
    # A professional's opinion on real life (the law, a diagnosis, money): not in any production file.
    "advice": ("legal advice", "legal opinion", "medical advice", "financial advice", "tax advice",
               "investment advice", "法律意見", "法律建議", "法律諮詢", "醫療意見", "醫學意見", "醫生意見", "理財建議",
               "投資建議", "稅務意見"),
}
TRANSCRIBE = ("transcribe", "transcription", "speech to text", "subtitles from the audio", "subtitles from the video",
              "subs from the audio", "subs from the video", "caption the video", "caption this", "出字幕", "聽寫", "轉錄",
              "語音轉文字", "由呢段片", "由段片", "由呢條片", "聽住段片")
SHOT_CHANGE = ("shot change", "shot changes", "shot-change", "cross a cut", "crosses a cut", "cross the cut",
               "across a cut", "across the cut", "scene detection", "the cuts in", "剪接位", "剪接點", "鏡頭轉換", "跨咗剪接",
               "過咗剪接", "剪接")
BREAKDOWN = ("breakdown", "break down", "breakdown sheet", "breakdown sheets", "everything we need for",
             "what do we need for", "what do we need in", "what's needed for", "what is needed for", "拆解", "分解表", "拆場",
             "需要準備咩", "要準備咩", "要預備咩", "需要咩嘢", "需要乜嘢", "需要甚麼")
DEPARTMENT_WORDS: dict[str, tuple[str, ...]] = {
    "stunts": ("stunt", "stunts", "stunt performers", "stuntmen", "特技", "替身", "武行"),
    "props": ("props", "prop", "道具"),
    "wardrobe": ("wardrobe", "costume", "costumes", "服裝", "戲服"),
    "makeup": ("make-up", "makeup", "hair and make-up", "化妝", "梳化"),
    "vehicles": ("vehicle", "vehicles", "picture car", "picture cars", "車輛", "劇用車"),
    "background": ("extras", "background", "crowd", "臨記", "群眾演員", "茄喱啡"),
    "sfx": ("special effects", "sfx", "特效", "煙機", "雨水"),
    "vfx": ("vfx", "visual effects", "視覺效果", "後期特效"),
    "animals": ("animal", "animals", "動物"),
    "equipment": ("special equipment", "crane", "drone", "特別器材", "吊臂", "航拍機"),
    "sound": ("playback", "music playback", "sound effects", "播放", "現場音樂"),
    "set_dressing": ("set dressing", "陳設", "佈景陳設"),
}
# Asking what a scene needs: the particle 咩 is asked about anywhere (jieba glues it to its neighbours).
ASKS_WHAT = re.compile(r"\b(?:what|which|any|list|need|needs)\b|咩|乜|邊啲|有冇|需要|哪些|甚麼|什麼")
LIST_WORDS = ("list", "lists", "all", "every", "清單", "列表", "表", "所有", "全部")
REVISION_WORDS = ("new draft", "the drafts", "revision", "revisions", "blue pages", "pink pages", "what changed",
                  "新稿", "改稿", "改咗邊", "改咗咩", "修訂", "版本")
ORDER_WORDS: dict[str, tuple[str, ...]] = {
    "next": ("next", "following", "the one after", "after that", "下一場", "下場", "跟住", "之後嗰場", "之後嗰一場",
             "接住"),
    "previous": ("previous", "the one before", "before that", "prior", "上一場", "上場", "之前嗰場", "之前嗰一場"),
    "after": ("after", "since", "follows", "follow", "succeeds", "之後", "以後", "後面", "後"),
    "before": ("before", "up to", "until", "precedes", "precede", "之前", "以前", "前面", "前"),
    "first": ("first", "earliest", "introduced", "opening", "opens", "begin", "begins", "start", "starts",
              "第一", "頭一", "首次", "最早", "開場", "開頭", "開始", "首場", "開機", "開鏡"),
    "last": ("last", "final", "finale", "ending", "ends", "end", "closes", "closing", "latest", "最後", "最尾", "尾場", "結局", "收尾",
             "最終", "最遲", "結尾", "殺青", "埋尾"),
}
RANK_MOST = ("most", "longest", "biggest", "largest", "highest", "top", "maximum", "max", "priciest",
             "expensive", "best paid", "最多", "最長", "最大", "最高", "最貴", "最耐", "最重")
RANK_LEAST = ("least", "fewest", "shortest", "smallest", "lowest", "cheapest", "minimum", "min", "最少", "最短",
              "最細", "最低", "最平", "最小")
RANK_BY: dict[str, tuple[str, ...]] = {
    "rate": ("rate", "rates", "pay", "paid", "salary", "fee", "expensive", "cheapest", "cost", "costs", "日薪",
             "片酬", "人工", "薪酬", "貴", "平", "錢"),
    "speeches": ("speaks", "speeches", "dialogue", "lines", "talks", "對白", "講得最多", "說話"),
    "scenes": ("scenes", "scene count", "場", "場數", "場口"),
    "pages": ("pages", "page", "longest", "shortest", "length", "頁", "頁數", "長", "短", "戲份"),
}
# fmt: on


@dataclass
class Understanding:
    """What a message asks for and what it names."""

    text: str
    lang: Lang
    intent: Intent
    characters: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)  # characters a scene must NOT have ("scenes without X")
    speaking: bool | None = (
        None  # the named people have a line in the scene (True) or are there silent (False)
    )
    locations: list[str] = field(default_factory=list)
    scenes: list[str] = field(default_factory=list)
    time_of_day: str | None = None
    # More times of day asked beside time_of_day ("sunrise or sunset", 日出同日落): scenes at any of them.
    also_times: list[str] = field(default_factory=list)
    int_ext: str | None = None
    pages: tuple[int, int] | None = None
    day: int | None = None
    dates: list[date] = field(default_factory=list)
    shot_ids: list[str] = field(default_factory=list)
    shot_size: str | None = None
    style: str | None = None
    files: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)  # audio or video files named
    department: str | None = None  # a breakdown category named (props, stunts, 臨記 …)
    target_script: str | None = None
    shift_seconds: float | None = None
    follow_up: bool = False
    ask_which: bool = False  # "that scene" with nothing to point back to: ask which one
    relative_of: tuple[str, str] | None = None  # "Pim's late father" with no such character: (PIM, father)
    relative_only: bool = False  # the question asks that relative's scenes or card: they have none
    pinned: bool = False  # a rule that is sure (the card's dates for "when is X unavailable?")
    count_question: bool = False
    shared: bool = False
    remove: bool = False
    search_text: str = ""
    free_writing: bool = False
    cannot: str | None = None  # an action Slate cannot do (send, weather, book, budget, delete_scene)
    order: str | None = None  # first, last, next, previous, after, before (scene_order)
    rest: bool = False  # "are we off on Sundays?", "幾時放假？": the plan's days without shooting
    both_ends: bool = False  # "first and last scenes", "頭同尾": both ends of an order asked at once
    rank: str | None = None  # most or least (scene_rank, cast_rank)
    rank_by: str | None = None  # pages, scenes, rate, speeches
    route: str | None = None  # the meaning router's label, when it decided
    masked: str = ""  # the message with names, places and numbers masked (what the router read)
    residue: list[str] = field(default_factory=list)  # content words left once names and filters are removed

    def human_words(self) -> list[str]:
        """The message's words (Latin words and runs of CJK characters), for telling a bare reply."""
        return re.findall(r"[a-z0-9]+|[\u3400-\u9fff]+", fold(self.text))

    @property
    def has_filters(self) -> bool:
        return bool(
            self.characters
            or self.without
            or self.locations
            or self.time_of_day
            or self.int_ext
            or self.pages
        )


def detect_language(text: str, mentions: list[Mention]) -> Lang:
    """zh when the words around the names are Chinese; names alone (劉督察 in an English sentence) don't count."""
    masked = list(fold(text))
    for mention in mentions:
        for i in range(mention.start, min(mention.end, len(masked))):
            masked[i] = " "
    rest = "".join(masked)
    cjk = sum(1 for ch in rest if has_cjk(ch))
    latin_words = len(re.findall(r"[a-z]{2,}", rest))
    # Hong Kong crews mix English terms into Cantonese ("drop 1B 同埋 1D 改 handheld"): a few Chinese
    # words around the names make it a Chinese question, answered in Chinese.
    # Cantonese grammar words (唔該, 改做 … 同 …) or a Chinese keyboard's punctuation (，？) also mark
    # a Chinese speaker writing English terms.
    chinese_marks = bool(_CANTONESE_MARKS.search(rest) or _FULL_WIDTH.search(text))
    if cjk == 1 and chinese_marks and _FULL_WIDTH.search(text) and _CANTONESE_MARKS.search(rest):
        return "zh"  # "drop 2B，2C 改 handheld"
    return "zh" if cjk >= 2 and (cjk >= latin_words or cjk >= 4 or chinese_marks) else "en"


_CANTONESE_MARKS = re.compile(r"[嘅咗唔係喺咩嗰啲佢哋冇嚟畀俾噉咁呢吖啦㗎喎囉嘛同改做要]")
_FULL_WIDTH = re.compile(r"[，。？！、；：「」]")


# Shot ids as tools.shot_list writes them: 12C, 7AA, and 12A-C for scenes that end in a letter.
_SHOT_ID = re.compile(
    r"(?<![0-9a-z])(?!\d{1,3}(?:st|nd|rd|th|mm|cm|am|pm|fps|hz|kg|km|k|m|s|h|x)(?![a-z0-9]))(\d{1,3}[a-z]?-[a-z]{1,2}|\d{1,3}[a-z]{1,2})(?![a-z0-9])"
)
_DAY = re.compile(
    r"(?:(?<![a-z])(?:shoot(?:ing)?\s+)?day\s*#?\s*(\d+|one|two|three|four|five|six|seven|eight|nine|ten)(?![0-9])"
    r"|第\s*([0-9" + _CN_NUM + r"]+)\s*(?:日|天|個拍攝日|個工作天))"
)
_PAGES = re.compile(
    r"(?:pages?|pp\.?|p\.)\s*(\d+)\s*(?:-|–|to|through|and)\s*(\d+)"
    r"|第\s*(\d+)\s*(?:至|到|-|–)\s*(\d+)\s*頁|(\d+)\s*(?:至|到|-|–)\s*(\d+)\s*頁"
    r"|(?:page|p\.)\s*(\d+)(?![0-9])|第\s*(\d+)\s*頁"
)
_ISO_DATE = re.compile(r"\b(20\d\d)-(\d{1,2})-(\d{1,2})\b")
# Without a month, a day written in Chinese numerals is a date only with 號 ("廿五號"): "一日", "三日"
# are durations ("一日幾錢？", "拍三日").
_ZH_DATE = re.compile(
    r"(?:(\d{1,2}|[" + _CN_NUM + r"]+)\s*月\s*)?(\d{1,2}|[" + _CN_NUM + r"]+)\s*"
    r"(?(1)(?:號|号|日)|(?:號|号|(?<=[0-9])日))(?!程)"
)
_EN_DATE = re.compile(
    r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?("
    + "|".join(MONTHS)
    + r")\b|\b("
    + "|".join(MONTHS)
    + r")\s+(\d{1,2})(?:st|nd|rd|th)?\b|\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b|\bon\s+(\d{1,2})(?:st|nd|rd|th)\b)"
)
_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
_SECONDS = re.compile(r"([+-]?\d+(?:\.\d+)?)\s*(?:s\b|sec|secs|second|seconds|秒)|(\d+)\s*ms\b")
_MEDIA_FILE = re.compile(
    r"[\w\-./\u3400-\u9fff]+\.(?:mp4|mov|mxf|mkv|avi|m4v|webm|wav|mp3|m4a|aac|flac|aiff?)\b", re.IGNORECASE
)
_FILE = re.compile(r"[\w\-.\u3400-\u9fff]+\.(?:srt|vtt|ass|ssa|ttml|dfxp|sub)\b", re.IGNORECASE)


def _resolve_day_of_month(day: int, month: int | None, start: date | None, today: date) -> date | None:
    anchor = start or today
    year = anchor.year
    month = month or anchor.month
    try:
        candidate = date(year, month, day)
    except ValueError:
        return None
    if start and candidate < start and month == start.month and not month:
        candidate = date(year + (month == 12), month % 12 + 1, day)
    return candidate


def extract_dates(folded: str, start: date | None, today: date | None = None) -> list[date]:
    today = today or date.today()
    found: list[date] = []
    for match in _ISO_DATE.finditer(folded):
        try:
            found.append(date(int(match.group(1)), int(match.group(2)), int(match.group(3))))
        except ValueError:
            continue
    if found:
        return found
    for match in _ZH_DATE.finditer(folded):
        month = parse_number(match.group(1)) if match.group(1) else None
        day = parse_number(match.group(2))
        if day and 1 <= day <= 31:
            resolved = _resolve_day_of_month(day, month, start, today)
            if resolved:
                found.append(resolved)
    for match in _EN_DATE.finditer(folded):
        groups = match.groups()
        if groups[0] and groups[1]:
            day, month = int(groups[0]), MONTHS[groups[1]]
        elif groups[2] and groups[3]:
            day, month = int(groups[3]), MONTHS[groups[2]]
        else:
            day, month = int(groups[4] or groups[5]), None
        resolved = _resolve_day_of_month(day, month, start, today)
        if resolved:
            found.append(resolved)
    for match in _SLASH_DATE.finditer(folded):
        # Hong Kong writes day/month.
        day, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            resolved = _resolve_day_of_month(day, month, start, today)
            if resolved:
                found.append(resolved)
    ranges = re.search(r"(\d{1,2})\s*(?:至|到|-|–|to)\s*(\d{1,2})\s*(?:號|号|日|th)", folded)
    if ranges and len(found) >= 1:
        first = _resolve_day_of_month(int(ranges.group(1)), None, start, today)
        last = _resolve_day_of_month(int(ranges.group(2)), None, start, today)
        if first and last and first <= last:
            found = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return list(dict.fromkeys(found))


def _first_key(folded: str, table: dict[str, tuple[str, ...]]) -> str | None:
    best: tuple[int, str] | None = None
    for key, words in table.items():
        for word in words:
            position = _find_word(folded, word)
            if position >= 0 and (best is None or len(word) > best[0]):
                best = (len(word), key)
    return best[1] if best else None


def _names_a_room(key: str, lexicon: Lexicon) -> bool:
    """Whether a place's name `key` is a part of a set (a room), in the script's words or in the other
    language's (寫字樓 for a BACK OFFICE)."""
    return key in lexicon.rooms or any(names_part(key, room) for room in lexicon.rooms)


# A scene described, then named by its number: "…嗰場，即係第十二場", "the chase, i.e. scene 12".
_NAMED_SCENE = re.compile(
    r"(?:即係|即是|也就是|就是|亦即|\bi\.?e\.?|\bthat is\b|\bnamely\b)[,，\s]*"
    r"(?:第\s*[\dN一二三四五六七八九十百零兩]+\s*[a-z]?\s*[場场]|scene\s+[\dN]+[a-z]?)"  # N: as masked
)


# Two times of day joined as alternatives or together: "sunrise or sunset", 日出同日落, "night 或 dawn".
_TIME_JOINED = re.compile(
    r"^\s*(?:or|and|&|/|or at|and at|或者|或|定|同埋|同|和|與|及|加埋|、|,)\s*(?:the\s+)?$"
)


def _times_beside(folded: str, first: str) -> list[str]:
    """The other times of day joined to `first` in `folded` ("dawn or dusk"), in order."""
    found: list[tuple[int, int, str]] = []
    for key, words in TIME_WORDS.items():
        for word in words:
            at = _find_word(folded, word)
            if at >= 0:
                found.append((at, at + len(word), key))
    found.sort()
    joined: list[str] = []
    for (_, end, key), (start, _, other) in pairwise(found):
        if other != key and _TIME_JOINED.match(folded[end:start]) and other != first and other not in joined:
            joined.append(other)
    return joined


# A department someone talks to ("我要同道具傾吓，…", "check with props: …"): who the asker will
# see about the answer, not what the question lists.
_SPOKEN_TO = re.compile(r"(?:同|跟|與|搵|問|\bwith|\bto)\s*$")
# ... or who asked ("Props asked me to check: what happens in scene 5?", 道具問我…).
_ASKED_BY = re.compile(r"^\s*(?:asked|asks|wants? to know|wanted to know|問我|問緊|想知|話想知)")


def _department_asked(folded: str) -> str | None:
    """The department the message is about (_first_key), unless it is only the one the asker talks to."""
    key = _first_key(folded, DEPARTMENT_WORDS)
    if key is None:
        return None
    for word in DEPARTMENT_WORDS[key]:
        if _find_word(folded, word) < 0:
            continue
        starts = (
            [m.start() for m in re.finditer(re.escape(word), folded)]
            if has_cjk(word)
            else [m.start() for m in word_pattern(word).finditer(folded)]
        )
        if any(
            not _SPOKEN_TO.search(folded[max(0, at - 6) : at])
            and not _ASKED_BY.match(folded[at + len(word) : at + len(word) + 16])
            for at in starts
        ):
            return key
    return None


# Asking for scenes in so many words (SCENE_LIST also holds looser words: 有冇, 出現, 嘅戲).
_WHICH_SCENES = ("which scenes", "what scenes", "which scene", "in which scenes", "scenes with", "scenes where",
                 "邊幾場", "邊場", "邊啲場", "哪幾場", "哪些場", "哪一場")  # fmt: skip
# Scenes counted with or without a line ("counting the ones where he's silent", 冇對白嗰場都要計埋): no filter.
_EITHER_WAY = re.compile(
    r"\b(?:counting|including|include|even|as well|with or without|whether or not|also)\b"
    r"|都(?:要)?計|計埋|都算|算埋|包括|連埋|連同|有冇(?:對白|台詞)|無論|不論|唔理"
)
# Present without a line ("where he's there but doesn't speak", 有出場冇對白, 一句對白都冇), or with one.
_SILENT = re.compile(
    r"\b(?:silent|non-?speaking|no lines?|without (?:a |any )?(?:lines?|dialogue)|no dialogue|never speaks?"
    r"|(?:doesn't|does not|don't|do not|didn't|did not) (?:speak|talk|say anything|have (?:a |any )?lines?)"
    r"|(?:not|never|hardly|barely|rarely) (?:a word|one word|speaks?|talks?|says? (?:a|one|any) ?words?)|mute)\b"
    r"|(?:冇|沒有|沒|無|唔)(?:對白|台詞|講嘢|出聲|說話|講野)|(?:對白|台詞)都(?:冇|沒有|無)|一句(?:對白|台詞|嘢)?都(?:冇|唔|沒|無)|不出聲|不說話|默默"
)
_SPEAKS = re.compile(
    r"\b(?:speaking (?:scenes?|parts?|roles?)|(?:has|have|with|gets?) (?:a |any )?(?:lines?|dialogue)|speaks|talks"
    r"|(?:speak|talk)s? in)\b"
    r"|有(?:對白|台詞)|(?:有|會)?開口|講嘢嘅場|出聲嘅場"
)


_ASKS_WHEN_FREE = re.compile(
    r"\bwhen\b|\bwhich (?:days?|dates?)\b|\bwhat (?:days?|dates?)\b|邊日|邊幾日|邊啲日子|幾時|哪天|哪幾天|哪一天|咩日子"
    r"|哪些(?:日子|天|日期)|哪幾日|[甚什]麼日子|幾號"
)
_NOT_IN = re.compile(
    r"\b(?:not in|isn't in|aren't in|is not in|are not in|without(?! (?:a |any )?(?:lines?|dialogue|words?|speaking))|doesn't appear|does not appear|"
    r"doesn't show up|absent from|not appearing|doesn't have to be|isn't needed)\b"
    r"|冇份|沒有份|冇佢份|冇出場|沒有出場|沒出場|唔出場|不出場|冇出現|沒有出現|沒出現|唔出現|不出現|唔喺|不在|缺席|唔使出|不用出"
)


def understand(
    text: str,
    lexicon: Lexicon,
    *,
    today: date | None = None,
    route: bool = True,
    router: Router | None = None,
) -> Understanding:
    """Read one message: its language, its intent and every entity it names."""
    folded = fold(text).strip()
    taken: list[Mention] = []
    files = [m.group() for m in _FILE.finditer(text)]
    file_spans = [Mention(m.start(), m.end(), m.group(), m.group()) for m in _FILE.finditer(folded)]
    # A place named after someone ("Ah Fai's flat", 阿輝屋企) is the place, not the person.
    named_places = [
        m for m in lexicon.find_locations(text, file_spans) if lexicon.find_characters(m.text, [])
    ]
    char_mentions = [
        c for c in lexicon.find_characters(text, taken) if not any(_inside(c, p) for p in named_places)
    ]
    # "Pim's late father", 阿芬嘅阿媽: another person, named by a relation. The cast list may say who
    # that is; otherwise they are nobody the script cues (relative_of).
    relative_of: tuple[str, str] | None = None
    for mention in list(char_mentions):
        relation = relation_after(fold(text), mention.end)
        if relation is None:
            continue
        char_mentions.remove(mention)
        relative = lexicon.relatives.get((mention.value, relation))
        if relative:
            char_mentions.append(Mention(mention.start, mention.end, mention.text, relative))
        elif relative_of is None:
            relative_of = (mention.value, relation)
    taken.extend(char_mentions)
    place_mentions = lexicon.find_locations(text, taken + file_spans)
    taken.extend(place_mentions)
    lang = detect_language(text, taken)

    scene_text = _FILE.sub(" ", folded)
    day_match = _DAY.search(scene_text)
    day = None
    if day_match:
        raw = day_match.group(1) or day_match.group(2)
        day = EN_NUMBERS.get(raw) if raw in EN_NUMBERS else parse_number(raw)
    without_days = _DAY.sub(" ", scene_text)
    scenes = scene_numbers(without_days, known=lexicon.scene_numbers, request=True)
    if (char_mentions or place_mentions) and _FIRST_OR_LAST_SCENE.search(folded):
        scenes = [n for n in scenes if n != "1"]  # 阿芬第一場喺邊？ asks for her first scene, not scene 1

    u = Understanding(text=text, lang=lang, intent="search")
    u.characters = list(dict.fromkeys(m.value for m in char_mentions))
    u.relative_of = relative_of
    if len(u.characters) == 1 and _NOT_IN.search(folded):
        # "Which scenes is X not in?", 阿儀冇份嘅場次: the scenes without that person.
        u.without, u.characters = u.characters, []
    if u.characters:
        # Asked of the scenes ("…in without a line?"), not said of the person as the reason ("X never
        # talks, so the breakdown drops him. Which scenes…?": every scene of theirs).
        asked = _asked_clause(folded)
        u.speaking = (
            None
            if _EITHER_WAY.search(asked)
            else False
            if _SILENT.search(asked)
            else True
            if _SPEAKS.search(asked)
            else None
        )
    u.locations = list(dict.fromkeys(m.value for m in place_mentions))
    # "法庭 courtroom 入面嘅戲": of two names for a place, the one naming a part of it (a room of the
    # set) is the narrower, and the scenes are filtered by it.
    # Two or more rooms named ("radio room, briefing room and garage all count") span the place: the
    # place's own name leads then.
    rooms = {fold(value).strip() for value in u.locations if _names_a_room(fold(value).strip(), lexicon)}
    u.locations.sort(key=lambda value: (fold(value).strip() in rooms) == (len(rooms) >= 2))
    u.scenes = scenes
    u.day = day
    u.files = files
    u.media = [m.group() for m in _MEDIA_FILE.finditer(text)]
    tod_text = without_days
    for mention in place_mentions + char_mentions:
        tod_text = tod_text.replace(mention.text, " ")
    u.time_of_day = _first_key(tod_text, TIME_WORDS)
    if u.time_of_day:
        u.also_times = _times_beside(tod_text, u.time_of_day)
    if _has(folded, INT_EXT_WORDS):
        # Checked first: "int/ext" holds both words, and 內外景 holds 外景.
        u.int_ext = "INT/EXT"
    elif _has(folded, INT_WORDS) and not _has(folded, EXT_WORDS):
        u.int_ext = "INT"
    elif _has(folded, EXT_WORDS) and not _has(folded, INT_WORDS):
        u.int_ext = "EXT"
    page_match = _PAGES.search(folded)
    if page_match:
        groups = [g for g in page_match.groups()]
        pairs = [(groups[0], groups[1]), (groups[2], groups[3]), (groups[4], groups[5])]
        singles = [groups[6], groups[7]]
        for low, high in pairs:
            if low and high:
                u.pages = (int(low), int(high))
        for single in singles:
            if single and not u.pages:
                u.pages = (int(single), int(single))
    u.style = _first_key(folded, STYLE_WORDS)
    u.shot_size = _first_key(folded, SIZE_WORDS)
    u.target_script = _first_key(folded, SCRIPT_WORDS)
    u.count_question = _has(
        folded, ("how many", "how much", "how long", "number of", "count", "幾多", "幾耐", "多少")
    )
    u.shared = _has(folded, SHARE) and len(u.characters) >= 2
    u.remove = _has(
        folded,
        ("drop", "remove", "delete", "cut", "lose", "kill", "刪", "刪除", "唔要", "拎走", "攞走", "剷"),
    )
    shift = _SECONDS.search(folded)
    if shift:
        seconds = float(shift.group(1)) if shift.group(1) else int(shift.group(2)) / 1000
        if _has(folded, ("earlier", "advance", "提前", "移前", "早")) and seconds > 0:
            seconds = -seconds
        u.shift_seconds = seconds
    u.follow_up = _is_follow_up(folded)
    # "個名點寫？", "how do you spell it?" ask how a word is written, not for writing.
    u.free_writing = _has(_HOW_WRITTEN.sub(" ", folded), FREE_WRITING)
    asked = _asked_clause(folded)
    u.cannot = next((reason for reason, words in CANNOT.items() if _has(asked, words)), None)
    if u.cannot is None and _PAY_REQUEST.search(asked):
        u.cannot = "pay"  # "please transfer the deposit…", "請將訂金轉賬…": paying is an act in the world
    if u.cannot is None and _ONLINE_ACT.search(asked) and not _ASKS_DONE.search(asked):
        u.cannot = "online"  # "幫我喺網上 order…", "submit the form online": an act on the internet
    if u.cannot is None:
        action = _ACTION_REQUEST.search(asked)
        if action:  # "reserve us a van…", "幫我打畀劉Sir…": an act in the world, whatever it names
            u.cannot = "send" if (action.group("send") or action.group("zsend")) else "book"
    if u.cannot in ("book", "send") and _ASKS_DONE.search(asked):
        u.cannot = None  # "did we book the crane?", "架 crane 訂咗未？": what was done, in the notes
    if u.cannot is None and _STOCK_TIP.search(asked):
        u.cannot = "advice"  # "推薦幾隻航空股", "which stocks should I buy?": investment advice
    if u.cannot is None and real_world_now(asked) and not u.scenes:
        u.cannot = "world"  # "how many rooftop houses are left in Hong Kong now?": the world, not the story
    if u.cannot is None and _FORECAST.search(folded) and not (u.scenes or _has(folded, ("scene", "場"))):
        u.cannot = "weather"  # "聽晚會唔會打風？", "will it rain tomorrow?": a forecast
    elif u.cannot == "weather" and not _FORECAST.search(folded) and production_matter(folded, lexicon):
        u.cannot = None  # "天文台幾點掛波？" in a typhoon story: the script's weather, not a forecast
    u.residue = _residue(_asked_clause(tod_text))
    # "the end song", "opening titles" name a thing, not an order of scenes.
    unordered = folded
    for term in film_terms(folded):
        unordered = unordered[: term.start] + " " * (term.end - term.start) + unordered[term.end :]
    for place in place_mentions:
        # 當舖後面 (behind the pawnshop), 戲院前面: a place's 後面/前面 is where, not an order of scenes.
        side = _SIDE_OF_PLACE.match(unordered, place.end)
        if side:
            unordered = unordered[: side.start()] + " " * len(side.group()) + unordered[side.end() :]
    numbered = _NAMED_SCENE.search(unordered) if u.scenes else None
    if numbered:
        # "最後一班車嗰場，即係第十二場": the order word describes the scene the number then names, and
        # so do the people, places and times named in that description ("阿美喺天台嗰場，即係第17場").
        unordered = " " * numbered.start() + unordered[numbered.start() :]
        u.characters = [
            c
            for c in u.characters
            if any(m.value == c and m.start >= numbered.start() for m in char_mentions)
        ]
        u.locations = [
            p
            for p in u.locations
            if any(m.value == p and m.start >= numbered.start() for m in place_mentions)
        ]
        if u.time_of_day and _first_key(folded[numbered.start() :], TIME_WORDS) is None:
            u.time_of_day, u.also_times = None, []
        if u.int_ext and not _has(folded[numbered.start() :], (*INT_WORDS, *EXT_WORDS)):
            u.int_ext = None
    u.order = _first_key(unordered, ORDER_WORDS)
    u.rest = bool(_REST.search(folded))
    u.both_ends = u.order in ("first", "last") and all(
        _has(unordered, ORDER_WORDS[end]) for end in ("first", "last")
    )
    u.rank = "most" if _has(folded, RANK_MOST) else "least" if _has(folded, RANK_LEAST) else None
    u.rank_by = _first_key(folded, RANK_BY)
    bare = _bare_scene(folded, lexicon)
    if bare and not u.scenes:
        u.scenes = [bare]
    if not u.scenes:
        u.scenes = _suffixed_scenes(folded, lexicon)
    if not u.scenes:
        u.scenes = _scene_asked_about(folded, lexicon)
    u.masked = _masked(folded, char_mentions, place_mentions)
    described = _NAMED_SCENE.search(u.masked) if numbered else None
    if described:
        u.masked = u.masked[described.start() :]  # the router reads what is asked of the named scene
    u.intent = _intent(u, folded, lexicon, today)
    if route:
        u.intent = _routed(u, folded, lexicon, router)
    if asks_place_clock(u, folded):
        # "what time does the sun set at the pier?", "街市幾點收檔？": a time the place's card gives, not its
        # dusk scenes; "when do we shoot at the rooftop?" stays the schedule's.
        u.intent, u.time_of_day = "location_report", None
    if (
        u.intent == "character_report"
        and len(u.characters) == 1
        and not u.pinned
        and (_KIN.search(u.masked) or _OWNED.search(u.masked))
    ):
        # "What did Lok's grandfather win?" asks about the grandfather, "阿玲部相機幾錢？" about the
        # camera: the documents answer, not the card.
        u.intent = "search"
    named = list(dict.fromkeys(m.value for m in char_mentions))
    if (
        u.intent in ("call_sheet", "schedule", "schedule_day")
        and len(named) == 1
        and not (u.pinned or u.day is not None or u.dates)
        and _WHETHER_NEEDED.search(folded)
    ):
        # "Should we give her a call time?", "佢使唔使出通告？": whether the person is needed on set
        # is on their card (voice only, recorded before the shoot), not a call sheet to make; "for day
        # 2" asks that day's call sheet, which answers it.
        u.intent, u.characters = "character_report", named
    if (
        u.intent == "character_report"
        and len(set(u.characters)) >= 2
        and not (u.shared or u.rank or u.pinned)
    ):
        u.intent = "search"  # "what does X promise Y?": what happens between two people, not one card
    if (
        u.intent == "find_scenes"
        and len(set(u.characters)) == 1
        and not (u.locations or u.time_of_day or u.int_ext or u.pages or u.scenes or u.without)
        and u.residue
        and _ASKS_CHOICE.search(folded)
        and not _has(folded, SCENE_LIST)
        and not re.search(r"scene|場|戲", folded)
    ):
        # "What tattoo does X have?" asks about the person, not for their scenes: the card (and the
        # documents when the card is silent, agent.planner) answers.
        u.intent = "character_report"
    if u.intent in ("schedule", "schedule_day") and asks_other_event(u, folded, lexicon):
        u.intent = "search"
    if u.intent in ("schedule", "schedule_day", "find_scenes") and asks_story_event(u, folded, lexicon):
        u.intent = "search"  # "阿美幾時搬屋？": when she moves house in the story, not when she is shot
    if u.intent in ("schedule_day", "call_sheet") and not u.dates:
        u.dates = extract_dates(folded, lexicon.plan_start, today)
    if (
        relative_of
        and not (u.characters or u.scenes or u.locations)
        and (u.intent in _ABOUT_SOMEONE or _has(folded, SCENE_LIST) or _APPEARS.search(folded))
    ):
        # "Which scenes is Pim's late father in?" with nobody in the cast list said to be him: he has
        # none of his own; where he is talked about is found in the script (compose says which).
        u.intent, u.relative_only = "search", True
    if (
        u.speaking is not None
        and u.intent in ("character_report", "search")
        and re.search(r"scene|場", folded)
    ):
        u.intent = "find_scenes"  # "阿強有邊幾場出場但冇對白？": the scenes, filtered by who speaks
    u.search_text = text.strip()
    return u


_APPEARS = re.compile(
    r"\b(?:scenes?|appears?|appearance|on screen|on set|cast (?:him|her|them)|an actor for)\b|場|出現|出場|選角|演員",
    re.IGNORECASE,
)
# What is asked of a person as a character of the script: their scenes, card, first or last scene.
_ABOUT_SOMEONE = frozenset({"find_scenes", "character_report", "scene_order", "cast_rank", "call_sheet"})


_ASKS_CLOCK = re.compile(
    r"\bwhat time\b|\bwhat hours\b|\bwhich hours\b|\bfrom what time\b|\buntil what time\b|\bhow early\b|"
    r"\bhow late\b|幾點|几点|幾多點|什麼時間|甚麼時間|什麼時候開始|幾時到幾時|幾點到幾點"
)
_SHOOT_WORDS = (
    "shoot",
    "shooting",
    "shot",
    "film",
    "filming",
    "call",
    "wrap",
    "拍",
    "開工",
    "收工",
    "埋位",
    "開機",
)


def asks_clock(folded: str) -> bool:
    """Whether a question asks for a time of the clock ("what time", 幾點)."""
    return bool(_ASKS_CLOCK.search(folded))


# A limit of the clock at a place ("how late can we stay on the rooftop?", "天台最夜拍到幾點？"): the place's
# permitted hours, on its card — not the date it is scheduled.
# A limit on when a place can be used, either end: "until what time", 幾點之前; "from what time", 幾點之後.
_CLOCK_LIMIT = re.compile(
    r"\b(?:how late|how early|latest|earliest|until what time|till what time|by what time|cut-?off|curfew"
    r"|from what time|after what time)\b"
    r"|最遲|最早|最夜|最晏|到幾點|幾點前|幾點之前|幾點收|幾點之後|幾點後|幾點以後|由幾點|從幾點|幾點起"
)


def asks_place_clock(u: Understanding, folded: str) -> bool:
    """A time the card of the one place named gives (sunset, opening hours, a permit's hours)."""
    return (
        len(u.locations) == 1
        and asks_clock(folded)
        and not (u.characters or u.scenes or u.dates or u.day is not None)
        and (not _has(folded, (*_SHOOT_WORDS, *SCHEDULE, *CALL_SHEET)) or bool(_CLOCK_LIMIT.search(folded)))
        and u.intent
        in ("find_scenes", "search", "scene_details", "schedule", "schedule_day", "location_report")
    )


# The words a question about the shoot's own calendar uses: the shoot and its days, weeks and dates,
# starting and wrapping, planning and booking. Anything else it names is the thing asked about.
_PLAN_WORDS = frozenset(
    """shoot shooting shot shots film filming schedule scheduled scheduling plan planned planning booked
    book day days date dates week weeks month start starts starting begin begins wrap wraps wrapping
    first last final next whole call calls work working move company unit crew today tomorrow off rest
    holiday holidays weekend weekends monday tuesday wednesday thursday friday saturday sunday
    放假 假 假期 休息 假日 公眾假期 週末 周末
    拍 拍攝 拍戲 開工 收工 殺青 開機 埋位 排 排期 排戲 安排 計劃 日 日期 日子 幾日 禮拜 星期 週 聽日 今日
    後日 尋日 琴日 第一 最後 下 下個 通告 搬景 開始 完 拍完 組 工作 上班 返工""".split()
)


def asks_other_event(u: Understanding, folded: str, lexicon: Lexicon) -> bool:
    """A "when" question that names no scene, person, place or day of the shoot and no shooting word,
    but something else the production's documents talk of (a recording session, the mix, a screening,
    the delivery): the notes date it, not the shooting schedule."""
    from agent.extract import content_terms

    if u.scenes or u.characters or u.locations or u.dates or u.day is not None or u.time_of_day or u.int_ext:
        return False
    if _has(folded, (*_SHOOT_WORDS, *CALL_SHEET)) or re.search(r"\bscenes?\b|場|戲", folded):
        return False  # the shoot, or a scene: when it is shot is the schedule's
    others = [t for t in content_terms(folded) if t not in _PLAN_WORDS and not t[0].isdigit()]
    return any(len(t) >= (2 if has_cjk(t) else 3) and lexicon.mentions_in_either_language(t) for t in others)


# Being in a scene, free or not: what a person's "when" asks of the script or the plan, not the story.
_APPEARS_OR_FREE = (
    *SCENE_LIST,
    *FIRST_WORDS,
    *CHAR_REPORT,
    *UNAVAILABLE,
    "出場",
    "出鏡",
    "first",
    "last",
    "scene",
    "on set",
    "to set",
    "埋位",
    "開工",
    "收工",
    "現場",
)


def asks_story_event(u: Understanding, folded: str, lexicon: Lexicon) -> bool:
    """When someone does something in the story ("阿美幾時搬屋？", "when does Mei move out?"): a when
    question naming a person and a doing the production's text talks of, with no scene, shooting,
    appearance or availability word: the script or the notes say when, not the shooting schedule."""
    from agent.extract import content_terms

    if not u.characters or u.scenes or u.dates or u.day is not None or u.time_of_day or u.int_ext:
        return False
    if not ASKS_WHEN.search(folded):
        return False
    if _has(folded, (*_SHOOT_WORDS, *CALL_SHEET, *_APPEARS_OR_FREE)) or re.search(
        r"\bscenes?\b|場|戲", folded
    ):
        return False
    names = {fold(a) for c in u.characters for a in lexicon.aliases(c)}
    others = [
        t
        for t in content_terms(folded)
        if t not in _PLAN_WORDS
        and t not in names
        and not any(t in n for n in names if has_cjk(t))
        and not t[0].isdigit()
    ]
    return any(len(t) >= (2 if has_cjk(t) else 3) and lexicon.mentions_in_either_language(t) for t in others)


_FIRST_OR_LAST_SCENE = re.compile(
    r"(?:第[一1]|頭一|最後一?|尾)\s*場\s*戲?\s*(?:係|是|喺|在)?\s*(?:邊|哪|幾|咩|乜|什麼|甚麼)"
)
_BARE_ID = re.compile(r"^\s*(?:#|no\.?\s*)?(\d{1,3}[a-z]{0,2})\s*[?？.!。]*\s*$")


def _bare_scene(folded: str, lexicon: Lexicon) -> str | None:
    """A message that is only a scene id ("21A", "17?"), when the script has that scene."""
    match = _BARE_ID.match(folded)
    if not match:
        return None
    token = match.group(1).upper()
    known = {n.upper(): n for n in lexicon.scene_numbers}
    return known.get(token) or (token if not known else None)


# Planning a scene's shots with the scene between verb and noun: 幫我規劃第三場嘅鏡頭.
_SHOOTING = (
    "shot",
    "shots",
    "shoot",
    "film it",
    "coverage",
    "style",
    "camera",
    "鏡頭",
    "拍",
    "風格",
    "手法",
    "鏡",
)
_FIRST_SHOT = re.compile(
    r"第一個\s*(?:鏡頭|shot|鏡)|第一鏡|首個鏡頭|開場鏡頭|\b(?:first|opening) shot\b|\bopen(?:s|ing)? on\b",
    re.IGNORECASE,
)
# Planning a scene's shots, the verb before 鏡頭 or after it ("第三場啲鏡頭幫我拆吓", "鏡頭點排好"); 角度
# and 排期 are not it.
_PLAN_SHOTS = re.compile(
    r"(?:規劃|計劃|设计|設計|安排|構思|拆|諗|排(?!期|練|戲))[^，,。？?！!]{0,10}鏡頭"
    r"|鏡頭[^，,。？?！!]{0,6}?(?:規劃|計劃|設計|安排|構思|拆|諗|排(?!期|練|戲))"
)
_SHOT_WORDS = ("shots", "shot list", "shotlist", "coverage", "set-ups", "setups", "鏡頭", "分鏡")
_SUFFIXED_ID = re.compile(r"(?<![0-9a-z#])(\d{1,3}[a-z])(?![a-z0-9])")


def _suffixed_scenes(folded: str, lexicon: Lexicon) -> list[str]:
    """A scene id with a letter ("tell me about 12A", "coverage of 3B") when the script has exactly
    that scene: a letter-suffixed number is no count, date or page. With the word shot it is a shot,
    unless a shot list is asked for ("shot list for 12A": the scene the list is for)."""
    if _has(folded, ("shot", "鏡")) and not _has(folded, SHOT_LIST):
        return []
    known = {n.upper(): n for n in lexicon.scene_numbers if not n.isdigit()}
    return list(dict.fromkeys(known[t.upper()] for t in _SUFFIXED_ID.findall(folded) if t.upper() in known))


# "what happens in 9?", "what's happening in 22?": a whole scene asked about, its number last.
_HAPPENS_IN = re.compile(
    r"\b(?:what(?:'s| is| was)? (?:going on|happening|happens|happened)|what goes on|tell me about)"
    r"\s+(?:in|at|during)?\s*(\d{1,3}[a-z]?)\s*[?？.!。]*\s*$"
)


def _scene_asked_about(folded: str, lexicon: Lexicon) -> list[str]:
    """A plain number the script has as a scene, when the message asks what happens in it and ends
    there: "what was happening in 22?" (a number with no word for scene is otherwise a count or a date)."""
    match = _HAPPENS_IN.search(folded)
    known = {n.upper(): n for n in lexicon.scene_numbers if n not in lexicon.omitted}
    return [known[match.group(1).upper()]] if match and match.group(1).upper() in known else []


def _masked(folded: str, people: list[Mention], places: list[Mention]) -> str:
    """What the router reads: the message with names and places replaced by their kind."""
    from agent.routing import mask

    spans: list[tuple[int, int, str]] = []
    seen: list[str] = []
    for mention in people:
        if mention.value not in seen:
            seen.append(mention.value)
        spans.append((mention.start, mention.end, "PERSON" if seen.index(mention.value) == 0 else "PERSON2"))
    spans.extend((m.start, m.end, "PLACE") for m in places)
    return mask(folded, spans, patterns=(_ISO_DATE, _EN_DATE, _ZH_DATE, _SLASH_DATE))


# Intents the keyword rules recognise from explicit words ("shot list", "call sheet", a subtitle file, a
# shot id with an edit verb, an out-of-reach action); the router does not override them.
EXPLICIT = frozenset(
    {"subs_check", "subs_fix", "subs_convert", "subs_merge", "subs_shift", "subs_translate", "edit_shot",
     "shot_list", "show_shot_list", "call_sheet", "unavailable", "schedule", "cannot", "free_writing",
     "transcribe", "shot_changes", "breakdown", "department_list", "revisions", "plan_settings"}
)  # fmt: skip


# A question about what was already done (booked, ordered, sent): the notes say; it asks no act.
_ASKS_DONE = re.compile(
    r"\b(?:did|have|has|had)\s+(?:we|you|they|the \w+|production)\b[^?]*\b(?:book|reserve|hire|order|send|sent)"
    r"|\b(?:booked|reserved|ordered)\b[^?]*\?|(?:book|訂|預訂|租|send|寄|發)\s*(?:咗|了|過|好咗)"
)


# The world beyond the production (awards, box office, news): general knowledge even when it names a role.
_WORLD = re.compile(
    r"\b(?:won|wins|award|awards|oscars?|golden horse|palme|box office|festival winner|news)\b"
    r"|金像獎|金馬|奧斯卡|票房|得獎|獎項|新聞|最佳"
)


# Words any question about films uses, in the world or in the production: no sign of either.
_FILM_WORLD_WORDS = frozenset(
    """film films movie movies actor actors actress director directors year years best last this
    電影 套戲 演員 導演 今年 去年 舊年 最佳 影帝 影后 邊套 上年""".split()
)


# The real world as it is now, set against the story: "the real …" / 真正嘅 beside a time of the world
# ("last year", 現在): "who won the real election last year?" is general knowledge, not the script's.
_REALLY = re.compile(r"\breal\b|\breal-life\b|現實|真實世界|真正")
_WORLD_TIME = re.compile(
    r"\b(?:last year|this year|these days|nowadays|today's|right now|at the moment)\b"
    r"|現在|而家|現時|今時今日|目前|去年|舊年|今年|近年|上年"
)


# Asking which shares to buy: investment advice, whatever the shares are of.
_STOCK_TIP = re.compile(
    r"(?:推薦|建議|介紹|值得買|應該買|買邊|買哪|recommend|tips?\b|should (?:i|we) buy|worth buying)"
    r".{0,12}(?:股票|[\u4e00-\u9fff]{1,3}股(?![東份權本])|\bstocks?\b|\bshares\b)"
    r"|(?:股票|\bstocks?\b).{0,8}(?:推薦|值得買|recommend|tips?\b|to buy)"
)


# The crew's own things ("do we have a real gun on set right now?"): a question about the production.
_OURS = re.compile(r"\b(?:we|our|ours|us|set|prop|props)\b|我哋|我們|我地|道具|現場|片場")


def real_world_now(folded: str) -> bool:
    """Whether `folded` asks about the real world of today, not the story (see _REALLY)."""
    return bool(_REALLY.search(folded) and _WORLD_TIME.search(folded) and not _OURS.search(folded))


def _world(folded: str, lexicon: Lexicon) -> bool:
    """A word of the world beyond the production that the production's own text does not use, in a
    question whose other words are not the production's either: a box office in a story about a
    theatre's takings is the story's, and so is one asked about the story's premiere night (首演 is in
    the script, 票房 is not). A question about the real world today (real_world_now) is the world's."""
    if real_world_now(folded):
        return True
    words = [m.group() for m in _WORLD.finditer(folded)]
    if not words or all(lexicon.mentions(w) for w in words):
        return False
    from agent.extract import content_terms

    names = set(lexicon.characters) | set(lexicon.locations)
    rest = {
        t
        for t in content_terms(_WORLD.sub(" ", folded))
        if t not in _FILM_WORLD_WORDS and t not in names and len(t) >= (2 if has_cjk(t) else 5)
    }
    return not any(lexicon.mentions(t) for t in rest)


def _routed(u: Understanding, folded: str, lexicon: Lexicon, router: Router | None) -> Intent:
    """The intent by meaning where the rules only guessed; slots the route needs must be there."""
    from agent.routing import default_router

    rule = u.intent
    if rule in EXPLICIT or u.pinned:
        return rule
    if (
        u.scenes
        and u.order in ("next", "previous", "before", "after")
        and rule in ("scene_details", "find_scenes")
    ):
        return "scene_order"  # "Scene 20 之前係邊場？", "the scene after 9"
    if (
        money_asked(folded)
        and _PRICE.search(folded)
        and (u.characters or u.locations)  # the production's people or places, not a share price
        and not (u.scenes or u.time_of_day or u.int_ext or u.rank or _has(folded, SCENE_LIST))
        and not _CARD_MONEY.search(folded)
    ):
        # "佢出幾多錢買架車？", "how much did he pay for the boat?": an amount the story or the notes
        # state, whoever and wherever it names (a day rate is on the cast or location card).
        return "search"
    route = (router or default_router()).route(_asked_sentences(u.masked))
    if rule == "search" and (
        _has(_asked_clause(folded), DOC_TOPICS) or (u.locations and _production_term(folded))
    ):
        # "the unit base for the pier scene", "what lens for the rooftop?": a production matter there,
        # whatever the route; but a request (not a question) to draft shots is the shot list's
        # ("第三場啲鏡頭幫手拆一拆").
        drafting = route.confident and route.label == "shot_list" and not _ASKS_CHOICE.search(folded)
        if not drafting:
            return rule
    if not route.confident and {route.label, route.runner_up} == {"schedule", "schedule_day"}:
        # Unsure which of two schedule skills, sure it is the schedule: a day, a week or an order
        # ("頭一個禮拜", "day 3") asks for days of it; otherwise the whole plan.
        specific = u.order or u.day is not None or u.dates or re.search(r"week|星期|禮拜|週", folded)
        return "schedule_day" if specific else "schedule"
    if not route.confident:
        if route.label == "cannot" and rule == "search" and _world(folded, lexicon):
            u.cannot = u.cannot or "other"
            return "cannot"  # "who won best actor at the Oscars?": the world, not this production
        return rule
    label = route.label
    if (
        rule == "find_scenes"
        and label in ("search", "shot_list", "free_writing", "help", "cannot")
        and u.has_filters
        and _has(_asked_clause(folded), _WHICH_SCENES)
    ):
        return rule  # "which scenes do I need the scaffolder for?", someone named: their scenes
    if u.follow_up and label not in ("scene_order", "scene_rank", "cast_rank"):
        return rule  # the conversation resolves what a follow-up leaves out (agent.planner)
    u.route = label
    scene_filters = bool(u.locations or u.time_of_day or u.int_ext or u.pages)
    if u.order in ("next", "previous", "before", "after") and label in (
        "scene_details",
        "find_scenes",
        "scene_order",
    ):
        if not u.scenes:
            anchor = re.search(
                r"(?:after|before|follows?|succeeds|precedes?|之後|之前|以後|以前)\s*(?:scene|sc\.?)?\s*#?\s*(\d{1,3}[a-z]{0,2})\b",
                folded,
            )
            known = {n.upper(): n for n in lexicon.scene_numbers}
            if anchor and anchor.group(1).upper() in known:
                u.scenes = [known[anchor.group(1).upper()]]
        return "scene_order"  # "the scene after 9", "Scene 13 之前嗰場"
    if label == "find_scenes":
        if u.scenes and u.residue and not scene_filters:
            return "scene_details"  # "where does X hide the USB in scene 3?" asks about the scene
        if rule == "character_report" and not scene_filters:
            return rule  # "how many scenes is X in?" is the character's report
        return "find_scenes" if (u.has_filters or u.scenes) else rule
    if label == "scene_details":
        if rule == "find_scenes" and u.characters and u.scenes and not u.residue:
            return rule  # "is X in scene 8?" checks the scene for the person
        return "scene_details" if u.scenes else rule
    if label == "scene_order":
        # A place alone orders nothing when the question asks who ("who wins at the pier in the end?").
        # Nor when it asks how things turn out ("比賽最後點？", "what place did the team come?").
        placed = bool(u.locations) and not (ASKS_WHO.search(folded) or _ASKS_OUTCOME.search(folded))
        unordered = not (u.characters or u.scenes or placed or _ORDER_SUBJECT.search(folded))
        if u.order in ("first", "last") and unordered:
            # 最後 / "in the end" with nothing that is ordered (a scene, the story, an appearance)
            # is an adverb: "比賽最後邊個贏？" asks what happens, not for the last scene.
            outcome = rule == "find_scenes" and not (u.time_of_day or u.int_ext)  # a place alone
            return "search" if rule == "scene_order" or outcome else rule
        return "scene_order" if u.order else rule
    if label == "scene_rank":
        return "scene_rank" if u.rank else rule
    if label == "cast_rank":
        return "cast_rank" if u.rank else rule
    if label == "character_report":
        if scene_filters and u.characters:
            return "find_scenes"  # "how many pages of exteriors does X have?" counts filtered scenes
        return "character_report" if u.characters else rule
    if label == "location_report":
        return "location_report" if u.locations else rule
    if label == "search" and u.scenes and not u.characters[1:]:
        return "scene_details"  # a question about one scene is answered from that scene's text
    if label == "overview" and u.scenes:
        return "scene_details"  # "Scene 5 有幾多頁？" asks about the scene, not the whole script
    if label == "overview" and scene_filters:
        return "find_scenes"  # "how many exteriors in the film?" counts the scenes that pass the filter
    if label == "free_writing" and not u.free_writing and folded.rstrip().endswith("?"):
        return rule  # "where were his lines recorded?": a question about the production, not writing
    if label in ("search", "overview", "schedule", "schedule_day", "help", "thanks", "free_writing"):
        return label  # type: ignore[return-value]
    if label == "call_sheet":
        return "call_sheet"
    if label == "cannot":
        if not u.cannot and _ASKS_DONE.search(_asked_clause(folded)) and not _world(folded, lexicon):
            return "search"  # a question about what the crew has done (booked, sent) is for the notes
        if not u.cannot and not _world(folded, lexicon) and production_matter(folded, lexicon):
            # "What kind of rope do we use for the fall?": the production's own text talks of it.
            return "search"
        if not u.cannot and any(not t.filter for t in film_terms(folded)) and not _world(folded, lexicon):
            # "Who's composing the score?", "邊個唱主題曲？": a question about this production's crew,
            # departments or kit is for its documents, not general knowledge.
            return "search"
        u.cannot = u.cannot or "other"
        return "cannot"
    if label == "shot_list":
        if not u.scenes and _ASKS_CHOICE.search(folded) and not _MAKE.search(folded):
            # "What filter do we use for the dream?" asks what was decided: the documents say.
            return "search"
        return "shot_list"  # without a scene the planner asks which one
    if label == "subtitles":
        return rule if rule.startswith("subs_") else "subs_check"
    return rule


def _bare(question: str) -> bool:
    """A question of a word or two that asks nothing by itself: "How much?", "Why?", "幾多？", "點解？"."""
    latin = re.findall(r"[a-z]+", question.lower())
    cjk = [ch for ch in question if has_cjk(ch)]
    return len(latin) <= 2 and len(cjk) <= 3 and "person" not in latin and "place" not in latin


def _asked_sentences(masked: str) -> str:
    """The sentences of a message that ask, for the router: "邊幾場有PERSON？導演話想睇返佢嘅戲份。"
    asks for scenes; the remark after it is context, not the request. A message with no question
    mark, or only questions, is routed whole."""
    parts = [p.strip() for p in re.split(r"(?<=[?？。!！])\s*|(?<=\.)\s+", masked) if p.strip()]
    asked = [p for p in parts if p.endswith(("?", "？"))]
    if not asked or len(asked) == len(parts) or _bare(" ".join(asked)):
        # A question with no words of its own ("…at the end. How much?", "佢加咗人工。幾多？") asks about
        # what the sentence before it says: the message is routed whole.
        return masked
    return " ".join(asked)


# Money asked for by what it buys or pays: a price, an offer, a cost, a sale.
_PRICE = re.compile(
    r"錢|價|賣|買|蚊|\$|\b(?:cost|costs|price|worth|pay|paid|offer|offered|offers|sell|sold|buy|bought|owe|owes|owed)\b"
)
# Money a card states: a cast member's or a location's rate.
_CARD_MONEY = re.compile(
    r"\b(?:day|daily) rate|\brate\b|\b(?:per|a|each) day\b|日薪|片酬|人工|租金|場租|租一日|一日|每日|每天|一天"
)
# What the production plan sets for the whole shoot: its first and last date, the length of a shooting
# day, pages an hour (agent/skills/schedule answers from plan_settings, citing the plan's lines).
PLAN_SETTING = re.compile(
    r"\bstart(?:ing)? date\b|\bend date\b|\bwrap date\b|\bfirst day of (?:the )?(?:shoot|shooting|filming)\b"
    r"|\bwhen (?:do|does|will|are) (?:we|the shoot|shooting|filming)\b[^?]{0,20}\bstart"
    r"|\bhours? (?:in |of )?(?:a|per|each|one|every) (?:shooting |working |shoot )?day\b|\bday length\b"
    r"|\b(?:shooting|working|shoot) day\b[^?？]{0,24}(?:\bhours?\b|幾多個?鐘|幾個鐘|幾多小時|幾小時)"
    r"|\bhow long is (?:a|each|one|every) (?:shooting |working )?day\b|\bpages? (?:per|an|a|each) hour\b"
    r"|開機(?:日期|日子|日|係幾時|喺幾時)|幾時開(?:機|拍|鏡)|開拍(?:日期|日子)|開鏡日期|殺青(?:日期|日)|幾時殺青"
    r"|(?:一日|每日|每天|一天)(?:拍|開工|做|返工)?(?:幾多|幾|多少)個?(?:鐘|小時)|工作天[^？?]{0,6}(?:幾多|幾|多少)個?(?:鐘|小時)"
    r"|每(?:個鐘|小時)(?:拍)?(?:幾多|幾|多少)頁",
    re.IGNORECASE,
)
# Days without shooting: days off, holidays, rest days ("not shooting", 唔開工, 放假, 休息).
_REST = re.compile(
    r"\b(?:days? off|off days?|rest days?|holidays?|no (?:shooting|filming)|(?:are we|we're|we are) off"
    r"|(?:not|don'?t|do not|aren'?t|are not|won'?t)\s+(?:we\s+)?(?:shoot|shooting|film|filming|work|working))\b"
    r"|休息|放假|假期|唔開工|唔拍|冇得拍|冇拍|不拍|沒有拍|不開工|停拍|公眾假期"
    r"|放[^，,。？?！!]{1,4}假"  # a verb and its object apart: 放邊幾日假, 放幾日假
)


# Where a message's own question starts: after the last clause break before its closing question mark.
_CLAUSE_BREAK = re.compile(r"[:：;；。!！]|\.\s|\?\s|？(?=.)")


# A sentence after the question that asks something too: "…? Please list them.", "…？幫我出埋通告。"
_ASKS_TOO = re.compile(
    r"\b(?:please|pls|can you|could you|would you|make|draft|write|list|show|give|send|tell|check|also)\b"
    r"|\bi (?:need|want|would like|'d like)\b(?! to\b)"  # "I need proper legal advice": asked too
    r"|幫我|幫手|唔該|請|麻煩|順便|同埋|再"
)


def _asked_clause(folded: str) -> str:
    """The part of a message that asks Slate something. "I need to book the lighting truck: which
    scenes are at night?" asks for night scenes; the booking is the asker's own job, told as the
    reason. A message whose opening clause is itself a request to act ("email the cast: is the call
    sheet ready?"), or that asks no question, is read whole."""
    text = folded.strip()
    if not text.endswith(("?", "？")):
        # A remark after the question ("幾多場夜戲？要同燈光傾 call time。") is the asker's reason; a
        # request after it ("…? Book the crane.") is asked too.
        last = max(text.rfind("?"), text.rfind("？"))
        remark = text[last + 1 :]
        if last < 0 or any(p.search(remark) for p in (_ACTION_REQUEST, _PAY_REQUEST, _ASKS_TOO)):
            return folded
        text = text[: last + 1]
    breaks = list(_CLAUSE_BREAK.finditer(text[:-1]))
    if not breaks:
        return text
    context, asked = text[: breaks[-1].start()], text[breaks[-1].end() :]
    if _ACTION_REQUEST.search(context) or _PAY_REQUEST.search(context):
        return folded
    return text if len(asked.strip()) < 4 else asked


# A request to pay or move money (Slate reads and drafts; it never pays): the verb as a request, or
# after "please", 請, 幫我…; "how much did he transfer?" asks about the story, not for a payment.
_PAY_REQUEST = re.compile(
    r"^\W*(?:(?:please|pls|can you|could you|would you|kindly|go ahead and)\s+)*"
    r"(?:pay|wire|remit|transfer\s+(?:the\s+|our\s+|my\s+)?(?:money|deposit|fee|funds|payment|cash|hk\$|\$|\d))\b"
    r"|^\W*(?:請|麻煩|唔該|可唔可以|可否|能否|你)?\s*(?:幫|同|替|代)?\s*(?:我哋|我們|我)?\s*(?:把|將)?"
    r"[^，,。？?]{0,24}(?:轉賬|轉帳|匯款|付款|付錢|過數|入數|找數|俾錢|畀錢|交訂金|落訂|過戶)"
)


# A request to act in the world — phone, message, book, buy, pay — made as a request (the verb first,
# or after "please", "can you", 幫我, 唔該): Slate only reads and drafts, whatever the act is about.
# "Call sheet…", "call times", "text of scene 5", "order of scenes" are not such acts.
# An act on the internet: ordering, filing or sending something online, in any order of the words.
_ONLINE_ACT = re.compile(
    r"(?:上網|網上|online|on the internet|on the web)[^。？?!！]{0,30}?"
    r"(?:order|buy|purchase|book|submit|apply|register|file|send|買|訂|遞交|提交|申請|寄|交表|報名|登記)"
    r"|\b(?:order|buy|purchase|book|submit|apply for|register|file)\b[^.?!。？！]{0,40}\bonline\b",
    re.IGNORECASE,
)
_ACTION_REQUEST = re.compile(
    r"^\W*(?:(?:please|pls|can you|could you|would you|will you|kindly|go ahead and)\s+)*"
    r"(?:(?P<send>call|phone|ring|e-?mail|text|whatsapp|message|notify)|(?P<book>book|reserve|buy|purchase|pay))"
    r"\s+(?!sheets?\b|lists?\b|of\b|times?\b|for (?:scene|day)\b)"
    r"|^\W*(?:請|麻煩|唔該|可唔可以|可否|能否|你)?\s*(?:你)?\s*(?:幫|同|替|代)\s*(?:我哋|我們|我|手)?\s*"
    r"(?:(?P<zsend>打電話|打俾|打畀|打去|致電|call(?!\s*sheet)|whatsapp|發短訊|發訊息|短訊|電郵|email|通知)"
    r"|(?P<zbook>訂(?!正|定|明)|預約|book|order|purchase|buy|買|叫外賣|叫車|付錢|俾錢|畀錢|過數|轉帳))"
    r"|^\W*(?:打電話|致電)"
)


# A question about real weather to come: a time ahead and a weather word, in either order.
_WHEN_AHEAD = (
    r"(?:\bwill\b|going to|tomorrow|tonight|this week|next week|on the day|聽日|聽晚|明天|明晚|今晚|後日|下星期|下個禮拜"
    r"|會唔會|會不會|會否)"
)
_WEATHER_WORD = (
    r"(?:\brain|\bstorm|\btyphoon|\bsnow|\bhot\b|\bcold\b|\bsignal\b|打風|颱風|風球|掛.{0,3}波|號波|[落下][大暴細微]?雨|暴雨"
    r"|黑雨|紅雨|行雷|寒流)"
)
_FORECAST = re.compile(
    rf"{_WHEN_AHEAD}.{{0,16}}{_WEATHER_WORD}|{_WEATHER_WORD}.{{0,12}}(?:tomorrow|tonight|聽日|聽晚|明天|明晚)"
)
# What an order word can order: scenes, shots, the story, an appearance (first/last without one of
# these is an adverb: "in the end", 最後).
_ORDER_SUBJECT = re.compile(
    r"scene|shot|sequence|\bset\b|location|appear|film|movie|story|script|episode|begin|open|end\b"
    r"|場|幕|鏡|戲|出現|出場|劇本|故事|電影|結局|開頭"
)
# Asking how something turns out or where someone finished, not for a scene.
_ASKS_OUTCOME = re.compile(
    r"\bhow (?:did|does|do) (?:it|things|they|the \w+) (?:end|turn out|go)\b|\bwhat place\b|\bwho won\b"
    r"|點呀|點啊|點樣|點收科|怎樣|怎麼樣|結果|第幾名?|名次|邊個贏|誰贏"
)
_ASKS_CHOICE = re.compile(r"\b(?:what|which)\b|咩|乜|邊種|邊隻|哪種|哪個|什麼|甚麼|有冇")
_MAKE = re.compile(r"\b(?:draft|make|create|generate|write|plan|build)\b|整|出|做|寫|開")
# Words that frame a question and say nothing of its matter.
_SCAFFOLD = frozenset(
    "kind type sort brand used use using need needs make made like thing things really going want wants "
    "exactly actually tell know".split()
)
# A person's relative or associate ("Lok's grandfather", 阿輝嘅老婆): the question is about someone
# else, whom the documents describe; the named person's card does not answer it.
# Whether something is needed, asked (not a request to do it): "do I need to…?", "should we…?", 使唔使.
_WHETHER_NEEDED = re.compile(
    r"\b(?:do|does|did) (?:i|we|you|he|she|they) (?:really )?(?:need|have) to\b|\b(?:should|must) (?:i|we)\b"
    r"|\b(?:is|are) (?:he|she|they) needed\b|使唔使|洗唔洗|需唔需要|要唔要|需不需要|要不要|是否需要"
)
_SIDE_OF_PLACE = re.compile(r"\s*(?:嘅|的)?\s*(?:後面|前面|後邊|前邊|後便|前便|後尾|背後|後|前)")
_HOW_WRITTEN = re.compile(
    r"(?:點|點樣|怎麼|怎樣|如何)\s*寫|how (?:do (?:you|i|we) |is (?:it|that|this) )?(?:spell|written)"
)
# Something a person has, named with an object's measure word (阿玲部相機, 佢條 channel, 阿強嗰份工):
# a question about the thing, not about the person's card (個 and 嘅 are also 個名, 嘅演員: not these).
_OWNED = re.compile(
    r"PERSON2?\s*(?:嗰|呢|那|這)?\s*(?:條|部|架|間|隻|份|張|封|本|把|對|件|盒|支|枝|輛|副)\s*\S"
)
_KIN = re.compile(
    r"PERSON2?(?:['’]s|s')?\s*(?:嘅|的|個|个)?\s*(?:(?:late|dead|old|ex-?|big|little|elder|younger|older)\s+)?"
    r"(?:father|dad|mother|mum|mom|wife|husband|son|daughter|brother|sister|grand(?:father|pa|mother|ma|son|daughter)"
    r"|uncle|aunt|cousin|boss|friend|girlfriend|boyfriend|partner|family|parents?|kids?|children|baby|fianc[ée]e?"
    r"|老婆|老公|太太|丈夫|阿爸|爸爸|老豆|老竇|父親|阿媽|媽媽|老母|母親|阿爺|爺爺|祖父|阿嫲|嫲嫲|外公|外婆|公公"
    r"|哥哥|大佬|家姐|姐姐|細佬|弟弟|細妹|阿仔|兒子|個仔|個女|女兒|老細|老闆|朋友|女朋友|男朋友|家人|屋企人|未婚妻|未婚夫)",
    re.IGNORECASE,
)


def asks_card_field(folded: str) -> bool:
    """The message names a field of a person's or a place's card (agent.focus.FIELD_WORDS)."""
    from agent.focus import FIELD_WORDS, asks_story_pay

    story_pay = asks_story_pay(folded)
    return any(
        _has(folded, words) for name, words in FIELD_WORDS.items() if not (name == "rate" and story_pay)
    )


def _production_term(folded: str) -> bool:
    """The message names a production matter (a role, a department, kit, a document: knowledge/data/
    film_terms.yaml), not only a scene filter, and asks for no field of a card (contact, address,
    dates): "who's the contact there?" is the location card's."""
    return not asks_card_field(folded) and any(not term.filter for term in film_terms(folded))


_HOW_TO = re.compile(
    r"\bteach\b|\bhow (?:to|do you|does one)\b|\bexplain how\b|\brules of\b|教我|點樣玩|點玩|點計|如何|規則"
)


def production_matter(folded: str, lexicon: Lexicon, *, either_language: bool = True) -> bool:
    """Most of the question's own words are in the production's text (its script and documents), in
    either language unless told; a request to be taught something ("teach me how to…") is general
    knowledge whatever its words."""
    from agent.extract import content_terms

    if _HOW_TO.search(folded):
        return False

    terms = {t for t in content_terms(folded) if t not in _SCAFFOLD and (has_cjk(t) or len(t) >= 3)}
    terms = {t for t in terms if not t[0].isdigit()}
    if not terms:
        return False
    mentions = lexicon.mentions_in_either_language if either_language else lexicon.mentions
    found = [t for t in terms if mentions(t)]
    return 3 * len(found) >= 2 * len(terms) and any(has_cjk(t) or len(t) >= 4 for t in found)


_UNKNOWN_EN = re.compile(
    r"\b(?:is|does|has|did)\s+(?P<name>[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,2})\s+(?:in|appear|have|get|speak|show)\b"
    r"|\bscenes?\s+(?:with|for|featuring)\s+(?P<name2>[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,2})"
)
_UNKNOWN_ZH = re.compile(
    r"(?P<name>[A-Za-z][\w'\-]{2,}|[\u4e00-\u9fff]{2,4}?)\s*(?:喺邊幾場|有幾多場|有邊幾場|出現喺|喺邊場|有冇出場)"
)


def _inside(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and inner != outer


def text_of(u: Understanding) -> str:
    return u.text


def _unknown_person(text: str) -> str | None:
    """A person's name in a question about someone's scenes, when the lexicon does not know it."""
    match = _UNKNOWN_EN.search(text)
    if match:
        name = match.group("name") or match.group("name2")
        if name and name.split()[0].lower() not in ("the", "there", "it", "this", "that", "scene"):
            return name
    match = _UNKNOWN_ZH.search(text)
    if match is None:
        return None
    name = match.group("name")
    # "下雨嘅戲有邊幾場？" describes scenes; a name holds no possessive and no word for scenes or sets.
    return None if re.search(r"[嘅的之戲場景]", name) else name


# Words that carry no content of their own in a scene question (English); Chinese function
# characters are listed in _FUNCTION_CJK.
_FUNCTION_WORDS = frozenset(
    """a an the is are was were be do does did any anything there here which what who whom whose where when
    how show me list find give all every only just and or of in on at to for with from by about scene scenes
    sc shot shots please can could would you i we our my your it its this that these those them they some
    day days night nights dawn dusk interior interiors exterior exteriors int ext time set sets location
    locations page pages happen happens happening take takes place appear appears set many much have has
    number total""".split()
)
_FUNCTION_CJK = set(
    "嘅個咗喺係有冇啲呢嗰邊幾場戲出現咩乜嘢吓下請列所在拍攝的次了嗎呀啊㗎喎囉呀吖和同與及或是否哪些都全部所有夜日景內外頁第至到"
)


# Words for the whole production or a total: they scope a count ("in the whole script", 成個劇本一共),
# they are not a topic of their own.
_SCOPE = re.compile(
    r"(?:in|across|of|for|through)\s+(?:the|this|our)\s+(?:whole\s+|entire\s+)?"
    r"(?:script|screenplay|film|movie|production|show|draft)|\bin (?:total|all)\b|\baltogether\b"
    r"|成個劇本|全個劇本|整個劇本|成部戲|成套戲|整部戲|全劇|全片|劇本入面|劇本裡|劇本中|一共|總共|合共|加埋"
)


def _residue(text: str) -> list[str]:
    """Content words of a question once names, places and filter words are taken out."""
    text = _SCOPE.sub(" ", text)
    words = [w for w in re.findall(r"[a-z][a-z'\-]+", text) if w not in _FUNCTION_WORDS and len(w) > 2]
    cjk = [ch for ch in text if has_cjk(ch) and ch not in _FUNCTION_CJK]
    # Two Chinese characters make about one word.
    return words + ["".join(cjk[i : i + 2]) for i in range(0, len(cjk) - 1, 2)]


def _is_follow_up(folded: str) -> bool:
    if re.match(r"^\s*(and|what about|how about|only|just|now|also|same)\b", folded):
        return True
    if re.match(r"^\s*(咁|噉|那|那麼|而(?!家|今)|仲有|另外)", folded):  # 而家 is "now", not "and"
        return True
    if re.search(r"\b(instead|as well|too)\b|改返|換做", folded):
        return True
    if re.search(r"(呢|咧)\s*[?？]?\s*$", folded) and len(folded) <= 20:
        return True
    return _has(
        folded, ("of those", "of them", "of these", "those ones", "嗰啲", "呢啲", "其中", "當中", "入面邊啲")
    )


def _shot_ids(folded: str, lexicon: Lexicon) -> list[str]:
    """Shot ids in the text (12C, 7AA, 12A-C); a scene's own number (12A) only with the word shot."""
    found = [s.upper() for s in _SHOT_ID.findall(folded)]
    known = {n.upper() for n in lexicon.scene_numbers}
    return [s for s in found if s not in known or _has(folded, ("shot", "鏡"))]


def _intent(u: Understanding, folded: str, lexicon: Lexicon, today: date | None) -> Intent:
    """Pick the intent. Order matters: the most specific requests are recognised first."""
    if u.cannot in ("weather", "book", "pay", "budget", "delete_scene", "send", "advice", "online", "world"):
        # "Email the cast tomorrow's call sheet": Slate cannot send; it says so and what it can make
        # instead, rather than half-doing the request.
        return "cannot"
    if _has(folded, SHOT_CHANGE) or (u.media and _has(folded, ("cut", "cuts"))):
        return "shot_changes"
    if _has(folded, TRANSCRIBE) or (u.media and _has(folded, SUBTITLES)):
        return "transcribe"
    # "…the breakdown keeps missing him. Which scenes is he in?": the breakdown is the reason told, the
    # question asks for someone's scenes.
    asked = _asked_clause(folded)
    someones_scenes = (
        asked != folded
        and bool(u.characters)
        and _has(asked, SCENE_LIST)
        and not _has(asked, BREAKDOWN)
        and not _first_key(asked, DEPARTMENT_WORDS)
    )
    department = None if someones_scenes else _department_asked(folded)
    if department and _has(folded, SHOT_LIST):
        department = (
            None  # "a shot list for scene 7 with a drone shot": the drone is a shot, not a department
        )
    u.department = department
    if _has(folded, REVISION_WORDS) and not _has(folded, SUBTITLES):
        return "revisions"
    if _has(folded, BREAKDOWN) and not (_has(folded, _SHOT_WORDS) or u.style or someones_scenes):
        return "breakdown"  # "break it down into shots" is a shot list (below)
    if department and (u.scenes or u.locations) and u.count_question:
        return "breakdown"  # "how many stunt performers in scene 17?": that scene's breakdown
    if department and u.scenes and not u.characters and ASKS_WHAT.search(folded):
        return "breakdown"  # "第三場有咩道具？", "what props does scene 3 need?"
    if (
        department
        and (_has(folded, LIST_WORDS) or _has(folded, SCENE_LIST))
        and not u.scenes
        and not u.characters
    ):
        return "department_list"  # "props list", "all stunts", 道具清單, 邊幾場有特技
    if _has(folded, SUBTITLES) or u.files:
        u.dates = []
        if _has(folded, SUBS_MERGE):
            return "subs_merge"
        if _has(folded, SUBS_TRANSLATE):
            return "subs_translate"
        if u.shift_seconds is not None and _has(folded, (*SUBS_SHIFT, "by", "move", "移")):
            return "subs_shift"
        if u.target_script or _has(folded, SUBS_CONVERT):
            return "subs_convert"
        if _has(folded, SUBS_FIX):
            return "subs_fix"
        return "subs_check"
    shot_ids = _shot_ids(folded, lexicon)
    if _has(folded, SHOT_LIST) and not _has(folded, EDIT_VERBS):
        # "shot list for 12A, lots of close-ups": 12A is the scene the list is for, not a shot to edit.
        scenes = {n.upper() for n in lexicon.scene_numbers}
        shot_ids = [i for i in shot_ids if i.upper() not in scenes]
    if shot_ids and (
        _has(folded, EDIT_VERBS)
        or u.shot_size
        or _first_key(folded, MOVEMENT_WORDS)
        or _first_key(folded, ANGLE_WORDS)
    ):
        u.shot_ids = shot_ids
        return "edit_shot"
    if u.remove and _has(folded, (*SHOT_LIST, "shot", "鏡頭")):
        return "edit_shot"  # "delete the shot list": which shot? (the planner asks)
    # A style word is a shot list's style only where the message is about shooting or a scene: 動作 is
    # also the script's action ("睇埋動作嗰啲"), 正常 and 傳統 are everyday words.
    styled = u.style and (u.scenes or _has(folded, _SHOOTING)) and not _has(folded, SCHEDULE)
    # "第五場第一個鏡頭用航拍": how a scene's shots go is its shot list.
    opens = bool(u.scenes) and bool(_FIRST_SHOT.search(folded)) and not folded.rstrip().endswith(("?", "？"))
    if _has(folded, SHOT_LIST) or _PLAN_SHOTS.search(folded) or styled or opens:
        if _has(OPENING_SHOT.sub(" ", folded), SHOW_WORDS) and not _has(
            folded, ("draft", "make", "create", "generate", "出", "整", "做")
        ):
            return "show_shot_list"
        return "shot_list"
    if _has(_asked_clause(folded), CALL_SHEET):
        # Not a call sheet named only in a remark beside the question ("幾多場夜戲？要同 DP 傾 call time。").
        return "call_sheet"
    if (_has(folded, UNAVAILABLE) or _CANT_WORK.search(folded)) and (u.characters or u.locations):
        u.dates = extract_dates(folded, lexicon.plan_start, today)
        if u.dates:
            return "unavailable"
        if _ASKS_WHEN_FREE.search(folded) and len(u.characters) + len(u.locations) == 1:
            # "細佬幾時唔得閒開工？", "when is the rooftop unavailable?": the dates on the card.
            u.pinned = True
            return "character_report" if u.characters else "location_report"
    if PLAN_SETTING.search(folded) and not (u.scenes or u.characters or u.locations or u.dates):
        return "plan_settings"  # "when do we start shooting?", "一日拍幾多個鐘？": the plan's own settings
    if _has(folded, SCHEDULE):
        return "schedule"
    # "a new scene where Mei…" describes the writing; it is not a question.
    asks = re.sub(r"(?<![a-z])(?:scene|one|bit|moment)\s+where(?![a-z])", " ", folded)
    if u.free_writing and not _has(asks, ("which", "what", "where", "who", "邊", "咩", "乜")):
        return "free_writing"
    if _has(_asked_clause(folded), DOC_TOPICS) and not _has(folded, SCENE_LIST):
        # (A topic in the reason told before the question is the asker's: "I need to book the
        # generator: which scenes are at night?" asks for scenes.)
        # "Is the rain tower booked for scene 1?", 導演想第二十場用咩鏡頭？: the documents answer.
        return "search"
    if u.scenes and not u.has_filters:
        return "scene_details" if len(u.scenes) == 1 or _has(folded, DETAIL) else "find_scenes"
    if u.scenes and _has(folded, DETAIL) and not _has(folded, SCENE_LIST):
        return "scene_details"
    if u.locations and not u.scenes and not _has(folded, SCENE_LIST) and _production_term(folded):
        return "search"  # "茶樓租一日要幾錢？", "is there parking at the pier?": a production matter there
    if u.locations and not u.characters and _has(folded, LOC_REPORT) and not _has(folded, SCENE_LIST):
        return "location_report"
    if u.characters and len(u.characters) >= 2 and u.shared:
        return "character_report"
    if u.characters and _has(folded, FIRST_WORDS):
        return "character_report"
    # "How many night scenes is Mei in?" counts scenes that pass filters: find_scenes answers that.
    scene_filters = bool(u.locations or u.time_of_day or u.int_ext or u.pages)
    if (
        u.characters
        and _has(folded, CHAR_REPORT)
        and not _has(folded, (*SCENE_LIST, "scene", "scenes"))
        and not scene_filters
    ):
        return "character_report"
    if u.characters and u.count_question and not scene_filters:
        return "character_report"
    if u.has_filters and not u.scenes and len(u.residue) >= 2 and not _has(folded, SCENE_LIST):
        # "What lens does the director want for the rooftop fight?": names a place, but asks about
        # something the documents say, not which scenes.
        return "search"
    if len(u.scenes) == 1 and u.residue and not scene_filters:
        return "scene_details"  # "第三場Kelvin將USB收喺邊？": a question about what happens in one scene
    if u.has_filters or u.scenes:
        return "find_scenes"
    unknown = None if u.relative_of else _unknown_person(text_of(u))
    if unknown:
        # A name the production does not know: ask the tool anyway, so the answer says so and offers
        # the nearest names instead of searching at random.
        u.characters = [unknown]
        return "character_report"
    if _has(folded, THANKS):
        return "thanks"
    # An empty message gets the help text, not a search for nothing.
    if _has(folded, HELP) or folded.strip(" !?？！.。") in (*GREETING, ""):
        return "help"
    if _has(folded, OVERVIEW):
        return "overview"
    if u.free_writing:
        return "free_writing"
    return "search"
