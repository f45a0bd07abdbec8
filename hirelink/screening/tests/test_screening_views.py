"""HR screening pages and the public apply page: rendering, saving, permissions (forbidden == 404, nothing
changed), request size limits."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from hirelink.accounts.tests.factories import InterviewerFactory, RecruiterFactory
from hirelink.candidates.models import Application, Candidate
from hirelink.positions.models import PositionStatus
from hirelink.positions.tests.factories import PositionFactory
from hirelink.screening import services
from hirelink.screening.models import BulkImport, RuleSet
from hirelink.screening.tests.test_intake import submit, txt, zip_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


EDU = {"type": "education", "operator": "gte", "params": {"level": 40}, "required": True}


@pytest.fixture
def hr() -> Any:
    return RecruiterFactory()


@pytest.fixture
def position(hr: Any) -> Any:
    position: Any = PositionFactory(code="teller-sz")
    services.ruleset_create_version(actor=hr, position=position, definition={"logic": "and", "children": [EDU]})
    return position


def login(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_rule_editor_renders_the_active_definition(hr, position):
    response = login(hr).get(reverse("screening:rule_editor", args=[position.pk]))
    assert response.status_code == 200
    assert response.context["definition"] == {"logic": "and", "children": [EDU]}
    assert b'id="rule-schema"' in response.content


def test_saving_the_editor_creates_a_new_version(hr, position):
    new = {
        "logic": "or",
        "children": [
            EDU,
            {"type": "keyword", "operator": "any", "params": {"keywords": "柜员, 银行"}, "required": True},
        ],
    }
    response = login(hr).post(
        reverse("screening:rule_editor", args=[position.pk]), {"definition": json.dumps(new), "note": "加关键词"}
    )
    assert response.status_code == 302
    active = RuleSet.objects.get(position=position, is_active=True)
    assert (active.version, active.note) == (2, "加关键词")


def test_saving_an_invalid_definition_shows_the_error_and_saves_nothing(hr, position):
    bad = {"logic": "and", "children": [{"type": "education", "operator": "gte", "params": {}}]}
    response = login(hr).post(reverse("screening:rule_editor", args=[position.pk]), {"definition": json.dumps(bad)})
    assert response.status_code == 400
    assert "请选择学历层次" in response.content.decode()
    assert RuleSet.objects.filter(position=position).count() == 1


def test_interviewer_cannot_edit_rules_even_on_an_assigned_position(position):
    interviewer = InterviewerFactory()
    position.assignees.add(interviewer)
    client = login(interviewer)
    assert client.get(reverse("screening:rule_editor", args=[position.pk])).status_code == 200
    response = client.post(
        reverse("screening:rule_editor", args=[position.pk]),
        {"definition": json.dumps({"logic": "and", "children": [EDU]})},
    )
    assert response.status_code == 404
    assert (
        client.post(reverse("screening:rule_assistant", args=[position.pk]), {"description": "本科"}).status_code == 404
    )
    assert RuleSet.objects.filter(position=position).count() == 1


def test_unassigned_interviewer_sees_404_everywhere(hr, position):
    application = submit(hr, position, txt()).application
    client = login(InterviewerFactory())
    urls = [
        reverse("screening:rule_editor", args=[position.pk]),
        reverse("screening:rule_versions", args=[position.pk]),
        reverse("screening:rescreen", args=[position.pk]),
        reverse("screening:upload", args=[position.pk]),
        reverse("screening:application_verdict", args=[application.pk]),
    ]
    assert [client.get(url).status_code for url in urls] == [404, 404, 404, 404, 404]
    assert client.post(reverse("screening:rescreen", args=[position.pk])).status_code == 404
    assert Application.objects.get(pk=application.pk).status == "invited"


def test_assistant_drafts_conditions_into_the_editor_without_saving(hr, position):
    response = login(hr).post(
        reverse("screening:rule_assistant", args=[position.pk]),
        {"description": "本科及以上学历，2年以上工作经验，持有CFA证书优先。"},
    )
    assert response.status_code == 200
    assert [c["type"] for c in response.context["definition"]["children"]] == ["education", "experience", "certificate"]
    assert response.context["source"] == "assistant"
    assert RuleSet.objects.filter(position=position).count() == 1


def test_verdict_page_shows_per_rule_reasons(hr, position):
    application = submit(hr, position, txt(degree="大专", school="深圳职业技术学院")).application
    response = login(hr).get(reverse("screening:application_verdict", args=[application.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "要求本科及以上，实际：大专" in body
    assert "✗" in body


def test_rescreen_page_previews_and_applies(hr, position):
    application = submit(hr, position, txt(degree="大专", school="深圳职业技术学院")).application
    services.ruleset_create_version(
        actor=hr, position=position, definition={"logic": "and", "children": [{**EDU, "params": {"level": 30}}]}
    )
    client = login(hr)
    preview = client.get(reverse("screening:rescreen", args=[position.pk]))
    assert preview.context["changed_count"] == 1
    assert Application.objects.get(pk=application.pk).status == "screened_out"
    assert client.post(reverse("screening:rescreen", args=[position.pk])).status_code == 302
    assert Application.objects.get(pk=application.pk).status == "invited"


def test_hr_single_upload_redirects_to_the_verdict(hr, position):
    response = login(hr).post(
        reverse("screening:upload", args=[position.pk]), {"kind": "single", "file": _file("li.txt", txt())}
    )
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("screening:application_verdict", args=[application.pk])


def test_hr_upload_error_is_shown_and_nothing_stored(hr, position, media):
    response = login(hr).post(
        reverse("screening:upload", args=[position.pk]), {"kind": "single", "file": _file("empty.pdf", b"")}
    )
    assert response.status_code == 400
    assert Candidate.objects.count() == 0


def test_request_too_large_is_refused_before_reading(hr, position, settings):
    settings.SCREENING_BULK_MAX_BYTES = 1000
    response = login(hr).post(
        reverse("screening:upload", args=[position.pk]), {"kind": "bulk", "file": _file("big.zip", b"x" * 1_100_000)}
    )
    assert response.status_code == 413
    assert "上传内容过大" in response.content.decode()
    assert BulkImport.objects.count() == 0


def test_bulk_progress_page_polls_until_done(hr, position, django_capture_on_commit_callbacks):
    client = login(hr)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            reverse("screening:upload", args=[position.pk]),
            {"kind": "bulk", "file": _file("b.zip", zip_bytes({"li.txt": txt()}))},
        )
    bulk = BulkImport.objects.get()
    assert response["Location"] == reverse("screening:bulk_detail", args=[bulk.pk])
    pending = client.get(reverse("screening:bulk_detail", args=[bulk.pk]), headers={"HX-Request": "true"})
    assert 'hx-trigger="every 1s"' in pending.content.decode()
    services.bulk_item_process(item_id=bulk.items.get().pk)
    done = client.get(reverse("screening:bulk_detail", args=[bulk.pk]), headers={"HX-Request": "true"})
    assert 'hx-trigger="every 1s"' not in done.content.decode()
    assert "已处理 1 / 1" in done.content.decode()


def test_bulk_page_is_404_for_unassigned_staff(hr, position, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        bulk = services.bulk_import_create(
            actor=hr, position=position, data=zip_bytes({"li.txt": txt()}), filename="b.zip"
        )
    assert login(InterviewerFactory()).get(reverse("screening:bulk_detail", args=[bulk.pk])).status_code == 404


# --- Public apply page ------------------------------------------------------------------------------------


def _file(name: str, data: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def apply_data(**overrides: Any) -> dict[str, Any]:
    return {
        "name": "李娜",
        "phone": "13800001111",
        "email": "",
        "city": "深圳",
        "consent": "on",
        "file": _file("li.txt", txt()),
        **overrides,
    }


def test_apply_page_is_public_and_mobile_ready(position):
    response = Client().get(reverse("apply:apply", args=[position.code]))
    assert response.status_code == 200
    assert b'name="viewport"' in response.content


def test_apply_creates_an_application_and_screens_it(position):
    response = Client().post(reverse("apply:apply", args=[position.code]), apply_data())
    application = Application.objects.get()
    assert response.status_code == 200
    assert "简历已收到" in response.content.decode()
    resume: Any = application.resume
    assert (application.channel, application.status, resume.facts["city"]) == ("apply_page", "invited", "深圳")


def test_apply_without_consent_stores_nothing(position):
    response = Client().post(reverse("apply:apply", args=[position.code]), apply_data(consent=""))
    assert response.status_code == 400
    assert "请阅读并同意个人信息处理说明" in response.content.decode()
    assert Candidate.objects.count() == 0


def test_apply_twice_shows_the_duplicate_message(position):
    Client().post(reverse("apply:apply", args=[position.code]), apply_data())
    response = Client().post(
        reverse("apply:apply", args=[position.code]), apply_data(file=_file("li2.txt", txt(extra="补充")))
    )
    assert response.status_code == 400
    assert "该候选人已投递此岗位，请勿重复提交。" in response.content.decode()
    assert Application.objects.count() == 1


def test_apply_to_a_closed_position_is_404(position):
    position.status = PositionStatus.CLOSED
    position.save()
    assert Client().get(reverse("apply:apply", args=[position.code])).status_code == 404


def test_apply_enforces_csrf(position):
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("apply:apply", args=[position.code]), apply_data()).status_code == 403
    assert Application.objects.count() == 0


def test_position_list_shows_only_visible_positions_with_their_active_version(hr, position):
    hidden: Any = PositionFactory(code="hidden-pos", title="隐藏岗位")
    interviewer = InterviewerFactory()
    position.assignees.add(interviewer)
    for_hr = login(hr).get(reverse("screening:position_list"))
    for_interviewer = login(interviewer).get(reverse("screening:position_list"))
    assert sorted(p.code for p in for_hr.context["positions"]) == ["hidden-pos", "teller-sz"]
    assert [(p.code, [rs.version for rs in p.active_rule_sets]) for p in for_interviewer.context["positions"]] == [
        ("teller-sz", [1])
    ]
    assert hidden.title not in for_interviewer.content.decode()
