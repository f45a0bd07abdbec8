from __future__ import annotations

from django.db.models import QuerySet

from hirelink.privacy.models import AuditLogEntry


def audit_entries(*, action: str = "", candidate_id: int | None = None, actor: str = "") -> QuerySet[AuditLogEntry]:
    qs = AuditLogEntry.objects.select_related("actor")
    if action:
        qs = qs.filter(action=action)
    if candidate_id:
        qs = qs.filter(candidate_id=candidate_id)
    if actor:
        qs = qs.filter(actor_label=actor)
    return qs
