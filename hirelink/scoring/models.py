"""Analysis results per answer and the structured interview report (结构化面试报告) per session.

The row is the source of truth for the pipeline: a worker claims an AnswerAnalysis (status RUNNING, attempts + 1)
in a short transaction, computes outside it, and stores the result only if it still holds the claim. A failed
attempt is retried with back-off; after MAX_ATTEMPTS it is flagged NEEDS_REVIEW for a person — never scored 0."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from hirelink.core.models import TimeStampedModel


class AnalysisStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("分析中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("失败，等待重试")
    NEEDS_REVIEW = "needs_review", _("需人工复核")


TERMINAL_ANALYSIS_STATUSES = (AnalysisStatus.DONE, AnalysisStatus.NEEDS_REVIEW)


class AnswerAnalysis(TimeStampedModel):
    """The analysis of one answer: transcript (with segments), content against the rubric, delivery, and the
    biometric features (voice, face) only when the candidate consented AND the position's policy allows them —
    otherwise those fields are NULL (absent), never zero."""

    answer = models.OneToOneField(
        "interviews.Answer", verbose_name=_("回答"), on_delete=models.CASCADE, related_name="analysis"
    )
    session = models.ForeignKey(
        "interviews.InterviewSession", verbose_name=_("面试场次"), on_delete=models.CASCADE, related_name="analyses"
    )
    status = models.CharField(
        _("状态"), max_length=16, choices=AnalysisStatus.choices, default=AnalysisStatus.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    next_attempt_at = models.DateTimeField(_("下次重试时间"), null=True, blank=True)
    started_at = models.DateTimeField(_("开始时间"), null=True, blank=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    language = models.CharField(_("语言"), max_length=8, default="zh")
    transcript = models.JSONField(_("转写"), null=True, blank=True)
    content = models.JSONField(_("内容分析"), null=True, blank=True)
    delivery = models.JSONField(_("表达分析"), null=True, blank=True)
    voice = models.JSONField(_("语音特征"), null=True, blank=True)
    face = models.JSONField(_("面部表情"), null=True, blank=True)
    features = models.JSONField(_("使用的特征"), default=list, blank=True)
    consent = models.JSONField(_("授权状态"), default=dict, blank=True)
    models_used = models.JSONField(_("模型版本"), default=dict, blank=True)
    timings = models.JSONField(_("耗时（秒）"), default=dict, blank=True)
    error = models.TextField(_("错误"), blank=True)

    class Meta:
        ordering = ["session", "answer__session_question__position", "id"]
        verbose_name = _("回答分析")
        verbose_name_plural = _("回答分析")

    def __str__(self) -> str:
        return f"analysis of answer #{self.answer_id} · {self.status}"


class Recommendation(models.TextChoices):
    ADVANCE = "advance", _("建议进入复试")
    HOLD = "hold", _("建议待定")
    REJECT = "reject", _("建议不予通过")
    REVIEW = "review", _("需人工复核")


class InterviewReport(TimeStampedModel):
    """The structured interview report of one session. `payload` is a versioned JSON document (see
    `hirelink.scoring.report.REPORT_SCHEMA`); total, confidence and recommendation are denormalised from it
    for lists, ranking and the talent profile. `version` grows each time the report is rebuilt with new input."""

    session = models.OneToOneField(
        "interviews.InterviewSession", verbose_name=_("面试场次"), on_delete=models.CASCADE, related_name="report"
    )
    application = models.ForeignKey(
        "candidates.Application", verbose_name=_("应聘"), on_delete=models.CASCADE, related_name="interview_reports"
    )
    position = models.ForeignKey(
        "positions.Position", verbose_name=_("岗位"), on_delete=models.PROTECT, related_name="interview_reports"
    )
    version = models.PositiveIntegerField(_("版本"), default=1)
    schema = models.CharField(_("格式版本"), max_length=32)
    fingerprint = models.CharField(max_length=64, editable=False)
    payload = models.JSONField(_("报告内容"), default=dict)
    total = models.FloatField(_("总分"), null=True, blank=True, db_index=True)
    confidence = models.FloatField(_("置信度"), default=0)
    recommendation = models.CharField(_("建议"), max_length=12, choices=Recommendation.choices)
    needs_review = models.BooleanField(_("需人工复核"), default=False)
    built_at = models.DateTimeField(_("生成时间"))

    class Meta:
        ordering = ["-built_at", "-id"]
        verbose_name = _("面试报告")
        verbose_name_plural = _("面试报告")

    def __str__(self) -> str:
        return f"report of session #{self.session_id} v{self.version}"
