"""Typed inputs and outputs of the analysis package (plain frozen dataclasses, JSON-friendly).

Every result carries ``version`` (ANALYSIS_VERSION) and the model identifiers it used, so a stored
result always says where its numbers came from. Biometric results (voice, face) are ``None`` when
the candidate did not consent: absent, never zero.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

ANALYSIS_VERSION = "hirelink-analysis/1.0"

Language = Literal["zh", "en"]

# Dimension keys, copied from hirelink.positions.vocabulary.Dimension (analysis imports no app).
COMMUNICATION = "communication"
PROFESSIONAL_MATCH = "professional_match"
POSITION_FIT = "position_fit"
SERVICE_AWARENESS = "service_awareness"
LOGICAL_THINKING = "logical_thinking"
EMOTIONAL_STABILITY = "emotional_stability"
AFFINITY = "affinity"
LEARNING_AGILITY = "learning_agility"
TEAMWORK = "teamwork"
INTEGRITY = "integrity"
CORE_DIMENSIONS: tuple[str, ...] = (COMMUNICATION, PROFESSIONAL_MATCH, POSITION_FIT)
ALL_DIMENSIONS: tuple[str, ...] = (
    COMMUNICATION,
    PROFESSIONAL_MATCH,
    POSITION_FIT,
    SERVICE_AWARENESS,
    LOGICAL_THINKING,
    EMOTIONAL_STABILITY,
    AFFINITY,
    LEARNING_AGILITY,
    TEAMWORK,
    INTEGRITY,
)


def to_dict(value: Any) -> Any:
    """Recursively turn result dataclasses into JSON-serialisable dicts/lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_dict(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): to_dict(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_dict(v) for v in value]
    return value


# --- speech to text -------------------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    start: float
    end: float
    text: str
    probability: float


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    text: str
    avg_logprob: float = 0.0
    no_speech_prob: float = 0.0
    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class Transcript:
    text: str
    language: Language
    segments: tuple[Segment, ...]
    duration: float  # seconds of audio (before VAD)
    model: str
    version: str = ANALYSIS_VERSION

    @property
    def confidence(self) -> float:
        """0..1: mean word probability when word timestamps exist, else exp(mean segment log-prob).
        (Whisper's no-speech probability is not used: it is unreliable on long VAD segments.)"""
        import math

        words = [w.probability for s in self.segments for w in s.words]
        if words:
            return round(sum(words) / len(words), 4)
        if not self.segments:
            return 0.0
        return round(sum(math.exp(min(0.0, s.avg_logprob)) for s in self.segments) / len(self.segments), 4)


# --- rubric and content -------------------------------------------------------------------


@dataclass(frozen=True)
class Rubric:
    """What an answer is scored against. ``level_anchors`` maps level 1..5 to a description or an
    example answer at that level; ``references`` are exemplary (level-5) answers."""

    question: str
    key_points: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    level_anchors: Mapping[int, str] = field(default_factory=dict)
    language: Language = "zh"
    expected_seconds: float | None = None  # time given to answer


@dataclass(frozen=True)
class KeyPointResult:
    text: str
    covered: bool
    score: float  # 0..1 calibrated probability that the key point is covered
    evidence: str | None  # the answer sentence that covers it (verbatim), None when not covered
    evidence_start: int | None  # character offset of the evidence in the answer text
    semantic: float  # calibrated semantic similarity (z units above the unrelated-text baseline)
    lexical: float  # 0..1 share of the key point's n-grams/words found in the evidence sentence


@dataclass(frozen=True)
class StructureResult:
    score: float  # 0..100
    markers: tuple[str, ...]  # discourse markers found, in order of appearance
    sequence_in_order: bool
    star: Mapping[str, str | None]  # situation/task/action/result -> quoted sentence or None
    coherence: float  # 0..1 calibrated similarity of adjacent sentences
    sentence_count: int


@dataclass(frozen=True)
class ContentResult:
    score: float  # 0..100 overall content score
    relevance: float  # 0..100
    coverage: float  # 0..100 share of key points covered (weighted by confidence)
    anchor_closeness: float  # 0..100
    estimated_level: float  # 1..5 from anchors/exemplars (continuous)
    structure: StructureResult
    completeness: float  # 0..100
    key_points: tuple[KeyPointResult, ...]
    length: int  # characters (zh) or words (en)
    language: Language
    model: str
    version: str = ANALYSIS_VERSION


# --- delivery / voice / face --------------------------------------------------------------


@dataclass(frozen=True)
class Pause:
    start: float
    duration: float


@dataclass(frozen=True)
class DeliveryResult:
    speaking_rate: float  # chars/min (zh) or words/min (en), over speaking time incl. short pauses
    rate_unit: str
    speech_seconds: float
    pause_count: int  # gaps >= PAUSE_MIN seconds between words/segments
    pause_mean: float
    pause_longest: float
    pauses: tuple[Pause, ...]
    filler_count: int
    filler_per_100: float  # fillers per 100 chars (zh) / words (en)
    fillers: Mapping[str, int]
    score: float  # 0..100
    version: str = ANALYSIS_VERSION


@dataclass(frozen=True)
class VoiceResult:
    duration: float
    voiced_ratio: float
    f0_mean_hz: float | None
    f0_median_hz: float | None
    f0_std_semitones: float | None
    f0_range_semitones: float | None  # 5th..95th percentile
    pitch_jitter_semitones: float | None  # mean |Δ| between consecutive voiced frames
    loudness_std_db: float | None  # RMS level variability over voiced frames
    voice_breaks: int
    voice_breaks_per_min: float
    snr_db: float | None  # rough: voiced RMS vs quietest 10 % of frames
    steadiness: float  # 0..100 (情绪稳定性 proxy)
    model: str
    version: str = ANALYSIS_VERSION


@dataclass(frozen=True)
class FaceResult:
    frames_sampled: int
    faces_detected: int  # sampled frames with at least one face
    face_presence_ratio: float
    multiple_faces_ratio: float
    frontal_ratio: float  # frames with a frontal face (both eyes found, face near centre)
    smile_ratio: float  # of frames with a face, share whose top expression is "happy"
    expression: Mapping[str, float]  # mean expression probabilities over frames with a face
    affinity: float  # 0..100 (亲和力 proxy)
    model: str
    version: str = ANALYSIS_VERSION


# --- fusion ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerInput:
    """One analysed answer, as fusion sees it. ``dimensions`` are the position dimensions the
    question measures (keys as in ALL_DIMENSIONS)."""

    content: ContentResult
    dimensions: tuple[str, ...] = ()
    transcript: Transcript | None = None
    delivery: DeliveryResult | None = None
    voice: VoiceResult | None = None
    face: FaceResult | None = None
    weight: float = 1.0


@dataclass(frozen=True)
class Evidence:
    kind: str  # "transcript" | "key_point" | "feature"
    text: str
    value: float | None = None
    answer_index: int | None = None


@dataclass(frozen=True)
class DimensionScore:
    key: str
    score: float | None  # 0..100, None when the needed features are absent (e.g. no consent)
    confidence: float  # 0..1
    evidence: tuple[Evidence, ...]
    components: Mapping[str, float]


@dataclass(frozen=True)
class FusionResult:
    total: float | None
    total_confidence: float
    dimensions: Mapping[str, DimensionScore]
    weights: Mapping[str, float]
    models: Mapping[str, str]
    features_used: tuple[str, ...]
    version: str = ANALYSIS_VERSION
