"""The vector store: one Chroma collection per project, embedded on disk or on a Chroma server.

By default Chroma runs inside the process (`PersistentClient` under `SLATE_HOME/chroma`); with
SLATE_CHROMA_HOST set, an `HttpClient` talks to a `chroma run` server, so a team can share one
store. Callers may inject any Chroma client (tests use an in-memory one).

Chroma's default embedding function downloads a model on first use, so collections are always
created with `embedding_function=None` and every vector is computed by knowledge.embedder and passed
explicitly. The embedder's name and dimension are written into the collection's metadata: querying
a project with a different embedder would compare vectors from two unrelated spaces, so that is
refused with a clear error instead.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from core.errors import StoreError
from core.runtime import prepare_offline_runtime

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

    from core.settings import Settings
    from knowledge.embedder import Embedder

# Chroma caps the ids in one request (SQLite variable limit); stay well under it.
_BATCH = 1000

_clients: dict[tuple[str, ...], ClientAPI] = {}
_clients_lock = threading.Lock()


def make_client(settings: Settings) -> ClientAPI:
    """The Chroma client settings ask for (cached per location, since opening one costs ~0.2 s)."""
    prepare_offline_runtime()  # Chroma's telemetry off before it loads
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        key: tuple[str, ...] = ("http", settings.chroma_host, str(settings.chroma_port))
    else:
        key = ("disk", str(settings.chroma_dir.resolve()))
    with _clients_lock:
        if key in _clients:
            return _clients[key]
        try:
            if settings.chroma_host:
                client = chromadb.HttpClient(
                    host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
                )
                client.heartbeat()
            else:
                settings.chroma_dir.mkdir(parents=True, exist_ok=True)
                client = chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
        except Exception as exc:  # connection refused, bad path, version mismatch: all "no store"
            where = (
                f"{settings.chroma_host}:{settings.chroma_port}"
                if settings.chroma_host
                else str(settings.chroma_dir)
            )
            raise StoreError(
                f"Cannot open the Chroma store: {type(exc).__name__}: {exc}",
                value=where,
                hint="Is the Chroma server running (`chroma run`)? Or unset SLATE_CHROMA_HOST to use the local store"
                if settings.chroma_host
                else None,
            ) from None
        _clients[key] = client
        return client


_SLUG = re.compile(r"[^a-z0-9]+")


def collection_name(project: str) -> str:
    """A valid Chroma collection name for any project name (Chinese too).

    Chroma allows 3-512 characters of [a-zA-Z0-9._-]; a readable ASCII slug plus a hash of the
    exact name keeps names unique (`夜更` and `夜更 2` differ) and recognisable (`slate-night-shift-…`).
    """
    normal = unicodedata.normalize("NFC", project).strip()
    slug = _SLUG.sub("-", unicodedata.normalize("NFKD", normal).encode("ascii", "ignore").decode().lower())
    slug = slug.strip("-")[:40].strip("-")
    digest = hashlib.sha1(normal.encode("utf-8")).hexdigest()[:10]
    return f"slate-{slug}-{digest}" if slug else f"slate-{digest}"


def clean_metadata(metadata: dict[str, Any]) -> dict[str, Any]:
    """Chroma metadata: no None values and no empty lists (it refuses both)."""
    out: dict[str, Any] = {}
    for key, value in metadata.items():
        if value is None or (isinstance(value, (list, tuple)) and not value):
            continue
        out[key] = list(value) if isinstance(value, tuple) else value
    return out


class VectorStore:
    """One project's Chroma collection, bound to the embedder its vectors came from."""

    def __init__(self, client: ClientAPI, project: str, embedder: Embedder) -> None:
        self.client = client
        self.project = project
        self.embedder = embedder
        self.name = collection_name(project)
        self._collection: Collection | None = None

    # --- the collection --------------------------------------------------------------------------

    def _expected_metadata(self) -> dict[str, Any]:
        return {
            "hnsw:space": "cosine",
            "slate_project": self.project,
            "embedder": self.embedder.name,
            "embedder_dim": int(self.embedder.dim),
        }

    def exists(self) -> bool:
        """Whether the project's collection has been created."""
        from chromadb.errors import NotFoundError

        try:
            self.client.get_collection(name=self.name, embedding_function=None)
        except NotFoundError:
            return False
        except Exception as exc:
            raise StoreError(
                f"The Chroma store failed: {type(exc).__name__}: {exc}", value=self.name
            ) from None
        return True

    def collection(self, *, create: bool = True, check_embedder: bool = True) -> Collection:
        """The project's collection (created on first write), checked against the embedder unless
        `check_embedder` is False (reading text and deleting do not involve vectors)."""
        if self._collection is not None:
            return self._collection
        if create:
            collection = self._call(
                self.client.get_or_create_collection,
                name=self.name,
                embedding_function=None,
                metadata=self._expected_metadata(),
            )
        else:
            if not self.exists():
                raise StoreError(
                    f"Project {self.project!r} has no vector store yet",
                    value=self.name,
                    hint=f"Ingest its documents: `slate ingest PATH --project {self.project}`",
                )
            collection = self._call(self.client.get_collection, name=self.name, embedding_function=None)
        if not check_embedder:
            return collection
        metadata = collection.metadata or {}
        stored = metadata.get("embedder")
        if stored and stored != self.embedder.name:
            raise StoreError(
                f"Project {self.project!r} was embedded with {stored}, not {self.embedder.name}",
                value=self.embedder.name,
                hint=f"Set SLATE_EMBEDDER back, or run `slate forget --all --project {self.project}` "
                "and ingest again",
            )
        self._collection = collection
        return collection

    def drop(self) -> None:
        """Delete the project's collection (all its vectors)."""
        if self.exists():
            self._call(self.client.delete_collection, name=self.name)
        self._collection = None

    # --- records ---------------------------------------------------------------------------------

    def count(self) -> int:
        """Records in the project's collection (0 before the first ingest)."""
        if self._collection is None and not self.exists():
            return 0
        return int(self._call(self.collection(check_embedder=False).count))

    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of `ids` the store holds."""
        found: set[str] = set()
        collection = self.collection(check_embedder=False)
        for begin in range(0, len(ids), _BATCH):
            batch = list(ids[begin : begin + _BATCH])
            found.update(self._call(collection.get, ids=batch, include=[])["ids"])
        return found

    def ids_of_file(self, file: str) -> set[str]:
        """Every id the store holds for document `file` (by its `file` metadata), listed or not."""
        if self._collection is None and not self.exists():
            return set()
        collection = self.collection(check_embedder=False)
        return set(self._call(collection.get, where={"file": file}, include=[])["ids"])

    def get(self, ids: Sequence[str]) -> dict[str, tuple[str, dict[str, Any]]]:
        """id → (text, metadata) for the ids the store holds."""
        out: dict[str, tuple[str, dict[str, Any]]] = {}
        collection = self.collection(check_embedder=False)
        for begin in range(0, len(ids), _BATCH):
            result = self._call(
                collection.get, ids=list(ids[begin : begin + _BATCH]), include=["documents", "metadatas"]
            )
            for ident, text, meta in zip(
                result["ids"], result["documents"] or [], result["metadatas"] or [], strict=False
            ):
                out[ident] = (text or "", dict(meta or {}))
        return out

    def add(
        self,
        ids: Sequence[str],
        texts: Sequence[str],
        metadatas: Sequence[dict[str, Any]],
        embeddings: Sequence[Sequence[float]],
    ) -> None:
        """Write records (upsert: writing an id twice leaves one record)."""
        if len(embeddings) and len(embeddings[0]) != self.embedder.dim:
            raise StoreError(
                f"The embedder returned {len(embeddings[0])}-dimensional vectors, expected {self.embedder.dim}",
                value=self.embedder.name,
            )
        collection = self.collection()
        for begin in range(0, len(ids), _BATCH):
            end = begin + _BATCH
            self._call(
                collection.upsert,
                ids=list(ids[begin:end]),
                documents=list(texts[begin:end]),
                metadatas=[clean_metadata(m) for m in metadatas[begin:end]],
                embeddings=[list(e) for e in embeddings[begin:end]],
            )

    def update_metadata(self, ids: Sequence[str], metadatas: Sequence[dict[str, Any]]) -> None:
        """Replace the metadata of existing records (line numbers move when text above them changes).

        Chroma merges an update into the old metadata; keys whose value is None or an empty list
        are sent as None, which Chroma takes as "delete this key"."""
        collection = self.collection(check_embedder=False)
        for begin in range(0, len(ids), _BATCH):
            end = begin + _BATCH
            updates = [
                {
                    k: (None if v is None or (isinstance(v, (list, tuple)) and not v) else v)
                    for k, v in m.items()
                }
                for m in metadatas[begin:end]
            ]
            self._call(collection.update, ids=list(ids[begin:end]), metadatas=updates)

    def delete(self, ids: Iterable[str]) -> None:
        """Remove records by id (missing ids are ignored)."""
        wanted = list(ids)
        if not wanted or not self.exists():
            return
        collection = self.collection(check_embedder=False)
        for begin in range(0, len(wanted), _BATCH):
            self._call(collection.delete, ids=wanted[begin : begin + _BATCH])

    def query(
        self, embedding: Sequence[float], n: int, *, ids: Sequence[str] | None = None
    ) -> list[tuple[str, float]]:
        """The `n` nearest records as (id, cosine similarity), optionally only among `ids`."""
        collection = self.collection(create=False)
        if len(embedding) != self.embedder.dim:
            raise StoreError(
                f"The query vector has {len(embedding)} dimensions, the store {self.embedder.dim}",
                value=self.embedder.name,
            )
        total = int(self._call(collection.count))
        limit = min(n, total if ids is None else min(total, len(ids)))
        if limit <= 0:
            return []
        result = self._call(
            collection.query,
            query_embeddings=[list(embedding)],
            n_results=limit,
            ids=list(ids) if ids is not None else None,
            include=["distances"],
        )
        found = result["ids"][0]
        distances = (result["distances"] or [[]])[0]
        return [(ident, 1.0 - float(d)) for ident, d in zip(found, distances, strict=False)]

    def _call(self, func: Any, *args: Any, **kwargs: Any) -> Any:
        """Run a Chroma call, turning its many failure types into one StoreError."""
        try:
            return func(*args, **kwargs)
        except StoreError:
            raise
        except Exception as exc:
            raise StoreError(
                f"The Chroma store failed: {type(exc).__name__}: {exc}", value=self.name
            ) from None
