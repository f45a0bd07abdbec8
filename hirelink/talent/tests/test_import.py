"""Talent-profile records import from CSV/Excel: all rows or none, with row-level errors."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from hirelink.candidates.tests.factories import ApplicationFactory, CandidateFactory
from hirelink.positions.tests.factories import PositionFactory
from hirelink.privacy.models import AuditLogEntry
from hirelink.talent.models import PerformanceRating, Scorecard, WrittenTestResult
from hirelink.talent.services import records_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def application():
    candidate = CandidateFactory.create(phone="13811112222", email="zhao.lei@example.com")
    return ApplicationFactory.create(candidate=candidate, position=PositionFactory.create(code="teller"))


def _csv(text: str, name: str = "scores.csv", encoding: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def test_written_tests_import_from_csv(recruiter, application):
    upload = _csv(
        "phone,position_code,test_name,taken_on,score,max_score\n13811112222,teller,行测,2026-10-08,86.5,100\n"
    )
    report = records_import(actor=recruiter, kind="written_test", upload=upload)
    assert (report.ok, report.imported, report.rows_total) == (True, 1, 1)
    result = WrittenTestResult.objects.get(application=application)
    assert (result.test_name, str(result.score)) == ("行测", "86.50")
    assert AuditLogEntry.objects.filter(action="import", candidate_id=application.candidate_id).count() == 1


def test_gbk_encoded_csv_from_excel_is_read(recruiter, application):
    upload = _csv(
        "email,position_code,period,rating,comment\nzhao.lei@example.com,teller,2026H1,4,表现良好\n", encoding="gbk"
    )
    report = records_import(actor=recruiter, kind="performance", upload=upload)
    assert report.ok
    assert PerformanceRating.objects.get(application=application).comment == "表现良好"


def test_scorecards_import_from_excel(recruiter, interviewer, application):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["phone", "position_code", "interviewer", "interviewed_on", "recommendation", "communication"])
    sheet.append(["13811112222", "teller", "interviewer", "2026-11-02", "推荐", 4])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("cards.xlsx", buffer.getvalue())
    report = records_import(actor=recruiter, kind="scorecard", upload=upload)
    assert report.ok, report.errors
    card = Scorecard.objects.get(application=application)
    assert (card.recommendation, card.ratings) == ("hire", {"communication": 4})


def test_one_bad_row_imports_nothing_and_reports_each_problem(recruiter, application):
    # given a file with one good row and three bad ones
    upload = _csv(
        "phone,position_code,test_name,taken_on,score\n"
        "13811112222,teller,行测,2026-10-08,80\n"
        "13999999999,teller,行测,2026-10-08,80\n"
        "13811112222,teller,申论,2026/13/40,80\n"
        "13811112222,teller,英语,2026-10-08,120\n"
    )
    # when it is imported
    report = records_import(actor=recruiter, kind="written_test", upload=upload)
    # then nothing is stored and every bad row is named
    assert report.ok is False
    assert [row for row, _ in report.errors] == [3, 4, 5]
    assert "找不到候选人" in report.errors[0][1]
    assert "日期格式" in report.errors[1][1]
    assert "超出范围" in report.errors[2][1]
    assert WrittenTestResult.objects.count() == 0


def test_missing_columns_and_wrong_file_types_are_rejected_whole(recruiter, application):
    missing = records_import(actor=recruiter, kind="performance", upload=_csv("phone,position_code\n1,teller\n"))
    assert missing.fatal == "缺少必填列：period, rating"
    binary = records_import(
        actor=recruiter, kind="performance", upload=SimpleUploadedFile("x.xlsx", b"\x00\x01not a zip")
    )
    assert binary.fatal == "Excel 文件已损坏或不是 .xlsx 格式。"
    wrong = records_import(actor=recruiter, kind="performance", upload=SimpleUploadedFile("x.pdf", b"%PDF-1.4"))
    assert wrong.fatal == "不支持的文件类型：请上传 CSV 或 Excel（.xlsx）文件。"
    empty = records_import(actor=recruiter, kind="performance", upload=SimpleUploadedFile("x.csv", b""))
    assert empty.fatal == "文件为空。"
    assert PerformanceRating.objects.count() == 0


def test_reimporting_the_same_file_replaces_instead_of_duplicating(recruiter, application):
    text = "phone,position_code,period,rating\n13811112222,teller,2026H1,3\n"
    records_import(actor=recruiter, kind="performance", upload=_csv(text))
    records_import(actor=recruiter, kind="performance", upload=_csv(text.replace(",3", ",5")))
    assert list(PerformanceRating.objects.values_list("rating", flat=True)) == [5]


def test_duplicate_rows_in_one_file_are_reported(recruiter, application):
    text = "phone,position_code,period,rating\n13811112222,teller,2026H1,3\n13811112222,teller,2026H1,4\n"
    report = records_import(actor=recruiter, kind="performance", upload=_csv(text))
    assert report.errors == [(3, "与第 2 行重复")]
    assert PerformanceRating.objects.count() == 0
