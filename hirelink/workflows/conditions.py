"""Rule conditions: a list of {"field", "op", "value"} that must all hold. Pure functions over a flat dict."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

OPERATORS = ("eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte", "exists", "not_exists")
FIELDS = (
    "event.from",
    "event.to",
    "position.code",
    "position.id",
    "position.auto_reject_allowed",
    "application.channel",
    "application.status",
    "candidate.preferred_language",
    "candidate.has_wecom",
    "result.score",
    "result.passed",
)


def _number(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def condition_holds(condition: dict[str, Any], facts: dict[str, Any]) -> bool:
    op = condition.get("op", "eq")
    actual = facts.get(str(condition.get("field", "")))
    expected = condition.get("value")
    if op == "exists":
        return actual not in (None, "")
    if op == "not_exists":
        return actual in (None, "")
    if op == "eq":
        return actual == expected
    if op == "ne":
        return actual != expected
    if op == "in":
        return isinstance(expected, list) and actual in expected
    if op == "not_in":
        return isinstance(expected, list) and actual not in expected
    left, right = _number(actual), _number(expected)
    if left is None or right is None:
        return False
    return {"gt": left > right, "gte": left >= right, "lt": left < right, "lte": left <= right}.get(op, False)


def conditions_hold(conditions: list[dict[str, Any]], facts: dict[str, Any]) -> bool:
    return all(condition_holds(condition, facts) for condition in conditions)


def conditions_validate(conditions: Any) -> list[str]:
    """Human-readable problems with a conditions list ([] when valid)."""
    if not isinstance(conditions, list):
        return ["conditions must be a list"]
    problems = []
    for index, condition in enumerate(conditions, start=1):
        if not isinstance(condition, dict):
            problems.append(f"#{index}: not an object")
            continue
        if condition.get("field") not in FIELDS:
            problems.append(f"#{index}: unknown field {condition.get('field')!r}")
        if condition.get("op", "eq") not in OPERATORS:
            problems.append(f"#{index}: unknown operator {condition.get('op')!r}")
    return problems
