"""Speech to a timed subtitle draft, offline: faster-whisper with its voice-activity filter.

Steps: decode the sound with ffmpeg (16 kHz mono); transcribe with word timestamps, the production's
character and place names given to the model as hotwords and as the initial prompt; tighten each
cue's edges to where the sound actually is (Whisper's word times drift into the silence around a
phrase); group the words into cues, by script line when a scene is given (the cue then takes the
script's wording, with a confidence), else at pauses and sentence ends; break lines and fix timing with
the subtitle profile (`tools.subtitles`); on a video, move cue edges to shot changes.

The model is a folder the user points at (SLATE_WHISPER_MODEL); nothing is ever downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import ConfigError
from core.runtime import prepare_offline_runtime
from knowledge.media import SAMPLE_RATE, MediaInfo, probe_media, read_audio
from knowledge.subtitle_file import Cue, SubtitleDocument, format_timecode
from tools.media.align import (
    Alignment,
    ScriptLineText,
    Word,
    align_words,
    respell_names,
    script_wording,
)
from tools.media.models import ShotIssue, ShotMove, TranscribedCue, TranscriptionResult
from tools.subtitles.checks import check_cues
from tools.subtitles.convert import write_subtitles
from tools.subtitles.fixes import fix_cues
from tools.subtitles.profiles import DEFAULT_FPS, Profile, get_profile

if TYPE_CHECKING:
    import numpy as np

Progress = Callable[[float, str], None]
"""Called with the fraction done (0-1) and a short message; the CLI prints it, the UI can show a bar."""

MODEL_FILES = ("model.bin", "config.json")
LOW_CONFIDENCE_SCRIPT = 0.6  # with a scene: fewer than 3 in 5 words match the script line
LOW_CONFIDENCE_HEARD = 0.45  # without: the model's own mean word probability
PAUSE_S = 0.7  # a silence this long ends a cue
EDGE_REACH_S = 0.6  # how far a cue edge may move to meet the sound


def load_whisper(model_dir: str | Path | None, *, threads: int = 0) -> Any:
    """The faster-whisper model in `model_dir`; ConfigError saying what to set when there is none."""
    if model_dir is None or not str(model_dir).strip():
        raise ConfigError(
            "No speech model is set: point SLATE_WHISPER_MODEL at the folder of a Whisper model in "
            "CTranslate2 format (model.bin, config.json, tokenizer.json)"
        )
    folder = Path(model_dir).expanduser()
    missing = [name for name in MODEL_FILES if not (folder / name).is_file()]
    if missing:
        raise ConfigError(
            f"SLATE_WHISPER_MODEL must be the folder of a Whisper model in CTranslate2 format, and "
            f"{folder} has no {' or '.join(missing)}",
            value=str(folder),
        )
    prepare_offline_runtime()  # the Hugging Face hub offline: the model is a folder, never a download
    from faster_whisper import WhisperModel

    try:
        return WhisperModel(
            str(folder), device="cpu", compute_type="int8", cpu_threads=threads, local_files_only=True
        )
    except (RuntimeError, ValueError, OSError) as exc:  # CTranslate2 reports a damaged model this way
        raise ConfigError(
            f"The Whisper model in {folder} cannot be loaded ({exc}); point SLATE_WHISPER_MODEL at a "
            "complete CTranslate2 model folder",
            value=str(folder),
        ) from None


def name_vocabulary(
    cast_names: Sequence[str], place_names: Sequence[str], *, context: str = "", limit_chars: int = 220
) -> list[str]:
    """The Latin-script names worth telling the model about, as the lists (and the script) spell them.

    No Chinese aliases (an English model cannot write them); one spelling per name (the mixed-case one:
    all-capitals entries are list ids); proper names the script's own text uses (`script_names`); ranked
    by how often `context` (the scene's dialogue, else the whole script) says them; and no more than fit
    a short prompt, because a long one makes the small models drop or invent speech.
    """
    chosen: dict[str, str] = {}
    for name in [*script_names(context), *cast_names, *place_names]:
        if not re.search(r"[A-Za-z]", name) or re.search(r"[\u3400-\u9fff]", name) or len(name) < 3:
            continue
        key = name.casefold()
        if key not in chosen or (chosen[key].isupper() and not name.isupper()):
            chosen[key] = name
    names = [n for n in chosen.values() if not n.isupper()]
    text = context.casefold()
    names.sort(key=lambda n: -text.count(n.casefold()))  # stable: list order among equals
    out: list[str] = []
    used = 0
    for name in names:
        if used + len(name) + 2 > limit_chars:
            break
        out.append(name)
        used += len(name) + 2
    return out


def script_names(text: str) -> list[str]:
    """Proper names of two or more capitalised words in a script's dialogue (Kam Wah Cha Chaan Teng, Fa
    Yuen Street): the script spells the places it names even when the location list does not."""
    found = re.findall(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b", text)
    return [name for name in dict.fromkeys(found) if not re.match(r"(?:The|A|An|And|But|If|When|So) ", name)]


@dataclass
class Heard:
    """What the speech model returned."""

    words: list[Word]
    language: str
    speech_s: float


def hear(
    model: Any,
    samples: np.ndarray,
    *,
    language: str | None = None,
    names: Sequence[str] = (),
    progress: Progress | None = None,
) -> Heard:
    """Transcribe `samples` with word timestamps, VAD on, the names as hotwords and prompt."""
    hotwords = ", ".join(names) or None
    prompt = (", ".join(names) + ".") if names else None
    if getattr(model, "model", None) is not None and not model.model.is_multilingual:
        language = "en"
    segments, info = model.transcribe(
        samples,
        language=language,
        vad_filter=True,
        word_timestamps=True,
        hotwords=hotwords,
        initial_prompt=prompt,
        condition_on_previous_text=False,
    )
    duration = max(info.duration, 1e-6)
    words: list[Word] = []
    for segment in segments:
        for w in segment.words or ():
            if w.word.strip():
                words.append(Word(float(w.start), float(w.end), w.word.strip(), float(w.probability)))
        if progress is not None:
            progress(min(segment.end / duration, 1.0), f"{format_timecode(int(segment.end * 1000))}")
    speech = info.duration_after_vad if info.duration_after_vad is not None else info.duration
    return Heard(words, info.language, float(speech))


# --- where the sound is ----------------------------------------------------------------------------


def speech_runs(
    samples: np.ndarray, *, hop_s: float = 0.01, merge_s: float = 0.25
) -> list[tuple[float, float]]:
    """Stretches of sound louder than the floor (seconds): the file's quiet level plus a margin."""
    import numpy as np

    hop = int(SAMPLE_RATE * hop_s)
    if samples.size < hop:
        return []
    frames = samples[: samples.size // hop * hop].reshape(-1, hop)
    db = 10 * np.log10(np.mean(frames.astype(np.float64) ** 2, axis=1) + 1e-12)
    floor, peak = np.percentile(db, 10), np.percentile(db, 99)
    threshold = floor + max(10.0, 0.25 * (peak - floor))
    loud = db > threshold
    runs: list[tuple[float, float]] = []
    start = None
    for i, on in enumerate(loud):
        if on and start is None:
            start = i
        elif not on and start is not None:
            runs.append((start * hop_s, i * hop_s))
            start = None
    if start is not None:
        runs.append((start * hop_s, len(loud) * hop_s))
    merged: list[tuple[float, float]] = []
    for run in runs:
        if merged and run[0] - merged[-1][1] < merge_s:
            merged[-1] = (merged[-1][0], run[1])
        else:
            merged.append(run)
    return merged


def fit_to_sound(start: float, end: float, runs: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Move a phrase's edges (by at most EDGE_REACH_S, or into its own silence) to where its sound is."""
    inside = [r for r in runs if r[1] > start and r[0] < end]
    if not inside:
        return start, end
    first, last = inside[0], inside[-1]
    new_start = first[0] if first[0] >= start or start - first[0] <= EDGE_REACH_S else start
    new_end = last[1] if last[1] <= end or last[1] - end <= EDGE_REACH_S else end
    return (new_start, new_end) if new_end > new_start else (start, end)


# --- words to cues ---------------------------------------------------------------------------------


@dataclass
class DraftCue:
    words: list[int]
    start: float
    end: float
    heard: str
    text: str
    confidence: float
    character: str | None = None
    script_line: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _join(words: Sequence[Word]) -> str:
    return re.sub(r"\s+([,.!?;:…])", r"\1", " ".join(w.text for w in words)).strip()


def _groups_by_pause(words: Sequence[Word], profile: Profile) -> list[list[int]]:
    limits = profile.limits("en")
    # Room to spare: a cue filled to the last character rarely breaks into two good lines.
    max_chars = 0.8 * limits.max_line_length * limits.max_lines
    groups: list[list[int]] = []
    for i, word in enumerate(words):
        if groups:
            current = groups[-1]
            first, previous = words[current[0]], words[current[-1]]
            length = len(_join([words[j] for j in current])) + 1 + len(word.text)
            sentence_end = re.search(r"[.!?…]$", previous.text) is not None
            if not (
                word.start - previous.end > PAUSE_S
                or length > max_chars
                or word.end - first.start > profile.max_duration_ms / 1000
                or (sentence_end and previous.end - first.start > 1.5)
            ):
                current.append(i)
                continue
        groups.append([i])
    return groups


def _groups_by_line(words: Sequence[Word], alignment: Alignment) -> list[list[int]]:
    groups: list[list[int]] = []
    for i, word in enumerate(words):
        if groups:
            previous = groups[-1][-1]
            same = alignment.lines[i] == alignment.lines[previous]
            if same and word.start - words[previous].end <= 2 * PAUSE_S:
                groups[-1].append(i)
                continue
        groups.append([i])
    return groups


def draft_cues(
    words: Sequence[Word],
    profile: Profile,
    *,
    script: Sequence[ScriptLineText] = (),
    names: Sequence[str] = (),
    runs: Sequence[tuple[float, float]] = (),
) -> list[DraftCue]:
    """Group heard words into cues and word them (script wording where it matches). Words heard where
    the sound has no voice at all are dropped: that is where the model invents text (often a hotword
    repeated into the silence at the end of a file)."""
    if runs:
        words = [w for w in words if any(r[0] - 0.1 < w.end and w.start < r[1] + 0.1 for r in runs)]
    alignment = align_words(words, script) if script else None
    groups = _groups_by_line(words, alignment) if alignment else _groups_by_pause(words, profile)
    cues = []
    for group in groups:
        members = [words[i] for i in group]
        heard = respell_names(_join(members), names)
        start, end = (
            fit_to_sound(members[0].start, members[-1].end, runs)
            if runs
            else (
                members[0].start,
                members[-1].end,
            )
        )
        cue = DraftCue(group, start, end, heard, heard, _mean_probability(members))
        if alignment is not None:
            cue.confidence = 0.0
            worded = script_wording(group, words, alignment, script)
            line = alignment.lines[group[0]]
            if worded is not None and line is not None:
                cue.text, cue.confidence = worded
                cue.character, cue.script_line = script[line].character, script[line].line
        cues.append(cue)
    return cues


def _mean_probability(words: Sequence[Word]) -> float:
    return sum(w.probability for w in words) / len(words) if words else 0.0


def _cue_rows(cues: Sequence[Cue], drafts: Sequence[DraftCue], *, scripted: bool) -> list[TranscribedCue]:
    """The written cues with what was heard for each, its speaker and confidence (a cue split by the
    profile's fixes keeps its draft's)."""
    threshold = LOW_CONFIDENCE_SCRIPT if scripted else LOW_CONFIDENCE_HEARD
    return [
        TranscribedCue(
            index=cue.index,
            start=format_timecode(cue.start_ms),
            end=format_timecode(cue.end_ms),
            start_ms=cue.start_ms,
            end_ms=cue.end_ms,
            text=cue.text,
            heard=draft.heard,
            character=draft.character,
            script_line=draft.script_line,
            confidence=round(draft.confidence, 3),
            low_confidence=draft.confidence < threshold,
        )
        for cue, draft in zip(cues, drafts, strict=True)
    ]


# --- the whole job ---------------------------------------------------------------------------------


def transcribe_file(
    media: str | Path,
    output: str | Path,
    *,
    model: Any,
    model_name: str = "",
    profile: str = "netflix-en",
    language: str | None = None,
    script: Sequence[ScriptLineText] = (),
    scene: str | None = None,
    names: Sequence[str] = (),
    shot_changes: Sequence[int] | None = None,
    fps: float | None = None,
    info: MediaInfo | None = None,
    progress: Progress | None = None,
) -> TranscriptionResult:
    """Transcribe `media` into a subtitle file at `output` (format from its extension)."""
    from tools.media.shots import check_against_shots, snap_to_shots

    info = info or probe_media(media)
    samples = read_audio(media, info)
    if progress is not None:
        progress(0.0, "transcribing")
    heard = hear(model, samples, language=language, names=names, progress=progress)
    chosen = get_profile(profile)
    rate = fps or info.fps or DEFAULT_FPS
    drafts = draft_cues(heard.words, chosen, script=script, names=names, runs=speech_runs(samples))
    raw = [
        Cue(index=i, start_ms=round(d.start * 1000), end_ms=round(d.end * 1000), text=d.text, raw=d.text)
        for i, d in enumerate(drafts, 1)
    ]
    outcome = fix_cues(raw, chosen, rate)
    cues = outcome.cues
    moves: list[ShotMove] = []
    shot_issues: list[ShotIssue] = []
    if shot_changes is not None:
        cues, moves = snap_to_shots(cues, shot_changes, rate, chosen)
        shot_issues = check_against_shots(cues, shot_changes, rate, chosen)
    doc = SubtitleDocument(file=str(output), encoding="utf-8", format="srt", cues=[], problems=[], fps=rate)
    written = write_subtitles(doc, cues, output)
    rows = _cue_rows(cues, [drafts[origin - 1] for origin in outcome.origins], scripted=bool(script))
    if progress is not None:
        progress(1.0, "done")
    return TranscriptionResult(
        media=str(media),
        output=str(written),
        model=model_name,
        language=heard.language,
        duration_s=round(info.duration_s, 3),
        speech_s=round(heard.speech_s, 3),
        profile=chosen.name,
        scene=scene,
        cues=rows,
        changes=[f"profile {chosen.name} at {rate:.3f} fps", *outcome.change_lines()],
        shot_changes=len(shot_changes) if shot_changes is not None else None,
        moves=moves,
        remaining=check_cues(cues, chosen, rate),
        shot_issues=shot_issues,
        files=[str(written)],
    )
