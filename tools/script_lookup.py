"""Script lookup: find scenes, read a scene, report on a character or a location, search documents.

These are the tools a director's questions land on ("劉督察喺邊幾場出現？", "which rooftop scenes are at
night?"). Every result carries citations (file, scene, page, lines) so answers can say where.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, Field

from core.errors import SlateError
from knowledge.cast_list import CastMember, normalise_name
from knowledge.citations import Citation, DocType, SearchHit
from knowledge.production import Production, normalise_scene_number
from knowledge.screenplay import IntExt, Scene, TimeOfDay, eighths_text
from tools.registry import PageNumber, ResultCount, ToolResult, register

SUMMARY_SENTENCES = 3


class SceneRow(BaseModel):
    """One scene as lists show it (a strip on a board)."""

    number: str
    heading: str
    int_ext: IntExt | None
    location: str
    time_of_day: TimeOfDay | None
    characters: list[str]
    non_speaking: list[str] = Field(default_factory=list)
    voice_only: list[str] = Field(default_factory=list, description="Heard, not seen (V.O., ON PHONE).")
    omitted: bool = False
    page: int
    eighths: int
    pages: str
    lines: tuple[int, int]
    file: str

    @classmethod
    def of(cls, scene: Scene) -> SceneRow:
        return cls(
            number=scene.number,
            heading=scene.heading,
            int_ext=scene.int_ext,
            location=scene.location,
            time_of_day=scene.time_of_day,
            characters=list(scene.characters),
            non_speaking=list(scene.non_speaking),
            voice_only=list(scene.voice_only),
            omitted=scene.omitted,
            page=scene.page,
            eighths=scene.eighths,
            pages=scene.pages_text,
            lines=(scene.line_start, scene.line_end),
            file=scene.file,
        )


def scene_citation(scene: Scene) -> Citation:
    return Citation(
        file=scene.file,
        doc_type="screenplay",
        scene=scene.number,
        page=scene.page,
        lines=(scene.line_start, scene.line_end),
    )


class ScenesResult(ToolResult):
    kind: Literal["scenes"] = "scenes"
    filters: dict[str, object] = Field(default_factory=dict, description="The filters that were applied.")
    scenes: list[SceneRow]
    total_eighths: int

    def summary(self) -> str:
        numbers = ", ".join(s.number for s in self.scenes) or "none"
        return f"{len(self.scenes)} scene{'' if len(self.scenes) == 1 else 's'}: {numbers} ({eighths_text(self.total_eighths or 0)} pages)"


class SceneDetail(ToolResult):
    kind: Literal["scene"] = "scene"
    scene: SceneRow
    summary_text: str = Field(description="A short summary from the scene's action lines.")
    synopsis: str | None = None
    dialogue_count: dict[str, int] = Field(default_factory=dict, description="Speeches per character.")
    text: list[tuple[int, str]] = Field(
        default_factory=list, description="Full text with source line numbers."
    )
    key_lines: list[str] = Field(
        default_factory=list,
        description="Lines of dialogue that state a fact (an amount, a date, a year), as `CUE: sentence`.",
    )

    def summary(self) -> str:
        return f"Scene {self.scene.number}: {self.scene.heading}. {self.summary_text}"


class CharacterReport(ToolResult):
    kind: Literal["character"] = "character"
    name: str
    aliases: list[str]
    actor: str | None = None
    daily_rate: float | None = Field(None, description="The cast list's daily rate (HKD), when it gives one.")
    notes: str | None = Field(None, description="The cast list's notes on the character.")
    scenes: list[SceneRow]
    speaking_scenes: list[str]
    silent_scenes: list[str]
    total_eighths: int
    first_appearance: SceneRow | None = None
    speeches: int = Field(0, description="Number of dialogue blocks the character speaks.")
    locations: list[str] = Field(default_factory=list)
    unavailable: list[str] = Field(default_factory=list)
    shared_with: str | None = None
    shared_scenes: list[SceneRow] = Field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.name}: {len(self.scenes)} scene{'' if len(self.scenes) == 1 else 's'}, {eighths_text(self.total_eighths or 0)} pages"
        if self.shared_with:
            text += f"; shares {len(self.shared_scenes)} with {self.shared_with}"
        return text


class LocationReport(ToolResult):
    kind: Literal["location"] = "location"
    name: str
    aliases: list[str]
    address: str | None = None
    int_ext: str | None = None
    unavailable: list[str] = Field(default_factory=list)
    contact: str | None = None
    notes: str | None = None
    sets: list[str] = Field(description="The script's set names that belong to this location.")
    scenes: list[SceneRow]
    total_eighths: int
    by_time_of_day: dict[str, int] = Field(default_factory=dict)
    characters: list[str] = Field(default_factory=list)

    def summary(self) -> str:
        return f"{self.name}: {len(self.scenes)} scene{'' if len(self.scenes) == 1 else 's'}, {eighths_text(self.total_eighths or 0)} pages"


class SearchResult(ToolResult):
    kind: Literal["search"] = "search"
    query: str
    hits: list[SearchHit]

    def summary(self) -> str:
        return f"{len(self.hits)} passage(s) for {self.query!r}"


class CastRow(BaseModel):
    """One character in the cast summary."""

    name: str
    actor: str | None = None
    daily_rate: float | None = None
    scenes: int
    eighths: int
    speeches: int
    first_scene: str | None = None
    last_scene: str | None = None
    seen_scenes: int = Field(
        0, description="Scenes where the character is seen, not only heard (V.O., ON PHONE)."
    )


class CastSummary(ToolResult):
    kind: Literal["cast"] = "cast"
    cast: list[CastRow]

    def summary(self) -> str:
        return f"{len(self.cast)} characters"


class OverviewDocument(BaseModel):
    """One of the production's documents, as the overview lists it."""

    name: str
    doc_type: DocType


class Overview(ToolResult):
    kind: Literal["overview"] = "overview"
    project: str
    title: str
    scenes: int
    pages: int
    total_eighths: int
    characters: dict[str, int] = Field(description="Character → number of scenes.")
    locations: dict[str, int] = Field(description="Set → number of scenes.")
    documents: list[OverviewDocument] = Field(default_factory=list)
    by_time_of_day: dict[str, int] = Field(default_factory=dict)
    by_int_ext: dict[str, int] = Field(default_factory=dict)

    def summary(self) -> str:
        return f"{self.title or self.project}: {self.scenes} scenes, {self.pages} pages"


# --- helpers --------------------------------------------------------------------------------------


def _scene_text(scene: Scene) -> str:
    return "\n".join(line.text for line in scene.lines) or "\n".join(el.text for el in scene.elements)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _matches_text(scene: Scene, needle: str) -> bool:
    folded = _fold(needle).strip()
    if not folded:
        return True
    haystack = _fold(scene.heading + "\n" + _scene_text(scene))
    return all(part in haystack for part in folded.split())


def _int_ext_matches(scene: Scene, wanted: IntExt) -> bool:
    if scene.int_ext is None:
        return False
    # An INT/EXT (I/E) scene counts as both interior and exterior: crews schedule it either way.
    return scene.int_ext == wanted or scene.int_ext == "INT/EXT"


_MARKED = re.compile(
    r"\b[A-Z][A-Z'\-]{2,}(?:\s+[A-Z][A-Z'\-]{2,})*\b|「[^」]+」|^(?:INSERT|STUNT|SFX|VFX|SUPER)\b"
)


_SENTENCE = re.compile(r".+?(?:[.!?。！？](?=\s|$)|[。！？]|$)")
_SHORT_SENTENCE = 30  # "A gust." is a beat's opening, not its event: it is read with the next sentence


def _beat_units(text: str) -> list[str]:
    """One action paragraph (a beat) as sentences, a very short one joined to the next."""
    units: list[str] = []
    for sentence in (p.strip() for p in _SENTENCE.findall(re.sub(r"\s+", " ", text).strip())):
        if not sentence:
            continue
        if units and len(units[-1]) < _SHORT_SENTENCE:
            units[-1] = f"{units[-1]} {sentence}"
        else:
            units.append(sentence)
    return units


def action_summary(scene: Scene, sentences: int = SUMMARY_SENTENCES) -> str:
    """A summary that quotes, never invents: the scene's opening, the sentences that carry what
    screenwriters mark (props and sounds in CAPITALS, 「quoted」 objects, INSERT and STUNT lines), then
    the opening sentence of the beats (action paragraphs) spread over the scene to its last, so what
    happens later in the scene is told too; in script order. Extractive on purpose: offline there is
    no model to write a summary, and a quoted sentence cannot misreport the scene."""
    beats = [_beat_units(el.text) for el in scene.elements if el.type == "action"]
    units = [(b, i) for b, beat in enumerate(beats) for i in range(len(beat))]
    budget = sentences + 1
    speeches = [
        f"{el.character}: “{' '.join(el.text.split())}”"
        for el in scene.elements
        if el.type == "dialogue" and el.character and el.text.strip()
    ]
    said = sum(len(t) for t in speeches)
    told = sum(len(u) for beat in beats for u in beat)
    if len(units) < budget or said > told:
        # A scene carried by what is said: its last speech (where a scene's exchange usually lands)
        # tells what happens better than a fourth line of action.
        room = max(1, budget - len(units)) if speeches else 0
        tail = speeches[-room:] if room else []
        head = _action_summary(beats, units, scene, budget - len(tail)) if units else ""
        return " ".join([head, *tail]).strip()
    return _action_summary(beats, units, scene, budget)


def _action_summary(beats: list[list[str]], units: list[tuple[int, int]], scene: Scene, budget: int) -> str:
    if len(units) <= budget:
        return " ".join(beats[b][i] for b, i in units)
    sentences = budget - 1
    names = {n.upper() for n in [*scene.characters, *scene.non_speaking]}

    def marks(unit: tuple[int, int]) -> int:
        text = beats[unit[0]][unit[1]]
        return sum(1 for m in _MARKED.findall(text) if m.strip().upper() not in names)

    chosen = {units[0]}
    for unit in sorted(units[1:], key=lambda u: (-marks(u), u))[: sentences - 1]:
        if marks(unit) > 0:
            chosen.add(unit)
    leads = [(b, 0) for b, beat in enumerate(beats) if beat]
    while len(chosen) < budget:
        told = {b for b, _ in chosen}
        untold = [u for u in leads if u[0] not in told]
        if not untold:
            break
        # The beat farthest from any beat already told (the later one on a tie): the summary covers
        # the whole scene, its ending included.
        chosen.add(max(untold, key=lambda u: (min(abs(u[0] - t) for t in told), u[0])))
    for unit in units:  # a scene of one or two long paragraphs: their sentences in order
        if len(chosen) >= budget:
            break
        chosen.add(unit)
    return " ".join(beats[b][i] for b, i in sorted(chosen)[:budget])


def _planned_member(production: Production, canonical: str) -> CastMember | None:
    """The cast member as the plan has them (the plan's entries override the list: newer dates)."""
    if production.plan_path is None:
        return None
    from knowledge.plan import load_plan

    try:
        members = load_plan(production.plan_path).cast_members(production.cast)
    except SlateError:  # a broken plan is reported by the scheduler, not by a character report
        return None
    return next((m for m in members if normalise_name(m.id) == normalise_name(canonical)), None)


def _sum_eighths(scenes: list[Scene]) -> int:
    return sum(s.eighths for s in scenes)


# --- tools ----------------------------------------------------------------------------------------


@register
def find_scenes(
    production: Production,
    characters: list[str] | None = None,
    location: str | None = None,
    time_of_day: TimeOfDay | None = None,
    int_ext: IntExt | None = None,
    page_from: PageNumber | None = None,
    page_to: PageNumber | None = None,
    text: str | None = None,
    numbers: list[str] | None = None,
    without: list[str] | None = None,
    speaking: bool | None = None,
    times: list[TimeOfDay] | None = None,
) -> ScenesResult:
    """Find the script's scenes by character, location, time of day, INT/EXT, page range or text.

    All filters combine (AND). Names and places may be given in any language or alias.

    Args:
        characters: characters who must all be in the scene (speaking or named in the action), e.g. ["劉督察"].
        location: part of the set name in either language, e.g. "rooftop" or "天台".
        time_of_day: DAY, NIGHT, DAWN or DUSK.
        int_ext: INT, EXT or INT/EXT; INT/EXT scenes match both INT and EXT.
        page_from: first page of a page range (inclusive).
        page_to: last page of a page range (inclusive).
        text: words that must appear in the scene's heading or text.
        numbers: restrict to these scene numbers (e.g. the scenes of a previous answer).
        without: characters who must NOT be in the scene (neither speaking nor in the action).
        speaking: with `characters`, true for the scenes where they all have a line, false for the
            scenes where they are there without one (in the action only).
        times: scenes at any of these times of day, e.g. ["DAWN", "DUSK"] ("dawn or dusk scenes").
    """
    production.require_script()
    # An OMITTED scene keeps its number in the script but is never counted or listed by a filter.
    scenes = [s for s in production.scenes if not s.omitted]
    filters: dict[str, object] = {}
    if numbers:
        wanted = {normalise_scene_number(n) for n in numbers}
        scenes = [s for s in scenes if normalise_scene_number(s.number) in wanted]
        filters["numbers"] = list(numbers)
    if characters:
        resolved = [production.resolve_character(c) for c in characters]
        scenes = [s for s in scenes if all(c in s.characters or c in s.non_speaking for c in resolved)]
        filters["characters"] = resolved
        if speaking is not None:
            scenes = [s for s in scenes if all((c in s.characters) == speaking for c in resolved)]
            filters["speaking"] = speaking
    if without:
        absent = [production.resolve_character(c) for c in without]
        scenes = [s for s in scenes if not any(c in s.characters or c in s.non_speaking for c in absent)]
        filters["without"] = absent
    if location:
        sets = set(production.match_location(location))
        scenes = [s for s in scenes if s.location in sets]
        filters["location"] = location
    if time_of_day:
        scenes = [s for s in scenes if s.time_of_day == time_of_day]
        filters["time_of_day"] = time_of_day
    if times:
        scenes = [s for s in scenes if s.time_of_day in times]
        filters["times"] = list(dict.fromkeys(times))
    if int_ext:
        scenes = [s for s in scenes if _int_ext_matches(s, int_ext)]
        filters["int_ext"] = int_ext
    if page_from is not None or page_to is not None:
        low = page_from if page_from is not None else 1
        high = page_to if page_to is not None else 10**6
        if high < low:
            raise SlateError("The page range ends before it starts", value=f"{low}-{high}")
        scenes = [s for s in scenes if s.page <= high and s.page_end >= low]
        filters["pages"] = [low, high]
    if text:
        scenes = [s for s in scenes if _matches_text(s, text)]
        filters["text"] = text
    return ScenesResult(
        filters=filters,
        scenes=[SceneRow.of(s) for s in scenes],
        total_eighths=_sum_eighths(scenes),
        sources=[scene_citation(s) for s in scenes],
    )


@register
def scene_details(production: Production, scene: str) -> SceneDetail:
    """Read one scene: heading, characters, page, length, a short summary and the full numbered text.

    Args:
        scene: the scene number as the script numbers it, e.g. "12", "12A" or "第12場".
    """
    found = production.scene(scene)
    speeches: dict[str, int] = {}
    for el in found.elements:
        if el.type == "character":
            name = production.canonical_character(el.character or el.text)
            speeches[name] = speeches.get(name, 0) + 1
    return SceneDetail(
        scene=SceneRow.of(found),
        summary_text=action_summary(found),
        synopsis=found.synopsis,
        dialogue_count=speeches,
        text=[(line.line, line.text) for line in found.lines],
        key_lines=spoken_facts(found),
        sources=[scene_citation(found)],
    )


_SPOKEN_SENTENCE = re.compile(r"(?<=[。！？!?])|(?<=[.;])\s+")


def spoken_facts(scene: Scene, most: int = 2) -> list[str]:
    """The sentences of a scene's dialogue that state a fact (an amount, a date or a year), as
    `CUE: sentence`, in script order, at most `most`: what the action lines' summary leaves out of
    a scene carried by talk ("雄哥: 一個月兩萬。")."""
    from knowledge.answer_kinds import AMOUNT, WHEN

    found: list[str] = []
    for el in scene.elements:
        if el.type != "dialogue" or not el.character:
            continue
        for sentence in _SPOKEN_SENTENCE.split(" ".join(el.text.split())):
            sentence = sentence.strip()
            if sentence and (AMOUNT.search(sentence) or WHEN.search(sentence)):
                found.append(f"{el.character}: {sentence}")
                if len(found) == most:
                    return found
    return found


@register
def character_report(production: Production, name: str, with_character: str | None = None) -> CharacterReport:
    """Report on a character: scenes, total pages, first appearance, and scenes shared with another.

    Args:
        name: the character in any language or alias, e.g. "劉Sir", "Inspector Lau", "阿美".
        with_character: another character, to list the scenes the two share.
    """
    production.require_script()
    canonical = production.resolve_character(name)
    scenes = [
        s
        for s in production.scenes
        if not s.omitted and (canonical in s.characters or canonical in s.non_speaking)
    ]
    speaking = [s.number for s in scenes if canonical in s.characters]
    silent = [s.number for s in scenes if canonical not in s.characters]
    speeches = sum(
        1
        for s in scenes
        for el in s.elements
        if el.type == "character" and production.canonical_character(el.character or el.text) == canonical
    )
    member = _planned_member(production, canonical) or production.cast_member(canonical)
    shared: list[Scene] = []
    other = None
    if with_character:
        other = production.resolve_character(with_character)
        shared = [s for s in scenes if other in s.characters or other in s.non_speaking]
    return CharacterReport(
        name=canonical,
        aliases=production.character_names().get(canonical, [canonical]),
        actor=member.actor if member else None,
        daily_rate=member.daily_rate if member and member.daily_rate else None,
        notes=member.notes if member else None,
        scenes=[SceneRow.of(s) for s in scenes],
        speaking_scenes=speaking,
        silent_scenes=silent,
        total_eighths=_sum_eighths(scenes),
        first_appearance=SceneRow.of(scenes[0]) if scenes else None,
        speeches=speeches,
        locations=list(dict.fromkeys(s.location for s in scenes)),
        unavailable=[d.isoformat() for d in member.unavailable] if member else [],
        shared_with=other,
        shared_scenes=[SceneRow.of(s) for s in shared],
        sources=[scene_citation(s) for s in (shared if with_character else scenes)],
    )


@register
def location_report(production: Production, name: str) -> LocationReport:
    """Report on a location: its scenes, pages, day/night split, who is there, and its address if known.

    Args:
        name: the location in either language or alias, e.g. "rooftop", "天台", "茶餐廳".
    """
    production.require_script()
    sets = production.match_location(name)
    scenes = [s for s in production.scenes if s.location in sets]
    entry = production.location_entry(sets[0]) if sets else None
    if entry is None:
        key = normalise_name(name)
        entry = next(
            (e for e in production.locations if any(key in normalise_name(a) for a in e.all_names())), None
        )
    by_time: dict[str, int] = {}
    for s in scenes:
        by_time[s.time_of_day or "UNKNOWN"] = by_time.get(s.time_of_day or "UNKNOWN", 0) + 1
    people = list(dict.fromkeys(c for s in scenes for c in s.characters))
    return LocationReport(
        name=entry.id if entry else sets[0],
        aliases=entry.all_names() if entry else sets,
        address=entry.address if entry else None,
        int_ext=entry.int_ext if entry else None,
        unavailable=[d.isoformat() for d in entry.unavailable] if entry else [],
        contact=entry.contact if entry else None,
        notes=entry.notes if entry else None,
        sets=sets,
        scenes=[SceneRow.of(s) for s in scenes],
        total_eighths=_sum_eighths(scenes),
        by_time_of_day=by_time,
        characters=people,
        sources=[scene_citation(s) for s in scenes],
    )


@register
def search_documents(
    production: Production,
    query: str,
    k: ResultCount = 5,
    doc_type: DocType | None = None,
    scene: str | None = None,
    character: str | None = None,
) -> SearchResult:
    """Search the production's documents (script, notes, reports, lists, subtitles) and cite each passage.

    Args:
        query: what to look for, in any language.
        k: how many passages to return (1-20).
        doc_type: only this kind of document: screenplay, notes, report, cast, locations, plan or subtitles.
        scene: only passages from this scene number.
        character: only passages involving this character (any alias).
    """
    filters: dict[str, object] = {}
    if doc_type:
        filters["doc_type"] = doc_type
    if scene:
        filters["scene"] = normalise_scene_number(scene)
    if character:
        filters["character"] = production.resolve_character(character)
    hits = production.search(query, k=max(1, min(int(k), 20)), filters=filters or None)
    return SearchResult(query=query, hits=hits, sources=[h.citation() for h in hits])


@register
def production_overview(production: Production) -> Overview:
    """Summarise the production: scenes, pages, who is in it, where it is set, and which documents it holds."""
    scenes = [s for s in production.scenes if not s.omitted]
    characters: dict[str, int] = {}
    locations: dict[str, int] = {}
    by_time: dict[str, int] = {}
    by_ie: dict[str, int] = {}
    for s in scenes:
        for c in dict.fromkeys([*s.characters, *s.non_speaking]):
            characters[c] = characters.get(c, 0) + 1
        locations[s.location] = locations.get(s.location, 0) + 1
        by_time[s.time_of_day or "UNKNOWN"] = by_time.get(s.time_of_day or "UNKNOWN", 0) + 1
        by_ie[s.int_ext or "UNKNOWN"] = by_ie.get(s.int_ext or "UNKNOWN", 0) + 1
    screenplay = production.screenplay
    return Overview(
        project=production.name,
        title=screenplay.title if screenplay else "",
        scenes=len(scenes),
        pages=screenplay.pages if screenplay else 0,
        total_eighths=_sum_eighths(scenes),
        characters=dict(sorted(characters.items(), key=lambda kv: -kv[1])),
        locations=dict(sorted(locations.items(), key=lambda kv: -kv[1])),
        documents=[OverviewDocument(name=d.name, doc_type=d.doc_type) for d in production.documents],
        by_time_of_day=by_time,
        by_int_ext=by_ie,
        sources=[Citation(file=d.name, doc_type=d.doc_type) for d in production.documents],
    )


@register
def cast_summary(production: Production) -> CastSummary:
    """List every character with actor, daily rate, scene count, pages and speeches (for "who has the most pages?").

    Args:
    """
    production.require_script()
    rows: dict[str, CastRow] = {}
    scenes_of: dict[str, list[Scene]] = {}
    for scene in production.scenes:
        if scene.omitted:
            continue
        for name in [*scene.characters, *scene.non_speaking]:
            scenes_of.setdefault(name, []).append(scene)
    speeches: dict[str, int] = {}
    for scene in production.scenes:
        for el in scene.elements:
            if el.type == "character":
                who = production.canonical_character(el.character or el.text)
                speeches[who] = speeches.get(who, 0) + 1
    names = list(dict.fromkeys([*scenes_of, *(m.id for m in production.cast)]))
    for name in names:
        scenes = scenes_of.get(name, [])
        member = production.cast_member(name)
        rows[name] = CastRow(
            name=name,
            actor=member.actor if member else None,
            daily_rate=member.daily_rate if member and member.daily_rate else None,
            scenes=len(scenes),
            eighths=_sum_eighths(scenes),
            speeches=speeches.get(name, 0),
            seen_scenes=sum(1 for s in scenes if name not in s.voice_only),
            first_scene=scenes[0].number if scenes else None,
            last_scene=scenes[-1].number if scenes else None,
        )
    script = production.scenes[0].file if production.scenes else ""
    sources = [Citation(file=script, doc_type="screenplay")] if script else []
    return CastSummary(cast=list(rows.values()), sources=sources)
