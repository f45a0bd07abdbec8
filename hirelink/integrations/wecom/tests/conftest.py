from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from django.core.cache import caches

from hirelink.integrations.wecom import WeComClient, sandbox_config
from hirelink.integrations.wecom.sandbox import RunningSandbox, SandboxConfig, start_sandbox


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def sandbox() -> Iterator[RunningSandbox]:
    running = start_sandbox(SandboxConfig())
    yield running
    running.stop()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def client(sandbox: RunningSandbox, sleeps: list[float]) -> Iterator[WeComClient]:
    http = httpx.Client(timeout=10, trust_env=False)
    wecom = WeComClient(sandbox_config(sandbox.url), http=http, sleep=sleeps.append)
    yield wecom
    http.close()


class CallbackReceiver:
    """A real HTTP endpoint (the app's callback URL) recording what the sandbox posts to it."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.answer = b"success"
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                receiver.requests.append({"path": self.path, "body": self.rfile.read(length), "method": "POST"})
                self.send_response(200)
                self.end_headers()
                self.wfile.write(receiver.answer)

            def do_GET(self) -> None:
                receiver.requests.append({"path": self.path, "body": b"", "method": "GET"})
                self.send_response(200)
                self.end_headers()
                self.wfile.write(receiver.answer)

            def log_message(self, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/wecom/callback/"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def receiver() -> Iterator[CallbackReceiver]:
    running = CallbackReceiver()
    yield running
    running.stop()
