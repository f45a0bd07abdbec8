from django.contrib import admin

from hirelink.workflows.models import (
    DecisionReview,
    HrTask,
    HumanReviewRequest,
    ScheduledAction,
    SecondInterview,
    WecomCallbackReceipt,
    WorkflowRule,
    WorkflowRun,
)


@admin.register(WorkflowRule)
class WorkflowRuleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "position", "trigger", "from_status", "to_status", "delay_seconds", "priority", "is_active")
    list_filter = ("is_active", "trigger")
    search_fields = ("name",)


@admin.register(WorkflowRun)
class WorkflowRunAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("id", "rule", "event_name", "event_id", "application", "outcome", "duration_ms", "created_at")
    list_filter = ("outcome", "event_name")
    readonly_fields = [f.name for f in WorkflowRun._meta.fields]


@admin.register(DecisionReview)
class DecisionReviewAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("application", "recommendation", "score", "status", "decided_by_label", "decided_via", "decided_at")
    list_filter = ("status", "recommendation", "decided_via")
    readonly_fields = ("decided_by", "decided_by_label", "decided_via", "decided_at", "requested_by_label")


admin.site.register(HrTask)
admin.site.register(HumanReviewRequest)
admin.site.register(SecondInterview)
admin.site.register(ScheduledAction)
admin.site.register(WecomCallbackReceipt)
