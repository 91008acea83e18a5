"""Script truths every tool relies on: OMITTED scenes keep their number but are never counted, listed by
a filter, drafted or scheduled; voices only heard in a scene (V.O., O.S., ON PHONE, 電話) are never framed
or called."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import SceneOmitted
from knowledge.headings import is_heading
from knowledge.production import Production
from knowledge.scenes import is_off_screen, is_omitted_heading
from tools.registry import all_tools

SCRIPT = """Title: Truths

INT. KITCHEN - DAY #1#

MAY stirs a pot.

MAY
Dinner's ready.

JOE (V.O.)
I'm not coming home tonight.

.OMITTED #2#

EXT. GARDEN - NIGHT #3#

JOE (ON PHONE)
Are you there?

MAY
Yes.

OMITTED #4#

INT. HALL - DAY #5#

JOE
Hi.

MAY (O.S.)
Who's there?
"""


@pytest.fixture
def production(tmp_path: Path) -> Production:
    path = tmp_path / "truths.fountain"
    path.write_text(SCRIPT, encoding="utf-8")
    prod = Production.from_files(path)
    prod.project_dir = tmp_path / "project"
    return prod


@pytest.mark.parametrize(
    ("heading", "omitted"),
    [("OMITTED", True), ("14 OMITTED", True), ("OMITTED #14#", True), ("刪除", True), ("SCENE 14 OMITTED", True),
     ("INT. OMITTED HOUSE - DAY", False), ("EXT. ROOF - NIGHT", False)],
)  # fmt: skip
def test_omitted_headings(heading: str, omitted: bool) -> None:
    assert is_omitted_heading(heading) is omitted


def test_an_omitted_line_with_a_number_is_a_heading_but_a_bare_word_is_action() -> None:
    assert is_heading("OMITTED #4#")
    assert is_heading("4 OMITTED", relaxed=True)
    assert not is_heading("OMITTED")


@pytest.mark.parametrize(
    ("extension", "off"),
    [("V.O.", True), ("O.S.", True), ("ON PHONE", True), ("on the radio", True), ("電話", True),
     ("O.S. CONT'D", True), ("CONT'D", False), ("續", False), (None, False)],
)  # fmt: skip
def test_off_screen_extensions(extension: str | None, off: bool) -> None:
    assert is_off_screen(extension) is off


def test_scenes_know_omitted_and_voice_only(production: Production) -> None:
    by_number = {s.number: s for s in production.scenes}
    assert [n for n, s in by_number.items() if s.omitted] == ["2", "4"]
    assert by_number["1"].voice_only == ["JOE"]  # only heard, in V.O.
    assert by_number["3"].voice_only == ["JOE"]  # on the phone
    assert by_number["5"].voice_only == ["MAY"]  # O.S. only
    assert by_number["5"].characters == ["JOE", "MAY"]  # still a speaker of the scene


def test_omitted_scenes_are_never_counted_or_listed(production: Production) -> None:
    tools = all_tools()
    every = tools["find_scenes"](production)
    assert [row.number for row in every.scenes] == ["1", "3", "5"]  # type: ignore[attr-defined]
    overview = tools["production_overview"](production)
    assert overview.scenes == 3  # type: ignore[attr-defined]
    assert "OMITTED" not in overview.locations  # type: ignore[attr-defined]
    with pytest.raises(SceneOmitted) as caught:
        tools["draft_shot_list"](production, scene="4")
    assert "OMITTED" in str(caught.value)


def test_schedule_strips_leave_out_omitted_scenes_and_voices(production: Production) -> None:
    from knowledge.plan import Plan, breakdown_from_production

    plan = Plan.model_validate({"start_date": "2027-03-01"})
    strips = {s.id: s for s in breakdown_from_production(production, plan)}
    assert sorted(strips) == ["1", "3", "5"]
    assert strips["1"].cast == ["MAY"]  # JOE is only heard: recorded wild, no call
    assert strips["3"].cast == ["MAY"]
    assert strips["5"].cast == ["JOE"]
