from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScoringConfig(AppConfig):
    name = "hirelink.scoring"
    label = "scoring"
    verbose_name = _("评分与报告")
