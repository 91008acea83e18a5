"""Breakdown: scene element breakdowns, department lists and element reports, script drafts kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from agent.compose import (
    CATEGORY_LABELS,
    _files_line,
    _t,
)
from agent.intents import Lang, Understanding
from agent.lexicon import Lexicon, fold
from agent.skills.base import Skill, call


def _category(name: str, lang: Lang) -> str:
    en, zh = CATEGORY_LABELS.get(name, (name, name))
    return zh if lang == "zh" else en


def _element_text(element: Any) -> str:
    text = element.name + (f" ×{element.count}" if element.count else "")
    return text + (f" ({element.character})" if element.character else "")


def _breakdown(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    from tools.breakdown.tools import BreakdownResult

    result = BreakdownResult.model_validate(a)
    lang = u.lang
    parts = []
    for sheet in result.scenes[:6]:
        head = _t(
            lang,
            f"**Scene {sheet.scene}** — {sheet.heading} ({sheet.pages} pg)",
            f"**第{sheet.scene}場** — {sheet.heading}（{sheet.pages} 頁）",
        )
        by_category: dict[str, list[Any]] = {}
        for element in sheet.elements:
            by_category.setdefault(element.category, []).append(element)
        if u.department:
            wanted = by_category.get(u.department, [])
            total = sum(e.count or 1 for e in wanted)
            label = _category(u.department, lang)
            line = _t(
                lang,
                f"{label}: {total} — " + ("; ".join(_element_text(e) for e in wanted) or "none"),
                f"{label}：{total} — " + ("；".join(_element_text(e) for e in wanted) or "冇"),
            )
            parts.append(head + "\n" + line)
            continue
        lines = [
            f"- {_category(category, lang)}: " + ", ".join(_element_text(e) for e in elements)
            for category, elements in by_category.items()
        ]
        parts.append(head + "\n" + "\n".join(lines))
    if len(result.scenes) > 6:
        parts.append(
            _t(
                lang,
                f"… and {len(result.scenes) - 6} more scenes (see the sheets).",
                f"…仲有 {len(result.scenes) - 6} 場（見分解表）。",
            )
        )
    if result.files:
        parts.append(_files_line(result.files, lang))
    return "\n\n".join(parts)


def _element_report(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    from tools.breakdown.tools import ElementReportResult

    result = ElementReportResult.model_validate(a)
    lang = u.lang
    label = (
        _category(str(result.category or u.department or ""), lang)
        if (result.category or u.department)
        else (result.query or "")
    )
    if not result.rows:
        return _t(lang, f"No {label} in the breakdown.", f"分解表入面冇{label}。")
    head = _t(lang, f"{label}: {len(result.rows)} item(s).", f"{label}：共 {len(result.rows)} 項。")
    rows = []
    for row in result.rows[:30]:
        counts = ", ".join(f"{k}×{v}" for k, v in row.counts.items())
        scenes = _t(lang, f"scenes {', '.join(row.scenes)}", f"第{'、'.join(row.scenes)}場")
        who = f" ({lex.name(row.character, lang)})" if row.character else ""
        rows.append(f"- {row.name}{who} — {scenes}" + (f" ({counts})" if counts else ""))
    text = head + "\n\n" + "\n".join(rows)
    if result.files:
        text += _files_line(result.files, lang)
    return text


def _revision_summary(report: Any, lang: Lang) -> str:
    """The English summary, or its counts and scene numbers in Chinese."""
    if lang != "zh":
        return str(report.summary())
    head = f"{report.new_draft}（{report.colour}）對比 {report.old_draft}："
    parts = [
        f"{label}{len(found)}場（{'、'.join(s.number for s in found)}）"
        for label, found in (
            ("新增", report.of("added")),
            ("刪除", report.of("omitted")),
            ("修改", report.of("changed")),
            ("搬位", report.of("moved")),
        )
        if found
    ]
    lines = [head + ("；".join(parts) if parts else "冇場次改動。")]
    if report.stale_shot_lists:
        lines.append("要重做嘅分鏡表：" + "、".join(f"第{s.scene}場" for s in report.stale_shot_lists))
    if report.cast:
        lines.append("演員場次有變：" + "、".join(c.character for c in report.cast))
    return "\n".join(lines)


def _drafts(a: dict[str, Any], u: Understanding, lex: Lexicon) -> str:
    from tools.revisions import DraftsResult, RevisionReport

    if "drafts" not in a:
        return _revision_summary(RevisionReport.model_validate(a), u.lang)
    drafts = DraftsResult.model_validate(a).drafts
    if not drafts:
        return _t(
            u.lang,
            "No earlier draft is recorded for this production yet. Compare a new draft with "
            "`slate revisions NEW_DRAFT` (or the compare_drafts tool) and I can say what changed.",
            "呢個製作未有記錄舊稿。用 `slate revisions 新稿檔案` 比較新稿之後，我就可以講改咗邊幾場。",
        )
    lines = [f"- {d.revision}: {d.colour} — {Path(d.file).name} ({d.saved_at})" for d in drafts]
    return _t(u.lang, "Drafts kept:", "已保存嘅稿：") + "\n" + "\n".join(lines)


def plan(u: Understanding, lexicon: Lexicon) -> list[dict[str, Any]]:
    if u.intent == "breakdown":
        if not u.scenes and u.locations:
            # "everything we need for the rooftop": the place's scenes first, then their breakdown.
            return [call("find_scenes", location=u.locations[0])]
        return [call("breakdown_scenes", scenes=u.scenes or None)]
    if u.intent == "department_list":
        from agent.intents import SCENE_LIST
        from agent.intents import has_word as _has

        if _has(fold(u.text), SCENE_LIST):  # "which scenes have stunts?": the scenes, nothing written
            return [call("element_report", category=u.department)]
        return [call("department_list", department=u.department)]
    if u.intent == "revisions":
        return [call("list_drafts")]
    return []


SKILL = Skill(
    name="breakdown",
    intents=frozenset({"breakdown", "department_list", "revisions"}),
    plan=plan,
    composers={"breakdown": _breakdown, "element_report": _element_report, "revision_report": _drafts},
    tools=frozenset(
        {
            "find_scenes",
            "breakdown_scenes",
            "element_report",
            "department_list",
            "list_drafts",
            "draft_changes",
        }
    ),
)
