"""Base models and infrastructure tables shared by every app."""

from __future__ import annotations

from django.db import models

from hirelink.core import clock


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(default=clock.now, editable=False, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class WorkerHeartbeat(models.Model):
    """A running worker process says it is alive every few seconds; the sweeper trusts only this."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    last_seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id}@{self.hostname}:{self.pid}"


class OutboxEvent(models.Model):
    """A domain event written in the same transaction as the change it describes (transactional outbox).

    Lower layers record events without knowing who consumes them; the dispatcher task hands each event to the
    consumers named in settings.OUTBOX_CONSUMERS (dotted paths) after commit. The sweeper re-drives events that
    stayed undispatched (e.g. the worker died), so no event is lost."""

    name = models.CharField(max_length=64, db_index=True)
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=clock.now, db_index=True)
    dispatched_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.name}#{self.pk}"
