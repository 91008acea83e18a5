"""Server mode, two users over HTTP: user A can neither see nor open user B's project by any route."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError

from core.access import hash_password
from core.settings import Settings, load_settings
from knowledge.ingest import ingest
from knowledge.sample_production import sample_files
from ui.app import launch

pytestmark = pytest.mark.server

ADA, BEN, CY = ("ada", "ada-pass"), ("ben", "班的密碼"), ("cy", "cy-reads")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = load_settings(home=tmp_path_factory.mktemp("access-home"), embedder="fake")
    files = sample_files()
    ingest(settings, "alpha", [files["screenplay"]])
    ingest(settings, "bravo-secret", [files["screenplay"], files["cast"]])
    return settings


@pytest.fixture(scope="module")
def url(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    access = tmp_path_factory.mktemp("access") / "access.toml"
    access.write_text(
        f'[users]\nada = "{hash_password(ADA[1])}"\nben = "{hash_password(BEN[1])}"\n'
        f'cy = "{hash_password(CY[1])}"\n'
        '[projects.alpha]\neditors = ["ada"]\nreaders = ["cy"]\n[projects."bravo-secret"]\neditors = ["ben"]\n',
        encoding="utf-8",
    )
    app, address = launch(settings, "alpha", None, free_port(), None, block=False, access_file=access)
    try:
        yield address
    finally:
        app.close()


def signed_in(url: str, user: tuple[str, str]) -> httpx.Client:
    http = httpx.Client(base_url=url, timeout=60)
    assert http.post("/login", data={"username": user[0], "password": user[1]}).status_code == 200
    return http


def test_the_page_names_no_other_users_project(url: str) -> None:
    page = signed_in(url, ADA).get("/config")
    assert page.status_code == 200 and "bravo-secret" not in page.text
    assert httpx.get(f"{url.rstrip('/')}/config").status_code in (401, 403)  # nothing before signing in


def test_user_a_cannot_open_user_bs_project_by_any_route(url: str, tmp_path: Path) -> None:
    ada = Client(url, auth=ADA, verbose=False)
    assert "alpha" in str(ada.predict("alpha", "en", api_name="/switch_project")[:2])
    script = tmp_path / "note.txt"
    script.write_text("hello", encoding="utf-8")
    for name in ("bravo-secret", "../bravo-secret", "bravo-secret/", "/x/projects/bravo-secret", "nope"):
        # Opening it (the picker, a new chat) warns and opens Ada's own project instead.
        for route in ("/switch_project", "/new_chat"):
            page = str(ada.predict(name, "en", api_name=route))
            assert "alpha" in page and "bravo" not in page.replace(name, "")
        calls = {
            "/chat": ("Which scenes is 阿輝 in?", [], name, "en"),
            "/show_artifact": (None, name, "en"),
            "/upload": ([handle_file(str(script))], name, "en"),
            "/apply_change": (name, "en", []),
            "/cancel_change": (name, "en", []),
        }
        for route, args in calls.items():
            with pytest.raises(AppError, match="You do not have access to that project"):
                ada.predict(*args, api_name=route)
    # Ben, who owns it, gets in.
    ben = Client(url, auth=BEN, verbose=False)
    assert "bravo-secret" in str(ben.predict("bravo-secret", "en", api_name="/switch_project")[:2])


def test_a_reader_reads_but_changes_nothing_by_any_route(
    url: str, settings: Settings, tmp_path: Path
) -> None:
    cy = Client(url, auth=CY, verbose=False)
    assert "alpha" in str(cy.predict("alpha", "en", api_name="/switch_project")[:2])
    outputs = cy.predict("draft a shot list for scene 7", [], "alpha", "en", api_name="/chat")
    answer = str(outputs[1][-1]["content"])
    assert "may read this production but not change it" in answer
    assert not list((settings.project_dir("alpha")).rglob("shot_list*"))
    script = tmp_path / "note.txt"
    script.write_text("hello", encoding="utf-8")
    for route, args in {
        "/upload": ([handle_file(str(script))], "alpha", "en"),
        "/apply_change": ("alpha", "en", []),
    }.items():
        with pytest.raises(AppError, match="You do not have access to that project"):
            cy.predict(*args, api_name=route)


def test_a_download_link_opens_only_for_people_who_may_read_its_project(url: str) -> None:
    ada = Client(url, auth=ADA, verbose=False, download_files=False)  # links, not local copies
    outputs = ada.predict("Which scenes are at night?", [], "alpha", "en", api_name="/chat")
    files = next(o["value"] for o in outputs if isinstance(o, dict) and o.get("label") == "Downloads")
    links = [f["url"] for f in files]
    assert links and all("/file=" in link for link in links)
    for link in links:
        assert signed_in(url, ADA).get(link).status_code == 200
        assert signed_in(url, CY).get(link).status_code == 200  # a reader of alpha
        refused = signed_in(url, BEN).get(link)  # bravo-secret's editor, nothing in alpha
        assert refused.status_code == 403 and "access" in refused.text and "/tmp" not in refused.text


def test_wrong_passwords_are_throttled(url: str) -> None:  # last: it locks out this client's address
    http = httpx.Client(base_url=url, timeout=60)
    for _ in range(5):
        assert http.post("/login", data={"username": "ben", "password": "guess"}).status_code == 400
    # Locked for a while, even with the right password.
    assert http.post("/login", data={"username": "ben", "password": BEN[1]}).status_code == 400
