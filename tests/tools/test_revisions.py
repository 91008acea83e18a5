"""Script revisions: a second draft written by hand, compared with the first, reports every change
and its impacts exactly as written down beforehand (tests/golden/breakdown/*.draft2.expected.yaml)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from knowledge.loader import load_screenplay
from knowledge.production import Production
from tools.revisions import (
    REVISION_COLOURS,
    RevisionReport,
    _next_number,
    compare_drafts,
    draft_changes,
    drafts_index,
    list_drafts,
    revision_colour,
)
from tools.shot_list import draft_shot_list_for_scene
from tools.shot_list_io import save_shot_list

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "breakdown"
FIRST = GOLDEN / "typhoon_market.fountain"
SECOND = GOLDEN / "typhoon_market.draft2.fountain"


def _hours(eighths: int) -> float:
    import math

    return max(0.25, math.ceil(eighths / 8 / 0.5 * 4 - 1e-9) / 4)


@pytest.fixture
def project(tmp_path: Path) -> Production:
    production = Production.from_files(FIRST, output_dir=tmp_path / "project")
    for number in ("1", "2", "3", "5"):
        save_shot_list(production, draft_shot_list_for_scene(production, production.scene(number), "classic"))
    eighths = {s.number: s.eighths for s in production.scenes}
    days = [
        {"date": "2027-03-01", "scenes": ["1", "2"], "hours": _hours(eighths["1"]) + _hours(eighths["2"])},
        {"date": "2027-03-02", "scenes": ["3", "4", "5"], "hours": sum(_hours(eighths[n]) for n in "345")},
    ]
    (production.output_dir / "schedule.json").write_text(json.dumps({"days": days}), encoding="utf-8")
    return production


@pytest.fixture
def report(project: Production) -> RevisionReport:
    return compare_drafts(project, new_script=str(SECOND))


@pytest.fixture
def expected() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((GOLDEN / "typhoon_market.draft2.expected.yaml").read_text(encoding="utf-8"))


def test_every_scene_change_under_locked_numbers(report: RevisionReport, expected: dict) -> None:  # type: ignore[type-arg]
    got = [
        {
            "number": s.number,
            "status": s.status,
            **({"changes": list(s.changes)} if s.changes else {}),
            **(
                {"eighths": s.eighths_delta}
                if s.eighths_delta and s.status not in ("added", "omitted")
                else {}
            ),
        }
        for s in report.scenes
    ]
    assert got == expected["scenes"]
    assert report.colour == expected["colour"] == "blue"
    omitted = next(s for s in report.scenes if s.status == "omitted")
    assert omitted.label() == "2 OMITTED"


def test_impacts_are_exactly_the_hand_written_ones(report: RevisionReport, expected: dict) -> None:  # type: ignore[type-arg]
    stale = [{"scene": s.scene, "reason": s.reason} for s in report.stale_shot_lists]
    assert stale == expected["stale_shot_lists"]
    assert all(s.version == 1 for s in report.stale_shot_lists)
    elements = sorted((e.scene, e.category, e.name, e.change) for e in report.elements)
    assert elements == sorted(
        (e["scene"], e["category"], e["name"], e["change"]) for e in expected["elements"]
    )
    cast = [{"character": c.character, "gained": c.gained, "lost": c.lost} for c in report.cast]
    assert cast == expected["cast"]
    assert [d.day for d in report.days] == expected["days_changed"]
    assert report.unscheduled == expected["unscheduled"]


def test_day_hours_lose_the_omitted_scene(project: Production, report: RevisionReport) -> None:
    scene_2 = project.scene("2").eighths
    day, _second = report.days
    assert day.delta == pytest.approx(-_hours(scene_2))
    assert day.scenes == ["1", "2"]


def test_page_length_changes_are_reported(report: RevisionReport) -> None:
    for change in report.scenes:
        if change.status in ("changed", "moved", "unchanged"):
            assert change.old_eighths is not None and change.new_eighths is not None
    added = [s for s in report.scenes if s.status == "added"]
    assert all(s.new_eighths and s.old_eighths is None for s in added)


def test_previous_draft_stays_readable_and_colours_follow_the_order(
    project: Production, tmp_path: Path
) -> None:
    compare_drafts(project, new_script=str(SECOND))
    third = compare_drafts(project, new_script=str(SECOND))
    assert third.colour == "pink"
    drafts = list_drafts(project).drafts
    assert [d.colour for d in drafts] == ["white", "blue", "pink"]
    white = project.artifacts_dir / drafts[0].file
    assert load_screenplay(white).scenes[1].heading.startswith("INT. 魚檔後面")
    assert [s.heading for s in load_screenplay(white).scenes] == [s.heading for s in project.scenes]


def test_revision_colours_and_next_numbers() -> None:
    assert REVISION_COLOURS == (
        "white",
        "blue",
        "pink",
        "yellow",
        "green",
        "goldenrod",
        "buff",
        "salmon",
        "cherry",
    )
    assert [revision_colour(n) for n in (0, 1, 8, 9)] == ["white", "blue", "cherry", "white"]
    assert _next_number("12", {"12"}) == "12A"
    assert _next_number("12", {"12", "12A"}) == "12B"
    assert _next_number("12A", {"12", "12A"}) == "12B"
    assert _next_number("12H", {"12H"}) == "12J"  # no I or O
    assert _next_number(None, {"1"}) == "A1"


def test_cli_revisions_prints_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    from slate.cli import main

    assert main(["revisions", str(SECOND), "--script", str(FIRST)]) == 0
    out = capsys.readouterr().out
    assert "2 OMITTED" in out and "1A added" in out and "blue" in out


def test_draft_changes_repeats_the_comparison_from_the_stored_drafts(
    project: Production, report: RevisionReport
) -> None:
    again = draft_changes(project)
    assert [(s.number, s.status) for s in again.scenes] == [(s.number, s.status) for s in report.scenes]
    assert again.elements == report.elements and again.cast == report.cast
    assert again.revision == 1 and again.colour == report.colour and not again.files
    assert len(drafts_index(project)) == 2  # read-only: no draft kept by asking


def test_draft_changes_needs_two_drafts(project: Production) -> None:
    from core.errors import SlateError

    with pytest.raises(SlateError):
        draft_changes(project)
