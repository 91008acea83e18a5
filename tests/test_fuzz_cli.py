"""The CLI entry points on hostile files: exit 2 and one `slate: error:` sentence, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.fuzz_readers import HOSTILE_SEEDS

REPO = Path(__file__).resolve().parent.parent


def _slate(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ, SLATE_HOME=str(home), SLATE_EMBEDDER="fake", PYTHONPATH=str(REPO), SLATE_LLM="offline"
    )
    return subprocess.run(
        [sys.executable, "-m", "slate", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _bomb_docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b" " * (40 * 2**20) + b"/>")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("name", ["bomb.docx", "bomb.fdx", "deep.fdx", "bigint.fountain"])
def test_slate_scenes_refuses_hostile_files_cleanly(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name == "bomb.docx":
        _bomb_docx(path)
    else:
        path.write_bytes(HOSTILE_SEEDS[name])
    result = _slate(tmp_path / "home", "scenes", str(path))
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    if result.returncode != 0:
        assert result.returncode == 2 and result.stderr.startswith("slate: error:")


@pytest.mark.slow
def test_slate_ingest_skips_a_zip_bomb_with_the_limit_named(tmp_path: Path) -> None:
    bomb = str(_bomb_docx(tmp_path / "report.docx"))
    result = _slate(tmp_path / "home", "ingest", bomb, "--project", "p", "--json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    [skipped] = json.loads(result.stdout)["skipped"]
    assert "compresses more than 200:1" in skipped["reason"]
