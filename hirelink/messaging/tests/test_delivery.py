"""Delivery: idempotency (a retried job never sends twice), exponential backoff, rate limits, channel
fallback, the Tencent Cloud SMS adapter against the SMS sandbox, WeCom errors mapped to outcomes."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from hirelink.accounts.tests.factories import UserFactory
from hirelink.candidates.tests.factories import CandidateFactory
from hirelink.core import clock
from hirelink.messaging import sms_sandbox, tc3
from hirelink.messaging.channels.base import DeliveryResult
from hirelink.messaging.channels.registry import channel_override
from hirelink.messaging.channels.sms import SmsRequest, TencentSmsProvider, classify_send_sms
from hirelink.messaging.models import AttemptOutcome, CandidateWecomContact, MessageStatus, OutboundMessage
from hirelink.messaging.services import backoff_seconds, external_receipts_check, message_deliver, message_send

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


class ScriptedChannel:
    """A channel that answers from a script and counts the calls."""

    provider_deduplicates = False

    def __init__(self, name: str, *outcomes: DeliveryResult) -> None:
        self.name = name
        self.outcomes = list(outcomes)
        self.calls: list[int] = []

    def send(self, message: OutboundMessage) -> DeliveryResult:
        self.calls.append(message.pk)
        return self.outcomes.pop(0)


def _queue(candidate: Any, *, key: str = "k1", channels: tuple[str, ...] = ("sms", "email")) -> OutboundMessage:
    return message_send(
        idempotency_key=key,
        template_key="progress_notice",
        context={"candidate": {"name": candidate.name}, "position": {"title": "柜员"}},
        channels=list(channels),
        candidate=candidate,
    )


def test_backoff_doubles_from_the_base_and_is_capped() -> None:
    # given / when / then
    assert [backoff_seconds(n, base=5) for n in (1, 2, 3, 4, 12)] == [5.0, 10.0, 20.0, 40.0, 3600.0]


def test_same_idempotency_key_returns_the_first_message() -> None:
    # given a queued message
    candidate = CandidateFactory.create()
    first = _queue(candidate)
    # when the same job asks again
    second = _queue(candidate)
    # then it is the same row
    assert (second.pk, OutboundMessage.objects.count()) == (first.pk, 1)


def test_a_retried_delivery_job_never_sends_twice(sms: sms_sandbox.SmsSandboxState) -> None:
    # given a queued SMS
    message = _queue(CandidateFactory.create())
    # when the delivery job runs twice (a retry after a lost acknowledgement)
    first = message_deliver(message_id=message.pk)
    second = message_deliver(message_id=message.pk)
    # then one SMS reached the provider, and one attempt is logged
    assert (first, second) == (MessageStatus.SENT, MessageStatus.SENT)
    assert len(sms.messages) == 1
    assert message.delivery_attempts.count() == 1


def test_a_stale_claim_is_not_resent_on_a_channel_without_provider_dedupe(monkeypatch: pytest.MonkeyPatch) -> None:
    # given a message whose worker died during the provider call (claimed long ago, still "sending")
    message = _queue(CandidateFactory.create())
    OutboundMessage.objects.filter(pk=message.pk).update(
        status=MessageStatus.SENDING, claimed_at=NOW - dt.timedelta(minutes=10), attempts=1
    )
    fake = ScriptedChannel("sms", DeliveryResult(outcome=AttemptOutcome.SENT))
    monkeypatch.setattr(clock, "now", lambda: NOW)
    # when the job is re-driven
    with channel_override("sms", fake):
        status = message_deliver(message_id=message.pk)
    # then nothing is sent again; the unknown outcome is visible in the log
    assert status == MessageStatus.FAILED
    assert fake.calls == []
    assert message.delivery_attempts.get().provider_code == "outcome_unknown"


def test_transient_failure_is_retried_with_backoff_then_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    # given a channel that fails once, then works
    monkeypatch.setattr(clock, "now", lambda: NOW)
    message = _queue(CandidateFactory.create())
    fake = ScriptedChannel(
        "sms",
        DeliveryResult(outcome=AttemptOutcome.RETRY, provider_code="InternalError.Timeout"),
        DeliveryResult(outcome=AttemptOutcome.SENT, provider_message_id="serial-2"),
    )
    with channel_override("sms", fake):
        # when the first attempt fails
        first = message_deliver(message_id=message.pk)
        message.refresh_from_db()
        # then it waits base seconds; running early does nothing
        assert (first, message.next_attempt_at) == (MessageStatus.QUEUED, NOW + dt.timedelta(seconds=5))
        early = message_deliver(message_id=message.pk)
        # when the retry is due
        monkeypatch.setattr(clock, "now", lambda: NOW + dt.timedelta(seconds=5))
        last = message_deliver(message_id=message.pk)
    # then it is sent on the second attempt
    message.refresh_from_db()
    assert (early, last) == (MessageStatus.QUEUED, MessageStatus.SENT)
    assert (len(fake.calls), message.attempts, message.provider_message_id) == (2, 2, "serial-2")


def test_provider_rate_limit_waits_what_the_provider_asks(
    sms: sms_sandbox.SmsSandboxState, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given the SMS provider refuses the next request for the 30-second per-number limit
    monkeypatch.setattr(clock, "now", lambda: NOW)
    sms.fail_next.append("LimitExceeded.PhoneNumberThirtySecondLimit")
    message = _queue(CandidateFactory.create())
    # when the delivery runs
    status = message_deliver(message_id=message.pk)
    # then it is queued again for 30 s later (longer than the 5 s backoff)
    message.refresh_from_db()
    attempt = message.delivery_attempts.get()
    assert status == MessageStatus.QUEUED
    assert message.next_attempt_at == NOW + dt.timedelta(seconds=30)
    assert (attempt.outcome, attempt.provider_code) == (
        AttemptOutcome.RATE_LIMITED,
        "LimitExceeded.PhoneNumberThirtySecondLimit",
    )


def test_retries_exhausted_fall_back_to_the_next_channel(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # given SMS keeps failing and the maximum is two attempts
    settings.MESSAGING_MAX_ATTEMPTS = 2
    monkeypatch.setattr(clock, "now", lambda: NOW)
    message = _queue(CandidateFactory.create())
    failing = ScriptedChannel(
        "sms", *[DeliveryResult(outcome=AttemptOutcome.RETRY, provider_code="InternalError") for _ in range(2)]
    )
    email = ScriptedChannel("email", DeliveryResult(outcome=AttemptOutcome.SENT))
    with channel_override("sms", failing), channel_override("email", email):
        message_deliver(message_id=message.pk)
        monkeypatch.setattr(clock, "now", lambda: NOW + dt.timedelta(hours=1))
        message_deliver(message_id=message.pk)
        # when the fallback message is delivered
        child = OutboundMessage.objects.get(fallback_of=message)
        message_deliver(message_id=child.pk)
    # then SMS failed for good and the same text went by e-mail
    message.refresh_from_db()
    child.refresh_from_db()
    assert (message.status, child.channel, child.status) == (MessageStatus.FAILED, "email", MessageStatus.SENT)
    assert child.body == message.body
    assert child.idempotency_key == "k1>email"


def test_candidate_unreachable_on_wecom_falls_back_to_sms(sms: sms_sandbox.SmsSandboxState, wecom: Any) -> None:
    # given a candidate linked to an external contact WeCom no longer knows (not a contact any more)
    candidate = CandidateFactory.create()
    CandidateWecomContact.objects.create(candidate=candidate, external_userid="wm-gone", follow_userid="zhangwei")
    wecom.state.config.auto_register = False
    message = _queue(candidate, channels=("wecom_external", "sms", "email"))
    # when WeCom is tried first
    first = message_deliver(message_id=message.pk)
    child = OutboundMessage.objects.get(fallback_of=message)
    second = message_deliver(message_id=child.pk)
    # then it fell back to SMS at once, which was sent
    assert message.channel == "wecom_external"
    assert (first, message.delivery_attempts.get().outcome) == (MessageStatus.FAILED, AttemptOutcome.UNREACHABLE)
    assert (child.channel, second) == ("sms", MessageStatus.SENT)
    assert len(sms.messages) == 1


def test_candidate_reachable_on_wecom_gets_a_customer_contact_message(wecom: Any) -> None:
    # given a candidate who is an external contact of the recruiter 张伟 in the sandbox
    candidate = CandidateFactory.create()
    CandidateWecomContact.objects.create(
        candidate=candidate, external_userid="wmcandidate001", follow_userid="zhangwei"
    )
    message = _queue(candidate, channels=("wecom_external", "sms"))
    # when delivered
    status = message_deliver(message_id=message.pk)
    # then the sandbox inbox of the candidate holds the text
    assert status == MessageStatus.SENT
    inbox = wecom.state.inbox("wmcandidate001")
    assert [(m["channel"], m["body"]["content"]) for m in inbox] == [("external", message.body)]


def test_staff_wecom_message_is_delivered_and_missing_account_falls_back_to_email(wecom: Any) -> None:
    # given one HR user with a WeCom account and one without
    with_wecom = UserFactory.create(username="zhangwei", wecom_userid="zhangwei")
    without = UserFactory.create(username="nowecom", wecom_userid="")
    sent = []
    for user in (with_wecom, without):
        message = message_send(
            idempotency_key=f"staff-{user.pk}",
            template_key="hr_report_link",
            context={"candidate": {"name": "陈晨"}, "url": "http://x/"},
            channels=["wecom_app", "email"],
            user=user,
        )
        sent.append((message.channel, message_deliver(message_id=message.pk)))
    # then WeCom confirms delivery for the first; the second goes by e-mail after an "unreachable" attempt
    assert sent[0] == ("wecom_app", MessageStatus.DELIVERED)
    assert sent[1] == ("wecom_app", MessageStatus.FAILED)
    assert OutboundMessage.objects.get(fallback_of__user=without).channel == "email"


def test_wecom_frequency_limit_is_a_rate_limited_attempt(wecom: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # given WeCom answers 45009 more often than the client's back-off budget
    monkeypatch.setattr(clock, "now", lambda: NOW)
    user = UserFactory.create(username="zhangwei", wecom_userid="zhangwei")
    wecom.state.inject_fault("throttle", count=100)
    message = message_send(
        idempotency_key="limited",
        template_key="hr_report_link",
        context={"candidate": {"name": "陈晨"}, "url": "http://x/"},
        channels=["wecom_app"],
        user=user,
    )
    from hirelink.messaging.channels import wecom as wecom_channel

    monkeypatch.setattr(wecom_channel, "client", lambda: _fast_client(wecom.url))
    # when delivered
    status = message_deliver(message_id=message.pk)
    # then it waits for the retry instead of failing
    message.refresh_from_db()
    assert status == MessageStatus.QUEUED
    assert message.delivery_attempts.get().outcome == AttemptOutcome.RATE_LIMITED
    assert message.next_attempt_at == NOW + dt.timedelta(seconds=60)


def _fast_client(url: str) -> Any:
    from hirelink.integrations.wecom.client import WeComClient
    from hirelink.integrations.wecom.config import sandbox_config

    return WeComClient(sandbox_config(url), sleep=lambda seconds: None, rate_limit_budget_seconds=2)


def test_sms_adapter_signs_requests_the_sandbox_verifies(sms: sms_sandbox.SmsSandboxState, settings: Any) -> None:
    # given the adapter with a wrong secret key
    provider = TencentSmsProvider(
        secret_id=sms_sandbox.SANDBOX_SECRET_ID,
        secret_key="wrong-key",
        sdk_app_id="1400000000",
        sign_name="HireLink",
        endpoint=settings.MESSAGING_SMS_ENDPOINT,
    )
    # when it sends
    result = provider.send(SmsRequest(phone="+8613800000001", template_id="2001003", params=["陈晨", "柜员"]))
    # then the sandbox refuses the signature and nothing is recorded
    assert (result.outcome, result.provider_code) == (AttemptOutcome.FAILED, "AuthFailure.SignatureFailure")
    assert sms.messages == []


def test_tc3_canonical_request_and_string_to_sign_follow_the_published_layout() -> None:
    # given the documented example request (cvm DescribeInstances, timestamp 1551113065)
    payload = b'{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}'
    # when the canonical request and string to sign are built
    canonical = tc3.canonical_request(host="cvm.tencentcloudapi.com", action="DescribeInstances", payload=payload)
    to_sign = tc3.string_to_sign(timestamp=1551113065, service="cvm", canonical=canonical)
    # then they have exactly the documented lines
    assert canonical.split("\n")[:7] == [
        "POST",
        "/",
        "",
        "content-type:application/json; charset=utf-8",
        "host:cvm.tencentcloudapi.com",
        "x-tc-action:describeinstances",
        "",
    ]
    assert canonical.split("\n")[7] == "content-type;host;x-tc-action"
    assert to_sign.split("\n")[:3] == ["TC3-HMAC-SHA256", "1551113065", "2019-02-25/cvm/tc3_request"]


def test_sms_sandbox_rejects_an_expired_timestamp() -> None:
    # given a correctly signed request from ten minutes ago
    body = json.dumps({"PhoneNumberSet": ["+8613800000001"], "SmsSdkAppId": "1", "TemplateId": "1"}).encode()
    headers = {
        k.lower(): v
        for k, v in tc3.headers(
            secret_id=sms_sandbox.SANDBOX_SECRET_ID,
            secret_key=sms_sandbox.SANDBOX_SECRET_KEY,
            host="127.0.0.1:1",
            service="sms",
            action="SendSms",
            version="2021-01-11",
            region="ap-guangzhou",
            timestamp=1_700_000_000,
            payload=body,
        ).items()
    }
    # when the sandbox handles it now
    answer = sms_sandbox.handle_send_sms(sms_sandbox.SmsSandboxState(), headers=headers, body=body, now=1_700_000_600)
    # then it is refused like the real API does
    assert answer["Response"]["Error"]["Code"] == "AuthFailure.SignatureExpire"


def test_send_sms_error_codes_map_to_outcomes() -> None:
    # given / when / then
    def outcome(code: str) -> str:
        return str(classify_send_sms({"SendStatusSet": [{"Code": code, "Message": ""}]}).outcome)

    assert outcome("Ok") == "sent"
    assert outcome("FailedOperation.PhoneNumberInBlacklist") == "unreachable"
    assert outcome("LimitExceeded.PhoneNumberOneHourLimit") == "rate_limited"
    assert outcome("InternalError.Timeout") == "retry"
    assert outcome("FailedOperation.TemplateIncorrectOrUnapproved") == "failed"


def test_wecom_receipts_mark_delivery_and_fall_back_when_the_daily_limit_refused_it(
    sms: sms_sandbox.SmsSandboxState, wecom: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given a WeCom contact who gets two customer-contact messages on one day (WeCom delivers one a day)
    candidate = CandidateFactory.create()
    CandidateWecomContact.objects.create(
        candidate=candidate, external_userid="wmcandidate001", follow_userid="zhangwei"
    )
    first = _queue(candidate, key="k1", channels=("wecom_external", "sms"))
    second = _queue(candidate, key="k2", channels=("wecom_external", "sms"))
    assert [message_deliver(message_id=m.pk) for m in (first, second)] == [MessageStatus.SENT, MessageStatus.SENT]
    # when the receipts are checked a minute later
    with django_capture_on_commit_callbacks(execute=True):
        counts = external_receipts_check(now=clock.now() + dt.timedelta(minutes=1))
    # then the first is delivered; the refused second went out by SMS at once, with the same text
    first.refresh_from_db()
    second.refresh_from_db()
    fallback = OutboundMessage.objects.get(fallback_of=second)
    assert counts == {"delivered": 1, "fallback": 1, "waiting": 0, "errors": 0}
    assert (first.status, second.status) == (MessageStatus.DELIVERED, MessageStatus.FAILED)
    assert second.last_error == "客户今日已收到其他群发消息（企业微信接收上限）"
    assert (fallback.channel, fallback.status, fallback.body) == ("sms", MessageStatus.SENT, second.body)
    assert len(sms.messages) == 1
