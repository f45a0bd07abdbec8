"""The application status machine, immutable events and duplicate detection."""

from __future__ import annotations

import pytest

from hirelink.candidates.errors import DuplicateApplicationError, InvalidTransitionError
from hirelink.candidates.models import Application, ApplicationEvent, Candidate
from hirelink.candidates.services import application_create, application_transition, candidate_upsert
from hirelink.candidates.states import CLOSED_STATES, OPEN_STATES, TRANSITIONS, ApplicationStatus, can_transition
from hirelink.candidates.tests.factories import ApplicationFactory, CandidateFactory
from hirelink.core.models import OutboxEvent
from hirelink.positions.tests.factories import PositionFactory

pytestmark = pytest.mark.django_db
S = ApplicationStatus


def test_happy_path_walks_the_whole_funnel_and_writes_one_event_per_step(recruiter):
    # given a new application
    application = ApplicationFactory.create()
    path = [S.SCREENING, S.INVITED, S.INTERVIEWING, S.INTERVIEWED, S.SCORED, S.SECOND_INTERVIEW, S.OFFERED, S.HIRED]
    # when it is moved through every forward state
    for target in path:
        application_transition(actor=recruiter, application=application, to_status=target, reason="ok")
    # then each transition is an event with who/from/to, in order
    events = list(ApplicationEvent.objects.filter(application=application).order_by("id"))
    assert [(e.from_status, e.to_status) for e in events] == [
        ("", S.NEW),
        (S.NEW, S.SCREENING),
        (S.SCREENING, S.INVITED),
        (S.INVITED, S.INTERVIEWING),
        (S.INTERVIEWING, S.INTERVIEWED),
        (S.INTERVIEWED, S.SCORED),
        (S.SCORED, S.SECOND_INTERVIEW),
        (S.SECOND_INTERVIEW, S.OFFERED),
        (S.OFFERED, S.HIRED),
    ]
    assert {e.actor_label for e in events[1:]} == {"recruiter"}
    assert Application.objects.get(pk=application.pk).status == S.HIRED
    assert OutboxEvent.objects.filter(name="application.status_changed").count() == 8


def test_invalid_transition_raises_and_changes_nothing(recruiter):
    # given an application that was just invited
    application = ApplicationFactory.create(status=S.INVITED)
    events_before = ApplicationEvent.objects.count()
    # when someone tries to jump to hired
    with pytest.raises(InvalidTransitionError):
        application_transition(actor=recruiter, application=application, to_status=S.HIRED)
    # then status and events are unchanged
    assert Application.objects.get(pk=application.pk).status == S.INVITED
    assert ApplicationEvent.objects.count() == events_before


def test_reject_and_withdraw_are_reachable_from_every_open_state_and_closed_states_are_final():
    assert all(can_transition(state, S.REJECTED) and can_transition(state, S.WITHDRAWN) for state in OPEN_STATES)
    assert all(TRANSITIONS[state] == frozenset() for state in CLOSED_STATES)


def test_events_are_immutable():
    application = ApplicationFactory.create()
    event = ApplicationEvent.objects.get(application=application)
    event.reason = "rewritten"
    with pytest.raises(ValueError, match="immutable"):
        event.save()


@pytest.mark.parametrize(
    ("field", "first", "second"),
    [
        ("phone", "13812345678", "+86 138 1234 5678"),
        ("email", "wang.fang@example.com", "Wang.Fang@EXAMPLE.com"),
        ("national_id", "440301199901011237", "440301199901011237"),
    ],
)
def test_same_person_is_detected_by_phone_email_or_id_number(field, first, second):
    # given a candidate known by one identifier
    original = candidate_upsert(actor=None, name="王芳", **{field: first}).candidate
    # when the same person arrives again with that identifier written differently
    result = candidate_upsert(actor=None, name="王 芳", **{field: second})
    # then no second person is created
    assert result.created is False
    assert result.matched_on == field
    assert result.candidate.pk == original.pk
    assert Candidate.objects.count() == 1


def test_a_duplicate_fills_in_missing_identifiers():
    original = candidate_upsert(actor=None, name="李雷", phone="13700000001").candidate
    result = candidate_upsert(actor=None, name="李雷", phone="13700000001", email="li.lei@example.com")
    original.refresh_from_db()
    assert result.created is False
    assert original.email == "li.lei@example.com"
    assert candidate_upsert(actor=None, name="x", email="li.lei@example.com").candidate.pk == original.pk


def test_second_application_to_the_same_position_is_refused():
    # given an application
    candidate = CandidateFactory.create()
    position = PositionFactory.create()
    application_create(actor=None, candidate=candidate, position=position)
    # when the same candidate applies again
    with pytest.raises(DuplicateApplicationError):
        application_create(actor=None, candidate=candidate, position=position)
    # then there is still one application and one event
    assert Application.objects.filter(candidate=candidate).count() == 1
    assert ApplicationEvent.objects.filter(application__candidate=candidate).count() == 1


def test_one_person_may_apply_to_several_positions():
    candidate = CandidateFactory.create()
    application_create(actor=None, candidate=candidate, position=PositionFactory.create())
    application_create(actor=None, candidate=candidate, position=PositionFactory.create())
    assert candidate.applications.count() == 2
