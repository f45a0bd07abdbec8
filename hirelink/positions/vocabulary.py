"""Shared recruiting vocabulary: education levels (ordered), answer modes, dimensions."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EducationLevel(models.IntegerChoices):
    """Ordered so that rules can say "at least": a higher number is a higher degree."""

    HIGH_SCHOOL = 10, _("高中")
    VOCATIONAL = 20, _("中专")
    JUNIOR_COLLEGE = 30, _("大专")
    BACHELOR = 40, _("本科")
    MASTER = 50, _("硕士")
    DOCTORATE = 60, _("博士")


class AnswerMode(models.TextChoices):
    VOICE = "voice", _("语音")
    TEXT = "text", _("文字")
    VIDEO = "video", _("视频")


class Dimension(models.TextChoices):
    """Scored interview dimensions. The first three are on every report; positions add their own."""

    COMMUNICATION = "communication", _("沟通能力")
    PROFESSIONAL_MATCH = "professional_match", _("专业匹配度")
    POSITION_FIT = "position_fit", _("岗位适配性")
    SERVICE_AWARENESS = "service_awareness", _("服务意识")
    LOGICAL_THINKING = "logical_thinking", _("逻辑思维")
    EMOTIONAL_STABILITY = "emotional_stability", _("情绪稳定性")
    AFFINITY = "affinity", _("亲和力")
    LEARNING_AGILITY = "learning_agility", _("学习能力")
    TEAMWORK = "teamwork", _("团队协作")
    INTEGRITY = "integrity", _("诚信合规")
