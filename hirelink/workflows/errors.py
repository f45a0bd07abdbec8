from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from hirelink.core.errors import DomainError


class RuleInvalidError(DomainError):
    def __init__(self, detail: str) -> None:
        super().__init__(_("规则配置有误：%(detail)s") % {"detail": detail}, code="rule_invalid")


class ReviewAlreadyDecidedError(DomainError):
    def __init__(self) -> None:
        super().__init__(_("该结果已处理，无需重复操作。"), code="review_decided")


class ReviewOutdatedError(DomainError):
    def __init__(self) -> None:
        super().__init__(_("应聘状态已变化，此审批已失效。"), code="review_outdated")


class DecisionForbiddenError(DomainError):
    def __init__(self) -> None:
        super().__init__(_("您没有审批该结果的权限。"), code="decision_forbidden")
