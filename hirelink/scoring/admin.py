from django.contrib import admin

from hirelink.scoring.models import AnswerAnalysis, InterviewReport


@admin.register(AnswerAnalysis)
class AnswerAnalysisAdmin(admin.ModelAdmin[AnswerAnalysis]):
    list_display = ("answer", "session", "status", "attempts", "updated_at")
    list_filter = ("status",)
    readonly_fields = [f.name for f in AnswerAnalysis._meta.get_fields() if getattr(f, "concrete", False)]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(InterviewReport)
class InterviewReportAdmin(admin.ModelAdmin[InterviewReport]):
    list_display = ("session", "application", "position", "total", "recommendation", "version", "built_at")
    list_filter = ("recommendation", "needs_review", "position")
    readonly_fields = [f.name for f in InterviewReport._meta.get_fields() if getattr(f, "concrete", False)]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
