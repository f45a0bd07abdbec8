"""Template filters that turn stored keys into the reader's words."""

from __future__ import annotations

from django import template

from hirelink.positions.vocabulary import Dimension

register = template.Library()


@register.filter
def dimension_label(key: str) -> str:
    """'communication' → 沟通能力 (or the English label when the page is in English)."""
    try:
        return str(Dimension(key).label)
    except ValueError:
        return key
