"""Fixtures for the workflow and messaging tests: the SMS sandbox and the WeCom sandbox on free local ports,
settings pointing at them, and a recorder standing in for our callback URL (to forward signed callbacks)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.core.cache import caches

from hirelink.integrations.wecom.sandbox import RunningSandbox, SandboxConfig, start_sandbox
from hirelink.messaging import sms_sandbox


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def sms(settings: Any) -> Iterator[sms_sandbox.SmsSandboxState]:
    server, state = sms_sandbox.serve(port=0)
    settings.MESSAGING_SMS_ENDPOINT = f"http://127.0.0.1:{server.server_port}"
    settings.MESSAGING_SMS_SECRET_ID = sms_sandbox.SANDBOX_SECRET_ID
    settings.MESSAGING_SMS_SECRET_KEY = sms_sandbox.SANDBOX_SECRET_KEY
    yield state
    server.shutdown()
    server.server_close()


class CallbackRecorder:
    """Plays our callback URL for the WeCom sandbox: records the signed POST so the test can hand it to the
    Django view through the test client (inside the test's transaction)."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                recorder.requests.append({"path": self.path, "body": self.rfile.read(length)})
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"success")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/wecom/callback/"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def callback_recorder() -> Iterator[CallbackRecorder]:
    recorder = CallbackRecorder()
    yield recorder
    recorder.stop()


@pytest.fixture
def wecom(settings: Any, callback_recorder: CallbackRecorder) -> Iterator[RunningSandbox]:
    running = start_sandbox(SandboxConfig(callback_url=callback_recorder.url))
    settings.WECOM_API_BASE_URL = running.url
    settings.WECOM_OAUTH_BASE_URL = running.url
    yield running
    running.stop()
