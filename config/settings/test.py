"""Test settings: fast hashing, immediate tasks unless a test asks for the real worker."""

from .base import *

DEBUG = False
SECRET_KEY = "test-secret-key-not-for-production-0123456789abcdefghijklmnop"  # noqa: S105
FIELD_ENCRYPTION_KEYS = ["dGVzdC1vbmx5LWZpZWxkLWtleS0wMDAwMDAwMDAwMDA="]
BLIND_INDEX_KEY = "test-blind-index-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" and not env("DATABASE_URL"):
    DATABASES["default"]["NAME"] = str(BASE_DIR / "var" / "test.sqlite3")
if TASK_BACKEND == "database" and not env_bool("REAL_WORKER", default=False):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}}
LOGGING["root"]["level"] = "WARNING"  # type: ignore[index]
# Serve static files straight from the apps (no collectstatic needed outside production).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Outbound HTTP only to servers a test starts itself: the default provider endpoints point at a closed local port
# (tests that talk to a sandbox start one on a free port and override these).
MESSAGING_SMS_ENDPOINT = "http://127.0.0.1:9"
WECOM_API_BASE_URL = "http://127.0.0.1:9"
WECOM_OAUTH_BASE_URL = "http://127.0.0.1:9"
