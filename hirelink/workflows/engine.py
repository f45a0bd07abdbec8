"""The workflow engine: match rules to an event, run each rule's actions (a handler registry), log every run.

consume(event) (the outbox consumer, inside the dispatcher's transaction) only creates one WorkflowRun per
matching rule (unique per rule and event) and queues it; `run_execute` does the work in a task, all actions of
a run in one transaction, messages delivered after commit. A failing run is rolled back and logged as FAILED
with its error; other rules are unaffected."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.functional import Promise, SimpleLazyObject
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _lazy

from hirelink.accounts.models import Role
from hirelink.candidates.models import Application
from hirelink.candidates.services import application_transition
from hirelink.candidates.states import ApplicationStatus
from hirelink.core import clock
from hirelink.core.models import OutboxEvent
from hirelink.core.tasks import enqueue_on_commit
from hirelink.interviews.models import Invitation, InvitationStatus
from hirelink.interviews.services import invitation_create, invitation_open_for_sending
from hirelink.messaging.models import Channel
from hirelink.messaging.rendering import Rendered, language_for
from hirelink.messaging.services import message_send
from hirelink.workflows.conditions import conditions_hold
from hirelink.workflows.models import (
    DecisionReview,
    HrTask,
    Recommendation,
    ReviewStatus,
    RunOutcome,
    ScheduledAction,
    SecondInterview,
    WorkflowRule,
    WorkflowRun,
)
from hirelink.workflows.results import InterviewResult, application_result

logger = logging.getLogger(__name__)

STAFF_CHANNELS: list[str] = [Channel.WECOM_APP.value, Channel.EMAIL.value]
OPEN_INVITATION = (InvitationStatus.PENDING, InvitationStatus.SENT, InvitationStatus.OPENED)


# ----------------------------------------------------------------------------------------------- matching
def rules_for(*, event_name: str, application: Application, payload: dict[str, Any]) -> list[WorkflowRule]:
    """Active rules for this event and position: the position's own rules plus the global defaults that no
    active rule of the position replaces; status filters applied."""
    rules = list(
        WorkflowRule.objects.filter(is_active=True, trigger=event_name)
        .filter(Q(position__isnull=True) | Q(position_id=application.position_id))
        .order_by("priority", "id")
    )
    replaced = {r.replaces_id for r in rules if r.position_id is not None and r.replaces_id}
    selected = []
    for rule in rules:
        if rule.pk in replaced:
            continue
        if rule.from_status and rule.from_status != payload.get("from"):
            continue
        if rule.to_status and rule.to_status != payload.get("to"):
            continue
        selected.append(rule)
    return selected


def runs_create(*, event: OutboxEvent, execute_now: bool = False) -> list[WorkflowRun]:
    """One run per matching rule (idempotent per rule and event). Runs without delay are executed right away
    when `execute_now` (the outbox dispatcher's worker task), else queued as their own task."""
    application_id = event.payload.get("application_id")
    if not application_id:
        return []
    application = Application.objects.filter(pk=application_id).first()
    if application is None:
        return []
    event_at = _parse_at(event.payload.get("at")) or event.created_at
    created: list[WorkflowRun] = []
    for rule in rules_for(event_name=event.name, application=application, payload=event.payload):
        run, is_new = WorkflowRun.objects.get_or_create(
            rule=rule,
            event_id=event.pk,
            defaults={
                "event_name": event.name,
                "event_at": event_at,
                "application": application,
                "due_at": clock.now() + dt.timedelta(seconds=rule.delay_seconds),
            },
        )
        if is_new:
            created.append(run)
            if rule.delay_seconds == 0 and execute_now:
                run_execute(run_id=run.pk)
            elif rule.delay_seconds == 0:
                from hirelink.workflows.tasks import workflow_run_task

                enqueue_on_commit(workflow_run_task, run.pk)
    return created


def _parse_at(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


# ----------------------------------------------------------------------------------------------- context
@dataclass
class RunContext:
    rule: WorkflowRule
    run: WorkflowRun | None
    application: Application
    event_id: int
    event_at: dt.datetime
    payload: dict[str, Any]
    _result: InterviewResult | None = field(default=None, repr=False)

    @property
    def actor(self) -> str:
        return self.rule.label

    @property
    def result(self) -> InterviewResult:
        if self._result is None:
            self._result = application_result(self.application)
        return self._result

    def key(self, index: int, tag: str) -> str:
        return f"wf:{self.event_id}:{self.rule.pk}:{index}:{tag}"[:200]


def facts_for(ctx: RunContext) -> dict[str, Any]:
    application, position, candidate = ctx.application, ctx.application.position, ctx.application.candidate
    facts: dict[str, Any] = {
        "event.from": ctx.payload.get("from"),
        "event.to": ctx.payload.get("to"),
        "position.code": position.code,
        "position.id": position.pk,
        "position.auto_reject_allowed": position.auto_reject_allowed,
        "application.channel": application.channel,
        "application.status": application.status,
        "candidate.preferred_language": candidate.preferred_language,
    }
    fields = {str(c.get("field", "")) for c in ctx.rule.conditions or []}
    if "candidate.has_wecom" in fields:
        facts["candidate.has_wecom"] = hasattr(candidate, "wecom_contact")
    if any(name.startswith("result.") for name in fields):
        facts["result.score"] = ctx.result.score
        facts["result.passed"] = ctx.result.passed
    return facts


def absolute_url(path: str) -> str:
    return f"{settings.HIRELINK_BASE_URL.rstrip('/')}{path}"


def interview_link(token: str) -> str:
    """The candidate's personal link: the interview app's landing page for the token."""
    try:
        return absolute_url(reverse("interviews:landing", args=[token]))
    except NoReverseMatch:
        return absolute_url(f"/i/{token}/")


def message_context(application: Application, *, language: str, **extra: Any) -> dict[str, Any]:
    candidate, position = application.candidate, application.position
    english = language == "en"
    return {
        "candidate": {"name": (candidate.name_en or candidate.name) if english else candidate.name},
        "position": {
            "title": (position.title_en or position.title) if english else position.title,
            "location": position.location,
            "department": (position.department.name_en or position.department.name)
            if english
            else position.department.name,
        },
        "application_id": application.pk,
        "second_interview": SimpleLazyObject(lambda: SecondInterview.objects.filter(application=application).first()),
        "hr_url": absolute_url(reverse("workflows:review_list")),
        **extra,
    }


def staff_recipients(application: Application, who: str) -> list[Any]:
    user_model = get_user_model()
    active = user_model.objects.filter(is_active=True).order_by("id")
    position = application.position
    if who == "interviewers":
        qs: QuerySet[Any] = active.filter(assigned_positions=position, role__in=[Role.HIRING_MANAGER, Role.INTERVIEWER])
    elif who.startswith("role:"):
        qs = active.filter(role=who.removeprefix("role:"))
    else:  # "hr": the recruiters assigned to the position, else every HR user
        hr_roles = [Role.HR_ADMIN, Role.RECRUITER]
        assigned = active.filter(assigned_positions=position, role__in=hr_roles)
        qs = assigned if assigned.exists() else active.filter(role__in=hr_roles)
    return list(qs[:20])


# ----------------------------------------------------------------------------------------------- actions
ActionHandler = Callable[[RunContext, dict[str, Any], int], dict[str, Any]]
ACTIONS: dict[str, ActionHandler] = {}
StrOrPromise = str | Promise
ACTION_LABELS: dict[str, StrOrPromise] = {}


def action(name: str, label: StrOrPromise) -> Callable[[ActionHandler], ActionHandler]:
    def register(handler: ActionHandler) -> ActionHandler:
        ACTIONS[name] = handler
        ACTION_LABELS[name] = label
        return handler

    return register


def _candidate_channels(params: dict[str, Any]) -> list[str]:
    channels = params.get("channels") or settings.MESSAGING_CANDIDATE_CHANNELS
    return [str(c) for c in channels]


def _review_override(application: Application) -> tuple[str, str] | None:
    review = (
        DecisionReview.objects.filter(application=application, status=ReviewStatus.REJECTED)
        .exclude(message_body="")
        .order_by("-decided_at", "-id")
        .first()
    )
    return (review.message_subject, review.message_body) if review else None


def send_to_candidate(
    ctx: RunContext, *, template: str, index: int, extra: dict[str, Any] | None = None, params: dict[str, Any]
) -> dict[str, Any]:
    candidate = ctx.application.candidate
    language = language_for(candidate.preferred_language)
    context = message_context(
        ctx.application, language=language, report=SimpleLazyObject(lambda: _report_context(ctx)), **(extra or {})
    )
    override = None
    if params.get("use_review_override"):
        edited = _review_override(ctx.application)
        if edited is not None:
            override = Rendered(language=language, subject=edited[0], body=edited[1])
    message = message_send(
        idempotency_key=ctx.key(index, f"c{candidate.pk}"),
        template_key=template,
        context=context,
        channels=_candidate_channels(params),
        candidate=candidate,
        application=ctx.application,
        event_at=ctx.event_at,
        origin=ctx.actor,
        override=override,
    )
    return {"message_id": message.pk, "channel": message.channel}


def send_to_staff(
    ctx: RunContext,
    *,
    template: str,
    who: str,
    index: int,
    extra: dict[str, Any] | None = None,
    card: Callable[[Any], dict[str, Any]] | None = None,
    markdown: bool = True,
) -> list[int]:
    ids = []
    for user in staff_recipients(ctx.application, who):
        language = language_for(user.preferred_language)
        payload: dict[str, Any] = {"format": "markdown"} if markdown else {}
        if card is not None:
            payload["card"] = card(user)
        message = message_send(
            idempotency_key=ctx.key(index, f"u{user.pk}"),
            template_key=template,
            context=message_context(
                ctx.application,
                language=language,
                report=SimpleLazyObject(lambda: _report_context(ctx)),
                **(extra or {}),
            ),
            channels=STAFF_CHANNELS,
            user=user,
            application=ctx.application,
            event_at=ctx.event_at,
            origin=ctx.actor,
            payload=payload,
        )
        ids.append(message.pk)
    return ids


def _report_context(ctx: RunContext) -> dict[str, Any]:
    result = ctx.result
    return {
        "score": result.score,
        "threshold": result.threshold,
        "passed": result.passed,
        "highlights": result.highlights,
        "suggestions": result.suggestions,
        "url": absolute_url(result.report_url) if result.report_url.startswith("/") else result.report_url,
    }


@action("send_message", _lazy("发送消息"))
def action_send_message(ctx: RunContext, params: dict[str, Any], index: int) -> dict[str, Any]:
    to = str(params.get("to", "candidate"))
    template = str(params["template"])
    if to == "candidate":
        return send_to_candidate(ctx, template=template, index=index, params=params)
    ids = send_to_staff(ctx, template=template, who=to, index=index, markdown=params.get("format") != "text")
    return {"message_ids": ids}


@action("send_invitation", _lazy("发送面试邀请"))
def action_send_invitation(ctx: RunContext, params: dict[str, Any], index: int) -> dict[str, Any]:
    """Send the invitation screening created (or issue one; invitation_create cancels any older open one) with
    the window, materials and notes; schedule the "not started yet" reminder before the window closes."""
    issued = invitation_open_for_sending(application=ctx.application) or invitation_create(
        actor=ctx.actor, application=ctx.application, channel="workflow"
    )
    invitation = issued.invitation
    link = interview_link(issued.token)
    detail = send_to_candidate(
        ctx,
        template=str(params.get("template", "invitation")),
        index=index,
        extra={"invitation": invitation, "link": link},
        params=params,
    )
    Invitation.objects.filter(pk=invitation.pk, status=InvitationStatus.PENDING).update(
        status=InvitationStatus.SENT, sent_at=clock.now(), channel=detail["channel"]
    )
    hours = int(params.get("reminder_hours_before_close", 24))
    due = invitation.expires_at - dt.timedelta(hours=hours)
    if hours > 0 and due > clock.now():
        ScheduledAction.objects.get_or_create(
            key=f"reminder:{invitation.pk}:{hours}",
            defaults={
                "run": ctx.run,
                "application": ctx.application,
                "action": {
                    "type": "invitation_reminder",
                    "template": str(params.get("reminder_template", "invitation_reminder")),
                    "invitation_id": invitation.pk,
                    "rule_id": ctx.rule.pk,
                },
                "due_at": due,
            },
        )
    return {**detail, "invitation_id": invitation.pk, "reminder_at": due.isoformat() if hours > 0 else ""}


@action("move_status", _lazy("变更状态"))
def action_move_status(ctx: RunContext, params: dict[str, Any], index: int) -> dict[str, Any]:
    target = str(params["to"])
    if ctx.application.status == target:
        return {"unchanged": target}
    event = application_transition(
        actor=ctx.actor, application=ctx.application, to_status=target, reason=str(params.get("reason", ""))
    )
    return {"application_event_id": event.pk, "to": target}


@action("create_task", _lazy("创建HR任务"))
def action_create_task(ctx: RunContext, params: dict[str, Any], index: int) -> dict[str, Any]:
    task, _created = HrTask.objects.get_or_create(
        key=ctx.key(index, "task"),
        defaults={
            "application": ctx.application,
            "title": str(params.get("title") or gettext("跟进候选人"))[:200],
            "description": str(params.get("description", "")),
            "role": str(params.get("role", Role.RECRUITER)),
            "created_by_label": ctx.actor,
        },
    )
    return {"task_id": task.pk}


def _next_weekday_at(days_after: int, hour: int) -> dt.datetime:
    zone = ZoneInfo(settings.TIME_ZONE)
    day = clock.now().astimezone(zone).date() + dt.timedelta(days=max(days_after, 1))
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(hour=hour), tzinfo=zone)


def second_interview_ensure(
    *, application: Application, defaults: dict[str, Any], created_by: str, **explicit: Any
) -> SecondInterview:
    """The application's 复试 appointment; created from the rule's defaults (or HR's values) when missing."""
    existing = SecondInterview.objects.filter(application=application).first()
    if existing is not None:
        return existing
    position = application.position
    hr = staff_recipients(application, "hr")
    contact = hr[0] if hr else None
    second = SecondInterview.objects.create(
        application=application,
        starts_at=explicit.get("starts_at")
        or _next_weekday_at(int(defaults.get("days_after", 3)), int(defaults.get("hour", 10))),
        duration_minutes=int(defaults.get("duration_minutes", 60)),
        place=explicit.get("place")
        or str(defaults.get("place") or f"{position.location} {position.department.name}").strip(),
        contact_name=explicit.get("contact_name")
        or str(defaults.get("contact_name") or (str(contact) if contact else gettext("招聘组"))),
        contact_phone=explicit.get("contact_phone") or str(defaults.get("contact_phone", "")),
        created_by_label=created_by,
    )
    second.interviewers.set(staff_recipients(application, "interviewers"))
    return second


def review_card(review: DecisionReview, user: Any) -> dict[str, Any]:
    """The approval card for one staff member, in that person's language."""
    application = review.application
    score = "—" if review.score is None else str(review.score)
    with translation.override(getattr(user, "preferred_language", "") or "zh-hans"):
        return {
            "task_id": f"hlreview{review.pk}u{user.pk}",
            "title": gettext("AI面试结果待审批"),
            "description": f"{application.candidate.name} · {application.position.title}",
            "fields": [
                (gettext("总分"), score),
                (gettext("分数线"), str(review.threshold or "—")),
                (gettext("系统建议"), str(review.get_recommendation_display())),
            ],
            "url": absolute_url(reverse("workflows:review_detail", args=[review.pk])),
            "buttons": [
                {"text": gettext("通过"), "key": f"review:{review.pk}:pass", "style": 1},
                {"text": gettext("不通过"), "key": f"review:{review.pk}:reject", "style": 4},
                {"text": gettext("查看报告"), "key": f"review:{review.pk}:view", "style": 2},
            ],
        }


@action("decide_result", _lazy("按报告判定结果"))
def action_decide_result(ctx: RunContext, params: dict[str, Any], index: int) -> dict[str, Any]:
    """Pass (score ≥ the position's threshold) → 复试; fail → the approval gate (HR review queue), unless the
    position explicitly allows automatic rejections and the candidate has not asked for a human review;
    no score → HR decides."""
    application, result = ctx.application, ctx.result
    if result.passed is True:
        second_interview_ensure(
            application=application, defaults=dict(params.get("second_interview", {})), created_by=ctx.actor
        )
        event = application_transition(
            actor=ctx.actor,
            application=application,
            to_status=ApplicationStatus.SECOND_INTERVIEW,
            reason=f"总分 {result.score} ≥ 分数线 {result.threshold}",
        )
        return {"decision": "pass", "application_event_id": event.pk}
    recommendation = Recommendation.REJECT if result.passed is False else Recommendation.NONE
    reason = f"总分 {result.score} < 分数线 {result.threshold}" if result.passed is False else "尚无评分报告，请HR判断"
    human_review = application.human_review_requests.filter(handled_at__isnull=True).exists()
    auto = recommendation == Recommendation.REJECT and application.position.auto_reject_allowed and not human_review
    if auto:
        DecisionReview.objects.create(
            application=application,
            run=ctx.run,
            recommendation=recommendation,
            score=result.score,
            threshold=result.threshold,
            reason=reason,
            status=ReviewStatus.REJECTED,
            requested_by_label=ctx.actor,
            decided_by_label=ctx.actor,
            decided_via="auto",
            decided_at=clock.now(),
            decision_note="岗位允许自动发送淘汰通知",
        )
        event = application_transition(
            actor=ctx.actor, application=application, to_status=ApplicationStatus.REJECTED, reason=reason
        )
        return {"decision": "auto_reject", "application_event_id": event.pk}
    review = DecisionReview.objects.filter(application=application, status=ReviewStatus.PENDING).first()
    if review is None:
        review = DecisionReview.objects.create(
            application=application,
            run=ctx.run,
            recommendation=recommendation,
            score=result.score,
            threshold=result.threshold,
            reason=reason,
            requested_by_label=ctx.actor,
            human_review_requested=human_review,
        )
    ids = send_to_staff(
        ctx,
        template=str(params.get("staff_template", "hr_review_card")),
        who="hr",
        index=index,
        extra={"review": review},
        card=lambda user: review_card(review, user),
    )
    return {"decision": "review", "review_id": review.pk, "message_ids": ids}


@action("second_interview_notice", _lazy("发送复试通知"))
def action_second_interview_notice(ctx: RunContext, params: dict[str, Any], index: int) -> dict[str, Any]:
    second = second_interview_ensure(
        application=ctx.application, defaults=dict(params.get("second_interview", {})), created_by=ctx.actor
    )
    detail = send_to_candidate(
        ctx,
        template=str(params.get("template", "second_interview_notice")),
        index=index,
        extra={"schedule": second},
        params=params,
    )
    staff_ids = send_to_staff(
        ctx,
        template=str(params.get("staff_template", "second_interview_staff")),
        who="interviewers",
        index=index,
        extra={"schedule": second},
    )
    if not second.wecom_schedule_id:
        from hirelink.workflows.tasks import second_interview_schedule_task

        enqueue_on_commit(second_interview_schedule_task, second.pk)
    return {**detail, "second_interview_id": second.pk, "staff_message_ids": staff_ids}


# ----------------------------------------------------------------------------------------------- runs
def run_execute(*, run_id: int) -> str:
    """Execute one run if it is pending and due. Idempotent: a finished run is never executed again."""
    started = clock.now()
    with transaction.atomic():
        run = WorkflowRun.objects.select_for_update().select_related("rule").filter(pk=run_id).first()
        if run is None or run.outcome != RunOutcome.PENDING or run.due_at > started or run.application_id is None:
            return run.outcome if run else ""
        run.attempts += 1
        run.started_at = started
        tick = time.monotonic()
        application = Application.objects.select_related("candidate", "position__department").get(pk=run.application_id)
        ctx = RunContext(
            rule=run.rule,
            run=run,
            application=application,
            event_id=run.event_id,
            event_at=run.event_at,
            payload=_event_payload(run.event_id),
        )
        try:
            with transaction.atomic():
                if not conditions_hold(run.rule.conditions or [], facts_for(ctx)):
                    run.outcome = RunOutcome.SKIPPED
                else:
                    run.detail = [
                        {"type": spec.get("type"), **_run_action(ctx, spec, index)}
                        for index, spec in enumerate(run.rule.actions or [])
                    ]
                    run.outcome = RunOutcome.SUCCEEDED
        except Exception as exc:
            logger.exception("workflows.run.failed", extra={"run_id": run.pk, "rule_id": run.rule_id})
            run.outcome = RunOutcome.FAILED
            run.error = f"{type(exc).__name__}: {exc}"[:4000]
            run.detail = []
        run.finished_at = clock.now()
        run.duration_ms = int((time.monotonic() - tick) * 1000)
        run.save()
        logger.info(
            "workflows.run.finished",
            extra={"run_id": run.pk, "rule_id": run.rule_id, "outcome": run.outcome, "ms": run.duration_ms},
        )
        return str(run.outcome)


def _run_action(ctx: RunContext, spec: dict[str, Any], index: int) -> dict[str, Any]:
    handler = ACTIONS.get(str(spec.get("type", "")))
    if handler is None:
        raise ValueError(f"unknown action type {spec.get('type')!r}")
    params = {k: v for k, v in spec.items() if k != "type"}
    return handler(ctx, params, index)


def _event_payload(event_id: int) -> dict[str, Any]:
    payload = OutboxEvent.objects.filter(pk=event_id).values_list("payload", flat=True).first()
    return dict(payload or {})


# ----------------------------------------------------------------------------------------------- scheduled
def scheduled_action_execute(*, scheduled: ScheduledAction) -> str:
    """Run a due scheduled action once; its guard is checked now (the world may have moved on)."""
    spec = scheduled.action
    if spec.get("type") != "invitation_reminder":
        return "unknown"
    invitation = Invitation.objects.filter(pk=spec.get("invitation_id")).first()
    application = Application.objects.select_related("candidate", "position__department").get(
        pk=scheduled.application_id
    )
    if (
        invitation is None
        or invitation.status not in OPEN_INVITATION
        or invitation.expires_at <= clock.now()
        or application.status != ApplicationStatus.INVITED
    ):
        return "not_needed"
    rule = WorkflowRule.objects.filter(pk=spec.get("rule_id")).first() or WorkflowRule(pk=0, name="reminder")
    ctx = RunContext(
        rule=rule,
        run=scheduled.run,
        application=application,
        event_id=0,
        event_at=scheduled.due_at,
        payload={},
    )
    language = language_for(application.candidate.preferred_language)
    message_send(
        idempotency_key=f"sched:{scheduled.key}"[:200],
        template_key=str(spec.get("template", "invitation_reminder")),
        context=message_context(
            application,
            language=language,
            invitation=invitation,
            link=interview_link(invitation.token_sealed),
            report={},
        ),
        channels=_candidate_channels({}),
        candidate=application.candidate,
        application=application,
        event_at=scheduled.due_at,
        origin=ctx.actor,
    )
    return "sent"
