"""Subtitles and media: check/fix/convert/merge/shift/translate subtitles, transcripts, shot changes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from agent.compose import (
    _t,
)
from agent.intents import Understanding
from agent.lexicon import Lexicon
from agent.skills.base import Skill, call


def _subtitle_report(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    from tools.subtitles.models import SubtitleReport

    report = SubtitleReport.model_validate(a)
    lang = u.lang
    issues = report.issues
    counts: dict[str, int] = {}
    for issue in issues:
        counts[issue.code] = counts.get(issue.code, 0) + 1
    summary = ", ".join(f"{k} ×{v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
    head = _t(
        lang,
        f"Checked {report.file} ({report.profile}, {report.encoding}): {report.cues} cues, "
        f"{len(issues)} issue(s){': ' + summary if summary else ''}.",
        f"檢查咗 {report.file}（{report.profile}，{report.encoding}）：{report.cues} 句字幕，"
        f"{len(issues)} 個問題{'：' + summary if summary else ''}。",
    )
    rows = [f"- #{i.cue} {i.start} `{i.code}` — {i.message}" for i in issues[:15]]
    return head + ("\n\n" + "\n".join(rows) if rows else "")


SUBS_OPERATION_ZH = {
    "fix": "修正",
    "convert": "轉換",
    "merge": "合併",
    "split": "拆開",
    "shift": "移時",
    "sync": "對時",
    "fps": "轉幀率",
    "translate": "翻譯",
}


def _subtitles(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    from tools.subtitles.models import SubtitleOutput

    result = SubtitleOutput.model_validate(a)
    lang = u.lang
    operation = result.operation
    output = Path(result.output or (result.files or [""])[0]).name
    head = _t(
        lang,
        f"Done: {operation} of {result.input} → `{output}` ({result.cues} cues, {result.format}, "
        f"{result.encoding}).",
        f"搞掂：{result.input} 已{SUBS_OPERATION_ZH.get(operation, operation)} → `{output}`"
        f"（{result.cues} 句，{result.format}，{result.encoding}）。",
    )
    changes = result.changes
    if changes:
        head += "\n\n" + "\n".join(f"- {c}" for c in changes[:12])
    remaining = result.remaining
    if remaining:
        head += _t(
            lang,
            f"\n\n{len(remaining)} issue(s) need a person (no rule can fix them without rewording):",
            f"\n\n仲有 {len(remaining)} 個問題要人手處理（要改字先解決到）：",
        )
        head += "\n" + "\n".join(f"- #{i.cue} {i.start} `{i.code}` — {i.message}" for i in remaining[:10])
    return head


def _transcript(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    from tools.media.models import TranscriptionResult

    result = TranscriptionResult.model_validate(a)
    flagged = result.low_confidence
    name = Path(result.output).name
    head = _t(
        u.lang,
        f"Transcribed {Path(result.media).name} ({result.language}, {result.speech_s:.0f} s of speech) into "
        f"{len(result.cues)} cues with {result.model}: `{name}`. {len(flagged)} cue(s) need a person to listen"
        + (f" ({', '.join(str(c.index) for c in flagged[:12])})" if flagged else "")
        + ".",
        f"已將 {Path(result.media).name} 轉成 {len(result.cues)} 句字幕（{result.language}，語音 {result.speech_s:.0f} 秒，"
        f"模型 {result.model}）：`{name}`。有 {len(flagged)} 句要人手聽返"
        + (f"（第{'、'.join(str(c.index) for c in flagged[:12])}句）" if flagged else "")
        + "。",
    )
    if result.shot_issues:
        head += _t(
            u.lang,
            f"\n\n{len(result.shot_issues)} cue edge(s) sit near or across a shot change.",
            f"\n\n有 {len(result.shot_issues)} 個字幕邊界貼近或者跨過剪接位。",
        )
    return head


def _shot_changes(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    from tools.media.models import ShotChangesResult

    result = ShotChangesResult.model_validate(a)
    text = _t(
        u.lang,
        f"{Path(result.video).name}: {len(result.shot_changes)} shot change(s) at {result.fps:.3f} fps.",
        f"{Path(result.video).name}：{len(result.shot_changes)} 個剪接位（{result.fps:.3f} fps）。",
    )
    crossing = [i for i in result.issues if i.code == "crosses_shot_change"]
    if result.subtitles:
        text += _t(
            u.lang,
            f"\n\nIn {Path(result.subtitles).name}: {len(crossing)} cue(s) cross a cut"
            + (f" ({', '.join(str(i.cue) for i in crossing[:20])})" if crossing else "")
            + f"; {len(result.issues) - len(crossing)} edge(s) sit within the snapping window.",
            f"\n\n{Path(result.subtitles).name}：{len(crossing)} 句字幕跨過剪接位"
            + (f"（第{'、'.join(str(i.cue) for i in crossing[:20])}句）" if crossing else "")
            + f"；{len(result.issues) - len(crossing)} 個邊界喺吸附範圍內。",
        )
    if result.output:
        text += _t(
            u.lang,
            f"\n\nMoved {len(result.moves)} edge(s) to the cuts: `{Path(result.output).name}`.",
            f"\n\n已將 {len(result.moves)} 個邊界移到剪接位：`{Path(result.output).name}`。",
        )
    return text


def _subtitle_calls(u: Understanding, lexicon: Lexicon) -> list[dict[str, Any]]:
    files = u.files or []
    named = files[0] if files else None
    if u.intent == "subs_check":
        return [call("check_subtitles", file=named)]
    if u.intent == "subs_fix":
        return [call("fix_subtitles", file=named, to_script=u.target_script)]
    if u.intent == "subs_convert":
        return [call("convert_subtitle_script", file=named, to_script=u.target_script or "zh-Hant-HK")]
    if u.intent == "subs_merge":
        zh = next(
            (f for f in files if re.search(r"zh|chi|中", f, re.IGNORECASE)), files[0] if files else None
        )
        en = next((f for f in files if f != zh), None)
        return [call("merge_subtitles", chinese=zh, english=en)]
    if u.intent == "subs_shift":
        seconds = u.shift_seconds or 0.0
        return [call("shift_subtitles", file=named, by=f"{seconds:+g}s")]
    if u.intent == "subs_translate":
        target = "zh-Hant-HK" if re.search(r"中文|chinese|粵語|廣東話|繁體", u.text, re.IGNORECASE) else "en"
        return [call("translate_subtitles", file=named, target=target)]
    return []


def plan(u: Understanding, lexicon: Lexicon) -> list[dict[str, Any]]:
    if u.intent.startswith("subs_"):
        return _subtitle_calls(u, lexicon)
    if u.intent == "transcribe":
        if not u.media:
            return []
        return [call("transcribe_media", file=u.media[0], scene=u.scenes[0] if u.scenes else None)]
    if u.intent == "shot_changes":
        video = next((m for m in u.media if not re.search(r"\.(wav|mp3|m4a|aac|flac|aiff?)$", m, re.I)), None)
        if video is None:
            return []
        subtitles = u.files[0] if u.files else (lexicon.subtitle_files[0] if lexicon.subtitle_files else None)
        fix = bool(re.search(r"\b(fix|snap|move)\b|修正|執好|移去|對齊", u.text, re.IGNORECASE))
        return [call("find_shot_changes", file=video, subtitles=subtitles, fix=True if fix else None)]
    return []


SKILL = Skill(
    name="subtitles",
    intents=frozenset(
        {
            "subs_check",
            "subs_fix",
            "subs_convert",
            "subs_merge",
            "subs_shift",
            "subs_translate",
            "transcribe",
            "shot_changes",
        }
    ),
    plan=plan,
    composers={
        "subtitle_report": _subtitle_report,
        "subtitles": _subtitles,
        "transcript": _transcript,
        "shot_changes": _shot_changes,
    },
    tools=frozenset(
        {
            "check_subtitles",
            "fix_subtitles",
            "convert_subtitle_script",
            "merge_subtitles",
            "shift_subtitles",
            "translate_subtitles",
            "transcribe_media",
            "find_shot_changes",
        }
    ),
)
