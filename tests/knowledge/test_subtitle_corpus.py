"""Every subtitle file in ../shared/corpus loads or fails with a clean, located error; where the corpus has
expected results (vtt.js parse results, go-astisub in/out pairs, pysubs2 TTML→ASS), the cues match."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from core.errors import SlateError
from knowledge.subtitle_file import SubtitleDocument, read_subtitle_file
from tests.conftest import CORPUS
from tools.subtitles.checks import choose_profile
from tools.subtitles.fixes import fix_cues
from tools.subtitles.profiles import get_profile
from tools.subtitles.text import squash

FOLDERS = (
    "subtitles/tears-of-steel",
    "subtitles/morevna",
    "subtitles/zh-derived",
    "fixtures/subtitles/androidx-media",
    "fixtures/subtitles/vtt.js",
    "fixtures/subtitles/go-astisub",
    "fixtures/subtitles/mantas-done",
    "fixtures/subtitles/pysubs2",
)
# Files in those folders that are not subtitles: expected results, licences, notes.
NOT_SUBTITLES = {".json", ".tsv", ".md", ".txt"}
# androidx-media fixtures have no extension; the folder names the format.
FOLDER_FORMAT = {"subrip": "srt", "ssa": "ssa", "webvtt": "vtt", "ttml": "ttml"}


def corpus_files() -> list[Path]:
    if CORPUS is None:
        return []
    files = []
    for folder in FOLDERS:
        for path in sorted((CORPUS / folder).rglob("*")):
            if path.is_file() and path.suffix.lower() not in NOT_SUBTITLES and path.name != "README":
                files.append(path)
    return files


# Files Slate refuses, each with the error it must give; every other file must load. A file that stops
# loading (or starts) fails here, rather than vanish in an overall load rate.
REFUSED = {
    "fixtures/subtitles/androidx-media/ssa/empty": "EmptyInput",
    "fixtures/subtitles/androidx-media/subrip/empty": "EmptyInput",
    "fixtures/subtitles/androidx-media/webvtt/empty": "EmptyInput",
    "fixtures/subtitles/vtt.js/file-layout/blank-file-with-bom.vtt": "EmptyInput",
    "fixtures/subtitles/vtt.js/file-layout/blank-file.vtt": "EmptyInput",
    "fixtures/subtitles/androidx-media/ttml/shear.xml": "ParseError",  # duplicate XML attribute
    "fixtures/subtitles/vtt.js/file-layout/garbage-signature.vtt": "ParseError",  # no timing line
    "fixtures/subtitles/go-astisub/broken-1-in.vtt": "ParseError",  # no timing line
    # EBU STL (binary) and other formats pysubs2 does not read
    "fixtures/subtitles/go-astisub/example-in-nonzero-offset.stl": "BinaryInput",
    "fixtures/subtitles/go-astisub/example-in.stl": "BinaryInput",
    "fixtures/subtitles/go-astisub/example-opn-in.stl": "BinaryInput",
    "fixtures/subtitles/go-astisub/example-opn-out.stl": "BinaryInput",
    "fixtures/subtitles/go-astisub/example-out.stl": "BinaryInput",
    "fixtures/subtitles/mantas-done/ebu_stl_iso6937.stl": "BinaryInput",
    "fixtures/subtitles/mantas-done/csv_ansi.csv": "UnsupportedFormat",
    "fixtures/subtitles/mantas-done/lrc.lrc": "UnsupportedFormat",
    "fixtures/subtitles/mantas-done/scc.scc": "UnsupportedFormat",
    "fixtures/subtitles/mantas-done/stl.stl": "UnsupportedFormat",
    "fixtures/subtitles/mantas-done/stl_with_comments.stl": "UnsupportedFormat",
    # MicroDVD counts frames and these files do not say their frame rate: the error asks for --fps
    "fixtures/subtitles/mantas-done/sub_microdvd.sub": "SubtitleError",
    "fixtures/subtitles/mantas-done/sub_microdvd_with_styles.sub": "SubtitleError",
}


def forced_format(path: Path) -> str | None:
    return FOLDER_FORMAT.get(path.parent.name) if not path.suffix else None


def read(path: Path) -> SubtitleDocument | SlateError:
    try:
        return read_subtitle_file(path, format=forced_format(path))
    except SlateError as exc:
        return exc


def _id(path: Path) -> str:
    return str(path.relative_to(CORPUS)) if CORPUS else str(path)


FILES = corpus_files()


@pytest.mark.parametrize("path", FILES, ids=[_id(p) for p in FILES])
def test_every_file_loads_or_fails_cleanly(path: Path) -> None:
    result = read(path)  # anything but a SlateError propagates and fails the test
    refused = REFUSED.get(_id(path))
    if isinstance(result, SlateError):
        assert refused is not None, f"a corpus file Slate used to read is refused: {result}"
        assert type(result).__name__ == refused
        assert result.file == str(path), "errors name the file"
        assert str(result).startswith(str(path))
        return
    assert refused is None, f"now read ({len(result.cues)} cues): remove it from REFUSED"
    assert [c.index for c in result.cues] == list(range(1, len(result.cues) + 1))
    assert len(result.source.events) == len(result.cues)
    for cue in result.cues:
        assert isinstance(cue.start_ms, int) and isinstance(cue.end_ms, int) and cue.start_ms >= 0
    for problem in result.problems:
        assert problem.line is not None or problem.cue is not None


def test_corpus_is_there_and_its_refused_files_are_listed() -> None:
    if CORPUS is None:
        pytest.skip("../shared/corpus not found")
    assert len(FILES) > 400
    assert set(REFUSED) <= {_id(p) for p in FILES}, "a refused file is no longer in the corpus"


FIXABLE = [p for p in FILES if "vtt.js" not in str(p) and _id(p) not in REFUSED]


@pytest.mark.parametrize("path", FIXABLE, ids=[_id(p) for p in FIXABLE])
def test_fixing_real_files_never_loses_text(path: Path) -> None:
    doc = read(path)
    assert not isinstance(doc, SlateError), doc
    profile = get_profile(choose_profile(doc.cues))
    outcome = fix_cues(doc.cues, profile, doc.fps or 23.976)
    assert squash("".join(c.text for c in outcome.cues)) == squash("".join(c.text for c in doc.cues))


# --- vtt.js: parse results ------------------------------------------------------------------------

# Where Slate reads more than vtt.js, on purpose: vtt.js rejects a whole file with a bad signature, or a
# block after a blank line, and keeps nothing; Slate never drops text silently, so it reads the cues and
# reports the damage. Each of these files must come with at least one reported problem.
VTTJS_DIFFERENCES = {
    "file-layout/bom-garbage-data.vtt": "no WEBVTT signature: vtt.js rejects the file; Slate reads it, reports missing_header",
    "file-layout/bom-tab-webvtt.vtt": "tab before WEBVTT: rejected by vtt.js; read and reported by Slate",
    "file-layout/newline-before-webvtt.vtt": "blank line before WEBVTT: rejected by vtt.js; read and reported",
    "file-layout/tab-after-bom-before-header.vtt": "tab before WEBVTT: rejected by vtt.js; read and reported",
    "file-layout/header-no-new-line.vtt": "timing line inside the header: vtt.js swallows it; Slate reads the cue, reports blank_lines",
    "cuetext/format/double-line-break.vtt": "text after a blank line inside a cue: vtt.js drops it; Slate keeps it, reports blank_lines",
    "integration/id.vtt": "a stray '-->' line: vtt.js drops the following cue; Slate keeps it and reports the line",
    "cue-times/minimum-spots-over-sixty.vtt": "'120:00.000' is malformed: vtt.js reads hours, Slate minutes; reported as bad_timestamp",
}


def vttjs_pairs() -> list[tuple[str, str]]:
    if CORPUS is None:
        return []
    root = CORPUS / "fixtures/subtitles/vtt.js"
    with (root / "PAIRS.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    out = []
    for row in rows:
        expected = json.loads((root / row["expected_json"]).read_text(encoding="utf-8"))
        if isinstance(expected, dict) and "cues" in expected:  # parse results, not rendering output
            out.append((row["vtt"], row["expected_json"]))
    return out


VTTJS = vttjs_pairs()


@pytest.mark.parametrize(("vtt", "expected_json"), VTTJS, ids=[v for v, _ in VTTJS])
def test_vttjs_parse_results(vtt: str, expected_json: str) -> None:
    assert CORPUS is not None
    root = CORPUS / "fixtures/subtitles/vtt.js"
    expected = json.loads((root / expected_json).read_text(encoding="utf-8"))["cues"]
    doc = read(root / vtt)
    if isinstance(doc, SlateError):
        assert expected == [], f"vtt.js found cues in a file Slate refused: {doc}"
        return
    if vtt in VTTJS_DIFFERENCES:
        assert doc.problems, f"a documented difference must be reported: {VTTJS_DIFFERENCES[vtt]}"
        return
    mine = iter(doc.cues)
    matched = set()
    for want in expected:
        for cue in mine:
            if (
                abs(cue.start_ms - want["startTime"] * 1000) <= 1
                and abs(cue.end_ms - want["endTime"] * 1000) <= 1
                and cue.raw == want["text"]
            ):
                matched.add(cue.index)
                break
        else:
            pytest.fail(f"vtt.js cue {want['startTime']}-{want['endTime']} {want['text']!r} not read")
    flagged = {p.cue for p in doc.problems if p.code == "bad_timestamp"}
    extra = [c for c in doc.cues if c.index not in matched and c.index not in flagged]
    assert not extra, "cues vtt.js drops must carry a bad_timestamp problem"


# --- go-astisub and pysubs2: input and expected output -------------------------------------------

ASTISUB_PAIRS = [
    ("example-in.srt", "example-out.srt"),
    ("example-in.vtt", "example-out.vtt"),
    ("example-in.ssa", "example-out.ssa"),
    ("example-in.ssa", "example-out-v4plus.ssa"),
    ("example-in.ttml", "example-out.ttml"),
    ("example-in.ttml", "example-out-no-indent.ttml"),
    ("example-in-breaklines.ttml", "example-out-breaklines.ttml"),
    ("example-in-html-entities.srt", "example-out-html-entities.srt"),
    ("example-in-html-entities.vtt", "example-out-html-entities.vtt"),
    ("example-in-styled.srt", "example-out-styled.srt"),
    ("example-in-styled.srt", "example-out-styled.vtt"),
    ("example-in-non-utf8.srt", "example-out.srt"),  # UTF-16LE input, same cues
    ("missing-sequence-in.srt", "example-out.srt"),
]


@pytest.mark.parametrize(("source", "expected"), ASTISUB_PAIRS, ids=[f"{a}->{b}" for a, b in ASTISUB_PAIRS])
def test_go_astisub_pairs(corpus: Path, source: str, expected: str) -> None:
    root = corpus / "fixtures/subtitles/go-astisub"
    got, want = read_subtitle_file(root / source), read_subtitle_file(root / expected)
    assert [(c.start_ms, c.end_ms, c.text) for c in got.cues] == [
        (c.start_ms, c.end_ms, c.text) for c in want.cues
    ]


@pytest.mark.parametrize("name", ["ttml_example", "ttml_example2", "ttml_example_apple"])
def test_pysubs2_ttml_against_expected_ass(corpus: Path, name: str) -> None:
    root = corpus / "fixtures/subtitles/pysubs2"
    got, want = read_subtitle_file(root / f"{name}.ttml"), read_subtitle_file(root / f"{name}.ass")
    assert len(got.cues) == len(want.cues)
    for mine, theirs in zip(got.cues, want.cues, strict=True):
        assert mine.text == theirs.text
        # ASS stores centiseconds
        assert abs(mine.start_ms - theirs.start_ms) <= 10 and abs(mine.end_ms - theirs.end_ms) <= 10


# mantas-done/subtitles' own tests (tests/formats/*Test.php) expect these cues from its fixtures; the corpus
# has the fixtures but not srt_to_vtt.{srt,vtt}, so the expectations are written out here.
STAR_WARS = [
    (137_400, 140_400, "Senator, we're making\nour final approach into Coruscant."),
    (3_740_500, 3_742_500, "Very good, Lieutenant."),
]
MANTAS_DONE_EXPECTED = {
    # one text in every format (VttTest, TtmlTest, SubViewerTest convert each to and from srt.srt)
    **dict.fromkeys(["srt.srt", "vtt.vtt", "ass.ass", "ttml.ttml", "dfxp.dfxp", "sub_viewer.sub"], STAR_WARS),
    "sub_viewer_with_headers.sub": [
        (137_440, 140_375, "Senator, we're making\nour final approach into Coruscant."),
        (3_740_476, 3_742_501, "Very good, Lieutenant."),
    ],
    "vtt_with_styles.vtt": [(0, 10_000, "Hello world.")],
    "vtt_with_html.vtt": [(0, 10_000, "Sur les playground, ici à Montpellier")],
    "vtt_without_hours_in_timestamp.vtt": [(0, 10_000, "I've spent nearly two decades")],
    "vtt_with_multiple_new_lines.vtt": [(0, 1_000, "one\ntwo"), (2_000, 3_000, "three")],
    # Slate keeps the cue with no text (a check reports it as `empty`); mantas-done drops it.
    "vtt_with_missing_text.vtt": [(0, 1_000, "one"), (1_000, 2_000, ""), (2_000, 3_000, "three")],
    # A <v Roger Bingham> voice name is an annotation in WebVTT, not shown text; mantas-done prints it.
    "vtt_with_name.vtt": [(9_000, 11_000, "We are in New York City")],
    "ttml2.ttml": [
        (0, 2_000, "Hello I am your first line."),
        (2_000, 4_000, "I am your second captions\nbut with two lines."),
        (4_000, 6_000, "Je suis le troisième sous-titre."),
        (6_000, 8_000, "I am another caption with Bold and Italic styles."),
        (8_000, 10_000, "I am the last caption displayed in red and centered."),
    ],
    # mantas-done refuses these two but states the cues they hold; Slate reads them.
    "ttml_with_duplicated_element_ids.ttml": [
        (0, 1_000, "First line."),
        (1_000, 2_000, "Second line."),
        (2_000, 3_000, "Third line."),
    ],
    "ttml_with_fps_and_multiplier_given.ttml": [(15_015, 17_684, "First line.")],
}


@pytest.mark.parametrize("name", sorted(MANTAS_DONE_EXPECTED))
def test_mantas_done_fixtures_give_the_cues_its_tests_expect(corpus: Path, name: str) -> None:
    doc = read_subtitle_file(corpus / "fixtures/subtitles/mantas-done" / name)
    expected = MANTAS_DONE_EXPECTED[name]
    assert [c.text for c in doc.cues] == [text for _, _, text in expected]
    for cue, (start, end, _) in zip(doc.cues, expected, strict=True):
        # SubViewer and ASS store centiseconds
        assert abs(cue.start_ms - start) <= 10 and abs(cue.end_ms - end) <= 10, (cue.index, start, end)


# --- zh-derived: one text, five encodings ----------------------------------------------------------

ZH_ENCODINGS = {
    "synfig-07-bones.zh-Hant-TW.utf8.srt": "utf-8",
    "synfig-07-bones.zh-Hant-TW.utf8-bom.srt": "utf-8-sig",
    "synfig-07-bones.zh-Hant-TW.big5.crlf.srt": "big5-hkscs",
    "synfig-07-bones.zh-Hant-TW.utf16le-bom.crlf.srt": "utf-16",
}


@pytest.mark.parametrize(("name", "encoding"), list(ZH_ENCODINGS.items()))
def test_zh_derived_encodings_decode_to_the_same_text(corpus: Path, name: str, encoding: str) -> None:
    root = corpus / "subtitles/zh-derived"
    reference = read_subtitle_file(root / "synfig-07-bones.zh-Hant-TW.utf8.srt")
    doc = read_subtitle_file(root / name)
    assert doc.encoding == encoding
    assert [(c.start_ms, c.end_ms, c.text) for c in doc.cues] == [
        (c.start_ms, c.end_ms, c.text) for c in reference.cues
    ]
    assert len(doc.cues) == 125 and doc.problems == []


def test_zh_derived_gb18030_is_the_simplified_original(corpus: Path) -> None:
    doc = read_subtitle_file(corpus / "subtitles/zh-derived/synfig-07-bones.zh-Hans.gb18030.crlf.srt")
    original = read_subtitle_file(corpus / "subtitles/morevna/synfig-course-zho/synfig-07-bones.srt")
    assert doc.encoding == "gb18030"
    assert [(c.start_ms, c.end_ms, c.text) for c in doc.cues] == [
        (c.start_ms, c.end_ms, c.text) for c in original.cues
    ]
