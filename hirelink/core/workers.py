"""Worker liveness and the sweeper that re-drives work a dead worker left behind.

The database task row is the source of truth. A database worker claims a row (status RUNNING, its id appended
to `worker_ids`) and runs it. If the process dies (OOM, kill -9, machine lost) the row would stay RUNNING for
ever. Every HireLink worker writes a heartbeat row; the sweeper puts RUNNING rows whose claiming worker has
not been seen for WORKER_DEAD_AFTER_SECONDS back to READY, so another worker runs them again. Tasks are
idempotent (they take ids and re-check state), so running one twice is safe.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils.module_loading import import_string

from hirelink.core import clock
from hirelink.core.events import sweep_undispatched
from hirelink.core.models import WorkerHeartbeat

logger = logging.getLogger(__name__)


def heartbeat_beat(*, worker_id: str, started_at: dt.datetime) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "last_seen_at": clock.now(),
        },
    )


def heartbeat_stop(*, worker_id: str) -> None:
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def live_worker_ids(*, now: dt.datetime | None = None) -> set[str]:
    cutoff = (now or clock.now()) - dt.timedelta(seconds=settings.WORKER_DEAD_AFTER_SECONDS)
    return set(WorkerHeartbeat.objects.filter(last_seen_at__gte=cutoff).values_list("worker_id", flat=True))


def sweep_abandoned_tasks(*, now: dt.datetime | None = None) -> list[str]:
    """Put RUNNING database tasks of dead workers back to READY. Returns the re-driven task ids."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or clock.now()
    alive = live_worker_ids(now=now)
    grace = now - dt.timedelta(seconds=settings.WORKER_DEAD_AFTER_SECONDS)
    redriven: list[str] = []
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update().filter(status=TaskResultStatus.RUNNING, started_at__lt=grace)
        for row in running:
            owner = row.worker_ids[-1] if row.worker_ids else ""
            if owner in alive:
                continue
            row.status = TaskResultStatus.READY
            row.started_at = None
            row.save(update_fields=["status", "started_at"])
            redriven.append(str(row.id))
    dead_cutoff = now - dt.timedelta(seconds=settings.WORKER_DEAD_AFTER_SECONDS * 10)
    WorkerHeartbeat.objects.filter(last_seen_at__lt=dead_cutoff).delete()
    for task_id in redriven:
        logger.warning("worker.sweeper.redriven", extra={"task_id": task_id})
    return redriven


def sweep_redis_abandoned_jobs() -> list[str]:
    """RQ moves jobs of a dead worker to the failed registry as abandoned; queue them again."""
    import django_rq
    from rq.registry import FailedJobRegistry, StartedJobRegistry

    requeued: list[str] = []
    for queue_name in settings.RQ_QUEUES:
        queue = django_rq.get_queue(queue_name)
        StartedJobRegistry(queue=queue).cleanup()
        failed = FailedJobRegistry(queue=queue)
        for job_id in failed.get_job_ids():
            job = queue.fetch_job(job_id)
            if job is not None and "AbandonedJobError" in (job.exc_info or ""):
                failed.requeue(job_id)
                requeued.append(job_id)
    return requeued


@cache
def _ticks(paths: tuple[str, ...]) -> list[Callable[[], object]]:
    return [import_string(path) for path in paths]


def run_ticks() -> None:
    """Periodic work of higher layers (due reminders, message retries), named in settings.WORKER_TICKS as dotted
    paths to functions without arguments; called on every heartbeat (about every 5 s). Each must be idempotent and
    quick; one failing does not stop the others."""
    for tick in _ticks(tuple(getattr(settings, "WORKER_TICKS", ()))):
        try:
            tick()
        except Exception:
            logger.exception("worker.tick.failed", extra={"tick": getattr(tick, "__qualname__", str(tick))})


class Heartbeat(threading.Thread):
    """Background thread of a worker process: beats, and every `sweep_every` beats runs the sweeper."""

    def __init__(self, *, worker_id: str, sweep_every: int = 6) -> None:
        super().__init__(name="hirelink-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.sweep_every = sweep_every
        self.started_at = clock.now()
        self._stop_event = threading.Event()

    def run(self) -> None:
        beats = 0
        while not self._stop_event.is_set():
            try:
                heartbeat_beat(worker_id=self.worker_id, started_at=self.started_at)
                if beats % self.sweep_every == 0:
                    if settings.TASK_BACKEND == "redis":
                        sweep_redis_abandoned_jobs()
                    else:
                        sweep_abandoned_tasks()
                    sweep_undispatched()
                run_ticks()
            except Exception:
                logger.exception("worker.heartbeat.failed", extra={"worker_id": self.worker_id})
            finally:
                close_old_connections()
            beats += 1
            self._stop_event.wait(settings.WORKER_HEARTBEAT_SECONDS)

    def stop(self) -> None:
        self._stop_event.set()
