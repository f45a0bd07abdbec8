"""Inbound callbacks: verification (signature, timestamp window, receiver id, replay) and parsing.

The Django view is a thin wrapper::

    def wecom_callback(request):
        config = app_config_from_settings()
        try:
            if request.method == "GET":
                return HttpResponse(verify_url(request.GET, config=config), content_type="text/plain")
            event = parse_callback(request.GET, request.body, config=config, replay_guard=CacheReplayGuard())
        except WeComCallbackError as exc:
            return HttpResponseBadRequest(exc.name)
        enqueue_on_commit(handle_wecom_event, ...)   # answer within 5 s, work asynchronously
        return HttpResponse("success")
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from .config import WeComAppConfig
from .crypto import WeComCrypto, parse_xml, xml_fields
from .errors import (
    PARSE_XML_ERROR,
    REPLAY_ERROR,
    STALE_TIMESTAMP_ERROR,
    VALIDATE_SIGNATURE_ERROR,
    WeComCallbackError,
)

logger = logging.getLogger(__name__)


class ReplayGuard(Protocol):
    def claim(self, key: str, ttl_seconds: int) -> bool:
        """Atomically record ``key``; True if it was new, False if it had been seen within its TTL."""


class CacheReplayGuard:
    """Replay guard on a Django cache (``cache.add`` is atomic on locmem, Redis, database and memcached).

    Use a cache shared by every web process (Redis or the database cache) in production; the default
    local-memory cache only protects one process.
    """

    def __init__(self, alias: str = "default", prefix: str = "wecom:cb") -> None:
        self.alias = alias
        self.prefix = prefix

    def claim(self, key: str, ttl_seconds: int) -> bool:
        from django.core.cache import caches

        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return bool(caches[self.alias].add(f"{self.prefix}:{digest}", 1, timeout=ttl_seconds))


class MemoryReplayGuard:
    """In-process guard (tests, the sandbox, single-process tools)."""

    def __init__(self) -> None:
        self._seen: dict[str, float] = {}

    def claim(self, key: str, ttl_seconds: int) -> bool:
        now = time.time()
        expires = self._seen.get(key)
        if expires is not None and expires > now:
            return False
        self._seen[key] = now + ttl_seconds
        return True


@dataclass(frozen=True)
class CallbackEvent:
    """One decrypted, verified callback. ``fields`` holds every top-level element of the inner XML."""

    to_user: str
    from_user: str
    create_time: int
    msg_type: str
    event: str
    agent_id: int | None
    msg_id: str
    # template_card_event
    event_key: str
    task_id: str
    card_type: str
    response_code: str
    # text messages
    content: str
    fields: dict[str, str] = field(default_factory=dict)
    xml: str = ""
    nonce: str = ""
    timestamp: int = 0

    @property
    def is_card_button(self) -> bool:
        return self.msg_type == "event" and self.event == "template_card_event"

    @property
    def dedupe_key(self) -> str:
        """WeCom retries a callback up to 3 times: messages dedupe on MsgId, events on sender+time+event."""
        if self.msg_id:
            return f"msg:{self.to_user}:{self.msg_id}"
        return f"evt:{self.to_user}:{self.from_user}:{self.create_time}:{self.event}:{self.event_key}:{self.task_id}"


def _param(query: Mapping[str, str], name: str) -> str:
    value = query.get(name)
    if not value:
        raise WeComCallbackError(VALIDATE_SIGNATURE_ERROR, f"missing query parameter {name}")
    return str(value)


def _check_timestamp(timestamp: str, *, config: WeComAppConfig, now: float | None) -> int:
    try:
        ts = int(timestamp)
    except ValueError as exc:
        raise WeComCallbackError(STALE_TIMESTAMP_ERROR, "timestamp is not an integer") from exc
    current = time.time() if now is None else now
    if abs(current - ts) > config.callback_max_age_seconds:
        raise WeComCallbackError(
            STALE_TIMESTAMP_ERROR,
            f"timestamp {ts} is outside the {config.callback_max_age_seconds} s window",
        )
    return ts


def _crypto(config: WeComAppConfig) -> WeComCrypto:
    return WeComCrypto(
        token=config.token, encoding_aes_key=config.encoding_aes_key, receive_id=config.callback_receive_id
    )


def verify_url(query_params: Mapping[str, str], *, config: WeComAppConfig, now: float | None = None) -> str:
    """GET URL-verification handshake: returns the plaintext echostr to answer with (HTTP 200, text/plain)."""
    msg_signature = _param(query_params, "msg_signature")
    timestamp = _param(query_params, "timestamp")
    nonce = _param(query_params, "nonce")
    echostr = _param(query_params, "echostr")
    crypto = _crypto(config)
    crypto.verify_signature(msg_signature, timestamp, nonce, echostr)
    _check_timestamp(timestamp, config=config, now=now)
    return crypto.decrypt(echostr).decode("utf-8", errors="strict")


def parse_callback(
    query_params: Mapping[str, str],
    body: bytes | str,
    *,
    config: WeComAppConfig,
    replay_guard: ReplayGuard,
    now: float | None = None,
) -> CallbackEvent:
    """Verify and decrypt a POSTed callback; raises ``WeComCallbackError`` with a WXBizMsgCrypt code.

    Order: envelope XML → signature → timestamp window → AES + receiver id → inner XML → replay (nonce,
    then MsgId / event key). Nothing is recorded for a request that fails an earlier check.
    """
    msg_signature = _param(query_params, "msg_signature")
    timestamp = _param(query_params, "timestamp")
    nonce = _param(query_params, "nonce")
    crypto = _crypto(config)
    inner_xml = crypto.decrypt_message(body, msg_signature, timestamp, nonce)
    ts = _check_timestamp(timestamp, config=config, now=now)
    data = xml_fields(parse_xml(inner_xml))
    if not data.get("MsgType"):
        raise WeComCallbackError(PARSE_XML_ERROR, "inner XML has no MsgType")
    event = _event_from_fields(data, xml=inner_xml, nonce=nonce, timestamp=ts)
    ttl = 2 * config.callback_max_age_seconds + 60
    if not replay_guard.claim(f"nonce:{config.callback_receive_id}:{nonce}:{timestamp}", ttl):
        raise WeComCallbackError(REPLAY_ERROR, "nonce already used")
    # WeCom's own retries reuse the content; keep those keys for a day.
    if not replay_guard.claim(event.dedupe_key, 24 * 3600):
        raise WeComCallbackError(REPLAY_ERROR, "message already received")
    logger.info(
        "wecom.callback.accepted",
        extra={"msg_type": event.msg_type, "wecom_event": event.event, "task_id": event.task_id},
    )
    return event


def _event_from_fields(data: dict[str, str], *, xml: str, nonce: str, timestamp: int) -> CallbackEvent:
    agent = data.get("AgentID", "")
    try:
        create_time = int(data.get("CreateTime", "0") or 0)
    except ValueError as exc:
        raise WeComCallbackError(PARSE_XML_ERROR, "CreateTime is not an integer") from exc
    return CallbackEvent(
        to_user=data.get("ToUserName", ""),
        from_user=data.get("FromUserName", ""),
        create_time=create_time,
        msg_type=data.get("MsgType", ""),
        event=data.get("Event", ""),
        agent_id=int(agent) if agent.isdigit() else None,
        msg_id=data.get("MsgId", ""),
        event_key=data.get("EventKey", ""),
        task_id=data.get("TaskId", ""),
        card_type=data.get("CardType", ""),
        response_code=data.get("ResponseCode", ""),
        content=data.get("Content", ""),
        fields=data,
        xml=xml,
        nonce=nonce,
        timestamp=timestamp,
    )


def encrypt_reply(reply_xml: str, *, config: WeComAppConfig, nonce: str, timestamp: str) -> str:
    """Encrypt and sign a passive reply; returns the ``<xml><Encrypt>…`` envelope to send back."""
    return _crypto(config).encrypt_message(reply_xml, nonce=nonce, timestamp=timestamp).to_xml()
