"""Reading tabular files (CSV in UTF-8/GBK, Excel .xlsx) and the column specs of each importable record."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hirelink.core.errors import DomainError


class RowError(ValueError):
    """One cell or row is wrong; the message is shown next to its row number."""


@dataclass(frozen=True)
class ImportKind:
    label: Any
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()


# Every row names its application by the candidate's phone, e-mail or ID number plus the position code.
_APPLICATION_KEYS = ("position_code",)
_PERSON_KEYS = ("phone", "email", "national_id")

IMPORT_KINDS: dict[str, ImportKind] = {
    "written_test": ImportKind(
        gettext_lazy("笔试成绩"), (*_APPLICATION_KEYS, "test_name", "taken_on", "score"), ("max_score",)
    ),
    "scorecard": ImportKind(
        gettext_lazy("复试评分表"),
        (*_APPLICATION_KEYS, "interviewer", "interviewed_on", "recommendation"),
        (
            "communication",
            "professional_match",
            "position_fit",
            "service_awareness",
            "logical_thinking",
            "notes",
        ),
    ),
    "offer": ImportKind(
        gettext_lazy("录用"),
        (*_APPLICATION_KEYS, "offered_on", "status"),
        ("grade", "annual_salary", "start_date"),
    ),
    "onboarding": ImportKind(
        gettext_lazy("入职"),
        (*_APPLICATION_KEYS, "started_on"),
        ("employee_number", "branch", "probation_months"),
    ),
    "performance": ImportKind(
        gettext_lazy("绩效评级"), (*_APPLICATION_KEYS, "period", "rating"), ("rated_by", "comment")
    ),
}


def read_table(*, data: bytes, filename: str) -> list[dict[str, str]]:
    """Rows as dicts keyed by lower-cased header. Raises DomainError for unreadable files."""
    if not data:
        raise DomainError(_("文件为空。"), code="empty_file")
    if len(data) > settings.IMPORT_MAX_BYTES:
        raise DomainError(
            _("文件过大（上限 %(mb)d MB）。") % {"mb": settings.IMPORT_MAX_BYTES // (1024 * 1024)},
            code="too_large",
        )
    name = filename.lower()
    if name.endswith(".xlsx"):
        rows = _read_xlsx(data)
    elif name.endswith((".csv", ".txt")):
        rows = _read_csv(data)
    else:
        raise DomainError(_("不支持的文件类型：请上传 CSV 或 Excel（.xlsx）文件。"), code="bad_type")
    if len(rows) > settings.IMPORT_MAX_ROWS:
        raise DomainError(_("行数过多（上限 %(n)d 行）。") % {"n": settings.IMPORT_MAX_ROWS}, code="too_many_rows")
    return rows


def _read_csv(data: bytes) -> list[dict[str, str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise DomainError(_("无法识别文件编码，请保存为 UTF-8 编码的 CSV。"), code="bad_encoding")
    if "\x00" in text:
        raise DomainError(_("文件内容不是文本表格，请上传 CSV 或 Excel（.xlsx）文件。"), code="bad_type")
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise DomainError(_("文件没有表头行。"), code="no_header")
    return [
        {str(k).strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
        for row in reader
        if any((v or "").strip() for v in row.values() if isinstance(v, str))
    ]


def _read_xlsx(data: bytes) -> list[dict[str, str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise DomainError(_("Excel 文件已损坏或不是 .xlsx 格式。"), code="corrupt") from exc
    sheet = workbook.worksheets[0]
    iterator = sheet.iter_rows(values_only=True)
    header_row = next(iterator, None)
    if not header_row or not any(header_row):
        raise DomainError(_("文件没有表头行。"), code="no_header")
    header = [str(h or "").strip().lower() for h in header_row]
    rows: list[dict[str, str]] = []
    for values in iterator:
        if not any(v not in (None, "") for v in values):
            continue
        rows.append({header[i]: _cell(v) for i, v in enumerate(values) if i < len(header) and header[i]})
    workbook.close()
    return rows


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_date(value: str, column: str) -> dt.date:
    text = value.strip().replace("/", "-").replace(".", "-")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise RowError(_("%(col)s 日期格式应为 YYYY-MM-DD，实际：%(value)s") % {"col": column, "value": value}) from exc


def parse_decimal(value: str, column: str, *, low: Decimal | None = None, high: Decimal | None = None) -> Decimal:
    try:
        number = Decimal(value.strip())
    except InvalidOperation as exc:
        raise RowError(_("%(col)s 应为数字，实际：%(value)s") % {"col": column, "value": value}) from exc
    if not number.is_finite() or (low is not None and number < low) or (high is not None and number > high):
        raise RowError(
            _("%(col)s 超出范围（%(low)s–%(high)s），实际：%(value)s")
            % {"col": column, "low": low, "high": high, "value": value}
        )
    return number


def parse_int(value: str, column: str, *, low: int, high: int) -> int:
    return int(parse_decimal(value, column, low=Decimal(low), high=Decimal(high)).to_integral_exact())
