"""Install the default flows and their message templates (zh-Hans and English)."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def install(apps: Any, schema_editor: Any) -> None:
    from hirelink.workflows.defaults import defaults_install

    defaults_install(
        rule_model=apps.get_model("workflows", "WorkflowRule"),
        template_model=apps.get_model("messaging", "MessageTemplate"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0001_initial"),
        ("messaging", "0001_initial"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
