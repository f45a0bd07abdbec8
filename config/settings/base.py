"""Settings shared by every environment. Everything that differs per deployment comes from the environment."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(f"HIRELINK_{name}", default)


def env_bool(name: str, *, default: bool) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


DEBUG = False
SECRET_KEY = env("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Field encryption for personal data (phone, email, national ID). A comma-separated list of Fernet keys: the
# first encrypts, all decrypt, so a key can be rotated (see `manage.py rotate_field_keys`).
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS")
# Keyed hash used for duplicate detection over encrypted fields (blind index). Never rotates silently.
BLIND_INDEX_KEY = env("BLIND_INDEX_KEY", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "hirelink.core",
    "hirelink.accounts",
    "hirelink.privacy",
    "hirelink.positions",
    "hirelink.candidates",
    "hirelink.screening",
    "hirelink.interviews",
    "hirelink.scoring",
    "hirelink.messaging",
    "hirelink.workflows",
    "hirelink.talent",
    "hirelink.analytics",
    "hirelink.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "hirelink" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hirelink.accounts.context_processors.roles",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'hirelink.sqlite3'}") or "",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server read while the worker writes; IMMEDIATE avoids upgrade deadlocks.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "talent:candidate_list"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Lockout: 5 failures for one username from one address lock it for 30 minutes.
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5") or "5")
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "hirelink" / "locale"]
TIME_ZONE = env("TIME_ZONE", "Asia/Shanghai") or "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "hirelink" / "static"]
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")) or "")
# Media is never under the web root: it is served only through permission-checked views.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
IMPORT_MAX_BYTES = 10 * 1024 * 1024
IMPORT_MAX_ROWS = 20_000

# Background work: Django's Tasks API (django-tasks backport). See docs/adr/0002-background-work.md.
TASK_BACKEND = env("TASK_BACKEND", "database") or "database"
REDIS_URL = env("REDIS_URL", "redis://127.0.0.1:6379/0") or "redis://127.0.0.1:6379/0"
if TASK_BACKEND == "redis":
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
    INSTALLED_APPS += ["django_rq"]
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A task still "running" whose worker has not sent a heartbeat for this long is re-driven by the sweeper.
WORKER_HEARTBEAT_SECONDS = 5
# Consumers of domain events (hirelink.core.events), called in order after commit by the outbox dispatcher.
OUTBOX_CONSUMERS: list[str] = ["hirelink.scoring.consumers.consume", "hirelink.workflows.consumers.consume"]
WORKER_DEAD_AFTER_SECONDS = int(env("WORKER_DEAD_AFTER_SECONDS", "60") or "60")
# Periodic work run by every worker on each heartbeat (~5 s): dotted paths to functions without arguments.
WORKER_TICKS: list[str] = [
    "hirelink.workflows.services.workflows_tick",
    "hirelink.messaging.services.external_receipts_check",
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {"()": "hirelink.core.logging.StructuredFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO") or "INFO"},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

HIRELINK_BASE_URL = env("BASE_URL", "http://127.0.0.1:8000") or "http://127.0.0.1:8000"

# --- Messaging and workflows (issue 6; owner: workflow & messaging) ----------------------------------------------
# Candidate channels in order of preference: a message falls back to the next when one cannot reach the person.
MESSAGING_CANDIDATE_CHANNELS = env_list("CANDIDATE_CHANNELS", "wecom_external,sms,email")
MESSAGING_MAX_ATTEMPTS = int(env("MESSAGING_MAX_ATTEMPTS", "6") or "6")
MESSAGING_RETRY_BASE_SECONDS = float(env("MESSAGING_RETRY_BASE_SECONDS", "5") or "5")
# SMS: Tencent Cloud SMS API 3.0. The defaults talk to the local sandbox (python -m hirelink.messaging.sms_sandbox);
# production sets HIRELINK_SMS_ENDPOINT=https://sms.tencentcloudapi.com and the real keys (refused otherwise).
MESSAGING_SMS_ENDPOINT = env("SMS_ENDPOINT", "http://127.0.0.1:8901") or ""
MESSAGING_SMS_SECRET_ID = env("SMS_SECRET_ID", "AKIDhirelinksandbox") or ""
MESSAGING_SMS_SECRET_KEY = env("SMS_SECRET_KEY", "hirelink-sms-sandbox-key") or ""
MESSAGING_SMS_SDK_APP_ID = env("SMS_SDK_APP_ID", "1400000000") or ""
MESSAGING_SMS_SIGN_NAME = env("SMS_SIGN_NAME", "HireLink招聘") or ""
MESSAGING_SMS_REGION = env("SMS_REGION", "ap-guangzhou") or ""

# --- WeCom (企业微信): hirelink.integrations.wecom (docs/wecom.md). Unset = the local sandbox (port 8900).
WECOM_API_BASE_URL = env("WECOM_API_BASE_URL", "")
WECOM_OAUTH_BASE_URL = env("WECOM_OAUTH_BASE_URL", "")
WECOM_CORP_ID = env("WECOM_CORP_ID", "")
WECOM_AGENT_ID = env("WECOM_AGENT_ID", "")
WECOM_SECRET = env("WECOM_SECRET", "")
WECOM_TOKEN = env("WECOM_TOKEN", "")
WECOM_ENCODING_AES_KEY = env("WECOM_ENCODING_AES_KEY", "")
WECOM_OPEN_KFID = env("WECOM_OPEN_KFID", "")
WECOM_CALLBACK_MAX_AGE_SECONDS = int(env("WECOM_CALLBACK_MAX_AGE_SECONDS", "300") or "300")
