from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hirelink.core"
    label = "core"
    verbose_name = "Core"
