from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from hirelink.accounts import permissions


def roles(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "can_write": permissions.can_write_candidates(user),
        "can_configure": permissions.can_configure(user),
        "can_view_audit": permissions.can_view_audit_log(user),
    }
