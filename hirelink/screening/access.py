"""The only way a user-supplied id becomes a screening object. Missing and forbidden both raise Http404."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from hirelink.accounts import permissions
from hirelink.positions.access import access_position_by_id
from hirelink.positions.models import Position
from hirelink.screening.models import BulkImport, RuleSet


def access_position_for_rules_edit(*, user: Any, position_id: int) -> Position:
    """Rule editing, the requirements assistant and restoring versions: configurers only."""
    if not permissions.can_configure(user):
        raise Http404
    return access_position_by_id(user=user, position_id=position_id)


def access_position_for_intake(*, user: Any, position_id: int) -> Position:
    """Uploading résumés and re-screening move applications: candidate writers only."""
    if not permissions.can_write_candidates(user):
        raise Http404
    return access_position_by_id(user=user, position_id=position_id)


def access_ruleset_by_id(*, user: Any, position: Position, ruleset_id: int) -> RuleSet:
    ruleset = RuleSet.objects.filter(pk=ruleset_id, position=position).select_related("position").first()
    if ruleset is None:
        raise Http404
    return ruleset


def access_bulk_import_by_id(*, user: Any, bulk_id: int) -> BulkImport:
    bulk = BulkImport.objects.filter(pk=bulk_id).select_related("position").first()
    if bulk is None or not permissions.can_write_candidates(user):
        raise Http404
    access_position_by_id(user=user, position_id=bulk.position_id)
    return bulk
