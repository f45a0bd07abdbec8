"""WeCom channels on the integration's client (token cache, errcode policy):

- `wecom_app`: 应用消息 to staff (text, markdown, button_interaction template cards), /cgi-bin/message/send,
  with WeCom's duplicate check on, so a send whose outcome was lost can be repeated safely;
- `wecom_external`: 客户联系 message task to a candidate who is an external contact of a staff member,
  /cgi-bin/externalcontact/add_msg_template (the member confirms it in WeCom);
- `wecom_kf`: 微信客服 reply, /cgi-bin/kf/send_msg, only inside the 48 h / 5 replies window.
Anything that cannot reach the person reports UNREACHABLE, so the message falls back to SMS or e-mail."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx

from hirelink.integrations.wecom.client import WeComClient
from hirelink.integrations.wecom.config import WeComConfigError, app_config_from_settings
from hirelink.integrations.wecom.errors import (
    WeComError,
    WeComKfWindowClosedError,
    WeComRateLimitedError,
    WeComRecipientsInvalidError,
)
from hirelink.integrations.wecom.messages import ButtonInteractionCard, CardButton, Recipients
from hirelink.messaging.channels.base import DeliveryResult
from hirelink.messaging.models import AttemptOutcome

if TYPE_CHECKING:
    from hirelink.messaging.models import OutboundMessage

DUPLICATE_CHECK_SECONDS = 1800
RATE_LIMIT_RETRY_SECONDS = 60.0
MAX_TEXT_BYTES = 2048


_HTTP: httpx.Client | None = None


def _http() -> httpx.Client:
    """One connection pool per process: building an httpx.Client (TLS context) costs tens of milliseconds."""
    global _HTTP
    if _HTTP is None:
        _HTTP = httpx.Client(timeout=10.0)
    return _HTTP


def client() -> WeComClient:
    return WeComClient(app_config_from_settings(), http=_http())


def _truncate(text: str, limit: int = MAX_TEXT_BYTES) -> str:
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[: limit - 3].decode("utf-8", errors="ignore") + "…"


def card_from_payload(spec: dict[str, Any]) -> ButtonInteractionCard:
    return ButtonInteractionCard(
        task_id=str(spec["task_id"]),
        title=str(spec["title"])[:36],
        description=str(spec.get("description", ""))[:44],
        sub_title=str(spec.get("sub_title", ""))[:120],
        fields=[(str(k)[:5], str(v)[:26]) for k, v in spec.get("fields", [])][:6],
        url=str(spec.get("url", "")),
        buttons=[
            CardButton(text=str(b["text"])[:10], key=str(b["key"]), style=int(b.get("style", 1)))
            for b in spec["buttons"]
        ],
    )


def _error_result(exc: Exception) -> DeliveryResult:
    if isinstance(exc, WeComRateLimitedError):
        return DeliveryResult(
            outcome=AttemptOutcome.RATE_LIMITED,
            provider_code=str(exc.errcode),
            error=exc.errmsg,
            retry_after=RATE_LIMIT_RETRY_SECONDS,
        )
    if isinstance(exc, (WeComRecipientsInvalidError, WeComKfWindowClosedError)):
        return DeliveryResult(outcome=AttemptOutcome.UNREACHABLE, provider_code=str(exc.errcode), error=exc.errmsg)
    if isinstance(exc, WeComError):
        outcome = AttemptOutcome.RETRY if exc.retryable else AttemptOutcome.FAILED
        return DeliveryResult(outcome=outcome, provider_code=str(exc.errcode), error=exc.errmsg)
    return DeliveryResult(outcome=AttemptOutcome.FAILED, provider_code="config", error=str(exc))


class WecomAppChannel:
    name = "wecom_app"
    provider_deduplicates = True

    def send(self, message: OutboundMessage) -> DeliveryResult:
        if not message.address:
            return DeliveryResult(outcome=AttemptOutcome.UNREACHABLE, error="staff member has no WeCom account")
        try:
            with client() as api:
                to = Recipients(users=[message.address])
                card = message.payload.get("card")
                if card:
                    result = api.send_template_card(to=to, card=card_from_payload(card))
                elif message.payload.get("format") == "markdown":
                    result = api.send_markdown(
                        to=to, content=_truncate(message.body), duplicate_check_seconds=DUPLICATE_CHECK_SECONDS
                    )
                else:
                    result = api.send_text(
                        to=to, content=_truncate(message.body), duplicate_check_seconds=DUPLICATE_CHECK_SECONDS
                    )
        except (WeComError, WeComConfigError, ValueError) as exc:
            return _error_result(exc)
        response = {"msgid": result.msgid, "response_code": result.response_code}
        if message.address in result.invalid_users or message.address in result.unlicensed_users:
            return DeliveryResult(
                outcome=AttemptOutcome.UNREACHABLE,
                provider_code="invaliduser",
                response=response,
                error="the member is outside the app's visible range or has no licence",
            )
        # WeCom hands the message to the member's clients synchronously: accepted means delivered.
        return DeliveryResult(
            outcome=AttemptOutcome.DELIVERED, provider_message_id=result.msgid, provider_code="0", response=response
        )


class WecomExternalChannel:
    name = "wecom_external"
    provider_deduplicates = False

    def send(self, message: OutboundMessage) -> DeliveryResult:
        sender = str(message.payload.get("follow_userid", ""))
        if not message.address or not sender:
            return DeliveryResult(outcome=AttemptOutcome.UNREACHABLE, error="candidate is not a WeCom external contact")
        try:
            with client() as api:
                result = api.add_msg_template(
                    sender=sender, external_userids=[message.address], content=_truncate(message.body, 4000)
                )
        except (WeComError, WeComConfigError, ValueError) as exc:
            return _error_result(exc)
        response = {"msgid": result.msgid, "fail_list": result.fail_list}
        if message.address in result.fail_list:
            return DeliveryResult(
                outcome=AttemptOutcome.UNREACHABLE,
                provider_code="fail_list",
                response=response,
                error="WeCom cannot reach this external contact",
            )
        return DeliveryResult(
            outcome=AttemptOutcome.SENT, provider_message_id=result.msgid, provider_code="0", response=response
        )


class WecomKfChannel:
    name = "wecom_kf"
    provider_deduplicates = False

    def send(self, message: OutboundMessage) -> DeliveryResult:
        if not message.address:
            return DeliveryResult(outcome=AttemptOutcome.UNREACHABLE, error="no 微信客服 session with the candidate")
        try:
            with client() as api:
                msgid = api.kf_send_text(
                    external_userid=message.address,
                    content=_truncate(message.body),
                    msgid=f"hl{message.pk}",
                )
        except (WeComError, WeComConfigError, ValueError) as exc:
            return _error_result(exc)
        return DeliveryResult(
            outcome=AttemptOutcome.SENT, provider_message_id=msgid, provider_code="0", response={"msgid": msgid}
        )
