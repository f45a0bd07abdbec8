"""The application status machine. The only place that says which transitions exist."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    NEW = "new", _("新投递")
    SCREENING = "screening", _("筛选中")
    SCREENED_OUT = "screened_out", _("初筛未通过")
    INVITED = "invited", _("已邀请面试")
    INTERVIEWING = "interviewing", _("面试中")
    INTERVIEWED = "interviewed", _("面试已完成")
    SCORED = "scored", _("已出报告")
    SECOND_INTERVIEW = "second_interview", _("复试")
    OFFERED = "offered", _("已发录用")
    HIRED = "hired", _("已入职")
    REJECTED = "rejected", _("未通过")
    WITHDRAWN = "withdrawn", _("已撤回")


S = ApplicationStatus

# Forward path of the funnel. Rejected and withdrawn are reachable from every open state (below).
_FORWARD: dict[str, set[str]] = {
    S.NEW: {S.SCREENING},
    S.SCREENING: {S.SCREENED_OUT, S.INVITED},
    S.SCREENED_OUT: {S.SCREENING, S.INVITED},  # HR review may re-screen or overrule
    S.INVITED: {S.INTERVIEWING},
    S.INTERVIEWING: {S.INTERVIEWED},
    S.INTERVIEWED: {S.SCORED},
    S.SCORED: {S.SECOND_INTERVIEW},
    S.SECOND_INTERVIEW: {S.OFFERED},
    S.OFFERED: {S.HIRED},
    S.HIRED: set(),
    S.REJECTED: set(),
    S.WITHDRAWN: set(),
}

# Closed: nothing more happens. Screened-out stays open: it waits for HR review.
CLOSED_STATES = frozenset({S.HIRED, S.REJECTED, S.WITHDRAWN})
OPEN_STATES = frozenset(set(S.values) - CLOSED_STATES)

TRANSITIONS: dict[str, frozenset[str]] = {
    state: frozenset(targets | ({S.REJECTED, S.WITHDRAWN} if state in OPEN_STATES else set()))
    for state, targets in _FORWARD.items()
}

# Funnel order, for dashboards and "furthest stage reached".
FUNNEL_ORDER: list[str] = [
    S.NEW,
    S.SCREENING,
    S.INVITED,
    S.INTERVIEWING,
    S.INTERVIEWED,
    S.SCORED,
    S.SECOND_INTERVIEW,
    S.OFFERED,
    S.HIRED,
]


def can_transition(source: str, target: str) -> bool:
    return target in TRANSITIONS.get(source, frozenset())
