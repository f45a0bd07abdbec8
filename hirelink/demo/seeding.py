"""Write the demo data set: organisation, question banks, positions, staff, and the candidate storyline from
hirelink.demo.plan — candidates, résumés, applications and every status change through the real services
(candidate_upsert, application_create, application_transition, invitation_create), so the timelines, audit
log and outbox are the same as production would have written."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import random
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from hirelink.accounts.models import User
from hirelink.accounts.services import user_apply_role
from hirelink.candidates.models import Application, Candidate, Resume
from hirelink.candidates.services import (
    application_create,
    application_transition,
    candidate_upsert,
    experience_years_decimal,
)
from hirelink.candidates.states import ApplicationStatus as S
from hirelink.core import clock
from hirelink.core.errors import DomainError
from hirelink.core.models import OutboxEvent
from hirelink.demo.content import DEMO_PASSWORD, DEPARTMENTS, POSITIONS, QUESTION_BANKS, STAFF
from hirelink.demo.interviews import InterviewStats, demo_interview
from hirelink.demo.people import Person, resume_text
from hirelink.demo.plan import ApplicationPlan, demo_plan
from hirelink.interviews.models import Invitation, InvitationStatus, Question, QuestionBank
from hirelink.interviews.services import invitation_create
from hirelink.positions.models import Department, Position
from hirelink.talent.models import Offer, Onboarding, PerformanceRating, Scorecard, WrittenTestResult

logger = logging.getLogger(__name__)

DEFAULT_SEED = 2026
DEMO_POSITION_CODES = tuple(POSITIONS)


class DemoDataExistsError(DomainError):
    def __init__(self) -> None:
        super().__init__(
            _("演示岗位（teller、tech）已存在，未写入任何数据。若只想在空库中生成，请使用 --if-empty。"),
            code="demo_exists",
        )


@dataclass(frozen=True)
class SeedReport:
    created: bool
    candidates: int = 0
    applications: int = 0
    events: int = 0
    interviews: int = 0
    reports: int = 0
    seconds: float = 0.0
    interview_seconds: float = 0.0


def demo_seed(
    *,
    seed: int = DEFAULT_SEED,
    if_empty: bool = False,
    now: dt.datetime | None = None,
    dispatch_events: bool = False,
    with_interviews: bool = True,
) -> SeedReport:
    """Create the demo data set. With `if_empty`, do nothing when any position exists. Outbox events of the
    historical transitions are marked dispatched (so no automation reacts to a months-old event and no message
    goes to a fictional candidate) unless `dispatch_events`. With `with_interviews` (the default), applications
    that went through the AI interview get their interview and a report from the real scoring pipeline."""
    if if_empty and Position.objects.exists():
        return SeedReport(created=False)
    if Position.objects.filter(code__in=DEMO_POSITION_CODES).exists():
        raise DemoDataExistsError
    started = time.perf_counter()
    report = _seed(seed=seed, now=now or clock.now(), dispatch_events=dispatch_events, with_interviews=with_interviews)
    report = dataclasses.replace(report, seconds=round(time.perf_counter() - started, 2))
    logger.info(
        "demo.seed.done",
        extra={
            "seed": seed,
            "candidates": report.candidates,
            "applications": report.applications,
            "reports": report.reports,
            "seconds": report.seconds,
            "interview_seconds": report.interview_seconds,
        },
    )
    return report


@transaction.atomic
def _seed(*, seed: int, now: dt.datetime, dispatch_events: bool, with_interviews: bool) -> SeedReport:
    outbox_before = OutboxEvent.objects.aggregate(m=Max("pk"))["m"] or 0
    departments = _departments()
    banks = {code: _bank(code) for code in QUESTION_BANKS}
    positions = {code: _position(code, departments, banks[code]) for code in POSITIONS}
    staff = _staff(positions)
    plan = demo_plan(seed=seed, now=now)

    first_applied: dict[int, dt.datetime] = {}
    for app in plan.applications:
        first_applied.setdefault(app.person, app.applied_at)
    candidates: dict[int, tuple[Candidate, Resume]] = {}
    events = 0
    interviewed: list[tuple[ApplicationPlan, Application, Invitation]] = []
    for app in plan.applications:
        if app.person not in candidates:
            candidates[app.person] = _candidate(
                plan.people[app.person], positions[app.position], first_applied[app.person], app.channel, staff
            )
        candidate, resume = candidates[app.person]
        application, invitation = _application(app, candidate, resume, positions[app.position], staff)
        events += len(app.steps) + 1
        if invitation is not None and app.at_of(S.INTERVIEWED) is not None:
            interviewed.append((app, application, invitation))

    interviews = InterviewStats()
    interview_started = time.perf_counter()
    if with_interviews:
        # A stream of its own, so the storyline of a seed is the same with or without interviews.
        rng = random.Random(seed * 7919 + 1)  # noqa: S311 - demo data, not security
        taken: set[str] = set()
        # In the order the interviews were completed: each report's cohort standing is then as it was.
        for app, application, invitation in sorted(interviewed, key=lambda item: item[0].at_of(S.INTERVIEWED) or now):
            made = demo_interview(
                app=app,
                application=application,
                invitation=invitation,
                person=plan.people[app.person],
                rng=rng,
                taken=taken,
            )
            interviews.sessions += made.sessions
            interviews.reports += made.reports

    if not dispatch_events:
        OutboxEvent.objects.filter(pk__gt=outbox_before, dispatched_at__isnull=True).update(dispatched_at=now)
    return SeedReport(
        created=True,
        candidates=len(candidates),
        applications=len(plan.applications),
        events=events,
        interviews=interviews.sessions,
        reports=interviews.reports,
        interview_seconds=round(time.perf_counter() - interview_started, 2),
    )


# -- configuration ----------------------------------------------------------------------------------------


def _departments() -> dict[str, Department]:
    made: dict[str, Department] = {}
    for name, name_en, parent in DEPARTMENTS:
        department, _created = Department.objects.get_or_create(
            name=name, defaults={"name_en": name_en, "parent": made.get(parent) if parent else None}
        )
        made[name] = department
    return made


def _bank(code: str) -> QuestionBank:
    spec = QUESTION_BANKS[code]
    bank, _created = QuestionBank.objects.get_or_create(
        name=spec["name"], defaults={"name_en": spec["name_en"], "description": spec["description"]}
    )
    if not bank.questions.exists():
        for order, item in enumerate(spec["questions"], start=1):
            question = Question(
                bank=bank,
                order=order,
                text=item["text"],
                text_en=item["text_en"],
                dimensions=[str(d) for d in item["dimensions"]],
                levels=item["levels"],
                key_points=item["key_points"],
                exemplars=item["exemplars"],
            )
            question.full_clean()
            question.save()
    return bank


_POSITION_FIELDS = (
    "title",
    "title_en",
    "location",
    "headcount",
    "description",
    "description_en",
    "majors",
    "major_categories",
    "certificates",
    "languages",
    "pass_threshold",
    "reject_threshold",
    "question_count",
    "thinking_seconds",
    "answer_seconds",
    "invitation_valid_days",
    "voice_features_allowed",
    "face_features_allowed",
    "auto_reject_allowed",
)


def _position(code: str, departments: dict[str, Department], bank: QuestionBank) -> Position:
    spec = POSITIONS[code]
    position = Position(
        code=code,
        department=departments[spec["department"]],
        question_bank=bank,
        min_education=int(spec["min_education"]),
        min_experience_years=Decimal(spec["min_experience_years"]),
        dimension_weights={str(k): v for k, v in spec["dimension_weights"].items()},
        answer_modes=[str(m) for m in spec["answer_modes"]],
        **{name: spec[name] for name in _POSITION_FIELDS},
    )
    position.full_clean()
    position.save()
    return position


def _staff(positions: dict[str, Position]) -> dict[str, User]:
    users: dict[str, User] = {}
    for spec in STAFF:
        user = User.objects.filter(username=spec["username"]).first()
        if user is None:
            # A fresh demo account gets the documented demo password; an existing account is left as it is.
            user = User.objects.create_user(
                username=spec["username"],
                password=DEMO_PASSWORD,
                email=f"{spec['username']}@bank.example.com",
                role=spec["role"],
                display_name=spec["display_name"],
                # Their WeCom account in the sandbox (which registers unknown members on first use), so
                # approval cards and schedules land in the sandbox inbox, as they would in a real WeCom.
                wecom_userid=spec["username"],
            )
            user_apply_role(user=user)
        for code in spec["assign"]:
            positions[code].assignees.add(user)
        users[spec["username"]] = user
    return users


# -- candidates and their applications --------------------------------------------------------------------


def _candidate(
    person: Person, position: Position, applied_at: dt.datetime, channel: str, staff: dict[str, User]
) -> tuple[Candidate, Resume]:
    last = person.last_education
    upsert = candidate_upsert(
        actor=staff["recruiter"],
        name=person.name,
        phone=person.phone,
        email=person.email,
        national_id=person.national_id,
        name_en=person.name_en,
        gender=person.gender,
        birth_year=person.birth.year,
        city=person.city,
        highest_education=person.highest_education,
        school=last["school"],
        major=last["major"],
        graduation_year=person.graduation_year,
        experience_years=experience_years_decimal(person.experience_years),
        preferred_language="en" if person.language == "en" else "zh-hans",
        source=channel,
    )
    candidate = upsert.candidate
    Candidate.objects.filter(pk=candidate.pk).update(created_at=applied_at)
    text = resume_text(person, position_title=position.title_en if person.language == "en" else position.title)
    suffix = "resume" if person.language == "en" else "简历"
    resume = Resume(
        candidate=candidate,
        original_filename=f"{person.name_en or person.name}-{suffix}.txt",
        content_type="text/plain",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        facts=person.facts(),
        parser_version="demo-seed",
        created_at=applied_at,
    )
    resume.full_clean()
    resume.save()
    return candidate, resume


def _actor(name: str, staff: dict[str, User]) -> Any:
    if name == "system":
        return None
    if name == "candidate":
        return "candidate"
    return staff[name]


def _application(
    app: ApplicationPlan, candidate: Candidate, resume: Resume, position: Position, staff: dict[str, User]
) -> tuple[Application, Invitation | None]:
    application = application_create(
        actor=None,
        candidate=candidate,
        position=position,
        channel=app.channel,
        resume=resume,
        applied_at=app.applied_at,
    )
    invitation: Invitation | None = None
    for step in app.steps:
        application_transition(
            actor=_actor(step.actor, staff),
            application=application,
            to_status=step.status,
            reason=step.reason,
            at=step.at,
        )
        if step.status == S.INVITED:
            invitation = invitation_create(
                actor=None, application=application, window_start=step.at, channel=app.invitation_channel
            ).invitation
    if invitation is not None:
        _invitation_progress(invitation, app)
    _talent_records(app, application, staff)
    return application, invitation


def _invitation_progress(invitation: Invitation, app: ApplicationPlan) -> None:
    """Bring the invitation's own timestamps in line with the application's history."""
    invited = app.at_of(S.INVITED)
    started = app.at_of(S.INTERVIEWING)
    completed = app.at_of(S.INTERVIEWED)
    assert invited is not None  # noqa: S101 - only called for invited applications
    fields: dict[str, Any] = {
        "created_at": invited,
        "sent_at": invited + dt.timedelta(minutes=1),
        "status": InvitationStatus.SENT,
    }
    if started is not None:
        fields.update(opened_at=started - dt.timedelta(minutes=3), started_at=started, status=InvitationStatus.STARTED)
    if completed is not None:
        fields.update(completed_at=completed, status=InvitationStatus.COMPLETED)
    if app.final_status == S.WITHDRAWN and completed is None:
        fields["status"] = InvitationStatus.CANCELLED
    Invitation.objects.filter(pk=invitation.pk).update(**fields)


def _talent_records(app: ApplicationPlan, application: Application, staff: dict[str, User]) -> None:
    records: list[Any] = []
    if app.written_test is not None:
        sections = app.written_test["sections"]
        records.append(
            WrittenTestResult(
                application=application,
                test_name=app.written_test["test_name"],
                taken_on=app.written_test["taken_on"],
                score=Decimal(str(sum(sections.values()))),
                max_score=Decimal("100"),
                sections=sections,
            )
        )
    for card in app.scorecards:
        records.append(
            Scorecard(
                application=application,
                interviewer=staff[card["interviewer"]],
                interviewed_on=card["interviewed_on"],
                ratings=card["ratings"],
                recommendation=card["recommendation"],
                notes=card["notes"],
            )
        )
    if app.offer is not None:
        records.append(Offer(application=application, **app.offer))
    if app.onboarding is not None:
        records.append(Onboarding(application=application, **app.onboarding))
    for rating in app.performance:
        records.append(PerformanceRating(application=application, **rating))
    for record in records:
        record.full_clean()
        record.save()
