"""Audit trail of who viewed or changed candidate data. Rows are append-only."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hirelink.core import clock


class AuditAction(models.TextChoices):
    VIEW = "view", _("查看")
    CREATE = "create", _("创建")
    UPDATE = "update", _("修改")
    DELETE = "delete", _("删除")
    EXPORT = "export", _("导出")
    IMPORT = "import", _("导入")
    TRANSITION = "transition", _("状态变更")


class AuditLogEntry(models.Model):
    at = models.DateTimeField(_("时间"), default=clock.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_label = models.CharField(_("操作人标识"), max_length=150, blank=True)
    action = models.CharField(_("动作"), max_length=16, choices=AuditAction.choices)
    object_type = models.CharField(_("对象类型"), max_length=64)
    object_id = models.CharField(_("对象ID"), max_length=64)
    candidate_id = models.BigIntegerField(_("候选人ID"), null=True, blank=True, db_index=True)
    summary = models.CharField(_("摘要"), max_length=255, blank=True)
    changes = models.JSONField(_("变更"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("审计日志")
        verbose_name_plural = _("审计日志")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_type}#{self.object_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Audit log entries are immutable.")
        super().save(*args, **kwargs)


class ConsentPurpose(models.TextChoices):
    AI_INTERVIEW = "ai_interview", _("AI 面试录制与分析")
    BIOMETRIC = "biometric", _("语音语调与面部表情分析")


class ConsentRecord(models.Model):
    """One consent decision (given or declined) as it was shown and answered. Append-only.

    Generic on purpose: the subject is named by plain fields (e.g. subject_type="interview_session"), so this
    lower layer never points into a higher app. `disclosure_version` + `disclosure_sha256` identify the exact
    text the person saw."""

    at = models.DateTimeField(_("时间"), default=clock.now, db_index=True)
    subject_type = models.CharField(_("对象类型"), max_length=40)
    subject_id = models.CharField(_("对象ID"), max_length=64, db_index=True)
    candidate_id = models.BigIntegerField(_("候选人ID"), null=True, blank=True, db_index=True)
    purpose = models.CharField(_("用途"), max_length=24, choices=ConsentPurpose.choices)
    granted = models.BooleanField(_("是否同意"))
    disclosure_version = models.CharField(_("告知文本版本"), max_length=32)
    disclosure_sha256 = models.CharField(_("告知文本摘要"), max_length=64, blank=True)
    language = models.CharField(_("语言"), max_length=8, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(_("浏览器"), max_length=400, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("同意记录")
        verbose_name_plural = _("同意记录")

    def __str__(self) -> str:
        return f"{self.subject_type}#{self.subject_id} {self.purpose}={self.granted}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Consent records are immutable.")
        super().save(*args, **kwargs)
