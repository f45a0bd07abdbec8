"""WeComClient against the in-process sandbox (real HTTP on a local port)."""

from __future__ import annotations

import time

import httpx
import pytest

from hirelink.integrations.wecom import (
    ButtonInteractionCard,
    CardButton,
    MemoryReplayGuard,
    Recipients,
    WeComClient,
    WeComError,
    WeComKfWindowClosedError,
    WeComRateLimitedError,
    WeComRecipientsInvalidError,
    WeComTransportError,
    parse_callback,
    sandbox_config,
)
from hirelink.integrations.wecom.config import (
    REAL_API_BASE_URL,
    WeComAppConfig,
    WeComConfigError,
    app_config_from_settings,
)
from hirelink.integrations.wecom.sandbox import SandboxConfig, start_sandbox

STAFF = Recipients(users=["zhangwei"])


def review_card(task_id: str = "app_7_reject_review") -> ButtonInteractionCard:
    return ButtonInteractionCard(
        task_id=task_id,
        title="拒绝待审批：陈晨 · 柜员",
        description="AI 面试 58 分，低于阈值 60",
        fields=[("岗位", "柜员"), ("建议", "不通过")],
        buttons=[CardButton("通过", "approve_reject", 1), CardButton("改为复试", "override_pass", 2)],
        url="http://127.0.0.1:8000/talent/7/",
    )


def test_one_gettoken_for_many_sends(client, sandbox):
    # given a fresh cache / when sending five messages
    for number in range(5):
        client.send_text(to=STAFF, content=f"消息 {number}")
    # then the token was fetched once and reused
    assert sandbox.state.count_requests("/cgi-bin/gettoken") == 1
    assert sandbox.state.count_requests("/cgi-bin/message/send", errcode=0) == 5
    assert [m["body"]["content"] for m in sandbox.state.inbox("zhangwei")] == [f"消息 {n}" for n in range(5)]


@pytest.mark.parametrize("fault", ["expire_tokens", "invalid_token", "invalid_credential"])
def test_token_error_refreshes_and_retries_once(client, sandbox, fault):
    # given a cached token that the server now rejects (42001 / 40014 / 40001)
    client.send_text(to=STAFF, content="一")
    sandbox.state.inject_fault(fault)
    # when sending again
    client.send_text(to=STAFF, content="二")
    # then a new token was fetched and the message went through once
    assert sandbox.state.count_requests("/cgi-bin/gettoken") == 2
    assert [m["body"]["content"] for m in sandbox.state.inbox("zhangwei")] == ["一", "二"]


def test_token_error_twice_in_a_row_is_raised(client, sandbox):
    # given the server rejects the token twice
    sandbox.state.inject_fault("invalid_token", count=2)
    # when / then only one refresh is attempted
    with pytest.raises(WeComError) as caught:
        client.send_text(to=STAFF, content="一")
    assert caught.value.errcode == 40014
    assert sandbox.state.count_requests("/cgi-bin/gettoken") == 2
    assert sandbox.state.inbox("zhangwei") == []


def test_system_busy_is_retried_with_exponential_backoff(client, sandbox, sleeps):
    # given two "-1 system busy" answers
    sandbox.state.inject_fault("busy", count=2)
    # when sending
    result = client.send_text(to=STAFF, content="稍后")
    # then it succeeded on the third try after waiting 0.5 s then 1 s
    assert result.msgid != ""
    assert sleeps == [0.5, 1.0]
    assert sandbox.state.count_requests("/cgi-bin/message/send", errcode=-1) == 2


def test_system_busy_beyond_three_retries_is_a_retryable_error(client, sandbox, sleeps):
    sandbox.state.inject_fault("busy", count=4)
    with pytest.raises(WeComError) as caught:
        client.send_text(to=STAFF, content="稍后")
    assert (caught.value.errcode, caught.value.retryable) == (-1, True)
    assert sleeps == [0.5, 1.0, 2.0]


def test_frequency_limit_backs_off_within_budget(client, sandbox, sleeps):
    # given three 45009 answers and a 30 s budget
    sandbox.state.inject_fault("throttle", count=3)
    # when sending / then it waited 1, 2, 4 s and succeeded
    client.send_text(to=STAFF, content="限频")
    assert sleeps == [1.0, 2.0, 4.0]
    assert [m["body"]["content"] for m in sandbox.state.inbox("zhangwei")] == ["限频"]


def test_frequency_limit_beyond_budget_raises_retryable_rate_limited(sandbox, sleeps):
    # given a client with a 5 s budget and a server that keeps throttling
    http = httpx.Client(trust_env=False)
    wecom = WeComClient(sandbox_config(sandbox.url), http=http, sleep=sleeps.append, rate_limit_budget_seconds=5)
    sandbox.state.inject_fault("throttle", count=10)
    # when / then it waited 1 + 2 s (a further 4 s would exceed 5 s) and gave up
    with pytest.raises(WeComRateLimitedError) as caught:
        wecom.send_text(to=STAFF, content="限频")
    http.close()
    assert (caught.value.errcode, caught.value.retryable) == (45009, True)
    assert sleeps == [1.0, 2.0]


def test_all_recipients_invalid_is_typed_81013(client, sandbox):
    # given two users outside the app's visible scope
    sandbox.state.inject_fault("out_of_scope", userids=["ghost1", "ghost2"])
    # when sending only to them
    with pytest.raises(WeComRecipientsInvalidError) as caught:
        client.send_text(to=Recipients(users=["ghost1", "ghost2"], parties=["9"]), content="你好")
    # then the error is not retryable and lists them; exactly one request was made
    assert (caught.value.errcode, caught.value.retryable) == (81013, False)
    assert caught.value.invalid_users == ["ghost1", "ghost2"]
    assert caught.value.invalid_parties == ["9"]
    assert sandbox.state.count_requests("/cgi-bin/message/send") == 1


def test_partially_invalid_recipients_are_reported_on_success(client, sandbox):
    sandbox.state.inject_fault("out_of_scope", userids=["ghost"])
    result = client.send_markdown(to=Recipients(users=["zhangwei", "ghost"]), content="**复试通知**")
    assert result.invalid_users == ["ghost"]
    assert [m["msgtype"] for m in sandbox.state.inbox("zhangwei")] == ["markdown"]


def test_card_button_press_sends_a_signed_encrypted_callback(client, sandbox, receiver):
    # given a card in the HR's inbox and HireLink's callback URL configured
    sandbox.state.config.callback_url = receiver.url
    sent = client.send_template_card(to=STAFF, card=review_card())
    card = sandbox.state.inbox("zhangwei")[0]
    # when the HR presses "通过"
    result = sandbox.state.press_button(card["id"], "approve_reject")
    # then the app's endpoint received a callback that verifies and decrypts to the button event
    request = receiver.requests[0]
    query = dict(httpx.URL(request["path"]).params)
    event = parse_callback(query, request["body"], config=client.config, replay_guard=MemoryReplayGuard())
    assert result["status"] == 200
    assert sent.response_code != ""
    assert (event.event, event.event_key, event.task_id, event.from_user) == (
        "template_card_event",
        "approve_reject",
        "app_7_reject_review",
        "zhangwei",
    )
    assert event.response_code != ""


def test_update_template_card_with_callback_response_code_shows_choice(client, sandbox, receiver):
    # given a pressed card
    sandbox.state.config.callback_url = receiver.url
    client.send_template_card(to=STAFF, card=review_card())
    card = sandbox.state.inbox("zhangwei")[0]
    sandbox.state.press_button(card["id"], "approve_reject")
    query = dict(httpx.URL(receiver.requests[0]["path"]).params)
    event = parse_callback(query, receiver.requests[0]["body"], config=client.config, replay_guard=MemoryReplayGuard())
    # when the app replaces the buttons
    client.update_template_card_button(response_code=event.response_code, replace_name="已通过", userids=["zhangwei"])
    # then the card shows the choice, and the code cannot be used twice
    assert sandbox.state.inbox("zhangwei")[0]["replace_name"] == "已通过"
    with pytest.raises(WeComError) as caught:
        client.update_template_card_button(response_code=event.response_code, replace_name="再次", userids=["zhangwei"])
    assert caught.value.errcode == 40140


def test_duplicate_task_id_is_refused(client):
    client.send_template_card(to=STAFF, card=review_card("same_task"))
    with pytest.raises(WeComError) as caught:
        client.send_template_card(to=STAFF, card=review_card("same_task"))
    assert caught.value.errcode == 42014


def test_customer_contact_task_delivers_and_reports_status(client, sandbox):
    # given a candidate who is an external contact of HR
    # when HR's 群发 task is created (sandbox default: sender confirms at once)
    task = client.add_msg_template(
        sender="zhangwei", external_userids=["wmcandidate001"], content="面试邀请：请点击链接"
    )
    result = client.get_groupmsg_send_result(msgid=task.msgid, userid="zhangwei")
    # then the candidate received it and the status is 1 (已发送)
    assert [m["body"]["content"] for m in sandbox.state.inbox("wmcandidate001")] == ["面试邀请：请点击链接"]
    assert [(r.external_userid, r.status) for r in result.send_list] == [("wmcandidate001", 1)]


def test_customer_contact_daily_limit_gives_status_3(client, sandbox):
    first = client.add_msg_template(sender="zhangwei", external_userids=["wmcandidate001"], content="一")
    second = client.add_msg_template(sender="zhangwei", external_userids=["wmcandidate001"], content="二")
    statuses = [
        client.get_groupmsg_send_result(msgid=t.msgid, userid="zhangwei").send_list[0].status for t in (first, second)
    ]
    assert statuses == [1, 3]
    assert [m["body"]["content"] for m in sandbox.state.inbox("wmcandidate001")] == ["一"]


def test_customer_contact_task_waits_for_sender_confirmation():
    # given a sandbox where the sender must confirm 群发 tasks
    running = start_sandbox(SandboxConfig(require_confirm=True))
    http = httpx.Client(trust_env=False)
    wecom = WeComClient(sandbox_config(running.url), http=http)
    task = wecom.add_msg_template(sender="zhangwei", external_userids=["wmcandidate001"], content="邀请")
    before = wecom.get_groupmsg_send_result(msgid=task.msgid, userid="zhangwei").send_list[0].status
    # when the HR confirms in WeCom
    running.state.confirm_group_task(task.msgid)
    after = wecom.get_groupmsg_send_result(msgid=task.msgid, userid="zhangwei").send_list[0].status
    http.close()
    running.stop()
    # then the status moves from 0 (未发送) to 1
    assert (before, after) == (0, 1)


def test_kf_send_without_session_is_refused_by_wecom(client):
    with pytest.raises(WeComKfWindowClosedError) as caught:
        client.kf_send_text(external_userid="wmcandidate001", content="您好")
    assert (caught.value.errcode, caught.value.retryable) == (95018, False)


def test_kf_window_allows_five_replies_then_blocks_locally(client, sandbox):
    # given the candidate wrote to 微信客服 and the app pulled the message
    sandbox.state.kf_customer_message("wmcandidate001", "请问面试几点开始？")
    pulled = client.kf_sync_msg()
    # when replying six times
    for number in range(5):
        client.kf_send_text(external_userid="wmcandidate001", content=f"回复 {number}")
    with pytest.raises(WeComKfWindowClosedError):
        client.kf_send_text(external_userid="wmcandidate001", content="第六条")
    # then five were delivered and the sixth never reached WeCom
    assert [m["text"]["content"] for m in pulled["msg_list"]] == ["请问面试几点开始？"]
    assert sandbox.state.count_requests("/cgi-bin/kf/send_msg") == 5
    assert [m["body"]["content"] for m in sandbox.state.inbox("wmcandidate001") if m["channel"] == "kf"] == [
        f"回复 {n}" for n in range(5)
    ]


def test_kf_window_closes_after_48_hours(client, sandbox):
    # given a customer message 48 h + 1 s ago, known to the tracker
    sandbox.state.kf_customer_message("wmcandidate001", "在吗")
    client.kf_tracker.note_customer_message(
        open_kfid=client.config.open_kfid, external_userid="wmcandidate001", at=time.time() - 48 * 3600 - 1
    )
    # when / then refused locally
    with pytest.raises(WeComKfWindowClosedError):
        client.kf_send_text(external_userid="wmcandidate001", content="您好")
    assert sandbox.state.count_requests("/cgi-bin/kf/send_msg") == 0


def test_schedule_is_recorded_for_interviewers(client, sandbox):
    schedule_id = client.schedule_add(
        organizer="zhangwei",
        attendees=["lina", "wangqiang"],
        start_time=1_760_000_000,
        end_time=1_760_003_600,
        summary="复试：陈晨 · 柜员",
        location="总行大厦 3 楼 302",
    )
    assert [s["schedule_id"] for s in sandbox.state.schedules] == [schedule_id]
    assert [m["msgtype"] for m in sandbox.state.inbox("lina")] == ["schedule"]
    assert sandbox.state.schedules[0]["attendees"] == [{"userid": "lina"}, {"userid": "wangqiang"}]


def test_oauth_code_exchange_through_the_authorize_page(client, sandbox):
    # given the authorize URL HireLink builds
    url = client.authorize_url(redirect_uri="http://127.0.0.1:8000/wecom/oauth/done?next=%2Fhr%2F", state="xyz")
    with httpx.Client(trust_env=False) as browser:
        page = browser.get(url.split("#")[0])
        # when the user picks 李娜 and confirms
        answer = browser.post(
            f"{sandbox.url}/connect/oauth2/authorize",
            data={
                "person": "lina",
                "redirect_uri": "http://127.0.0.1:8000/wecom/oauth/done?next=%2Fhr%2F",
                "state": "xyz",
            },
        )
    location = httpx.URL(answer.headers["location"])
    identity = client.get_user_info(location.params["code"])
    # then WeCom redirected back with a code that identifies her, once
    assert page.status_code == 200
    assert "企业微信授权" in page.text
    assert answer.status_code == 302
    assert (location.path, location.params["state"], location.params["next"]) == ("/wecom/oauth/done", "xyz", "/hr/")
    assert (identity.userid, identity.is_member) == ("lina", True)
    with pytest.raises(WeComError) as caught:
        client.get_user_info(location.params["code"])
    assert caught.value.errcode == 40029


def test_oauth_for_an_external_contact_returns_external_userid(client, sandbox):
    code = sandbox.state.oauth_issue_code("wmcandidate001")
    identity = client.get_user_info(code)
    assert (identity.userid, identity.external_userid, identity.is_member) == ("", "wmcandidate001", False)


def test_authorize_url_shape():
    config = WeComAppConfig(corpid="ww1", agentid=5, secret="s", oauth_base_url="https://open.weixin.qq.com")
    client = WeComClient(config, http=httpx.Client(trust_env=False))
    assert client.authorize_url(redirect_uri="https://hr.example.cn/cb", state="a b") == (
        "https://open.weixin.qq.com/connect/oauth2/authorize?appid=ww1&redirect_uri=https%3A%2F%2Fhr.example.cn%2Fcb"
        "&response_type=code&scope=snsapi_base&state=a+b&agentid=5#wechat_redirect"
    )


def test_wrong_secret_is_a_non_retryable_error(sandbox):
    config = WeComAppConfig(corpid=sandbox_config().corpid, agentid=1000002, secret="wrong", base_url=sandbox.url)
    http = httpx.Client(trust_env=False)
    with pytest.raises(WeComError) as caught:
        WeComClient(config, http=http).send_text(to=STAFF, content="x")
    http.close()
    assert (caught.value.errcode, caught.value.retryable) == (40001, False)


def test_unreachable_server_is_a_retryable_transport_error():
    # given a port nothing listens on (a started-then-stopped sandbox)
    running = start_sandbox(SandboxConfig())
    url = running.url
    running.stop()
    http = httpx.Client(trust_env=False)
    with pytest.raises(WeComTransportError) as caught:
        WeComClient(sandbox_config(url), http=http).send_text(to=STAFF, content="x")
    http.close()
    assert (caught.value.errcode, caught.value.retryable) == (-2, True)


def test_sandbox_secrets_are_refused_against_the_real_host():
    class Settings:
        WECOM_API_BASE_URL = REAL_API_BASE_URL
        WECOM_CORP_ID = "ww123"

    with pytest.raises(WeComConfigError):
        app_config_from_settings(Settings())


def test_settings_default_to_the_sandbox():
    class Settings:
        pass

    config = app_config_from_settings(Settings())
    assert (config.base_url, config.oauth_base_url, config.corpid) == (
        "http://127.0.0.1:8900",
        "http://127.0.0.1:8900",
        "wwhirelinksandbox01",
    )
