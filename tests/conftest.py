"""Fixtures shared by every test area.

- Each test gets its own SLATE_HOME (a temp dir) and no model key: offline, always.
- `corpus` finds ../shared/corpus (real files written by others; never copied into the repo).
- `--update-goldens` rewrites golden files after a reviewed change.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from core.runtime import prepare_offline_runtime

REPO = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO / "knowledge" / "samples" / "night_shift"

prepare_offline_runtime()


def _find_corpus() -> Path | None:
    if os.environ.get("SLATE_CORPUS", "").lower() == "none":  # run as on a machine without ../shared
        return None
    candidates = [os.environ.get("SLATE_CORPUS"), REPO.parent / "shared" / "corpus", "/work/shared/corpus"]
    for candidate in candidates:
        if candidate and Path(candidate, "SOURCES.md").exists():
            return Path(candidate)
    return None


CORPUS = _find_corpus()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("slate-home")
    monkeypatch.setenv("SLATE_HOME", str(home))
    for var in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "SLATE_OPENAI_API_KEY",
        "SLATE_OPENAI_BASE_URL",
        "SLATE_LLM",
        "SLATE_CHROMA_HOST",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))  # no stray .env from the developer's folder
    return home


@pytest.fixture
def slate_home() -> Path:
    return Path(os.environ["SLATE_HOME"])


@pytest.fixture(scope="session")
def corpus() -> Path:
    if CORPUS is None:
        pytest.skip("../shared/corpus not found (set SLATE_CORPUS)")
    return CORPUS


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE_DIR


@pytest.fixture
def sample_shoot() -> Any:
    """The sample production's plan solved quickly (two seconds, one worker, not remembered): the
    schedule that export tests write out, crash tests kill writers of, and injection tests poison."""
    from knowledge.production import Production
    from tools.schedule.tools import plan_shoot

    sample = Production.from_files(
        SAMPLE_DIR / "night_shift.fountain",
        cast=SAMPLE_DIR / "cast.csv",
        locations=SAMPLE_DIR / "locations.csv",
    )
    return plan_shoot(sample, SAMPLE_DIR / "plan.yaml", time_limit_s=2, num_workers=1, remember=False)
