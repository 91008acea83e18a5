"""The breakdown's typed core: categories, elements with their sources, scene sheets."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, Field

Category = Literal[
    "cast",
    "cast_silent",
    "cast_voice",
    "background",
    "stunts",
    "vehicles",
    "props",
    "wardrobe",
    "makeup",
    "sfx",
    "vfx",
    "animals",
    "equipment",
    "sound",
    "set_dressing",
    "weather",
    "notes",
]
CATEGORIES: tuple[Category, ...] = get_args(Category)  # in the order sheets show them
Origin = Literal["action", "heading", "note", "fdx_tag", "production_notes", "coordinator"]

CATEGORY_LABELS: dict[Category, str] = {
    "cast": "Cast 演員",
    "cast_silent": "Silent cast 無對白演員",
    "cast_voice": "Voice only 畫外音",
    "background": "Background / extras 臨記",
    "stunts": "Stunts 特技",
    "vehicles": "Vehicles 車輛",
    "props": "Props 道具",
    "wardrobe": "Wardrobe 服裝",
    "makeup": "Make-up / hair 化妝髮型",
    "sfx": "Special effects 特效",
    "vfx": "Visual effects 視覺效果",
    "animals": "Animals 動物",
    "equipment": "Special equipment 特別器材",
    "sound": "Sound / music 聲音音樂",
    "set_dressing": "Set dressing 陳設",
    "weather": "Weather 天氣",
    "notes": "Notes 備註",
}

# The industry's colour code for breakdown sheets (the one scripts are lined with): cast red,
# stunts orange, background green, silent bits yellow, special effects blue, props violet,
# vehicles and animals pink, sound and music brown. The code marks wardrobe, make-up and special
# equipment by a shape instead (circled, starred, boxed): their boxes are neutral and carry the
# mark, so none of them reads as props' violet at a glance. Categories the code leaves out take the
# colour of their family (voice-only cast a lighter red, visual effects and weather blues, set
# dressing a lighter violet); notes take Final Draft's default gold.
CATEGORY_COLOURS: dict[Category, str] = {
    "cast": "#E53935",
    "cast_silent": "#FDD835",
    "cast_voice": "#EF9A9A",
    "background": "#43A047",
    "stunts": "#FB8C00",
    "vehicles": "#F48FB1",
    "props": "#8E24AA",
    "wardrobe": "#757575",
    "makeup": "#BDBDBD",
    "sfx": "#1E88E5",
    "vfx": "#3949AB",
    "animals": "#F06292",
    "equipment": "#BDB76B",
    "sound": "#8D6E63",
    "set_dressing": "#BA55D3",
    "weather": "#4FC3F7",
    "notes": "#FFD700",
}
# The shapes the code marks these categories with on a lined script, shown before the box's name.
CATEGORY_MARKS: dict[Category, str] = {"wardrobe": "○", "makeup": "＊", "equipment": "□"}

# Category families for the accuracy table and the department lists.
FAMILIES: dict[Category, str] = {
    "cast": "cast",
    "cast_silent": "cast",
    "cast_voice": "cast",
    "background": "background",
    "stunts": "stunts",
    "vehicles": "vehicles",
    "props": "props",
    "set_dressing": "props",
    "wardrobe": "wardrobe_makeup",
    "makeup": "wardrobe_makeup",
    "sfx": "effects",
    "vfx": "effects",
    "weather": "effects",
    "animals": "animals",
    "equipment": "equipment",
    "sound": "sound",
    "notes": "notes",
}


class ElementSource(BaseModel):
    """Where an element was found: file, line (FDX: paragraph ordinal), scene, and how."""

    file: str
    line: int | None = None
    scene: str | None = None
    origin: Origin = "action"
    text: str = Field("", description="The words that named it, as written.")

    def label(self) -> str:
        parts = [self.file + (f":{self.line}" if self.line else "")]
        if self.scene:
            parts.append(f"sc. {self.scene}")
        return " · ".join(parts)


class BreakdownElement(BaseModel):
    """One element of one scene: a prop, an extra, a stunt ..."""

    category: Category
    name: str = Field(description="As the departments list it: `TAXI`, `的士`, `POLICE OFFICERS`.")
    count: int | None = Field(None, description="Head count or quantity when the script gives one.")
    character: str | None = Field(None, description="Whose wardrobe or make-up it is, when known.")
    detail: str = ""
    sources: list[ElementSource] = Field(default_factory=list)
    edited: bool = Field(False, description="Added or changed by the coordinator (wins over detection).")

    @property
    def key(self) -> tuple[str, str]:
        return (self.category, fold_name(self.name))

    def text(self) -> str:
        """`POLICE OFFICERS (2)`."""
        extra = f" ({self.count})" if self.count else ""
        who = f" [{self.character}]" if self.character else ""
        return f"{self.name}{extra}{who}"


class SceneBreakdown(BaseModel):
    """A breakdown sheet: the scene's header and its elements by category."""

    scene: str
    heading: str
    set: str = ""
    int_ext: str | None = None
    time_of_day: str | None = None
    pages: str = ""
    eighths: int = 1
    page: int = 1
    story_day: str | None = None
    synopsis: str | None = None
    elements: list[BreakdownElement] = Field(default_factory=list)

    def of(self, category: Category) -> list[BreakdownElement]:
        return [e for e in self.elements if e.category == category]

    @property
    def extras_count(self) -> int:
        """The scene's background head count, a group with no number counted as one."""
        count, _floor = head_count([(e.name, e.count) for e in self.of("background")], uncounted_as=1)
        return count


class Breakdown(BaseModel):
    """Every scene's sheet, with the script, the edits file and the saved version."""

    title: str = ""
    script: str = ""
    edits_file: str | None = None
    version: int | None = None
    saved_at: str | None = None
    scenes: list[SceneBreakdown] = Field(default_factory=list)
    fdx_categories: dict[str, str] = Field(
        default_factory=dict, description="Final Draft tag category → colour, when the script had them."
    )

    def scene(self, number: str) -> SceneBreakdown | None:
        wanted = number.strip().upper()
        return next((s for s in self.scenes if s.scene.upper() == wanted), None)


def fold_name(name: str) -> str:
    """The form names are compared in: NFKC, case-folded, spaces squeezed, a plural `s` dropped."""
    import unicodedata

    text = " ".join(unicodedata.normalize("NFKC", name).casefold().replace("-", " ").split())
    if len(text) > 3 and text.endswith("s") and not text.endswith("ss") and text.isascii():
        text = text[:-3] + "y" if text.endswith("ies") else text[:-1]
    return text


# The names detection gives an extras line's total (`臨記：約四十人，包括宵夜人群、清潔工…`,
# `EXTRAS: about forty, …`): the scene's whole background, the groups listed beside it included.
EXTRAS_TOTAL_NAMES = frozenset({"臨記", "EXTRAS"})


def head_count(groups: list[tuple[str, int | None]], uncounted_as: int = 0) -> tuple[int, bool]:
    """One scene's background head count from its groups (name, count), and whether it is a floor.

    A total the script gives for the scene's extras is the count (or the groups' sum, when larger):
    the groups it names are its people, not more of them. Without one, the groups add up, and a
    group with no number makes the count a floor."""
    total = max((n or 0 for name, n in groups if name in EXTRAS_TOTAL_NAMES and n), default=0)
    others = [n for name, n in groups if not (name in EXTRAS_TOTAL_NAMES and n)]
    counted = sum(n if n is not None else uncounted_as for n in others)
    if total:
        return max(total, counted), False
    return counted, any(n is None for n in others)
