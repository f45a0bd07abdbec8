"""Configuration of one WeCom app (self-built application of one corp).

Defaults point at the local sandbox (``python -m hirelink.integrations.wecom.sandbox``) so a fresh checkout
talks to it out of the box; production sets the ``WECOM_*`` settings (from the environment).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

REAL_API_BASE_URL = "https://qyapi.weixin.qq.com"
REAL_OAUTH_BASE_URL = "https://open.weixin.qq.com"

# Public, sandbox-only values. They are refused when the real WeCom host is configured.
SANDBOX_CORP_ID = "wwhirelinksandbox01"
SANDBOX_AGENT_ID = 1000002
SANDBOX_SECRET = "hirelink-sandbox-secret"  # noqa: S105 - sandbox only, refused against the real host
SANDBOX_TOKEN = "hirelinkSandboxToken"  # noqa: S105 - sandbox only, refused against the real host
SANDBOX_ENCODING_AES_KEY = "SGlyZUxpbmtTYW5kYm94QUVTS2V5LTAxMjM0NTY3ODk"
SANDBOX_OPEN_KFID = "wkhirelinksandboxkf"
SANDBOX_PORT = 8900
SANDBOX_BASE_URL = f"http://127.0.0.1:{SANDBOX_PORT}"


class WeComConfigError(ValueError):
    """The WeCom configuration is unusable (e.g. sandbox secrets against the real WeCom host)."""


@dataclass(frozen=True)
class WeComAppConfig:
    corpid: str
    agentid: int
    secret: str = field(repr=False)
    token: str = field(default="", repr=False)
    encoding_aes_key: str = field(default="", repr=False)
    base_url: str = REAL_API_BASE_URL
    oauth_base_url: str = REAL_OAUTH_BASE_URL
    # Receiver id inside encrypted callbacks: the corpid for a self-built app, the suiteid for a suite.
    receive_id: str = ""
    # Callbacks whose timestamp is further than this from our clock are rejected as stale.
    callback_max_age_seconds: int = 300
    open_kfid: str = ""

    @property
    def callback_receive_id(self) -> str:
        return self.receive_id or self.corpid

    def check_for_real_host(self) -> None:
        """Refuse the public sandbox values when talking to the real WeCom."""
        if self.base_url.rstrip("/") != REAL_API_BASE_URL:
            return
        public = {SANDBOX_SECRET, SANDBOX_TOKEN, SANDBOX_ENCODING_AES_KEY, ""}
        for name, value in (
            ("secret", self.secret),
            ("token", self.token),
            ("encoding_aes_key", self.encoding_aes_key),
        ):
            if value in public:
                raise WeComConfigError(f"WECOM {name} must be set to the real value when using {REAL_API_BASE_URL}")


def sandbox_config(base_url: str = SANDBOX_BASE_URL) -> WeComAppConfig:
    """The config matching the sandbox's defaults, served at ``base_url``."""
    return WeComAppConfig(
        corpid=SANDBOX_CORP_ID,
        agentid=SANDBOX_AGENT_ID,
        secret=SANDBOX_SECRET,
        token=SANDBOX_TOKEN,
        encoding_aes_key=SANDBOX_ENCODING_AES_KEY,
        base_url=base_url,
        oauth_base_url=base_url,
        open_kfid=SANDBOX_OPEN_KFID,
    )


def app_config_from_settings(settings_obj: Any = None) -> WeComAppConfig:
    """Build the app config from Django settings ``WECOM_*`` (each defaulting to the sandbox value)."""
    if settings_obj is None:
        from django.conf import settings as django_settings

        settings_obj = django_settings

    def get(name: str, default: Any) -> Any:
        value = getattr(settings_obj, name, None)
        return default if value in (None, "") else value

    base_url = str(get("WECOM_API_BASE_URL", SANDBOX_BASE_URL)).rstrip("/")
    # The sandbox serves the OAuth page itself; the real WeCom serves it from open.weixin.qq.com.
    oauth_default = REAL_OAUTH_BASE_URL if base_url == REAL_API_BASE_URL else base_url
    config = WeComAppConfig(
        corpid=str(get("WECOM_CORP_ID", SANDBOX_CORP_ID)),
        agentid=int(get("WECOM_AGENT_ID", SANDBOX_AGENT_ID)),
        secret=str(get("WECOM_SECRET", SANDBOX_SECRET)),
        token=str(get("WECOM_TOKEN", SANDBOX_TOKEN)),
        encoding_aes_key=str(get("WECOM_ENCODING_AES_KEY", SANDBOX_ENCODING_AES_KEY)),
        base_url=base_url,
        oauth_base_url=str(get("WECOM_OAUTH_BASE_URL", oauth_default)).rstrip("/"),
        receive_id=str(get("WECOM_RECEIVE_ID", "")),
        callback_max_age_seconds=int(get("WECOM_CALLBACK_MAX_AGE_SECONDS", 300)),
        open_kfid=str(get("WECOM_OPEN_KFID", SANDBOX_OPEN_KFID)),
    )
    config.check_for_real_host()
    return config
