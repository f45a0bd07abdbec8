from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from hirelink.positions.models import Department, Position


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin[Department]):
    list_display = ("name", "name_en", "parent")
    search_fields = ("name", "name_en")


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin[Position]):
    list_display = ("title", "code", "department", "status", "location", "question_bank", "pass_threshold")
    list_filter = ("status", "department")
    search_fields = ("title", "title_en", "code")
    filter_horizontal = ("assignees",)
    fieldsets = (
        (None, {"fields": ("code", "title", "title_en", "department", "status", "location", "headcount")}),
        (_("岗位描述"), {"fields": ("description", "description_en")}),
        (
            _("岗位要求"),
            {
                "fields": (
                    "min_education",
                    "majors",
                    "major_categories",
                    "min_experience_years",
                    "certificates",
                    "languages",
                )
            },
        ),
        (
            _("面试与评分"),
            {
                "fields": (
                    "question_bank",
                    "question_count",
                    "randomise_questions",
                    "dimension_weights",
                    "pass_threshold",
                    "reject_threshold",
                )
            },
        ),
        (
            _("策略"),
            {
                "fields": (
                    "thinking_seconds",
                    "answer_seconds",
                    "answer_modes",
                    "allow_rerecord",
                    "voice_features_allowed",
                    "face_features_allowed",
                    "auto_reject_allowed",
                    "invitation_valid_days",
                )
            },
        ),
        (_("指派"), {"fields": ("assignees",)}),
    )
