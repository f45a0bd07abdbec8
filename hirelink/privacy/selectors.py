from __future__ import annotations

from django.db.models import QuerySet

from hirelink.privacy.models import AuditLogEntry


def audit_entries_for_candidate(*, candidate_id: int) -> QuerySet[AuditLogEntry]:
    return AuditLogEntry.objects.filter(candidate_id=candidate_id).select_related("actor")


def audit_entries_recent(*, limit: int = 200) -> QuerySet[AuditLogEntry]:
    return AuditLogEntry.objects.select_related("actor")[:limit]
