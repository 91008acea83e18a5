"""The subtitle tools the agent can call: check, fix, convert script, merge, shift, translate.

Each takes the production first and names a subtitle file the way the crew does (`reel2.srt`, or just
`reel2`); when the production holds exactly one subtitle file the name can be left out. Files are
written into the production's output folder and their paths returned in `files`.
"""

from __future__ import annotations

from pathlib import Path

from core.errors import NotFound, SlateError, SubtitleError
from core.paths import safe_name
from knowledge.citations import Citation
from knowledge.production import Production
from tools.registry import FrameRate, ReadingSpeed, register
from tools.subtitles import operations
from tools.subtitles.bilingual import looks_chinese
from tools.subtitles.models import SubtitleOutput, SubtitleReport
from tools.subtitles.text import ScriptTarget
from tools.subtitles.translate import TranslationTarget, glossary_from_cast


def _subtitle_files(production: Production) -> dict[str, Path]:
    """The production's subtitle files by the name the crew knows them by."""
    named: dict[str, Path] = {}
    for doc in production.documents:
        if doc.doc_type == "subtitles":
            path = production.document_path(doc.name)
            if path is not None:
                named[doc.name] = path
    for path in production.subtitle_paths:  # files given directly (no ingested project)
        if path not in named.values():
            named.setdefault(path.name, path)
    return named


def resolve_subtitle_file(production: Production, name: str | None) -> tuple[str, Path]:
    """(display name, path) of the subtitle file `name` names, or of the only one when `name` is None."""
    files = _subtitle_files(production)
    if not files:
        raise SlateError(
            f"Project {production.name!r} has no subtitle files",
            hint="Add one with `slate ingest FILE.srt --project " + production.name + "`",
        )
    if not name:
        if len(files) == 1:
            return next(iter(files.items()))
        raise NotFound("Which subtitle file? The production has several", value=None, nearest=sorted(files))
    wanted = name.strip()
    for known, path in files.items():
        if wanted in (known, Path(known).stem, path.name):
            return known, path
    lowered = wanted.lower()
    matches = [(k, p) for k, p in files.items() if lowered in k.lower()]
    if len(matches) == 1:
        return matches[0]
    raise NotFound(f"No subtitle file called {name!r} in the production", value=name, nearest=sorted(files))


def _target(production: Production, name: str, suffix: str, extension: str | None = None) -> Path:
    stem = Path(name).stem
    ext = extension or Path(name).suffix or ".srt"
    return production.output_dir / safe_name(f"{stem}.{suffix}{ext}")


def _profile_dirs(production: Production) -> tuple[Path, ...]:
    """House profiles live in the project's `profiles/` folder (`<name>.yaml`)."""
    return (production.project_dir / "profiles",) if production.project_dir is not None else ()


def _cite(name: str) -> list[Citation]:
    return [Citation(file=name, doc_type="subtitles")]


@register
def check_subtitles(
    production: Production,
    file: str | None = None,
    profile: str | None = None,
    fps: FrameRate | None = None,
    cps: ReadingSpeed | None = None,
) -> SubtitleReport:
    """Check a subtitle file against Netflix-style rules (timing, gaps, line length, reading speed, script, punctuation).

    Args:
        file: the subtitle file's name (e.g. reel2.srt); may be omitted when the production has only one.
        profile: netflix-en, netflix-zh-hant, hk-bilingual, or a house profile in the project's profiles folder (e.g. tvb-drama); chosen from the text when omitted.
        fps: frame rate for the 2-frame gap rule (default: the file's, else 23.976).
        cps: English reading-speed limit to use instead of 20 (17 for children's programmes).
    """
    name, path = resolve_subtitle_file(production, file)
    report = operations.check_file(
        path, profile=profile, fps=fps, cps=cps, profile_dirs=_profile_dirs(production)
    )
    return report.model_copy(update={"file": name, "sources": _cite(name)})


@register(changes_production=True)
def fix_subtitles(
    production: Production,
    file: str | None = None,
    profile: str | None = None,
    fps: FrameRate | None = None,
    to_script: ScriptTarget | None = None,
) -> SubtitleOutput:
    """Fix a subtitle file's timing and line breaks without changing a word, and list what still needs a person.

    Args:
        file: the subtitle file's name; may be omitted when the production has only one.
        profile: netflix-en, netflix-zh-hant, hk-bilingual, or a house profile in the project's profiles folder (e.g. tvb-drama); chosen from the text when omitted.
        fps: frame rate for frame-based rules (default: the file's, else 23.976).
        to_script: also convert the Chinese to zh-Hant-HK, zh-Hant-TW or zh-Hans.
    """
    name, path = resolve_subtitle_file(production, file)
    result = operations.fix_file(
        path,
        _target(production, name, "fixed"),
        profile=profile,
        fps=fps,
        to_script=to_script,
        profile_dirs=_profile_dirs(production),
    )
    return result.model_copy(update={"input": name, "sources": _cite(name)})


@register(changes_production=True)
def convert_subtitle_script(
    production: Production,
    file: str | None = None,
    to_script: ScriptTarget = "zh-Hant-HK",
) -> SubtitleOutput:
    """Convert a subtitle file's Chinese to Hong Kong Traditional, Taiwan Traditional or Simplified characters (幫我轉做香港繁體).

    Args:
        file: the subtitle file's name; may be omitted when the production has only one.
        to_script: zh-Hant-HK (Hong Kong Traditional), zh-Hant-TW (Taiwan Traditional) or zh-Hans (Simplified).
    """
    name, path = resolve_subtitle_file(production, file)
    result = operations.convert_file(path, _target(production, name, to_script), to_script=to_script)
    return result.model_copy(update={"input": name, "sources": _cite(name)})


@register(changes_production=True)
def merge_subtitles(
    production: Production,
    chinese: str | None = None,
    english: str | None = None,
) -> SubtitleOutput:
    """Merge a Chinese and an English subtitle track into one Hong Kong bilingual track (Chinese line over English line).

    Args:
        chinese: the Chinese track's file name; may be omitted when the production has exactly two subtitle files.
        english: the English track's file name; may be omitted likewise.
    """
    if chinese is None or english is None:
        files = _subtitle_files(production)
        if len(files) != 2:
            raise NotFound(
                "Say which two subtitle files to merge (the Chinese track and the English track)",
                nearest=sorted(files),
            )
        names = list(files)
        if chinese is not None or english is not None:
            given = resolve_subtitle_file(production, chinese or english)[0]
            other = names[1] if names[0] == given else names[0]
            chinese, english = (given, other) if chinese is not None else (other, given)
        else:
            from knowledge.subtitle_file import read_subtitle_file

            first_is_chinese = looks_chinese(read_subtitle_file(files[names[0]]).cues)
            chinese, english = (names[0], names[1]) if first_is_chinese else (names[1], names[0])
    zh_name, zh_path = resolve_subtitle_file(production, chinese)
    en_name, en_path = resolve_subtitle_file(production, english)
    if zh_path == en_path:
        raise SubtitleError("The Chinese and English tracks are the same file", value=zh_name)
    target = production.output_dir / safe_name(f"{Path(zh_name).stem}.bilingual.srt")
    result = operations.merge_files(zh_path, en_path, target)
    return result.model_copy(
        update={"input": f"{zh_name} + {en_name}", "sources": [*_cite(zh_name), *_cite(en_name)]}
    )


@register(changes_production=True)
def shift_subtitles(
    production: Production,
    file: str | None = None,
    by: str | None = None,
    sync: list[str] | None = None,
) -> SubtitleOutput:
    """Shift a subtitle file earlier or later, or resync it from two or more reference points.

    Args:
        file: the subtitle file's name; may be omitted when the production has only one.
        by: the offset, e.g. -1.5s, +2s, 500ms or 00:00:01,200 (negative moves subtitles earlier).
        sync: instead of an offset, two or more points OLD=NEW, e.g. 00:01:02,000=00:01:03,200.
    """
    name, path = resolve_subtitle_file(production, file)
    result = operations.shift_file(path, _target(production, name, "shifted"), by=by, sync=sync or ())
    return result.model_copy(update={"input": name, "sources": _cite(name)})


@register(changes_production=True)
def translate_subtitles(
    production: Production,
    file: str | None = None,
    target: TranslationTarget = "en",
    bilingual: bool = True,
) -> SubtitleOutput:
    """Translate a subtitle file with the connected language model, keeping character names as in the cast list.

    Args:
        file: the subtitle file's name; may be omitted when the production has only one.
        target: en (English) or zh-Hant-HK (Hong Kong Chinese).
        bilingual: keep the original with the translation (Chinese over English); false writes the translation alone.
    """
    name, path = resolve_subtitle_file(production, file)
    result = operations.translate_file(
        path,
        _target(production, name, target),
        production.writer,
        target=target,
        glossary=glossary_from_cast(production.cast),
        bilingual=bilingual,
    )
    return result.model_copy(update={"input": name, "sources": _cite(name)})
