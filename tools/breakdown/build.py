"""A production's breakdown: detection over every scene, Final Draft tags, production notes that
name scenes, then the coordinator's edits (which always win)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from knowledge.production import Production
from knowledge.scene_refs import scene_mentions
from knowledge.screenplay import Scene
from tools.breakdown.detect import Detector, Hit, merge_hits, story_day
from tools.breakdown.model import Breakdown, BreakdownElement, Category, ElementSource, SceneBreakdown

# Final Draft's tag categories (and Movie Magic's) → ours.
FDX_CATEGORIES: dict[str, Category] = {
    "cast": "cast",
    "cast members": "cast",
    "background actors": "background",
    "extras": "background",
    "stunts": "stunts",
    "vehicles": "vehicles",
    "props": "props",
    "camera": "equipment",
    "special effects": "sfx",
    "mechanical effects": "sfx",
    "wardrobe": "wardrobe",
    "costumes": "wardrobe",
    "makeup/hair": "makeup",
    "makeup": "makeup",
    "animals": "animals",
    "animal handler": "animals",
    "music": "sound",
    "sound": "sound",
    "set dressing": "set_dressing",
    "greenery": "set_dressing",
    "special equipment": "equipment",
    "security": "notes",
    "additional labor": "notes",
    "visual effects": "vfx",
    "miscellaneous": "notes",
    "notes": "notes",
    "weather": "weather",
}
# Sentences end at their punctuation or a blank line, not where a notes file wraps its lines.
_SENTENCE = re.compile(r"(?<=[.;!?])\s+|(?<=[。；！？])\s*|\n\s*\n")
# `every scene except Scene 14`, `except (Scene 14)`: the scene named is the one the sentence is not about.
_EXCEPT_BEFORE = re.compile(
    r"(?i)\b(?:except|but\s+not|other\s+than|apart\s+from|excluding)\s+(?:in\s+)?\(?\s*$"
)


def fdx_hits(production: Production, scenes: Sequence[Scene]) -> tuple[list[Hit], dict[str, str]]:
    """Hits from the script's Final Draft breakdown tags, and the file's category colours."""
    script = production.screenplay
    if script is None or script.format != "fdx":
        return [], {}
    from knowledge.fdx import fdx_tag_data

    data = fdx_tag_data(Path(script.path or script.file).read_bytes(), file=script.file)
    colours = {c.name: c.color or "" for c in data.categories}
    hits: list[Hit] = []
    for tag in data.tags:
        scene = next((s for s in scenes if s.line_start <= tag.line <= s.line_end), None)
        category = FDX_CATEGORIES.get(tag.category.strip().lower(), "notes")
        if scene is None:
            continue
        source = ElementSource(
            file=Path(script.file).name, line=tag.line, scene=scene.number, origin="fdx_tag", text=tag.text
        )
        name = production.canonical_character(tag.label) if category == "cast" else tag.label
        hits.append(
            Hit(category, name, source, "cast:" + name if category == "cast" else "fdx:" + name.casefold())
        )
    return hits, colours


def notes_hits(detector: Detector, paths: Sequence[Path], scenes: Sequence[Scene]) -> dict[str, list[Hit]]:
    """Hits from production notes, by scene: each sentence that names scenes (or follows a bullet
    that opened by naming one) is read for elements."""
    numbers = [s.number for s in scenes]
    out: dict[str, list[Hit]] = {}
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        line_no = 0
        for paragraph in re.split(r"\n(?=\s*[-*]\s|\s*#|\s*\n)", text):
            first_line = line_no + 1
            line_no += paragraph.count("\n") + 1
            # A bullet that opens by naming its scene ("**Scene 1 — Nathan Road.** Crane down ...")
            # is about that scene, whatever other scenes it mentions in passing.
            first = next(iter(scene_mentions(paragraph, known=numbers, bare=False)), None)
            head = list(first.numbers) if first and not re.search(r"\w", paragraph[: first.start]) else []
            for sentence in (s for s in _SENTENCE.split(paragraph) if s.strip()):
                line = first_line + paragraph[: max(paragraph.find(sentence), 0)].count("\n")
                pieces = [(sentence, head)] if head else scene_clauses(sentence, numbers)
                for clause, named in pieces:
                    for number in named if len(named) <= 2 else []:
                        source = ElementSource(
                            file=path.name,
                            line=line,
                            scene=number,
                            origin="production_notes",
                            text=sentence.strip()[:120],
                        )
                        found = [
                            h
                            for h in detector.text_hits(clause, source)
                            # background only with a head count ("the 80 gallery extras are booked")
                            if not h.category.startswith("cast") and (h.category != "background" or h.count)
                        ]
                        out.setdefault(number, []).extend(found)
    return out


def scene_clauses(sentence: str, known: Sequence[str]) -> list[tuple[str, list[str]]]:
    """The parts of a sentence of notes, each with the scenes it is about.

    A sentence naming one place in it is about those scenes. One that names scenes in several
    places gives each its own part: a mention that trails its words (`the mirror in Scene 2, Lau's
    card in Scene 10`, `his tab (Scene 2) and the $500 note (Scene 19)`) takes the words before it;
    one that leads (`Scene 17 the same plus police torches`) takes the words after it. A scene
    named after `except` is left out (`every scene except Scene 14`)."""
    mentions = scene_mentions(sentence, known=known, bare=False)
    first_excluded = next(
        (i for i, m in enumerate(mentions) if _EXCEPT_BEFORE.search(sentence[: m.start])), None
    )
    if first_excluded is not None:  # `except Scene 14 (...) and Scene 20`: the list goes on
        mentions = mentions[:first_excluded]
    if not mentions:
        return []
    if len(mentions) == 1:
        return [(sentence, list(mentions[0].numbers))]
    leading = not sentence[: mentions[0].start].strip(" -*—:•\t\n(")
    pieces = []
    for i, mention in enumerate(mentions):
        if leading:
            end = mentions[i + 1].start if i + 1 < len(mentions) else len(sentence)
            clause = sentence[mention.end : end]
        else:
            start = mentions[i - 1].end if i else 0
            end = len(sentence) if i + 1 == len(mentions) else mention.start
            clause = sentence[start:end]
        pieces.append((clause, list(mention.numbers)))
    return pieces


def notes_documents(production: Production) -> list[Path]:
    """The production's notes documents (director's notes, reports) as files."""
    out = []
    for doc in production.documents:
        if doc.doc_type in ("notes", "report") and doc.name.endswith((".md", ".txt")):
            path = production.document_path(doc.name)
            if path is not None and path.exists():
                out.append(path)
    return out


def build_breakdown(production: Production, notes: Sequence[Path] | None = None) -> Breakdown:
    """Detect every scene's elements (script, FDX tags, production notes), before any edits."""
    script = production.require_script()
    scenes = production.scenes
    detector = Detector(production)
    tags, colours = fdx_hits(production, scenes)
    by_notes = notes_hits(detector, list(notes) if notes is not None else notes_documents(production), scenes)
    sheets = []
    for scene in scenes:
        hits = detector.scene_hits(scene)
        hits += [h for h in tags if h.source.scene == scene.number]
        noted = by_notes.get(scene.number, [])
        if any(h.category == "background" for h in hits):
            # The notes' head count restates the script's crowd ("the 40 commuters"): not more people.
            noted = [h for h in noted if h.category != "background"]
        hits += noted
        sheets.append(scene_sheet(scene, _without_bare_stunt(merge_hits(hits))))
    return Breakdown(title=script.title, script=Path(script.file).name, scenes=sheets, fdx_categories=colours)


def _without_bare_stunt(elements: list[BreakdownElement]) -> list[BreakdownElement]:
    """A bare `stunt` (a STUNT: label or a note naming no action) joins the scene's named stunts
    when it has any: the sheet lists the fall and the fight, each citing the label too."""
    named = [e for e in elements if e.category == "stunts" and e.name != "stunt"]
    bare = [e for e in elements if e.category == "stunts" and e.name == "stunt"]
    if not named or not bare:
        return elements
    for element in bare:
        named[0].sources += [s for s in element.sources if s not in named[0].sources]
    return [e for e in elements if e not in bare]


def scene_sheet(scene: Scene, elements: list[BreakdownElement]) -> SceneBreakdown:
    return SceneBreakdown(
        scene=scene.number,
        heading=scene.heading,
        set=scene.location,
        int_ext=scene.int_ext,
        time_of_day=scene.time_of_day or scene.time_raw,
        pages=scene.pages_text,
        eighths=scene.eighths,
        page=scene.page,
        story_day=story_day(scene),
        synopsis=scene.synopsis,
        elements=elements,
    )
