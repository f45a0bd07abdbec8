"""Run a HireLink background worker: the configured Tasks backend's worker plus heartbeat and sweeper."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils.crypto import get_random_string

from hirelink.core.workers import Heartbeat, heartbeat_stop


class Command(BaseCommand):
    help = "Run a background worker (database backend by default, RQ when HIRELINK_TASK_BACKEND=redis)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then exit.")
        parser.add_argument("--interval", type=float, default=0.2, help="Poll interval in seconds.")
        parser.add_argument("--worker-id", default="", help="Unique id (default: random).")

    def handle(self, *args: Any, batch: bool, interval: float, worker_id: str, **options: Any) -> None:
        worker_id = worker_id or f"w-{get_random_string(24)}"
        heartbeat = Heartbeat(worker_id=worker_id)
        heartbeat.start()
        try:
            if settings.TASK_BACKEND == "redis":
                rq_args = ["default", "--name", worker_id, "--job-class", "django_tasks_rq.Job"]
                if batch:
                    rq_args.append("--burst")
                call_command("rqworker", *rq_args)
            else:
                db_args = ["--worker-id", worker_id, "--interval", str(interval), "--no-startup-delay"]
                if batch:
                    db_args.append("--batch")
                call_command("db_worker", *db_args, "--no-reload", verbosity=options["verbosity"])
        finally:
            heartbeat.stop()
            heartbeat_stop(worker_id=worker_id)
