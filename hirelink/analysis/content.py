"""Content scoring of one answer against its rubric (zh + en), explainable sentence by sentence.

Signals (all deterministic):
- relevance: calibrated similarity (baseline z units, see embeddings.py) of the answer to the
  question and to the exemplary references;
- key-point coverage: for every key point, the answer sentence with the highest combined semantic
  (z) + lexical (jieba/char-bigram recall) evidence; covered when the calibrated probability ≥ 0.5,
  and that sentence is quoted as evidence;
- closeness to level anchors / exemplars: an estimated level 1..5;
- logical structure (逻辑清晰度): discourse markers and their order, STAR elements, coherence of
  adjacent sentences;
- completeness for the time given: length against the expected answer length, and coverage.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import numpy as np

from hirelink.analysis.embeddings import EMBEDDING_MODEL, Calibrated, embed, sigmoid
from hirelink.analysis.text import (
    EN_ORDER_RANK,
    ZH_ORDER_RANK,
    Sentence,
    find_markers,
    length_units,
    lexical_recall,
    split_sentences,
)
from hirelink.analysis.types import ContentResult, KeyPointResult, Language, Rubric, StructureResult

CONTENT_MODEL = f"content-v1+{EMBEDDING_MODEL}+jieba-0.42.1"

# Calibration constants (hand-set on the speech-fixture texts and ADS training answers, then frozen
# before the labelled benchmark set was scored; see docs/analysis.md).
KP_SEMANTIC_SLOPE = 1.5
KP_SEMANTIC_CENTER = 2.0
KP_LEXICAL_SLOPE = 5.0
KP_LEXICAL_CENTER = 0.45
RELEVANCE_SLOPE = 2.0
RELEVANCE_CENTER = 1.2
REFERENCE_SLOPE = 1.5
REFERENCE_CENTER = 2.0
COHERENCE_SLOPE = 1.0
COHERENCE_CENTER = 1.0
UNITS_PER_SECOND = {"zh": 4.0, "en": 2.2}  # natural speaking rate; 60 % of time*rate is "complete"
MAX_REFERENCE_POINTS = 8
PAIR_PENALTY = 0.3
MAX_PAIR_CHARS = {"zh": 90, "en": 300}
DEFAULT_TARGET_UNITS = {"zh": 150, "en": 80}

WEIGHTS_WITH_KEY_POINTS = {
    "relevance": 0.15,
    "coverage": 0.40,
    "anchor": 0.15,
    "structure": 0.15,
    "completeness": 0.15,
}
WEIGHTS_WITHOUT_KEY_POINTS = {
    "relevance": 0.35,
    "coverage": 0.0,
    "anchor": 0.30,
    "structure": 0.20,
    "completeness": 0.15,
}

_STAR_ZH = {
    "situation": re.compile(r"当时|那时|有一次|有一位|有个|去年|前年|曾经|实习的时候|实习期间|在.{1,12}(的时候|期间)"),
    "task": re.compile(r"任务|负责|目标|需要在|要求|职责"),
    "action": re.compile(
        r"我(们)?(首先|先|就|马上|立即|主动|一起)?(会|去|把|帮|请|安排|组织|联系|采取|整理|建立|开了|负责|核对)"
    ),
    "result": re.compile(r"最后|最终|结果|完成了|成功|满意|提高了|降低了|表扬|避免了"),
}
_STAR_EN = {
    "situation": re.compile(r"\b(when i was|last year|once|at the time|during my|in my previous)\b", re.I),
    "task": re.compile(r"\b(my task|i was responsible|responsible for|the goal|needed to|had to)\b", re.I),
    "action": re.compile(
        r"\bi (first |then )?(talked|listened|checked|organized|organised|arranged|called|built|"
        r"asked|explained|decided|worked|wrote|set up|took)\b",
        re.I,
    ),
    "result": re.compile(
        r"\b(as a result|in the end|finally|eventually|resolved|satisfied|improved|reduced|"
        r"completed|succeeded)\b",
        re.I,
    ),
}


@dataclass(frozen=True)
class _Prepared:
    sentences: list[Sentence]
    vectors: np.ndarray
    answer_vector: np.ndarray
    spans: list[Sentence]  # sentences, then pairs of adjacent sentences (verbatim from the answer)
    span_vectors: np.ndarray
    pair_from: int  # index in spans where the pairs start


def _clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


def _key_points(rubric: Rubric, prepared: _Prepared, language: Language) -> tuple[KeyPointResult, ...]:
    if not rubric.key_points or not prepared.sentences:
        return tuple(
            KeyPointResult(
                text=kp, covered=False, score=0.0, evidence=None, evidence_start=None, semantic=0.0, lexical=0.0
            )
            for kp in rubric.key_points
        )
    calibrated = Calibrated(list(rubric.key_points))
    z = calibrated.z(prepared.span_vectors)
    results = []
    for j, key_point in enumerate(rubric.key_points):
        best: tuple[float, int, float, float] | None = None
        for i, span in enumerate(prepared.spans):
            lexical = lexical_recall(key_point, span.text, language)
            semantic = float(z[i, j])
            logit = KP_SEMANTIC_SLOPE * (semantic - KP_SEMANTIC_CENTER) + KP_LEXICAL_SLOPE * (
                lexical - KP_LEXICAL_CENTER
            )
            if i >= prepared.pair_from:
                logit -= PAIR_PENALTY  # a single sentence is the better quote when it suffices
            if best is None or logit > best[0]:
                best = (logit, i, semantic, lexical)
        assert best is not None  # noqa: S101 - sentences is non-empty
        logit, index, semantic, lexical = best
        probability = sigmoid(logit)
        covered = probability >= 0.5
        sentence = prepared.spans[index]
        results.append(
            KeyPointResult(
                text=key_point,
                covered=covered,
                score=round(probability, 4),
                evidence=sentence.text if covered else None,
                evidence_start=sentence.start if covered else None,
                semantic=round(semantic, 4),
                lexical=round(lexical, 4),
            )
        )
    return tuple(results)


def _structure(prepared: _Prepared, text: str, language: Language) -> StructureResult:
    markers = find_markers(text, language)
    order_rank = ZH_ORDER_RANK if language == "zh" else EN_ORDER_RANK
    order_markers = [m for m in markers if m[2] == "order"]
    ranks = [order_rank[m[1]] for m in order_markers if m[1] in order_rank]
    in_order = len(ranks) >= 2 and ranks == sorted(ranks)
    distinct_order = len({m[1] for m in order_markers})
    other_roles = len({m[2] for m in markers if m[2] != "order"})
    patterns = _STAR_ZH if language == "zh" else _STAR_EN
    star: dict[str, str | None] = {}
    for element, pattern in patterns.items():
        star[element] = next((s.text for s in prepared.sentences if pattern.search(s.text)), None)
    star_share = sum(1 for v in star.values() if v) / 4
    if len(prepared.sentences) >= 2:
        vectors = prepared.vectors
        cos = np.sum(vectors[:-1] * vectors[1:], axis=1)
        # adjacent-sentence similarity in units of this answer's own spread against unrelated text
        baseline = embed(["我周末喜欢去公园散步。", "The train was delayed by thirty minutes."])
        base = float(np.mean(vectors @ baseline.T))
        coherence_z = float(np.mean(cos) - base) / 0.03
        coherence = sigmoid(COHERENCE_SLOPE * (coherence_z - COHERENCE_CENTER))
    else:
        coherence = 0.0
    score = (
        0.30 * _clamp(distinct_order / 3)
        + 0.10 * (1.0 if in_order else 0.0)
        + 0.20 * _clamp(other_roles / 3)
        + 0.20 * star_share
        + 0.20 * coherence
    )
    if len(prepared.sentences) < 3:
        score *= len(prepared.sentences) / 3
    return StructureResult(
        score=round(100 * score, 2),
        markers=tuple(m[1] for m in markers),
        sequence_in_order=in_order,
        star=star,
        coherence=round(coherence, 4),
        sentence_count=len(prepared.sentences),
    )


def _anchor(rubric: Rubric, answer_vector: np.ndarray) -> tuple[float, float]:
    """(closeness 0..1, estimated level 1..5) from exemplars and level anchors."""
    closeness_parts: list[float] = []
    level = 0.0
    if rubric.references:
        z_ref = Calibrated(list(rubric.references)).z(answer_vector[None, :])[0]
        closeness_parts.append(sigmoid(REFERENCE_SLOPE * (float(np.max(z_ref)) - REFERENCE_CENTER)))
    if rubric.level_anchors:
        levels = sorted(rubric.level_anchors)
        z_anchor = Calibrated([rubric.level_anchors[k] for k in levels]).z(answer_vector[None, :])[0]
        weights = np.exp(3.0 * (z_anchor - np.max(z_anchor)))
        weights /= weights.sum()
        level = float(np.dot(weights, np.array(levels, dtype=np.float32)))
        closeness_parts.append((level - min(levels)) / max(1, max(levels) - min(levels)))
    if not closeness_parts:
        return 0.0, 0.0
    return float(np.mean(closeness_parts)), level


def score_content(
    answer: str, rubric: Rubric, *, language: Language | None = None, answer_seconds: float | None = None
) -> ContentResult:
    """Score one answer text against ``rubric``. Pure and deterministic.

    ``answer_seconds`` (spoken answers: the audio duration) counts towards completeness together with
    the length of the text when the rubric says how much time was given (``expected_seconds``)."""
    language = language or rubric.language
    text = answer.strip()
    sentences = split_sentences(text, language)
    vectors = embed([s.text for s in sentences]) if sentences else np.zeros((0, 384), dtype=np.float32)
    answer_vector = embed([text])[0] if text else np.zeros(384, dtype=np.float32)
    pairs = [
        Sentence(text[a.start : b.start + len(b.text)], a.start)
        for a, b in itertools.pairwise(sentences)
        if b.start + len(b.text) - a.start <= MAX_PAIR_CHARS[language]
    ]
    pair_vectors = embed([p.text for p in pairs]) if pairs else np.zeros((0, 384), dtype=np.float32)
    prepared = _Prepared(
        sentences=sentences,
        vectors=vectors,
        answer_vector=answer_vector,
        spans=[*sentences, *pairs],
        span_vectors=np.concatenate([vectors, pair_vectors]) if pairs else vectors,
        pair_from=len(sentences),
    )
    units = length_units(text, language)

    if not text:
        relevance = 0.0
    else:
        z_question = Calibrated([rubric.question]).z(answer_vector[None, :])[0, 0]
        best_sentence = float(np.max(Calibrated([rubric.question]).z(vectors))) if sentences else 0.0
        relevance = sigmoid(RELEVANCE_SLOPE * (max(float(z_question), best_sentence - 0.5) - RELEVANCE_CENTER))

    key_points = _key_points(rubric, prepared, language)
    scored_points = key_points
    if not key_points and rubric.references:
        # No rubric key points: the sentences of the longest reference act as internal key points
        # (used for coverage only; not reported, since they are not the rubric's own points).
        reference = max(rubric.references, key=len)
        pseudo = tuple(s.text for s in split_sentences(reference, language))[:MAX_REFERENCE_POINTS]
        scored_points = _key_points(Rubric(question=rubric.question, key_points=pseudo), prepared, language)
    coverage = float(np.mean([kp.score for kp in scored_points])) if scored_points else 0.0
    covered_share = sum(1 for kp in scored_points if kp.covered) / len(scored_points) if scored_points else 0.0
    closeness, level = _anchor(rubric, answer_vector) if text else (0.0, 0.0)
    structure = (
        _structure(prepared, text, language)
        if text
        else StructureResult(score=0.0, markers=(), sequence_in_order=False, star={}, coherence=0.0, sentence_count=0)
    )
    if rubric.expected_seconds:
        target_units = 0.6 * rubric.expected_seconds * UNITS_PER_SECOND[language]
    else:
        target_units = DEFAULT_TARGET_UNITS[language]
    length_share = _clamp(units / target_units)
    if answer_seconds is not None and rubric.expected_seconds:
        # a spoken answer that used a fair share of the time given counts as complete as its length does
        length_share = 0.5 * length_share + 0.5 * _clamp(answer_seconds / (0.6 * rubric.expected_seconds))
    completeness = 0.5 * length_share + 0.5 * covered_share if scored_points else length_share
    if not rubric.references and not rubric.level_anchors:
        closeness = relevance
        level = 1 + 4 * relevance

    weights = WEIGHTS_WITH_KEY_POINTS if scored_points else WEIGHTS_WITHOUT_KEY_POINTS
    score = 100 * (
        weights["relevance"] * relevance
        + weights["coverage"] * coverage
        + weights["anchor"] * closeness
        + weights["structure"] * structure.score / 100
        + weights["completeness"] * completeness
    )
    if not rubric.level_anchors:
        level = 1 + 4 * score / 100
    return ContentResult(
        score=round(score, 2),
        relevance=round(100 * relevance, 2),
        coverage=round(100 * coverage, 2),
        anchor_closeness=round(100 * closeness, 2),
        estimated_level=round(level, 3),
        structure=structure,
        completeness=round(100 * completeness, 2),
        key_points=key_points,
        length=units,
        language=language,
        model=CONTENT_MODEL,
    )


# Score bands → rubric level 1..5 (fixed before the labelled benchmark was run).
LEVEL_BANDS = (35.0, 50.0, 65.0, 80.0)


def level_from_score(score: float) -> int:
    """Map a 0–100 content score to a rubric level 1–5 with the fixed LEVEL_BANDS."""
    return 1 + sum(1 for edge in LEVEL_BANDS if score >= edge)
