"""Factories for departments and positions. `PositionFactory(with_bank=True)` also builds a question bank
with six valid questions (via the interviews factories, referenced by path to keep the layers clean)."""

from __future__ import annotations

from decimal import Decimal

from factory.declarations import LazyFunction, Sequence, SubFactory, Trait
from factory.django import DjangoModelFactory
from factory.helpers import post_generation

from hirelink.positions.models import Department, Position, PositionStatus
from hirelink.positions.vocabulary import AnswerMode, Dimension, EducationLevel


class DepartmentFactory(DjangoModelFactory[Department]):
    class Meta:
        model = Department
        django_get_or_create = ("name",)

    name = Sequence(lambda n: f"零售金融部{n:03d}")
    name_en = Sequence(lambda n: f"Retail Banking {n:03d}")
    parent = None


class PositionFactory(DjangoModelFactory[Position]):
    class Meta:
        model = Position
        skip_postgeneration_save = True

    code = Sequence(lambda n: f"position-{n:03d}")
    title = Sequence(lambda n: f"柜员{n:03d}")
    title_en = Sequence(lambda n: f"Bank Teller {n:03d}")
    department = SubFactory(DepartmentFactory)
    status = PositionStatus.OPEN
    location = "深圳"
    headcount = 3
    description = "负责网点柜面业务办理与客户服务。"
    description_en = "Handles counter transactions and customer service at a branch."
    min_education = EducationLevel.BACHELOR
    majors: list[str] = []
    major_categories = LazyFunction(lambda: ["经济学类", "金融学类"])
    min_experience_years = Decimal("0")
    certificates = LazyFunction(lambda: ["银行从业资格证"])
    languages = LazyFunction(lambda: [{"language": "普通话", "level": "二级甲等"}])
    question_bank = None
    question_count = 6
    dimension_weights = LazyFunction(
        lambda: {
            Dimension.COMMUNICATION.value: 0.3,
            Dimension.PROFESSIONAL_MATCH.value: 0.3,
            Dimension.POSITION_FIT.value: 0.4,
        }
    )
    pass_threshold = 70
    reject_threshold = 50
    thinking_seconds = 90
    answer_seconds = 180
    answer_modes = LazyFunction(lambda: [AnswerMode.VOICE.value, AnswerMode.TEXT.value])
    invitation_valid_days = 7

    class Params:
        with_bank = Trait(
            question_bank=SubFactory("hirelink.interviews.tests.factories.QuestionBankFactory", with_questions=6)
        )

    @post_generation  # type: ignore[untyped-decorator]
    def assignees(self, create: bool, extracted: list[object] | None, **kwargs: object) -> None:
        if create and extracted:
            self.assignees.add(*extracted)
