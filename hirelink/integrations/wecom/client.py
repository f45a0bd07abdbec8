"""WeCom server-API client: access-token cache, retries with back-off, typed errors, the endpoints HireLink uses.

Error policy (WeCom global error codes):

* 40001 / 40014 / 42001 on an API call → drop the cached token, fetch a new one, retry **once**;
* -1 (system busy) → retry up to ``busy_retries`` times (WeCom advises at most 3) with exponential back-off;
* 45009 (frequency limit) → back off exponentially while the total wait stays within ``rate_limit_budget``
  seconds, then raise ``WeComRateLimitedError`` (retryable: the caller's queue tries later);
* 81013 → ``WeComRecipientsInvalidError`` with the invalid user/party/tag lists (never retried);
* 95018 (微信客服 session not open) → ``WeComKfWindowClosedError`` (never retried; fall back to SMS/email);
* anything else → ``WeComError(errcode, errmsg, retryable=False)``.

Sends are not retried on transport errors (the request may have reached WeCom): a ``WeComTransportError``
is raised, retryable, and the messaging layer's idempotency key decides.
"""

from __future__ import annotations

import hashlib
import logging
import time
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

from .config import WeComAppConfig
from .errors import (
    ERRCODE_ALL_RECIPIENTS_INVALID,
    ERRCODE_FREQUENCY_LIMITED,
    ERRCODE_INVALID_CREDENTIAL,
    ERRCODE_KF_SESSION_INVALID,
    ERRCODE_SYSTEM_BUSY,
    TOKEN_ERRCODES,
    WeComError,
    WeComKfWindowClosedError,
    WeComRateLimitedError,
    WeComRecipientsInvalidError,
    WeComTransportError,
)
from .kf import KfSessionTracker
from .messages import (
    ButtonInteractionCard,
    Recipients,
    markdown_message,
    template_card_message,
    text_message,
    with_duplicate_check,
)

logger = logging.getLogger(__name__)

MAX_EXTERNAL_USERIDS_PER_TASK = 10000
MAX_ATTACHMENTS = 9
MAX_GROUPMSG_RESULT_LIMIT = 1000
MAX_KF_TEXT_BYTES = 2048

Method = Literal["GET", "POST"]


@dataclass(frozen=True)
class SendResult:
    msgid: str
    response_code: str = ""
    invalid_users: list[str] = field(default_factory=list)
    invalid_parties: list[str] = field(default_factory=list)
    invalid_tags: list[str] = field(default_factory=list)
    unlicensed_users: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MsgTemplateResult:
    msgid: str
    fail_list: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GroupMsgSendStatus:
    external_userid: str
    userid: str
    # 0 未发送 · 1 已发送 · 2 因客户不是好友导致发送失败 · 3 因客户已经收到其他群发消息导致发送失败
    status: int
    send_time: int | None


@dataclass(frozen=True)
class GroupMsgSendResult:
    send_list: list[GroupMsgSendStatus]
    next_cursor: str


@dataclass(frozen=True)
class OAuthIdentity:
    """auth/getuserinfo: ``userid`` for corp members; ``openid``/``external_userid`` for outsiders."""

    userid: str = ""
    user_ticket: str = ""
    openid: str = ""
    external_userid: str = ""

    @property
    def is_member(self) -> bool:
        return bool(self.userid)


def _split(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [part for part in str(value).split("|") if part]


def build_oauth_authorize_url(
    config: WeComAppConfig, *, redirect_uri: str, state: str = "", scope: str = "snsapi_base"
) -> str:
    """网页授权链接: open it inside WeCom; WeCom redirects to ``redirect_uri?code=CODE&state=STATE``."""
    if scope not in ("snsapi_base", "snsapi_privateinfo"):
        raise ValueError("scope must be snsapi_base or snsapi_privateinfo")
    if len(state.encode("utf-8")) > 128:
        raise ValueError("state is limited to 128 bytes")
    query = urllib.parse.urlencode(
        {
            "appid": config.corpid,
            "redirect_uri": redirect_uri,
            "response_type": "code",
            "scope": scope,
            "state": state,
            "agentid": str(config.agentid),
        }
    )
    return f"{config.oauth_base_url.rstrip('/')}/connect/oauth2/authorize?{query}#wechat_redirect"


class WeComClient:
    def __init__(
        self,
        config: WeComAppConfig,
        *,
        http: httpx.Client | None = None,
        cache_alias: str = "default",
        token_margin_seconds: int = 300,
        busy_retries: int = 3,
        busy_backoff_seconds: float = 0.5,
        rate_limit_backoff_seconds: float = 1.0,
        rate_limit_budget_seconds: float = 30.0,
        timeout_seconds: float = 10.0,
        sleep: Callable[[float], None] = time.sleep,
        kf_tracker: KfSessionTracker | None = None,
    ) -> None:
        self.config = config
        self._owns_http = http is None
        self._http = http or httpx.Client(timeout=timeout_seconds)
        self.cache_alias = cache_alias
        self.token_margin_seconds = token_margin_seconds
        self.busy_retries = busy_retries
        self.busy_backoff_seconds = busy_backoff_seconds
        self.rate_limit_backoff_seconds = rate_limit_backoff_seconds
        self.rate_limit_budget_seconds = rate_limit_budget_seconds
        self._sleep = sleep
        self.kf_tracker = kf_tracker or KfSessionTracker(cache_alias=cache_alias)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> WeComClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ access token
    @property
    def token_cache_key(self) -> str:
        secret_hash = hashlib.sha256(self.config.secret.encode("utf-8")).hexdigest()[:16]
        return f"wecom:token:{self.config.corpid}:{self.config.agentid}:{secret_hash}"

    def _cache(self) -> Any:
        from django.core.cache import caches

        return caches[self.cache_alias]

    def get_access_token(self, *, force_refresh: bool = False) -> str:
        cache = self._cache()
        if not force_refresh:
            cached = cache.get(self.token_cache_key)
            if cached:
                return str(cached)
        data = self._with_retries(
            "GET",
            "/cgi-bin/gettoken",
            params={"corpid": self.config.corpid, "corpsecret": self.config.secret},
            authenticated=False,
        )
        token = str(data["access_token"])
        expires_in = int(data.get("expires_in", 7200))
        cache.set(self.token_cache_key, token, timeout=max(expires_in - self.token_margin_seconds, 60))
        logger.info("wecom.token.fetched", extra={"corpid": self.config.corpid, "expires_in": expires_in})
        return token

    def invalidate_access_token(self) -> None:
        self._cache().delete(self.token_cache_key)

    # ------------------------------------------------------------------ transport + retry policy
    def _request(self, method: Method, path: str, *, params: dict[str, str], json: Any) -> dict[str, Any]:
        url = f"{self.config.base_url.rstrip('/')}{path}"
        try:
            response = self._http.request(method, url, params=params, json=json)
        except httpx.HTTPError as exc:
            raise WeComTransportError(f"{path}: {type(exc).__name__}: {exc}") from exc
        if response.status_code != 200:
            raise WeComTransportError(f"{path}: HTTP {response.status_code}")
        try:
            data = response.json()
        except ValueError as exc:
            raise WeComTransportError(f"{path}: answer is not JSON") from exc
        if not isinstance(data, dict):
            raise WeComTransportError(f"{path}: answer is not a JSON object")
        return data

    def _with_retries(
        self,
        method: Method,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json: Any = None,
        authenticated: bool = True,
    ) -> dict[str, Any]:
        refreshed = False
        busy_attempts = 0
        throttle_attempts = 0
        throttle_waited = 0.0
        while True:
            query = dict(params or {})
            if authenticated:
                query["access_token"] = self.get_access_token()
            data = self._request(method, path, params=query, json=json)
            errcode = int(data.get("errcode", 0) or 0)
            errmsg = str(data.get("errmsg", ""))
            logger.info("wecom.api.called", extra={"path": path, "errcode": errcode})
            if errcode == 0:
                return data
            if authenticated and errcode in TOKEN_ERRCODES and not refreshed:
                refreshed = True
                self.invalidate_access_token()
                continue
            if errcode == ERRCODE_SYSTEM_BUSY and busy_attempts < self.busy_retries:
                self._sleep(self.busy_backoff_seconds * (2**busy_attempts))
                busy_attempts += 1
                continue
            if errcode == ERRCODE_FREQUENCY_LIMITED:
                delay = self.rate_limit_backoff_seconds * (2**throttle_attempts)
                if throttle_waited + delay <= self.rate_limit_budget_seconds:
                    self._sleep(delay)
                    throttle_waited += delay
                    throttle_attempts += 1
                    continue
                raise WeComRateLimitedError(errmsg)
            raise self._error(errcode, errmsg, data, authenticated=authenticated)

    @staticmethod
    def _error(errcode: int, errmsg: str, data: dict[str, Any], *, authenticated: bool) -> WeComError:
        if errcode == ERRCODE_ALL_RECIPIENTS_INVALID:
            return WeComRecipientsInvalidError(
                errmsg,
                invalid_users=_split(data.get("invaliduser")),
                invalid_parties=_split(data.get("invalidparty")),
                invalid_tags=_split(data.get("invalidtag")),
            )
        if errcode == ERRCODE_KF_SESSION_INVALID:
            return WeComKfWindowClosedError(errmsg)
        if errcode == ERRCODE_SYSTEM_BUSY:
            return WeComError(errcode, errmsg, retryable=True)
        if errcode == ERRCODE_INVALID_CREDENTIAL and not authenticated:
            return WeComError(errcode, errmsg, retryable=False)  # wrong corpid/secret: configuration
        if errcode in TOKEN_ERRCODES:
            return WeComError(errcode, errmsg, retryable=True)
        return WeComError(errcode, errmsg, retryable=False)

    def call(
        self, method: Method, path: str, *, params: dict[str, str] | None = None, json: Any = None
    ) -> dict[str, Any]:
        """Any authenticated endpoint with the full retry policy; returns the decoded answer (errcode 0)."""
        return self._with_retries(method, path, params=params, json=json)

    # ------------------------------------------------------------------ 应用消息 (staff)
    def send_message(self, payload: dict[str, Any]) -> SendResult:
        data = self.call("POST", "/cgi-bin/message/send", json=payload)
        return SendResult(
            msgid=str(data.get("msgid", "")),
            response_code=str(data.get("response_code", "")),
            invalid_users=_split(data.get("invaliduser")),
            invalid_parties=_split(data.get("invalidparty")),
            invalid_tags=_split(data.get("invalidtag")),
            unlicensed_users=_split(data.get("unlicenseduser")),
        )

    def send_text(
        self, *, to: Recipients, content: str, safe: bool = False, duplicate_check_seconds: int = 0
    ) -> SendResult:
        payload = text_message(to, agentid=self.config.agentid, content=content, safe=safe)
        if duplicate_check_seconds:
            payload = with_duplicate_check(payload, interval_seconds=duplicate_check_seconds)
        return self.send_message(payload)

    def send_markdown(self, *, to: Recipients, content: str, duplicate_check_seconds: int = 0) -> SendResult:
        payload = markdown_message(to, agentid=self.config.agentid, content=content)
        if duplicate_check_seconds:
            payload = with_duplicate_check(payload, interval_seconds=duplicate_check_seconds)
        return self.send_message(payload)

    def send_template_card(self, *, to: Recipients, card: ButtonInteractionCard) -> SendResult:
        """Returns ``response_code`` (72 h, single use) for ``update_template_card_button``."""
        return self.send_message(template_card_message(to, agentid=self.config.agentid, card=card))

    def update_template_card_button(
        self, *, response_code: str, replace_name: str, userids: Sequence[str] = (), atall: bool = False
    ) -> None:
        """Grey out the card's buttons with ``replace_name`` (e.g. "已通过"); consumes ``response_code``."""
        body: dict[str, Any] = {
            "agentid": self.config.agentid,
            "response_code": response_code,
            "button": {"replace_name": replace_name},
        }
        if atall:
            body["atall"] = 1
        else:
            body["userids"] = list(userids)
        self.call("POST", "/cgi-bin/message/update_template_card", json=body)

    # ------------------------------------------------------------------ 客户联系 (candidates as external contacts)
    def add_msg_template(
        self,
        *,
        sender: str,
        external_userids: Sequence[str],
        content: str,
        attachments: Sequence[dict[str, Any]] = (),
    ) -> MsgTemplateResult:
        """Create a 企业群发 task for ``sender``: the member confirms it in WeCom before it reaches candidates."""
        if not 1 <= len(external_userids) <= MAX_EXTERNAL_USERIDS_PER_TASK:
            raise ValueError("add_msg_template takes 1 to 10000 external_userid")
        if len(attachments) > MAX_ATTACHMENTS:
            raise ValueError("add_msg_template takes at most 9 attachments")
        body: dict[str, Any] = {
            "chat_type": "single",
            "external_userid": list(external_userids),
            "sender": sender,
            "text": {"content": content},
        }
        if attachments:
            body["attachments"] = list(attachments)
        data = self.call("POST", "/cgi-bin/externalcontact/add_msg_template", json=body)
        return MsgTemplateResult(msgid=str(data.get("msgid", "")), fail_list=_split(data.get("fail_list")))

    def get_groupmsg_send_result(
        self, *, msgid: str, userid: str, limit: int = 500, cursor: str = ""
    ) -> GroupMsgSendResult:
        body: dict[str, Any] = {
            "msgid": msgid,
            "userid": userid,
            "limit": min(max(limit, 1), MAX_GROUPMSG_RESULT_LIMIT),
        }
        if cursor:
            body["cursor"] = cursor
        data = self.call("POST", "/cgi-bin/externalcontact/get_groupmsg_send_result", json=body)
        rows = [
            GroupMsgSendStatus(
                external_userid=str(row.get("external_userid", "")),
                userid=str(row.get("userid", "")),
                status=int(row.get("status", 0)),
                send_time=int(row["send_time"]) if row.get("send_time") else None,
            )
            for row in data.get("send_list", [])
        ]
        return GroupMsgSendResult(send_list=rows, next_cursor=str(data.get("next_cursor", "")))

    # ------------------------------------------------------------------ 微信客服
    def kf_send_text(self, *, external_userid: str, content: str, open_kfid: str = "", msgid: str = "") -> str:
        """Reply in a 微信客服 session. Allowed for 48 h after the customer's last message, at most 5 replies.

        A window known (from ``kf_tracker``) to be closed raises ``WeComKfWindowClosedError`` without a call;
        WeCom's own 95018 answer raises the same error.
        """
        kfid = open_kfid or self.config.open_kfid
        if not kfid:
            raise ValueError("no open_kfid configured")
        if not content or len(content.encode("utf-8")) > MAX_KF_TEXT_BYTES:
            raise ValueError("kf text content must be 1 to 2048 bytes")
        if self.kf_tracker.is_known_closed(open_kfid=kfid, external_userid=external_userid):
            raise WeComKfWindowClosedError("微信客服会话窗口已关闭（48 小时 / 5 条）")
        body: dict[str, Any] = {
            "touser": external_userid,
            "open_kfid": kfid,
            "msgtype": "text",
            "text": {"content": content},
        }
        if msgid:
            body["msgid"] = msgid
        data = self.call("POST", "/cgi-bin/kf/send_msg", json=body)
        self.kf_tracker.note_reply(open_kfid=kfid, external_userid=external_userid)
        return str(data.get("msgid", ""))

    def kf_sync_msg(
        self, *, token: str = "", cursor: str = "", open_kfid: str = "", limit: int = 1000
    ) -> dict[str, Any]:
        """Pull 微信客服 messages after a ``kf_msg_or_event`` callback (pass its ``Token``)."""
        body: dict[str, Any] = {"limit": min(max(limit, 1), 1000), "open_kfid": open_kfid or self.config.open_kfid}
        if token:
            body["token"] = token
        if cursor:
            body["cursor"] = cursor
        data = self.call("POST", "/cgi-bin/kf/sync_msg", json=body)
        for msg in data.get("msg_list", []):
            if int(msg.get("origin", 0)) == 3 and msg.get("external_userid"):  # 3 = sent by the customer
                self.kf_tracker.note_customer_message(
                    open_kfid=str(msg.get("open_kfid", body["open_kfid"])),
                    external_userid=str(msg["external_userid"]),
                    at=float(msg.get("send_time", time.time())),
                )
        return data

    # ------------------------------------------------------------------ 日程
    def schedule_add(
        self,
        *,
        organizer: str,
        attendees: Sequence[str],
        start_time: int,
        end_time: int,
        summary: str,
        description: str = "",
        location: str = "",
        remind_before_seconds: int = 900,
    ) -> str:
        """Create a schedule entry (e.g. a 复试 for the interviewers); returns ``schedule_id``."""
        if end_time <= start_time:
            raise ValueError("end_time must be after start_time")
        schedule: dict[str, Any] = {
            "organizer": organizer,
            "start_time": int(start_time),
            "end_time": int(end_time),
            "attendees": [{"userid": userid} for userid in attendees],
            "summary": summary,
            "description": description,
            "location": location,
            "reminders": {"is_remind": 1, "remind_before_event_secs": remind_before_seconds},
        }
        data = self.call(
            "POST", "/cgi-bin/oa/schedule/add", json={"schedule": schedule, "agentid": self.config.agentid}
        )
        return str(data.get("schedule_id", ""))

    # ------------------------------------------------------------------ OAuth2
    def authorize_url(self, *, redirect_uri: str, state: str = "", scope: str = "snsapi_base") -> str:
        return build_oauth_authorize_url(self.config, redirect_uri=redirect_uri, state=state, scope=scope)

    def get_user_info(self, code: str) -> OAuthIdentity:
        """Exchange the OAuth ``code`` (5 min, single use) for the visitor's identity. 40029 = bad code."""
        data = self.call("GET", "/cgi-bin/auth/getuserinfo", params={"code": code})
        return OAuthIdentity(
            userid=str(data.get("userid", "") or data.get("UserId", "")),
            user_ticket=str(data.get("user_ticket", "")),
            openid=str(data.get("openid", "") or data.get("OpenId", "")),
            external_userid=str(data.get("external_userid", "")),
        )
