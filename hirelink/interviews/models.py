"""Question banks (题库) and questions with behaviourally anchored rubrics."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from hirelink.core.models import TimeStampedModel
from hirelink.positions.vocabulary import Dimension

RUBRIC_LEVELS = 5


class QuestionBank(TimeStampedModel):
    name = models.CharField(_("题库名称"), max_length=120, unique=True)
    name_en = models.CharField(_("英文名称"), max_length=120, blank=True)
    description = models.TextField(_("说明"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("题库")
        verbose_name_plural = _("题库")

    def __str__(self) -> str:
        return self.name


class Question(TimeStampedModel):
    """One interview question and its rubric.

    `levels` holds exactly five behaviourally anchored levels, 1 (weakest) to 5 (strongest):
    [{"level": 1, "descriptor": "...", "descriptor_en": "..."}, ...].
    `key_points`: [{"text": "...", "text_en": "..."}] — what a good answer covers.
    `exemplars`: [{"level": 5, "text": "...", "language": "zh"}] — optional sample answers.
    """

    bank = models.ForeignKey(
        QuestionBank, verbose_name=_("题库"), on_delete=models.CASCADE, related_name="questions"
    )
    order = models.PositiveSmallIntegerField(_("顺序"), default=0)
    text = models.TextField(_("题目"))
    text_en = models.TextField(_("英文题目"), blank=True)
    dimensions = models.JSONField(_("考察维度"), default=list)
    levels = models.JSONField(_("评分等级锚点"), default=list)
    key_points = models.JSONField(_("要点"), default=list, blank=True)
    exemplars = models.JSONField(_("示例回答"), default=list, blank=True)
    thinking_seconds = models.PositiveSmallIntegerField(
        _("思考时间（秒）"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(600)],
        help_text=_("留空则使用岗位默认值"),
    )
    answer_seconds = models.PositiveSmallIntegerField(
        _("作答时限（秒）"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(1800)],
        help_text=_("留空则使用岗位默认值"),
    )
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["bank", "order", "id"]
        verbose_name = _("面试题")
        verbose_name_plural = _("面试题")

    def __str__(self) -> str:
        return self.text[:40]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        unknown = sorted(set(self.dimensions or []) - set(Dimension.values))
        if not self.dimensions or unknown:
            errors["dimensions"] = str(_("至少选择一个有效的考察维度"))
        levels: list[dict[str, Any]] = self.levels or []
        numbers = sorted(int(level.get("level", 0)) for level in levels if isinstance(level, dict))
        if numbers != list(range(1, RUBRIC_LEVELS + 1)) or any(
            not str(level.get("descriptor", "")).strip() for level in levels
        ):
            errors["levels"] = str(_("评分标准必须包含 1–5 共五个等级，且每级都有描述"))
        if any(not str(point.get("text", "")).strip() for point in self.key_points or []):
            errors["key_points"] = str(_("要点不能为空"))
        if errors:
            raise ValidationError(errors)


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("待发送")
    SENT = "sent", _("已发送")
    OPENED = "opened", _("已打开")
    STARTED = "started", _("已开始")
    COMPLETED = "completed", _("已完成")
    EXPIRED = "expired", _("已过期")
    CANCELLED = "cancelled", _("已取消")


class Invitation(TimeStampedModel):
    """An AI-interview invitation (面试邀请): a personal, unguessable, expiring link for one application.

    Only a SHA-256 of the token is stored; the token itself exists in the link (and the message sent)."""

    application = models.ForeignKey(
        "candidates.Application", verbose_name=_("应聘"), on_delete=models.CASCADE, related_name="invitations"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        _("状态"), max_length=16, choices=InvitationStatus.choices, default=InvitationStatus.PENDING, db_index=True
    )
    channel = models.CharField(_("发送渠道"), max_length=24, blank=True)
    window_start = models.DateTimeField(_("开始时间"))
    expires_at = models.DateTimeField(_("截止时间"), db_index=True)
    guide = models.TextField(_("面试指引"), blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("面试邀请")
        verbose_name_plural = _("面试邀请")

    def __str__(self) -> str:
        return f"{self.application} · {self.get_status_display()}"
