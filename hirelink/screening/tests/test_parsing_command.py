"""``manage.py parse_resume``: JSON lines per path, bilingual errors, non-zero exit on failure."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

RESUMES = Path(__file__).parent / "fixtures" / "resumes"


def test_one_path_prints_one_json_object_with_its_path():
    # given a text résumé
    path = RESUMES / "zh_gbk.txt"
    out = io.StringIO()

    # when the command runs with --json
    call_command("parse_resume", str(path), "--json", stdout=out)

    # then one line holds the facts and the path
    lines = out.getvalue().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["path"] == str(path)
    assert record["name"] == "刘洋"
    assert record["education"][0]["degree"] == "大专"
    assert record["source_format"] == "txt"


def test_several_paths_print_one_line_each_and_failures_exit_non_zero():
    # given one good file, one encrypted PDF and one missing path
    paths = [str(RESUMES / "en_plain.pdf"), str(RESUMES / "bad" / "encrypted.pdf"), "/nonexistent/cv.pdf"]
    out = io.StringIO()

    # when the command runs in Chinese
    with translation.override("zh-hans"), pytest.raises(CommandError) as caught:
        call_command("parse_resume", *paths, "--json", stdout=out)

    # then every path has its line, errors carry code and message, and the exit code is 1
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["path"] for r in records] == paths
    assert records[0]["name"] == "Emily Chen"
    assert records[1]["error"] == {
        "code": "encrypted_pdf",
        "message": "PDF 文件设置了打开密码，无法读取。请取消密码后重新上传。",
    }
    assert records[2]["error"] == {"code": "unreadable", "message": "无法读取文件：/nonexistent/cv.pdf"}
    assert caught.value.returncode == 1
    assert str(caught.value) == "2 of 3 file(s) could not be parsed"


def test_error_message_follows_the_active_language():
    out = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError):
        call_command("parse_resume", str(RESUMES / "bad" / "empty.txt"), "--json", stdout=out)
    assert json.loads(out.getvalue())["error"] == {
        "code": "empty_file",
        "message": "The file is empty; please upload a résumé with content.",
    }
