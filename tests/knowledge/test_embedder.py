"""Embedders: the deterministic fake, the bundled e5 model, OpenAI through an injected client."""

from __future__ import annotations

import math
from types import SimpleNamespace
from typing import Any

import pytest

from core.errors import ConfigError, ModelError
from core.settings import load_settings
from knowledge.embedder import E5Embedder, Embedder, FakeEmbedder, OpenAIEmbedder, make_embedder


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_fake_embedder_is_deterministic_unit_length_and_similarity_aware() -> None:
    embedder = FakeEmbedder(dim=64)
    assert isinstance(embedder, Embedder)
    a, b, c = embedder.embed_documents(["天台打鬥 rooftop fight", "天台打鬥", "奶茶 milk tea"])
    assert a == FakeEmbedder(dim=64).embed_documents(["天台打鬥 rooftop fight"])[0]
    assert math.isclose(math.sqrt(sum(x * x for x in a)), 1.0, rel_tol=1e-9)
    assert len(a) == 64
    query = embedder.embed_query("天台")
    assert _cos(query, b) > _cos(query, c)


def test_fake_embedder_handles_empty_text() -> None:
    vector = FakeEmbedder().embed_query("")
    assert math.isclose(sum(x * x for x in vector), 1.0)


def test_e5_embeds_cantonese_and_english_in_one_space() -> None:
    embedder = E5Embedder()
    assert embedder.dim == 384
    docs = embedder.embed_documents(
        ["劉督察喺天台追細強。", "Inspector Lau chases Siu Keung across the rooftop.", "陳太喺茶餐廳收錢。"]
    )
    assert len(docs) == 3 and all(len(v) == 384 for v in docs)
    query = embedder.embed_query("rooftop chase")
    # The Chinese rooftop line is closer to an English rooftop query than the cafe line is.
    assert _cos(query, docs[0]) > _cos(query, docs[2])
    assert _cos(query, docs[1]) > _cos(query, docs[2])
    # e5 was trained with "query: " / "passage: " prefixes: the same text embeds differently as each.
    as_passage = embedder.embed_documents(["rooftop chase"])[0]
    assert _cos(query, as_passage) < 0.999
    assert embedder.embed_documents([]) == []


class _FakeOpenAI:
    def __init__(self, fail: bool = False) -> None:
        self.calls: list[list[str]] = []
        self.fail = fail
        self.embeddings = SimpleNamespace(create=self._create)

    def _create(self, *, model: str, input: list[str]) -> Any:
        if self.fail:
            raise TimeoutError("timed out")
        self.calls.append(list(input))
        data = [SimpleNamespace(index=i, embedding=[float(len(t)), 1.0, 0.0]) for i, t in enumerate(input)]
        return SimpleNamespace(data=list(reversed(data)))  # order restored by index


def test_openai_embedder_batches_and_keeps_order() -> None:
    client = _FakeOpenAI()
    embedder = OpenAIEmbedder("local-embed", client=client, batch_size=2)
    vectors = embedder.embed_documents(["a", "bb", "ccc"])
    assert [v[0] for v in vectors] == [1.0, 2.0, 3.0]
    assert client.calls == [["a", "bb"], ["ccc"]]
    assert embedder.dim == 3 and embedder.name == "openai:local-embed"


def test_openai_embedder_failure_is_a_model_error() -> None:
    embedder = OpenAIEmbedder("text-embedding-3-small", client=_FakeOpenAI(fail=True))
    assert embedder.dim == 1536  # known model: no probe needed
    with pytest.raises(ModelError) as err:
        embedder.embed_query("劉督察")
    assert "SLATE_EMBEDDER=e5" in str(err.value)


def test_make_embedder_follows_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(make_embedder(load_settings(embedder="fake")), FakeEmbedder)
    with pytest.raises(ConfigError):
        make_embedder(load_settings(embedder="openai"))
    openai = make_embedder(load_settings(embedder="openai", openai_base_url="http://127.0.0.1:9/v1"))
    assert isinstance(openai, OpenAIEmbedder) and openai.name == "openai:text-embedding-3-small"
    assert isinstance(make_embedder(load_settings()), E5Embedder)
