"""Fusion: per-dimension scores 0–100 with confidence and evidence, and a weighted total.

Dimensions (keys copied from hirelink.positions.vocabulary.Dimension):
- communication 沟通能力: logical structure + delivery (rate, pauses, fillers) when spoken;
- professional_match 专业匹配度: key-point coverage and closeness to exemplars/anchors;
- position_fit 岗位适配性: overall content score across answers;
- logical_thinking 逻辑思维: structure (markers, order, STAR, coherence);
- emotional_stability 情绪稳定性: voice steadiness — only with consent, else absent (None);
- affinity 亲和力: facial expression — only with consent and video, else absent (None);
- any other position dimension (service_awareness, teamwork, integrity, learning_agility, ...):
  content score of the answers whose question measures it; absent when no question does.
Absent dimensions are left out of the total and lower the total's confidence; never zero.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from hirelink.analysis.types import (
    AFFINITY,
    ANALYSIS_VERSION,
    COMMUNICATION,
    CORE_DIMENSIONS,
    EMOTIONAL_STABILITY,
    LOGICAL_THINKING,
    POSITION_FIT,
    PROFESSIONAL_MATCH,
    AnswerInput,
    DimensionScore,
    Evidence,
    FusionResult,
)

DEFAULT_WEIGHTS: Mapping[str, float] = {COMMUNICATION: 0.3, PROFESSIONAL_MATCH: 0.4, POSITION_FIT: 0.3}
TARGET_UNITS = {"zh": 120, "en": 60}  # answers shorter than this lower confidence


def _clamp(value: float) -> float:
    return float(max(0.0, min(1.0, value)))


def answer_confidence(answer: AnswerInput) -> float:
    """0..1: lower for short answers, poor ASR confidence and poor audio."""
    content = answer.content
    confidence: float = _clamp(content.length / TARGET_UNITS[content.language]) ** 0.5
    if answer.transcript is not None:
        confidence *= _clamp((answer.transcript.confidence - 0.3) / 0.45)
    if answer.voice is not None and answer.voice.snr_db is not None:
        confidence *= _clamp(answer.voice.snr_db / 20.0)
    return confidence


def _mean(pairs: Sequence[tuple[float, float]]) -> float | None:
    total = sum(w for _, w in pairs)
    if total <= 0:
        return None
    return sum(v * w for v, w in pairs) / total


def _coverage_factor(n: int) -> float:
    return float(_clamp(n / 3) ** 0.5)


def _dimension(
    key: str,
    values: Sequence[tuple[float, float, float]],  # (score, weight, confidence)
    evidence: Sequence[Evidence],
    components: Mapping[str, float],
) -> DimensionScore:
    if not values:
        return DimensionScore(key=key, score=None, confidence=0.0, evidence=tuple(evidence), components=components)
    score = _mean([(v, w) for v, w, _ in values])
    confidence = (_mean([(c, w) for _, w, c in values]) or 0.0) * _coverage_factor(len(values))
    return DimensionScore(
        key=key,
        score=None if score is None else round(score, 2),
        confidence=round(confidence, 4),
        evidence=tuple(evidence),
        components={k: round(v, 3) for k, v in components.items()},
    )


def fuse(
    answers: Sequence[AnswerInput],
    *,
    weights: Mapping[str, float] | None = None,
    dimensions: Sequence[str] = (),
) -> FusionResult:
    """Fuse analysed answers into dimension scores and a total.

    ``weights`` maps dimension key → weight in the total (any keys; default DEFAULT_WEIGHTS);
    ``dimensions`` lists the position's own dimensions to report besides the three core ones.
    """
    weights = dict(weights or DEFAULT_WEIGHTS)
    wanted = list(dict.fromkeys([*CORE_DIMENSIONS, *dimensions, *weights]))
    conf = [answer_confidence(a) for a in answers]
    results: dict[str, DimensionScore] = {}
    for key in wanted:
        values: list[tuple[float, float, float]] = []
        evidence: list[Evidence] = []
        components: dict[str, float] = {}
        if key == COMMUNICATION:
            for i, a in enumerate(answers):
                structure = a.content.structure.score
                if a.delivery is not None:
                    value = 0.5 * structure + 0.5 * a.delivery.score
                    evidence.append(Evidence("feature", "speaking_rate", a.delivery.speaking_rate, i))
                    evidence.append(Evidence("feature", "filler_per_100", a.delivery.filler_per_100, i))
                    evidence.append(Evidence("feature", "pause_longest", a.delivery.pause_longest, i))
                else:
                    value = 0.7 * structure + 0.3 * a.content.relevance
                if a.content.structure.markers:
                    evidence.append(
                        Evidence(
                            "feature",
                            "markers:" + "、".join(a.content.structure.markers[:6]),
                            float(len(a.content.structure.markers)),
                            i,
                        )
                    )
                values.append((value, a.weight, conf[i]))
            delivered = [a.delivery.score for a in answers if a.delivery is not None]
            if delivered:
                components["delivery"] = sum(delivered) / len(delivered)
        elif key == PROFESSIONAL_MATCH:
            for i, a in enumerate(answers):
                c = a.content
                value = 0.6 * c.coverage + 0.4 * c.anchor_closeness if c.key_points else c.anchor_closeness
                values.append((value, a.weight, conf[i]))
                for kp in c.key_points:
                    if kp.covered and kp.evidence:
                        evidence.append(Evidence("key_point", f"{kp.text} ← {kp.evidence}", kp.score, i))
                # Quoted key points first; then, always, the numbers the score is made of.
                if c.key_points:
                    evidence.append(Evidence("feature", "key_point_coverage", c.coverage, i))
                evidence.append(Evidence("feature", "anchor_closeness", c.anchor_closeness, i))
        elif key == POSITION_FIT:
            for i, a in enumerate(answers):
                values.append((a.content.score, a.weight, conf[i]))
                evidence.append(Evidence("feature", "content_score", a.content.score, i))
        elif key == LOGICAL_THINKING:
            for i, a in enumerate(answers):
                s = a.content.structure
                values.append((s.score, a.weight, conf[i]))
                star = [name for name, quote in s.star.items() if quote]
                evidence.append(Evidence("feature", "STAR:" + ",".join(star), float(len(star)), i))
                evidence.append(Evidence("feature", "coherence", s.coherence, i))
        elif key == EMOTIONAL_STABILITY:
            for i, a in enumerate(answers):
                if a.voice is None:
                    continue
                v = a.voice
                values.append((v.steadiness, a.weight, conf[i] * _clamp(v.voiced_ratio / 0.3)))
                evidence.append(Evidence("feature", "f0_std_semitones", v.f0_std_semitones, i))
                evidence.append(Evidence("feature", "loudness_std_db", v.loudness_std_db, i))
                evidence.append(Evidence("feature", "voice_breaks_per_min", v.voice_breaks_per_min, i))
        elif key == AFFINITY:
            for i, a in enumerate(answers):
                if a.face is None:
                    continue
                f = a.face
                values.append((f.affinity, a.weight, _clamp(f.face_presence_ratio) * _clamp(f.frames_sampled / 5)))
                evidence.append(Evidence("feature", "smile_ratio", f.smile_ratio, i))
                evidence.append(Evidence("feature", "face_presence_ratio", f.face_presence_ratio, i))
                evidence.append(Evidence("feature", "frontal_ratio", f.frontal_ratio, i))
        else:
            for i, a in enumerate(answers):
                if key in a.dimensions:
                    values.append((a.content.score, a.weight, conf[i]))
                    evidence.append(Evidence("feature", "content_score", a.content.score, i))
                    for kp in a.content.key_points:
                        if kp.covered and kp.evidence:
                            evidence.append(Evidence("transcript", kp.evidence, kp.score, i))
        results[key] = _dimension(key, values, evidence, components)

    present = {k: w for k, w in weights.items() if results.get(k) and results[k].score is not None and w > 0}
    weight_sum = sum(weights.values()) or 1.0
    if present:
        total_w = sum(present.values())
        total = sum((results[k].score or 0.0) * w for k, w in present.items()) / total_w
        total_conf = sum(results[k].confidence * w for k, w in present.items()) / total_w * (total_w / weight_sum)
    else:
        total, total_conf = None, 0.0
    models: dict[str, str] = {"analysis": ANALYSIS_VERSION}
    features: set[str] = set()
    for a in answers:
        models["content"] = a.content.model
        features.update({"relevance", "key_points", "anchors", "structure", "completeness"})
        if a.transcript is not None:
            models["asr"] = a.transcript.model
        if a.delivery is not None:
            features.update({"speaking_rate", "pauses", "fillers"})
        if a.voice is not None:
            models["voice"] = a.voice.model
            features.update({"pitch", "loudness", "voice_breaks"})
        if a.face is not None:
            models["face"] = a.face.model
            features.update({"face_presence", "frontal_gaze", "expression"})
    return FusionResult(
        total=None if total is None else round(total, 2),
        total_confidence=round(total_conf, 4),
        dimensions=results,
        weights=weights,
        models=models,
        features_used=tuple(sorted(features)),
    )
