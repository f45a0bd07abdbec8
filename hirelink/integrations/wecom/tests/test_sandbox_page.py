"""The sandbox's phone page and control API, over real HTTP."""

from __future__ import annotations

import httpx

from hirelink.integrations.wecom import ButtonInteractionCard, CardButton, MemoryReplayGuard, Recipients, parse_callback
from hirelink.integrations.wecom.sandbox.pages import render_markdown


def browser() -> httpx.Client:
    return httpx.Client(trust_env=False, follow_redirects=False)


def test_chat_list_shows_staff_and_candidates_in_chinese(sandbox, client):
    client.send_text(to=Recipients(users=["zhangwei"]), content="新简历：陈晨")
    with browser() as web:
        page = web.get(f"{sandbox.url}/sandbox/")
    assert page.status_code == 200
    assert '<html lang="zh-Hans">' in page.text
    assert "同事（企业成员）" in page.text
    assert "外部联系人 · 候选人（微信）" in page.text
    assert "新简历：陈晨" in page.text


def test_pressing_a_card_button_on_the_page_calls_back_the_app(sandbox, client, receiver):
    # given a card in the HR's conversation
    sandbox.state.config.callback_url = receiver.url
    card = ButtonInteractionCard(
        task_id="page_task_1",
        title="是否通过初筛？",
        buttons=[CardButton("通过", "yes"), CardButton("不通过", "no", 4)],
    )
    client.send_template_card(to=Recipients(users=["zhangwei"]), card=card)
    message_id = sandbox.state.inbox("zhangwei")[0]["id"]
    with browser() as web:
        conversation = web.get(f"{sandbox.url}/sandbox/chat/zhangwei")
        # when the form of the "不通过" button is submitted
        pressed = web.post(
            f"{sandbox.url}/sandbox/press", data={"message_id": str(message_id), "key": "no", "person": "zhangwei"}
        )
        after = web.get(f"{sandbox.url}/sandbox/chat/zhangwei")
    # then the app got the event and the card shows the choice
    query = dict(httpx.URL(receiver.requests[0]["path"]).params)
    event = parse_callback(query, receiver.requests[0]["body"], config=client.config, replay_guard=MemoryReplayGuard())
    assert 'value="no"' in conversation.text
    assert (pressed.status_code, pressed.headers["location"]) == (303, "/sandbox/chat/zhangwei")
    assert event.event_key == "no"
    assert "已选择：不通过" in after.text


def test_candidate_message_to_kf_opens_a_session_and_calls_back(sandbox, client, receiver):
    sandbox.state.config.callback_url = receiver.url
    with browser() as web:
        web.post(f"{sandbox.url}/sandbox/kf", data={"person": "wmcandidate001", "content": "你好，我想改面试时间"})
    query = dict(httpx.URL(receiver.requests[0]["path"]).params)
    event = parse_callback(query, receiver.requests[0]["body"], config=client.config, replay_guard=MemoryReplayGuard())
    assert (event.event, event.fields["OpenKfId"]) == ("kf_msg_or_event", client.config.open_kfid)
    assert client.kf_send_text(external_userid="wmcandidate001", content="好的，已为您改到明天") != ""


def test_settings_form_runs_the_url_verification_handshake(sandbox, receiver):
    receiver.answer = b"wrong-echo"
    with browser() as web:
        page = web.post(f"{sandbox.url}/sandbox/settings", data={"callback_url": receiver.url})
    assert "URL 验证失败" in page.text
    assert receiver.requests[0]["method"] == "GET"
    assert sandbox.state.config.callback_url == receiver.url


def test_control_api_injects_faults_and_lists_inbox(sandbox, client):
    with browser() as web:
        web.post(f"{sandbox.url}/sandbox/api/faults", json={"kind": "busy", "count": 1})
        client.send_text(to=Recipients(users=["lina"]), content="通知")
        inbox = web.get(f"{sandbox.url}/sandbox/api/inbox/lina").json()
    assert [m["body"]["content"] for m in inbox["messages"]] == ["通知"]
    assert sandbox.state.count_requests("/cgi-bin/message/send", errcode=-1) == 1


def test_unknown_api_path_answers_a_wecom_style_error(sandbox):
    with browser() as web:
        answer = web.get(f"{sandbox.url}/cgi-bin/user/get", params={"access_token": "x"}).json()
    assert answer["errcode"] == 48002


def test_oauth_page_rejects_a_foreign_appid(sandbox):
    with browser() as web:
        page = web.get(
            f"{sandbox.url}/connect/oauth2/authorize",
            params={"appid": "wwother", "redirect_uri": "http://x/", "response_type": "code", "scope": "snsapi_base"},
        )
    assert page.status_code == 400
    assert "appid 与企业 corpid 不一致" in page.text


def test_markdown_is_escaped_and_rendered():
    html = render_markdown('# 复试通知\n**时间**：<font color="info">明天 10:00</font>\n<script>x</script>')
    assert html == (
        '<h1>复试通知</h1><p><strong>时间</strong>：<span class="font-info">明天 10:00</span></p>'
        "<p>&lt;script&gt;x&lt;/script&gt;</p>"
    )
