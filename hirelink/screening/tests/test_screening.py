"""Rule set versioning, screening automation and re-screening (preview and apply)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from hirelink.accounts.tests.factories import RecruiterFactory
from hirelink.candidates.models import Application
from hirelink.candidates.services import application_create
from hirelink.candidates.states import ApplicationStatus
from hirelink.candidates.tests.factories import CandidateFactory
from hirelink.positions.tests.factories import PositionFactory
from hirelink.screening import services
from hirelink.screening.errors import RuleSetError
from hirelink.screening.models import Condition, ImmutableError, RuleGroup, RuleSet, ScreeningVerdict
from hirelink.screening.selectors import rescreen_preview, ruleset_definition, version_history
from hirelink.screening.tests.test_intake import submit, txt

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


EDU = {"type": "education", "operator": "gte", "params": {"level": 40}, "required": True}
CFA = {"type": "certificate", "operator": "any", "params": {"certificates": ["CFA"]}, "required": True}


def definition(*children: dict[str, Any], logic: str = "and") -> dict[str, Any]:
    return {"logic": logic, "children": list(children)}


@pytest.fixture
def hr() -> Any:
    return RecruiterFactory()


@pytest.fixture
def position() -> Any:
    return PositionFactory(code="tech-sz")


def test_every_save_creates_a_new_active_version_and_old_rows_are_immutable(hr, position):
    v1 = services.ruleset_create_version(actor=hr, position=position, definition=definition(EDU))
    v2 = services.ruleset_create_version(
        actor=hr, position=position, definition=definition(EDU, definition(CFA, EDU, logic="or"))
    )
    assert [(rs.version, rs.is_active) for rs in RuleSet.objects.filter(position=position).order_by("version")] == [
        (1, False),
        (2, True),
    ]
    assert ruleset_definition(ruleset=v1) == definition({**EDU, "id": Condition.objects.get(ruleset=v1).pk})
    assert (RuleGroup.objects.filter(ruleset=v2).count(), Condition.objects.filter(ruleset=v2).count()) == (2, 3)
    condition = Condition.objects.filter(ruleset=v1).get()
    condition.params = {"level": 10}
    with pytest.raises(ImmutableError):
        condition.save()
    v1.note = "changed"
    with pytest.raises(ImmutableError):
        v1.save()


def test_invalid_definition_creates_no_version(hr, position):
    with pytest.raises(RuleSetError) as excinfo:
        services.ruleset_create_version(
            actor=hr,
            position=position,
            definition=definition({"type": "experience", "operator": "gte", "params": {"years": -1}}),
        )
    assert excinfo.value.message_zh == "参数 years 应在 0–50 之间"
    assert RuleSet.objects.count() == 0


def test_old_verdicts_keep_the_version_they_were_made_with(hr, position):
    v1 = services.ruleset_create_version(actor=hr, position=position, definition=definition(EDU, CFA))
    first = submit(hr, position, txt())
    v2 = services.ruleset_create_version(actor=hr, position=position, definition=definition(EDU))
    second = submit(hr, position, txt(name="王强", phone="13800002222"))
    assert (ScreeningVerdict.objects.get(pk=first.verdict.pk).ruleset_id, first.verdict.passed) == (v1.pk, False)
    assert (second.verdict.ruleset_id, second.verdict.passed) == (v2.pk, True)
    assert first.verdict.results[1]["reason_zh"] == "要求持有证书：CFA，实际：无相符证书（持有：银行从业资格、CET-6）"


def test_first_screening_creates_v1_from_position_requirements(hr):
    position: Any = PositionFactory(
        code="teller-gz", certificates=["银行从业资格证"], languages=[{"language": "英语", "level": "CET-6"}]
    )
    result = submit(hr, position, txt())
    ruleset = RuleSet.objects.get(position=position)
    assert (ruleset.version, ruleset.source, result.verdict.passed) == (1, "position", True)
    assert [r["type"] for r in result.verdict.results] == ["education", "major", "certificate", "language"]


def test_version_history_shows_a_diff(hr, position):
    services.ruleset_create_version(actor=hr, position=position, definition=definition(EDU))
    services.ruleset_create_version(actor=hr, position=position, definition=definition(EDU, CFA))
    history = version_history(position=position, language="zh-hans")
    assert history[0].diff == [
        (" ", "▸ 全部满足（AND）"),
        (" ", "  • 学历：本科及以上 [必须]"),
        ("+", "  • 证书：持有证书：CFA [必须]"),
    ]


def test_rescreen_preview_and_apply(hr, position, django_capture_on_commit_callbacks):
    # given v1 requires CFA: a screened-out applicant, plus an application never screened (status new)
    services.ruleset_create_version(actor=hr, position=position, definition=definition(EDU, CFA))
    out = submit(hr, position, txt()).application
    invited_before = submit(hr, position, txt(name="陈静", phone="13900002222", extra="CFA 二级")).application
    fresh = application_create(actor=hr, candidate=CandidateFactory.create(), position=position)
    # when HR drops the CFA requirement (v2) and previews
    v2 = services.ruleset_create_version(actor=hr, position=position, definition=definition(EDU))
    preview = {c.application.pk: (c.before, c.after) for c in rescreen_preview(position=position, ruleset=v2)}
    # then only open applications appear; the screened-out one would now pass; nothing was written yet
    assert preview == {out.pk: (False, True), fresh.pk: (None, False)}
    assert ScreeningVerdict.objects.count() == 2
    # when it is applied
    report = services.position_rescreen(actor=hr, position=position)
    # then the screened-out applicant is invited (with an invitation), the fresh one is screened out
    assert (report.evaluated, report.now_passing, report.now_failing) == (2, [out.pk], [fresh.pk])
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert statuses == {
        out.pk: ApplicationStatus.INVITED,
        invited_before.pk: ApplicationStatus.INVITED,
        fresh.pk: ApplicationStatus.SCREENED_OUT,
    }
    assert Application.objects.get(pk=out.pk).invitations.count() == 1
    assert list(
        ScreeningVerdict.objects.filter(application=out)
        .order_by("id")
        .values_list("ruleset__version", "passed", "trigger")
    ) == [(1, False, "intake"), (2, True, "rescreen")]


def test_restore_copies_an_old_version_into_a_new_one(hr, position):
    v1 = services.ruleset_create_version(actor=hr, position=position, definition=definition(EDU))
    services.ruleset_create_version(actor=hr, position=position, definition=definition(CFA))
    v3 = services.ruleset_restore(actor=hr, ruleset=v1)
    assert (v3.version, v3.source, v3.is_active) == (3, "restore", True)
    assert [c.type for c in Condition.objects.filter(ruleset=v3)] == ["education"]
