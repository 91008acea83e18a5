"""A production: one project's documents, its script's scenes, its people and places.

`Production` is the context every tool receives. It is built from a project folder (what
`slate ingest` recorded in its manifest) or straight from files (`--script FILE`), and it is given
its retriever rather than building one, so tests can inject in-memory stores.

Project folder layout (under `SLATE_HOME/projects/<name>/`):
    manifest.json   the ingested documents (written only by knowledge.ingest, atomically)
    documents/      a private copy of each ingested file
    outputs/        files tools write (exports, fixed subtitles, schedules)
    artifacts/      versioned artifacts (shot lists) as JSON
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, Field

from core.errors import CharacterNotFound, LocationNotFound, ProjectNotFound, SceneNotFound, SlateError
from core.paths import atomic_write_text
from knowledge.bilingual import english_for_word, english_stems
from knowledge.cast_list import CastMember, LocationEntry, load_cast_list, load_location_list, normalise_name
from knowledge.citations import DocType, SearchHit
from knowledge.numerals import digits_in
from knowledge.scenes import without_quotations
from knowledge.screenplay import Scene, Screenplay
from knowledge.vocabulary import has_cjk

if TYPE_CHECKING:
    from core.settings import Settings

MANIFEST = "manifest.json"


class DocumentRecord(BaseModel):
    """One ingested file, as the manifest remembers it."""

    name: str = Field(description="File name as the crew knows it; unique within the project.")
    source: str = Field(description="Where it was ingested from (absolute path, or 'upload').")
    stored: str = Field(description="Path of the private copy, relative to the project folder.")
    sha256: str
    doc_type: DocType
    encoding: str | None = None
    chunk_ids: list[str] = Field(default_factory=list)
    ingested_at: datetime
    pages: int | None = None
    scenes: int | None = None
    title: str | None = None


class Manifest(BaseModel):
    project: str
    documents: list[DocumentRecord] = Field(default_factory=list)

    def find(self, name: str) -> DocumentRecord | None:
        for doc in self.documents:
            if doc.name == name:
                return doc
        return None

    def of_type(self, doc_type: DocType) -> list[DocumentRecord]:
        return [doc for doc in self.documents if doc.doc_type == doc_type]


def load_manifest(project_dir: Path, project: str) -> Manifest:
    path = project_dir / MANIFEST
    if not path.exists():
        return Manifest(project=project)
    try:
        return Manifest.model_validate_json(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise SlateError("The project manifest is damaged", file=path, value=str(exc)[:200]) from None


def save_manifest(project_dir: Path, manifest: Manifest) -> None:
    atomic_write_text(project_dir / MANIFEST, manifest.model_dump_json(indent=2))


def list_projects(settings: Settings) -> list[str]:
    root = settings.projects_dir
    if not root.exists():
        return []
    return sorted(p.name for p in root.iterdir() if (p / MANIFEST).exists())


class TextWriter(Protocol):
    """A connected language model, for tools that can use free writing (refining a shot list,
    translating subtitles). Injected by agent/; None offline, and tools then do what rules can."""

    name: str

    def complete(self, system: str, prompt: str, *, max_tokens: int = 1024) -> str: ...


class Retriever(Protocol):
    """What tools need from the knowledge store (implemented in knowledge.retrieval)."""

    def search(self, query: str, *, k: int = 5, filters: dict[str, Any] | None = None) -> list[SearchHit]: ...


# "DISTRICT COURT 區域法院 - COURTROOM": the place, then the part of it the scene is in.
_SET_PART = re.compile(r"\s+[-–—]\s+")


def _narrowed_to_part(key: str, sets: list[str]) -> list[str]:
    """The sets of a place that are in the part `key` names, when `key` names one part of it:
    "courtroom" is the place's courtroom scenes, not its canteen's. Sets without a part of their
    own (a bilingual heading of the whole place, 外景：天台) keep every set, as does a name the parts
    do not hold."""
    parts = {loc: [normalise_name(p) for p in _SET_PART.split(loc)[1:]] for loc in sets}
    if not key:
        return sets
    inside = [loc for loc in sets if any(key == part for part in parts[loc])]
    if not inside:
        # 寫字樓 for the BACK OFFICE of a set named in English: the part's words, in the other language.
        inside = [loc for loc in sets if any(names_part(key, part) for part in parts[loc])]
    if any(not named for named in parts.values()) and any(_translated(loc) for loc in inside):
        # ROOFTOP - 天台 beside a plain ROOFTOP: the part is the place's name in the other language,
        # and 天台 is every rooftop scene. A part of its own (TAI O CREEK - DRAWBRIDGE) is that part.
        return sets
    return inside if 0 < len(inside) < len(sets) else sets


# Words too vague to say which part of a place is meant (機房 is "machine room": room says nothing).
_VAGUE_PART = frozenset({"room", "area", "place", "part", "side", "end", "near", "center", "centr", "hall"})


def names_part(key: str, part: str) -> bool:
    """Whether the Chinese name `key` is the English `part` of a set in the other language (寫字樓 and
    BACK OFFICE: "office"), by the dictionary's words for the whole word `key`."""
    if not has_cjk(key) or has_cjk(part):
        return False
    return bool((english_for_word(key) - _VAGUE_PART) & english_stems(part))


def _translated(loc: str) -> bool:
    """Whether a set's part names its place in the other language ("ROOFTOP - 天台")."""
    head, *rest = _SET_PART.split(loc)
    bilingual_head = has_cjk(head) and re.search(r"[A-Za-z]", head) is not None
    return not bilingual_head and any(has_cjk(part) != has_cjk(head) for part in rest)


def _nearest(query: str, options: Sequence[str], n: int = 3) -> list[str]:
    keyed = {normalise_name(o): o for o in options}
    hits = difflib.get_close_matches(normalise_name(query), list(keyed), n=n, cutoff=0.4)
    return [keyed[h] for h in hits]


def scene_sort_key(number: str) -> tuple[int, str]:
    """A scene number's place in script order: 9 < 9A < 10."""
    match = re.match(r"(\d+)(.*)", number)
    return (int(match.group(1)), match.group(2)) if match else (10**9, number)


@dataclass
class Production:
    """One production's data, for tools. Build with `open_production` or `Production.from_files`."""

    name: str
    screenplay: Screenplay | None = None
    cast: list[CastMember] = field(default_factory=list)
    locations: list[LocationEntry] = field(default_factory=list)
    plan_path: Path | None = None
    subtitle_paths: list[Path] = field(default_factory=list)
    documents: list[DocumentRecord] = field(default_factory=list)
    project_dir: Path | None = None
    retriever: Retriever | None = None
    retriever_factory: Callable[[], Retriever] | None = field(default=None, repr=False)
    writer: TextWriter | None = field(default=None, repr=False)

    # --- construction ----------------------------------------------------------------------------

    @classmethod
    def from_files(
        cls,
        script: str | Path | None = None,
        *,
        cast: str | Path | None = None,
        locations: str | Path | None = None,
        plan: str | Path | None = None,
        name: str | None = None,
        output_dir: Path | None = None,
    ) -> Production:
        """A production straight from files, without a project (for `--script FILE`)."""
        from knowledge.loader import load_screenplay

        screenplay = load_screenplay(script) if script else None
        return cls(
            name=name or (Path(script).stem if script else "files"),
            screenplay=screenplay,
            cast=load_cast_list(cast) if cast else [],
            locations=load_location_list(locations) if locations else [],
            plan_path=Path(plan) if plan else None,
            project_dir=output_dir,
        )

    # --- paths -----------------------------------------------------------------------------------

    @property
    def work_dir(self) -> Path:
        """The project's folder; a production made straight from files works under SLATE_HOME/scratch/<name>
        (never in the caller's working directory)."""
        if self.project_dir is not None:
            return self.project_dir
        from core.settings import load_settings

        name = re.sub(r"[^\w\-]+", "-", self.name or "production").strip("-") or "production"
        return load_settings().home / "scratch" / name

    @property
    def output_dir(self) -> Path:
        """Where tools write files; created on first use."""
        out = self.work_dir / "outputs"
        out.mkdir(parents=True, exist_ok=True)
        return out

    @property
    def artifacts_dir(self) -> Path:
        out = self.work_dir / "artifacts"
        out.mkdir(parents=True, exist_ok=True)
        return out

    def document_path(self, name: str) -> Path | None:
        """The stored copy of an ingested document, by the name the crew knows."""
        if self.project_dir is None:
            return None
        for doc in self.documents:
            if doc.name == name or Path(doc.name).stem == name:
                return self.project_dir / doc.stored
        return None

    # --- scenes ----------------------------------------------------------------------------------

    @cached_property
    def scenes(self) -> list[Scene]:
        """The script's scenes with character names mapped to the cast list's ids."""
        if self.screenplay is None:
            return []
        out = []
        patterns = self._alias_patterns()
        for scene in self.screenplay.scenes:
            speaking = list(dict.fromkeys(self.canonical_character(c) for c in scene.characters))
            named = [self.canonical_character(c) for c in scene.non_speaking]
            action = without_quotations("\n".join(el.text for el in scene.elements if el.type == "action"))
            named += [member for member, pattern in patterns if pattern.search(action)]
            silent = [n for n in dict.fromkeys(named) if n not in speaking]
            out.append(scene.model_copy(update={"characters": speaking, "non_speaking": silent}))
        return out

    def _alias_patterns(self) -> list[tuple[str, re.Pattern[str]]]:
        """Cast-list aliases to look for in action lines ("Lau enters", "劉Sir 衝入嚟"): the parser only
        knows the script's own cue names, the cast list knows what the action calls people."""
        out = []
        for member in self.cast:
            parts = []
            for alias in member.all_names():
                if re.search(r"[\u3400-\u9fff]", alias):
                    if len(alias) >= 2:
                        parts.append(re.escape(alias))
                elif len(alias) >= 3:
                    parts.append(r"(?<![A-Za-z])" + re.escape(alias) + r"(?![A-Za-z])")
            if parts:
                out.append((member.id, re.compile("|".join(parts), re.IGNORECASE)))
        return out

    def require_script(self) -> Screenplay:
        if self.screenplay is None:
            raise SlateError(
                f"Project {self.name!r} has no screenplay yet",
                hint="Ingest one with `slate ingest SCRIPT --project " + self.name + "`",
            )
        return self.screenplay

    def scene(self, number: str | int) -> Scene:
        """A scene by its number (`12`, `12A`, `第12場`, `sc 12`); SceneNotFound lists the nearest."""
        self.require_script()
        wanted = normalise_scene_number(str(number))
        for scene in self.scenes:
            if normalise_scene_number(scene.number) == wanted:
                return scene
        numbers = [s.number for s in self.scenes]
        digits = re.match(r"\d+", wanted)
        if digits:
            target = int(digits.group())
            by_distance = sorted(
                numbers, key=lambda n: (abs(scene_sort_key(n)[0] - target), scene_sort_key(n))
            )
            nearest = by_distance[:3]
        else:
            nearest = _nearest(wanted, numbers)
        raise SceneNotFound(str(number), nearest, file=self.screenplay.file if self.screenplay else None)

    # --- people and places ----------------------------------------------------------------------

    @cached_property
    def _character_index(self) -> dict[str, str]:
        """normalised alias → canonical name (cast id where the cast list knows the character)."""
        index: dict[str, str] = {}
        for member in self.cast:
            for alias in member.all_names():
                index.setdefault(normalise_name(alias), member.id)
        if self.screenplay is not None:
            for scene in self.screenplay.scenes:
                for name in scene.characters:
                    index.setdefault(normalise_name(name), name)
        return index

    def canonical_character(self, name: str) -> str:
        """The cast id for any alias (`劉Sir` → `INSPECTOR LAU`); unknown names come back unchanged."""
        return self._character_index.get(normalise_name(name), name)

    def character_names(self) -> dict[str, list[str]]:
        """canonical name → every alias known for it (script cues and cast-list names)."""
        names: dict[str, list[str]] = {}
        for canonical in self._character_index.values():
            names.setdefault(canonical, [])
        for member in self.cast:
            names.setdefault(member.id, []).extend(member.all_names())
        if self.screenplay is not None:
            for scene in self.screenplay.scenes:
                for cue in scene.characters:
                    names.setdefault(self.canonical_character(cue), []).append(cue)
        return {k: list(dict.fromkeys(v)) for k, v in names.items()}

    def resolve_character(self, name: str) -> str:
        """The canonical character for `name` (exact alias, then unique substring); else CharacterNotFound."""
        key = normalise_name(name)
        if key in self._character_index:
            return self._character_index[key]
        partial = {canon for alias, canon in self._character_index.items() if key and (key in alias)}
        if len(partial) == 1:
            return partial.pop()
        options = sorted(self.character_names())
        aliases = [alias for aliases in self.character_names().values() for alias in aliases]
        nearest = [self.canonical_character(n) for n in _nearest(name, aliases)] or sorted(partial)[:3]
        raise CharacterNotFound(name, list(dict.fromkeys(nearest)) or options[:3])

    def cast_member(self, name: str) -> CastMember | None:
        canonical = self.canonical_character(name)
        return next((m for m in self.cast if m.id == canonical), None)

    def location_names(self) -> dict[str, list[str]]:
        """Each location (list entry id, else the script's set name) → its aliases and the script's
        set names that belong to it."""
        names: dict[str, list[str]] = {entry.id: entry.all_names() for entry in self.locations}
        for scene in self.scenes:
            if not scene.location or scene.omitted:  # "11 OMITTED" keeps a number, not a place
                continue
            entry = self.location_entry(scene.location)
            names.setdefault(entry.id if entry else scene.location, []).append(scene.location)
        return {k: list(dict.fromkeys(v)) for k, v in names.items()}

    def location_entry(self, scene_location: str) -> LocationEntry | None:
        """The location-list entry a scene's set belongs to (by alias contained in the set name)."""
        key = normalise_name(scene_location)
        best: tuple[int, LocationEntry] | None = None
        for entry in self.locations:
            for alias in entry.all_names():
                alias_key = normalise_name(alias)
                if alias_key and alias_key in key and (best is None or len(alias_key) > best[0]):
                    best = (len(alias_key), entry)
        return best[1] if best else None

    def match_location(self, text: str) -> list[str]:
        """Scene locations matching `text` in either language (substring, via the location list's
        aliases); LocationNotFound with the nearest sets when none does."""
        key = normalise_name(text)
        entries = self._entries_named(key)
        terms = {key} | {normalise_name(a) for entry in entries for a in entry.all_names()}
        found = []
        for loc in dict.fromkeys(s.location for s in self.scenes):
            owner = self.location_entry(loc)
            if owner is not None and entries:
                # A set belongs to the list entry whose name it holds most fully: MONG KOK MINIBUS
                # STAND is the stand, not the MINIBUS, though it holds that word too.
                if any(owner is e for e in entries):
                    found.append(loc)
            elif any(t and t in normalise_name(loc) for t in terms):
                found.append(loc)
        if not found:
            raise LocationNotFound(text, _nearest(text, list(dict.fromkeys(s.location for s in self.scenes))))
        return _narrowed_to_part(key, found)

    def sublocations(self) -> set[str]:
        """The parts of the script's sets after their place ("COURTROOM" of "DISTRICT COURT -
        COURTROOM"), normalised: a name for one room of a place, not the whole place."""
        return {
            normalise_name(part)
            for loc in dict.fromkeys(s.location for s in self.scenes)
            for part in _SET_PART.split(loc)[1:]
            if part.strip()
        }

    def _entries_named(self, key: str) -> list[LocationEntry]:
        """The location-list entries `key` names: one alias equal to it, else aliases holding it, else
        the entry with the longest alias it holds."""
        if not key:
            return []
        named = [(e, normalise_name(a)) for e in self.locations for a in e.all_names() if normalise_name(a)]
        exact = [e for e, a in named if a == key]
        if exact:
            return list({id(e): e for e in exact}.values())
        holding = [e for e, a in named if key in a]
        if holding:
            return list({id(e): e for e in holding}.values())
        inside = sorted(((len(a), e) for e, a in named if a in key), key=lambda pair: -pair[0])
        return [inside[0][1]] if inside else []

    # --- documents -------------------------------------------------------------------------------

    def search(self, query: str, *, k: int = 5, filters: dict[str, Any] | None = None) -> list[SearchHit]:
        """Hybrid search over the production's documents (needs a retriever)."""
        if self.retriever is None and self.retriever_factory is not None:
            self.retriever = self.retriever_factory()
        if self.retriever is None:
            raise SlateError(
                "Document search needs an ingested project",
                hint="Run `slate ingest PATH --project NAME` and pass --project",
            )
        return self.retriever.search(query, k=k, filters=filters)


def normalise_scene_number(text: str) -> str:
    """`Scene 12a`, `sc.12A`, `第12A場`, `#12A#`, `１２` → `12A`."""
    import unicodedata

    value = unicodedata.normalize("NFKC", text).strip().upper()
    value = re.sub(r"^(SCENE|SC\.?|SCN|第)\s*", "", value)
    value = re.sub(r"(場|场|SCENE)$", "", value).strip("#. ")
    value = digits_in(value)
    value = value.lstrip("0") or value
    return value


def open_production(
    settings: Settings,
    project: str | None = None,
    *,
    retriever: Retriever | None = None,
    must_exist: bool = True,
) -> Production:
    """Open an ingested project: its latest screenplay, cast and location lists, plan, subtitles.

    The retriever is built lazily from settings (knowledge.retrieval) unless one is given.
    """
    from knowledge.shared_store import pull_project

    name = project or settings.project
    project_dir = settings.project_dir(name)
    pull_project(settings, name)  # with a Chroma server, the team's documents, not this machine's copy
    manifest = load_manifest(project_dir, name)
    if must_exist and not manifest.documents:
        raise ProjectNotFound(name, _nearest(name, list_projects(settings)))

    def latest(doc_type: DocType) -> Path | None:
        docs = manifest.of_type(doc_type)
        return project_dir / docs[-1].stored if docs else None

    screenplay = None
    script_path = latest("screenplay")
    if script_path is not None:
        from knowledge.loader import load_screenplay

        screenplay = load_screenplay(script_path)
        script_doc = manifest.of_type("screenplay")[-1]
        screenplay.file = script_doc.name
        for scene in screenplay.scenes:
            scene.file = script_doc.name
    cast_path, locations_path = latest("cast"), latest("locations")

    def factory() -> Retriever:
        from knowledge.retrieval import open_retriever

        return open_retriever(settings, name)

    production = Production(
        name=name,
        screenplay=screenplay,
        cast=load_cast_list(cast_path) if cast_path else [],
        locations=load_location_list(locations_path) if locations_path else [],
        plan_path=latest("plan"),
        subtitle_paths=[project_dir / d.stored for d in manifest.of_type("subtitles")],
        documents=list(manifest.documents),
        project_dir=project_dir,
        retriever=retriever,
        retriever_factory=None if retriever is not None else factory,
    )
    return production
