"""Projects a team shares through one Chroma server (SLATE_CHROMA_HOST).

With an embedded store each machine has its own projects. With a Chroma server, the vectors are
shared — and so must be everything else a project is, or a second machine sees no projects, a stale
chunk list, and a forget that removes more than it should. So in server mode the server holds, besides
each project's vector collection:

- `slate-registry`: one record per project whose metadata holds its manifest (the documents, their
  hashes and chunk ids) — what `slate projects` lists on every machine;
- `slate-files`: the ingested files themselves, in parts, so any machine can rebuild its local copy
  (the script is parsed from it, the cast and location lists read from it).

The project folder under SLATE_HOME stays what it is, a local cache: `pull` brings it up to the
server's manifest (fetching the files it lacks, removing the ones forgotten elsewhere), and the
keyword index is rebuilt from the vector store whenever it does not hold exactly the manifest's chunks
(knowledge.retrieval.load_keyword_index). Writers publish only what they changed — the documents they
ingested or forgot — merged into the server's current manifest, so two machines never overwrite each
other's documents. File bytes live in metadata, not in Chroma's documents, which are full-text indexed.

Records carry a one-dimensional placeholder vector: Chroma stores nothing without one.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import StoreError
from core.paths import atomic_write_bytes
from knowledge.production import MANIFEST, DocumentRecord, Manifest, load_manifest, save_manifest
from knowledge.store import collection_name

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

    from core.settings import Settings

REGISTRY = "slate-registry"
FILES = "slate-files"
# Raw bytes per stored part (about 700 KB once base64-encoded), well inside one request.
PART_BYTES = 512 * 1024
_PLACEHOLDER: Any = [1.0]


def _int(value: Any) -> int:
    return int(value)


def is_shared(settings: Settings) -> bool:
    """Whether projects live on a Chroma server that other machines may use too."""
    return bool(settings.chroma_host)


class SharedProjects:
    """The project registry and stored files on one Chroma server."""

    def __init__(self, client: ClientAPI) -> None:
        self.client = client

    # --- collections -----------------------------------------------------------------------------

    def _collection(self, name: str) -> Collection:
        try:
            return self.client.get_or_create_collection(
                name=name, embedding_function=None, metadata={"slate": name}
            )
        except Exception as exc:
            raise StoreError(f"The Chroma store failed: {type(exc).__name__}: {exc}", value=name) from None

    # --- the registry ----------------------------------------------------------------------------

    def manifest(self, project: str) -> Manifest | None:
        """The project's manifest as the server has it (None: the server has no such project)."""
        result = self._collection(REGISTRY).get(ids=[collection_name(project)], include=["metadatas"])
        metadatas = result["metadatas"] or []
        if not metadatas or not metadatas[0]:
            return None
        return Manifest.model_validate_json(str(metadatas[0]["manifest"]))

    def manifests(self) -> list[Manifest]:
        """Every project on the server, by name."""
        result = self._collection(REGISTRY).get(include=["metadatas"])
        found = [Manifest.model_validate_json(str(m["manifest"])) for m in result["metadatas"] or [] if m]
        return sorted((m for m in found if m.documents), key=lambda m: m.project)

    def _save(self, manifest: Manifest) -> None:
        registry = self._collection(REGISTRY)
        ident = collection_name(manifest.project)
        if not manifest.documents:
            registry.delete(ids=[ident])
            return
        registry.upsert(
            ids=[ident],
            embeddings=[_PLACEHOLDER],
            metadatas=[
                {
                    "project": manifest.project,
                    "documents": len(manifest.documents),
                    "manifest": manifest.model_dump_json(),
                }
            ],
        )

    # --- files -----------------------------------------------------------------------------------

    @staticmethod
    def _part_ids(project: str, sha256: str, parts: int) -> list[str]:
        return [f"{collection_name(project)}:{sha256}:{i}" for i in range(parts)]

    def _upload(self, project: str, record: DocumentRecord, data: bytes) -> None:
        files = self._collection(FILES)
        parts = max(1, -(-len(data) // PART_BYTES))
        ids = self._part_ids(project, record.sha256, parts)
        if len(files.get(ids=ids, include=[])["ids"]) == parts:
            return  # the server has this version already
        for index, ident in enumerate(ids):
            piece = data[index * PART_BYTES : (index + 1) * PART_BYTES]
            files.upsert(
                ids=[ident],
                embeddings=[_PLACEHOLDER],
                metadatas=[
                    {
                        "project": project,
                        "name": record.name,
                        "sha256": record.sha256,
                        "part": index,
                        "parts": parts,
                        "data": base64.b64encode(piece).decode("ascii"),
                    }
                ],
            )

    def _download(self, project: str, record: DocumentRecord) -> bytes:
        files = self._collection(FILES)
        first = files.get(ids=self._part_ids(project, record.sha256, 1), include=["metadatas"])
        if not first["metadatas"]:
            raise StoreError(
                f"The Chroma server has no copy of {record.name!r} of project {project!r}",
                value=record.sha256,
                hint=f"Ingest it again from a machine that has it: `slate ingest FILE --project {project}`",
            )
        parts = _int(first["metadatas"][0]["parts"])
        ids = self._part_ids(project, record.sha256, parts)
        result = files.get(ids=ids, include=["metadatas"])
        by_part = {_int(m["part"]): str(m["data"]) for m in result["metadatas"] or [] if m}
        data = b"".join(base64.b64decode(by_part[i]) for i in range(parts) if i in by_part)
        if len(by_part) != parts or hashlib.sha256(data).hexdigest() != record.sha256:
            raise StoreError(f"The server's copy of {record.name!r} is incomplete", value=record.sha256)
        return data

    def _delete_files(self, project: str, records: Iterable[DocumentRecord]) -> None:
        files = self._collection(FILES)
        for record in records:
            first = files.get(ids=self._part_ids(project, record.sha256, 1), include=["metadatas"])
            parts = _int(first["metadatas"][0]["parts"]) if first["metadatas"] else 1
            files.delete(ids=self._part_ids(project, record.sha256, parts))

    # --- what machines do ------------------------------------------------------------------------

    def publish(
        self,
        project_dir: Path,
        manifest: Manifest,
        *,
        changed: Sequence[str] = (),
        removed: Sequence[str] = (),
    ) -> Manifest:
        """Put this machine's changes to a project on the server: the documents it ingested
        (`changed`, by name, files uploaded first) and forgot (`removed`), merged into the server's
        manifest as it is now. Returns the merged manifest."""
        local = {d.name: d for d in manifest.documents}
        for name in changed:
            record = local[name]
            self._upload(manifest.project, record, (project_dir / record.stored).read_bytes())
        server = self.manifest(manifest.project) or Manifest(project=manifest.project)
        touched = set(changed) | set(removed)
        # The newest version goes last (knowledge.production treats the last screenplay as current).
        documents = [d for d in server.documents if d.name not in touched]
        documents += [d for d in manifest.documents if d.name in set(changed)]
        merged = Manifest(project=manifest.project, documents=documents)
        self._save(merged)
        kept = {d.sha256 for d in merged.documents}
        self._delete_files(
            manifest.project, [d for d in server.documents if d.name in touched and d.sha256 not in kept]
        )
        return merged

    def pull(self, project_dir: Path, project: str) -> Manifest | None:
        """Bring the local folder up to the server's manifest: fetch files it lacks, drop the ones
        forgotten elsewhere, write the manifest. None when the server has no such project (the
        local folder is then left alone)."""
        server = self.manifest(project)
        if server is None:
            return None
        local = load_manifest(project_dir, project)
        if local == server and all((project_dir / d.stored).exists() for d in server.documents):
            return server  # up to date: what every search finds, so it costs one registry read
        for record in server.documents:
            path = project_dir / record.stored
            if not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != record.sha256:
                atomic_write_bytes(path, self._download(project, record))
        kept = {d.stored for d in server.documents}
        for record in local.documents:
            if record.stored not in kept:
                (project_dir / record.stored).unlink(missing_ok=True)
        if local != server or not (project_dir / MANIFEST).exists():
            save_manifest(project_dir, server)
        return server

    def stats(self, client: ClientAPI) -> list[dict[str, Any]]:
        """Every project with its documents (from the registry) and chunks (counted in the store)."""
        from chromadb.errors import NotFoundError

        out: list[dict[str, Any]] = []
        for manifest in self.manifests():
            try:
                chunks = int(client.get_collection(collection_name(manifest.project)).count())
            except NotFoundError:
                chunks = 0
            out.append({"project": manifest.project, "documents": len(manifest.documents), "chunks": chunks})
        return out


def shared_projects(settings: Settings, client: ClientAPI | None = None) -> SharedProjects | None:
    """The server's projects when settings name a Chroma server (else None: projects are local)."""
    if not is_shared(settings):
        return None
    from knowledge.store import make_client

    return SharedProjects(client or make_client(settings))


def pull_project(settings: Settings, project: str, client: ClientAPI | None = None) -> None:
    """In server mode, bring the local copy of `project` up to the server's (no-op otherwise)."""
    shared = shared_projects(settings, client)
    if shared is not None:
        shared.pull(settings.project_dir(project), project)
