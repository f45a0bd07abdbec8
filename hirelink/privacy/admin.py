from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hirelink.privacy.models import AuditLogEntry


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(admin.ModelAdmin[AuditLogEntry]):
    list_display = ("at", "actor_label", "action", "object_type", "object_id", "candidate_id", "summary")
    list_filter = ("action", "object_type")
    search_fields = ("actor_label", "object_id", "summary")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
