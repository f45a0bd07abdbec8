"""``manage.py parse_resume PATH [PATH ...] --json`` — parse résumé files and print their facts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from hirelink.screening.parsing import DEFAULT_MAX_BYTES, ResumeFileError, parse_resume_bytes


class Command(BaseCommand):
    help = "解析简历文件并输出结构化信息 / Parse résumé files and print the extracted facts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="PDF, DOCX, TXT or image files")
        parser.add_argument("--json", action="store_true", help="one JSON object per line (with its path)")
        parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help="size limit per file")
        parser.add_argument("--text", action="store_true", help="also include the extracted text")

    def handle(self, *args: Any, **options: Any) -> None:
        language = translation.get_language() or "zh-hans"
        failed = 0
        for raw in options["paths"]:
            path = Path(raw)
            record: dict[str, Any] = {"path": str(path)}
            try:
                data = path.read_bytes()
            except OSError as exc:
                zh = language.lower().startswith("zh")
                message = f"无法读取文件：{path}" if zh else f"Cannot read the file: {path} ({exc.strerror})"
                record["error"] = {"code": "unreadable", "message": message}
                failed += 1
                self._emit(record, options)
                continue
            try:
                parsed = parse_resume_bytes(data, path.name, max_bytes=options["max_bytes"])
            except ResumeFileError as exc:
                record["error"] = {"code": exc.code, "message": exc.message(language)}
                failed += 1
            else:
                record.update(parsed.facts.to_dict())
                record["source_format"] = parsed.source_format
                record["parser_version"] = parsed.parser_version
                record["warnings"] = parsed.warnings
                if options["text"]:
                    record["text"] = parsed.text
            self._emit(record, options)
        if failed:
            raise CommandError(f"{failed} of {len(options['paths'])} file(s) could not be parsed", returncode=1)

    def _emit(self, record: dict[str, Any], options: dict[str, Any]) -> None:
        if options["json"]:
            self.stdout.write(json.dumps(record, ensure_ascii=False))
        else:
            self.stdout.write(json.dumps(record, ensure_ascii=False, indent=2))
