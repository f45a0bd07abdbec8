"""Admin for candidates: read-mostly. Status changes go through the service, never through a form field."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hirelink.candidates.models import Application, ApplicationEvent, Candidate, Resume


class ApplicationInline(admin.TabularInline[Application, Candidate]):
    model = Application
    extra = 0
    fields = ("position", "status", "channel", "applied_at")
    readonly_fields = ("position", "status", "channel", "applied_at")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin[Candidate]):
    list_display = ("name", "highest_education", "school", "major", "city", "created_at")
    search_fields = ("name", "school", "major")
    list_filter = ("highest_education", "city")
    exclude = ("phone_index", "email_index", "national_id_index")
    inlines = [ApplicationInline]


@admin.register(Resume)
class ResumeAdmin(admin.ModelAdmin[Resume]):
    list_display = ("candidate", "original_filename", "parser_version", "created_at")
    raw_id_fields = ("candidate",)


class ApplicationEventInline(admin.TabularInline[ApplicationEvent, Application]):
    model = ApplicationEvent
    extra = 0
    can_delete = False
    readonly_fields = ("at", "actor_label", "from_status", "to_status", "reason")
    fields = readonly_fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin[Application]):
    list_display = ("candidate", "position", "status", "channel", "applied_at")
    list_filter = ("status", "position")
    search_fields = ("candidate__name",)
    readonly_fields = ("status", "status_changed_at")
    raw_id_fields = ("candidate", "resume")
    inlines = [ApplicationEventInline]
