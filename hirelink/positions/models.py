"""Departments and positions (岗位): requirements, question bank, scoring weights, thresholds, policies."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from hirelink.core.models import TimeStampedModel
from hirelink.positions.vocabulary import AnswerMode, Dimension, EducationLevel


class Department(TimeStampedModel):
    name = models.CharField(_("名称"), max_length=100, unique=True)
    name_en = models.CharField(_("英文名称"), max_length=100, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")

    class Meta:
        ordering = ["name"]
        verbose_name = _("部门")
        verbose_name_plural = _("部门")

    def __str__(self) -> str:
        return self.name


class PositionStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    OPEN = "open", _("招聘中")
    PAUSED = "paused", _("暂停")
    CLOSED = "closed", _("已关闭")


def default_weights() -> dict[str, float]:
    return {
        Dimension.COMMUNICATION: 0.3,
        Dimension.PROFESSIONAL_MATCH: 0.3,
        Dimension.POSITION_FIT: 0.4,
    }


def default_answer_modes() -> list[str]:
    return [AnswerMode.VOICE, AnswerMode.TEXT]


class Position(TimeStampedModel):
    code = models.SlugField(_("岗位编码"), max_length=40, unique=True)
    title = models.CharField(_("岗位名称"), max_length=120)
    title_en = models.CharField(_("英文名称"), max_length=120, blank=True)
    department = models.ForeignKey(Department, verbose_name=_("部门"), on_delete=models.PROTECT)
    status = models.CharField(_("状态"), max_length=16, choices=PositionStatus.choices, default=PositionStatus.OPEN)
    location = models.CharField(_("工作地点"), max_length=100, blank=True)
    headcount = models.PositiveIntegerField(_("招聘人数"), default=1)
    description = models.TextField(_("岗位描述"), blank=True)
    description_en = models.TextField(_("英文描述"), blank=True)

    # Requirements (岗位要求): the facts screening rules start from.
    min_education = models.IntegerField(_("最低学历"), choices=EducationLevel.choices, null=True, blank=True)
    majors = models.JSONField(_("专业"), default=list, blank=True, help_text=_("具体专业名称列表"))
    major_categories = models.JSONField(
        _("专业类别"), default=list, blank=True, help_text=_("如：经济学/金融学类、计算机类")
    )
    min_experience_years = models.DecimalField(
        _("最低工作年限"), max_digits=4, decimal_places=1, default=0, validators=[MinValueValidator(0)]
    )
    certificates = models.JSONField(_("证书要求"), default=list, blank=True)
    languages = models.JSONField(
        _("语言要求"), default=list, blank=True, help_text=_('如：[{"language": "英语", "level": "CET-6"}]')
    )

    question_bank = models.ForeignKey(
        "interviews.QuestionBank",
        verbose_name=_("题库"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="positions",
    )
    question_count = models.PositiveSmallIntegerField(_("面试题数"), default=6)
    randomise_questions = models.BooleanField(_("随机出题"), default=False)

    # Scoring: weights per dimension (sum to 1) and thresholds on the 0–100 total.
    dimension_weights = models.JSONField(_("维度权重"), default=default_weights)
    pass_threshold = models.PositiveSmallIntegerField(_("通过分数线"), default=70, validators=[MaxValueValidator(100)])
    reject_threshold = models.PositiveSmallIntegerField(
        _("淘汰分数线"), default=50, validators=[MaxValueValidator(100)]
    )

    # Interview policies.
    thinking_seconds = models.PositiveSmallIntegerField(
        _("思考时间（秒）"), default=90, validators=[MinValueValidator(0), MaxValueValidator(600)]
    )
    answer_seconds = models.PositiveSmallIntegerField(
        _("作答时限（秒）"), default=180, validators=[MinValueValidator(15), MaxValueValidator(1800)]
    )
    answer_modes = models.JSONField(_("作答方式"), default=default_answer_modes)
    allow_rerecord = models.BooleanField(_("允许重新作答"), default=False)
    voice_features_allowed = models.BooleanField(_("允许语音特征分析"), default=True)
    face_features_allowed = models.BooleanField(_("允许面部表情分析"), default=False)
    auto_reject_allowed = models.BooleanField(_("允许无需HR审批自动发送淘汰通知"), default=False)
    invitation_valid_days = models.PositiveSmallIntegerField(_("邀请有效期（天）"), default=7)

    assignees = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("指派人员"),
        blank=True,
        related_name="assigned_positions",
        help_text=_("用人经理与面试官只能看到指派给他们的岗位及候选人"),
    )

    class Meta:
        ordering = ["department__name", "title"]
        verbose_name = _("岗位")
        verbose_name_plural = _("岗位")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors: dict[str, str] = {}
        weights = self.dimension_weights or {}
        unknown = sorted(set(weights) - set(Dimension.values))
        if unknown:
            errors["dimension_weights"] = str(_("未知的维度：")) + ", ".join(unknown)
        elif weights and abs(sum(float(v) for v in weights.values()) - 1.0) > 0.001:
            errors["dimension_weights"] = str(_("维度权重之和必须为 1"))
        bad_modes = sorted(set(self.answer_modes or []) - set(AnswerMode.values))
        if bad_modes or not self.answer_modes:
            errors["answer_modes"] = str(_("作答方式至少选择一种：语音、文字或视频"))
        if self.reject_threshold > self.pass_threshold:
            errors["reject_threshold"] = str(_("淘汰分数线不能高于通过分数线"))
        if errors:
            raise ValidationError(errors)
