"""Scene and shot ids as the crew's paperwork writes them, and the scene a number names.

Shot ids follow slate practice: the scene number and a letter (`12A`, `12B`, … `12Z`, `12AA`),
skipping I and O so they are never misread as 1 and 0; scenes that already end in a letter get a
hyphen (`12A-A`). Dropping a shot never re-letters the others: the crew's paperwork refers to them.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence

from core.errors import SceneNotFound
from knowledge.numerals import digits_in
from knowledge.production import Production
from knowledge.screenplay import Scene

# Slate letters: I and O are skipped so they cannot be read as 1 and 0.
SHOT_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def scene_key(number: str) -> str:
    """A scene number as shot lists write it: `1a` → `1A`, `１２` → `12` (ids are upper-case)."""
    return unicodedata.normalize("NFKC", number).strip().upper()


def shot_letters(index: int) -> str:
    """0 → `A`, 23 → `Z`, 24 → `AA`: bijective base-24 over the slate letters."""
    base = len(SHOT_LETTERS)
    out = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, base)
        out = SHOT_LETTERS[rem] + out
    return out


def shot_prefix(scene: str) -> str:
    """`12` → `12`; `12A` → `12A-` (a letter after a letter would be ambiguous)."""
    return f"{scene}-" if scene and scene[-1].isalpha() else scene


def make_shot_id(scene: str, index: int) -> str:
    return shot_prefix(scene) + shot_letters(index)


def shot_suffix(shot_id: str, scene: str) -> str | None:
    """The letters after the scene prefix, or None when `shot_id` is not a shot of `scene`."""
    prefix = shot_prefix(scene)
    if not shot_id.startswith(prefix):
        return None
    letters = shot_id[len(prefix) :]
    return letters if letters and all(ch in SHOT_LETTERS for ch in letters) else None


def shot_order_key(shot_id: str, scene: str) -> tuple[int, tuple[int, ...]]:
    """Sorts ids in slate order (`12Z` before `12AA`); ids that are not the scene's sort last."""
    letters = shot_suffix(shot_id, scene)
    if letters is None:
        return (10**6, tuple(ord(ch) for ch in shot_id))
    return (len(letters), tuple(SHOT_LETTERS.index(ch) for ch in letters))


def normalise_shot_id(shot_id: str, scene: str) -> str:
    """`12c` → `12C`, `c` → `12C`, `１２Ｃ` → `12C`."""
    text = unicodedata.normalize("NFKC", shot_id).strip().upper().replace(" ", "")
    if text and all(ch in SHOT_LETTERS for ch in text) and not text.startswith(scene):
        return shot_prefix(scene) + text
    return text


def nearest_shot_ids(wanted: str, ids: Sequence[str], scene: str, n: int = 3) -> list[str]:
    """Ids close to `wanted`: spelling first, then neighbours in slate order."""
    close = difflib.get_close_matches(wanted, list(ids), n=n, cutoff=0.5)
    if len(close) < n:
        key = shot_order_key(wanted, scene)
        for candidate in sorted(ids, key=lambda i: _key_distance(shot_order_key(i, scene), key)):
            if candidate not in close:
                close.append(candidate)
            if len(close) >= n:
                break
    return close


def _key_distance(a: tuple[int, tuple[int, ...]], b: tuple[int, tuple[int, ...]]) -> int:
    def flat(k: tuple[int, tuple[int, ...]]) -> int:
        total = 0
        for digit in k[1]:
            total = total * len(SHOT_LETTERS) + digit + 1
        return total

    return abs(flat(a) - flat(b))


def resolve_scene(production: Production, scene: str) -> Scene:
    """The scene `scene` names (`7`, `12A`, `sc 7`, `第七場`); SceneNotFound lists the nearest."""
    key = scene_key(str(scene))
    for candidate in production.scenes:
        if scene_key(candidate.number) == key:  # exactly as written first: "1." is not "1"
            return candidate
    try:
        return production.scene(digits_in(str(scene)))
    except SceneNotFound as exc:
        raise SceneNotFound(str(scene), exc.nearest, file=exc.file) from None
