"""parse_callback / verify_url: every check with the code WeCom's reference library would give."""

from __future__ import annotations

import pytest

from hirelink.integrations.wecom import (
    MemoryReplayGuard,
    WeComCallbackError,
    WeComCrypto,
    encrypt_reply,
    parse_callback,
    sandbox_config,
    verify_url,
)
from hirelink.integrations.wecom.callback import CacheReplayGuard
from hirelink.integrations.wecom.errors import (
    PARSE_XML_ERROR,
    REPLAY_ERROR,
    STALE_TIMESTAMP_ERROR,
    VALIDATE_CORPID_ERROR,
    VALIDATE_SIGNATURE_ERROR,
)

CONFIG = sandbox_config("http://127.0.0.1:1")
NOW = 1_760_000_000
CARD_EVENT = (
    "<xml><ToUserName><![CDATA[wwhirelinksandbox01]]></ToUserName>"
    "<FromUserName><![CDATA[zhangwei]]></FromUserName><CreateTime>1760000000</CreateTime>"
    "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>"
    "<EventKey><![CDATA[approve]]></EventKey><TaskId><![CDATA[app_42_review]]></TaskId>"
    "<CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[rc-1]]></ResponseCode>"
    "<AgentID>1000002</AgentID></xml>"
)


def signed_request(inner: str, *, receive_id: str = CONFIG.corpid, timestamp: int = NOW, nonce: str = "4242"):
    crypto = WeComCrypto(token=CONFIG.token, encoding_aes_key=CONFIG.encoding_aes_key, receive_id=receive_id)
    reply = crypto.encrypt_message(inner, nonce=nonce, timestamp=str(timestamp))
    body = f"<xml><ToUserName><![CDATA[{receive_id}]]></ToUserName><Encrypt><![CDATA[{reply.encrypt}]]></Encrypt></xml>"
    query = {"msg_signature": reply.msg_signature, "timestamp": str(timestamp), "nonce": nonce}
    return query, body.encode()


def test_valid_card_event_is_parsed():
    # given a signed, encrypted card-button callback
    query, body = signed_request(CARD_EVENT)
    # when parsing it
    event = parse_callback(query, body, config=CONFIG, replay_guard=MemoryReplayGuard(), now=NOW + 5)
    # then every field is there
    assert event.is_card_button is True
    assert (event.from_user, event.event_key, event.task_id, event.response_code, event.agent_id) == (
        "zhangwei",
        "approve",
        "app_42_review",
        "rc-1",
        1000002,
    )
    assert event.card_type == "button_interaction"
    assert event.create_time == NOW


def test_forged_signature_is_rejected_with_40001():
    query, body = signed_request(CARD_EVENT)
    query["msg_signature"] = "f" * 40
    with pytest.raises(WeComCallbackError) as caught:
        parse_callback(query, body, config=CONFIG, replay_guard=MemoryReplayGuard(), now=NOW)
    assert caught.value.code == VALIDATE_SIGNATURE_ERROR


def test_missing_signature_is_rejected_with_40001():
    query, body = signed_request(CARD_EVENT)
    del query["msg_signature"]
    with pytest.raises(WeComCallbackError) as caught:
        parse_callback(query, body, config=CONFIG, replay_guard=MemoryReplayGuard(), now=NOW)
    assert caught.value.code == VALIDATE_SIGNATURE_ERROR


def test_stale_timestamp_is_rejected():
    # given a correctly signed callback from 301 s ago (window 300 s)
    query, body = signed_request(CARD_EVENT, timestamp=NOW - 301)
    # when / then
    with pytest.raises(WeComCallbackError) as caught:
        parse_callback(query, body, config=CONFIG, replay_guard=MemoryReplayGuard(), now=NOW)
    assert caught.value.code == STALE_TIMESTAMP_ERROR


def test_replayed_nonce_is_rejected_and_first_delivery_accepted():
    # given a callback accepted once
    guard = MemoryReplayGuard()
    query, body = signed_request(CARD_EVENT)
    first = parse_callback(query, body, config=CONFIG, replay_guard=guard, now=NOW)
    # when the same request arrives again
    with pytest.raises(WeComCallbackError) as caught:
        parse_callback(query, body, config=CONFIG, replay_guard=guard, now=NOW)
    # then it is a replay
    assert first.event_key == "approve"
    assert caught.value.code == REPLAY_ERROR


def test_same_event_with_new_nonce_is_rejected_as_duplicate():
    # given WeCom's retry of the same event (new nonce, same content)
    guard = MemoryReplayGuard()
    query1, body1 = signed_request(CARD_EVENT, nonce="1")
    query2, body2 = signed_request(CARD_EVENT, nonce="2")
    parse_callback(query1, body1, config=CONFIG, replay_guard=guard, now=NOW)
    # when / then
    with pytest.raises(WeComCallbackError) as caught:
        parse_callback(query2, body2, config=CONFIG, replay_guard=guard, now=NOW)
    assert caught.value.code == REPLAY_ERROR


def test_replayed_msgid_is_rejected_with_the_django_cache_guard():
    # given two text messages with the same MsgId, different nonces
    text = (
        "<xml><ToUserName>wwhirelinksandbox01</ToUserName><FromUserName>lina</FromUserName>"
        "<CreateTime>1760000000</CreateTime><MsgType>text</MsgType><Content>你好</Content>"
        "<MsgId>777</MsgId><AgentID>1000002</AgentID></xml>"
    )
    guard = CacheReplayGuard()
    query1, body1 = signed_request(text, nonce="10")
    query2, body2 = signed_request(text, nonce="11")
    event = parse_callback(query1, body1, config=CONFIG, replay_guard=guard, now=NOW)
    # when the second arrives / then rejected
    with pytest.raises(WeComCallbackError) as caught:
        parse_callback(query2, body2, config=CONFIG, replay_guard=guard, now=NOW)
    assert event.content == "你好"
    assert caught.value.code == REPLAY_ERROR


def test_wrong_receiver_id_is_rejected_with_40005():
    query, body = signed_request(CARD_EVENT, receive_id="wwanothercorp")
    with pytest.raises(WeComCallbackError) as caught:
        parse_callback(query, body, config=CONFIG, replay_guard=MemoryReplayGuard(), now=NOW)
    assert caught.value.code == VALIDATE_CORPID_ERROR


def test_malformed_outer_xml_is_rejected_with_40002():
    query, _ = signed_request(CARD_EVENT)
    with pytest.raises(WeComCallbackError) as caught:
        parse_callback(query, b"<xml><Encrypt>", config=CONFIG, replay_guard=MemoryReplayGuard(), now=NOW)
    assert caught.value.code == PARSE_XML_ERROR


def test_malformed_inner_xml_is_rejected_with_40002():
    query, body = signed_request("<xml><MsgType>text</MsgType")
    with pytest.raises(WeComCallbackError) as caught:
        parse_callback(query, body, config=CONFIG, replay_guard=MemoryReplayGuard(), now=NOW)
    assert caught.value.code == PARSE_XML_ERROR


def test_rejected_callback_does_not_consume_its_nonce():
    # given a stale request that was rejected
    guard = MemoryReplayGuard()
    query, body = signed_request(CARD_EVENT, timestamp=NOW)
    with pytest.raises(WeComCallbackError):
        parse_callback(query, body, config=CONFIG, replay_guard=guard, now=NOW + 1000)
    # when it arrives within the window / then it is accepted
    assert parse_callback(query, body, config=CONFIG, replay_guard=guard, now=NOW).task_id == "app_42_review"


def test_verify_url_returns_the_echo():
    crypto = WeComCrypto(token=CONFIG.token, encoding_aes_key=CONFIG.encoding_aes_key, receive_id=CONFIG.corpid)
    echostr = crypto.encrypt("8877665544")
    query = {
        "msg_signature": crypto.signature(str(NOW), "99", echostr),
        "timestamp": str(NOW),
        "nonce": "99",
        "echostr": echostr,
    }
    assert verify_url(query, config=CONFIG, now=NOW) == "8877665544"


def test_verify_url_with_forged_signature_is_rejected():
    crypto = WeComCrypto(token="other", encoding_aes_key=CONFIG.encoding_aes_key, receive_id=CONFIG.corpid)
    echostr = crypto.encrypt("1")
    query = {"msg_signature": crypto.signature(str(NOW), "1", echostr), "timestamp": str(NOW), "nonce": "1"}
    query["echostr"] = echostr
    with pytest.raises(WeComCallbackError) as caught:
        verify_url(query, config=CONFIG, now=NOW)
    assert caught.value.code == VALIDATE_SIGNATURE_ERROR


def test_encrypt_reply_round_trips_through_parse_callback():
    # given a passive reply encrypted by us
    envelope = encrypt_reply(CARD_EVENT, config=CONFIG, nonce="55", timestamp=str(NOW))
    crypto = WeComCrypto(token=CONFIG.token, encoding_aes_key=CONFIG.encoding_aes_key, receive_id=CONFIG.corpid)
    # when the receiver decrypts it / then the content is intact
    signature = envelope.split("<MsgSignature><![CDATA[")[1].split("]]>")[0]
    assert crypto.decrypt_message(envelope, signature, str(NOW), "55") == CARD_EVENT
