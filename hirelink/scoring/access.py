"""The only way a user-supplied session id becomes an interview session on the scoring side. Visibility is the
application's (hirelink.candidates.selectors.applications_visible_to): interviewers and hiring managers see
only their assigned positions. Missing and forbidden look the same (Http404)."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from hirelink.candidates.selectors import applications_visible_to
from hirelink.interviews.models import InterviewSession


def access_session_by_id(*, user: Any, session_id: int) -> InterviewSession:
    session = (
        InterviewSession.objects.select_related(
            "invitation__application__candidate", "invitation__application__position"
        )
        .filter(pk=session_id, invitation__application__in=applications_visible_to(user=user))
        .first()
    )
    if session is None:
        raise Http404
    return session
