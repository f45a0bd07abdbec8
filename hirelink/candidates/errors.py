from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from hirelink.core.errors import DomainError


class InvalidTransitionError(DomainError):
    def __init__(self, source: str, target: str) -> None:
        super().__init__(
            _("不允许的状态变更：%(source)s → %(target)s") % {"source": source, "target": target},
            code="invalid_transition",
        )


class DuplicateApplicationError(DomainError):
    def __init__(self) -> None:
        super().__init__(_("该候选人已投递此岗位，请勿重复提交。"), code="duplicate_application")
