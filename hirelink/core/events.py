"""Transactional outbox: record domain events with the change; dispatch them to configured consumers after
commit. Consumers are listed in settings.OUTBOX_CONSUMERS as dotted paths to `def consume(event) -> None`, so a
lower layer never imports the higher layer that reacts to it (explicit configuration, not signals)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from functools import cache
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

from hirelink.core import clock
from hirelink.core.models import OutboxEvent
from hirelink.core.tasks import enqueue_on_commit

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


def event_record(*, name: str, payload: dict[str, Any]) -> OutboxEvent:
    """Write the event in the caller's transaction and dispatch it once that commits."""
    from hirelink.core.tasks_outbox import outbox_dispatch

    event = OutboxEvent.objects.create(name=name, payload=payload)
    enqueue_on_commit(outbox_dispatch, event.pk)
    return event


@cache
def _consumers(paths: tuple[str, ...]) -> list[Callable[[OutboxEvent], None]]:
    return [import_string(path) for path in paths]


def consumers() -> list[Callable[[OutboxEvent], None]]:
    return _consumers(tuple(getattr(settings, "OUTBOX_CONSUMERS", ())))


def event_dispatch(*, event_id: int) -> bool:
    """Hand one event to every consumer, once. Returns True when dispatched (now or earlier)."""
    with transaction.atomic():
        event = OutboxEvent.objects.select_for_update().filter(pk=event_id).first()
        if event is None or event.dispatched_at is not None:
            return event is not None
        event.attempts += 1
        try:
            with transaction.atomic():
                for consume in consumers():
                    consume(event)
        except Exception as exc:
            event.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            event.save(update_fields=["attempts", "last_error"])
            logger.exception("outbox.dispatch.failed", extra={"event_id": event_id, "event_name": event.name})
            return False
        event.dispatched_at = clock.now()
        event.last_error = ""
        event.save(update_fields=["attempts", "dispatched_at", "last_error"])
    return True


def sweep_undispatched(*, older_than_seconds: int = 30, now: dt.datetime | None = None) -> list[int]:
    """Re-dispatch events still waiting after `older_than_seconds` (lost task, dead worker, failed consumer)."""
    cutoff = (now or clock.now()) - dt.timedelta(seconds=older_than_seconds)
    ids = list(
        OutboxEvent.objects.filter(
            dispatched_at__isnull=True, created_at__lt=cutoff, attempts__lt=MAX_ATTEMPTS
        ).values_list("pk", flat=True)[:500]
    )
    for event_id in ids:
        event_dispatch(event_id=event_id)
    return ids
