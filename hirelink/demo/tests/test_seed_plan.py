"""The demo storyline without the database, and --if-empty on a database that has other positions."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from hirelink.candidates.models import Candidate
from hirelink.demo.plan import demo_plan
from hirelink.positions.models import Position
from hirelink.positions.tests.factories import PositionFactory

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)


@pytest.mark.django_db
def test_if_empty_skips_when_any_position_exists():
    # given
    PositionFactory.create(code="branch-manager")
    # when
    call_command("seed_demo", "--if-empty", stdout=StringIO())
    # then
    assert Candidate.objects.count() == 0
    assert Position.objects.count() == 1


def test_plan_is_deterministic_for_a_seed():
    # when
    first = demo_plan(seed=7, now=NOW)
    second = demo_plan(seed=7, now=NOW)
    other = demo_plan(seed=8, now=NOW)
    # then
    assert [p.name for p in first.people] == [p.name for p in second.people]
    assert [(a.variant, a.applied_at) for a in first.applications] == [
        (a.variant, a.applied_at) for a in second.applications
    ]
    assert [p.name for p in first.people] != [p.name for p in other.people]


def test_plan_never_schedules_a_step_in_the_future():
    # when
    plan = demo_plan(seed=2026, now=NOW)
    # then
    assert max(step.at for app in plan.applications for step in app.steps) < NOW
    assert max(app.applied_at for app in plan.applications) < NOW
