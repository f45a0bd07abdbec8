"""The outbox dispatcher task (thin: ids only)."""

from __future__ import annotations

from django_tasks import task

from hirelink.core.events import event_dispatch


@task()
def outbox_dispatch(event_id: int) -> bool:
    return event_dispatch(event_id=event_id)
