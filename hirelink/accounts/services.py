"""Writes for staff users: a role decides admin access and the Django permissions behind it."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

from hirelink.accounts.models import Role, User

# Apps whose configuration recruiters edit in the admin (positions, question banks, rules, workflows, templates).
CONFIGURATION_APPS = ("positions", "interviews", "screening", "workflows", "messaging")
# Apps whose data they may look at in the admin (changes go through the HR pages and services).
VIEW_ONLY_APPS = ("candidates", "talent", "scoring")
AUDITED_APPS = (*CONFIGURATION_APPS, *VIEW_ONLY_APPS, "privacy", "accounts")


def _permissions_for(role: str) -> Q | None:
    if role == Role.RECRUITER:
        return Q(content_type__app_label__in=CONFIGURATION_APPS) | Q(
            content_type__app_label__in=VIEW_ONLY_APPS, codename__startswith="view_"
        )
    if role == Role.AUDITOR:
        return Q(content_type__app_label__in=AUDITED_APPS, codename__startswith="view_")
    return None


def role_group(role: str) -> Group | None:
    """The Django group carrying a role's admin permissions (created or refreshed on demand)."""
    query = _permissions_for(role)
    if query is None:
        return None
    group, _ = Group.objects.get_or_create(name=f"role:{role}")
    group.permissions.set(Permission.objects.filter(query))
    return group


@transaction.atomic
def user_apply_role(*, user: User) -> User:
    """Make is_staff / is_superuser / groups follow the user's role. HR admins administer everything;
    recruiters configure; auditors read; hiring managers and interviewers use the HR pages only."""
    user.is_superuser = user.role == Role.HR_ADMIN
    user.is_staff = user.role in {Role.HR_ADMIN, Role.RECRUITER, Role.AUDITOR}
    user.save(update_fields=["is_superuser", "is_staff"])
    user.groups.remove(*user.groups.filter(name__startswith="role:"))
    group = role_group(user.role)
    if group is not None:
        user.groups.add(group)
    return user
