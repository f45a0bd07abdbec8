"""Writes for interviews. Invitation tokens: 32 random bytes (url-safe), stored only as a SHA-256 hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from hirelink.candidates.models import Application
from hirelink.core import clock
from hirelink.interviews.models import Invitation, InvitationStatus


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    token: str  # shown once: goes into the link and the message, never stored


@transaction.atomic
def invitation_create(
    *, actor: Any, application: Application, window_start: dt.datetime | None = None, channel: str = ""
) -> IssuedInvitation:
    """Create the invitation for an application; an open (not expired, not finished) one is cancelled first,
    so a candidate only ever holds one working link."""
    start = window_start or clock.now()
    days = application.position.invitation_valid_days
    Invitation.objects.filter(
        application=application,
        status__in=[InvitationStatus.PENDING, InvitationStatus.SENT, InvitationStatus.OPENED],
    ).update(status=InvitationStatus.CANCELLED)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        application=application,
        token_hash=token_hash(token),
        channel=channel,
        window_start=start,
        expires_at=start + dt.timedelta(days=days),
    )
    return IssuedInvitation(invitation=invitation, token=token)
