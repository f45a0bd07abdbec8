"""Every URL × every role (anonymous and the five staff roles): who gets the page, who is refused.

`MATRIX` lists every named URL of the project. A new URL without an entry fails
`test_every_url_is_in_the_matrix`, so access rules are decided on purpose, not by accident.
Object URLs use an object outside the interviewer's and hiring manager's assignments: for them the answer must be
404, the same as for a missing object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from hirelink.candidates.states import ApplicationStatus
from hirelink.candidates.tests.factories import ApplicationFactory
from hirelink.privacy.models import AuditLogEntry

ROLES = ["anonymous", "hr_admin", "recruiter", "hiring_manager", "interviewer", "auditor"]
STAFF = ["hr_admin", "recruiter", "hiring_manager", "interviewer", "auditor"]


@dataclass(frozen=True)
class Rule:
    allowed: tuple[str, ...]  # roles that get 200 (or the listed success code)
    denied_status: int = 403  # what other signed-in roles get
    method: str = "get"
    ok_status: int = 200
    anonymous_status: int = 302  # redirect to login


def _everyone_signed_in(**kw: Any) -> Rule:
    return Rule(allowed=tuple(STAFF), **kw)


# name → (rule, kwargs builder taking the world dict)
MATRIX: dict[str, tuple[Rule, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    "home": (Rule(allowed=tuple(ROLES), ok_status=302, anonymous_status=302), lambda w: {}),
    # Signed-in users are sent on from the login page.
    "accounts:login": (Rule(allowed=tuple(ROLES), ok_status=302, anonymous_status=200), lambda w: {}),
    "accounts:logout": (
        Rule(allowed=tuple(ROLES), method="post", ok_status=302, anonymous_status=302),
        lambda w: {},
    ),
    "set_language": (
        Rule(allowed=tuple(ROLES), method="post", ok_status=302, anonymous_status=302),
        lambda w: {},
    ),
    "talent:candidate_list": (_everyone_signed_in(), lambda w: {}),
    "talent:candidate_profile": (
        Rule(allowed=("hr_admin", "recruiter", "auditor"), denied_status=404),
        lambda w: {"candidate_id": w["application"].candidate_id},
    ),
    "talent:records_import": (Rule(allowed=("hr_admin", "recruiter")), lambda w: {}),
    "privacy:audit_log": (Rule(allowed=("hr_admin", "auditor")), lambda w: {}),
    "admin:index": (
        Rule(allowed=("hr_admin", "recruiter", "auditor"), denied_status=302),
        lambda w: {},
    ),
}

# URL names not tested here, with the reason.
EXCLUDED_PREFIXES = {
    "admin:": "Django admin views beyond the index: guarded by Django's staff check and model permissions",
    "api:": "API endpoints: covered by each app's API permission tests",
}


def _walk(patterns: list[Any], namespace: str = "") -> Iterator[str]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def project_url_names() -> set[str]:
    return {name for name in _walk(get_resolver().url_patterns) if not name.startswith(tuple(EXCLUDED_PREFIXES))}


def test_every_url_is_in_the_matrix():
    assert sorted(project_url_names() - set(MATRIX)) == []


@pytest.fixture
def world(db, user_factory):
    from hirelink.accounts.services import user_apply_role

    users = {role: user_apply_role(user=user_factory(role, username=role)) for role in STAFF}
    application = ApplicationFactory.create(status=ApplicationStatus.INVITED)
    return {"users": users, "application": application}


CASES = [(name, role) for name in sorted(MATRIX) for role in ROLES]


@pytest.mark.parametrize(("name", "role"), CASES)
def test_permission_matrix(client, world, name, role):
    rule, kwargs = MATRIX[name]
    if role != "anonymous":
        client.force_login(world["users"][role])
    url = reverse(name, kwargs=kwargs(world))
    audit_before = AuditLogEntry.objects.count()
    response = getattr(client, rule.method)(url)
    allowed = role != "anonymous" and role in rule.allowed
    expected = rule.anonymous_status if role == "anonymous" else (rule.ok_status if allowed else rule.denied_status)
    assert response.status_code == expected
    # A refused request leaves no trace of access (nothing was shown, nothing changed).
    assert AuditLogEntry.objects.count() == audit_before or allowed
