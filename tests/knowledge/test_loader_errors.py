"""load_screenplay: dispatch, encodings, and one clear located error for each kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import BinaryInput, DecodeError, EmptyInput, InputFileError, NoScenes, UnsupportedFormat
from knowledge.loader import detect_format, load_screenplay, looks_like_screenplay

SCRIPT = "內景。茶餐廳 - 夜\n\n阿輝\n今晚冇客㗎喇。\n\nINT. ROOFTOP - DAWN\n\nKELVIN\nWhere's the USB？\n"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.fountain", "fountain"),
        ("a.SPMD", "fountain"),
        ("a.txt", "txt"),
        ("a.fdx", "fdx"),
        ("a.PDF", "pdf"),
        ("a.docx", "docx"),
    ],
)
def test_detect_format(name: str, fmt: str) -> None:
    assert detect_format(name) == fmt


@pytest.mark.parametrize("name", ["script.doc", "script.rtf", "script", "script.celtx", "劇本.pages"])
def test_unsupported_extension(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(SCRIPT, encoding="utf-8")
    with pytest.raises(UnsupportedFormat) as info:
        load_screenplay(path)
    assert info.value.file == str(path)
    assert info.value.exit_code == 2


@pytest.mark.parametrize(
    ("encoding", "shown"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("big5hkscs", "big5-hkscs"),
        ("gb18030", "gb18030"),
    ],
)
def test_encodings(tmp_path: Path, encoding: str, shown: str) -> None:
    text = SCRIPT if encoding != "gb18030" else SCRIPT.replace("內景。茶餐廳 - 夜", "内景。茶餐厅 - 夜")
    path = tmp_path / "night.fountain"
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    screenplay = load_screenplay(path)
    assert screenplay.encoding == shown
    assert [s.characters for s in screenplay.scenes] == [["阿輝"], ["KELVIN"]]
    assert screenplay.scenes[0].time_of_day == "NIGHT"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.fountain"
    path.write_bytes(b"  \n\n ")
    with pytest.raises(EmptyInput) as info:
        load_screenplay(path)
    assert info.value.file == str(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.fountain"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(BinaryInput) as info:
        load_screenplay(path)
    assert info.value.file == str(path)


def test_undecodable_bytes_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    # A UTF-8 script with a character cut in half on line 5.
    head = "內景。茶餐廳 - 夜\n\n阿輝\n今晚冇客㗎喇。\n".encode()
    path.write_bytes(head + b"\xe5\x9c\n" + "阿美\n你食咗飯未呀？\n".encode() * 3)
    with pytest.raises(DecodeError) as info:
        load_screenplay(path)
    assert info.value.file == str(path)
    assert info.value.line == 5


def test_no_scenes_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.fountain"
    path.write_text("導演筆記\n\n阿輝要更加攰。\n", encoding="utf-8")
    with pytest.raises(NoScenes) as info:
        load_screenplay(path)
    assert info.value.file == str(path)
    assert "notes.fountain" in str(info.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="No such file"):
        load_screenplay(tmp_path / "missing.fountain")
    folder = tmp_path / "folder.fountain"
    folder.mkdir()
    with pytest.raises(InputFileError, match="folder"):
        load_screenplay(folder)


def test_format_override(tmp_path: Path) -> None:
    path = tmp_path / "script.md"
    path.write_text(SCRIPT, encoding="utf-8")
    screenplay = load_screenplay(path, format="fountain")
    assert len(screenplay.scenes) == 2
    assert screenplay.file == str(path)
    assert screenplay.scenes[0].file == "script.md"


def test_looks_like_screenplay(tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("導演筆記\n\n第5場要更加暗。內景拍攝要早啲開始。\n" * 20, encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)))
    assert looks_like_screenplay(script)
    assert not looks_like_screenplay(notes)
    assert not looks_like_screenplay(binary)
    assert not looks_like_screenplay(tmp_path / "missing.pdf")
    assert not looks_like_screenplay(tmp_path / "image.png")
