"""Shot-list files: CSV/XLSX/Markdown/JSON exports, spreadsheet import with row-level errors,
versioned storage that never overwrites."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from core.errors import SlateError, UnsupportedFormat
from knowledge.production import Production
from tools.shot_list import STYLE_PRESETS, ShotList, draft_rule_shot_list, draft_shot_list, edit_shot_list
from tools.shot_list import storage as shot_list_io
from tools.shot_list_io import (
    ShotListImportError,
    csv_text,
    export_bytes,
    import_shot_lists,
    list_versions,
    load_shot_list,
    markdown_text,
    parse_lines,
    read_shot_lists,
    save_shot_list,
    shot_list_dir,
    to_json_data,
    write_shot_lists,
    xlsx_bytes,
)

CAST_CSV = "id,names\nAH FAI,阿輝;Ah Fai\nMEI,阿美;Mei\nSIU KEUNG,細強;Siu Keung\n"
SCRIPT = """INT. 茶餐廳 CHA CHAAN TENG - NIGHT #7#

EXTRAS: 12 diners. AH FAI sits at the counter. Mei puts a glass of 「凍奶茶」 in front of him.

阿輝
唔該晒。

阿美
記住埋單㗎。

阿輝
得啦，得啦。

阿美
仲有上次嗰筆，咪扮冇見到。

Ah Fai looks at the wall CLOCK and pulls out his WALLET.

EXT. 天台 ROOFTOP - NIGHT #8#

STUNT: Siu Keung leaps the gap to the next roof.

阿輝
細強！

細強
追到我先講！

阿輝
你走唔甩㗎！
"""


@pytest.fixture
def production(tmp_path: Path) -> Production:
    (tmp_path / "s.fountain").write_text(SCRIPT, encoding="utf-8")
    (tmp_path / "cast.csv").write_text(CAST_CSV, encoding="utf-8")
    return Production.from_files(
        tmp_path / "s.fountain", cast=tmp_path / "cast.csv", output_dir=tmp_path / "p"
    )


def drafts(production: Production, style: str = "classic") -> list[ShotList]:
    return [draft_rule_shot_list(production, scene, style) for scene in production.scenes]  # type: ignore[arg-type]


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# --- exports -------------------------------------------------------------------------------------


def test_json_has_the_issue_shape(production: Production) -> None:
    one = to_json_data(drafts(production)[:1])
    assert isinstance(one, dict) and one["scene"] == "7"
    keys = {
        "id",
        "size",
        "angle",
        "movement",
        "lens_mm",
        "subjects",
        "description",
        "lines",
        "setup_minutes",
        "notes",
    }
    assert keys <= set(one["shots"][0])
    assert one["total_minutes"] == sum(s["setup_minutes"] for s in one["shots"])
    assert one["shots"][1]["lines"] == [[1, 17]]
    both = to_json_data(drafts(production))
    assert isinstance(both, list) and [d["scene"] for d in both] == ["7", "8"]


def test_csv_has_a_bom_for_excel_and_keeps_chinese(production: Production) -> None:
    data = export_bytes(drafts(production), "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = rows_of(data.decode("utf-8-sig"))
    assert rows[0][:3] == ["Scene", "Shot", "Size"] and rows[0][5] == "Lens (mm)"
    assert len(rows) == 1 + sum(len(sl.shots) for sl in drafts(production))
    assert any("凍奶茶" in cell for row in rows for cell in row)
    assert {row[0] for row in rows[1:]} == {"7", "8"}


def test_xlsx_is_formatted_for_the_crew(production: Production, tmp_path: Path) -> None:
    lists = drafts(production)
    path = write_shot_lists(lists, tmp_path / "shots.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Sc 7", "Sc 8"]
    sheet = book["Sc 7"]
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["Scene", "Shot"] and "Setup (min)" in header
    assert all(c.font.bold for c in sheet[1]) and sheet["A1"].fill.fgColor.rgb.endswith("1F3B57")
    assert sheet.column_dimensions["I"].width >= 40  # description
    assert sheet.auto_filter.ref.startswith("A1:")
    assert sheet.print_title_rows == "$1:$1" and sheet.page_setup.orientation == "landscape"
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any("凍奶茶" in v for v in cells) and any("阿輝" in v or "AH FAI" in v for v in cells)
    total_row = len(lists[0].shots) + 3
    assert sheet.cell(total_row, 2).value == "TOTAL"
    assert str(sheet.cell(total_row, 12).value).startswith("=SUM(L2:L")


def test_xlsx_never_turns_text_into_a_formula(production: Production) -> None:
    sl = drafts(production)[0]
    shot = sl.shots[0].model_copy(update={"description": '=HYPERLINK("http://x")'})
    book = load_workbook(io.BytesIO(xlsx_bytes([sl.model_copy(update={"shots": [shot]})])))
    cell = book["Sc 7"]["I2"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x")'


def test_markdown_has_a_table_per_scene_and_escapes_pipes(production: Production) -> None:
    lists = drafts(production)
    shot = lists[0].shots[0].model_copy(update={"description": "a | b\nc"})
    text = markdown_text([lists[0].model_copy(update={"shots": [shot, *lists[0].shots[1:]]}), lists[1]])
    assert text.count("## Scene ") == 2 and "| Shot | Size |" in text
    assert "a \\| b<br>c" in text and "**Total: 2 scenes" in text


def test_export_format_from_the_file_name(production: Production, tmp_path: Path) -> None:
    lists = drafts(production)
    as_json = json.loads(write_shot_lists(lists, tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [d["scene"] for d in as_json] == ["7", "8"]
    as_csv = write_shot_lists(lists, tmp_path / "out.CSV").read_bytes()
    assert as_csv.startswith(b"\xef\xbb\xbf") and rows_of(as_csv.decode("utf-8-sig"))[0][:2] == [
        "Scene",
        "Shot",
    ]
    assert load_workbook(write_shot_lists(lists, tmp_path / "out.xlsx")).sheetnames == ["Sc 7", "Sc 8"]
    for name in ("out.md", "out.markdown"):
        assert write_shot_lists(lists, tmp_path / name).read_text(encoding="utf-8").count("## Scene ") == 2
    with pytest.raises(UnsupportedFormat):
        write_shot_lists(drafts(production), tmp_path / "out.pdf")


def test_line_cells() -> None:
    assert parse_lines("12; 14-20, 22–23、30~31，40至41") == [12, (14, 20), (22, 23), (30, 31), (40, 41)]
    assert parse_lines("") == [] and parse_lines("7-7") == [7]
    for bad in ("twelve", "20-14", "1-2-3"):
        with pytest.raises(ValueError):
            parse_lines(bad)


# --- round trips ---------------------------------------------------------------------------------


@pytest.mark.parametrize("style", sorted(STYLE_PRESETS))
@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_round_trip_export_import_gives_the_same_shot_list(
    production: Production, tmp_path: Path, style: str, suffix: str
) -> None:
    lists = drafts(production, style)
    path = write_shot_lists(lists, tmp_path / f"shots.{suffix}")
    back = read_shot_lists(production, path)
    assert [sl.scene for sl in back] == ["7", "8"]
    for before, after in zip(lists, back, strict=True):
        assert after.shots == before.shots
        assert after.total_minutes == before.total_minutes


def test_round_trip_after_edits_keeps_gaps_in_the_letters(production: Production, tmp_path: Path) -> None:
    draft_shot_list(production, "7")
    edited = edit_shot_list(production, "7", "7C", remove=True).shot_list
    path = write_shot_lists([edited], tmp_path / "edited.xlsx")
    saved = import_shot_lists(production, path)
    assert saved[0].shots == edited.shots and saved[0].version == 3
    assert saved[0].provenance[-1] == "import: edited.xlsx" and saved[0].provenance[0] == "rules"


# --- import: what coordinators do ----------------------------------------------------------------


def _csv(tmp_path: Path, rows: list[list[object]], name: str = "edit.csv", encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def test_import_accepts_chinese_headers_aliases_totals_and_blank_rows(
    production: Production, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path,
        [
            [
                "場次",
                "鏡號",
                "景別",
                "角度",
                "運鏡",
                "焦距",
                "角色",
                "描述",
                "對白行",
                "收音",
                "預計時間",
                "備註",
            ],
            ["7", "7a", "特寫", "仰拍", "手持", "85 mm", "阿輝、阿美", "阿輝特寫", "3-4; 6", "同期", "", ""],
            [
                "",
                "7B",
                "wide shot",
                "eye-level",
                "Steadicam",
                "18",
                "Mei",
                "Master",
                "1-17",
                "mos",
                "50",
                "STUNT: x",
            ],
            [],
            ["", "TOTAL", "", "", "", "", "", "", "", "", "=SUM(K2:K3)", ""],
        ],
    )
    (sl,) = read_shot_lists(production, path)
    a, b = sl.shots
    assert (a.size, a.angle, a.movement, a.lens_mm, a.subjects) == (
        "CU",
        "low",
        "handheld",
        85,
        ["AH FAI", "MEI"],
    )
    assert (a.lines, a.sound, a.setup_minutes) == ([(3, 4), 6], "sync", 15 - 5)  # blank: from the table
    assert (b.scene, b.size, b.movement, b.sound, b.setup_minutes) == ("7", "WS", "steadicam", "MOS", 50)


def test_import_reads_big5_hkscs_csv(production: Production, tmp_path: Path) -> None:
    rows = [
        ["Scene", "Shot", "Size", "Subjects", "Description"],
        ["7", "7A", "MCU", "阿輝", "阿輝話：唔該晒㗎"],
    ]
    (sl,) = read_shot_lists(production, _csv(tmp_path, rows, "big5.csv", encoding="big5hkscs"))
    assert sl.shots[0].description == "阿輝話：唔該晒㗎" and sl.shots[0].subjects == ["AH FAI"]


def test_bad_rows_give_row_level_errors_and_nothing_is_saved(production: Production, tmp_path: Path) -> None:
    saved = draft_shot_list(production, "7").shot_list
    before = (shot_list_dir(production, "7") / "v001.json").read_bytes()
    rows = rows_of(csv_text([saved]))
    rows[2][2] = "CLOSE"  # unknown size, row 3
    rows[3][5] = "fifty"  # non-numeric lens, row 4
    rows[4][1] = ""  # missing id, row 5
    path = _csv(tmp_path, rows)
    with pytest.raises(ShotListImportError) as err:
        import_shot_lists(production, path)
    found = {(e.row, e.column) for e in err.value.errors}
    assert found == {(3, "size"), (4, "lens_mm"), (5, "id")}
    message = str(err.value)
    assert message.startswith(f"{path}:3: 3 problems") and "nothing was imported" in message
    assert "row 3, column 'size': unknown shot size" in message and "(got 'CLOSE')" in message
    assert "row 4, column 'lens_mm'" in message and "row 5, column 'id': missing shot id" in message
    assert err.value.to_dict()["errors"][0] == {
        "row": 3,
        "column": "size",
        "message": err.value.errors[0].message,
        "value": "CLOSE",
    }
    assert list_versions(production, "7") == [1]
    assert (shot_list_dir(production, "7") / "v001.json").read_bytes() == before


def test_every_kind_of_bad_cell_is_reported(production: Production, tmp_path: Path) -> None:
    header = [
        "Scene",
        "Shot",
        "Size",
        "Angle",
        "Movement",
        "Lens (mm)",
        "Subjects",
        "Lines",
        "Sound",
        "Setup (min)",
    ]
    rows = [
        header,
        ["7", "7A", "WS", "sideways", "teleport", "50", "阿Sir", "1-999", "loud", "ten"],
        ["7", "8A", "WS", "", "", "", "", "", "", ""],
        ["99", "99A", "WS", "", "", "", "", "", "", ""],
        ["7", "7B", "MS", "", "", "3", "", "x", "", "-5"],
        ["7", "7C", "MS", "", "", "", "", "", "", ""],
        ["7", "7C", "MS", "", "", "", "", "", "", ""],
    ]
    with pytest.raises(ShotListImportError) as err:
        read_shot_lists(production, _csv(tmp_path, rows))
    found = {(e.row, e.column) for e in err.value.errors}
    assert {
        (2, "angle"),
        (2, "movement"),
        (2, "subjects"),
        (2, "lines"),
        (2, "sound"),
        (2, "setup_minutes"),
    } <= found
    assert (3, "id") in found  # 8A is not a shot of scene 7
    assert (4, "scene") in found and (5, "lens_mm") in found and (5, "lines") in found
    assert (5, "setup_minutes") in found and (7, "id") in found  # duplicate 7C
    text = {e.row: e.text() for e in err.value.errors if e.column in ("subjects", "scene", "id")}
    assert "nearest" in text[4] and "row 6" in text[7]


def test_file_level_problems(production: Production, tmp_path: Path) -> None:
    with pytest.raises(ShotListImportError, match="'Done ✓': not a shot-list column"):
        read_shot_lists(production, _csv(tmp_path, [["Shot", "Size", "Done ✓"], ["7A", "WS", "yes"]]))
    with pytest.raises(ShotListImportError, match="'Size': required column is missing"):
        read_shot_lists(production, _csv(tmp_path, [["Shot", "Lens"], ["7A", "50"]]))
    with pytest.raises(ShotListImportError, match="no shot rows"):
        read_shot_lists(production, _csv(tmp_path, [["Shot", "Size"]]))
    with pytest.raises(UnsupportedFormat):
        read_shot_lists(production, tmp_path / "shots.numbers")
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(SlateError, match="Not a readable XLSX"):
        read_shot_lists(production, damaged)


def test_xlsx_import_names_the_sheet_and_skips_empty_sheets(production: Production, tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Notes"
    sheet = book.create_sheet("Sc 8")
    sheet.append(["Scene", "Shot", "Size", "Lens (mm)"])
    sheet.append([8, "8A", "EWS", 18.0])
    sheet.append([8, "8B", "WS", "wide"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    with pytest.raises(ShotListImportError) as err:
        read_shot_lists(production, path)
    (error,) = err.value.errors
    assert (error.sheet, error.row, error.column, error.value) == ("Sc 8", 3, "lens_mm", "wide")
    assert "sheet 'Sc 8' row 3" in str(err.value)


# --- versioned storage ---------------------------------------------------------------------------


def test_versions_are_never_overwritten(production: Production, monkeypatch: pytest.MonkeyPatch) -> None:
    first = save_shot_list(production, drafts(production)[0])
    second = save_shot_list(production, drafts(production, "hk-action")[0])
    assert (first.version, second.version) == (1, 2)
    assert load_shot_list(production, "7") == second and load_shot_list(production, "7", 1) == first
    assert first.saved_at is not None
    # Another writer saved v3 between our look and our write: we take v4, v3 stays theirs.
    real = shot_list_io.list_versions
    stale = iter([[1, 2]])
    monkeypatch.setattr(shot_list_io, "list_versions", lambda p, s: next(stale, None) or real(p, s))
    (shot_list_dir(production, "7") / "v003.json").write_text("{}", encoding="utf-8")
    third = save_shot_list(production, drafts(production, "handheld")[0])
    assert third.version == 4
    assert (shot_list_dir(production, "7") / "v003.json").read_text(encoding="utf-8") == "{}"
    assert not list(shot_list_dir(production, "7").glob(".shot-list.*"))


def test_a_damaged_version_is_a_located_error(production: Production) -> None:
    save_shot_list(production, drafts(production)[0])
    path = shot_list_dir(production, "7") / "v002.json"
    path.write_text("{broken", encoding="utf-8")
    with pytest.raises(SlateError, match="damaged") as err:
        load_shot_list(production, "7")
    assert err.value.file == str(path)
    with pytest.raises(SlateError, match="no shot-list version 9"):
        load_shot_list(production, "7", 9)
    assert load_shot_list(production, "8") is None
