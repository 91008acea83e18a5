"""Cut documents into chunks for retrieval: by meaning first, then by size in tokens.

Meaning: a screenplay scene (a long one is split between dialogue exchanges), a notes section, a
list row, a plan key, a window of consecutive subtitle cues (~25 s). Size: no chunk is longer than
`max_tokens` cl100k tokens (settings.chunk_tokens), except a single character that cannot be cut.

A chunk's id is a hash of the project, the file name, its metadata identity (doc type, scene,
section) and its text — not its position — so re-ingesting a file whose scene 12 is unchanged
keeps scene 12's id and its stored vector, and only changed text is embedded again. Identical
text occurring twice in one file gets its occurrence number in the hash so ids stay unique.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from knowledge.citations import DocType, SearchHit
from knowledge.tokens import count_tokens, split_tokens

if TYPE_CHECKING:
    from knowledge.documents import Block, Document
    from knowledge.screenplay import Element, Scene, Screenplay
    from knowledge.subtitle_file import SubtitleDocument

# Subtitle windows: consecutive cues spanning at most this long, cut earlier at a long silence.
SUBTITLE_WINDOW_MS = 25_000
SUBTITLE_GAP_MS = 6_000
# A long scene is cut before an action paragraph (the end of an exchange) once the chunk holds this
# share of the budget, rather than in the middle of a back-and-forth.
EXCHANGE_CUT_SHARE = 0.6
# A chunk that fills up mid-exchange is cut at that exchange's start instead, if the part left
# behind holds at least this share of the budget.
MIN_CUT_SHARE = 0.3


@dataclass(slots=True)
class Chunk:
    """A passage to index, with everything needed to cite it."""

    text: str
    project: str
    file: str
    doc_type: DocType
    id: str = ""
    scene: str | None = None
    characters: list[str] = field(default_factory=list)
    location: str | None = None
    time_of_day: str | None = None
    int_ext: str | None = None
    page: int | None = None
    line_start: int | None = None
    line_end: int | None = None
    start: str | None = None
    end: str | None = None
    section: str | None = None

    def stored_metadata(self) -> dict[str, Any]:
        """`metadata()` as stored: without None values and empty lists (Chroma refuses both)."""
        return {k: v for k, v in self.metadata().items() if v is not None and v != []}

    def metadata(self) -> dict[str, Any]:
        """Every metadata field: scalars or None, and `characters` as a list (Chroma 1.x array
        metadata, so `{"characters": {"$contains": "阿美"}}` filters work)."""
        return {
            "project": self.project,
            "file": self.file,
            "doc_type": self.doc_type,
            "scene": self.scene,
            "characters": list(self.characters),
            "location": self.location,
            "time_of_day": self.time_of_day,
            "int_ext": self.int_ext,
            "page": self.page,
            "line_start": self.line_start,
            "line_end": self.line_end,
            "start": self.start,
            "end": self.end,
            "section": self.section,
        }

    @classmethod
    def from_metadata(cls, ident: str, text: str, metadata: dict[str, Any]) -> Chunk:
        """A chunk back from the store (or the keyword index)."""
        chars = metadata.get("characters") or []
        if isinstance(chars, str):  # tolerate a delimited string ("|AH FAI|MEI|")
            chars = [c for c in chars.split("|") if c]
        return cls(
            text=text,
            project=str(metadata.get("project", "")),
            file=str(metadata.get("file", "")),
            doc_type=metadata.get("doc_type", "other"),
            id=ident,
            scene=metadata.get("scene"),
            characters=list(chars),
            location=metadata.get("location"),
            time_of_day=metadata.get("time_of_day"),
            int_ext=metadata.get("int_ext"),
            page=metadata.get("page"),
            line_start=metadata.get("line_start"),
            line_end=metadata.get("line_end"),
            start=metadata.get("start"),
            end=metadata.get("end"),
            section=metadata.get("section"),
        )

    def to_hit(self, score: float) -> SearchHit:
        """This chunk as a cited search result."""
        lines = None
        if self.line_start is not None:
            lines = (self.line_start, self.line_end if self.line_end is not None else self.line_start)
        return SearchHit(
            file=self.file,
            doc_type=self.doc_type,
            scene=self.scene,
            page=self.page,
            lines=lines,
            start=self.start,
            end=self.end,
            section=self.section,
            text=self.text,
            score=round(score, 6),
            chunk_id=self.id,
            characters=list(self.characters),
            location=self.location,
            time_of_day=self.time_of_day,
        )


def chunk_id(project: str, chunk: Chunk, occurrence: int) -> str:
    """Content-derived id (see the module docstring)."""
    key = "\x1f".join(
        [
            project,
            chunk.file,
            chunk.doc_type,
            chunk.scene or "",
            chunk.section or "",
            chunk.text,
            str(occurrence),
        ]
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def assign_ids(chunks: list[Chunk]) -> list[Chunk]:
    """Give each chunk its content id (numbering repeats of identical text within the file)."""
    seen: dict[tuple[str, str | None, str | None, str], int] = {}
    for chunk in chunks:
        key = (chunk.file, chunk.scene, chunk.section, chunk.text)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        chunk.id = chunk_id(chunk.project, chunk, occurrence)
    return chunks


# --- packing blocks by size ------------------------------------------------------------------------


@dataclass(slots=True)
class _Piece:
    """A unit that should not be cut unless it alone is too big: a paragraph, a dialogue block."""

    text: str
    line_start: int | None
    line_end: int | None
    page: int | None
    exchange_start: bool = False  # an action paragraph: a natural place to cut a scene
    tokens: int = 0


def _fit(pieces: Iterable[_Piece], budget: int) -> list[_Piece]:
    """Pieces over budget cut by tokens (same line span: the source gives no finer position)."""
    out: list[_Piece] = []
    for piece in pieces:
        piece.tokens = count_tokens(piece.text)
        if piece.tokens <= budget:
            out.append(piece)
            continue
        for index, part in enumerate(split_tokens(piece.text, budget)):
            if part.strip():
                out.append(
                    _Piece(
                        part.strip(),
                        piece.line_start,
                        piece.line_end,
                        piece.page,
                        piece.exchange_start and index == 0,
                        count_tokens(part),
                    )
                )
    return out


def _pack(
    pieces: Sequence[_Piece], header: str, max_tokens: int, *, continued: str | None = None
) -> list[list[_Piece]]:
    """Group pieces into runs that fit `max_tokens` together with the header line."""
    header_tokens = count_tokens(header) + 1 if header else 0
    continued_tokens = count_tokens(continued) + 1 if continued else header_tokens
    budget = max(16, max_tokens - max(header_tokens, continued_tokens))
    groups: list[list[_Piece]] = []
    current: list[_Piece] = []
    used = 0
    for piece in _fit(pieces, budget):
        cost = piece.tokens + 1  # the joining newline
        at_exchange = piece.exchange_start and used >= EXCHANGE_CUT_SHARE * budget
        if current and used + cost > budget and not at_exchange:
            # Full in the middle of an exchange: move the exchange's start so far to the next
            # chunk, if what stays behind is still a fair share of the budget.
            starts = [i for i, p in enumerate(current) if p.exchange_start and i > 0]
            cut = starts[-1] if starts else 0
            if cut and sum(p.tokens + 1 for p in current[:cut]) >= MIN_CUT_SHARE * budget:
                groups.append(current[:cut])
                current = current[cut:]
                used = sum(p.tokens + 1 for p in current)
        if current and (used + cost > budget or at_exchange):
            groups.append(current)
            current, used = [], 0
        current.append(piece)
        used += cost
    if current:
        groups.append(current)
    return groups


def _span(group: Sequence[_Piece]) -> tuple[int | None, int | None, int | None]:
    starts = [p.line_start for p in group if p.line_start is not None]
    ends = [p.line_end for p in group if p.line_end is not None]
    pages = [p.page for p in group if p.page is not None]
    return (min(starts) if starts else None, max(ends) if ends else None, pages[0] if pages else None)


# --- screenplays -------------------------------------------------------------------------------------


def _scene_pieces(scene: Scene) -> list[_Piece]:
    """A scene as readable blocks: action paragraphs, and each speech as `NAME (ext): (paren) line`."""
    if not scene.elements:
        # Readers that give no elements still give numbered source lines.
        lines = [ln for ln in scene.lines[1:] if ln.text.strip()]
        return [_Piece(ln.text.strip(), ln.line, ln.line, scene.page) for ln in lines]
    pieces: list[_Piece] = []
    speech: list[Element] = []

    def flush_speech() -> None:
        if not speech:
            return
        cue = speech[0]
        name = (cue.character or cue.text).strip()
        if cue.type == "character" and cue.extension:
            name = f"{name} ({cue.extension})"
        words = [
            e.text.strip()
            for e in speech
            if e.type in ("parenthetical", "dialogue", "lyrics") and e.text.strip()
        ]
        text = f"{name}: " + " ".join(
            " ".join(w.split()) if w.isascii() else w.replace("\n", " ") for w in words
        )
        pieces.append(_Piece(text.strip(), speech[0].line, speech[-1].end_line, speech[0].page))
        speech.clear()

    for element in scene.elements:
        kind = element.type
        if kind == "scene_heading" or kind == "page_break":
            continue
        if kind == "character":
            flush_speech()
            speech.append(element)
            continue
        if kind in ("parenthetical", "dialogue") and speech:
            speech.append(element)
            continue
        flush_speech()
        text = element.text.strip()
        if not text:
            continue
        if kind == "note":
            text = f"[Note: {text}]"
        elif kind == "synopsis":
            text = f"Synopsis: {text}"
        pieces.append(
            _Piece(text, element.line, element.end_line, element.page, exchange_start=kind == "action")
        )
    flush_speech()
    return pieces


def scene_header(scene: Scene) -> str:
    """The line every chunk of a scene starts with: number and heading."""
    return f"Scene {scene.number}: {scene.heading.strip()}"


def chunk_screenplay(screenplay: Screenplay, *, project: str, file: str, max_tokens: int) -> list[Chunk]:
    """One chunk per scene; a scene longer than `max_tokens` is split between exchanges, each part
    starting with the scene's heading so it reads (and embeds) in context."""
    chunks: list[Chunk] = []
    if screenplay.title_page:
        lines = [
            f"{k}: {' '.join(str(v).split())}" for k, v in screenplay.title_page.items() if str(v).strip()
        ]
        if lines:
            chunks.append(
                Chunk(
                    "Title page\n" + "\n".join(lines),
                    project,
                    file,
                    "screenplay",
                    section="Title page",
                    page=1,
                )
            )
    for scene in screenplay.scenes:
        header = scene_header(scene)
        characters = list(dict.fromkeys([*scene.characters, *scene.non_speaking]))
        groups = _pack(_scene_pieces(scene), header, max_tokens, continued=header + " (cont.)")
        for index, group in enumerate(groups or [[]]):
            first, last, page = _span(group)
            head = header if index == 0 else header + " (cont.)"
            body = "\n".join(p.text for p in group)
            chunks.append(
                Chunk(
                    f"{head}\n{body}".strip(),
                    project,
                    file,
                    "screenplay",
                    scene=scene.number,
                    characters=characters,
                    location=scene.location or None,
                    time_of_day=scene.time_of_day,
                    int_ext=scene.int_ext,
                    page=page if page is not None else scene.page,
                    line_start=scene.line_start if index == 0 else first,
                    line_end=last if last is not None else scene.line_end,
                    section=None,
                )
            )
    return assign_ids(chunks)


# --- notes, reports, lists, plans -------------------------------------------------------------------


def chunk_document(document: Document, *, project: str, max_tokens: int) -> list[Chunk]:
    """One chunk per section where it fits, else consecutive runs of its paragraphs.

    A chunk starts with its section's heading path in brackets (`[天台 ROOFTOP › Power]`, without
    a document title every section shares) when it is a continuation or the section is nested, so
    a short passage ("No power on the roof") still says what it is about, to BM25 and the embedder."""
    chunks: list[Chunk] = []
    by_page = document.path.suffix.lower() == ".pdf"
    shared = _shared_title(document)
    for section in document.sections:
        pieces = [_piece(block) for block in section.blocks if block.text.strip()]
        # The document's own title (an H1 every section sits under) would only repeat itself.
        label = section.title or ""
        if shared and (label == shared or label.startswith(shared + " › ")):
            label = label[len(shared) + 3 :]
        context = None if by_page or not label else f"[{label}]"
        nested = " › " in label
        groups = _pack(pieces, context or "", max_tokens, continued=context)
        # A heading too big to share a chunk with the long block after it would be a chunk of its own
        # ("## Budget 預算" and nothing else: found by "budget", answering nothing): it goes with the
        # block it heads (a few tokens over the budget).
        for k in range(len(groups) - 2, -1, -1):
            if all(_MD_HEADING.match(p.text) for p in groups[k]):
                groups[k + 1] = groups[k] + groups[k + 1]
                del groups[k]
        for index, group in enumerate(groups):
            first, last, page = _span(group)
            body = "\n\n".join(p.text for p in group)
            if context and (index or nested):
                body = f"{context}\n{body}"
            chunks.append(
                Chunk(
                    body,
                    project,
                    document.name,
                    document.doc_type,
                    characters=list(section.characters),
                    location=section.location,
                    page=page,
                    line_start=first,
                    line_end=last,
                    section=section.title,
                )
            )
    return assign_ids(chunks)


_MD_HEADING = re.compile(r"^#{1,6}\s")


def _shared_title(document: Document) -> str | None:
    """The first heading-path component every titled section shares (a document title), if any."""
    titles = [s.title for s in document.sections if s.title]
    if len(titles) < 2:
        return None
    first = titles[0].split(" › ")[0]
    return first if all(t == first or t.startswith(first + " › ") for t in titles) else None


def _piece(block: Block) -> _Piece:
    return _Piece(block.text.strip(), block.line_start, block.line_end, block.page)


# --- subtitles ---------------------------------------------------------------------------------------

_TAGS = re.compile(r"\{\\[^}]*\}|</?[a-zA-Z][^>]*>")


@dataclass(slots=True)
class _CueLine:
    index: int
    start_ms: int
    end_ms: int
    text: str
    line: int | None


def chunk_subtitles(
    document: SubtitleDocument,
    *,
    project: str,
    file: str,
    max_tokens: int,
    window_ms: int = SUBTITLE_WINDOW_MS,
) -> list[Chunk]:
    """Windows of consecutive cues (at most `window_ms` long, cut at silences over 6 s), each
    cited by the first cue's start and the last cue's end timecode. A cue's line breaks (Chinese
    over English) become ` / `."""
    from knowledge.subtitle_file import format_timecode

    chunks: list[Chunk] = []
    window: list[_CueLine] = []
    used = 0

    def flush() -> None:
        if not window:
            return
        numbers = [c.line for c in window if c.line is not None]
        first, last = window[0].index, window[-1].index
        chunks.append(
            Chunk(
                "\n".join(c.text for c in window),
                project,
                file,
                "subtitles",
                start=format_timecode(window[0].start_ms),
                end=format_timecode(max(c.end_ms for c in window)),
                line_start=min(numbers) if numbers else None,
                line_end=max(numbers) if numbers else None,
                section=f"Cue {first}" if first == last else f"Cues {first}–{last}",
            )
        )
        window.clear()

    for cue in document.cues:
        text = " / ".join(part.strip() for part in _TAGS.sub("", cue.text).splitlines() if part.strip())
        if not text:
            continue
        tokens = count_tokens(text) + 1
        if window and (
            cue.end_ms - window[0].start_ms > window_ms
            or cue.start_ms - window[-1].end_ms > SUBTITLE_GAP_MS
            or used + tokens > max_tokens
        ):
            flush()
            used = 0
        window.append(_CueLine(cue.index, cue.start_ms, cue.end_ms, text, cue.line))
        used += tokens
    flush()
    return assign_ids(chunks)
