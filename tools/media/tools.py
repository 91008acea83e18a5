"""The media tools the agent can call: transcribe speech into subtitles, shot changes, deliverables.

Media files are not ingested documents: `file` is a path (absolute, or relative to the project folder).
The Whisper model comes from settings (SLATE_WHISPER_MODEL); outputs go to the production's outputs folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from core.paths import safe_name
from knowledge.citations import Citation
from knowledge.production import Production
from tools.media import operations
from tools.media.models import AdrListResult, DialogueListResult, ShotChangesResult, TranscriptionResult
from tools.registry import FrameRate, register
from tools.subtitles.profiles import ProfileName
from tools.subtitles.tools import resolve_subtitle_file

DeliverableFormat = Literal["xlsx", "pdf"]


def _media_path(production: Production, file: str) -> Path:
    path = Path(file).expanduser()
    if (
        not path.is_absolute()
        and production.project_dir is not None
        and (production.project_dir / path).exists()
    ):
        return production.project_dir / path
    return path


@register(changes_production=True)
def transcribe_media(
    production: Production,
    file: str,
    scene: str | None = None,
    profile: ProfileName = "netflix-en",
    language: str | None = None,
    shots: bool = True,
) -> TranscriptionResult:
    """Transcribe the speech in an audio or video file into a timed subtitle draft, offline.

    Args:
        file: path of the audio or video file (anything ffmpeg reads).
        scene: the scene number whose dialogue this is; cues then take the script's wording and speaker.
        profile: subtitle profile for line breaking and timing: netflix-en, netflix-zh-hant or hk-bilingual.
        language: spoken language code (e.g. en, yue, zh); detected when omitted.
        shots: on a video, time cue edges to its shot changes.
    """
    from core.settings import load_settings

    path = _media_path(production, file)
    output = production.output_dir / safe_name(f"{path.stem}.transcript.srt")
    result = operations.transcribe_path(
        path,
        output,
        model_dir=load_settings().whisper_model,
        production=production,
        scene=scene,
        profile=profile,
        language=language,
        shots=shots,
    )
    if scene is not None and production.screenplay is not None:
        result.sources = [Citation(file=Path(production.screenplay.file).name, doc_type="screenplay")]
    return result


@register(changes_production=True)
def find_shot_changes(
    production: Production,
    file: str,
    subtitles: str | None = None,
    fix: bool = False,
    profile: ProfileName | None = None,
) -> ShotChangesResult:
    """Find a video's shot changes, and check (or fix) a subtitle file's cue edges against them.

    Args:
        file: path of the video file.
        subtitles: path of a subtitle file to check against the shot changes.
        fix: write the subtitles with in/out points moved to the shot changes (the profile's rule).
        profile: netflix-en, netflix-zh-hant or hk-bilingual; chosen from the subtitle text when omitted.
    """
    path = _media_path(production, file)
    output = None
    if subtitles and fix:
        output = production.output_dir / safe_name(
            f"{Path(subtitles).stem}.shots{Path(subtitles).suffix or '.srt'}"
        )
    return operations.shots_path(
        path,
        subtitles=_media_path(production, subtitles) if subtitles else None,
        output=output,
        profile=profile,
    )


def _subtitle_path(production: Production, subtitles: str | None) -> Path:
    if subtitles:
        direct = _media_path(production, subtitles)
        if direct.is_file():
            return direct
    return resolve_subtitle_file(production, subtitles)[1]


def _deliverable_paths(production: Production, stem: str, formats: list[DeliverableFormat]) -> list[Path]:
    return [production.output_dir / safe_name(f"{production.name}.{stem}.{fmt}") for fmt in formats]


@register(changes_production=True)
def make_dialogue_list(
    production: Production,
    subtitles: str | None = None,
    formats: list[DeliverableFormat] | None = None,
    fps: FrameRate | None = None,
) -> DialogueListResult:
    """Make the timecoded dialogue list (scene, timecode in/out, character, dialogue, English and Chinese subtitle) as XLSX and PDF.

    Args:
        subtitles: the subtitle file's name or path; may be omitted when the production has only one.
        formats: xlsx and/or pdf (default both).
        fps: frame rate for the timecodes (default: the subtitle file's, else 23.976).
    """
    path = _subtitle_path(production, subtitles)
    outputs = _deliverable_paths(production, "dialogue-list", formats or ["xlsx", "pdf"])
    return operations.dialogue_list(production, path, outputs, fps=fps)


@register(changes_production=True)
def make_adr_list(
    production: Production,
    marks: list[str],
    subtitles: str | None = None,
    formats: list[DeliverableFormat] | None = None,
    fps: FrameRate | None = None,
) -> AdrListResult:
    """Make ADR/dubbing cue lists per character (cue id, timecode, line, take notes) for the lines marked for re-recording.

    Args:
        marks: the lines to re-record: subtitle cue numbers (3), ranges (7-9) or whole scenes (sc8).
        subtitles: the subtitle file's name or path; may be omitted when the production has only one.
        formats: xlsx and/or pdf (default both).
        fps: frame rate for the timecodes (default: the subtitle file's, else 23.976).
    """
    path = _subtitle_path(production, subtitles)
    outputs = _deliverable_paths(production, "adr", formats or ["xlsx", "pdf"])
    return operations.adr_list(production, path, marks, outputs, fps=fps)
