from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from hirelink.accounts import permissions
from hirelink.positions.models import Position


def positions_visible_to(*, user: Any) -> QuerySet[Position]:
    if permissions.sees_everything(user):
        return Position.objects.select_related("department")
    if not permissions.is_staff_member(user):
        return Position.objects.none()
    return Position.objects.filter(assignees=user).select_related("department")
