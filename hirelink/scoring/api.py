"""JSON API of the structured interview report (Django Ninja, typed schema) under /api/v1/scoring/.

Staff session authentication; the same visibility and audit as the HTML page (missing and forbidden → 404)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth

from hirelink.accounts import permissions
from hirelink.privacy.models import AuditAction
from hirelink.privacy.services import audit_record
from hirelink.scoring.access import access_session_by_id
from hirelink.scoring.models import InterviewReport
from hirelink.scoring.report import report_present
from hirelink.scoring.selectors import session_progress

router = Router(tags=["scoring"], auth=django_auth)


class EvidenceOut(Schema):
    kind: str
    text: str
    label: str
    value: float | None = None
    question: int | None = None


class DimensionOut(Schema):
    key: str
    label: str
    score: float | None
    confidence: float
    weight: float
    reading: str
    components: dict[str, float]
    evidence: list[EvidenceOut]


class KeyPointOut(Schema):
    text: str
    covered: bool
    score: float
    evidence: str | None


class SpanOut(Schema):
    text: str
    key_point: int | None


class QuestionOut(Schema):
    position: int
    question: str
    mode: str | None
    status: str
    attempts: int
    duration_seconds: float | None
    text: str = ""
    spans: list[SpanOut] = []
    key_points: list[KeyPointOut] = []
    content: dict[str, Any] | None = None
    delivery: dict[str, Any] | None = None
    voice: dict[str, Any] | None = None
    face: dict[str, Any] | None = None
    suggestions: list[str] = []


class QuoteOut(Schema):
    kind: str
    question: int
    quote: str
    label: str


class SuggestionOut(Schema):
    kind: str
    label: str
    question: int | None = None


class RecommendationOut(Schema):
    code: str
    label: str
    reason: str
    pass_threshold: int
    reject_threshold: int
    low_confidence: bool


class StandingOut(Schema):
    rank: int | None
    cohort: int
    percentile: int | None


class ProgressOut(Schema):
    questions: int
    answered: int
    analysed: int
    running: int
    retrying: int
    needs_review: int
    session_completed: bool


class ReportOut(Schema):
    schema_version: str
    version: int
    built_at: str
    session_id: int
    application_id: int
    candidate: dict[str, Any]
    position: dict[str, Any]
    total: float | None
    total_confidence: float
    needs_review: bool
    recommendation: RecommendationOut
    dimensions: list[DimensionOut]
    questions: list[QuestionOut]
    highlights: list[QuoteOut]
    suggestions: list[SuggestionOut]
    integrity: dict[str, Any]
    models: dict[str, str]
    features_used: list[str]
    consent: dict[str, Any]
    standing: StandingOut
    progress: ProgressOut


class NotReadyOut(Schema):
    code: str
    message: str
    progress: ProgressOut


@router.get(
    "/sessions/{session_id}/report",
    response={200: ReportOut, 409: NotReadyOut},
    url_name="scoring_report",
    summary="Structured interview report of one session",
)
def report_get(request: HttpRequest, session_id: int) -> Status[Any]:
    if not permissions.is_staff_member(request.user):
        raise HttpError(404, "Not Found")
    try:
        session = access_session_by_id(user=request.user, session_id=session_id)
    except Http404 as exc:
        raise HttpError(404, "Not Found") from exc
    progress = session_progress(session=session).__dict__
    report = InterviewReport.objects.filter(session=session).first()
    if report is None:
        return Status(
            409, {"code": "report_not_ready", "message": _("面试报告尚未生成，请稍后再试。"), "progress": progress}
        )
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        object_type="interview_report",
        object_id=session.pk,
        candidate_id=session.invitation.application.candidate_id,
        summary="interview report json",
        ip_address=request.META.get("REMOTE_ADDR"),
    )
    presented = report_present(report.payload)
    presented["schema_version"] = presented.pop("schema")
    presented["progress"] = progress
    return Status(200, presented)
