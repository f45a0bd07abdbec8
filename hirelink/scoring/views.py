"""HR pages for the structured interview report: HTML, PDF, live analysis progress, retry of flagged answers.
Thin: access → selector/service → render; every view of candidate data is audited."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_GET, require_POST

from hirelink.accounts import permissions
from hirelink.interviews.models import InterviewSession
from hirelink.privacy.models import AuditAction
from hirelink.privacy.services import audit_record
from hirelink.scoring import errors, services
from hirelink.scoring.access import access_session_by_id
from hirelink.scoring.models import InterviewReport
from hirelink.scoring.pdf import report_pdf_render
from hirelink.scoring.report import report_present
from hirelink.scoring.selectors import cohort_standing, session_analyses, session_progress


def _client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR")


def _session(request: HttpRequest, session_id: int) -> InterviewSession:
    if not permissions.is_staff_member(request.user):
        raise Http404
    return access_session_by_id(user=request.user, session_id=session_id)


def _audit(request: HttpRequest, session: InterviewSession, action: AuditAction, summary: str) -> None:
    audit_record(
        actor=request.user,
        action=action,
        object_type="interview_report",
        object_id=session.pk,
        candidate_id=session.invitation.application.candidate_id,
        summary=summary,
        ip_address=_client_ip(request),
    )


def report_context(*, session: InterviewSession) -> dict[str, Any]:
    report = InterviewReport.objects.filter(session=session).first()
    application = session.invitation.application
    context: dict[str, Any] = {
        "session": session,
        "application": application,
        "candidate": application.candidate,
        "position": application.position,
        "progress": session_progress(session=session),
        "analyses": session_analyses(session=session),
        "report": report,
        "r": None,
    }
    if report is not None:
        presented = report_present(report.payload)
        presented["standing_now"] = cohort_standing(
            position_id=application.position_id, total=report.total, exclude_session_id=session.pk
        )
        context["r"] = presented
        context["standing"] = presented["standing_now"]
        context["built_at"] = report.built_at
        hidden_ms = presented["integrity"]["signals"].get("tab_hidden", {}).get("total_ms", 0)
        context["away_seconds"] = round(hidden_ms / 1000)
    return context


@login_required
@require_GET
def report_page(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    context = report_context(session=session)
    context["can_write"] = permissions.can_write_candidates(request.user)
    _audit(request, session, AuditAction.VIEW, "interview report")
    return render(request, "scoring/report.html", context)


@login_required
@require_GET
def report_progress(request: HttpRequest, session_id: int) -> HttpResponse:
    """The progress fragment the report page polls while answers are being analysed (report.js)."""
    session = _session(request, session_id)
    context = report_context(session=session)
    return render(request, "scoring/_progress.html", context)


@login_required
@require_GET
def report_pdf(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    context = report_context(session=session)
    if context["report"] is None:
        response = render(request, "scoring/report.html", context | {"error": errors.ReportNotReadyError().message})
        response.status_code = 409
        return response
    context["language"] = translation.get_language()
    pdf = report_pdf_render(context)
    _audit(request, session, AuditAction.EXPORT, "interview report pdf")
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"interview-report-{session.pk}-v{context['report'].version}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def report_retry(request: HttpRequest, session_id: int) -> HttpResponse:
    session = _session(request, session_id)
    if not permissions.can_write_candidates(request.user):
        raise Http404
    try:
        flagged = services.analysis_retry(actor=request.user, session=session)
    except errors.ScoringError as exc:
        messages.error(request, str(exc.message))
    else:
        messages.success(request, _retry_message(len(flagged)))
    return redirect("scoring:report", session_id=session.pk)


def _retry_message(count: int) -> str:
    from django.utils.translation import gettext as _

    return _("已重新提交 %(n)s 个回答进行分析。") % {"n": count}
