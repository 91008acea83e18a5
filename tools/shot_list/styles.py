"""Coverage styles and the tables that price a setup: minutes by size, movement and note tag, the
gear each movement needs, and the three style presets (classic, handheld, hk-action)."""

from __future__ import annotations

from dataclasses import dataclass

from tools.shot_list.models import SHOT_SIZES, Angle, Movement, ShotSize, Style, note_tags

# --- Setup-minute table (docs/shot-lists.md prints it) -------------------------------------------
# Minutes to light, rehearse and shoot one setup. The size sets the base (the master carries the
# scene's first light); the movement adds rigging time (handheld saves a little); each note tag adds
# what that department needs on the day.
SETUP_MINUTES_BY_SIZE: dict[str, int] = {
    "EWS": 30,
    "WS": 45,
    "MS": 20,
    "MCU": 15,
    "CU": 15,
    "ECU": 10,
    "INSERT": 10,
    "OTS": 20,
    "POV": 15,
    "TWO-SHOT": 20,
}
SETUP_MINUTES_BY_MOVEMENT: dict[str, int] = {
    "static": 0,
    "pan": 0,
    "tilt": 0,
    "zoom": 5,
    "handheld": -5,
    "dolly": 15,
    "tracking": 20,
    "steadicam": 15,
    "crane/drone": 30,
}
SETUP_MINUTES_BY_NOTE: dict[str, int] = {"STUNT": 30, "VEHICLE": 30, "EXTRAS": 15, "SFX": 15, "VFX": 10}
MIN_SETUP_MINUTES = 5


EQUIPMENT_BY_MOVEMENT: dict[str, str] = {
    "static": "sticks",
    "pan": "sticks, fluid head",
    "tilt": "sticks, fluid head",
    "zoom": "sticks, zoom lens",
    "handheld": "handheld rig, Easyrig",
    "dolly": "dolly, straight track",
    "tracking": "dolly, track",
    "steadicam": "Steadicam",
    "crane/drone": "jib arm",
}


def setup_minutes_for(size: str, movement: str, notes: str = "") -> int:
    """Estimated minutes for one setup, from the documented table."""
    minutes = SETUP_MINUTES_BY_SIZE[size] + SETUP_MINUTES_BY_MOVEMENT[movement]
    minutes += sum(SETUP_MINUTES_BY_NOTE[tag] for tag in note_tags(notes))
    return max(MIN_SETUP_MINUTES, minutes)


def equipment_for(size: str, movement: str, *, exterior: bool = False) -> str:
    if movement == "crane/drone":
        gear = "drone" if exterior else "jib arm"
    else:
        gear = EQUIPMENT_BY_MOVEMENT[movement]
    if size in ("INSERT", "ECU"):
        gear += ", macro lens"
    return gear


# --- Style presets -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShotRecipe:
    """How one kind of shot is made in a style."""

    size: ShotSize
    angle: Angle
    movement: Movement


@dataclass(frozen=True)
class StylePreset:
    """A director's coverage style: sizes, angles, movement, lenses and how many shots of each kind."""

    name: Style
    summary: str
    lens_mm: dict[str, int]
    establishing_ext: ShotRecipe
    establishing_int: ShotRecipe
    establish_on_time_jump_int: bool
    master: ShotRecipe
    two_shot: ShotRecipe | None
    ots: ShotRecipe
    single: ShotRecipe
    insert: ShotRecipe
    insert_extra: ShotRecipe | None  # a second, tighter angle on every prop
    pov: ShotRecipe
    impact: ShotRecipe | None  # an extra angle on every hit, fall or crash
    stunt: tuple[ShotRecipe, ...]
    vehicle_exterior: tuple[ShotRecipe, ...]


def _lenses(*mm: int) -> dict[str, int]:
    """Lens per shot size, in SHOT_SIZES order: EWS WS MS MCU CU ECU INSERT OTS POV TWO-SHOT."""
    return dict(zip(SHOT_SIZES, mm, strict=True))


STYLE_PRESETS: dict[str, StylePreset] = {
    "classic": StylePreset(
        name="classic",
        summary="Conventional coverage on sticks: locked-off master, two-shot, OTS both ways, MCU singles.",
        lens_mm=_lenses(18, 25, 40, 50, 75, 100, 100, 50, 32, 40),
        establishing_ext=ShotRecipe("EWS", "high", "static"),
        establishing_int=ShotRecipe("WS", "eye level", "static"),
        establish_on_time_jump_int=True,
        master=ShotRecipe("WS", "eye level", "static"),
        two_shot=ShotRecipe("TWO-SHOT", "eye level", "static"),
        ots=ShotRecipe("OTS", "eye level", "static"),
        single=ShotRecipe("MCU", "eye level", "static"),
        insert=ShotRecipe("INSERT", "high", "static"),
        insert_extra=None,
        pov=ShotRecipe("POV", "eye level", "static"),
        impact=None,
        stunt=(ShotRecipe("WS", "eye level", "static"),),
        vehicle_exterior=(ShotRecipe("WS", "eye level", "tracking"),),
    ),
    "handheld": StylePreset(
        name="handheld",
        summary="Vérité: everything handheld on shorter lenses; a roaming master replaces the two-shot; "
        "interiors get no separate establishing shot for a time jump; CU singles.",
        lens_mm=_lenses(18, 21, 32, 35, 40, 50, 50, 35, 25, 28),
        establishing_ext=ShotRecipe("WS", "eye level", "handheld"),
        establishing_int=ShotRecipe("WS", "eye level", "handheld"),
        establish_on_time_jump_int=False,
        master=ShotRecipe("WS", "eye level", "handheld"),
        two_shot=None,
        ots=ShotRecipe("OTS", "eye level", "handheld"),
        single=ShotRecipe("CU", "eye level", "handheld"),
        insert=ShotRecipe("INSERT", "eye level", "handheld"),
        insert_extra=None,
        pov=ShotRecipe("POV", "eye level", "handheld"),
        impact=None,
        stunt=(ShotRecipe("WS", "eye level", "handheld"),),
        vehicle_exterior=(ShotRecipe("WS", "eye level", "tracking"),),
    ),
    "hk-action": StylePreset(
        name="hk-action",
        summary="Hong Kong action: drone establishing, Steadicam master, low-angle CU singles pushing in, "
        "two angles on every prop (insert plus crash-zoom ECU), an impact angle on every hit, "
        "two angles per stunt, whip-pan POVs.",
        lens_mm=_lenses(14, 18, 35, 65, 85, 135, 100, 75, 21, 35),
        establishing_ext=ShotRecipe("EWS", "high", "crane/drone"),
        establishing_int=ShotRecipe("WS", "high", "crane/drone"),
        establish_on_time_jump_int=True,
        master=ShotRecipe("WS", "low", "steadicam"),
        two_shot=ShotRecipe("TWO-SHOT", "eye level", "tracking"),
        ots=ShotRecipe("OTS", "eye level", "dolly"),
        single=ShotRecipe("CU", "low", "dolly"),
        insert=ShotRecipe("INSERT", "high", "static"),
        insert_extra=ShotRecipe("ECU", "eye level", "zoom"),
        pov=ShotRecipe("POV", "eye level", "pan"),
        impact=ShotRecipe("ECU", "low", "zoom"),
        stunt=(ShotRecipe("WS", "eye level", "static"), ShotRecipe("MS", "dutch", "handheld")),
        vehicle_exterior=(ShotRecipe("WS", "low", "tracking"), ShotRecipe("EWS", "high", "crane/drone")),
    ),
}
