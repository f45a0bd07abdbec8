"""WeCom (企业微信) integration: callback crypto, API client, OAuth, and a local sandbox server.

Public API for the messaging/workflow layers (import from here)::

    from hirelink.integrations.wecom import (
        WeComClient, app_config_from_settings, Recipients, ButtonInteractionCard, CardButton,
        parse_callback, verify_url, CacheReplayGuard, WeComError, WeComCallbackError, ...
    )
"""

from .callback import (
    CacheReplayGuard,
    CallbackEvent,
    MemoryReplayGuard,
    ReplayGuard,
    encrypt_reply,
    parse_callback,
    verify_url,
)
from .client import (
    GroupMsgSendResult,
    GroupMsgSendStatus,
    MsgTemplateResult,
    OAuthIdentity,
    SendResult,
    WeComClient,
    build_oauth_authorize_url,
)
from .config import WeComAppConfig, WeComConfigError, app_config_from_settings, sandbox_config
from .crypto import EncryptedReply, WeComCrypto, compute_signature
from .errors import (
    WeComCallbackError,
    WeComError,
    WeComKfWindowClosedError,
    WeComRateLimitedError,
    WeComRecipientsInvalidError,
    WeComTransportError,
)
from .kf import KfSessionTracker, KfWindow
from .messages import ButtonInteractionCard, CardButton, Recipients

__all__ = [
    "ButtonInteractionCard",
    "CacheReplayGuard",
    "CallbackEvent",
    "CardButton",
    "EncryptedReply",
    "GroupMsgSendResult",
    "GroupMsgSendStatus",
    "KfSessionTracker",
    "KfWindow",
    "MemoryReplayGuard",
    "MsgTemplateResult",
    "OAuthIdentity",
    "Recipients",
    "ReplayGuard",
    "SendResult",
    "WeComAppConfig",
    "WeComCallbackError",
    "WeComClient",
    "WeComConfigError",
    "WeComCrypto",
    "WeComError",
    "WeComKfWindowClosedError",
    "WeComRateLimitedError",
    "WeComRecipientsInvalidError",
    "WeComTransportError",
    "app_config_from_settings",
    "build_oauth_authorize_url",
    "compute_signature",
    "encrypt_reply",
    "parse_callback",
    "sandbox_config",
    "verify_url",
]
