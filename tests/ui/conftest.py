"""Fixtures for the UI tests: settings in the test's SLATE_HOME, the sample production, agent factories."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from langchain_core.messages import AIMessage

from agent.models import ModelInfo
from agent.service import SlateAgent, open_agent
from core.settings import Settings, load_settings
from knowledge.production import Production
from tests.agent.conftest import sample_production
from tests.agent.fakes import ScriptedChatModel

PROJECT = "night-shift"


@pytest.fixture
def settings(slate_home: Path) -> Settings:
    # The deterministic embedder keeps uploads fast; the server tests use the real one.
    return load_settings(home=slate_home, embedder="fake")


@pytest.fixture
def production(sample_dir: Path, settings: Settings) -> Production:
    prod = sample_production(sample_dir)
    prod.project_dir = settings.project_dir(PROJECT)
    return prod


@pytest.fixture
def scripted(production: Production) -> Callable[[list[AIMessage]], Callable[[Settings, str], SlateAgent]]:
    """`scripted([...steps])` → an agent factory whose agent answers with those model steps."""

    def make(script: list[AIMessage]) -> Callable[[Settings, str], SlateAgent]:
        model = ScriptedChatModel(script)

        def factory(settings: Settings, project: str) -> SlateAgent:
            return open_agent(
                settings,
                project,
                production=production,
                model=model,
                model_info=ModelInfo("scripted", "fake"),
            )

        factory.model = model  # type: ignore[attr-defined]
        return factory

    return make
