"""Factories for talent-profile records: written tests, second-interview scorecards, offers, onboarding,
performance ratings. Each hangs off an application that has reached the matching stage."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from factory.declarations import LazyFunction, Sequence, SubFactory
from factory.django import DjangoModelFactory

from hirelink.accounts.tests.factories import InterviewerFactory
from hirelink.candidates.states import ApplicationStatus
from hirelink.candidates.tests.factories import ApplicationFactory
from hirelink.positions.vocabulary import Dimension
from hirelink.talent.models import (
    Offer,
    OfferStatus,
    Onboarding,
    PerformanceRating,
    Recommendation,
    Scorecard,
    WrittenTestResult,
)


class WrittenTestResultFactory(DjangoModelFactory[WrittenTestResult]):
    class Meta:
        model = WrittenTestResult

    application = SubFactory(ApplicationFactory, status=ApplicationStatus.SCORED)
    test_name = "银行综合能力笔试"
    taken_on = dt.date(2026, 10, 12)
    score = Decimal("82.50")
    max_score = Decimal("100")
    sections = LazyFunction(lambda: {"行测": 41.5, "金融基础": 26, "英语": 15})


class ScorecardFactory(DjangoModelFactory[Scorecard]):
    class Meta:
        model = Scorecard

    application = SubFactory(ApplicationFactory, status=ApplicationStatus.SECOND_INTERVIEW)
    interviewer = SubFactory(InterviewerFactory)
    interviewed_on = dt.date(2026, 10, 20)
    ratings = LazyFunction(
        lambda: {
            Dimension.COMMUNICATION.value: 4,
            Dimension.PROFESSIONAL_MATCH.value: 3,
            Dimension.POSITION_FIT.value: 4,
        }
    )
    recommendation = Recommendation.HIRE
    notes = "表达清楚，业务知识尚可，建议录用。"


class OfferFactory(DjangoModelFactory[Offer]):
    class Meta:
        model = Offer

    application = SubFactory(ApplicationFactory, status=ApplicationStatus.OFFERED)
    status = OfferStatus.SENT
    offered_on = dt.date(2026, 10, 25)
    grade = "G4"
    annual_salary = "150000"
    start_date = dt.date(2026, 11, 16)
    responded_on = None


class OnboardingFactory(DjangoModelFactory[Onboarding]):
    class Meta:
        model = Onboarding

    application = SubFactory(ApplicationFactory, status=ApplicationStatus.HIRED)
    started_on = dt.date(2026, 11, 16)
    employee_number = Sequence(lambda n: f"E{n:06d}")
    branch = "深圳分行福田支行"
    probation_months = 6
    probation_passed = None


class PerformanceRatingFactory(DjangoModelFactory[PerformanceRating]):
    class Meta:
        model = PerformanceRating

    application = SubFactory(ApplicationFactory, status=ApplicationStatus.HIRED)
    period = Sequence(lambda n: f"{2020 + n // 2}H{n % 2 + 1}")
    rating = 4
    rated_by = "网点负责人"
    comment = "业务熟练，客户评价良好。"
