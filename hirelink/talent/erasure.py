"""Deletion on request: erase one person and everything that hangs off them, files included.

Django's deletion collector finds every row that cascades from the candidate (applications, résumés, events,
invitations, interview answers, reports, messages, talent records) across all apps without this module importing
them; file fields on those rows are deleted from storage after the transaction commits. Audit entries keep only
ids (no personal data), and an ErasureRecord proves the deletion happened."""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.db.models.deletion import Collector

from hirelink.candidates.models import Candidate
from hirelink.privacy.models import AuditAction, AuditLogEntry
from hirelink.privacy.services import audit_record
from hirelink.talent.models import ErasureRecord

logger = logging.getLogger(__name__)


def _files_of(collector: Collector) -> list[tuple[Any, str]]:
    files: list[tuple[Any, str]] = []
    for model, instances in collector.data.items():
        file_fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
        for instance in instances:
            for field in file_fields:
                value = getattr(instance, field.attname)
                if value:
                    files.append((field.storage, str(value)))
    return files


@transaction.atomic
def candidate_erase(*, actor: Any, candidate: Candidate, requested_by: str, reason: str = "") -> ErasureRecord:
    collector = Collector(using=DEFAULT_DB_ALIAS)
    collector.collect([candidate])
    files = _files_of(collector)
    removed = Counter({model._meta.label: len(instances) for model, instances in collector.data.items()})
    candidate_id = candidate.pk
    candidate.delete()
    # Audit entries stay (who did what, when) but lose any values that could describe the person.
    AuditLogEntry.objects.filter(candidate_id=candidate_id).update(changes={}, summary="")
    record = ErasureRecord.objects.create(
        candidate_ref=candidate_id,
        requested_by=requested_by[:150],
        reason=reason[:500],
        performed_by=actor if getattr(actor, "is_authenticated", False) else None,
        removed=dict(removed),
        files_removed=len(files),
    )
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        object_type="candidate",
        object_id=candidate_id,
        candidate_id=candidate_id,
        summary="erased on request",
        changes={"removed": dict(removed), "files": len(files)},
    )

    def _delete_files() -> None:
        for storage, name in files:
            try:
                storage.delete(name)
            except OSError:
                logger.exception("privacy.erase.file_failed", extra={"candidate_ref": candidate_id})

    transaction.on_commit(_delete_files)
    return record
