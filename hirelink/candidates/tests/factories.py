"""Factories for candidates, résumés, applications and their events.

- `CandidateFactory` creates through `candidate_upsert`, so the encrypted identifiers and their blind-index
  columns are set exactly as in production (a built, unsaved candidate gets the same indexes computed here).
- `ApplicationFactory` creates through `application_create` and, given `status=...`, walks the real status
  machine with `application_transition` (shortest path), so every application has a true event timeline.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from decimal import Decimal
from typing import Any

from factory.declarations import LazyAttribute, Sequence, SubFactory
from factory.django import DjangoModelFactory
from factory.faker import Faker

from hirelink.candidates.models import Application, ApplicationEvent, Candidate, Gender, Resume
from hirelink.candidates.services import application_create, application_transition, candidate_upsert
from hirelink.candidates.states import TRANSITIONS, ApplicationStatus
from hirelink.core.crypto import blind_index
from hirelink.positions.tests.factories import PositionFactory
from hirelink.positions.vocabulary import EducationLevel

_INDEXES = ("phone_index", "email_index", "national_id_index")


def status_path(target: str, *, start: str = ApplicationStatus.NEW) -> list[str]:
    """The shortest list of statuses that leads from `start` to `target` through the status machine
    (empty when already there)."""
    previous: dict[str, str | None] = {start: None}
    queue: deque[str] = deque([start])
    while queue:
        state = queue.popleft()
        if state == target:
            path: list[str] = []
            node: str | None = state
            while node is not None and node != start:
                path.append(node)
                node = previous[node]
            return path[::-1]
        for nxt in sorted(TRANSITIONS[state]):
            if nxt not in previous:
                previous[nxt] = state
                queue.append(nxt)
    raise ValueError(f"{target!r} is not reachable from {start!r}")


class CandidateFactory(DjangoModelFactory[Candidate]):
    class Meta:
        model = Candidate

    name = Sequence(lambda n: f"测试候选人{n:03d}")
    name_en = ""
    phone = Sequence(lambda n: f"138{n:08d}")
    email = Sequence(lambda n: f"candidate{n:03d}@example.com")
    national_id = Faker("ssn", locale="zh_CN")
    phone_index = LazyAttribute(lambda o: blind_index(o.phone, purpose="phone"))
    email_index = LazyAttribute(lambda o: blind_index(o.email, purpose="email"))
    national_id_index = LazyAttribute(lambda o: blind_index(o.national_id, purpose="national_id"))
    gender = Gender.FEMALE
    birth_year = 2001
    city = "深圳"
    highest_education = EducationLevel.BACHELOR
    school = "深圳大学"
    major = "金融学"
    graduation_year = 2024
    experience_years = Decimal("1.0")
    preferred_language = "zh-hans"
    source = "campus"

    @classmethod
    def _create(cls, model_class: type[Candidate], *args: Any, **kwargs: Any) -> Candidate:
        for key in _INDEXES:
            kwargs.pop(key, None)  # the service computes them
        return candidate_upsert(actor=None, **kwargs).candidate


def resume_facts(candidate: Candidate) -> dict[str, Any]:
    return {
        "name": candidate.name,
        "phone": candidate.phone,
        "email": candidate.email,
        "education": [
            {
                "degree": "本科",
                "school": candidate.school,
                "major": candidate.major,
                "major_category": "金融学类",
                "start": "2020-09",
                "end": "2024-06",
            }
        ],
        "experience": [
            {
                "employer": "招商银行深圳分行",
                "title": "大堂助理（实习）",
                "start": "2023-07",
                "end": "2023-09",
                "is_internship": True,
            }
        ],
        "experience_years": float(candidate.experience_years),
        "skills": ["Excel", "点钞"],
        "certificates": ["银行从业资格证"],
        "languages": [{"language": "英语", "level": "CET-6"}],
    }


class ResumeFactory(DjangoModelFactory[Resume]):
    class Meta:
        model = Resume

    candidate = SubFactory(CandidateFactory)
    original_filename = LazyAttribute(lambda o: f"{o.candidate.name}-简历.txt")
    content_type = "text/plain"
    facts = LazyAttribute(lambda o: resume_facts(o.candidate))
    text = LazyAttribute(
        lambda o: (
            f"{o.candidate.name}\n电话：{o.candidate.phone}\n邮箱：{o.candidate.email}\n"
            f"教育背景：{o.candidate.school} {o.candidate.major} 本科 2020.09-2024.06\n"
            "实习经历：招商银行深圳分行 大堂助理 2023.07-2023.09\n证书：银行从业资格证"
        )
    )
    parser_version = "factory"


class ApplicationFactory(DjangoModelFactory[Application]):
    class Meta:
        model = Application

    candidate = SubFactory(CandidateFactory)
    position = SubFactory(PositionFactory)
    resume = None
    channel = "campus"
    applied_at: dt.datetime | None = None
    status = ApplicationStatus.NEW

    @classmethod
    def _create(cls, model_class: type[Application], *args: Any, **kwargs: Any) -> Application:
        target = str(kwargs.pop("status", ApplicationStatus.NEW))
        application = application_create(
            actor=None,
            candidate=kwargs.pop("candidate"),
            position=kwargs.pop("position"),
            channel=kwargs.pop("channel", ""),
            resume=kwargs.pop("resume", None),
            applied_at=kwargs.pop("applied_at", None),
        )
        if kwargs:
            raise TypeError(f"ApplicationFactory does not accept {sorted(kwargs)}")
        for step in status_path(target):
            application_transition(actor=None, application=application, to_status=step)
        return application


class ApplicationEventFactory(DjangoModelFactory[ApplicationEvent]):
    """A bare event row. Prefer `ApplicationFactory(status=...)`, which writes real events."""

    class Meta:
        model = ApplicationEvent

    application = SubFactory(ApplicationFactory)
    actor = None
    actor_label = "system"
    from_status = ApplicationStatus.NEW
    to_status = ApplicationStatus.SCREENING
    reason = ""
