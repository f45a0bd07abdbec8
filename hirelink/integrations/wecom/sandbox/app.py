"""The sandbox's WSGI application: the WeCom HTTP API (same paths, JSON shapes and errcodes), the OAuth
authorize page, the phone-like inbox page and a JSON control API for tests (faults, presses, state)."""

from __future__ import annotations

import json
import logging
import mimetypes
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit, urlunsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from . import pages
from .state import SandboxApiError, SandboxConfig, SandboxState

logger = logging.getLogger(__name__)

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
_STATIC = Path(__file__).parent / "static"
_MAX_BODY = 2 * 1024 * 1024

_STATUS = {
    200: "200 OK",
    303: "303 See Other",
    302: "302 Found",
    400: "400 Bad Request",
    404: "404 Not Found",
    405: "405 Method Not Allowed",
}


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    body: bytes

    def json(self) -> dict[str, Any]:
        try:
            data = json.loads(self.body or b"{}")
        except ValueError as exc:
            raise SandboxApiError(47001, "data format error: body is not JSON") from exc
        if not isinstance(data, dict):
            raise SandboxApiError(47001, "data format error: body is not a JSON object")
        return data

    def form(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(self.body.decode("utf-8", errors="replace")).items()}


class Response:
    def __init__(
        self,
        body: str | bytes,
        *,
        status: int = 200,
        content_type: str = "text/html; charset=utf-8",
        headers: list[tuple[str, str]] | None = None,
    ) -> None:
        self.body = body.encode("utf-8") if isinstance(body, str) else body
        self.status = status
        self.headers = [("Content-Type", content_type), *(headers or [])]


def json_response(data: dict[str, Any], status: int = 200) -> Response:
    return Response(json.dumps(data, ensure_ascii=False), status=status, content_type="application/json; charset=utf-8")


def redirect(location: str, status: int = 303) -> Response:
    return Response(b"", status=status, headers=[("Location", location)])


class SandboxApp:
    """WSGI callable. ``state`` is public so tests and tools can inspect it."""

    def __init__(self, state: SandboxState) -> None:
        self.state = state

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(min(length, _MAX_BODY)) if length else b""
        request = Request(
            method=environ.get("REQUEST_METHOD", "GET"),
            path=environ.get("PATH_INFO", "/"),
            query={k: v[-1] for k, v in parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True).items()},
            body=body,
        )
        response = self.dispatch(request)
        start_response(_STATUS.get(response.status, f"{response.status} X"), response.headers)
        return [response.body]

    # ------------------------------------------------------------------ routing
    def dispatch(self, request: Request) -> Response:
        path = request.path
        if path.startswith("/cgi-bin/"):
            return self.api(request)
        if path == "/connect/oauth2/authorize":
            return self.oauth(request)
        if path.startswith("/sandbox/api/"):
            return self.control(request)
        if path.startswith("/sandbox/static/"):
            return self.static(path.removeprefix("/sandbox/static/"))
        if path in ("/", "/sandbox"):
            return redirect("/sandbox/", 302)
        if path.startswith("/sandbox/"):
            return self.page(request)
        return Response("未找到 Not found", status=404, content_type="text/plain; charset=utf-8")

    # ------------------------------------------------------------------ WeCom API
    _POST_ROUTES = {
        "/cgi-bin/message/send": "message_send",
        "/cgi-bin/message/update_template_card": "update_template_card",
        "/cgi-bin/externalcontact/add_msg_template": "add_msg_template",
        "/cgi-bin/externalcontact/get_groupmsg_send_result": "get_groupmsg_send_result",
        "/cgi-bin/kf/send_msg": "kf_send_msg",
        "/cgi-bin/kf/sync_msg": "kf_sync_msg",
        "/cgi-bin/oa/schedule/add": "schedule_add",
    }

    def api(self, request: Request) -> Response:
        state = self.state
        try:
            if request.path == "/cgi-bin/gettoken":
                data = state.gettoken(request.query.get("corpid", ""), request.query.get("corpsecret", ""))
            elif request.path == "/cgi-bin/auth/getuserinfo":
                state.check_token(request.query.get("access_token", ""))
                data = state.oauth_getuserinfo(request.query.get("code", ""))
            elif request.path in self._POST_ROUTES:
                if request.method != "POST":
                    raise SandboxApiError(43002, "require POST method")
                state.check_token(request.query.get("access_token", ""))
                data = getattr(state, self._POST_ROUTES[request.path])(request.json())
            else:
                raise SandboxApiError(48002, f"api forbidden: {request.path} is not emulated by the sandbox")
        except SandboxApiError as exc:
            data = exc.payload()
        state.log_request(request.method, request.path, int(data.get("errcode", 0)))
        # WeCom answers HTTP 200 with an errcode, whatever the error.
        return json_response(data)

    # ------------------------------------------------------------------ OAuth page
    def oauth(self, request: Request) -> Response:
        if request.method == "POST":
            form = request.form()
            redirect_uri = form.get("redirect_uri", "")
            try:
                code = self.state.oauth_issue_code(form.get("person", ""))
            except SandboxApiError as exc:
                return Response(f"授权失败：{exc.errmsg}", status=400, content_type="text/plain; charset=utf-8")
            parts = urlsplit(redirect_uri)
            extra = urlencode({"code": code, "state": form.get("state", "")})
            query = f"{parts.query}&{extra}" if parts.query else extra
            return redirect(urlunsplit((parts.scheme, parts.netloc, parts.path, query, "")), 302)
        params = request.query
        problems = []
        if params.get("appid") != self.state.config.corpid:
            problems.append("appid 与企业 corpid 不一致")
        if params.get("response_type") != "code":
            problems.append("response_type 必须为 code")
        if params.get("scope") not in ("snsapi_base", "snsapi_privateinfo"):
            problems.append("scope 必须为 snsapi_base 或 snsapi_privateinfo")
        if not params.get("redirect_uri", "").startswith(("http://", "https://")):
            problems.append("redirect_uri 无效")
        if problems:
            body = "".join(f'<div class="list-item fail">{pages.esc(p)}</div>' for p in problems)
            return Response(pages.page(self.state, title="授权失败", body=body), status=400)
        return Response(pages.page(self.state, title="企业微信授权", body=pages.oauth_page(self.state, params)))

    # ------------------------------------------------------------------ page
    def page(self, request: Request) -> Response:
        state = self.state
        path = request.path
        if request.method == "POST":
            form = request.form()
            back = f"/sandbox/chat/{quote(form.get('person', ''))}"
            try:
                if path == "/sandbox/press":
                    state.press_button(int(form.get("message_id", "0") or 0), form.get("key", ""))
                elif path == "/sandbox/kf":
                    state.kf_customer_message(form.get("person", ""), form.get("content", "").strip())
                elif path == "/sandbox/confirm":
                    state.confirm_group_task(form.get("msgid", ""))
                elif path == "/sandbox/settings":
                    state.config.callback_url = form.get("callback_url", "").strip()
                    result = state.verify_callback_url()
                    notice = (
                        "URL 验证成功"
                        if result.get("ok")
                        else f"URL 验证失败：{result.get('error', result.get('status'))}"
                    )
                    return Response(
                        pages.page(state, title="回调日志", body=pages.callback_log(state, notice), tab="log")
                    )
                else:
                    return Response("未找到 Not found", status=404, content_type="text/plain; charset=utf-8")
            except (SandboxApiError, ValueError) as exc:
                message = exc.errmsg if isinstance(exc, SandboxApiError) else str(exc)
                body = f'<div class="list-item fail">操作失败：{pages.esc(message)}</div>'
                return Response(pages.page(state, title="操作失败", body=body, back=back), status=400)
            return redirect(back)
        if path == "/sandbox/":
            return Response(pages.page(state, title="消息", body=pages.chat_list(state)))
        if path.startswith("/sandbox/chat/"):
            from urllib.parse import unquote

            person_id = unquote(path.removeprefix("/sandbox/chat/"))
            title, body = pages.conversation(state, person_id)
            return Response(pages.page(state, title=title, body=body, back="/sandbox/"))
        if path == "/sandbox/schedules":
            return Response(pages.page(state, title="日程", body=pages.schedules(state), tab="schedules"))
        if path == "/sandbox/log":
            return Response(pages.page(state, title="回调日志", body=pages.callback_log(state), tab="log"))
        return Response("未找到 Not found", status=404, content_type="text/plain; charset=utf-8")

    def static(self, name: str) -> Response:
        target = (_STATIC / name).resolve()
        if target.parent != _STATIC.resolve() or not target.is_file():
            return Response("not found", status=404, content_type="text/plain")
        content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        return Response(target.read_bytes(), content_type=f"{content_type}; charset=utf-8")

    # ------------------------------------------------------------------ control API (tests, tools)
    def control(self, request: Request) -> Response:
        state = self.state
        path = request.path.removeprefix("/sandbox/api/")
        try:
            if path == "version":
                return json_response({"version": state.version})
            if path == "state":
                return json_response(state.snapshot())
            if path.startswith("inbox/"):
                return json_response({"messages": state.inbox(path.removeprefix("inbox/"))})
            if request.method != "POST":
                raise SandboxApiError(43002, "require POST method")
            data = request.json()
            if path == "faults":
                state.inject_fault(
                    str(data.get("kind", "")),
                    count=int(data.get("count", 1)),
                    userids=[str(u) for u in data.get("userids", [])],
                )
                return json_response({"errcode": 0, "errmsg": "ok"})
            if path == "press":
                return json_response(state.press_button(int(data.get("message_id", 0)), str(data.get("key", ""))))
            if path == "persons":
                return json_response(
                    state.add_person(
                        str(data["id"]),
                        name=str(data.get("name", "")),
                        kind=str(data.get("kind", "staff")),
                        title=str(data.get("title", "")),
                    )
                )
            if path == "kf/customer_message":
                return json_response(
                    state.kf_customer_message(str(data.get("external_userid", "")), str(data.get("content", "")))
                )
            if path == "groupmsg/confirm":
                return json_response(state.confirm_group_task(str(data.get("msgid", ""))))
            if path == "config":
                if "callback_url" in data:
                    state.config.callback_url = str(data["callback_url"])
                return json_response({"errcode": 0, "errmsg": "ok", "callback_url": state.config.callback_url})
            if path == "verify_url":
                return json_response(state.verify_callback_url())
            if path == "reset":
                state.reset()
                return json_response({"errcode": 0, "errmsg": "ok"})
        except SandboxApiError as exc:
            return json_response(exc.payload(), status=400)
        except (KeyError, ValueError) as exc:
            return json_response({"errcode": 40058, "errmsg": f"invalid parameter: {exc}"}, status=400)
        return json_response({"errcode": 404, "errmsg": "unknown control endpoint"}, status=404)


# ---------------------------------------------------------------------- running it
class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("wecom.sandbox.request", extra={"line": format % args})


@dataclass
class RunningSandbox:
    url: str
    state: SandboxState
    server: WSGIServer
    thread: threading.Thread

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def make_app(config: SandboxConfig | None = None) -> SandboxApp:
    return SandboxApp(SandboxState(config or SandboxConfig()))


def start_sandbox(config: SandboxConfig | None = None, *, host: str = "127.0.0.1", port: int = 0) -> RunningSandbox:
    """Serve the sandbox in a background thread (port 0 = a free port); ``.stop()`` shuts it down."""
    app = make_app(config)
    server = make_server(host, port, app, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="wecom-sandbox", daemon=True
    )
    thread.start()
    return RunningSandbox(url=f"http://{host}:{server.server_port}", state=app.state, server=server, thread=thread)
