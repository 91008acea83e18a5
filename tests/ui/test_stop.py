"""The Stop button cancels a running turn: the model call ends and the page goes on answering.

The model is an OpenAI-compatible stub that streams forever on its first request; the UI is the real
Gradio app on 127.0.0.1 in headless Chromium (Gradio cancels from the page: its frontend calls /cancel
for the running event, so only a browser presses Stop as a person does).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from core.settings import Settings, load_settings
from knowledge.production import Production
from tests.agent.fakes import OpenAIStub
from tests.agent.test_turn_lifetime import QUESTION, serve_forever_stub, wait_for
from tests.ui.test_browser import WAIT_MS, ask, browser, chat_text  # noqa: F401 (browser: a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.server]

PROJECT = "night-shift"


@pytest.fixture
def settings(slate_home: Any) -> Settings:
    return load_settings(home=slate_home, embedder="fake", ui_concurrency=1)


@pytest.fixture
def slow_server(settings: Settings, production: Production) -> Iterator[tuple[str, OpenAIStub]]:
    yield from serve_forever_stub(settings, production)


def test_stop_cancels_a_long_turn_and_the_page_stays_usable(
    browser: Any,  # noqa: F811
    slow_server: tuple[str, OpenAIStub],
) -> None:
    url, stub = slow_server
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(WAIT_MS)
    page.goto(url)
    box = page.locator("#slate-message textarea")
    box.fill(QUESTION)
    box.press("Enter")
    assert wait_for(lambda: stub.streaming_now == 1, 60)  # the model is streaming its endless answer

    page.locator("#slate-stop").click()

    # The model call ends: the stub sees its client go.
    assert wait_for(lambda: stub.disconnects == 1 and stub.streaming_now == 0, 60)
    # The page goes on: the next question (one chat slot, ui_concurrency=1) is answered.
    assert httpx.get(url, timeout=5).status_code == 200
    ask(page, "Which scenes are on the rooftop at night?", "Scenes 11 and 17")
    assert "Scenes 11 and 17 are on the rooftop at night." in chat_text(page)
    page.close()
