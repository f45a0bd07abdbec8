"""Writes of the scoring pipeline: request, run and retry the analysis of answers; build the session report.

Flow (ADR 0031): an answer is prepared by the interviews app → `analysis_request` (queued, task enqueued after
commit) → `answer_analysis_run` in the worker: claim in a short transaction, analyse outside any transaction
(ASR takes seconds; SQLite must not stay locked), store only while still holding the claim → once every live
answer of a completed session is analysed (or flagged for review), `session_report_build` fuses the scores,
stores the versioned report, moves the application INTERVIEWED → SCORED and records `report.ready`."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import time
from dataclasses import dataclass
from typing import Any

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from hirelink.analysis.types import Rubric, to_dict
from hirelink.candidates.services import application_transition
from hirelink.candidates.states import ApplicationStatus, can_transition
from hirelink.core import clock
from hirelink.core.events import event_record
from hirelink.core.tasks import enqueue_on_commit
from hirelink.interviews.models import Answer, AnswerStatus, InterviewSession, SessionQuestion, SessionStatus
from hirelink.positions.vocabulary import AnswerMode
from hirelink.privacy.models import AuditAction, ConsentPurpose, ConsentRecord
from hirelink.privacy.services import audit_record
from hirelink.scoring import errors
from hirelink.scoring.analysers import DEFAULT_ANALYSERS, Analysers
from hirelink.scoring.models import (
    TERMINAL_ANALYSIS_STATUSES,
    AnalysisStatus,
    AnswerAnalysis,
    InterviewReport,
)

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
RETRY_DELAYS_SECONDS = (5, 30)  # after the 1st and the 2nd failed attempt; the 3rd failure → needs review
LEASE_MIN_SECONDS = 120  # a RUNNING claim older than its lease belongs to a dead worker and may be taken over
REPORT_WAIT_SECONDS = 2  # a completed session with answers still being prepared: look again this much later
REPORT_WAIT_MAX_TRIES = 150


# --- helpers -------------------------------------------------------------------------------------------------


def analysis_language(session: InterviewSession) -> str:
    return "en" if (session.language or "").lower().startswith("en") else "zh"


def live_answers(*, session: InterviewSession) -> QuerySet[Answer]:
    """The answers that count: per question the latest non-superseded, non-rejected attempt."""
    return (
        Answer.objects.filter(session_question__session=session)
        .exclude(status__in=[AnswerStatus.SUPERSEDED, AnswerStatus.REJECTED])
        .select_related("session_question__question")
        .order_by("session_question__position", "-attempt")
    )


def latest_answer_per_question(*, session: InterviewSession) -> dict[int, Answer]:
    latest: dict[int, Answer] = {}
    for answer in live_answers(session=session):
        latest.setdefault(answer.session_question_id, answer)
    return latest


@dataclass(frozen=True)
class BiometricGate:
    """Whether voice / face features may be extracted, and why not when they may not."""

    consent: bool | None  # the candidate's biometric consent (None: never asked)
    voice: bool
    face: bool
    voice_reason: str
    face_reason: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "biometric_consent": self.consent,
            "voice": self.voice,
            "face": self.face,
            "voice_reason": self.voice_reason,
            "face_reason": self.face_reason,
        }


def biometric_consent(*, session: InterviewSession) -> bool | None:
    record = (
        ConsentRecord.objects.filter(
            subject_type="interview_invitation",
            subject_id=str(session.invitation_id),
            purpose=ConsentPurpose.BIOMETRIC,
        )
        .order_by("-at", "-id")
        .first()
    )
    return None if record is None else record.granted


def biometric_gate(*, session: InterviewSession, answer: Answer | None = None) -> BiometricGate:
    """Voice/face features only with the candidate's separate consent (ConsentRecord), the position's current
    policy, and the session's own choice (e.g. not on the text-only path). Reasons are stable codes."""
    position = session.invitation.application.position
    consent = biometric_consent(session=session)
    voice_reason = face_reason = ""
    if not position.voice_features_allowed:
        voice_reason = "policy"
    elif consent is not True:
        voice_reason = "no_consent"
    elif not session.voice_features_enabled or (answer is not None and answer.mode == AnswerMode.TEXT):
        voice_reason = "not_recorded"
    if not position.face_features_allowed:
        face_reason = "policy"
    elif consent is not True:
        face_reason = "no_consent"
    elif not session.face_features_enabled or (answer is not None and answer.mode != AnswerMode.VIDEO):
        face_reason = "not_video"
    return BiometricGate(
        consent=consent,
        voice=not voice_reason,
        face=not face_reason,
        voice_reason=voice_reason,
        face_reason=face_reason,
    )


def rubric_for(*, question: SessionQuestion, language: str) -> Rubric:
    """The analysis package's rubric from the question as drawn for this session."""
    source = question.question
    english = language == "en"

    def pick(item: dict[str, Any], key: str = "text") -> str:
        value = str(item.get(f"{key}_en") or "") if english else ""
        return value or str(item.get(key) or "")

    key_points = tuple(p for p in (pick(kp) for kp in (source.key_points or [])) if p)
    exemplars = [e for e in (source.exemplars or []) if str(e.get("text") or "").strip()]
    references = tuple(str(e["text"]) for e in exemplars if int(e.get("level") or 0) == 5)
    anchors: dict[int, str] = {}
    for level in source.levels or []:
        number = int(level.get("level") or 0)
        if 1 <= number <= 5:
            anchors[number] = pick(level, "descriptor")
    for exemplar in exemplars:  # a sample answer at a level is a better anchor than its descriptor
        number = int(exemplar.get("level") or 0)
        if 1 <= number <= 5:
            anchors[number] = str(exemplar["text"])
    text = question.text_en if english and question.text_en else question.text
    return Rubric(
        question=text,
        key_points=key_points,
        references=references,
        level_anchors=anchors,
        language="en" if english else "zh",
        expected_seconds=float(question.answer_seconds) if question.answer_seconds else None,
    )


def _retry_delay(attempts: int) -> int:
    return RETRY_DELAYS_SECONDS[min(attempts, len(RETRY_DELAYS_SECONDS)) - 1]


def _enqueue(task: Any, *args: Any, run_after: dt.datetime | None = None) -> None:
    """Queue after commit; deferred when the backend can defer (database and RQ workers can). Without
    deferral (the immediate backend in tests) a delayed run is left to the next trigger instead of recursing."""
    if run_after is None:
        enqueue_on_commit(task, *args)
        return
    if task.get_backend().supports_defer:
        enqueue_on_commit(task.using(run_after=run_after), *args)


# --- requesting analysis -------------------------------------------------------------------------------------


@transaction.atomic
def analysis_request(*, answer: Answer) -> AnswerAnalysis:
    """Make sure a prepared answer gets analysed (once). Idempotent: an analysis already queued, running or
    finished is returned as it is; a new one is queued and its task enqueued after commit."""
    if answer.status != AnswerStatus.PROCESSED:
        raise errors.AnswerNotReadyError
    analysis, created = AnswerAnalysis.objects.get_or_create(
        answer=answer,
        defaults={
            "session_id": answer.session_question.session_id,
            "status": AnalysisStatus.QUEUED,
        },
    )
    if created:
        from hirelink.scoring.tasks import answer_analyze

        enqueue_on_commit(answer_analyze, answer.pk)
        logger.info("scoring.analysis.queued", extra={"answer_id": answer.pk, "analysis_id": analysis.pk})
    return analysis


def session_analysis_request(*, session: InterviewSession) -> list[AnswerAnalysis]:
    """Queue analysis of every prepared live answer of the session that has none yet, then ask for the report
    (it builds only once everything is analysed)."""
    requested = [
        analysis_request(answer=answer)
        for answer in latest_answer_per_question(session=session).values()
        if answer.status == AnswerStatus.PROCESSED
    ]
    from hirelink.scoring.tasks import session_report_build

    _enqueue(session_report_build, session.pk)
    return requested


# --- running one analysis ------------------------------------------------------------------------------------


def _claim(*, answer_id: int, now: dt.datetime) -> tuple[AnswerAnalysis | None, str]:
    """Take the analysis for this worker. Returns (analysis, "") when claimed, else (row or None, why not)."""
    with transaction.atomic():
        answer = Answer.objects.select_related("session_question").filter(pk=answer_id).first()
        if answer is None:
            return None, "missing"
        analysis = AnswerAnalysis.objects.select_for_update().filter(answer_id=answer_id).first()
        if analysis is None:
            if answer.status != AnswerStatus.PROCESSED:
                return None, "not_prepared"
            analysis = AnswerAnalysis.objects.create(answer=answer, session_id=answer.session_question.session_id)
        if analysis.status in TERMINAL_ANALYSIS_STATUSES:
            return analysis, "finished"
        if answer.status in (AnswerStatus.SUPERSEDED, AnswerStatus.REJECTED):
            return analysis, "superseded"
        if analysis.next_attempt_at is not None and analysis.next_attempt_at > now:
            return analysis, "not_due"
        analysis.status = AnalysisStatus.RUNNING
        analysis.attempts += 1
        analysis.started_at = now
        lease = max(LEASE_MIN_SECONDS, int((answer.duration_seconds or 0) * 0.5) + 60)
        analysis.next_attempt_at = now + dt.timedelta(seconds=lease)  # while RUNNING: the claim's lease
        analysis.save(update_fields=["status", "attempts", "started_at", "next_attempt_at", "updated_at"])
        return analysis, ""


def _read_media(name: str) -> bytes:
    if not name:
        raise errors.MediaMissingError
    with default_storage.open(name, "rb") as handle:
        data: bytes = handle.read()
    return data


def _analyse(*, answer: Answer, analysers: Analysers) -> dict[str, Any]:
    """The heavy part, outside any transaction. Returns the fields to store."""
    session = answer.session_question.session
    language = analysis_language(session)
    rubric = rubric_for(question=answer.session_question, language=language)
    gate = biometric_gate(session=session, answer=answer)
    timings: dict[str, float] = {}
    models: dict[str, str] = {}
    features: list[str] = ["content"]
    transcript = delivery = voice = face = None

    def timed(name: str, func: Any, *args: Any) -> Any:
        started = time.perf_counter()
        try:
            return func(*args)
        finally:
            timings[name] = round(time.perf_counter() - started, 3)

    if answer.mode == AnswerMode.TEXT:
        text = answer.text
    else:
        samples = timed("decode", analysers.decode, _read_media(answer.normalised_audio.name))
        transcript = timed("asr", analysers.transcribe, samples, language)
        text = transcript.text
        models["asr"] = transcript.model
        features += ["transcript", "delivery"]
        delivery = timed("delivery", analysers.delivery, transcript)
        if transcript.duration:
            timings["asr_rtf"] = round(timings["asr"] / transcript.duration, 4)
        if gate.voice:
            voice = timed("voice", analysers.voice, samples)
            if voice is not None:
                models["voice"] = voice.model
                features.append("voice")
        if gate.face:
            face = timed("face", analysers.face, _read_media(answer.media.name))
            if face is not None:
                models["face"] = face.model
                features.append("face")
    content = timed("content", analysers.content, text, rubric, rubric.language, answer.duration_seconds)
    models["content"] = content.model
    models["analysis"] = content.version
    return {
        "language": rubric.language,
        "transcript": to_dict(transcript) if transcript is not None else None,
        "content": to_dict(content),
        "delivery": to_dict(delivery) if delivery is not None else None,
        "voice": to_dict(voice) if voice is not None else None,
        "face": to_dict(face) if face is not None else None,
        "features": features,
        "consent": gate.as_dict(),
        "models_used": models,
        "timings": timings,
    }


def answer_analysis_run(
    *, answer_id: int, analysers: Analysers = DEFAULT_ANALYSERS, now: dt.datetime | None = None
) -> AnswerAnalysis | None:
    """Analyse one answer: idempotent (a finished analysis is returned untouched), retry-safe (only the
    holder of the claim stores a result), retried with back-off and flagged NEEDS_REVIEW after MAX_ATTEMPTS
    failures — never stored as a zero score."""
    from hirelink.scoring.tasks import answer_analyze, session_report_build

    now = now or clock.now()
    analysis, reason = _claim(answer_id=answer_id, now=now)
    if analysis is None or reason:
        if analysis is not None and reason == "not_due" and analysis.next_attempt_at is not None:
            _enqueue(answer_analyze, answer_id, run_after=analysis.next_attempt_at)
        logger.info("scoring.analysis.skipped", extra={"answer_id": answer_id, "reason": reason})
        return analysis
    claimed_attempt = analysis.attempts
    answer = Answer.objects.select_related(
        "session_question__question", "session_question__session__invitation__application__position"
    ).get(pk=answer_id)
    started = time.perf_counter()
    try:
        fields = _analyse(answer=answer, analysers=analysers)
    except Exception as exc:
        return _record_failure(analysis=analysis, attempt=claimed_attempt, exc=exc, now=now)
    fields["timings"]["total"] = round(time.perf_counter() - started, 3)
    with transaction.atomic():
        updated = AnswerAnalysis.objects.filter(
            pk=analysis.pk, status=AnalysisStatus.RUNNING, attempts=claimed_attempt
        ).update(
            status=AnalysisStatus.DONE,
            finished_at=clock.now(),
            next_attempt_at=None,
            error="",
            updated_at=clock.now(),
            **fields,
        )
        if updated:
            _enqueue(session_report_build, answer.session_question.session_id)
    analysis.refresh_from_db()
    logger.info(
        "scoring.analysis.done",
        extra={"answer_id": answer_id, "stored": bool(updated), "timings": fields["timings"]},
    )
    return analysis


def _record_failure(*, analysis: AnswerAnalysis, attempt: int, exc: Exception, now: dt.datetime) -> AnswerAnalysis:
    from hirelink.scoring.tasks import answer_analyze, session_report_build

    message = f"{type(exc).__name__}: {exc}"[:2000]
    final = attempt >= MAX_ATTEMPTS
    retry_at = None if final else now + dt.timedelta(seconds=_retry_delay(attempt))
    with transaction.atomic():
        updated = AnswerAnalysis.objects.filter(pk=analysis.pk, status=AnalysisStatus.RUNNING, attempts=attempt).update(
            status=AnalysisStatus.NEEDS_REVIEW if final else AnalysisStatus.FAILED,
            next_attempt_at=retry_at,
            finished_at=clock.now() if final else None,
            error=message,
            updated_at=clock.now(),
        )
        if updated and retry_at is not None:
            _enqueue(answer_analyze, analysis.answer_id, run_after=retry_at)
        if updated and final:
            _enqueue(session_report_build, analysis.session_id)
    logger.warning(
        "scoring.analysis.failed",
        extra={"answer_id": analysis.answer_id, "attempt": attempt, "final": final, "error": message},
        exc_info=exc,
    )
    analysis.refresh_from_db()
    return analysis


@transaction.atomic
def analysis_retry(*, actor: Any, session: InterviewSession) -> list[AnswerAnalysis]:
    """HR asks to analyse the answers flagged for review once more (e.g. after a model was fixed)."""
    from hirelink.scoring.tasks import answer_analyze

    flagged = list(
        AnswerAnalysis.objects.select_for_update().filter(session=session, status=AnalysisStatus.NEEDS_REVIEW)
    )
    if not flagged:
        raise errors.NothingToRetryError
    for analysis in flagged:
        analysis.status, analysis.attempts, analysis.next_attempt_at = AnalysisStatus.QUEUED, 0, None
        analysis.save(update_fields=["status", "attempts", "next_attempt_at", "updated_at"])
        enqueue_on_commit(answer_analyze, analysis.answer_id)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="interview_session",
        object_id=session.pk,
        candidate_id=session.invitation.application.candidate_id,
        summary="analysis retry",
        changes={"answers": [a.answer_id for a in flagged]},
    )
    return flagged


# --- the session report --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Readiness:
    ready: bool
    waiting_for_preparation: bool
    missing_analysis: list[Answer]


def session_readiness(*, session: InterviewSession) -> Readiness:
    latest = latest_answer_per_question(session=session)
    preparing = any(a.status in (AnswerStatus.RECORDING, AnswerStatus.SAVED) for a in latest.values())
    processed = [a for a in latest.values() if a.status == AnswerStatus.PROCESSED]
    done = dict(AnswerAnalysis.objects.filter(answer__in=processed).values_list("answer_id", "status"))
    missing = [a for a in processed if a.pk not in done]
    unfinished = [a for a in processed if done.get(a.pk) not in TERMINAL_ANALYSIS_STATUSES]
    ready = session.status == SessionStatus.COMPLETED and not preparing and not unfinished
    return Readiness(ready=ready, waiting_for_preparation=preparing, missing_analysis=missing)


def _fingerprint(payload: dict[str, Any]) -> str:
    stable = {k: v for k, v in payload.items() if k not in ("built_at", "version", "standing")}
    return hashlib.sha256(json.dumps(stable, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def session_report_build(*, session_id: int, tries: int = 0, now: dt.datetime | None = None) -> InterviewReport | None:
    """Build (or rebuild) the report once the session is complete and every live answer is analysed or
    flagged. Idempotent: the same inputs give the same report row, one transition and one `report.ready`."""
    from hirelink.scoring.report import report_payload_build
    from hirelink.scoring.tasks import session_report_build as build_task

    session = (
        InterviewSession.objects.select_related(
            "invitation__application__position", "invitation__application__candidate"
        )
        .filter(pk=session_id)
        .first()
    )
    if session is None or session.status != SessionStatus.COMPLETED:
        return None
    readiness = session_readiness(session=session)
    for answer in readiness.missing_analysis:
        analysis_request(answer=answer)
    if not readiness.ready:
        if readiness.waiting_for_preparation and tries < REPORT_WAIT_MAX_TRIES:
            _enqueue(
                build_task,
                session_id,
                tries + 1,
                run_after=(now or clock.now()) + dt.timedelta(seconds=REPORT_WAIT_SECONDS),
            )
        return None
    payload = report_payload_build(session=session, now=now or clock.now())
    fingerprint = _fingerprint(payload)
    application = session.invitation.application
    with transaction.atomic():
        report = InterviewReport.objects.select_for_update().filter(session=session).first()
        if report is not None and report.fingerprint == fingerprint:
            return report
        version = 1 if report is None else report.version + 1
        payload["version"] = version
        values = {
            "application": application,
            "position": application.position,
            "version": version,
            "schema": payload["schema"],
            "fingerprint": fingerprint,
            "payload": payload,
            "total": payload["total"],
            "confidence": payload["total_confidence"],
            "recommendation": payload["recommendation"]["code"],
            "needs_review": payload["needs_review"],
            "built_at": clock.now(),
        }
        report, _created = InterviewReport.objects.update_or_create(session=session, defaults=values)
        application.refresh_from_db(fields=["status"])
        if (
            not report.needs_review
            and application.status == ApplicationStatus.INTERVIEWED
            and can_transition(application.status, ApplicationStatus.SCORED)
        ):
            application_transition(
                actor="ai_scoring",
                application=application,
                to_status=ApplicationStatus.SCORED,
                reason=_("AI面试报告已生成"),
            )
        event_record(
            name="report.ready",
            payload={
                "report_id": report.pk,
                "session_id": session.pk,
                "application_id": application.pk,
                "version": version,
                "total": report.total,
                "recommendation": report.recommendation,
                "needs_review": report.needs_review,
            },
        )
    logger.info(
        "scoring.report.built",
        extra={"session_id": session.pk, "report_id": report.pk, "version": version, "total": report.total},
    )
    return report
