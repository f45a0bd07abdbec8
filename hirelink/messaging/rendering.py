"""Render a message template in the recipient's language (Django template syntax, no HTML escaping: the
channels carry plain text or markdown)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.template import Context, Engine, TemplateSyntaxError
from django.utils import translation

from hirelink.messaging.errors import TemplateMissingError, TemplateSyntaxInvalidError
from hirelink.messaging.models import MessageTemplate, TemplateLanguage

_ENGINE = Engine(autoescape=False, libraries={}, builtins=["django.templatetags.i18n"])


@dataclass(frozen=True)
class Rendered:
    language: str
    subject: str
    body: str
    sms_template_id: str = ""
    sms_params: list[str] = field(default_factory=list)


def language_for(preferred: str | None) -> str:
    value = (preferred or "").lower()
    return TemplateLanguage.EN if value.startswith("en") else TemplateLanguage.ZH_HANS


def template_get(*, key: str, language: str) -> MessageTemplate:
    """The active template for `key` in `language`, else in Chinese, else any active one."""
    templates = {t.language: t for t in MessageTemplate.objects.filter(key=key, is_active=True)}
    template = (
        templates.get(language) or templates.get(TemplateLanguage.ZH_HANS) or next(iter(templates.values()), None)
    )
    if template is None:
        raise TemplateMissingError(key)
    return template


def template_check(source: str) -> None:
    """Raise TemplateSyntaxInvalidError when `source` does not compile."""
    try:
        _ENGINE.from_string(source)
    except TemplateSyntaxError as exc:
        raise TemplateSyntaxInvalidError(str(exc)) from exc


def render_string(source: str, context: dict[str, Any], *, language: str) -> str:
    with translation.override(language):
        return _ENGINE.from_string(source).render(Context(context)).strip()


def render(template: MessageTemplate, context: dict[str, Any]) -> Rendered:
    language = template.language
    return Rendered(
        language=language,
        subject=render_string(template.subject, context, language=language),
        body=render_string(template.body, context, language=language),
        sms_template_id=template.sms_template_id,
        sms_params=[render_string(str(p), context, language=language) for p in template.sms_params or []],
    )
