"""Reads for candidates and applications, always scoped to what the user may see."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from hirelink.accounts import permissions
from hirelink.candidates.models import Application, Candidate


def candidates_visible_to(*, user: Any) -> QuerySet[Candidate]:
    if permissions.sees_everything(user):
        return Candidate.objects.all()
    if not permissions.is_staff_member(user):
        return Candidate.objects.none()
    return Candidate.objects.filter(applications__position__assignees=user).distinct()


def applications_visible_to(*, user: Any) -> QuerySet[Application]:
    if permissions.sees_everything(user):
        return Application.objects.all()
    if not permissions.is_staff_member(user):
        return Application.objects.none()
    return Application.objects.filter(position__assignees=user)


def candidate_list(
    *, user: Any, query: str = "", status: str = "", position_id: int | None = None
) -> QuerySet[Candidate]:
    applications = applications_visible_to(user=user).select_related("position").order_by("-applied_at")
    qs = candidates_visible_to(user=user)
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(school__icontains=query) | Q(major__icontains=query))
    if status:
        qs = qs.filter(applications__status=status, applications__in=applications)
    if position_id:
        qs = qs.filter(applications__position_id=position_id, applications__in=applications)
    return (
        qs.distinct()
        .annotate(application_count=Count("applications", distinct=True))
        .prefetch_related(Prefetch("applications", queryset=applications, to_attr="visible_applications"))
        .order_by("-created_at", "-id")
    )


def status_counts(*, user: Any) -> dict[str, int]:
    rows = applications_visible_to(user=user).values("status").annotate(n=Count("id"))
    return {row["status"]: row["n"] for row in rows}
