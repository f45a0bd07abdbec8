"""Typed builders for the JSON bodies of message/send and message/update_template_card.

Field names follow the WeCom documentation (发送应用消息 / 模板卡片消息 / 更新模版卡片消息).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

MAX_USERS = 1000
MAX_PARTIES = 100
MAX_TAGS = 100
MAX_TEXT_BYTES = 2048
MAX_MARKDOWN_BYTES = 2048
MAX_BUTTONS = 6
_TASK_ID_RE = re.compile(r"^[0-9A-Za-z_\-@]{1,128}$")


@dataclass(frozen=True)
class Recipients:
    users: Sequence[str] = ()
    parties: Sequence[str] = ()
    tags: Sequence[str] = ()

    def __post_init__(self) -> None:
        if not (self.users or self.parties or self.tags):
            raise ValueError("a message needs at least one recipient")
        if len(self.users) > MAX_USERS or len(self.parties) > MAX_PARTIES or len(self.tags) > MAX_TAGS:
            raise ValueError("too many recipients for one message/send call (1000 users, 100 parties, 100 tags)")

    def to_dict(self) -> dict[str, str]:
        body: dict[str, str] = {}
        if self.users:
            body["touser"] = "|".join(self.users)
        if self.parties:
            body["toparty"] = "|".join(self.parties)
        if self.tags:
            body["totag"] = "|".join(self.tags)
        return body


@dataclass(frozen=True)
class CardButton:
    """A button of a ``button_interaction`` card. ``style`` 1–4 (1 = primary blue ... 4 = red)."""

    text: str
    key: str
    style: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "style": self.style, "key": self.key}


@dataclass(frozen=True)
class ButtonInteractionCard:
    """按钮交互型模板卡片. Pressing a button sends a ``template_card_event`` callback with the key."""

    task_id: str
    title: str
    buttons: Sequence[CardButton]
    description: str = ""
    sub_title: str = ""
    fields: Sequence[tuple[str, str]] = ()
    url: str = ""
    source: str = "HireLink"
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not _TASK_ID_RE.match(self.task_id):
            raise ValueError("task_id: 1-128 characters of [0-9A-Za-z_-@], unique per app")
        if not 1 <= len(self.buttons) <= MAX_BUTTONS:
            raise ValueError("a button_interaction card has 1 to 6 buttons")
        if len({b.key for b in self.buttons}) != len(self.buttons):
            raise ValueError("button keys must be unique")

    def to_dict(self) -> dict[str, Any]:
        card: dict[str, Any] = {
            "card_type": "button_interaction",
            "source": {"desc": self.source, "desc_color": 0},
            "main_title": {"title": self.title, "desc": self.description},
            "task_id": self.task_id,
            "button_list": [b.to_dict() for b in self.buttons],
        }
        if self.sub_title:
            card["sub_title_text"] = self.sub_title
        if self.fields:
            card["horizontal_content_list"] = [{"keyname": k, "value": v} for k, v in self.fields]
        if self.url:
            card["card_action"] = {"type": 1, "url": self.url}
        card.update(self.extra)
        return card


def _check_bytes(content: str, limit: int, what: str) -> None:
    if not content:
        raise ValueError(f"{what} content is empty")
    if len(content.encode("utf-8")) > limit:
        raise ValueError(f"{what} content exceeds {limit} bytes")


def text_message(recipients: Recipients, *, agentid: int, content: str, safe: bool = False) -> dict[str, Any]:
    _check_bytes(content, MAX_TEXT_BYTES, "text")
    return {
        **recipients.to_dict(),
        "msgtype": "text",
        "agentid": agentid,
        "text": {"content": content},
        "safe": 1 if safe else 0,
    }


def markdown_message(recipients: Recipients, *, agentid: int, content: str) -> dict[str, Any]:
    _check_bytes(content, MAX_MARKDOWN_BYTES, "markdown")
    return {**recipients.to_dict(), "msgtype": "markdown", "agentid": agentid, "markdown": {"content": content}}


def template_card_message(recipients: Recipients, *, agentid: int, card: ButtonInteractionCard) -> dict[str, Any]:
    return {
        **recipients.to_dict(),
        "msgtype": "template_card",
        "agentid": agentid,
        "template_card": card.to_dict(),
    }


def with_duplicate_check(payload: dict[str, Any], *, interval_seconds: int = 1800) -> dict[str, Any]:
    """Ask WeCom to drop an identical message sent again within ``interval_seconds`` (max 4 h)."""
    return {**payload, "enable_duplicate_check": 1, "duplicate_check_interval": min(interval_seconds, 14400)}
