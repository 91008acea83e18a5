"""Scene headings in English and Chinese: `INT. 茶餐廳 CHA CHAAN TENG - NIGHT`, `內景。茶餐廳 - 夜`.

No screenplay library parses Chinese headings (screenplain, Jouvence and afterwriting only know
INT/EXT), so this grammar is our own; docs/screenplay-formats.md describes it.

A heading is `[number] PREFIX SEP LOCATION [SEP TIME] [#number#]`:
- PREFIX: INT, EXT, EST, INT./EXT., INT/EXT, I/E, E/I (any case), Russian ИНТ/НАТ, and
  內景/外景/內外景 (Simplified 内景/外景/内外景), 內/外 alone, 內/外 together.
- SEP after the prefix: `.` `。` `：` `:` ` - ` or spaces.
- TIME: the last piece after ` - `, ` – `, ` — `, `--`, `-`, `，`, `,` (or, for Chinese, a space)
  that names a time of day. Location keeps everything else whole, bilingual names and
  sub-locations included (`POLICE STATION - INTERROGATION ROOM`).

Relaxed headings (plain text, DOCX, PDF, where there is no Fountain syntax to lean on) may also
carry scene numbers (`12.`, `12A`, `第12場`, `SC 12`, a number repeated at the right margin) and
use the Chinese token order common in mainland scripts (`1. 咖啡館 日 內`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from knowledge.numerals import digits_in
from knowledge.screenplay import IntExt, TimeOfDay

# Ideographs (with extensions), kana and hangul: the characters that have no case and print
# double width.
CJK = re.compile(
    r"[\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]"
)

# Time of day words → the four values crews schedule by. MORNING/AFTERNOON are daylight (DAY);
# EVENING is fading light (DUSK), as 傍晚 is, while 晚上 (evening, after dark) is NIGHT; 凌晨 and 深夜
# are NIGHT (it is dark), 晨/清晨/黎明 are DAWN.
TIME_WORDS: dict[str, TimeOfDay] = {
    # English
    "DAY": "DAY",
    "DAYTIME": "DAY",
    "MORNING": "DAY",
    "LATE MORNING": "DAY",
    "AFTERNOON": "DAY",
    "LATE AFTERNOON": "DAY",
    "NOON": "DAY",
    "MIDDAY": "DAY",
    "NIGHT": "NIGHT",
    "NIGHTTIME": "NIGHT",
    "LATE NIGHT": "NIGHT",
    "MIDNIGHT": "NIGHT",
    "PRE-DAWN": "NIGHT",
    "DAWN": "DAWN",
    "SUNRISE": "DAWN",
    "DAYBREAK": "DAWN",
    "FIRST LIGHT": "DAWN",
    "EARLY MORNING": "DAWN",
    "DUSK": "DUSK",
    "SUNSET": "DUSK",
    "MAGIC HOUR": "DUSK",
    "TWILIGHT": "DUSK",
    "EVENING": "DUSK",
    # Chinese (Traditional and Simplified)
    "日": "DAY",
    "日間": "DAY",
    "日间": "DAY",
    "白天": "DAY",
    "白日": "DAY",
    "天": "DAY",
    "早上": "DAY",
    "早晨": "DAY",
    "上午": "DAY",
    "中午": "DAY",
    "正午": "DAY",
    "下午": "DAY",
    "午後": "DAY",
    "午后": "DAY",
    "夜": "NIGHT",
    "夜晚": "NIGHT",
    "夜間": "NIGHT",
    "夜间": "NIGHT",
    "晚": "NIGHT",
    "晚上": "NIGHT",
    "深夜": "NIGHT",
    "午夜": "NIGHT",
    "半夜": "NIGHT",
    "凌晨": "NIGHT",
    "深宵": "NIGHT",
    "夜深": "NIGHT",
    "晨": "DAWN",
    "清晨": "DAWN",
    "黎明": "DAWN",
    "拂曉": "DAWN",
    "拂晓": "DAWN",
    "破曉": "DAWN",
    "破晓": "DAWN",
    "日出": "DAWN",
    "黃昏": "DUSK",
    "黄昏": "DUSK",
    "傍晚": "DUSK",
    "日落": "DUSK",
    "薄暮": "DUSK",
    # Japanese and Russian, for the corpus scripts written in them
    "朝": "DAY",
    "昼": "DAY",
    "夕方": "DUSK",
    "ДЕНЬ": "DAY",
    "УТРО": "DAY",
    "НОЧЬ": "NIGHT",
    "ВЕЧЕР": "DUSK",
    "РАССВЕТ": "DAWN",
    "ЗАКАТ": "DUSK",
}

# Times that say "same as the scene before": build_scenes gives these the previous scene's time.
INHERITED_TIMES = frozenset(
    {
        "CONTINUOUS",
        "CONT",
        "CONT.",
        "CONTINUED",
        "LATER",
        "MOMENTS LATER",
        "A MOMENT LATER",
        "MOMENT LATER",
        "A FEW MOMENTS LATER",
        "SECONDS LATER",
        "MINUTES LATER",
        "SAME",
        "SAME TIME",
        "SIMULTANEOUS",
        "連續",
        "连续",
        "稍後",
        "稍后",
        "同時",
        "同时",
        "片刻後",
        "片刻后",
        "續",
        "续",
        "接上場",
        "接上场",
        "接前場",
        "接前场",
    }
)

_ENGLISH_TIME_SEARCH = re.compile(
    r"\b(MAGIC HOUR|FIRST LIGHT|EARLY MORNING|LATE NIGHT|PRE-DAWN|SUNSET|SUNRISE|DAYBREAK|DAWN|DUSK|"
    r"TWILIGHT|EVENING|MIDNIGHT|NIGHTTIME|NIGHT|MORNING|AFTERNOON|MIDDAY|NOON|DAYTIME|DAY)\b"
)
_ENGLISH_INHERIT_SEARCH = re.compile(r"\b(CONTINUOUS|CONTINUED|LATER|SAME|SIMULTANEOUS)\b")
_CJK_TIME_BY_LENGTH = sorted((w for w in TIME_WORDS if CJK.search(w)), key=len, reverse=True)

_ENGLISH_PREFIX = re.compile(
    r"(?P<prefix>INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT|I\.?\s*/\s*E|E\.?\s*/\s*I|INT|EXT|EST|ИНТ\.?\s*/\s*НАТ|ИНТ|НАТ)"
    r"(?P<sep>\.\s*|。\s*|：\s*|:\s*|\s+-+\s+|\s+)(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_CHINESE_PREFIX = re.compile(
    r"(?P<prefix>內外景|内外景|外內景|外内景|內/外景|内/外景|內景|内景|外景|內/外|内/外|內|内|外)"
    r"(?P<sep>[.。．：:]\s*|\s*[-–—－]+\s*|\s+|[，,、]\s*)?(?P<rest>\S.*)?$"
)
_PREFIX_TO_INT_EXT: dict[str, IntExt] = {
    "INT": "INT",
    "EXT": "EXT",
    "EST": "EXT",  # an establishing shot is an exterior
    "ИНТ": "INT",
    "НАТ": "EXT",
    "內景": "INT",
    "内景": "INT",
    "內": "INT",
    "内": "INT",
    "外景": "EXT",
    "外": "EXT",
}

_STRICT_START = re.compile(r"\s*[IEieИНин內内外]")
_RELAXED_START = re.compile(r"\s*(?:[IEieИНин內内外第Ss\d０-９]|\S{1,12}\s)")
_FOUNTAIN_NUMBER = re.compile(r"\s*#(?P<num>[\w.\-]+)#\s*$")
_LEADING_NUMBER = re.compile(
    r"^\s*(?:第\s*(?P<zh>[0-9０-９零〇一二三四五六七八九十百]+[A-Za-z]?)\s*[場场集幕]\s*[：:.、，,]?\s*"
    r"|(?:(?:SC|SCENE|場|场)\.?\s*)?(?P<num>\d+[A-Za-z]{0,2}(?:[-.][0-9A-Za-z]{1,3})?)(?:[.、:：)]\s*|\s+))",
    re.IGNORECASE,
)
_TRAILING_NUMBER = re.compile(r"\s{2,}(?P<num>\d+[A-Za-z]{0,2}(?:[-.][0-9A-Za-z]{1,3})?)\s*$")

# Separators between location and time, tried from the right: dashes with spaces, `--`, long
# dashes and commas first; a bare hyphen (`医院-天`) only after those, as it also joins words
# (`7-ELEVEN`, `PRE-DAWN`).
_TIME_SEPARATORS = re.compile(r"\s+[-–—－─]+\s+|\s*--+\s*|\s*——\s*|\s*[–—－─]\s*|\s*[,，、]\s*")
_WEAK_SEPARATOR = re.compile(r"-")
_SENTENCE_END = re.compile(r"[。！？!?…]\s*$")
_PARENTHESES = re.compile(r"\s*[(（][^()（）]*[)）]\s*")


@dataclass(frozen=True, slots=True)
class HeadingParts:
    """A scene heading taken apart. `time_raw` is as written; `time_of_day` is normalised
    (None when the heading names no time, or one that only says "continuous")."""

    int_ext: IntExt | None
    location: str
    time_of_day: TimeOfDay | None
    time_raw: str | None
    scene_number: str | None
    inherits_time: bool = False  # CONTINUOUS, LATER, 連續, 稍後: takes the previous scene's time


def split_scene_number(text: str, *, relaxed: bool = False) -> tuple[str, str | None]:
    """Remove a scene number from a heading: Fountain `#12A#` at the end; with `relaxed`, also a
    leading `12.`/`第12場`/`SC 12` and the same number repeated at the right margin."""
    match = _FOUNTAIN_NUMBER.search(text)
    if match:
        return text[: match.start()].rstrip(), match.group("num")
    if not relaxed:
        return text.strip(), None
    match = _LEADING_NUMBER.match(text)
    if not match:
        return text.strip(), None
    number = digits_in(match.group("zh")) if match.group("zh") else match.group("num")
    rest = text[match.end() :]
    trailing = _TRAILING_NUMBER.search(rest)
    if trailing and trailing.group("num").upper() == number.upper():
        rest = rest[: trailing.start()]
    return rest.strip(), number.upper()


def _prefix(text: str, *, strict: bool) -> tuple[IntExt | None, str] | None:
    """(int_ext, rest) when `text` starts with a heading prefix."""
    match = _ENGLISH_PREFIX.match(text)
    if match:
        prefix = re.sub(r"[.\s]", "", match.group("prefix")).upper()
        int_ext: IntExt = "INT/EXT" if "/" in prefix else _PREFIX_TO_INT_EXT[prefix]
        return int_ext, match.group("rest")
    match = _CHINESE_PREFIX.match(text)
    if not match:
        return None
    prefix, sep, rest = match.group("prefix"), match.group("sep"), match.group("rest") or ""
    if not rest:
        return None
    single = len(prefix) == 1 or prefix.endswith("/外")
    comma = bool(sep) and sep.strip() in ("，", ",", "、")
    if (single and (not sep or comma)) or (strict and not sep):
        # 內/外 alone are everyday characters (外面, 內容): only a real separator makes them a prefix.
        return None
    if len(text) > 60 or _SENTENCE_END.search(text):
        return None
    if not sep and _split_location_time(rest)[1] is None:
        # `外景地點待定` is a sentence; `內景茶餐廳－夜` (no separator, but a time) is a heading.
        return None
    return ("INT/EXT" if "/" in prefix or len(prefix) == 3 else _PREFIX_TO_INT_EXT[prefix]), rest


_INT_EXT_TOKENS: dict[str, IntExt] = {
    "內": "INT",
    "内": "INT",
    "內景": "INT",
    "内景": "INT",
    "外": "EXT",
    "外景": "EXT",
    "內外": "INT/EXT",
    "内外": "INT/EXT",
    "內/外": "INT/EXT",
    "内/外": "INT/EXT",
    "內外景": "INT/EXT",
    "内外景": "INT/EXT",
    "INT": "INT",
    "INT.": "INT",
    "EXT": "EXT",
    "EXT.": "EXT",
}


def _token_heading(text: str) -> tuple[IntExt | None, str, str | None] | None:
    """Mainland token order, `咖啡館 日 內` / `日 內 咖啡館`: (int_ext, location, time) or None."""
    if len(text) > 40 or _SENTENCE_END.search(text) or not CJK.search(text):
        return None
    tokens = re.split(r"[\s/／|｜]+", text.strip())
    int_ext: IntExt | None = None
    time: str | None = None
    location: list[str] = []
    for token in tokens:
        if int_ext is None and token in _INT_EXT_TOKENS:
            int_ext = _INT_EXT_TOKENS[token]
        elif time is None and _PARENTHESES.sub("", token) in TIME_WORDS:
            time = token
        else:
            location.append(token)
    if int_ext is None or time is None or not location:
        return None
    return int_ext, " ".join(location), time


_OMITTED_LINE = re.compile(
    r"^(?:\d+[A-Z]{0,2}\s+)?(?:OMITTED|OMIT|DELETED|刪除|刪去)(?:\s+\d+[A-Z]{0,2})?\s*(?:#[^#]+#)?$",
    re.IGNORECASE,
)


def is_heading(line: str, *, relaxed: bool = False) -> bool:
    """Whether `line` (without Fountain's forcing `.`) is a scene heading.

    Strict (Fountain) needs a prefix; `relaxed` (plain text, DOCX, PDF) also accepts scene numbers
    before the prefix and Chinese token order when a scene number or int/ext token and a time are there.
    """
    if _OMITTED_LINE.match(line.strip()) and ("#" in line or (relaxed and line.strip()[:1].isdigit())):
        return True  # `OMITTED #14#`, and in plain text `14 OMITTED`: a cut scene that keeps its number
    if not (_RELAXED_START if relaxed else _STRICT_START).match(line):
        return False  # most lines: no heading can start with their first character
    text, _ = split_scene_number(line.strip(), relaxed=relaxed)
    if not text:
        return False
    if _prefix(text, strict=not relaxed) is not None:
        return True
    if not relaxed:
        return False
    return _token_heading(text) is not None


def normalise_time(raw: str) -> tuple[TimeOfDay | None, bool, bool]:
    """(time of day, inherits, recognised) for a time as written (`NIGHT (RAIN)`, `夜晚`, `稍後`)."""
    text = unicodedata.normalize("NFKC", raw).strip().upper()
    text = _PARENTHESES.sub(" ", text).strip(" .-–—,，") or text
    if text in TIME_WORDS:
        return TIME_WORDS[text], False, True
    if text in INHERITED_TIMES:
        return None, True, True
    if len(text) > 40:
        return None, False, False
    if CJK.search(text):
        compact = re.sub(r"\s+", "", text)
        if compact in TIME_WORDS:
            return TIME_WORDS[compact], False, True
        if compact in INHERITED_TIMES:
            return None, True, True
        if len(compact) <= 6:
            for word in _CJK_TIME_BY_LENGTH:
                if compact.endswith(word):
                    # Avoid reading the 日 of 生日 or 假日 as a time: single 日/天/晚 only alone.
                    if len(word) == 1 and compact != word and word in "日天晚":
                        continue
                    return TIME_WORDS[word], False, True
            # `一週後`, `三天后`, `翌日`: a time marker that names no time of day.
            if re.search(r"[後后]$|^[翌次隔]日$|^第[二三四五六七八九十]天$", compact):
                return None, False, True
        return None, False, False
    found = _ENGLISH_TIME_SEARCH.search(text)
    if found:
        return TIME_WORDS[found.group(1)], False, True
    if _ENGLISH_INHERIT_SEARCH.search(text):
        return None, True, True
    return None, False, False


def _split_location_time(rest: str) -> tuple[str, str | None]:
    rest = rest.strip()
    for separators in (_TIME_SEPARATORS, _WEAK_SEPARATOR):
        for match in reversed(list(separators.finditer(rest))):
            right = rest[match.end() :].strip()
            left = rest[: match.start()].strip()
            if right and left and normalise_time(right)[2]:
                return left, right
    # No separator names a time: `茶餐廳 夜`, `INT HOUSE DAY` (time as the last word).
    head, _, last = rest.rpartition(" ")
    if head.strip() and not _TIME_SEPARATORS.search(rest):
        last_norm = unicodedata.normalize("NFKC", last).upper()
        if last_norm in TIME_WORDS or last_norm in INHERITED_TIMES:
            return head.strip(), last
    return rest, None


def parse_heading(text: str) -> HeadingParts:
    """Take a scene heading apart; headings without a known prefix become all location.

    `INT. 茶餐廳 CHA CHAAN TENG - NIGHT` → INT, `茶餐廳 CHA CHAAN TENG`, NIGHT;
    `內景。茶餐廳 - 夜` → INT, `茶餐廳`, NIGHT; `EXT. ALLEY - CONTINUOUS` → inherits_time.
    """
    body, number = split_scene_number(text.strip(), relaxed=True)
    if number is not None and _prefix(body, strict=False) is None and _token_heading(body) is None:
        # A leading number on something that is not a heading is part of the location (`7-ELEVEN`).
        fountain_number = _FOUNTAIN_NUMBER.search(text)
        body, number = (
            (text[: fountain_number.start()].strip(), fountain_number.group("num"))
            if fountain_number
            else (text.strip(), None)
        )
    body = body.lstrip(".").strip() if body.startswith(".") and not body.startswith("..") else body
    int_ext: IntExt | None = None
    time_raw: str | None = None
    prefixed = _prefix(body, strict=False)
    if prefixed is not None:
        int_ext, rest = prefixed
        location, time_raw = _split_location_time(rest)
    else:
        tokens = _token_heading(body)
        if tokens is not None:
            int_ext, location, time_raw = tokens
        else:
            location, time_raw = _split_location_time(body)
    location = location.strip(" \t-–—－,，、:：.。")
    time_of_day: TimeOfDay | None = None
    inherits = False
    if time_raw is not None:
        time_raw = time_raw.strip()
        time_of_day, inherits, _ = normalise_time(time_raw)
    return HeadingParts(
        int_ext=int_ext,
        location=location,
        time_of_day=time_of_day,
        time_raw=time_raw or None,
        scene_number=number,
        inherits_time=inherits,
    )
