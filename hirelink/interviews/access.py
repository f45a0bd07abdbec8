"""The only ways a user-supplied token or id becomes an interview object. Missing and forbidden look the same
(Http404). Candidates are identified by their personal token (no login); HR users by their visibility."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import Http404

from hirelink.candidates.selectors import applications_visible_to
from hirelink.interviews.models import Answer, InterviewSession, Invitation
from hirelink.interviews.services import token_hash

TOKEN_MAX_LENGTH = 100


def access_invitation_by_token(*, token: str) -> Invitation:
    """Look the token up by its SHA-256 (the unique index): the comparison is on a hash, so response time
    does not depend on how many leading characters of a guess match a real token."""
    if not token or len(token) > TOKEN_MAX_LENGTH:
        raise Http404
    invitation = (
        Invitation.objects.select_related("application__candidate", "application__position")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation


def access_session_by_token(*, token: str) -> InterviewSession | None:
    """The interview session behind a link, with its invitation and position (one query). None when the link
    is valid but the candidate has not consented yet; Http404 for a malformed token."""
    if not token or len(token) > TOKEN_MAX_LENGTH:
        raise Http404
    return (
        InterviewSession.objects.select_related("invitation__application__position")
        .filter(invitation__token_hash=token_hash(token))
        .first()
    )


def access_answer_by_upload_id(*, session: InterviewSession, upload_id: str) -> Answer:
    """An upload of THIS session only: another candidate's upload id is as unknown as a made-up one."""
    try:
        parsed = uuid.UUID(str(upload_id))
    except ValueError as exc:
        raise Http404 from exc
    answer = (
        Answer.objects.select_related("session_question__session")
        .filter(upload_id=parsed, session_question__session=session)
        .first()
    )
    if answer is None:
        raise Http404
    answer.session_question.session = session
    return answer


def access_answer_by_id(*, user: Any, answer_id: int) -> Answer:
    """HR side: an answer of an application the user may see."""
    answer = (
        Answer.objects.select_related("session_question__session__invitation__application")
        .filter(
            pk=answer_id,
            session_question__session__invitation__application__in=applications_visible_to(user=user),
        )
        .first()
    )
    if answer is None:
        raise Http404
    return answer


def access_answer_by_token_and_upload_id(*, token: str, upload_id: str) -> Answer:
    """The hot path of the upload protocol (one query): an upload of the session behind this token only."""
    if not token or len(token) > TOKEN_MAX_LENGTH:
        raise Http404
    try:
        parsed = uuid.UUID(str(upload_id))
    except ValueError as exc:
        raise Http404 from exc
    answer = (
        Answer.objects.select_related("session_question__session__invitation")
        .filter(upload_id=parsed, session_question__session__invitation__token_hash=token_hash(token))
        .first()
    )
    if answer is None:
        raise Http404
    return answer
