"""Hybrid retrieval over one project: vectors + BM25, fused, with entity awareness and filters.

A search runs three rankers and adds them up (reciprocal rank fusion, K = 60):
1. vector search in Chroma with the query's e5 embedding (meaning, across languages);
2. BM25 over Chinese-aware tokens (knowledge.keyword), the query expanded with every alias of the
   characters and locations it names (劉Sir → 劉督察, INSPECTOR LAU, LAU), weighted down;
3. exact entities, which must win where embeddings are weak across languages: a scene number
   ("scene 12", "第12場", "sc 12A", "第十二場") boosts that scene's chunks, and less, passages that
   mention it; a character or location boosts chunks whose metadata or text names it in any language;
   words like "recce", "字幕", "actor" boost the document type they point to; "night"/"夜" boosts night scenes.

Filters (doc_type, scene, character, location, time_of_day, int_ext, file) are applied before
ranking, from the metadata the keyword index keeps for every chunk, so both rankers see the same
allowed set and aliases work in filters too (`character="劉Sir"`).

The production's entities come from its own cast and location lists (found through the manifest)
and from the names its script uses.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from core.errors import ProjectNotFound, SlateError, StoreError
from knowledge.answer_kinds import holds_money, money_asked
from knowledge.bilingual import bridge_stems, film_terms
from knowledge.cast_list import CastMember, LocationEntry, load_cast_list, load_location_list, normalise_name
from knowledge.chunking import Chunk
from knowledge.citations import DocType, SearchHit
from knowledge.keyword import INDEX_FILE, KeywordIndex, tokenize
from knowledge.production import MANIFEST, Manifest, list_projects, load_manifest, normalise_scene_number
from knowledge.scene_refs import scene_numbers
from knowledge.vocabulary import TIME_QUESTION_WORDS, word_pattern

if TYPE_CHECKING:
    from pathlib import Path

    from chromadb.api import ClientAPI

    from core.settings import Settings
    from knowledge.embedder import Embedder
    from knowledge.store import VectorStore

RRF_K = 60
# Boosts, in units of "ranked first by one ranker" (1 / (K + 1)). A scene named by number outranks
# anything the rankers say; names and places count about as much as a good rank.
BOOST_SCENE = 2.5
BOOST_SCENE_MENTION = 1.2
BOOST_CHARACTER = 0.4
BOOST_CHARACTER_MENTION = 0.25
BOOST_LOCATION = 0.5
BOOST_LOCATION_MENTION = 0.3
BOOST_TIME = 0.4
BOOST_DOC_TYPE = 0.8
BOOST_ANSWER_KIND = 1.0
# Passages from one scene (or notes section) in the results while other places are left.
PER_PLACE = 1
# Weight of alias terms added to the BM25 query (the user's own words weigh 1).
EXPANSION_WEIGHT = 0.5
# A Chinese word's English translations (knowledge.bilingual.bridge_stems) in the keyword ranking.
BRIDGE_WEIGHT = 0.3

FILTER_KEYS = frozenset({"doc_type", "scene", "character", "location", "time_of_day", "int_ext", "file"})


def _words(text: str) -> tuple[str, ...]:
    """`"a|b c|d"` → ("a", "b c", "d"): long hint lists stay on a few readable lines."""
    return tuple(word.strip() for word in text.split("|") if word.strip())


# Words that say which kind of document the answer is in.
DOC_TYPE_HINTS: dict[DocType, tuple[str, ...]] = {
    "screenplay": _words("which scene|what scene|哪一場|哪場|邊場|邊一場|第幾場|script|劇本"),
    # Questions of creative direction are answered by the director's notes.
    "notes": _words(
        "director|導演|筆記|notes|lens|鏡頭|colour|color|色調|燈光|lighting|music|音樂|配樂|tone|基調"
        "|safety|安全|style|make-up|makeup|化妝|妝|wardrobe|costume|服裝|造型"
    ),
    # Shooting logistics are what a recce report records.
    "report": _words(
        "recce|勘景|睇景|report|報告|survey|power|parking|permit|permits|批文|noise|噪音|generator|發電機"
        "|unit base|泊車|neighbour|neighbours|街坊"
    ),
    "cast": _words(
        "actor|actress|演員|cast|片酬|日薪|rate|who plays|飾演|扮演|邊個演|unavailable|available|不能拍|唔得閒|檔期"
        "|voice|voices|配音|把聲|make-up|makeup|化妝|妝"
    ),
    "locations": _words("address|地址|contact|聯絡|聯絡人|unavailable|不能拍|唔借得|借唔借"),
    "plan": _words("production plan|拍攝計劃|start date|開拍|開機|days off|休息日|day length"),
    "subtitles": _words("subtitle|subtitles|字幕|timecode|caption"),
}

# The times of day a question names (knowledge.vocabulary, shared with the agent's understanding).
TIME_HINTS: dict[str, tuple[str, ...]] = TIME_QUESTION_WORDS


def scene_references(text: str) -> list[str]:
    """Scene numbers a text names: `scene 12`, `Sc. 12A`, `第12場`, `第十二場`, `12場` → `12`, `12A`
    (read by knowledge.scene_refs, as everywhere else)."""
    return scene_numbers(text)


# --- entities ---------------------------------------------------------------------------------------


def _contains_latin(text: str) -> bool:
    return any(ch.isascii() and ch.isalpha() for ch in text)


def _alias_pattern(alias: str) -> re.Pattern[str] | None:
    """How an alias is found in normalised text: whole words for Latin names, substrings for
    Chinese ones (which have no word boundaries); too-short aliases are not matched at all."""
    key = normalise_name(alias)
    cjk = sum(1 for ch in key if not ch.isascii())
    if cjk == 0 and len(key) < 3:
        return None
    if cjk and len(key) < 2:
        return None
    escaped = re.escape(key)
    if _contains_latin(key):
        return re.compile(rf"(?<![a-z0-9]){escaped}(?![a-z0-9])")
    return re.compile(escaped)


@dataclass
class Entity:
    """A character or a location, with every name it goes by."""

    kind: Literal["character", "location"]
    canonical: str
    aliases: list[str]
    keys: set[str] = field(default_factory=set)
    patterns: list[re.Pattern[str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.aliases = list(dict.fromkeys(a for a in [self.canonical, *self.aliases] if a.strip()))
        self.keys = {normalise_name(a) for a in self.aliases}
        self.patterns = [p for p in (_alias_pattern(a) for a in self.aliases) if p is not None]

    def mentioned_in(self, normal_text: str) -> bool:
        """Whether normalised text names this entity."""
        return any(p.search(normal_text) for p in self.patterns)

    def names_location(self, location: str | None) -> bool:
        """Whether a scene's set (`旺角警署 MONG KOK POLICE STATION - CID OFFICE`) is this place."""
        if not location:
            return False
        return self.mentioned_in(normalise_name(location))


class EntityIndex:
    """The production's characters and locations, to recognise them in queries and chunks."""

    def __init__(self, characters: Iterable[Entity] = (), locations: Iterable[Entity] = ()) -> None:
        self.characters = list(characters)
        self.locations = list(locations)

    @classmethod
    def build(
        cls,
        cast: Sequence[CastMember] = (),
        locations: Sequence[LocationEntry] = (),
        script_characters: Iterable[str] = (),
    ) -> EntityIndex:
        """From the cast and location lists, plus script cue names the cast list does not know."""
        characters = [Entity("character", m.id, m.all_names()) for m in cast]
        known = {key for e in characters for key in e.keys}
        for name in script_characters:
            key = normalise_name(name)
            if key and key not in known:
                characters.append(Entity("character", name, [name]))
                known.add(key)
        places = [Entity("location", e.id, e.all_names()) for e in locations]
        return cls(characters, places)

    def find(self, text: str) -> tuple[list[Entity], list[Entity]]:
        """(characters, locations) named in `text`."""
        normal = normalise_name(text)
        return (
            [e for e in self.characters if e.mentioned_in(normal)],
            [e for e in self.locations if e.mentioned_in(normal)],
        )

    def character(self, name: str) -> Entity:
        """The character `name` refers to (any alias), or a one-name entity for an unknown name."""
        key = normalise_name(name)
        for entity in self.characters:
            if key in entity.keys:
                return entity
        return Entity("character", name, [name])

    def location(self, name: str) -> Entity:
        """The location `name` refers to (alias, or contained in an alias), else a one-name entity."""
        key = normalise_name(name)
        for entity in self.locations:
            if key in entity.keys:
                return entity
        for entity in self.locations:
            if any(key and key in alias for alias in entity.keys):
                return entity
        return Entity("location", name, [name])


# --- query analysis --------------------------------------------------------------------------------


@dataclass
class QueryAnalysis:
    """What a query names exactly, and the BM25 terms it expands to."""

    scenes: list[str]
    characters: list[Entity]
    locations: list[Entity]
    times: list[str]
    doc_types: list[DocType]
    terms: dict[str, float]
    money: bool = False  # "how much…?": a passage that states an amount answers it

    @property
    def has_signals(self) -> bool:
        return bool(
            self.scenes or self.characters or self.locations or self.times or self.doc_types or self.money
        )


# What the crew pays, books and asks permission for: a question with one of these is about making the
# film (the notes answer it), not about the story (the script answers it).
_PRODUCTION_WORDS = _words(
    "budget|cost|costs|hire|hired|rent|rental|rented|fee|fees|invoice|quote|insurance|booked|booking|crew"
    "|department|prop|props|shoot|shooting|filming|equipment|kit|licence|license|clearance|catering"
    "|預算|成本|租|費|人工|報價|保險|訂咗|預訂|劇組|道具|拍攝|開工|收工|器材|版權|到會|飯盒"
    # Who the crew has on set: advisers, consultants, coaches, whoever is in charge of something.
    "|adviser|advisor|consultant|coach|on set|on-set|in charge|顧問|指導|統籌|負責|現場"
    # The papers the production holds: notices, approvals, licences.
    "|notice|approval|通知書|批文|牌照|許可證|批准"
)


def asks_about_production(query: str) -> bool:
    """Whether a question is about making the film (notes, lists, plans) rather than the story.

    It names a kind of production document (DOC_TYPE_HINTS, the screenplay aside), a film-production
    term that is not a scene filter (knowledge.bilingual: lens, stunt coordinator, 航拍機), or what the
    crew pays and books (budget, hire, 租, 費).
    """
    normal = unicodedata.normalize("NFKC", query).casefold()
    if any(_hint_matches(normal, words) for kind, words in DOC_TYPE_HINTS.items() if kind != "screenplay"):
        return True
    if any(not term.filter for term in film_terms(normal)):
        return True
    return _hint_matches(normal, _PRODUCTION_WORDS)


def _hint_matches(normal: str, words: Sequence[str]) -> bool:
    for word in words:
        if _contains_latin(word):
            if word_pattern(word, "a-z", "a-z").search(normal):
                return True
        elif word in normal:
            return True
    return False


def analyse_query(query: str, entities: EntityIndex) -> QueryAnalysis:
    """Scene numbers, characters, locations, time of day and document-type hints in `query`."""
    normal = normalise_name(query)
    characters, locations = entities.find(query)
    doc_types = [kind for kind, words in DOC_TYPE_HINTS.items() if _hint_matches(normal, words)]
    times = [time for time, words in TIME_HINTS.items() if _hint_matches(normal, words)]
    terms: dict[str, float] = {}
    for token in tokenize(query):
        terms[token] = terms.get(token, 0.0) + 1.0
    for entity in [*characters, *locations]:
        for alias in entity.aliases:
            for token in tokenize(alias):
                if token not in terms:
                    terms[token] = EXPANSION_WEIGHT
    # Film terms in the other language (特技統籌 → stunt coordinator): a Cantonese question finds an
    # English note by its words, not only by the embedder's sense of it.
    for term in film_terms(normal):
        for other in term.other:
            for token in tokenize(other):
                if token not in terms:
                    terms[token] = EXPANSION_WEIGHT
    return QueryAnalysis(
        scene_references(query), characters, locations, times, doc_types, terms, money=money_asked(normal)
    )


def _expanded_query(query: str, analysis: QueryAnalysis) -> str:
    """The query with the other-language names of the entities it mentions appended, so the
    embedding of 「醫生點講冼家俊？」 also carries DOCTOR and KELVIN for English passages."""
    normal = normalise_name(query)
    extra: list[str] = []
    for entity in [*analysis.characters, *analysis.locations]:
        latin = next(
            (a for a in entity.aliases if _contains_latin(a) and normalise_name(a) not in normal), None
        )
        cjk = next((a for a in entity.aliases if not a.isascii() and normalise_name(a) not in normal), None)
        extra.extend(name for name in (latin, cjk) if name)
    extra.extend(term.other[0] for term in film_terms(normal) if term.other)
    return f"{query} ({', '.join(dict.fromkeys(extra))})" if extra else query


# --- the keyword index, kept in step with the manifest ---------------------------------------------


def load_keyword_index(project_dir: Path, manifest: Manifest, store: VectorStore) -> KeywordIndex:
    """The project's keyword index; rebuilt from the vector store when it is missing, damaged or
    does not hold exactly the manifest's chunks (e.g. after an interrupted ingest)."""
    path = project_dir / INDEX_FILE
    wanted = {ident for doc in manifest.documents for ident in doc.chunk_ids}
    if path.exists():
        try:
            index = KeywordIndex.load(path)
        except StoreError:
            index = None
        if index is not None and set(index.records) == wanted:
            return index
    records = store.get(sorted(wanted)) if wanted else {}
    index = KeywordIndex.from_records((ident, text, meta) for ident, (text, meta) in records.items())
    if wanted:
        index.save(path)
    return index


# --- the retriever ---------------------------------------------------------------------------------


def _normal_time(value: str) -> str:
    key = normalise_name(value)
    for time, words in TIME_HINTS.items():
        if key == time.casefold() or key in words:
            return time
    return value.upper()


class HybridRetriever:
    """Searches one project (implements knowledge.production.Retriever).

    Given the project folder, it notices a newer manifest (an ingest or forget since it was
    opened, e.g. an upload in the UI) and reloads its index before the next search.
    """

    def __init__(
        self,
        project: str,
        store: VectorStore,
        keyword: KeywordIndex,
        embedder: Embedder,
        entities: EntityIndex | None = None,
        *,
        project_dir: Path | None = None,
    ) -> None:
        self.project = project
        self.store = store
        self.embedder = embedder
        self.project_dir = project_dir
        # Brings the local project folder up to a shared server's before each search (server mode).
        self.sync: Callable[[], object] | None = None
        self._stamp = self._manifest_stamp()
        self._load(keyword, entities)

    def _load(self, keyword: KeywordIndex, entities: EntityIndex | None) -> None:
        self.keyword = keyword
        self.chunks: dict[str, Chunk] = {
            ident: Chunk.from_metadata(ident, text, meta) for ident, (text, meta) in keyword.records.items()
        }
        if entities is None:
            script_names = {c for chunk in self.chunks.values() for c in chunk.characters}
            entities = EntityIndex.build(script_characters=sorted(script_names))
        self.entities = entities
        self._normal_text = {ident: normalise_name(chunk.text) for ident, chunk in self.chunks.items()}
        # Scenes a passage talks about (a note on "Scene 14"), other than the scene it is from.
        self._mentions: dict[str, set[str]] = {}
        for ident, chunk in self.chunks.items():
            refs = set(scene_references(chunk.text))
            refs.discard(normalise_scene_number(chunk.scene) if chunk.scene else "")
            if refs:
                self._mentions[ident] = refs

    def _manifest_stamp(self) -> int | None:
        if self.project_dir is None:
            return None
        try:
            return (self.project_dir / MANIFEST).stat().st_mtime_ns
        except OSError:
            return None

    def refresh(self) -> None:
        """Reload the index if the project changed on disk (or, with a Chroma server, on the server)
        since it was loaded."""
        if self.sync is not None:
            self.sync()
        stamp = self._manifest_stamp()
        if self.project_dir is None or stamp == self._stamp:
            return
        manifest = load_manifest(self.project_dir, self.project)
        keyword = load_keyword_index(self.project_dir, manifest, self.store)
        self._stamp = stamp
        self._load(keyword, None)
        self.entities = production_entities(self.project_dir, manifest, self.chunks.values())

    # --- filters ---------------------------------------------------------------------------------

    def _allowed(self, filters: Mapping[str, Any] | None) -> list[str] | None:
        if not filters:
            return None
        unknown = set(filters) - FILTER_KEYS
        if unknown:
            raise SlateError(
                "Unknown search filter",
                value=sorted(unknown)[0],
                hint="Filters: " + ", ".join(sorted(FILTER_KEYS)),
            )
        ids = list(self.chunks)
        for key, value in filters.items():
            if value is None or value == "" or value == []:
                continue
            ids = [i for i in ids if self._passes(self.chunks[i], key, value)]
        return ids

    def _passes(self, chunk: Chunk, key: str, value: Any) -> bool:
        values = [str(v) for v in value] if isinstance(value, (list, tuple, set)) else [str(value)]
        if key == "doc_type":
            return chunk.doc_type in values
        if key == "file":
            return chunk.file in values
        if key == "scene":
            wanted = {normalise_scene_number(v) for v in values}
            return bool(chunk.scene) and normalise_scene_number(str(chunk.scene)) in wanted
        if key == "time_of_day":
            return chunk.time_of_day in {_normal_time(v) for v in values}
        if key == "int_ext":
            return (chunk.int_ext or "") in {v.upper() for v in values}
        if key == "character":
            return any(self._has_character(chunk, self.entities.character(v)) for v in values)
        if key == "location":
            return any(self._at_location(chunk, self.entities.location(v)) for v in values)
        return True

    def _has_character(self, chunk: Chunk, entity: Entity) -> bool:
        if any(normalise_name(c) in entity.keys for c in chunk.characters):
            return True
        return chunk.doc_type != "screenplay" and entity.mentioned_in(self._normal_text[chunk.id])

    def _at_location(self, chunk: Chunk, entity: Entity) -> bool:
        if entity.names_location(chunk.location):
            return True
        return chunk.doc_type not in ("screenplay", "locations") and entity.mentioned_in(
            self._normal_text[chunk.id]
        )

    # --- search ----------------------------------------------------------------------------------

    def search(self, query: str, *, k: int = 5, filters: dict[str, Any] | None = None) -> list[SearchHit]:
        """The `k` best passages for `query` (any language), each with its citation."""
        if not query.strip():
            raise SlateError("The search query is empty", value=query)
        self.refresh()
        if k <= 0 or not self.chunks:
            return []
        allowed = self._allowed(filters)
        if allowed is not None and not allowed:
            return []
        analysis = analyse_query(query, self.entities)
        # A Chinese question's words in English, for the English notes' terms (weighted under the
        # question's own words and the names it expands to).
        for term in self.keyword.latin_terms_with_stems(bridge_stems(query)):
            analysis.terms.setdefault(term, BRIDGE_WEIGHT)
        depth = max(50, 5 * k)
        scores: dict[str, float] = {}

        for rank, (ident, _) in enumerate(self._vector_ranking(query, depth, allowed, analysis), start=1):
            scores[ident] = scores.get(ident, 0.0) + 1.0 / (RRF_K + rank)
        worded: dict[str, int] = {}  # each passage's place in the ranking by the question's words
        for rank, (ident, _) in enumerate(self.keyword.search(analysis.terms, depth, ids=allowed), start=1):
            scores[ident] = scores.get(ident, 0.0) + 1.0 / (RRF_K + rank)
            worded[ident] = rank
        if analysis.has_signals:
            unit = 1.0 / (RRF_K + 1)
            for ident in allowed if allowed is not None else self.chunks:
                boost = self._entity_boost(self.chunks[ident], analysis)
                if boost:
                    scores[ident] = scores.get(ident, 0.0) + boost * unit

        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [self.chunks[ident].to_hit(score) for ident, score in self._diverse(ranked, k, worded)]

    def _other_kind(
        self, picked: list[tuple[str, float]], ranked: list[tuple[str, float]], k: int, worded: dict[str, int]
    ) -> list[tuple[str, float]]:
        """When the passages picked are all (or all but one) one kind of document (a place's scenes,
        boosted by its name), the best passages of other kinds within reach take the last places of
        that kind: "any sound problem at the bakery?" is answered by the notes, not by the fifth scene
        set there."""
        if k < 4:
            return picked
        counts = Counter(self.chunks[i].doc_type for i, _ in picked)
        main, held = counts.most_common(1)[0]
        if held < len(picked) - 1:
            return picked
        kinds = set(counts)
        chosen = {i for i, _ in picked}
        others: list[tuple[str, float]] = []
        # Within reach, the passages the question's words rank best come first: the notes' "Sound"
        # section before a plan whose title happens to hold the place's name.
        reach = sorted(ranked[: 4 * k], key=lambda item: worded.get(item[0], len(worded) + 1))
        for ident, score in reach:
            kind = self.chunks[ident].doc_type
            if ident not in chosen and kind not in kinds:
                others.append((ident, score))
                kinds.add(kind)
                if len(others) == (2 if k >= 5 else 1):
                    break
        if not others:
            return picked
        # The last passages of the main kind make room (the place's card and the notes about it stay).
        mains = [n for n, (i, _) in enumerate(picked) if self.chunks[i].doc_type == main]
        dropped = set(mains[len(mains) - len(others) :])
        return [item for n, item in enumerate(picked) if n not in dropped] + others

    def _diverse(
        self, ranked: list[tuple[str, float]], k: int, worded: dict[str, int]
    ) -> list[tuple[str, float]]:
        """The top `k`, at most PER_PLACE passages from one scene or section while others are left:
        the second part of a scene that already answered is worth less than the next place."""
        picked: list[tuple[str, float]] = []
        rest: list[tuple[str, float]] = []
        seen: dict[tuple[str, str | None, str | None], int] = {}
        for ident, score in ranked:
            chunk = self.chunks[ident]
            place = (chunk.file, chunk.scene, chunk.section if chunk.scene is None else None)
            if seen.get(place, 0) < PER_PLACE:
                seen[place] = seen.get(place, 0) + 1
                picked.append((ident, score))
                if len(picked) == k:
                    return self._other_kind(picked, ranked, k, worded)
            else:
                rest.append((ident, score))
        # Too few places (a filter to one scene): fill up in score order.
        return sorted(picked + rest[: k - len(picked)], key=lambda item: (-item[1], item[0]))

    def _vector_ranking(
        self, query: str, depth: int, allowed: list[str] | None, analysis: QueryAnalysis
    ) -> list[tuple[str, float]]:
        vector = self.embedder.embed_query(_expanded_query(query, analysis))
        try:
            found = self.store.query(vector, depth, ids=allowed)
        except StoreError:
            if allowed is None:
                raise
            # Chroma refuses an id list naming a record it lacks (store edited behind our back):
            # search everything and filter here instead.
            permitted = set(allowed)
            found = [hit for hit in self.store.query(vector, depth * 4) if hit[0] in permitted]
        # Records the manifest no longer lists (orphans of a crashed ingest) are never returned.
        return [hit for hit in found if hit[0] in self.chunks][:depth]

    def _entity_boost(self, chunk: Chunk, analysis: QueryAnalysis) -> float:
        boost = 0.0
        if chunk.doc_type in analysis.doc_types:
            boost += BOOST_DOC_TYPE
        if analysis.scenes:
            if chunk.scene and normalise_scene_number(chunk.scene) in analysis.scenes:
                boost += BOOST_SCENE
            elif self._mentions.get(chunk.id, set()) & set(analysis.scenes):
                boost += BOOST_SCENE_MENTION
        if chunk.doc_type in ("cast", "locations") and chunk.doc_type not in analysis.doc_types:
            # A list row names its entity in every language, so it would match every question about
            # that person or place; it should rise only when the question is about the list itself.
            return boost
        text = self._normal_text[chunk.id]
        if analysis.money and holds_money(chunk.text):
            # "How much did he offer?" across languages: the English question shares no word with
            # 「二十八萬，一筆勾銷」, but only passages stating an amount can answer it.
            boost += BOOST_ANSWER_KIND
        for entity in analysis.characters:
            if any(normalise_name(c) in entity.keys for c in chunk.characters):
                boost += BOOST_CHARACTER
            elif entity.mentioned_in(text):
                boost += BOOST_CHARACTER_MENTION
        for entity in analysis.locations:
            if entity.names_location(chunk.location):
                boost += BOOST_LOCATION
            elif entity.mentioned_in(text):
                boost += BOOST_LOCATION_MENTION
        if chunk.time_of_day and chunk.time_of_day in analysis.times:
            boost += BOOST_TIME
        return boost


def production_entities(project_dir: Path, manifest: Manifest, chunks: Iterable[Chunk]) -> EntityIndex:
    """Entities from the project's latest cast and location lists and its script's cue names."""
    cast: list[CastMember] = []
    places: list[LocationEntry] = []
    casts, lists = manifest.of_type("cast"), manifest.of_type("locations")
    try:
        if casts:
            cast = load_cast_list(project_dir / casts[-1].stored)
        if lists:
            places = load_location_list(project_dir / lists[-1].stored)
    except SlateError:
        # A list that was valid at ingest but is damaged on disk now: search still works, only
        # without cross-language expansion.
        pass
    script_names = sorted({c for chunk in chunks if chunk.doc_type == "screenplay" for c in chunk.characters})
    return EntityIndex.build(cast, places, script_names)


def open_retriever(
    settings: Settings,
    project: str,
    *,
    client: ClientAPI | None = None,
    embedder: Embedder | None = None,
) -> HybridRetriever:
    """The retriever for an ingested project (Chroma client and embedder from settings unless given).

    Raises:
        ProjectNotFound: nothing has been ingested into `project` (with the nearest project names).
        StoreError: the store cannot be opened, or was built with another embedder.
    """
    from knowledge.embedder import make_embedder
    from knowledge.shared_store import shared_projects
    from knowledge.store import VectorStore, make_client

    project_dir = settings.project_dir(project)
    shared = shared_projects(settings, client)
    if shared is not None:
        shared.pull(project_dir, project)
    manifest = load_manifest(project_dir, project)
    if not manifest.documents:
        import difflib

        names = list_projects(settings)
        raise ProjectNotFound(project, difflib.get_close_matches(project, names, n=3, cutoff=0.3))
    embedder = embedder or make_embedder(settings)
    store = VectorStore(client or make_client(settings), project, embedder)
    store.collection(create=False)
    keyword = load_keyword_index(project_dir, manifest, store)
    retriever = HybridRetriever(project, store, keyword, embedder, project_dir=project_dir)
    retriever.entities = production_entities(project_dir, manifest, retriever.chunks.values())
    if shared is not None:
        # Another machine may ingest or forget at any time: look at the server's manifest first.
        retriever.sync = lambda: shared.pull(project_dir, project)
    return retriever
