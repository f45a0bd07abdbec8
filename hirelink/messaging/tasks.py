"""Messaging tasks: thin, ids only, idempotent."""

from __future__ import annotations

from django_tasks import task

from hirelink.messaging.services import message_deliver


@task()
def message_deliver_task(message_id: int) -> str:
    return message_deliver(message_id=message_id)
