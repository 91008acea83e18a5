"""The breakdown on the schedule: special equipment, stunts and effects on every strip and day, and
the time stunts and effects add to estimates (the coordinator's edits included)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from knowledge.plan import breakdown_from_production
from knowledge.production import Production
from tests.conftest import SAMPLE_DIR
from tools.schedule.export import export_bytes
from tools.schedule.stripboard import stripboard_html
from tools.schedule.tools import CACHE_FILE, PlannedShoot, plan_shoot

# The coordinator adds a drone to scene 5 and a stair fall to scene 9; neither is in the script.
EDITS = """\
elements:
  - {scene: "5", category: equipment, name: DRONE}
  - {scene: "9", category: stunts, name: FALL DOWN THE STAIRS}
"""


def _production(tmp_path: Path, edits: str = EDITS) -> Production:
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE_DIR, root)
    (root / "edits.yaml").write_text(edits, encoding="utf-8")
    plan = root / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "breakdown: edits.yaml\n", encoding="utf-8")
    return Production.from_files(
        root / "night_shift.fountain",
        cast=root / "cast.csv",
        locations=root / "locations.csv",
        plan=plan,
        output_dir=tmp_path / "project",
    )


@pytest.fixture(scope="module")
def shoot(tmp_path_factory: pytest.TempPathFactory) -> PlannedShoot:
    production = _production(tmp_path_factory.mktemp("board"))
    return plan_shoot(production, time_limit_s=3, num_workers=1, remember=False)


def _day_of(shoot: PlannedShoot, scene: str) -> int:
    return next(d.day for d in shoot.schedule.days if scene in d.scenes)


def test_strips_carry_the_breakdown_with_the_coordinators_edits(shoot: PlannedShoot) -> None:
    strips = {s.id: s for s in shoot.strips}
    assert strips["3"].equipment == ["Process trailer", "LED wall"]  # detected in the script's note
    assert strips["5"].equipment == ["DRONE"]  # the coordinator's edit
    # The edit's stunt adds half an hour to scene 9, whose hours the plan does not fix.
    assert strips["9"].stunts == ["FALL DOWN THE STAIRS"]
    assert strips["9"].added_hours == 0.5 and strips["9"].added_for == "1 stunt +0.5 h"
    # Scene 17's stunts and effects are on its strip, but the plan's est_hours: 11 stands.
    assert strips["17"].stunts and strips["17"].effects and strips["17"].equipment
    assert strips["17"].est_hours == 11 and strips["17"].added_hours == 0


def test_the_stripboard_shows_equipment_stunts_and_the_added_time(shoot: PlannedShoot) -> None:
    page = stripboard_html(shoot.problem, shoot.schedule)
    assert "<th>Stunts · SFX · Equipment</th>" in page
    assert '<span class="tag equipment">□ Process trailer</span>' in page
    assert '<span class="tag equipment">□ DRONE</span>' in page
    assert '<span class="tag stunts">STUNTS</span> FALL DOWN THE STAIRS' in page
    assert '<small class="added">1 stunt +0.5 h</small>' in page
    breaks = dict(re.findall(r"END OF DAY (\d+) (.*?)</td></tr>", page))
    # A day's equipment is one tag list ("□ Process trailer, LED wall, DRONE" when the solver puts
    # scenes 3 and 5 on one day, as it may within its time limit): each scene's kit is in its day's.
    assert "DRONE" in breaks[str(_day_of(shoot, "5"))]
    assert "Process trailer" in breaks[str(_day_of(shoot, "3"))]
    plain = [d.day for d in shoot.schedule.days if d.scenes and "5" not in d.scenes]
    assert all("DRONE" not in breaks[str(day)] for day in plain)


def test_exports_carry_the_breakdown(shoot: PlannedShoot) -> None:
    rows = list(
        csv.DictReader(io.StringIO(export_bytes(shoot.problem, shoot.schedule, "csv").decode("utf-8-sig")))
    )
    by_scene = {r["Scene"]: r for r in rows}
    assert by_scene["5"]["Equipment"] == "DRONE" and by_scene["3"]["Equipment"] == "Process trailer, LED wall"
    assert (
        by_scene["9"]["Stunts"] == "FALL DOWN THE STAIRS" and by_scene["9"]["Hours added"] == "1 stunt +0.5 h"
    )
    assert by_scene["17"]["SFX"] and by_scene["17"]["Hours added"] == ""
    data = json.loads(export_bytes(shoot.problem, shoot.schedule, "json"))
    assert data["scenes"]["5"]["equipment"] == ["DRONE"]
    assert data["scenes"]["9"]["hours_added"] == 0.5
    assert "DRONE" in data["days"][_day_of(shoot, "5") - 1]["equipment"]

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(export_bytes(shoot.problem, shoot.schedule, "xlsx")))
    texts = [str(c.value) for row in book["Stripboard"].iter_rows() for c in row if c.value]
    assert "□ DRONE" in texts and any(t.startswith("STUNTS FALL DOWN THE STAIRS") for t in texts)


def test_a_breakdown_edit_that_changes_an_estimate_changes_the_cache_key(tmp_path: Path) -> None:
    production = _production(tmp_path, "elements: []\n")
    plan_shoot(production, time_limit_s=2, num_workers=1)
    cache = production.work_dir / "artifacts" / CACHE_FILE

    def key() -> str:
        return str(json.loads(cache.read_text(encoding="utf-8"))["key"])

    first = key()
    # Equipment alone changes no estimate: the plan the crew was shown is kept, the drone shown on it.
    edits = tmp_path / "sample" / "edits.yaml"
    edits.write_text("elements:\n  - {scene: '5', category: equipment, name: DRONE}\n", encoding="utf-8")
    shoot = plan_shoot(production, time_limit_s=2, num_workers=1, reuse=True)
    assert key() == first and {s.id: s for s in shoot.strips}["5"].equipment == ["DRONE"]
    # A stunt adds half an hour to scene 9: a different problem, so a different key.
    edits.write_text(EDITS, encoding="utf-8")
    shoot = plan_shoot(production, time_limit_s=2, num_workers=1, reuse=True)
    assert {s.id: s for s in shoot.strips}["9"].added_hours == 0.5
    assert key() != first
    # Without the breakdown scene 9's estimate is its pages alone.
    plain = {s.id: s for s in breakdown_from_production(production, shoot.plan)}["9"]
    assert plain.est_hours + 0.5 == {s.id: s for s in shoot.strips}["9"].est_hours
