"""The sweeper re-drives work a dead worker left behind; the outbox hands each event to consumers once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from hirelink.core import clock
from hirelink.core.events import event_dispatch, event_record, sweep_undispatched
from hirelink.core.models import OutboxEvent, WorkerHeartbeat
from hirelink.core.workers import heartbeat_beat, sweep_abandoned_tasks

pytestmark = pytest.mark.django_db

CALLS: list[int] = []


def record_consumer(event: OutboxEvent) -> None:
    CALLS.append(event.pk)


def failing_consumer(event: OutboxEvent) -> None:
    raise RuntimeError("consumer down")


def _running_task(*, worker_id: str, started_at: dt.datetime) -> DBTaskResult[Any, Any]:
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        task_path="hirelink.core.tasks_outbox.outbox_dispatch",
        args_kwargs={"args": [1], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        priority=0,
        started_at=started_at,
        worker_ids=[worker_id],
    )


def test_sweeper_redrives_tasks_of_dead_workers_only(settings):
    # given two running tasks: one owned by a live worker, one by a worker that stopped beating
    now = clock.now()
    settings.WORKER_DEAD_AFTER_SECONDS = 60
    heartbeat_beat(worker_id="alive", started_at=now)
    WorkerHeartbeat.objects.create(
        worker_id="dead", hostname="h", pid=1, started_at=now, last_seen_at=now - dt.timedelta(minutes=5)
    )
    alive_task = _running_task(worker_id="alive", started_at=now - dt.timedelta(minutes=3))
    dead_task = _running_task(worker_id="dead", started_at=now - dt.timedelta(minutes=3))
    # when the sweeper runs
    redriven = sweep_abandoned_tasks(now=now)
    # then only the dead worker's task is ready again
    assert redriven == [str(dead_task.pk)]
    dead_task.refresh_from_db()
    alive_task.refresh_from_db()
    assert dead_task.status == TaskResultStatus.READY
    assert alive_task.status == TaskResultStatus.RUNNING


def test_sweeper_leaves_recently_started_tasks_alone(settings):
    now = clock.now()
    task = _running_task(worker_id="unknown", started_at=now - dt.timedelta(seconds=5))
    assert sweep_abandoned_tasks(now=now) == []
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING


def test_outbox_event_is_dispatched_once(settings, django_capture_on_commit_callbacks):
    # given a consumer
    settings.OUTBOX_CONSUMERS = ["hirelink.core.tests.test_workers.record_consumer"]
    CALLS.clear()
    # when an event is recorded and the transaction commits (the immediate backend runs the task)
    with django_capture_on_commit_callbacks(execute=True):
        event = event_record(name="test.happened", payload={"x": 1})
    # then the consumer saw it once, and dispatching again does not repeat it
    assert [event.pk] == CALLS
    assert event_dispatch(event_id=event.pk) is True
    assert [event.pk] == CALLS
    event.refresh_from_db()
    assert event.dispatched_at is not None
    assert event.attempts == 1


def test_failed_dispatch_is_kept_and_redriven_by_the_sweeper(settings, django_capture_on_commit_callbacks):
    # given a consumer that fails
    settings.OUTBOX_CONSUMERS = ["hirelink.core.tests.test_workers.failing_consumer"]
    with django_capture_on_commit_callbacks(execute=True):
        event = event_record(name="test.happened", payload={})
    event.refresh_from_db()
    assert event.dispatched_at is None
    assert event.last_error == "RuntimeError: consumer down"
    # when the consumer recovers and the sweeper runs later
    settings.OUTBOX_CONSUMERS = ["hirelink.core.tests.test_workers.record_consumer"]
    CALLS.clear()
    swept = sweep_undispatched(older_than_seconds=30, now=clock.now() + dt.timedelta(minutes=1))
    # then the event is delivered
    assert swept == [event.pk]
    assert [event.pk] == CALLS
