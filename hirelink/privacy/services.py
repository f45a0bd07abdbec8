"""Writes to the audit log. Called explicitly by the services and views that touch candidate data."""

from __future__ import annotations

from typing import Any

from hirelink.privacy.models import AuditAction, AuditLogEntry


def audit_record(
    *,
    actor: Any,
    action: AuditAction,
    object_type: str,
    object_id: object,
    candidate_id: int | None = None,
    summary: str = "",
    changes: dict[str, Any] | None = None,
    ip_address: str | None = None,
) -> AuditLogEntry:
    user = actor if getattr(actor, "is_authenticated", False) else None
    label = str(getattr(actor, "username", "") or "") if user else (str(actor) if actor else "system")
    return AuditLogEntry.objects.create(
        actor=user,
        actor_label=label[:150],
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        candidate_id=candidate_id,
        summary=summary[:255],
        changes=changes or {},
        ip_address=ip_address,
    )
