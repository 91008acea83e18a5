"""File-level subtitle operations: read, do one job, write atomically, describe the result.

The CLI (`slate subs ...`) calls these on paths; the registered agent tools (`tools.subtitles.tools`)
resolve a production's document names to paths and call the same functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from core.errors import SubtitleError
from knowledge.production import TextWriter
from knowledge.subtitle_file import Cue, parse_timecode, read_subtitle_file
from tools.subtitles.bilingual import looks_chinese, merge_tracks, split_tracks
from tools.subtitles.checks import check_cues, check_document, choose_profile, frame_rate
from tools.subtitles.convert import (
    convert_cues_script,
    output_format,
    python_encoding,
    subtitle_text,
    write_subtitles,
)
from tools.subtitles.fixes import fix_cues
from tools.subtitles.linebreak import rebreak_text
from tools.subtitles.models import SubtitleOperation, SubtitleOutput, SubtitleReport
from tools.subtitles.profiles import HK_BILINGUAL, get_profile
from tools.subtitles.retime import SyncPoint, change_fps, shift_cues, sync_cues
from tools.subtitles.styling import Losses
from tools.subtitles.text import ScriptTarget
from tools.subtitles.translate import TranslationTarget, translate_texts


def check_file(
    path: str | Path,
    *,
    profile: str | None = None,
    fps: float | None = None,
    cps: float | None = None,
    format: str | None = None,
    profile_dirs: tuple[Path, ...] = (),
) -> SubtitleReport:
    """Read and check one subtitle file (`profile`: a built-in name, a house profile's name in
    `profile_dirs`, or a YAML file's path)."""
    doc = read_subtitle_file(path, fps=fps, format=format)
    return check_document(doc, profile, fps=fps, cps=cps, profile_dirs=profile_dirs)


def fix_file(
    path: str | Path,
    output: str | Path,
    *,
    profile: str | None = None,
    fps: float | None = None,
    to_script: ScriptTarget | None = None,
    encoding: str = "utf-8",
    format: str | None = None,
    profile_dirs: tuple[Path, ...] = (),
) -> SubtitleOutput:
    """Fix what can be fixed and write the result; what is left is listed in `remaining`."""
    doc = read_subtitle_file(path, fps=fps, format=format)
    losses = Losses()
    chosen = get_profile(profile or choose_profile(doc.cues), profile_dirs)
    rate = frame_rate(fps, doc)
    outcome = fix_cues(doc.cues, chosen, rate)
    cues = outcome.cues
    changes = outcome.change_lines()
    repaired = [p for p in doc.problems if p.code in ("bad_timestamp", "missing_index", "blank_lines")]
    if repaired:
        changes.insert(0, f"damaged cues read and rewritten: {len({p.cue for p in repaired})}")
    if to_script:
        cues, changed = convert_cues_script(cues, to_script)
        changes.append(f"cues converted to {to_script}: {changed}")
        outcome.remaining = check_cues(cues, chosen, rate)
    written = write_subtitles(doc, cues, output, encoding=encoding, origins=outcome.origins, losses=losses)
    result = _output(
        "fix",
        path,
        written,
        encoding,
        len(cues),
        [f"profile {chosen.name} ({chosen.source}) at {rate:.3f} fps", *changes],
        losses=losses,
    )
    result.remaining = outcome.remaining
    return result


def convert_file(
    path: str | Path,
    output: str | Path,
    *,
    to_script: ScriptTarget | None = None,
    encoding: str = "utf-8",
    fps: float | None = None,
    format: str | None = None,
) -> SubtitleOutput:
    """Write the file in another format (from the output's extension), script or encoding."""
    doc = read_subtitle_file(path, fps=fps, format=format)
    losses = Losses()
    cues = doc.cues
    changes = [f"read {doc.format} ({doc.encoding})"]
    origins = None
    if to_script:
        cues, changed = convert_cues_script(cues, to_script)
        changes.append(f"cues converted to {to_script}: {changed}")
        origins = [c.index for c in cues]
    written = write_subtitles(doc, cues, output, encoding=encoding, origins=origins, losses=losses)
    return _output(
        "convert_script" if to_script else "convert",
        path,
        written,
        encoding,
        len(cues),
        changes,
        losses=losses,
    )


def shift_file(
    path: str | Path,
    output: str | Path,
    *,
    by: str | None = None,
    sync: Sequence[str] = (),
    encoding: str = "utf-8",
) -> SubtitleOutput:
    """Shift every cue by an offset (`-1.5s`), or sync linearly to two or more `OLD=NEW` points."""
    if (by is None) == (not sync):
        raise SubtitleError("Give either an offset (--by) or two or more sync points (--sync), not both")
    doc = read_subtitle_file(path)
    losses = Losses()
    operation: SubtitleOperation
    if by is not None:
        offset = parse_timecode(by)
        cues = shift_cues(doc.cues, offset)
        changes = [f"shifted by {offset:+d} ms"]
        operation = "shift"
    else:
        cues, mapping, miss = sync_cues(doc.cues, [SyncPoint.parse(s) for s in sync])
        changes = [
            f"synced to {len(sync)} points: scale {mapping.scale:.6f}, "
            f"offset {mapping.offset_ms:+.0f} ms, largest miss {miss} ms"
        ]
        operation = "sync"
    written = write_subtitles(
        doc, cues, output, encoding=encoding, origins=[c.index for c in cues], losses=losses
    )
    return _output(operation, path, written, encoding, len(cues), changes, losses=losses)


def fps_file(
    path: str | Path, output: str | Path, *, from_fps: float, to_fps: float, encoding: str = "utf-8"
) -> SubtitleOutput:
    """Retime for a change of frame rate (25 → 23.976 undoes PAL speed-up)."""
    doc = read_subtitle_file(path, fps=from_fps)
    losses = Losses()
    cues = change_fps(doc.cues, from_fps, to_fps)
    written = write_subtitles(
        doc, cues, output, encoding=encoding, origins=[c.index for c in cues], losses=losses
    )
    return _output(
        "fps",
        path,
        written,
        encoding,
        len(cues),
        [f"retimed from {from_fps:g} to {to_fps:g} fps"],
        losses=losses,
    )


def merge_files(
    chinese: str | Path, english: str | Path, output: str | Path, *, encoding: str = "utf-8"
) -> SubtitleOutput:
    """One Hong Kong bilingual track (Chinese over English) from two tracks, aligned by time overlap."""
    zh_doc, en_doc = read_subtitle_file(chinese), read_subtitle_file(english)
    if not looks_chinese(zh_doc.cues) and looks_chinese(en_doc.cues):
        zh_doc, en_doc = en_doc, zh_doc  # given the other way round
    outcome = merge_tracks(zh_doc.cues, en_doc.cues)
    losses = Losses()
    cues = [Cue(c.index, c.start_ms, c.end_ms, _rebreak_bilingual(c.text), c.raw) for c in outcome.cues]
    written = write_subtitles(zh_doc, cues, output, encoding=encoding, origins=[0] * len(cues), losses=losses)
    changes = [
        f"merged events: {outcome.merged}",
        f"Chinese only: {outcome.chinese_only}",
        f"English only: {outcome.english_only}",
    ]
    return _output("merge", chinese, written, encoding, len(cues), changes, losses=losses)


def split_file(
    path: str | Path, chinese_out: str | Path, english_out: str | Path, *, encoding: str = "utf-8"
) -> SubtitleOutput:
    """Split a bilingual track into a Chinese and an English file."""
    doc = read_subtitle_file(path)
    zh, en = split_tracks(doc.cues)
    losses = Losses()
    if not zh or not en:
        missing = "Chinese" if not zh else "English"
        raise SubtitleError(f"The file has no {missing} lines to split out", file=str(path))
    # Serialise both before writing either, so an encoding problem leaves no half-done pair behind.
    codec = python_encoding(encoding)
    for cues, target in ((zh, chinese_out), (en, english_out)):
        subtitle_text(doc, cues, output_format(target), origins=[0] * len(cues)).encode(codec)
    first = write_subtitles(doc, zh, chinese_out, encoding=encoding, origins=[0] * len(zh), losses=losses)
    second = write_subtitles(doc, en, english_out, encoding=encoding, origins=[0] * len(en), losses=losses)
    return _output(
        "split",
        path,
        first,
        encoding,
        len(zh) + len(en),
        [f"Chinese: {len(zh)} cues → {first}", f"English: {len(en)} cues → {second}"],
        extra_files=[second],
        losses=losses,
    )


def translate_file(
    path: str | Path,
    output: str | Path,
    writer: TextWriter | None,
    *,
    target: TranslationTarget = "en",
    glossary: Sequence[str] = (),
    bilingual: bool = True,
    encoding: str = "utf-8",
) -> SubtitleOutput:
    """Translate every cue with the connected model; bilingual output puts Chinese over English."""
    doc = read_subtitle_file(path)
    lines = translate_texts(doc.cues, writer, target=target, glossary=glossary)
    losses = Losses()
    cues = []
    for cue, translated in zip(doc.cues, lines, strict=True):
        if not bilingual:
            text = translated
        elif target == "en":
            text = cue.text + "\n" + translated
        else:
            text = translated + "\n" + cue.text
        cues.append(
            Cue(cue.index, cue.start_ms, cue.end_ms, _rebreak_bilingual(text), cue.raw, cue.line, cue.style)
        )
    written = write_subtitles(doc, cues, output, encoding=encoding, origins=[0] * len(cues), losses=losses)
    model = getattr(writer, "name", "model")
    return _output(
        "translate",
        path,
        written,
        encoding,
        len(cues),
        [f"translated {len(cues)} cues to {target} with {model}"],
        losses=losses,
    )


def _rebreak_bilingual(text: str) -> str:
    limits = {lang: (lim.max_line_length, lim.max_lines) for lang, lim in HK_BILINGUAL.languages.items()}
    return rebreak_text(text, limits, judge_chinese=True)[0]


def _output(
    operation: SubtitleOperation,
    source: str | Path,
    written: Path,
    encoding: str,
    cues: int,
    changes: list[str],
    *,
    extra_files: Sequence[Path] = (),
    losses: Losses | None = None,
) -> SubtitleOutput:
    return SubtitleOutput(
        dropped=losses.lines() if losses is not None else [],
        operation=operation,
        input=str(source),
        output=str(written),
        format=written.suffix.lstrip(".").lower(),
        encoding=encoding,
        cues=cues,
        changes=changes,
        files=[str(written), *(str(p) for p in extra_files)],
    )
