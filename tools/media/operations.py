"""File-level media jobs the CLI, the API and the registered tools share: transcribe, shot changes."""

from __future__ import annotations

from pathlib import Path

from knowledge.media import probe_media
from knowledge.production import Production
from knowledge.subtitle_file import format_timecode, read_subtitle_file
from tools.media.align import scene_dialogue
from tools.media.models import ShotChangesResult, TranscriptionResult
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
