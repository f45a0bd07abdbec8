"""A role decides admin access: HR admins administer, recruiters configure, auditors read, others stay out."""

from __future__ import annotations

import pytest
from django.urls import reverse

from hirelink.accounts.services import user_apply_role

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "staff", "superuser"),
    [
        ("hr_admin", True, True),
        ("recruiter", True, False),
        ("auditor", True, False),
        ("hiring_manager", False, False),
        ("interviewer", False, False),
    ],
)
def test_role_sets_admin_flags(user_factory, role, staff, superuser):
    user = user_apply_role(user=user_factory(role))
    assert (user.is_staff, user.is_superuser) == (staff, superuser)


def test_recruiter_configures_positions_but_only_views_candidates(user_factory):
    user = user_apply_role(user=user_factory("recruiter"))
    user = type(user).objects.get(pk=user.pk)  # fresh permission cache
    assert user.has_perm("positions.change_position")
    assert user.has_perm("interviews.change_question")
    assert user.has_perm("candidates.view_candidate")
    assert not user.has_perm("candidates.change_candidate")
    assert not user.has_perm("accounts.change_user")


def test_auditor_reads_but_cannot_change(user_factory):
    user = user_apply_role(user=user_factory("auditor"))
    user = type(user).objects.get(pk=user.pk)
    assert user.has_perm("privacy.view_auditlogentry")
    assert user.has_perm("positions.view_position")
    assert not user.has_perm("positions.change_position")


def test_changing_role_replaces_the_previous_permissions(user_factory, client):
    user = user_apply_role(user=user_factory("recruiter"))
    user.role = "interviewer"
    user_apply_role(user=user)
    user = type(user).objects.get(pk=user.pk)
    assert list(user.groups.values_list("name", flat=True)) == []
    client.force_login(user)
    assert client.get(reverse("admin:index")).status_code == 302
