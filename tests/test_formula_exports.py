"""Issue 16's reproducer: a cell text such as `+SUM(…)` written into a script travels into spreadsheet
exports. Shot-list and schedule CSV/XLSX files must hold it as text (CSV with a leading `'`, XLSX as a
string cell), never as a live formula; only the shot-list workbook's own `=SUM` totals are formulas.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tools.schedule.export import write_export
from tools.shot_list import Shot, ShotList
from tools.shot_list_io import write_shot_lists

HOSTILE = ["+SUM(1,2)", '=HYPERLINK("http://x")', "@cmd", "-2+3"]


def _csv_cells(path: Path) -> list[str]:
    return [c for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))) for c in row]


def _formula_cells(path: Path) -> list[str]:
    book = load_workbook(path)
    return [
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def test_shot_list_exports_hold_no_live_formula_from_the_script(tmp_path: Path) -> None:
    shot = Shot(
        id="7A", scene="7", size="WS", lens_mm=24, setup_minutes=20,
        subjects=[HOSTILE[0]], description=HOSTILE[1], notes=HOSTILE[2], equipment=HOSTILE[3],
    )  # fmt: skip
    shot_list = ShotList(scene="7", heading="INT. 茶餐廳 - NIGHT", shots=[shot])
    cells = _csv_cells(write_shot_lists([shot_list], tmp_path / "s.csv"))
    for text in HOSTILE:
        assert text not in cells, text  # never bare
    assert "'" + HOSTILE[1] in cells
    formulas = _formula_cells(write_shot_lists([shot_list], tmp_path / "s.xlsx"))
    assert formulas and all(f.startswith("=SUM(") for f in formulas)  # only the sheet's own totals


@pytest.mark.slow
def test_schedule_exports_hold_no_live_formula_from_the_script(tmp_path: Path, sample_shoot: Any) -> None:
    shoot = sample_shoot
    first = shoot.problem.scenes[0].model_copy(
        update={"heading": HOSTILE[0], "set_name": HOSTILE[1], "synopsis": HOSTILE[2], "notes": HOSTILE[3]}
    )
    problem = dataclasses.replace(shoot.problem, scenes=(first, *shoot.problem.scenes[1:]))
    cells = _csv_cells(write_export(tmp_path / "s.csv", problem, shoot.schedule, "csv"))
    assert not set(HOSTILE) & set(cells)
    assert any(c.startswith("'") and any(h in c for h in HOSTILE) for c in cells)  # there, as text
    assert _formula_cells(write_export(tmp_path / "s.xlsx", problem, shoot.schedule, "xlsx")) == []


def test_breakdown_exports_hold_no_live_formula_and_read_back_as_written(tmp_path: Path) -> None:
    from tools.breakdown.edits import read_edits
    from tools.breakdown.export import export_bytes
    from tools.breakdown.model import Breakdown, BreakdownElement, SceneBreakdown

    elements = [BreakdownElement(category="props", name=text, detail=HOSTILE[1]) for text in HOSTILE]
    sheet = SceneBreakdown(scene="7", heading="INT. 茶餐廳 - NIGHT", elements=elements)
    breakdown = Breakdown(title="夜更", scenes=[sheet])
    path = tmp_path / "b.csv"
    path.write_bytes(export_bytes(breakdown, "csv"))
    assert not set(HOSTILE) & set(_csv_cells(path))
    assert sorted(e.name for e in read_edits(path)) == sorted(HOSTILE)  # Slate reads its own file back
    book = tmp_path / "b.xlsx"
    book.write_bytes(export_bytes(breakdown, "xlsx"))
    assert _formula_cells(book) == []
    assert sorted(e.name for e in read_edits(book)) == sorted(HOSTILE)
