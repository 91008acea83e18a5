"""The connected server's context window, asked of the server itself.

`SLATE_CONTEXT_TOKENS` is a guess (16,000 by default) whatever the server really has; a local
llama.cpp started with `-c 4096` refuses anything longer. Servers that say their window:

- llama.cpp `llama-server`: `GET /props` → `default_generation_settings.n_ctx`;
- vLLM: `GET /v1/models` → the model's `max_model_len`;
- Ollama: `POST /api/show {"model": …}` → `model_info["<arch>.context_length"]` (and the
  `num_ctx` parameter when the model file sets a smaller one).

Each is asked once, briefly (2 s); a server that says nothing leaves the setting in charge.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import httpx

logger = logging.getLogger(__name__)
ASK_SECONDS = 2.0


def _root(base_url: str) -> str:
    """The server's root: `http://host:port/v1` → `http://host:port`."""
    return re.sub(r"/v1/?$", "", base_url.rstrip("/"))


def _int(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _llama_cpp(client: httpx.Client, root: str, model: str) -> int | None:
    props = client.get(f"{root}/props").json()
    settings = props.get("default_generation_settings") or {}
    return _int(settings.get("n_ctx")) or _int(props.get("n_ctx"))


def _vllm(client: httpx.Client, root: str, model: str) -> int | None:
    data = client.get(f"{root}/v1/models").json().get("data") or []
    lengths = [_int(m.get("max_model_len")) for m in data if isinstance(m, dict)]
    chosen = [_int(m.get("max_model_len")) for m in data if isinstance(m, dict) and m.get("id") == model]
    return next((n for n in chosen + lengths if n), None)


def _ollama(client: httpx.Client, root: str, model: str) -> int | None:
    show = client.post(f"{root}/api/show", json={"model": model}).json()
    info = show.get("model_info") or {}
    length = next((_int(v) for k, v in info.items() if k.endswith(".context_length")), None)
    num_ctx = re.search(r"num_ctx\s+(\d+)", str(show.get("parameters") or ""))
    if num_ctx and length:
        return min(length, int(num_ctx.group(1)))
    return length


def server_context_window(base_url: str | None, model: str, timeout: float = ASK_SECONDS) -> int | None:
    """The window the server at `base_url` says it has, or None when it says nothing we understand."""
    if not base_url:
        return None
    root = _root(base_url)
    with httpx.Client(timeout=timeout) as client:
        for ask in (_llama_cpp, _vllm, _ollama):
            try:
                window = ask(client, root, model)
            except (httpx.HTTPError, ValueError, AttributeError) as exc:
                logger.debug("%s: %s", ask.__name__, exc)
                continue
            if window:
                return window
    return None


def context_window(settings: Any) -> int:
    """The window to fit requests into: the server's own when it says, unless SLATE_CONTEXT_TOKENS
    was set lower on purpose; otherwise SLATE_CONTEXT_TOKENS."""
    said = server_context_window(settings.openai_base_url, settings.model)
    if said is None:
        return int(settings.context_tokens)
    if "context_tokens" in settings.model_fields_set:
        return min(said, int(settings.context_tokens))
    return said
