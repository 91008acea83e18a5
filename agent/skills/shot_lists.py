"""Shot lists: draft one for a scene, show the saved one, edit shots ("drop 12C")."""

from __future__ import annotations

import re
from typing import Any

from agent.compose import (
    MAX_SHOTS_LISTED,
    MOVEMENT_ZH,
    SIZE_ZH,
    STYLE_ZH,
    _files_line,
    _t,
)
from agent.intents import Lang, Understanding
from agent.lexicon import Lexicon, fold
from agent.skills.base import Skill, call
from tools.shot_list import ShotListResult

# How a Chinese answer names a camera angle (tools.shot_list.Angle).
ANGLE_ZH = {"low": "低角度", "high": "高角度", "dutch": "傾斜角度", "overhead": "頂拍"}


def _shot_list(a: ShotListResult, u: Understanding, lex: Lexicon) -> str:
    lang = u.lang
    shots = a.shots
    minutes = a.total_minutes or sum(s.setup_minutes for s in shots)
    hours = f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"
    if u.lang == "zh":
        hours = f"{minutes // 60} 小時 {minutes % 60:02d} 分鐘" if minutes >= 60 else f"{minutes} 分鐘"
    style = a.style or "classic"
    version = a.version
    head = _t(
        lang,
        f"Shot list for scene {a.scene} ({style}{f', version {version}' if version else ''}): "
        f"{len(shots)} shots, about {hours} of setups.",
        f"第{a.scene}場分鏡表（{STYLE_ZH.get(style, style)}{f'，第{version}版' if version else ''}）："
        f"共 {len(shots)} 個鏡頭，"
        f"預計架設 {hours}。",
    )
    asked = [p.removeprefix("asked: ") for p in (a.provenance or []) if str(p).startswith("asked: ")]
    if asked and u.intent == "shot_list":
        said = _said_wish(u.text)
        head += _t(
            lang,
            f" As asked{f' (“{said}”)' if said else ''}: {asked[-1]}.",
            f"按你要求{f'（「{said}」）' if said else ''}：{_asked_zh(asked[-1])}。",
        )
    rows = []
    wanted_size = _wished_size(u)
    if wanted_size and u.intent == "shot_list":
        # "a shot list with the close-ups": the shots of that size first.
        wanted = [sh for sh in shots if sh.size == wanted_size]
        label = SIZE_ZH.get(wanted_size, wanted_size) if lang == "zh" else wanted_size
        head += _t(
            lang,
            f" {len(wanted)} {label} shot(s): {', '.join(sh.id for sh in wanted) or 'none'}.",
            f"當中{label} {len(wanted)} 個：{'、'.join(sh.id for sh in wanted) or '冇'}。",
        )
        shots = wanted + [sh for sh in shots if sh not in wanted]
    for shot in shots[:MAX_SHOTS_LISTED]:
        subjects = ("、" if lang == "zh" else ", ").join(lex.name(s, lang) for s in shot.subjects)
        size, movement = str(shot.size), str(shot.movement)
        if lang == "zh":
            size, movement = SIZE_ZH.get(size, size), MOVEMENT_ZH.get(movement, movement)
        bits = [f"**{shot.id}**", size, movement]
        if shot.angle != "eye level":
            # Eye level is every shot's default; any other angle is a choice worth reading.
            angle = str(shot.angle)
            bits.append(ANGLE_ZH.get(angle, angle) if lang == "zh" else f"{angle} angle")
        if shot.lens_mm:
            bits.append(f"{shot.lens_mm}mm")
        line = " ".join(b for b in bits if b)
        if subjects:
            line += f" — {subjects}"
        description = _shot_description(shot.description, lang)
        if description:
            line += f"：{description}" if lang == "zh" else f": {description}"
        rows.append("- " + line)
    if len(shots) > MAX_SHOTS_LISTED:
        rows.append(
            _t(
                lang,
                f"- … and {len(shots) - MAX_SHOTS_LISTED} more (the full list is in the table and files)",
                f"- …仲有 {len(shots) - MAX_SHOTS_LISTED} 個（完整列表見表格同檔案）",
            )
        )
    if a.files:
        rows.append(_files_line(a.files, lang))
    provenance = a.provenance or ["rules"]
    steps = provenance if isinstance(provenance, list) else [str(provenance)]
    models = [p.split(":", 1)[1] for p in steps if str(p).startswith("model:")]
    if models:
        note = _t(
            lang,
            f"\n\nDrafted by rules, refined by {models[-1]} (validated against the scene).",
            f"\n\n先用規則起草，再由 {models[-1]} 潤飾（已對照劇本檢查）。",
        )
    else:
        note = _t(
            lang,
            "\n\nDrafted by rules from the scene's content (no language model).",
            "\n\n呢份係按劇本內容用規則起草（冇用語言模型）。",
        )
    return head + "\n\n" + "\n".join(rows) + note


def _wished_size(u: Understanding) -> str | None:
    """The size the request wants of the list's shots: not one said only of the opening shot."""
    from agent.intents import SIZE_WORDS, _first_key

    opening, rest = _opening(u)
    return _first_key(rest, SIZE_WORDS) if opening else u.shot_size


def _said_wish(text: str) -> str:
    """The person's own word for the movement or size they asked for ("dolly in", "航拍")."""
    from agent.intents import MOVEMENT_WORDS, SIZE_WORDS, _find_word

    folded = fold(text)
    found = [
        (pos, folded[pos : pos + len(word)])
        for table in (MOVEMENT_WORDS, SIZE_WORDS)
        for words in table.values()
        for word in words
        if len(word) > 2 and (pos := _find_word(folded, word)) >= 0
    ]
    return min(found)[1] if found else ""


def _asked_zh(text: str) -> str:
    """`6A movement=crane/drone, size=CU` in Chinese words."""
    for table in (MOVEMENT_ZH, SIZE_ZH):
        for key, word in table.items():
            text = re.sub(rf"(?<==){re.escape(key)}(?=,|$|;)", word, text)
    if text.startswith("open on "):  # "open on WS, crane/drone, 200mm"
        words = [w.strip() for w in text.removeprefix("open on ").split(",")]
        return "開場鏡頭：" + "、".join(MOVEMENT_ZH.get(w, SIZE_ZH.get(w, w)) for w in words)
    return text.replace("movement=", "運鏡：").replace("size=", "景別：")


def _shot_description(description: str, lang: Lang) -> str:
    """A shot's description for the answer: in a Chinese answer only what the script says (the part
    after “ — ”, or the quoted line), never the rules' English wording."""
    if lang == "zh":
        quoted = re.search(r"“([^”]+)”", description)
        if quoted:
            description = f"「{quoted.group(1)}」"
        elif " — " in description:
            description = description.split(" — ", 1)[1]
        else:
            return ""
    return f"{description[:90]}…" if len(description) > 90 else description


def scene_of_shot(shot_id: str) -> str:
    """`12C` → `12`, `12A-C` → `12A` (tools.shot_list's id scheme)."""
    if "-" in shot_id:
        return shot_id.split("-", 1)[0]
    return shot_id.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


CLAUSE = re.compile(r"\s*(?:,|;|，|；|、|\band then\b|\bthen\b|\band\b|\balso\b|同埋|然後|跟住|再|仲有)\s*")
_LENS = re.compile(r"(\d{2,3})\s*(?:mm|毫米|米厘|咪)")


def edit_calls(u: Understanding, lexicon: Lexicon) -> list[dict[str, Any]]:
    """One edit_shot_list call per part of the request, in the order asked ("drop 17A and make 17B
    handheld on a 24mm" is two edits). Each part reads only its own words."""
    from agent.intents import ANGLE_WORDS, MOVEMENT_WORDS, SIZE_WORDS, _first_key, _shot_ids
    from agent.intents import has_word as _has

    folded = fold(u.text)
    clauses: list[str] = []
    for piece in CLAUSE.split(folded):
        if not piece.strip():
            continue
        if clauses and not _shot_ids(piece, lexicon):
            if _has(piece, REMOVE_WORDS) and not _has(clauses[-1], REMOVE_WORDS):
                # "make 17B handheld and drop the other one": a removal of a shot it does not name is
                # never read as removing the shot before it; it changes nothing.
                clauses.append(piece)
                continue
            clauses[-1] += " " + piece  # "make 17B handheld, on a 24mm": one part
        else:
            clauses.append(piece)
    calls = []
    for clause in clauses:
        ids = _shot_ids(clause, lexicon) or (u.shot_ids[:1] if len(clauses) == 1 else [])
        remove = _has(clause, REMOVE_WORDS)
        lens = _LENS.search(clause)
        people = [m.value for m in lexicon.find_characters(clause, [])]
        for shot_id in ids[:5]:
            scene = u.scenes[0] if u.scenes and len(clauses) == 1 else scene_of_shot(shot_id)
            change = {
                "size": _first_key(clause, SIZE_WORDS),
                "movement": _first_key(clause, MOVEMENT_WORDS),
                "angle": _first_key(clause, ANGLE_WORDS),
                "lens_mm": int(lens.group(1)) if lens else None,
                "subjects": list(dict.fromkeys(people)) or None,
            }
            if remove:
                calls.append(call("edit_shot_list", scene=scene, shot_id=shot_id, remove=True))
            elif any(v is not None for v in change.values()):
                calls.append(call("edit_shot_list", scene=scene, shot_id=shot_id, **change))
    return calls


REMOVE_WORDS = ("drop", "remove", "delete", "cut", "lose", "kill", "刪", "刪除", "唔要", "拎走", "攞走", "剷")


def _opening(u: Understanding) -> tuple[dict[str, Any], str]:
    """The shot the request wants the scene to open on (its words, size, movement, lens) and the
    request without that clause."""
    from agent.intents import MOVEMENT_WORDS, OPENING_SHOT, SIZE_WORDS, _first_key

    found = OPENING_SHOT.search(u.text)
    if not found or len(found.group("what").strip()) < 2:
        return {}, fold(u.text)
    what = found.group("what").strip()
    clause = fold(what)
    opening: dict[str, Any] = {"opening": what}
    size = _first_key(clause, SIZE_WORDS)
    movement = _first_key(clause, MOVEMENT_WORDS)
    lens = re.search(r"(\d{2,4})\s*mm", clause)
    if size:
        opening["opening_size"] = size
    if movement and movement != "static":
        opening["opening_movement"] = movement
    if lens and 4 <= int(lens.group(1)) <= 2000:
        opening["opening_lens_mm"] = int(lens.group(1))
    rest = fold(u.text[: found.start()] + " " + u.text[found.end() :])
    return opening, rest


def _wish(u: Understanding, lexicon: Lexicon) -> dict[str, Any]:
    """The shot a shot-list request asks for ("with a drone shot", "a dolly in on 阿輝", "lots of
    close-ups"): its size, its movement (a style's own movement is the style, not a wish) and who it is on;
    and the shot it should open on ("open on an insert of…", "第一個鏡頭要用 crane…")."""
    from agent.intents import MOVEMENT_WORDS, SIZE_WORDS, _first_key

    opening, folded = _opening(u)
    movement = _first_key(folded, MOVEMENT_WORDS)
    if movement == u.style or (u.style and movement in ("handheld", "steadicam")):
        movement = None
    wish: dict[str, Any] = dict(opening)
    size = _first_key(folded, SIZE_WORDS) if opening else u.shot_size
    if size:
        wish["wanted_size"] = size
    if movement and movement != "static":
        wish["wanted_movement"] = movement
    if ("wanted_size" in wish or "wanted_movement" in wish) and u.characters:
        wish["wanted_on"] = u.characters[0]
    return wish


def plan(u: Understanding, lexicon: Lexicon) -> list[dict[str, Any]]:
    if u.intent == "shot_list":
        return [
            call("draft_shot_list", scene=s, style=u.style or "classic", **_wish(u, lexicon))
            for s in u.scenes[:3]
        ]
    if u.intent == "show_shot_list":
        return [call("get_shot_list", scene=s) for s in u.scenes[:3]]
    if u.intent == "edit_shot":
        return edit_calls(u, lexicon)
    return []


SKILL = Skill(
    name="shot_lists",
    intents=frozenset({"shot_list", "show_shot_list", "edit_shot"}),
    plan=plan,
    composers={"shot_list": _shot_list},
    typed=frozenset({"shot_list"}),
    tools=frozenset({"draft_shot_list", "get_shot_list", "edit_shot_list"}),
)
