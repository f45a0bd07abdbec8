"""In-memory state and behaviour of the WeCom sandbox (no Django).

Everything the HTTP layer does goes through ``SandboxState`` under one lock, so the API, the web page and
tests see one consistent world. State is plain JSON-able dicts; with ``data_file`` it survives restarts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import httpx

from ..config import (
    SANDBOX_AGENT_ID,
    SANDBOX_CORP_ID,
    SANDBOX_ENCODING_AES_KEY,
    SANDBOX_OPEN_KFID,
    SANDBOX_SECRET,
    SANDBOX_TOKEN,
)
from ..crypto import WeComCrypto
from ..kf import KF_MAX_REPLIES, KF_WINDOW_SECONDS

CHINA = dt.timezone(dt.timedelta(hours=8))
OAUTH_CODE_TTL = 300
RESPONSE_CODE_TTL = 72 * 3600
CALLBACK_TIMEOUT_SECONDS = 5.0  # WeCom gives the app 5 s to answer a callback

DEFAULT_PEOPLE: list[dict[str, str]] = [
    {"id": "zhangwei", "name": "张伟", "kind": "staff", "title": "招聘专员 HR"},
    {"id": "lina", "name": "李娜", "kind": "staff", "title": "用人经理"},
    {"id": "wangqiang", "name": "王强", "kind": "staff", "title": "面试官"},
    {"id": "wmcandidate001", "name": "陈晨", "kind": "external", "title": "候选人（微信）"},
]


@dataclass
class SandboxConfig:
    corpid: str = SANDBOX_CORP_ID
    agentid: int = SANDBOX_AGENT_ID
    secret: str = SANDBOX_SECRET
    token: str = SANDBOX_TOKEN
    encoding_aes_key: str = SANDBOX_ENCODING_AES_KEY
    callback_url: str = ""
    open_kfid: str = SANDBOX_OPEN_KFID
    app_name: str = "HireLink 招聘"
    token_ttl_seconds: int = 7200
    # Recipients not in the directory are created on first message (demo); False: they are invalid.
    auto_register: bool = True
    # 企业群发 needs the sender to confirm in WeCom; False delivers at once (the demo's default).
    require_confirm: bool = False
    # How many 群发 messages one external contact may receive per day from the corp.
    external_daily_limit: int = 1
    data_file: str = ""
    people: list[dict[str, str]] = field(default_factory=lambda: [dict(p) for p in DEFAULT_PEOPLE])


class SandboxApiError(Exception):
    def __init__(self, errcode: int, errmsg: str, **extra: Any) -> None:
        super().__init__(errmsg)
        self.errcode = errcode
        self.errmsg = errmsg
        self.extra = extra

    def payload(self) -> dict[str, Any]:
        return {"errcode": self.errcode, "errmsg": self.errmsg, **self.extra}


def _split(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [p for p in str(value).split("|") if p]


class SandboxState:
    def __init__(self, config: SandboxConfig, *, clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.clock = clock
        self.lock = threading.RLock()
        self.crypto = WeComCrypto(
            token=config.token, encoding_aes_key=config.encoding_aes_key, receive_id=config.corpid
        )
        self.reset()
        if config.data_file and Path(config.data_file).exists():
            self._load(Path(config.data_file))

    # ------------------------------------------------------------------ bookkeeping
    def reset(self) -> None:
        with getattr(self, "lock", threading.RLock()):
            self.people: dict[str, dict[str, str]] = {p["id"]: dict(p) for p in self.config.people}
            self.messages: list[dict[str, Any]] = []
            self.tokens: dict[str, float] = {}
            self.faults: dict[str, int] = {}
            self.out_of_scope: set[str] = set()
            self.requests: list[dict[str, Any]] = []
            self.callbacks: list[dict[str, Any]] = []
            self.task_ids: set[str] = set()
            self.response_codes: dict[str, dict[str, Any]] = {}
            self.group_tasks: dict[str, dict[str, Any]] = {}
            self.group_received: dict[str, int] = {}
            self.kf_sessions: dict[str, list[float]] = {}
            self.kf_inbound: list[dict[str, Any]] = []
            self.schedules: list[dict[str, Any]] = []
            self.oauth_codes: dict[str, dict[str, Any]] = {}
            self.dedupe: dict[str, float] = {}
            self.version = 0

    def _touch(self) -> None:
        self.version += 1
        if self.config.data_file:
            self._save(Path(self.config.data_file))

    def _save(self, path: Path) -> None:
        data = {
            "people": self.people,
            "messages": self.messages,
            "schedules": self.schedules,
            "group_tasks": self.group_tasks,
            "group_received": self.group_received,
            "kf_sessions": self.kf_sessions,
            "kf_inbound": self.kf_inbound,
            "task_ids": sorted(self.task_ids),
            "response_codes": self.response_codes,
        }
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)

    def _load(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.people.update(data.get("people", {}))
        self.messages = data.get("messages", [])
        self.schedules = data.get("schedules", [])
        self.group_tasks = data.get("group_tasks", {})
        self.group_received = data.get("group_received", {})
        self.kf_sessions = data.get("kf_sessions", {})
        self.kf_inbound = data.get("kf_inbound", [])
        self.task_ids = set(data.get("task_ids", []))
        self.response_codes = data.get("response_codes", {})

    def log_request(self, method: str, path: str, errcode: int) -> None:
        with self.lock:
            self.requests.append({"method": method, "path": path, "errcode": errcode, "at": self.clock()})
            del self.requests[:-500]

    def count_requests(self, path: str, errcode: int | None = None) -> int:
        with self.lock:
            return sum(1 for r in self.requests if r["path"] == path and (errcode is None or r["errcode"] == errcode))

    # ------------------------------------------------------------------ directory
    def add_person(self, person_id: str, *, name: str = "", kind: str = "staff", title: str = "") -> dict[str, str]:
        if kind not in ("staff", "external"):
            raise SandboxApiError(40003, "kind must be staff or external")
        with self.lock:
            person = self.people.setdefault(person_id, {"id": person_id, "name": name or person_id, "kind": kind})
            if name:
                person["name"] = name
            if title:
                person["title"] = title
            self._touch()
            return dict(person)

    def _resolve(self, person_id: str, kind: str) -> bool:
        """Is ``person_id`` a reachable recipient of ``kind``? Creates it in auto-register mode."""
        if person_id in self.out_of_scope:
            return False
        person = self.people.get(person_id)
        if person is None:
            if not self.config.auto_register:
                return False
            self.people[person_id] = {"id": person_id, "name": person_id, "kind": kind}
            return True
        return person["kind"] == kind

    # ------------------------------------------------------------------ faults
    def inject_fault(self, kind: str, *, count: int = 1, userids: list[str] | None = None) -> None:
        with self.lock:
            if kind == "expire_tokens":
                for token in self.tokens:
                    self.tokens[token] = 0.0
            elif kind == "out_of_scope":
                self.out_of_scope.update(userids or [])
            elif kind in ("busy", "throttle", "invalid_token", "invalid_credential"):
                self.faults[kind] = self.faults.get(kind, 0) + count
            elif kind == "clear":
                self.faults.clear()
                self.out_of_scope.clear()
            else:
                raise SandboxApiError(40058, f"unknown fault {kind}")

    def _take_fault(self) -> SandboxApiError | None:
        for kind, (errcode, errmsg) in {
            "busy": (-1, "system busy"),
            "throttle": (45009, "api freq out of limit"),
            "invalid_token": (40014, "invalid access_token"),
            "invalid_credential": (40001, "invalid credential"),
        }.items():
            if self.faults.get(kind, 0) > 0:
                self.faults[kind] -= 1
                return SandboxApiError(errcode, errmsg)
        return None

    # ------------------------------------------------------------------ tokens
    def gettoken(self, corpid: str, corpsecret: str) -> dict[str, Any]:
        with self.lock:
            if corpid != self.config.corpid:
                raise SandboxApiError(40013, "invalid corpid")
            if corpsecret != self.config.secret:
                raise SandboxApiError(40001, "invalid credential")
            token = "sbx_" + secrets.token_urlsafe(24)
            self.tokens[token] = self.clock() + self.config.token_ttl_seconds
            return {"errcode": 0, "errmsg": "ok", "access_token": token, "expires_in": self.config.token_ttl_seconds}

    def check_token(self, token: str) -> None:
        """Token checks first, then injected faults, like a real API front end."""
        with self.lock:
            if not token:
                raise SandboxApiError(41001, "access_token missing")
            expires = self.tokens.get(token)
            if expires is None:
                raise SandboxApiError(40014, "invalid access_token")
            if expires <= self.clock():
                raise SandboxApiError(42001, "access_token expired")
            fault = self._take_fault()
            if fault is not None:
                raise fault

    # ------------------------------------------------------------------ message/send
    def _deliver(self, to: str, **message: Any) -> dict[str, Any]:
        entry = {"id": len(self.messages) + 1, "to": to, "at": self.clock(), **message}
        self.messages.append(entry)
        return entry

    def _duplicate(self, payload: dict[str, Any], user: str) -> bool:
        if not payload.get("enable_duplicate_check"):
            return False
        interval = int(payload.get("duplicate_check_interval", 1800))
        body = json.dumps({k: payload.get(k) for k in ("msgtype", "text", "markdown", "template_card")}, sort_keys=True)
        key = hashlib.sha256(f"{user}|{body}".encode()).hexdigest()
        now = self.clock()
        if self.dedupe.get(key, 0.0) > now:
            return True
        self.dedupe[key] = now + interval
        return False

    def message_send(self, payload: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            if int(payload.get("agentid", -1)) != self.config.agentid:
                raise SandboxApiError(40056, "invalid agentid")
            msgtype = payload.get("msgtype")
            if msgtype not in ("text", "markdown", "template_card"):
                raise SandboxApiError(40008, f"invalid message type {msgtype}")
            body = payload.get(msgtype)
            if not isinstance(body, dict):
                raise SandboxApiError(40002, f"missing {msgtype} body")
            if msgtype in ("text", "markdown") and not body.get("content"):
                raise SandboxApiError(41016, "content missing")
            task_id = ""
            if msgtype == "template_card":
                task_id = str(body.get("task_id", ""))
                if body.get("card_type") == "button_interaction":
                    if not task_id or task_id in self.task_ids or len(task_id) > 128:
                        raise SandboxApiError(42014, "taskid has existed or empty or exceed max len")
                    if not body.get("button_list"):
                        raise SandboxApiError(40002, "button_list missing")
            raw_users = str(payload.get("touser", ""))
            users = list(self.people) if raw_users == "@all" else _split(raw_users)
            valid = [u for u in users if self._resolve(u, "staff")]
            invalid_users = [u.lower() for u in users if u not in valid]
            invalid_parties = _split(payload.get("toparty"))  # departments are not emulated
            invalid_tags = _split(payload.get("totag"))  # tags are not emulated
            if not valid:
                raise SandboxApiError(
                    81013,
                    "user & party & tag all invalid",
                    invaliduser="|".join(invalid_users),
                    invalidparty="|".join(invalid_parties),
                    invalidtag="|".join(invalid_tags),
                )
            msgid = secrets.token_hex(12)
            response_code = ""
            if msgtype == "template_card" and body.get("card_type") == "button_interaction":
                self.task_ids.add(task_id)
                response_code = self._new_response_code(task_id, valid)
            for user in valid:
                if self._duplicate(payload, user):
                    continue
                self._deliver(
                    user,
                    channel="app",
                    sender=self.config.app_name,
                    msgtype=msgtype,
                    body=body,
                    msgid=msgid,
                    task_id=task_id,
                    pressed_key="",
                    replace_name="",
                )
            self._touch()
            answer: dict[str, Any] = {
                "errcode": 0,
                "errmsg": "ok",
                "invaliduser": "|".join(invalid_users),
                "invalidparty": "|".join(invalid_parties),
                "invalidtag": "|".join(invalid_tags),
                "unlicenseduser": "",
                "msgid": msgid,
            }
            if response_code:
                answer["response_code"] = response_code
            return answer

    def _new_response_code(self, task_id: str, users: list[str]) -> str:
        code = secrets.token_urlsafe(24)
        self.response_codes[code] = {
            "task_id": task_id,
            "users": users,
            "used": False,
            "expires": self.clock() + RESPONSE_CODE_TTL,
        }
        return code

    def update_template_card(self, payload: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            if int(payload.get("agentid", -1)) != self.config.agentid:
                raise SandboxApiError(40056, "invalid agentid")
            code = str(payload.get("response_code", ""))
            entry = self.response_codes.get(code)
            if entry is None or entry["used"] or entry["expires"] <= self.clock():
                raise SandboxApiError(40140, "invalid response_code")
            button = payload.get("button") or {}
            replace_name = str(button.get("replace_name", ""))
            if not replace_name:
                raise SandboxApiError(40002, "button.replace_name missing")
            entry["used"] = True
            targets = set(entry["users"]) if payload.get("atall") else set(_split(payload.get("userids")))
            updated = 0
            for message in self.messages:
                if message.get("task_id") == entry["task_id"] and message["to"] in targets:
                    message["replace_name"] = replace_name
                    updated += 1
            self._touch()
            return {"errcode": 0, "errmsg": "ok", "invaliduser": "", "updated": updated}

    # ------------------------------------------------------------------ card button → callback
    def press_button(self, message_id: int, key: str) -> dict[str, Any]:
        with self.lock:
            message = next((m for m in self.messages if m["id"] == message_id), None)
            if message is None or message.get("msgtype") != "template_card":
                raise SandboxApiError(40002, "no such card")
            keys = [b.get("key") for b in message["body"].get("button_list", [])]
            if key not in keys:
                raise SandboxApiError(40002, "no such button")
            if message.get("replace_name") or message.get("pressed_key"):
                raise SandboxApiError(40002, "card already answered")
            message["pressed_key"] = key
            response_code = self._new_response_code(message["task_id"], [message["to"]])
            now = int(self.clock())
            inner = (
                "<xml>"
                f"<ToUserName><![CDATA[{escape(self.config.corpid)}]]></ToUserName>"
                f"<FromUserName><![CDATA[{escape(message['to'])}]]></FromUserName>"
                f"<CreateTime>{now}</CreateTime>"
                "<MsgType><![CDATA[event]]></MsgType>"
                "<Event><![CDATA[template_card_event]]></Event>"
                f"<EventKey><![CDATA[{escape(key)}]]></EventKey>"
                f"<TaskId><![CDATA[{escape(message['task_id'])}]]></TaskId>"
                "<CardType><![CDATA[button_interaction]]></CardType>"
                f"<ResponseCode><![CDATA[{response_code}]]></ResponseCode>"
                f"<AgentID>{self.config.agentid}</AgentID>"
                "</xml>"
            )
            self._touch()
        # The HTTP call happens outside the lock: the app may call the sandbox back while answering.
        result = self.send_callback(inner, kind="template_card_event")
        with self.lock:
            message["callback_status"] = result["status"]
        return result

    def send_callback(self, inner_xml: str, *, kind: str) -> dict[str, Any]:
        url = self.config.callback_url
        record: dict[str, Any] = {"kind": kind, "url": url, "at": self.clock(), "xml": inner_xml}
        if not url:
            record.update(status=0, body="", error="未配置回调地址 (callback URL not configured)")
        else:
            timestamp = str(int(self.clock()))
            nonce = str(secrets.randbelow(10**10))
            reply = self.crypto.encrypt_message(inner_xml, nonce=nonce, timestamp=timestamp)
            envelope = (
                "<xml>"
                f"<ToUserName><![CDATA[{escape(self.config.corpid)}]]></ToUserName>"
                f"<Encrypt><![CDATA[{reply.encrypt}]]></Encrypt>"
                f"<AgentID><![CDATA[{self.config.agentid}]]></AgentID>"
                "</xml>"
            )
            params = {"msg_signature": reply.msg_signature, "timestamp": timestamp, "nonce": nonce}
            try:
                response = httpx.post(
                    url,
                    params=params,
                    content=envelope.encode("utf-8"),
                    headers={"Content-Type": "text/xml; charset=utf-8"},
                    timeout=CALLBACK_TIMEOUT_SECONDS,
                )
                record.update(status=response.status_code, body=response.text[:500], error="")
            except httpx.HTTPError as exc:
                record.update(status=0, body="", error=f"{type(exc).__name__}: {exc}")
        with self.lock:
            self.callbacks.append(record)
            del self.callbacks[:-200]
            self._touch()
        return record

    def verify_callback_url(self) -> dict[str, Any]:
        """The GET handshake WeCom performs when an admin saves the callback URL."""
        url = self.config.callback_url
        if not url:
            return {"ok": False, "error": "未配置回调地址"}
        echo = str(secrets.randbelow(10**18))
        echostr = self.crypto.encrypt(echo)
        timestamp = str(int(self.clock()))
        nonce = str(secrets.randbelow(10**10))
        params = {
            "msg_signature": self.crypto.signature(timestamp, nonce, echostr),
            "timestamp": timestamp,
            "nonce": nonce,
            "echostr": echostr,
        }
        try:
            response = httpx.get(url, params=params, timeout=CALLBACK_TIMEOUT_SECONDS)
        except httpx.HTTPError as exc:
            return {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        return {"ok": response.status_code == 200 and response.text.strip() == echo, "status": response.status_code}

    # ------------------------------------------------------------------ 客户联系: 企业群发
    def add_msg_template(self, payload: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            if payload.get("chat_type", "single") != "single":
                raise SandboxApiError(40058, "only chat_type=single is emulated")
            sender = str(payload.get("sender", ""))
            externals = [str(e) for e in payload.get("external_userid", [])]
            content = str((payload.get("text") or {}).get("content", ""))
            if not externals or len(externals) > 10000:
                raise SandboxApiError(40058, "external_userid must list 1 to 10000 contacts")
            if not content and not payload.get("attachments"):
                raise SandboxApiError(41016, "text.content or attachments required")
            if not sender or not self._resolve(sender, "staff"):
                raise SandboxApiError(40003, "invalid sender userid")
            fail_list = [e for e in externals if not self._known_external(e)]
            targets = [e for e in externals if e not in fail_list]
            msgid = "msg" + secrets.token_hex(10)
            task = {
                "msgid": msgid,
                "sender": sender,
                "content": content,
                "created_at": self.clock(),
                "confirmed": False,
                "status": {e: {"status": 0, "send_time": None} for e in targets},
            }
            self.group_tasks[msgid] = task
            if self.config.require_confirm:
                self._deliver(
                    sender,
                    channel="groupmsg_task",
                    sender="客户联系·群发助手",
                    msgtype="groupmsg_task",
                    body={"msgid": msgid, "content": content, "count": len(targets)},
                )
            else:
                self._confirm_group_task(task)
            self._touch()
            return {"errcode": 0, "errmsg": "ok", "fail_list": fail_list, "msgid": msgid}

    def _known_external(self, external_userid: str) -> bool:
        if external_userid in self.people:
            return self.people[external_userid]["kind"] == "external"
        return self._resolve(external_userid, "external")

    def _confirm_group_task(self, task: dict[str, Any]) -> None:
        task["confirmed"] = True
        today = dt.datetime.fromtimestamp(self.clock(), CHINA).date().isoformat()
        sender_name = self.people.get(task["sender"], {}).get("name", task["sender"])
        for external, row in task["status"].items():
            if external in self.out_of_scope:
                row["status"] = 2  # 因客户不是好友导致发送失败
                continue
            key = f"{external}|{today}"
            if self.group_received.get(key, 0) >= self.config.external_daily_limit:
                row["status"] = 3  # 因客户已经收到其他群发消息导致发送失败
                continue
            self.group_received[key] = self.group_received.get(key, 0) + 1
            row["status"] = 1
            row["send_time"] = int(self.clock())
            self._deliver(
                external,
                channel="external",
                sender=sender_name,
                msgtype="text",
                body={"content": task["content"]},
                msgid=task["msgid"],
            )

    def confirm_group_task(self, msgid: str) -> dict[str, Any]:
        with self.lock:
            task = self.group_tasks.get(msgid)
            if task is None:
                raise SandboxApiError(41063, "msgid not found")
            if not task["confirmed"]:
                self._confirm_group_task(task)
                self._touch()
            return {"errcode": 0, "errmsg": "ok"}

    def get_groupmsg_send_result(self, payload: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            task = self.group_tasks.get(str(payload.get("msgid", "")))
            if task is None:
                raise SandboxApiError(41063, "msgid not found")
            if str(payload.get("userid", "")) != task["sender"]:
                return {"errcode": 0, "errmsg": "ok", "send_list": [], "next_cursor": ""}
            limit = min(max(int(payload.get("limit", 500)), 1), 1000)
            start = int(payload.get("cursor") or 0)
            rows = [
                {
                    "external_userid": e,
                    "userid": task["sender"],
                    "status": r["status"],
                    **({"send_time": r["send_time"]} if r["send_time"] else {}),
                }
                for e, r in task["status"].items()
            ]
            page = rows[start : start + limit]
            next_cursor = str(start + limit) if start + limit < len(rows) else ""
            return {"errcode": 0, "errmsg": "ok", "next_cursor": next_cursor, "send_list": page}

    # ------------------------------------------------------------------ 微信客服
    def _kf_key(self, open_kfid: str, external_userid: str) -> str:
        return f"{open_kfid}|{external_userid}"

    def kf_customer_message(self, external_userid: str, content: str) -> dict[str, Any]:
        """The candidate writes to the 微信客服 account: opens a 48 h / 5-reply window, calls back the app."""
        with self.lock:
            if not content:
                raise SandboxApiError(41016, "content missing")
            self._resolve(external_userid, "external")
            now = self.clock()
            self.kf_sessions[self._kf_key(self.config.open_kfid, external_userid)] = [now, 0]
            msg = {
                "msgid": secrets.token_hex(8),
                "open_kfid": self.config.open_kfid,
                "external_userid": external_userid,
                "send_time": int(now),
                "origin": 3,
                "msgtype": "text",
                "text": {"content": content},
            }
            self.kf_inbound.append(msg)
            self._deliver(external_userid, channel="kf_out", sender="我", msgtype="text", body={"content": content})
            sync_token = secrets.token_hex(8)
            inner = (
                "<xml>"
                f"<ToUserName><![CDATA[{escape(self.config.corpid)}]]></ToUserName>"
                f"<CreateTime>{int(now)}</CreateTime>"
                "<MsgType><![CDATA[event]]></MsgType>"
                "<Event><![CDATA[kf_msg_or_event]]></Event>"
                f"<Token><![CDATA[{sync_token}]]></Token>"
                f"<OpenKfId><![CDATA[{escape(self.config.open_kfid)}]]></OpenKfId>"
                "</xml>"
            )
            self._touch()
        return self.send_callback(inner, kind="kf_msg_or_event")

    def kf_sync_msg(self, payload: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            kfid = str(payload.get("open_kfid", self.config.open_kfid))
            if kfid != self.config.open_kfid:
                raise SandboxApiError(95000, "invalid open_kfid")
            start = int(payload.get("cursor") or 0)
            limit = min(max(int(payload.get("limit", 1000)), 1), 1000)
            page = self.kf_inbound[start : start + limit]
            end = start + len(page)
            return {
                "errcode": 0,
                "errmsg": "ok",
                "next_cursor": str(end),
                "has_more": 1 if end < len(self.kf_inbound) else 0,
                "msg_list": page,
            }

    def kf_send_msg(self, payload: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            kfid = str(payload.get("open_kfid", ""))
            external = str(payload.get("touser", ""))
            if kfid != self.config.open_kfid:
                raise SandboxApiError(95000, "invalid open_kfid")
            if payload.get("msgtype") != "text" or not (payload.get("text") or {}).get("content"):
                raise SandboxApiError(40008, "only text messages are emulated")
            session = self.kf_sessions.get(self._kf_key(kfid, external))
            now = self.clock()
            if session is None or now - session[0] > KF_WINDOW_SECONDS or session[1] >= KF_MAX_REPLIES:
                raise SandboxApiError(95018, "send msg session status invalid")
            session[1] += 1
            msgid = str(payload.get("msgid") or secrets.token_hex(8))
            self._deliver(
                external,
                channel="kf",
                sender="招聘客服",
                msgtype="text",
                body={"content": payload["text"]["content"]},
                msgid=msgid,
            )
            self._touch()
            return {"errcode": 0, "errmsg": "ok", "msgid": msgid}

    # ------------------------------------------------------------------ 日程
    def schedule_add(self, payload: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            schedule = payload.get("schedule") or {}
            start, end = int(schedule.get("start_time", 0)), int(schedule.get("end_time", 0))
            if not start or end <= start:
                raise SandboxApiError(40058, "invalid start_time/end_time")
            attendees = [str(a.get("userid", "")) for a in schedule.get("attendees", [])]
            schedule_id = "sch" + secrets.token_hex(10)
            entry = {"schedule_id": schedule_id, **schedule, "attendees": [{"userid": a} for a in attendees]}
            self.schedules.append(entry)
            for person in {str(schedule.get("organizer", "")), *attendees} - {""}:
                if self._resolve(person, "staff"):
                    self._deliver(person, channel="schedule", sender="日程", msgtype="schedule", body=entry)
            self._touch()
            return {"errcode": 0, "errmsg": "ok", "schedule_id": schedule_id}

    # ------------------------------------------------------------------ OAuth2
    def oauth_issue_code(self, person_id: str) -> str:
        with self.lock:
            if person_id not in self.people:
                raise SandboxApiError(40003, "invalid userid")
            code = secrets.token_urlsafe(24)
            self.oauth_codes[code] = {"person": person_id, "expires": self.clock() + OAUTH_CODE_TTL}
            return code

    def oauth_getuserinfo(self, code: str) -> dict[str, Any]:
        with self.lock:
            entry = self.oauth_codes.pop(code, None)  # single use
            if entry is None or entry["expires"] <= self.clock():
                raise SandboxApiError(40029, "invalid code")
            person = self.people[entry["person"]]
            if person["kind"] == "staff":
                return {"errcode": 0, "errmsg": "ok", "userid": person["id"], "user_ticket": secrets.token_urlsafe(16)}
            openid = "o" + hashlib.sha256(person["id"].encode()).hexdigest()[:27]
            return {"errcode": 0, "errmsg": "ok", "openid": openid, "external_userid": person["id"]}

    # ------------------------------------------------------------------ views for the page / tests
    def inbox(self, person_id: str) -> list[dict[str, Any]]:
        with self.lock:
            return [dict(m) for m in self.messages if m["to"] == person_id]

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            return {
                "people": list(self.people.values()),
                "messages": [dict(m) for m in self.messages],
                "schedules": list(self.schedules),
                "callbacks": list(self.callbacks),
                "group_tasks": dict(self.group_tasks),
                "requests": list(self.requests),
                "version": self.version,
                "callback_url": self.config.callback_url,
            }
