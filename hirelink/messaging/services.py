"""Writes for messaging: queue a message (idempotent), deliver it (at most once per provider call), retry with
exponential backoff, fall back to the next channel, edit templates.

Delivery is split in three steps so no provider call happens inside a database transaction and a retried job
never sends twice:
1. claim: lock the row; leave if it is final, not yet due, or claimed by a live attempt; else mark it SENDING;
2. call the channel (HTTP, SMTP) outside any transaction;
3. record the attempt and the new state.
A claim whose worker died mid-call leaves the row SENDING: the outcome is unknown, so it is only repeated on
channels whose provider drops duplicates itself; otherwise it fails visibly (HR sees it in the delivery log)."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from hirelink.core import clock
from hirelink.core.tasks import enqueue_on_commit
from hirelink.messaging.channels.base import DeliveryResult
from hirelink.messaging.channels.registry import channel_for
from hirelink.messaging.errors import NoChannelError
from hirelink.messaging.models import (
    FINAL_STATUSES,
    AttemptOutcome,
    Channel,
    DeliveryAttempt,
    MessageStatus,
    MessageTemplate,
    OutboundMessage,
    RecipientKind,
)
from hirelink.messaging.rendering import Rendered, language_for, render, template_check, template_get

logger = logging.getLogger(__name__)

CLAIM_LEASE_SECONDS = 120
MAX_BACKOFF_SECONDS = 3600.0


def backoff_seconds(attempt: int, *, base: float | None = None) -> float:
    """Exponential backoff after the `attempt`-th failed attempt: base, 2·base, 4·base, … capped at one hour."""
    base = settings.MESSAGING_RETRY_BASE_SECONDS if base is None else base
    return float(min(base * (2 ** max(attempt - 1, 0)), MAX_BACKOFF_SECONDS))


def candidate_address(candidate: Any, channel: str) -> tuple[str, dict[str, Any]]:
    """The address of a candidate on `channel` ("" when the channel cannot reach them) and channel extras."""
    if channel == Channel.EMAIL:
        return candidate.email or "", {}
    if channel == Channel.SMS:
        return candidate.phone or "", {}
    contact = getattr(candidate, "wecom_contact", None) if candidate.pk else None
    if contact is None:
        return "", {}
    if channel == Channel.WECOM_EXTERNAL:
        return contact.external_userid, {"follow_userid": contact.follow_userid}
    if channel == Channel.WECOM_KF:
        last = contact.kf_last_customer_message_at
        return contact.kf_external_userid, {"kf_last_customer_message_at": last.isoformat() if last else ""}
    return "", {}


def staff_address(user: Any, channel: str) -> str:
    if channel == Channel.WECOM_APP:
        return str(user.wecom_userid or "")
    if channel == Channel.EMAIL:
        return str(user.email or "")
    return ""


_INLINE_DELIVERY: ContextVar[bool] = ContextVar("hirelink_inline_delivery", default=False)


@contextmanager
def inline_delivery() -> Iterator[None]:
    """Inside a worker task: deliver messages queued in this block right after the transaction commits, in
    the same process, instead of queueing one more task (one hop less per event). A message the worker could
    not deliver (it died, or the attempt raised) is picked up by the periodic tick (`deliveries_redrive_due`)."""
    token = _INLINE_DELIVERY.set(True)
    try:
        yield
    finally:
        _INLINE_DELIVERY.reset(token)


def _deliver_inline(message_id: int) -> None:
    try:
        message_deliver(message_id=message_id)
    except Exception:
        logger.exception("messaging.inline_delivery.failed", extra={"message_id": message_id})


def _deliver_later(message: OutboundMessage) -> None:
    from hirelink.messaging.tasks import message_deliver_task

    if _INLINE_DELIVERY.get():
        message_id = message.pk
        transaction.on_commit(lambda: _deliver_inline(message_id))
    else:
        enqueue_on_commit(message_deliver_task, message.pk)


@transaction.atomic
def message_send(
    *,
    idempotency_key: str,
    template_key: str,
    context: dict[str, Any],
    channels: list[str],
    candidate: Any = None,
    user: Any = None,
    application: Any = None,
    event_at: dt.datetime | None = None,
    origin: str = "",
    payload: dict[str, Any] | None = None,
    override: Rendered | None = None,
) -> OutboundMessage:
    """Queue one message for one recipient on the first of `channels` (the rest are fallbacks) and deliver it
    after commit. Idempotent: a second call with the same key returns the first message and sends nothing."""
    existing = OutboundMessage.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing
    if not channels:
        raise NoChannelError
    recipient_kind = RecipientKind.CANDIDATE if candidate is not None else RecipientKind.STAFF
    language = language_for(getattr(candidate if candidate is not None else user, "preferred_language", ""))
    rendered = override or render(template_get(key=template_key, language=language), context)
    # Start on the first channel that has an address for the person (no pointless "unreachable" hop).
    start = 0
    if candidate is not None:
        start = next((i for i, name in enumerate(channels) if candidate_address(candidate, name)[0]), 0)
    message = _message_create(
        idempotency_key=idempotency_key,
        channel=channels[start],
        fallback_channels=list(channels[start + 1 :]),
        recipient_kind=recipient_kind,
        candidate=candidate,
        user=user,
        application=application,
        template_key=template_key,
        rendered=rendered,
        payload=payload or {},
        event_at=event_at or clock.now(),
        origin=origin,
    )
    logger.info(
        "messaging.message.queued",
        extra={"message_id": message.pk, "channel": message.channel, "template": template_key, "origin": origin},
    )
    return message


def _message_create(
    *,
    idempotency_key: str,
    channel: str,
    fallback_channels: list[str],
    recipient_kind: str,
    candidate: Any,
    user: Any,
    application: Any,
    template_key: str,
    rendered: Rendered,
    payload: dict[str, Any],
    event_at: dt.datetime,
    origin: str,
    fallback_of: OutboundMessage | None = None,
) -> OutboundMessage:
    extras: dict[str, Any] = {}
    if candidate is not None:
        address, extras = candidate_address(candidate, channel)
    else:
        address = staff_address(user, channel)
    full_payload = {**payload, **extras}
    if rendered.sms_template_id:
        full_payload["sms"] = {"template_id": rendered.sms_template_id, "params": rendered.sms_params}
    message = OutboundMessage.objects.create(
        idempotency_key=idempotency_key,
        channel=channel,
        fallback_channels=fallback_channels,
        recipient_kind=recipient_kind,
        candidate=candidate,
        user=user,
        application=application,
        address=address,
        template_key=template_key,
        language=rendered.language,
        subject=rendered.subject[:200],
        body=rendered.body,
        payload=full_payload,
        event_at=event_at,
        origin=origin[:64],
        fallback_of=fallback_of,
    )
    _deliver_later(message)
    return message


def _claim(message_id: int, *, now: dt.datetime) -> OutboundMessage | None:
    with transaction.atomic():
        message = OutboundMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status in FINAL_STATUSES:
            return None
        if message.next_attempt_at is not None and message.next_attempt_at > now:
            return None
        if message.status == MessageStatus.SENDING:
            lease_over = message.claimed_at is None or (now - message.claimed_at).total_seconds() > CLAIM_LEASE_SECONDS
            if not lease_over:
                return None
            if not channel_for(message.channel).provider_deduplicates:
                _record(
                    message,
                    DeliveryResult(
                        outcome=AttemptOutcome.FAILED,
                        provider_code="outcome_unknown",
                        error="worker stopped during the provider call; not resent to avoid a duplicate",
                    ),
                    started=now,
                    duration_ms=0,
                    count_attempt=False,
                )
                return None
        message.status = MessageStatus.SENDING
        message.claimed_at = now
        message.attempts += 1
        message.save(update_fields=["status", "claimed_at", "attempts"])
        return message


def message_deliver(*, message_id: int) -> str:
    """Send the message once it is due. Safe to call any number of times, from any number of workers."""
    started = clock.now()
    message = _claim(message_id, now=started)
    if message is None:
        status = OutboundMessage.objects.filter(pk=message_id).values_list("status", flat=True).first()
        return str(status or "")
    clock_start = time.monotonic()
    try:
        result = channel_for(message.channel).send(message)
    except Exception as exc:  # a bug or an unexpected provider answer must not leave the row claimed
        logger.exception("messaging.channel.crashed", extra={"message_id": message.pk, "channel": message.channel})
        result = DeliveryResult(outcome=AttemptOutcome.RETRY, provider_code="exception", error=repr(exc)[:2000])
    duration_ms = int((time.monotonic() - clock_start) * 1000)
    with transaction.atomic():
        locked = OutboundMessage.objects.select_for_update().get(pk=message.pk)
        _record(locked, result, started=started, duration_ms=duration_ms)
        return str(locked.status)


def _record(
    message: OutboundMessage,
    result: DeliveryResult,
    *,
    started: dt.datetime,
    duration_ms: int,
    count_attempt: bool = True,
) -> None:
    now = clock.now()
    number = message.delivery_attempts.count() + 1
    DeliveryAttempt.objects.create(
        message=message,
        number=number,
        started_at=started,
        duration_ms=duration_ms,
        outcome=result.outcome,
        provider_code=result.provider_code[:64],
        response=result.response,
        error=result.error[:4000],
    )
    fields = ["status", "next_attempt_at", "claimed_at", "last_error"]
    message.claimed_at = None
    message.last_error = result.error[:4000]
    message.next_attempt_at = None
    if result.ok:
        message.status = MessageStatus.DELIVERED if result.outcome == AttemptOutcome.DELIVERED else MessageStatus.SENT
        message.sent_at = now
        message.provider_message_id = result.provider_message_id[:128]
        fields += ["sent_at", "provider_message_id"]
        if result.outcome == AttemptOutcome.DELIVERED:
            message.delivered_at = now
            fields.append("delivered_at")
        message.save(update_fields=fields)
        logger.info(
            "messaging.message.sent",
            extra={
                "message_id": message.pk,
                "channel": message.channel,
                "latency_ms": int((now - message.event_at).total_seconds() * 1000),
            },
        )
        return
    retryable = result.outcome in (AttemptOutcome.RETRY, AttemptOutcome.RATE_LIMITED)
    if retryable and message.attempts < settings.MESSAGING_MAX_ATTEMPTS:
        delay = backoff_seconds(message.attempts)
        if result.outcome == AttemptOutcome.RATE_LIMITED and result.retry_after is not None:
            delay = max(delay, result.retry_after)
        message.status = MessageStatus.QUEUED
        message.next_attempt_at = now + dt.timedelta(seconds=delay)
        message.save(update_fields=fields)
        _retry_later(message)
        logger.warning(
            "messaging.message.retry",
            extra={
                "message_id": message.pk,
                "attempt": message.attempts,
                "delay_s": delay,
                "code": result.provider_code,
            },
        )
        return
    message.status = MessageStatus.FAILED
    message.failed_at = now
    message.save(update_fields=[*fields, "failed_at"])
    logger.warning(
        "messaging.message.failed",
        extra={"message_id": message.pk, "channel": message.channel, "code": result.provider_code},
    )
    if count_attempt or result.outcome != AttemptOutcome.FAILED:
        _fallback(message)


def _retry_later(message: OutboundMessage) -> None:
    """Queue the retry for its due time when the task backend can defer; otherwise the periodic tick
    (`deliveries_redrive_due`) picks it up."""
    from hirelink.messaging.tasks import message_deliver_task

    if message.next_attempt_at is None:
        return
    backend_supports_defer = bool(getattr(message_deliver_task.get_backend(), "supports_defer", False))
    if backend_supports_defer:
        due = message.next_attempt_at
        transaction.on_commit(lambda: message_deliver_task.using(run_after=due).enqueue(message.pk))


def _fallback(message: OutboundMessage) -> OutboundMessage | None:
    """Re-send the same content on the next channel of the list (e.g. WeCom → SMS → e-mail)."""
    remaining = list(message.fallback_channels)
    while remaining:
        channel = remaining.pop(0)
        key = f"{message.idempotency_key}>{channel}"[:200]
        if OutboundMessage.objects.filter(idempotency_key=key).exists():
            return None
        candidate = message.candidate
        if candidate is not None and not candidate_address(candidate, channel)[0]:
            continue
        payload = {
            k: v for k, v in message.payload.items() if k not in ("follow_userid", "kf_last_customer_message_at")
        }
        rendered = Rendered(
            language=message.language,
            subject=message.subject,
            body=message.body,
            sms_template_id=str((payload.get("sms") or {}).get("template_id", "")),
            sms_params=list((payload.get("sms") or {}).get("params", [])),
        )
        child = _message_create(
            idempotency_key=key,
            channel=channel,
            fallback_channels=remaining,
            recipient_kind=message.recipient_kind,
            candidate=candidate,
            user=message.user,
            application=message.application,
            template_key=message.template_key,
            rendered=rendered,
            payload=payload,
            event_at=message.event_at,
            origin=message.origin,
            fallback_of=message,
        )
        logger.info(
            "messaging.message.fallback",
            extra={"message_id": message.pk, "fallback_id": child.pk, "channel": channel},
        )
        return child
    return None


def deliveries_redrive_due(*, now: dt.datetime | None = None, lost_after_seconds: int = 30) -> list[int]:
    """Deliver queued messages whose retry is due, and queued ones whose task was lost (dead worker)."""
    now = now or clock.now()
    due = OutboundMessage.objects.filter(status=MessageStatus.QUEUED, next_attempt_at__lte=now)
    lost = OutboundMessage.objects.filter(
        status=MessageStatus.QUEUED,
        next_attempt_at__isnull=True,
        created_at__lt=now - dt.timedelta(seconds=lost_after_seconds),
    )
    stale = OutboundMessage.objects.filter(
        status=MessageStatus.SENDING, claimed_at__lt=now - dt.timedelta(seconds=CLAIM_LEASE_SECONDS)
    )
    ids = sorted(
        set(due.values_list("pk", flat=True)[:500])
        | set(lost.values_list("pk", flat=True)[:500])
        | set(stale.values_list("pk", flat=True)[:100])
    )
    for message_id in ids:
        message_deliver(message_id=message_id)
    return ids


@transaction.atomic
def message_mark_delivered(*, message: OutboundMessage, at: dt.datetime | None = None) -> OutboundMessage:
    """A delivery receipt arrived (e.g. an SMS status report, a WeCom read event)."""
    if message.status in (MessageStatus.SENT, MessageStatus.DELIVERED) and message.delivered_at is None:
        message.status = MessageStatus.DELIVERED
        message.delivered_at = at or clock.now()
        message.save(update_fields=["status", "delivered_at"])
    return message


@transaction.atomic
def message_template_save(
    *,
    actor: Any,
    template: MessageTemplate,
    name: str,
    subject: str,
    body: str,
    sms_template_id: str,
    sms_params: list[str],
    is_active: bool,
) -> MessageTemplate:
    """HR edits a template. Syntax is checked first, so a broken template is never saved."""
    for source in (subject, body, *sms_params):
        template_check(source)
    template.name = name
    template.subject = subject
    template.body = body
    template.sms_template_id = sms_template_id
    template.sms_params = sms_params
    template.is_active = is_active
    template.save()
    logger.info("messaging.template.saved", extra={"template_id": template.pk, "actor": str(actor)})
    return template


# 客户联系 message tasks are delivered only once the staff member confirms them in WeCom, and WeCom refuses
# them when the customer is no longer a contact or has already received the day's group message.
RECEIPT_MIN_AGE_SECONDS = 20
RECEIPT_RECHECK_SECONDS = 60
UNCONFIRMED_FALLBACK_HOURS = 4


def external_receipts_check(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Poll WeCom for customer-contact messages marked sent but not yet delivered: status 1 → delivered;
    2 (not a contact) or 3 (receive limit reached) → failed, and the same content goes out on the next channel
    (SMS, e-mail) at once; still unconfirmed after UNCONFIRMED_FALLBACK_HOURS → fall back too, so a candidate
    is never left without the notice. Called by the workflow tick."""
    from hirelink.messaging.channels import wecom as wecom_channel

    now = now or clock.now()
    pending = list(
        OutboundMessage.objects.filter(
            channel=Channel.WECOM_EXTERNAL,
            status=MessageStatus.SENT,
            delivered_at__isnull=True,
            sent_at__lte=now - dt.timedelta(seconds=RECEIPT_MIN_AGE_SECONDS),
        )
        .exclude(provider_message_id="")
        .filter(
            Q(receipt_checked_at__isnull=True)
            | Q(receipt_checked_at__lte=now - dt.timedelta(seconds=RECEIPT_RECHECK_SECONDS))
        )
        .order_by("sent_at")[:100]
    )
    counts = {"delivered": 0, "fallback": 0, "waiting": 0, "errors": 0}
    if not pending:
        return counts
    with wecom_channel.client() as api:
        for message in pending:
            try:
                result = api.get_groupmsg_send_result(
                    msgid=message.provider_message_id, userid=str(message.payload.get("follow_userid", ""))
                )
            except Exception:
                logger.exception("messaging.receipt.failed", extra={"message_id": message.pk})
                counts["errors"] += 1
                OutboundMessage.objects.filter(pk=message.pk).update(receipt_checked_at=now)
                continue
            row = next((r for r in result.send_list if r.external_userid == message.address), None)
            status = row.status if row is not None else 0
            if status == 1 and row is not None:
                at = dt.datetime.fromtimestamp(row.send_time, tz=dt.UTC) if row.send_time else now
                message_mark_delivered(message=message, at=at)
                counts["delivered"] += 1
            elif status in (2, 3) or (
                message.sent_at is not None and message.sent_at <= now - dt.timedelta(hours=UNCONFIRMED_FALLBACK_HOURS)
            ):
                reason = {2: "客户已不是企业微信联系人", 3: "客户今日已收到其他群发消息（企业微信接收上限）"}.get(
                    status, "员工未在企业微信中确认发送"
                )
                _receipt_failed(message_id=message.pk, reason=reason, now=now)
                counts["fallback"] += 1
            else:
                OutboundMessage.objects.filter(pk=message.pk).update(receipt_checked_at=now)
                counts["waiting"] += 1
    return counts


def _receipt_failed(*, message_id: int, reason: str, now: dt.datetime) -> None:
    with transaction.atomic():
        message = OutboundMessage.objects.select_for_update().get(pk=message_id)
        if message.status != MessageStatus.SENT:
            return
        message.status = MessageStatus.FAILED
        message.last_error = reason
        message.receipt_checked_at = now
        message.save(update_fields=["status", "last_error", "receipt_checked_at"])
        child = _fallback(message)
        logger.info(
            "messaging.receipt.fallback",
            extra={"message_id": message.pk, "fallback_id": child.pk if child else None, "reason": reason},
        )
        if child is not None:
            transaction.on_commit(lambda: message_deliver(message_id=child.pk))
