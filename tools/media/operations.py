"""File-level media jobs the CLI, the API and the registered tools share: transcribe, shot changes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from core.errors import SlateError
from knowledge.media import probe_media
from knowledge.production import Production
from knowledge.subtitle_file import format_timecode, read_subtitle_file
from tools.media.align import scene_dialogue
from tools.media.deliverables import adr_cues, default_fps, dialogue_rows, read_cues
from tools.media.documents import Table, write_pdf, write_xlsx
from tools.media.models import AdrListResult, DialogueListResult, ShotChangesResult, TranscriptionResult
from tools.media.shots import check_against_shots, frame_ms, load_or_detect, snap_to_shots
from tools.media.transcribe import Progress, load_whisper, name_vocabulary, transcribe_file
from tools.subtitles.checks import choose_profile
from tools.subtitles.convert import write_subtitles
from tools.subtitles.profiles import get_profile


def transcribe_path(
    media: str | Path,
    output: str | Path | None = None,
    *,
    model_dir: str | Path | None,
    production: Production | None = None,
    scene: str | None = None,
    profile: str = "netflix-en",
    language: str | None = None,
    shots: bool = True,
    progress: Progress | None = None,
) -> TranscriptionResult:
    """Transcribe a media file into a subtitle draft (default: `<media>.srt` beside it).

    The file is checked before the model is loaded, so a bad file is reported at once. With a
    production, its cast and location names guide the spelling; with `scene`, that scene's dialogue
    gives the cues their wording and speakers. On a video, cue edges are timed to its shot changes
    (found once and stored beside it) unless `shots` is False.
    """
    path = Path(media)
    info = probe_media(path)
    if not info.has_audio:
        from knowledge.media import MediaError

        raise MediaError("The file has no audio track, so there is no speech to transcribe", file=path)
    script = []
    context = ""
    if production is not None and scene is not None:
        script = scene_dialogue(production.scene(scene))
        context = " ".join(line.text for line in script)
    elif production is not None and production.screenplay is not None:
        context = "\n".join(element.text for element in production.screenplay.elements)
    names: list[str] = []
    if production is not None:
        names = name_vocabulary(
            [n for member in production.cast for n in member.all_names()],
            [n for entry in production.locations for n in entry.all_names()],
            context=context,
        )
    model = load_whisper(model_dir)
    cuts = load_or_detect(path).cuts if shots and info.has_video else None
    target = Path(output) if output is not None else path.with_suffix(".srt")
    return transcribe_file(
        path,
        target,
        model=model,
        model_name=Path(str(model_dir)).name,
        profile=profile,
        language=language,
        script=script,
        scene=scene,
        names=names,
        shot_changes=cuts,
        info=info,
        progress=progress,
    )


def shots_path(
    video: str | Path,
    *,
    subtitles: str | Path | None = None,
    output: str | Path | None = None,
    profile: str | None = None,
    refresh: bool = False,
) -> ShotChangesResult:
    """Find (or reuse) a video's shot changes; check a subtitle file against them, and with `output`
    write it with the edges moved by the profile's shot-change rule."""
    changes = load_or_detect(video, refresh=refresh)
    result = ShotChangesResult(
        video=str(video),
        sidecar=changes.sidecar,
        fps=round(changes.fps, 3),
        frames=changes.frames,
        shot_changes=changes.cuts,
        times=[format_timecode(frame_ms(f, changes.fps)) for f in changes.cuts],
        reused=changes.reused,
        files=[changes.sidecar] if changes.sidecar else [],
    )
    if subtitles is None:
        return result
    doc = read_subtitle_file(subtitles)
    chosen = get_profile(profile or choose_profile(doc.cues))
    cues = doc.cues
    result.subtitles = str(subtitles)
    if output is not None:
        cues, result.moves = snap_to_shots(cues, changes.cuts, changes.fps, chosen)
        written = write_subtitles(doc, cues, output)
        result.output = str(written)
        result.files.append(str(written))
    result.issues = check_against_shots(cues, changes.cuts, changes.fps, chosen)
    return result


DIALOGUE_HEADERS = (
    "#",
    "Scene 場",
    "TC in",
    "TC out",
    "Character 角色",
    "Dialogue 對白",
    "Subtitle (English)",
    "字幕 (中文)",
)
DIALOGUE_WIDTHS = (8, 12, 22, 22, 28, 80, 60, 50)
ADR_HEADERS = ("Cue", "Scene 場", "TC in", "TC out", "Line 對白", "Subtitle 字幕", "Take notes")
ADR_WIDTHS = (22, 12, 22, 22, 80, 60, 60)


def _outputs(outputs: Sequence[str | Path]) -> list[Path]:
    paths = [Path(p) for p in outputs]
    for path in paths:
        if path.suffix.lower() not in (".xlsx", ".pdf"):
            raise SlateError("Deliverables are written as .xlsx or .pdf", value=str(path))
    if not paths:
        raise SlateError("Say where to write the deliverable: an .xlsx and/or a .pdf file")
    return paths


def _write(paths: Sequence[Path], title: str, tables: Sequence[Table]) -> list[str]:
    written = []
    for path in paths:
        if path.suffix.lower() == ".xlsx":
            written.append(str(write_xlsx(path, tables)))
        else:
            written.append(str(write_pdf(path, title, tables)))
    return written


def dialogue_list(
    production: Production, subtitles: str | Path, outputs: Sequence[str | Path], *, fps: float | None = None
) -> DialogueListResult:
    """The timecoded dialogue list (scene, TC in/out, character, dialogue, English, Chinese) from the
    production's script and a subtitle file, written to each of `outputs` (.xlsx, .pdf)."""
    paths = _outputs(outputs)
    cues, file_fps = read_cues(subtitles)
    rate = default_fps(fps, file_fps)
    rows, unmatched = dialogue_rows(production, cues, rate)
    script = production.require_script()
    title = f"{script.title or production.name} — Dialogue list 對白表"
    table = Table(
        "Dialogue list",
        DIALOGUE_HEADERS,
        [(r.number, r.scene, r.tc_in, r.tc_out, r.character, r.dialogue, r.english, r.chinese) for r in rows],
        DIALOGUE_WIDTHS,
    )
    return DialogueListResult(
        script=Path(script.file).name,
        subtitles=str(subtitles),
        fps=round(rate, 3),
        rows=rows,
        unmatched_cues=unmatched,
        files=_write(paths, title, [table]),
    )


def adr_list(
    production: Production,
    subtitles: str | Path,
    marks: Sequence[str],
    outputs: Sequence[str | Path],
    *,
    fps: float | None = None,
) -> AdrListResult:
    """ADR/dubbing cue lists, one per character, for the lines `marks` names (cue numbers, ranges such
    as 7-9, or scenes such as sc8), written to each of `outputs` (.xlsx: a sheet per character)."""
    paths = _outputs(outputs)
    if not marks:
        raise SlateError("Mark the lines to re-record: cue numbers (3, 7-9) or scenes (sc8)")
    cues, file_fps = read_cues(subtitles)
    rate = default_fps(fps, file_fps)
    rows, _ = dialogue_rows(production, cues, rate)
    by_character = adr_cues(rows, marks)
    if not by_character:
        raise SlateError("No subtitled line matches the marks", value=", ".join(marks))
    script = production.require_script()
    tables = [
        Table(
            character,
            ADR_HEADERS,
            [(c.cue_id, c.scene, c.tc_in, c.tc_out, c.line, c.subtitle, c.take_notes) for c in items],
            ADR_WIDTHS,
        )
        for character, items in by_character.items()
    ]
    title = f"{script.title or production.name} — ADR cue list 配音表"
    return AdrListResult(fps=round(rate, 3), characters=by_character, files=_write(paths, title, tables))
