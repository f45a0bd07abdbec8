"""Résumé intake: single uploads through the real parser, automation after screening, every bad-input case,
and bulk uploads (ZIP, CSV, ZIP with a list table) processed by the task worker."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from reportlab.pdfgen import canvas

from hirelink.accounts.tests.factories import RecruiterFactory
from hirelink.candidates.models import Application, Candidate, Resume
from hirelink.candidates.states import ApplicationStatus
from hirelink.positions.tests.factories import PositionFactory
from hirelink.positions.vocabulary import EducationLevel
from hirelink.screening import services
from hirelink.screening.errors import IntakeError
from hirelink.screening.models import BulkImport, BulkImportItem, ItemStatus, ScreeningVerdict

pytestmark = pytest.mark.django_db

RULES: dict[str, Any] = {
    "logic": "and",
    "children": [
        {"type": "education", "operator": "gte", "params": {"level": 40}, "required": True},
        {
            "type": "major",
            "operator": "in",
            "params": {"majors": [], "categories": ["经济学类", "金融学类"]},
            "required": True,
        },
        {"type": "certificate", "operator": "any", "params": {"certificates": ["CFA"]}, "required": False},
    ],
}


def resume_text(
    name: str = "李娜",
    phone: str = "13800001111",
    degree: str = "本科",
    major: str = "金融学",
    school: str = "深圳大学",
    extra: str = "",
) -> str:
    return (
        f"{name}\n手机：{phone}  邮箱：{phone}@example.com\n现居：深圳\n\n教育经历\n"
        f"2016.09-2020.06 {school} {major} {degree}\n\n工作经历\n"
        f"2020.07-2024.06 招商银行深圳分行 柜员\n\n证书：银行从业资格、CET-6\n{extra}"
    )


def txt(**kwargs: Any) -> bytes:
    return resume_text(**kwargs).encode("utf-8")


def docx(**kwargs: Any) -> bytes:
    document = Document()
    for line in resume_text(**kwargs).splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf(lines: list[str], *, encrypt: str | None = None) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=encrypt)
    y = 800
    for line in lines:
        page.drawString(60, y, line)
        y -= 18
    page.save()
    return buffer.getvalue()


ENGLISH = [
    "Emily Chen",
    "Phone: 13900002222  Email: emily.chen@example.com",
    "Education",
    "2015.09 - 2019.06 Fudan University, Finance, Bachelor",
    "Work Experience",
    "2019.07 - 2024.06 China Merchants Bank, Analyst",
    "Certificates: CFA Level 2, CET-6",
]


def zip_bytes(entries: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data, compress_type=compression)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture
def hr() -> Any:
    return RecruiterFactory()


@pytest.fixture
def position(hr: Any) -> Any:
    position: Any = PositionFactory(code="teller-sz", min_education=EducationLevel.BACHELOR)
    services.ruleset_create_version(actor=hr, position=position, definition=RULES)
    return position


def submit(hr: Any, position: Any, data: bytes, filename: str = "resume.txt", **kwargs: Any) -> Any:
    return services.resume_submit(actor=hr, position=position, data=data, filename=filename, channel="test", **kwargs)


def test_passing_resume_is_invited_with_an_invitation_record(hr, position):
    # when a bachelor in finance uploads a TXT résumé
    result = submit(hr, position, txt())
    # then the application went NEW → SCREENING → INVITED and an invitation is recorded (not sent)
    application = Application.objects.get(pk=result.application.pk)
    assert application.status == ApplicationStatus.INVITED
    assert list(application.events.values_list("to_status", flat=True)) == ["new", "screening", "invited"]
    assert [(i.status, i.sent_at) for i in application.invitations.all()] == [("pending", None)]
    assert result.verdict.passed is True
    assert [(r["passed"], r["required"]) for r in result.verdict.results] == [
        (True, True),
        (True, True),
        (False, False),
    ]


def test_the_pass_action_can_be_left_to_workflows(hr, position, settings):
    settings.SCREENING_ON_PASSED = ""
    application = submit(hr, position, txt()).application
    assert (application.status, application.invitations.count()) == (ApplicationStatus.INVITED, 0)


def test_failing_resume_is_screened_out_with_reasons_and_no_invitation(hr, position):
    result = submit(hr, position, txt(degree="大专", school="深圳职业技术学院"))
    application = Application.objects.get(pk=result.application.pk)
    assert application.status == ApplicationStatus.SCREENED_OUT
    assert application.invitations.count() == 0
    assert (
        application.events.values_list("reason", flat=True).last()
        == "初筛未通过（规则 v1）：要求本科及以上，实际：大专"
    )
    failed = result.verdict.failed_required
    assert [(r["reason_zh"], r["reason_en"]) for r in failed] == [
        ("要求本科及以上，实际：大专", "Requires Bachelor or above, actual: Associate")
    ]


def test_candidate_summary_and_resume_are_filled_from_parsed_facts(hr, position, media):
    result = submit(hr, position, docx(), filename="李娜.docx")
    candidate = Candidate.objects.get(pk=result.candidate.pk)
    resume = Resume.objects.get(candidate=candidate)
    assert (
        candidate.name,
        candidate.phone,
        candidate.highest_education,
        candidate.school,
        candidate.major,
        candidate.graduation_year,
        str(candidate.experience_years),
        candidate.city,
    ) == ("李娜", "13800001111", 40, "深圳大学", "金融学", 2020, "4.0", "深圳")
    assert (resume.original_filename, len(resume.sha256), resume.parser_version != "") == ("李娜.docx", 64, True)
    assert resume.facts["certificates"] == ["银行从业资格", "CET-6"]
    assert stored_files(media) == [resume.file.name]


def test_english_pdf_resume_is_parsed_and_screened(hr, position):
    result = submit(hr, position, pdf(ENGLISH), filename="emily.pdf")
    assert (result.candidate.name, result.application.status) == ("Emily Chen", ApplicationStatus.INVITED)
    assert result.verdict.results[2]["passed"] is True  # preferred CFA recorded


def test_apply_page_facts_are_merged(hr, position):
    result = submit(hr, position, txt(), extra_facts={"city": "广州", "willing_to_relocate": True})
    assert result.application.resume.facts["city"] == "广州"
    assert Candidate.objects.get(pk=result.candidate.pk).city == "广州"


def assert_nothing_stored(media: Path) -> None:
    assert (
        Candidate.objects.count(),
        Resume.objects.count(),
        Application.objects.count(),
        ScreeningVerdict.objects.count(),
        stored_files(media),
    ) == (0, 0, 0, 0, [])


@pytest.mark.parametrize(
    ("data", "filename", "code"),
    [
        (b"", "empty.pdf", "empty_file"),
        (zip_bytes({"resume.txt": "张伟 简历".encode()}), "resume.pdf", "type_mismatch"),
        (b"MZ\x90\x00" + bytes(300), "resume.pdf", "executable"),
        (pdf(ENGLISH, encrypt="s3cret"), "locked.pdf", "encrypted_pdf"),
        (pdf(ENGLISH)[:400], "truncated.pdf", "corrupt_pdf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "old.doc", "legacy_doc"),
    ],
    ids=["empty", "zip-named-pdf", "exe-named-pdf", "encrypted-pdf", "corrupt-pdf", "legacy-doc"],
)
def test_bad_files_are_refused_with_a_clear_message_and_nothing_stored(hr, position, media, data, filename, code):
    with pytest.raises(IntakeError) as excinfo:
        submit(hr, position, data, filename=filename)
    assert excinfo.value.code == code
    assert excinfo.value.message_zh != ""
    assert excinfo.value.message_en != ""
    assert_nothing_stored(media)


def test_oversized_file_is_refused(hr, position, media, settings):
    settings.SCREENING_RESUME_MAX_BYTES = 1024
    with pytest.raises(IntakeError) as excinfo:
        submit(hr, position, txt(extra="x" * 2000))
    assert (excinfo.value.code, excinfo.value.message_zh) == ("too_large", "文件过大（上限 0 MB），请压缩后重新上传。")
    assert_nothing_stored(media)


def test_duplicate_submission_by_the_same_person_is_refused(hr, position, media):
    submit(hr, position, txt())
    files_before = stored_files(media)
    with pytest.raises(IntakeError) as excinfo:
        submit(hr, position, docx(), filename="again.docx")  # same phone, different file
    assert (excinfo.value.code, excinfo.value.message_zh) == (
        "duplicate_application",
        "该候选人已投递此岗位，请勿重复提交。",
    )
    assert (Application.objects.count(), Resume.objects.count(), stored_files(media)) == (1, 1, files_before)


def test_same_file_for_the_same_position_is_refused_by_hash(hr, position):
    submit(hr, position, txt())
    with pytest.raises(IntakeError) as excinfo:
        submit(hr, position, txt(), name="别名", phone="13999999999")
    assert excinfo.value.code == "duplicate_file"


def test_same_person_may_apply_to_another_position(hr, position):
    other: Any = PositionFactory(code="teller-gz")
    submit(hr, position, txt())
    result = submit(hr, other, txt())
    assert (Candidate.objects.count(), Application.objects.count(), result.application.position_id) == (1, 2, other.pk)


def test_failure_after_the_file_was_stored_rolls_back_and_deletes_it(hr, position, media, monkeypatch):
    def explode(**kwargs: Any) -> None:
        raise RuntimeError("screening crashed")

    monkeypatch.setattr(services, "application_screen", explode)
    with pytest.raises(RuntimeError):
        submit(hr, position, txt())
    assert_nothing_stored(media)


# --- Bulk ------------------------------------------------------------------------------------------------


def run_bulk(hr: Any, position: Any, data: bytes, filename: str, django_capture_on_commit_callbacks: Any) -> Any:
    with django_capture_on_commit_callbacks(execute=True):
        bulk = services.bulk_import_create(actor=hr, position=position, data=data, filename=filename)
    return BulkImport.objects.get(pk=bulk.pk)


def item_report(bulk: BulkImport) -> list[tuple[str, str, str]]:
    return [(i.label, i.status, i.code) for i in BulkImportItem.objects.filter(bulk=bulk).order_by("index")]


def test_bulk_zip_one_bad_file_does_not_stop_the_others(hr, position, media, django_capture_on_commit_callbacks):
    # given a ZIP with two good résumés and one bad entry of each kind
    data = zip_bytes(
        {
            "good/li.txt": txt(),
            "good/wang.docx": docx(name="王强", phone="13800002222", degree="大专", school="深圳职业技术学院"),
            "../../etc/passwd": b"root:x:0:0",
            "/abs/evil.txt": txt(name="赵六", phone="13800003333"),
            "win\\evil.txt": txt(name="孙七", phone="13800004444"),
            "inner.zip": zip_bytes({"a.txt": txt(name="钱八", phone="13800005555")}),
            "broken.pdf": pdf(ENGLISH)[:300],
            "__MACOSX/._li.txt": b"junk",
        }
    )
    bulk = run_bulk(hr, position, data, "batch.zip", django_capture_on_commit_callbacks)
    # then every entry is reported, the good ones were screened, the bad ones carry their reason
    assert item_report(bulk) == [
        ("good/li.txt", "done", ""),
        ("good/wang.docx", "done", ""),
        ("../../etc/passwd", "failed", "unsafe_path"),
        ("/abs/evil.txt", "failed", "unsafe_path"),
        ("win\\evil.txt", "failed", "unsafe_path"),
        ("inner.zip", "failed", "nested_archive"),
        ("broken.pdf", "failed", "corrupt_pdf"),
    ]
    statuses = dict(Application.objects.values_list("candidate__name", "status"))
    assert statuses == {"李娜": "invited", "王强": "screened_out"}
    assert (bulk.status, bulk.file.name, stored_files(media) == sorted(r.file.name for r in Resume.objects.all())) == (
        "done",
        "",
        True,
    )
    assert BulkImportItem.objects.get(bulk=bulk, index=3).message_en == (
        "Path traversal in the archive's file name (../../etc/passwd); skipped."
    )


@pytest.mark.parametrize(
    ("setting", "value", "code"),
    [
        ("SCREENING_ZIP_MAX_ENTRIES", 2, "zip_too_many_entries"),
        ("SCREENING_ZIP_MAX_TOTAL_BYTES", 1024 * 1024, "zip_too_large"),
        ("SCREENING_ZIP_MAX_RATIO", 100, "zip_bomb"),
    ],
)
def test_zip_bombs_are_refused_before_extraction_and_nothing_is_stored(
    hr, position, media, settings, setting, value, code
):
    setattr(settings, setting, value)
    data = zip_bytes(
        {"a.txt": txt(), "b.txt": txt(name="王强", phone="13800002222"), "zeros.txt": bytes(2 * 1024 * 1024)}
    )
    with pytest.raises(IntakeError) as excinfo:
        services.bulk_import_create(actor=hr, position=position, data=data, filename="bomb.zip")
    assert excinfo.value.code == code
    assert (BulkImport.objects.count(), BulkImportItem.objects.count(), stored_files(media)) == (0, 0, [])


def test_corrupt_archive_is_refused(hr, position):
    with pytest.raises(IntakeError) as excinfo:
        services.bulk_import_create(actor=hr, position=position, data=b"PK\x03\x04broken", filename="x.zip")
    assert (excinfo.value.code, excinfo.value.message_en) == (
        "corrupt_archive",
        "The archive is corrupt and cannot be read.",
    )


def test_bulk_csv_rows_with_resume_text(hr, position, django_capture_on_commit_callbacks):
    csv_data = (
        "姓名,手机,邮箱,岗位编码,简历内容\n"
        f'李娜,13800001111,li@example.com,teller-sz,"{resume_text()}"\n'
        f'王强,13800002222,,unknown-code,"{resume_text(name="王强", phone="13800002222")}"\n'
        "赵六,13800003333,,,\n"
    ).encode()
    bulk = run_bulk(hr, position, csv_data, "list.csv", django_capture_on_commit_callbacks)
    assert item_report(bulk) == [
        ("#2 李娜", "done", ""),
        ("#3 王强", "failed", "unknown_position"),
        ("#4 赵六", "failed", "empty_file"),
    ]
    assert Application.objects.get().channel == "bulk"


def test_bulk_zip_with_a_list_table_referencing_files(hr, position, django_capture_on_commit_callbacks):
    table = (
        "name,phone,email,resume_file\n"
        "李娜,13800001111,,files/li.docx\n"
        "王强,13800002222,,files/missing.pdf\n"
        "赵六,13800003333,,../secret.txt\n"
    ).encode()
    data = zip_bytes({"list.csv": table, "files/li.docx": docx()})
    bulk = run_bulk(hr, position, data, "with-list.zip", django_capture_on_commit_callbacks)
    assert item_report(bulk) == [
        ("#2 李娜", "done", ""),
        ("#3 王强", "failed", "missing_entry"),
        ("#4 赵六", "failed", "unsafe_path"),
    ]


def test_bulk_item_processing_is_idempotent(hr, position, django_capture_on_commit_callbacks):
    bulk = run_bulk(hr, position, zip_bytes({"li.txt": txt()}), "one.zip", django_capture_on_commit_callbacks)
    item = BulkImportItem.objects.get(bulk=bulk)
    services.bulk_item_process(item_id=item.pk)
    assert (Application.objects.count(), BulkImportItem.objects.get(pk=item.pk).status) == (1, ItemStatus.DONE)
