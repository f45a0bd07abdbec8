"""Report pages (HTML, PDF, JSON) and the retry action: visibility, audit, nothing changed when refused."""

from __future__ import annotations

import dataclasses
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from django.test import Client

from hirelink.privacy.models import AuditLogEntry
from hirelink.scoring import services
from hirelink.scoring.analysers import DEFAULT_ANALYSERS
from hirelink.scoring.models import AnalysisStatus, AnswerAnalysis, InterviewReport


def broken_content(*args: Any) -> Any:
    raise RuntimeError("embedding model missing")


@pytest.fixture
def reported(build_session: Any) -> Any:
    built = build_session(["teller_complaint_strong", "answer_short"], mode="text")
    for answer in built.answers:
        services.answer_analysis_run(answer_id=answer.pk)
    services.session_report_build(session_id=built.session.pk)
    return built


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_recruiter_reads_the_report_page_with_highlighted_key_points_and_it_is_audited(
    reported: Any, recruiter: Any
) -> None:
    # given a built report
    # when a recruiter opens it
    response = client_for(recruiter).get(f"/scoring/sessions/{reported.session.pk}/report/")

    # then the page shows the total, sub-scores, highlights, suggestions and highlighted key points
    page = response.content.decode()
    assert response.status_code == 200
    assert "结构化面试报告" in page
    assert "沟通能力" in page
    assert "专业匹配度" in page
    assert "岗位适配性" in page
    assert "服务意识" in page
    assert "回答亮点" in page
    assert "改进建议" in page
    assert '<mark class="kp"' in page
    assert "为客户开通高收益理财账户" in page
    assert "系统建议（仅供参考）" in page
    assert (
        AuditLogEntry.objects.filter(
            actor=recruiter, object_type="interview_report", object_id=str(reported.session.pk), action="view"
        ).count()
        == 1
    )


@pytest.mark.django_db
def test_pdf_download_is_a_pdf_and_is_audited_as_export(reported: Any, hr_admin: Any) -> None:
    # when HR downloads the PDF
    response = client_for(hr_admin).get(f"/scoring/sessions/{reported.session.pk}/report.pdf")

    # then it is a PDF attachment and the export is audited
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content[:5] == b"%PDF-"
    assert response["Content-Disposition"] == f'attachment; filename="interview-report-{reported.session.pk}-v1.pdf"'
    assert AuditLogEntry.objects.filter(actor=hr_admin, action="export", object_type="interview_report").count() == 1


@pytest.mark.django_db
def test_json_api_returns_the_typed_report(reported: Any, recruiter: Any) -> None:
    # when the report is fetched through the API
    response = client_for(recruiter).get(f"/api/v1/scoring/sessions/{reported.session.pk}/report")

    # then it carries the schema version, the scores with readings, and per-question key points
    body = response.json()
    assert response.status_code == 200
    assert body["schema_version"] == "hirelink-report/1"
    assert body["version"] == 1
    assert body["recommendation"]["code"] in {"advance", "hold", "reject"}
    assert [d["key"] for d in body["dimensions"]][:3] == ["communication", "professional_match", "position_fit"]
    assert body["dimensions"][0]["reading"] != ""
    assert body["questions"][0]["key_points"][5] == {
        "text": "为客户开通高收益理财账户",
        "covered": False,
        "score": body["questions"][0]["key_points"][5]["score"],
        "evidence": None,
    }
    assert body["progress"]["analysed"] == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/scoring/sessions/{id}/report/",
        "/scoring/sessions/{id}/report.pdf",
        "/scoring/sessions/{id}/progress/",
        "/api/v1/scoring/sessions/{id}/report",
    ],
)
def test_interviewer_of_another_position_gets_404_and_leaves_no_trace(
    reported: Any, interviewer: Any, path: str
) -> None:
    # given an interviewer not assigned to the position
    before = AuditLogEntry.objects.count()

    # when they ask for the report in any format
    response = client_for(interviewer).get(path.format(id=reported.session.pk))

    # then it does not exist for them and nothing was recorded or changed
    assert response.status_code == 404
    assert AuditLogEntry.objects.count() == before
    assert InterviewReport.objects.get().version == 1


@pytest.mark.django_db
def test_assigned_interviewer_may_read_the_report(reported: Any, interviewer: Any, position: Any) -> None:
    # given the interviewer is assigned to the position
    position.assignees.add(interviewer)

    # when they open the report
    response = client_for(interviewer).get(f"/scoring/sessions/{reported.session.pk}/report/")

    # then they see it
    assert response.status_code == 200


@pytest.mark.django_db
def test_progress_is_shown_before_the_report_exists(build_session: Any, recruiter: Any) -> None:
    # given a completed interview with nothing analysed yet
    built = build_session(["teller_complaint_strong", "answer_short"], mode="text")

    # when HR opens the report page and the API
    page = client_for(recruiter).get(f"/scoring/sessions/{built.session.pk}/report/").content.decode()
    api = client_for(recruiter).get(f"/api/v1/scoring/sessions/{built.session.pk}/report")

    # then both say how far the analysis is
    assert "已分析 0 / 2 个回答（共 2 题）" in page
    assert api.status_code == 409
    assert api.json()["code"] == "report_not_ready"


@pytest.mark.django_db
def test_recruiter_requeues_flagged_answers_but_an_interviewer_cannot(
    build_session: Any, recruiter: Any, interviewer: Any, position: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given an answer flagged for review after three failures
    built = build_session(["teller_complaint_strong"], mode="text")
    broken = dataclasses.replace(DEFAULT_ANALYSERS, content=broken_content)
    for _ in range(3):
        AnswerAnalysis.objects.filter(answer=built.answers[0]).update(next_attempt_at=None)
        services.answer_analysis_run(answer_id=built.answers[0].pk, analysers=broken)
    position.assignees.add(interviewer)
    url = f"/scoring/sessions/{built.session.pk}/retry/"

    # when an interviewer tries to re-queue it, then a recruiter does
    refused = client_for(interviewer).post(url)
    assert refused.status_code == 404
    assert AnswerAnalysis.objects.get().status == AnalysisStatus.NEEDS_REVIEW
    with django_capture_on_commit_callbacks(execute=True):
        accepted = client_for(recruiter).post(url)

    # then only the recruiter's request re-queued (and, with the immediate backend, re-ran) the analysis
    assert accepted.status_code == 302
    assert AnswerAnalysis.objects.get().status == AnalysisStatus.DONE
    assert AuditLogEntry.objects.filter(actor=recruiter, summary="analysis retry").count() == 1


@pytest.mark.django_db
def test_talent_profile_shows_the_report_summary_with_a_link(reported: Any, recruiter: Any) -> None:
    # given a built report for the candidate's application
    report = InterviewReport.objects.get(session=reported.session)
    candidate_id = reported.session.invitation.application.candidate_id
    # when HR opens the talent profile
    page = client_for(recruiter).get(f"/talent/candidates/{candidate_id}/").content.decode()
    # then the AI interview part shows the total, the labelled recommendation and the link to the full report
    shown = Decimal(str(report.total)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert f"<b>{shown}</b><span>/100</span>" in page
    assert "系统建议，需HR决定" in page
    assert f'href="/scoring/sessions/{reported.session.pk}/report/"' in page
