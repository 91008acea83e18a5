"""The UI's handlers in-process, with a scripted fake model: what a person would see, without a browser."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import gradio as gr
import pytest
from langchain_core.messages import AIMessage

from core.errors import ProjectNotFound
from core.settings import Settings, load_settings
from tests.agent.fakes import tool_call
from tests.ui.conftest import PROJECT
from ui.handlers import ChatOutputs, Handlers, LanguageOutputs, ProjectOutputs, UploadOutputs
from ui.i18n import t


def run_turn(handlers: Handlers, message: str, *, lang: str = "en", session: str = "s1") -> dict[str, Any]:
    """Drive one chat turn; return the last real value each component received."""
    seen: dict[str, Any] = {}
    updates = 0
    for out in handlers.chat(message, [], session, PROJECT, lang, []):
        assert isinstance(out, ChatOutputs)
        updates += 1
        for name, value in out._asdict().items():
            if value != {"__type__": "update"}:
                seen[name] = value
    seen["updates"] = updates
    return seen


def test_turn_shows_the_tool_step_above_the_answer_and_a_table(
    scripted: Callable, settings: Settings
) -> None:
    factory = scripted(
        [
            tool_call("find_scenes", {"location": "rooftop", "time_of_day": "NIGHT"}),
            AIMessage("Scenes 11 and 17 are on the rooftop at night."),
        ]
    )
    handlers = Handlers(settings, PROJECT, factory)
    seen = run_turn(handlers, "Which scenes are on the rooftop at night?")
    factory.model.assert_done()

    user, step, answer = seen["chatbot"]
    assert user == {"role": "user", "content": "Which scenes are on the rooftop at night?"}
    assert step["metadata"]["title"] == "Tool · find_scenes"
    assert step["metadata"]["status"] == "done"
    assert isinstance(step["metadata"]["duration"], float)
    assert step["metadata"]["log"] == "Scenes · 2"
    assert "`location`: rooftop" in step["content"] and "`time_of_day`: NIGHT" in step["content"]
    assert answer == {"role": "assistant", "content": "Scenes 11 and 17 are on the rooftop at night."}
    assert seen["message"] == "" and seen["session"] == "s1"

    table = seen["table"]
    assert table["visible"] is True
    assert table["value"]["headers"][:4] == ["Sc.", "I/E", "Set", "Time"]
    assert [row[0] for row in table["value"]["data"]] == ["11", "17"]
    assert seen["result_title"].startswith("### Scenes · 2")
    assert [a["kind"] for a in seen["artifacts"]] == ["scenes"]

    files = [Path(f) for f in seen["downloads"]["value"]]
    assert sorted(f.suffix for f in files) == [".csv", ".xlsx"]
    csv_text = files[[f.suffix for f in files].index(".csv")].read_bytes()
    assert csv_text.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to show Chinese
    assert "天台".encode() in csv_text

    labels = [label for label, _ in seen["sources"]["choices"]]
    assert labels == ["[1] sc. 11 · p. 15", "[2] sc. 17 · p. 25"]
    assert [ref["scene"] for ref in seen["source_refs"]] == ["11", "17"]


def test_chinese_question_and_chinese_labels(scripted: Callable, settings: Settings) -> None:
    factory = scripted([tool_call("character_report", {"name": "劉督察"}), AIMessage("劉督察喺九場出現。")])
    handlers = Handlers(settings, PROJECT, factory)
    seen = run_turn(handlers, "劉督察喺邊幾場出現？", lang="zh")
    assert seen["chatbot"][-1]["content"] == "劉督察喺九場出現。"
    assert seen["chatbot"][1]["metadata"]["log"] == "角色 · INSPECTOR LAU · 9"
    assert seen["table"]["value"]["headers"][:3] == ["場", "內外", "場景"]
    assert seen["downloads"]["label"] == "下載"


def test_tool_error_is_logged_on_its_step_and_adds_no_table(scripted: Callable, settings: Settings) -> None:
    factory = scripted([tool_call("scene_details", {"scene": "99"}), AIMessage("There is no scene 99.")])
    handlers = Handlers(settings, PROJECT, factory)
    seen = run_turn(handlers, "Show me scene 99")
    step = seen["chatbot"][1]
    assert step["metadata"]["log"].startswith("⚠ ")
    assert "No scene '99' in the script. Nearest: 20, 19, 18" in step["metadata"]["log"]
    assert "table" not in seen and "artifacts" not in seen
    assert seen["chatbot"][-1]["content"] == "There is no scene 99."


def test_a_shot_list_offers_the_tool_written_csv_and_xlsx(scripted: Callable, settings: Settings) -> None:
    factory = scripted([tool_call("draft_shot_list", {"scene": "7"}), AIMessage("Here is a shot list.")])
    handlers = Handlers(settings, PROJECT, factory)
    seen = run_turn(handlers, "幫我出第七場嘅分鏡表")
    names = sorted(Path(f).name for f in seen["downloads"]["value"])
    assert names == ["shot_list_sc7_v001.csv", "shot_list_sc7_v001.xlsx"]
    # Served from the UI's staging folder, never straight from the project folder.
    assert all(Path(f).is_relative_to(handlers.staging) for f in seen["downloads"]["value"])
    assert seen["table"]["value"]["headers"][:3] == ["Shot", "Size", "Move"]
    assert seen["table"]["value"]["data"][0][0] == "7A"


def test_unexpected_failure_is_one_generic_sentence_and_logged(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(settings: Settings, project: str) -> Any:
        raise RuntimeError("database exploded at 0xdeadbeef")

    handlers = Handlers(settings, PROJECT, broken)
    with caplog.at_level(logging.ERROR, logger="slate.ui"):
        seen = run_turn(handlers, "hello")
    reply = seen["chatbot"][-1]["content"]
    assert reply == "⚠ " + t("err_unexpected", "en")
    assert "Traceback" not in reply and "0xdeadbeef" not in reply
    assert "database exploded" in caplog.text


def test_a_project_without_documents_says_what_to_do(settings: Settings) -> None:
    def missing(settings: Settings, project: str) -> Any:
        raise ProjectNotFound(project)

    handlers = Handlers(settings, PROJECT, missing)
    reply = run_turn(handlers, "劉督察喺邊幾場出現？", lang="zh")["chatbot"][-1]["content"]
    assert reply == "⚠ 項目「night-shift」未有文件：請喺「文件」分頁加入劇本。"


def test_empty_message_changes_nothing(scripted: Callable, settings: Settings) -> None:
    handlers = Handlers(settings, PROJECT, scripted([]))
    (out,) = list(handlers.chat("   ", [], "s1", PROJECT, "en", []))
    assert all(value == {"__type__": "update"} for value in out)


def test_clicking_a_source_opens_the_scene_text(scripted: Callable, settings: Settings) -> None:
    factory = scripted(
        [tool_call("find_scenes", {"location": "rooftop", "time_of_day": "NIGHT"}), AIMessage("ok")]
    )
    handlers = Handlers(settings, PROJECT, factory)
    refs = run_turn(handlers, "rooftop at night?")["source_refs"]
    opened = handlers.open_source("0", refs, PROJECT, "en")
    assert opened.right_tabs["selected"] == "source"
    assert "[1] night_shift.fountain · sc. 11 · p. 15" in opened.source_view
    assert 'class="sl-no">' in opened.source_view and "ROOFTOP" in opened.source_view


def test_a_search_passage_opens_as_text(settings: Settings, scripted: Callable) -> None:
    handlers = Handlers(settings, PROJECT, scripted([]))
    ref = {
        "file": "director_notes.md",
        "doc_type": "notes",
        "section": "Rooftop",
        "text": "天台要有霓虹反光 <b>",
    }
    opened = handlers.open_source("0", [ref], PROJECT, "en")
    assert "天台要有霓虹反光 &lt;b&gt;" in opened.source_view  # escaped, never raw HTML from a document


def test_picking_an_earlier_result_shows_it_again(scripted: Callable, settings: Settings) -> None:
    factory = scripted(
        [
            tool_call("find_scenes", {"location": "rooftop"}),
            AIMessage("rooftop"),
            tool_call("scene_details", {"scene": "11"}),
            AIMessage("scene 11"),
        ]
    )
    handlers = Handlers(settings, PROJECT, factory)
    first = run_turn(handlers, "rooftop scenes")
    for out in handlers.chat("read scene 11", [], "s1", PROJECT, "en", first["artifacts"]):
        if isinstance(out.artifacts, list):
            artifacts = out.artifacts
    assert [a["kind"] for a in artifacts] == ["scenes", "scene"]
    panel = handlers.show_artifact("0", artifacts, PROJECT, "en")
    assert panel.result_title.startswith("### Scenes")
    scene_panel = handlers.show_artifact("1", artifacts, PROJECT, "en")
    assert scene_panel.board["visible"] is True and "EXT. ROOFTOP - NIGHT" in scene_panel.board["value"]
    assert scene_panel.picker["choices"][0][0].startswith("2. Scene 11")


def test_language_toggle_relabels_everything(scripted: Callable, settings: Settings) -> None:
    handlers = Handlers(settings, PROJECT, scripted([]))
    zh = handlers.set_language("繁體中文", PROJECT, [])
    assert isinstance(zh, LanguageOutputs)
    assert zh.tab_documents["label"] == "文件"
    assert zh.message["placeholder"] == t("chat_placeholder", "zh")
    assert zh.examples["label"] == "試吓問"
    assert "回答" in zh.header
    en = handlers.set_language("en", PROJECT, [])
    assert en.tab_documents["label"] == "Documents" and "Answers" in en.header
    every_label = [key for key in t.__globals__["LABELS"]]
    assert all(t(key, "zh") for key in every_label)


def test_new_project_or_new_chat_starts_a_fresh_conversation(scripted: Callable, settings: Settings) -> None:
    handlers = Handlers(settings, PROJECT, scripted([]))
    fresh = handlers.switch_project("另一套戲", "en")
    assert isinstance(fresh, ProjectOutputs)
    assert fresh.chatbot == [] and fresh.artifacts == [] and fresh.session
    assert fresh.session != handlers.switch_project("另一套戲", "en").session
    assert "另一套戲" in fresh.header and "no documents yet" in fresh.header


# --- uploads -----------------------------------------------------------------------------------------


def test_upload_ingests_into_the_project_folder_and_reports(
    scripted: Callable, settings: Settings, tmp_path: Path
) -> None:
    handlers = Handlers(settings, PROJECT, scripted([]))
    handlers.agent(PROJECT)  # an open agent must be reopened after an ingest
    note = tmp_path / "導演 筆記 (v2).md"
    note.write_text("# 天台\n第十一場：霓虹反光，雨後地面要濕。\n", encoding="utf-8")
    out = handlers.upload([str(note)], PROJECT, "en")
    assert isinstance(out, UploadOutputs)
    assert out.ingest_report.startswith("**Added or updated:** 導演-筆記-v2-.md\n\n")
    assert [p.name for p in (settings.project_dir(PROJECT) / "uploads").iterdir()] == ["導演-筆記-v2-.md"]
    assert [row[:2] for row in out.documents["data"]] == [["導演-筆記-v2-.md", "notes"]]
    assert out.project["value"] == PROJECT and PROJECT in out.project["choices"]
    assert PROJECT not in handlers._agents


def test_upload_refuses_wrong_types_and_oversized_files(slate_home: Path, tmp_path: Path) -> None:
    settings = load_settings(home=slate_home, embedder="fake", upload_max_mb=1)
    handlers = Handlers(settings, PROJECT, lambda s, p: None)  # type: ignore[arg-type,return-value]
    script = tmp_path / "evil.exe"
    script.write_bytes(b"MZ")
    big = tmp_path / "huge.srt"
    big.write_bytes(b"1\n00:00:01,000 --> 00:00:02,000\nhi\n\n" * 40000)
    out = handlers.upload([str(script), str(big)], PROJECT, "en")
    assert "evil.exe: Slate does not read this kind of file" in out.ingest_report
    assert "huge.srt: larger than the 1 MB upload limit" in out.ingest_report
    assert not (settings.project_dir(PROJECT) / "uploads").exists()


def test_upload_of_a_damaged_file_reports_the_reason(
    scripted: Callable, settings: Settings, tmp_path: Path
) -> None:
    handlers = Handlers(settings, PROJECT, scripted([]))
    empty = tmp_path / "empty.fountain"
    empty.write_text("   \n", encoding="utf-8")
    out = handlers.upload([str(empty)], PROJECT, "zh")
    assert out.ingest_report.startswith("**略過:**\n- empty.fountain：")


def test_upload_with_nothing_says_so(scripted: Callable, settings: Settings) -> None:
    handlers = Handlers(settings, PROJECT, scripted([]))
    assert handlers.upload(None, PROJECT, "en").ingest_report == t("ingest_nothing", "en")


def test_a_failure_mid_turn_closes_the_open_step(settings: Settings) -> None:
    class Failing:
        def stream(self, message: str, session: str | None = None, **_: Any) -> Iterator[Any]:
            from agent.service import TurnEvent

            yield TurnEvent(type="tool_start", name="plan_schedule", args={})
            raise RuntimeError("solver crashed")

    handlers = Handlers(settings, PROJECT, lambda s, p: Failing())  # type: ignore[arg-type,return-value]
    chatbot = run_turn(handlers, "Plan the shoot")["chatbot"]
    assert chatbot[1]["metadata"] == {"title": "Tool · plan_schedule", "status": "done", "log": "⚠"}
    assert chatbot[2]["content"] == "⚠ " + t("err_unexpected", "en")


def test_text_before_a_tool_call_stays_above_the_step(settings: Settings) -> None:
    from agent.service import TurnEvent

    class Chatty:
        def stream(self, message: str, session: str | None = None, **_: Any) -> Iterator[Any]:
            yield TurnEvent(type="token", text="Let me look. ")
            yield TurnEvent(type="tool_start", name="find_scenes", args={"location": "天台"})
            yield TurnEvent(type="tool_end", name="find_scenes", artifact={"kind": "message"}, seconds=0.1)
            yield TurnEvent(type="token", text="Scenes 11 and 17.")

    handlers = Handlers(settings, PROJECT, lambda s, p: Chatty())  # type: ignore[arg-type,return-value]
    chatbot = run_turn(handlers, "天台有咩場？")["chatbot"]
    assert [m.get("metadata", {}).get("title") or m["content"] for m in chatbot[1:]] == [
        "Let me look. ",
        "Tool · find_scenes",
        "Scenes 11 and 17.",
    ]


def test_errors_shown_to_people_carry_no_server_paths() -> None:
    from core.errors import ParseError
    from ui.handlers import people_sentence, without_paths

    err = ParseError("Not a Word file", file="/srv/slate/projects/a/uploads/weird.docx", line=3)
    shown = people_sentence(err)
    assert "weird.docx" in shown and "/srv" not in shown and "ParseError" not in shown
    assert without_paths("skipped: /tmp/u/x.exe is not a document") == "skipped: x.exe is not a document"


def test_switching_project_clears_the_upload_report_and_lists_only_that_projects_chats(settings) -> None:
    handlers = Handlers(settings, "night-shift")
    chats = [
        {"id": "a", "project": "night-shift", "title": "Which scenes is Mei in?", "date": "2026-12-03 07:40"},
        {"id": "b", "project": "另一套戲", "title": "邊場喺天台？", "date": "2026-12-03 07:41"},
    ]
    fresh = handlers.switch_project("另一套戲", "zh", chats)
    assert fresh.ingest_report == ""
    assert [value for _, value in fresh.conversations["choices"]] == ["b"]
    # Only this browser's own conversations in this project can be reopened.
    assert handlers.open_chat("a", chats, "另一套戲", "zh").chatbot == gr.skip()


# Each bad upload the issue found, in both languages: (file name, bytes, what the English says).
BAD_UPLOADS = {
    "exe": ("setup.exe", b"MZ\x90\x00", "does not read this kind of file"),
    "damaged-docx": ("weird.docx", b"not a zip at all", None),
    "damaged-pdf": ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", None),
    "empty-script": ("empty.fountain", b"   \n", None),
    "too-large": ("huge.srt", b"1\n00:00:01,000 --> 00:00:02,000\nhi\n\n" * 40000, "1 MB upload limit"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", sorted(BAD_UPLOADS))
def test_a_bad_upload_gets_one_plain_sentence_in_the_page_language_and_leaves_nothing(
    case: str, lang: str, slate_home: Path, tmp_path: Path, scripted: Callable
) -> None:
    settings = load_settings(home=slate_home, embedder="fake", upload_max_mb=1)
    handlers = Handlers(settings, PROJECT, scripted([]))
    name, data, english = BAD_UPLOADS[case]
    bad = tmp_path / name
    bad.write_bytes(data)
    report = handlers.upload([str(bad)], PROJECT, lang).ingest_report
    lines = [line for line in report.splitlines() if line.startswith("- ")]
    assert len(lines) == 1 and lines[0].startswith(f"- {name}"), report
    sentence = lines[0]
    assert str(tmp_path) not in report and "/" not in sentence and "\\" not in sentence
    assert not re.search(r"[A-Z][a-z]+(Error|Exception)\b", report), report
    if lang == "zh":
        assert re.search(r"[\u4e00-\u9fff]", sentence.removeprefix(f"- {name}")), sentence
        assert "**略過:**" in report
    elif english:
        assert english in sentence
    uploads = settings.project_dir(PROJECT) / "uploads"
    assert not uploads.exists() or not any(uploads.iterdir())


def test_upload_takes_every_format_ingest_reads(
    scripted: Callable, settings: Settings, tmp_path: Path
) -> None:
    from knowledge.documents import SUPPORTED_EXTENSIONS
    from ui.handlers import ALLOWED_EXTENSIONS

    assert set(ALLOWED_EXTENSIONS) == set(SUPPORTED_EXTENSIONS)
    handlers = Handlers(settings, PROJECT, scripted([]))
    webvtt = tmp_path / "reel1.webvtt"
    webvtt.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n阿美：走啦！\n", encoding="utf-8")
    tsv = tmp_path / "cast.tsv"
    tsv.write_text("id\tactor\nMEI\t陳小美\n", encoding="utf-8")
    notes = tmp_path / "notes.markdown"
    notes.write_text("# Rooftop\nWet the ground after the rain.\n", encoding="utf-8")
    report = handlers.upload([str(webvtt), str(tsv), str(notes)], PROJECT, "en").ingest_report
    assert "Skipped" not in report, report
    for name in ("reel1.webvtt", "cast.tsv", "notes.markdown"):
        assert name in report
