from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PositionsConfig(AppConfig):
    name = "hirelink.positions"
    label = "positions"
    verbose_name = _("岗位")
