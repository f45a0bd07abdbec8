from django.contrib import admin

from hirelink.talent.models import Offer, Onboarding, PerformanceRating, Scorecard, WrittenTestResult


@admin.register(WrittenTestResult)
class WrittenTestResultAdmin(admin.ModelAdmin[WrittenTestResult]):
    list_display = ("application", "test_name", "taken_on", "score", "max_score")
    raw_id_fields = ("application",)


@admin.register(Scorecard)
class ScorecardAdmin(admin.ModelAdmin[Scorecard]):
    list_display = ("application", "interviewer", "interviewed_on", "recommendation")
    list_filter = ("recommendation",)
    raw_id_fields = ("application",)


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin[Offer]):
    list_display = ("application", "status", "offered_on", "grade", "start_date")
    list_filter = ("status",)
    raw_id_fields = ("application",)


@admin.register(Onboarding)
class OnboardingAdmin(admin.ModelAdmin[Onboarding]):
    list_display = ("application", "started_on", "employee_number", "branch", "probation_passed")
    raw_id_fields = ("application",)


@admin.register(PerformanceRating)
class PerformanceRatingAdmin(admin.ModelAdmin[PerformanceRating]):
    list_display = ("application", "period", "rating", "rated_by")
    raw_id_fields = ("application",)
