"""Writes for candidates and applications. Status changes happen only through application_transition."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction

from hirelink.candidates.errors import DuplicateApplicationError, InvalidTransitionError
from hirelink.candidates.models import Application, ApplicationEvent, Candidate
from hirelink.candidates.states import ApplicationStatus, can_transition
from hirelink.core import clock
from hirelink.core.crypto import blind_index
from hirelink.core.events import event_record
from hirelink.positions.models import Position
from hirelink.privacy.models import AuditAction
from hirelink.privacy.services import audit_record

_IDENTIFIERS = ("phone", "email", "national_id")


@dataclass(frozen=True)
class CandidateUpsert:
    candidate: Candidate
    created: bool
    matched_on: str  # "" when new; otherwise which identifier matched


def _indexes(*, phone: str, email: str, national_id: str) -> dict[str, str]:
    return {
        "phone_index": blind_index(phone, purpose="phone"),
        "email_index": blind_index(email, purpose="email"),
        "national_id_index": blind_index(national_id, purpose="national_id"),
    }


def _refresh_indexes(candidate: Candidate) -> None:
    """Recompute the blind indexes from the candidate's current identifiers."""
    for key, value in _indexes(phone=candidate.phone, email=candidate.email, national_id=candidate.national_id).items():
        setattr(candidate, key, value)


def candidate_find_duplicate(
    *, phone: str = "", email: str = "", national_id: str = ""
) -> tuple[Candidate, str] | None:
    """The existing person with the same ID number, phone or e-mail (in that order of trust)."""
    indexes = _indexes(phone=phone, email=email, national_id=national_id)
    for field in ("national_id", "phone", "email"):
        value = indexes[f"{field}_index"]
        if value:
            match = Candidate.objects.filter(**{f"{field}_index": value}).order_by("id").first()
            if match is not None:
                return match, field
    return None


@transaction.atomic
def candidate_upsert(
    *,
    actor: Any,
    name: str,
    phone: str = "",
    email: str = "",
    national_id: str = "",
    **fields: Any,
) -> CandidateUpsert:
    """Create the person, or return the existing one when phone, e-mail or ID number matches."""
    duplicate = candidate_find_duplicate(phone=phone, email=email, national_id=national_id)
    if duplicate is not None:
        candidate, matched_on = duplicate
        changed: dict[str, Any] = {}
        for field, value in {"phone": phone, "email": email, "national_id": national_id}.items():
            if value and not getattr(candidate, field):
                setattr(candidate, field, value)
                changed[field] = "set"
        if changed:
            _refresh_indexes(candidate)
            candidate.save()
        return CandidateUpsert(candidate=candidate, created=False, matched_on=matched_on)
    candidate = Candidate(name=name.strip(), phone=phone, email=email, national_id=national_id, **fields)
    _refresh_indexes(candidate)
    candidate.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="candidate",
        object_id=candidate.pk,
        candidate_id=candidate.pk,
    )
    return CandidateUpsert(candidate=candidate, created=True, matched_on="")


@transaction.atomic
def candidate_update(*, actor: Any, candidate: Candidate, **fields: Any) -> Candidate:
    changes: dict[str, Any] = {}
    for field, value in fields.items():
        if getattr(candidate, field) != value:
            changes[field] = "changed" if field in _IDENTIFIERS else [str(getattr(candidate, field)), str(value)]
            setattr(candidate, field, value)
    if not changes:
        return candidate
    _refresh_indexes(candidate)
    candidate.save()
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        object_type="candidate",
        object_id=candidate.pk,
        candidate_id=candidate.pk,
        changes=changes,
    )
    return candidate


def _actor_label(actor: Any) -> str:
    if getattr(actor, "is_authenticated", False):
        return str(actor.username)
    return str(actor) if actor else "system"


@transaction.atomic
def application_create(
    *,
    actor: Any,
    candidate: Candidate,
    position: Position,
    channel: str = "",
    resume: Any = None,
    applied_at: dt.datetime | None = None,
) -> Application:
    at = applied_at or clock.now()
    try:
        with transaction.atomic():
            application = Application.objects.create(
                candidate=candidate,
                position=position,
                channel=channel,
                resume=resume,
                applied_at=at,
                status_changed_at=at,
                created_at=at,
            )
    except IntegrityError as exc:
        raise DuplicateApplicationError from exc
    ApplicationEvent.objects.create(
        application=application,
        at=at,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=_actor_label(actor),
        from_status="",
        to_status=ApplicationStatus.NEW,
        reason=channel,
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        object_type="application",
        object_id=application.pk,
        candidate_id=candidate.pk,
        summary=position.title,
    )
    return application


@transaction.atomic
def application_transition(
    *,
    actor: Any,
    application: Application,
    to_status: ApplicationStatus | str,
    reason: str = "",
    at: dt.datetime | None = None,
) -> ApplicationEvent:
    """Move an application along the status machine and write the immutable event. Locks the row so two
    concurrent transitions cannot both start from the same state."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    source, target = locked.status, str(to_status)
    if not can_transition(source, target):
        raise InvalidTransitionError(source, target)
    when = at or clock.now()
    locked.status = target
    locked.status_changed_at = when
    locked.save(update_fields=["status", "status_changed_at", "updated_at"])
    application.status, application.status_changed_at = target, when
    event = ApplicationEvent.objects.create(
        application=locked,
        at=when,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_label=_actor_label(actor),
        from_status=source,
        to_status=target,
        reason=reason[:500],
    )
    audit_record(
        actor=actor,
        action=AuditAction.TRANSITION,
        object_type="application",
        object_id=locked.pk,
        candidate_id=locked.candidate_id,
        summary=f"{source} → {target}",
        changes={"reason": reason[:200]},
    )
    event_record(
        name="application.status_changed",
        payload={
            "application_id": locked.pk,
            "event_id": event.pk,
            "from": source,
            "to": target,
            "at": when.isoformat(),
            "actor": event.actor_label,
        },
    )
    return event


def experience_years_decimal(value: float | None) -> Decimal:
    return Decimal(str(round(value or 0, 1)))
