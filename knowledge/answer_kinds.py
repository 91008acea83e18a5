"""What kind of answer a question asks for, and whether a text holds one.

"How much…?" is answered by an amount, "when…?" by a time or a date, "what number…?" by a number,
"who…?" by someone's name. Retrieval prefers passages that hold the kind asked for
(knowledge.retrieval) and the sentence reader prefers sentences that do (agent.extract). One table for
both, in English, written Chinese and Cantonese.
"""

from __future__ import annotations

import re
from typing import Literal

AnswerKind = Literal["amount", "when", "number", "who"]

AMOUNT = re.compile(
    r"[$＄]\s*\d|\d{1,3}(?:,\d{3})+|\d{3,}|\d+(?:\.\d+)?\s*(?:萬|千|百|蚊|元|dollars?|hkd|k\b)"
    r"|[一二三四五六七八九十兩百千萬]+\s*(?:萬|千|蚊|元)"
    # A Chinese number with its magnitude said on its own (六十, 八百, 三千五): a reply's amount.
    r"|(?<![第一二三四五六七八九十兩百千萬])(?:[一二三四五六七八九兩][十百千萬][一二三四五六七八九]?|十[一二三四五六七八九])"
    r"(?![一二三四五六七八九十百千萬號點月日年場個次分歲])"
)
# Money for certain (a currency or a money unit): what a passage must hold to rise for "how much?".
# Bare digits are left out: plate numbers and times are not amounts.
MONEY = re.compile(
    r"(?:HK)?[$＄]\s*\d|\d+(?:[.,]\d+)*\s*(?:萬|千|蚊|元|dollars?|hkd|k\b)"
    r"|[一二三四五六七八九十兩百千]+\s*(?:萬|千|蚊|元|皮)",
    re.IGNORECASE,
)
WHEN = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\d{1,2}:\d\d|\d+\s*(?:am|pm|號|月|年|點)|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|星期|禮拜|\b(?:january|february|march|april|may|june|july|august|september|october"
    r"|november|december)\b"
    # Chinese numerals: a year digit by digit (一九七八年), a month (三月), a day of the month (五號).
    r"|[一二三四五六七八九零〇]{4}\s*年|(?:十[一二]?|[一二三四五六七八九])\s*月|[一二三四五六七八九十廿卅]+\s*號"
    # A time of the clock in Chinese numerals: 六點二十, 三點一刻, 十二點四十分, 一點鐘, 七點半 (not 快一點,
    # "a little quicker": the hour is followed by its minutes, 鐘, 半 or a quarter).
    r"|(?:十[一二]?|[一二三四五六七八九兩])\s*點\s*(?:鐘|半|[一二三兩]\s*個?\s*刻|[一二三四五六七八九十兩]+\s*個\s*字"
    r"|[零一二三四五六七八九十]+\s*分?)"
    r"|(?:十[一二]?|[二三四五六七八九兩])\s*點(?=[。，！？、…\s]|$)",
    re.IGNORECASE,
)
ASKS_AMOUNT = re.compile(
    r"how (?:much|many)|幾多|多少|幾錢|幾個|幾耐|what (?:amount|price|sum)|cost", re.IGNORECASE
)
# "How many safes?" asks a count, which a sentence gives with a measure word (九十九個夾萬, 三架車), in
# digits ("8 screws") or in English words ("twelve minutes" aside, which DURATION reads): AMOUNT leaves
# these out, as a count is not a sum of money.
# Chinese measure words a count is said with (九十九個, 三架, 四十七張).
_MEASURE = "個|隻|張|間|部|架|次|條|位|把|件|支|粒|本|封|對|雙|層|杯|碗|款|種|盒|箱|樽|包|顆|棵|艘|場|名"
ASKS_COUNT = re.compile(
    r"how many|(?:幾|幾多|多少)\s*(?:" + _MEASURE + ")",
    re.IGNORECASE,
)
COUNTED = re.compile(
    r"(?<![第\d])[一二三四五六七八九十兩百千萬]+\s*(?:" + _MEASURE + ")"
    r"|(?<![\d:./-])\b\d+\b(?![:./-]\d)"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundred|thousand)\b",
    re.IGNORECASE,
)
ASKS_MONEY = re.compile(
    r"how much|幾多錢|多少錢|幾錢|幾多|多少|what (?:amount|price|sum)|cost", re.IGNORECASE
)
ASKS_NUMBER = re.compile(
    r"what(?:'s| is)? (?:[\w'’]+ ){0,3}number|which number|幾號|幾多號|咩號碼|什麼號碼"
    # An ordinal: 記到第幾架？ is answered by 第二千三百四十七架 (a scene's 第幾場 is routed before this).
    r"|第幾(?!場)"
    # A code asked for by its name: 通知書嘅編號, 車牌號碼, 登記號碼 (answered by "MD/FILM/33/0442").
    r"|編號|號碼|编号|号码|登記號|牌照號|參考號",
    re.IGNORECASE,
)
ASKS_WHEN = re.compile(
    r"\bwhen\b|(?:what|which) (?:year|time|date|day|hours)|how (?:late|early)|until what|till what|by what time"
    r"|幾時|幾點|哪一?年|邊一?年|何時|幾號|幾月|(?:邊|哪)(?:一|個)?(?:日|天|晚|夜|月)|(?:星期|禮拜|週)幾|[甚什]麼時候|咩時候",
    re.IGNORECASE,
)
# A time of the clock, asked and given: "what time", "how late", 幾點 — answered by 23:00, 7pm, 六點.
ASKS_CLOCK = re.compile(
    r"what time|what hours|how (?:late|early)|until what time|till what time|by what time|幾點|几点|幾多點",
    re.IGNORECASE,
)
CLOCK = re.compile(
    r"\b\d{1,2}[:：]\d\d\b|\b\d{1,2}\s*(?:am|pm)\b|[\d一二三四五六七八九十]+\s*點", re.IGNORECASE
)
ASKS_WHO = re.compile(
    r"\bwho(?:'s|m)?\b|what(?:'s| is) (?:the|his|her|their) name|邊個|邊位|誰|哪位|叫(?:甚麼|什麼|咩|乜)名",
    re.IGNORECASE,
)
# Which company, shop or firm ("係同邊間公司簽？", "which bank?"): answered by a name, like "who?".
ASKS_WHICH_FIRM = re.compile(
    r"\b(?:which|what)\s+(?:company|firm|shop|store|bank|restaurant|label|agency|supplier|vendor|studio)\b"
    r"|(?:邊|哪)(?:間|家|一間|一家)|(?:咩|乜|甚麼|什麼|什么)(?:公司|舖頭|舖|店|銀行|酒樓|餐廳|唱片公司)",
    re.IGNORECASE,
)
# How long something lasts ("how long is he in hospital?", 要留院幾耐？) — answered by a
# duration (six weeks, 三個月) — and whom to go to ("泊車問題搵邊個？", "who do I call about…") — answered
# by a contact: a phone number or someone's role.
ASKS_DURATION = re.compile(
    r"how long|how many (?:more )?(?:years|months|weeks|days|hours|minutes|seconds|nights)\b|幾耐|多久|多長時間|幾長時間"
    r"|(?:幾|幾多|多少)(?:個)?(?:年|月|星期|禮拜|小時|個鐘|分鐘|秒)",
    re.IGNORECASE,
)
DURATION = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a couple of"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
    r"\s+(?:more\s+)?(?:weeks?|days?|months?|hours?|years?|nights?|minutes?|seconds?)\b"
    r"|[\d一二三四五六七八九十廿兩幾半]+\s*(?:個)?(?:禮拜|星期|週|周|月|日|天|晚|小時|個鐘|鐘頭|年|分鐘|秒)",
    re.IGNORECASE,
)
ASKS_CONTACT = re.compile(
    r"who (?:do|should|can) (?:i|we) (?:call|ask|contact|talk to|go to)|who(?:'s| is) in charge|contact for"
    r"|搵邊個|找誰|問邊個|聯絡邊個|聯絡誰|邊個負責|誰負責",
    re.IGNORECASE,
)
CONTACT = re.compile(
    r"\+?852\s*\d{4}\s*\d{4}|\b\d{4}\s\d{4}\b|\b(?:coordinator|manager|supervisor|in charge|contact|liaison)\b"
    r"|統籌|負責|聯絡|經理|主管",
    re.IGNORECASE,
)
# Where something is kept, hidden or put ("where does she keep the key?", 將封信收埋喺邊？) — answered
# by a sentence that places a thing: in, under or behind something, 放入、收喺、喺…底下.
ASKS_WHERE_PUT = re.compile(
    r"\bwhere\b.*\b(?:keep|keeps|kept|hide|hides|hid|hidden|put|puts|stash|stashes|stashed|store|stores|"
    r"stored|leave|leaves|left)\b|(?:收埋|收|藏|放|擺|留|匿)(?:咗|低|埋|起)?(?:喺|在|到)(?:邊|哪)",
    re.IGNORECASE,
)
PLACED = re.compile(
    r"\b(?:in|into|inside|under|underneath|beneath|behind|inside of|at the bottom of)\s+(?:the|a|an|his|her|their|its)\b"
    r"|放入|放喺|收喺|收返喺|收埋喺|塞入|塞喺|藏喺|藏在|放在|擺喺|底下|下面|入面|裡面|裏面|後面",
    re.IGNORECASE,
)
# "Is the glass real?", 啲錢係咪真㗎？: asked of a prop, an effect or a sound, answered by how it is
# faked (sugar glass, prop money, a library sound, a replica) more than by the story's words.
ASKS_REAL = re.compile(
    r"\b(?:is|are|was|were)\s+(?:it|they|that|those|these|the\s+[\w\s'’-]{1,30}?)\s+(?:really\s+|actually\s+)?real\b"
    r"|\breal or (?:fake|not)\b|\bfor real\b|\bactually (?:use|fly|light|burn|break)"
    r"|係咪真|是不是真|是否真|真定假|真唔真|係唔係真|用真|點真",
    re.IGNORECASE,
)
STAGED = re.compile(
    r"\b(?:replicas?|props?|fake|dummy|dummies|rubber|sugar glass|breakaway|cgi?|vfx|in post|library|sound effects?"
    r"|stand-ins?|mock|non-flying|blanks?|gas bars?|propane|safety glass|resin|foam|plates?)\b"
    r"|道具|假|仿製|仿真|模型|後期|特效|音效|聲效|糖玻璃|橡膠|石油氣|煤氣|鍍",
    re.IGNORECASE,
)
# A person named in a sentence: a title and a name, a romanised name (Ho Chun-wai, Mak Chi-ming), or a
# Chinese name followed by its romanisation (何俊 Ho Chun) — how crew lists and notes write people.
NAMED = re.compile(
    r"\b(?:mr|mrs|ms|miss|dr|madam|uncle|auntie)\.?\s+[A-Z\u4e00-\u9fff]"
    r"|\b[A-Z][a-z]+(?:[ -][A-Z]?[a-z]+)*[ -][A-Z][a-z]+\b"
    r"|[\u4e00-\u9fff]{2,3}\s+[A-Z][a-z]+"
    r"|[\u4e00-\u9fff]{1,3}(?:先生|小姐|太太|師傅|導演|姐|哥)(?![\u4e00-\u9fff]{2})"
    # A Chinese full name standing on its own between stops (a letter's signature: 「…即日搬走。」陳大文。)
    r"|(?:^|(?<=[。，、：；」』\s]))[陳李張黃何吳劉林鄭梁謝郭羅馬楊朱胡曾彭蕭蔡潘袁許鄧馮盧葉蘇莫蔣余杜程魏呂丁沈任姚"
    r"傅鍾姜崔譚廖范汪陸金石戴賈韋夏邱方侯鄒熊孟秦白江閻薛尹段雷黎史龍陶賀顧毛郝龔邵萬錢嚴覃武洪周高][\u4e00-\u9fff]{1,2}"
    r"(?=$|[。，、：；「『\s])"
)


def money_asked(question: str) -> bool:
    """The question asks how much money (not how many scenes or people)."""
    if not ASKS_MONEY.search(question):
        return False
    if re.search(r"幾多人|幾多頁|幾多日|多少人|多少頁|多少天", question) or (
        ASKS_COUNT.search(question) and not _MONEY_NAMED.search(question)
    ):
        return False  # a count: how many scenes, people, tickets
    # "車速是多少？", "how much does it weigh?": a quantity that is not money, unless money is named too.
    return not (_OTHER_QUANTITY.search(question) and not _MONEY_NAMED.search(question))


# Quantities asked with the words of "how much" that are not money: a speed, a temperature, a weight,
# a distance, a height, an age, a score, a share.
_OTHER_QUANTITY = re.compile(
    r"\b(?:speed|fast|temperature|degrees?|hot|cold|weigh[st]?|weight|heavy|far|distance|tall|height|high|deep"
    r"|long|length|old|age|score|points?|percent|per cent|volume|loud)\b"
    r"|速|溫度|幾度|多少度|幾熱|幾凍|幾重|多重|重量|公斤|斤|距離|幾遠|多遠|幾高|多高|身高|幾長|多長|幾深|年紀|歲|分數|幾分|百分",
    re.IGNORECASE,
)
_MONEY_NAMED = re.compile(
    r"\b(?:money|cost|costs|price|pay|paid|fee|fees|rent|salary|wage|budget|owe|owes|owed|debt|worth|spend|spent"
    r"|charge|charged|dollars?|hk\$|bill|deposit|fine)\b|錢|蚊|價|費|租|人工|薪|欠|債|預算|成本|收費|賠|罰",
    re.IGNORECASE,
)


# What a figure counts or measures when it is not money: "150 米", "一百二十萬人", "一千二百個位", "8 h".
_NOT_MONEY_AFTER = re.compile(
    r"\s*(?:米|公尺|公里|公斤|千克|克|度|°|%|％|mm\b|cm\b|km\b|kg\b|m\b|g\b|人|個(?!月)|位|張|隻|架|部|間|場|頁|次|分鐘|秒|小時|個鐘|年|歲"
    r"|metres?\b|meters?\b|kilometres?\b|kilos?\b|people\b|persons?\b|seats?\b|views?\b|viewers?\b|subscribers?\b"
    r"|minutes?\b|seconds?\b|hours?\b|years?\b|pages?\b|scenes?\b|degrees?\b|percent\b|storey)",
    re.IGNORECASE,
)


def states_money(text: str) -> bool:
    """Whether a text states a sum of money: a figure (AMOUNT) that does not count people or seats or
    measure metres or minutes ("一百二十萬人睇咗" is an audience, not a sum)."""
    text = _DATES_AND_TIMES.sub(" ", text)
    for match in AMOUNT.finditer(text):
        end = match.end()
        while end < len(text) and text[end] in _NUMERAL_CHARS:
            end += 1  # the whole figure: 一千 of 一千二百個位
        if end > match.end() and text[end - 1] == "一":
            end -= 1  # 六萬一個月, 三萬一年: "a month", "a year" after the sum, which stays money
        if _CURRENCY.search(text[max(0, match.start() - 4) : end + 2]) or not _NOT_MONEY_AFTER.match(
            text, end
        ):
            return True
    return False


_NUMERAL_CHARS = frozenset("一二三四五六七八九十兩百千萬零〇0123456789,.")
_CURRENCY = re.compile(r"[$＄蚊元]|hk\$|hkd|dollar|皮", re.IGNORECASE)
_DATES_AND_TIMES = re.compile(
    r"(?<![$＄\d,])\b(?:19|20)\d\d\b(?!\d|,\d)|\b\d{1,2}[:：]\d\d\b|\b\d{4}-\d\d-\d\d\b"
)


def holds_money(text: str) -> bool:
    return MONEY.search(text) is not None
