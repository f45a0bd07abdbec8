"""Typed errors of the WeCom integration.

Two families, because they have different callers:

* ``WeComError`` — the WeCom server API answered with a non-zero ``errcode`` (or could not be reached).
  ``retryable`` tells the messaging layer whether queueing the job again may help.
* ``WeComCallbackError`` — an inbound callback failed verification. ``code`` mirrors the return codes of
  Tencent's reference library WXBizMsgCrypt (-40001 ... -40011), plus two codes of ours for checks the
  reference library leaves to the application (stale timestamp, replay).
"""

from __future__ import annotations

# ----- server API errcodes (global error codes documented by WeCom) -----
ERRCODE_SYSTEM_BUSY = -1
ERRCODE_INVALID_CREDENTIAL = 40001  # gettoken: wrong secret; other APIs: credential not valid
ERRCODE_INVALID_ACCESS_TOKEN = 40014
ERRCODE_INVALID_OAUTH_CODE = 40029
ERRCODE_MISSING_ACCESS_TOKEN = 41001
ERRCODE_ACCESS_TOKEN_EXPIRED = 42001
ERRCODE_FREQUENCY_LIMITED = 45009
ERRCODE_ALL_RECIPIENTS_INVALID = 81013
ERRCODE_KF_SESSION_INVALID = 95018
# Not a WeCom code: the HTTP exchange itself failed (connection refused, timeout, non-JSON answer).
ERRCODE_TRANSPORT = -2

TOKEN_ERRCODES = frozenset({ERRCODE_INVALID_CREDENTIAL, ERRCODE_INVALID_ACCESS_TOKEN, ERRCODE_ACCESS_TOKEN_EXPIRED})


class WeComError(Exception):
    """WeCom said no. ``retryable`` is True when the same request may succeed later."""

    def __init__(self, errcode: int, errmsg: str, *, retryable: bool = False) -> None:
        super().__init__(f"WeCom errcode {errcode}: {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg
        self.retryable = retryable


class WeComTransportError(WeComError):
    """The request did not get a WeCom answer (network, timeout, HTTP 5xx, body not JSON)."""

    def __init__(self, errmsg: str) -> None:
        super().__init__(ERRCODE_TRANSPORT, errmsg, retryable=True)


class WeComRateLimitedError(WeComError):
    """45009 persisted after backing off for the whole retry budget: try again later."""

    def __init__(self, errmsg: str) -> None:
        super().__init__(ERRCODE_FREQUENCY_LIMITED, errmsg, retryable=True)


class WeComRecipientsInvalidError(WeComError):
    """81013: every recipient is invalid or outside the app's visible scope. Never retry; fall back."""

    def __init__(
        self,
        errmsg: str,
        *,
        invalid_users: list[str],
        invalid_parties: list[str],
        invalid_tags: list[str],
    ) -> None:
        super().__init__(ERRCODE_ALL_RECIPIENTS_INVALID, errmsg, retryable=False)
        self.invalid_users = invalid_users
        self.invalid_parties = invalid_parties
        self.invalid_tags = invalid_tags


class WeComKfWindowClosedError(WeComError):
    """微信客服: no open session window (48 h after the customer's last message, at most 5 replies)."""

    def __init__(self, errmsg: str) -> None:
        super().__init__(ERRCODE_KF_SESSION_INVALID, errmsg, retryable=False)


# ----- callback verification codes (WXBizMsgCrypt ierror.py) -----
OK = 0
VALIDATE_SIGNATURE_ERROR = -40001
PARSE_XML_ERROR = -40002
COMPUTE_SIGNATURE_ERROR = -40003
ILLEGAL_AES_KEY = -40004
VALIDATE_CORPID_ERROR = -40005
ENCRYPT_AES_ERROR = -40006
DECRYPT_AES_ERROR = -40007
ILLEGAL_BUFFER = -40008
ENCODE_BASE64_ERROR = -40009
DECODE_BASE64_ERROR = -40010
GEN_RETURN_XML_ERROR = -40011
# Ours (the reference library leaves these checks to the application):
STALE_TIMESTAMP_ERROR = -40101
REPLAY_ERROR = -40102

CALLBACK_ERROR_NAMES: dict[int, str] = {
    VALIDATE_SIGNATURE_ERROR: "ValidateSignature_Error",
    PARSE_XML_ERROR: "ParseXml_Error",
    COMPUTE_SIGNATURE_ERROR: "ComputeSignature_Error",
    ILLEGAL_AES_KEY: "IllegalAesKey",
    VALIDATE_CORPID_ERROR: "ValidateCorpid_Error",
    ENCRYPT_AES_ERROR: "EncryptAES_Error",
    DECRYPT_AES_ERROR: "DecryptAES_Error",
    ILLEGAL_BUFFER: "IllegalBuffer",
    ENCODE_BASE64_ERROR: "EncodeBase64_Error",
    DECODE_BASE64_ERROR: "DecodeBase64_Error",
    GEN_RETURN_XML_ERROR: "GenReturnXml_Error",
    STALE_TIMESTAMP_ERROR: "StaleTimestamp_Error",
    REPLAY_ERROR: "Replay_Error",
}


class WeComCallbackError(Exception):
    """A callback (or the URL-verification GET) failed a check. Answer it with HTTP 400, process nothing."""

    def __init__(self, code: int, detail: str) -> None:
        self.code = code
        self.name = CALLBACK_ERROR_NAMES.get(code, "Unknown_Error")
        self.detail = detail
        super().__init__(f"{code} {self.name}: {detail}")
