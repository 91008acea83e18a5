"""The UI's event handlers as plain methods, callable without a browser.

Each handler returns (or yields) a NamedTuple whose field names are the keys of the components it
updates; `ui.app` wires `outputs` from those names, so the order is defined once, here. The
handlers only call the agent, the tool registry and knowledge ingest; what things look like is in
`ui.views`, tables and files in `tools.artifact_export`.

Errors never reach the page as tracebacks: a `SlateError` becomes its one sentence, anything else a
generic sentence (and the traceback goes to the server log).
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

import gradio as gr

from core.errors import ProjectNotFound, SlateError
from core.paths import atomic_write_bytes, inside, safe_name
from knowledge.documents import SUPPORTED_EXTENSIONS
from ui import views
from ui.i18n import EXAMPLE_PROMPTS, normalise_lang, t
from ui.results import ShownSource, ToolFailure, typed_result, typed_source

if TYPE_CHECKING:
    from agent.consent import PendingChange
    from agent.service import SlateAgent, TurnEvent
    from core.settings import Settings
    from tools.artifact_export import Table
    from tools.registry import ToolResult

log = logging.getLogger("slate.ui")

N = TypeVar("N", bound=tuple)
AgentFactory = Callable[["Settings", str], "SlateAgent"]

# What the upload area accepts: exactly the formats knowledge/ reads (one list, kept there).
ALLOWED_EXTENSIONS: tuple[str, ...] = tuple(sorted(SUPPORTED_EXTENSIONS))

# Audio and video: not documents to read but sound to transcribe into a subtitle draft (ffmpeg reads
# many more; these are the ones a crew's cameras, recorders and editors hand over).
MEDIA_EXTENSIONS: tuple[str, ...] = (
    ".wav", ".mp3", ".m4a", ".aac", ".flac", ".ogg", ".opus",
    ".mp4", ".mov", ".mkv", ".mxf", ".avi", ".webm", ".m4v",
)  # fmt: skip

TAB_ARTIFACTS, TAB_SOURCE, TAB_DOCUMENTS = "artifacts", "source", "documents"

# Artifact kinds with nothing to show in the results panel (the answer says it all).
NO_PANEL_KINDS = frozenset({"message", "error"})


def default_agent_factory(settings: Settings, project: str) -> SlateAgent:
    from agent.service import open_agent

    return open_agent(settings, project)


class PanelOutputs(NamedTuple):
    picker: Any
    result_title: Any
    table: Any
    board: Any
    dood: Any
    downloads: Any


class ChatOutputs(NamedTuple):
    message: Any
    chatbot: Any
    session: Any
    artifacts: Any
    picker: Any
    result_title: Any
    table: Any
    board: Any
    dood: Any
    downloads: Any
    right_tabs: Any
    sources: Any
    source_refs: Any
    consent_box: Any
    consent_text: Any


class SourceOutputs(NamedTuple):
    source_view: Any
    right_tabs: Any


class UploadOutputs(NamedTuple):
    upload: Any
    ingest_report: Any
    documents: Any
    project: Any
    header: Any
    downloads: Any
    right_tabs: Any


class ProjectOutputs(NamedTuple):
    project: Any
    header: Any
    chatbot: Any
    session: Any
    artifacts: Any
    picker: Any
    result_title: Any
    table: Any
    board: Any
    dood: Any
    downloads: Any
    sources: Any
    source_refs: Any
    source_view: Any
    documents: Any
    consent_box: Any
    ingest_report: Any
    conversations: Any
    examples: Any


class ChatListOutputs(NamedTuple):
    chats: Any
    conversations: Any


class LanguageOutputs(NamedTuple):
    header: Any
    chatbot: Any
    message: Any
    new_chat: Any
    stop: Any
    examples: Any
    sources: Any
    tab_artifacts: Any
    tab_source: Any
    tab_documents: Any
    project: Any
    upload: Any
    documents: Any
    source_view: Any
    picker: Any
    result_title: Any
    table: Any
    board: Any
    dood: Any
    downloads: Any
    apply: Any
    cancel: Any
    conversations: Any


def _content_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    except OSError:
        return None


def _skip_all(cls: type[N], **values: Any) -> N:
    """A handler result that leaves every component alone except `values`."""
    fields: tuple[str, ...] = cls._fields  # type: ignore[attr-defined]
    return cls(**{name: values.get(name, gr.skip()) for name in fields})


class Handlers:
    """Everything the page does, bound to one deployment (settings, agents, a staging folder)."""

    def __init__(
        self, settings: Settings, project: str | None = None, agent_factory: AgentFactory | None = None
    ) -> None:
        self.settings = settings
        self.default_project = project or settings.project
        self.agent_factory = agent_factory or default_agent_factory
        self._agents: dict[str, SlateAgent] = {}
        self._lock = threading.Lock()
        # Downloads are copied here: Gradio serves files from the temp folder, never from SLATE_HOME.
        self.staging = Path(tempfile.mkdtemp(prefix="slate-ui-"))
        atexit.register(shutil.rmtree, self.staging, True)
        # Changes the gate held for the person's yes or no, per (project, session): kept here, on the
        # server, so a client can only say yes or no to them, never name a tool or its arguments.
        self._pending: dict[tuple[str, str], list[PendingChange]] = {}
        # Which projects each offered file belongs to (by its content's SHA-256, since Gradio serves a
        # copy from its own cache): server mode refuses a download to anyone who may read none of them.
        self._offered: dict[str, set[str]] = {}

    # --- agents ----------------------------------------------------------------------------------

    def agent(self, project: str) -> SlateAgent:
        """The project's agent, opened once and shared by every session (each has its own thread)."""
        with self._lock:
            agent = self._agents.get(project)
            if agent is None:
                agent = self.agent_factory(self.settings, project)
                self._agents[project] = agent
            return agent

    def forget_agent(self, project: str) -> None:
        """Drop a project's agent so the next turn sees newly ingested documents."""
        with self._lock:
            self._agents.pop(project, None)

    def model_label(self, project: str, lang: str) -> str:
        agent = self._agents.get(project)
        if agent is not None:
            info = agent.model_info
            return t("offline_planner", lang) if info.kind == "offline" else info.label()
        if self.settings.llm_kind == "offline":
            return t("offline_planner", lang)
        from agent.models import ModelInfo

        return ModelInfo("openai", self.settings.model, self.settings.openai_base_url).label()

    # --- the chat --------------------------------------------------------------------------------

    def chat(
        self,
        message: str,
        history: list[dict[str, Any]] | None,
        session: str | None,
        project: str | None,
        lang: str | None,
        artifacts: list[dict[str, Any]] | None,
        *,
        may_change: bool = True,
    ) -> Iterator[ChatOutputs]:
        """One chat turn, streamed: tool steps as collapsible messages, then the answer, then sources.

        `may_change` is False for a person who may only read the project (server mode): the agent
        then refuses every change. A change the agent held for confirmation shows Apply / Cancel."""
        from agent.service import new_session_id

        lang = normalise_lang(lang)
        project = project or self.default_project
        text = (message or "").strip()
        history = list(history or [])
        artifacts = list(artifacts or [])
        if not text:
            yield _skip_all(ChatOutputs)
            return
        session = session or new_session_id()
        history.append({"role": "user", "content": text})
        self._take_pending(project, session)  # a new request drops a change left unanswered
        yield _skip_all(
            ChatOutputs, message="", chatbot=history, session=session, consent_box=gr.update(visible=False)
        )

        steps: dict[str, list[int]] = {}
        answer_at: int | None = None
        shown = False  # whether this turn put a result in the panel (the last update shows it again)
        try:
            agent = self.agent(project)
            for event in agent.stream(text, session, may_change=may_change):
                if event.type == "token":
                    if answer_at is None:
                        history.append({"role": "assistant", "content": ""})
                        answer_at = len(history) - 1
                    history[answer_at]["content"] += event.text or ""
                    yield _skip_all(ChatOutputs, chatbot=history)
                elif event.type == "waiting":
                    yield _skip_all(ChatOutputs)  # suspended here, Gradio can close the turn at once
                elif event.type == "discard":
                    # Text from a model call that failed or was cut off: replaced, never kept above the answer.
                    if answer_at is not None:
                        del history[answer_at]
                        answer_at = None
                        yield _skip_all(ChatOutputs, chatbot=history)
                elif event.type == "final" and event.result is not None:
                    result = event.result
                    if answer_at is None:
                        history.append({"role": "assistant", "content": result.answer})
                    else:
                        history[answer_at]["content"] = result.answer
                    refs = enrich_sources(result.sources, [a.data for a in result.artifacts])
                    # Rebuilt rather than repeated: Gradio consumes the update dicts it has sent.
                    final = self._apply_panel(artifacts, lang, project) if shown else _skip_all(ChatOutputs)
                    pending = result.pending if may_change else []
                    if pending:
                        with self._lock:
                            self._pending[(project, session)] = list(pending)
                    yield final._replace(
                        chatbot=history,
                        session=session,
                        sources=self._sources_update(refs, lang),
                        source_refs=refs,
                        consent_box=gr.update(visible=bool(pending)),
                        consent_text="\n\n".join(f"**{c.question}**" for c in pending),
                    )
                else:
                    if event.type == "tool_start":
                        answer_at = None  # text after this step is a new message, below it
                    update = self._apply_event(event, history, steps, artifacts, lang, project)
                    shown = shown or update is not None
                    yield update or _skip_all(ChatOutputs, chatbot=history)
        except Exception as exc:  # the edge: one sentence in the chat, never a traceback
            for index in (i for pending in steps.values() for i in pending):
                history[index]["metadata"] = {**history[index]["metadata"], "status": "done", "log": "⚠"}
            history.append({"role": "assistant", "content": "⚠ " + self.error_sentence(exc, project, lang)})
            yield _skip_all(ChatOutputs, chatbot=history, session=session)

    def _apply_event(
        self,
        event: TurnEvent,
        history: list[dict[str, Any]],
        steps: dict[str, list[int]],
        artifacts: list[dict[str, Any]],
        lang: str,
        project: str,
    ) -> ChatOutputs | None:
        """Fold a tool event into the history; a new artifact also updates the results panel."""
        if event.type == "tool_start" and event.name:
            history.append(
                {
                    "role": "assistant",
                    "content": views.tool_args_text(event.args or {}),
                    "metadata": {"title": views.tool_title(event.name, lang), "status": "pending"},
                }
            )
            steps.setdefault(event.name, []).append(len(history) - 1)
            return None
        if event.type != "tool_end" or not event.name:
            return None
        artifact = dict(event.artifact or {})
        result = typed_result(artifact)  # where a result enters the page: typed from here on
        pending = steps.get(event.name) or []
        if pending:
            step = history[pending.pop(0)]
            step["metadata"] = {
                "title": views.tool_title(event.name, lang),
                "status": "done",
                "duration": round(float(event.seconds or 0.0), 2),
                # Not a tool's result (a note from the agent): a step with a note.
                "log": views.artifact_summary(result, lang)
                if result is not None
                else views.kind_label("message", lang),
            }
        if result is None or result.kind in NO_PANEL_KINDS:
            return None
        artifacts.append(artifact)
        return self._apply_panel(artifacts, lang, project)._replace(chatbot=history)

    def _apply_panel(self, artifacts: list[dict[str, Any]], lang: str, project: str) -> ChatOutputs:
        """A chat update that shows the newest result in the panel (and switches to its tab)."""
        panel = self.panel(artifacts, len(artifacts) - 1, lang, project)
        return ChatOutputs(
            message=gr.skip(),
            chatbot=gr.skip(),
            session=gr.skip(),
            artifacts=artifacts,
            **panel._asdict(),
            right_tabs=gr.update(selected=TAB_ARTIFACTS),
            sources=gr.skip(),
            source_refs=gr.skip(),
            consent_box=gr.skip(),
            consent_text=gr.skip(),
        )

    # --- changes held for the person's yes or no ------------------------------------------------

    def _take_pending(self, project: str, session: str) -> list[PendingChange]:
        with self._lock:
            return self._pending.pop((project, session), [])

    def apply_pending(
        self,
        session: str | None,
        project: str | None,
        lang: str | None,
        history: list[dict[str, Any]] | None,
        artifacts: list[dict[str, Any]] | None,
    ) -> ChatOutputs:
        """Apply: run exactly the changes the gate held in this session's last turn."""
        lang = normalise_lang(lang)
        project = project or self.default_project
        history, artifacts = list(history or []), list(artifacts or [])
        changes = self._take_pending(project, session or "")
        hidden = {"consent_box": gr.update(visible=False), "consent_text": ""}
        if not changes:
            history.append({"role": "assistant", "content": t("consent_none", lang)})
            return _skip_all(ChatOutputs, chatbot=history, **hidden)
        agent = self.agent(project)
        lines: list[str] = []
        shown = False
        for change in changes:
            try:
                record = agent.apply_change(change, session or "")
            except Exception as exc:  # the edge: one sentence, never a traceback
                lines.append("⚠ " + self.error_sentence(exc, project, lang))
                continue
            result = typed_result(record.data)
            if result is None or isinstance(result, ToolFailure):
                failure = result.message if result is not None else ""
                lines.append(f"⚠ {failure or t('consent_failed', lang)}")
                continue
            lines.append(f"✓ {t('consent_applied', lang)}: {views.artifact_summary(result, lang)}")
            if result.kind not in NO_PANEL_KINDS:
                artifacts.append(record.data)
                shown = True
        history.append({"role": "assistant", "content": "\n\n".join(lines)})
        out = self._apply_panel(artifacts, lang, project) if shown else _skip_all(ChatOutputs)
        return out._replace(chatbot=history, **hidden)

    def cancel_pending(
        self, session: str | None, project: str | None, lang: str | None, history: list[dict[str, Any]] | None
    ) -> ChatOutputs:
        """Cancel: the held changes are dropped; nothing was changed."""
        lang = normalise_lang(lang)
        project = project or self.default_project
        history = list(history or [])
        if self._take_pending(project, session or ""):
            history.append({"role": "assistant", "content": t("consent_cancelled", lang)})
        return _skip_all(ChatOutputs, chatbot=history, consent_box=gr.update(visible=False), consent_text="")

    def error_sentence(self, exc: BaseException, project: str, lang: str) -> str:
        """What a person reads when something fails: the error's own sentence, or a generic one."""
        if isinstance(exc, ProjectNotFound) and exc.project == project:
            return t("err_no_documents", lang, project=project)
        if isinstance(exc, SlateError):
            return people_sentence(exc)
        log.exception("unexpected error in the chat UI")
        return t("err_unexpected", lang)

    def _sources_update(self, refs: list[dict[str, Any]], lang: str) -> Any:
        shown = [typed_source(ref) for ref in refs]
        choices = [
            (views.citation_chip(ref, i + 1), str(i)) for i, ref in enumerate(shown) if ref is not None
        ]
        return gr.update(choices=choices, value=None, visible=bool(choices), label=t("sources", lang))

    # --- the results panel -----------------------------------------------------------------------

    def show_artifact(
        self,
        choice: str | int | None,
        artifacts: list[dict[str, Any]] | None,
        project: str | None,
        lang: str | None,
    ) -> PanelOutputs:
        """Show one of this conversation's results (picked in the results dropdown)."""
        artifacts = list(artifacts or [])
        try:
            index = int(choice) if choice not in (None, "") else len(artifacts) - 1
        except (TypeError, ValueError):
            index = len(artifacts) - 1
        return self.panel(artifacts, index, normalise_lang(lang), project or self.default_project)

    def panel(self, artifacts: list[dict[str, Any]], index: int, lang: str, project: str) -> PanelOutputs:
        """The results panel for `artifacts[index]`: title, main table, stripboard, DOOD, downloads."""
        from tools.artifact_export import result_tables
        from tools.script_lookup import SceneDetail

        results = [typed_result(a) for a in artifacts]
        if not 0 <= index < len(results):
            return empty_panel(lang)
        result = results[index]
        if result is None or isinstance(result, ToolFailure):
            return empty_panel(lang)
        choices = [
            (f"{i + 1}. {views.artifact_summary(r, lang) if r is not None else ''}", str(i))
            for i, r in reversed(list(enumerate(results)))
        ]
        tables = result_tables(result)
        main = tables[0] if tables else None
        dood = next((tb for tb in tables if tb.name == "dood"), None)
        if main is not None and main is dood:
            main = None
        board = self._board(result, lang, project)
        if isinstance(result, SceneDetail) and result.text:
            board = board or views.numbered_text_html(result.text, result.scene.heading)
        files = self.downloads(result, [tb for tb in (main, dood) if tb is not None])
        self.offer(project, files)
        return PanelOutputs(
            picker=gr.update(choices=choices, value=str(index), visible=True, label=t("artifact_pick", lang)),
            result_title=views.artifact_title(result, lang),
            table=_table_update(main, t("table", lang), lang, result.kind),
            board=gr.update(value=board or "", visible=bool(board)),
            dood=_table_update(dood, t("dood", lang), lang, result.kind),
            downloads=gr.update(value=files or None, visible=bool(files), label=t("downloads", lang)),
        )

    def _board(self, result: ToolResult, lang: str, project: str) -> str | None:
        """The stripboard: the schedule tool's own HTML page if it wrote one, else drawn from its days."""
        from tools.schedule.tools import ScheduleResult

        if not isinstance(result, ScheduleResult):
            return None
        for name in result.files:
            path = Path(name)
            if path.suffix.lower() in (".html", ".htm") and path.is_file():
                return views.embedded_html(path.read_text(encoding="utf-8", errors="replace"))
        if not result.days:
            return None
        agent = self._agents.get(project)
        scenes = {scene.number: scene for scene in agent.production.scenes} if agent is not None else {}
        return views.stripboard_html(result.days, lang, scenes)

    def offer(self, project: str, files: Sequence[str]) -> None:
        """Note that `files` are shown to people working on `project` (see `offered_to`)."""
        for name in files:
            digest = _content_digest(Path(name))
            if digest is not None:
                with self._lock:
                    self._offered.setdefault(digest, set()).add(project)

    def offered_to(self, path: Path) -> set[str] | None:
        """The projects a file served to the browser was offered for; None for a file Slate never
        offered (Gradio's own assets, a person's upload before it was checked)."""
        digest = _content_digest(path)
        with self._lock:
            found = self._offered.get(digest) if digest is not None else None
            return set(found) if found else None

    def downloads(self, result: ToolResult, tables: Sequence[Table]) -> list[str]:
        """Every file a person can take away: what the tool wrote, plus CSV and XLSX of shown tables.

        Copied into the UI's staging folder, one folder per result, so Gradio never needs access
        to the project folders themselves.
        """
        from tools.artifact_export import export_rows

        digest = hashlib.sha256(result.model_dump_json().encode()).hexdigest()[:16]
        folder = self.staging / digest
        folder.mkdir(parents=True, exist_ok=True)
        out: list[str] = []
        written = {Path(f).suffix.lower() for f in result.files}
        for name in result.files:
            source = Path(name)
            if not source.is_file():
                continue
            target = folder / source.name
            if not target.exists():
                shutil.copyfile(source, target)
            out.append(str(target))
        stem = safe_name(_artifact_stem(result))
        for table in tables:
            if not table.rows:
                continue
            for fmt in ("csv", "xlsx"):
                if table.name != "dood" and f".{fmt}" in written:
                    continue
                suffix = "" if table.name in ("scenes", "shots", "issues", "hits") else f"-{table.name}"
                target = folder / f"{stem}{suffix}.{fmt}"
                if not target.exists():
                    export_rows(table, fmt, target, title=table.name)
                out.append(str(target))
        return out

    # --- citations -------------------------------------------------------------------------------

    def open_source(
        self, choice: str | None, refs: list[dict[str, Any]] | None, project: str | None, lang: str | None
    ) -> SourceOutputs:
        """Open a cited scene (its numbered text) or passage in the Source tab."""
        lang = normalise_lang(lang)
        refs = list(refs or [])
        try:
            ref = typed_source(refs[int(choice)]) if choice not in (None, "") else None
        except (TypeError, ValueError, IndexError):
            ref = None
        if ref is None:
            return SourceOutputs(source_view=gr.skip(), right_tabs=gr.skip())
        heading = views.citation_label(ref, int(choice or 0) + 1)
        try:
            html_text = self._source_html(ref, heading, project or self.default_project)
        except Exception as exc:
            html_text = views.placeholder_html("⚠ " + self.error_sentence(exc, project or "", lang))
        return SourceOutputs(source_view=html_text, right_tabs=gr.update(selected=TAB_SOURCE))

    def _source_html(self, ref: ShownSource, heading: str, project: str) -> str:
        from tools.registry import get_tool
        from tools.script_lookup import SceneDetail

        if ref.scene and ref.doc_type == "screenplay":
            production = self.agent(project).production
            detail = get_tool("scene_details").invoke(production, {"scene": ref.scene})
            scene_lines = detail.text if isinstance(detail, SceneDetail) else []
            span = ref.lines
            whole = bool(scene_lines) and span == (scene_lines[0][0], scene_lines[-1][0])
            return views.numbered_text_html(scene_lines, heading, highlight=None if whole else span)
        if ref.text:
            return views.passage_html(ref.text, heading)
        return views.placeholder_html(heading)

    # --- documents -------------------------------------------------------------------------------

    def upload(
        self,
        files: Sequence[str] | str | None,
        project: str | None,
        lang: str | None,
        progress: gr.Progress = gr.Progress(),  # noqa: B008 (Gradio injects the progress tracker)
    ) -> UploadOutputs:
        """Store uploaded files under the project's folder and ingest them; report what happened."""
        lang = normalise_lang(lang)
        project = (project or self.default_project).strip()
        paths = [files] if isinstance(files, str) else list(files or [])
        if not paths:
            return _skip_all(UploadOutputs, ingest_report=t("ingest_nothing", lang))
        media = [p for p in paths if Path(p).suffix.lower() in MEDIA_EXTENSIONS]
        paths = [p for p in paths if p not in media]
        transcribed = self._transcribe_uploads(media, project, lang, progress) if media else None
        if not paths and transcribed is not None:
            return transcribed
        stored: list[Path] = []
        try:
            stored, refused = self._store_uploads(paths, project, lang)
            self.offer(project, paths)  # Gradio's cached copies of the uploads: this project's now
            report = None
            if stored:
                from knowledge.ingest import ingest

                def step(done: int, total: int, name: str) -> None:
                    progress((done, max(total, 1)), desc=f"{t('ingesting', lang)} {name}")

                report = ingest(self.settings, project, stored, progress=step)
                self.forget_agent(project)
                _remove_refused(stored, report)
            text = ingest_report_markdown(report, refused, lang)
        except Exception as exc:
            for path in stored:  # nothing is kept from an upload that did not go in
                path.unlink(missing_ok=True)
            text = "⚠ " + self.error_sentence(exc, project, lang)
        if transcribed is not None:
            text = f"{text}\n\n{transcribed.ingest_report}"
        return _skip_all(
            UploadOutputs,
            **(
                {"downloads": transcribed.downloads, "right_tabs": transcribed.right_tabs}
                if transcribed
                else {}
            ),
            upload=None,  # the drop zone empties again: the files are now listed under Documents
            ingest_report=text,
            documents=self.documents_table(project, lang),
            project=gr.update(choices=self.projects(project), value=project),
            header=self.header(project, lang),
        )

    def _transcribe_uploads(
        self, media: Sequence[str], project: str, lang: str, progress: gr.Progress
    ) -> UploadOutputs:
        """Audio or video: a timed subtitle draft from its speech (Whisper, offline), offered as a download."""
        if self.settings.whisper_model is None:  # said before anything is copied or loaded
            return _skip_all(UploadOutputs, upload=None, ingest_report="⚠ " + t("err_no_whisper", lang))
        from tools.media.operations import transcribe_path

        lines: list[str] = []
        files: list[str] = []
        for raw in media:
            name = Path(raw).name
            try:
                production = self.agent(project).production
            except Exception:  # a project without documents: the draft is made without the script's names
                production = None
            folder = self.staging / "transcripts" / hashlib.sha256(str(raw).encode()).hexdigest()[:16]
            output = folder / safe_name(f"{Path(name).stem}.draft.srt")

            def step(fraction: float, what: str, name: str = name) -> None:
                progress(max(0.0, min(1.0, fraction)), desc=f"{t('transcribing', lang)} {name}")

            try:
                folder.mkdir(parents=True, exist_ok=True)
                result = transcribe_path(
                    raw, output, model_dir=self.settings.whisper_model, production=production, progress=step
                )
            except Exception as exc:
                output.unlink(missing_ok=True)
                sentence = (
                    unreadable_sentence(name, str(exc), lang)
                    if isinstance(exc, SlateError)
                    else f"{name}: {self.error_sentence(exc, project, lang)}"
                )
                lines.append(f"- {sentence}")
                continue
            files.append(result.output)
            self.offer(project, [result.output])
            lines.append(f"- {t('transcript_ready', lang, name=name, cues=len(result.cues))}")
        return _skip_all(
            UploadOutputs,
            upload=None,
            ingest_report="\n".join(lines),
            downloads=gr.update(value=files or None, visible=bool(files), label=t("downloads", lang)),
            right_tabs=gr.update(selected=TAB_ARTIFACTS) if files else gr.skip(),
        )

    def _store_uploads(
        self, paths: Sequence[str], project: str, lang: str
    ) -> tuple[list[Path], list[tuple[str, str]]]:
        """Copy acceptable uploads into `<project>/uploads/` (sanitised names); list the refused ones."""
        uploads = self.settings.project_dir(project) / "uploads"
        limit = self.settings.upload_max_mb
        stored: list[Path] = []
        refused: list[tuple[str, str]] = []
        for raw in paths:
            source = Path(raw)
            name = source.name
            if source.suffix.lower() not in ALLOWED_EXTENSIONS:
                refused.append((name, t("err_type", lang, name=name, allowed=" ".join(ALLOWED_EXTENSIONS))))
                continue
            if source.stat().st_size > limit * 1024 * 1024:
                refused.append((name, t("err_size", lang, name=name, limit=limit)))
                continue
            target = inside(uploads, uploads / safe_name(name))
            atomic_write_bytes(target, source.read_bytes())
            stored.append(target)
        return stored, refused

    def projects(self, current: str | None = None) -> list[str]:
        """Projects with documents, plus the current one (which may be new and still empty)."""
        from knowledge.ingest import project_stats

        names = [s["project"] for s in project_stats(self.settings)]
        if current and current not in names:
            names.append(current)
        return names

    def documents_table(self, project: str, lang: str) -> Any:
        from knowledge.production import load_manifest

        headers = [t("col_file", lang), t("col_type", lang), t("col_details", lang), t("col_added", lang)]
        try:
            manifest = load_manifest(self.settings.project_dir(project), project)
        except SlateError:
            return {"headers": headers, "data": []}
        rows = []
        for doc in manifest.documents:
            details = []
            if doc.scenes:
                details.append(f"{doc.scenes} {t('status_scenes', lang)}")
            if doc.pages:
                details.append(f"{doc.pages} pp")
            rows.append(
                [doc.name, doc.doc_type, " · ".join(details), doc.ingested_at.strftime("%Y-%m-%d %H:%M")]
            )
        return {"headers": headers, "data": rows}

    def header(self, project: str, lang: str) -> str:
        """The header: the production's title and the status line."""
        from knowledge.production import load_manifest

        try:
            documents = load_manifest(self.settings.project_dir(project), project).documents
        except SlateError:
            documents = []
        script = next((d for d in reversed(documents) if d.doc_type == "screenplay"), None)
        title, scenes = (script.title, script.scenes) if script else (None, None)
        agent = self._agents.get(project)
        if agent is not None and agent.production.screenplay is not None:
            # The open production knows best (and exists even when it was built without a manifest).
            title = agent.production.screenplay.title or title
            scenes = len(agent.production.scenes)
            documents = documents or agent.production.documents
        status = views.status_line(self.model_label(project, lang), project, len(documents), scenes, lang)
        return views.header_html(title or project or t("no_project", lang), status, lang)

    # --- page state ------------------------------------------------------------------------------

    def switch_project(
        self, project: str | None, lang: str | None, chats: list[dict[str, Any]] | None = None
    ) -> ProjectOutputs:
        """Open another production (or start a new chat): a fresh conversation and an empty panel."""
        from agent.service import new_session_id

        lang = normalise_lang(lang)
        project = (project or self.default_project).strip()
        self._follow_shared_store(project)
        return self._page_for(project, lang, new_session_id(), [], chats)

    def _page_for(
        self,
        project: str,
        lang: str,
        session: str,
        history: list[dict[str, Any]],
        chats: list[dict[str, Any]] | None,
    ) -> ProjectOutputs:
        """The page showing `session`'s conversation in `project`, every other panel emptied."""
        return ProjectOutputs(
            project=gr.update(value=project),
            header=self.header(project, lang),
            chatbot=history,
            session=session,
            artifacts=[],
            **empty_panel(lang)._asdict(),
            sources=gr.update(choices=[], value=None, visible=False),
            source_refs=[],
            source_view=views.placeholder_html(t("source_empty", lang)),
            documents=self.documents_table(project, lang),
            consent_box=gr.update(visible=False),
            ingest_report="",  # the previous project's upload report belongs to that project
            conversations=conversations_update(chats, project, session if history else None, lang),
            examples=gr.update(samples=self.example_samples(project)),
        )

    def example_samples(self, project: str | None) -> list[list[str]]:
        """Prompts to try, drawn from the open production's people, places and scenes (the sample's
        only when the sample is open)."""
        from agent.compose import example_prompts

        try:
            if not project:
                raise LookupError(project)
            return [[p] for p in example_prompts(self.agent(project).planner.lexicon)]
        except Exception:  # no project yet, or one that cannot open: generic prompts, never an error
            log.debug("example prompts fell back for %r", project, exc_info=True)
            return [[p] for p in EXAMPLE_PROMPTS]

    # --- conversations that last -----------------------------------------------------------------
    # The turns themselves are in the agent's checkpointer (SQLite under SLATE_HOME), keyed by
    # project and session id; the browser keeps only its own list of session ids (localStorage),
    # so a reload or a server restart finds them again and no one sees another browser's chats.

    def remember_chat(
        self,
        session: str | None,
        project: str | None,
        history: list[dict[str, Any]] | None,
        chats: list[dict[str, Any]] | None,
        lang: str | None,
    ) -> ChatListOutputs:
        """After a turn: add this conversation (first question, date) to the browser's list."""
        project = project or self.default_project
        chats = [c for c in chats or [] if isinstance(c, dict)]
        first = next((m for m in history or [] if m.get("role") == "user"), None)
        if not session or first is None or any(c.get("id") == session for c in chats):
            return ChatListOutputs(chats=gr.skip(), conversations=gr.skip())
        from datetime import datetime

        entry = {
            "id": session,
            "project": project,
            "title": " ".join(message_text(first.get("content")).split())[:80],
            "date": datetime.now().strftime("%Y-%m-%d %H:%M"),
        }
        chats = [entry, *chats][:MAX_REMEMBERED_CHATS]
        return ChatListOutputs(
            chats=chats, conversations=conversations_update(chats, project, session, normalise_lang(lang))
        )

    def browser_secret(self) -> str:
        """The key that seals each browser's conversation list, kept under SLATE_HOME so the list
        still opens after a restart (Gradio's default is a new random key per process)."""
        import secrets

        path = self.settings.home / "ui-browser-secret"
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, secrets.token_urlsafe(32).encode())
            path.chmod(0o600)
        return path.read_text(encoding="utf-8").strip()

    def list_chats(self, chats: list[dict[str, Any]] | None, project: str | None, lang: str | None) -> Any:
        """The conversation list for the page as loaded (this browser's chats in this project)."""
        return conversations_update(chats, project or self.default_project, None, normalise_lang(lang))

    def open_chat(
        self,
        chosen: str | None,
        chats: list[dict[str, Any]] | None,
        project: str | None,
        lang: str | None,
    ) -> ProjectOutputs:
        """Reopen one of this browser's conversations: its turns from the checkpointer, then go on."""
        lang = normalise_lang(lang)
        project = (project or self.default_project).strip()
        known = {c.get("id") for c in chats or [] if isinstance(c, dict) and c.get("project") == project}
        if not chosen or chosen not in known:  # only this browser's own conversations can be opened
            return _skip_all(ProjectOutputs)
        try:
            history = chat_history(self.agent(project).history(chosen))
        except Exception as exc:
            return _skip_all(ProjectOutputs, ingest_report="⚠ " + self.error_sentence(exc, project, lang))
        return self._page_for(project, lang, chosen, history, chats)

    def _follow_shared_store(self, project: str) -> None:
        """With a shared Chroma server, another machine may have changed the project: bring its local
        copy up to date and reopen its agent if its documents differ, so scene tools see them too."""
        from knowledge.production import load_manifest
        from knowledge.shared_store import pull_project

        if not self.settings.chroma_host:
            return  # one machine: nothing else can have changed the project
        try:
            pull_project(self.settings, project)
            documents = load_manifest(self.settings.project_dir(project), project).documents
        except SlateError:
            log.warning("could not reach the shared Chroma server for %s", project, exc_info=True)
            return
        agent = self._agents.get(project)
        if agent is not None and agent.production.documents != documents:
            self.forget_agent(project)

    def set_language(
        self,
        lang: str | None,
        project: str | None,
        artifacts: list[dict[str, Any]] | None,
        picked: str | None = None,
        refs: list[dict[str, Any]] | None = None,
    ) -> LanguageOutputs:
        """Relabel the whole interface in English or Traditional Chinese (the shown result too)."""
        lang = normalise_lang(lang)
        project = project or self.default_project
        artifacts = list(artifacts or [])
        panel = self.show_artifact(picked, artifacts, project, lang) if artifacts else empty_panel(lang)
        return LanguageOutputs(
            header=self.header(project, lang),
            chatbot=gr.update(label=t("chat", lang), placeholder=t("chat_empty", lang)),
            message=gr.update(label=t("message", lang), placeholder=t("chat_placeholder", lang)),
            new_chat=gr.update(value=t("new_chat", lang)),
            stop=gr.update(value=t("stop", lang)),
            apply=gr.update(value=t("apply", lang)),
            cancel=gr.update(value=t("cancel", lang)),
            conversations=gr.update(label=t("conversations", lang)),
            examples=gr.update(label=t("examples", lang)),
            sources=gr.update(label=t("sources", lang)),
            tab_artifacts=gr.update(label=t("tab_artifacts", lang)),
            tab_source=gr.update(label=t("tab_source", lang)),
            tab_documents=gr.update(label=t("tab_documents", lang)),
            project=gr.update(label=t("project", lang), info=t("project_info", lang)),
            upload=gr.update(label=t("upload", lang)),
            documents=gr.update(value=self.documents_table(project, lang), label=t("documents_list", lang)),
            source_view=gr.skip() if refs else views.placeholder_html(t("source_empty", lang)),
            **panel._asdict(),
        )

    def load(self, request: gr.Request | None = None) -> tuple[Any, Any, Any, str]:
        """On page load: the project list, the header, the documents and a new session id."""
        from agent.service import new_session_id

        project = self.default_project
        return (
            gr.update(choices=self.projects(project), value=project),
            self.header(project, "en"),
            self.documents_table(project, "en"),
            new_session_id(),
        )


MAX_REMEMBERED_CHATS = 50


def conversations_update(
    chats: list[dict[str, Any]] | None, project: str, current: str | None, lang: str
) -> Any:
    """The dropdown of earlier conversations in `project`, newest first: "date · first question"."""
    choices = [
        (f"{c.get('date', '')} · {c.get('title', '')}", str(c["id"]))
        for c in chats or []
        if isinstance(c, dict) and c.get("id") and c.get("project") == project
    ]
    return gr.update(choices=choices, value=current, visible=bool(choices), label=t("conversations", lang))


def message_text(content: Any) -> str:
    """A chat message's text: Gradio hands back a sent message as a list of typed parts."""
    if isinstance(content, list):
        return " ".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
    return str(content or "")


def chat_history(messages: Sequence[Any]) -> list[dict[str, Any]]:
    """A stored conversation as chat messages: the questions and the answers (tool steps left out)."""
    from langchain_core.messages import AIMessage, HumanMessage

    out: list[dict[str, Any]] = []
    for message in messages:
        text = message.text
        if isinstance(message, HumanMessage):
            out.append({"role": "user", "content": text})
        elif isinstance(message, AIMessage) and text.strip() and not message.tool_calls:
            out.append({"role": "assistant", "content": text})
    return out


def _table_update(table: Any, label: str, lang: str, kind: str) -> Any:
    if table is None:
        return gr.update(value=None, visible=False)
    shown = views.display_table(table.columns, table.rows, table.name, lang, kind)
    value = {"headers": shown["headers"], "data": shown["data"]}
    return gr.update(value=value, visible=True, label=label, column_widths=shown["widths"])


def empty_panel(lang: str) -> PanelOutputs:
    return PanelOutputs(
        picker=gr.update(choices=[], value=None, visible=False),
        result_title=views.hint_markdown(t("artifacts_empty", lang)),
        table=gr.update(value=None, visible=False),
        board=gr.update(value="", visible=False),
        dood=gr.update(value=None, visible=False),
        downloads=gr.update(value=None, visible=False),
    )


def _artifact_stem(result: ToolResult) -> str:
    subject = views.artifact_subject(result)
    return f"{result.kind}-{subject}" if subject else result.kind


def enrich_sources(sources: list[dict[str, Any]], artifacts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The turn's citations, each with its passage text where a search returned one."""
    from tools.script_lookup import SearchResult

    texts: dict[tuple[object, ...], str] = {}
    for artifact in artifacts:
        result = typed_result(artifact)
        for hit in result.hits if isinstance(result, SearchResult) else []:
            if hit.text:
                texts.setdefault(hit.key(), hit.text)
    out = []
    for source in sources:
        ref = typed_source(source)
        if ref is None:
            continue
        ref.text = texts.get(ref.key(), ref.text)
        out.append(ref.model_dump(mode="json", exclude_none=True))
    return out


def ingest_report_markdown(report: Any, refused: Sequence[tuple[str, str]], lang: str) -> str:
    """What an upload did: files added or updated, passages new and unchanged, files skipped and why."""
    parts: list[str] = []
    if report is not None and report.files:
        parts.append(f"**{t('ingest_added', lang)}:** " + ", ".join(report.files))
        parts.append(
            f"{report.chunks_added} {t('ingest_new_passages', lang)} · "
            f"{report.chunks_unchanged} {t('ingest_unchanged', lang)}"
        )
    skipped = list(refused) + [
        (Path(s.file).name, unreadable_sentence(Path(s.file).name, s.reason, lang))
        for s in (report.skipped if report else [])
    ]
    if skipped:
        parts.append(f"**{t('ingest_skipped', lang)}:**\n" + "\n".join(f"- {r}" for _, r in skipped))
    return "\n\n".join(parts) or t("ingest_nothing", lang)


# An exception's class name ("PackageNotFoundError", "PdfStreamError") means nothing to a crew.
_CLASS_NAME = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception|Warning)\b")


def unreadable_sentence(name: str, reason: str, lang: str) -> str:
    """One sentence for a file ingest could not take, in the page's language, without paths or class
    names. The reader's own English sentence is kept where it is plain (it often names the line)."""
    log.info("upload skipped: %s: %s", name, reason)
    plain = without_paths(reason)
    if lang == "en" and not _CLASS_NAME.search(plain):
        return plain if plain.startswith(name) else f"{name}: {plain}"
    return t("err_unreadable", lang, name=name)


def _remove_refused(stored: Sequence[Path], report: Any) -> None:
    """Drop the uploaded copies of files ingest skipped: a refused upload leaves nothing behind."""
    skipped = {Path(s.file).resolve() for s in report.skipped}
    for path in stored:
        if path.resolve() in skipped:
            path.unlink(missing_ok=True)


_PATH = re.compile(r"(?:[A-Za-z]:)?(?:/[^\s/:'\"]+)+/([^\s/:'\"]+)")


def without_paths(text: str) -> str:
    """A sentence for people: server folders cut down to the file's own name (logged in full)."""
    return _PATH.sub(lambda m: m.group(1), text)


def people_sentence(exc: SlateError) -> str:
    """The error's sentence with its file named by its own name only, never a server path."""
    log.info("shown to a person: %s", exc)
    return without_paths(str(exc))
