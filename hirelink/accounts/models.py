"""Staff users and their role. Candidates never have accounts: they use personal links."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    HR_ADMIN = "hr_admin", _("HR管理员")
    RECRUITER = "recruiter", _("招聘专员")
    HIRING_MANAGER = "hiring_manager", _("用人经理")
    INTERVIEWER = "interviewer", _("面试官")
    AUDITOR = "auditor", _("审计员")


class User(AbstractUser):
    role = models.CharField(_("角色"), max_length=32, choices=Role.choices, default=Role.RECRUITER)
    display_name = models.CharField(_("姓名"), max_length=64, blank=True)
    wecom_userid = models.CharField(_("企业微信账号"), max_length=64, blank=True, db_index=True)
    preferred_language = models.CharField(_("语言"), max_length=8, default="zh-hans")

    class Meta:
        verbose_name = _("员工用户")
        verbose_name_plural = _("员工用户")

    def __str__(self) -> str:
        return self.display_name or self.username
