"""The structured interview report (结构化面试报告): a versioned JSON payload built from the stored analyses,
and its presentation (plain-language readings, suggestions) in the reader's language.

The payload holds data and stable codes only (scores, quotes, offsets, key points, feature values); every
sentence a person reads is produced by `report_present` at render time, so the same report reads in Chinese
or English and the JSON API carries both the data and the text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hirelink.analysis.fusion import fuse
from hirelink.analysis.types import (
    AFFINITY,
    COMMUNICATION,
    EMOTIONAL_STABILITY,
    LOGICAL_THINKING,
    POSITION_FIT,
    PROFESSIONAL_MATCH,
    AnswerInput,
    ContentResult,
    DeliveryResult,
    FaceResult,
    Transcript,
    VoiceResult,
    to_dict,
)
from hirelink.interviews.models import AnswerStatus, InterviewSession, SessionQuestion
from hirelink.interviews.selectors import integrity_summary
from hirelink.positions.vocabulary import Dimension
from hirelink.privacy.models import ConsentPurpose, ConsentRecord
from hirelink.scoring.analysers import from_dict
from hirelink.scoring.models import AnalysisStatus, AnswerAnalysis, Recommendation

REPORT_SCHEMA = "hirelink-report/1"
WEAK_DIMENSION = 60.0
LOW_CONFIDENCE = 0.5
MAX_HIGHLIGHTS = 6
MAX_SUGGESTIONS = 8
FILLERS_PER_100_HIGH = 3.0
LONG_PAUSE_SECONDS = 4.0
RATE_RANGE = {"zh": (180.0, 300.0), "en": (110.0, 170.0)}


# --- building the payload ------------------------------------------------------------------------------------


def _answer_input(analysis: AnswerAnalysis, dimensions: list[str]) -> AnswerInput:
    return AnswerInput(
        content=from_dict(ContentResult, analysis.content),
        dimensions=tuple(dimensions),
        transcript=from_dict(Transcript, analysis.transcript) if analysis.transcript else None,
        delivery=from_dict(DeliveryResult, analysis.delivery) if analysis.delivery else None,
        voice=from_dict(VoiceResult, analysis.voice) if analysis.voice else None,
        face=from_dict(FaceResult, analysis.face) if analysis.face else None,
    )


def transcript_spans(text: str, key_points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Split the answer text into runs; runs that are a covered key point's evidence carry its index."""
    marks: list[tuple[int, int, int]] = []
    for index, point in enumerate(key_points):
        evidence = point.get("evidence") or ""
        if not point.get("covered") or not evidence:
            continue
        start = point.get("evidence_start")
        if not isinstance(start, int) or text[start : start + len(evidence)] != evidence:
            start = text.find(evidence)
        if start < 0:
            continue
        end = start + len(evidence)
        if any(s < end and start < e for s, e, _ in marks):
            continue  # one sentence may cover two key points: highlight it once, for the first
        marks.append((start, end, index))
    spans: list[dict[str, Any]] = []
    cursor = 0
    for start, end, index in sorted(marks):
        if start > cursor:
            spans.append({"text": text[cursor:start], "key_point": None})
        spans.append({"text": text[start:end], "key_point": index})
        cursor = end
    if cursor < len(text):
        spans.append({"text": text[cursor:], "key_point": None})
    return spans


def _highlights(position: int, content: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    covered = sorted(
        (kp for kp in content["key_points"] if kp["covered"] and kp["evidence"]), key=lambda kp: -kp["score"]
    )
    for kp in covered[:2]:
        found.append({"kind": "key_point", "question": position, "quote": kp["evidence"], "key_point": kp["text"]})
    result = (content["structure"].get("star") or {}).get("result")
    if result and all(result != h["quote"] for h in found):
        found.append({"kind": "star_result", "question": position, "quote": result, "key_point": ""})
    markers = content["structure"].get("markers") or []
    if len(markers) >= 3 and content["structure"].get("sequence_in_order"):
        found.append(
            {
                "kind": "structure",
                "question": position,
                "quote": "、".join(list(dict.fromkeys(markers))[:5]),
                "key_point": "",
            }
        )
    return found


def _answer_suggestions(
    position: int, content: dict[str, Any], delivery: dict[str, Any] | None, language: str
) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = [
        {"kind": "missed_key_point", "question": position, "key_point": kp["text"]}
        for kp in content["key_points"]
        if not kp["covered"]
    ]
    structure = content["structure"]
    if not structure.get("markers") and structure.get("sentence_count", 0) >= 3:
        found.append({"kind": "structure", "question": position})
    if content["completeness"] < 50 and content["key_points"]:
        found.append({"kind": "short", "question": position})
    if delivery:
        if delivery["filler_per_100"] >= FILLERS_PER_100_HIGH:
            top = sorted(delivery["fillers"].items(), key=lambda item: -item[1])[:3]
            found.append({"kind": "fillers", "question": position, "fillers": [word for word, _n in top]})
        low, high = RATE_RANGE.get(language, RATE_RANGE["zh"])
        if delivery["speaking_rate"] > high * 1.1:
            found.append({"kind": "rate_fast", "question": position, "value": delivery["speaking_rate"]})
        elif 0 < delivery["speaking_rate"] < low * 0.8:
            found.append({"kind": "rate_slow", "question": position, "value": delivery["speaking_rate"]})
        if delivery["pause_longest"] >= LONG_PAUSE_SECONDS:
            found.append({"kind": "long_pause", "question": position, "value": delivery["pause_longest"]})
    return found


def recommendation_for(*, total: float | None, pass_threshold: int, reject_threshold: int, review: bool) -> str:
    if review or total is None:
        return Recommendation.REVIEW
    if total >= pass_threshold:
        return Recommendation.ADVANCE
    if total < reject_threshold:
        return Recommendation.REJECT
    return Recommendation.HOLD


def consent_state(*, session: InterviewSession) -> dict[str, Any]:
    rows = ConsentRecord.objects.filter(
        subject_type="interview_invitation", subject_id=str(session.invitation_id)
    ).order_by("at", "id")
    latest = {row.purpose: row for row in rows}

    def state(purpose: str) -> dict[str, Any] | None:
        row = latest.get(purpose)
        if row is None:
            return None
        return {"granted": row.granted, "at": row.at.isoformat(), "disclosure_version": row.disclosure_version}

    position = session.invitation.application.position
    return {
        "ai_interview": state(ConsentPurpose.AI_INTERVIEW),
        "biometric": state(ConsentPurpose.BIOMETRIC),
        "voice_policy": position.voice_features_allowed,
        "face_policy": position.face_features_allowed,
        "text_only": session.text_only,
    }


def _integrity(session: InterviewSession, answers: list[Any]) -> dict[str, Any]:
    summary = integrity_summary(session=session)
    paste_count = sum(int((a.signals or {}).get("paste_count", 0)) for a in answers)
    pasted_chars = sum(int((a.signals or {}).get("pasted_chars", 0)) for a in answers)
    return {"signals": summary, "paste_count": paste_count, "pasted_chars": pasted_chars}


def report_payload_build(*, session: InterviewSession, now: dt.datetime) -> dict[str, Any]:
    """Assemble the report payload from the stored analyses (fusion, recommendation, evidence, standing)."""
    from hirelink.scoring.selectors import cohort_standing
    from hirelink.scoring.services import latest_answer_per_question

    application = session.invitation.application
    position = application.position
    questions = list(SessionQuestion.objects.filter(session=session).select_related("question").order_by("position"))
    latest = latest_answer_per_question(session=session)
    analyses = {a.answer_id: a for a in AnswerAnalysis.objects.filter(answer__in=[a.pk for a in latest.values()])}
    inputs: list[AnswerInput] = []
    input_positions: list[int] = []
    items: list[dict[str, Any]] = []
    highlights: list[dict[str, Any]] = []
    suggestions: list[dict[str, Any]] = []
    models: dict[str, str] = {}
    features: set[str] = set()
    review = False
    language = "zh"
    for question in questions:
        answer = latest.get(question.pk)
        analysis = analyses.get(answer.pk) if answer is not None else None
        item: dict[str, Any] = {
            "position": question.position,
            "question": question.text,
            "question_en": question.text_en,
            "dimensions": list(question.question.dimensions or []),
            "answer_id": answer.pk if answer is not None else None,
            "mode": answer.mode if answer is not None else None,
            "duration_seconds": answer.duration_seconds if answer is not None else None,
            "status": analysis.status if analysis is not None else ("unanswered" if answer is None else "pending"),
            "attempts": analysis.attempts if analysis is not None else 0,
            "error": analysis.error if analysis is not None and analysis.status != AnalysisStatus.DONE else "",
        }
        if analysis is not None and analysis.status == AnalysisStatus.NEEDS_REVIEW:
            review = True
        if analysis is not None and analysis.status == AnalysisStatus.DONE and analysis.content:
            language = analysis.language or language
            content = analysis.content
            typed = answer.text if answer is not None else ""
            text = (analysis.transcript or {}).get("text") if analysis.transcript else typed
            text = (text or "").strip()
            inputs.append(_answer_input(analysis, item["dimensions"]))
            input_positions.append(question.position)
            models.update(analysis.models_used or {})
            features.update(analysis.features or [])
            item.update(
                {
                    "text": text,
                    "spans": transcript_spans(text, content["key_points"]),
                    "key_points": [
                        {
                            "text": kp["text"],
                            "covered": kp["covered"],
                            "score": kp["score"],
                            "evidence": kp["evidence"],
                        }
                        for kp in content["key_points"]
                    ],
                    "content": {
                        key: content[key]
                        for key in ("score", "relevance", "coverage", "anchor_closeness", "completeness", "length")
                    }
                    | {
                        "level": content["estimated_level"],
                        "structure": content["structure"]["score"],
                        "markers": content["structure"]["markers"],
                        "star": {k: bool(v) for k, v in (content["structure"].get("star") or {}).items()},
                    },
                    "delivery": analysis.delivery
                    and {
                        key: analysis.delivery[key]
                        for key in (
                            "speaking_rate",
                            "rate_unit",
                            "pause_count",
                            "pause_longest",
                            "filler_count",
                            "filler_per_100",
                            "fillers",
                            "score",
                        )
                    },
                    "voice": analysis.voice
                    and {
                        key: analysis.voice[key]
                        for key in ("steadiness", "f0_std_semitones", "loudness_std_db", "voice_breaks_per_min")
                    },
                    "face": analysis.face
                    and {
                        key: analysis.face[key]
                        for key in ("affinity", "face_presence_ratio", "frontal_ratio", "smile_ratio", "faces_detected")
                    },
                    "asr_confidence": from_dict(Transcript, analysis.transcript).confidence
                    if analysis.transcript
                    else None,
                    "timings": analysis.timings,
                }
            )
            highlights.extend(_highlights(question.position, content))
            suggestions.extend(_answer_suggestions(question.position, content, analysis.delivery, analysis.language))
        items.append(item)

    weights = {k: float(v) for k, v in (position.dimension_weights or {}).items()}
    own = [d for q in questions for d in (q.question.dimensions or [])]
    fusion = fuse(inputs, weights=weights or None, dimensions=list(dict.fromkeys(own)))
    models.update(fusion.models)
    features.update(fusion.features_used)
    dimensions = []
    for key, score in fusion.dimensions.items():
        evidence = [
            to_dict(e) | {"question": input_positions[e.answer_index] if e.answer_index is not None else None}
            for e in score.evidence
        ]
        dimensions.append(
            {
                "key": key,
                "score": score.score,
                "confidence": score.confidence,
                "weight": fusion.weights.get(key, 0.0),
                "components": dict(score.components),
                "evidence": evidence[:12],
            }
        )
        if score.score is not None and score.score < WEAK_DIMENSION:
            suggestions.append({"kind": "weak_dimension", "dimension": key, "value": score.score})
    total = fusion.total
    answered = sum(1 for item in items if item["status"] == AnalysisStatus.DONE)
    recommendation = recommendation_for(
        total=total,
        pass_threshold=position.pass_threshold,
        reject_threshold=position.reject_threshold,
        review=review or answered == 0,
    )
    answers = [a for a in latest.values() if a.status == AnswerStatus.PROCESSED]
    return {
        "schema": REPORT_SCHEMA,
        "version": 0,
        "built_at": now.isoformat(),
        "session_id": session.pk,
        "application_id": application.pk,
        "candidate": {"id": application.candidate_id, "name": application.candidate.name},
        "position": {"id": position.pk, "title": position.title, "title_en": position.title_en},
        "language": language,
        "total": total,
        "total_confidence": fusion.total_confidence,
        "needs_review": review,
        "recommendation": {
            "code": recommendation,
            "pass_threshold": position.pass_threshold,
            "reject_threshold": position.reject_threshold,
            "low_confidence": fusion.total_confidence < LOW_CONFIDENCE,
        },
        "dimensions": dimensions,
        "questions": items,
        "highlights": highlights[:MAX_HIGHLIGHTS],
        "suggestions": _rank_suggestions(suggestions),
        "integrity": _integrity(session, answers),
        "models": dict(sorted(models.items())),
        "features_used": sorted(features),
        "consent": consent_state(session=session),
        "progress": {
            "answered": len(answers),
            "questions": len(questions),
            "analysed": answered,
            "needs_review": sum(1 for item in items if item["status"] == AnalysisStatus.NEEDS_REVIEW),
        },
        "standing": cohort_standing(position_id=position.pk, total=total, exclude_session_id=session.pk),
    }


_SUGGESTION_ORDER = {
    "missed_key_point": 0,
    "weak_dimension": 1,
    "short": 2,
    "structure": 3,
    "fillers": 4,
    "rate_fast": 5,
    "rate_slow": 5,
    "long_pause": 6,
}


def _rank_suggestions(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(items, key=lambda s: (_SUGGESTION_ORDER.get(s["kind"], 9), s.get("question") or 0))


# --- presentation (reader's language) ------------------------------------------------------------------------


def dimension_label(key: str) -> str:
    try:
        return str(Dimension(key).label)
    except ValueError:
        return key


def _band(score: float) -> str:
    if score >= 85:
        return _("表现突出")
    if score >= 70:
        return _("表现良好")
    if score >= 55:
        return _("基本达到要求")
    return _("低于岗位期望，建议复试时重点考察")


def _basis(key: str) -> str:
    return {
        COMMUNICATION: _("依据回答的条理性与表达流畅度（语速、停顿、口头语）。"),
        PROFESSIONAL_MATCH: _("依据回答覆盖题目要点的程度及与优秀回答的接近程度。"),
        POSITION_FIT: _("依据各题内容得分的综合表现。"),
        LOGICAL_THINKING: _("依据“首先/其次/最后”等顺序表达、STAR 要素及前后连贯性。"),
        EMOTIONAL_STABILITY: _("依据语音音高与音量的平稳程度（经候选人单独授权）。"),
        AFFINITY: _("依据视频中的面部表情与正视镜头比例（经候选人单独授权）。"),
    }.get(key, _("依据考察该维度的题目的内容得分。"))


def dimension_reading(key: str, score: float | None, confidence: float) -> str:
    if score is None:
        if key in (EMOTIONAL_STABILITY, AFFINITY):
            return _("未分析：候选人未授权或岗位政策不允许，该项不计入总分。")
        return _("没有题目考察该维度，不计入总分。")
    text = _("%(band)s。%(basis)s") % {"band": _band(score), "basis": _basis(key)}
    if confidence < LOW_CONFIDENCE:
        text += _("置信度较低，仅供参考。")
    return text


def recommendation_text(code: str) -> str:
    return str(Recommendation(code).label)


def recommendation_reason(payload: dict[str, Any]) -> str:
    rec = payload["recommendation"]
    code, total = rec["code"], payload["total"]
    values = {"total": f"{total:.0f}" if total is not None else "—", "pass": rec["pass_threshold"]}
    values["reject"] = rec["reject_threshold"]
    if code == Recommendation.ADVANCE:
        text = _("总分 %(total)s，达到岗位通过分数线 %(pass)s。") % values
    elif code == Recommendation.REJECT:
        text = _("总分 %(total)s，低于岗位淘汰分数线 %(reject)s。") % values
    elif code == Recommendation.HOLD:
        text = _("总分 %(total)s，介于淘汰分数线 %(reject)s 与通过分数线 %(pass)s 之间。") % values
    else:
        text = _("有回答未能完成自动分析，需 HR 人工复核后再做决定。")
    if rec.get("low_confidence") and code != Recommendation.REVIEW:
        text += _("整体置信度较低，请结合录音人工判断。")
    return text + _("此为系统建议，最终决定由 HR 作出。")


def suggestion_text(item: dict[str, Any], *, with_question: bool = True) -> str:
    kind = item["kind"]
    question = item.get("question")
    prefix = (_("第 %(n)s 题：") % {"n": question}) if question and with_question else ""
    if kind == "missed_key_point":
        return prefix + _("回答中还可以谈谈「%(point)s」，这是这道题希望看到的要点之一。") % {
            "point": item["key_point"]
        }
    if kind == "weak_dimension":
        advice = {
            COMMUNICATION: _("回答时先说结论，再分点展开，语速平稳。"),
            PROFESSIONAL_MATCH: _("紧扣题目要点作答，多准备与岗位相关的业务知识。"),
            POSITION_FIT: _("结合岗位的日常工作来回答，说明自己会怎么做。"),
            LOGICAL_THINKING: _("按“情境—任务—行动—结果”的顺序讲述经历。"),
            "service_awareness": _("多从客户的角度考虑，说明如何让客户满意。"),
            "teamwork": _("讲一次与他人合作的具体经历，说明自己的角色和贡献。"),
            "integrity": _("说明面对违规要求时如何坚持原则，并兼顾客户感受。"),
            "learning_agility": _("举例说明自己如何快速学会一项新技能。"),
        }.get(item["dimension"], _("准备与之相关的具体经历，用事例说明自己的做法。"))
        return _("「%(dim)s」得分 %(score).0f：") % {
            "dim": dimension_label(item["dimension"]),
            "score": item["value"],
        } + str(advice)
    if kind == "short":
        return prefix + _("回答略显简短，可以把做法展开说明，并补充一个具体例子。")
    if kind == "structure":
        return prefix + _("可以用“首先、其次、最后”把要点分开讲，听的人更容易跟上。")
    if kind == "fillers":
        return prefix + _("口头语（如“%(words)s”）稍多，放慢一点、想好再说会更从容。") % {
            "words": "、".join(item.get("fillers") or [])
        }
    if kind == "rate_fast":
        return prefix + _("语速偏快（每分钟约 %(v).0f 字），适当放慢能让重点更清楚。") % {"v": item["value"]}
    if kind == "rate_slow":
        return prefix + _("语速偏慢（每分钟约 %(v).0f 字），可以更连贯地表达。") % {"v": item["value"]}
    if kind == "long_pause":
        return prefix + _("中间有较长停顿（约 %(v).0f 秒），可以先列出要点再作答。") % {"v": item["value"]}
    return prefix + str(kind)


def highlight_text(item: dict[str, Any]) -> str:
    if item["kind"] == "key_point":
        return _("覆盖要点「%(point)s」") % {"point": item["key_point"]}
    if item["kind"] == "star_result":
        return _("用具体结果说明了成效")
    return _("表达有条理，按顺序展开")


_EVIDENCE_LABELS: dict[str, Any] = {
    "speaking_rate": gettext_lazy("语速"),
    "filler_per_100": gettext_lazy("每百字口头语"),
    "pause_longest": gettext_lazy("最长停顿（秒）"),
    "content_score": gettext_lazy("内容得分"),
    "key_point_coverage": gettext_lazy("要点覆盖度"),
    "anchor_closeness": gettext_lazy("与评分锚点/示例回答的接近度"),
    "coherence": gettext_lazy("前后连贯度"),
    "f0_std_semitones": gettext_lazy("音高波动（半音）"),
    "loudness_std_db": gettext_lazy("音量波动（dB）"),
    "voice_breaks_per_min": gettext_lazy("每分钟断音次数"),
    "smile_ratio": gettext_lazy("微笑比例"),
    "face_presence_ratio": gettext_lazy("人脸出现比例"),
    "frontal_ratio": gettext_lazy("正视镜头比例"),
}


def evidence_text(item: dict[str, Any]) -> str:
    text = str(item.get("text") or "")
    if item.get("kind") == "feature":
        if text.startswith("markers:"):
            return _("顺序/逻辑词：%(m)s") % {"m": text.removeprefix("markers:")}
        if text.startswith("STAR:"):
            parts = text.removeprefix("STAR:")
            return _("STAR 要素：%(p)s") % {"p": parts or "—"}
        label = _EVIDENCE_LABELS.get(text)
        value = item.get("value")
        shown = "—" if value is None else (f"{value:.2f}" if abs(value) < 10 else f"{value:.0f}")
        return _("%(label)s：%(value)s") % {"label": label or text, "value": shown}
    return text


def _top_suggestions(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The summary list: weak dimensions first, then at most two missed key points per question, then the rest
    (the per-question cards list every suggestion)."""
    per_question: dict[Any, int] = {}
    picked: list[dict[str, Any]] = [s for s in items if s["kind"] == "weak_dimension"]
    for item in items:
        if item["kind"] == "weak_dimension":
            continue
        if item["kind"] == "missed_key_point":
            seen = per_question.get(item.get("question"), 0)
            if seen >= 2:
                continue
            per_question[item.get("question")] = seen + 1
        picked.append(item)
    return picked[:MAX_SUGGESTIONS]


def report_present(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload plus every human-readable sentence, in the active language."""
    out = dict(payload)
    out["recommendation"] = dict(payload["recommendation"]) | {
        "label": recommendation_text(payload["recommendation"]["code"]),
        "reason": recommendation_reason(payload),
    }
    out["dimensions"] = [
        d
        | {
            "label": dimension_label(d["key"]),
            "reading": dimension_reading(d["key"], d["score"], d["confidence"]),
            "evidence": [e | {"label": evidence_text(e)} for e in d["evidence"]],
        }
        for d in payload["dimensions"]
    ]
    out["highlights"] = [h | {"label": highlight_text(h)} for h in payload["highlights"]]
    out["suggestions"] = [s | {"label": suggestion_text(s)} for s in payload["suggestions"]]
    out["top_suggestions"] = _top_suggestions(out["suggestions"])
    out["questions"] = [
        q
        | {
            "suggestions": [
                suggestion_text(s, with_question=False)
                for s in payload["suggestions"]
                if s.get("question") == q["position"]
            ],
            "highlights": [h for h in out["highlights"] if h["question"] == q["position"]],
        }
        for q in payload["questions"]
    ]
    return out
