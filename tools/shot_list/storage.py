"""Saved shot lists: every save is a new file `artifacts/shot_lists/<scene>/vNNN.json` in the
production's folder; the highest number is the current version and no version is ever overwritten (a
new file is linked into place only if its name is still free). One lock keeps writers in turn."""

from __future__ import annotations

import json
import re
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path

from core.errors import SlateError
from core.paths import create_new_file, exclusive_lock, safe_name
from knowledge.production import Production
from tools.shot_list.ids import scene_key
from tools.shot_list.models import ShotList

SHOT_LISTS_DIR = "shot_lists"
_VERSION_FILE = re.compile(r"^v(\d{3,})\.json$")


def shot_list_dir(production: Production, scene: str) -> Path:
    """`artifacts/shot_lists/<scene>/` of the production."""
    return production.artifacts_dir / SHOT_LISTS_DIR / safe_name(scene_key(scene))


def list_versions(production: Production, scene: str) -> list[int]:
    """Saved version numbers of a scene's shot list, oldest first."""
    folder = shot_list_dir(production, scene)
    if not folder.is_dir():
        return []
    found = (_VERSION_FILE.match(p.name) for p in folder.iterdir())
    return sorted(int(m.group(1)) for m in found if m)


def load_shot_list(production: Production, scene: str, version: int | None = None) -> ShotList | None:
    """A saved version (the latest by default), or None when the scene has none saved."""
    versions = list_versions(production, scene)
    if not versions:
        return None
    number = versions[-1] if version is None else version
    path = shot_list_dir(production, scene) / f"v{number:03d}.json"
    if not path.exists():
        raise SlateError(
            f"Scene {scene} has no shot-list version {number}",
            value=number,
            hint="Saved versions: " + ", ".join(str(v) for v in versions),
        )
    try:
        return ShotList.model_validate_json(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise SlateError(
            "A saved shot list is damaged", file=path, value=str(exc).splitlines()[0][:200]
        ) from None


def save_shot_list(production: Production, shot_list: ShotList) -> ShotList:
    """Save as the scene's next version and return it with `version` and `saved_at` set.

    The file is written whole (and synced) to a temporary name and linked to `vNNN.json` only if that
    name is free, so two saves at once get two versions and neither overwrites the other. A change that
    starts from the saved list (an edit, an import) holds `shot_list_lock` from reading to saving.
    """
    folder = shot_list_dir(production, shot_list.scene)
    for _attempt in range(1000):
        number = max(list_versions(production, shot_list.scene), default=0) + 1
        saved = shot_list.model_copy(
            update={"version": number, "saved_at": datetime.now(UTC).isoformat(timespec="seconds")}
        )
        data = json.dumps(saved.model_dump(mode="json"), ensure_ascii=False, indent=2).encode("utf-8")
        if create_new_file(folder / f"v{number:03d}.json", data):
            return saved
    raise SlateError("Could not find a free version number for the shot list", file=folder)


def shot_list_lock(production: Production) -> AbstractContextManager[None]:
    """One shot-list writer at a time in a production (processes and chat sessions alike): an edit
    reads the latest version and saves the next one with no other save in between, so no edit is lost.
    Not re-entrant: take it once, around the whole read-change-save."""
    return exclusive_lock(production.artifacts_dir / SHOT_LISTS_DIR / ".lock", "The shot lists")
