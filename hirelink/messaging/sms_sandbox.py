"""A local SMS sandbox that speaks Tencent Cloud SMS API 3.0 `SendSms` (2021-01-11) and shows an inbox page.

    python -m hirelink.messaging.sms_sandbox --port 8901

It verifies the TC3-HMAC-SHA256 signature (sandbox SecretId/SecretKey), the timestamp (±5 minutes) and the
required fields, answers exactly like the real API (`{"Response": {"SendStatusSet": [...], "RequestId": ...}}`
or `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}`) and keeps every message in memory:
`GET /` is the inbox page, `GET /messages.json` the raw list, `POST /_control` queues error codes for the
next requests (`{"fail_next": ["LimitExceeded.PhoneNumberThirtySecondLimit"]}`) and `POST /_reset` clears.
Numbers ending in 4444 are blacklisted (FailedOperation.PhoneNumberInBlacklist). No Django: pure stdlib."""

from __future__ import annotations

import argparse
import html
import json
import threading
import time
import uuid
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from hirelink.messaging import tc3

SANDBOX_SECRET_ID = "AKIDhirelinksandbox"  # noqa: S105 - public sandbox value
SANDBOX_SECRET_KEY = "hirelink-sms-sandbox-key"  # noqa: S105 - public sandbox value
SANDBOX_PORT = 8901
MAX_SKEW_SECONDS = 300
_REQUIRED = ("PhoneNumberSet", "SmsSdkAppId", "TemplateId")


class SmsSandboxState:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.messages: list[dict[str, Any]] = []
        self.fail_next: deque[str] = deque()

    def reset(self) -> None:
        with self.lock:
            self.messages.clear()
            self.fail_next.clear()


def _error(code: str, message: str) -> dict[str, Any]:
    return {"Response": {"Error": {"Code": code, "Message": message}, "RequestId": str(uuid.uuid4())}}


def handle_send_sms(
    state: SmsSandboxState, *, headers: dict[str, str], body: bytes, now: float | None = None
) -> dict[str, Any]:
    """The SendSms semantics, separated from HTTP so it is testable on its own."""
    now = time.time() if now is None else now
    action = headers.get("x-tc-action", "")
    if action != "SendSms":
        return _error("InvalidAction", f"unknown action {action!r}")
    if headers.get("x-tc-version") != "2021-01-11":
        return _error("NoSuchVersion", "version must be 2021-01-11")
    try:
        timestamp = int(headers.get("x-tc-timestamp", ""))
    except ValueError:
        return _error("MissingParameter", "X-TC-Timestamp is missing")
    if abs(now - timestamp) > MAX_SKEW_SECONDS:
        return _error("AuthFailure.SignatureExpire", "signature expired: timestamp is off by more than 5 minutes")
    if not tc3.verify(
        authorization_header=headers.get("authorization", ""),
        secret_id=SANDBOX_SECRET_ID,
        secret_key=SANDBOX_SECRET_KEY,
        host=headers.get("host", ""),
        service="sms",
        action=action,
        timestamp=timestamp,
        payload=body,
    ):
        return _error("AuthFailure.SignatureFailure", "the provided credentials could not be validated")
    try:
        params = json.loads(body)
    except ValueError:
        return _error("InvalidParameter", "body is not JSON")
    missing = [name for name in _REQUIRED if not params.get(name)]
    if missing:
        return _error("MissingParameter", f"missing {', '.join(missing)}")
    statuses = []
    with state.lock:
        forced = state.fail_next.popleft() if state.fail_next else ""
        for phone in params["PhoneNumberSet"]:
            code, message = "Ok", "send success"
            if forced:
                code, message = forced, "sandbox: forced error"
            elif not str(phone).startswith("+") or len(str(phone)) < 8:
                code, message = "InvalidParameterValue.IncorrectPhoneNumber", "incorrect phone number"
            elif str(phone).endswith("4444"):
                code, message = "FailedOperation.PhoneNumberInBlacklist", "number is blacklisted"
            serial = f"{uuid.uuid4().hex[:8]}:{len(state.messages) + 1}" if code == "Ok" else ""
            if code == "Ok":
                state.messages.append(
                    {
                        "serial_no": serial,
                        "phone": phone,
                        "sign_name": params.get("SignName", ""),
                        "template_id": params["TemplateId"],
                        "params": params.get("TemplateParamSet", []),
                        "session_context": params.get("SessionContext", ""),
                        "received_at": now,
                    }
                )
            statuses.append(
                {
                    "SerialNo": serial,
                    "PhoneNumber": phone,
                    "Fee": 1 if code == "Ok" else 0,
                    "SessionContext": params.get("SessionContext", ""),
                    "Code": code,
                    "Message": message,
                    "IsoCode": "CN",
                }
            )
    return {"Response": {"SendStatusSet": statuses, "RequestId": str(uuid.uuid4())}}


def inbox_html(state: SmsSandboxState) -> str:
    with state.lock:
        rows = list(reversed(state.messages))
    items = "".join(
        "<li><b>{phone}</b> <small>{at}</small><br>【{sign}】模板 {tpl}：{params}</li>".format(
            phone=html.escape(str(m["phone"])),
            at=time.strftime("%H:%M:%S", time.localtime(m["received_at"])),
            sign=html.escape(str(m["sign_name"])),
            tpl=html.escape(str(m["template_id"])),
            params=html.escape(" | ".join(str(p) for p in m["params"])),
        )
        for m in rows
    )
    return (
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>短信沙箱 SMS sandbox</title>'
        "<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto}li{margin:.6rem 0;padding:.6rem;"
        "background:#eef6ee;border-radius:.6rem;list-style:none}</style>"
        f"<h1>短信沙箱 · SMS sandbox</h1><p>{len(rows)} 条短信</p><ul>{items}</ul></html>"
    )


def make_handler(state: SmsSandboxState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _json(self, data: Any, status: int = 200) -> None:
            self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json")

        def do_GET(self) -> None:
            if self.path == "/messages.json":
                with state.lock:
                    self._json(list(state.messages))
            elif self.path in ("/", "/inbox"):
                self._send(200, inbox_html(state).encode("utf-8"), "text/html; charset=utf-8")
            else:
                self._json({"error": "not found"}, 404)

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(min(length, 1024 * 1024))
            if self.path == "/_reset":
                state.reset()
                self._json({"ok": True})
            elif self.path == "/_control":
                with state.lock:
                    state.fail_next.extend(str(code) for code in json.loads(body or b"{}").get("fail_next", []))
                self._json({"ok": True})
            elif self.path == "/":
                headers = {key.lower(): value for key, value in self.headers.items()}
                self._json(handle_send_sms(state, headers=headers, body=body))
            else:
                self._json({"error": "not found"}, 404)

    return Handler


def serve(*, host: str = "127.0.0.1", port: int = SANDBOX_PORT) -> tuple[ThreadingHTTPServer, SmsSandboxState]:
    """Start the sandbox on a daemon thread (tests, benchmark). Port 0 picks a free port."""
    state = SmsSandboxState()
    server = ThreadingHTTPServer((host, port), make_handler(state))
    threading.Thread(target=server.serve_forever, name="sms-sandbox", daemon=True).start()
    return server, state


def main() -> None:
    parser = argparse.ArgumentParser(description="HireLink SMS sandbox (Tencent Cloud SendSms compatible)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=SANDBOX_PORT)
    args = parser.parse_args()
    state = SmsSandboxState()
    server = ThreadingHTTPServer((args.host, args.port), make_handler(state))
    print(f"SMS sandbox on http://{args.host}:{args.port}/  (inbox page at /)")  # noqa: T201
    server.serve_forever()


if __name__ == "__main__":
    main()
