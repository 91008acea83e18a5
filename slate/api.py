"""The Python API: the same tools and agent the CLI and the UI use.

from slate import Slate

production = Slate("night-shift")                 # an ingested project (SLATE_HOME)
production.ingest("knowledge/samples/night_shift")
production.scenes(location="rooftop", time_of_day="NIGHT").scenes
production.tool("draft_shot_list", scene="17", style="hk-action")
production.ask("劉督察喺邊幾場出現？").answer

Slate.from_script("script.fountain").scenes(characters=["MEI"])   # no project, no store
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.runtime import prepare_offline_runtime
from core.settings import Settings, load_settings

if TYPE_CHECKING:
    from agent.service import SlateAgent, TurnResult
    from knowledge.ingest import IngestReport
    from knowledge.production import Production
    from tools.registry import ToolResult


class Slate:
    """One production, with its tools and its chat agent."""

    def __init__(self, project: str | None = None, *, settings: Settings | None = None) -> None:
        prepare_offline_runtime()
        self.settings = settings or load_settings()
        self.project = project or self.settings.project
        self._production: Production | None = None
        self._agent: SlateAgent | None = None

    @classmethod
    def from_script(cls, script: str | Path, **files: str | Path) -> Slate:
        """A production straight from a script (and optional cast=, locations=, plan= files)."""
        from knowledge.production import Production

        instance = cls(project=Path(script).stem)
        instance._production = Production.from_files(script, **files)  # type: ignore[arg-type]
        return instance

    @property
    def production(self) -> Production:
        if self._production is None:
            from knowledge.production import open_production

            self._production = open_production(self.settings, self.project)
        return self._production

    def ingest(self, *paths: str | Path) -> IngestReport:
        """Add files or folders to the project (idempotent); later calls see the new documents."""
        from knowledge.ingest import ingest

        report = ingest(self.settings, self.project, [Path(p) for p in paths])
        self._production = None
        self._agent = None
        return report

    def tool(self, name: str, /, **args: Any) -> ToolResult:
        """Run one registered tool by name (see `tools.registry.all_tools()`).

        `name` is positional-only so tools with a `name` argument (character_report, location_report) work.
        """
        from tools.registry import get_tool

        return get_tool(name).invoke(self.production, args)

    def scenes(self, **filters: Any) -> ToolResult:
        """`find_scenes` with the given filters (characters, location, time_of_day, int_ext, ...)."""
        return self.tool("find_scenes", **filters)

    def ask(self, message: str, session: str | None = None) -> TurnResult:
        """One chat turn with the agent (offline planner unless a model is configured)."""
        if self._agent is None:
            from agent.service import open_agent

            self._agent = open_agent(self.settings, self.project, production=self.production)
        return self._agent.ask(message, session)
