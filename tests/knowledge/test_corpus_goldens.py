"""Our readers against other projects' expectations (../shared/corpus) and our own golden files.

Suites (each case is its own test; deliberate differences are listed below with their reasons and
run as strict xfails, so fixing one shows up):
- Jouvence's YAML cases (element types and text, title page);
- screenplay-tools' element dumps (`X.fountain` → `X.txt`);
- screenplain's expected HTML, FDX and PDF renderings of its Fountain tests and of the two samples;
- the Chinese script in UTF-8, Big5 and Simplified; afterwriting's scripts; long samples and
  public-domain scripts with scene counts checked by hand; the bundled night_shift sample;
- golden files: `tests/golden/screenplay/<case>.<ext>` beside `<case>.expected.json` (our own
  inputs) and `tests/golden/screenplay/corpus/<case>.expected.json` whose `source` names a corpus
  file. `pytest --update-goldens` rewrites them after a reviewed change.

Comparisons are on element types and whitespace-squeezed text (see tests/knowledge/corpus_cases.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from knowledge.encoding import read_text
from knowledge.fdx import fdx_elements
from knowledge.fountain import fountain_elements
from knowledge.loader import load_screenplay
from knowledge.screenplay import Screenplay
from tests.conftest import CORPUS, REPO, SAMPLE_DIR
from tests.knowledge.corpus_cases import (
    JOUVENCE_CODES,
    comparable,
    jouvence_cases,
    merge_actions,
    read_dump,
    read_screenplain_html,
    squeeze,
)

GOLDEN_DIR = REPO / "tests" / "golden" / "screenplay"
FIXTURES = CORPUS / "fixtures" / "fountain" if CORPUS else Path("/nonexistent")

# --- deliberate differences ---------------------------------------------------------------------

JOUVENCE_EXPECTED_FAILURES = {
    "test_lyrics#1": "every line starting with `~` is lyrics (fountain.io; screenplay-tools' Lyrics test agrees); "
    "Jouvence reads `~This is lyrics` followed by a plain line as one action",
    "test_transitions#2": "trailing spaces are not significant: `NOT A TRANSITION TO:  ` is a transition; Jouvence "
    "keys on the two trailing spaces",
}
SCREENPLAY_TOOLS_EXPECTED_FAILURES = {
    "Parenthetical": "`(loudly)` then `(bouncy)` are two parentheticals; screenplay-tools reads the second as dialogue",
    "Notes": "screenplay-tools accepts a note that crosses an empty line and runs dialogue on across a blank line; "
    "the Fountain syntax (and screenplain's notes test, which we pass) allow neither",
    "Boneyards": "boneyard counts as blank lines, so `CUT TO:` before a commented-out scene stays a transition, as "
    "screenplain's boneyard test expects",
    "Sections": "`CUT TO:` alone at the top of a file is a transition, not an empty title-page key",
}
# Pairs in screenplay-tools' PAIRS.tsv that are not parse dumps of one file with default options.
SCREENPLAY_TOOLS_NOT_APPLICABLE = {
    "Tags.txt": "`useTags=true` parser option (trailing #tags), which Slate does not implement",
    "Formatted.txt": "emphasis rendered to HTML, a writer feature",
    "SimpleCallbackParser.txt": "callback events of a streaming parser API",
    "Writer-output.fountain": "Fountain writer output",
    "UTF8-output.fountain": "Fountain writer output",
    "Append-output.fountain": "Fountain writer output (input built in code)",
    "TestFDX-FD.fountain": "FDX/Fountain equivalence, tested in test_fdx.py",
    "TestFDX-FI.fountain": "FDX/Fountain equivalence, tested in test_fdx.py",
    "TestFDX-FD-Write-py.fdx": "FDX writer output",
}
SCREENPLAIN_EXPECTED_FAILURES = {
    "forced-transition.html": "screenplain upper-cases a forced transition when rendering; we keep the text as written",
    "extended-characters.pdf": "pypdf cannot map this PDF's Japanese, Cyrillic, Chinese, Korean and Arabic glyphs "
    "back to text (no ToUnicode map): only `Hello` is extracted",
    "title-page.pdf": "`FADE IN:` is action in Fountain (the syntax only knows `... TO:`) but a transition in the "
    "PDF/plain-text reader, where Final Draft puts it",
}
PRINTED = frozenset(
    {"scene_heading", "action", "character", "dialogue", "parenthetical", "transition", "centered", "lyrics"}
)


def _expect(case_id: str, table: dict[str, str]) -> None:
    if case_id in table:
        pytest.xfail(table[case_id])


# --- Jouvence -------------------------------------------------------------------------------------

JOUVENCE = jouvence_cases(FIXTURES / "jouvence") if CORPUS else []


@pytest.mark.parametrize("case", JOUVENCE, ids=[c.id for c in JOUVENCE])
def test_jouvence(case: Any) -> None:
    doc = fountain_elements(case.source)
    got = comparable(doc.elements, keep=frozenset({*JOUVENCE_CODES.values(), "centered", "page_break"}))
    title_ok = case.title is None or case.title == doc.title_page
    if case.id in JOUVENCE_EXPECTED_FAILURES:
        assert (got, title_ok) != (case.expected, True), "fixed? remove it from JOUVENCE_EXPECTED_FAILURES"
        pytest.xfail(JOUVENCE_EXPECTED_FAILURES[case.id])
    assert got == case.expected
    assert title_ok, (case.title, doc.title_page)


def test_jouvence_tally(corpus: Path) -> None:
    cases = jouvence_cases(corpus / "fixtures/fountain/jouvence")
    assert len(cases) == 46
    assert set(JOUVENCE_EXPECTED_FAILURES) <= {c.id for c in cases}


# --- screenplay-tools -----------------------------------------------------------------------------


def _screenplay_tools_pairs() -> list[tuple[str, str]]:
    if not CORPUS:
        return []
    rows = (FIXTURES / "screenplay-tools" / "PAIRS.tsv").read_text(encoding="utf-8").splitlines()[1:]
    pairs = []
    for row in rows:
        source, expected, kind, _options = row.split("\t")
        if expected in SCREENPLAY_TOOLS_NOT_APPLICABLE:
            continue
        assert kind == "parse-dump", f"unlisted pair {expected}: add it to SCREENPLAY_TOOLS_NOT_APPLICABLE"
        pairs.append((source, expected))
    return pairs


@pytest.mark.parametrize(("source", "expected"), _screenplay_tools_pairs(), ids=lambda v: v)
def test_screenplay_tools_dump(source: str, expected: str) -> None:
    folder = FIXTURES / "screenplay-tools"
    dump = read_dump(folder / expected)
    doc = fountain_elements((folder / source).read_text(encoding="utf-8"))
    got = comparable([e for e in doc.elements if e.type != "note"], cue_names=True, bare_parentheticals=True)
    want = dump.elements
    if "Unmerged" in expected:  # the same dump with one element per line: merge it as we do
        got, want = _merge_dialogue(got), _merge_dialogue(want)
    notes = [squeeze(e.text) for e in doc.elements if e.type == "note"]
    title = {key: squeeze(value) for key, value in doc.title_page.items()}
    outcome = (got == want, notes == dump.notes, title == dump.title)
    name = source.removesuffix(".fountain")
    if name in SCREENPLAY_TOOLS_EXPECTED_FAILURES:
        assert outcome != (True, True, True), "fixed? remove it from SCREENPLAY_TOOLS_EXPECTED_FAILURES"
        pytest.xfail(SCREENPLAY_TOOLS_EXPECTED_FAILURES[name])
    assert got == want
    assert notes == dump.notes
    assert title == dump.title
    headings = [e.scene_number for e in doc.elements if e.type == "scene_heading"]
    if any(dump.scene_numbers):
        assert headings == dump.scene_numbers


def _merge_dialogue(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for kind, text in pairs:
        if kind == "dialogue" and out and out[-1][0] == "dialogue":
            out[-1] = ("dialogue", squeeze(out[-1][1] + " " + text))
        else:
            out.append((kind, text))
    return merge_actions(out)


# --- screenplain ----------------------------------------------------------------------------------


def _screenplain_pairs() -> list[tuple[Path, Path]]:
    if not CORPUS:
        return []
    folder = FIXTURES / "screenplain"
    pairs = []
    for row in (folder / "PAIRS.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        source, expected, _kinds = row.split("\t")
        pairs.extend((folder / source, folder / name) for name in expected.split())
    samples = CORPUS / "screenplays" / "fountain" / "samples"
    for name in ("Brick-and-Steel", "The-Last-Birthday-Card"):
        pairs.append((samples / f"{name}.fountain", samples / "expected-screenplain" / f"{name}.html"))
        pairs.append((samples / f"{name}.fountain", samples / "expected-screenplain" / f"{name}.fdx"))
    return pairs


@pytest.mark.parametrize(("source", "expected"), _screenplain_pairs(), ids=lambda p: p.name)
def test_screenplain(source: Path, expected: Path) -> None:
    doc = fountain_elements(read_text(source).text)
    if expected.suffix == ".html":
        # screenplain's HTML also shows sections and synopses.
        ours = comparable(doc.elements, plain=True, keep=PRINTED | {"section", "synopsis"})
        theirs = read_screenplain_html(expected)
    else:
        ours = comparable(doc.elements, plain=True, keep=PRINTED)
        if expected.suffix == ".fdx":
            rendered = fdx_elements(expected.read_bytes(), file=expected)[1]
        else:
            rendered = _read_pdf(expected).elements
        theirs = comparable(rendered, plain=True, keep=PRINTED)
    if expected.name in SCREENPLAIN_EXPECTED_FAILURES:
        assert ours != theirs, "fixed? remove it from SCREENPLAIN_EXPECTED_FAILURES"
        pytest.xfail(SCREENPLAIN_EXPECTED_FAILURES[expected.name])
    assert ours == theirs


def _read_pdf(path: Path) -> Screenplay:
    from knowledge.pdf import read_pdf

    return read_pdf(path)


def test_screenplain_title_page_pdf(corpus: Path) -> None:
    folder = corpus / "fixtures/fountain/screenplain"
    fountain = fountain_elements(read_text(folder / "title-page.fountain").text)
    assert _read_pdf(folder / "title-page.pdf").title_page == fountain.title_page


# --- the Chinese script in three forms ------------------------------------------------------------


def test_chinese_script_three_forms(corpus: Path) -> None:
    import opencc

    folder = corpus / "screenplays/fountain/zh"
    hant = load_screenplay(folder / "cat-master-daily.zh-Hant-TW.fountain")
    big5 = load_screenplay(folder / "cat-master-daily.zh-Hant-TW.big5.fountain")
    hans = load_screenplay(folder / "cat-master-daily.zh-Hans.fountain")
    assert (hant.encoding, big5.encoding, hans.encoding) == ("utf-8", "big5-hkscs", "utf-8")
    assert len(hant.scenes) == len(big5.scenes) == len(hans.scenes) == 9
    assert [s.summary_row() | {"file": ""} for s in big5.scenes] == [
        s.summary_row() | {"file": ""} for s in hant.scenes
    ]
    to_traditional = opencc.OpenCC("s2twp")
    assert [to_traditional.convert(s.heading) for s in hans.scenes] == [s.heading for s in hant.scenes]
    assert [[to_traditional.convert(c) for c in s.characters] for s in hans.scenes] == [
        s.characters for s in hant.scenes
    ]
    structure = [(s.int_ext, s.time_of_day, s.eighths, s.page, s.line_start) for s in hans.scenes]
    assert structure == [(s.int_ext, s.time_of_day, s.eighths, s.page, s.line_start) for s in hant.scenes]
    assert [s.time_of_day for s in hant.scenes] == [
        "DAWN",
        "DAWN",  # 連續: continuous, inherits
        "DAWN",  # 稍後: later, inherits
        "NIGHT",
        "NIGHT",
        "DAWN",  # 黎明
        "DUSK",  # 傍晚
        None,  # 一週後: a week later names no time of day
        "DUSK",
    ]
    assert hant.title == "貓主人的日常"
    assert hant.scenes[1].characters == ["橘貓大師", "小王", "大劉", "小李"]
    assert hant.scenes[5].characters == ["野生人類首領", "小王"]  # `野生人類首領(續)` is the same speaker


# --- afterwriting, long samples, public-domain scripts ------------------------------------------


@pytest.mark.parametrize(
    ("path", "scenes", "title"),
    [
        ("fixtures/fountain/afterwriting/test.fountain", 11, "Screenplay title Second line"),
        ("fixtures/fountain/afterwriting/client.fountain", 11, "Screenplay title Second line"),
        ("fixtures/fountain/afterwriting/sc.fountain", 1, "电影"),
        ("fixtures/fountain/afterwriting/jp.fountain", 1, "映画"),
        ("fixtures/fountain/afterwriting/cyrillic.fountain", 2, "Лорем ипсум"),
        ("screenplays/fountain/samples/Brick-and-Steel.fountain", 8, "BRICK & STEEL FULL RETIRED"),
        ("screenplays/fountain/samples/The-Last-Birthday-Card.fountain", 48, "THE LAST BIRTHDAY CARD"),
        ("screenplays/fountain/public-domain/THE_LIBRARY_FREAK-OUT.fountain", 3, "THE LIBRARY FREAK-OUT"),
        ("screenplays/fountain/public-domain/Cyber_Bob_ep00001.fountain", 3, None),
    ],
)
def test_scene_counts_checked_by_hand(corpus: Path, path: str, scenes: int, title: str | None) -> None:
    screenplay = load_screenplay(corpus / path)
    assert len(screenplay.scenes) == scenes
    if title is not None:
        assert screenplay.title == title
    assert all(scene.eighths >= 1 for scene in screenplay.scenes)
    assert [s.line_start for s in screenplay.scenes] == sorted(s.line_start for s in screenplay.scenes)


def test_afterwriting_chinese_and_japanese(corpus: Path) -> None:
    sc = load_screenplay(corpus / "fixtures/fountain/afterwriting/sc.fountain")
    scene = sc.scenes[0]
    assert (scene.heading, scene.int_ext, scene.location, scene.time_of_day) == (
        "INT。 医院-天",
        "INT",
        "医院",
        "DAY",
    )
    assert scene.characters == ["约翰"]
    assert [e.type for e in sc.elements][:2] == ["transition", "scene_heading"]  # 淡入：
    assert ("parenthetical", "（丢失）") in [(e.type, e.text) for e in sc.elements]
    jp = load_screenplay(corpus / "fixtures/fountain/afterwriting/jp.fountain")
    assert jp.scenes[0].characters == ["ジョン"]


def test_afterwriting_fdx_expectations(corpus: Path) -> None:
    """Notes and synopses go to ScriptNote / Summary in afterwriting's FDX; we read both back."""
    folder = corpus / "fixtures/fountain/afterwriting/fdx"
    for name in ("note", "header_note", "synopsis"):
        from_fountain = fountain_elements(read_text(folder / f"{name}.fountain").text).elements
        from_fdx = fdx_elements((folder / f"{name}.fdx").read_bytes())[1]
        assert sorted((e.type, squeeze(e.text)) for e in from_fdx) == sorted(
            (e.type, squeeze(e.text)) for e in from_fountain
        )


def test_night_shift_sample(sample_dir: Path) -> None:
    path = sample_dir / "night_shift.fountain"
    screenplay = load_screenplay(path)
    scenes = screenplay.scenes
    assert len(scenes) >= 15
    assert screenplay.pages >= 10
    assert len({s.number for s in scenes}) == len(scenes)
    assert any(s.heading.startswith(("INT", "EXT")) for s in scenes)
    assert any(s.heading.startswith(("內景", "外景", "內外景")) for s in scenes)
    assert all(s.int_ext and s.location for s in scenes)
    assert all(s.time_of_day for s in scenes)
    assert any(e.type == "character" and e.extension for e in screenplay.elements)
    assert any(e.dual for e in screenplay.elements)
    assert any(e.type == "transition" for e in screenplay.elements)
    assert any(e.type == "note" for e in screenplay.elements)
    speakers = set(screenplay.characters())
    assert any("阿" in name for name in speakers)


# --- golden files ---------------------------------------------------------------------------------


def _golden_cases() -> list[Path]:
    return sorted(GOLDEN_DIR.rglob("*.expected.json"))


def golden_data(screenplay: Screenplay) -> dict[str, Any]:
    return {
        "format": screenplay.format,
        "encoding": screenplay.encoding,
        "title_page": screenplay.title_page,
        "pages": screenplay.pages,
        "scenes": [scene.summary_row() | {"synopsis": scene.synopsis} for scene in screenplay.scenes],
    }


@pytest.mark.parametrize("expected", _golden_cases(), ids=lambda p: str(p.relative_to(GOLDEN_DIR)))
def test_golden(expected: Path, update_goldens: bool) -> None:
    recorded = json.loads(expected.read_text(encoding="utf-8"))
    if "source" in recorded:
        if CORPUS is None:
            pytest.skip("../shared/corpus not found")
        source = CORPUS / recorded["source"]
    else:
        stem = expected.name.removesuffix(".expected.json")
        candidates = [p for p in expected.parent.glob(f"{stem}.*") if not p.name.endswith(".expected.json")]
        assert len(candidates) == 1, f"no single input beside {expected.name}: {candidates}"
        source = candidates[0]
    actual = golden_data(load_screenplay(source))
    if "source" in recorded:
        actual = {"source": recorded["source"], **actual}
    if update_goldens:
        expected.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return
    assert actual == recorded


def test_golden_cases_exist() -> None:
    assert len(_golden_cases()) >= 10
    assert SAMPLE_DIR.name == "night_shift"
