"""Apply / Cancel in a real Chromium: a change the model proposed but the person did not ask for waits
under the chat; Apply runs exactly that change (the new shot list shows in the panel), Cancel drops it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from langchain_core.messages import AIMessage

from core.settings import Settings
from tests.agent.fakes import tool_call
from tests.ui.conftest import PROJECT
from tests.ui.test_browser import WAIT_MS, Shots, ask, browser, chat_text, free_port, wait_text
from tools.shot_list_io import list_versions
from ui.app import launch

pytestmark = [pytest.mark.browser, pytest.mark.server]
__all__ = ["browser"]  # the Chromium fixture, shared with the other browser tests

UNASKED = [tool_call("draft_shot_list", {"scene": "7"}), AIMessage("Here is what happens in scene 7.")]


@pytest.fixture
def served(scripted: Callable, settings: Settings) -> Iterator[tuple[str, Any]]:
    factory = scripted([*UNASKED, *UNASKED])
    app, address = launch(
        settings, PROJECT, "127.0.0.1", free_port(), None, block=False, agent_factory=factory
    )
    try:
        yield address, app.slate_handlers
    finally:
        app.close()


def test_an_unasked_change_waits_for_apply_and_runs_once_applied(
    browser: Any, served: tuple[str, Any], tmp_path: Path
) -> None:
    url, handlers = served
    page = browser.new_page(viewport={"width": 1440, "height": 960})
    page.set_default_timeout(WAIT_MS)
    shots = Shots(page, tmp_path)
    page.goto(url)
    page.wait_for_selector("#slate-message textarea")
    versions = lambda: len(list_versions(handlers.agent(PROJECT).production, "7"))  # noqa: E731

    ask(page, "What happens in scene 7?", "Here is what happens")
    wait_text(page, "#slate-consent", "Slate wants to")
    assert "Not run: draft_shot_list" in chat_text(page) and versions() == 0
    shots.take("consent-asked")

    page.locator("#slate-apply").click()
    wait_text(page, "#slate-chat", "Applied")
    wait_text(page, "#slate-table", "7A")
    assert versions() == 1 and not page.locator("#slate-consent").is_visible()
    shots.take("consent-applied")

    ask(page, "And scene 7 again?", "Here is what happens")
    wait_text(page, "#slate-consent", "Slate wants to")
    page.locator("#slate-cancel").click()
    wait_text(page, "#slate-chat", "Not applied: nothing was changed.")
    assert versions() == 1 and not page.locator("#slate-consent").is_visible()
    shots.take("consent-cancelled")
    page.close()
