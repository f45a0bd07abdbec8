"""Reads that assemble the talent profile (人才档案): everything about one person on one page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch

from hirelink.candidates.models import Application, ApplicationEvent, Candidate, Resume
from hirelink.candidates.selectors import applications_visible_to
from hirelink.positions.templatetags.labels import dimension_label
from hirelink.scoring.selectors import report_summary_for_applications
from hirelink.talent.models import PerformanceRating, Scorecard, WrittenTestResult


@dataclass
class ApplicationView:
    application: Application
    events: list[ApplicationEvent]
    written_tests: list[WrittenTestResult]
    scorecards: list[Scorecard]
    performance: list[PerformanceRating]
    offer: Any | None
    onboarding: Any | None
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class TalentProfile:
    candidate: Candidate
    resume: Resume | None
    applications: list[ApplicationView]
    hints: list[str]


def talent_profile(*, user: Any, candidate: Candidate) -> TalentProfile:
    applications = (
        applications_visible_to(user=user)
        .filter(candidate=candidate)
        .select_related("position", "position__department", "offer", "onboarding")
        .prefetch_related(
            Prefetch("events", queryset=ApplicationEvent.objects.select_related("actor").order_by("at", "id")),
            "written_tests",
            Prefetch("scorecards", queryset=Scorecard.objects.select_related("interviewer")),
            "performance_ratings",
        )
        .order_by("-applied_at")
    )
    views = [
        ApplicationView(
            application=app,
            events=list(app.events.all()),
            written_tests=list(app.written_tests.all()),
            scorecards=list(app.scorecards.all()),
            performance=list(app.performance_ratings.all()),
            offer=getattr(app, "offer", None) if hasattr(app, "offer") else None,
            onboarding=getattr(app, "onboarding", None) if hasattr(app, "onboarding") else None,
        )
        for app in applications
    ]
    reports = report_summary_for_applications([view.application.pk for view in views])
    for view in views:
        view.extras["report"] = reports.get(view.application.pk)
    resume = candidate.resumes.order_by("-created_at").first()
    return TalentProfile(candidate=candidate, resume=resume, applications=views, hints=profile_hints(views, resume))


def profile_hints(views: list[ApplicationView], resume: Resume | None) -> list[str]:
    """Plain-language pointers for the next interviewer, derived from the records on the page."""
    from django.utils.translation import gettext as _

    hints: list[str] = []
    for view in views:
        for test in view.written_tests:
            if test.percent < 60:
                hints.append(
                    _("笔试《%(test)s》得分偏低（%(score).0f%%），复试可重点考察相关专业知识。")
                    % {"test": test.test_name, "score": test.percent}
                )
        for card in view.scorecards:
            low = sorted(k for k, v in card.ratings.items() if int(v) <= 2)
            if low:
                hints.append(
                    _("面试官 %(who)s 在 %(dims)s 上给出低分，建议后续追问。")
                    % {"who": card.interviewer, "dims": "、".join(dimension_label(k) for k in low)}
                )
    experience = resume.experience if resume else []
    if any(item.get("is_internship") and "银行" in str(item.get("employer", "")) for item in experience):
        hints.append(_("有银行实习经历，复试可深入了解其对银行业务流程的理解。"))
    return hints
