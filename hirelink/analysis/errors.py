"""Errors raised by the analysis package. Messages are Chinese first, English second, because
commands and the pipeline show them to people as they are."""

from __future__ import annotations


class AnalysisError(Exception):
    """Base class: something about the input makes analysis impossible."""

    code = "analysis_error"


class MediaDecodeError(AnalysisError):
    code = "media_decode_error"


class UnsupportedMediaError(AnalysisError):
    code = "unsupported_media"


class ModelUnavailableError(AnalysisError):
    code = "model_unavailable"


class LLMGraderError(AnalysisError):
    code = "llm_grader_error"
