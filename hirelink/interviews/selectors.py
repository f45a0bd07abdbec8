"""Reads for interviews: the state a candidate's browser resumes from, and HR-facing summaries."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.utils import translation

from hirelink.core import clock
from hirelink.interviews.models import (
    Answer,
    AnswerStatus,
    IntegritySignal,
    InterviewSession,
    SessionQuestion,
    SessionStatus,
)
from hirelink.interviews.services import (
    TEXT_MAX_CHARS,
    TIME_GRACE_SECONDS,
    allowed_modes,
    current_position,
    effective_answer_start,
)

LIVE_ANSWER_STATUSES = (AnswerStatus.RECORDING, AnswerStatus.SAVED, AnswerStatus.PROCESSED)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def session_state(*, session: InterviewSession) -> dict[str, Any]:
    """Everything the interview page needs to (re)build itself after a reload: the questions with their
    clocks (server time included, so the browser can correct its own), the answers with upload progress."""
    english = (translation.get_language() or "").startswith("en")
    position = session.invitation.application.position
    questions = list(SessionQuestion.objects.filter(session=session).order_by("position"))
    answers: dict[int, list[Answer]] = {}
    for answer in Answer.objects.filter(session_question__session=session, status__in=LIVE_ANSWER_STATUSES).order_by(
        "attempt"
    ):
        answers.setdefault(answer.session_question_id, []).append(answer)
    current = current_position(session=session)
    items = []
    for question in questions:
        start = effective_answer_start(question=question)
        items.append(
            {
                "position": question.position,
                "text": question.text_en if english and question.text_en else question.text,
                "thinking_seconds": question.thinking_seconds,
                "answer_seconds": question.answer_seconds,
                "status": question.status,
                "shown_at": _iso(question.shown_at),
                "answer_started_at": _iso(start),
                "answers": [
                    {
                        "attempt": a.attempt,
                        "mode": a.mode,
                        "status": a.status,
                        "upload_id": str(a.upload_id) if a.upload_id else None,
                        "received_bytes": a.received_bytes,
                        "sha256": a.sha256,
                    }
                    for a in answers.get(question.pk, [])
                ],
            }
        )
    return {
        "status": session.status,
        "completed": session.status == SessionStatus.COMPLETED,
        "server_time": clock.now().isoformat(),
        "current": current,
        "modes": ["text"] if session.text_only else allowed_modes(session_or_position=session),
        "preferred_mode": session.answer_mode,
        "text_only": session.text_only,
        "allow_rerecord": position.allow_rerecord,
        "face_check": session.face_features_enabled,
        "grace_seconds": TIME_GRACE_SECONDS,
        "text_max_chars": TEXT_MAX_CHARS,
        "questions": items,
    }


def sessions_for_applications(*, applications: QuerySet[Any]) -> QuerySet[InterviewSession]:
    return InterviewSession.objects.filter(invitation__application__in=applications).select_related(
        "invitation__application__candidate"
    )


def integrity_summary(*, session: InterviewSession) -> dict[str, dict[str, int]]:
    """Per signal kind: how often and for how long in total (milliseconds). Facts, not a verdict."""
    rows = (
        IntegritySignal.objects.filter(session=session)
        .values("kind")
        .annotate(count=Count("id"), total_ms=Sum("duration_ms"))
        .order_by("kind")
    )
    return {row["kind"]: {"count": row["count"], "total_ms": row["total_ms"] or 0} for row in rows}
