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

from dataclasses import dataclass, replace
from typing import Literal, get_args

from slate.errors import NotFound
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

    name: ProfileName
    description: str
    languages: dict[Language, LanguageLimits]
    min_duration_ms: int = 833  # 5/6 s in whole milliseconds (an event shorter than this is too short)
    max_duration_ms: int = 7000
    min_gap_frames: int = 2
    close_gap_frames: int = 12  # fixes close gaps up to this long to min_gap_frames
    max_total_lines: int = 2
    bilingual: bool = False
    traditional: bool = False  # flag Simplified characters and require full-width punctuation

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

PROFILES: dict[ProfileName, Profile] = {p.name: p for p in (NETFLIX_EN, NETFLIX_ZH_HANT, HK_BILINGUAL)}


def get_profile(name: str) -> Profile:
    """A profile by name; NotFound lists the profiles there are."""
    key = name.strip().lower()
    for profile_name, profile in PROFILES.items():
        if profile_name == key:
            return profile
    raise NotFound("No subtitle profile called " + repr(name), value=name, nearest=list(PROFILE_NAMES))
