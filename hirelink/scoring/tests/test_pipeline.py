"""The scoring pipeline at service level: answers → analysis → report, on the real speech fixtures."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from hirelink.analysis.types import Segment, Transcript
from hirelink.candidates.models import ApplicationEvent
from hirelink.core.models import OutboxEvent
from hirelink.positions.models import Position
from hirelink.scoring import services
from hirelink.scoring.analysers import DEFAULT_ANALYSERS, Analysers
from hirelink.scoring.models import AnalysisStatus, AnswerAnalysis, InterviewReport
from hirelink.scoring.selectors import report_summary_for_applications, session_progress
from hirelink.scoring.tests.conftest import MANIFEST

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate over the characters that are not punctuation."""
    keep = [c for c in reference if c.isalnum()]
    hyp = [c for c in hypothesis if c.isalnum()]
    previous = list(range(len(hyp) + 1))
    for i, ref_char in enumerate(keep, start=1):
        current = [i] + [0] * len(hyp)
        for j, hyp_char in enumerate(hyp, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref_char != hyp_char))
        previous = current
    return previous[-1] / len(keep)


def fake_transcriber(texts: dict[float, str]) -> Analysers:
    """Analysers with the real content/delivery/voice scorers but a transcript read from the fixture manifest
    (keyed by the clip's duration in seconds), so tests about gating and retries need no ASR model."""

    def transcribe(samples: Any, language: Any) -> Transcript:
        duration = round(len(samples) / 16000, 0)
        text = texts[duration]
        return Transcript(
            text=text,
            language="zh",
            segments=(Segment(start=0.0, end=duration, text=text, avg_logprob=-0.2),),
            duration=duration,
            model="fixture-transcript",
        )

    return dataclasses.replace(DEFAULT_ANALYSERS, transcribe=transcribe)


def analysis_of(value: AnswerAnalysis | None) -> AnswerAnalysis:
    assert value is not None
    return value


def failing_analysers() -> Analysers:
    def transcribe(samples: Any, language: Any) -> Transcript:
        raise RuntimeError("ASR engine crashed")

    return dataclasses.replace(DEFAULT_ANALYSERS, transcribe=transcribe)


@pytest.mark.django_db
def test_voice_interview_is_transcribed_scored_and_reported_with_evidence(build_session: Any) -> None:
    # given a completed voice interview with two real Mandarin answers and biometric consent
    built = build_session(["teller_complaint_strong", "answer_short"], mode="voice", biometric=True)

    # when each answer is analysed (real ASR) and the report is built
    analyses = [analysis_of(services.answer_analysis_run(answer_id=a.pk)) for a in built.answers]
    report = services.session_report_build(session_id=built.session.pk)

    # then the transcripts match the spoken texts
    assert [a.status for a in analyses] == [AnalysisStatus.DONE, AnalysisStatus.DONE]
    assert cer(MANIFEST["teller_complaint_strong"]["text"], (analyses[0].transcript or {})["text"]) < 0.08
    assert cer(MANIFEST["answer_short"]["text"], (analyses[1].transcript or {})["text"]) < 0.08
    assert (analyses[0].transcript or {})["segments"][0]["start"] >= 0
    # and voice features were extracted (consent + policy), face was not (no video, policy off)
    assert analyses[0].voice is not None
    assert analyses[0].face is None
    assert analyses[0].features == ["content", "transcript", "delivery", "voice"]
    assert analyses[0].timings["asr_rtf"] < 1
    # and the report scores every core dimension with evidence, the application is scored
    assert report is not None
    dimensions = {d["key"]: d for d in report.payload["dimensions"]}
    assert {"communication", "professional_match", "position_fit", "service_awareness"} <= set(dimensions)
    assert all(dimensions[k]["score"] is not None for k in ("communication", "professional_match", "position_fit"))
    assert dimensions["professional_match"]["evidence"][0]["kind"] == "key_point"
    assert dimensions["emotional_stability"]["score"] is not None
    first = report.payload["questions"][0]
    covered = [kp for kp in first["key_points"] if kp["covered"]]
    assert covered
    assert all(kp["evidence"] in first["text"] for kp in covered)
    assert next(s["text"] for s in first["spans"] if s["key_point"] is not None) in first["text"]
    assert "".join(s["text"] for s in first["spans"]) == first["text"]
    assert {"kind": "missed_key_point", "question": 1, "key_point": "为客户开通高收益理财账户"} in report.payload[
        "suggestions"
    ]
    assert report.payload["models"]["asr"] == "faster-whisper/whisper-base-int8"
    built.application.refresh_from_db()
    assert built.application.status == "scored"
    assert OutboxEvent.objects.filter(name="report.ready", payload__session_id=built.session.pk).count() == 1


@pytest.mark.django_db
def test_running_the_tasks_twice_stores_one_result_one_report_and_one_transition(build_session: Any) -> None:
    # given a completed text interview
    built = build_session(["teller_complaint_strong", "answer_short"], mode="text")

    # when every answer is analysed twice and the report built twice
    for answer in built.answers:
        services.answer_analysis_run(answer_id=answer.pk)
        services.answer_analysis_run(answer_id=answer.pk)
    first = services.session_report_build(session_id=built.session.pk)
    second = services.session_report_build(session_id=built.session.pk)

    # then there is one analysis per answer (one attempt each), one report, one transition and one event
    assert list(AnswerAnalysis.objects.filter(session=built.session).values_list("attempts", flat=True)) == [1, 1]
    assert first is not None
    assert second is not None
    assert (first.pk, second.pk, second.version) == (first.pk, first.pk, 1)
    assert InterviewReport.objects.count() == 1
    assert ApplicationEvent.objects.filter(application=built.application, to_status="scored").count() == 1
    assert OutboxEvent.objects.filter(name="report.ready").count() == 1
    assert first.payload["integrity"]["paste_count"] == 1
    assert first.payload["questions"][0]["mode"] == "text"


@pytest.mark.django_db
def test_failing_analysis_is_retried_with_back_off_then_flagged_for_review_never_scored_zero(
    build_session: Any,
) -> None:
    # given a completed voice interview whose ASR engine always fails
    built = build_session(["answer_short"], mode="voice")
    answer = built.answers[0]
    broken = failing_analysers()

    # when the task runs: at once, again before the back-off has passed, then after each back-off
    after_first = services.answer_analysis_run(answer_id=answer.pk, analysers=broken, now=T0)
    assert after_first is not None
    assert (after_first.status, after_first.attempts) == (AnalysisStatus.FAILED, 1)
    assert after_first.next_attempt_at == T0 + dt.timedelta(seconds=5)
    too_early = services.answer_analysis_run(answer_id=answer.pk, analysers=broken, now=T0 + dt.timedelta(seconds=2))
    assert analysis_of(too_early).attempts == 1
    second = services.answer_analysis_run(answer_id=answer.pk, analysers=broken, now=T0 + dt.timedelta(seconds=6))
    assert (analysis_of(second).status, analysis_of(second).attempts) == (AnalysisStatus.FAILED, 2)
    third = services.answer_analysis_run(answer_id=answer.pk, analysers=broken, now=T0 + dt.timedelta(seconds=40))
    report = services.session_report_build(session_id=built.session.pk)

    # then it is flagged for human review with the error, holds no score, and the report says so
    assert third is not None
    assert (third.status, third.attempts, third.content) == (AnalysisStatus.NEEDS_REVIEW, 3, None)
    assert third.error == "RuntimeError: ASR engine crashed"
    assert report is not None
    assert (report.needs_review, report.recommendation, report.total) == (True, "review", None)
    assert report.payload["questions"][0]["status"] == "needs_review"
    built.application.refresh_from_db()
    assert built.application.status == "interviewed"
    assert session_progress(session=built.session).needs_review == 1


@pytest.mark.django_db
def test_without_biometric_consent_voice_features_are_absent_not_zero(build_session: Any) -> None:
    # given a voice interview whose candidate declined the separate biometric consent
    built = build_session(["answer_short"], mode="voice", biometric=False)
    analysers = fake_transcriber({14.0: MANIFEST["answer_short"]["text"]})

    # when it is analysed and reported
    analysis = services.answer_analysis_run(answer_id=built.answers[0].pk, analysers=analysers)
    report = services.session_report_build(session_id=built.session.pk)

    # then no voice or face feature exists anywhere and the consent state is reported
    assert analysis is not None
    assert (analysis.voice, analysis.face) == (None, None)
    assert analysis.consent["voice_reason"] == "no_consent"
    assert report is not None
    dimensions = {d["key"]: d for d in report.payload["dimensions"]}
    assert dimensions["emotional_stability"]["score"] is None
    assert dimensions["emotional_stability"]["evidence"] == []
    assert "pitch" not in report.payload["features_used"]
    assert "voice" not in report.payload["models"]
    assert report.payload["consent"]["biometric"]["granted"] is False
    assert report.payload["questions"][0]["voice"] is None


@pytest.mark.django_db
def test_position_policy_off_keeps_voice_features_out_even_with_consent(build_session: Any, position: Position) -> None:
    # given consent was given but the position's policy now forbids voice features
    built = build_session(["answer_short"], mode="voice", biometric=True)
    Position.objects.filter(pk=position.pk).update(voice_features_allowed=False)
    analysers = fake_transcriber({14.0: MANIFEST["answer_short"]["text"]})

    # when the answer is analysed
    analysis = services.answer_analysis_run(answer_id=built.answers[0].pk, analysers=analysers)

    # then voice features are absent because of the policy
    assert analysis is not None
    assert (analysis.voice, analysis.consent["voice_reason"]) == (None, "policy")


@pytest.mark.django_db
def test_report_waits_for_every_answer_and_progress_counts_them(build_session: Any) -> None:
    # given a completed text interview with one of two answers analysed
    built = build_session(["teller_complaint_strong", "answer_short"], mode="text")
    services.answer_analysis_run(answer_id=built.answers[0].pk)

    # when the report is asked for
    premature = services.session_report_build(session_id=built.session.pk)
    summary = report_summary_for_applications([built.application.pk])[built.application.pk]

    # then nothing is built yet and HR sees 1 of 2 analysed
    assert premature is None
    assert (summary.status, summary.analysed, summary.answered) == ("analysing", 1, 2)


@pytest.mark.django_db
def test_recommendation_and_rank_follow_the_position_thresholds(build_session: Any, position: Position) -> None:
    # given a strong and a weak candidate for the same position
    strong = build_session(["teller_complaint_strong", "answer_short"], mode="text", name="强")
    weak = build_session(["teller_complaint_weak", "answer_short"], mode="text", name="弱")
    for built in (strong, weak):
        for answer in built.answers:
            services.answer_analysis_run(answer_id=answer.pk)

    # when both reports are built
    strong_report = services.session_report_build(session_id=strong.session.pk)
    weak_report = services.session_report_build(session_id=weak.session.pk)

    # then the weak answer scores lower and ranks second of two, and the summary carries it to the profile
    assert strong_report is not None
    assert weak_report is not None
    assert (weak_report.total or 0) < (strong_report.total or 0)
    assert weak_report.total is not None
    assert weak_report.payload["standing"] == {"rank": 2, "cohort": 2, "percentile": 0}
    summaries = report_summary_for_applications([strong.application.pk, weak.application.pk])
    assert summaries[weak.application.pk].total == weak_report.total
    assert summaries[strong.application.pk].url == f"/scoring/sessions/{strong.session.pk}/report/"
    assert summaries[strong.application.pk].status == "ready"
