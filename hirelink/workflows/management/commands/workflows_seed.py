"""Create (or refresh) the default flows and message templates. Idempotent; HR edits are kept unless --reset."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hirelink.workflows.defaults import defaults_install


class Command(BaseCommand):
    help = "Install the default workflow rules and message templates (zh-Hans and English)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true", help="Overwrite rules and templates HR has edited.")

    def handle(self, *args: Any, reset: bool, **options: Any) -> None:
        created = defaults_install(reset=reset)
        self.stdout.write(f"rules={created['rules']} templates={created['templates']}")
