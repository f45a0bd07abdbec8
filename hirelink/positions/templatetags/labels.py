"""Template filters that turn stored keys into the reader's words."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext_noop

from hirelink.positions.vocabulary import Dimension

register = template.Library()


@register.filter
def dimension_label(key: str) -> str:
    """'communication' → 沟通能力 (or the English label when the page is in English)."""
    try:
        return str(Dimension(key).label)
    except ValueError:
        return key


@register.filter
def language_label(item: object) -> str:
    """A résumé language entry: {"language": "英语", "level": "CET-6"} → "英语 CET-6"; strings pass through."""
    if isinstance(item, dict):
        return " ".join(str(item.get(k) or "") for k in ("language", "level")).strip()
    return str(item)


@register.filter
def actor_label(label: str) -> str:
    """Who did it: a username, or 系统 for automation."""
    from django.utils.translation import gettext

    if not label or label == "system":
        return gettext("系统")
    return gettext("候选人") if label == "candidate" else label


_REASON_CODES = {
    "ai_interview_started": gettext_noop("候选人开始AI面试"),
    "ai_interview_completed": gettext_noop("候选人完成全部作答"),
}


@register.filter
def event_reason(reason: str) -> str:
    """Reason codes written by automation read as sentences; free-text reasons pass through."""
    from django.utils.translation import gettext

    return gettext(_REASON_CODES[reason]) if reason in _REASON_CODES else reason


@register.filter
def localized_title(obj: object) -> str:
    """A position's (or department's) title in the page language: the English title on English pages when there
    is one, the Chinese title otherwise."""
    from django.utils.translation import get_language

    english = str(getattr(obj, "title_en", "") or getattr(obj, "name_en", "") or "")
    if english and (get_language() or "").startswith("en"):
        return english
    return str(getattr(obj, "title", "") or getattr(obj, "name", "") or obj)
