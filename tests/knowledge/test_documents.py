"""Reading notes, reports, lists and plans into cited sections; classifying files."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import EmptyInput, InputFileError, ParseError, UnsupportedFormat
from knowledge.documents import classify, load_document

NOTES_MD = """# 導演筆記 Director's notes

Opening words before any section.

## Tone 基調

Night Shift is a love letter to 旺角 at 3am.
Keep it warm, not grim.

## Key scenes

### Scene 14 — 阿美嘅口供

Shoot 阿美 on a 50mm, static. 佢唔係犯人。

```
# not a heading inside a code fence
```
"""


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_markdown_sections_by_heading_with_paths_and_lines(tmp_path: Path) -> None:
    doc = load_document(_write(tmp_path, "director_notes.md", NOTES_MD))
    assert doc.doc_type == "notes"
    titles = [s.title for s in doc.sections]
    assert titles == [
        "導演筆記 Director's notes",
        "導演筆記 Director's notes › Tone 基調",
        # "## Key scenes" holds only its sub-heading: nothing of its own to index.
        "導演筆記 Director's notes › Key scenes › Scene 14 — 阿美嘅口供",
    ]
    tone = doc.sections[1]
    assert tone.blocks[0].text == "## Tone 基調" and tone.blocks[0].line_start == 5
    assert tone.blocks[1].line_start == 7 and tone.blocks[1].line_end == 8
    last = doc.sections[-1]
    assert any("not a heading" in b.text for b in last.blocks)
    assert doc.title == "導演筆記 Director's notes"


def test_plain_text_notes_split_at_heading_like_lines(tmp_path: Path) -> None:
    text = "CASTING\n\n阿美要識講英文。\n\n燈光：\n\nWarm tungsten practicals only.\n"
    doc = load_document(_write(tmp_path, "notes.txt", text), "notes")
    assert [s.title for s in doc.sections] == ["CASTING", "燈光"]
    assert doc.sections[1].blocks[-1].line_start == 7


def test_big5_hkscs_notes_are_decoded(tmp_path: Path) -> None:
    path = _write(tmp_path, "notes.md", "# 筆記\n\n佢哋喺天台度㗎。\n".encode("big5hkscs"))
    doc = load_document(path)
    assert "佢哋喺天台度㗎" in doc.sections[0].blocks[1].text
    assert doc.encoding == "big5-hkscs"


def test_docx_headings_paragraphs_and_tables(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = "Recce report"
    document.add_heading("ROOFTOP 天台", level=1)
    document.add_paragraph("Access by stairs only: 7 floors, no lift.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Power"
    table.cell(0, 1).text = "None on the roof: run cable from 3/F"
    document.add_heading("Parking", level=2)
    document.add_paragraph("Unit base on 奶路臣街.")
    path = tmp_path / "recce.docx"
    document.save(str(path))
    doc = load_document(path)
    assert doc.doc_type == "report" and doc.title == "Recce report"
    assert [s.title for s in doc.sections] == ["ROOFTOP 天台", "ROOFTOP 天台 › Parking"]
    texts = [b.text for b in doc.sections[0].blocks]
    assert "Power | None on the roof: run cable from 3/F" in texts
    assert doc.sections[1].blocks[-1].line_start == 6  # paragraphs and table rows, numbered in order


def test_pdf_keeps_page_numbers(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    for text in ("Recce page one: the pier at dawn.", "Recce page two: hospital corridor power."):
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 10, text)
    path = tmp_path / "recce.pdf"
    pdf.output(str(path))
    doc = load_document(path, "report")
    assert doc.pages == 2
    assert [b.page for s in doc.sections for b in s.blocks] == [1, 2]
    assert "hospital corridor" in doc.sections[1].blocks[0].text


def test_corrupt_pdf_is_a_located_parse_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage")
    with pytest.raises((ParseError, EmptyInput)) as err:
        load_document(path, "report")
    assert err.value.file == str(path)


def test_cast_list_rows_are_sections_with_lines_and_aliases(tmp_path: Path) -> None:
    csv_text = (
        "id,name_zh,names,actor,daily_rate,unavailable,notes\n"
        "INSPECTOR LAU,劉督察,劉Sir;LAU,方志偉,14000,2027-03-10..2027-03-11,Lead\n"
        "\n"
        "MEI,阿美,Ah Mei,譚穎詩,12000,,Waitress\n"
    )
    path = _write(tmp_path, "cast.csv", csv_text)
    assert classify(path) == "cast"
    doc = load_document(path)
    assert [s.title for s in doc.sections] == ["INSPECTOR LAU", "MEI"]
    lau = doc.sections[0]
    assert "劉督察" in lau.characters and "劉Sir" in lau.characters
    assert lau.blocks[0].line_start == 2 and doc.sections[1].blocks[0].line_start == 4
    assert "daily rate: 14000" in lau.blocks[0].text and lau.blocks[0].text.startswith(
        "Cast: INSPECTOR LAU ("
    )


def test_bad_cast_row_is_a_located_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "cast.csv", "id,actor,daily_rate\nMEI,譚穎詩,lots\n")
    with pytest.raises(ParseError) as err:
        load_document(path)
    assert err.value.line == 2


def test_locations_list_by_columns(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "places.csv", "id,name_zh,address,int_ext\nROOFTOP,天台,57 Tung Choi Street,EXT\n"
    )
    assert classify(path) == "locations"
    doc = load_document(path)
    assert doc.sections[0].location == "ROOFTOP"


def test_plan_yaml_sections_per_top_level_key_with_comments(tmp_path: Path) -> None:
    plan = (
        "# The plan for Night Shift\n"
        "production: Night Shift\n"
        "start_date: 2027-03-01   # a Monday\n"
        "\n"
        "# Sundays off\n"
        "days_off: [sunday]\n"
        "scenes:\n"
        '  - id: "17"\n'
        "    est_hours: 11\n"
    )
    path = _write(tmp_path, "plan.yaml", plan)
    assert classify(path) == "plan"
    doc = load_document(path)
    assert [s.title for s in doc.sections] == ["production", "start_date", "days_off", "scenes"]
    assert doc.sections[0].blocks[0].text.startswith("# The plan")
    assert doc.sections[2].blocks[0].line_start == 5  # its comment comes with it
    assert doc.sections[3].blocks[0].line_end == 9


def test_invalid_yaml_is_a_located_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "plan.yaml", "start_date: 2027-03-01\ndays_off: [sunday\n")
    with pytest.raises(ParseError) as err:
        classify(path)
    assert err.value.line is not None


def test_classify_by_extension_and_content(tmp_path: Path) -> None:
    assert classify(tmp_path / "a.fountain") == "screenplay"
    assert classify(tmp_path / "a.fdx") == "screenplay"
    assert classify(tmp_path / "a.srt") == "subtitles"
    assert classify(tmp_path / "a.ass") == "subtitles"
    script = _write(
        tmp_path, "draft.txt", "INT. 茶餐廳 - NIGHT\n\n阿美\n你好。\n\nEXT. ROOFTOP - DAY\n\nRain.\n"
    )
    assert classify(script) == "screenplay"
    notes = _write(tmp_path, "todo.txt", "Buy gaffer tape.\nCall the pier office.\n")
    assert classify(notes) == "notes"
    with pytest.raises(UnsupportedFormat) as err:
        classify(tmp_path / "poster.png")
    assert ".png" in str(err.value)


def test_undecodable_notes_are_a_decode_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "notes.txt", b"ok line\n\xff\xfe\xfa\xfb\x80\x81 broken\x00\x00")
    with pytest.raises(InputFileError) as err:
        load_document(path, "notes")
    assert getattr(err.value, "file", None) == str(path)


def test_a_cards_naming_lines_are_told_from_what_it_says() -> None:
    from knowledge.documents import names_the_card

    for line in ("Cast: MEI (阿美; Mei)", "Location: PIER (碼頭)", "id: MEI", "character: MEI", "names: 阿美;Mei",
                 "name zh: 阿美", "aliases: the pier"):  # fmt: skip
        assert names_the_card(line), line
    for line in (
        "actor: 譚穎詩",
        "address: 12 Shing Fung Road",
        "notes: her names are on the list",
        "Cast and crew",
    ):
        assert not names_the_card(line), line
