"""The only way a user-supplied id becomes a workflow object. Missing and forbidden look the same (404)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from hirelink.accounts import permissions
from hirelink.candidates.selectors import applications_visible_to
from hirelink.workflows.models import DecisionReview, HrTask, WorkflowRule


def reviews_decidable_by(*, user: Any) -> QuerySet[DecisionReview]:
    if not permissions.can_write_candidates(user):
        return DecisionReview.objects.none()
    return DecisionReview.objects.filter(application__in=applications_visible_to(user=user))


def access_review_by_id(*, user: Any, review_id: int) -> DecisionReview:
    review = (
        reviews_decidable_by(user=user)
        .select_related("application__candidate", "application__position", "decided_by")
        .filter(pk=review_id)
        .first()
    )
    if review is None:
        raise Http404
    return review


def access_rule_by_id(*, user: Any, rule_id: int) -> WorkflowRule:
    if not permissions.can_configure(user):
        raise Http404
    rule = WorkflowRule.objects.select_related("position").filter(pk=rule_id).first()
    if rule is None:
        raise Http404
    return rule


def access_hr_task_by_id(*, user: Any, task_id: int) -> HrTask:
    task = HrTask.objects.filter(pk=task_id, application__in=applications_visible_to(user=user)).first()
    if task is None or not permissions.can_write_candidates(user):
        raise Http404
    return task
