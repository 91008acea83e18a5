"""Artifacts as tables and tables as CSV/XLSX files (the UI's downloads)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.errors import SlateError
from tools.artifact_export import Table, artifact_tables, cell, export_rows

SCENES_ARTIFACT = {
    "kind": "scenes",
    "tool": "find_scenes",
    "seconds": 0.01,
    "files": [],
    "sources": [{"file": "night_shift.fountain", "scene": "11"}],
    "filters": {"location": "rooftop"},
    "scenes": [
        {
            "number": "11",
            "heading": "EXT. ROOFTOP - NIGHT",
            "int_ext": "EXT",
            "location": "ROOFTOP",
            "time_of_day": "NIGHT",
            "characters": ["AH FAI", "肥仔"],
            "non_speaking": [],
            "page": 15,
            "eighths": 11,
            "pages": "1 3/8",
            "lines": [670, 729],
            "file": "night_shift.fountain",
        },
        {
            "number": "17",
            "heading": "外景：天台 - 夜",
            "int_ext": "EXT",
            "location": "天台",
            "time_of_day": "NIGHT",
            "characters": ["劉督察"],
            "non_speaking": ["馬仔"],
            "page": 25,
            "eighths": 21,
            "pages": "2 5/8",
            "lines": [1122, 1227],
            "file": "night_shift.fountain",
        },
    ],
    "total_eighths": 32,
}


def test_scene_rows_become_a_table_with_the_crew_columns_first() -> None:
    (table,) = artifact_tables(SCENES_ARTIFACT)
    assert table.name == "scenes"
    assert table.columns[:8] == [
        "number",
        "heading",
        "int_ext",
        "location",
        "time_of_day",
        "characters",
        "page",
        "pages",
    ]
    assert "non_speaking" not in table.columns and "file" not in table.columns
    assert table.rows[0][5] == "AH FAI; 肥仔"
    assert table.records()[1]["lines"] == "1122–1227"


def test_rows_one_level_down_are_found() -> None:
    artifact = {
        "kind": "shot_list",
        "shot_list": {
            "scene": "7",
            "shots": [{"id": "7A", "size": "WS", "lines": [[417, 423]], "subjects": []}],
            "provenance": [{"by": "rules"}],
        },
    }
    tables = artifact_tables(artifact)
    assert tables[0].name == "shots"
    assert tables[0].records()[0] == {"id": "7A", "size": "WS", "subjects": "", "lines": "417–423"}


def test_dood_codes_spread_into_date_columns() -> None:
    artifact = {
        "kind": "schedule",
        "days": [{"day": 1, "date": "2027-03-01", "scenes": ["14", "15"]}],
        "dood": [{"cast": "MEI", "codes": {"2027-03-01": "SW", "2027-03-02": "WF"}, "work_days": 2}],
    }
    days, dood = artifact_tables(artifact)
    assert days.records() == [{"day": 1, "date": "2027-03-01", "scenes": "14; 15"}]
    assert dood.name == "dood"
    assert dood.columns == ["cast", "2027-03-01", "2027-03-02", "work_days"]


def test_counts_by_name_become_two_columns() -> None:
    tables = artifact_tables({"kind": "overview", "characters": {"AH FAI": 13, "阿美": 6}, "title": "夜更"})
    assert tables[0].columns == ["characters", "value"] and tables[0].rows == [["AH FAI", 13], ["阿美", 6]]


def test_cells() -> None:
    assert cell(None) is None and cell(True) == "yes" and cell(3) == 3
    assert cell([1, 1]) == "1" and cell(["a", "b"]) == "a; b"
    assert cell({"a": 1}) == '{"a": 1}'


def test_csv_has_a_bom_and_keeps_chinese(tmp_path: Path) -> None:
    path = export_rows(SCENES_ARTIFACT["scenes"], "csv", tmp_path / "out" / "scenes.csv")  # type: ignore[arg-type]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][0] == "number" and rows[2][2] == "EXT" and rows[2][3] == "天台"


def test_xlsx_opens_with_a_bold_header(tmp_path: Path) -> None:
    table = Table(
        name="shots", columns=["id", "description"], rows=[["7A", "阿輝入屋，開燈。"], ["7B", None]]
    )
    path = export_rows(table, "xlsx", tmp_path / "shots.xlsx", title="Shot list 7")
    sheet = load_workbook(path).active
    assert sheet.title == "Shot list 7"
    assert [c.value for c in sheet[1]] == ["id", "description"] and sheet["A1"].font.bold
    assert sheet["B2"].value == "阿輝入屋，開燈。" and sheet["B3"].value is None
    assert sheet.freeze_panes == "A2"


def test_an_unknown_format_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    with pytest.raises(SlateError, match="csv, xlsx or md"):
        export_rows([{"a": 1}], "pdf", tmp_path / "x.pdf")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_typed_columns_name_the_fields_they_read() -> None:
    """A typed column's name is the field its getter reads (mypy checks the getter, this the name)."""
    from pydantic_core import to_jsonable_python

    from tools.artifact_export import ROW_COLUMNS
    from tools.registry import get_tool
    from tools.script_lookup import SceneRow

    for model, columns in ROW_COLUMNS.items():
        assert {c.name for c in columns} <= set(model.model_fields), model
    scenes = get_tool("find_scenes").load_result(SCENES_ARTIFACT)
    for row in scenes.scenes:  # type: ignore[attr-defined]
        dumped = row.model_dump(mode="json")
        assert [to_jsonable_python(c.get(row)) for c in ROW_COLUMNS[SceneRow]] == [
            dumped[c.name] for c in ROW_COLUMNS[SceneRow]
        ]


def test_typed_results_give_the_tables_their_plain_data_gives(sample_dir: Path) -> None:
    """What the UI shows and downloads, read by attribute from the typed result, is what the plain
    data gave before: same tables, same columns, same cells (so the downloads stay byte-identical)."""
    from knowledge.production import Production
    from tools.artifact_export import result_tables
    from tools.registry import get_tool

    production = Production.from_files(
        sample_dir / "night_shift.fountain",
        cast=sample_dir / "cast.csv",
        locations=sample_dir / "locations.csv",
        output_dir=Path(__import__("tempfile").mkdtemp()),
    )
    calls = [
        ("find_scenes", {}),
        ("scene_details", {"scene": "11"}),
        ("character_report", {"name": "AH FAI"}),
        ("location_report", {"name": "天台"}),
        ("production_overview", {}),
        ("cast_summary", {}),
        ("draft_shot_list", {"scene": "11"}),
        ("breakdown_scenes", {}),
    ]
    for name, args in calls:
        plain = get_tool(name).invoke(production, args).model_dump(mode="json") | {"tool": name}
        typed = get_tool(name).load_result(plain)
        assert typed.model_dump(mode="json") | {"tool": name} == plain, name
        assert result_tables(typed) == artifact_tables(plain), name


def test_rows_as_markdown_keep_their_table_whole(tmp_path: Path) -> None:
    table = Table(name="shots", columns=["id", "description"], rows=[["7A", "a | b\nc"], ["7B", None]])
    text = export_rows(table, "md", tmp_path / "shots.md").read_text(encoding="utf-8")
    assert text == "| id | description |\n|---|---|\n| 7A | a \\| b<br>c |\n| 7B |  |\n"
