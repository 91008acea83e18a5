"""Dialogue list and ADR cue lists from the sample script and its rough bilingual subtitles."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from core.errors import SlateError
from slate.cli import main
from tests.conftest import SAMPLE_DIR
from tools.media.deliverables import cue_code, parse_marks, smpte
from tools.media.documents import find_cjk_font
from tools.media.operations import adr_list, dialogue_list

SUBS = SAMPLE_DIR / "rough_subtitles.zh-en.srt"


def test_smpte_timecodes() -> None:
    assert smpte(0, 25) == "00:00:00:00"
    assert smpte(61_040, 25) == "00:01:01:01"
    assert smpte(3_600_000, 24000 / 1001) == "00:59:56:10"  # 23.976 non-drop runs slow of the clock


def test_marks_and_cue_codes() -> None:
    assert parse_marks(["3, 7-9", "sc8", "scene 12A"]) == ({3, 7, 8, 9}, {"8", "12A"})
    with pytest.raises(SlateError):
        parse_marks(["banana"])
    assert cue_code("INSPECTOR LAU") == "LAU" and cue_code("AH FAI") == "AHFAI"


def test_dialogue_list_rows_follow_script_and_subtitles(production, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = dialogue_list(production, SUBS, [tmp_path / "dl.xlsx"], fps=25)
    first = result.rows[0]
    assert (first.scene, first.character, first.tc_in, first.tc_out) == (
        "1",
        "DISPATCHER",
        "00:00:50:00",
        "00:00:54:20",
    )
    assert first.chinese == "油麻地窩打老道有客，去觀塘。"
    assert first.english == "A fare on Waterloo Road to Kwun Tong."
    assert first.dialogue.startswith("各位大佬，油麻地窩打老道有客")
    by_cue = {c: row for row in result.rows for c in row.cues}
    assert by_cue[6].character == "MRS CHAN" and by_cue[7].character == "MEI"
    assert all(row.cues for row in result.rows if row.tc_in)
    assert sorted(c for row in result.rows for c in row.cues) == list(range(1, 43))  # each cue once
    assert all(not row.character for row in result.rows if set(row.cues) & set(result.unmatched_cues))


def test_dialogue_list_xlsx_and_pdf_hold_the_chinese(production, tmp_path) -> None:  # type: ignore[no-untyped-def]
    if find_cjk_font() is None:
        pytest.skip("no Noto Sans CJK font (apt-get install fonts-noto-cjk)")
    xlsx, pdf = tmp_path / "dl.xlsx", tmp_path / "dl.pdf"
    result = dialogue_list(production, SUBS, [xlsx, pdf])
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    header = [cell.value for cell in sheet[1]]
    assert header[:6] == ["#", "Scene 場", "TC in", "TC out", "Character 角色", "Dialogue 對白"]
    assert sheet.max_row == len(result.rows) + 1
    assert sheet.cell(2, 8).value == "油麻地窩打老道有客，去觀塘。"
    # pypdf spells the two-byte CID text with NULs between characters; the ToUnicode map is right
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\x00", "")
    assert "觀塘？去到都天光啦。" in text and "DISPATCHER" in text


def test_adr_lists_per_character(production, tmp_path) -> None:  # type: ignore[no-untyped-def]
    xlsx = tmp_path / "adr.xlsx"
    result = adr_list(production, SUBS, ["2,5-7"], [xlsx], fps=25)
    assert {name: [c.cue_id for c in cues] for name, cues in result.characters.items()} == {
        "AH FAI": ["AHFAI-001"],
        "MRS CHAN": ["CHAN-001", "CHAN-002"],
        "MEI": ["MEI-001"],
    }
    book = load_workbook(xlsx)
    assert book.sheetnames == ["AH FAI", "MRS CHAN", "MEI"]
    sheet = book["MRS CHAN"]
    assert [c.value for c in sheet[1]][-1] == "Take notes"
    assert sheet.cell(3, 5).value == "畀面？面可以當飯食㗎咩？"


def test_cli_deliverables(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    script = ["--script", str(SAMPLE_DIR / "night_shift.fountain"), "--cast", str(SAMPLE_DIR / "cast.csv")]
    out = tmp_path / "dl.xlsx"
    assert main(["deliverables", "dialogue-list", str(SUBS), *script, "-o", str(out)]) == 0
    assert out.is_file() and "dialogue list:" in capsys.readouterr().out
    adr = tmp_path / "adr.xlsx"
    assert main(["deliverables", "adr", str(SUBS), *script, "--mark", "2", "-o", str(adr)]) == 0
    assert "AHFAI-001" in capsys.readouterr().out
    assert main(["deliverables", "adr", str(SUBS), *script, "--mark", "zz", "-o", str(adr)]) == 2
    assert "ADR mark" in capsys.readouterr().err


def test_pdf_without_a_cjk_font_says_what_to_install(production, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import tools.media.documents as documents

    monkeypatch.setattr(documents, "find_cjk_font", lambda bold=False: None)
    with pytest.raises(SlateError, match="fonts-noto-cjk"):
        dialogue_list(production, SUBS, [tmp_path / "dl.pdf"])
    assert not (tmp_path / "dl.pdf").exists()
