"""The objects the permission matrix requests: everything lives on a position that is NOT assigned to the
interviewer or the hiring manager, so for them every object URL must answer like a missing object."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile

from hirelink.accounts.services import user_apply_role
from hirelink.candidates.states import ApplicationStatus
from hirelink.candidates.tests.factories import ApplicationFactory
from hirelink.interviews.models import Answer
from hirelink.interviews.services import invitation_create, question_open, session_create, text_answer_submit
from hirelink.messaging.models import MessageTemplate, OutboundMessage
from hirelink.positions.tests.factories import PositionFactory
from hirelink.screening.models import BulkImport
from hirelink.screening.services import ruleset_ensure_active
from hirelink.workflows.models import DecisionReview, HrTask, WorkflowRule

STAFF = ["hr_admin", "recruiter", "hiring_manager", "interviewer", "auditor"]


def build_world(user_factory: Any) -> dict[str, Any]:
    users = {role: user_apply_role(user=user_factory(role, username=role)) for role in STAFF}
    position = PositionFactory.create(code="matrix", with_bank=True)
    application = ApplicationFactory.create(position=position, status=ApplicationStatus.INVITED)
    issued = invitation_create(actor=None, application=application)
    session = session_create(
        invitation=issued.invitation,
        ai_consent=True,
        biometric_consent=False,
        text_only=True,
        language="zh-hans",
        ip_address="127.0.0.1",
        user_agent="matrix",
    )
    question_open(session=session, position=1)
    text_answer_submit(session=session, position=1, text="首先倾听客户诉求，其次核实情况，最后跟进结果。")
    answer = Answer.objects.filter(session_question__session=session).first()
    assert answer is not None
    answer.media.save("matrix.webm", ContentFile(b"\x1aE\xdf\xa3 media bytes"))
    ruleset = ruleset_ensure_active(actor=None, position=position)
    return {
        "users": users,
        "position": position,
        "application": application,
        "token": issued.token,
        "session": session,
        "answer": answer,
        "ruleset": ruleset,
        "bulk": BulkImport.objects.create(position=position, created_by=users["recruiter"]),
        "review": DecisionReview.objects.create(application=application, recommendation="reject"),
        "rule": WorkflowRule.objects.order_by("pk").first(),
        "task": HrTask.objects.create(application=application, title="跟进", key="matrix-task"),
        "message": OutboundMessage.objects.create(
            idempotency_key="matrix",
            channel="email",
            recipient_kind="candidate",
            candidate=application.candidate,
            application=application,
            body="您好",
        ),
        "template": MessageTemplate.objects.order_by("pk").first(),
    }
