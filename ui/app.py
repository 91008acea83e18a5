"""The Gradio page: layout and event wiring only (the handlers are in ui.handlers).

Left, the chat: streamed answers with each tool step as a collapsible message, example prompts in
both languages, and the answer's sources as clickable references. Right, three tabs: the results
(tables, stripboard, day-out-of-days, downloads), the cited source text, and the project's
documents with an upload area.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr

from core.access import AccessPolicy
from ui.guard import DownloadGuardMiddleware, LoginClientMiddleware, guarded, load_for_user, sign_in
from ui.handlers import (
    TAB_ARTIFACTS,
    TAB_DOCUMENTS,
    TAB_SOURCE,
    AgentFactory,
    ChatListOutputs,
    ChatOutputs,
    Handlers,
    LanguageOutputs,
    PanelOutputs,
    ProjectOutputs,
    SourceOutputs,
    UploadOutputs,
    empty_panel,
)
from ui.i18n import LANGUAGE_CHOICES, t
from ui.views import placeholder_html

if TYPE_CHECKING:
    from core.settings import Settings

log = logging.getLogger("slate.ui")

# System fonts only (web fonts would be fetched from the internet); HK glyph forms first for Chinese.
FONT_STACK = [
    "-apple-system",
    "BlinkMacSystemFont",
    "Segoe UI",
    "Noto Sans CJK HK",
    "Noto Sans CJK TC",
    "PingFang HK",
    "PingFang TC",
    "Microsoft JhengHei",
    "Helvetica Neue",
    "Arial",
    "sans-serif",
]
MONO_STACK = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Noto Sans Mono CJK HK", "monospace"]

CSS = """
.gradio-container { width: 100% !important; max-width: 1480px !important; min-width: 0 !important; margin: 0 auto !important; }
.sl-col { min-width: 0 !important; }
#slate-chat .message, #slate-chat code { overflow-wrap: anywhere; }
.sl-col table, .sl-col th, .sl-col td, .sl-col .cell-wrap span { font-family: var(--font) !important; }
#slate-downloads button[aria-label="Remove"], #slate-downloads .label-clear-button { display: none; }
footer { display: none !important; }
.sl-top { align-items: center; border-bottom: 1px solid var(--border-color-primary); padding-bottom: 6px; }
.sl-header { display: flex; flex-direction: column; gap: 2px; }
.sl-brand { font-size: 13px; font-weight: 600; letter-spacing: .04em; color: var(--body-text-color-subdued);
            text-transform: uppercase; }
.sl-logo { display: inline-block !important; vertical-align: -3px; margin-right: 6px; }
.sl-tagline { font-weight: 400; margin-left: 8px; text-transform: none; letter-spacing: 0; }
.sl-title { font-size: 26px; font-weight: 700; line-height: 1.25; }
.sl-status { font-size: 13px; color: var(--body-text-color-subdued); }
.sl-lang { max-width: 260px; }
.sl-placeholder { color: var(--body-text-color-subdued); padding: 28px 8px; text-align: center; }
.sl-source { font-size: 14px; }
.sl-source-title { font-weight: 600; margin-bottom: 8px; }
.sl-lines { font-family: var(--font-mono); max-height: 62vh; overflow: auto; border: 1px solid
            var(--border-color-primary); border-radius: 8px; padding: 8px 0; }
.sl-line { display: flex; gap: 12px; padding: 0 12px; white-space: pre-wrap; line-height: 1.6; }
.sl-line.sl-hit { background: #fff4c2; }
.sl-no { color: var(--body-text-color-subdued); min-width: 3.2em; text-align: right; user-select: none; }
.sl-passage { white-space: pre-wrap; line-height: 1.7; border-left: 3px solid #f59e0b; padding-left: 12px; }
.sl-board { display: flex; flex-direction: column; gap: 2px; }
.sl-strip { display: grid; grid-template-columns: 3.5em 7.5em 1fr 1fr 4em; gap: 8px; padding: 4px 8px;
            border: 1px solid #999; font-size: 13px; color: #111; }
.sl-strip-no { font-weight: 700; }
.sl-daybreak { background: #111; color: #fff; font-weight: 600; padding: 3px 8px; font-size: 12px; }
#slate-sources .wrap { gap: 6px !important; flex-wrap: wrap; max-height: 78px; overflow-y: auto; }
#slate-sources label { font-size: 12.5px !important; padding: 3px 10px !important; border-radius: 999px !important;
                       min-height: 0 !important; cursor: pointer; }
#slate-sources label:hover { border-color: #f59e0b !important; }
#slate-sources input[type=radio] { display: none; }
.sl-examples { margin-top: 2px; }
/* Tables fit the panel: long text wraps anywhere, headers only between words (never "Pag e"). */
.sl-col table { table-layout: fixed; }
.sl-col td, .sl-col td span { overflow-wrap: break-word; word-break: normal; }
.sl-col td { vertical-align: top; }
.sl-col td .cell-wrap { align-items: flex-start !important; }
.sl-col th, .sl-col th span, .sl-col th button { word-break: keep-all !important; overflow-wrap: normal !important;
  hyphens: none !important; }
#slate-dood th, #slate-dood th span { white-space: nowrap !important; }
.sl-above summary { cursor: pointer; color: var(--body-text-color-subdued); padding: 0 12px; font-size: 12px; }
.sl-md { white-space: normal; }
.sl-md p, .sl-md ul, .sl-md ol { margin: 0 0 .6em; }
#slate-result-title details { margin-top: 4px; font-size: 13px; color: var(--body-text-color-subdued); }
"""


def theme() -> gr.themes.Base:
    """A calm light theme: slate greys, an amber accent, system fonts that read Chinese well."""
    return gr.themes.Soft(
        primary_hue="amber",
        secondary_hue="slate",
        neutral_hue="slate",
        font=FONT_STACK,
        font_mono=MONO_STACK,
        radius_size="md",
    ).set(
        body_background_fill="#f7f7f5",
        block_background_fill="#ffffff",
        button_primary_background_fill="#1f2937",
        button_primary_background_fill_hover="#111827",
        button_primary_text_color="#ffffff",
    )


def launch_options() -> dict[str, Any]:
    """Look and feel passed to `launch` (Gradio 6 takes theme and CSS there, not in Blocks)."""
    return {"theme": theme(), "css": CSS}


# Cheap lookups get their own pool, so a slow model never keeps anyone from reading a scene.
LOOKUP_LIMITS: dict[str, Any] = {"concurrency_id": "lookup", "concurrency_limit": 8}
# Remembering a conversation after a turn: bookkeeping, so no spinner and no public API route.
REMEMBER_OPTIONS: dict[str, Any] = {"api_visibility": "private", "show_progress": "hidden"}

Guard = Callable[..., Callable[..., Any]]


@dataclass(frozen=True)
class PageState:
    """What the page keeps between events: its session, the turn's results and sources, its chats."""

    session: gr.State
    artifacts: gr.State
    source_refs: gr.State
    chats: gr.BrowserState


@dataclass(frozen=True)
class TopBar:
    """The header (production and status line), the new-chat button and the language switch."""

    header: gr.HTML
    new_chat: gr.Button
    lang: gr.Radio


@dataclass(frozen=True)
class ConsentBox:
    """A change the agent held for the person's yes or no (agent.consent): Apply / Cancel."""

    consent_box: gr.Group
    consent_text: gr.Markdown
    apply: gr.Button
    cancel: gr.Button


@dataclass(frozen=True)
class ChatColumn:
    """Left: earlier conversations, the chat, its sources, the message box, consent, Stop, examples."""

    conversations: gr.Dropdown
    chatbot: gr.Chatbot
    sources: gr.Radio
    message: gr.Textbox
    consent: ConsentBox
    stop: gr.Button
    examples: gr.Dataset


@dataclass(frozen=True)
class ResultsTab:
    """The results: a picker between them, a title, the stripboard, the tables and the downloads."""

    tab_artifacts: gr.Tab
    picker: gr.Dropdown
    result_title: gr.Markdown
    board: gr.HTML
    table: gr.Dataframe
    dood: gr.Dataframe
    downloads: gr.File


@dataclass(frozen=True)
class SourceTab:
    """The cited source text."""

    tab_source: gr.Tab
    source_view: gr.HTML


@dataclass(frozen=True)
class DocumentsTab:
    """The project picker, the upload area, its report and the project's documents."""

    tab_documents: gr.Tab
    project: gr.Dropdown
    upload: gr.File
    ingest_report: gr.Markdown
    documents: gr.Dataframe


@dataclass(frozen=True)
class SideColumn:
    """Right: the three tabs."""

    right_tabs: gr.Tabs
    results_tab: ResultsTab
    source_tab: SourceTab
    documents_tab: DocumentsTab


@dataclass(frozen=True)
class Page:
    """Every component of the page, by part; `outputs` finds them by the handlers' field names."""

    state: PageState
    top: TopBar
    chat: ChatColumn
    side: SideColumn

    @property
    def project(self) -> gr.Dropdown:
        """The project picker: nearly every event reads it."""
        return self.side.documents_tab.project

    @property
    def lang(self) -> gr.Radio:
        """The language switch: nearly every event reads it."""
        return self.top.lang

    def outputs(self, names: type[tuple]) -> list[Any]:
        """The components a handler's NamedTuple updates, in its field order (see ui.handlers)."""
        by_name = _components_by_name(self)
        return [by_name[name] for name in names._fields]  # type: ignore[attr-defined]


def _components_by_name(part: Any) -> dict[str, Any]:
    """The components in `part` by field name, nested parts flattened; a name used twice is an error."""
    found: dict[str, Any] = {}
    for field in fields(part):
        value = getattr(part, field.name)
        named = _components_by_name(value) if is_dataclass(value) else {field.name: value}
        if twice := named.keys() & found.keys():
            raise ValueError(f"two components named {sorted(twice)}")
        found.update(named)
    return found


def build_app(
    settings: Settings,
    project: str | None = None,
    *,
    agent_factory: AgentFactory | None = None,
    access: AccessPolicy | None = None,
) -> gr.Blocks:
    """The chat page for `project` (default: settings.project); `agent_factory` lets tests inject an agent.

    With `access` (server mode) every event that names a project checks the signed-in person may
    open it, and the page shows no project until it has loaded for that person."""
    handlers = Handlers(settings, project, agent_factory)
    project = handlers.default_project
    g = _guard(access, handlers)
    shown = project if access is None else None  # server mode: nothing before the person's own load
    lang = "en"

    with gr.Blocks(title="Slate", analytics_enabled=False, fill_width=True) as app:
        state = _build_state(handlers)
        top = _build_top_bar(handlers, shown, lang)
        with gr.Row(equal_height=False):
            chat = _build_chat_column(handlers, project, lang)
            side = _build_side_column(handlers, shown, lang)
        page = Page(state, top, chat, side)

        chat_limits = {"concurrency_id": "chat", "concurrency_limit": settings.ui_concurrency}
        _wire_turns(page, handlers, g, chat_limits)
        _wire_consent(page, handlers, g, chat_limits)
        _wire_lookups(page, handlers, g)
        _wire_project(page, handlers, g)
        _wire_language(page, handlers, g)
        _wire_load(app, page, handlers, access)

    app.queue(default_concurrency_limit=settings.ui_concurrency, max_size=64)
    # Tests and embedding code reach the handlers (and their staging folder) through the app.
    app.slate_handlers = handlers
    return app


def _build_state(handlers: Handlers) -> PageState:
    return PageState(
        session=gr.State(""),
        artifacts=gr.State([]),
        source_refs=gr.State([]),
        # This browser's conversations (ids, first question, date); the turns are kept server-side.
        chats=gr.BrowserState([], storage_key="slate-chats", secret=handlers.browser_secret()),
    )


def _build_top_bar(handlers: Handlers, shown: str | None, lang: str) -> TopBar:
    with gr.Row(elem_classes="sl-top", equal_height=True):
        header = gr.HTML(handlers.header(shown, lang) if shown else "", padding=False)
        new_chat = gr.Button(
            t("new_chat", lang),
            size="sm",
            variant="secondary",
            scale=0,
            min_width=110,
            elem_id="slate-new-chat",
        )
        language = gr.Radio(
            LANGUAGE_CHOICES,
            value=lang,
            show_label=False,
            container=False,
            scale=0,
            min_width=220,
            elem_classes="sl-lang",
            elem_id="slate-lang",
        )
    return TopBar(header, new_chat, language)


def _build_chat_column(handlers: Handlers, project: str | None, lang: str) -> ChatColumn:
    with gr.Column(scale=6, min_width=420, elem_classes="sl-col"):
        conversations = gr.Dropdown(
            choices=[],
            label=t("conversations", lang),
            visible=False,
            interactive=True,
            elem_id="slate-conversations",
        )
        chatbot = gr.Chatbot(
            label=t("chat", lang),
            show_label=False,
            height="58vh",
            min_height=400,
            placeholder=t("chat_empty", lang),
            buttons=["copy"],
            feedback_options=None,
            elem_id="slate-chat",
        )
        sources = gr.Radio(
            [], label=t("sources", lang), visible=False, elem_classes="sl-sources", elem_id="slate-sources"
        )
        message = gr.Textbox(
            show_label=False,
            label=t("message", lang),
            placeholder=t("chat_placeholder", lang),
            lines=1,
            max_lines=6,
            autofocus=True,
            submit_btn=True,
            elem_id="slate-message",
        )
        consent = _build_consent_box(lang)
        # Cancels this page's running turn (the agent stops its model call: see agent.service).
        stop = gr.Button(t("stop", lang), size="sm", variant="stop", elem_id="slate-stop", min_width=90)
        examples = gr.Dataset(
            components=[message],
            samples=handlers.example_samples(project),
            label=t("examples", lang),
            layout="gallery",
            elem_classes="sl-examples",
            elem_id="slate-examples",
        )
    return ChatColumn(conversations, chatbot, sources, message, consent, stop, examples)


def _build_consent_box(lang: str) -> ConsentBox:
    with gr.Group(visible=False, elem_id="slate-consent") as box:
        text = gr.Markdown(elem_id="slate-consent-text")
        with gr.Row():
            apply = gr.Button(
                t("apply", lang), size="sm", variant="primary", elem_id="slate-apply", min_width=90
            )
            cancel = gr.Button(
                t("cancel", lang), size="sm", variant="secondary", elem_id="slate-cancel", min_width=90
            )
    return ConsentBox(box, text, apply, cancel)


def _build_side_column(handlers: Handlers, shown: str | None, lang: str) -> SideColumn:
    with (
        gr.Column(scale=5, min_width=380, elem_classes="sl-col"),
        gr.Tabs(selected=TAB_ARTIFACTS) as right_tabs,
    ):
        results_tab = _build_results_tab(lang)
        source_tab = _build_source_tab(lang)
        documents_tab = _build_documents_tab(handlers, shown, lang)
    return SideColumn(right_tabs, results_tab, source_tab, documents_tab)


def _build_results_tab(lang: str) -> ResultsTab:
    with gr.Tab(t("tab_artifacts", lang), id=TAB_ARTIFACTS) as tab:
        panel = empty_panel(lang)
        picker = gr.Dropdown(choices=[], label=t("artifact_pick", lang), visible=False, interactive=True)
        result_title = gr.Markdown(panel.result_title, elem_id="slate-result-title")
        board = gr.HTML(visible=False, elem_id="slate-board")
        table = gr.Dataframe(
            visible=False,
            show_label=False,
            interactive=False,
            wrap=True,
            max_height=460,
            elem_id="slate-table",
            buttons=["fullscreen", "copy"],
        )
        dood = gr.Dataframe(
            visible=False,
            interactive=False,
            label=t("dood", lang),
            max_height=320,
            pinned_columns=1,  # the cast stays in view while the days scroll
            elem_id="slate-dood",
        )
        downloads = gr.File(
            file_count="multiple",
            visible=False,
            interactive=False,
            label=t("downloads", lang),
            elem_id="slate-downloads",
        )
    return ResultsTab(tab, picker, result_title, board, table, dood, downloads)


def _build_source_tab(lang: str) -> SourceTab:
    with gr.Tab(t("tab_source", lang), id=TAB_SOURCE) as tab:
        source_view = gr.HTML(placeholder_html(t("source_empty", lang)), elem_id="slate-source")
    return SourceTab(tab, source_view)


def _build_documents_tab(handlers: Handlers, shown: str | None, lang: str) -> DocumentsTab:
    with gr.Tab(t("tab_documents", lang), id=TAB_DOCUMENTS) as tab:
        project = gr.Dropdown(
            choices=handlers.projects(shown) if shown else [],
            value=shown,
            allow_custom_value=True,
            label=t("project", lang),
            info=t("project_info", lang),
            interactive=True,
        )
        upload = gr.File(file_count="multiple", label=t("upload", lang), elem_id="slate-upload", height=140)
        ingest_report = gr.Markdown(elem_id="slate-ingest-report")
        documents = gr.Dataframe(
            value=handlers.documents_table(shown, lang) if shown else None,
            interactive=False,
            label=t("documents_list", lang),
            max_height=360,
        )
    return DocumentsTab(tab, project, upload, ingest_report, documents)


def _wire_turns(page: Page, handlers: Handlers, g: Guard, chat_limits: dict[str, Any]) -> None:
    """A question, typed or picked from the examples, runs a turn; Stop cancels it."""
    state, chat = page.state, page.chat
    chat_inputs = [chat.message, chat.chatbot, state.session, page.project, page.lang, state.artifacts]
    remember_inputs = [state.session, page.project, chat.chatbot, state.chats, page.lang]

    def ask(listen: Callable[..., Any], **options: Any) -> Any:
        """A chat turn, then the conversation remembered: the message box and the examples alike."""
        turn = listen(
            g(handlers.chat),
            chat_inputs,
            page.outputs(ChatOutputs),
            show_progress="hidden",
            **options,
            **chat_limits,
        )
        turn.then(
            g(handlers.remember_chat), remember_inputs, page.outputs(ChatListOutputs), **REMEMBER_OPTIONS
        )
        return turn

    asked = ask(chat.message.submit, api_name="chat")
    picked = chat.examples.click(
        lambda sample: sample[0], chat.examples, chat.message, queue=False, api_visibility="private"
    )
    example_asked = ask(picked.then, api_visibility="private")
    # Stop cancels the page's running turn; what was streamed so far stays on the page.
    chat.stop.click(None, None, None, cancels=[asked, example_asked], api_visibility="private", queue=False)


def _wire_consent(page: Page, handlers: Handlers, g: Guard, chat_limits: dict[str, Any]) -> None:
    """Apply runs the held change (in the chat pool); Cancel drops it."""
    state, chat = page.state, page.chat
    chat.consent.apply.click(
        g(handlers.apply_pending, "change"),
        [state.session, page.project, page.lang, chat.chatbot, state.artifacts],
        page.outputs(ChatOutputs),
        api_name="apply_change",
        **chat_limits,
    )
    chat.consent.cancel.click(
        g(handlers.cancel_pending),
        [state.session, page.project, page.lang, chat.chatbot],
        page.outputs(ChatOutputs),
        api_name="cancel_change",
        **LOOKUP_LIMITS,
    )


def _wire_lookups(page: Page, handlers: Handlers, g: Guard) -> None:
    """Opening an earlier conversation, a cited source or another result (in the lookup pool)."""
    state, chat, picker = page.state, page.chat, page.side.results_tab.picker
    chat.conversations.input(
        g(handlers.open_chat),
        [chat.conversations, state.chats, page.project, page.lang],
        page.outputs(ProjectOutputs),
        api_visibility="private",
        **LOOKUP_LIMITS,
    )
    chat.sources.select(
        g(handlers.open_source),
        [chat.sources, state.source_refs, page.project, page.lang],
        page.outputs(SourceOutputs),
        api_name="open_source",
        **LOOKUP_LIMITS,
    )
    picker.input(
        g(handlers.show_artifact),
        [picker, state.artifacts, page.project, page.lang],
        page.outputs(PanelOutputs),
        api_name="show_artifact",
        **LOOKUP_LIMITS,
    )


def _wire_project(page: Page, handlers: Handlers, g: Guard) -> None:
    """Uploads (one ingest at a time), switching project and starting a new chat."""
    upload = page.side.documents_tab.upload
    upload.upload(
        g(handlers.upload, "change"),
        [upload, page.project, page.lang],
        page.outputs(UploadOutputs),
        api_name="upload",
        concurrency_id="ingest",
        concurrency_limit=1,
    )
    page.project.input(
        g(handlers.switch_project, opens=True),
        [page.project, page.lang, page.state.chats],
        page.outputs(ProjectOutputs),
        api_name="switch_project",
        **LOOKUP_LIMITS,
    )
    page.top.new_chat.click(
        g(handlers.switch_project, opens=True),
        [page.project, page.lang, page.state.chats],
        page.outputs(ProjectOutputs),
        api_name="new_chat",
        **LOOKUP_LIMITS,
    )


def _wire_language(page: Page, handlers: Handlers, g: Guard) -> None:
    """The language switch relabels the page and redraws what it shows."""
    page.lang.change(
        g(handlers.set_language),
        [page.lang, page.project, page.state.artifacts, page.side.results_tab.picker, page.state.source_refs],
        page.outputs(LanguageOutputs),
        api_name="set_language",
        queue=False,
    )


def _wire_load(app: gr.Blocks, page: Page, handlers: Handlers, access: AccessPolicy | None) -> None:
    """On load: the project (server mode: the signed-in person's own), then this browser's chats."""
    app.load(
        handlers.load if access is None else load_for_user(handlers, access),
        None,
        [page.project, page.top.header, page.side.documents_tab.documents, page.state.session],
        api_visibility="private",
        queue=False,
    ).then(
        handlers.list_chats,
        [page.state.chats, page.project, page.lang],
        page.chat.conversations,
        api_visibility="private",
        queue=False,
    )


def _guard(access: AccessPolicy | None, handlers: Handlers) -> Callable[..., Callable[..., Any]]:
    """Handlers as they are, or (server mode) each checked against the signed-in person's projects;
    `opens=True` (the picker, a new chat) falls back to the person's own project when refused."""
    if access is None:
        return lambda fn, right="read", opens=False: fn

    def own_project(user: str | None) -> str | None:
        mine = access.visible(user, handlers.projects())
        return handlers.default_project if handlers.default_project in mine else (mine[0] if mine else None)

    return lambda fn, right="read", opens=False: guarded(fn, access, right, own_project if opens else None)


def parse_auth(auth: str | None) -> tuple[str, str] | None:
    """`USER:PASS` → (user, password); None when no login is asked for."""
    if not auth:
        return None
    user, sep, password = auth.partition(":")
    if not sep or not user or not password:
        from core.errors import ConfigError

        raise ConfigError("--auth needs USER:PASS (a user name and a password, joined by a colon)")
    return user, password


def launch(
    settings: Settings,
    project: str | None = None,
    host: str | None = None,
    port: int | None = None,
    auth: str | None = None,
    share: bool = False,
    *,
    agent_factory: AgentFactory | None = None,
    block: bool = True,
    access_file: Path | None = None,
) -> tuple[gr.Blocks, str]:
    """Serve the UI on `host:port` (127.0.0.1 unless told otherwise); return the app and its URL.

    No public share link unless `share`; `auth` (USER:PASS) asks for a login. With `block=False`
    the server runs in a thread and this returns at once (tests).
    """
    access = AccessPolicy.load(access_file) if access_file else None  # server mode: users and owners
    app = build_app(settings, project, agent_factory=agent_factory, access=access)
    extra: dict[str, Any] = {}
    if access is not None:
        from starlette.middleware import Middleware

        extra["app_kwargs"] = {
            "middleware": [
                Middleware(LoginClientMiddleware),
                Middleware(DownloadGuardMiddleware, handlers=app.slate_handlers, access=access),  # type: ignore[attr-defined]
            ]
        }
    _, url, share_url = app.launch(
        server_name=host or settings.ui_host,
        server_port=port or settings.ui_port,
        auth=sign_in(access) if access is not None else parse_auth(auth),
        share=share,
        inbrowser=False,
        quiet=True,
        prevent_thread_lock=True,
        show_error=False,
        max_file_size=f"{settings.upload_max_mb}mb",
        footer_links=[],
        **extra,
        **launch_options(),
    )
    shown = share_url or url
    print(f"Slate is open at {shown}", flush=True)
    if block:
        try:
            app.block_thread()
        finally:
            app.close()
    return app, shown
