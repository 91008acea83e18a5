"""The PDF reader: layout heuristics on generated scripts and screenplain's PDFs; damaged files."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import EmptyInput, InputFileError, ParseError
from knowledge.loader import load_screenplay
from knowledge.pdf import read_pdf
from tests.knowledge.screenplay_pdf import cjk_font, write_script_pdf

ENGLISH = [
    [
        ("heading", "EXT. NATHAN ROAD - NIGHT"),
        ("blank", ""),
        ("action", "Neon signs buzz. A red TAXI crawls along the kerb, looking"),
        ("action", "for one last fare."),
        ("blank", ""),
        ("character", "AH FAI"),
        ("parenthetical", "(to himself)"),
        ("dialogue", "Kwun Tong? It'll be dawn by then."),
        ("more", ""),
    ],
    [
        ("character", "AH FAI (CONT'D)"),
        ("dialogue", "Forget it."),
        ("blank", ""),
        ("transition", "CUT TO:"),
        ("blank", ""),
        ("heading", "INT. CHA CHAAN TENG - CONTINUOUS"),
        ("blank", ""),
        ("action", "Ah Mei pours tea. Ah Fai sits."),
        ("blank", ""),
        ("character", "AH MEI"),
        ("dialogue", "More tea?"),
    ],
]


def test_generated_english_script(tmp_path: Path) -> None:
    path = write_script_pdf(
        tmp_path / "night.pdf", ENGLISH, title=["NIGHT SHIFT", "Written by", "Szeto Wai-yi"]
    )
    screenplay = load_screenplay(path)
    assert screenplay.format == "pdf"
    assert screenplay.title_page == {"title": "NIGHT SHIFT", "credit": "Written by", "author": "Szeto Wai-yi"}
    assert screenplay.pages == 2  # the title page is not numbered
    kinds = [(e.type, e.text) for e in screenplay.elements]
    assert kinds == [
        ("scene_heading", "EXT. NATHAN ROAD - NIGHT"),
        ("action", "Neon signs buzz. A red TAXI crawls along the kerb, looking for one last fare."),
        ("character", "AH FAI"),
        ("parenthetical", "(to himself)"),
        ("dialogue", "Kwun Tong? It'll be dawn by then."),
        ("character", "AH FAI (CONT'D)"),  # (MORE) and the running page number `2.` are gone
        ("dialogue", "Forget it."),
        ("transition", "CUT TO:"),
        ("scene_heading", "INT. CHA CHAAN TENG - CONTINUOUS"),
        ("action", "Ah Mei pours tea. Ah Fai sits."),
        ("character", "AH MEI"),
        ("dialogue", "More tea?"),
    ]
    first, second = screenplay.scenes
    assert (first.page, first.page_end, first.characters) == (1, 2, ["AH FAI"])
    assert (second.page, second.time_of_day, second.characters) == (2, "NIGHT", ["AH MEI"])
    assert second.non_speaking == ["AH FAI"]
    assert first.lines[0].text.strip() == "EXT. NATHAN ROAD - NIGHT"


def test_page_with_only_dialogue_is_realigned(tmp_path: Path) -> None:
    """pypdf aligns each page on its left-most text; a page of pure dialogue must not read as action."""
    pages = [
        [
            ("heading", "INT. TAXI - NIGHT"),
            ("blank", ""),
            ("action", "He drives on and on through the rain, wipers beating."),
            ("blank", ""),
            ("character", "AH FAI"),
            ("dialogue", "Where to?"),
        ],
        [
            ("character", "KELVIN"),
            ("dialogue", "Central."),
            ("blank", ""),
            ("character", "AH FAI"),
            ("dialogue", "OK."),
        ],
    ]
    screenplay = read_pdf(write_script_pdf(tmp_path / "taxi.pdf", pages))
    assert [e.type for e in screenplay.elements if e.page == 2] == [
        "character",
        "dialogue",
        "character",
        "dialogue",
    ]
    assert screenplay.scenes[0].characters == ["AH FAI", "KELVIN"]


def test_scene_numbers_in_the_margins(corpus: Path) -> None:
    screenplay = read_pdf(corpus / "fixtures/fountain/screenplain/scene-numbers.pdf")
    assert [(s.number, s.heading) for s in screenplay.scenes] == [
        ("1", "INT. THE FIRST PLACE - DAY"),
        ("2", "INT. THE SECOND PLACE - NIGHT"),
        ("3", "INT. A THIRD PLACE - DAY"),
        ("4", "INT. A FOURTH PLACE - DAY"),
        ("2-B", "INT. A FIFTH PLACE - DAY"),
    ]


def test_dual_dialogue_columns(corpus: Path) -> None:
    screenplay = read_pdf(corpus / "fixtures/fountain/screenplain/dual-dialogue.pdf")
    assert [(e.type, e.text, e.dual) for e in screenplay.elements] == [
        ("character", "GIRL", "left"),
        ("dialogue", "Hey!", "left"),
        ("character", "GUY", "right"),
        ("dialogue", "Hello!", "right"),
    ]


def test_chinese_script_pdf(tmp_path: Path) -> None:
    font = cjk_font()
    if font is None:
        pytest.skip("no CJK font (Noto CJK) on this machine to write the PDF with")
    pages = [
        [
            ("heading", "內景。茶餐廳 - 夜"),
            ("blank", ""),
            ("action", "阿輝坐喺卡位，望住窗外。細強喺門口。"),
            ("blank", ""),
            ("character", "阿輝"),
            ("parenthetical", "（細聲）"),
            ("dialogue", "今晚冇客㗎喇。"),
            ("blank", ""),
            ("character", "阿美 (V.O.)"),
            ("dialogue", "你食咗飯未呀？"),
            ("blank", ""),
            # A speech wrapped at the column's edge, mid-number and beside an English word.
            ("character", "細強"),
            ("dialogue", "朱老闆欠我六"),
            ("dialogue", "十五萬，聽朝一早send"),
            ("dialogue", "張單俾佢。"),
        ]
    ]
    screenplay = read_pdf(write_script_pdf(tmp_path / "zh.pdf", pages, font=font))
    scene = screenplay.scenes[0]
    assert (scene.int_ext, scene.location, scene.time_of_day) == ("INT", "茶餐廳", "NIGHT")
    assert scene.characters == ["阿輝", "阿美", "細強"]
    assert scene.non_speaking == []
    dialogue = [e.text for e in screenplay.elements if e.type == "dialogue"]
    assert dialogue == ["今晚冇客㗎喇。", "你食咗飯未呀？", "朱老闆欠我六十五萬，聽朝一早send 張單俾佢。"]


def test_encrypted_pdf_is_a_clean_error(tmp_path: Path) -> None:
    path = write_script_pdf(tmp_path / "locked.pdf", ENGLISH, user_password="secret")
    with pytest.raises(InputFileError, match="encrypted") as info:
        read_pdf(path)
    assert info.value.file == str(path)


def test_damaged_pdfs_are_clean_errors(tmp_path: Path) -> None:
    good = write_script_pdf(tmp_path / "good.pdf", ENGLISH).read_bytes()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(good[: len(good) // 3])
    not_pdf = tmp_path / "fake.pdf"
    not_pdf.write_bytes(b"INT. HOUSE - DAY\n\nThis is text, not a PDF.\n")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    with pytest.raises(ParseError, match="Not a PDF"):
        read_pdf(not_pdf)
    with pytest.raises(EmptyInput):
        read_pdf(empty)
    for damaged in (truncated, garbage):
        with pytest.raises(InputFileError) as info:
            read_pdf(damaged)
        assert info.value.file == str(damaged)


def test_pdf_without_text(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(InputFileError, match="no text"):
        read_pdf(path)


def test_screenplain_pdf_matches_its_fountain(corpus: Path) -> None:
    """Headings (INT/EXT ones: a PDF cannot show Fountain's forced headings) and speakers agree."""
    samples = corpus / "screenplays/fountain/samples"
    for name in ("Brick-and-Steel", "The-Last-Birthday-Card"):
        pdf = load_screenplay(samples / "expected-screenplain" / f"{name}.pdf")
        fountain = load_screenplay(samples / f"{name}.fountain")
        assert [s.heading for s in pdf.scenes] == [s.heading for s in fountain.scenes if s.int_ext]
        assert set(pdf.characters()) == set(fountain.characters())
        assert pdf.title_page["credit"] == "Written by"
        assert pdf.title_page["author"] == "Stu Maschwitz"


def test_final_draft_margin_numbers_on_continued_and_omitted_lines() -> None:
    """Final Draft prints the scene number in both margins of CONTINUED and OMITTED lines: the
    CONTINUED line is dropped like a bare one (it must not set the page's action margin), and an
    OMITTED scene keeps one number before its text."""
    from knowledge.pdf import _clean_page

    page = "\n".join(
        [
            "12    CONTINUED:                                                  12",
            "      Rain hammers the tarpaulin.",
            "11    OMITTED                                                     11",
            "12A   (CONTINUED)   12A",
        ]
    )
    assert _clean_page(page) == ["      Rain hammers the tarpaulin.", "11  OMITTED"]
