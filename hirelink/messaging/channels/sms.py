"""SMS behind a provider interface. One real adapter: Tencent Cloud SMS API 3.0 `SendSms` (version 2021-01-11,
TC3-HMAC-SHA256). The local SMS sandbox (`python -m hirelink.messaging.sms_sandbox`) speaks the same API, so
the adapter is exercised for real in development and tests."""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

import httpx
from django.conf import settings

from hirelink.messaging import tc3
from hirelink.messaging.channels.base import DeliveryResult
from hirelink.messaging.models import AttemptOutcome

if TYPE_CHECKING:
    from hirelink.messaging.models import OutboundMessage

logger = logging.getLogger(__name__)

TENCENT_HOST = "sms.tencentcloudapi.com"
TENCENT_VERSION = "2021-01-11"
SANDBOX_SECRET_ID = "AKIDhirelinksandbox"  # noqa: S105 - public sandbox value
SANDBOX_SECRET_KEY = "hirelink-sms-sandbox-key"  # noqa: S105 - public sandbox value, refused on the real host

# Per-number frequency limits (seconds to wait) from the SendSms error codes.
_RATE_LIMITS = {
    "LimitExceeded.PhoneNumberThirtySecondLimit": 30.0,
    "LimitExceeded.PhoneNumberOneHourLimit": 3600.0,
    "LimitExceeded.DeliveryFrequencyLimit": 60.0,
    "RequestLimitExceeded": 1.0,
}
# The number cannot receive SMS: move on to the next channel.
_UNREACHABLE = {
    "FailedOperation.PhoneNumberInBlacklist",
    "InvalidParameterValue.IncorrectPhoneNumber",
    "FailedOperation.ContainSensitiveWord",
    "LimitExceeded.PhoneNumberDailyLimit",
    "LimitExceeded.PhoneNumberSameContentDailyLimit",
}


@dataclass(frozen=True)
class SmsRequest:
    phone: str  # E.164, e.g. +8613800000000
    template_id: str
    params: list[str]
    session_context: str = ""
    text: str = ""  # the rendered text, for providers that take free text and for the log


class SmsProvider(Protocol):
    def send(self, request: SmsRequest) -> DeliveryResult: ...


_HTTP: httpx.Client | None = None


def _http() -> httpx.Client:
    global _HTTP
    if _HTTP is None:
        _HTTP = httpx.Client()
    return _HTTP


def e164(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    if digits.startswith("+"):
        return digits
    if digits.startswith("86") and len(digits) == 13:
        return f"+{digits}"
    return f"+86{digits}" if digits else ""


@dataclass(frozen=True)
class TencentSmsProvider:
    secret_id: str
    secret_key: str = field(repr=False)
    sdk_app_id: str
    sign_name: str
    endpoint: str = f"https://{TENCENT_HOST}"
    region: str = "ap-guangzhou"
    timeout: float = 5.0

    def check_for_real_host(self) -> None:
        if urlsplit(self.endpoint).hostname == TENCENT_HOST and self.secret_key in ("", SANDBOX_SECRET_KEY):
            raise ValueError("HIRELINK_SMS_SECRET_KEY must be set to the real key for sms.tencentcloudapi.com")

    def send(self, request: SmsRequest) -> DeliveryResult:
        self.check_for_real_host()
        body: dict[str, Any] = {
            "PhoneNumberSet": [request.phone],
            "SmsSdkAppId": self.sdk_app_id,
            "SignName": self.sign_name,
            "TemplateId": request.template_id,
            "TemplateParamSet": [str(p) for p in request.params],
            "SessionContext": request.session_context[:512],
        }
        payload = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        host = urlsplit(self.endpoint).netloc
        headers = tc3.headers(
            secret_id=self.secret_id,
            secret_key=self.secret_key,
            host=host,
            service="sms",
            action="SendSms",
            version=TENCENT_VERSION,
            region=self.region,
            timestamp=int(time.time()),
            payload=payload,
        )
        try:
            response = _http().post(self.endpoint, content=payload, headers=headers, timeout=self.timeout)
        except httpx.HTTPError as exc:
            return DeliveryResult(outcome=AttemptOutcome.RETRY, provider_code="transport", error=str(exc))
        if response.status_code >= 500:
            return DeliveryResult(
                outcome=AttemptOutcome.RETRY, provider_code=f"http_{response.status_code}", error=response.text[:500]
            )
        try:
            data = response.json()
            result = data["Response"]
        except (ValueError, KeyError, TypeError):
            return DeliveryResult(outcome=AttemptOutcome.RETRY, provider_code="bad_response", error=response.text[:500])
        return classify_send_sms(result)


def classify_send_sms(result: dict[str, Any]) -> DeliveryResult:
    """Map a SendSms `Response` object to a delivery outcome."""
    error = result.get("Error")
    if error:
        code = str(error.get("Code", ""))
        return _outcome_for_code(code, str(error.get("Message", "")), result)
    statuses = result.get("SendStatusSet") or []
    if not statuses:
        return DeliveryResult(outcome=AttemptOutcome.RETRY, provider_code="empty", response=result)
    status = statuses[0]
    code = str(status.get("Code", ""))
    if code == "Ok":
        return DeliveryResult(
            outcome=AttemptOutcome.SENT,
            provider_message_id=str(status.get("SerialNo", "")),
            provider_code=code,
            response=result,
        )
    return _outcome_for_code(code, str(status.get("Message", "")), result)


def _outcome_for_code(code: str, message: str, result: dict[str, Any]) -> DeliveryResult:
    if code in _RATE_LIMITS:
        return DeliveryResult(
            outcome=AttemptOutcome.RATE_LIMITED,
            provider_code=code,
            response=result,
            error=message,
            retry_after=_RATE_LIMITS[code],
        )
    if code in _UNREACHABLE:
        return DeliveryResult(outcome=AttemptOutcome.UNREACHABLE, provider_code=code, response=result, error=message)
    if code.startswith("InternalError"):
        return DeliveryResult(outcome=AttemptOutcome.RETRY, provider_code=code, response=result, error=message)
    return DeliveryResult(outcome=AttemptOutcome.FAILED, provider_code=code, response=result, error=message)


def provider_from_settings() -> SmsProvider:
    return TencentSmsProvider(
        secret_id=settings.MESSAGING_SMS_SECRET_ID,
        secret_key=settings.MESSAGING_SMS_SECRET_KEY,
        sdk_app_id=settings.MESSAGING_SMS_SDK_APP_ID,
        sign_name=settings.MESSAGING_SMS_SIGN_NAME,
        endpoint=settings.MESSAGING_SMS_ENDPOINT,
        region=settings.MESSAGING_SMS_REGION,
    )


class SmsChannel:
    name = "sms"
    provider_deduplicates = False

    def __init__(self, provider: SmsProvider | None = None) -> None:
        self.provider = provider or provider_from_settings()

    def send(self, message: OutboundMessage) -> DeliveryResult:
        phone = e164(message.address)
        if not phone:
            return DeliveryResult(outcome=AttemptOutcome.UNREACHABLE, error="no phone number")
        sms = message.payload.get("sms") or {}
        template_id = str(sms.get("template_id", ""))
        if not template_id:
            return DeliveryResult(
                outcome=AttemptOutcome.UNREACHABLE, error=f"template {message.template_key} has no SMS template id"
            )
        return self.provider.send(
            SmsRequest(
                phone=phone,
                template_id=template_id,
                params=[str(p) for p in sms.get("params", [])],
                session_context=message.idempotency_key,
                text=message.body,
            )
        )
