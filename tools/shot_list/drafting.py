"""The rule draft of a scene's shot list: deterministic, no model, no files.

It is what a 1st AD and DP would rough out before the recce, in the columns crews use (StudioBinder
and friends): an establishing shot when the location or time changes, a master, coverage for every
speaking character (singles and over-the-shoulders for each dialogue pair), inserts for the props the
action names, POVs where someone looks at something, moving coverage for vehicle scenes, and notes
(stunt, vehicle, extras, SFX, VFX) that change the time estimate.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from knowledge.cast_list import normalise_name
from knowledge.production import Production
from knowledge.screenplay import Scene
from tools.shot_list.ids import make_shot_id, scene_key
from tools.shot_list.models import Shot, ShotList, ShotSize, Sound, Style
from tools.shot_list.reading import (
    _HEADING_INSERT,
    _HEADING_POV,
    _IMPACT,
    _STUNT,
    _STUNT_LABEL,
    _TIME_JUMP,
    _TIME_SAME,
    _VEHICLE,
    _WRITTEN_SHOT,
    _WRITTEN_SIZE,
    _Beat,
    _beat_notes,
    _is_moving_vehicle,
    _join_notes,
    _mentions,
    _read_scene,
    _Reading,
    _sentences,
    _trim,
    _vehicle_scene,
    find_looks,
    find_props,
)
from tools.shot_list.styles import STYLE_PRESETS, ShotRecipe, StylePreset, equipment_for, setup_minutes_for


@dataclass
class _Draft:
    """Shots under construction (ids are given at the end, in order)."""

    reading: _Reading
    preset: StylePreset
    vehicle_note: str | None
    shots: list[dict[str, Any]] = field(default_factory=list)

    def add(
        self,
        recipe: ShotRecipe,
        description: str,
        lines: Sequence[tuple[int, int]],
        subjects: Sequence[str] = (),
        *,
        sound: Sound = "sync",
        equipment: str | None = None,
        extra_notes: Sequence[str] = (),
        size: ShotSize | None = None,
    ) -> None:
        size = size or recipe.size
        spans = _merge_spans(lines) or [self.reading.span]
        notes: dict[str, str] = {}
        for beat in self.reading.beats:
            if beat.overlaps(spans):
                for tag, text in _beat_notes(beat).items():
                    # Prefer the paragraph that gives a head count ("臨記：約四十人").
                    if tag not in notes or (
                        tag == "EXTRAS" and text[:1].isdigit() and not notes[tag][:1].isdigit()
                    ):
                        notes[tag] = text
        if self.vehicle_note:  # the whole scene is in (or at) the vehicle
            notes["VEHICLE"] = self.vehicle_note
        notes_text = _join_notes(notes, extra_notes)
        exterior = self.reading.scene.int_ext in ("EXT", "INT/EXT")
        self.shots.append(
            {
                "size": size,
                "angle": recipe.angle,
                "movement": recipe.movement,
                "lens_mm": self.preset.lens_mm[size],
                "equipment": equipment or equipment_for(size, recipe.movement, exterior=exterior),
                "subjects": list(dict.fromkeys(subjects)),
                "description": description,
                "lines": [s if s[0] != s[1] else s[0] for s in spans],
                "sound": sound,
                "setup_minutes": setup_minutes_for(size, recipe.movement, notes_text),
                "notes": notes_text,
            }
        )


def _merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping or touching ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _is_new_setup(scene: Scene, previous: Scene | None) -> tuple[bool, bool]:
    """(new location, time jump) against the scene before."""
    if previous is None:
        return True, False
    new_location = normalise_name(scene.location) != normalise_name(previous.location)
    raw = (scene.time_raw or "").upper()
    if raw and _TIME_SAME.search(raw):
        return new_location, False
    jump = bool(raw and _TIME_JUMP.search(raw))
    if scene.time_of_day and previous.time_of_day and scene.time_of_day != previous.time_of_day:
        jump = True
    return new_location, jump


def _previous_scene(production: Production, scene: Scene) -> Scene | None:
    """The closest earlier scene with a real heading (INT/EXT): shot headings continue its set."""
    scenes = production.scenes
    position = next((i for i, s in enumerate(scenes) if s.number == scene.number), None)
    if position is None:
        position = scene.index
    for earlier in reversed(scenes[:position]):
        if earlier.int_ext is not None:
            return earlier
    return None


def _dialogue_pairs(beats: list[_Beat], speakers: list[str]) -> list[tuple[str, str]]:
    """Pairs of on-camera speakers who talk to each other, by first exchange.

    A pair needs at least two back-and-forths (one stray line across the room is not a dialogue
    to cover both ways); a scene whose speakers never exchange twice keeps its busiest pair.
    """
    order = [b.speaker for b in beats if b.kind == "dialogue" and b.speaker in speakers]
    counts: dict[tuple[str, str], int] = {}
    for a, b in itertools.pairwise(order):
        if a and b and a != b:
            key = (a, b) if (b, a) not in counts else (b, a)
            counts[key] = counts.get(key, 0) + 1
    pairs = [pair for pair, n in counts.items() if n >= 2]
    if not pairs and counts:
        pairs = [max(counts, key=lambda p: counts[p])]
    return pairs


def _speech_spans(beats: list[_Beat], name: str, partner: str | None = None) -> list[tuple[int, int]]:
    """Lines `name` speaks (only those answering or answered by `partner`, when given)."""
    talk = [b for b in beats if b.kind == "dialogue"]
    spans = []
    for i, beat in enumerate(talk):
        if beat.speaker != name:
            continue
        if partner is not None:
            near = [talk[k].speaker for k in (i - 1, i + 1) if 0 <= k < len(talk)]
            if partner not in near:
                continue
        spans.append((beat.start, beat.end))
    return spans


def _first_words(beats: list[_Beat], name: str) -> str:
    for beat in beats:
        if beat.kind == "dialogue" and beat.speaker == name and beat.text:
            return _trim(beat.text, 40)
    return ""


def _mentioned(beats: list[_Beat], spans: list[tuple[int, int]], reading: _Reading) -> list[str]:
    """Characters named in the action paragraphs that overlap `spans`."""
    names: list[str] = []
    for beat in beats:
        if beat.kind == "action" and beat.overlaps(spans):
            names += [c for _, c in _mentions(beat.text, reading) if c not in names]
    return names


@dataclass
class _ActionShot:
    """A shot the action calls for, before it gets its place in the list."""

    kind: Literal["written", "stunt", "impact", "insert", "pov"]
    first: int  # position in script order
    spans: list[tuple[int, int]]
    subjects: list[str]
    description: str
    size: ShotSize | None = None
    prop: str | None = None


def _written_shot(text: str, reading: _Reading) -> tuple[ShotSize, str | None, str] | None:
    """(size, looker, what) when an action paragraph opens with a shot the writer asks for."""
    match = _WRITTEN_SHOT.match(text)
    if not match:
        return None
    if match.group("kind"):
        who = (match.group("who") or match.group("who_zh") or "").strip()
        named = _mentions(who, reading) if who else []
        looker = named[0][1] if named else (who or None)
        return "POV", looker, match.group("what").strip()
    kind = (match.group("kind2") or "").upper()
    return _WRITTEN_SIZE.get(kind, "INSERT"), None, match.group("what2").strip()


def _action_shots(reading: _Reading, preset: StylePreset) -> list[_ActionShot]:
    """Stunts, impacts, written shots, inserts and POVs, in script order, each prop only once."""
    shots: list[_ActionShot] = []
    props: dict[str, _ActionShot] = {}
    for position, beat in enumerate(b for b in reading.beats if b.kind == "action"):
        span = (beat.start, beat.end)
        who = [canon for _, canon in _mentions(beat.text, reading)]
        written = _written_shot(beat.text, reading)
        if written is not None:
            size, looker, what = written
            label = (
                f"{looker} POV" if size == "POV" and looker else ("POV" if size == "POV" else "As written")
            )
            seen = [c for _, c in _mentions(what, reading) if c != looker]
            if size == "POV" and shots and shots[-1].kind == "pov" and shots[-1].first == position - 1:
                shots.pop()  # "Kelvin twists round to look" then "KELVIN'S POV — ...": one shot
            shots.append(_ActionShot("written", position, [span], seen, f"{label}: {_trim(what, 90)}", size))
        if _STUNT.search(beat.text):
            what = _STUNT_LABEL.sub("", beat.text, count=1)
            shots.append(_ActionShot("stunt", position, [span], who, _trim(what, 90)))
        elif preset.impact is not None and _IMPACT.search(beat.text):
            shots.append(
                _ActionShot("impact", position, [span], who, f"Impact: {_trim(beat.text, 80)} (crash zoom)")
            )
        beat_props = find_props(beat.text, reading)
        looks = [] if written is not None else find_looks(beat.text, reading)
        looked_at = " ".join(obj for _, obj, _ in looks)
        for prop in beat_props:
            if _VEHICLE.fullmatch(prop) or prop in looked_at:
                continue  # the vehicle is coverage, not an insert; a prop someone looks at is their POV
            if prop in props:
                props[prop].spans.append(span)
                continue
            sentence = _sentence_with(beat.text, prop)
            holders = [c for _, c in _mentions(sentence, reading)]
            shot = _ActionShot("insert", position, [span], holders, f"Insert: {prop} — {_trim(sentence, 80)}")
            shot.prop = prop
            props[prop] = shot
            shots.append(shot)
        by_looker: dict[str | None, _ActionShot] = {}
        for looker, obj, seen in looks:
            if looker in by_looker:
                by_looker[looker].description = _trim(f"{by_looker[looker].description}; {obj}", 120)
                by_looker[looker].subjects += [c for c in seen if c not in by_looker[looker].subjects]
                continue
            whose = f"{looker} POV" if looker else "POV"
            by_looker[looker] = _ActionShot("pov", position, [span], list(seen), f"{whose}: {_trim(obj, 60)}")
            shots.append(by_looker[looker])
    return shots


def draft_rule_shot_list(production: Production, scene: Scene, style: Style = "classic") -> ShotList:
    """The rule-based shot list for one scene (no model, no files): deterministic."""
    preset = STYLE_PRESETS[style]
    reading = _read_scene(production, scene)
    beats = reading.beats
    vehicle_note, moving = _vehicle_scene(scene, beats)
    draft = _Draft(reading, preset, vehicle_note)
    start, end = reading.span
    interior = scene.int_ext == "INT"
    in_car = moving and scene.int_ext in ("INT", "INT/EXT")
    dialogue_spans = [(b.start, b.end) for b in beats if b.kind == "dialogue"]
    everyone = [*reading.present, *(n for n in reading.voice_only if n not in reading.present)]

    # Establishing: a new location, or a jump in time (shot headings like `.THE TRUCK` carry no set).
    # It covers the action before anyone speaks: the world the scene opens on.
    previous = _previous_scene(production, scene)
    new_location, time_jump = _is_new_setup(scene, previous)
    heading_pov = bool(_HEADING_POV.search(scene.heading))
    heading_insert = bool(_HEADING_INSERT.search(scene.heading))
    if scene.int_ext is not None and not heading_pov and not heading_insert and not in_car:
        wanted = new_location or (time_jump and (not interior or preset.establish_on_time_jump_int))
        if wanted:
            recipe = preset.establishing_ext if scene.int_ext != "INT" else preset.establishing_int
            opening = list(itertools.takewhile(lambda b: b.kind == "action", beats))
            span = (start, opening[-1].end) if opening else (start, start)
            reason = "new location" if new_location else f"time jump ({scene.time_raw or scene.time_of_day})"
            what = f" — {_trim(opening[0].text, 90)}" if opening else ""
            draft.add(
                recipe, f"Establishing {scene.location or scene.heading}, {reason}{what}", [span], sound="MOS"
            )

    # Master: the whole scene (a POV or insert heading is itself the master's framing).
    master_notes = [
        f"V.O.: {name} is voice only; record wild lines, no on-camera coverage" for name in reading.voice_only
    ]
    master_sound: Sound = "sync" if dialogue_spans else "MOS"
    if heading_pov or heading_insert:
        recipe = preset.pov if heading_pov else preset.insert
        label = "POV" if heading_pov else "Insert"
        draft.add(
            recipe,
            f"{label} as the heading says: {_trim(scene.heading, 80)}",
            [(start, end)],
            everyone,
            sound=master_sound,
            extra_notes=master_notes,
        )
    elif in_car:
        recipe = ShotRecipe(
            "TWO-SHOT" if len(reading.present) >= 2 else "MS",
            "eye level",
            "handheld" if preset.name == "handheld" else "static",
        )
        draft.add(
            recipe,
            "Master through the windscreen: everyone in the car, the road behind",
            [(start, end)],
            everyone,
            sound=master_sound,
            equipment="handheld rig, back seat" if preset.name == "handheld" else "hood mount (car rig)",
            extra_notes=master_notes,
        )
    else:
        names = ", ".join(reading.present) if reading.present else "the set"
        draft.add(
            preset.master,
            f"Master: the whole scene wide, {names}",
            [(start, end)],
            everyone,
            sound=master_sound,
            extra_notes=master_notes,
        )

    # Vehicles on the move: exterior coverage of the car from a tracking vehicle (or the drone), for
    # the whole scene when it plays in a moving car, else for the paragraphs where a car moves.
    driving = [(b.start, b.end) for b in beats if b.kind == "action" and _is_moving_vehicle(b.text)]
    if moving or driving:
        for recipe in preset.vehicle_exterior:
            gear = (
                "drone" if recipe.movement == "crane/drone" else "tracking vehicle (Russian arm / chase car)"
            )
            where = ", from above" if recipe.size == "EWS" else ", alongside"
            draft.add(
                recipe,
                f"Exterior: the vehicle on the move{where}",
                [(start, end)] if moving else driving,
                reading.present if moving else _mentioned(beats, driving, reading),
                sound="MOS",
                equipment=gear,
            )

    # Coverage: two-shot of the main pair, then per speaker (one lighting direction at a time):
    # the OTS onto them for each partner, then their single.
    pairs = _dialogue_pairs(beats, reading.speakers)
    if preset.two_shot is not None and pairs and not in_car:  # in a car the windscreen master is the two-shot
        a, b = pairs[0]
        draft.add(
            preset.two_shot,
            f"Two-shot {a} and {b}",
            _speech_spans(beats, a, b) + _speech_spans(beats, b, a),
            [a, b],
        )
    car_mount = "car mount (side window)" if in_car and preset.name != "handheld" else None
    for name in reading.speakers:
        for a, b in pairs:
            if name in (a, b):
                other = b if name == a else a
                spans = _speech_spans(beats, name, other)
                draft.add(
                    preset.ots,
                    f"Over {other}'s shoulder onto {name}",
                    spans,
                    [name, other],
                    equipment=car_mount,
                )
        words = _first_words(beats, name)
        label = {"MCU": "Medium close-up", "CU": "Close-up"}.get(preset.single.size, preset.single.size)
        push = ", slow push-in" if preset.single.movement == "dolly" else ""
        draft.add(
            preset.single,
            f"{label} on {name}{push}" + (f" — “{words}”" if words else ""),
            _speech_spans(beats, name) or [(start, end)],
            [name],
            equipment=car_mount,
        )

    # Action-driven shots, in script order.
    for shot in _action_shots(reading, preset):
        if shot.kind == "written":
            recipe = preset.pov if shot.size == "POV" else preset.insert
            size = shot.size if shot.size in ("POV", "INSERT") else None
            if size is None and shot.size is not None:
                recipe = ShotRecipe(shot.size, "eye level", preset.single.movement)
            draft.add(recipe, shot.description, shot.spans, shot.subjects, sound="MOS")
        elif shot.kind == "stunt":
            for n, recipe in enumerate(preset.stunt):
                angle = "wide safety angle" if n == 0 else "impact angle"
                draft.add(
                    recipe, f"Stunt, {angle}: {shot.description}", shot.spans, shot.subjects, sound="MOS"
                )
        elif shot.kind == "impact" and preset.impact is not None:
            draft.add(
                preset.impact,
                shot.description,
                shot.spans,
                shot.subjects,
                sound="MOS",
                extra_notes=["shoot at 48 fps for the hit"],
            )
        elif shot.kind == "insert":
            draft.add(preset.insert, shot.description, shot.spans, shot.subjects, sound="MOS")
            if preset.insert_extra is not None:
                draft.add(
                    preset.insert_extra,
                    f"Crash zoom into {shot.prop}",
                    shot.spans,
                    shot.subjects,
                    sound="MOS",
                )
        elif shot.kind == "pov":
            draft.add(preset.pov, shot.description, shot.spans, shot.subjects, sound="MOS")

    shots = [
        Shot(id=make_shot_id(scene_key(scene.number), i), scene=scene.number, **data)
        for i, data in enumerate(draft.shots)
    ]
    return ShotList(scene=scene.number, heading=scene.heading, style=style, shots=shots)


def _sentence_with(text: str, needle: str) -> str:
    for sentence in _sentences(text):
        if needle in sentence:
            return sentence
    return text
