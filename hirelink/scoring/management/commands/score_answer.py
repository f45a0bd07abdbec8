"""`manage.py score_answer --question Q --answer A [--reference R ...] [--key-point K ...] --json`,
or `--jsonl PATH` (one object per line: question, answer, references, key_points, language)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from hirelink.analysis.cli import score_jsonl, score_one


class Command(BaseCommand):
    help = "按评分要点为一个回答打分 / Score an answer against a question's key points and references."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--question")
        parser.add_argument("--answer")
        parser.add_argument("--reference", action="append", default=[])
        parser.add_argument("--key-point", dest="key_points", action="append", default=[])
        parser.add_argument("--language", choices=["zh", "en"], default="zh")
        parser.add_argument("--expected-seconds", type=float, default=None)
        parser.add_argument("--jsonl", metavar="PATH", help="read one JSON object per line; '-' for stdin")
        parser.add_argument("--json", action="store_true", help="JSON output (the default format)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["jsonl"]:
            path = options["jsonl"]
            try:
                lines = Path(path).read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                raise CommandError(f"无法读取 {path}：{exc} / cannot read {path}: {exc}") from exc
            failed = False
            for result in score_jsonl(lines):
                failed = failed or "error" in result
                self.stdout.write(json.dumps(result, ensure_ascii=False))
            if failed:
                raise SystemExit(1)
            return
        if not options["question"] or options["answer"] is None:
            error = {
                "code": "invalid_input",
                "message": "需要 --question 和 --answer / --question and --answer are required",
            }
            self.stdout.write(json.dumps({"error": error}, ensure_ascii=False))
            raise SystemExit(2)
        result = score_one(
            question=options["question"],
            answer=options["answer"],
            references=options["reference"],
            key_points=options["key_points"],
            language=options["language"],
            expected_seconds=options["expected_seconds"],
        )
        self.stdout.write(json.dumps(result, ensure_ascii=False))
