"""Screening JSON API (mounted at /api/v1/screening/): upload a résumé, bulk imports, verdicts, rule versions.
Staff session auth with CSRF (ninja.security.django_auth)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.security import django_auth

from hirelink.candidates.access import access_application_by_id
from hirelink.core.errors import DomainError
from hirelink.positions.access import access_position_by_id
from hirelink.privacy.models import AuditAction
from hirelink.privacy.services import audit_record
from hirelink.screening import services
from hirelink.screening.access import access_bulk_import_by_id, access_position_for_intake
from hirelink.screening.intake.limits import limit
from hirelink.screening.models import BulkImport, ScreeningVerdict
from hirelink.screening.selectors import bulk_progress, latest_verdict, ruleset_definition, ruleset_versions

router = Router(tags=["screening"], auth=django_auth)


class ErrorOut(Schema):
    code: str
    message: str
    message_zh: str = ""
    message_en: str = ""


class RuleResultOut(Schema):
    rule_id: int | None
    type: str
    label: str
    label_en: str
    group: str
    required: bool
    passed: bool
    expected: str
    expected_en: str
    actual: str
    actual_en: str
    reason_zh: str
    reason_en: str


class VerdictOut(Schema):
    id: int
    application_id: int
    ruleset_id: int
    ruleset_version: int
    passed: bool
    trigger: str
    created_at: dt.datetime
    results: list[RuleResultOut]


class IntakeOut(Schema):
    application_id: int
    candidate_id: int
    status: str
    verdict: VerdictOut
    warnings: list[str]


class RuleSetOut(Schema):
    id: int
    version: int
    is_active: bool
    source: str
    note: str
    created_at: dt.datetime
    definition: dict[str, Any]


class BulkItemOut(Schema):
    index: int
    label: str
    status: str
    code: str
    message_zh: str
    message_en: str
    application_id: int | None
    passed: bool | None


class BulkOut(Schema):
    id: int
    position_id: int
    original_filename: str
    status: str
    total: int
    processed: int
    failed: int
    items: list[BulkItemOut]


def _verdict_out(verdict: ScreeningVerdict) -> VerdictOut:
    return VerdictOut(
        id=verdict.pk,
        application_id=verdict.application_id,
        ruleset_id=verdict.ruleset_id,
        ruleset_version=verdict.ruleset.version,
        passed=verdict.passed,
        trigger=verdict.trigger,
        created_at=verdict.created_at,
        results=[RuleResultOut(**r) for r in verdict.results],
    )


def _error(exc: DomainError) -> ErrorOut:
    return ErrorOut(
        code=exc.code,
        message=str(exc.message),
        message_zh=str(getattr(exc, "message_zh", "")),
        message_en=str(getattr(exc, "message_en", "")),
    )


def _bulk_out(bulk: BulkImport) -> BulkOut:
    progress = bulk_progress(bulk=bulk)
    return BulkOut(
        id=bulk.pk,
        position_id=bulk.position_id,
        original_filename=bulk.original_filename,
        status=bulk.status,
        total=progress.total,
        processed=progress.processed,
        failed=progress.failed,
        items=[
            BulkItemOut(
                index=i.index,
                label=i.label,
                status=i.status,
                code=i.code,
                message_zh=i.message_zh,
                message_en=i.message_en,
                application_id=i.application_id,
                passed=i.passed,
            )
            for i in bulk.items.order_by("index")
        ],
    )


@router.post(
    "/positions/{position_id}/resumes",
    response={201: IntakeOut, 400: ErrorOut, 413: ErrorOut},
    summary="Upload one résumé for a position (parsed and screened at once)",
)
def upload_resume(
    request: HttpRequest,
    position_id: int,
    file: File[UploadedFile],
    name: Form[str] = "",
    phone: Form[str] = "",
    email: Form[str] = "",
) -> Status[IntakeOut | ErrorOut]:
    position = access_position_for_intake(user=request.user, position_id=position_id)
    max_bytes = limit("RESUME_MAX_BYTES")
    if file.size is not None and file.size > max_bytes:
        mb = max_bytes // (1024 * 1024)
        return Status(
            413,
            ErrorOut(
                code="too_large",
                message=f"文件过大（上限 {mb} MB）。",
                message_zh=f"文件过大（上限 {mb} MB）。",
                message_en=f"The file is too large (limit {mb} MB).",
            ),
        )
    try:
        result = services.resume_submit(
            actor=request.user,
            position=position,
            data=file.read(max_bytes + 1),
            filename=file.name or "",
            channel="api",
            name=name,
            phone=phone,
            email=email,
            content_type=file.content_type or "",
        )
    except DomainError as exc:
        return Status(400, _error(exc))
    return Status(
        201,
        IntakeOut(
            application_id=result.application.pk,
            candidate_id=result.candidate.pk,
            status=result.application.status,
            verdict=_verdict_out(result.verdict),
            warnings=list(result.warnings),
        ),
    )


@router.post(
    "/positions/{position_id}/imports",
    response={201: BulkOut, 400: ErrorOut},
    summary="Bulk upload: a ZIP of résumés, or a CSV/Excel table (processed in the background)",
)
def create_import(request: HttpRequest, position_id: int, file: File[UploadedFile]) -> Status[BulkOut | ErrorOut]:
    position = access_position_for_intake(user=request.user, position_id=position_id)
    try:
        bulk = services.bulk_import_create(
            actor=request.user,
            position=position,
            data=file.read(limit("BULK_MAX_BYTES") + 1),
            filename=file.name or "",
        )
    except DomainError as exc:
        return Status(400, _error(exc))
    return Status(201, _bulk_out(bulk))


@router.get("/imports/{bulk_id}", response=BulkOut, summary="Bulk import progress and per-item report")
def get_import(request: HttpRequest, bulk_id: int) -> BulkOut:
    return _bulk_out(access_bulk_import_by_id(user=request.user, bulk_id=bulk_id))


@router.get(
    "/applications/{application_id}/verdict",
    response={200: VerdictOut, 404: ErrorOut},
    summary="The latest screening verdict of an application, with per-rule reasons",
)
def get_verdict(request: HttpRequest, application_id: int) -> Status[VerdictOut | ErrorOut]:
    application = access_application_by_id(user=request.user, application_id=application_id)
    verdict = latest_verdict(application=application)
    if verdict is None:
        return Status(
            404,
            ErrorOut(
                code="not_screened", message="尚未初筛。", message_zh="尚未初筛。", message_en="Not screened yet."
            ),
        )
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        object_type="screening_verdict",
        object_id=application.pk,
        candidate_id=application.candidate_id,
        summary="api",
    )
    return Status(200, _verdict_out(verdict))


@router.get("/positions/{position_id}/rulesets", response=list[RuleSetOut], summary="Rule set versions, newest first")
def list_rulesets(request: HttpRequest, position_id: int) -> list[RuleSetOut]:
    position = access_position_by_id(user=request.user, position_id=position_id)
    return [
        RuleSetOut(
            id=rs.pk,
            version=rs.version,
            is_active=rs.is_active,
            source=rs.source,
            note=rs.note,
            created_at=rs.created_at,
            definition=ruleset_definition(ruleset=rs),
        )
        for rs in ruleset_versions(position=position)
    ]
