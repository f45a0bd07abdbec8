"""Workflow automation: rules (event → conditions → actions), every run, scheduled actions (reminders, delays),
HR tasks, the decision review queue (the approval gate for rejections), candidates' requests for human review,
second-interview appointments and received WeCom callbacks."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hirelink.core import clock
from hirelink.core.models import TimeStampedModel

STATUS_CHANGED = "application.status_changed"


class WorkflowRule(TimeStampedModel):
    """When `trigger` happens (optionally only for a status change from/to a status), and every condition holds,
    run the actions in order. A rule without a position is a global default; a position's rule that `replaces`
    a global one switches that one off for the position.

    conditions: [{"field": "position.code", "op": "eq", "value": "teller"}, ...]
    actions:    [{"type": "send_message", "template": "progress_notice", "to": "candidate"}, ...]"""

    name = models.CharField(_("名称"), max_length=120)
    position = models.ForeignKey(
        "positions.Position",
        verbose_name=_("岗位"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="workflow_rules",
        help_text=_("留空表示适用于所有岗位的默认规则"),
    )
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("替代的默认规则"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )
    trigger = models.CharField(_("触发事件"), max_length=64, default=STATUS_CHANGED, db_index=True)
    from_status = models.CharField(_("原状态"), max_length=24, blank=True)
    to_status = models.CharField(_("新状态"), max_length=24, blank=True)
    conditions = models.JSONField(_("条件"), default=list, blank=True)
    actions = models.JSONField(_("动作"), default=list)
    delay_seconds = models.PositiveIntegerField(_("延迟（秒）"), default=0)
    priority = models.PositiveSmallIntegerField(_("顺序"), default=100)
    is_active = models.BooleanField(_("启用"), default=True)
    seed_key = models.SlugField(max_length=64, null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["priority", "id"]
        verbose_name = _("流程规则")
        verbose_name_plural = _("流程规则")

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """How decisions made by this rule are attributed."""
        return f"system:rule#{self.pk}"


class RunOutcome(models.TextChoices):
    PENDING = "pending", _("待执行")
    SUCCEEDED = "succeeded", _("成功")
    SKIPPED = "skipped", _("条件不满足")
    FAILED = "failed", _("失败")


class WorkflowRun(models.Model):
    """One rule applied to one event. Unique per (rule, event): a re-delivered event never runs a rule twice."""

    rule = models.ForeignKey(WorkflowRule, verbose_name=_("规则"), on_delete=models.CASCADE, related_name="runs")
    event_id = models.BigIntegerField(_("事件"))
    event_name = models.CharField(_("事件名称"), max_length=64)
    event_at = models.DateTimeField(_("事件时间"), default=clock.now)
    application = models.ForeignKey(
        "candidates.Application", null=True, blank=True, on_delete=models.CASCADE, related_name="workflow_runs"
    )
    outcome = models.CharField(
        _("结果"), max_length=16, choices=RunOutcome.choices, default=RunOutcome.PENDING, db_index=True
    )
    due_at = models.DateTimeField(_("计划执行时间"), default=clock.now, db_index=True)
    created_at = models.DateTimeField(_("创建时间"), default=clock.now, db_index=True)
    started_at = models.DateTimeField(_("开始"), null=True, blank=True)
    finished_at = models.DateTimeField(_("结束"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("耗时（毫秒）"), default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    detail = models.JSONField(_("动作结果"), default=list, blank=True)
    error = models.TextField(_("错误"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["rule", "event_id"], name="one_run_per_rule_event")]
        verbose_name = _("流程执行记录")
        verbose_name_plural = _("流程执行记录")

    def __str__(self) -> str:
        return f"{self.rule_id}@{self.event_name}#{self.event_id}: {self.outcome}"


class ScheduledAction(models.Model):
    """An action to run later (a reminder before the invitation window closes). `key` makes scheduling
    idempotent; the action re-checks its guard (e.g. "interview not started") when it runs."""

    key = models.CharField(max_length=200, unique=True)
    run = models.ForeignKey(WorkflowRun, null=True, blank=True, on_delete=models.CASCADE, related_name="scheduled")
    application = models.ForeignKey(
        "candidates.Application", on_delete=models.CASCADE, related_name="scheduled_actions"
    )
    action = models.JSONField(_("动作"))
    due_at = models.DateTimeField(_("到期时间"), db_index=True)
    done_at = models.DateTimeField(_("执行时间"), null=True, blank=True)
    outcome = models.CharField(_("结果"), max_length=16, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        verbose_name = _("计划动作")
        verbose_name_plural = _("计划动作")

    def __str__(self) -> str:
        return f"{self.action.get('type', '?')} @ {self.due_at:%Y-%m-%d %H:%M}"


class HrTaskStatus(models.TextChoices):
    OPEN = "open", _("待处理")
    DONE = "done", _("已完成")


class HrTask(TimeStampedModel):
    application = models.ForeignKey(
        "candidates.Application", verbose_name=_("应聘"), on_delete=models.CASCADE, related_name="hr_tasks"
    )
    title = models.CharField(_("任务"), max_length=200)
    description = models.TextField(_("说明"), blank=True)
    role = models.CharField(_("负责角色"), max_length=32, blank=True)
    status = models.CharField(_("状态"), max_length=8, choices=HrTaskStatus.choices, default=HrTaskStatus.OPEN)
    created_by_label = models.CharField(_("创建者"), max_length=64, blank=True)
    key = models.CharField(max_length=200, unique=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["status", "-created_at"]
        verbose_name = _("HR任务")
        verbose_name_plural = _("HR任务")

    def __str__(self) -> str:
        return self.title


class Recommendation(models.TextChoices):
    PASS = "pass", _("建议通过")
    REJECT = "reject", _("建议不通过")
    NONE = "none", _("待HR判断")


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("待审批")
    REJECTED = "rejected", _("已确认不通过")
    PASSED = "passed", _("已改为通过")
    CANCELLED = "cancelled", _("已撤销")


class DecisionReview(TimeStampedModel):
    """The approval gate: a result waiting for HR (a recommended rejection, or a result the system cannot
    decide). Every decision records who or what made it: a user, or "system:rule#<id>"."""

    application = models.ForeignKey(
        "candidates.Application", verbose_name=_("应聘"), on_delete=models.CASCADE, related_name="decision_reviews"
    )
    run = models.ForeignKey(WorkflowRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    recommendation = models.CharField(_("系统建议"), max_length=8, choices=Recommendation.choices)
    score = models.DecimalField(_("总分"), max_digits=5, decimal_places=1, null=True, blank=True)
    threshold = models.PositiveSmallIntegerField(_("通过分数线"), null=True, blank=True)
    reason = models.TextField(_("依据"), blank=True)
    status = models.CharField(
        _("状态"), max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.PENDING, db_index=True
    )
    message_subject = models.CharField(_("通知标题（修改后）"), max_length=200, blank=True)
    message_body = models.TextField(_("通知正文（修改后）"), blank=True)
    requested_by_label = models.CharField(_("提交者"), max_length=64, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("决定人"), null=True, blank=True, on_delete=models.SET_NULL
    )
    decided_by_label = models.CharField(_("决定人"), max_length=64, blank=True)
    decided_via = models.CharField(_("决定途径"), max_length=16, blank=True)
    decided_at = models.DateTimeField(_("决定时间"), null=True, blank=True)
    decision_note = models.CharField(_("备注"), max_length=500, blank=True)
    human_review_requested = models.BooleanField(_("候选人申请人工复核"), default=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(status="pending"),
                name="one_pending_review_per_application",
            )
        ]
        verbose_name = _("结果审批")
        verbose_name_plural = _("结果审批")

    def __str__(self) -> str:
        return f"{self.application_id}: {self.recommendation} · {self.status}"


class HumanReviewRequest(models.Model):
    """A candidate asked for a human to review the automated result (from their personal link)."""

    application = models.ForeignKey(
        "candidates.Application", on_delete=models.CASCADE, related_name="human_review_requests"
    )
    reason = models.TextField(_("理由"), blank=True)
    source = models.CharField(_("来源"), max_length=32, default="candidate_link")
    requested_at = models.DateTimeField(_("申请时间"), default=clock.now)
    handled_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("人工复核申请")
        verbose_name_plural = _("人工复核申请")

    def __str__(self) -> str:
        return f"{self.application_id} @ {self.requested_at:%Y-%m-%d %H:%M}"


class SecondInterview(TimeStampedModel):
    """The 复试 appointment the pass notice announces; interviewers get a WeCom schedule entry."""

    application = models.OneToOneField(
        "candidates.Application", on_delete=models.CASCADE, related_name="second_interview"
    )
    starts_at = models.DateTimeField(_("时间"))
    duration_minutes = models.PositiveSmallIntegerField(_("时长（分钟）"), default=60)
    place = models.CharField(_("地点"), max_length=200)
    contact_name = models.CharField(_("联系人"), max_length=64)
    contact_phone = models.CharField(_("联系电话"), max_length=32, blank=True)
    interviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    wecom_schedule_id = models.CharField(max_length=128, blank=True)
    created_by_label = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("复试安排")
        verbose_name_plural = _("复试安排")

    def __str__(self) -> str:
        return f"{self.application_id} @ {self.starts_at:%Y-%m-%d %H:%M}"


class WecomCallbackReceipt(models.Model):
    """A decrypted WeCom callback accepted by the view; processed by a task. `dedupe_key` (MsgId, or
    user+event+task+time for events) rejects replays."""

    dedupe_key = models.CharField(max_length=200, unique=True)
    received_at = models.DateTimeField(default=clock.now)
    message = models.JSONField(default=dict)
    processed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=32, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("企业微信回调")
        verbose_name_plural = _("企业微信回调")

    def __str__(self) -> str:
        return self.dedupe_key
