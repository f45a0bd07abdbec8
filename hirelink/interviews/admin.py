"""Admin: question banks and guide templates are configured here (HR uploads a position's own guide video);
sessions and answers are read-only facts (media only through the permission-checked view)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from hirelink.interviews.models import (
    Answer,
    GuideTemplate,
    IntegritySignal,
    InterviewSession,
    Invitation,
    Question,
    QuestionBank,
    SessionQuestion,
)


class QuestionInline(admin.StackedInline[Question, QuestionBank]):
    model = Question
    extra = 0


@admin.register(QuestionBank)
class QuestionBankAdmin(admin.ModelAdmin[QuestionBank]):
    list_display = ("name", "name_en")
    search_fields = ("name", "name_en")
    inlines = [QuestionInline]


@admin.register(GuideTemplate)
class GuideTemplateAdmin(admin.ModelAdmin[GuideTemplate]):
    list_display = ("__str__", "has_video", "updated_at")
    autocomplete_fields = ()
    fields = ("position", "body", "body_en", "materials", "materials_en", "notes", "notes_en", "video")

    @admin.display(boolean=True, description=_("自有视频"))
    def has_video(self, obj: GuideTemplate) -> bool:
        return bool(obj.video)


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ("application", "status", "channel", "window_start", "expires_at", "opened_at", "completed_at")
    list_filter = ("status", "channel")
    exclude = ("token_hash",)


class SessionQuestionInline(admin.TabularInline[SessionQuestion, InterviewSession]):
    model = SessionQuestion
    extra = 0
    fields = ("position", "text", "status", "shown_at", "answer_started_at", "answered_at")
    readonly_fields = fields
    can_delete = False


@admin.register(InterviewSession)
class InterviewSessionAdmin(ReadOnlyAdmin):
    list_display = ("invitation", "status", "answer_mode", "text_only", "voice_features_enabled", "completed_at")
    list_filter = ("status", "text_only")
    inlines = [SessionQuestionInline]


@admin.register(Answer)
class AnswerAdmin(ReadOnlyAdmin):
    list_display = ("session_question", "attempt", "mode", "status", "duration_seconds", "size_bytes", "media_link")
    list_filter = ("status", "mode")
    exclude = ("media", "normalised_audio")

    @admin.display(description=_("录音"))
    def media_link(self, obj: Answer) -> str:
        if not obj.media:
            return "—"
        url = reverse("interviews:hr_answer_media", kwargs={"answer_id": obj.pk})
        return format_html('<a href="{}">{}</a>', url, _("播放"))


@admin.register(IntegritySignal)
class IntegritySignalAdmin(ReadOnlyAdmin):
    list_display = ("session", "session_question", "kind", "occurred_at", "duration_ms")
    list_filter = ("kind",)
