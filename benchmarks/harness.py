"""What the end-to-end benchmarks share: a throw-away embedded deployment (temporary SQLite database and media
folder with the local settings), the real web server and the real worker as subprocesses, and percentiles."""

from __future__ import annotations

import math
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (0.0 for no values)."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1] if ordered else 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def embedded_deployment(
    prefix: str, *, log_level: str = "WARNING", extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Point this process (and the subprocesses started with the returned environment) at a fresh temporary
    SQLite database and media folder, migrate it and set Django up. Returns the environment."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "HIRELINK_DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "HIRELINK_MEDIA_ROOT": str(tmp / "media"),
        "HIRELINK_LOG_LEVEL": log_level,
        "HIRELINK_DEBUG": "0",
        **(extra or {}),
    }
    os.environ.update(env)
    subprocess.run(  # noqa: S603 - our own manage.py
        [PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    return env


def start_web(
    env: Mapping[str, str], *, port: int, threads: int, options: tuple[str, ...] = ()
) -> subprocess.Popen[bytes]:
    """The embedded web server (waitress on config.wsgi), as `make start` runs it."""
    return subprocess.Popen(  # noqa: S603 - our own server
        [
            str(Path(PYTHON).parent / "waitress-serve"),
            f"--listen=127.0.0.1:{port}",
            f"--threads={threads}",
            *options,
            "config.wsgi:application",
        ],
        cwd=ROOT,
        env=dict(env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def start_worker(
    env: Mapping[str, str], *, worker_id: str, interval: float = 0.1, nice: int = 0
) -> subprocess.Popen[bytes]:
    """A real background worker (`manage.py run_worker`), optionally at a lower CPU priority."""
    command = [PYTHON, "manage.py", "run_worker", "--interval", str(interval), "--worker-id", worker_id]
    return subprocess.Popen(  # noqa: S603 - our own manage.py
        ["nice", "-n", str(nice), *command] if nice else command,
        cwd=ROOT,
        env=dict(env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
