"""Upload limits. Each can be overridden in settings (SCREENING_<NAME>); the defaults suit a bank's résumés."""

from __future__ import annotations

from django.conf import settings

_DEFAULTS = {
    "RESUME_MAX_BYTES": 10 * 1024 * 1024,  # one résumé file
    "BULK_MAX_BYTES": 50 * 1024 * 1024,  # one uploaded ZIP / table
    "ZIP_MAX_ENTRIES": 500,
    "ZIP_MAX_TOTAL_BYTES": 200 * 1024 * 1024,  # sum of declared uncompressed sizes
    "ZIP_MAX_RATIO": 100,  # uncompressed / compressed, per entry and overall
    "TABLE_MAX_ROWS": 2000,
}


def limit(name: str) -> int:
    return int(getattr(settings, f"SCREENING_{name}", _DEFAULTS[name]))


def request_limit() -> int:
    """Largest request body an upload view accepts (the bulk limit plus room for the form fields)."""
    return limit("BULK_MAX_BYTES") + 1024 * 1024
