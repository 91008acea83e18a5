"""How artifacts, citations and the header look: small pure functions from data to labels and HTML.

No Gradio here, so the handlers' tests can check what a person will see without a browser.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ui.i18n import ISSUE_ZH, column_label, t
from ui.results import Shown, ShownSource, ToolFailure

if TYPE_CHECKING:
    from knowledge.screenplay import Scene
    from tools.schedule.model import ScheduledDay
    from tools.schedule.tools import ScheduleResult

KIND_LABELS: dict[str, dict[str, str]] = {
    "scenes": {"en": "Scenes", "zh": "場次"},
    "scene": {"en": "Scene", "zh": "場次內容"},
    "character": {"en": "Character", "zh": "角色"},
    "location": {"en": "Location", "zh": "場景"},
    "search": {"en": "Passages", "zh": "段落"},
    "overview": {"en": "Overview", "zh": "概覽"},
    "plan_settings": {"en": "Plan settings", "zh": "拍攝計劃設定"},
    "shot_list": {"en": "Shot list", "zh": "分鏡表"},
    "schedule": {"en": "Schedule", "zh": "拍攝排期"},
    "call_sheet": {"en": "Call sheet", "zh": "通告"},
    "subtitle_report": {"en": "Subtitle check", "zh": "字幕檢查"},
    "subtitles": {"en": "Subtitles", "zh": "字幕"},
    "error": {"en": "Problem", "zh": "問題"},
    "message": {"en": "Note", "zh": "備註"},
}

# Stripboard colours, as paper strips are coloured on a production board.
STRIP_COLOURS: dict[tuple[str, str], str] = {
    ("INT", "DAY"): "#ffffff",
    ("EXT", "DAY"): "#fff3a8",
    ("INT", "NIGHT"): "#bcd7ff",
    ("EXT", "NIGHT"): "#b9e8c4",
    ("INT", "DAWN"): "#ffd9b8",
    ("EXT", "DAWN"): "#ffd9b8",
    ("INT", "DUSK"): "#f3c6e8",
    ("EXT", "DUSK"): "#f3c6e8",
}


# The columns a screen shows first, per table (`kind.table` wins over `table`); downloads hold every column.
DISPLAY_COLUMNS: dict[str, tuple[str, ...]] = {
    "scenes": ("number", "int_ext", "location", "time_of_day", "pages", "characters"),
    "shots": ("id", "size", "movement", "lens_mm", "subjects", "description"),
    "hits": ("scene", "page", "text", "file"),
    "issues": ("cue", "start", "code", "message"),
    "days": ("day", "date", "scenes", "hours", "locations", "company_moves"),
    # A call sheet's scenes in the order a crew reads them (the CSV keeps every column).
    "call_sheet.scenes": ("id", "set", "int_ext", "day_night", "pages", "cast", "start"),
    "call_sheet.cast": ("number", "id", "actor", "call", "on_set", "scenes"),
    "breakdown.scenes": ("scene", "int_ext", "set", "time_of_day", "pages", "elements"),
    "element_report.rows": ("name", "category", "scenes", "detail"),
    "cast.cast": ("name", "actor", "scenes", "speeches", "first_scene", "last_scene"),
}

# How wide a column is against the others (1 = a short code or number); text columns get the rest.
COLUMN_WEIGHTS: dict[str, int] = {
    "number": 1, "scene": 1, "id": 1, "int_ext": 1, "time_of_day": 1, "day_night": 1, "page": 1,
    "pages": 1, "lens_mm": 1, "setup_minutes": 1, "cue": 1, "day": 1, "hours": 1, "company_moves": 1,
    "size": 2, "movement": 2, "start": 2, "date": 2, "call": 1, "on_set": 1, "code": 2, "scenes": 2,
    "speeches": 1, "first_scene": 1, "last_scene": 1, "category": 2,
    "location": 3, "set": 4, "subjects": 3, "characters": 4, "cast": 4, "locations": 4, "actor": 3,
    "file": 3, "name": 3, "description": 7, "text": 8, "message": 6, "elements": 8, "detail": 4,
}  # fmt: skip


def _value_zh() -> dict[str, dict[str, str]]:
    """Closed-set table values in Chinese, per column: the agent's own vocabulary, so both read alike."""
    from agent.compose import IE_ZH, MOVEMENT_ZH, SIZE_ZH, STATUS_ZH, TOD_ZH

    return {
        "int_ext": IE_ZH,
        "time_of_day": TOD_ZH,
        "day_night": {"D": "日", "N": "夜", **TOD_ZH},
        "size": SIZE_ZH,
        "movement": MOVEMENT_ZH,
        "status": STATUS_ZH,
        "code": ISSUE_ZH,
        "sound": {"MOS": "無聲", "sync": "同步收音", "SYNC": "同步收音"},
        "angle": {"eye level": "平視", "high": "俯角", "low": "仰角", "overhead": "頂拍", "dutch": "斜角"},
    }


def _cell(column: str, value: Any, lang: str, values: Mapping[str, Mapping[str, str]]) -> Any:
    if value is None:
        return ""
    if column == "elements" and isinstance(value, str):
        return _elements_text(value, lang)
    if lang == "zh" and isinstance(value, str) and column in values:
        return values[column].get(value, value)
    return value


def _elements_text(value: str, lang: str) -> str:
    """A breakdown sheet's elements by category (`Cast: AH FAI · Props: gun, phone`): Gradio's table cells keep no line breaks."""
    import json

    from agent.compose import CATEGORY_LABELS

    try:
        elements = json.loads(value)
    except ValueError:
        return value
    grouped: dict[str, list[str]] = {}
    for element in elements if isinstance(elements, list) else []:
        if isinstance(element, Mapping):
            grouped.setdefault(str(element.get("category")), []).append(str(element.get("name", "")))
    return " · ".join(
        f"{CATEGORY_LABELS.get(cat, (cat, cat))[1 if lang == 'zh' else 0]}: {', '.join(names)}"
        for cat, names in grouped.items()
    )


def _is_date(column: str) -> bool:
    return len(column) == 10 and column[4] == "-" and column[7] == "-" and column.replace("-", "").isdigit()


# The narrowest the results panel gets (a 1024 px window); Gradio takes widths in px or % only.
NARROWEST_PANEL_PX = 420
SHORT_COLUMNS_SHARE = 62.0  # at most this % of the width for codes and numbers: text needs the rest


def column_widths(columns: Sequence[str], headers: Sequence[str], data: Sequence[Sequence[Any]]) -> list[str]:
    """Widths in % (what Gradio's table takes besides px), planned for the narrowest panel: every
    column first gets its header's width (so no header is cut), short columns (codes, numbers, times)
    then grow to their longest value so `7A`, `static` and `I/E` never break, and text columns share
    what is left by weight. Everything scales with the panel."""
    from knowledge.scenes import display_width

    def pct(width: int, per_column: float) -> float:
        # ~7.6 px a column of a 14 px font (8.2 bold, for headers), plus the cell's padding and sort icon.
        return 100 * (round(width * per_column) + 30) / NARROWEST_PANEL_PX

    floors = [pct(display_width(str(h)), 8.2) for h in headers]
    is_short = [COLUMN_WEIGHTS.get(c, 2) <= 2 for c in columns]
    if all(is_short):  # nothing to stretch: the last column takes what is left
        is_short[-1] = False
    wants = [
        max(floors[i], min(pct(max((display_width(str(row[i])) for row in data), default=0), 7.6), 30.0))
        if is_short[i]
        else floors[i]
        for i in range(len(columns))
    ]
    spare = 100 - sum(floors)
    grow = sum(w - f for w, f in zip(wants, floors, strict=True))
    short_gain = min(1.0, SHORT_COLUMNS_SHARE / 100 * spare / grow) if grow > 0 and spare > 0 else 0.0
    widths = [f + (w - f) * short_gain for w, f in zip(wants, floors, strict=True)]
    left = 100 - sum(widths)
    rest = sum(COLUMN_WEIGHTS.get(c, 2) for c, short in zip(columns, is_short, strict=True) if not short)
    for i, column in enumerate(columns):
        if not is_short[i] and left > 0:
            widths[i] += left * COLUMN_WEIGHTS.get(column, 2) / rest
    total = sum(widths)
    return [f"{100 * w / total:.1f}%" for w in widths]


def display_table(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], name: str, lang: str, kind: str = ""
) -> dict[str, Any]:
    """A table as the screen shows it: the columns that matter first, headers and closed-set values in
    the interface language, and `widths` (percentages) that fit the panel; a wide grid (the day out of
    days) keeps its own widths and scrolls beside a frozen first column."""
    preferred = DISPLAY_COLUMNS.get(f"{kind}.{name}") or DISPLAY_COLUMNS.get(name, ())
    if name == "dood":
        preferred = ("cast", *(c for c in columns if _is_date(c)), "work_days", "hold_days")
    wanted = [c for c in preferred if c in columns] or list(columns)
    index = [list(columns).index(c) for c in wanted]
    values = _value_zh()
    data = [[_cell(c, row[i], lang, values) for c, i in zip(wanted, index, strict=True)] for row in rows]
    # Dates as day headers read `03-01`: eleven of them side by side still fit a laptop screen.
    # A call sheet's and a breakdown's `id` is the scene number, not a shot.
    headers = [
        c[5:] if _is_date(c) else column_label("scene" if c == "id" and name == "scenes" else c, lang)
        for c in wanted
    ]
    if name == "dood":  # wider than any panel: fixed widths, scrolling beside the frozen cast column
        widths = ["150px" if c == "cast" else "58px" if _is_date(c) else "76px" for c in wanted]
    else:
        widths = column_widths(wanted, headers, data)
    return {"headers": headers, "data": data, "widths": widths}


def kind_label(kind: str, lang: str) -> str:
    labels = KIND_LABELS.get(kind)
    return labels.get(lang, labels["en"]) if labels else kind.replace("_", " ").capitalize()


def tool_args_text(args: Mapping[str, Any]) -> str:
    """A tool call's arguments as short `name: value` lines (what a crew member can check at a glance)."""
    lines = []
    for key, value in args.items():
        if value in (None, [], {}, ""):
            continue
        shown = ", ".join(str(v) for v in value) if isinstance(value, (list, tuple)) else str(value)
        lines.append(f"`{key}`: {shown}")
    return "\n".join(lines) or "—"


# Kinds whose main table is a list worth counting in a summary ("Scenes · 3").
COUNTED_KINDS = frozenset(
    {"scenes", "character", "location", "search", "shot_list", "subtitle_report", "schedule"}
)


def artifact_count(result: Shown) -> int | None:
    """How many rows the result's main table holds (None for kinds where a count says nothing)."""
    from tools.artifact_export import result_tables

    if result.kind not in COUNTED_KINDS:
        return None
    tables = result_tables(result)
    return len(tables[0].rows) if tables else 0


def artifact_subject(result: Shown) -> str | None:
    """What the result is about: a character or location name, or a scene number."""
    from tools.media.models import TranscriptionResult
    from tools.script_lookup import CharacterReport, LocationReport, SceneDetail
    from tools.shot_list import ShotListResult

    if isinstance(result, (CharacterReport, LocationReport)):
        return result.name or None
    if isinstance(result, SceneDetail):
        return result.scene.number or None
    if isinstance(result, (ShotListResult, TranscriptionResult)):
        return result.scene or None
    return None


def artifact_summary(result: Shown, lang: str) -> str:
    """One line for a tool step and the result picker: `Scenes · 3`, `Shot list 7 · 16`, or the error."""
    if isinstance(result, ToolFailure):
        return "⚠ " + result.message
    label = kind_label(result.kind, lang)
    subject = artifact_subject(result)
    if subject and result.kind in ("scene", "shot_list"):
        label += f" {subject}"
    elif subject and result.kind in ("character", "location"):
        label += f" · {subject}"
    count = artifact_count(result)
    return f"{label} · {count}" if count is not None else label


def tool_title(name: str, lang: str) -> str:
    """A tool step's title in the chat: plain text, because emoji fonts are missing on many machines."""
    return f"{t('tool', lang)} · {name}"


def artifact_title(result: Shown, lang: str) -> str:
    """Markdown heading for the results panel."""
    from tools.schedule.tools import ScheduleResult
    from tools.script_lookup import CharacterReport, LocationReport, Overview, SceneDetail, ScenesResult

    if isinstance(result, ToolFailure):
        return f"### ⚠ {kind_label(result.kind, lang)}\n{result.message}"
    if isinstance(result, ScheduleResult):
        return f"### {artifact_summary(result, lang)}\n" + schedule_markdown(result, lang)
    heading = artifact_summary(result, lang)
    details = [_filters_text(result.filters if isinstance(result, ScenesResult) else None, lang)]
    if isinstance(result, (ScenesResult, CharacterReport, LocationReport, Overview)) and result.total_eighths:
        details.append(_pages(result.total_eighths, lang))
    if isinstance(result, SceneDetail):
        details.append(result.scene.heading)
        if result.summary_text:
            details.append(result.summary_text)
    return f"### {heading}" + ("\n" + " · ".join(d for d in details if d) if details else "")


def schedule_markdown(plan: ScheduleResult, lang: str) -> str:
    """A plan in a coordinator's terms: days, cost against the stripboard sort, what shaped it; the
    bound and gap only where they mean something (proven optimal or a gap under 50%), folded away."""
    from agent.compose import STATUS_ZH

    zh = lang == "zh"
    base = plan.baseline
    pct = 100 * (base.objective - plan.objective) / base.objective if base.objective > 0 else None
    if zh:
        lines = [
            f"**{plan.total_days}** 個拍攝日 · 成本 {plan.objective:,.0f} · 搬景 {plan.company_moves} 次",
            f"傳統排法：{base.total_days} 日、成本 {base.objective:,.0f}"
            + (f"（今次平 {pct:.0f}%）" if pct is not None else ""),
        ]
    else:
        lines = [
            f"**{plan.total_days}** shooting days · cost {plan.objective:,.0f} · "
            f"{plan.company_moves} company moves",
            f"Stripboard sort: {base.total_days} days, cost {base.objective:,.0f}"
            + (f" (this plan is {pct:.0f}% cheaper)" if pct is not None else ""),
        ]
    shaped = [
        f"{who} {'唔得閒' if zh else 'unavailable'} {', '.join(d.isoformat() for d in dates)}"
        for who, dates in plan.added_unavailability.items()
    ] + list(plan.notes)
    if shaped:
        lines.append(("受以下限制：" if zh else "Shaped by: ") + "; ".join(shaped))
    if plan.violations:
        lines.append(("⚠ 問題：" if zh else "⚠ Problems: ") + "; ".join(plan.violations[:5]))
    text = "  \n".join(lines)
    if plan.bound_meaningful:
        status = STATUS_ZH.get(plan.status, plan.status) if zh else plan.status
        text += (
            f"\n\n<details><summary>{'最佳程度' if zh else 'How close to best'}</summary>\n\n"
            + (
                f"{status}：最低可能成本 {plan.lower_bound:,.0f}，差距最多 {plan.gap:.0%}"
                if zh
                else f"{status}: lowest possible cost {plan.lower_bound:,.0f}, at most {plan.gap:.0%} above it"
            )
            + "\n\n</details>"
        )
    return text


def _filters_text(filters: Any, lang: str) -> str:
    """`Cast: AH FAI · Time: NIGHT`: what a list was filtered by."""
    if not isinstance(filters, Mapping):
        return ""
    values = _value_zh()

    def shown(key: str, value: Any) -> str:
        items = value if isinstance(value, (list, tuple)) else [value]
        return ", ".join(str(_cell(key, item, lang, values)) for item in items)

    return " · ".join(
        f"{column_label(key, lang)}: {shown(key, value)}"
        for key, value in filters.items()
        if value not in (None, "", [])
    )


def _pages(eighths: int, lang: str) -> str:
    whole, rest = divmod(eighths, 8)
    text = f"{whole} {rest}/8" if whole and rest else (f"{rest}/8" if rest else str(whole))
    return f"{text} 頁" if lang == "zh" else f"{text} pg"


def citation_label(source: ShownSource, number: int) -> str:
    """`[1] night_shift.fountain · sc. 11 · p. 15 · l. 668–727`."""
    return f"[{number}] {source.label()}"


def citation_chip(source: ShownSource, number: int) -> str:
    """A short clickable reference: `[1] sc. 11 · p. 15`, `[2] director_notes.md · Colour 色調`."""
    if source.scene and source.doc_type == "screenplay":
        page = f" · p. {source.page}" if source.page else ""
        return f"[{number}] sc. {source.scene}{page}"
    parts = [short_file(source.file)]
    if source.section:
        parts.append(source.section.split("›")[-1].strip())  # the innermost heading
    elif source.page:
        parts.append(f"p. {source.page}")
    if source.start:
        parts.append(source.start)
    return f"[{number}] " + " · ".join(parts)


def short_file(name: str, limit: int = 24) -> str:
    """`director_notes.md` → `director_notes`; a long name is cut with an ellipsis."""
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    return stem if len(stem) <= limit else stem[: limit - 1] + "…"


def numbered_text_html(
    lines: Sequence[Sequence[Any]], heading: str = "", *, highlight: Sequence[int] | None = None
) -> str:
    """Source text with its own line numbers, as a reader pane; `highlight` marks a cited span.

    The pane opens at the cited lines: what comes before them is folded above (a `<details>`, since
    the page runs no scripts in this HTML to scroll it)."""
    first, last = (int(highlight[0]), int(highlight[-1])) if highlight else (0, -1)

    def row(number: Any, text: Any) -> str:
        hit = " sl-hit" if first <= int(number) <= last else ""
        return (
            f'<div class="sl-line{hit}"><span class="sl-no">{int(number)}</span>'
            f'<span class="sl-text">{html.escape(str(text)) or "&nbsp;"}</span></div>'
        )

    before = [(n, x) for n, x in lines if highlight and int(n) < first - 2]
    rest = [(n, x) for n, x in lines if not (highlight and int(n) < first - 2)]
    folded = ""
    if before:
        span = f"{int(before[0][0])}–{int(before[-1][0])}"
        folded = (
            f'<details class="sl-above"><summary>{html.escape(span)} ↑</summary>'
            + "".join(row(n, x) for n, x in before)
            + "</details>"
        )
    title = f'<div class="sl-source-title">{html.escape(heading)}</div>' if heading else ""
    return (
        f'<div class="sl-source">{title}<div class="sl-lines">{folded}'
        + "".join(row(n, x) for n, x in rest)
        + "</div></div>"
    )


def passage_html(text: str, heading: str) -> str:
    """A passage without line numbers (a search hit from a note or a report), its Markdown rendered.

    markdown-it (Gradio's own dependency) with raw HTML off, so a document can never inject markup."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    return (
        f'<div class="sl-source"><div class="sl-source-title">{html.escape(heading)}</div>'
        f'<div class="sl-passage sl-md">{body}</div></div>'
    )


def hint_markdown(text: str) -> str:
    """A muted hint where results will appear."""
    return f'<div class="sl-placeholder">{html.escape(text)}</div>'


def placeholder_html(text: str) -> str:
    return f'<div class="sl-placeholder">{html.escape(text)}</div>'


# A small clapperboard drawn inline: emoji fonts are missing on many crew laptops and servers.
CLAPPER_SVG = (
    '<svg class="sl-logo" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">'
    '<rect x="3" y="9" width="18" height="12" rx="1.5" fill="#1f2937"/>'
    '<path d="M3 5.5 20.2 2l.8 3.6L3.8 9.1z" fill="#1f2937"/>'
    '<path d="M7 4.7l2.6 3.3M11.5 3.8l2.6 3.3M16 2.9l2.6 3.3" stroke="#f59e0b" stroke-width="1.6"/>'
    "</svg>"
)


def header_html(title: str, status: str, lang: str) -> str:
    """The page header: production title and the status line (who answers, how many documents)."""
    return (
        '<div class="sl-header">'
        f'<div class="sl-brand">{CLAPPER_SVG}{html.escape(t("app_title", lang))}'
        f'<span class="sl-tagline">{html.escape(t("tagline", lang))}</span></div>'
        f'<div class="sl-title">{html.escape(title)}</div>'
        f'<div class="sl-status">{html.escape(status)}</div>'
        "</div>"
    )


def status_line(model_label: str, project: str, documents: int, scenes: int | None, lang: str) -> str:
    """`Answers: offline planner · night-shift · 7 documents · 21 scenes`."""
    parts = [f"{t('status_model', lang)}: {model_label}", project]
    if documents:
        parts.append(f"{documents} {t('status_document' if documents == 1 else 'status_documents', lang)}")
    if scenes:
        parts.append(f"{scenes} {t('status_scenes', lang)}")
    if not documents and not scenes:
        parts.append(t("status_empty", lang))
    return " · ".join(parts)


def embedded_html(document: str, height: int = 560) -> str:
    """A tool-written HTML page (the stripboard) inside the panel, its styles kept to itself."""
    return (
        f'<iframe class="sl-embed" sandbox="" style="width:100%;height:{height}px;border:0" '
        f'srcdoc="{html.escape(document, quote=True)}"></iframe>'
    )


def stripboard_html(
    days: Sequence[ScheduledDay], lang: str, scenes: Mapping[str, Scene] | None = None
) -> str:
    """A stripboard from a schedule's days, for when the schedule tool wrote no HTML of its own:
    one coloured strip per scene (INT/EXT × day/night), a black day-break bar after each day.
    `scenes` (number → the script's scene) fills in each strip's details."""
    parts = ['<div class="sl-board">']
    for day in days:
        for number in day.scenes:
            scene = (scenes or {}).get(number)
            int_ext = scene.int_ext if scene else None
            time = (scene.time_of_day if scene else None) or "DAY"
            colour = STRIP_COLOURS.get(((int_ext or "INT").split("/")[0], time), "#eeeeee")
            parts.append(
                f'<div class="sl-strip" style="background:{colour}">'
                f'<span class="sl-strip-no">{html.escape(number)}</span>'
                f'<span class="sl-strip-ie">{html.escape(int_ext or "")} {html.escape(time)}</span>'
                f'<span class="sl-strip-set">{html.escape(scene.location if scene else "")}</span>'
                f'<span class="sl-strip-cast">{html.escape(", ".join(scene.characters) if scene else "")}</span>'
                '<span class="sl-strip-pg"></span>'
                "</div>"
            )
        label = f"第 {day.day} 日" if lang == "zh" else f"Day {day.day}"
        parts.append(f'<div class="sl-daybreak">{html.escape(label)} {day.date.isoformat()}</div>')
    parts.append("</div>")
    return "".join(parts)
