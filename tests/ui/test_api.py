"""The UI served on 127.0.0.1 and driven through gradio_client, with the offline planner over the sample."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client, handle_file

from core.settings import Settings, load_settings
from knowledge.ingest import ingest
from knowledge.sample_production import sample_files
from ui.app import launch
from ui.handlers import ALLOWED_EXTENSIONS, ChatOutputs, UploadOutputs
from ui.i18n import t

pytestmark = pytest.mark.server

PROJECT = "night-shift"
CHAT = {
    name: i
    for i, name in enumerate(
        f for f in ChatOutputs._fields if f not in ("session", "artifacts", "source_refs", "right_tabs")
    )
}

# Ten characters and the cast id each answer must name (and no other session's question may leak in).
CHARACTERS = {
    "阿輝": "AH FAI",
    "阿美": "MEI",
    "劉督察": "INSPECTOR LAU",
    "細強": "SIU KEUNG",
    "陳太": "MRS CHAN",
    "肥仔": "FAT JAI",
    "Kelvin": "KELVIN",
    "黃沙展": "SERGEANT WONG",
    "Superintendent Bradley": "BRADLEY",
    "Dr Ng": "DOCTOR",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = load_settings(home=tmp_path_factory.mktemp("ui-home"), embedder="fake", ui_concurrency=4)
    files = sample_files()
    ingest(settings, PROJECT, [files[role] for role in ("screenplay", "cast", "locations", "plan")])
    return settings


@pytest.fixture(scope="module")
def url(server_settings: Settings) -> Iterator[str]:
    app, address = launch(server_settings, PROJECT, None, free_port(), None, block=False)
    try:
        yield address
    finally:
        app.close()


def texts(chatbot: list[dict[str, Any]], role: str) -> list[str]:
    """The plain text of each message from `role` (Gradio 6 sends content as typed parts)."""
    out = []
    for message in chatbot:
        if message["role"] == role:
            content = message["content"]
            parts = content if isinstance(content, list) else [{"text": content}]
            out.append("".join(p.get("text", "") for p in parts if isinstance(p, dict)))
    return out


def value(output: Any) -> Any:
    """A component's value, whether it came as a plain value or inside an update."""
    return output.get("value") if isinstance(output, dict) and "__type__" in output else output


def chat(client: Client, message: str, project: str = PROJECT, lang: str = "en") -> tuple[Any, ...]:
    return tuple(client.predict(message, [], project, lang, api_name="/chat"))


def test_binds_to_localhost_by_default(url: str) -> None:
    assert url.startswith("http://127.0.0.1:")


def test_a_chat_turn_streams_a_tool_step_an_answer_and_a_table(url: str) -> None:
    out = chat(Client(url, verbose=False), "Which scenes are on the rooftop at night?")
    chatbot = out[CHAT["chatbot"]]
    steps = [m for m in chatbot if m.get("metadata") and m["metadata"].get("title")]
    assert [s["metadata"]["title"] for s in steps] == ["Tool · find_scenes"]
    assert steps[0]["metadata"]["status"] == "done"
    answer = texts(chatbot, "assistant")[-1]
    assert "11" in answer and "17" in answer
    assert [row[0] for row in value(out[CHAT["table"]])["data"]] == ["11", "17"]
    assert {Path(f).suffix for f in value(out[CHAT["downloads"]])} == {".csv", ".xlsx"}


def test_upload_of_the_sample_script_then_a_question_about_it(url: str, server_settings: Settings) -> None:
    client = Client(url, verbose=False)
    script = sample_files()["screenplay"]
    _upload, report, documents, _project, header, *_panel = client.predict(
        [handle_file(str(script))], "上載測試", "en", api_name="/upload"
    )
    assert len(UploadOutputs._fields) == 7
    assert report.startswith("**Added or updated:** night_shift.fountain")
    assert [row[:2] for row in documents["data"]] == [["night_shift.fountain", "screenplay"]]
    stored = server_settings.project_dir("上載測試") / "uploads" / "night_shift.fountain"
    assert stored.read_bytes() == script.read_bytes()
    assert "《夜更》 NIGHT SHIFT" in header and "1 document ·" in header
    answer = texts(
        chat(client, "Which scenes are on the rooftop at night?", "上載測試")[CHAT["chatbot"]], "assistant"
    )
    # Only the script is in this project, so only the set named ROOFTOP counts (天台 needs the location list).
    assert answer[-1].startswith("1 scene at “ROOFTOP” at night: 11")


def test_upload_refuses_a_program(url: str, tmp_path: Path, server_settings: Settings) -> None:
    program = tmp_path / "run.sh"
    program.write_text("rm -rf /\n", encoding="utf-8")
    # Every file reaches the handler (a browser's type filter would drop it without a word) and is
    # refused there with one sentence.
    out = Client(url, verbose=False).predict([handle_file(str(program))], PROJECT, "zh", api_name="/upload")
    assert out[1] == "**略過:**\n- " + t(
        "err_type", "zh", name="run.sh", allowed=" ".join(ALLOWED_EXTENSIONS)
    )
    assert not (server_settings.project_dir(PROJECT) / "uploads").exists()


def test_ten_simultaneous_sessions_each_get_only_their_own_answer(url: str) -> None:
    results: dict[str, tuple[Any, ...]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(len(CHARACTERS))

    def ask(name: str) -> None:
        try:
            client = Client(url, verbose=False)
            start.wait(timeout=60)
            results[name] = chat(client, f"Which scenes is {name} in?")
        except BaseException as exc:  # reported below, with the name
            errors.append(exc)

    threads = [threading.Thread(target=ask, args=(name,)) for name in CHARACTERS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=240)
    assert not errors, errors
    assert set(results) == set(CHARACTERS)
    for name, canonical in CHARACTERS.items():
        chatbot = results[name][CHAT["chatbot"]]
        assert texts(chatbot, "user") == [f"Which scenes is {name} in?"]
        answer = texts(chatbot, "assistant")[-1]
        assert canonical in answer.splitlines()[0], (name, answer)
        assert canonical in value(results[name][CHAT["result_title"]])


def test_conversations_are_remembered_per_session(url: str) -> None:
    first, second = Client(url, verbose=False), Client(url, verbose=False)
    mei = [row[0] for row in value(chat(first, "Which scenes is 阿美 in?")[CHAT["table"]])["data"]]
    chat(second, "Which scenes is Kelvin in?")
    out = chat(first, "Which of those are at night?")
    # The follow-up is read against this session's own previous answer, not the other session's.
    step = next(m for m in out[CHAT["chatbot"]] if m.get("metadata"))
    assert f"`numbers`: {', '.join(mei)}" in texts([step], "assistant")[0]
    assert {row[0] for row in value(out[CHAT["table"]])["data"]} <= set(mei)


def test_login_is_required_when_auth_is_set(server_settings: Settings) -> None:
    app, address = launch(server_settings, PROJECT, "127.0.0.1", free_port(), "crew:夜更2027", block=False)
    try:
        assert httpx.get(address + "config", timeout=10).status_code in (401, 403)
        client = Client(address, auth=("crew", "夜更2027"), verbose=False)
        assert "/chat" in client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    finally:
        app.close()


def sample_production_for_stalled() -> Any:
    from knowledge.production import Production

    return Production.from_files(sample_files()["screenplay"], name=PROJECT)


class StalledAgent:
    """An agent whose model never answers until released: a stand-in for a slow language model."""

    def __init__(self, release: threading.Event, started: threading.Event) -> None:
        from agent.models import ModelInfo

        self.model_info = ModelInfo("openai", "slow-model")
        self.production = sample_production_for_stalled()
        self.release, self.started = release, started

    def stream(self, message: str, session: str | None = None, **_: Any) -> Iterator[Any]:
        from agent.service import TurnEvent

        self.started.set()
        self.release.wait(timeout=120)
        yield TurnEvent(type="token", text="finally")


def test_a_slow_model_never_blocks_other_peoples_lookups(server_settings: Settings) -> None:
    release, started = threading.Event(), threading.Event()
    settings = server_settings.model_copy(update={"ui_concurrency": 1})
    app, address = launch(
        settings,
        PROJECT,
        "127.0.0.1",
        free_port(),
        None,
        block=False,
        agent_factory=lambda s, p: StalledAgent(release, started),  # type: ignore[arg-type,return-value]
    )
    try:
        slow = Client(address, verbose=False).submit("plan everything", [], PROJECT, "en", api_name="/chat")
        assert started.wait(timeout=60)
        # The only chat slot is taken and the model is stuck; reading results and sources still works.
        panel = Client(address, verbose=False).predict(None, PROJECT, "en", api_name="/show_artifact")
        fresh = Client(address, verbose=False).predict(PROJECT, "en", api_name="/new_chat")
        assert not release.is_set() and not slow.done()
        assert "slow-model" in fresh[1] and value(panel[1]).startswith('<div class="sl-placeholder">')
        release.set()
        assert texts(slow.result(timeout=60)[CHAT["chatbot"]], "assistant")[-1] == "finally"
    finally:
        release.set()
        app.close()
