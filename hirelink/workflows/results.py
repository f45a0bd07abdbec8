"""The interview result the workflow decides on: total score against the position's pass threshold, plus the
report's highlights and improvement suggestions for the letters.

The report belongs to the scoring app. Its selector `hirelink.scoring.selectors.report_latest_for_application`
is used when it exists; without a report the result is undecided and HR decides in the review queue."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from hirelink.candidates.models import Application

_SELECTOR_NAMES = ("report_latest_for_application", "application_latest_report", "latest_report_for_application")


@dataclass(frozen=True)
class InterviewResult:
    score: Decimal | None
    threshold: int
    highlights: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    report_url: str = ""

    @property
    def passed(self) -> bool | None:
        return None if self.score is None else self.score >= self.threshold


def _texts(value: Any) -> list[str]:
    items = value if isinstance(value, list | tuple) else []
    texts: list[str] = []
    for item in items:
        if isinstance(item, str):
            texts.append(item)
        elif isinstance(item, dict):
            texts.append(str(item.get("text") or item.get("zh") or item.get("summary") or ""))
        else:
            texts.append(str(getattr(item, "text", item)))
    return [t for t in texts if t]


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value)).quantize(Decimal("0.1"))
    except (InvalidOperation, ValueError):
        return None


def _report(application: Application) -> Any:
    try:
        selectors = importlib.import_module("hirelink.scoring.selectors")
    except ImportError:
        return None
    for name in _SELECTOR_NAMES:
        selector = getattr(selectors, name, None)
        if selector is not None:
            return selector(application=application)
    return None


def application_result(application: Application) -> InterviewResult:
    threshold = int(application.position.pass_threshold)
    report = _report(application)
    if report is None:
        return InterviewResult(score=None, threshold=threshold)
    data = report if isinstance(report, dict) else {}

    def get(*names: str) -> Any:
        for name in names:
            value = data.get(name) if data else getattr(report, name, None)
            if value not in (None, ""):
                return value
        return None

    url = get("url", "html_url")
    if url is None and hasattr(report, "get_absolute_url"):
        url = report.get_absolute_url()
    return InterviewResult(
        score=_decimal(get("total_score", "total", "score")),
        threshold=threshold,
        highlights=_texts(get("highlights")),
        suggestions=_texts(get("suggestions", "improvement_suggestions", "improvements")),
        report_url=str(url or ""),
    )
