"""Production: refuses to start without its secrets; passes `manage.py check --deploy`."""

from django.core.exceptions import ImproperlyConfigured

from .base import *

_missing = [
    name
    for name, value in {
        "HIRELINK_SECRET_KEY": SECRET_KEY,
        "HIRELINK_FIELD_ENCRYPTION_KEYS": FIELD_ENCRYPTION_KEYS,
        "HIRELINK_BLIND_INDEX_KEY": BLIND_INDEX_KEY,
        "HIRELINK_ALLOWED_HOSTS": env("ALLOWED_HOSTS"),
    }.items()
    if not value
]
if _missing:
    raise ImproperlyConfigured("HireLink production settings need these environment variables: " + ", ".join(_missing))
if len(SECRET_KEY or "") < 50:
    raise ImproperlyConfigured("HIRELINK_SECRET_KEY must be at least 50 random characters.")

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env("HSTS_SECONDS", "31536000") or "31536000")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST", "localhost") or "localhost"
EMAIL_PORT = int(env("EMAIL_PORT", "25") or "25")
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "") or ""
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "hirelink@localhost") or "hirelink@localhost"
