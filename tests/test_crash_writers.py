"""kill -9 during shot-list saves and schedule exports, repeated; and two shot-list editors at once.

After every kill, every file a reader can see is whole: each saved shot-list version validates, each
CSV parses, each XLSX opens, each JSON/ICS/HTML export is complete. A killed writer may leave a hidden
`.<name>.*` temporary file (never read by Slate) but never half of a real file. Two processes (and two
threads, as two chat sessions of one UI are) editing the same scene's shot list lose no edit: the
latest version's history holds every edit, and each version extends the one before it.

Kill moments come from a seeded RNG after the worker says it is ready; nothing asserts on elapsed time.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import pickle
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from knowledge.production import Production
from tests.tools.test_shot_list import CAST_CSV, SCRIPT
from tools.shot_list import ShotList, draft_shot_list, edit_shot_list
from tools.shot_list_io import list_versions, load_shot_list

REPO = Path(__file__).resolve().parent.parent
CYCLES = int(os.environ.get("SLATE_CRASH_CYCLES", "6"))
SCENE = "7"

_PRODUCTION = """
from pathlib import Path
from knowledge.production import Production
root = Path(sys.argv[1])
production = Production.from_files(root / "test.fountain", cast=root / "cast.csv", output_dir=root / "project")
"""

# Edits the scene's shot list until killed (or `count` times), each edit tagged `<tag>-<n>`.
_EDITOR = (
    "import sys\n"
    + _PRODUCTION
    + """
from tools.shot_list import edit_shot_list
from tools.shot_list_io import load_shot_list
tag, count = sys.argv[2], int(sys.argv[3])
shots = [s.id for s in load_shot_list(production, "7").shots]
print("ready", flush=True)
n = 0
while count < 0 or n < count:
    edit_shot_list(production, "7", shots[n % len(shots)], notes=f"{tag}-{n}")
    n += 1
"""
)

# Writes every schedule export format over and over until killed; ready once each exists.
_EXPORTER = """
import pickle, sys
from pathlib import Path
from tools.schedule.export import write_export
root = Path(sys.argv[1])
problem, schedule = pickle.loads((root / "shoot.pickle").read_bytes())
n = 0
while True:
    for fmt in ("xlsx", "csv", "json", "ics", "html"):
        write_export(root / "out" / f"schedule.{fmt}", problem, schedule, fmt)
    if n == 0:
        print("ready", flush=True)  # every file exists: from now on each write replaces a whole one
    n += 1
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(PYTHONPATH=str(REPO), SLATE_LLM="offline", SLATE_EMBEDDER="fake")
    return env


def _start(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_when_ready(process: subprocess.Popen[str], rng: random.Random) -> bool:
    """Wait for "ready", let it write for a seeded random moment, kill -9; True if it was still running."""
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.strip() == "ready", process.stderr.read()[-2000:] if process.stderr else line
    time.sleep(rng.uniform(0.05, 1.5))  # a kill moment, not a timing assertion
    alive = process.poll() is None
    if alive:
        process.send_signal(signal.SIGKILL)
    process.wait()
    return alive


def _setup_production(root: Path) -> Production:
    (root / "test.fountain").write_text(SCRIPT, encoding="utf-8")
    (root / "cast.csv").write_text(CAST_CSV, encoding="utf-8")
    production = Production.from_files(
        root / "test.fountain", cast=root / "cast.csv", output_dir=root / "project"
    )
    draft_shot_list(production, SCENE)
    return production


def _visible(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def _assert_outputs_whole(folder: Path) -> int:
    """Open every visible output file as its reader would; returns how many were checked."""
    from icalendar import Calendar
    from openpyxl import load_workbook

    files = _visible(folder)
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".csv":
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
            assert len(rows) > 1, f"{path.name} has no rows"
        elif path.suffix == ".xlsx":
            book = load_workbook(io.BytesIO(data))
            assert book.worksheets, f"{path.name} has no sheets"
        elif path.suffix == ".json":
            json.loads(data)
        elif path.suffix == ".ics":
            assert Calendar.from_ical(data).walk("VEVENT"), f"{path.name} has no events"
        elif path.suffix == ".html":
            assert data.rstrip().endswith(b"</html>"), f"{path.name} is cut short"
    return len(files)


def _assert_versions_whole(production: Production) -> list[ShotList]:
    versions = list_versions(production, SCENE)
    saved = [load_shot_list(production, SCENE, v) for v in versions]  # raises on a damaged file
    assert all(s is not None for s in saved)
    return [s for s in saved if s is not None]


@pytest.mark.slow
def test_kill_9_during_shot_list_saves_never_leaves_half_a_file(tmp_path: Path) -> None:
    production = _setup_production(tmp_path)
    rng = random.Random(16)
    killed = 0
    for cycle in range(CYCLES):
        killed += _kill_when_ready(_start(_EDITOR, str(tmp_path), f"c{cycle}", "-1"), rng)
        saved = _assert_versions_whole(production)
        # each version is the one before it plus one edit: no save was lost or half-applied
        for before, after in itertools.pairwise(saved):
            assert after.provenance[: len(before.provenance)] == before.provenance
        _assert_outputs_whole(production.output_dir)
    print(f"kill -9 landed mid-editing in {killed} of {CYCLES} cycles; {len(saved)} versions saved")
    final = _start(_EDITOR, str(tmp_path), "final", "3")
    _, err = final.communicate(timeout=300)
    assert final.returncode == 0, err[-2000:]
    latest = load_shot_list(production, SCENE)
    assert latest is not None and latest.provenance[-1].endswith("notes=final-2")
    assert _assert_outputs_whole(production.output_dir) > 0


@pytest.mark.slow
def test_kill_9_during_schedule_exports_never_leaves_half_a_file(tmp_path: Path, sample_shoot: Any) -> None:
    shoot = sample_shoot
    (tmp_path / "shoot.pickle").write_bytes(pickle.dumps((shoot.problem, shoot.schedule)))
    rng = random.Random(17)
    killed = checked = 0
    for _cycle in range(CYCLES):
        killed += _kill_when_ready(_start(_EXPORTER, str(tmp_path)), rng)
        checked = _assert_outputs_whole(tmp_path / "out")
    print(f"kill -9 landed mid-export in {killed} of {CYCLES} cycles; {checked} export files whole")
    assert killed == CYCLES  # the exporter never stops by itself
    assert checked == 5


@pytest.mark.slow
def test_two_processes_editing_one_shot_list_lose_no_edit(tmp_path: Path) -> None:
    production = _setup_production(tmp_path)
    start = len(list_versions(production, SCENE))
    count = 8
    editors = [_start(_EDITOR, str(tmp_path), tag, str(count)) for tag in ("A", "B")]
    for editor in editors:
        _, err = editor.communicate(timeout=300)
        assert editor.returncode == 0, err[-2000:]
        assert "Traceback" not in err and "locked" not in err
    saved = _assert_versions_whole(production)
    assert len(saved) == start + 2 * count
    for before, after in itertools.pairwise(saved):
        assert after.provenance[: len(before.provenance)] == before.provenance  # built on the latest
    history = " ".join(saved[-1].provenance)
    for tag in ("A", "B"):
        for n in range(count):
            assert f"notes={tag}-{n}" in history, f"edit {tag}-{n} was lost"


def test_two_chat_sessions_editing_one_shot_list_lose_no_edit(tmp_path: Path) -> None:
    """Two threads of one process, as two chat sessions of the UI are."""
    production = _setup_production(tmp_path)
    shots = [s.id for s in (load_shot_list(production, SCENE) or ShotList(scene=SCENE)).shots]
    errors: list[BaseException] = []

    def session(tag: str) -> None:
        try:
            for n in range(5):
                edit_shot_list(production, SCENE, shots[n % len(shots)], notes=f"{tag}-{n}")
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=session, args=(tag,)) for tag in ("S1", "S2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    latest = load_shot_list(production, SCENE)
    assert latest is not None
    history = " ".join(latest.provenance)
    assert all(f"notes={tag}-{n}" in history for tag in ("S1", "S2") for n in range(5))
