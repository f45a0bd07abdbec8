from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hirelink.screening.models import BulkImport, BulkImportItem, Condition, RuleSet, ScreeningVerdict


class _ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    """Versions, verdicts and import reports are records: change them through the screening pages only."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ConditionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Condition
    extra = 0
    fields = ("group", "type", "operator", "params", "required", "order")
    readonly_fields = fields
    can_delete = False


@admin.register(RuleSet)
class RuleSetAdmin(_ReadOnly):
    list_display = ("position", "version", "is_active", "source", "created_by", "created_at")
    list_filter = ("is_active", "source")
    inlines = [ConditionInline]


@admin.register(ScreeningVerdict)
class ScreeningVerdictAdmin(_ReadOnly):
    list_display = ("application", "ruleset", "passed", "trigger", "created_at")
    list_filter = ("passed", "trigger")


class BulkImportItemInline(admin.TabularInline):  # type: ignore[type-arg]
    model = BulkImportItem
    extra = 0
    fields = ("index", "label", "status", "code", "message_zh", "application")
    readonly_fields = fields
    can_delete = False


@admin.register(BulkImport)
class BulkImportAdmin(_ReadOnly):
    list_display = ("original_filename", "position", "status", "total", "created_by", "created_at")
    inlines = [BulkImportItemInline]
