"""Local development and the demo: embedded defaults (SQLite, database worker), development keys."""

from .base import *

DEBUG = env_bool("DEBUG", default=True)
# Development-only keys: production refuses to start without its own (see production.py).
SECRET_KEY = SECRET_KEY or "dev-only-insecure-secret-key-do-not-use-in-production-0123456789"
FIELD_ENCRYPTION_KEYS = FIELD_ENCRYPTION_KEYS or ["ZGV2LW9ubHktZmllbGQta2V5LWRvLW5vdC11c2UtMDA="]
BLIND_INDEX_KEY = BLIND_INDEX_KEY or "dev-only-blind-index-key"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Serve static files straight from the apps (no collectstatic needed outside production).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
