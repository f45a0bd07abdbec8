"""The interview result the workflow decides on: the application's latest AI-interview report (scoring app)
— its total against the position's pass threshold — plus the report's highlights and improvement suggestions
in the candidate's language for the letters. A report flagged for human review, or no report, is undecided:
HR decides in the review queue."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.urls import NoReverseMatch, reverse
from django.utils import translation

from hirelink.candidates.models import Application
from hirelink.messaging.rendering import language_for
from hirelink.scoring.models import InterviewReport
from hirelink.scoring.report import highlight_text, suggestion_text


@dataclass(frozen=True)
class InterviewResult:
    score: Decimal | None
    threshold: int
    highlights: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    report_url: str = ""
    needs_review: bool = False

    @property
    def passed(self) -> bool | None:
        if self.score is None or self.needs_review:
            return None
        return self.score >= self.threshold


def application_result(application: Application) -> InterviewResult:
    threshold = int(application.position.pass_threshold)
    report = InterviewReport.objects.filter(application=application).order_by("-built_at", "-version", "-id").first()
    if report is None:
        return InterviewResult(score=None, threshold=threshold)
    payload = report.payload or {}
    with translation.override(language_for(application.candidate.preferred_language)):
        suggestions = [suggestion_text(item) for item in payload.get("suggestions", [])]
        highlights = [highlight_text(item) for item in payload.get("highlights", [])]
    try:
        url = reverse("scoring:report", args=[report.session_id])
    except NoReverseMatch:
        url = ""
    return InterviewResult(
        score=None if report.total is None else Decimal(str(round(report.total, 1))),
        threshold=threshold,
        highlights=[h for h in highlights if h],
        suggestions=[s for s in suggestions if s],
        report_url=url,
        needs_review=report.needs_review,
    )
