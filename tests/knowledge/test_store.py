"""The Chroma store: collection names, embedder checks, writes, deletes, restricted queries."""

from __future__ import annotations

from typing import Any

import pytest

from core.errors import StoreError
from core.settings import load_settings
from knowledge.embedder import FakeEmbedder
from knowledge.store import VectorStore, collection_name, make_client

NAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


@pytest.mark.parametrize("project", ["night-shift", "夜更", "夜更 2", "Night Shift!", "x", "阿美's 片"])
def test_collection_names_are_valid_and_distinct(project: str) -> None:
    name = collection_name(project)
    assert 3 <= len(name) <= 512 and set(name) <= NAME_CHARS
    assert name[0].isalnum() and name[-1].isalnum()
    assert collection_name(project) == name


def test_chinese_names_do_not_collide() -> None:
    names = {collection_name(p) for p in ["夜更", "夜更 2", "日更", "Night Shift", "night shift"]}
    assert len(names) == 5
    assert collection_name("Night Shift").startswith("slate-night-shift-")


def _records(n: int) -> tuple[list[str], list[str], list[dict[str, Any]]]:
    texts = [f"天台 scene {i} 阿輝" for i in range(n)]
    metas = [
        {"scene": str(i), "characters": ["阿輝", "AH FAI"], "page": i, "location": None} for i in range(n)
    ]
    return [f"id{i}" for i in range(n)], texts, metas


def test_add_get_query_update_delete(chroma_client: Any) -> None:
    embedder = FakeEmbedder(dim=32)
    store = VectorStore(chroma_client, "夜更", embedder)
    assert store.count() == 0
    ids, texts, metas = _records(5)
    store.add(ids, texts, metas, embedder.embed_documents(texts))
    store.add(ids[:2], texts[:2], metas[:2], embedder.embed_documents(texts[:2]))  # upsert: no duplicates
    assert store.count() == 5
    assert store.existing_ids(["id1", "nope"]) == {"id1"}
    text, meta = store.get(["id3"])["id3"]
    assert text == "天台 scene 3 阿輝" and meta["characters"] == ["阿輝", "AH FAI"] and "location" not in meta
    collection = store.collection()
    assert collection.metadata["slate_project"] == "夜更"
    assert collection.metadata["embedder"] == embedder.name
    # Array metadata supports Chroma's $contains filter.
    found = collection.get(where={"characters": {"$contains": "AH FAI"}})["ids"]
    assert sorted(found) == ids

    hits = store.query(embedder.embed_query(texts[2]), 3)
    assert hits[0][0] == "id2" and hits[0][1] == pytest.approx(1.0, abs=1e-4)
    restricted = store.query(embedder.embed_query(texts[2]), 3, ids=["id0", "id4"])
    assert {i for i, _ in restricted} == {"id0", "id4"}

    store.update_metadata(["id0"], [{"scene": "0", "page": 9, "characters": []}])
    assert store.get(["id0"])["id0"][1] == {"scene": "0", "page": 9}
    store.delete(["id0", "id1", "missing"])
    assert store.count() == 3


def test_query_asks_for_no_more_than_the_store_holds(chroma_client: Any) -> None:
    embedder = FakeEmbedder(dim=16)
    store = VectorStore(chroma_client, "p1", embedder)
    ids, texts, metas = _records(2)
    store.add(ids, texts, metas, embedder.embed_documents(texts))
    assert len(store.query(embedder.embed_query("天台"), 50)) == 2


def test_switching_embedders_is_refused_with_a_hint(chroma_client: Any) -> None:
    first = VectorStore(chroma_client, "夜更", FakeEmbedder(dim=32))
    ids, texts, metas = _records(1)
    first.add(ids, texts, metas, first.embedder.embed_documents(texts))
    other = VectorStore(chroma_client, "夜更", FakeEmbedder(dim=64))
    with pytest.raises(StoreError) as err:
        other.query([0.0] * 64, 3)
    assert "fake:ngram-32" in str(err.value) and "forget --all" in str(err.value)
    # Reading text and deleting do not compare vectors, so they still work.
    assert other.get(ids)["id0"][0] == texts[0]
    other.delete(ids)
    assert first.count() == 0


def test_projects_are_isolated(chroma_client: Any) -> None:
    embedder = FakeEmbedder(dim=16)
    a = VectorStore(chroma_client, "夜更", embedder)
    b = VectorStore(chroma_client, "日更", embedder)
    ids, texts, metas = _records(3)
    a.add(ids, texts, metas, embedder.embed_documents(texts))
    assert b.count() == 0 and not b.exists()
    with pytest.raises(StoreError) as err:
        b.query(embedder.embed_query("天台"), 3)
    assert "slate ingest" in str(err.value)
    a.drop()
    assert not a.exists() and a.count() == 0


def test_wrong_vector_size_is_refused(chroma_client: Any) -> None:
    store = VectorStore(chroma_client, "p", FakeEmbedder(dim=16))
    with pytest.raises(StoreError):
        store.add(["x"], ["t"], [{}], [[0.1] * 8])


def test_persistent_client_from_settings(tmp_path: Any) -> None:
    settings = load_settings(home=tmp_path / "home", embedder="fake")
    client = make_client(settings)
    assert make_client(settings) is client  # opened once per location
    assert (tmp_path / "home" / "chroma").is_dir()


def test_unreachable_server_is_a_store_error(tmp_path: Any) -> None:
    settings = load_settings(home=tmp_path, chroma_host="127.0.0.1", chroma_port=9)
    with pytest.raises(StoreError) as err:
        make_client(settings)
    assert "127.0.0.1:9" in str(err.value) and "chroma run" in str(err.value)
