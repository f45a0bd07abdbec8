from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CandidatesConfig(AppConfig):
    name = "hirelink.candidates"
    label = "candidates"
    verbose_name = _("候选人与应聘")
