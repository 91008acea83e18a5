"""`slate shotlist` and `slate shotlist import`, called in-process."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook

from slate.cli import main

SCRIPT = """INT. 茶餐廳 CHA CHAAN TENG - NIGHT #7#

AH FAI sits at the counter. Mei puts a glass of 「凍奶茶」 in front of him.

阿輝
唔該晒。

阿美
記住埋單㗎。

阿輝
得啦，得啦。

阿美
仲有上次嗰筆。

EXT. 天台 ROOFTOP - NIGHT #8#

STUNT: 阿輝 jumps the gap.

阿輝
等埋我！
"""


@pytest.fixture
def script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "night.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


def test_draft_prints_json_and_saves_a_version(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["shotlist", "第七場", "--script", str(script), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["scene"] == "7" and data["version"] == 1 and data["shots"][0]["id"] == "7A"
    assert data["total_minutes"] == sum(s["setup_minutes"] for s in data["shots"])
    assert "阿輝" in out  # Chinese kept readable
    assert ".csv" in err and ".xlsx" in err
    home = Path(os.environ["SLATE_HOME"])
    assert (home / "scratch" / "night" / "artifacts" / "shot_lists" / "7" / "v001.json").exists()
    assert not (script.parent / "slate-output").exists()  # never into the caller's working directory


def test_table_output_by_default(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["shotlist", "7", "--script", str(script), "--style", "hk-action"]) == 0
    out = capsys.readouterr().out
    assert "Scene 7" in out and "hk-action" in out and "7A" in out


@pytest.mark.parametrize("fmt", ["csv", "md"])
def test_text_formats_on_stdout(script: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert main(["shotlist", "8", "--script", str(script), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert ("Scene,Shot,Size" in out) if fmt == "csv" else ("## Scene 8" in out)
    assert "STUNT" in out


def test_all_scenes_to_one_workbook(script: Path, tmp_path: Path) -> None:
    target = tmp_path / "all.xlsx"
    assert main(["shotlist", "all", "--script", str(script), "-o", str(target)]) == 0
    book = load_workbook(target)
    assert book.sheetnames == ["Sc 7", "Sc 8"]
    assert book["Sc 7"].freeze_panes == "A2"


def test_import_round_trip_and_latest(
    script: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "sc7.csv"
    assert main(["shotlist", "7", "--script", str(script), "-o", str(sheet)]) == 0
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    rows[2][2] = "CU"
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    sheet.write_text(buffer.getvalue(), encoding="utf-8")
    capsys.readouterr()
    assert main(["shotlist", "import", str(sheet), "--script", str(script)]) == 0
    assert "scene 7: saved v2" in capsys.readouterr().out
    assert main(["shotlist", "7", "--latest", "--script", str(script), "--format", "json"]) == 0
    latest = json.loads(capsys.readouterr().out)
    assert latest["version"] == 2 and latest["shots"][1]["size"] == "CU"
    assert latest["provenance"][-1] == "import: sc7.csv"
    assert main(["shotlist-import", str(sheet), "--script", str(script)]) == 0  # the alias spelling


def test_bad_import_exits_2_with_one_line(
    script: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text("Shot,Size,Lens (mm)\n7A,CLOSE,50\n,WS,fifty\n", encoding="utf-8")
    assert main(["shotlist", "import", str(sheet), "--script", str(script)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith(f"slate: error: {sheet}:2:")
    assert "row 2, column 'size'" in err and "row 3, column 'id'" in err and "row 3, column 'lens_mm'" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["shotlist", "99"], "No scene '99' in the script. Nearest: 8, 7"),
        (["shotlist", "import"], "needs the file to import"),
        (["shotlist", "7", "extra.csv"], "Unexpected argument 'extra.csv'"),
        (["shotlist", "8", "--latest"], "Scene 8 has no saved shot list yet"),
        (["shotlist", "7", "-o", "shots.pdf"], "export to .json, .csv, .xlsx or .md"),
        (["shotlist", "import", "nowhere.csv"], "No such file"),
    ],
)
def test_errors_exit_2_with_one_line(
    script: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main([*argv, "--script", str(script)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("slate: error:") and message in err


def test_unknown_project_and_style(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["shotlist", "7", "--project", "no-such-film"]) == 2
    assert "No project called 'no-such-film'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["shotlist", "7", "--script", str(script), "--style", "dogme"])
    assert exit_info.value.code == 2
