"""The WeCom callback endpoint (forged, stale, replayed and wrong-receiver callbacks rejected, nothing stored),
OAuth sign-in, and permissions on the HR pages (404 for forbidden objects, nothing changed)."""

from __future__ import annotations

import time
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from hirelink.accounts.tests.factories import DEFAULT_PASSWORD, UserFactory
from hirelink.candidates.tests.factories import ApplicationFactory
from hirelink.integrations.wecom.config import SANDBOX_CORP_ID, SANDBOX_ENCODING_AES_KEY, SANDBOX_TOKEN
from hirelink.integrations.wecom.crypto import WeComCrypto
from hirelink.messaging.models import MessageTemplate
from hirelink.workflows.models import DecisionReview, Recommendation, ReviewStatus, WecomCallbackReceipt, WorkflowRule

pytestmark = pytest.mark.django_db


def _card_event(*, review_id: int, user: str = "zhangwei", created: int | None = None) -> str:
    return (
        f"<xml><ToUserName><![CDATA[{SANDBOX_CORP_ID}]]></ToUserName><FromUserName><![CDATA[{user}]]></FromUserName>"
        f"<CreateTime>{created or int(time.time())}</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        "<Event><![CDATA[template_card_event]]></Event>"
        f"<EventKey><![CDATA[review:{review_id}:reject]]></EventKey><TaskId><![CDATA[t{review_id}]]></TaskId>"
        "<AgentID>1000002</AgentID></xml>"
    )


def _signed(
    inner: str, *, timestamp: int | None = None, receive_id: str = SANDBOX_CORP_ID, nonce: str = "n1"
) -> tuple[str, bytes]:
    crypto = WeComCrypto(token=SANDBOX_TOKEN, encoding_aes_key=SANDBOX_ENCODING_AES_KEY, receive_id=receive_id)
    ts = str(timestamp or int(time.time()))
    reply = crypto.encrypt_message(inner, nonce=nonce, timestamp=ts)
    query = f"?msg_signature={reply.msg_signature}&timestamp={ts}&nonce={nonce}"
    envelope = (
        f"<xml><ToUserName><![CDATA[{SANDBOX_CORP_ID}]]></ToUserName>"
        f"<Encrypt><![CDATA[{reply.encrypt}]]></Encrypt></xml>"
    )
    return reverse("wecom_callback") + query, envelope.encode()


@pytest.fixture
def pending_review(user_factory: Any) -> DecisionReview:
    application = ApplicationFactory.create(status="scored")
    return DecisionReview.objects.create(
        application=application, recommendation=Recommendation.REJECT, score=Decimal("40"), threshold=70
    )


def test_valid_callback_is_stored_and_acknowledged(pending_review: DecisionReview) -> None:
    # given a correctly signed and encrypted card callback
    url, body = _signed(_card_event(review_id=pending_review.pk))
    # when WeCom posts it
    response = Client().post(url, data=body, content_type="text/xml")
    # then it is accepted and stored for the task
    assert (response.status_code, response.content) == (200, b"success")
    assert WecomCallbackReceipt.objects.get().message["EventKey"] == f"review:{pending_review.pk}:reject"


def test_forged_signature_is_rejected_and_nothing_is_stored(pending_review: DecisionReview) -> None:
    # given a callback whose signature was tampered with
    url, body = _signed(_card_event(review_id=pending_review.pk))
    forged = url.replace("msg_signature=", "msg_signature=0")
    # when posted
    response = Client().post(forged, data=body, content_type="text/xml")
    # then it is refused and nothing changed
    assert (response.status_code, response.content) == (400, b"ValidateSignature_Error")
    assert WecomCallbackReceipt.objects.count() == 0
    assert DecisionReview.objects.get(pk=pending_review.pk).status == ReviewStatus.PENDING


def test_stale_callback_is_rejected(pending_review: DecisionReview) -> None:
    # given a correctly signed callback from ten minutes ago
    url, body = _signed(_card_event(review_id=pending_review.pk), timestamp=int(time.time()) - 600)
    # when posted
    response = Client().post(url, data=body, content_type="text/xml")
    # then it is refused as stale
    assert (response.status_code, response.content) == (400, b"StaleTimestamp_Error")
    assert WecomCallbackReceipt.objects.count() == 0


def test_callback_for_another_corp_is_rejected(pending_review: DecisionReview) -> None:
    # given a callback encrypted for another receiver id
    url, body = _signed(_card_event(review_id=pending_review.pk), receive_id="wwsomeoneelse")
    # when posted
    response = Client().post(url, data=body, content_type="text/xml")
    # then the receiver check fails
    assert (response.status_code, response.content) == (400, b"ValidateCorpid_Error")
    assert WecomCallbackReceipt.objects.count() == 0


def test_replayed_callback_is_rejected(pending_review: DecisionReview) -> None:
    # given a callback that was accepted once
    url, body = _signed(_card_event(review_id=pending_review.pk))
    first = Client().post(url, data=body, content_type="text/xml")
    # when the same request is replayed
    second = Client().post(url, data=body, content_type="text/xml")
    # then the replay is refused and there is one receipt
    assert (first.status_code, second.status_code, second.content) == (200, 400, b"Replay_Error")
    assert WecomCallbackReceipt.objects.count() == 1


def test_card_press_by_a_user_who_may_not_decide_changes_nothing(
    pending_review: DecisionReview, django_capture_on_commit_callbacks: Any
) -> None:
    # given an interviewer (who does not see this application) with a WeCom account
    UserFactory.create(username="wangqiang", role="interviewer", wecom_userid="wangqiang")
    url, body = _signed(_card_event(review_id=pending_review.pk, user="wangqiang"))
    # when their "press" arrives
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(url, data=body, content_type="text/xml")
    # then the receipt says forbidden and the review is untouched
    assert WecomCallbackReceipt.objects.get().outcome == "forbidden"
    assert DecisionReview.objects.get(pk=pending_review.pk).status == ReviewStatus.PENDING


def test_review_detail_is_404_for_a_hiring_manager_and_posting_changes_nothing(
    pending_review: DecisionReview, hiring_manager: Any
) -> None:
    # given a hiring manager signed in
    client = Client()
    client.force_login(hiring_manager)
    url = reverse("workflows:review_detail", args=[pending_review.pk])
    # when they open and post a decision
    shown = client.get(url)
    posted = client.post(url, {"decision": "reject"})
    # then both are 404 and the review is still pending
    assert (shown.status_code, posted.status_code) == (404, 404)
    assert DecisionReview.objects.get(pk=pending_review.pk).status == ReviewStatus.PENDING


def test_review_detail_is_404_for_a_missing_review(recruiter: Any) -> None:
    # given a recruiter
    client = Client()
    client.force_login(recruiter)
    # when they open a review that does not exist
    response = client.get(reverse("workflows:review_detail", args=[999_999]))
    # then 404
    assert response.status_code == 404


def test_recruiter_batch_approves_rejections_from_the_queue(
    pending_review: DecisionReview, recruiter: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given the queue page shows the pending review
    client = Client()
    client.force_login(recruiter)
    page = client.get(reverse("workflows:review_list"))
    assert pending_review.application.candidate.name in page.content.decode()
    # when the recruiter batch-approves it
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("workflows:review_list"), {"review_ids": [pending_review.pk]})
    # then it is decided by them, on the web
    review = DecisionReview.objects.get(pk=pending_review.pk)
    assert response.status_code == 302
    assert (review.status, review.decided_by, review.decided_via) == (ReviewStatus.REJECTED, recruiter, "batch")


def test_hr_edits_the_letter_and_overrides_to_pass(
    pending_review: DecisionReview, recruiter: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given a recruiter on the review page
    client = Client()
    client.force_login(recruiter)
    # when they override the recommendation with their own place
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("workflows:review_detail", args=[pending_review.pk]),
            {"decision": "pass", "place": "深圳分行大厦 12 楼", "contact_name": "张伟"},
        )
    # then the application goes to the second interview with their values
    review = DecisionReview.objects.get(pk=pending_review.pk)
    application = review.application
    application.refresh_from_db()
    assert (review.status, application.status) == (ReviewStatus.PASSED, "second_interview")
    assert (application.second_interview.place, application.second_interview.contact_name) == (
        "深圳分行大厦 12 楼",
        "张伟",
    )


def test_rule_pages_are_404_for_interviewers_and_a_broken_rule_is_not_saved(interviewer: Any, recruiter: Any) -> None:
    # given the default invitation rule
    rule = WorkflowRule.objects.get(seed_key="invite-on-screened-in")
    edit_url = reverse("workflows:rule_edit", args=[rule.pk])
    interviewer_client, recruiter_client = Client(), Client()
    interviewer_client.force_login(interviewer)
    recruiter_client.force_login(recruiter)
    # when an interviewer opens it, and a recruiter saves an unknown action
    forbidden = interviewer_client.get(edit_url)
    broken = recruiter_client.post(
        edit_url,
        {
            "name": "x",
            "trigger": rule.trigger,
            "to_status": "invited",
            "conditions": "[]",
            "actions": '[{"type": "launch_rocket"}]',
            "delay_seconds": 0,
            "priority": 1,
            "is_active": "on",
        },
    )
    # then 404, and a clear error with nothing saved
    assert forbidden.status_code == 404
    assert broken.status_code == 200
    assert "launch_rocket" in broken.content.decode()
    assert WorkflowRule.objects.get(pk=rule.pk).name == "初筛通过 → 发送AI面试邀请"


def test_template_with_a_syntax_error_is_refused(recruiter: Any) -> None:
    # given the progress notice template
    template = MessageTemplate.objects.get(key="progress_notice", language="zh-hans")
    client = Client()
    client.force_login(recruiter)
    # when saved with an unclosed tag
    response = client.post(
        reverse("messaging:template_edit", args=[template.pk]),
        {"name": template.name, "subject": "x", "body": "{% if %}", "sms_params": "[]", "is_active": "on"},
    )
    # then the page explains and the template is unchanged
    assert response.status_code == 200
    assert "模板语法错误" in response.content.decode()
    assert MessageTemplate.objects.get(pk=template.pk).body.startswith("{{ candidate.name }}您好")


def test_wecom_oauth_signs_in_the_staff_member(wecom: Any) -> None:
    # given a staff member whose WeCom account is 张伟
    user = UserFactory.create(username="zhangwei", wecom_userid="zhangwei", password=DEFAULT_PASSWORD)
    client = Client()
    # when they open a HireLink link inside WeCom and WeCom redirects back with a code
    start = client.get(reverse("wecom_oauth") + "?next=/workflows/")
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]
    code = wecom.state.oauth_issue_code("zhangwei")
    back = client.get(reverse("wecom_oauth_callback"), {"code": code, "state": state})
    # then they are signed in without a password and land on the page
    assert (back.status_code, back["Location"]) == (302, "/workflows/")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wecom_oauth_refuses_an_unbound_account(wecom: Any) -> None:
    # given no HireLink user for 李娜's WeCom account
    client = Client()
    start = client.get(reverse("wecom_oauth"))
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]
    # when she comes back with a valid code
    response = client.get(
        reverse("wecom_oauth_callback"), {"code": wecom.state.oauth_issue_code("lina"), "state": state}
    )
    # then she is told so and not signed in
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
