"""Screenplays as plain text lines: `.txt` files that are not Fountain, and the text that the PDF and
DOCX readers extract. Two layouts are recognised:

- Indented (typewriter, Final Draft text export, PDF): the action starts at the left margin, cues
  about 22 columns in, dialogue about 10, parentheticals about 15, transitions at the right. The
  columns are measured from the text itself (where lines that look like cues sit, and where the
  line after them starts), so any consistent indentation works.
- Flush left: Fountain-like paragraphs (a cue is a short upper-case or Chinese line after a
  blank line with the speech right under it), and the `角色：對白` form of Hong Kong and mainland
  Word scripts (`阿輝：我哋走啦。`, `阿美：（細聲）唔好咁大聲。`, `JOHN: Hello.`).

Headings are read relaxed (`knowledge.headings.is_heading(relaxed=True)`): scene numbers such as
`12.`, `第12場` and `1. 咖啡館 日 內` are accepted.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.headings import CJK, is_heading, split_scene_number
from knowledge.scenes import build_scenes, paginate, parse_cue
from knowledge.screenplay import Element, ElementType, Screenplay
from knowledge.vocabulary import join_wrapped

_EXTENSIONS = re.compile(r"(\s*[(（][^()（）]*[)）])+\s*$")
_SENTENCE_PUNCTUATION = re.compile(r"[。！？…，、；「」『』“”!?]")
_TRANSITION = re.compile(
    r"^(?:[A-Z][A-Z .'’\-]*TO:|FADE IN:|FADE OUT\.?|FADE TO BLACK\.?|CUT TO BLACK\.?|SMASH CUT:|THE END\.?|"
    r"淡入|淡出|切至|切到|切入|轉場|转场|溶至|疊化|叠化|划至|劃至|跳切|黑場|黑场|閃回|闪回|[^\s，。！？：:]{1,8}[至到])[：:。.]?$"
)
_INLINE = re.compile(
    r"^(?P<name>[^\s:：，。！？、「」()（）0-9][^:：，。！？、「」()（）]{0,11}?|[A-Z][A-Z0-9 .'’\-]{0,30}?)\s*"
    r"(?:[(（](?P<ext>[^)）]{1,16})[)）])?\s*[：:]\s*(?P<speech>\S.*)$"
)
# `時間：夜`, `人物：阿輝、阿美`: scene-header fields of Chinese scripts, not speech.
_NOT_SPEAKERS = frozenset(
    {
        *("時間", "时间", "地點", "地点", "人物", "出場人物", "出场人物", "場景", "场景", "場", "场", "景"),
        *("日期", "備註", "备注", "道具", "服裝", "服装", "天氣", "天气", "內容", "内容", "注意", "字幕"),
        *("說明", "说明", "標題", "标题", "作者", "編劇", "编剧", "劇名", "剧名", "集數", "集数", "梗概"),
        *("大綱", "大纲", "NOTE", "TITLE", "SUPER", "INSERT", "CAPTION", "SUBTITLE", "SUBTITLES"),
        *("TIME", "LOCATION", "DATE", "SCENE", "CAST", "PROPS"),
    }
)
_INLINE_PARENTHETICAL = re.compile(r"^([(（][^()（）]{1,30}[)）])\s*(.+)$")


@dataclass(slots=True)
class TextLine:
    """One line of extracted text: its number (in the extracted text), the text, its page."""

    number: int
    text: str
    page: int = 1

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip())

    @property
    def stripped(self) -> str:
        return self.text.strip()


def is_cue_like(text: str) -> bool:
    """A line that can be a character cue: an upper-case name or a short Chinese name, with
    optional extensions in `()` or `（）`."""
    name = _EXTENSIONS.sub("", text).strip().rstrip("^").strip()
    if not name or len(name) > 40:
        return False
    if CJK.search(name):
        return (
            len(name.replace(" ", "")) <= 12
            and not _SENTENCE_PUNCTUATION.search(name)
            and not is_heading(text)
        )
    if not name[0].isalpha() or name != name.upper() or not any(c.isupper() for c in name):
        return False
    return (
        not name.endswith((":", ".")) and not is_heading(text, relaxed=True) and not _TRANSITION.match(name)
    )


def inline_dialogue(text: str) -> tuple[str, str | None, str] | None:
    """`阿輝（細聲）：我哋走啦。` → (`阿輝（細聲）`, `細聲`, `我哋走啦。`); None when not speech."""
    match = _INLINE.match(text.strip())
    if not match:
        return None
    name = match.group("name").strip()
    if (
        name.upper() in _NOT_SPEAKERS
        or name.endswith("TO")
        or (not CJK.search(name) and name != name.upper())
    ):
        return None
    if CJK.search(name) and (_SENTENCE_PUNCTUATION.search(name) or name[-1] in "說说道問问講讲喊叫答話话"):
        return None  # `佢話：` / `他說：` is narration quoting speech, not a cue
    cue = text.strip()[: match.start("speech")].rstrip().rstrip(":：").rstrip()
    return cue, match.group("ext"), match.group("speech").strip()


@dataclass(slots=True)
class _Columns:
    """Where cues and dialogue sit (columns), or None for flush-left text."""

    cue: int
    dialogue: int


def is_indented_layout(lines: Sequence[TextLine]) -> bool:
    """Whether cues and dialogue are set by indentation (typewriter or exported text)."""
    return _columns(lines) is not None


def _columns(lines: Sequence[TextLine]) -> _Columns | None:
    cues: list[int] = []
    speech: list[int] = []
    for index in range(len(lines) - 1):
        line, following = lines[index], lines[index + 1]
        if not line.stripped or not following.stripped or line.page != following.page:
            continue
        dual = _split_dual(line.text)
        if dual is not None and following.indent < line.indent - 3:
            cues.append(line.indent)
            speech.append(following.indent)
            continue
        if following.indent < line.indent - 3 and line.indent >= 8 and is_cue_like(line.stripped):
            if following.stripped.startswith(("(", "（")):
                continue
            cues.append(line.indent)
            speech.append(following.indent)
    if len(cues) < 2 and not (cues and len(lines) < 40):
        return None
    return _Columns(cue=int(statistics.median(cues)), dialogue=int(statistics.median(speech)))


class _Builder:
    def __init__(self) -> None:
        self.elements: list[Element] = []

    def add(self, kind: ElementType, text: str, first: TextLine, last: TextLine, **extra: object) -> Element:
        element = Element(type=kind, text=text, line=first.number, end_line=last.number, page=first.page)
        for key, value in extra.items():
            setattr(element, key, value)
        self.elements.append(element)
        return element

    def extend(self, element: Element, text: str, line: TextLine) -> None:
        # A laid-out script wraps its paragraphs at the column's edge: the break is the layout's, not
        # the writer's, so the pieces join as one paragraph (without a space inside Chinese writing).
        element.text = join_wrapped(element.text, text)
        element.end_line = line.number


def _split_dual(text: str) -> tuple[str, str, int] | None:
    """`STEEL        BRICK` (two cues side by side) → (left, right, column of the right cue)."""
    parts = list(re.finditer(r"\S+(?: \S+)*", text))
    if len(parts) != 2:
        return None
    left, right = parts
    if right.start() - left.end() < 5 or not (is_cue_like(left.group()) and is_cue_like(right.group())):
        return None
    return left.group(), right.group(), right.start()


def layout_elements(lines: Sequence[TextLine]) -> list[Element]:
    """Elements from screenplay text lines (indented or flush left); pages from `TextLine.page`."""
    columns = _columns(lines)
    out = _Builder()
    speaker: str | None = None
    speech: Element | None = None
    previous: Element | None = None  # the element the last non-blank line went into
    interrupted: tuple[str, Element | None] | None = None  # the speech a blank line stopped
    blank_before = True
    index = 0
    while index < len(lines):
        line = lines[index]
        text = line.stripped
        if not text:
            if speaker is not None:
                interrupted = (speaker, speech)
            speaker, speech, previous, blank_before = None, None, None, True
            index += 1
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        next_text = following.stripped if following is not None and following.page == line.page else ""
        if (
            interrupted is not None
            and columns is not None
            and abs(line.indent - columns.dialogue) <= 3
            and not (is_cue_like(text) and next_text)
        ):
            # Back at the dialogue column after a blank line: the same speech goes on.
            speaker, speech = interrupted
            if speech is not None:
                speech.text += "\n"
        interrupted = None

        if speaker is not None and columns is not None and line.indent <= columns.dialogue - 5:
            speaker, speech = None, None  # back at the action margin: the speech is over
        if speaker is not None:
            if text.startswith(("(", "（")):
                close = index
                while (
                    not lines[close].stripped.endswith((")", "）"))
                    and close + 1 < len(lines)
                    and close < index + 3
                ):
                    if not lines[close + 1].stripped:
                        break
                    close += 1
                if lines[close].stripped.endswith((")", "）")):
                    joined = " ".join(lines[n].stripped for n in range(index, close + 1))
                    previous = out.add("parenthetical", joined, line, lines[close], character=speaker)
                    speech = None
                    index = close + 1
                    blank_before = False
                    continue
            if speech is None:
                speech = out.add("dialogue", text, line, line, character=speaker)
            else:
                out.extend(speech, text, line)
            previous = speech
            index += 1
            blank_before = False
            continue

        kind: ElementType | None = None
        if is_heading(text, relaxed=True) and (columns is None or line.indent < columns.dialogue):
            kind = "scene_heading"
        elif _is_transition_line(text, line, next_text, columns, blank_before=blank_before):
            kind = "transition"
        if kind == "scene_heading":
            clean, number = split_scene_number(text, relaxed=True)
            if number is not None and is_heading(clean, relaxed=True):
                previous = out.add(kind, clean, line, line, scene_number=number)
            else:
                previous = out.add(kind, text, line, line)
            if (
                columns is not None
                and following is not None
                and _heading_wraps(line, following, lines, index)
            ):
                # A long heading wrapped onto a second line of the page.
                previous.text += " " + following.stripped
                previous.end_line = following.number
                index += 1
            index += 1
            blank_before = True  # a cue may follow a heading directly
            continue
        if kind is not None:
            previous = out.add(kind, text, line, line)
            index += 1
            blank_before = kind == "scene_heading"  # a cue may follow a heading directly
            continue

        dual = _split_dual(line.text) if columns is not None and next_text else None
        if dual is not None:
            index = _dual_block(out, lines, index, dual)
            speaker, speech, previous, blank_before = None, None, None, True
            continue

        cue_position = (
            columns is not None and abs(line.indent - columns.cue) <= 8 and line.indent > columns.dialogue
        )
        cue_context = cue_position if columns is not None else blank_before
        speech_position = (
            columns is None
            or following is None
            or abs(following.indent - columns.dialogue) <= 4
            or next_text.startswith(("(", "（"))
        )
        if (
            cue_context
            and next_text
            and speech_position
            and is_cue_like(text)
            and not is_heading(next_text, relaxed=True)
            and inline_dialogue(next_text) is None
        ):
            name, extension = parse_cue(text)
            previous = out.add("character", text, line, line, character=name, extension=extension)
            speaker, speech = name, None
            index += 1
            blank_before = False
            continue

        inline = inline_dialogue(text)
        if inline is not None:
            cue, _extension, spoken = inline
            name, extension = parse_cue(cue)
            out.add("character", cue, line, line, character=name, extension=extension)
            paren = _INLINE_PARENTHETICAL.match(spoken)
            if paren:
                out.add("parenthetical", paren.group(1), line, line, character=name)
                spoken = paren.group(2)
            previous = out.add("dialogue", spoken, line, line, character=name)
            index += 1
            blank_before = False
            continue

        if columns is not None and line.indent >= columns.dialogue + 8 and blank_before and not next_text:
            previous = out.add("centered", text, line, line)
        elif previous is not None and previous.type == "action" and not blank_before:
            out.extend(previous, line.text.rstrip() if columns is None else text, line)
        else:
            previous = out.add("action", text, line, line)
        index += 1
        blank_before = False
    return out.elements


def _is_transition_line(
    text: str, line: TextLine, next_text: str, columns: _Columns | None, *, blank_before: bool
) -> bool:
    """`CUT TO:`, `切至：` where a transition can stand, or short text at the right margin."""
    if _TRANSITION.match(text) and (
        blank_before
        or not next_text
        or CJK.search(text)
        or is_heading(next_text, relaxed=True)
        or (columns is not None and line.indent > columns.cue)
    ):
        return True
    return (
        columns is not None
        and line.indent > columns.cue + 12
        and len(text) < 30
        and text.endswith((":", "."))
    )


def _heading_wraps(line: TextLine, following: TextLine, lines: Sequence[TextLine], index: int) -> bool:
    text = following.stripped
    after = lines[index + 2].stripped if index + 2 < len(lines) else ""
    return (
        bool(text)
        and following.page == line.page
        and abs(following.indent - line.indent) <= 2
        and not after
        and not CJK.search(text)
        and text == text.upper()
        and any(c.isalpha() for c in text)
        and not is_heading(text, relaxed=True)
    )


def _dual_block(out: _Builder, lines: Sequence[TextLine], index: int, dual: tuple[str, str, int]) -> int:
    """Two speeches side by side: split each line at the right column's start."""
    left_cue, right_cue, right_column = dual
    first = lines[index]
    left_name, left_ext = parse_cue(left_cue)
    right_name, right_ext = parse_cue(right_cue)
    left_lines: list[str] = []
    right_lines: list[str] = []
    split_at = right_column - 12
    last = first
    position = index + 1
    while position < len(lines) and lines[position].stripped and lines[position].page == first.page:
        row = lines[position].text
        for match in re.finditer(r"\S+(?: \S+)*", row):
            (right_lines if match.start() >= split_at else left_lines).append(match.group())
        last = lines[position]
        position += 1
    out.add("character", left_cue, first, first, character=left_name, extension=left_ext, dual="left")
    _speech(out, left_lines, left_name, first, last, "left")
    out.add("character", right_cue, first, first, character=right_name, extension=right_ext, dual="right")
    _speech(out, right_lines, right_name, first, last, "right")
    return position


def _speech(out: _Builder, texts: list[str], name: str, first: TextLine, last: TextLine, side: str) -> None:
    spoken: list[str] = []
    for text in texts:
        if text.startswith(("(", "（")) and text.endswith((")", "）")):
            if spoken:
                out.add("dialogue", _joined(spoken), first, last, character=name, dual=side)
                spoken = []
            out.add("parenthetical", text, first, last, character=name, dual=side)
        else:
            spoken.append(text)
    if spoken:
        out.add("dialogue", _joined(spoken), first, last, character=name, dual=side)


def _joined(pieces: list[str]) -> str:
    text = ""
    for piece in pieces:
        text = join_wrapped(text, piece)
    return text


def text_lines(text: str) -> list[TextLine]:
    """Numbered lines of a text (tabs expanded to 4 columns, line ends normalised)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return [
        TextLine(number, raw.expandtabs(4).rstrip()) for number, raw in enumerate(text.split("\n"), start=1)
    ]


def parse_plaintext(text: str, *, file: str = "<text>", encoding: str | None = None) -> Screenplay:
    """A `Screenplay` from a plain-text script that is not Fountain (see the module docstring)."""
    lines = text_lines(text)
    elements = layout_elements(lines)
    pages = paginate(elements)
    source = [line.text for line in lines]
    scenes = build_scenes(elements, file=file, source_lines=source)
    return Screenplay(
        file=file, format="txt", encoding=encoding, elements=elements, scenes=scenes, pages=pages
    )
