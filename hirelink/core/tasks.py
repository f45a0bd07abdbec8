"""Helpers around Django's Tasks API: enqueue after commit, so a worker never sees uncommitted rows."""

from __future__ import annotations

from typing import Any

from django.db import transaction


def enqueue_on_commit(task: Any, *args: Any, **kwargs: Any) -> None:
    """Queue `task` with ids only once the surrounding transaction commits (immediately if none)."""
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
