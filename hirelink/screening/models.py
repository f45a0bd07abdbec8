"""Rule sets (versioned, immutable), their AND/OR groups and condition rows, screening verdicts, and bulk
résumé imports with per-item status."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hirelink.core import clock
from hirelink.core.models import TimeStampedModel


class ImmutableError(ValueError):
    pass


class RuleSetSource(models.TextChoices):
    EDITOR = "editor", _("规则编辑器")
    ASSISTANT = "assistant", _("要求助手")
    POSITION = "position", _("岗位要求")
    RESTORE = "restore", _("恢复旧版本")
    API = "api", _("接口")


class RuleSet(TimeStampedModel):
    """One immutable version of a position's screening rules. Editing creates a new version; exactly one version
    per position is active (a partial unique constraint guarantees it)."""

    position = models.ForeignKey(
        "positions.Position", verbose_name=_("岗位"), on_delete=models.CASCADE, related_name="rule_sets"
    )
    version = models.PositiveIntegerField(_("版本"))
    is_active = models.BooleanField(_("当前生效"), default=False)
    source = models.CharField(_("来源"), max_length=16, choices=RuleSetSource.choices, default=RuleSetSource.EDITOR)
    note = models.CharField(_("修改说明"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("创建人"), null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["position", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["position", "version"], name="ruleset_position_version_unique"),
            models.UniqueConstraint(
                fields=["position"], condition=Q(is_active=True), name="ruleset_one_active_per_position"
            ),
        ]
        verbose_name = _("筛选规则集")
        verbose_name_plural = _("筛选规则集")

    def __str__(self) -> str:
        return f"{self.position} v{self.version}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and set(kwargs.get("update_fields") or ()) - {"is_active", "updated_at"}:
            raise ImmutableError("Rule set versions are immutable; create a new version.")
        if self.pk is not None and not kwargs.get("update_fields"):
            raise ImmutableError("Rule set versions are immutable; create a new version.")
        super().save(*args, **kwargs)


class GroupLogic(models.TextChoices):
    AND = "and", _("全部满足（且）")
    OR = "or", _("满足其一（或）")


class _ImmutableRow(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableError("Rule rows are immutable; create a new rule set version.")
        super().save(*args, **kwargs)


class RuleGroup(_ImmutableRow):
    ruleset = models.ForeignKey(RuleSet, on_delete=models.CASCADE, related_name="groups")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    logic = models.CharField(_("逻辑"), max_length=3, choices=GroupLogic.choices, default=GroupLogic.AND)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["ruleset", "order", "id"]
        verbose_name = _("条件组")
        verbose_name_plural = _("条件组")

    def __str__(self) -> str:
        return f"{self.ruleset} · {self.logic}"


class Condition(_ImmutableRow):
    """One condition row: `type` names a handler in hirelink.screening.rules.handlers.REGISTRY."""

    ruleset = models.ForeignKey(RuleSet, on_delete=models.CASCADE, related_name="conditions")
    group = models.ForeignKey(RuleGroup, on_delete=models.CASCADE, related_name="conditions")
    type = models.CharField(_("条件类型"), max_length=32)
    operator = models.CharField(_("运算符"), max_length=16)
    params = models.JSONField(_("参数"), default=dict)
    required = models.BooleanField(_("必须满足"), default=True, help_text=_("否则为优先条件：记录但不淘汰"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["ruleset", "order", "id"]
        verbose_name = _("筛选条件")
        verbose_name_plural = _("筛选条件")

    def __str__(self) -> str:
        return f"{self.type} {self.operator}"


class VerdictTrigger(models.TextChoices):
    INTAKE = "intake", _("投递")
    RESCREEN = "rescreen", _("重新筛选")


class ScreeningVerdict(models.Model):
    """The result of evaluating one application against one rule set version. `results` holds one entry per
    condition: rule_id, label, passed, required, expected, actual, reason_zh, reason_en (+ *_en variants)."""

    application = models.ForeignKey(
        "candidates.Application", on_delete=models.CASCADE, related_name="screening_verdicts"
    )
    ruleset = models.ForeignKey(RuleSet, verbose_name=_("规则版本"), on_delete=models.PROTECT, related_name="verdicts")
    resume = models.ForeignKey("candidates.Resume", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    passed = models.BooleanField(_("通过"))
    results = models.JSONField(_("逐条结果"), default=list)
    trigger = models.CharField(max_length=16, choices=VerdictTrigger.choices, default=VerdictTrigger.INTAKE)
    created_at = models.DateTimeField(default=clock.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = ["created_at", "id"]
        verbose_name = _("初筛结论")
        verbose_name_plural = _("初筛结论")

    def __str__(self) -> str:
        return f"{self.application_id} · v{self.ruleset_id} · {'pass' if self.passed else 'fail'}"

    @property
    def failed_required(self) -> list[dict[str, Any]]:
        return [r for r in self.results if r.get("required") and not r.get("passed")]


class BulkImportStatus(models.TextChoices):
    PENDING = "pending", _("排队中")
    RUNNING = "running", _("处理中")
    DONE = "done", _("已完成")


def bulk_upload_to(instance: BulkImport, filename: str) -> str:
    return f"imports/{clock.now():%Y/%m}/{instance.position_id}-{filename}"


class BulkImport(TimeStampedModel):
    """A bulk upload (ZIP of résumés, or a CSV/Excel table, or a ZIP holding a table and the files it names).
    The upload is kept only until every item is processed."""

    position = models.ForeignKey(
        "positions.Position", verbose_name=_("岗位"), on_delete=models.CASCADE, related_name="bulk_imports"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("上传人"), null=True, blank=True, on_delete=models.SET_NULL
    )
    file = models.FileField(upload_to=bulk_upload_to, blank=True)
    original_filename = models.CharField(_("文件名"), max_length=255)
    status = models.CharField(
        _("状态"), max_length=16, choices=BulkImportStatus.choices, default=BulkImportStatus.PENDING
    )
    total = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("批量导入")
        verbose_name_plural = _("批量导入")

    def __str__(self) -> str:
        return self.original_filename


class ItemStatus(models.TextChoices):
    PENDING = "pending", _("排队中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("失败")


class BulkImportItem(models.Model):
    bulk = models.ForeignKey(BulkImport, on_delete=models.CASCADE, related_name="items")
    index = models.PositiveIntegerField()
    label = models.CharField(_("条目"), max_length=255)
    entry_name = models.CharField(max_length=255, blank=True)  # member of the stored ZIP to read
    row = models.JSONField(default=dict, blank=True)  # name/phone/email/position/resume_text from a table
    status = models.CharField(_("状态"), max_length=16, choices=ItemStatus.choices, default=ItemStatus.PENDING)
    code = models.CharField(max_length=40, blank=True)
    message_zh = models.CharField(max_length=500, blank=True)
    message_en = models.CharField(max_length=500, blank=True)
    application = models.ForeignKey(
        "candidates.Application", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    passed = models.BooleanField(null=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["bulk", "index"]
        constraints = [models.UniqueConstraint(fields=["bulk", "index"], name="bulk_item_index_unique")]

    def __str__(self) -> str:
        return f"{self.bulk_id}#{self.index} {self.label}"
