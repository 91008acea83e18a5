"""Chinese numerals, as scripts and crews write them: 第十二場, 廿三, 百二, 一二 (digit by digit), ２.

Written here because no maintained package covers the colloquial forms Cantonese speakers use
(廿/卅, 百二 = 120) together with full-width digits; every layer (headings, retrieval, shot lists,
the agent) uses these functions instead of its own.
"""

from __future__ import annotations

import re
import unicodedata

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
UNITS = {"十": 10, "百": 100, "千": 1000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS) + "廿卅"
NUMERAL_RUN = re.compile(f"[{NUMERAL_CHARS}]+")


def chinese_numeral_to_int(text: str) -> int:
    """`七` → 7, `十二` → 12, `廿三` → 23, `一百零五` → 105, `百二` → 120, `一二` → 12, `１２` → 12.

    Raises:
        ValueError: the text is not a number.
    """
    text = unicodedata.normalize("NFKC", text).strip()
    if text.isdigit():
        return int(text)
    text = text.replace("廿", "二十").replace("卅", "三十")
    if not text or any(ch not in DIGITS and ch not in UNITS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if all(ch in DIGITS for ch in text):  # read digit by digit: 一二 → 12
        return int("".join(str(DIGITS[ch]) for ch in text))
    total, current, last_unit = 0, 0, 1
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        else:
            unit = UNITS[ch]
            total += (current or 1) * unit
            current, last_unit = 0, unit
    if current and text[-1] in DIGITS and len(text) >= 2 and text[-2] in UNITS and last_unit >= 100:
        current *= last_unit // 10  # 百二 = 120, 一千五 = 1500 (colloquial)
    return total + current


def parse_number(text: str) -> int | None:
    """`chinese_numeral_to_int`, or None when the text is not a number."""
    try:
        return chinese_numeral_to_int(text)
    except ValueError:
        return None


def parse_amount(text: str) -> int | None:
    """An amount with 萬 as people say it: `二十八萬` → 280,000, `一萬八` → 18,000 (the digit after 萬
    is thousands), `三百八十萬` → 3,800,000, `四千八` → 4,800; None when the text is not one."""
    text = unicodedata.normalize("NFKC", text).strip()
    if "萬" not in text:
        return parse_number(text)
    high, _, low = text.partition("萬")
    tens_of_thousands = parse_number(high) if high else 1
    if tens_of_thousands is None or "萬" in low:
        return None
    if not low:
        rest: int | None = 0
    elif len(low) == 1 and low in DIGITS:
        rest = DIGITS[low] * 1000  # 一萬八 = 18,000
    else:
        rest = parse_number(low.lstrip("零"))
    return None if rest is None else tens_of_thousands * 10000 + rest


def digits_in(text: str) -> str:
    """Every run of Chinese numerals in `text` written in digits: `第十二A場` → `第12A場`."""
    text = unicodedata.normalize("NFKC", text)
    return NUMERAL_RUN.sub(lambda m: str(chinese_numeral_to_int(m.group())), text)
