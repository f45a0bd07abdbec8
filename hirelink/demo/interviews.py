"""The demo AI interviews: for every demo application whose storyline went through the AI interview, the
interview as it happened — consent, the drawn questions, typed answers whose quality follows the storyline —
then the real scoring pipeline (answer_analysis_run per answer, session_report_build) writes the analyses and
the report. Nothing here sets a score: the texts are chosen, the analysers judge them.

Interviews took place in the past, so the rows are written the way the live interview would have written
them and then dated from the application's timeline (as hirelink.demo.seeding does for invitations)."""

from __future__ import annotations

import datetime as dt
import logging
import random
from dataclasses import dataclass

from hirelink.candidates.models import Application
from hirelink.candidates.states import ApplicationStatus as S
from hirelink.demo.answers import LABELLED, WRITTEN, Pool
from hirelink.demo.people import Person
from hirelink.demo.plan import ApplicationPlan
from hirelink.interviews.models import (
    Answer,
    AnswerStatus,
    InterviewSession,
    Invitation,
    SessionQuestion,
    SessionQuestionStatus,
    SessionStatus,
)
from hirelink.interviews.services import session_create
from hirelink.positions.vocabulary import AnswerMode
from hirelink.privacy.models import ConsentRecord
from hirelink.scoring.models import AnswerAnalysis, InterviewReport
from hirelink.scoring.services import analysis_request, answer_analysis_run, session_report_build

logger = logging.getLogger(__name__)

# Which answers a storyline gives: probability of a strong (written at level 4–5) and of a weak (level 1–2)
# answer per question; the rest are fair (level 3). Candidates who went on to a second interview answered
# well; rejected_ai answered poorly. Whether the scorer agrees is up to the scorer: HR advanced candidates on
# the report together with the résumé and written test (plan.R_TO_SECOND), never on a score set here.
_STRONG_STORIES = {"second_interview", "offered", "hired_recent", "hired_old", "withdrawn_offer"}
DEMO_USER_AGENTS = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 "
    "MicroMessenger/8.0.49",
    "Mozilla/5.0 (Linux; Android 14; V2309A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 "
    "wxwork/4.1.22",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
    "Safari/605.1.15",
)


def answer_mix(variant: str, ability: float) -> tuple[float, float]:
    """(P(strong), P(weak)) of one answer for a storyline variant and the person's latent ability (0–1)."""
    if variant in _STRONG_STORIES:
        return 0.6 + 0.4 * ability, 0.0
    if variant == "rejected_second":  # passed the AI interview, failed the second one
        return 0.7, 0.0
    if variant == "rejected_ai":
        return 0.0, 0.85 - 0.3 * ability
    return 0.2 + 0.6 * ability, 0.5 * (1 - ability)  # scored / interviewed: mixed, following ability


def tier_of(level: int) -> str:
    return "strong" if level >= 4 else "fair" if level == 3 else "weak"


AnswerPool = dict[str, list[tuple[int, str]]]


def answer_pool(position_code: str, order: int, language: str, exemplars: list[dict[str, object]]) -> AnswerPool:
    """The texts available for one question, by tier, with the level each was written at. The question's
    level-2 exemplar is one more weak answer (the level-5 exemplar is the scorer's reference, so a candidate
    never types it)."""
    pool: AnswerPool = {"strong": [], "fair": [], "weak": []}
    tables: tuple[Pool, ...] = (LABELLED, WRITTEN)
    for table in tables:
        for level, text in table.get((position_code, order, language), []):
            pool[tier_of(level)].append((level, text))
    if language == "zh":
        for exemplar in exemplars:
            level = int(str(exemplar.get("level") or 0))
            if 1 <= level <= 2 and exemplar.get("language", "zh") == "zh":
                pool["weak"].append((level, str(exemplar["text"])))
    return pool


_FALLBACK = {"strong": ("strong", "fair", "weak"), "fair": ("fair", "strong", "weak"), "weak": ("weak", "fair")}


def pick_answer(pool: AnswerPool, tier: str, rng: random.Random, taken: set[str], *, ability: float) -> str:
    """A text of the wanted tier (the nearest available tier when the question has none), preferring one no
    earlier demo candidate typed. Within the strong tier an abler candidate more often gives the best one."""
    for candidate_tier in _FALLBACK[tier]:
        entries = pool[candidate_tier]
        if not entries:
            continue
        if candidate_tier == "strong" and rng.random() < ability:
            best = max(level for level, _text in entries)
            entries = [e for e in entries if e[0] == best]
        texts = [text for _level, text in entries]
        fresh = [t for t in texts if t not in taken]
        return rng.choice(fresh or texts)
    raise LookupError("no demo answer for this question")


@dataclass
class InterviewStats:
    sessions: int = 0
    answers: int = 0
    reports: int = 0


def demo_interview(
    *,
    app: ApplicationPlan,
    application: Application,
    invitation: Invitation,
    person: Person,
    rng: random.Random,
    taken: set[str],
) -> InterviewStats:
    """Write the AI interview of one application that completed it, and score it with the real pipeline."""
    started = app.at_of(S.INTERVIEWING)
    completed = app.at_of(S.INTERVIEWED)
    if started is None or completed is None:
        return InterviewStats()
    scored = app.at_of(S.SCORED)
    english = person.language == "en"
    biometric = rng.random() < 0.6
    # Called after the invitation got its history (status completed), so the long-expired link still
    # passes session_create's validity check, like a finished interview does.
    invitation.refresh_from_db()
    session = session_create(
        invitation=invitation,
        ai_consent=True,
        biometric_consent=biometric,
        text_only=True,
        language="en" if english else "zh-hans",
        ip_address=f"10.{rng.randrange(16, 32)}.{rng.randrange(256)}.{rng.randrange(1, 255)}",
        user_agent=rng.choice(DEMO_USER_AGENTS),
    )
    consented = started - dt.timedelta(minutes=rng.uniform(1.5, 4.0))
    ConsentRecord.objects.filter(subject_type="interview_invitation", subject_id=str(invitation.pk)).update(
        at=consented
    )
    questions = list(SessionQuestion.objects.filter(session=session).select_related("question").order_by("position"))
    strong, weak = answer_mix(app.variant, person.ability)
    slot = (completed - started) / max(len(questions), 1)
    answers: list[Answer] = []
    for index, question in enumerate(questions):
        roll = rng.random()
        tier = "strong" if roll < strong else "weak" if roll < strong + weak else "fair"
        pool = answer_pool(
            app.position, question.question.order, "en" if english else "zh", list(question.question.exemplars or [])
        )
        text = pick_answer(pool, tier, rng, taken, ability=person.ability)
        taken.add(text)
        shown = started + slot * index
        writing = shown + dt.timedelta(seconds=min(question.thinking_seconds, slot.total_seconds() * 0.3))
        saved = shown + slot * rng.uniform(0.75, 0.95)
        SessionQuestion.objects.filter(pk=question.pk).update(
            status=SessionQuestionStatus.ANSWERED, shown_at=shown, answer_started_at=writing, answered_at=saved
        )
        answers.append(
            Answer(
                session_question=question,
                attempt=1,
                mode=AnswerMode.TEXT,
                status=AnswerStatus.PROCESSED,
                text=text,
                started_at=writing,
                saved_at=saved,
                processed_at=saved + dt.timedelta(seconds=1),
                created_at=writing,
            )
        )
    for answer in answers:
        answer.full_clean()
        answer.save()
    InterviewSession.objects.filter(pk=session.pk).update(
        status=SessionStatus.COMPLETED,
        consented_at=consented,
        started_at=started,
        completed_at=completed,
        created_at=consented,
        device_check={"microphone": False, "camera": False, "ok": True, "at": consented.isoformat()},
    )
    stats = InterviewStats(sessions=1, answers=len(answers))
    if scored is None:
        # Completed but not yet scored on the storyline: the answers wait for the worker, as after a live
        # interview (a running worker scores them and moves the application to 已评分).
        for answer in answers:
            analysis_request(answer=answer)
        AnswerAnalysis.objects.filter(session=session).update(created_at=completed)
        return stats
    for answer in answers:
        answer_analysis_run(answer_id=answer.pk, now=completed)
    analysed_at = completed + (scored - completed) * 0.5
    AnswerAnalysis.objects.filter(session=session).update(
        created_at=completed, started_at=completed, finished_at=analysed_at, updated_at=analysed_at
    )
    # The application already moved on along its timeline: session_report_build only moves an INTERVIEWED
    # application to SCORED, so here it just writes the report.
    report = session_report_build(session_id=session.pk, now=scored)
    if report is not None:
        InterviewReport.objects.filter(pk=report.pk).update(built_at=scored, created_at=scored, updated_at=scored)
        stats.reports = 1
    logger.info(
        "demo.interview.seeded",
        extra={"session_id": session.pk, "report": stats.reports, "variant": app.variant},
    )
    return stats
