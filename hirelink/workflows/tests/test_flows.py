"""The default flows end to end on the service level: a real status transition → outbox → workflow run →
message → the SMS sandbox (Tencent SendSms over HTTP) or the WeCom sandbox; HR approves a rejection by pressing
the card button in the WeCom sandbox, whose signed, encrypted callback goes through our view."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client

from hirelink.accounts.tests.factories import UserFactory
from hirelink.candidates.services import application_transition
from hirelink.candidates.tests.factories import ApplicationFactory
from hirelink.interviews.models import InvitationStatus
from hirelink.interviews.services import invitation_create
from hirelink.messaging.models import MessageStatus, OutboundMessage
from hirelink.positions.tests.factories import PositionFactory
from hirelink.workflows import engine
from hirelink.workflows.models import (
    DecisionReview,
    ReviewStatus,
    RunOutcome,
    ScheduledAction,
    SecondInterview,
    WorkflowRule,
    WorkflowRun,
)
from hirelink.workflows.results import InterviewResult
from hirelink.workflows.services import human_review_request, workflows_tick

pytestmark = pytest.mark.django_db


def _result(score: str, suggestions: list[str] | None = None) -> Any:
    def lookup(application: Any) -> InterviewResult:
        return InterviewResult(score=Decimal(score), threshold=70, suggestions=suggestions or [])

    return lookup


def _hr(**kwargs: Any) -> Any:
    return UserFactory.create(username="zhangwei", role="recruiter", wecom_userid="zhangwei", **kwargs)


def test_screened_in_sends_the_invitation_by_sms_with_link_and_schedules_the_reminder(
    sms: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given an application in screening, for a candidate who is not a WeCom contact
    application = ApplicationFactory.create(status="screening")
    # when the screen passes
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(actor="screening", application=application, to_status="invited")
    # then the invitation went out by SMS with the personal link, and the invitation is marked sent
    message = OutboundMessage.objects.get(template_key="invitation")
    invitation = application.invitations.get(status=InvitationStatus.SENT)
    assert (message.channel, message.status) == ("sms", MessageStatus.SENT)
    assert len(sms.messages) == 1
    sent = sms.messages[0]
    assert sent["template_id"] == "2001001"
    assert sent["phone"] == f"+86{application.candidate.phone}"
    assert urlsplit(sent["params"][3]).path.startswith("/i/")
    assert sent["params"][3] in message.body
    assert "需准备材料" in message.body
    # and a reminder is scheduled 24 h before the window closes
    reminder = ScheduledAction.objects.get(application=application)
    assert reminder.due_at == invitation.expires_at - dt.timedelta(hours=24)
    assert WorkflowRun.objects.get(rule__seed_key="invite-on-screened-in").outcome == RunOutcome.SUCCEEDED


def test_the_invitation_screening_created_is_the_one_sent(sms: Any, django_capture_on_commit_callbacks: Any) -> None:
    # given screening created the invitation (as it does when a résumé passes) and moved the application on
    application = ApplicationFactory.create(status="screening")
    with django_capture_on_commit_callbacks(execute=True):
        issued = invitation_create(actor="screening", application=application)
        application_transition(actor="screening", application=application, to_status="invited")
    # then the workflow sent that same invitation: one row, marked sent, its link in the message
    assert list(application.invitations.values_list("pk", "status")) == [(issued.invitation.pk, InvitationStatus.SENT)]
    assert f"/i/{issued.token}/" in OutboundMessage.objects.get(template_key="invitation").body


def test_reminder_is_sent_only_while_the_interview_has_not_started(
    sms: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given an invited candidate whose reminder is due
    application = ApplicationFactory.create(status="screening")
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(actor="screening", application=application, to_status="invited")
    reminder = ScheduledAction.objects.get(application=application)
    # when the periodic tick runs after the due time
    with django_capture_on_commit_callbacks(execute=True):
        counts = workflows_tick(now=reminder.due_at + dt.timedelta(seconds=1))
    # then the reminder with the same link went out once
    reminder.refresh_from_db()
    assert counts["reminders"] == 1
    assert reminder.outcome == "sent"
    assert [m["template_id"] for m in sms.messages] == ["2001001", "2001002"]
    assert sms.messages[1]["params"][3] == sms.messages[0]["params"][3]


def test_completed_interview_sends_the_progress_notice(sms: Any, django_capture_on_commit_callbacks: Any) -> None:
    # given a candidate in the interview
    application = ApplicationFactory.create(status="interviewing")
    # when the interview is completed
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(actor="interviews", application=application, to_status="interviewed")
    # then the "面试已完成，系统正在评分" notice is sent within the same moment
    message = OutboundMessage.objects.get(template_key="progress_notice")
    assert message.status == MessageStatus.SENT
    assert message.subject == "面试已完成，系统正在评分"
    assert [m["template_id"] for m in sms.messages] == ["2001003"]


def test_english_candidate_gets_the_english_template(sms: Any, django_capture_on_commit_callbacks: Any) -> None:
    # given a candidate who prefers English
    application = ApplicationFactory.create(status="interviewing", candidate__preferred_language="en")
    # when the interview is completed
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(actor="interviews", application=application, to_status="interviewed")
    # then the notice is the English one
    message = OutboundMessage.objects.get(template_key="progress_notice")
    assert (message.language, message.subject) == ("en", "Interview completed, scoring in progress")


def test_fail_waits_for_hr_who_approves_from_the_wecom_card_then_the_thank_you_letter_is_sent(
    sms: Any,
    wecom: Any,
    callback_recorder: Any,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # given a failed report (score 42 < 70) and an HR recruiter with a WeCom account
    monkeypatch.setattr(engine, "application_result", _result("42", ["回答时先给出结论，再展开步骤"]))
    hr = _hr()
    application = ApplicationFactory.create(status="interviewed")
    # when the report is ready
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(actor="scoring", application=application, to_status="scored")
    # then nothing goes to the candidate yet: the rejection waits in the review queue, HR got a card
    review = DecisionReview.objects.get(application=application)
    assert (review.status, review.recommendation, review.score) == (ReviewStatus.PENDING, "reject", Decimal("42.0"))
    assert not OutboundMessage.objects.filter(template_key="rejection_letter").exists()
    cards = [m for m in wecom.state.inbox("zhangwei") if m.get("msgtype") == "template_card"]
    assert len(cards) == 1
    # when HR presses 不通过 on the card in WeCom (signed, encrypted callback to our endpoint)
    wecom.state.press_button(cards[0]["id"], f"review:{review.pk}:reject")
    forwarded = callback_recorder.requests[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(forwarded["path"], data=forwarded["body"], content_type="text/xml")
    # then the view answered at once, the decision is recorded as HR's via WeCom and the letter went out
    assert (response.status_code, response.content) == (200, b"success")
    review.refresh_from_db()
    application.refresh_from_db()
    assert (review.status, review.decided_by, review.decided_via) == (ReviewStatus.REJECTED, hr, "wecom")
    assert application.status == "rejected"
    letter = OutboundMessage.objects.get(template_key="rejection_letter")
    assert letter.status == MessageStatus.SENT
    assert "1. 回答时先给出结论，再展开步骤" in letter.body
    assert sms.messages[-1]["template_id"] == "2001005"
    # and the card was greyed out in WeCom
    card = next(m for m in wecom.state.inbox("zhangwei") if m["id"] == cards[0]["id"])
    assert card["replace_name"] == "已确认不通过"


def test_pass_sends_the_second_interview_notice_and_a_wecom_schedule_for_the_interviewers(
    sms: Any, wecom: Any, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    # given a passing report and an interviewer assigned to the position
    monkeypatch.setattr(engine, "application_result", _result("85"))
    interviewer = UserFactory.create(username="wangqiang", role="interviewer", wecom_userid="wangqiang")
    position = PositionFactory.create(location="深圳福田", assignees=[interviewer])
    application = ApplicationFactory.create(status="interviewed", position=position)
    # when the report is ready
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(actor="scoring", application=application, to_status="scored")
    # then the application moved on, decided by the rule, and the notice has time, place and contact
    application.refresh_from_db()
    second = SecondInterview.objects.get(application=application)
    rule = WorkflowRule.objects.get(seed_key="result-on-report")
    assert application.status == "second_interview"
    assert list(application.events.values_list("actor_label", flat=True))[-1] == f"system:rule#{rule.pk}"
    notice = OutboundMessage.objects.get(template_key="second_interview_notice")
    assert notice.status == MessageStatus.SENT
    assert second.place in notice.body
    assert f"联系人：{second.contact_name}" in notice.body
    # and the interviewer has the schedule entry and a WeCom notice
    second.refresh_from_db()
    assert [(s["attendees"], s["location"]) for s in wecom.state.schedules] == [
        ([{"userid": "wangqiang"}], second.place)
    ]
    assert second.wecom_schedule_id == wecom.state.schedules[0]["schedule_id"]
    assert OutboundMessage.objects.get(template_key="second_interview_staff").status == MessageStatus.DELIVERED


def test_position_allowing_auto_rejection_sends_the_letter_without_approval(
    sms: Any, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    # given a position whose policy allows automatic rejections
    monkeypatch.setattr(engine, "application_result", _result("30"))
    position = PositionFactory.create(auto_reject_allowed=True)
    application = ApplicationFactory.create(status="interviewed", position=position)
    # when the failing report is ready
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(actor="scoring", application=application, to_status="scored")
    # then the rule decided, and says so
    application.refresh_from_db()
    rule = WorkflowRule.objects.get(seed_key="result-on-report")
    review = DecisionReview.objects.get(application=application)
    assert application.status == "rejected"
    assert (review.status, review.decided_by_label, review.decided_via) == (
        ReviewStatus.REJECTED,
        f"system:rule#{rule.pk}",
        "auto",
    )
    assert OutboundMessage.objects.get(template_key="rejection_letter").status == MessageStatus.SENT


def test_human_review_request_blocks_the_automatic_rejection(
    sms: Any, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    # given auto-rejection allowed, but the candidate asked for a human review
    monkeypatch.setattr(engine, "application_result", _result("30"))
    position = PositionFactory.create(auto_reject_allowed=True)
    application = ApplicationFactory.create(status="interviewed", position=position)
    human_review_request(application=application, reason="网络中断影响了作答")
    # when the failing report is ready
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(actor="scoring", application=application, to_status="scored")
    # then HR must decide
    application.refresh_from_db()
    review = DecisionReview.objects.get(application=application)
    assert application.status == "scored"
    assert (review.status, review.human_review_requested) == (ReviewStatus.PENDING, True)
    assert application.hr_tasks.get().title == "候选人申请人工复核"


def test_the_same_event_dispatched_twice_runs_each_rule_once(sms: Any, django_capture_on_commit_callbacks: Any) -> None:
    # given a completed interview whose event was handled
    application = ApplicationFactory.create(status="interviewing")
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(actor="interviews", application=application, to_status="interviewed")
    run = WorkflowRun.objects.get(rule__seed_key="progress-on-completed")
    # when the outbox hands the same event to the consumer again (a re-drive)
    from hirelink.core.models import OutboxEvent
    from hirelink.workflows.consumers import consume

    with django_capture_on_commit_callbacks(execute=True):
        consume(OutboxEvent.objects.get(pk=run.event_id))
    # then there is still one run and one message
    assert WorkflowRun.objects.filter(rule__seed_key="progress-on-completed").count() == 1
    assert OutboundMessage.objects.filter(template_key="progress_notice").count() == 1
    assert len(sms.messages) == 1
