"""Reads for the pipeline and the report: progress of a session's analysis, cohort standing, summaries for the
talent profile."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse

from hirelink.interviews.models import AnswerStatus, InterviewSession, SessionQuestion
from hirelink.scoring.models import AnalysisStatus, AnswerAnalysis, InterviewReport


@dataclass(frozen=True)
class Progress:
    """How far the analysis of one session is: n of m answers analysed, failures, waiting for a retry."""

    questions: int
    answered: int
    analysed: int
    running: int
    retrying: int
    needs_review: int
    session_completed: bool

    @property
    def finished(self) -> bool:
        return self.session_completed and self.analysed + self.needs_review >= self.answered

    @property
    def percent(self) -> int:
        return round(100 * self.analysed / self.answered) if self.answered else 0


def session_progress(*, session: InterviewSession) -> Progress:
    from hirelink.scoring.services import latest_answer_per_question

    latest = latest_answer_per_question(session=session)
    processed = [a.pk for a in latest.values() if a.status == AnswerStatus.PROCESSED]
    counts = AnswerAnalysis.objects.filter(answer__in=processed).aggregate(
        done=Count("id", filter=Q(status=AnalysisStatus.DONE)),
        running=Count("id", filter=Q(status=AnalysisStatus.RUNNING)),
        retrying=Count("id", filter=Q(status=AnalysisStatus.FAILED)),
        review=Count("id", filter=Q(status=AnalysisStatus.NEEDS_REVIEW)),
    )
    return Progress(
        questions=SessionQuestion.objects.filter(session=session).count(),
        answered=len(latest),
        analysed=counts["done"],
        running=counts["running"],
        retrying=counts["retrying"],
        needs_review=counts["review"],
        session_completed=session.status == "completed",
    )


def session_analyses(*, session: InterviewSession) -> list[AnswerAnalysis]:
    return list(
        AnswerAnalysis.objects.filter(session=session)
        .select_related("answer__session_question")
        .order_by("answer__session_question__position", "answer__attempt")
    )


def cohort_standing(*, position_id: int, total: float | None, exclude_session_id: int | None) -> dict[str, Any]:
    """Rank and percentile of `total` among the position's other scored candidates (latest report each)."""
    others = list(
        InterviewReport.objects.filter(position_id=position_id, total__isnull=False)
        .exclude(session_id=exclude_session_id)
        .order_by("application_id", "-built_at")
        .values_list("application_id", "total")
    )
    seen: dict[int, float] = {}
    for application_id, value in others:
        seen.setdefault(application_id, float(value or 0.0))
    values = list(seen.values())
    if total is None:
        return {"rank": None, "cohort": len(values), "percentile": None}
    higher = sum(1 for v in values if v > total)
    lower = sum(1 for v in values if v < total)
    return {
        "rank": higher + 1,
        "cohort": len(values) + 1,
        "percentile": round(100 * lower / len(values)) if values else None,
    }


def latest_session_for_application(*, application_id: int) -> InterviewSession | None:
    return (
        InterviewSession.objects.filter(invitation__application_id=application_id)
        .select_related("invitation__application__position", "invitation__application__candidate")
        .order_by("-created_at", "-id")
        .first()
    )


@dataclass(frozen=True)
class ReportSummary:
    """What the talent profile shows for one application's AI interview."""

    application_id: int
    session_id: int
    status: str  # "in_progress" | "analysing" | "ready" | "needs_review"
    url: str
    total: float | None = None
    confidence: float | None = None
    recommendation: str = ""
    recommendation_label: str = ""
    sub_scores: dict[str, float | None] = field(default_factory=dict)
    analysed: int = 0
    answered: int = 0
    needs_review: int = 0


def report_summary_for_applications(application_ids: Iterable[int]) -> dict[int, ReportSummary]:
    """Per application id (the caller has already checked visibility): the latest interview session's report
    summary or its analysis progress. Applications without an interview session are absent."""
    from hirelink.scoring.models import Recommendation

    ids = list(application_ids)
    sessions: dict[int, InterviewSession] = {}
    for session in (
        InterviewSession.objects.filter(invitation__application_id__in=ids)
        .select_related("invitation")
        .order_by("invitation__application_id", "-created_at", "-id")
    ):
        sessions.setdefault(session.invitation.application_id, session)
    reports = {r.session_id: r for r in InterviewReport.objects.filter(session__in=list(sessions.values()))}
    out: dict[int, ReportSummary] = {}
    for application_id, session in sessions.items():
        url = reverse("scoring:report", args=[session.pk])
        report = reports.get(session.pk)
        progress = session_progress(session=session)
        if report is None:
            status = "in_progress" if not progress.session_completed else "analysing"
            out[application_id] = ReportSummary(
                application_id=application_id,
                session_id=session.pk,
                status=status,
                url=url,
                analysed=progress.analysed,
                answered=progress.answered,
                needs_review=progress.needs_review,
            )
            continue
        out[application_id] = ReportSummary(
            application_id=application_id,
            session_id=session.pk,
            status="needs_review" if report.needs_review else "ready",
            url=url,
            total=report.total,
            confidence=report.confidence,
            recommendation=report.recommendation,
            recommendation_label=str(Recommendation(report.recommendation).label),
            sub_scores={d["key"]: d["score"] for d in report.payload.get("dimensions", [])},
            analysed=progress.analysed,
            answered=progress.answered,
            needs_review=progress.needs_review,
        )
    return out
