"""Conversations that last, in a real headless Chromium: a reload and a server restart lose nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.settings import load_settings
from knowledge.sample_production import sample_files
from tests.ui.test_browser import (  # noqa: F401 (the browser fixture is used by name)
    PROJECT,
    WAIT_MS,
    Shots,
    ask,
    browser,
    chat_text,
    free_port,
    wait_text,
)
from ui.app import launch

pytestmark = [pytest.mark.browser, pytest.mark.server]


def reopen(page: Any, first_question: str) -> None:
    """Pick the conversation that began with `first_question` from the list of earlier ones."""
    page.locator("#slate-conversations input").click()
    page.locator("ul[role=listbox] li", has_text=first_question).first.click()
    wait_text(page, "#slate-chat", first_question)


def test_a_conversation_is_reopened_after_a_reload_and_a_restart_and_goes_on(
    browser: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    settings = load_settings(home=tmp_path / "home", embedder="fake")
    port = free_port()
    app, url = launch(settings, PROJECT, "127.0.0.1", port, None, block=False)
    page = browser.new_page(viewport={"width": 1440, "height": 960})
    page.set_default_timeout(WAIT_MS)
    shots = Shots(page, tmp_path)
    try:
        page.goto(url)
        page.get_by_role("tab", name="Documents").click()
        files = sample_files()
        page.set_input_files(
            "#slate-upload input[type=file]", [str(files[r]) for r in ("screenplay", "cast", "locations")]
        )
        wait_text(page, "#slate-ingest-report", "Added or updated")

        ask(page, "Which scenes is Mei in?", "Sources:")
        ask(page, "and which of those are at night?", "Sources:")
        before = chat_text(page)
        shots.take("two-questions")

        # A reload: an empty chat, the conversation listed by its first question, and reopened.
        page.reload()
        page.wait_for_selector("#slate-message textarea")
        assert "Which scenes is Mei in?" not in chat_text(page)
        page.locator("#slate-conversations").wait_for(state="visible")
        reopen(page, "Which scenes is Mei in?")
        assert "and which of those are at night?" in chat_text(page)
        shots.take("reopened-after-reload")

        # A restart of the server on the same address (the browser keeps its list in localStorage).
        app.close()
        app, url = launch(settings, PROJECT, "127.0.0.1", port, None, block=False)
        page.goto(url)
        page.wait_for_selector("#slate-message textarea")
        page.locator("#slate-conversations").wait_for(state="visible")
        reopen(page, "Which scenes is Mei in?")
        restored = chat_text(page)
        assert "and which of those are at night?" in restored

        # A follow-up that only makes sense after the earlier turns: the same question (night scenes)
        # about someone else.
        ask(page, "what about Ah Fai?", "(阿輝)")
        answer = chat_text(page)[len(restored) :]
        shots.take("follow-up-after-restart")
        assert "at night" in answer and "Sc. 13" in answer and "Sc. 10" not in answer, answer
        assert before  # the first session's transcript was shown before the reload
    finally:
        page.close()
        app.close()
