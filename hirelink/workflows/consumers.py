"""The outbox consumer (settings.OUTBOX_CONSUMERS): turn a domain event into workflow runs."""

from __future__ import annotations

from hirelink.core.models import OutboxEvent
from hirelink.workflows.engine import runs_create


def consume(event: OutboxEvent) -> None:
    runs_create(event=event)
