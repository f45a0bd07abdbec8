"""One call per saved answer: transcribe (if media) → content, delivery, voice, face."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hirelink.analysis.asr import AsrConfig, transcribe
from hirelink.analysis.audio import decode_audio
from hirelink.analysis.content import score_content
from hirelink.analysis.delivery import analyze_delivery
from hirelink.analysis.errors import AnalysisError
from hirelink.analysis.face import analyze_face, has_video
from hirelink.analysis.types import (
    ANALYSIS_VERSION,
    AnswerInput,
    ContentResult,
    DeliveryResult,
    FaceResult,
    Language,
    Rubric,
    Transcript,
    VoiceResult,
)
from hirelink.analysis.voice import analyze_voice


@dataclass(frozen=True)
class AnswerAnalysis:
    content: ContentResult
    transcript: Transcript | None = None
    delivery: DeliveryResult | None = None
    voice: VoiceResult | None = None  # None: no consent or no audio
    face: FaceResult | None = None  # None: no consent or no video
    version: str = ANALYSIS_VERSION

    def fusion_input(self, *, dimensions: tuple[str, ...] = (), weight: float = 1.0) -> AnswerInput:
        return AnswerInput(
            content=self.content,
            dimensions=dimensions,
            transcript=self.transcript,
            delivery=self.delivery,
            voice=self.voice,
            face=self.face,
            weight=weight,
        )


def analyze_answer(
    *,
    rubric: Rubric,
    media_path: str | Path | None = None,
    text: str | None = None,
    language: Language | None = None,
    voice_consent: bool = False,
    face_consent: bool = False,
    asr_config: AsrConfig | None = None,
) -> AnswerAnalysis:
    """Analyse one answer given as media (audio/video) or as text. Biometric analysers run only
    when their consent flag is True; otherwise their results are None."""
    language = language or rubric.language
    if media_path is None:
        if text is None:
            raise AnalysisError("回答既没有文字也没有音视频 / the answer has neither text nor media")
        return AnswerAnalysis(content=score_content(text, rubric, language=language))
    samples = decode_audio(media_path)
    transcript = transcribe(samples, language=language, config=asr_config)
    content = score_content(transcript.text, rubric, language=language, answer_seconds=transcript.duration)
    delivery = analyze_delivery(transcript)
    voice = analyze_voice(samples, consent=voice_consent)
    face = analyze_face(media_path, consent=True) if face_consent and has_video(media_path) else None
    return AnswerAnalysis(content=content, transcript=transcript, delivery=delivery, voice=voice, face=face)
