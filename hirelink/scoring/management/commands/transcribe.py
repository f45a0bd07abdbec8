"""`manage.py transcribe PATH [PATH ...] [--language zh|en] --json`: speech to text on any file."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hirelink.analysis.cli import transcribe_paths


class Command(BaseCommand):
    help = "转写音频/视频文件（每个文件输出一行 JSON）/ Transcribe audio or video files, one JSON line per file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--language", choices=["zh", "en"], default="zh")
        parser.add_argument("--json", action="store_true", help="JSON lines output (the default format)")

    def handle(self, *args: Any, **options: Any) -> None:
        failed = False
        for result in transcribe_paths(options["paths"], language=options["language"]):
            failed = failed or "error" in result
            if options["json"]:
                self.stdout.write(json.dumps(result, ensure_ascii=False))
            elif "error" in result:
                self.stderr.write(f"{result['path']}: {result['error']['message']}")
            else:
                self.stdout.write(f"{result['path']}: {result['text']}")
        if failed:
            raise SystemExit(1)
