"""Candidate (the person), Resume (a file and its parsed facts), Application (candidate × position)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hirelink.candidates.states import ApplicationStatus
from hirelink.core import clock
from hirelink.core.crypto import EncryptedTextField
from hirelink.core.models import TimeStampedModel
from hirelink.positions.vocabulary import EducationLevel


class Gender(models.TextChoices):
    UNSPECIFIED = "", _("未填写")
    FEMALE = "female", _("女")
    MALE = "male", _("男")
    OTHER = "other", _("其他")


class Candidate(TimeStampedModel):
    """One person across all their applications. Contact and ID numbers are encrypted at rest; the
    *_index columns hold keyed hashes (blind indexes) used to detect duplicates without decrypting."""

    name = models.CharField(_("姓名"), max_length=100)
    name_en = models.CharField(_("英文名"), max_length=100, blank=True)
    phone = EncryptedTextField(_("手机"), blank=True)
    email = EncryptedTextField(_("邮箱"), blank=True)
    national_id = EncryptedTextField(_("身份证号"), blank=True)
    phone_index = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    email_index = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    national_id_index = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    gender = models.CharField(_("性别"), max_length=8, choices=Gender.choices, blank=True, default="")
    birth_year = models.PositiveSmallIntegerField(_("出生年份"), null=True, blank=True)
    city = models.CharField(_("所在城市"), max_length=64, blank=True)
    highest_education = models.IntegerField(_("最高学历"), choices=EducationLevel.choices, null=True, blank=True)
    school = models.CharField(_("毕业院校"), max_length=120, blank=True)
    major = models.CharField(_("专业"), max_length=120, blank=True)
    graduation_year = models.PositiveSmallIntegerField(_("毕业年份"), null=True, blank=True)
    experience_years = models.DecimalField(_("工作年限"), max_digits=4, decimal_places=1, default=0)
    preferred_language = models.CharField(_("偏好语言"), max_length=8, default="zh-hans")
    source = models.CharField(_("来源渠道"), max_length=40, blank=True)
    duplicate_of = models.ForeignKey(
        "self", verbose_name=_("疑似重复"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("候选人")
        verbose_name_plural = _("候选人")

    def __str__(self) -> str:
        return self.name

    @property
    def masked_phone(self) -> str:
        phone = self.phone or ""
        return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 8 else phone

    @property
    def masked_national_id(self) -> str:
        value = self.national_id or ""
        return f"{value[:4]}**********{value[-4:]}" if len(value) >= 10 else value


def resume_upload_to(instance: Resume, filename: str) -> str:
    return f"resumes/{clock.now():%Y/%m}/{instance.candidate_id}-{filename}"


class Resume(TimeStampedModel):
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="resumes")
    file = models.FileField(_("文件"), upload_to=resume_upload_to, blank=True)
    original_filename = models.CharField(_("原文件名"), max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    text = models.TextField(_("简历文本"), blank=True)
    facts = models.JSONField(_("结构化信息"), default=dict, blank=True)
    parser_version = models.CharField(max_length=32, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("简历")
        verbose_name_plural = _("简历")

    def __str__(self) -> str:
        return self.original_filename or f"resume #{self.pk}"

    @property
    def education(self) -> list[dict[str, Any]]:
        return list(self.facts.get("education", []))

    @property
    def experience(self) -> list[dict[str, Any]]:
        return list(self.facts.get("experience", []))


class Application(TimeStampedModel):
    candidate = models.ForeignKey(
        Candidate, verbose_name=_("候选人"), on_delete=models.CASCADE, related_name="applications"
    )
    position = models.ForeignKey(
        "positions.Position", verbose_name=_("岗位"), on_delete=models.PROTECT, related_name="applications"
    )
    resume = models.ForeignKey(Resume, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(
        _("状态"),
        max_length=24,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.NEW,
        db_index=True,
    )
    status_changed_at = models.DateTimeField(_("状态更新时间"), default=clock.now)
    channel = models.CharField(_("投递渠道"), max_length=40, blank=True)
    applied_at = models.DateTimeField(_("投递时间"), default=clock.now)

    class Meta:
        ordering = ["-applied_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "position"], name="one_application_per_position"),
        ]
        verbose_name = _("应聘")
        verbose_name_plural = _("应聘")

    def __str__(self) -> str:
        return f"{self.candidate} → {self.position}"


class ApplicationEvent(models.Model):
    """Immutable record of one status transition: the funnel's clock."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("时间"), default=clock.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_label = models.CharField(_("操作人"), max_length=150, blank=True)
    from_status = models.CharField(_("原状态"), max_length=24, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=24, choices=ApplicationStatus.choices)
    reason = models.CharField(_("原因"), max_length=500, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("应聘事件")
        verbose_name_plural = _("应聘事件")

    def __str__(self) -> str:
        return f"{self.application_id}: {self.from_status} → {self.to_status}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Application events are immutable.")
        super().save(*args, **kwargs)
