"""Production settings refuse to start without secrets and pass `check --deploy` when configured."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("HIRELINK_", "DJANGO_"))}
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_its_secrets():
    result = _manage("check", env={})
    assert result.returncode != 0
    assert "HIRELINK_SECRET_KEY" in result.stderr
    assert "HIRELINK_FIELD_ENCRYPTION_KEYS" in result.stderr
    assert "HIRELINK_BLIND_INDEX_KEY" in result.stderr


def test_production_passes_check_deploy_with_no_warnings():
    env = {
        "HIRELINK_SECRET_KEY": "k" * 20 + "Zq8#pL2@vN5$wR7!tY1%uI3^oP6&aS9*dF4(gH0)jK",
        "HIRELINK_FIELD_ENCRYPTION_KEYS": "ZGV2LW9ubHktZmllbGQta2V5LWRvLW5vdC11c2UtMDA=",
        "HIRELINK_BLIND_INDEX_KEY": "blind-index-key-for-the-check",
        "HIRELINK_ALLOWED_HOSTS": "hr.bank.example",
    }
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout
