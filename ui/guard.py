"""Server mode for the UI: every event that names a project checks the signed-in person may open it.

The project arrives from the browser (a dropdown value, or any value a client posts to the API), so
it is checked on every call, not only when the picker is filled. The rules live in `core.access`;
this module only adapts them to Gradio (which hands a handler the request when a parameter is
annotated `gr.Request`).
"""

from __future__ import annotations

import contextvars
import inspect
from collections.abc import Callable
from typing import Any

import gradio as gr

from core.access import AccessDenied, AccessPolicy, Right

# The address of the client posting to /login: Gradio's auth callable gets only a name and password.
login_client: contextvars.ContextVar[str] = contextvars.ContextVar("login_client", default="")

_DENIED = {"en": "You do not have access to that project.", "zh": "你冇權限開啟呢個製作。"}


def guarded(
    fn: Callable[..., Any],
    access: AccessPolicy,
    right: Right = "read",
    fallback: Callable[[str | None], str | None] | None = None,
) -> Callable[..., Any]:
    """`fn` (a Handlers method with `project` and maybe `lang` parameters), refusing a project the
    signed-in person may not open for `right` with one plain sentence.

    With `fallback` (opening a project: the picker, a new chat), a refused name does not leave the page
    on it: the sentence shows as a warning and the person's own project (`fallback(user)`) opens
    instead, so the picker never keeps a name every later action would be refused for."""
    signature = inspect.signature(fn)
    # `may_change` (a keyword the handler may take) is filled here from the policy, never by a client.
    tells_change = "may_change" in signature.parameters
    signature = signature.replace(
        parameters=[p for n, p in signature.parameters.items() if n != "may_change"]
    )
    names = list(signature.parameters)
    at, lang_at = names.index("project"), names.index("lang") if "lang" in names else None
    request_param = inspect.Parameter(
        "request", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None, annotation=gr.Request
    )

    def check(args: tuple[Any, ...]) -> tuple[tuple[Any, ...], dict[str, bool]]:
        *inputs, request = args
        user = getattr(request, "username", None)
        try:
            access.check(user, inputs[at], right)
        except AccessDenied:
            lang = inputs[lang_at] if lang_at is not None and inputs[lang_at] == "zh" else "en"
            own = fallback(user) if fallback is not None else None
            if own is None:
                raise gr.Error(_DENIED[lang], print_exception=False) from None
            gr.Warning(_DENIED[lang])
            inputs[at] = own
        extra = {"may_change": access.may(user, inputs[at], "change")} if tells_change else {}
        return tuple(inputs), extra

    if inspect.isgeneratorfunction(fn):

        def stream(*args: Any) -> Any:
            inputs, extra = check(args)
            yield from fn(*inputs, **extra)

        wrapper: Callable[..., Any] = stream
    else:

        def call(*args: Any) -> Any:
            inputs, extra = check(args)
            return fn(*inputs, **extra)

        wrapper = call
    # Gradio reads the signature and annotations to inject the request: give it the handler's own
    # parameters plus `request`, and no `__wrapped__` (which would hide `request`).
    wrapper.__signature__ = signature.replace(parameters=[*signature.parameters.values(), request_param])  # type: ignore[attr-defined]
    # Only `request` is annotated: the handler's own hints are strings naming ui.handlers types,
    # which Gradio could not resolve from here (and it would then not see `request` at all).
    wrapper.__annotations__ = {"request": gr.Request}
    wrapper.__name__ = getattr(fn, "__name__", "handler")
    return wrapper


def load_for_user(handlers: Any, access: AccessPolicy) -> Callable[[gr.Request], tuple[Any, Any, Any, str]]:
    """The page-load handler in server mode: the picker lists only the projects this person may read."""
    from agent.service import new_session_id

    def load(request: gr.Request) -> tuple[Any, Any, Any, str]:
        mine = access.visible(getattr(request, "username", None), handlers.projects())
        project = (
            handlers.default_project if handlers.default_project in mine else (mine[0] if mine else None)
        )
        if project is None:
            return gr.update(choices=[], value=None), "", None, new_session_id()
        return (
            gr.update(choices=mine, value=project),
            handlers.header(project, "en"),
            handlers.documents_table(project, "en"),
            new_session_id(),
        )

    return load


def sign_in(access: AccessPolicy) -> Callable[[str, str], bool]:
    """Gradio's auth callable: the policy's check, throttled by name and by the client's address."""

    def auth(username: str, password: str) -> bool:
        return access.sign_in(username, password, login_client.get())

    return auth


class LoginClientMiddleware:
    """ASGI middleware noting the client address of each /login post for `sign_in` (a reverse proxy's
    own address unless the server runs with --forwarded-allow-ips / proxy headers)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope.get("type") == "http" and str(scope.get("path", "")).endswith("/login"):
            client = scope.get("client") or ("", 0)
            token = login_client.set(str(client[0]))
            try:
                await self.app(scope, receive, send)
            finally:
                login_client.reset(token)
            return
        await self.app(scope, receive, send)


class DownloadGuardMiddleware:
    """ASGI middleware refusing a file download (Gradio's `/file=` route) to a signed-in person who may
    read none of the projects the file was offered for (`Handlers.offered_to`).

    Gradio checks only that someone is signed in; a link copied from one person's page must not open
    another production's call sheet for someone else. The person is Gradio's own session cookie,
    looked up in the app's token table (as Gradio's `get_current_user` does).
    """

    def __init__(self, app: Any, handlers: Any = None, access: AccessPolicy | None = None) -> None:
        self.app = app
        self.handlers = handlers
        self.access = access

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        path = str(scope.get("path", ""))
        if scope.get("type") == "http" and "/file=" in path and self.access is not None:
            from pathlib import Path
            from urllib.parse import unquote

            from starlette.requests import Request
            from starlette.responses import PlainTextResponse

            served = self.handlers.offered_to(Path(unquote(path.split("/file=", 1)[1])))
            if served is not None:
                gradio_app = scope.get("app")
                cookie_id = getattr(gradio_app, "cookie_id", "")
                cookies = Request(scope).cookies
                token = cookies.get(f"access-token-{cookie_id}") or cookies.get(
                    f"access-token-unsecure-{cookie_id}"
                )
                user = getattr(gradio_app, "tokens", {}).get(token)
                if not any(self.access.may(user, project) for project in served):
                    await PlainTextResponse(_DENIED["en"], status_code=403)(scope, receive, send)
                    return
        await self.app(scope, receive, send)
