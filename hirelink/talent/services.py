"""Writes for talent-profile records, including all-or-nothing imports from CSV/Excel."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from hirelink.candidates.models import Application
from hirelink.candidates.services import candidate_find_duplicate
from hirelink.core.errors import DomainError
from hirelink.positions.vocabulary import Dimension
from hirelink.privacy.models import AuditAction
from hirelink.privacy.services import audit_record
from hirelink.talent.importing import IMPORT_KINDS, RowError, parse_date, parse_decimal, parse_int, read_table
from hirelink.talent.models import (
    Offer,
    OfferStatus,
    Onboarding,
    PerformanceRating,
    Recommendation,
    Scorecard,
    WrittenTestResult,
)


@dataclass
class ImportReport:
    kind: str
    rows_total: int = 0
    imported: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    fatal: str = ""

    @property
    def ok(self) -> bool:
        return not self.fatal and not self.errors


def _find_application(row: dict[str, str]) -> Application:
    match = candidate_find_duplicate(
        phone=row.get("phone", ""), email=row.get("email", ""), national_id=row.get("national_id", "")
    )
    if match is None:
        raise RowError(_("找不到候选人：请填写已登记的手机号、邮箱或身份证号"))
    application = Application.objects.filter(candidate=match[0], position__code=row["position_code"]).first()
    if application is None:
        raise RowError(
            _("候选人 %(name)s 没有投递岗位 %(code)s") % {"name": match[0].name, "code": row["position_code"]}
        )
    return application


def _choice(value: str, choices: Any, column: str) -> str:
    by_label = {str(label): key for key, label in choices.choices}
    if value in choices.values:
        return value
    if value in by_label:
        return str(by_label[value])
    raise RowError(
        _("%(col)s 取值无效：%(value)s（可选：%(options)s）")
        % {"col": column, "value": value, "options": "、".join(choices.values)}
    )


def _build_record(kind: str, row: dict[str, str], application: Application) -> Any:
    """Validate one row into an unsaved model instance (raises RowError)."""
    if kind == "written_test":
        max_score = parse_decimal(row.get("max_score") or "100", "max_score", low=Decimal(1), high=Decimal(1000))
        return WrittenTestResult(
            application=application,
            test_name=row["test_name"][:120],
            taken_on=parse_date(row["taken_on"], "taken_on"),
            score=parse_decimal(row["score"], "score", low=Decimal(0), high=max_score),
            max_score=max_score,
        )
    if kind == "scorecard":
        interviewer = get_user_model().objects.filter(username=row["interviewer"]).first()
        if interviewer is None:
            raise RowError(_("面试官账号不存在：%(u)s") % {"u": row["interviewer"]})
        ratings = {dim: parse_int(row[dim], dim, low=1, high=5) for dim in Dimension.values if row.get(dim)}
        if not ratings:
            raise RowError(_("评分表至少需要一个维度评分（1–5）"))
        return Scorecard(
            application=application,
            interviewer=interviewer,
            interviewed_on=parse_date(row["interviewed_on"], "interviewed_on"),
            ratings=ratings,
            recommendation=_choice(row["recommendation"], Recommendation, "recommendation"),
            notes=row.get("notes", ""),
        )
    if kind == "offer":
        salary = row.get("annual_salary", "")
        if salary:
            parse_decimal(salary, "annual_salary", low=Decimal(0), high=Decimal(100_000_000))
        return Offer(
            application=application,
            offered_on=parse_date(row["offered_on"], "offered_on"),
            status=_choice(row["status"], OfferStatus, "status"),
            grade=row.get("grade", "")[:40],
            annual_salary=salary,
            start_date=parse_date(row["start_date"], "start_date") if row.get("start_date") else None,
        )
    if kind == "onboarding":
        return Onboarding(
            application=application,
            started_on=parse_date(row["started_on"], "started_on"),
            employee_number=row.get("employee_number", "")[:40],
            branch=row.get("branch", "")[:120],
            probation_months=parse_int(row.get("probation_months") or "6", "probation_months", low=0, high=24),
        )
    if kind == "performance":
        return PerformanceRating(
            application=application,
            period=row["period"][:20],
            rating=parse_int(row["rating"], "rating", low=1, high=5),
            rated_by=row.get("rated_by", "")[:100],
            comment=row.get("comment", ""),
        )
    raise DomainError(_("未知的导入类型"))  # pragma: no cover - kind is validated by the caller


def _natural_key(kind: str, record: Any) -> tuple[Any, ...]:
    return tuple(getattr(record, k) for k in _key_fields(kind))


def records_import(*, actor: Any, kind: str, upload: UploadedFile) -> ImportReport:
    """Validate every row first; import all rows only if none has an error (bad input changes nothing).
    Rows that repeat an existing record (same natural key) replace it, so re-importing a file is safe."""
    report = ImportReport(kind=kind)
    spec = IMPORT_KINDS.get(kind)
    if spec is None:
        report.fatal = _("未知的导入类型")
        return report
    try:
        rows = read_table(data=upload.read(), filename=upload.name or "")
    except DomainError as exc:
        report.fatal = str(exc.message)
        return report
    report.rows_total = len(rows)
    if not rows:
        report.fatal = _("文件中没有数据行。")
        return report
    missing = [c for c in spec.required if c not in rows[0]]
    if not any(k in rows[0] for k in ("phone", "email", "national_id")):
        missing.append("phone / email / national_id")
    if missing:
        report.fatal = _("缺少必填列：%(cols)s") % {"cols": ", ".join(missing)}
        return report

    records: list[Any] = []
    seen: dict[tuple[Any, ...], int] = {}
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        try:
            empty = [c for c in spec.required if not row.get(c)]
            if empty:
                raise RowError(_("必填项为空：%(cols)s") % {"cols": ", ".join(empty)})
            record = _build_record(kind, row, _find_application(row))
            key = _natural_key(kind, record)
            if key in seen:
                raise RowError(_("与第 %(n)d 行重复") % {"n": seen[key]})
            seen[key] = number
            records.append(record)
        except RowError as exc:
            report.errors.append((number, str(exc)))
    if report.errors:
        return report
    with transaction.atomic():
        for record in records:
            model = type(record)
            key_fields = dict(zip(_key_fields(kind), _natural_key(kind, record), strict=True))
            model.objects.filter(**key_fields).delete()
            record.save()
            audit_record(
                actor=actor,
                action=AuditAction.IMPORT,
                object_type=model.__name__.lower(),
                object_id=record.pk,
                candidate_id=record.application.candidate_id,
                summary=str(record)[:200],
            )
    report.imported = len(records)
    return report


def _key_fields(kind: str) -> tuple[str, ...]:
    return {
        "written_test": ("application_id", "test_name", "taken_on"),
        "scorecard": ("application_id", "interviewer_id"),
        "offer": ("application_id",),
        "onboarding": ("application_id",),
        "performance": ("application_id", "period"),
    }[kind]
