"""Audit-log page for HR admins and auditors (read-only)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hirelink.accounts import permissions
from hirelink.privacy.models import AuditAction
from hirelink.privacy.selectors import audit_entries


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_audit_log(request.user):
        raise PermissionDenied
    action = request.GET.get("action", "")
    action = action if action in AuditAction.values else ""
    try:
        candidate_id = int(request.GET.get("candidate", "") or 0) or None
    except ValueError:
        candidate_id = None
    actor = request.GET.get("actor", "").strip()[:150]
    entries = audit_entries(action=action, candidate_id=candidate_id, actor=actor)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "privacy/audit_log.html",
        {"page": page, "actions": AuditAction.choices, "action": action, "candidate_id": candidate_id, "actor": actor},
    )
