from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from hirelink.core.errors import DomainError


class TemplateMissingError(DomainError):
    def __init__(self, key: str) -> None:
        super().__init__(_("消息模板不存在或未启用：%(key)s") % {"key": key}, code="template_missing")


class TemplateSyntaxInvalidError(DomainError):
    def __init__(self, detail: str) -> None:
        super().__init__(_("模板语法错误：%(detail)s") % {"detail": detail}, code="template_syntax")


class NoChannelError(DomainError):
    def __init__(self) -> None:
        super().__init__(_("没有可用的发送渠道"), code="no_channel")
