"""Role predicates. Object-level checks live in each app's access.py and build on these."""

from __future__ import annotations

from typing import Any

from hirelink.accounts.models import Role

# Roles that see every position and candidate.
ALL_SEEING_ROLES = frozenset({Role.HR_ADMIN, Role.RECRUITER, Role.AUDITOR})
# Roles that may change candidate data and run the process.
WRITING_ROLES = frozenset({Role.HR_ADMIN, Role.RECRUITER})


def _role(user: Any) -> str | None:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    return str(user.role)


def is_staff_member(user: Any) -> bool:
    return _role(user) is not None


def sees_everything(user: Any) -> bool:
    return _role(user) in ALL_SEEING_ROLES


def can_write_candidates(user: Any) -> bool:
    return _role(user) in WRITING_ROLES


def can_configure(user: Any) -> bool:
    """Positions, rules, question banks, templates."""
    return _role(user) in WRITING_ROLES


def can_manage_users(user: Any) -> bool:
    return _role(user) == Role.HR_ADMIN


def can_view_audit_log(user: Any) -> bool:
    return _role(user) in {Role.HR_ADMIN, Role.AUDITOR}
