"""How artifacts, citations and the header look: small pure functions from data to labels and HTML.

No Gradio here, so the handlers' tests can check what a person will see without a browser.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from knowledge.citations import Citation
from ui.i18n import column_label, t

KIND_LABELS: dict[str, dict[str, str]] = {
    "scenes": {"en": "Scenes", "zh": "場次"},
    "scene": {"en": "Scene", "zh": "場次內容"},
    "character": {"en": "Character", "zh": "角色"},
    "location": {"en": "Location", "zh": "場景"},
    "search": {"en": "Passages", "zh": "段落"},
    "overview": {"en": "Overview", "zh": "概覽"},
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


# The columns a screen shows first, per table; the downloads hold every column.
DISPLAY_COLUMNS: dict[str, tuple[str, ...]] = {
    "scenes": ("number", "int_ext", "location", "time_of_day", "page", "pages", "characters"),
    "shots": (
        "id",
        "size",
        "angle",
        "movement",
        "lens_mm",
        "subjects",
        "description",
        "sound",
        "setup_minutes",
        "notes",
    ),
    "hits": ("file", "scene", "page", "start", "text"),
    "issues": ("cue", "start", "code", "message"),
    "days": ("day", "date", "scenes", "hours", "locations", "company_moves"),
}


def display_table(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], name: str, lang: str
) -> dict[str, Any]:
    """A table as the screen shows it: the columns that matter first, headers in the interface language."""
    wanted = [c for c in DISPLAY_COLUMNS.get(name, ()) if c in columns] or list(columns)
    index = [list(columns).index(c) for c in wanted]
    return {
        "headers": [column_label(c, lang) for c in wanted],
        "data": [["" if row[i] is None else row[i] for i in index] for row in rows],
    }


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


def artifact_count(artifact: Mapping[str, Any]) -> int | None:
    """How many rows the artifact's main table holds (None for kinds where a count says nothing)."""
    from tools.artifact_export import artifact_tables

    if artifact.get("kind") not in COUNTED_KINDS:
        return None
    tables = artifact_tables(artifact)
    return len(tables[0].rows) if tables else 0


def artifact_subject(artifact: Mapping[str, Any]) -> str | None:
    """What the artifact is about: a character or location name, or a scene number."""
    if artifact.get("name"):
        return str(artifact["name"])
    for holder in (artifact, *(v for v in artifact.values() if isinstance(v, Mapping))):
        scene = holder.get("scene")
        if isinstance(scene, Mapping) and scene.get("number"):
            return str(scene["number"])
        if isinstance(scene, (str, int)) and scene:
            return str(scene)
    return None


def artifact_summary(artifact: Mapping[str, Any], lang: str) -> str:
    """One line for a tool step and the result picker: `Scenes · 3`, `Shot list 7 · 16`, or the error."""
    kind = str(artifact.get("kind", "message"))
    if kind == "error":
        return "⚠ " + str(artifact.get("message", ""))
    label = kind_label(kind, lang)
    subject = artifact_subject(artifact)
    if subject and kind in ("scene", "shot_list"):
        label += f" {subject}"
    elif subject and kind in ("character", "location"):
        label += f" · {subject}"
    count = artifact_count(artifact)
    return f"{label} · {count}" if count is not None else label


def artifact_title(artifact: Mapping[str, Any], lang: str) -> str:
    """Markdown heading for the results panel."""
    kind = str(artifact.get("kind", "message"))
    if kind == "error":
        return f"### ⚠ {kind_label(kind, lang)}\n{artifact.get('message', '')}"
    heading = artifact_summary(artifact, lang)
    details = [_filters_text(artifact.get("filters"), lang)]
    if artifact.get("total_eighths"):
        details.append(_pages(int(artifact["total_eighths"]), lang))
    if kind == "scene" and isinstance(artifact.get("scene"), Mapping):
        details.append(str(artifact["scene"].get("heading", "")))
    if artifact.get("summary_text"):
        details.append(str(artifact["summary_text"]))
    return f"### {heading}" + ("\n" + " · ".join(d for d in details if d) if details else "")


def _filters_text(filters: Any, lang: str) -> str:
    """`Cast: AH FAI · Time: NIGHT`: what a list was filtered by."""
    if not isinstance(filters, Mapping):
        return ""
    return " · ".join(
        f"{column_label(key, lang)}: {', '.join(map(str, value)) if isinstance(value, (list, tuple)) else value}"
        for key, value in filters.items()
        if value not in (None, "", [])
    )


def _pages(eighths: int, lang: str) -> str:
    whole, rest = divmod(eighths, 8)
    text = f"{whole} {rest}/8" if whole and rest else (f"{rest}/8" if rest else str(whole))
    return f"{text} 頁" if lang == "zh" else f"{text} pg"


def citation_label(source: Mapping[str, Any], number: int) -> str:
    """`[1] night_shift.fountain · sc. 11 · p. 15 · l. 668–727`."""
    try:
        label = Citation.model_validate(dict(source)).label()
    except ValueError:
        label = str(source.get("file", "?"))
    return f"[{number}] {label}"


def citation_chip(source: Mapping[str, Any], number: int) -> str:
    """A short clickable reference: `[1] sc. 11 · p. 15`, `[2] director_notes.md · Colour 色調`."""
    if source.get("scene") and source.get("doc_type") in (None, "screenplay"):
        page = f" · p. {source['page']}" if source.get("page") else ""
        return f"[{number}] sc. {source['scene']}{page}"
    parts = [str(source.get("file", "?"))]
    if source.get("section"):
        parts.append(str(source["section"]).split("›")[-1].strip())  # the innermost heading
    elif source.get("page"):
        parts.append(f"p. {source['page']}")
    if source.get("start"):
        parts.append(str(source["start"]))
    return f"[{number}] " + " · ".join(parts)


def numbered_text_html(
    lines: Sequence[Sequence[Any]], heading: str = "", *, highlight: Sequence[int] | None = None
) -> str:
    """Source text with its own line numbers, as a reader pane; `highlight` marks a cited span."""
    first, last = (int(highlight[0]), int(highlight[-1])) if highlight else (0, -1)
    rows = "".join(
        f'<div class="sl-line{" sl-hit" if first <= int(number) <= last else ""}">'
        f'<span class="sl-no">{int(number)}</span>'
        f'<span class="sl-text">{html.escape(str(text)) or "&nbsp;"}</span></div>'
        for number, text in lines
    )
    title = f'<div class="sl-source-title">{html.escape(heading)}</div>' if heading else ""
    return f'<div class="sl-source">{title}<div class="sl-lines">{rows}</div></div>'


def passage_html(text: str, heading: str) -> str:
    """A passage without line numbers (a search hit from a note or a report)."""
    return (
        f'<div class="sl-source"><div class="sl-source-title">{html.escape(heading)}</div>'
        f'<div class="sl-passage">{html.escape(text)}</div></div>'
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
    days: Sequence[Mapping[str, Any]], lang: str, scene_rows: Mapping[str, Mapping[str, Any]] | None = None
) -> str:
    """A stripboard from a schedule's days, for when the schedule tool wrote no HTML of its own:
    one coloured strip per scene (INT/EXT × day/night), a black day-break bar after each day.
    Days may list scene numbers; `scene_rows` (number → scene row) fills in their details."""
    parts = ['<div class="sl-board">']
    for index, day in enumerate(days, start=1):
        scenes = day.get("scenes") or day.get("strips") or []
        for entry in scenes if isinstance(scenes, list) else []:
            scene = (
                entry if isinstance(entry, Mapping) else (scene_rows or {}).get(str(entry), {"number": entry})
            )
            int_ext = str(scene.get("int_ext") or "INT").split("/")[0]
            time = str(scene.get("time_of_day") or "DAY")
            colour = STRIP_COLOURS.get((int_ext, time), "#eeeeee")
            cast = scene.get("characters") or scene.get("cast") or []
            parts.append(
                f'<div class="sl-strip" style="background:{colour}">'
                f'<span class="sl-strip-no">{html.escape(str(scene.get("number", "")))}</span>'
                f'<span class="sl-strip-ie">{html.escape(str(scene.get("int_ext") or ""))} '
                f"{html.escape(time)}</span>"
                f'<span class="sl-strip-set">{html.escape(str(scene.get("location") or scene.get("heading") or ""))}</span>'
                f'<span class="sl-strip-cast">{html.escape(", ".join(map(str, cast)) if isinstance(cast, list) else str(cast))}</span>'
                f'<span class="sl-strip-pg">{html.escape(str(scene.get("pages") or ""))}</span>'
                "</div>"
            )
        label = "第 {} 日".format(day.get("day", index)) if lang == "zh" else f"Day {day.get('day', index)}"
        when = day.get("date") or ""
        parts.append(f'<div class="sl-daybreak">{html.escape(label)} {html.escape(str(when))}</div>')
    parts.append("</div>")
    return "".join(parts)
