"""Decode text files whatever their encoding: UTF-8 (BOM or not), UTF-16/32, Big5-HKSCS, GB18030.

charset-normalizer does the guessing; this module adds the rules a Hong Kong production needs:
Big5 is always decoded as Big5-HKSCS (a superset, so Cantonese characters such as 㗎 哋 嘅 survive)
and GB2312/GBK as GB18030 (also a superset). Binary and empty files are refused with a located error.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from core.errors import BinaryInput, DecodeError, EmptyInput

# Supersets to decode with when the detector names the narrower encoding.
ENCODING_SUPERSETS = {
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "big5hkscs": "big5hkscs",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "hz": "gb18030",
    "ascii": "utf_8",
    "utf_8": "utf_8",
}

# Legacy encodings Slate accepts from the detector: Chinese (Hong Kong, Taiwan, mainland), Japanese,
# Korean, Western European and Cyrillic. Anything else is more likely damage than a real encoding.
LEGACY_ENCODINGS = frozenset(
    {
        "big5hkscs",
        "gb18030",
        "cp1252",
        "latin_1",
        "iso8859_15",
        "shift_jis",
        "cp932",
        "euc_jp",
        "euc_kr",
        "cp949",
        "cp1251",
        "koi8_r",
        "iso8859_5",
        "utf_16",
        "utf_16_le",
        "utf_16_be",
        "utf_32",
    }
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)

# Names reported to users (and in JSON), independent of Python's codec spelling.
_DISPLAY = {
    "utf_8": "utf-8",
    "utf_8_sig": "utf-8-sig",
    "utf_16": "utf-16",
    "utf_16_le": "utf-16-le",
    "utf_16_be": "utf-16-be",
    "utf_32": "utf-32",
    "big5hkscs": "big5-hkscs",
    "gb18030": "gb18030",
}


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Text with the encoding it was read in (as shown to users, e.g. `big5-hkscs`)."""

    text: str
    encoding: str
    had_bom: bool = False


def _display(codec: str) -> str:
    key = codecs.lookup(codec).name.replace("-", "_")
    return _DISPLAY.get(key, key.replace("_", "-"))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no BOM: one byte of most pairs is NUL for Latin text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    if odd_nuls > half * 0.3 and even_nuls < half * 0.05:
        return "utf_16_le"
    if even_nuls > half * 0.3 and odd_nuls < half * 0.05:
        return "utf_16_be"
    return None


def decode_bytes(data: bytes, *, source: str | Path = "<bytes>") -> DecodedText:
    """Decode `data`, naming `source` in any error.

    Raises:
        EmptyInput: no bytes, or only whitespace.
        BinaryInput: the bytes are not text (NUL bytes outside UTF-16/32).
        DecodeError: no encoding decodes the bytes cleanly; the error gives the line of the
            first undecodable byte and the bytes themselves.
    """
    if not data.strip():
        raise EmptyInput("The file is empty", file=source)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise _located(data, exc, codec, source) from None
            if codec == "utf_16" or codec == "utf_32":
                text = text.lstrip("\ufeff")
            return _checked(DecodedText(text, _display(codec), had_bom=True), source)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(DecodedText(data.decode(utf16), _display(utf16)), source)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise BinaryInput("The file is binary, not text", file=source)
    try:
        return _checked(DecodedText(data.decode("utf_8"), "utf-8"), source)
    except UnicodeDecodeError as utf8_error:
        first_error = utf8_error

    if _mostly_utf8(data):
        # Valid UTF-8 with a few damaged bytes: a legacy guess would turn every Chinese character into
        # mojibake, so report the damage where it is instead.
        raise _located(data, first_error, "utf_8", source) from None

    from charset_normalizer import from_bytes

    # charset-normalizer ranks every encoding that decodes the bytes; on short or damaged text its top
    # guess is often an unrelated code page (cp1250 for three stray bytes). Only encodings a
    # production's files are really written in are taken; otherwise the UTF-8 error, located, is
    # the more useful report.
    guesses = [m.encoding for m in from_bytes(data) if m.encoding]
    legacy = next(
        (ENCODING_SUPERSETS.get(g, g) for g in guesses if ENCODING_SUPERSETS.get(g, g) in LEGACY_ENCODINGS),
        None,
    )
    if legacy is None:
        raise _located(data, first_error, "utf_8", source) from None
    try:
        text = data.decode(legacy)
    except (UnicodeDecodeError, LookupError):
        raise _located(data, first_error, "utf_8", source) from None
    return _checked(DecodedText(text, _display(legacy)), source)


def _mostly_utf8(data: bytes) -> bool:
    """True when nearly all non-ASCII text decodes as UTF-8 (a UTF-8 file with a few bad bytes)."""
    decoded = data.decode("utf_8", errors="replace")
    bad = decoded.count("\ufffd")
    good = sum(1 for ch in decoded if ord(ch) > 127) - bad
    return good >= 8 and bad <= max(2, good // 20)


def read_text(path: str | Path) -> DecodedText:
    """Read and decode a text file (see `decode_bytes`)."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise DecodeError("No such file", file=file) from None
    except IsADirectoryError:
        raise DecodeError("This is a folder, not a file", file=file) from None
    except OSError as exc:
        raise DecodeError(f"Cannot read the file: {exc.strerror}", file=file) from None
    return decode_bytes(data, source=file)


def _checked(decoded: DecodedText, source: str | Path) -> DecodedText:
    text = decoded.text
    if not text.strip():
        raise EmptyInput("The file is empty", file=source)
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text[:20000]) // 50):
        raise BinaryInput("The file is binary, not text", file=source)
    return decoded


def _located(data: bytes, exc: UnicodeDecodeError, codec: str, source: str | Path) -> DecodeError:
    line = data[: exc.start].count(b"\n") + 1
    bad = data[exc.start : min(exc.end + 3, len(data))]
    return DecodeError(
        f"Undecodable bytes for {_display(codec)}: {bad.hex(' ')}",
        file=source,
        line=line,
        hint="Save the file as UTF-8 and try again",
    )
