"""Run the workflow sweep once, or every --interval seconds with --loop (reminders, delayed rules, retries)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from hirelink.workflows.services import workflows_tick


class Command(BaseCommand):
    help = "Run due workflow reminders, delayed rules, message retries and WeCom schedule entries."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="Keep running every --interval seconds.")
        parser.add_argument("--interval", type=float, default=5.0)

    def handle(self, *args: Any, loop: bool, interval: float, **options: Any) -> None:
        while True:
            counts = workflows_tick()
            if options["verbosity"] > 1 or not loop:
                self.stdout.write(" ".join(f"{k}={v}" for k, v in counts.items()))
            if not loop:
                return
            close_old_connections()
            time.sleep(interval)
