"""Factories for question banks, questions (with a valid five-level rubric) and invitations.

`InvitationFactory` goes through `invitation_create`, so the token hash and expiry follow the real rules;
the plain token is kept on the instance as `invitation.token` for tests that open the link."""

from __future__ import annotations

import datetime as dt
from typing import Any

from factory.declarations import LazyFunction, Sequence, SubFactory
from factory.django import DjangoModelFactory
from factory.helpers import post_generation

from hirelink.interviews.models import Invitation, InvitationStatus, Question, QuestionBank
from hirelink.interviews.services import invitation_create
from hirelink.positions.vocabulary import Dimension


def rubric_levels() -> list[dict[str, Any]]:
    return [
        {
            "level": 1,
            "descriptor": "答非所问，没有具体做法",
            "descriptor_en": "Off topic, no concrete action",
        },
        {"level": 2, "descriptor": "有做法但笼统，缺少步骤", "descriptor_en": "Some action, vague, no steps"},
        {
            "level": 3,
            "descriptor": "步骤基本完整，例子一般",
            "descriptor_en": "Mostly complete steps, a plain example",
        },
        {
            "level": 4,
            "descriptor": "步骤清楚，有具体例子和结果",
            "descriptor_en": "Clear steps, a concrete example and result",
        },
        {
            "level": 5,
            "descriptor": "步骤清楚，例子具体，并总结改进",
            "descriptor_en": "Clear steps, concrete example, reflects on improvement",
        },
    ]


def rubric_key_points() -> list[dict[str, str]]:
    return [
        {"text": "先倾听并安抚客户情绪", "text_en": "Listen first and calm the customer"},
        {"text": "核实事实，按制度处理", "text_en": "Check the facts and follow procedure"},
        {"text": "跟进结果并总结改进", "text_en": "Follow up and learn from it"},
    ]


class QuestionBankFactory(DjangoModelFactory[QuestionBank]):
    class Meta:
        model = QuestionBank
        django_get_or_create = ("name",)
        skip_postgeneration_save = True

    name = Sequence(lambda n: f"柜员题库{n:03d}")
    name_en = Sequence(lambda n: f"Teller bank {n:03d}")
    description = "柜员岗位 AI 面试题库"

    @post_generation  # type: ignore[untyped-decorator]
    def with_questions(self, create: bool, extracted: int | None, **kwargs: Any) -> None:
        """`QuestionBankFactory(with_questions=6)` adds that many questions."""
        if create and extracted:
            for order in range(1, int(extracted) + 1):
                QuestionFactory(bank=self, order=order)


class QuestionFactory(DjangoModelFactory[Question]):
    class Meta:
        model = Question

    bank = SubFactory(QuestionBankFactory)
    order = Sequence(lambda n: n + 1)
    text = Sequence(lambda n: f"遇到客户投诉时，你会如何处理？（{n}）")
    text_en = Sequence(lambda n: f"How would you handle a customer complaint? ({n})")
    dimensions = LazyFunction(lambda: [Dimension.SERVICE_AWARENESS.value, Dimension.COMMUNICATION.value])
    levels = LazyFunction(rubric_levels)
    key_points = LazyFunction(rubric_key_points)
    exemplars = LazyFunction(
        lambda: [
            {
                "level": 5,
                "language": "zh",
                "text": "我会先倾听客户诉求并致歉安抚，再核实业务记录，按制度给出处理方案，"
                "最后回访确认客户满意，并把问题反馈给网点改进流程。",
            }
        ]
    )
    thinking_seconds = None
    answer_seconds = None
    is_active = True


class InvitationFactory(DjangoModelFactory[Invitation]):
    class Meta:
        model = Invitation

    application = SubFactory("hirelink.candidates.tests.factories.ApplicationFactory", status="invited")
    channel = "wecom"
    window_start: dt.datetime | None = None
    status = InvitationStatus.SENT

    @classmethod
    def _create(cls, model_class: type[Invitation], *args: Any, **kwargs: Any) -> Invitation:
        issued = invitation_create(
            actor=None,
            application=kwargs.pop("application"),
            window_start=kwargs.pop("window_start", None),
            channel=kwargs.pop("channel", ""),
        )
        invitation = issued.invitation
        if kwargs:
            for field, value in kwargs.items():
                setattr(invitation, field, value)
            invitation.save()
        invitation.token = issued.token  # type: ignore[attr-defined]
        return invitation

    @classmethod
    def _build(cls, model_class: type[Invitation], *args: Any, **kwargs: Any) -> Invitation:
        from hirelink.core import clock
        from hirelink.interviews.services import token_hash

        start = kwargs.pop("window_start", None) or clock.now()
        application = kwargs["application"]
        token = f"built-{id(application)}"
        invitation = model_class(
            token_hash=token_hash(token),
            window_start=start,
            expires_at=start + dt.timedelta(days=application.position.invitation_valid_days),
            **kwargs,
        )
        invitation.token = token  # type: ignore[attr-defined]
        return invitation
