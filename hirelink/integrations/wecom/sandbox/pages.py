"""HTML of the sandbox's phone-like web page (zh-Hans). Plain HTML forms: pressing a card button works
without JavaScript; a small script only reloads the page when the state changes."""

from __future__ import annotations

import datetime as dt
import html
import re
import string
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .state import CHINA, SandboxState

_TEMPLATES = Path(__file__).parent / "templates"
_GROUP_STATUS = {0: "未发送", 1: "已发送", 2: "发送失败：客户不是好友", 3: "发送失败：客户今日已收到群发"}


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def hhmm(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp, CHINA).strftime("%H:%M")


def full_time(timestamp: float) -> str:
    return dt.datetime.fromtimestamp(timestamp, CHINA).strftime("%Y-%m-%d %H:%M")


def page(state: SandboxState, *, title: str, body: str, tab: str = "messages", back: str = "") -> str:
    template = string.Template((_TEMPLATES / "base.html").read_text(encoding="utf-8"))
    return template.substitute(
        title=esc(title),
        body=body,
        version=state.version,
        clock=hhmm(state.clock()),
        back=f'<a class="back" href="{esc(back)}" aria-label="返回">‹</a>' if back else '<span class="back"></span>',
        tab_messages="active" if tab == "messages" else "",
        tab_schedules="active" if tab == "schedules" else "",
        tab_log="active" if tab == "log" else "",
    )


def render_markdown(text: str) -> str:
    """The WeCom markdown subset: headings, bold, links, inline code, quotes, <font color=info|comment|warning>."""
    lines = []
    for raw in text.split("\n"):
        line = esc(raw)
        line = re.sub(
            r"&lt;font color=&quot;(info|comment|warning)&quot;&gt;(.*?)&lt;/font&gt;",
            r'<span class="font-\1">\2</span>',
            line,
        )
        line = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", line)
        line = re.sub(r"`([^`]+)`", r"<code>\1</code>", line)
        line = re.sub(
            r"\[([^\]]+)\]\((https?://[^)\s]+)\)", r'<a href="\2" target="_blank" rel="noopener">\1</a>', line
        )
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            level = min(len(heading.group(1)), 3)
            lines.append(f"<h{level}>{heading.group(2)}</h{level}>")
        elif line.startswith("&gt; "):
            lines.append(f"<blockquote>{line[5:]}</blockquote>")
        elif line.strip():
            lines.append(f"<p>{line}</p>")
    return "".join(lines)


def preview(message: dict[str, Any]) -> str:
    body = message.get("body", {})
    kind = message.get("msgtype")
    if kind == "template_card":
        return "[卡片] " + str(body.get("main_title", {}).get("title", ""))
    if kind == "schedule":
        return "[日程] " + str(body.get("summary", ""))
    if kind == "groupmsg_task":
        return "[群发任务] " + str(body.get("content", ""))
    return str(body.get("content", ""))[:60]


def chat_list(state: SandboxState) -> str:
    snapshot = state.snapshot()
    by_person: dict[str, list[dict[str, Any]]] = {}
    for message in snapshot["messages"]:
        by_person.setdefault(message["to"], []).append(message)
    parts: list[str] = []
    for kind, heading in (("staff", "同事（企业成员）"), ("external", "外部联系人 · 候选人（微信）")):
        people = [p for p in snapshot["people"] if p["kind"] == kind]
        people.sort(key=lambda p: -(by_person.get(p["id"], [{}])[-1].get("at", 0)))
        parts.append(f'<div class="section">{heading}</div>')
        for person in people:
            msgs = by_person.get(person["id"], [])
            last = msgs[-1] if msgs else None
            ext = '<span class="tag-ext">@微信</span>' if kind == "external" else ""
            title = f" · {esc(person['title'])}" if person.get("title") else ""
            parts.append(
                f'<a class="chat-row" href="/sandbox/chat/{quote(person["id"])}" data-person="{esc(person["id"])}">'
                f'<div class="avatar {kind}">{esc(person["name"][:1])}</div>'
                '<div class="chat-main"><div class="chat-top">'
                f'<span class="chat-name">{esc(person["name"])}{ext}<small style="color:#aaa">{title}</small></span>'
                f'<span class="chat-time">{hhmm(last["at"]) if last else ""}</span></div>'
                f'<div class="chat-preview">{esc(preview(last)) if last else "暂无消息"}'
                f"{f'<span class=badge>{len(msgs)}</span>' if msgs else ''}</div></div></a>"
            )
    return "".join(parts)


def _card(message: dict[str, Any], person_id: str) -> str:
    body = message["body"]
    out = [f'<div class="card" data-task-id="{esc(message.get("task_id", ""))}">']
    source = body.get("source", {}).get("desc")
    if source:
        out.append(f'<div class="source">{esc(source)}</div>')
    title = body.get("main_title", {})
    out.append(f'<div class="title">{esc(title.get("title", ""))}</div>')
    if title.get("desc"):
        out.append(f'<div class="desc">{esc(title["desc"])}</div>')
    if body.get("sub_title_text"):
        out.append(f'<div class="sub">{esc(body["sub_title_text"])}</div>')
    rows = body.get("horizontal_content_list") or []
    if rows:
        out.append(
            "<dl>"
            + "".join(f"<dt>{esc(r.get('keyname', ''))}</dt><dd>{esc(r.get('value', ''))}</dd>" for r in rows)
            + "</dl>"
        )
    action = body.get("card_action") or {}
    if action.get("url"):
        out.append(f'<a class="detail" href="{esc(action["url"])}" target="_blank" rel="noopener">查看详情 ›</a>')
    buttons = body.get("button_list") or []
    if message.get("replace_name"):
        out.append(f'<div class="done">{esc(message["replace_name"])}</div>')
    elif message.get("pressed_key"):
        pressed = next((b.get("text", "") for b in buttons if b.get("key") == message["pressed_key"]), "")
        status = message.get("callback_status")
        note = "等待应用确认…" if status == 200 else f"回调失败（HTTP {esc(status)}）"
        out.append(f'<div class="done">已选择：{esc(pressed)}</div><div class="pending">{note}</div>')
    else:
        out.append('<div class="buttons">')
        for button in buttons:
            out.append(
                '<form method="post" action="/sandbox/press">'
                f'<input type="hidden" name="message_id" value="{message["id"]}">'
                f'<input type="hidden" name="key" value="{esc(button.get("key", ""))}">'
                f'<input type="hidden" name="person" value="{esc(person_id)}">'
                f'<button class="style-{int(button.get("style", 1))}" type="submit">'
                f"{esc(button.get('text', ''))}</button>"
                "</form>"
            )
        out.append("</div>")
    out.append("</div>")
    return "".join(out)


def _bubble(message: dict[str, Any], person_id: str, state: SandboxState) -> str:
    kind = message.get("msgtype")
    body = message.get("body", {})
    if kind == "text":
        return f'<div class="bubble">{esc(body.get("content", ""))}</div>'
    if kind == "markdown":
        return f'<div class="bubble md">{render_markdown(str(body.get("content", "")))}</div>'
    if kind == "template_card":
        return _card(message, person_id)
    if kind == "schedule":
        attendees = "、".join(
            state.people.get(a["userid"], {}).get("name", a["userid"]) for a in body.get("attendees", [])
        )
        return (
            '<div class="card"><div class="source">日程邀请</div>'
            f'<div class="title">{esc(body.get("summary", ""))}</div>'
            f"<dl><dt>时间</dt><dd>{full_time(body.get('start_time', 0))} – {hhmm(body.get('end_time', 0))}</dd>"
            f"<dt>地点</dt><dd>{esc(body.get('location', '') or '—')}</dd>"
            f"<dt>参与人</dt><dd>{esc(attendees)}</dd></dl>"
            f'<div class="sub">{esc(body.get("description", ""))}</div></div>'
        )
    if kind == "groupmsg_task":
        task = state.group_tasks.get(body.get("msgid", ""), {})
        action = (
            '<div class="done">已发送</div>'
            if task.get("confirmed")
            else '<form method="post" action="/sandbox/confirm"><input type="hidden" name="msgid" '
            f'value="{esc(body.get("msgid", ""))}"><input type="hidden" name="person" value="{esc(person_id)}">'
            '<div class="buttons"><button class="style-1" type="submit">确认发送</button></div></form>'
        )
        return (
            '<div class="card"><div class="source">客户联系 · 群发助手</div>'
            f'<div class="title">待发送给 {esc(body.get("count", 0))} 位客户</div>'
            f'<div class="sub">{esc(body.get("content", ""))}</div>{action}</div>'
        )
    return f'<div class="bubble">{esc(preview(message))}</div>'


def conversation(state: SandboxState, person_id: str) -> tuple[str, str]:
    person = state.people.get(person_id)
    if person is None:
        return "未找到", '<div class="empty">没有这个联系人</div>'
    messages = state.inbox(person_id)
    parts: list[str] = []
    last_day = ""
    for message in messages:
        day = dt.datetime.fromtimestamp(message["at"], CHINA).strftime("%m月%d日")
        if day != last_day:
            parts.append(f'<div class="system">{day}</div>')
            last_day = day
        mine = message.get("channel") == "kf_out"
        sender = str(message.get("sender", ""))
        avatar_kind = "external" if mine else ("app" if message.get("channel") == "app" else "staff")
        parts.append(
            f'<div class="msg{" mine" if mine else ""}" data-message-id="{message["id"]}">'
            f'<div class="avatar {avatar_kind}">{esc(sender[:1])}</div>'
            f'<div class="msg-body"><div class="msg-meta">{esc(sender)} {hhmm(message["at"])}</div>'
            f"{_bubble(message, person_id, state)}</div></div>"
        )
    if not messages:
        parts.append('<div class="empty">暂无消息</div>')
    if person["kind"] == "external":
        parts.append(
            '<form class="kf-form" method="post" action="/sandbox/kf">'
            f'<input type="hidden" name="person" value="{esc(person_id)}">'
            '<input name="content" placeholder="给招聘客服发消息（打开 48 小时会话窗口）" required>'
            '<button type="submit">发送</button></form>'
        )
    return str(person["name"]), "".join(parts)


def schedules(state: SandboxState) -> str:
    items = state.snapshot()["schedules"]
    if not items:
        return '<div class="empty">暂无日程</div>'
    parts = []
    for item in reversed(items):
        attendees = "、".join(a["userid"] for a in item.get("attendees", []))
        parts.append(
            f'<div class="list-item"><strong>{esc(item.get("summary", ""))}</strong>'
            f'<div class="k">{full_time(item.get("start_time", 0))} – {hhmm(item.get("end_time", 0))}'
            f' · {esc(item.get("location", ""))}</div><div class="k">组织者 {esc(item.get("organizer", ""))}'
            f" · 参与人 {esc(attendees)}</div></div>"
        )
    return "".join(parts)


def callback_log(state: SandboxState, notice: str = "") -> str:
    snapshot = state.snapshot()
    parts = [
        '<form class="settings" method="post" action="/sandbox/settings">'
        '<div class="k">应用回调地址（接收消息服务器 URL）</div>'
        f'<input name="callback_url" value="{esc(snapshot["callback_url"])}" placeholder="http://127.0.0.1:8000/wecom/callback">'
        '<button type="submit">保存并验证 URL</button></form>'
    ]
    if notice:
        parts.append(f'<div class="system">{esc(notice)}</div>')
    for record in reversed(snapshot["callbacks"]):
        ok = record.get("status") == 200
        parts.append(
            f'<div class="list-item"><span class="{"ok" if ok else "fail"}">{"✓" if ok else "✗"} '
            f'{esc(record.get("kind", ""))}</span> <span class="k">{full_time(record.get("at", 0))} '
            f"HTTP {esc(record.get('status', ''))} {esc(record.get('error', ''))}</span>"
            f"<pre>{esc(record.get('xml', ''))}</pre></div>"
        )
    if not snapshot["callbacks"]:
        parts.append('<div class="empty">还没有回调</div>')
    return "".join(parts)


def oauth_page(state: SandboxState, params: dict[str, str]) -> str:
    snapshot = state.snapshot()
    hidden = "".join(
        f'<input type="hidden" name="{esc(k)}" value="{esc(params.get(k, ""))}">'
        for k in ("appid", "redirect_uri", "state", "scope", "agentid")
    )
    options = "".join(
        f'<label><input type="radio" name="person" value="{esc(p["id"])}"{" checked" if i == 0 else ""}>'
        f'<div class="avatar {p["kind"]}">{esc(p["name"][:1])}</div><div>{esc(p["name"])}'
        f'<div class="k">{esc(p["id"])} · {"企业成员" if p["kind"] == "staff" else "外部联系人"}</div></div></label>'
        for i, p in enumerate(snapshot["people"])
    )
    return (
        '<form class="oauth" method="post" action="/connect/oauth2/authorize">'
        "<p>应用 <strong>HireLink 招聘</strong> 请求获取你的身份信息。请选择以谁的身份进入：</p>"
        f'{hidden}{options}<button type="submit">确认登录</button></form>'
    )
