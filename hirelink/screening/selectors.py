"""Reads for screening: rule set versions and their definitions, compiled evaluators (cached: versions are
immutable), verdicts, re-screen previews and bulk-import progress."""

from __future__ import annotations

import difflib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from hirelink.candidates.models import Application
from hirelink.candidates.states import ApplicationStatus
from hirelink.positions.models import Position
from hirelink.screening.models import BulkImport, Condition, ItemStatus, RuleGroup, RuleSet, ScreeningVerdict
from hirelink.screening.rules import CompiledRuleSet, compile_definition, definition_lines, subject_from_facts

RESCREEN_STATES = (ApplicationStatus.NEW, ApplicationStatus.SCREENING, ApplicationStatus.SCREENED_OUT)

# Keyed by id *and* creation time: ids can be reused after a rolled-back transaction (tests, SQLite).
_COMPILED: OrderedDict[tuple[int, str], CompiledRuleSet] = OrderedDict()
_COMPILED_MAX = 256


def active_ruleset(*, position: Position) -> RuleSet | None:
    return RuleSet.objects.filter(position=position, is_active=True).first()


def ruleset_versions(*, position: Position) -> QuerySet[RuleSet]:
    return (
        RuleSet.objects.filter(position=position)
        .select_related("created_by")
        .annotate(verdict_count=Count("verdicts"))
        .order_by("-version")
    )


def ruleset_definition(*, ruleset: RuleSet) -> dict[str, Any]:
    """Rebuild the definition tree from the group and condition rows (two queries)."""
    groups = list(RuleGroup.objects.filter(ruleset=ruleset).order_by("order", "id"))
    conditions = list(Condition.objects.filter(ruleset=ruleset).order_by("order", "id"))
    nodes: dict[int, dict[str, Any]] = {g.pk: {"logic": g.logic, "children": [], "_order": g.order} for g in groups}
    root: dict[str, Any] | None = None
    entries: list[tuple[int, int, dict[str, Any]]] = []
    for group in groups:
        if group.parent_id is None:
            root = nodes[group.pk]
        else:
            entries.append((group.parent_id, group.order, nodes[group.pk]))
    for condition in conditions:
        node = {
            "id": condition.pk,
            "type": condition.type,
            "operator": condition.operator,
            "params": condition.params,
            "required": condition.required,
        }
        entries.append((condition.group_id, condition.order, node))
    for parent_id, _order, node in sorted(entries, key=lambda e: (e[0], e[1])):
        nodes[parent_id]["children"].append(node)
    for node in nodes.values():
        node.pop("_order", None)
    return root if root is not None else {"logic": "and", "children": []}


def compiled_ruleset(*, ruleset: RuleSet) -> CompiledRuleSet:
    """The evaluator for a version; cached per process (a version never changes once written)."""
    key = (ruleset.pk, ruleset.created_at.isoformat())
    cached = _COMPILED.get(key)
    if cached is not None:
        _COMPILED.move_to_end(key)
        return cached
    compiled = compile_definition(ruleset_definition(ruleset=ruleset))
    _COMPILED[key] = compiled
    while len(_COMPILED) > _COMPILED_MAX:
        _COMPILED.popitem(last=False)
    return compiled


def strip_ids(definition: dict[str, Any]) -> dict[str, Any]:
    if "logic" in definition:
        return {"logic": definition["logic"], "children": [strip_ids(c) for c in definition["children"]]}
    return {k: v for k, v in definition.items() if k != "id"}


@dataclass(frozen=True)
class VersionRow:
    ruleset: RuleSet
    lines: list[str]
    diff: list[tuple[str, str]]  # (kind: "+", "-", " ", text)


def version_history(*, position: Position, language: str) -> list[VersionRow]:
    """Every version with its rendering and a diff against the version before it."""
    versions = list(ruleset_versions(position=position))
    rendered = {rs.pk: definition_lines(ruleset_definition(ruleset=rs), language=language) for rs in versions}
    rows: list[VersionRow] = []
    for index, ruleset in enumerate(versions):
        lines = rendered[ruleset.pk]
        previous = rendered[versions[index + 1].pk] if index + 1 < len(versions) else []
        diff: list[tuple[str, str]] = []
        for line in difflib.ndiff(previous, lines):
            if line.startswith(("+ ", "- ", "  ")):
                diff.append((line[0], line[2:]))
        rows.append(VersionRow(ruleset=ruleset, lines=lines, diff=diff))
    return rows


def latest_verdict(*, application: Application) -> ScreeningVerdict | None:
    return (
        ScreeningVerdict.objects.filter(application=application)
        .select_related("ruleset")
        .order_by("-created_at", "-id")
        .first()
    )


@dataclass(frozen=True)
class RescreenChange:
    application: Application
    before: bool | None  # None: never screened
    after: bool
    failed_reasons: list[dict[str, Any]]

    @property
    def changed(self) -> bool:
        return self.before != self.after


def rescreen_candidates(*, position: Position) -> QuerySet[Application]:
    latest = ScreeningVerdict.objects.order_by("-created_at", "-id")
    return (
        Application.objects.filter(position=position, status__in=RESCREEN_STATES)
        .select_related("candidate", "resume")
        .prefetch_related(Prefetch("screening_verdicts", queryset=latest, to_attr="verdicts_desc"))
        .order_by("id")
    )


def rescreen_preview(*, position: Position, ruleset: RuleSet) -> list[RescreenChange]:
    """Evaluate every application still in new/screening/screened_out with `ruleset`; nothing is written."""
    compiled = compiled_ruleset(ruleset=ruleset)
    changes: list[RescreenChange] = []
    for application in rescreen_candidates(position=position):
        resume = application.resume
        subject = subject_from_facts(resume.facts if resume else {}, text=resume.text if resume else "")
        evaluation = compiled.evaluate(subject)
        verdicts: list[ScreeningVerdict] = getattr(application, "verdicts_desc", [])
        before = verdicts[0].passed if verdicts else None
        failed = [r for r in evaluation.results if r["required"] and not r["passed"]]
        changes.append(RescreenChange(application, before, evaluation.passed, failed))
    return changes


def screening_positions(*, positions: QuerySet[Position]) -> QuerySet[Position]:
    return positions.annotate(
        application_count=Count("applications", distinct=True),
        screened_out_count=Count(
            "applications", filter=Q(applications__status=ApplicationStatus.SCREENED_OUT), distinct=True
        ),
    ).prefetch_related(
        Prefetch("rule_sets", queryset=RuleSet.objects.filter(is_active=True), to_attr="active_rule_sets")
    )


@dataclass(frozen=True)
class BulkProgress:
    total: int
    done: int
    failed: int
    pending: int

    @property
    def processed(self) -> int:
        return self.done + self.failed

    @property
    def percent(self) -> int:
        return 100 if self.total == 0 else round(100 * self.processed / self.total)

    @property
    def finished(self) -> bool:
        return self.pending == 0


def bulk_progress(*, bulk: BulkImport) -> BulkProgress:
    counts = dict(bulk.items.values_list("status").annotate(n=Count("id")).values_list("status", "n"))
    return BulkProgress(
        total=sum(counts.values()),
        done=counts.get(ItemStatus.DONE, 0),
        failed=counts.get(ItemStatus.FAILED, 0),
        pending=counts.get(ItemStatus.PENDING, 0),
    )
