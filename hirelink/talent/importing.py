"""Reading tabular files (CSV in UTF-8/GBK, Excel .xlsx) and the column specs of each importable record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hirelink.core.errors import DomainError
from hirelink.core.tables import TableError, table_rows


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
    try:
        table = table_rows(data, filename)
    except TableError as exc:
        raise DomainError(_TABLE_ERRORS[exc.code], code=exc.code) from exc
    if not table:
        raise DomainError(_("文件没有表头行。"), code="no_header")
    header = [h.strip().lower() for h in table[0]]
    rows = [{header[i]: value for i, value in enumerate(row) if i < len(header) and header[i]} for row in table[1:]]
    if len(rows) > settings.IMPORT_MAX_ROWS:
        raise DomainError(_("行数过多（上限 %(n)d 行）。") % {"n": settings.IMPORT_MAX_ROWS}, code="too_many_rows")
    return rows


_TABLE_ERRORS = {
    "bad_type": gettext_lazy("不支持的文件类型：请上传 CSV 或 Excel（.xlsx）文件。"),
    "corrupt": gettext_lazy("Excel 文件已损坏或不是 .xlsx 格式。"),
    "too_large": gettext_lazy("Excel 文件解压后过大，已拒绝。"),
}


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
