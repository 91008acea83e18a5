"""Ingest a production's files into its project: copy, parse, chunk, embed, index.

Guarantees:
- Idempotent. Chunk ids come from content (knowledge.chunking), so re-ingesting an unchanged file
  adds nothing, and a changed file keeps the vectors of its unchanged passages, embeds only the new
  ones and removes the ones that are gone (no orphans).
- All or nothing per file. Everything (reading, parsing, chunking, embedding) is computed before
  anything is written; a file that fails there is skipped with its reason and the store, manifest,
  keyword index and stored copy stay exactly as they were. If a write then fails, that file's new
  chunks are removed again (and moved metadata restored) before the error is reported.
- One writer per project at a time (a lock file), so the UI and the CLI cannot interleave.

Layout: see knowledge.production (manifest.json, documents/, keyword_index.json).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from pydantic import BaseModel, Field

from core.errors import EmptyInput, InputFileError, NotFound, ProjectNotFound, SlateError
from core.paths import atomic_write_bytes, remove_stale_temporaries, safe_name
from knowledge import limits
from knowledge.chunking import Chunk, chunk_document, chunk_screenplay, chunk_subtitles
from knowledge.citations import DocType
from knowledge.documents import classify, load_document
from knowledge.keyword import INDEX_FILE, KeywordIndex
from knowledge.limits import time_budget
from knowledge.production import (
    DocumentRecord,
    Manifest,
    list_projects,
    load_manifest,
    save_manifest,
)
from knowledge.retrieval import load_keyword_index
from knowledge.shared_store import shared_projects

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from chromadb.api import ClientAPI

    from core.settings import Settings
    from knowledge.embedder import Embedder
    from knowledge.store import VectorStore

ProgressCallback = Callable[[int, int, str], None]

# Files a folder may hold that are not production documents: the programs that generate them.
IGNORED_SUFFIXES = frozenset({".py", ".pyc", ".sh", ".bat", ".ps1", ".js", ".ipynb"})
# A folder's README/LICENCE describes the folder, not the production; taken only when named directly.
FOLDER_DOCS = re.compile(r"^(readme|licen[cs]e|copying|changelog)(\.[a-z]+)?$", re.IGNORECASE)
DOCUMENTS_DIR = "documents"
LOCK_FILE = ".ingest.lock"


class SkippedFile(BaseModel):
    file: str = Field(description="The path as given (or found in a folder).")
    reason: str


class IngestReport(BaseModel):
    """What one `ingest` call did (the JSON of `slate ingest --json`)."""

    project: str
    files: list[str] = Field(default_factory=list, description="Names of the files now in the project.")
    chunks_added: int = 0
    chunks_unchanged: int = 0
    chunks_removed: int = 0
    skipped: list[SkippedFile] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Things worth knowing that are not errors.")


class ForgetReport(BaseModel):
    project: str
    file: str
    chunks_removed: int


class ProjectStats(TypedDict):
    project: str
    documents: int
    chunks: int


# --- collecting files ----------------------------------------------------------------------------


def collect_files(paths: Sequence[str | Path]) -> tuple[list[Path], list[SkippedFile]]:
    """The files to ingest: given files, and folders walked recursively (sorted), leaving out
    hidden files and folders, generator scripts and the folder's own README/licence. Missing paths
    are reported, not raised."""
    files: list[Path] = []
    skipped: list[SkippedFile] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                relative = found.relative_to(path).parts
                if any(part.startswith(".") for part in relative):
                    continue
                if not found.is_file() or found.suffix.lower() in IGNORED_SUFFIXES:
                    continue
                if FOLDER_DOCS.match(found.name):
                    continue
                files.append(found)
        elif path.is_file():
            files.append(path)
        else:
            skipped.append(SkippedFile(file=str(raw), reason="No such file or folder"))
    return list(dict.fromkeys(files)), skipped


# --- preparing one file (no writes) --------------------------------------------------------------


@dataclass
class _Prepared:
    """Everything needed to write one file, computed before anything is written."""

    path: Path
    name: str
    data: bytes
    sha256: str
    doc_type: DocType
    chunks: list[Chunk]
    encoding: str | None
    pages: int | None
    scenes: int | None
    title: str | None


def _prepare(path: Path, name: str, project: str, max_tokens: int) -> _Prepared:
    """Read, classify, parse and chunk one file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"Cannot read the file: {exc.strerror}", file=path) from None
    if not data.strip():
        raise EmptyInput("The file is empty", file=path)
    doc_type = classify(path)
    encoding: str | None = None
    pages: int | None = None
    scenes: int | None = None
    title: str | None = None
    if doc_type == "screenplay":
        from knowledge.loader import load_screenplay

        screenplay = load_screenplay(path)
        chunks = chunk_screenplay(screenplay, project=project, file=name, max_tokens=max_tokens)
        encoding, pages, scenes, title = screenplay.encoding, screenplay.pages, len(screenplay.scenes), None
        title = screenplay.title or None
    elif doc_type == "subtitles":
        from knowledge.subtitle_file import read_subtitle_file

        subtitles = read_subtitle_file(path)
        chunks = chunk_subtitles(subtitles, project=project, file=name, max_tokens=max_tokens)
        encoding = subtitles.encoding
    else:
        document = load_document(path, doc_type, name=name)
        chunks = chunk_document(document, project=project, max_tokens=max_tokens)
        encoding, pages, title = document.encoding, document.pages, document.title
    if not chunks:
        raise EmptyInput("The file has no text to index", file=path)
    return _Prepared(
        path=path,
        name=name,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        doc_type=doc_type,
        chunks=chunks,
        encoding=encoding,
        pages=pages,
        scenes=scenes,
        title=title,
    )


# --- the lock ------------------------------------------------------------------------------------


@contextlib.contextmanager
def _project_lock(project_dir: Path) -> Iterator[None]:
    """Exclusive access to a project while it is written (advisory; POSIX flock where available)."""
    project_dir.mkdir(parents=True, exist_ok=True)
    with open(project_dir / LOCK_FILE, "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: no flock; a single writer is then the user's job
            yield
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


# --- ingest ---------------------------------------------------------------------------------------


def ingest(
    settings: Settings,
    project: str,
    paths: Sequence[str | Path],
    *,
    client: ClientAPI | None = None,
    embedder: Embedder | None = None,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Add files and folders to `project` (see the module docstring for the guarantees).

    Args:
        settings: where the project lives, the chunk size, the store and embedder to use.
        project: the project's name (any language).
        paths: files and folders; folders are walked recursively.
        client: a Chroma client to use instead of the one settings describe.
        embedder: an embedder to use instead of the one settings describe.
        progress: called as `progress(done, total, file_name)` before each file and once at the end.
    """
    from knowledge.embedder import make_embedder
    from knowledge.store import VectorStore, make_client

    if not project.strip():
        raise SlateError("A project needs a name", value=project)
    files, skipped = collect_files(paths)
    report = IngestReport(project=project, skipped=skipped)
    project_dir = settings.project_dir(project)
    shared = shared_projects(settings, client)
    with _project_lock(project_dir):
        if project_dir.is_dir():
            remove_stale_temporaries(project_dir)  # a killed ingest's half-written files
        if shared is not None:  # start from the team's current documents, not this machine's copy
            shared.pull(project_dir, project)
        manifest = load_manifest(project_dir, project)
        if manifest.project != project and manifest.documents:
            raise SlateError(
                f"The folder {project_dir.name!r} already holds project {manifest.project!r}",
                value=project,
                hint="Choose a project name that differs in more than punctuation",
            )
        embedder = embedder or make_embedder(settings)
        store = VectorStore(client or make_client(settings), project, embedder)
        store.collection()  # create it, or refuse a store built with another embedder
        keyword = load_keyword_index(project_dir, manifest, store)
        seen_names: dict[str, Path] = {}
        for done, path in enumerate(files):
            name = path.name
            if progress:
                progress(done, len(files), name)
            if name in seen_names:
                report.skipped.append(
                    SkippedFile(
                        file=str(path),
                        reason=f"Another file called {name!r} ({seen_names[name]}) is in this ingest; "
                        "rename one of them",
                    )
                )
                continue
            seen_names[name] = path
            try:
                with time_budget(limits.INGEST_FILE_SECONDS, path):
                    prepared = _prepare(path, name, project, settings.chunk_tokens)
                added, unchanged, removed = _write(prepared, project_dir, manifest, store, keyword, embedder)
            except SlateError as exc:
                report.skipped.append(SkippedFile(file=str(path), reason=str(exc)))
                continue
            except Exception as exc:
                # A reader's bug on one odd file must not stop a folder of good ones (nothing of
                # this file was kept); SLATE_DEBUG=1 shows the traceback instead.
                if settings.debug:
                    raise
                logger.warning("ingest: %s could not be read", path, exc_info=exc)
                reason = (
                    f"{path}: could not be read (an unexpected problem in the file; SLATE_DEBUG=1 shows more)"
                )
                report.skipped.append(SkippedFile(file=str(path), reason=reason))
                continue
            report.files.append(name)
            report.chunks_added += added
            report.chunks_unchanged += unchanged
            report.chunks_removed += removed
        keyword.save(project_dir / INDEX_FILE)
        if shared is not None and report.files:
            shared.publish(project_dir, manifest, changed=report.files)
        if progress:
            progress(len(files), len(files), files[-1].name if files else "")
        scripts = manifest.of_type("screenplay")
        if len(scripts) > 1:
            # Scene tools read one script; a second draft ingested beside the first must not go unnoticed.
            report.notes.append(
                f"The project has {len(scripts)} screenplays; scene lookups, shot lists and schedules use the "
                f"latest ingested, {scripts[-1].name} (all are searchable). "
                f"Forget the others with `slate forget FILE --project {project}`."
            )
    return report


def _write(
    prepared: _Prepared,
    project_dir: Path,
    manifest: Manifest,
    store: VectorStore,
    keyword: KeywordIndex,
    embedder: Embedder,
) -> tuple[int, int, int]:
    """Store one prepared file; returns (added, unchanged, removed) chunk counts."""
    existing = manifest.find(prepared.name)
    new_ids = [c.id for c in prepared.chunks]
    old_ids = set(existing.chunk_ids) if existing else set()
    present = store.existing_ids(new_ids)
    if (
        existing
        and existing.sha256 == prepared.sha256
        and set(new_ids) == old_ids == present == store.ids_of_file(prepared.name)
    ):
        for chunk in prepared.chunks:
            if chunk.id not in keyword:
                keyword.add(chunk.id, chunk.text, chunk.stored_metadata())
        return 0, len(new_ids), 0

    to_add = [c for c in prepared.chunks if c.id not in present]
    kept = [c for c in prepared.chunks if c.id in present]
    vectors = embedder.embed_documents([c.text for c in to_add]) if to_add else []

    # --- writes from here on; undo this file's writes if one fails ---
    previous = store.get([c.id for c in kept]) if kept else {}
    moved = [c for c in kept if c.id not in previous or c.stored_metadata() != previous[c.id][1]]
    stored_name = f"{DOCUMENTS_DIR}/{safe_name(prepared.name)}"
    try:
        if to_add:
            store.add(
                [c.id for c in to_add], [c.text for c in to_add], [c.metadata() for c in to_add], vectors
            )
        if moved:
            store.update_metadata([c.id for c in moved], [c.metadata() for c in moved])
        atomic_write_bytes(project_dir / stored_name, prepared.data)
        record = DocumentRecord(
            name=prepared.name,
            source=str(prepared.path.resolve()),
            stored=stored_name,
            sha256=prepared.sha256,
            doc_type=prepared.doc_type,
            encoding=prepared.encoding,
            chunk_ids=new_ids,
            ingested_at=datetime.now(UTC),
            pages=prepared.pages,
            scenes=prepared.scenes,
            title=prepared.title,
        )
        # The newest version goes last: knowledge.production treats the last screenplay as current.
        documents = [d for d in manifest.documents if d.name != prepared.name] + [record]
        save_manifest(project_dir, Manifest(project=manifest.project, documents=documents))
    except BaseException:
        with contextlib.suppress(Exception):
            store.delete([c.id for c in to_add])
            restore = [c for c in moved if c.id in previous]
            if restore:
                # Keys the new metadata added are sent as None, which removes them again.
                store.update_metadata(
                    [c.id for c in restore],
                    [{**dict.fromkeys(c.metadata()), **previous[c.id][1]} for c in restore],
                )
        raise
    manifest.documents = documents
    # Removed last: a crash before this line leaves unreferenced vectors, which search ignores
    # (it only returns chunks the manifest lists) and the next ingest of the file cleans up. The
    # file's vectors are asked of the store too: a kill between adding and the manifest leaves
    # vectors no manifest ever listed.
    orphans = sorted((old_ids | store.ids_of_file(prepared.name)) - set(new_ids))
    store.delete(orphans)
    keyword.remove(orphans)
    for chunk in prepared.chunks:
        keyword.add(chunk.id, chunk.text, chunk.stored_metadata())
    return len(to_add), len(kept), len(orphans)


# --- forget and stats ------------------------------------------------------------------------------


def _open_existing(
    settings: Settings, project: str, client: ClientAPI | None = None
) -> tuple[Path, Manifest]:
    project_dir = settings.project_dir(project)
    shared = shared_projects(settings, client)
    if shared is not None:
        with _project_lock(project_dir):
            shared.pull(project_dir, project)
    manifest = load_manifest(project_dir, project)
    if not manifest.documents:
        import difflib

        names = list_projects(settings)
        raise ProjectNotFound(project, difflib.get_close_matches(project, names, n=3, cutoff=0.3))
    return project_dir, manifest


def forget(
    settings: Settings,
    project: str,
    file_name: str,
    *,
    client: ClientAPI | None = None,
    embedder: Embedder | None = None,
) -> ForgetReport:
    """Remove one document (by the name it was ingested under) and all its chunks from `project`.

    Raises:
        ProjectNotFound: no such project.
        NotFound: no such document in it (with the nearest names).
    """
    from knowledge.embedder import FakeEmbedder
    from knowledge.store import VectorStore, make_client

    project_dir, manifest = _open_existing(settings, project, client)
    name = Path(file_name).name
    with _project_lock(project_dir):
        manifest = load_manifest(project_dir, project)
        record = manifest.find(name) or next(
            (d for d in manifest.documents if Path(d.name).stem == name), None
        )
        if record is None:
            import difflib

            names = [d.name for d in manifest.documents]
            raise NotFound(
                f"No document called {name!r} in project {project!r}",
                value=name,
                nearest=difflib.get_close_matches(name, names, n=3, cutoff=0.3) or names[:3],
            )
        # Forgetting embeds nothing, so it works whatever embedder the project was built with.
        store = VectorStore(client or make_client(settings), project, embedder or FakeEmbedder())
        keyword = load_keyword_index(project_dir, manifest, store)
        store.delete(set(record.chunk_ids) | store.ids_of_file(record.name))
        manifest.documents = [d for d in manifest.documents if d.name != record.name]
        save_manifest(project_dir, manifest)
        keyword.remove(record.chunk_ids)
        keyword.save(project_dir / INDEX_FILE)
        (project_dir / record.stored).unlink(missing_ok=True)
        shared = shared_projects(settings, client)
        if shared is not None:
            shared.publish(project_dir, manifest, removed=[record.name])
    return ForgetReport(project=project, file=record.name, chunks_removed=len(record.chunk_ids))


def forget_project(
    settings: Settings,
    project: str,
    *,
    client: ClientAPI | None = None,
    embedder: Embedder | None = None,
) -> ForgetReport:
    """Remove every document of `project` and drop its vector collection (e.g. to change embedder)."""
    from knowledge.embedder import FakeEmbedder
    from knowledge.store import VectorStore, make_client

    project_dir, manifest = _open_existing(settings, project, client)
    with _project_lock(project_dir):
        manifest = load_manifest(project_dir, project)
        # Dropping needs no embedder check: the point may be to leave the old embedder behind.
        store = VectorStore(client or make_client(settings), project, embedder or FakeEmbedder())
        shared = shared_projects(settings, client)
        if shared is None:
            store.drop()
        else:
            # Other machines use this collection: remove only the ids this project's manifest lists,
            # and drop the collection only when that leaves it empty.
            store.delete(id for doc in manifest.documents for id in doc.chunk_ids)
            if store.count() == 0:
                store.drop()
            shared.publish(project_dir, manifest, removed=[d.name for d in manifest.documents])
        count = sum(len(d.chunk_ids) for d in manifest.documents)
        for doc in manifest.documents:
            (project_dir / doc.stored).unlink(missing_ok=True)
        save_manifest(project_dir, Manifest(project=manifest.project))
        (project_dir / INDEX_FILE).unlink(missing_ok=True)
    return ForgetReport(project=project, file="*", chunks_removed=count)


def project_stats(settings: Settings) -> list[ProjectStats]:
    """Every project with its document and chunk counts: from the manifests, or with a Chroma server,
    every project on the server (documents from its registry, chunks counted in the store)."""
    shared = shared_projects(settings)
    if shared is not None:
        return [ProjectStats(**row) for row in shared.stats(shared.client)]  # type: ignore[typeddict-item]
    stats: list[ProjectStats] = []
    for folder in list_projects(settings):
        manifest = load_manifest(settings.projects_dir / folder, folder)
        if not manifest.documents:
            continue
        stats.append(
            ProjectStats(
                project=manifest.project,
                documents=len(manifest.documents),
                chunks=sum(len(d.chunk_ids) for d in manifest.documents),
            )
        )
    return stats
