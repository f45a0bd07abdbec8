"""Crypto vectors from Tencent's published WXBizMsgCrypt examples, reproduced byte for byte.

Sources (public reference material):
* 企业微信 developer documentation "加解密方案说明" (https://developer.work.weixin.qq.com/document/path/90968),
  example with corpid "wx5823bf96d3bd56c7", token "QDG6eK",
  EncodingAESKey "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C": the POST callback with
  msg_signature 477715d1…, timestamp 1409659813, nonce 1372623149 and its decrypted plaintext; the GET
  verification with msg_signature 5c45ff5e…, timestamp 1409659589, nonce 263014780 (also in the
  official samples' comments).
* Tencent's official callback sample, repository sbzhu/weworkapi_python, file callback/Sample.py
  (corpid "ww1436e0e65a779aee", token "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo",
  EncodingAESKey "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt").
"""

from __future__ import annotations

import base64

import pytest

from hirelink.integrations.wecom.crypto import WeComCrypto, compute_signature
from hirelink.integrations.wecom.errors import (
    DECODE_BASE64_ERROR,
    DECRYPT_AES_ERROR,
    ILLEGAL_AES_KEY,
    ILLEGAL_BUFFER,
    PARSE_XML_ERROR,
    VALIDATE_CORPID_ERROR,
    VALIDATE_SIGNATURE_ERROR,
    WeComCallbackError,
)

DOC_TOKEN = "QDG6eK"
DOC_CORPID = "wx5823bf96d3bd56c7"
DOC_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
DOC_ECHOSTR = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=="
DOC_ENCRYPT = (
    "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/"
    "sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZf"
    "JYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVG"
    "Ucallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KD"
    "YA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q=="
)
DOC_POST_BODY = (
    "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
    f"<Encrypt><![CDATA[{DOC_ENCRYPT}]]></Encrypt>"
    "<AgentID><![CDATA[218]]></AgentID></xml>"
)
DOC_PLAINTEXT = (
    "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n"
    "<FromUserName><![CDATA[mycreate]]></FromUserName>\n"
    "<CreateTime>1409659813</CreateTime>\n"
    "<MsgType><![CDATA[text]]></MsgType>\n"
    "<Content><![CDATA[hello]]></Content>\n"
    "<MsgId>4561255354251345929</MsgId>\n"
    "<AgentID>218</AgentID>\n"
    "</xml>"
)

SAMPLE_TOKEN = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo"
SAMPLE_KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt"
SAMPLE_CORPID = "ww1436e0e65a779aee"
SAMPLE_ECHOSTR = "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA=="
SAMPLE_ENCRYPT = (
    "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2"
    "AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8K"
    "ZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDC"
    "WjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+"
)


def doc_crypto(receive_id: str = DOC_CORPID) -> WeComCrypto:
    return WeComCrypto(token=DOC_TOKEN, encoding_aes_key=DOC_KEY, receive_id=receive_id)


def test_doc_post_signature_matches_published_value():
    # given the documented callback parameters / when signing / then we get Tencent's msg_signature
    assert (
        compute_signature(DOC_TOKEN, "1409659813", "1372623149", DOC_ENCRYPT)
        == "477715d11cdb4164915debcba66cb864d751f3e6"
    )


def test_doc_post_callback_decrypts_to_published_plaintext():
    # given Tencent's documented POST callback
    crypto = doc_crypto()
    # when verifying and decrypting it
    plaintext = crypto.decrypt_message(
        DOC_POST_BODY, "477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149"
    )
    # then the plaintext is exactly the documented message
    assert plaintext == DOC_PLAINTEXT


def test_doc_echostr_verification_reproduces_signature_and_echo():
    # given the documented GET verification request
    crypto = doc_crypto()
    # when verifying the URL
    echo = crypto.verify_url("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780", DOC_ECHOSTR)
    # then the signature matched and the echo is the decrypted random number
    assert echo == "1616140317555161061"


def test_official_python_sample_echostr_and_message():
    # given the official callback/Sample.py values
    crypto = WeComCrypto(token=SAMPLE_TOKEN, encoding_aes_key=SAMPLE_KEY, receive_id=SAMPLE_CORPID)
    body = (
        "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName>\n"
        f"<Encrypt><![CDATA[{SAMPLE_ENCRYPT}]]></Encrypt>\n"
        "<AgentID><![CDATA[1000002]]></AgentID>\n</xml>"
    )
    # when verifying the URL and decrypting the message
    echo = crypto.verify_url("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683", SAMPLE_ECHOSTR)
    message = crypto.decrypt_message(body, "0c3914025cb4b4d68103f6bfc8db550f79dcf48e", "1476422779", "1597212914")
    # then both reproduce the sample
    assert echo == "1288432023552776189"
    assert message == (
        "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName>"
        "<CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content>"
        "<MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>"
    )


def test_encrypt_reproduces_doc_ciphertext_given_its_random_prefix():
    # given the 16 random bytes Tencent used (recovered from the published ciphertext)
    crypto = doc_crypto()
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    key = base64.b64decode(DOC_KEY + "=")
    decryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
    prefix = (decryptor.update(base64.b64decode(DOC_ENCRYPT)) + decryptor.finalize())[:16]
    # when encrypting the documented plaintext with that prefix
    encrypted = crypto.encrypt(DOC_PLAINTEXT, random_prefix=prefix)
    # then the ciphertext is byte-for-byte the published one (so padding is PKCS#7 to 32-byte blocks)
    assert encrypted == DOC_ENCRYPT


def test_encrypt_message_round_trips_and_signs():
    # given a reply
    crypto = doc_crypto()
    # when encrypting it as a passive reply
    reply = crypto.encrypt_message("<xml><Content>你好</Content></xml>", nonce="123", timestamp="1409659813")
    # then its signature verifies and it decrypts back
    assert reply.msg_signature == compute_signature(DOC_TOKEN, "1409659813", "123", reply.encrypt)
    assert crypto.decrypt_message(reply.to_xml(), reply.msg_signature, "1409659813", "123") == (
        "<xml><Content>你好</Content></xml>"
    )


def test_forged_signature_is_rejected():
    crypto = doc_crypto()
    with pytest.raises(WeComCallbackError) as caught:
        crypto.decrypt_message(DOC_POST_BODY, "0" * 40, "1409659813", "1372623149")
    assert caught.value.code == VALIDATE_SIGNATURE_ERROR


def test_wrong_receiver_id_is_rejected():
    # given an app configured for another corp
    crypto = doc_crypto(receive_id="wwsomeothercorp")
    # when decrypting a message addressed to wx5823bf96d3bd56c7 / then -40005
    with pytest.raises(WeComCallbackError) as caught:
        crypto.decrypt_message(DOC_POST_BODY, "477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149")
    assert caught.value.code == VALIDATE_CORPID_ERROR


def test_malformed_xml_is_rejected():
    with pytest.raises(WeComCallbackError) as caught:
        doc_crypto().decrypt_message("<xml><Encrypt>abc", "x", "1", "2")
    assert caught.value.code == PARSE_XML_ERROR


def test_xml_with_entities_is_rejected():
    body = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><xml><Encrypt>&a;</Encrypt></xml>'
    with pytest.raises(WeComCallbackError) as caught:
        doc_crypto().decrypt_message(body, "x", "1", "2")
    assert caught.value.code == PARSE_XML_ERROR


def test_bad_base64_is_rejected_after_a_valid_signature():
    # given a correctly signed envelope whose Encrypt is not base64
    crypto = doc_crypto()
    encrypt = "not*base64!"
    signature = compute_signature(DOC_TOKEN, "1", "2", encrypt)
    # when / then -40010
    with pytest.raises(WeComCallbackError) as caught:
        crypto.decrypt_message(f"<xml><Encrypt>{encrypt}</Encrypt></xml>", signature, "1", "2")
    assert caught.value.code == DECODE_BASE64_ERROR


def test_ciphertext_of_wrong_length_is_rejected():
    crypto = doc_crypto()
    encrypt = base64.b64encode(b"x" * 20).decode()
    signature = compute_signature(DOC_TOKEN, "1", "2", encrypt)
    with pytest.raises(WeComCallbackError) as caught:
        crypto.decrypt_message(f"<xml><Encrypt>{encrypt}</Encrypt></xml>", signature, "1", "2")
    assert caught.value.code == DECRYPT_AES_ERROR


def test_ciphertext_under_another_key_is_an_illegal_buffer():
    # given a message encrypted with a different EncodingAESKey
    other = WeComCrypto(token=DOC_TOKEN, encoding_aes_key=SAMPLE_KEY, receive_id=DOC_CORPID)
    encrypt = other.encrypt("<xml/>", random_prefix=b"0123456789abcdef")
    signature = compute_signature(DOC_TOKEN, "1", "2", encrypt)
    # when decrypting with ours / then the padding or length check fails
    with pytest.raises(WeComCallbackError) as caught:
        doc_crypto().decrypt_message(f"<xml><Encrypt>{encrypt}</Encrypt></xml>", signature, "1", "2")
    assert caught.value.code == ILLEGAL_BUFFER


@pytest.mark.parametrize(
    "key", ["short", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C=", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2+"]
)
def test_illegal_aes_key_is_rejected(key):
    with pytest.raises(WeComCallbackError) as caught:
        WeComCrypto(token=DOC_TOKEN, encoding_aes_key=key, receive_id=DOC_CORPID)
    assert caught.value.code == ILLEGAL_AES_KEY
