"""Every URL × every role (anonymous and the five staff roles) × GET and POST: who gets in, who is refused.

`MATRIX` lists every named URL of the project with the expected status for
(anonymous, hr_admin, recruiter, hiring_manager, interviewer, auditor), once for GET and once for POST.
A new URL without an entry fails `test_every_url_is_in_the_matrix`, so access is decided on purpose.
All objects live on a position that is not assigned to the hiring manager or the interviewer: for them every
object URL answers 404, exactly like a missing object. A refused request changes nothing in the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.permission_world import build_world

ROLES = ("anonymous", "hr_admin", "recruiter", "hiring_manager", "interviewer", "auditor")
Kwargs = Callable[[dict[str, Any]], dict[str, Any]]


def _none(w: dict[str, Any]) -> dict[str, Any]:
    return {}


def _candidate(w: dict[str, Any]) -> dict[str, Any]:
    return {"candidate_id": w["application"].candidate_id}


def _position(w: dict[str, Any]) -> dict[str, Any]:
    return {"position_id": w["position"].pk}


def _session(w: dict[str, Any]) -> dict[str, Any]:
    return {"session_id": w["session"].pk}


def _token(w: dict[str, Any]) -> dict[str, Any]:
    return {"token": w["token"]}


def row(get: str, post: str, kwargs: Kwargs = _none) -> tuple[tuple[int, ...], tuple[int, ...], Kwargs]:
    return tuple(int(x) for x in get.split()), tuple(int(x) for x in post.split()), kwargs


#            GET: anon hr   rec  mgr  int  aud        POST: anon hr  rec  mgr  int  aud
MATRIX = {
    "home": row("302 302 302 302 302 302", "302 302 302 302 302 302"),
    "accounts:login": row("200 302 302 302 302 302", "200 302 302 302 302 302"),
    "accounts:logout": row("405 405 405 405 405 405", "302 302 302 302 302 302"),
    "set_language": row("302 302 302 302 302 302", "302 302 302 302 302 302"),
    # HR pages without an object: signed-in staff by role; lists are scoped to what each may see.
    "talent:candidate_list": row("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "talent:records_import": row("302 200 200 403 403 403", "302 200 200 403 403 403"),
    "privacy:audit_log": row("302 200 403 403 403 200", "302 200 403 403 403 200"),
    "admin:index": row("302 200 200 302 302 200", "302 200 200 302 302 200"),
    "workflows:review_list": row("302 200 200 404 404 404", "302 302 302 404 404 404"),
    "workflows:rule_list": row("302 200 200 404 404 404", "302 200 200 404 404 404"),
    "workflows:rule_new": row("302 200 200 404 404 404", "302 200 200 404 404 404"),
    "workflows:run_list": row("302 200 200 404 404 404", "302 200 200 404 404 404"),
    "messaging:dashboard": row("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "messaging:template_list": row("302 200 200 404 404 404", "302 200 200 404 404 404"),
    "screening:position_list": row("302 200 200 200 200 200", "302 200 200 200 200 200"),
    # Objects on an unassigned position: 404 for the hiring manager and the interviewer.
    "talent:candidate_profile": row("302 200 200 404 404 200", "302 200 200 404 404 200", _candidate),
    "talent:candidate_erase": row("302 200 404 404 404 404", "302 200 404 404 404 404", _candidate),
    "workflows:review_detail": row(
        "302 200 200 404 404 404", "302 200 200 404 404 404", lambda w: {"review_id": w["review"].pk}
    ),
    "workflows:rule_edit": row(
        "302 200 200 404 404 404", "302 200 200 404 404 404", lambda w: {"rule_id": w["rule"].pk}
    ),
    "workflows:task_complete": row(
        "302 405 405 405 405 405", "302 302 302 404 404 404", lambda w: {"task_id": w["task"].pk}
    ),
    "messaging:message_detail": row(
        "302 200 200 404 404 200", "302 200 200 404 404 200", lambda w: {"message_id": w["message"].pk}
    ),
    "messaging:template_edit": row(
        "302 200 200 404 404 404", "302 200 200 404 404 404", lambda w: {"template_id": w["template"].pk}
    ),
    "screening:rule_editor": row("302 200 200 404 404 200", "302 400 400 404 404 404", _position),
    "screening:rule_assistant": row("302 405 405 405 405 405", "302 400 400 404 404 404", _position),
    "screening:rule_versions": row("302 200 200 404 404 200", "302 200 200 404 404 200", _position),
    "screening:rule_restore": row(
        "302 405 405 405 405 405",
        "302 302 302 404 404 404",
        lambda w: {"position_id": w["position"].pk, "ruleset_id": w["ruleset"].pk},
    ),
    "screening:rescreen": row("302 200 200 404 404 404", "302 302 302 404 404 404", _position),
    "screening:upload": row("302 200 200 404 404 404", "302 400 400 404 404 404", _position),
    "screening:bulk_detail": row(
        "302 200 200 404 404 404", "302 200 200 404 404 404", lambda w: {"bulk_id": w["bulk"].pk}
    ),
    "screening:application_verdict": row(
        "302 200 200 404 404 200", "302 200 200 404 404 200", lambda w: {"application_id": w["application"].pk}
    ),
    "interviews:hr_answer_media": row(
        "302 200 200 404 404 200", "302 405 405 405 405 405", lambda w: {"answer_id": w["answer"].pk}
    ),
    "scoring:report": row("302 200 200 404 404 200", "302 405 405 405 405 405", _session),
    "scoring:report_pdf": row("302 409 409 404 404 409", "302 405 405 405 405 405", _session),
    "scoring:report_progress": row("302 200 200 404 404 200", "302 405 405 405 405 405", _session),
    "scoring:report_retry": row("302 405 405 405 405 405", "302 302 302 404 404 404", _session),
    # Public pages: the candidate's personal link works for whoever holds it, with no login.
    "apply:apply": row("200 200 200 200 200 200", "400 400 400 400 400 400", lambda w: {"code": w["position"].code}),
    "interviews:landing": row("200 200 200 200 200 200", "405 405 405 405 405 405", _token),
    "interviews:guide_video": row("302 302 302 302 302 302", "405 405 405 405 405 405", _token),
    "interviews:consent": row("302 302 302 302 302 302", "302 302 302 302 302 302", _token),
    "interviews:check": row("200 200 200 200 200 200", "405 405 405 405 405 405", _token),
    "interviews:interview": row("200 200 200 200 200 200", "405 405 405 405 405 405", _token),
    "interviews:done": row("302 302 302 302 302 302", "405 405 405 405 405 405", _token),
    # WeCom: unsigned callbacks are refused; sign-in starts at WeCom's authorize page.
    "wecom_callback": row("400 400 400 400 400 400", "400 400 400 400 400 400"),
    "wecom_oauth": row("302 302 302 302 302 302", "405 405 405 405 405 405"),
    "wecom_oauth_callback": row("403 403 403 403 403 403", "405 405 405 405 405 405"),
}

EXCLUDED_PREFIXES = {
    "admin:": "Django admin views beyond the index: Django's staff check and the role's model permissions",
    "api:": "JSON API endpoints: each app's API tests check session auth and object access",
}
REFUSED = {400, 403, 404, 405, 409}  # and anything an anonymous visitor gets


def _walk(patterns: list[Any], namespace: str = "") -> Iterator[str]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def test_every_url_is_in_the_matrix():
    names = {n for n in _walk(get_resolver().url_patterns) if not n.startswith(tuple(EXCLUDED_PREFIXES))}
    names.add("admin:index")  # the one admin URL checked here: who may enter the admin at all
    assert sorted(names ^ set(MATRIX)) == []


def _fingerprint() -> dict[str, int]:
    """Row counts of every HireLink table: a refused request must leave all of them as they were."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model.__module__.startswith("hirelink.") and model._meta.app_label != "privacy"
    }


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(client, user_factory, settings, tmp_path, name):
    # given the world, with every object on an unassigned position
    settings.MEDIA_ROOT = tmp_path
    world = build_world(user_factory)
    expected_get, expected_post, kwargs = MATRIX[name]
    url = reverse(name, kwargs=kwargs(world))
    observed: dict[str, list[int]] = {"get": [], "post": []}
    unchanged: list[bool] = []
    # when each role requests the URL with GET and with an empty POST
    for role in ROLES:
        for method in ("get", "post"):
            client.logout()
            if role != "anonymous":
                client.force_login(world["users"][role])
            before = _fingerprint()
            status = getattr(client, method)(url).status_code
            observed[method].append(status)
            refused = role == "anonymous" or status in REFUSED
            unchanged.append(not refused or _fingerprint() == before)
    # then each gets exactly the expected answer, and no refused request changed anything
    assert (tuple(observed["get"]), tuple(observed["post"])) == (expected_get, expected_post)
    assert all(unchanged)
