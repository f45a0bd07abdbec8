"""`manage.py analyze_media PATH [PATH ...] --json`: voice and face features of audio, video or images.
Whoever runs it stands in for the candidate's consent; the pipeline checks consent itself."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from hirelink.analysis.cli import analyze_media_paths


class Command(BaseCommand):
    help = "提取音视频/图片中的语音与面部特征 / Extract voice and face features from audio, video or images."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--json", action="store_true", help="JSON lines output (the default format)")

    def handle(self, *args: Any, **options: Any) -> None:
        failed = False
        for result in analyze_media_paths(options["paths"]):
            failed = failed or "error" in result
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        if failed:
            raise SystemExit(1)
