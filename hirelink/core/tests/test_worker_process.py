"""A task queued by the web process is executed by a separate worker process (the configured backend:
the database worker, or RQ on Redis). Run by .ci/run against PostgreSQL and Redis."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction

from hirelink.core.events import event_record
from hirelink.core.models import OutboxEvent

ROOT = Path(__file__).resolve().parents[3]
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def _worker_env() -> dict[str, str]:
    db = settings.DATABASES["default"]
    env = {k: v for k, v in os.environ.items() if k != "HIRELINK_DATABASE_URL"}
    if db["ENGINE"].endswith("postgresql"):
        url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    else:
        url = f"sqlite:///{db['NAME']}"
    env.update({"HIRELINK_DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.test"})
    return env


def _run_worker_batch() -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", "run_worker", "--batch", "--worker-id", f"ci-{os.getpid()}"],
        cwd=ROOT,
        env=_worker_env(),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_a_separate_worker_process_executes_queued_tasks():
    # given events whose dispatch tasks are queued on commit (not run in this process)
    assert settings.TASKS["default"]["BACKEND"] != "django_tasks.backends.immediate.ImmediateBackend"
    with transaction.atomic():
        events = [event_record(name="ci.ping", payload={"n": n}) for n in range(3)]
    assert OutboxEvent.objects.filter(dispatched_at__isnull=False).count() == 0
    connection.close()
    # when a worker process runs what is queued
    result = _run_worker_batch()
    # then each event was dispatched exactly once by that process
    assert result.returncode == 0, result.stderr[-2000:]
    dispatched = OutboxEvent.objects.filter(pk__in=[e.pk for e in events], dispatched_at__isnull=False)
    assert sorted(dispatched.values_list("attempts", flat=True)) == [1, 1, 1]
