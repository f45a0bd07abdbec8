"""Writes for workflows: HR decisions on the review queue (web and WeCom card), candidates' requests for human
review, rule editing, HR tasks, the periodic tick, the WeCom schedule entry and WeCom callbacks."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q

from hirelink.accounts import permissions
from hirelink.candidates.models import Application
from hirelink.candidates.selectors import applications_visible_to
from hirelink.candidates.services import application_transition
from hirelink.candidates.states import ApplicationStatus
from hirelink.core import clock
from hirelink.core.tasks import enqueue_on_commit
from hirelink.messaging.models import Channel
from hirelink.messaging.rendering import template_check
from hirelink.messaging.services import deliveries_redrive_due, message_send
from hirelink.privacy.models import AuditAction
from hirelink.privacy.services import audit_record
from hirelink.workflows.conditions import conditions_validate
from hirelink.workflows.engine import (
    ACTIONS,
    absolute_url,
    run_execute,
    scheduled_action_execute,
    second_interview_ensure,
    staff_recipients,
)
from hirelink.workflows.errors import (
    DecisionForbiddenError,
    ReviewAlreadyDecidedError,
    ReviewOutdatedError,
    RuleInvalidError,
)
from hirelink.workflows.models import (
    DecisionReview,
    HrTask,
    HrTaskStatus,
    HumanReviewRequest,
    ReviewStatus,
    RunOutcome,
    ScheduledAction,
    SecondInterview,
    WecomCallbackReceipt,
    WorkflowRule,
    WorkflowRun,
)

logger = logging.getLogger(__name__)

DECISIONS = ("reject", "pass")


def _label(actor: Any) -> str:
    if getattr(actor, "is_authenticated", False):
        return str(actor.username)
    return str(actor or "system")


def _check_may_decide(actor: Any, review: DecisionReview) -> None:
    if isinstance(actor, str):
        return  # a rule ("system:rule#id")
    if not permissions.can_write_candidates(actor):
        raise DecisionForbiddenError
    if not applications_visible_to(user=actor).filter(pk=review.application_id).exists():
        raise DecisionForbiddenError


@transaction.atomic
def review_decide(
    *,
    review: DecisionReview,
    actor: Any,
    decision: str,
    via: str = "web",
    subject: str = "",
    body: str = "",
    note: str = "",
    schedule: dict[str, Any] | None = None,
) -> DecisionReview:
    """HR (or a rule) decides a pending result. "reject" confirms the rejection: the application moves to
    rejected and the thank-you letter rule sends the (optionally edited) letter. "pass" overrides the
    recommendation: a 复试 is scheduled and the application moves to second_interview."""
    if decision not in DECISIONS:
        raise RuleInvalidError(f"decision {decision!r}")
    _check_may_decide(actor, review)
    locked = DecisionReview.objects.select_for_update().get(pk=review.pk)
    if locked.status != ReviewStatus.PENDING:
        raise ReviewAlreadyDecidedError
    application = Application.objects.select_related("position__department", "candidate").get(pk=locked.application_id)
    if application.status != ApplicationStatus.SCORED:
        raise ReviewOutdatedError
    if body:
        template_check(body)
    label = _label(actor)
    locked.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    locked.decided_by_label = label[:64]
    locked.decided_via = via[:16]
    locked.decided_at = clock.now()
    locked.decision_note = note[:500]
    if decision == "reject":
        locked.status = ReviewStatus.REJECTED
        locked.message_subject = subject[:200]
        locked.message_body = body
        locked.save()
        application_transition(
            actor=actor, application=application, to_status=ApplicationStatus.REJECTED, reason="HR审批：确认不通过"
        )
    else:
        locked.status = ReviewStatus.PASSED
        locked.save()
        defaults: dict[str, Any] = {}
        if locked.run is not None:
            for spec in locked.run.rule.actions or []:
                if spec.get("type") == "decide_result":
                    defaults = dict(spec.get("second_interview", {}))
        second_interview_ensure(
            application=application,
            defaults=defaults,
            created_by=label,
            **{k: v for k, v in (schedule or {}).items() if v},
        )
        application_transition(
            actor=actor,
            application=application,
            to_status=ApplicationStatus.SECOND_INTERVIEW,
            reason="HR审批：改为通过，安排复试",
        )
    HumanReviewRequest.objects.filter(application=application, handled_at__isnull=True).update(
        handled_at=clock.now(), handled_by=locked.decided_by
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="decision_review",
        object_id=locked.pk,
        candidate_id=application.candidate_id,
        summary=f"{decision} via {via}",
        changes={"decision": decision, "edited_letter": bool(body), "note": note[:200]},
    )
    logger.info(
        "workflows.review.decided",
        extra={"review_id": locked.pk, "decision": decision, "via": via, "actor": label},
    )
    return locked


def reviews_batch_reject(*, reviews: list[DecisionReview], actor: Any) -> tuple[int, list[str]]:
    """Approve many recommended rejections at once; each in its own transaction. Returns (done, problems)."""
    done, problems = 0, []
    for review in reviews:
        try:
            review_decide(review=review, actor=actor, decision="reject", via="batch")
            done += 1
        except (ReviewAlreadyDecidedError, ReviewOutdatedError, DecisionForbiddenError) as exc:
            problems.append(f"#{review.pk}: {exc.message}")
    return done, problems


@transaction.atomic
def human_review_request(
    *, application: Application, reason: str = "", source: str = "candidate_link"
) -> HumanReviewRequest:
    """A candidate asks for a human to review the automated result (called from the candidate's link). The
    request is recorded; a pending result gets the flag (and can no longer be rejected automatically); HR
    gets a task and a notice."""
    request = HumanReviewRequest.objects.create(application=application, reason=reason[:2000], source=source[:32])
    DecisionReview.objects.filter(application=application, status=ReviewStatus.PENDING).update(
        human_review_requested=True
    )
    task = HrTask.objects.create(
        application=application,
        key=f"human-review:{request.pk}",
        title="候选人申请人工复核",
        description=reason[:2000],
        role="recruiter",
        created_by_label=f"candidate:{application.candidate_id}",
    )
    for user in staff_recipients(application, "hr"):
        message_send(
            idempotency_key=f"human-review:{request.pk}:u{user.pk}",
            template_key="hr_human_review",
            context={
                "candidate": {"name": application.candidate.name},
                "position": {"title": application.position.title},
                "reason": reason,
                "hr_url": absolute_url(f"/talent/candidates/{application.candidate_id}/"),
            },
            channels=[Channel.WECOM_APP, Channel.EMAIL],
            user=user,
            application=application,
            origin=f"candidate:{application.candidate_id}",
            payload={"format": "markdown"},
        )
    audit_record(
        actor=f"candidate:{application.candidate_id}",
        action=AuditAction.CREATE,
        object_type="human_review_request",
        object_id=request.pk,
        candidate_id=application.candidate_id,
        summary=source,
        changes={"task_id": task.pk},
    )
    return request


def rule_validate(*, trigger: str, conditions: Any, actions: Any) -> None:
    problems = conditions_validate(conditions)
    if not trigger.strip():
        problems.append("trigger is empty")
    if not isinstance(actions, list) or not actions:
        problems.append("at least one action")
    else:
        for index, spec in enumerate(actions, start=1):
            if not isinstance(spec, dict) or spec.get("type") not in ACTIONS:
                problems.append(
                    f"action #{index}: unknown type {spec.get('type') if isinstance(spec, dict) else spec!r}"
                )
            elif spec["type"] in ("send_message",) and not spec.get("template"):
                problems.append(f"action #{index}: template is required")
            elif spec["type"] == "move_status" and spec.get("to") not in ApplicationStatus.values:
                problems.append(f"action #{index}: unknown status {spec.get('to')!r}")
    if problems:
        raise RuleInvalidError("; ".join(problems))


@transaction.atomic
def rule_save(*, actor: Any, rule: WorkflowRule, **fields: Any) -> WorkflowRule:
    for name, value in fields.items():
        setattr(rule, name, value)
    rule_validate(trigger=rule.trigger, conditions=rule.conditions, actions=rule.actions)
    rule.save()
    logger.info("workflows.rule.saved", extra={"rule_id": rule.pk, "actor": _label(actor)})
    return rule


@transaction.atomic
def hr_task_complete(*, task: HrTask, actor: Any) -> HrTask:
    if task.status != HrTaskStatus.DONE:
        task.status = HrTaskStatus.DONE
        task.done_by = actor if getattr(actor, "is_authenticated", False) else None
        task.done_at = clock.now()
        task.save(update_fields=["status", "done_by", "done_at", "updated_at"])
    return task


def workflows_tick(*, now: dt.datetime | None = None) -> dict[str, int]:
    """The periodic sweep (call every few seconds from the worker loop, or `manage.py workflows_tick`):
    delayed runs that are due, lost run tasks, scheduled reminders, message retries, WeCom schedule entries."""
    now = now or clock.now()
    run_ids = list(
        WorkflowRun.objects.filter(outcome=RunOutcome.PENDING, due_at__lte=now)
        .filter(Q(rule__delay_seconds__gt=0) | Q(created_at__lt=now - dt.timedelta(seconds=10)))
        .values_list("pk", flat=True)[:200]
    )
    for run_id in sorted(set(run_ids)):
        run_execute(run_id=run_id)
    reminders = 0
    for scheduled_id in ScheduledAction.objects.filter(done_at__isnull=True, due_at__lte=now).values_list(
        "pk", flat=True
    )[:200]:
        with transaction.atomic():
            scheduled = ScheduledAction.objects.select_for_update().get(pk=scheduled_id)
            if scheduled.done_at is not None:
                continue
            try:
                with transaction.atomic():
                    scheduled.outcome = scheduled_action_execute(scheduled=scheduled)
            except Exception as exc:
                logger.exception("workflows.scheduled.failed", extra={"scheduled_id": scheduled_id})
                scheduled.outcome, scheduled.error = "failed", repr(exc)[:2000]
            scheduled.done_at = clock.now()
            scheduled.save(update_fields=["outcome", "error", "done_at"])
            reminders += 1
    redriven = deliveries_redrive_due(now=now)
    schedules = 0
    for second_id in SecondInterview.objects.filter(
        wecom_schedule_id="", created_at__lt=now - dt.timedelta(seconds=60), starts_at__gt=now
    ).values_list("pk", flat=True)[:50]:
        schedules += bool(second_interview_schedule_sync(second_interview_id=second_id))
    return {"runs": len(set(run_ids)), "reminders": reminders, "messages": len(redriven), "schedules": schedules}


def second_interview_schedule_sync(*, second_interview_id: int) -> str:
    """Create the interviewers' WeCom schedule entry (oa/schedule/add) once; returns the schedule id."""
    from hirelink.integrations.wecom.client import WeComClient
    from hirelink.integrations.wecom.config import app_config_from_settings
    from hirelink.integrations.wecom.errors import WeComError

    second = SecondInterview.objects.select_related("application__candidate", "application__position").get(
        pk=second_interview_id
    )
    if second.wecom_schedule_id:
        return second.wecom_schedule_id
    userids = [u.wecom_userid for u in second.interviewers.all() if u.wecom_userid]
    if not userids:
        return ""
    start = int(second.starts_at.timestamp())
    try:
        with WeComClient(app_config_from_settings()) as api:
            schedule_id = api.schedule_add(
                organizer=userids[0],
                attendees=userids,
                start_time=start,
                end_time=start + second.duration_minutes * 60,
                summary=f"复试：{second.application.candidate.name} · {second.application.position.title}",
                description=f"联系人：{second.contact_name} {second.contact_phone}",
                location=second.place,
            )
    except WeComError as exc:
        logger.warning("workflows.schedule.failed", extra={"second_interview_id": second.pk, "error": str(exc)})
        return ""
    SecondInterview.objects.filter(pk=second.pk, wecom_schedule_id="").update(wecom_schedule_id=schedule_id)
    return schedule_id


# ----------------------------------------------------------------------------------------------- WeCom callbacks
def wecom_callback_receive(*, dedupe_key: str, message: dict[str, Any]) -> WecomCallbackReceipt | None:
    """Store a verified callback and queue its processing. None for a replay (already received)."""
    from hirelink.workflows.tasks import wecom_callback_task

    try:
        with transaction.atomic():
            receipt = WecomCallbackReceipt.objects.create(dedupe_key=dedupe_key[:200], message=message)
            enqueue_on_commit(wecom_callback_task, receipt.pk)
    except IntegrityError:
        return None
    return receipt


def wecom_callback_process(*, receipt_id: int) -> str:
    """Act on a card button: review:<id>:pass | review:<id>:reject | review:<id>:view, pressed by a staff member
    identified by their WeCom userid. Permission is checked exactly as on the web."""
    with transaction.atomic():
        receipt = WecomCallbackReceipt.objects.select_for_update().get(pk=receipt_id)
        if receipt.processed_at is not None:
            return receipt.outcome
        outcome, error = _callback_act(receipt.message)
        receipt.processed_at = clock.now()
        receipt.outcome, receipt.error = outcome, error[:2000]
        receipt.save(update_fields=["processed_at", "outcome", "error"])
    logger.info("workflows.wecom_callback.processed", extra={"receipt_id": receipt_id, "outcome": outcome})
    return outcome


def _callback_act(message: dict[str, Any]) -> tuple[str, str]:
    if message.get("MsgType") != "event" or message.get("Event") != "template_card_event":
        return "ignored", ""
    parts = str(message.get("EventKey", "")).split(":")
    if len(parts) != 3 or parts[0] != "review" or not parts[1].isdigit() or parts[2] not in ("pass", "reject", "view"):
        return "ignored", "unknown button"
    user = get_user_model().objects.filter(wecom_userid=message.get("FromUserName", ""), is_active=True).first()
    if user is None:
        return "forbidden", "unknown WeCom user"
    review = DecisionReview.objects.filter(pk=int(parts[1]), application__in=applications_visible_to(user=user)).first()
    if review is None:
        return "forbidden", "review not visible to this user"
    if parts[2] == "view":
        message_send(
            idempotency_key=f"card-view:{review.pk}:u{user.pk}:{message.get('CreateTime', '')}",
            template_key="hr_report_link",
            context={
                "candidate": {"name": review.application.candidate.name},
                "url": absolute_url(f"/workflows/reviews/{review.pk}/"),
            },
            channels=[Channel.WECOM_APP],
            user=user,
            application=review.application,
            origin=f"wecom:{user.username}",
        )
        return "view", ""
    try:
        with transaction.atomic():
            review_decide(review=review, actor=user, decision=parts[2], via="wecom")
    except (ReviewAlreadyDecidedError, ReviewOutdatedError, DecisionForbiddenError) as exc:
        return "refused", str(exc.message)
    response_code = str(message.get("ResponseCode", ""))
    if response_code:
        from hirelink.workflows.tasks import wecom_card_update_task

        enqueue_on_commit(
            wecom_card_update_task, response_code, "已通过" if parts[2] == "pass" else "已确认不通过", user.wecom_userid
        )
    return parts[2], ""


def wecom_card_update(*, response_code: str, replace_name: str, userid: str) -> None:
    from hirelink.integrations.wecom.client import WeComClient
    from hirelink.integrations.wecom.config import app_config_from_settings
    from hirelink.integrations.wecom.errors import WeComError

    try:
        with WeComClient(app_config_from_settings()) as api:
            api.update_template_card_button(response_code=response_code, replace_name=replace_name, userids=[userid])
    except WeComError as exc:
        logger.warning("workflows.card_update.failed", extra={"error": str(exc)})
