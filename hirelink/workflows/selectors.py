"""Reads for workflows, scoped to what the user may see."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from hirelink.accounts import permissions
from hirelink.candidates.selectors import applications_visible_to
from hirelink.candidates.states import ApplicationStatus
from hirelink.workflows.access import reviews_decidable_by
from hirelink.workflows.models import DecisionReview, HrTask, HrTaskStatus, ReviewStatus, WorkflowRule, WorkflowRun


def review_queue(*, user: Any) -> QuerySet[DecisionReview]:
    """Pending results whose application still waits at "scored" (a decision made elsewhere drops it)."""
    return (
        reviews_decidable_by(user=user)
        .filter(status=ReviewStatus.PENDING, application__status=ApplicationStatus.SCORED)
        .select_related("application__candidate", "application__position")
        .order_by("-human_review_requested", "created_at", "id")
    )


def reviews_decided(*, user: Any, limit: int = 50) -> QuerySet[DecisionReview]:
    return (
        reviews_decidable_by(user=user)
        .exclude(status=ReviewStatus.PENDING)
        .select_related("application__candidate", "application__position", "decided_by")
        .order_by("-decided_at", "-id")[:limit]
    )


def runs_visible_to(*, user: Any) -> QuerySet[WorkflowRun]:
    if not permissions.can_configure(user):
        return WorkflowRun.objects.none()
    return WorkflowRun.objects.select_related("rule", "application__candidate").order_by("-created_at", "-id")


def rules_for_admin(*, user: Any) -> QuerySet[WorkflowRule]:
    if not permissions.can_configure(user):
        return WorkflowRule.objects.none()
    return WorkflowRule.objects.select_related("position", "replaces").order_by("position_id", "priority", "id")


def open_tasks(*, user: Any) -> QuerySet[HrTask]:
    if not permissions.can_write_candidates(user):
        return HrTask.objects.none()
    return (
        HrTask.objects.filter(status=HrTaskStatus.OPEN, application__in=applications_visible_to(user=user))
        .select_related("application__candidate", "application__position")
        .order_by("created_at")
    )
