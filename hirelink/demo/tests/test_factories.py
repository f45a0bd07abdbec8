"""Every shared factory builds a valid object: it saves and passes full_clean."""

from __future__ import annotations

import pytest

from hirelink.accounts.models import Role
from hirelink.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory
from hirelink.candidates.models import ApplicationEvent, Candidate
from hirelink.candidates.states import ApplicationStatus
from hirelink.candidates.tests.factories import (
    ApplicationEventFactory,
    ApplicationFactory,
    CandidateFactory,
    ResumeFactory,
    status_path,
)
from hirelink.core.crypto import blind_index
from hirelink.demo.identity import national_id_is_valid
from hirelink.interviews.models import InvitationStatus
from hirelink.interviews.services import token_hash
from hirelink.interviews.tests.factories import InvitationFactory, QuestionBankFactory, QuestionFactory
from hirelink.positions.tests.factories import DepartmentFactory, PositionFactory
from hirelink.talent.tests.factories import (
    OfferFactory,
    OnboardingFactory,
    PerformanceRatingFactory,
    ScorecardFactory,
    WrittenTestResultFactory,
)

pytestmark = pytest.mark.django_db

SIMPLE_FACTORIES = [
    UserFactory,
    DepartmentFactory,
    PositionFactory,
    QuestionBankFactory,
    QuestionFactory,
    CandidateFactory,
    ResumeFactory,
    ApplicationFactory,
    ApplicationEventFactory,
    InvitationFactory,
    WrittenTestResultFactory,
    ScorecardFactory,
    OfferFactory,
    OnboardingFactory,
    PerformanceRatingFactory,
]


@pytest.mark.parametrize("factory_class", SIMPLE_FACTORIES, ids=lambda f: f.__name__)
def test_factory_creates_a_valid_saved_object(factory_class):
    # given / when
    obj = factory_class.create()
    # then
    obj.full_clean()
    assert obj.pk is not None


def test_user_factory_sets_role_and_default_password():
    # given / when
    user = UserFactory.create(role=Role.INTERVIEWER, username="li")
    # then
    assert user.role == Role.INTERVIEWER
    assert user.check_password(DEFAULT_PASSWORD) is True


def test_candidate_factory_sets_blind_indexes_through_the_service():
    # given / when
    candidate = CandidateFactory.create(phone="13912345678", email="a@example.com")
    stored = Candidate.objects.get(pk=candidate.pk)
    # then
    assert stored.phone == "13912345678"
    assert stored.phone_index == blind_index("13912345678", purpose="phone")
    assert stored.email_index == blind_index("a@example.com", purpose="email")
    assert stored.national_id_index == blind_index(stored.national_id, purpose="national_id")
    assert national_id_is_valid(stored.national_id) is True


def test_built_candidate_has_indexes_without_touching_the_database():
    # given / when
    candidate = CandidateFactory.build(phone="13700000001")
    # then
    assert candidate.pk is None
    assert candidate.phone_index == blind_index("13700000001", purpose="phone")


def test_position_factory_with_bank_has_six_valid_questions():
    # given / when
    position = PositionFactory.create(with_bank=True)
    assert position.question_bank is not None
    questions = list(position.question_bank.questions.all())
    # then
    assert len(questions) == 6
    for question in questions:
        question.full_clean()


def test_application_factory_walks_the_status_machine_with_real_events():
    # given / when
    application = ApplicationFactory.create(status=ApplicationStatus.SCORED)
    # then
    steps = list(ApplicationEvent.objects.filter(application=application).values_list("from_status", "to_status"))
    assert application.status == ApplicationStatus.SCORED
    assert steps == [
        ("", "new"),
        ("new", "screening"),
        ("screening", "invited"),
        ("invited", "interviewing"),
        ("interviewing", "interviewed"),
        ("interviewed", "scored"),
    ]


def test_status_path_reaches_every_status_from_new():
    # given / when
    paths = {status: status_path(status) for status in ApplicationStatus.values}
    # then
    assert paths["new"] == []
    assert paths["hired"] == [
        "screening",
        "invited",
        "interviewing",
        "interviewed",
        "scored",
        "second_interview",
        "offered",
        "hired",
    ]
    assert paths["screened_out"] == ["screening", "screened_out"]


def test_invitation_factory_uses_the_service_and_keeps_the_token():
    # given / when
    invitation = InvitationFactory.create()
    # then
    assert invitation.token_hash == token_hash(invitation.token)  # type: ignore[attr-defined]
    assert invitation.status == InvitationStatus.SENT
    assert invitation.application.status == ApplicationStatus.INVITED


def test_root_fixtures_make_one_user_per_role(hr_admin, recruiter, hiring_manager, interviewer, auditor):
    # given / when
    users = [hr_admin, recruiter, hiring_manager, interviewer, auditor]
    # then
    assert [(u.username, u.role) for u in users] == [
        ("hr", Role.HR_ADMIN),
        ("recruiter", Role.RECRUITER),
        ("manager", Role.HIRING_MANAGER),
        ("interviewer", Role.INTERVIEWER),
        ("auditor", Role.AUDITOR),
    ]
    assert hr_admin.is_staff is True


def test_user_factory_fixture_takes_a_role_and_fields(user_factory):
    # when
    user = user_factory(Role.INTERVIEWER, username="wang", display_name="王面试官")
    # then
    assert (user.username, user.role, user.display_name) == ("wang", Role.INTERVIEWER, "王面试官")
    assert user.check_password(DEFAULT_PASSWORD) is True
