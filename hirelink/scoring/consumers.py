"""Outbox consumer (settings.OUTBOX_CONSUMERS): start analysis when an answer is prepared, and make sure every
answer of a finished interview is analysed and the report built. Lower layers only record events."""

from __future__ import annotations

import logging

from hirelink.candidates.states import ApplicationStatus
from hirelink.core.models import OutboxEvent
from hirelink.interviews.models import Answer, AnswerStatus
from hirelink.scoring import services
from hirelink.scoring.selectors import latest_session_for_application

logger = logging.getLogger(__name__)


def consume(event: OutboxEvent) -> None:
    if event.name == "answer.prepared":
        answer = (
            Answer.objects.select_related("session_question")
            .filter(pk=int(event.payload.get("answer_id") or 0))
            .first()
        )
        if answer is not None and answer.status == AnswerStatus.PROCESSED:
            services.analysis_request(answer=answer)
    elif event.name == "application.status_changed" and event.payload.get("to") == ApplicationStatus.INTERVIEWED:
        session = latest_session_for_application(application_id=int(event.payload.get("application_id") or 0))
        if session is not None:
            services.session_analysis_request(session=session)
            logger.info("scoring.session.requested", extra={"session_id": session.pk})
