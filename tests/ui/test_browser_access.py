"""Server mode in a real headless Chromium: two people, each in their own browser context (their own
cookies), signed in through Gradio's login page. Ada sees and opens only her production; typing
Ben's into the project picker is refused with one plain sentence; Ben sees only his.

Screenshots go to the test's temp folder, and are copied to $SLATE_SCREENSHOTS when it is set.
Without Chromium the tests are skipped, unless SLATE_REQUIRE_BROWSER=1 (CI), where that is a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.access import hash_password
from core.settings import load_settings
from knowledge.ingest import ingest
from knowledge.sample_production import sample_files
from tests.ui.test_browser import (  # noqa: F401 (the browser fixture is used by name)
    WAIT_MS,
    Shots,
    ask,
    browser,
    chat_text,
    chromium_path,
    free_port,
    require_browser,
    wait_text,
)
from ui.app import launch

pytestmark = [pytest.mark.browser, pytest.mark.server]

ADA, BEN = ("ada", "ada-pass"), ("ben", "班的密碼")
MINE, SECRET = "alpha", "bravo-secret"
DENIED = {"en": "You do not have access to that project.", "zh": "你冇權限開啟呢個製作。"}
PROJECT_LABEL = {"en": "Project", "zh": "製作項目"}
DOCUMENTS_TAB = {"en": "Documents", "zh": "文件"}
VIEWPORT = {"width": 1440, "height": 960}


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server-mode app: Ada edits alpha (the script), Ben edits bravo-secret (the script and the cast)."""
    if chromium_path() is None:  # before ingesting and launching anything
        require_browser("no chromium on PATH (apt-get install chromium)")
    settings = load_settings(home=tmp_path_factory.mktemp("browser-access-home"), embedder="fake")
    files = sample_files()
    ingest(settings, MINE, [files["screenplay"]])
    ingest(settings, SECRET, [files["screenplay"], files["cast"]])
    access = tmp_path_factory.mktemp("browser-access") / "access.toml"
    access.write_text(
        f'[users]\nada = "{hash_password(ADA[1])}"\nben = "{hash_password(BEN[1])}"\n'
        f'[projects.{MINE}]\neditors = ["ada"]\n[projects."{SECRET}"]\neditors = ["ben"]\n',
        encoding="utf-8",
    )
    app, address = launch(settings, MINE, "127.0.0.1", free_port(), None, block=False, access_file=access)
    try:
        yield address
    finally:
        app.close()


def sign_in(chromium: Any, url: str, user: tuple[str, str], project: str) -> Any:
    """A new browser context (its own cookies) signed in through Gradio's login page, showing `project`."""
    page = chromium.new_context(viewport=VIEWPORT).new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(url)
    page.locator("input[data-testid=textbox]").fill(user[0])  # Gradio's login form: username ...
    page.locator("input[type=password]").fill(user[1])  # ... and password
    page.get_by_role("button", name="Login").click()
    page.wait_for_selector("#slate-message textarea")
    # In server mode the page shows no project until it has loaded for this person.
    wait_text(page, ".sl-header", f" · {project} · ")
    return page


def picker(page: Any, lang: str = "en") -> Any:
    """The project dropdown in the Documents tab (it accepts a typed name)."""
    page.get_by_role("tab", name=DOCUMENTS_TAB[lang]).click()
    return page.get_by_role("combobox", name=PROJECT_LABEL[lang])


def picker_options(page: Any, shots: Shots | None = None, shot: str = "") -> list[str]:
    """The names the opened project dropdown offers (the current one is ticked); a screenshot of it open."""
    box = picker(page)
    box.click()
    options = page.locator("ul[role=listbox] li")
    options.first.wait_for()
    names = [text.replace("✓", "").strip() for text in options.all_inner_texts()]
    if shots is not None:
        shots.take(shot)
    box.press("Escape")
    options.first.wait_for(state="detached")
    return names


# The toast and everything around it done sliding in (for the screenshot: Svelte animates it).
TOAST_SHOWN_JS = """
(text) => {
  const toast = [...document.querySelectorAll('[data-testid=toast-body]')].find((el) => el.innerText.includes(text));
  for (let el = toast; el; el = el.parentElement) {
    if (getComputedStyle(el).opacity !== '1' || el.getAnimations().some((a) => a.playState === 'running')) return false;
  }
  return !!toast;
}
"""


def refused(page: Any, name: str, lang: str = "en") -> None:
    """Type `name` into the project picker, press Enter, and wait for the refusal toast."""
    box = picker(page, lang)
    box.fill(name)
    box.press("Enter")
    page.locator("[data-testid=toast-body]", has_text=DENIED[lang]).first.wait_for()
    page.wait_for_function(TOAST_SHOWN_JS, arg=DENIED[lang], timeout=WAIT_MS)


def close_toasts(page: Any) -> None:
    for close in page.locator("[data-testid=toast-close]").all():
        close.click()
    page.locator("[data-testid=toast-body]").first.wait_for(state="detached")


def assert_still_mine(page: Any) -> None:
    """The page still shows Ada's production, and nothing of Ben's."""
    header = page.inner_text(".sl-header")
    assert f" · {MINE} · " in header and "1 document" in header, header
    body = page.inner_text("body")
    assert SECRET not in body and "cast.csv" not in body, body
    assert SECRET not in page.inner_text("#slate-chat")


def test_ada_sees_only_her_production_and_gets_answers(browser: Any, url: str, tmp_path: Path) -> None:  # noqa: F811
    page = sign_in(browser, url, ADA, MINE)
    shots = Shots(page, tmp_path)
    assert SECRET not in page.inner_text("body") and SECRET not in page.content()
    options = picker_options(page, shots, "access-ada")
    assert MINE in options and SECRET not in options, options
    assert "night_shift.fountain" in page.inner_text("body")  # her documents are listed

    ask(page, "Which scenes are at night?", "Sources:")
    answers = page.locator("#slate-chat [data-testid=bot]")
    assert answers.count() >= 1 and "NIGHT" in chat_text(page)
    wait_text(page, "#slate-table", "NIGHT")
    assert SECRET not in page.inner_text("body") and SECRET not in page.content()
    shots.take("access-ada-answer")
    page.context.close()


def test_ada_typing_bens_production_into_the_picker_is_refused(
    browser: Any,  # noqa: F811
    url: str,
    tmp_path: Path,
) -> None:
    page = sign_in(browser, url, ADA, MINE)
    shots = Shots(page, tmp_path)
    ask(page, "Which scenes are at night?", "Sources:")
    for name in (SECRET, f"../{SECRET}"):
        refused(page, name)
        assert_still_mine(page)
        shots.take("access-ada-denied" if name == SECRET else "access-ada-denied-dotdot")
        close_toasts(page)
        assert_still_mine(page)

    # In Chinese, the same refusal in Cantonese (a fresh page: the picker shows alpha again).
    page.reload()
    page.wait_for_selector("#slate-message textarea")
    wait_text(page, ".sl-header", f" · {MINE} · ")
    page.locator("#slate-lang").get_by_text("繁體中文").click()
    page.get_by_role("tab", name=DOCUMENTS_TAB["zh"]).wait_for()
    refused(page, SECRET, "zh")
    assert SECRET not in page.inner_text("body") and "cast.csv" not in page.inner_text("body")
    assert f" · {MINE} · " in page.inner_text(".sl-header")
    shots.take("access-ada-denied-zh")
    page.context.close()


def test_ben_sees_only_his_production_while_ada_is_signed_in_beside_him(
    browser: Any,  # noqa: F811
    url: str,
    tmp_path: Path,
) -> None:
    ada = sign_in(browser, url, ADA, MINE)
    ben = sign_in(browser, url, BEN, SECRET)
    shots = Shots(ben, tmp_path)
    options = picker_options(ben, shots, "access-ben")
    assert options == [SECRET], options
    header = ben.inner_text(".sl-header")
    assert "2 documents" in header and MINE not in header, header
    assert "cast.csv" in ben.inner_text("body")  # his documents, the cast list among them

    # Ada's own context still holds Ada (Ben's sign-in did not touch her cookies).
    ada.reload()
    ada.wait_for_selector("#slate-message textarea")
    wait_text(ada, ".sl-header", f" · {MINE} · ")
    options = picker_options(ada)
    assert MINE in options and SECRET not in options, options
    assert SECRET not in ada.inner_text("body")
    ben.context.close()
    ada.context.close()
