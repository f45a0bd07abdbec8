"""The screening rule engine: condition handler registry, definition trees and their compiled evaluators."""

from hirelink.screening.rules.engine import (
    CompiledRuleSet,
    Evaluation,
    clean_definition,
    compile_definition,
    condition_label,
    definition_lines,
    evaluate_uncompiled,
)
from hirelink.screening.rules.handlers import REGISTRY, Check, RuleDefinitionError, handler_for
from hirelink.screening.rules.subject import Subject, subject_from_facts

__all__ = [
    "REGISTRY",
    "Check",
    "CompiledRuleSet",
    "Evaluation",
    "RuleDefinitionError",
    "Subject",
    "clean_definition",
    "compile_definition",
    "condition_label",
    "definition_lines",
    "evaluate_uncompiled",
    "handler_for",
    "subject_from_facts",
]
