"""Chunking by meaning (scenes, exchanges, sections, cue windows), then by tokens; content-derived ids."""

from __future__ import annotations

from pathlib import Path

from knowledge.chunking import chunk_document, chunk_screenplay, chunk_subtitles
from knowledge.documents import load_document
from knowledge.loader import load_screenplay
from knowledge.subtitle_file import read_subtitle_file
from knowledge.tokens import count_tokens

SCRIPT = """Title: 夜更 NIGHT SHIFT
Author: 測試

EXT. ROOFTOP - NIGHT #1#

阿輝 looks over the edge. 細強 waits by the water tank.

阿輝
(細聲)
你想點呀？

細強
還錢囉。

INT. 茶餐廳 KAM WAH - NIGHT #2#

阿美 pours 奶茶 for INSPECTOR LAU.

INSPECTOR LAU
Two sugars.
"""


def _script(tmp_path: Path, text: str = SCRIPT) -> Path:
    path = tmp_path / "night.fountain"
    path.write_text(text, encoding="utf-8")
    return path


def test_one_chunk_per_short_scene_with_citation_metadata(tmp_path: Path) -> None:
    screenplay = load_screenplay(_script(tmp_path))
    chunks = chunk_screenplay(screenplay, project="夜更", file="night.fountain", max_tokens=350)
    title, first, second = chunks
    assert title.section == "Title page" and "夜更 NIGHT SHIFT" in title.text
    assert first.scene == "1" and first.time_of_day == "NIGHT" and first.int_ext == "EXT"
    assert first.location == "ROOFTOP" and set(first.characters) >= {"阿輝", "細強"}
    assert first.text.startswith("Scene 1: EXT. ROOFTOP - NIGHT")
    assert "阿輝: (細聲) 你想點呀？" in first.text
    assert (first.line_start, first.line_end) == (4, 13)
    assert second.scene == "2" and second.characters == ["INSPECTOR LAU"]
    meta = second.metadata()
    assert meta["characters"] == ["INSPECTOR LAU"] and meta["file"] == "night.fountain"
    hit = second.to_hit(0.5)
    assert hit.lines == (15, 20) and hit.citation().label().startswith("night.fountain · sc. 2")


def test_long_scene_is_split_between_exchanges_within_the_token_budget(tmp_path: Path) -> None:
    exchanges = []
    for i in range(30):
        exchanges.append(
            f"Rain hammers the tin roof, beat {i}.\n\n阿輝\n第{i}次：我唔會還錢㗎！\n\n細強\n咁你就試吓啦。\n"
        )
    text = "EXT. ROOFTOP - NIGHT #17#\n\n" + "\n".join(exchanges)
    screenplay = load_screenplay(_script(tmp_path, text))
    chunks = chunk_screenplay(screenplay, project="p", file="night.fountain", max_tokens=120)
    assert len(chunks) > 3
    assert all(count_tokens(c.text) <= 120 for c in chunks)
    assert all(c.text.startswith("Scene 17: EXT. ROOFTOP - NIGHT") for c in chunks)
    assert all(c.scene == "17" for c in chunks)
    # Parts after the first start at an action line (the end of an exchange), and spans advance.
    assert all(c.text.splitlines()[1].startswith("Rain hammers") for c in chunks[1:])
    spans = [(c.line_start, c.line_end) for c in chunks]
    assert spans == sorted(spans) and all(a is not None and b is not None and a <= b for a, b in spans)


def test_ids_depend_on_content_not_position(tmp_path: Path) -> None:
    before = chunk_screenplay(
        load_screenplay(_script(tmp_path)), project="p", file="n.fountain", max_tokens=350
    )
    edited = SCRIPT.replace("Two sugars.", "No sugar tonight.")
    edited = "Title: 夜更 NIGHT SHIFT\nAuthor: 測試\n\n\n\n" + edited.split("\n", 3)[3]  # lines shift down
    after = chunk_screenplay(
        load_screenplay(_script(tmp_path, edited)), project="p", file="n.fountain", max_tokens=350
    )
    assert before[1].id == after[1].id  # scene 1 unchanged although it moved
    assert before[1].line_start != after[1].line_start
    assert before[2].id != after[2].id  # scene 2 changed
    other_project = chunk_screenplay(
        load_screenplay(_script(tmp_path)), project="q", file="n.fountain", max_tokens=350
    )
    assert other_project[1].id != before[1].id


def test_repeated_identical_text_gets_distinct_ids(tmp_path: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# A\n\nSame line.\n\n# A\n\nSame line.\n", encoding="utf-8")
    chunks = chunk_document(load_document(notes), project="p", max_tokens=350)
    assert len(chunks) == 2 and chunks[0].text == chunks[1].text
    assert chunks[0].id != chunks[1].id


def test_notes_sections_stay_whole_or_split_with_their_title(tmp_path: Path) -> None:
    body = "\n\n".join(f"第{i}段：天台場口要用 24mm 手搖鏡頭，燈光要暖。" for i in range(40))
    notes = tmp_path / "notes.md"
    notes.write_text(f"# Short\n\nOne paragraph.\n\n# Long section\n\n{body}\n", encoding="utf-8")
    chunks = chunk_document(load_document(notes), project="p", max_tokens=100)
    assert chunks[0].text == "# Short\n\nOne paragraph." and chunks[0].section == "Short"
    long_parts = chunks[1:]
    assert len(long_parts) > 2 and all(c.section == "Long section" for c in long_parts)
    assert all(c.text.startswith("[Long section]") for c in long_parts[1:])
    assert all(count_tokens(c.text) <= 100 for c in chunks)
    assert long_parts[0].line_start == 5


def test_one_paragraph_larger_than_the_budget_is_cut_by_tokens(tmp_path: Path) -> None:
    notes = tmp_path / "wall.txt"
    notes.write_text("嘅" * 2000, encoding="utf-8")
    chunks = chunk_document(load_document(notes, "notes"), project="p", max_tokens=100)
    assert len(chunks) > 5 and "".join(c.text for c in chunks) == "嘅" * 2000
    assert all(count_tokens(c.text) <= 100 for c in chunks)


def _srt(cues: list[tuple[float, float, str]]) -> str:
    def tc(seconds: float) -> str:
        ms = round(seconds * 1000)
        return f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"

    return "\n".join(f"{i}\n{tc(a)} --> {tc(b)}\n{text}\n" for i, (a, b, text) in enumerate(cues, start=1))


def test_subtitle_windows_of_consecutive_cues(tmp_path: Path) -> None:
    cues = [(i * 4.0, i * 4.0 + 3.0, f"我哋走啦 {i}\nLet's go {i}") for i in range(15)]
    cues.append((200.0, 202.0, "好耐冇見\nLong time no see"))  # after a long silence
    path = tmp_path / "rough.srt"
    path.write_text(_srt(cues), encoding="utf-8")
    chunks = chunk_subtitles(read_subtitle_file(path), project="p", file="rough.srt", max_tokens=350)
    assert len(chunks) == 4
    first = chunks[0]
    assert first.start == "00:00:00,000" and first.doc_type == "subtitles"
    assert first.text.splitlines()[0] == "我哋走啦 0 / Let's go 0"
    assert first.section == "Cues 1–6" and first.line_start == 1
    assert chunks[-1].section == "Cue 16" and chunks[-1].start == "00:03:20,000"
    for chunk in chunks:
        start = int(chunk.start[6:8]) + 60 * int(chunk.start[3:5])
        end = int(chunk.end[6:8]) + 60 * int(chunk.end[3:5])
        assert end - start <= 25


def test_sample_screenplay_chunks_cover_every_scene(sample_dir: Path) -> None:
    path = sample_dir / "night_shift.fountain"
    screenplay = load_screenplay(path)
    chunks = chunk_screenplay(screenplay, project="night-shift", file=path.name, max_tokens=350)
    assert {c.scene for c in chunks if c.scene} == {s.number for s in screenplay.scenes}
    assert all(count_tokens(c.text) <= 350 for c in chunks)
    assert len({c.id for c in chunks}) == len(chunks)


def test_a_heading_never_makes_a_chunk_of_its_own(tmp_path: Path) -> None:
    """A heading before a block too big to share a chunk with goes with that block: a chunk holding
    only "## Budget" is found by "budget" and answers nothing."""
    items = "\n".join(
        f"- Line {i}: the generator costs HK${i},000 a day for the pier scenes." for i in range(12)
    )
    notes = tmp_path / "notes.md"
    notes.write_text(f"# Notes\n\n## Budget\n\n{items}\n", encoding="utf-8")
    chunks = chunk_document(load_document(notes), project="p", max_tokens=100)
    assert not any(c.text.strip().lstrip("#").strip() in ("Budget", "[Budget]") for c in chunks)
    assert any("## Budget\n" in c.text and "generator" in c.text for c in chunks)
