"""Name → channel. Built lazily; tests may swap one in with `channel_override`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from hirelink.messaging.channels.base import Channel
from hirelink.messaging.errors import NoChannelError


def _email() -> Channel:
    from hirelink.messaging.channels.email import EmailChannel

    return EmailChannel()


def _sms() -> Channel:
    from hirelink.messaging.channels.sms import SmsChannel

    return SmsChannel()


def _wecom_app() -> Channel:
    from hirelink.messaging.channels.wecom import WecomAppChannel

    return WecomAppChannel()


def _wecom_external() -> Channel:
    from hirelink.messaging.channels.wecom import WecomExternalChannel

    return WecomExternalChannel()


def _wecom_kf() -> Channel:
    from hirelink.messaging.channels.wecom import WecomKfChannel

    return WecomKfChannel()


_FACTORIES: dict[str, Callable[[], Channel]] = {
    "email": _email,
    "sms": _sms,
    "wecom_app": _wecom_app,
    "wecom_external": _wecom_external,
    "wecom_kf": _wecom_kf,
}
_OVERRIDES: dict[str, Channel] = {}


def channel_for(name: str) -> Channel:
    if name in _OVERRIDES:
        return _OVERRIDES[name]
    factory = _FACTORIES.get(name)
    if factory is None:
        raise NoChannelError
    return factory()


@contextmanager
def channel_override(name: str, channel: Channel) -> Iterator[Channel]:
    previous = _OVERRIDES.get(name)
    _OVERRIDES[name] = channel
    try:
        yield channel
    finally:
        if previous is None:
            _OVERRIDES.pop(name, None)
        else:
            _OVERRIDES[name] = previous
