"""Errors of the scoring pipeline and report pages (messages fit to show; Chinese source strings)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from hirelink.core.errors import DomainError


class ScoringError(DomainError):
    pass


class AnswerNotReadyError(ScoringError):
    def __init__(self) -> None:
        super().__init__(_("该回答尚未完成预处理，暂不能分析。"), code="answer_not_ready")


class MediaMissingError(ScoringError):
    def __init__(self) -> None:
        super().__init__(_("该回答没有可分析的录音文件。"), code="media_missing")


class ReportNotReadyError(ScoringError):
    def __init__(self) -> None:
        super().__init__(_("面试报告尚未生成，请稍后再试。"), code="report_not_ready")


class NothingToRetryError(ScoringError):
    def __init__(self) -> None:
        super().__init__(_("没有需要重新分析的回答。"), code="nothing_to_retry")
