"""Fountain screenplays (https://fountain.io/syntax), with Chinese headings, cues and transitions.

What the reader keeps, and where it departs from other parsers on purpose:
- `Element.text` keeps emphasis markup (`*italic*`, `**bold**`, `_underline_`) and escapes as
  written, as Jouvence and screenplay-tools do: the text is quoted back to crews and searched,
  and `strip_emphasis` gives the plain form when needed. Forcing marks (`!`, `@`, `.`, `>`, `~`),
  scene numbers `#12A#`, notes and boneyard are removed from the text.
- Character elements keep the cue as written (`MOM (O. S.)`); `character` holds the normalised
  name (`MOM`) and `extension` the raw extensions (`O. S.`).
- Each action paragraph (text between blank lines) is its own element, so every element has
  exact source lines; other parsers merge consecutive action paragraphs.
- Boneyard `/* */` (nested too) counts as blank lines, so `CUT TO:` + boneyard + heading keeps both
  the transition and the heading (screenplain's reading).
- Notes `[[ ]]` (inline or over several lines, but not across an empty line) are taken out of the
  text they sit in and become `note` elements of their own.
- A whitespace-only line of two or more spaces inside dialogue keeps the speech going, as a
  blank line of dialogue; elsewhere it separates paragraphs like an empty line.
- Chinese has no upper case, so a short line (at most 12 CJK characters plus an extension in `()`
  or `（）`) that starts a paragraph, is followed by a non-blank line and has no sentence
  punctuation is a character cue. Lines like `切至：`, `轉場：`, `淡出。` alone in a paragraph are
  transitions.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field

from knowledge.headings import CJK, is_heading
from knowledge.scenes import build_scenes, paginate, parse_cue
from knowledge.screenplay import Element, ElementType, Screenplay

_NOTE_MARK = "\ue000"  # stands for a newline swallowed by a note, so line numbers stay exact
_NOTE = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)
_BONEYARD_TOKEN = re.compile(r"/\*|\*/")
_TITLE_KEY = re.compile(r"^([^\s:：!@.#=>~\[][^:：]{0,40}?)[ \t]*[:：][ \t]*(.*)$")
_PAGE_BREAK = re.compile(r"^={3,}$")
_SCENE_NUMBER = re.compile(r"\s*#([\w.\-]+)#\s*$")
_SENTENCE_PUNCTUATION = re.compile(r"[。！？…，、；：「」『』“”!?]")
_CUE_EXTENSIONS = re.compile(r"(\s*[(（][^()（）]*[)）])+\s*$")
_TRANSITION_WORDS = re.compile(
    r"^(淡入|淡出|切至|切到|切換至|切换至|切入|轉場|转场|轉至|转至|溶至|溶入|溶出|疊化|叠化|划至|劃至|"
    r"跳切|黑場|黑场|閃回|闪回|閃回結束|闪回结束|回到現在|回到现在)[：:。.]?$"
)
_CJK_TRANSITION = re.compile(r"^[^\s，。！？：:]{1,8}[至到][：:]$")
_EMPHASIS = re.compile(r"(?<!\\)(\*{1,3}|_)(?=\S)(.+?)(?<=\S)(?<!\\)\1")


def strip_emphasis(text: str) -> str:
    """`**bold** and _under_` → `bold and under`; escaped `\\*` → `*`."""
    previous = None
    while previous != text:
        previous = text
        text = _EMPHASIS.sub(r"\2", text)
    return text.replace("\\*", "*").replace("\\_", "_")


@dataclass(slots=True)
class _Line:
    number: int  # first source line
    end: int  # last source line (a note can swallow several)
    text: str


@dataclass(slots=True)
class FountainDocument:
    """What the Fountain reader found: title page, elements, the source split into lines."""

    title_page: dict[str, str] = field(default_factory=dict)
    elements: list[Element] = field(default_factory=list)
    source_lines: list[str] = field(default_factory=list)


def _remove_boneyard(text: str) -> str:
    """Blank out `/* ... */` (nested too), keeping newlines so line numbers stay exact."""
    if "/*" not in text:
        return text
    out: list[str] = []
    depth = 0
    start = 0
    position = 0
    for token in _BONEYARD_TOKEN.finditer(text):
        if token.group() == "/*":
            if depth == 0:
                out.append(text[position : token.start()])
                start = token.start()
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                out.append("\n" * text.count("\n", start, token.end()))
                position = token.end()
    if depth > 0:  # an unclosed boneyard is text, not a reason to drop the rest of the script
        out.append(text[start:])
    else:
        out.append(text[position:])
    return "".join(out)


def _remove_notes(text: str) -> tuple[str, list[Element]]:
    """Take `[[notes]]` out of the text; return the text and one note element per note."""
    if "[[" not in text:
        return text, []
    notes: list[Element] = []
    pieces: list[str] = []
    position = 0
    line = 1
    counted = 0
    for match in _NOTE.finditer(text):
        body = match.group(1)
        if re.search(r"\n[ \t]?\n", body) or "[[" in body:
            continue  # a note cannot cross an empty line; leave it as text
        line += text.count("\n", counted, match.start())
        counted = match.start()
        newlines = body.count("\n")
        notes.append(Element(type="note", text=body.strip(), line=line, end_line=line + newlines))
        pieces.append(text[position : match.start()])
        pieces.append(_NOTE_MARK * newlines)
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces), notes


def _logical_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    number = 1
    for raw in text.split("\n"):
        if _NOTE_MARK in raw:
            extra = raw.count(_NOTE_MARK)
            lines.append(_Line(number, number + extra, raw.replace(_NOTE_MARK, "")))
            number += extra + 1
        else:
            lines.append(_Line(number, number, raw))
            number += 1
    return lines


def _is_blank(text: str) -> bool:
    return not text.strip()


def _is_soft_blank(text: str) -> bool:
    """Two or more spaces alone on a line: a blank line that belongs to the dialogue."""
    return len(text) >= 2 and not text.strip() and "\t" not in text


def _title_page(lines: list[_Line]) -> tuple[dict[str, str], int]:
    """The title page at the top (after blank lines) and the index of the first body line."""
    start = 0
    while start < len(lines) and _is_blank(lines[start].text):
        start += 1
    if start >= len(lines):
        return {}, 0
    first = _TITLE_KEY.match(lines[start].text)
    if not first or is_heading(lines[start].text.strip()):
        return {}, 0
    values: dict[str, list[str]] = {}
    key: str | None = None
    index = start
    while index < len(lines):
        text = lines[index].text
        if _is_blank(text):
            break
        if key is not None and (text.startswith(("\t", "   "))):
            values[key].append(text.strip())
            index += 1
            continue
        match = _TITLE_KEY.match(text)
        if not match:
            break
        key = match.group(1).strip()
        key = key if CJK.search(key) else key.lower()
        values.setdefault(key, [])
        if match.group(2).strip():
            values[key].append(match.group(2).strip())
        index += 1
    title = {k: "\n".join(v) for k, v in values.items()}
    if not any(title.values()):
        # `CUT TO:` or `FADE IN:` alone at the top is a transition, not an empty title page.
        return {}, 0
    return title, index


def _cue_parts(text: str) -> tuple[str, bool] | None:
    """(cue without the dual mark, dual) when `text` (stripped) can be a character cue."""
    forced = text.startswith("@")
    dual = text.endswith("^")
    cue = text[:-1].rstrip() if dual else text
    if forced:
        return (cue[1:].strip(), dual) if cue[1:].strip() else None
    name = _CUE_EXTENSIONS.sub("", cue).strip()
    if not name or "^" in name:
        return None
    if CJK.search(name):
        # Chinese (and Japanese) names: short, no sentence punctuation, not a heading or transition.
        if len(name.replace(" ", "")) > 12 or _SENTENCE_PUNCTUATION.search(name):
            return None
        if is_heading(cue) or _TRANSITION_WORDS.match(cue) or _CJK_TRANSITION.match(cue):
            return None
        return cue, dual
    # Upper case (extensions may be lower case: `HANS (on the radio)`), starting with a letter.
    if not name[0].isalpha() or name != name.upper() or not any(c.isupper() for c in name):
        return None
    if name.endswith(":") or is_heading(cue):
        return None
    return cue, dual


def _is_transition(text: str) -> bool:
    """`CUT TO:` (upper case, ending in TO:) or a Chinese transition line (`切至：`, `淡出。`)."""
    if text.endswith("TO:") and text == text.upper() and any(c.isalpha() for c in text):
        return True
    return bool(_TRANSITION_WORDS.match(text) or (CJK.search(text) and _CJK_TRANSITION.match(text)))


class _Parser:
    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.elements: list[Element] = []

    def emit(self, kind: ElementType, text: str, first: _Line, last: _Line, **extra: object) -> Element:
        element = Element(type=kind, text=text, line=first.number, end_line=last.end)
        for key, value in extra.items():
            setattr(element, key, value)
        self.elements.append(element)
        return element

    def parse(self, start: int) -> list[Element]:
        lines = self.lines
        index = start
        while index < len(lines):
            if _is_blank(lines[index].text):
                index += 1
                continue
            end = index
            while end < len(lines) and not _is_blank(lines[end].text):
                end += 1
            index = self.paragraph(index, end)
        return self.elements

    def paragraph(self, start: int, end: int) -> int:
        """Parse lines[start:end] (a paragraph); return where the next paragraph search starts."""
        lines = self.lines
        k = start
        at_start = True  # after a blank line, a heading, a section or a synopsis
        while k < end:
            line = lines[k]
            text = line.text.strip()
            if _PAGE_BREAK.match(text):
                self.emit("page_break", "", line, line)
                k, at_start = k + 1, True
                continue
            if text.startswith("#"):
                level = len(text) - len(text.lstrip("#"))
                self.emit("section", text[level:].strip(), line, line, level=level)
                k, at_start = k + 1, True
                continue
            if text.startswith("=") and not text.startswith("==="):
                self.emit("synopsis", text[1:].strip(), line, line)
                k, at_start = k + 1, True
                continue
            if at_start:
                if (text.startswith(".") and len(text) > 1 and text[1] not in ". ") or (
                    not text.startswith("!") and is_heading(text)
                ):
                    self.heading(line, text)
                    k, at_start = k + 1, True
                    continue
                alone = k == end - 1
                if text.startswith(">") and not text.endswith("<"):
                    self.emit("transition", text[1:].strip(), line, line, forced=True)
                    k, at_start = k + 1, True
                    continue
                if alone and _is_transition(text):
                    self.emit("transition", text, line, line)
                    k, at_start = k + 1, True
                    continue
                if k + 1 < end and not text.startswith("!"):
                    cue = _cue_parts(text)
                    if cue is not None and not is_heading(lines[k + 1].text.strip()):
                        return self.dialogue(k, end, cue[0], cue[1], forced=text.startswith("@"))
            k = self.action(k, end)
            at_start = False
        return end

    def heading(self, line: _Line, text: str) -> None:
        forced = text.startswith(".") and not is_heading(text)
        if forced:
            text = text[1:].strip()
        number = None
        match = _SCENE_NUMBER.search(text)
        if match:
            number, text = match.group(1), text[: match.start()].rstrip()
        self.emit("scene_heading", text, line, line, forced=forced, scene_number=number)

    def action(self, k: int, end: int) -> int:
        """Action lines from k until a line that is something else (centred, lyrics, section...)."""
        lines = self.lines
        first = lines[k]
        text = first.text.strip()
        if text.startswith(">") and text.endswith("<"):
            last = k
            texts = [text[1:-1].strip()]
            while last + 1 < end:
                following = lines[last + 1].text.strip()
                if not (following.startswith(">") and following.endswith("<")):
                    break
                last += 1
                texts.append(following[1:-1].strip())
            self.emit("centered", "\n".join(texts), first, lines[last])
            return last + 1
        if text.startswith("~"):
            self.emit("lyrics", text[1:].strip(), first, first)
            return k + 1
        forced = text.startswith("!")
        collected = [first.text.rstrip()]
        if forced:
            collected[0] = collected[0].lstrip()[1:]
        last = k
        while last + 1 < end:
            following = lines[last + 1].text.strip()
            if (
                following.startswith("~")
                or (following.startswith(">") and following.endswith("<"))
                or _PAGE_BREAK.match(following)
                or (following.startswith("#"))
                or (following.startswith("=") and not following.startswith("=="))
            ):
                break
            last += 1
            collected.append(lines[last].text.rstrip())
        self.emit("action", "\n".join(collected), first, lines[last], forced=forced)
        return last + 1

    def dialogue(self, k: int, end: int, cue: str, dual: bool, *, forced: bool) -> int:
        """A cue at lines[k] and its speech; the speech may go on past a two-space line."""
        lines = self.lines
        name, extension = parse_cue(cue)
        cue_element = self.emit(
            "character", cue, lines[k], lines[k], character=name, extension=extension, forced=forced
        )
        block = [cue_element]
        speech: list[str] = []
        speech_first: _Line | None = None
        speech_last: _Line | None = None

        def flush() -> None:
            nonlocal speech, speech_first
            if speech_first is not None and speech_last is not None:
                block.append(
                    self.emit("dialogue", "\n".join(speech), speech_first, speech_last, character=name)
                )
            speech, speech_first = [], None

        j = k + 1
        while True:
            while j < end:
                line = lines[j]
                text = line.text.strip()
                if text.startswith(("(", "（")):
                    # A parenthetical may wrap over a few lines: it ends at the first line ending in ).
                    close = next(
                        (
                            n
                            for n in range(j, min(end, j + 4))
                            if lines[n].text.rstrip().endswith((")", "）"))
                        ),
                        None,
                    )
                    if close is not None:
                        flush()
                        joined = "\n".join(lines[n].text.strip() for n in range(j, close + 1))
                        block.append(self.emit("parenthetical", joined, line, lines[close], character=name))
                        j = close + 1
                        continue
                if text.startswith("~"):
                    flush()
                    block.append(self.emit("lyrics", text[1:].strip(), line, line, character=name))
                    j += 1
                    continue
                if speech_first is None:
                    speech_first = line
                speech.append(text)
                speech_last = line
                j += 1
            # Two spaces alone on the next line, then more text: the speech goes on.
            if j + 1 < len(lines) and _is_soft_blank(lines[j].text) and not _is_blank(lines[j + 1].text):
                if speech_first is not None:
                    speech.append("")
                j += 1
                end = j
                while end < len(lines) and not _is_blank(lines[end].text):
                    end += 1
                continue
            break
        flush()
        if dual:
            self.mark_dual(block)
        return end

    def mark_dual(self, right: list[Element]) -> None:
        """`^` on a cue: this speech is the right column, the speech before it the left."""
        for element in right:
            element.dual = "right"
        start = len(self.elements) - len(right) - 1
        index = start
        while index >= 0 and self.elements[index].type in ("dialogue", "parenthetical", "lyrics"):
            index -= 1
        if index >= 0 and self.elements[index].type == "character":
            for element in self.elements[index : start + 1]:
                element.dual = "left"


def fountain_elements(text: str) -> FountainDocument:
    """Parse Fountain text into title page and elements (pages not yet assigned)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    # The note mark is a private-use code point with no meaning in a script; one already in
    # the text would be counted as a swallowed line, so it goes before the notes come out.
    text = text.replace(_NOTE_MARK, "")
    source_lines = text.split("\n")
    cleaned, notes = _remove_notes(_remove_boneyard(text))
    lines = _logical_lines(cleaned)
    title_page, body_start = _title_page(lines)
    elements = _Parser(lines).parse(body_start)
    if notes:
        # Both lists are in line order: merge, a note after the element that starts on its line.
        elements = list(heapq.merge(elements, notes, key=lambda e: (e.line, e.type == "note")))
    return FountainDocument(title_page=title_page, elements=elements, source_lines=source_lines)


def parse_fountain(text: str, *, file: str = "<text>", encoding: str | None = None) -> Screenplay:
    """A `Screenplay` from Fountain text: elements, pages (line model) and scenes."""
    document = fountain_elements(text)
    pages = paginate(document.elements)
    scenes = build_scenes(
        document.elements, file=file, title_page=document.title_page, source_lines=document.source_lines
    )
    return Screenplay(
        file=file,
        format="fountain",
        encoding=encoding,
        title_page=document.title_page,
        elements=document.elements,
        scenes=scenes,
        pages=pages,
    )
