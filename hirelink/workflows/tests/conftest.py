"""The workflow tests use the messaging sandboxes' fixtures (workflows sits above messaging)."""

from hirelink.messaging.tests.conftest import (  # noqa: F401 - pytest fixtures, used by name
    CallbackRecorder,
    _clear_cache,
    callback_recorder,
    sms,
    wecom,
)
