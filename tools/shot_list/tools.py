"""The shot-list tools the agent, the CLI and the UI call: draft a scene's list (rules, then the
connected model), change or drop one shot, show the latest saved version. Each save is a new version
with CSV and XLSX copies for the crew."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from core.errors import NotFound, SceneOmitted, SlateError
from knowledge.production import Production
from knowledge.screenplay import Scene
from tools.registry import LensMillimetres, register
from tools.script_lookup import scene_citation
from tools.shot_list.drafting import draft_rule_shot_list
from tools.shot_list.export import write_output_files
from tools.shot_list.ids import make_shot_id, resolve_scene
from tools.shot_list.models import STYLES, Angle, Movement, Shot, ShotList, ShotListResult, ShotSize, Style
from tools.shot_list.reading import _trim
from tools.shot_list.refine import refine_shot_list
from tools.shot_list.storage import load_shot_list, save_shot_list, shot_list_lock
from tools.shot_list.styles import STYLE_PRESETS, setup_minutes_for

# The provenance step of a draft made because an edit named a scene with no saved shot list.
DRAFTED_TO_EDIT = "drafted for an edit"


def draft_shot_list_for_scene(production: Production, scene: Scene, style: Style = "classic") -> ShotList:
    """The rule draft, refined by the production's model when one is connected (nothing saved)."""
    if style not in STYLE_PRESETS:
        raise SlateError(f"No shot-list style {style!r}", value=style, hint="Styles: " + ", ".join(STYLES))
    draft = draft_rule_shot_list(production, scene, style)
    return refine_shot_list(production, draft, scene)


def _saved_result(production: Production, shot_list: ShotList, scene: Scene) -> ShotListResult:
    """Save and write the crew's copies; the caller holds `shot_list_lock`."""
    saved = save_shot_list(production, shot_list)
    files = write_output_files(production, [saved])
    return ShotListResult.of(saved, files=[str(f) for f in files], sources=[scene_citation(scene)])


@register(changes_production=True)
def draft_shot_list(
    production: Production,
    scene: str,
    style: Style = "classic",
    wanted_size: ShotSize | None = None,
    wanted_movement: Movement | None = None,
    wanted_on: str | None = None,
    opening: str | None = None,
    opening_size: ShotSize | None = None,
    opening_movement: Movement | None = None,
    opening_lens_mm: LensMillimetres | None = None,
) -> ShotListResult:
    """Draft a shot list for a scene: establishing, master, coverage, inserts, POVs, notes and setup times.

    Saves it as a new version of the scene's shot list and writes CSV and XLSX copies for the crew.

    Args:
        scene: the scene number, e.g. "7", "12A", "第七場" or "第12場".
        style: coverage style: "classic" (sticks, MCU singles), "handheld" (vérité, fewer setups) or
            "hk-action" (drone, Steadicam, extra inserts, crash zooms, impact angles).
        wanted_size: a shot size the person asked for ("lots of close-ups", "要有個特寫"): the singles
            become that size, or an insert of it is added.
        wanted_movement: a camera movement the person asked for ("a drone shot", "dolly in"): given
            to the single of `wanted_on`, else to the establishing shot.
        wanted_on: the character the wanted shot is on, by any name the production knows.
        opening: the shot the director wants the scene to open on, in their words ("an insert of the
            phone buzzing", "crane down over the whole street"): it becomes the first shot.
        opening_size: the opening shot's size, where they said it (INSERT, CU, WS …).
        opening_movement: the opening shot's movement, where they said it (crane/drone, dolly …).
        opening_lens_mm: the opening shot's focal length in millimetres, where they said it.
    """
    found = resolve_scene(production, scene)
    if found.omitted:
        raise SceneOmitted(found.number, file=found.file)
    shot_list = draft_shot_list_for_scene(production, found, style)
    if wanted_size or wanted_movement:
        subject = production.resolve_character(wanted_on) if wanted_on else None
        shot_list = _honour_wish(shot_list, wanted_size, wanted_movement, subject)
    if opening or opening_size or opening_movement or opening_lens_mm:
        shot_list = _open_on(shot_list, opening, opening_size, opening_movement, opening_lens_mm)

    with shot_list_lock(production):
        return _saved_result(production, shot_list, found)


def _open_on(
    shot_list: ShotList,
    words: str | None,
    size: ShotSize | None,
    movement: Movement | None,
    lens_mm: int | None,
) -> ShotList:
    """The draft opening on the shot the director described. An establishing shot made to order (a
    crane over the pier, a 200mm on the sampan) becomes that shot; any other opening (an insert, a
    close-up) goes before it, and the shots are lettered again (a draft has no saved ids to keep)."""
    shots = list(shot_list.shots)
    if not shots:
        return shot_list
    first = shots[0]
    preset = STYLE_PRESETS[shot_list.style]
    wide = size in (None, "EWS", "WS")
    size = size or first.size
    update: dict[str, Any] = {
        "size": size,
        "movement": movement or (first.movement if wide else "static"),
        "lens_mm": lens_mm or (first.lens_mm if wide and size == first.size else preset.lens_mm[size]),
        "description": f"Opening, as asked — {words.strip()}" if words else first.description,
        "notes": " | ".join(n for n in (first.notes if wide else "", "ASKED: the director's opening") if n),
    }
    if not wide:
        update.update({"subjects": [], "lines": first.lines[:1], "sound": "MOS"})
    opening = first.model_copy(update=update)
    opening = opening.model_copy(
        update={"setup_minutes": setup_minutes_for(opening.size, opening.movement, opening.notes)}
    )
    shots = [opening, *shots[1:]] if wide else [opening, *shots]
    lettered = [shot.model_copy(update={"id": make_shot_id(shot.scene, i)}) for i, shot in enumerate(shots)]
    note = (
        f"asked: open on {size}"
        + (f", {movement}" if movement else "")
        + (f", {lens_mm}mm" if lens_mm else "")
    )
    return shot_list.model_copy(update={"shots": lettered, "provenance": [*shot_list.provenance, note]})


def _honour_wish(
    shot_list: ShotList, size: ShotSize | None, movement: Movement | None, subject: str | None
) -> ShotList:
    """The draft with the shot the person asked for: a movement goes to the subject's single (the
    tightest shot on them alone), or with no subject to the establishing shot; a size turns the subject's singles —
    or, with no subject, every single — into that size. Nothing is invented when the scene has no
    shot to carry the wish; the provenance says what was done."""
    shots = list(shot_list.shots)
    singles = [s for s in shots if len(s.subjects) == 1 and s.size in ("MS", "MCU", "CU", "ECU")]
    if subject:
        singles = [s for s in singles if s.subjects == [subject]] or [
            s for s in shots if subject in s.subjects and s.size not in ("EWS", "WS")
        ]
    changed: dict[str, dict[str, Any]] = {}
    if size:
        for shot in singles:
            changed.setdefault(shot.id, {})["size"] = size
    if movement:
        # On someone: their single. On no one ("a drone shot"): the opening, establishing shot.
        target = (singles[0] if singles else None) if subject else (shots[0] if shots else None)
        if target is not None:
            changed.setdefault(target.id, {})["movement"] = movement
    if not changed:
        return shot_list
    preset = STYLE_PRESETS[shot_list.style]
    out = []
    for shot in shots:
        update = changed.get(shot.id)
        if update is None:
            out.append(shot)
            continue
        if "size" in update:
            update["lens_mm"] = preset.lens_mm[update["size"]]
            labels = {
                "MS": "Medium shot",
                "MCU": "Medium close-up",
                "CU": "Close-up",
                "ECU": "Extreme close-up",
            }
            for old_label in sorted(labels.values(), key=len, reverse=True):
                if shot.description.startswith(old_label):
                    new_label = labels.get(update["size"], update["size"])
                    update["description"] = new_label + shot.description[len(old_label) :]
                    break
        edited = shot.model_copy(update=update)
        out.append(
            edited.model_copy(
                update={"setup_minutes": setup_minutes_for(edited.size, edited.movement, edited.notes)}
            )
        )
    note = "asked: " + ", ".join(
        f"{shot_id} " + ", ".join(f"{k}={v}" for k, v in update.items() if k in ("size", "movement"))
        for shot_id, update in changed.items()
    )
    return shot_list.model_copy(update={"shots": out, "provenance": [*shot_list.provenance, note]})


@register(changes_production=True)
def edit_shot_list(
    production: Production,
    scene: str,
    shot_id: str,
    remove: bool = False,
    size: ShotSize | None = None,
    angle: Angle | None = None,
    movement: Movement | None = None,
    lens_mm: LensMillimetres | None = None,
    subjects: list[str] | None = None,
    description: str | None = None,
    notes: str | None = None,
) -> ShotListResult:
    """Change or drop one shot of a scene's saved shot list ("drop 12C", "make 12B a close-up on 阿輝").

    Saves the result as a new version; the other shots keep their ids.

    Args:
        scene: the scene number, e.g. "12" or "第十二場".
        shot_id: the shot to change, e.g. "12B" (or just "B").
        remove: true to drop the shot from the list.
        size: new shot size: EWS, WS, MS, MCU, CU, ECU, INSERT, OTS, POV or TWO-SHOT.
        angle: new camera angle: eye level, high, low, dutch or overhead.
        movement: new movement: static, pan, tilt, dolly, tracking, handheld, steadicam, crane/drone or zoom.
        lens_mm: new focal length in millimetres.
        subjects: the characters in frame, by any name the production knows (阿輝, AH FAI).
        description: new description of the shot.
        notes: new notes (STUNT:, VEHICLE:, EXTRAS:, SFX:, VFX: segments add setup time).
    """
    found = resolve_scene(production, scene)
    change = _ShotChange(remove, size, angle, movement, lens_mm, subjects, description, notes)
    # From reading the latest version to saving the next, no other writer runs: two people editing
    # the scene at once each change what the other saved, and neither edit is lost.
    with shot_list_lock(production):
        return _edit_saved_shot_list(production, found, shot_id, change)


@dataclass(frozen=True)
class _ShotChange:
    remove: bool
    size: ShotSize | None
    angle: Angle | None
    movement: Movement | None
    lens_mm: int | None
    subjects: list[str] | None
    description: str | None
    notes: str | None


def _edit_saved_shot_list(
    production: Production, found: Scene, shot_id: str, wanted: _ShotChange
) -> ShotListResult:
    current = load_shot_list(production, found.number)
    draft: ShotList | None = None
    if current is None:
        # Nothing saved for the scene yet: the edit is made on the rule draft (classic). The draft is
        # saved as its own version just before the edited one, so the change can be seen against it;
        # an edit that fails saves neither.
        draft = draft_shot_list_for_scene(production, found, "classic")
        draft = draft.model_copy(update={"provenance": [*draft.provenance, DRAFTED_TO_EDIT]})
        current = draft
    remove, size, angle, movement = wanted.remove, wanted.size, wanted.angle, wanted.movement
    lens_mm, subjects, description, notes = wanted.lens_mm, wanted.subjects, wanted.description, wanted.notes
    shot = current.shot(shot_id)
    if remove:
        shots = [s for s in current.shots if s.id != shot.id]
        change = f"edit: dropped {shot.id}"
    else:
        update: dict[str, Any] = {
            key: value
            for key, value in (
                ("size", size),
                ("angle", angle),
                ("movement", movement),
                ("lens_mm", lens_mm),
                ("description", description),
                ("notes", notes),
            )
            if value is not None
        }
        if subjects is not None:
            update["subjects"] = list(dict.fromkeys(production.resolve_character(n) for n in subjects))
        if not update:
            raise SlateError(
                f"Nothing to change on shot {shot.id}",
                value=shot.id,
                hint="Give a size, angle, movement, lens, subjects, description or notes, or remove it",
            )
        if "size" in update and "lens_mm" not in update:
            update["lens_mm"] = STYLE_PRESETS[current.style].lens_mm[update["size"]]
        try:
            edited = Shot.model_validate({**shot.model_dump(), **update})
        except ValidationError as exc:
            first = exc.errors()[0]
            field_name = ".".join(map(str, first["loc"]))
            raise SlateError(
                f"Cannot set {field_name} of shot {shot.id}: {first['msg']}", value=update.get(field_name)
            ) from None
        if {"size", "movement", "notes"} & update.keys():
            edited = edited.model_copy(
                update={"setup_minutes": setup_minutes_for(edited.size, edited.movement, edited.notes)}
            )
        shots = [edited if s.id == shot.id else s for s in current.shots]
        change = f"edit: {shot.id} " + ", ".join(f"{k}={_short(v)}" for k, v in update.items())
    edited_list = current.model_copy(
        update={"shots": shots, "provenance": [*current.provenance, change], "warnings": []}
    )
    if draft is not None:
        save_shot_list(production, draft)
    return _saved_result(production, edited_list, found)


def _short(value: object) -> str:
    text = "/".join(value) if isinstance(value, list) else str(value)
    return _trim(text, 40)


@register
def get_shot_list(production: Production, scene: str) -> ShotListResult:
    """Show the latest saved shot list of a scene (with its version and who shaped it).

    Args:
        scene: the scene number, e.g. "7", "12A" or "第七場".
    """
    found = resolve_scene(production, scene)
    current = load_shot_list(production, found.number)
    if current is None:
        raise NotFound(
            f"Scene {found.number} has no saved shot list yet",
            value=found.number,
            hint=f"Draft one with `slate shotlist {found.number}`",
        )
    return ShotListResult.of(current, sources=[scene_citation(found)])
