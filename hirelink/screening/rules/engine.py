"""Rule definitions (a nested AND/OR tree of conditions), their validation, and the compiler that turns one
into a plain-Python evaluator.

Definition format (what the editor posts and what `ruleset_definition` rebuilds from the rows):
    {"logic": "and", "children": [
        {"type": "education", "operator": "gte", "params": {"level": 40}, "required": true},
        {"logic": "or", "children": [...]}]}

Required vs preferred: only *required* conditions decide the verdict; *preferred* ones are evaluated and recorded
(with their reasons) but never fail it. A group's logic applies to its decisive children (required conditions
and groups containing one); a group without decisive children does not take part in the decision."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from hirelink.screening.rules.handlers import Check, Evaluate, RuleDefinitionError, handler_for
from hirelink.screening.rules.subject import Subject

MAX_DEPTH = 4
MAX_CONDITIONS = 60
LOGIC_LABELS = {"and": ("全部满足", "all of"), "or": ("满足其一", "any of")}


def clean_definition(definition: Any) -> dict[str, Any]:
    """Validate and normalise a definition tree; raises RuleDefinitionError with a bilingual message."""
    if not isinstance(definition, dict) or "logic" not in definition:
        raise RuleDefinitionError("规则定义格式不正确", "The rule definition is malformed")
    counter = [0]
    cleaned = _clean_group(definition, depth=1, counter=counter)
    if counter[0] == 0:
        raise RuleDefinitionError("规则集至少需要一个条件", "A rule set needs at least one condition")
    return cleaned


def _clean_group(node: dict[str, Any], *, depth: int, counter: list[int]) -> dict[str, Any]:
    if depth > MAX_DEPTH:
        raise RuleDefinitionError(f"条件组最多嵌套 {MAX_DEPTH} 层", f"Groups nest at most {MAX_DEPTH} levels")
    logic = str(node.get("logic", "")).lower()
    if logic not in LOGIC_LABELS:
        raise RuleDefinitionError("条件组的逻辑只能是“且”或“或”", "A group's logic must be AND or OR")
    children = node.get("children")
    if not isinstance(children, list) or not children:
        raise RuleDefinitionError("条件组不能为空", "A group must not be empty")
    out: list[dict[str, Any]] = []
    for child in children:
        if not isinstance(child, dict):
            raise RuleDefinitionError("规则定义格式不正确", "The rule definition is malformed")
        if "logic" in child:
            out.append(_clean_group(child, depth=depth + 1, counter=counter))
        else:
            out.append(_clean_condition(child))
            counter[0] += 1
            if counter[0] > MAX_CONDITIONS:
                raise RuleDefinitionError(f"条件最多 {MAX_CONDITIONS} 个", f"At most {MAX_CONDITIONS} conditions")
    return {"logic": logic, "children": out}


def _clean_condition(node: dict[str, Any]) -> dict[str, Any]:
    handler = handler_for(str(node.get("type", "")))
    params = node.get("params") or {}
    if not isinstance(params, dict):
        raise RuleDefinitionError("条件参数格式不正确", "Condition parameters are malformed")
    operator = str(node.get("operator") or next(iter(handler.operators)))
    cleaned = {
        "type": handler.type,
        "operator": operator,
        "params": handler.clean(operator, params),
        "required": bool(node.get("required", True)),
    }
    if node.get("id") is not None:
        cleaned["id"] = node["id"]
    return cleaned


def condition_label(node: dict[str, Any]) -> tuple[str, str]:
    handler = handler_for(node["type"])
    zh, en = handler.expected(node["operator"], node["params"])
    label_zh, label_en = handler.label
    return (
        zh if zh.startswith(label_zh) else f"{label_zh}：{zh}",
        en if en.lower().startswith(label_en.lower()) else f"{label_en}: {en}",
    )


@dataclass(frozen=True, slots=True)
class _Meta:
    rule_id: Any
    type: str
    label_zh: str
    label_en: str
    expected_zh: str
    expected_en: str
    required: bool
    group: str


@dataclass(frozen=True)
class Evaluation:
    passed: bool
    results: list[dict[str, Any]]


GroupFn = Callable[[Sequence[Check]], bool]


class CompiledRuleSet:
    """A rule set turned into closures: evaluate() does no parsing, no lookups, no I/O."""

    __slots__ = ("_decide", "_evaluators", "_metas")

    def __init__(self, definition: dict[str, Any]) -> None:
        self._evaluators: list[Evaluate] = []
        self._metas: list[_Meta] = []
        decide = self._compile_group(definition, path="1")
        self._decide: GroupFn = decide if decide is not None else (lambda checks: True)

    def _compile_group(self, node: dict[str, Any], *, path: str) -> GroupFn | None:
        indexes: list[int] = []
        subgroups: list[GroupFn] = []
        for position, child in enumerate(node["children"], start=1):
            if "logic" in child:
                sub = self._compile_group(child, path=f"{path}.{position}")
                if sub is not None:
                    subgroups.append(sub)
                continue
            handler = handler_for(child["type"])
            expected_zh, expected_en = handler.expected(child["operator"], child["params"])
            label_zh, label_en = condition_label(child)
            self._evaluators.append(handler.compile(child["operator"], child["params"]))
            self._metas.append(
                _Meta(
                    rule_id=child.get("id"),
                    type=child["type"],
                    label_zh=label_zh,
                    label_en=label_en,
                    expected_zh=expected_zh,
                    expected_en=expected_en,
                    required=child["required"],
                    group=path,
                )
            )
            if child["required"]:
                indexes.append(len(self._evaluators) - 1)
        if not indexes and not subgroups:
            return None
        idx, subs = tuple(indexes), tuple(subgroups)
        if node["logic"] == "and":
            return lambda checks: all(checks[i].passed for i in idx) and all(g(checks) for g in subs)
        return lambda checks: any(checks[i].passed for i in idx) or any(g(checks) for g in subs)

    def evaluate(self, subject: Subject) -> Evaluation:
        checks = [evaluate(subject) for evaluate in self._evaluators]
        results = [
            {
                "rule_id": meta.rule_id,
                "type": meta.type,
                "label": meta.label_zh,
                "label_en": meta.label_en,
                "group": meta.group,
                "required": meta.required,
                "passed": check.passed,
                "expected": meta.expected_zh,
                "expected_en": meta.expected_en,
                "actual": check.actual_zh,
                "actual_en": check.actual_en,
                "reason_zh": f"要求{meta.expected_zh}，实际：{check.actual_zh}",
                "reason_en": f"Requires {meta.expected_en}, actual: {check.actual_en}",
            }
            for meta, check in zip(self._metas, checks, strict=True)
        ]
        return Evaluation(passed=self._decide(checks), results=results)

    def decide(self, subject: Subject) -> bool:
        """Only the verdict, for the throughput benchmark's fast path and for previews."""
        return self._decide([evaluate(subject) for evaluate in self._evaluators])


def compile_definition(definition: dict[str, Any]) -> CompiledRuleSet:
    return CompiledRuleSet(clean_definition(definition))


def evaluate_uncompiled(definition: dict[str, Any], subject: Subject) -> bool:
    """The naive baseline: validate and dispatch every condition through the registry on each call."""

    def walk(node: dict[str, Any]) -> bool | None:
        outcomes: list[bool] = []
        for child in node["children"]:
            if "logic" in child:
                sub = walk(child)
                if sub is not None:
                    outcomes.append(sub)
            else:
                handler = handler_for(child["type"])
                params = handler.clean(child["operator"], dict(child["params"]))
                check = handler.compile(child["operator"], params)(subject)
                if child.get("required", True):
                    outcomes.append(check.passed)
        if not outcomes:
            return None
        return all(outcomes) if node["logic"] == "and" else any(outcomes)

    return walk(definition) is not False


def definition_lines(definition: dict[str, Any], *, language: str = "zh") -> list[str]:
    """An indented text rendering of a definition, used for version diffs."""
    zh = language.startswith("zh")
    lines: list[str] = []

    def walk(node: dict[str, Any], depth: int) -> None:
        logic = LOGIC_LABELS[node["logic"]][0 if zh else 1]
        lines.append(
            "  " * depth
            + "▸ "
            + (f"{logic}（{node['logic'].upper()}）" if zh else f"{logic} ({node['logic'].upper()})")
        )
        for child in node["children"]:
            if "logic" in child:
                walk(child, depth + 1)
            else:
                label_zh, label_en = condition_label(child)
                tag = (
                    ("必须" if child["required"] else "优先")
                    if zh
                    else ("required" if child["required"] else "preferred")
                )
                lines.append("  " * (depth + 1) + f"• {label_zh if zh else label_en} [{tag}]")

    walk(definition, 0)
    return lines
