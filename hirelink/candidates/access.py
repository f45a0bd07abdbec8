"""The only way a user-supplied id becomes a candidate or application. Missing and forbidden look the same."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from hirelink.candidates.models import Application, Candidate
from hirelink.candidates.selectors import applications_visible_to, candidates_visible_to


def access_candidate_by_id(*, user: Any, candidate_id: int) -> Candidate:
    candidate = candidates_visible_to(user=user).filter(pk=candidate_id).first()
    if candidate is None:
        raise Http404
    return candidate


def access_application_by_id(*, user: Any, application_id: int) -> Application:
    application = (
        applications_visible_to(user=user).select_related("candidate", "position").filter(pk=application_id).first()
    )
    if application is None:
        raise Http404
    return application
