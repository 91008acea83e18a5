"""From elements to scenes, the same way for every format, and the page model behind the eighths.

Readers (Fountain, FDX, PDF, DOCX, plain text) produce `Element`s; `paginate` places them on pages
with the line model below unless the reader knows the real pages (PDF); `build_scenes` groups them
into `Scene`s with numbers, heading parts, characters, pages and lengths.

The line model (Courier 12 pt, 10 characters an inch, 6 lines an inch, 1-inch margins):
- a page holds `LINES_PER_PAGE` = 55 lines, counting the blank lines between elements;
- every printed element is preceded by one blank line, except dialogue and parentheticals that
  follow their character cue, and the first element on a page;
- text wraps at 61 columns for action, headings, transitions and centred text, 35 for dialogue and
  lyrics under a cue, 26 for parentheticals and 38 for cues; CJK characters take 2 columns;
- sections, synopses and notes do not print; a page break starts a new page;
- a scene's length in eighths is round(lines / (55 / 8)), at least 1.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence

from knowledge.headings import CJK, parse_heading
from knowledge.screenplay import LINES_PER_PAGE, Element, ElementType, Scene, ScriptLine, TimeOfDay

WRAP_COLUMNS: dict[ElementType, int] = {
    "scene_heading": 61,
    "action": 61,
    "transition": 61,
    "centered": 61,
    "lyrics": 61,
    "character": 38,
    "dialogue": 35,
    "parenthetical": 26,
}
NON_PRINTING: frozenset[ElementType] = frozenset({"section", "synopsis", "note", "page_break"})
_SPEECH: frozenset[ElementType] = frozenset({"character", "dialogue", "parenthetical", "lyrics"})

_EXTENSION = re.compile(r"\s*[(（]([^()（）]*)[)）]\s*$")
_BARE_CONTD = re.compile(r"\s+(CONT['’]?D\.?|CONT\.|CONTINUED)$", re.IGNORECASE)
_CONTD = re.compile(r"^(CONT['’]?D\.?|CONT\.|CONTINUED|CONTD|續|续|接上)$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


# --- character cues ---------------------------------------------------------------------------


def normalise_character(name: str) -> str:
    """A character name as scenes list it: NFKC, whitespace squeezed, Latin upper-cased."""
    text = unicodedata.normalize("NFKC", name)
    text = _SPACES.sub(" ", text).strip().strip(":").strip()
    return text.upper()


def parse_cue(cue: str) -> tuple[str, str | None]:
    """`STEEL (V.O.) (CONT'D)` → (`STEEL`, `V.O. CONT'D`); `野生人類首領(續)` → (`野生人類首領`, `續`).

    The name is normalised (`normalise_character`); extensions are kept raw, joined by a space.
    """
    text = cue.strip()
    if text.startswith("@"):
        text = text[1:]
    text = text.rstrip().rstrip("^").rstrip()
    extensions: list[str] = []
    while True:
        match = _EXTENSION.search(text)
        if not match or not text[: match.start()].strip():
            break
        extensions.insert(0, match.group(1).strip())
        text = text[: match.start()]
    bare = _BARE_CONTD.search(text)
    if bare and text[: bare.start()].strip():
        extensions.append(bare.group(1))
        text = text[: bare.start()]
    return normalise_character(text), " ".join(e for e in extensions if e) or None


def is_contd(extension: str | None) -> bool:
    """Whether an extension only says the speech continues (CONT'D, 續)."""
    return bool(extension) and all(_CONTD.match(part) for part in (extension or "").split())


# --- the line model -----------------------------------------------------------------------------


# East Asian wide and full-width characters (Unicode EastAsianWidth W and F), which print 2 columns.
_WIDE = re.compile(
    "[\u1100-\u115f\u231a-\u231b\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U0001f300-\U0001f64f"
    "\U00020000-\U0003fffd]"
)


def display_width(text: str) -> int:
    """Columns `text` takes in Courier: CJK and full-width characters count 2."""
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE.findall(text))


def wrapped_lines(text: str, columns: int) -> int:
    """Printed lines for `text` wrapped at `columns` (each source line at least one)."""
    total = 0
    for line in text.split("\n"):
        width = display_width(line.strip())
        total += -(-width // columns) if width else 1
    return total


def _is_continuation(element: Element, previous: Element | None) -> bool:
    """Dialogue and parentheticals sit right under their cue, with no blank line."""
    if previous is None:
        return False
    return element.type in ("dialogue", "parenthetical", "lyrics") and previous.type in _SPEECH


def paginate(elements: Sequence[Element]) -> int:
    """Set `print_lines` (the element's lines plus the blank line before it) and `page` on every
    element with the line model; returns the number of pages."""
    page, position = 1, 0
    previous: Element | None = None
    for element in elements:
        if element.type == "page_break":
            if position > 0:
                page, position = page + 1, 0
            element.page, element.print_lines = page, 0
            previous = None
            continue
        if element.type in NON_PRINTING:
            element.page, element.print_lines = page, 0
            continue
        columns = WRAP_COLUMNS.get(element.type, 61)
        if element.type == "lyrics" and previous is not None and previous.type in _SPEECH:
            columns = WRAP_COLUMNS["dialogue"]
        lines = wrapped_lines(element.text, columns)
        blank = 0 if position == 0 or _is_continuation(element, previous) else 1
        if position + blank >= LINES_PER_PAGE:
            page, position, blank = page + 1, 0, 0
        element.page = page
        element.print_lines = blank + lines
        position += blank + lines
        while position > LINES_PER_PAGE:
            page += 1
            position -= LINES_PER_PAGE
        previous = element
    return page


def eighths_for_lines(lines: int) -> int:
    """Length in eighths of a page for `lines` printed lines (at least 1/8)."""
    return max(1, math.floor(lines / (LINES_PER_PAGE / 8) + 0.5))


# --- scenes -------------------------------------------------------------------------------------


def _leading_int(number: str) -> int | None:
    match = re.match(r"\d{1,9}", number)  # bounded: int() of 4,300+ digits raises ValueError
    return int(match.group()) if match else None


def _number_scenes(explicit: Sequence[str | None]) -> list[str]:
    """The script's own numbers where it has them; the others count on from the scene before,
    skipping numbers the script uses elsewhere (so `1, 2, -, -, 2-B` gives `1, 2, 3, 4, 2-B`)."""
    used = {n.upper() for n in explicit if n}
    numbers: list[str] = []
    last = 0
    for own in explicit:
        if own:
            numbers.append(own)
            lead = _leading_int(own)
            last = lead if lead is not None else last
            continue
        candidate = last + 1
        while str(candidate) in used:
            candidate += 1
        used.add(str(candidate))
        numbers.append(str(candidate))
        last = candidate
    return numbers


def _name_pattern(names: Iterable[str]) -> tuple[re.Pattern[str] | None, list[str]]:
    """A regex for the Latin names (word boundaries) and a list of CJK names (>= 2 characters)."""
    latin: list[str] = []
    cjk: list[str] = []
    for name in names:
        if CJK.search(name):
            if len(name) >= 2:
                cjk.append(name)
            # A bilingual cue (`阿輝 FAI`) is also found by its Latin part.
            latin_part = " ".join(w for w in name.split() if not CJK.search(w))
            if len(latin_part) >= 2:
                latin.append(latin_part)
        elif len(name) >= 2:
            latin.append(name)
    if not latin:
        return None, cjk
    alternation = "|".join(re.escape(n) for n in sorted(set(latin), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])({alternation})(?![\w'’])", re.IGNORECASE), cjk


_QUOTATION = re.compile(r"「[^」\n]*」|『[^』\n]*』|“[^”\n]*”|\"[^\"\n]{1,200}\"")


def without_quotations(text: str) -> str:
    """Action text without what it quotes: a name on a sign, a screen or in a message
    (「阿叔 劉卓峰：影到啲咩未？」, a card reading "LAU & SONS") is not that person in the scene."""
    return _QUOTATION.sub(" ", text)


def _mentioned(
    text: str, latin: re.Pattern[str] | None, cjk: Sequence[str], by_key: dict[str, str]
) -> list[str]:
    """Known names in `text`, in order of first mention. A Latin match must start with a capital
    (`Brick`, `BRICK`), so a character called WILL is not found in "he will"."""
    found: dict[str, int] = {}
    if latin is not None:
        for match in latin.finditer(text):
            word = match.group(1)
            if word[0].isupper():
                name = by_key.get(word.upper())
                if name:
                    found.setdefault(name, match.start())
    for name in cjk:
        index = text.find(name)
        if index >= 0:
            found.setdefault(by_key.get(name, name), index)
    return [name for name, _ in sorted(found.items(), key=lambda item: item[1])]


# Extensions of a cue whose speaker is heard but not seen in the scene.
OFF_SCREEN = re.compile(
    r"(?<![A-Za-z])(?:V\.?\s*O\.?|O\.?\s*S\.?|O\.?\s*C\.?|OFF(?:[- ]?SCREEN)?|ON\s+(?:THE\s+)?(?:PHONE|RADIO|TV|"
    r"SPEAKER|INTERCOM|SPEAKERPHONE|TAPE)|PHONE|RADIO|FILTERED|INTERCOM|PRE-?LAP|VOICE)(?![A-Za-z])"
    r"|旁白|畫外音|画外音|電話|电话|對講機|收音機|錄音|聲音",
    re.IGNORECASE,
)
# A heading (or a scene's only line) that keeps a cut scene's number: `OMITTED`, `14 OMITTED`, `刪除`.
_OMITTED = re.compile(
    r"^\W*(?:(?:SCENE|SC\.?)\s*)?(?:\d+[A-Z]{0,2}\W*)?(?:OMITTED|OMIT|DELETED|刪除|刪去|删除|略)\W*(?:\d+[A-Z]{0,2}\W*)?$",
    re.IGNORECASE,
)


def is_off_screen(extension: str | None) -> bool:
    """Whether a cue's extension says the speaker is heard, not seen (V.O., O.S., ON PHONE, 電話)."""
    return bool(extension) and bool(OFF_SCREEN.search(extension or ""))


def is_omitted_heading(text: str) -> bool:
    """Whether a heading only keeps a cut scene's number (`OMITTED`, `14 OMITTED`, `刪除`)."""
    body = re.sub(r"#[^#]*#\s*$", "", text).strip().lstrip(".")
    return bool(_OMITTED.match(body))


def _voice_only(group: Sequence[Element]) -> list[str]:
    cues: dict[str, list[bool]] = {}
    for element in group:
        if element.type == "character" and element.character:
            cues.setdefault(element.character, []).append(is_off_screen(element.extension))
    return [name for name, off in cues.items() if off and all(off)]


def _trim_lead_in(elements: list[Element]) -> list[Element]:
    """Drop the run of sections/page breaks (and their synopses and notes) that ends a scene:
    they introduce the next one."""
    cut = len(elements)
    for index in range(len(elements) - 1, 0, -1):
        kind = elements[index].type
        if kind in ("section", "page_break"):
            cut = index
        elif kind not in ("synopsis", "note"):
            break
    return elements[:cut]


def build_scenes(
    elements: Sequence[Element],
    *,
    file: str,
    title_page: dict[str, str] | None = None,
    source_lines: Sequence[str] | None = None,
) -> list[Scene]:
    """Group elements into scenes (a scene starts at each heading); elements before the first
    heading belong to no scene.

    Args:
        elements: what a reader produced, paginated (`paginate`) or with real pages.
        file: the file name recorded on each scene.
        title_page: the script's title page (unused for now; readers pass it for symmetry).
        source_lines: the source text by line (1-based lines index it from 1); `Scene.lines` quotes it.
    """
    del title_page  # accepted so every reader calls build_scenes the same way
    starts = [i for i, element in enumerate(elements) if element.type == "scene_heading"]
    if not starts:
        return []
    groups = [
        _trim_lead_in(list(elements[start : (starts[k + 1] if k + 1 < len(starts) else len(elements))]))
        for k, start in enumerate(starts)
    ]
    headings = [group[0] for group in groups]
    parts = [parse_heading(h.text) for h in headings]
    numbers = _number_scenes([h.scene_number or p.scene_number for h, p in zip(headings, parts, strict=True)])

    speaking_by_scene: list[list[str]] = []
    for group in groups:
        speakers = [e.character for e in group if e.type == "character" and e.character]
        speaking_by_scene.append(list(dict.fromkeys(speakers)))
    all_speakers = list(dict.fromkeys(name for names in speaking_by_scene for name in names))
    by_key = {name.upper(): name for name in all_speakers}
    for name in all_speakers:
        if CJK.search(name):
            latin_part = " ".join(w for w in name.split() if not CJK.search(w))
            if len(latin_part) >= 2:
                by_key.setdefault(latin_part.upper(), name)
    latin_pattern, cjk_names = _name_pattern(all_speakers)

    scenes: list[Scene] = []
    previous_time: TimeOfDay | None = None
    for index, (group, heading, part) in enumerate(zip(groups, headings, parts, strict=True)):
        time_of_day = part.time_of_day
        if time_of_day is None and part.inherits_time:
            time_of_day = previous_time
        previous_time = time_of_day or previous_time
        action = "\n".join(e.text for e in group if e.type in ("action", "centered"))
        speaking = speaking_by_scene[index]
        silent = [
            n
            for n in _mentioned(without_quotations(action), latin_pattern, cjk_names, by_key)
            if n not in speaking
        ]
        line_start = heading.line
        line_end = max(e.end_line for e in group)
        if heading.length_eighths is not None:
            eighths = max(1, heading.length_eighths)
        else:
            eighths = eighths_for_lines(sum(e.print_lines for e in group))
        page = heading.page
        if heading.page_label and heading.page_label.isdigit() and len(heading.page_label) <= 9:
            page = int(heading.page_label)
        page_end = max(page, max(e.page for e in group))
        synopsis = next((e.text for e in group if e.type == "synopsis"), None)
        if source_lines is not None:
            # model_construct: thousands of lines per script, all already valid ints and strs.
            lines = [
                ScriptLine.model_construct(line=n, text=source_lines[n - 1])
                for n in range(line_start, min(line_end, len(source_lines)) + 1)
            ]
        else:
            lines = [
                ScriptLine.model_construct(line=e.line + offset, text=text)
                for e in group
                for offset, text in enumerate(e.text.split("\n"))
            ]
        scenes.append(
            Scene(
                number=numbers[index],
                index=index,
                heading=heading.text,
                int_ext=part.int_ext,
                location=part.location,
                time_of_day=time_of_day,
                time_raw=part.time_raw,
                characters=speaking,
                non_speaking=silent,
                voice_only=_voice_only(group),
                omitted=is_omitted_heading(heading.text)
                or (not speaking and action.strip().upper().strip(".") in ("OMITTED", "OMIT")),
                page=page,
                page_end=page_end,
                eighths=eighths,
                line_start=line_start,
                line_end=line_end,
                file=file,
                synopsis=synopsis,
                lines=lines,
                elements=group,
            )
        )
    return scenes


def page_count(elements: Sequence[Element]) -> int:
    """Pages the script takes: the page of its last element (at least 1)."""
    return max((e.page for e in elements), default=1)
