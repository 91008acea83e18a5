"""`slate scenes`: table, JSON, filters, and bad input as one line on stderr with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from slate.cli import main

SCRIPT = """\
Title: 夜更 NIGHT SHIFT

EXT. 彌敦道 NATHAN ROAD - NIGHT #1#

AH FAI drives. 阿美 waves from the kerb.

阿輝
今晚冇客㗎喇。

內景。茶餐廳 - 夜 #2#

阿美 (V.O.)
食咗飯未呀？

劉督察
收工啦。

INT./EXT. 的士 TAXI (MOVING) - CONTINUOUS #3#

阿輝
去邊？

EXT. 天星碼頭 STAR FERRY PIER - DAWN #4#

Kelvin runs.

KELVIN
Wait!
"""


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "night_shift.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    assert main(["scenes", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_rows(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, str(script))
    assert [row["number"] for row in rows] == ["1", "2", "3", "4"]
    first = rows[0]
    for key in ("number", "heading", "int_ext", "location", "time_of_day", "characters", "eighths", "page"):
        assert key in first
    assert first["heading"] == "EXT. 彌敦道 NATHAN ROAD - NIGHT"
    assert (first["int_ext"], first["location"], first["time_of_day"]) == (
        "EXT",
        "彌敦道 NATHAN ROAD",
        "NIGHT",
    )
    assert first["characters"] == ["阿輝"]
    assert first["non_speaking"] == ["阿美"]
    assert rows[2]["time_of_day"] == "NIGHT"  # CONTINUOUS inherits
    assert rows[2]["int_ext"] == "INT/EXT"


def test_json_keeps_chinese_readable(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenes", str(script), "--json"]) == 0
    out = capsys.readouterr().out
    assert "茶餐廳" in out
    assert "\\u" not in out


@pytest.mark.parametrize(
    ("argv", "numbers"),
    [
        (["--character", "阿輝"], ["1", "3"]),
        (["--character", "kelvin"], ["4"]),
        (["--location", "茶餐廳"], ["2"]),
        (["--location", "nathan"], ["1"]),
        (["--location", "taxi"], ["3"]),
        (["--time", "night"], ["1", "2", "3"]),
        (["--time", "DAWN"], ["4"]),
        (["--time", "DAWN", "--time", "night"], ["1", "2", "3", "4"]),  # either time
        # An INT/EXT scene counts as both, as in the chat and the API (find_scenes).
        (["--int-ext", "INT"], ["2", "3"]),
        (["--int-ext", "ext"], ["1", "3", "4"]),
        (["--int-ext", "I/E"], ["3"]),
        (["--character", "阿輝", "--time", "NIGHT", "--int-ext", "EXT"], ["1", "3"]),
        (["--character", "kelvin", "--time", "DAY"], []),
    ],
)
def test_filters(
    script: Path, capsys: pytest.CaptureFixture[str], argv: list[str], numbers: list[str]
) -> None:
    rows = _json(capsys, str(script), *argv)
    assert [row["number"] for row in rows] == numbers


def test_table(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenes", str(script)]) == 0
    out = capsys.readouterr().out
    assert "夜更 NIGHT SHIFT" in out
    assert "彌敦道 NATHAN ROAD" in out
    assert "INT/EXT" in out
    assert "1/8" in out


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.fountain", b"", "empty"),
        ("binary.fountain", b"\x00\x01\x02\x03" * 64, "binary"),
        ("notes.fountain", "只係筆記。\n".encode(), "No scene heading"),
        ("script.doc", b"INT. HOUSE - DAY\n", "does not read .doc"),
        (
            "cut.txt",
            "內景。茶餐廳 - 夜\n\n阿輝\n".encode() + b"\xe5\x9c\n" + "阿美\n你好\n".encode() * 3,
            ":4:",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["scenes", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("slate: error: ")
    assert str(path) in captured.err
    assert message in captured.err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenes", str(tmp_path / "missing.fountain")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "No such file" in captured.err


def test_bad_time_choice_is_a_usage_error(script: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["scenes", str(script), "--time", "NOON"])
    assert info.value.code == 2


def test_unknown_character_is_an_error_with_the_nearest_name(
    script: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from slate.cli import main

    assert main(["scenes", str(script), "--character", "Bruce Lee"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("slate: error: No character called 'Bruce Lee'")


@pytest.mark.parametrize(
    "filters",
    [
        {"int_ext": "EXT"},
        {"int_ext": "INT"},
        {"time_of_day": "NIGHT", "characters": ["阿輝"]},
        {"location": "taxi"},
    ],
)
def test_cli_gives_the_tools_answer(
    script: Path, capsys: pytest.CaptureFixture[str], filters: dict[str, object]
) -> None:
    """`slate scenes` and the registered find_scenes (chat, API, UI) list the same scenes."""
    from knowledge.production import Production
    from tools.registry import all_tools

    tool = all_tools()["find_scenes"](Production.from_files(script), **filters)
    flags = {"int_ext": "--int-ext", "time_of_day": "--time", "location": "--location"}
    argv: list[str] = []
    for key, value in filters.items():
        argv += ["--character", value[0]] if key == "characters" else [flags[key], str(value)]  # type: ignore[index]
    rows = _json(capsys, str(script), *argv)
    assert [row["number"] for row in rows] == [row.number for row in tool.scenes]  # type: ignore[attr-defined]
