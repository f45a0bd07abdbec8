"""Local WeCom-compatible sandbox: ``python -m hirelink.integrations.wecom.sandbox --port 8900``.

In tests: ``running = start_sandbox(SandboxConfig(...)); ...; running.stop()``.
"""

from .app import RunningSandbox, SandboxApp, make_app, start_sandbox
from .state import SandboxApiError, SandboxConfig, SandboxState

__all__ = [
    "RunningSandbox",
    "SandboxApiError",
    "SandboxApp",
    "SandboxConfig",
    "SandboxState",
    "make_app",
    "start_sandbox",
]
