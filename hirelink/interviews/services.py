"""Writes for interviews: invitations, the personal guide, sessions and their questions, text answers,
finishing, integrity signals and answer preparation. The resumable media upload lives in `uploads.py`.

Invitation tokens: 32 random bytes (url-safe), stored only as a SHA-256 hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from hirelink.candidates.models import Application
from hirelink.candidates.services import application_transition
from hirelink.candidates.states import ApplicationStatus, can_transition
from hirelink.core import clock
from hirelink.core.events import event_record
from hirelink.core.tasks import enqueue_on_commit
from hirelink.interviews import errors, media
from hirelink.interviews.disclosure import DISCLOSURE_VERSION, disclosure_sha256
from hirelink.interviews.models import (
    Answer,
    AnswerStatus,
    GuideTemplate,
    IntegritySignal,
    InterviewSession,
    Invitation,
    InvitationStatus,
    Question,
    SessionQuestion,
    SessionQuestionStatus,
    SessionStatus,
    SignalKind,
)
from hirelink.positions.vocabulary import AnswerMode
from hirelink.privacy.models import ConsentPurpose, ConsentRecord

logger = logging.getLogger(__name__)

# Seconds of slack on every time limit: network latency, a slow phone, the recorder's last chunk.
TIME_GRACE_SECONDS = 15
MAX_ATTEMPTS = 2  # when re-recording is allowed: the first answer plus one re-record
TEXT_MAX_CHARS = 5000
GONE_STATUSES = (InvitationStatus.CANCELLED, InvitationStatus.EXPIRED)
STARTED_GRACE = dt.timedelta(hours=6)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --- Invitations -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    token: str  # goes into the link and the message; stored only encrypted (Invitation.token_sealed)


@transaction.atomic
def invitation_create(
    *, actor: Any, application: Application, window_start: dt.datetime | None = None, channel: str = ""
) -> IssuedInvitation:
    """Create the invitation for an application; an open (not expired, not finished) one is cancelled first,
    so a candidate only ever holds one working link."""
    start = window_start or clock.now()
    days = application.position.invitation_valid_days
    Invitation.objects.filter(
        application=application,
        status__in=[InvitationStatus.PENDING, InvitationStatus.SENT, InvitationStatus.OPENED],
    ).update(status=InvitationStatus.CANCELLED)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        application=application,
        token_hash=token_hash(token),
        token_sealed=token,
        channel=channel,
        window_start=start,
        expires_at=start + dt.timedelta(days=days),
    )
    return IssuedInvitation(invitation=invitation, token=token)


def invitation_open_for_sending(*, application: Application) -> IssuedInvitation | None:
    """The application's invitation that is ready to be sent (pending, window not over), with its token; None
    when there is none, e.g. screening did not create one or it expired."""
    invitation = (
        Invitation.objects.filter(application=application, status=InvitationStatus.PENDING, expires_at__gt=clock.now())
        .exclude(token_sealed="")
        .order_by("-created_at", "-id")
        .first()
    )
    if invitation is None or not invitation.token_sealed:
        return None
    return IssuedInvitation(invitation=invitation, token=invitation.token_sealed)


def invitation_check_usable(*, invitation: Invitation) -> None:
    """Raise unless the link may be used now: not cancelled, not expired. An interview started before the
    window closed may be finished within STARTED_GRACE after it (each question keeps its own time limit)."""
    if invitation.status in GONE_STATUSES:
        raise errors.InvitationGoneError
    closes = invitation.expires_at + (STARTED_GRACE if invitation.started_at else dt.timedelta(0))
    if invitation.status != InvitationStatus.COMPLETED and clock.now() >= closes:
        raise errors.InvitationGoneError
    if clock.now() < invitation.window_start:
        raise errors.InvitationNotYetOpenError


def invitation_record_open(*, invitation: Invitation, channel: str = "") -> Invitation:
    """First opening of the link: timestamp it (and the channel it came through) for completion analytics.
    Later openings change nothing."""
    if invitation.opened_at is not None:
        return invitation
    now = clock.now()
    fields: dict[str, Any] = {"opened_at": now, "updated_at": now}
    if invitation.status in (InvitationStatus.PENDING, InvitationStatus.SENT):
        fields["status"] = InvitationStatus.OPENED
    if channel and not invitation.channel:
        fields["channel"] = channel[:24]
    Invitation.objects.filter(pk=invitation.pk, opened_at__isnull=True).update(**fields)
    invitation.refresh_from_db()
    logger.info("interview.invitation.opened", extra={"invitation_id": invitation.pk, "channel": channel})
    return invitation


# --- The personal guide ------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def guide_template_for(*, invitation: Invitation) -> GuideTemplate | None:
    position = invitation.application.position
    return (
        GuideTemplate.objects.filter(position=position).first()
        or GuideTemplate.objects.filter(position__isnull=True).first()
    )


def _default_guide_body() -> str:
    return _(
        "{candidate_name}，您好！\n\n感谢您应聘{position}岗位。诚邀您参加 AI 视频/语音面试。\n"
        "面试时间：{window_start} 至 {window_end}，请在截止前完成。\n面试链接：{link}\n\n"
        "请准备：{materials}\n注意事项：{notes}"
    )


def guide_render(*, invitation: Invitation, link: str) -> str:
    """The personal guide (面试指引) in the active language. Source, in order: the invitation's own text,
    the position's GuideTemplate, the default GuideTemplate, the built-in text. Unknown placeholders stay."""
    template = guide_template_for(invitation=invitation)
    english = (translation.get_language() or "").startswith("en")
    application = invitation.application
    position = application.position

    def pick(zh: str, en: str) -> str:
        return en if english and en else zh

    if invitation.guide:
        body = invitation.guide
    elif template is not None:
        body = pick(template.body, template.body_en)
    else:
        body = _default_guide_body()
    materials = pick(template.materials, template.materials_en) if template else ""
    notes = pick(template.notes, template.notes_en) if template else ""
    values = {
        "candidate_name": application.candidate.name,
        "position": pick(position.title, position.title_en),
        "window_start": formats.date_format(timezone.localtime(invitation.window_start), "Y-m-d H:i"),
        "window_end": formats.date_format(timezone.localtime(invitation.expires_at), "Y-m-d H:i"),
        "link": link,
        "materials": materials or _("身份证件（备查）、安静的环境、电量充足的手机或电脑"),
        "notes": notes
        or _("请使用最新版微信/企业微信或浏览器，允许使用麦克风；面试约需 20 分钟，中途断网可重新打开链接继续。"),
    }
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), body)


# --- Sessions ------------------------------------------------------------------------------------------------


def allowed_modes(*, session_or_position: Any) -> list[str]:
    position = getattr(session_or_position, "invitation", None)
    position = position.application.position if position is not None else session_or_position
    modes = [m for m in (position.answer_modes or []) if m in AnswerMode.values]
    return modes or [AnswerMode.TEXT]


def _draw_questions(*, application: Application) -> list[Question]:
    position = application.position
    if position.question_bank_id is None:
        raise errors.InterviewError(_("该岗位尚未配置面试题，请联系招聘人员。"), code="no_questions")
    pool = list(Question.objects.filter(bank_id=position.question_bank_id, is_active=True).order_by("order", "id"))
    if not pool:
        raise errors.InterviewError(_("该岗位尚未配置面试题，请联系招聘人员。"), code="no_questions")
    count = min(position.question_count or len(pool), len(pool))
    if position.randomise_questions:
        return secrets.SystemRandom().sample(pool, count)
    return pool[:count]


def session_create(
    *,
    invitation: Invitation,
    ai_consent: bool,
    biometric_consent: bool,
    text_only: bool,
    language: str,
    ip_address: str | None,
    user_agent: str,
) -> InterviewSession:
    """Record the candidate's consent decisions (always, also a refusal) and, when they agreed to the AI
    interview, create the session with its questions drawn and frozen. Idempotent: a second consent for the
    same invitation returns the existing session unchanged. A refusal is committed, then ConsentRequiredError."""
    with transaction.atomic():
        session = _session_create(
            invitation=invitation,
            ai_consent=ai_consent,
            biometric_consent=biometric_consent,
            text_only=text_only,
            language=language,
            ip_address=ip_address,
            user_agent=user_agent,
        )
    if session is None:
        raise errors.ConsentRequiredError
    return session


def _session_create(
    *,
    invitation: Invitation,
    ai_consent: bool,
    biometric_consent: bool,
    text_only: bool,
    language: str,
    ip_address: str | None,
    user_agent: str,
) -> InterviewSession | None:
    invitation_check_usable(invitation=invitation)
    existing = InterviewSession.objects.filter(invitation=invitation).first()
    if existing is not None:
        return existing
    application = invitation.application
    position = application.position
    biometric_allowed = position.voice_features_allowed or position.face_features_allowed
    digest = disclosure_sha256()
    common = {
        "subject_type": "interview_invitation",
        "subject_id": str(invitation.pk),
        "candidate_id": application.candidate_id,
        "disclosure_version": DISCLOSURE_VERSION,
        "disclosure_sha256": digest,
        "language": language[:8],
        "ip_address": ip_address,
        "user_agent": user_agent[:400],
    }
    ConsentRecord.objects.create(purpose=ConsentPurpose.AI_INTERVIEW, granted=ai_consent, **common)
    if biometric_allowed:
        ConsentRecord.objects.create(
            purpose=ConsentPurpose.BIOMETRIC, granted=bool(biometric_consent and ai_consent), **common
        )
    if not ai_consent:
        logger.info("interview.consent.declined", extra={"invitation_id": invitation.pk})
        return None
    modes = allowed_modes(session_or_position=position)
    text_only = text_only or modes == [AnswerMode.TEXT]
    if text_only and AnswerMode.TEXT not in modes:
        modes.append(AnswerMode.TEXT)  # the text-only path exists for every position (PRODUCT.md)
    preferred = AnswerMode.TEXT if text_only else next(m for m in modes if m != AnswerMode.TEXT)
    drawn = _draw_questions(application=application)
    session = InterviewSession.objects.create(
        invitation=invitation,
        answer_mode=preferred,
        text_only=text_only,
        voice_features_enabled=bool(biometric_consent and position.voice_features_allowed and not text_only),
        face_features_enabled=bool(
            biometric_consent and position.face_features_allowed and preferred == AnswerMode.VIDEO
        ),
        disclosure_version=DISCLOSURE_VERSION,
        language=language[:8],
        user_agent=user_agent[:400],
    )
    SessionQuestion.objects.bulk_create(
        SessionQuestion(
            session=session,
            question=question,
            position=index,
            text=question.text,
            text_en=question.text_en,
            thinking_seconds=question.thinking_seconds
            if question.thinking_seconds is not None
            else position.thinking_seconds,
            answer_seconds=question.answer_seconds or position.answer_seconds,
        )
        for index, question in enumerate(drawn, start=1)
    )
    logger.info(
        "interview.session.created",
        extra={"session_id": session.pk, "invitation_id": invitation.pk, "questions": len(drawn)},
    )
    return session


def session_check_open(*, session: InterviewSession) -> None:
    if session.status == SessionStatus.COMPLETED:
        raise errors.SessionCompletedError
    invitation_check_usable(invitation=session.invitation)


@transaction.atomic
def device_check_record(*, session: InterviewSession, result: dict[str, Any]) -> InterviewSession:
    session_check_open(session=session)
    allowed = {"microphone", "camera", "network_ms", "upload_kbps", "mime_type", "face_detector", "ok"}
    session.device_check = {key: result[key] for key in sorted(allowed & set(result))}
    session.device_check["at"] = clock.now().isoformat()
    session.save(update_fields=["device_check", "updated_at"])
    return session


def _session_start(*, session: InterviewSession) -> None:
    """First question opened: the interview has started (once)."""
    if session.started_at is not None:
        return
    now = clock.now()
    InterviewSession.objects.filter(pk=session.pk).update(
        status=SessionStatus.IN_PROGRESS, started_at=now, updated_at=now
    )
    session.status, session.started_at = SessionStatus.IN_PROGRESS, now
    invitation = session.invitation
    Invitation.objects.filter(pk=invitation.pk).update(status=InvitationStatus.STARTED, started_at=now, updated_at=now)
    invitation.status, invitation.started_at = InvitationStatus.STARTED, now
    application = invitation.application
    if can_transition(application.status, ApplicationStatus.INTERVIEWING):
        application_transition(
            actor="candidate",
            application=application,
            to_status=ApplicationStatus.INTERVIEWING,
            reason="ai_interview_started",
        )
    logger.info("interview.session.started", extra={"session_id": session.pk})


# --- Question flow -------------------------------------------------------------------------------------------


def current_position(*, session: InterviewSession) -> int | None:
    """The first question without a saved answer; None when every question is answered."""
    return (
        SessionQuestion.objects.filter(session=session)
        .exclude(status=SessionQuestionStatus.ANSWERED)
        .order_by("position")
        .values_list("position", flat=True)
        .first()
    )


def _rerecord_window_open(*, session: InterviewSession, question: SessionQuestion) -> bool:
    """An answered question may be re-recorded (if the position allows) until the next one is opened."""
    if not session.invitation.application.position.allow_rerecord:
        return False
    return not SessionQuestion.objects.filter(
        session=session, position=question.position + 1, shown_at__isnull=False
    ).exists()


def question_for_answer(*, session: InterviewSession, position: int) -> SessionQuestion:
    """The question at `position` if it may be answered now: it is the current one, or it was just answered
    and re-recording is allowed. Otherwise WrongOrderError (or RerecordNotAllowedError)."""
    session_check_open(session=session)
    question = SessionQuestion.objects.filter(session=session, position=position).first()
    if question is None:
        raise errors.WrongOrderError
    current = current_position(session=session)
    if question.status == SessionQuestionStatus.ANSWERED:
        if not session.invitation.application.position.allow_rerecord:
            raise errors.RerecordNotAllowedError
        if not _rerecord_window_open(session=session, question=question):
            raise errors.WrongOrderError
        saved = Answer.objects.filter(
            session_question=question, status__in=[AnswerStatus.SAVED, AnswerStatus.PROCESSED, AnswerStatus.SUPERSEDED]
        ).count()
        if saved >= MAX_ATTEMPTS:
            raise errors.RerecordNotAllowedError(_("每道题最多重新作答一次。"))
        return question
    if current != position:
        raise errors.WrongOrderError
    return question


def question_open(*, session: InterviewSession, position: int) -> SessionQuestion:
    """Show the question: starts its thinking time (once; reopening after a reload keeps the original clock).

    No transaction around the whole: reads first, then each write is one conditional UPDATE, so SQLite's write
    lock is held for the statement only (the first question's session start is its own short transaction)."""
    question = question_for_answer(session=session, position=position)
    if session.started_at is None:
        with transaction.atomic():
            _session_start(session=session)
    if _close_if_overdue(question=question):
        return question
    if question.shown_at is None:
        now = clock.now()
        updated = SessionQuestion.objects.filter(pk=question.pk, shown_at__isnull=True).update(
            shown_at=now, status=SessionQuestionStatus.THINKING
        )
        if updated:
            question.shown_at, question.status = now, SessionQuestionStatus.THINKING
        else:  # a second tab opened it a moment ago: keep its clock
            question.refresh_from_db()
    return question


def _close_if_overdue(*, question: SessionQuestion) -> bool:
    """A question whose answer time (plus grace) ran out with nothing saved and no recording under way — the
    candidate left and came back too late — is closed with an empty, timed-out answer so the interview can go
    on. Returns True when it closed the question."""
    if question.status == SessionQuestionStatus.ANSWERED:
        return False
    start = effective_answer_start(question=question)
    if start is None or clock.now() <= start + dt.timedelta(seconds=question.answer_seconds + TIME_GRACE_SECONDS):
        return False
    if Answer.objects.filter(session_question=question, status=AnswerStatus.RECORDING).exists():
        return False
    with transaction.atomic():
        _close_overdue(question=question, start=start)
    return True


def _close_overdue(*, question: SessionQuestion, start: dt.datetime) -> None:
    answer = Answer.objects.create(
        session_question=question,
        attempt=next_attempt_number(question=question),
        mode=AnswerMode.TEXT,
        status=AnswerStatus.SAVED,
        text="",
        sha256=hashlib.sha256(b"").hexdigest(),
        signals={"timed_out": 1},
        started_at=start,
        saved_at=clock.now(),
    )
    mark_answered(answer=answer)


def effective_answer_start(*, question: SessionQuestion) -> dt.datetime | None:
    """When the answer time began: the candidate's "start" click, or the end of thinking time if earlier."""
    if question.shown_at is None:
        return None
    thinking_end = question.shown_at + dt.timedelta(seconds=question.thinking_seconds)
    if question.answer_started_at is None:
        return thinking_end if clock.now() >= thinking_end else None
    return min(question.answer_started_at, thinking_end)


def question_begin_answer(*, session: InterviewSession, position: int) -> SessionQuestion:
    """The candidate ends thinking early (or it ran out): the answer clock starts. Idempotent; one
    conditional UPDATE."""
    question = question_for_answer(session=session, position=position)
    if question.shown_at is None:
        raise errors.WrongOrderError
    if question.answer_started_at is None:
        now = clock.now()
        updated = SessionQuestion.objects.filter(pk=question.pk, answer_started_at__isnull=True).update(
            answer_started_at=now, status=SessionQuestionStatus.ANSWERING
        )
        if updated:
            question.answer_started_at, question.status = now, SessionQuestionStatus.ANSWERING
        else:
            question.refresh_from_db()
    return question


def attempt_start(*, question: SessionQuestion) -> dt.datetime:
    """Start of the answer clock for a new attempt: the question's clock for the first attempt, now for a
    re-record (it gets its own full answer time)."""
    if question.status == SessionQuestionStatus.ANSWERED:
        return clock.now()
    if question.shown_at is None:
        raise errors.WrongOrderError(_("请先查看题目。"))
    start = effective_answer_start(question=question)
    if start is None:  # answering during thinking time: that is an early start
        question.answer_started_at = start = clock.now()
        question.status = SessionQuestionStatus.ANSWERING
        question.save(update_fields=["answer_started_at", "status"])
    return start


def check_deadline(*, started: dt.datetime, question: SessionQuestion) -> None:
    deadline = started + dt.timedelta(seconds=question.answer_seconds + TIME_GRACE_SECONDS)
    if clock.now() > deadline:
        raise errors.TimeLimitError


def next_attempt_number(*, question: SessionQuestion) -> int:
    last = Answer.objects.filter(session_question=question).order_by("-attempt").values_list("attempt", flat=True)
    return (last.first() or 0) + 1


def mark_answered(*, answer: Answer) -> None:
    """The answer is saved: earlier saved attempts are superseded, the question is answered, the worker is
    asked to prepare it (after commit)."""
    now = clock.now()
    question = answer.session_question
    Answer.objects.filter(session_question=question, status__in=[AnswerStatus.SAVED, AnswerStatus.PROCESSED]).exclude(
        pk=answer.pk
    ).update(status=AnswerStatus.SUPERSEDED, updated_at=now)
    SessionQuestion.objects.filter(pk=question.pk).update(status=SessionQuestionStatus.ANSWERED, answered_at=now)
    question.status, question.answered_at = SessionQuestionStatus.ANSWERED, now
    from hirelink.interviews.tasks import answer_prepare

    enqueue_on_commit(answer_prepare, answer.pk)
    logger.info(
        "interview.answer.saved",
        extra={"answer_id": answer.pk, "session_question_id": question.pk, "mode": answer.mode},
    )


@transaction.atomic
def text_answer_submit(
    *, session: InterviewSession, position: int, text: str, signals: dict[str, Any] | None = None
) -> Answer:
    """Save a typed answer. A retried submit of the same text (network retry) returns the saved answer."""
    text = (text or "").strip()
    if len(text) > TEXT_MAX_CHARS:
        raise errors.InterviewError(_("回答不能超过 5000 字。"), code="too_long")
    if AnswerMode.TEXT not in allowed_modes(session_or_position=session) and not session.text_only:
        raise errors.ModeNotAllowedError
    question = SessionQuestion.objects.filter(session=session, position=position).first()
    if question is not None and question.status == SessionQuestionStatus.ANSWERED:
        latest = (
            Answer.objects.filter(session_question=question, status__in=[AnswerStatus.SAVED, AnswerStatus.PROCESSED])
            .order_by("-attempt")
            .first()
        )
        if latest is not None and latest.mode == AnswerMode.TEXT and latest.text == text:
            session_check_open(session=session)
            return latest
    question = question_for_answer(session=session, position=position)
    started = attempt_start(question=question)
    check_deadline(started=started, question=question)
    now = clock.now()
    timed_out = now >= started + dt.timedelta(seconds=question.answer_seconds)
    if not text and not timed_out:
        raise errors.InterviewError(_("回答内容不能为空。"), code="empty")
    Answer.objects.filter(session_question=question, status=AnswerStatus.RECORDING).update(
        status=AnswerStatus.SUPERSEDED, updated_at=now
    )
    answer = Answer.objects.create(
        session_question=question,
        attempt=next_attempt_number(question=question),
        mode=AnswerMode.TEXT,
        status=AnswerStatus.SAVED,
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        size_bytes=len(text.encode()),
        signals={**_clean_answer_signals(signals), **({"timed_out": 1} if not text else {})},
        started_at=started,
        saved_at=now,
    )
    mark_answered(answer=answer)
    return answer


def _clean_answer_signals(signals: dict[str, Any] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("paste_count", "pasted_chars", "typed_chars", "hidden_ms", "hidden_count"):
        value = (signals or {}).get(key)
        if isinstance(value, int) and 0 <= value < 10**9:
            out[key] = value
    return out


@transaction.atomic
def session_finish(*, session: InterviewSession) -> InterviewSession:
    """All questions answered → the session, the invitation and the application are completed. Idempotent."""
    locked = InterviewSession.objects.select_for_update().get(pk=session.pk)
    if locked.status == SessionStatus.COMPLETED:
        return locked
    invitation_check_usable(invitation=locked.invitation)
    if current_position(session=locked) is not None:
        raise errors.IncompleteInterviewError
    if Answer.objects.filter(session_question__session=locked, status=AnswerStatus.RECORDING).exists():
        raise errors.IncompleteInterviewError(_("还有录音正在上传，请稍候。"))
    now = clock.now()
    locked.status, locked.completed_at = SessionStatus.COMPLETED, now
    locked.save(update_fields=["status", "completed_at", "updated_at"])
    Invitation.objects.filter(pk=locked.invitation_id).update(
        status=InvitationStatus.COMPLETED, completed_at=now, updated_at=now
    )
    application = locked.invitation.application
    if can_transition(application.status, ApplicationStatus.INTERVIEWED):
        application_transition(
            actor="candidate",
            application=application,
            to_status=ApplicationStatus.INTERVIEWED,
            reason="ai_interview_completed",
        )
    logger.info("interview.session.completed", extra={"session_id": locked.pk})
    return locked


# --- Integrity signals (recorded, not judged) ----------------------------------------------------------------


def signals_record(*, session: InterviewSession, items: list[dict[str, Any]]) -> int:
    """Store browser-observed facts. Each item carries a client id, so a resent batch is stored once."""
    positions = dict(SessionQuestion.objects.filter(session=session).values_list("position", "pk"))
    rows = []
    for item in items[:200]:
        kind = str(item.get("kind", ""))
        client_id = str(item.get("id", ""))[:64]
        if kind not in SignalKind.values or not client_id:
            continue
        try:
            occurred = dt.datetime.fromtimestamp(float(item.get("at", 0)) / 1000, tz=dt.UTC)
            duration = max(0, min(int(item.get("duration_ms", 0) or 0), 24 * 3600 * 1000))
        except (TypeError, ValueError, OverflowError, OSError):
            continue
        raw_detail = item.get("detail")
        detail: dict[str, Any] = raw_detail if isinstance(raw_detail, dict) else {}
        rows.append(
            IntegritySignal(
                session=session,
                session_question_id=positions.get(int(item.get("question") or 0)),
                kind=kind,
                client_id=client_id,
                occurred_at=occurred,
                duration_ms=duration,
                detail={k: v for k, v in list(detail.items())[:10] if isinstance(v, (int, float, str, bool))},
            )
        )
    try:
        created = IntegritySignal.objects.bulk_create(rows, ignore_conflicts=True)
    except IntegrityError:  # pragma: no cover - ignore_conflicts covers duplicates on every backend
        created = []
    return len(created)


# --- Preparation for analysis (runs in the worker) -----------------------------------------------------------


def answer_after_prepare(*, answer: Answer) -> None:
    """Extension point: called once, in the worker, right after an answer became PROCESSED (text saved, or
    media decoded with a 16 kHz mono WAV in `answer.normalised_audio`). The analysis stage hooks in here
    (e.g. enqueue transcription and scoring of this answer). Must stay idempotent and quick.

    It records the outbox event "answer.prepared"; the scoring consumer starts this answer's analysis at once,
    so analysis runs while the candidate is still answering the next questions."""
    event_record(name="answer.prepared", payload={"answer_id": answer.pk, "mode": answer.mode})
    logger.info("interview.answer.prepared", extra={"answer_id": answer.pk, "mode": answer.mode})


def answer_prepare_run(*, answer_id: int) -> Answer | None:
    """Decode a saved answer once: store its duration and a normalised 16 kHz mono WAV copy. Idempotent:
    an answer already processed (or superseded/rejected) is left alone."""
    answer = Answer.objects.select_related("session_question").filter(pk=answer_id).first()
    if answer is None or answer.status != AnswerStatus.SAVED:
        return answer
    if answer.mode != AnswerMode.TEXT:
        with tempfile.TemporaryDirectory(prefix="hirelink-prepare-") as tmp:
            source = Path(tmp) / "source"
            with default_storage.open(answer.media.name, "rb") as stored, source.open("wb") as out:
                for block in stored.chunks():
                    out.write(block)
            wav = Path(tmp) / "normalised.wav"
            duration = media.normalise_to_wav(source, wav)
            name = f"interviews/normalised/{answer.session_question.session_id}/answer-{answer.pk}.wav"
            if default_storage.exists(name):
                default_storage.delete(name)
            with wav.open("rb") as handle:
                stored_name = default_storage.save(name, File(handle, name=wav.name))
        answer.normalised_audio.name = stored_name
        answer.duration_seconds = duration
    with transaction.atomic():
        updated = Answer.objects.filter(pk=answer.pk, status=AnswerStatus.SAVED).update(
            status=AnswerStatus.PROCESSED,
            processed_at=clock.now(),
            normalised_audio=answer.normalised_audio.name or "",
            duration_seconds=answer.duration_seconds,
            updated_at=clock.now(),
        )
        answer.refresh_from_db()
        if updated:
            # In the same transaction as the status change: the event is recorded if and only if it happened.
            answer_after_prepare(answer=answer)
    return answer
