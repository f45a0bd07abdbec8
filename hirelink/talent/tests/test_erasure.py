"""Deletion on request removes the person, their records and files, and leaves a record without personal data."""

from __future__ import annotations

import os

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from hirelink.candidates.models import Application, ApplicationEvent, Candidate, Resume
from hirelink.candidates.states import ApplicationStatus
from hirelink.candidates.tests.factories import ApplicationFactory, ResumeFactory
from hirelink.privacy.models import AuditLogEntry
from hirelink.talent.models import ErasureRecord, WrittenTestResult
from hirelink.talent.tests.factories import WrittenTestResultFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    resume = ResumeFactory.create()
    resume.file.save("cv.txt", ContentFile(b"resume bytes"))
    application = ApplicationFactory.create(candidate=resume.candidate, resume=resume, status=ApplicationStatus.SCORED)
    WrittenTestResultFactory.create(application=application)
    return resume


def test_hr_admin_erases_a_candidate_with_files_and_records(
    client, hr_admin, person, django_capture_on_commit_callbacks
):
    # given a candidate with a résumé file, an application, events and a written test
    candidate = person.candidate
    file_path = person.file.path
    client.force_login(hr_admin)
    # when HR erases the candidate, confirming by name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("talent:candidate_erase", args=[candidate.pk]),
            {"requested_by": "候选人本人（邮件）", "reason": "PIPL 删除请求", "confirm_name": candidate.name},
        )
    # then everything about the person is gone, including the file, and the erasure is recorded
    assert response.status_code == 302
    assert not Candidate.objects.filter(pk=candidate.pk).exists()
    assert Application.objects.count() == Resume.objects.count() == WrittenTestResult.objects.count() == 0
    assert ApplicationEvent.objects.count() == 0
    assert not os.path.exists(file_path)
    record = ErasureRecord.objects.get(candidate_ref=candidate.pk)
    assert record.files_removed == 1
    assert record.removed["candidates.Candidate"] == 1
    assert (
        not AuditLogEntry.objects.filter(candidate_id=candidate.pk)
        .exclude(summary="")
        .exclude(summary="erased on request")
        .exists()
    )


def test_wrong_confirmation_name_erases_nothing(client, hr_admin, person):
    client.force_login(hr_admin)
    response = client.post(
        reverse("talent:candidate_erase", args=[person.candidate.pk]),
        {"requested_by": "x", "confirm_name": "别人"},
    )
    assert response.status_code == 200
    assert "姓名不一致" in response.content.decode()
    assert Candidate.objects.filter(pk=person.candidate.pk).exists()
    assert ErasureRecord.objects.count() == 0


def test_only_hr_admin_may_erase(client, recruiter, person):
    client.force_login(recruiter)
    response = client.post(
        reverse("talent:candidate_erase", args=[person.candidate.pk]),
        {"requested_by": "x", "confirm_name": person.candidate.name},
    )
    assert response.status_code == 404
    assert Candidate.objects.filter(pk=person.candidate.pk).exists()
