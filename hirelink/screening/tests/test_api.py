"""Screening API: upload, verdict, rule set versions, bulk imports; session auth with CSRF; 404 for others."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from hirelink.accounts.tests.factories import InterviewerFactory, RecruiterFactory
from hirelink.candidates.models import Application
from hirelink.positions.tests.factories import PositionFactory
from hirelink.screening import services
from hirelink.screening.tests.test_intake import txt, zip_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


EDU = {"type": "education", "operator": "gte", "params": {"level": 40}, "required": True}
BASE = "/api/v1/screening"


@pytest.fixture
def hr() -> Any:
    return RecruiterFactory()


@pytest.fixture
def position(hr: Any) -> Any:
    position: Any = PositionFactory(code="teller-sz")
    services.ruleset_create_version(actor=hr, position=position, definition={"logic": "and", "children": [EDU]})
    return position


def client_for(user: Any, *, csrf: bool = False) -> Client:
    client = Client(enforce_csrf_checks=csrf)
    client.force_login(user)
    return client


def upload(client: Client, position: Any, data: bytes, name: str = "li.txt") -> Any:
    return client.post(f"{BASE}/positions/{position.pk}/resumes", {"file": SimpleUploadedFile(name, data)})


def test_upload_returns_the_verdict_with_reasons(hr, position):
    response = upload(client_for(hr), position, txt(degree="大专", school="深圳职业技术学院"))
    body = response.json()
    assert response.status_code == 201
    assert (body["status"], body["verdict"]["passed"], body["verdict"]["ruleset_version"]) == ("screened_out", False, 1)
    assert body["verdict"]["results"][0]["reason_en"] == "Requires Bachelor or above, actual: Associate"


def test_upload_error_is_a_400_with_both_languages(hr, position):
    response = upload(client_for(hr), position, b"", name="empty.pdf")
    assert response.status_code == 400
    assert response.json()["code"] == "empty_file"
    assert response.json()["message_en"] == "The file is empty. Please choose your résumé again."


def test_get_verdict_and_list_versions(hr, position):
    client = client_for(hr)
    application_id = upload(client, position, txt()).json()["application_id"]
    verdict = client.get(f"{BASE}/applications/{application_id}/verdict").json()
    versions = client.get(f"{BASE}/positions/{position.pk}/rulesets").json()
    assert (verdict["passed"], verdict["results"][0]["actual"]) == (True, "本科")
    assert [(v["version"], v["is_active"]) for v in versions] == [(1, True)]
    assert versions[0]["definition"]["children"][0]["type"] == "education"


def test_bulk_import_through_the_api(hr, position, django_capture_on_commit_callbacks):
    client = client_for(hr)
    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(
            f"{BASE}/positions/{position.pk}/imports",
            {"file": SimpleUploadedFile("b.zip", zip_bytes({"li.txt": txt(), "../x.txt": b"x"}))},
        )
    report = client.get(f"{BASE}/imports/{created.json()['id']}").json()
    assert created.status_code == 201
    assert [(i["label"], i["status"], i["code"]) for i in report["items"]] == [
        ("li.txt", "done", ""),
        ("../x.txt", "failed", "unsafe_path"),
    ]


def test_anonymous_is_401_and_csrf_is_enforced(hr, position):
    assert Client().get(f"{BASE}/positions/{position.pk}/rulesets").status_code == 401
    assert upload(client_for(hr, csrf=True), position, txt()).status_code == 403
    assert Application.objects.count() == 0


def test_other_staff_get_404_and_nothing_changes(hr, position):
    application_id = upload(client_for(hr), position, txt()).json()["application_id"]
    outsider = client_for(InterviewerFactory())
    assert outsider.get(f"{BASE}/applications/{application_id}/verdict").status_code == 404
    assert outsider.get(f"{BASE}/positions/{position.pk}/rulesets").status_code == 404
    assert upload(outsider, position, txt(name="王强", phone="13800002222")).status_code == 404
    assert Application.objects.count() == 1
