"""Every corpus screenplay plans into a valid schedule (or a located PlanError), never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import PlanError
from knowledge.plan import breakdown_from_production, check_strips, plan_from_data
from knowledge.production import Production
from tests.conftest import CORPUS
from tools.schedule.model import build_problem
from tools.schedule.solver import solve_schedule

SCRIPTS = sorted(
    [*(CORPUS / "screenplays" / "fountain").rglob("*.fountain"), *(CORPUS / "fdx").glob("*.fdx")]
    if CORPUS
    else []
)


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_corpus_script_schedules(script: Path) -> None:
    production = Production.from_files(script)
    assert production.scenes
    cast = [{"id": name, "daily_rate": 1000} for name in production.require_script().characters()]
    plan = plan_from_data({"start_date": "2027-03-01", "days_off": ["sunday"], "cast": cast})
    strips = breakdown_from_production(production, plan)
    try:
        check_strips(plan, strips)
    except PlanError as exc:  # a scene longer than a day: reported with the scene, as designed
        assert "longer than a 12-hour day" in str(exc) and "duration_days" in str(exc)
        return
    problem = build_problem(plan, strips, plan.cast_members(), plan.location_entries())
    schedule = solve_schedule(problem, time_limit_s=3, num_workers=1)
    assert schedule.violations == []
    assert sorted(s for d in schedule.days for s in d.scenes) == sorted(s.id for s in strips)
    assert schedule.figures.objective <= schedule.baseline.objective + 1e-6
