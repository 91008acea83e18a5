"""Shot lists: a scene's coverage plan, drafted by rules, refined by a model when one is connected.

Read it in this order:

- `ids`: scene and shot ids (`12A`, `12B`, … `12AA`, no I or O) and the scene a number names.
- `models`: the closed sets and `Shot`, `ShotList`, `ShotListResult`, the one typed core.
- `styles`: the three coverage styles and the setup-minute and equipment tables.
- `reading`: what the rules see in a scene: beats, speakers, props, looks, department notes.
- `drafting`: `draft_rule_shot_list`, the deterministic rule draft.
- `refine`: `shot_list_problems` and the connected model's refinement that must pass them.
- `storage`: versioned saves (`vNNN.json`, never overwritten) and the production-wide writer lock.
- `export`, `aliases`, `importing`: CSV, XLSX, Markdown and JSON files out; coordinators' spreadsheets in.
- `tools`: the registered tools (`draft_shot_list`, `edit_shot_list`, `get_shot_list`).

Modules import only from those above them. This package re-exports what `tools.shot_list` has always
offered; `tools.shot_list_io` re-exports the file and storage functions.
"""

from knowledge.numerals import chinese_numeral_to_int
from tools.shot_list.drafting import draft_rule_shot_list
from tools.shot_list.ids import (
    SHOT_LETTERS,
    make_shot_id,
    nearest_shot_ids,
    normalise_shot_id,
    resolve_scene,
    scene_key,
    shot_letters,
    shot_order_key,
    shot_prefix,
    shot_suffix,
)
from tools.shot_list.models import (
    ANGLES,
    MOVEMENTS,
    NOTE_TAGS,
    SHOT_SIZES,
    SOUNDS,
    STYLES,
    Angle,
    LineRef,
    Movement,
    NoteTag,
    Shot,
    ShotList,
    ShotListResult,
    ShotSize,
    Sound,
    Style,
    format_minutes,
    note_tags,
)

# The four private word lists are shared with the breakdown's detector (tools.breakdown.detect).
from tools.shot_list.reading import (
    _CRAFT_WORDS,
    _OBJECT_WORDS,
    _PERSON_NOUNS,
    _SOUND_WORDS,
    MOVING_VEHICLE_NOTE,
    PARKED_VEHICLE_NOTE,
    VEHICLE_IN_SHOT_NOTE,
    find_looks,
    find_props,
)
from tools.shot_list.refine import (
    REFINE_FIELDS,
    REFINE_MAX_SCENE_CHARS,
    REFINE_SYSTEM,
    refine_shot_list,
    shot_list_problems,
)
from tools.shot_list.styles import (
    EQUIPMENT_BY_MOVEMENT,
    MIN_SETUP_MINUTES,
    SETUP_MINUTES_BY_MOVEMENT,
    SETUP_MINUTES_BY_NOTE,
    SETUP_MINUTES_BY_SIZE,
    STYLE_PRESETS,
    ShotRecipe,
    StylePreset,
    equipment_for,
    setup_minutes_for,
)
from tools.shot_list.tools import draft_shot_list, draft_shot_list_for_scene, edit_shot_list, get_shot_list

__all__ = [
    "ANGLES",
    "EQUIPMENT_BY_MOVEMENT",
    "MIN_SETUP_MINUTES",
    "MOVEMENTS",
    "MOVING_VEHICLE_NOTE",
    "NOTE_TAGS",
    "PARKED_VEHICLE_NOTE",
    "REFINE_FIELDS",
    "REFINE_MAX_SCENE_CHARS",
    "REFINE_SYSTEM",
    "SETUP_MINUTES_BY_MOVEMENT",
    "SETUP_MINUTES_BY_NOTE",
    "SETUP_MINUTES_BY_SIZE",
    "SHOT_LETTERS",
    "SHOT_SIZES",
    "SOUNDS",
    "STYLES",
    "STYLE_PRESETS",
    "VEHICLE_IN_SHOT_NOTE",
    "_CRAFT_WORDS",
    "_OBJECT_WORDS",
    "_PERSON_NOUNS",
    "_SOUND_WORDS",
    "Angle",
    "LineRef",
    "Movement",
    "NoteTag",
    "Shot",
    "ShotList",
    "ShotListResult",
    "ShotRecipe",
    "ShotSize",
    "Sound",
    "Style",
    "StylePreset",
    "chinese_numeral_to_int",
    "draft_rule_shot_list",
    "draft_shot_list",
    "draft_shot_list_for_scene",
    "edit_shot_list",
    "equipment_for",
    "find_looks",
    "find_props",
    "format_minutes",
    "get_shot_list",
    "make_shot_id",
    "nearest_shot_ids",
    "normalise_shot_id",
    "note_tags",
    "refine_shot_list",
    "resolve_scene",
    "scene_key",
    "setup_minutes_for",
    "shot_letters",
    "shot_list_problems",
    "shot_order_key",
    "shot_prefix",
    "shot_suffix",
]
