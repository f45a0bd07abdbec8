"""Background work for screening: one task per bulk-import item (ids only)."""

from __future__ import annotations

from django_tasks import task

from hirelink.screening import services


@task()
def process_bulk_item(item_id: int) -> None:
    services.bulk_item_process(item_id=item_id)
