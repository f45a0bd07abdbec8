"""Candidate list and talent profile pages: content, scoping per role, audit trail, query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from hirelink.candidates.states import ApplicationStatus
from hirelink.candidates.tests.factories import ApplicationFactory, CandidateFactory, ResumeFactory
from hirelink.positions.tests.factories import PositionFactory
from hirelink.privacy.models import AuditLogEntry
from hirelink.talent.tests.factories import ScorecardFactory, WrittenTestResultFactory

pytestmark = pytest.mark.django_db


def test_profile_shows_resume_timeline_written_test_and_scorecards(client, recruiter, interviewer):
    # given a candidate with a full history
    candidate = CandidateFactory.create(name="陈思远")
    resume = ResumeFactory.create(candidate=candidate)
    application = ApplicationFactory.create(
        candidate=candidate, resume=resume, status=ApplicationStatus.SECOND_INTERVIEW
    )
    WrittenTestResultFactory.create(application=application, test_name="综合能力测验", score=52, max_score=100)
    ScorecardFactory.create(application=application, interviewer=interviewer, ratings={"communication": 2})
    client.force_login(recruiter)
    # when the recruiter opens the talent profile
    response = client.get(reverse("talent:candidate_profile", args=[candidate.pk]))
    # then every part is on one page, including hints for the next interviewer
    html = response.content.decode()
    assert response.status_code == 200
    assert "陈思远" in html
    assert "招商银行深圳分行" in html
    assert "综合能力测验" in html
    assert "复试" in html
    assert "笔试《综合能力测验》得分偏低" in html
    assert "有银行实习经历" in html
    assert html.count('class="events"') == 1


def test_viewing_a_profile_is_audited(client, recruiter):
    candidate = ApplicationFactory.create().candidate
    client.force_login(recruiter)
    client.get(reverse("talent:candidate_profile", args=[candidate.pk]))
    entry = AuditLogEntry.objects.get(action="view", candidate_id=candidate.pk)
    assert (entry.actor, entry.object_type) == (recruiter, "candidate")


def test_interviewer_sees_only_assigned_positions_and_gets_404_otherwise(client, interviewer):
    # given one position assigned to the interviewer and one that is not
    mine = PositionFactory.create()
    mine.assignees.add(interviewer)
    visible = ApplicationFactory.create(position=mine).candidate
    hidden = ApplicationFactory.create(position=PositionFactory.create()).candidate
    client.force_login(interviewer)
    # when listing and opening profiles
    listing = client.get(reverse("talent:candidate_list")).content.decode()
    # then only the assigned candidate is listed and the other profile is a 404 like a missing one
    assert visible.name in listing
    assert hidden.name not in listing
    assert client.get(reverse("talent:candidate_profile", args=[visible.pk])).status_code == 200
    assert client.get(reverse("talent:candidate_profile", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("talent:candidate_profile", args=[999999])).status_code == 404
    assert not AuditLogEntry.objects.filter(action="view", candidate_id=hidden.pk).exists()


def test_candidate_list_query_count_does_not_grow_with_rows(client, recruiter, django_assert_max_num_queries):
    # given many candidates with applications
    for _ in range(30):
        ApplicationFactory.create(status=ApplicationStatus.INVITED)
    client.force_login(recruiter)
    # when the list page renders, then the number of queries is bounded (no N+1)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("talent:candidate_list"))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 30


def test_list_filters_by_status_and_search(client, recruiter):
    hired = ApplicationFactory.create(status=ApplicationStatus.HIRED, candidate=CandidateFactory.create(name="林晓雨"))
    ApplicationFactory.create(status=ApplicationStatus.NEW, candidate=CandidateFactory.create(name="周杰"))
    client.force_login(recruiter)
    by_status = client.get(reverse("talent:candidate_list"), {"status": "hired"})
    by_name = client.get(reverse("talent:candidate_list"), {"q": "周"})
    assert [c.name for c in by_status.context["page"]] == [hired.candidate.name]
    assert [c.name for c in by_name.context["page"]] == ["周杰"]


def test_english_switch_renders_the_profile_in_english(client, recruiter):
    candidate = ApplicationFactory.create().candidate
    client.force_login(recruiter)
    client.post(reverse("set_language"), {"language": "en"})
    html = client.get(reverse("talent:candidate_profile", args=[candidate.pk])).content.decode()
    assert 'lang="en"' in html
    assert "Talent profile" in html
