"""Subtitle rule profiles: line length, lines, reading speed, durations and gaps, with their sources.

Sources (Netflix Partner Help Center, "Timed Text Style Guide" series):
- General Requirements: minimum duration 5/6 s per event (20 frames at 24 fps), maximum 7 s, at least
  2 frames between events whatever the frame rate, at most 2 lines; break lines after punctuation and
  before conjunctions and prepositions, never between an article and its noun or a first and last name.
- English (USA) Timed Text Style Guide: 42 characters per line; reading speed up to 20 characters per
  second for adult programmes, 17 for children's programmes; a single ellipsis character (U+2026).
- Chinese (Traditional) Timed Text Style Guide: 16 full-width characters per line; reading speed up to
  9 characters per second for adult programmes; `⋯` (U+22EF, two-thirds-height ellipsis) for ellipsis;
  full-width punctuation.
- Timing guidance in the same series: gaps of 12 frames or less between events are closed to 2 frames.

`hk-bilingual` is Slate's own profile for Hong Kong theatrical and streaming releases: each event is one
Chinese line over the English, each language judged by its own profile's limits, with the English
allowed two lines when it needs them (three lines on screen at most).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, get_args

import yaml

from core.errors import InputFileError, NotFound
from tools.subtitles.text import Language

ProfileName = Literal["netflix-en", "netflix-zh-hant", "hk-bilingual"]
PROFILE_NAMES: tuple[ProfileName, ...] = get_args(ProfileName)

DEFAULT_FPS = 24000 / 1001  # 23.976: the usual film-to-video rate; frame rules use it unless told otherwise


@dataclass(frozen=True)
class LanguageLimits:
    """Limits for one language's lines in an event."""

    max_line_length: float  # characters (English) or full-width cells (Chinese)
    max_lines: int
    max_cps: float  # reading speed, characters per second


@dataclass(frozen=True)
class Profile:
    """A rule set. Durations in milliseconds, gaps in frames (converted with the file's frame rate)."""

    name: str
    description: str
    languages: dict[Language, LanguageLimits]
    min_duration_ms: int = 833  # 5/6 s in whole milliseconds (an event shorter than this is too short)
    max_duration_ms: int = 7000
    min_gap_frames: int = 2
    close_gap_frames: int = 12  # fixes close gaps up to this long to min_gap_frames
    max_total_lines: int = 2
    bilingual: bool = False
    traditional: bool = False  # flag Simplified characters and require full-width punctuation
    join_short_lines: bool = True  # Netflix: keep the text on one line unless it exceeds the limit
    dialogue_dash: str | None = (
        None  # the dual-speaker dash a house wants ("-", "- ", "－"); None: any, consistently
    )
    source: str = "built-in"  # where the profile came from: "built-in" or a YAML file (`extends` chain)

    def __hash__(self) -> int:
        # Explicit because `languages` is a dict; lets the checks cache what a text breaks per profile.
        return self._hash

    @cached_property
    def _hash(self) -> int:
        return hash((self.name, self.source, tuple(self.languages.items()), self.dialogue_dash))

    def limits(self, language: Language) -> LanguageLimits:
        """The limits for `language`; a profile without that language judges it by its main one."""
        return self.languages.get(language) or next(iter(self.languages.values()))

    def with_cps(self, cps: float, language: Language = "en") -> Profile:
        """The profile with another reading speed for one language (e.g. 17 cps for children's English)."""
        if language not in self.languages:
            return self
        langs = dict(self.languages)
        langs[language] = replace(langs[language], max_cps=cps)
        return replace(self, languages=langs)

    def frames_ms(self, frames: int, fps: float) -> int:
        return round(frames * 1000 / fps)


NETFLIX_EN = Profile(
    name="netflix-en",
    description="Netflix English (USA): 42 characters a line, 2 lines, 20 characters/s, 5/6-7 s, 2-frame gaps",
    languages={"en": LanguageLimits(max_line_length=42, max_lines=2, max_cps=20)},
    dialogue_dash="-",  # English (USA) guide: "-Are you coming?" / "-In a minute." (hyphen, no space)
)
NETFLIX_ZH_HANT = Profile(
    name="netflix-zh-hant",
    description="Netflix Traditional Chinese: 16 characters a line, 2 lines, 9 characters/s, 5/6-7 s, "
    "2-frame gaps, ⋯ for ellipsis, full-width punctuation, no Simplified characters",
    languages={
        "zh": LanguageLimits(max_line_length=16, max_lines=2, max_cps=9),
        "en": LanguageLimits(max_line_length=42, max_lines=2, max_cps=20),
    },
    traditional=True,
)
HK_BILINGUAL = Profile(
    name="hk-bilingual",
    description="Hong Kong bilingual: one Chinese line (16 characters, 9/s) over English (42 characters, "
    "up to 2 lines, 20/s), each judged by its own limits",
    languages={
        "zh": LanguageLimits(max_line_length=16, max_lines=1, max_cps=9),
        "en": LanguageLimits(max_line_length=42, max_lines=2, max_cps=20),
    },
    max_total_lines=3,
    bilingual=True,
    traditional=True,
)

PROFILES: dict[str, Profile] = {p.name: p for p in (NETFLIX_EN, NETFLIX_ZH_HANT, HK_BILINGUAL)}

# Keys a YAML profile may set, besides `name`, `extends`, `description` and `languages`.
_SCALAR_KEYS = {
    f.name: f.type for f in fields(Profile) if f.name not in ("name", "description", "languages", "source")
}
_LIMIT_KEYS = {"max_line_length", "max_lines", "max_cps"}


def get_profile(name: str, search: tuple[Path, ...] = ()) -> Profile:
    """A profile by built-in name, by the name of a YAML file in one of `search`'s folders
    (`<folder>/<name>.yaml`), or by the path of a YAML file.

    Raises:
        NotFound: no such profile (lists the built-in and found ones).
        InputFileError: the YAML file cannot be read or sets something a profile does not have.
    """
    key = name.strip()
    if key.lower() in PROFILES:
        return PROFILES[key.lower()]
    path = _profile_path(key, search)
    if path is None:
        raise NotFound(
            "No subtitle profile called " + repr(name), value=name, nearest=available_profiles(search)
        )
    return load_profile(path, search)


def available_profiles(search: tuple[Path, ...] = ()) -> list[str]:
    """Built-in profile names, then the YAML profiles found in `search`."""
    found = [p.stem for folder in search if folder.is_dir() for p in sorted(folder.glob("*.y*ml"))]
    return [*PROFILE_NAMES, *dict.fromkeys(found)]


def _profile_path(key: str, search: tuple[Path, ...]) -> Path | None:
    given = Path(key).expanduser()
    if given.suffix.lower() in (".yaml", ".yml") and given.is_file():
        return given
    for folder in search:
        for ext in (".yaml", ".yml"):
            candidate = folder / f"{key}{ext}"
            if candidate.is_file():
                return candidate
    return None


def load_profile(path: str | Path, search: tuple[Path, ...] = (), _seen: tuple[Path, ...] = ()) -> Profile:
    """A house profile from YAML: `extends` a built-in (or another YAML profile) and overrides any limit.

    ```yaml
    name: tvb-drama
    extends: hk-bilingual
    min_duration_ms: 1000
    min_gap_frames: 3
    languages:
      zh: {max_line_length: 14, max_cps: 8}
    ```
    """
    file = Path(path)
    if file.resolve() in _seen:
        raise InputFileError("Profiles extend each other in a circle", file=file)
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputFileError(f"Cannot read the profile: {exc}", file=file) from None
    if not isinstance(data, dict):
        raise InputFileError("A profile file is a YAML mapping (name, extends, limits)", file=file)
    parent_name = str(data.get("extends") or "netflix-en")
    if parent_name.lower() in PROFILES:
        parent = PROFILES[parent_name.lower()]
    else:
        parent_path = _profile_path(parent_name, (file.parent, *search))
        if parent_path is None:
            raise NotFound(
                f"The profile {file.name} extends an unknown profile {parent_name!r}",
                value=parent_name,
                nearest=available_profiles((file.parent, *search)),
            )
        parent = load_profile(parent_path, search, (*_seen, file.resolve()))
    unknown = set(data) - {"name", "extends", "description", "languages", *_SCALAR_KEYS}
    if unknown:
        raise InputFileError(
            "Unknown profile settings: " + ", ".join(sorted(unknown)),
            file=file,
            value=sorted(unknown),
            hint="Profiles set " + ", ".join(sorted(_SCALAR_KEYS)) + " and languages",
        )
    changes: dict[str, Any] = {}
    for key in _SCALAR_KEYS:
        if key in data:
            changes[key] = _scalar(file, key, data[key], getattr(parent, key))
    languages = dict(parent.languages)
    for lang, limits in (data.get("languages") or {}).items():
        if lang not in ("zh", "en") or not isinstance(limits, dict) or set(limits) - _LIMIT_KEYS:
            raise InputFileError(
                f"languages.{lang}: give zh or en with max_line_length, max_lines, max_cps",
                file=file,
                value=limits,
            )
        base = languages.get(lang) or next(iter(languages.values()))
        languages[lang] = replace(
            base,
            **{k: _scalar(file, f"languages.{lang}.{k}", v, getattr(base, k)) for k, v in limits.items()},
        )
    name = str(data.get("name") or file.stem)
    description = str(data.get("description") or f"{name}: {parent.name} with house limits")
    source = f"{file} (extends {parent.name}" + (
        f" from {parent.source})" if parent.source != "built-in" else ")"
    )
    return replace(parent, name=name, description=description, languages=languages, source=source, **changes)


def _scalar(file: Path, key: str, value: object, current: object) -> Any:
    """`value` as the type of `current`, positive where it is a number."""
    if current is None or isinstance(current, str):
        return None if value is None else str(value)
    if isinstance(current, bool):
        if not isinstance(value, bool):
            raise InputFileError(f"{key} is true or false", file=file, value=value)
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise InputFileError(f"{key} must be a positive number", file=file, value=value)
    return int(value) if isinstance(current, int) else float(value)
