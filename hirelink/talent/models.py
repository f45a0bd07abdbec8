"""Talent-profile records beyond the interview: written tests (笔试), second-interview scorecards (复试),
offers, onboarding and later performance ratings (for validity analytics)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from hirelink.core.crypto import EncryptedTextField
from hirelink.core.models import TimeStampedModel


class WrittenTestResult(TimeStampedModel):
    application = models.ForeignKey("candidates.Application", on_delete=models.CASCADE, related_name="written_tests")
    test_name = models.CharField(_("笔试名称"), max_length=120)
    taken_on = models.DateField(_("考试日期"))
    score = models.DecimalField(_("得分"), max_digits=6, decimal_places=2)
    max_score = models.DecimalField(_("满分"), max_digits=6, decimal_places=2, default=100)
    sections = models.JSONField(_("分项得分"), default=dict, blank=True)

    class Meta:
        ordering = ["-taken_on"]
        verbose_name = _("笔试成绩")
        verbose_name_plural = _("笔试成绩")
        constraints = [
            models.UniqueConstraint(fields=["application", "test_name", "taken_on"], name="one_written_test_per_day"),
            models.CheckConstraint(
                condition=models.Q(score__gte=0) & models.Q(score__lte=models.F("max_score")),
                name="written_test_score_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.test_name} {self.score}/{self.max_score}"

    @property
    def percent(self) -> float:
        return float(self.score) / float(self.max_score) * 100 if self.max_score else 0.0


class Recommendation(models.TextChoices):
    STRONG_HIRE = "strong_hire", _("强烈推荐")
    HIRE = "hire", _("推荐")
    HOLD = "hold", _("待定")
    NO_HIRE = "no_hire", _("不推荐")


class Scorecard(TimeStampedModel):
    """A second-interview (复试) scorecard: per-attribute 1–5 ratings and an overall recommendation."""

    application = models.ForeignKey("candidates.Application", on_delete=models.CASCADE, related_name="scorecards")
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("面试官"),
        on_delete=models.PROTECT,
        related_name="scorecards",
    )
    interviewed_on = models.DateField(_("面试日期"))
    ratings = models.JSONField(_("评分"), default=dict, help_text=_('{"communication": 4, "professional_match": 3}'))
    recommendation = models.CharField(_("总体建议"), max_length=16, choices=Recommendation.choices)
    notes = models.TextField(_("评语"), blank=True)

    class Meta:
        ordering = ["-interviewed_on"]
        verbose_name = _("复试评分表")
        verbose_name_plural = _("复试评分表")
        constraints = [
            models.UniqueConstraint(fields=["application", "interviewer"], name="one_scorecard_per_interviewer"),
        ]

    def __str__(self) -> str:
        return f"{self.interviewer} · {self.get_recommendation_display()}"

    @property
    def average(self) -> float | None:
        values = [int(v) for v in self.ratings.values()]
        return sum(values) / len(values) if values else None


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("草拟")
    SENT = "sent", _("已发出")
    ACCEPTED = "accepted", _("已接受")
    DECLINED = "declined", _("已拒绝")
    WITHDRAWN = "withdrawn", _("已撤回")


class Offer(TimeStampedModel):
    application = models.OneToOneField("candidates.Application", on_delete=models.CASCADE, related_name="offer")
    status = models.CharField(_("状态"), max_length=16, choices=OfferStatus.choices, default=OfferStatus.DRAFT)
    offered_on = models.DateField(_("发放日期"))
    grade = models.CharField(_("职级"), max_length=40, blank=True)
    # Salary is sensitive: encrypted at rest like other personal data.
    annual_salary = EncryptedTextField(_("年薪"), blank=True)
    start_date = models.DateField(_("预计入职日期"), null=True, blank=True)
    responded_on = models.DateField(_("答复日期"), null=True, blank=True)

    class Meta:
        verbose_name = _("录用")
        verbose_name_plural = _("录用")

    def __str__(self) -> str:
        return f"{self.application} · {self.get_status_display()}"


class Onboarding(TimeStampedModel):
    application = models.OneToOneField("candidates.Application", on_delete=models.CASCADE, related_name="onboarding")
    started_on = models.DateField(_("入职日期"))
    employee_number = models.CharField(_("工号"), max_length=40, blank=True)
    branch = models.CharField(_("入职机构"), max_length=120, blank=True)
    probation_months = models.PositiveSmallIntegerField(_("试用期（月）"), default=6)
    probation_passed = models.BooleanField(_("通过试用期"), null=True, blank=True)

    class Meta:
        verbose_name = _("入职")
        verbose_name_plural = _("入职")

    def __str__(self) -> str:
        return f"{self.application} · {self.started_on}"


class PerformanceRating(TimeStampedModel):
    """Later job performance: the criterion for validating interview dimensions."""

    application = models.ForeignKey(
        "candidates.Application", on_delete=models.CASCADE, related_name="performance_ratings"
    )
    period = models.CharField(_("考核周期"), max_length=20, help_text=_("如 2026H1、2026"))
    rating = models.PositiveSmallIntegerField(
        _("绩效等级"), validators=[MinValueValidator(1), MaxValueValidator(5)], help_text=_("1（差）–5（优）")
    )
    rated_by = models.CharField(_("评定人"), max_length=100, blank=True)
    comment = models.TextField(_("评语"), blank=True)

    class Meta:
        ordering = ["-period"]
        verbose_name = _("绩效评级")
        verbose_name_plural = _("绩效评级")
        constraints = [
            models.UniqueConstraint(fields=["application", "period"], name="one_rating_per_period"),
        ]

    def __str__(self) -> str:
        return f"{self.period}: {self.rating}"


class ErasureRecord(models.Model):
    """Proof that a candidate's personal data was erased on request (PIPL art. 47). Holds no personal data:
    only the former id, who asked, who carried it out, and what was removed."""

    candidate_ref = models.BigIntegerField(_("原候选人ID"), db_index=True)
    requested_by = models.CharField(_("申请方"), max_length=150)
    reason = models.CharField(_("原因"), max_length=500, blank=True)
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("执行人"), null=True, on_delete=models.SET_NULL
    )
    performed_at = models.DateTimeField(_("执行时间"), auto_now_add=True)
    removed = models.JSONField(_("删除内容统计"), default=dict)
    files_removed = models.PositiveIntegerField(_("删除文件数"), default=0)

    class Meta:
        ordering = ["-performed_at"]
        verbose_name = _("删除记录")
        verbose_name_plural = _("删除记录")

    def __str__(self) -> str:
        return f"candidate #{self.candidate_ref} erased {self.performed_at:%Y-%m-%d}"
