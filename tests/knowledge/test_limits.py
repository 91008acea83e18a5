"""Hostile and oversized inputs are refused with one located sentence naming the limit (issues 16, 19)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from core.errors import ParseError, ResourceLimitExceeded
from core.settings import Settings
from knowledge import limits
from knowledge.docx import read_docx
from knowledge.embedder import FakeEmbedder
from knowledge.fdx import length_to_eighths, read_fdx
from knowledge.subtitle_file import read_subtitle_file
from tools.artifact_export import export_rows
from tools.cell_safety import neutralise_cell, restore_cell

BILLION_LAUGHS = (
    '<?xml version="1.0" encoding="{encoding}"?>'
    '<!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    "<FinalDraft><Content><Paragraph Type='Action'><Text>&b;</Text></Paragraph></Content></FinalDraft>"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le"])
def test_fdx_entities_are_refused_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bomb.fdx"
    body = BILLION_LAUGHS.format(encoding="utf-16" if encoding.startswith("utf-16") else encoding)
    path.write_bytes(
        body.encode(encoding) if encoding != "utf-16-le" else b"\xff\xfe" + body.encode(encoding)
    )
    with pytest.raises(ResourceLimitExceeded, match="entity") as caught:
        read_fdx(path)
    assert caught.value.limit == "entity declarations" and caught.value.file == str(path)


def test_deeply_nested_fdx_is_refused_not_a_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.fdx"
    depth = 100_000
    path.write_text("<FinalDraft><Content>" + "<a>" * depth + "</a>" * depth + "</Content></FinalDraft>")
    with pytest.raises(ResourceLimitExceeded, match="nested deeper"):
        read_fdx(path)


def test_fdx_with_an_unknown_declared_encoding_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "odd.fdx"  # found by bench_reliability seed 17: LookupError escaped
    path.write_bytes(b'<?xml version="1.0" encoding="KTF-8"?><FinalDraft><Content/></FinalDraft>')
    with pytest.raises(ParseError, match="encoding"):
        read_fdx(path)


def test_fdx_length_with_thousands_of_digits_is_ignored() -> None:
    assert length_to_eighths("9" * 5000) is None
    assert length_to_eighths("1 3/8") == 11


def _docx_bomb(path: Path, size: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b" " * size + b"/>")


def test_docx_zip_bomb_is_refused_before_decompression(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    _docx_bomb(path, 20 * 2**20)  # 20 MB of spaces compress about 1000:1
    assert path.stat().st_size < 100_000
    with pytest.raises(ResourceLimitExceeded, match="compresses more than") as caught:
        read_docx(path)
    assert caught.value.limit == "compression ratio"


def test_docx_with_too_many_members_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ZIP_MEMBERS", 3)
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(5):
            archive.writestr(f"part{n}.xml", "<a/>")
    with pytest.raises(ResourceLimitExceeded, match="more than 3 parts"):
        read_docx(path)


def test_ttml_entities_and_depth_are_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.ttml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE tt [<!ENTITY a "aaaa">]>'
        '<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="1s" end="2s">&a;</p></div></body></tt>',
        encoding="utf-16",
    )
    with pytest.raises(ResourceLimitExceeded, match="entity"):
        read_subtitle_file(bomb)
    deep = tmp_path / "deep.ttml"
    deep.write_text(
        '<tt xmlns="http://www.w3.org/ns/ttml"><body>' + "<div>\n" * 5000 + "</div>\n" * 5000 + "</body></tt>"
    )
    with pytest.raises(ResourceLimitExceeded, match="nested deeper"):
        read_subtitle_file(deep)


def test_srt_of_only_arrows_is_refused_not_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("knowledge.subtitle_file.MAX_SUBTITLE_CUES", 1_000)
    path = tmp_path / "arrows.srt"
    path.write_text("00:00:01,000 --> 00:00:02,000\n" * 2_000)
    with pytest.raises(ResourceLimitExceeded, match="more than 1,000 cues"):
        read_subtitle_file(path)


def test_srt_time_with_thousands_of_digits_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "bigint.srt"
    path.write_text("1\n" + "9" * 5000 + ":00:01,000 --> 00:00:02,000\nhello\n")
    with pytest.raises(ParseError) as caught:
        read_subtitle_file(path)
    assert caught.value.line == 2


def test_subtitle_line_past_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\n" + "x" * (limits.MAX_SUBTITLE_LINE_CHARS + 1) + "\n")
    with pytest.raises(ResourceLimitExceeded, match="longer than") as caught:
        read_subtitle_file(path)
    assert caught.value.line == 3


@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", "\tx", "\rx"])
def test_formula_cells_are_neutralised_and_restored(text: str) -> None:
    assert neutralise_cell(text) == "'" + text
    assert restore_cell(neutralise_cell(text)) == text


def test_plain_cells_and_numbers_are_untouched() -> None:
    assert neutralise_cell("阿輝") == "阿輝" and neutralise_cell(-3) == -3 and neutralise_cell(None) is None


def test_exported_csv_and_xlsx_hold_no_live_formula(tmp_path: Path) -> None:
    rows = [{"character": "+SUM(1,2)", "note": '=HYPERLINK("http://x")', "scene": 7}]
    data = export_rows(rows, "csv", tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    records = list(csv.reader(io.StringIO(data)))
    assert "'+SUM(1,2)" in records[1] and '\'=HYPERLINK("http://x")' in records[1]
    book = load_workbook(export_rows(rows, "xlsx", tmp_path / "out.xlsx"))
    cells = [c for row in book.active.iter_rows(min_row=2) for c in row]  # type: ignore[union-attr]
    assert all(c.data_type != "f" for c in cells)
    assert {c.value for c in cells} >= {"+SUM(1,2)", '=HYPERLINK("http://x")'}


def test_a_file_that_stalls_is_skipped_and_the_folder_goes_on(
    fake_settings: Settings, chroma_client: Any, mini_production: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import knowledge.ingest as ingest_module

    real_prepare = ingest_module._prepare

    def stalls_on_notes(path: Path, *args: Any) -> Any:
        while path.suffix == ".md":  # a reader that never returns
            pass
        return real_prepare(path, *args)

    monkeypatch.setattr(limits, "INGEST_FILE_SECONDS", 0.5)
    monkeypatch.setattr(ingest_module, "_prepare", stalls_on_notes)
    report = ingest_module.ingest(
        fake_settings, "stall", [mini_production], client=chroma_client, embedder=FakeEmbedder()
    )
    stalled = [s for s in report.skipped if s.file.endswith(".md")]
    assert stalled and all("took longer than 0.5 s" in s.reason for s in stalled)
    assert report.files  # the other files were read


def test_old_mac_cr_only_cast_csv_is_read(tmp_path: Path) -> None:
    from knowledge.cast_list import load_cast_list

    path = tmp_path / "cast.csv"  # `slate schedule` with such a cast list was an internal error
    path.write_bytes(b"id,actor,names\rINSPECTOR LAU,Tony,LAU\rAH FAI,Ken,FAI\r")
    members = load_cast_list(path)
    assert len(members) == 2


def test_csv_field_past_the_limit_is_refused(tmp_path: Path) -> None:
    from knowledge.cast_list import load_cast_list

    path = tmp_path / "cast.csv"
    path.write_text('name,actor\n"' + "x" * (limits.MAX_CSV_FIELD_CHARS + 1) + '",y\n', encoding="utf-8")
    with pytest.raises(ResourceLimitExceeded, match="longer than 100,000 characters") as caught:
        load_cast_list(path)
    assert caught.value.limit == "CSV field size"


def test_deeply_nested_yaml_plan_is_a_limit_error(tmp_path: Path) -> None:
    from knowledge.plan import load_plan

    path = tmp_path / "plan.yaml"
    path.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ResourceLimitExceeded, match="nested too deeply"):
        load_plan(path)
