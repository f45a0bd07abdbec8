"""Local model of the 微信客服 reply window: after a customer's message the business may send at most
5 messages within 48 hours; a new customer message opens a new window.

The tracker lets the client refuse a send it knows WeCom would reject (so the messaging layer falls back to
SMS/email at once). It is advisory: when it knows nothing about a session the send goes to WeCom, whose
answer (95018) is authoritative.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

KF_WINDOW_SECONDS = 48 * 3600
KF_MAX_REPLIES = 5
_REMEMBER_SECONDS = 7 * 24 * 3600


@dataclass(frozen=True)
class KfWindow:
    last_customer_message_at: float
    replies_sent: int

    def is_open(self, now: float) -> bool:
        return now - self.last_customer_message_at <= KF_WINDOW_SECONDS and self.replies_sent < KF_MAX_REPLIES

    def remaining_replies(self, now: float) -> int:
        return KF_MAX_REPLIES - self.replies_sent if self.is_open(now) else 0


class KfSessionTracker:
    def __init__(self, *, cache_alias: str = "default", clock: Callable[[], float] = time.time) -> None:
        self.cache_alias = cache_alias
        self.clock = clock

    def _cache(self) -> Any:
        from django.core.cache import caches

        return caches[self.cache_alias]

    @staticmethod
    def _key(open_kfid: str, external_userid: str) -> str:
        return f"wecom:kf:{open_kfid}:{external_userid}"

    def window(self, *, open_kfid: str, external_userid: str) -> KfWindow | None:
        raw = self._cache().get(self._key(open_kfid, external_userid))
        if not raw:
            return None
        return KfWindow(last_customer_message_at=float(raw[0]), replies_sent=int(raw[1]))

    def note_customer_message(self, *, open_kfid: str, external_userid: str, at: float | None = None) -> None:
        when = self.clock() if at is None else at
        current = self.window(open_kfid=open_kfid, external_userid=external_userid)
        if current is not None and current.last_customer_message_at > when:
            return  # an older message pulled late does not reset a newer window
        self._cache().set(self._key(open_kfid, external_userid), (when, 0), timeout=_REMEMBER_SECONDS)

    def note_reply(self, *, open_kfid: str, external_userid: str) -> None:
        current = self.window(open_kfid=open_kfid, external_userid=external_userid)
        if current is None:
            return
        self._cache().set(
            self._key(open_kfid, external_userid),
            (current.last_customer_message_at, current.replies_sent + 1),
            timeout=_REMEMBER_SECONDS,
        )

    def is_known_closed(self, *, open_kfid: str, external_userid: str) -> bool:
        current = self.window(open_kfid=open_kfid, external_userid=external_userid)
        return current is not None and not current.is_open(self.clock())
