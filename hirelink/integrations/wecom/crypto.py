"""WeCom callback cryptography (the WXBizMsgCrypt scheme), written from the published specification.

* ``msg_signature = sha1("".join(sorted([token, timestamp, nonce, encrypt])))`` (hex)
* ``AESKey = base64decode(EncodingAESKey + "=")`` (32 bytes), AES-256-CBC with ``IV = AESKey[:16]``
* plaintext = 16 random bytes + 4-byte big-endian ``len(msg)`` + msg + receive id (corpid / suiteid),
  PKCS#7-padded to a multiple of **32** bytes (not AES's 16), then base64.

Pure Python + ``cryptography``: no Django, so the sandbox server can share it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from .errors import (
    DECODE_BASE64_ERROR,
    DECRYPT_AES_ERROR,
    ILLEGAL_AES_KEY,
    ILLEGAL_BUFFER,
    PARSE_XML_ERROR,
    VALIDATE_CORPID_ERROR,
    VALIDATE_SIGNATURE_ERROR,
    WeComCallbackError,
)

PAD_BLOCK = 32
_AES_KEY_RE = re.compile(r"^[A-Za-z0-9]{43}$")
_FORBIDDEN_XML = ("<!DOCTYPE", "<!ENTITY")
MAX_XML_BYTES = 256 * 1024


def compute_signature(token: str, timestamp: str, nonce: str, encrypt: str) -> str:
    """SHA-1 over the four strings sorted in byte order and concatenated; lowercase hex."""
    joined = "".join(sorted([token, timestamp, nonce, encrypt]))
    return hashlib.sha1(joined.encode("utf-8"), usedforsecurity=False).hexdigest()


def parse_xml(text: str | bytes) -> ET.Element:
    """Parse a callback XML document; DTDs/entities are refused (WeCom never sends them)."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    if len(raw) > MAX_XML_BYTES:
        raise WeComCallbackError(PARSE_XML_ERROR, "XML document too large")
    upper = raw.upper()
    if any(marker.encode() in upper for marker in _FORBIDDEN_XML):
        raise WeComCallbackError(PARSE_XML_ERROR, "XML with DOCTYPE/ENTITY is refused")
    try:
        # DTDs are rejected above, so expat cannot expand entities or fetch anything.
        return ET.fromstring(raw)  # noqa: S314
    except ET.ParseError as exc:
        raise WeComCallbackError(PARSE_XML_ERROR, f"malformed XML: {exc}") from exc


def xml_fields(root: ET.Element) -> dict[str, str]:
    """Top-level child elements as a flat dict of their text (CDATA unwrapped by the parser)."""
    return {child.tag: (child.text or "").strip() for child in root}


def decode_aes_key(encoding_aes_key: str) -> bytes:
    if not _AES_KEY_RE.match(encoding_aes_key or ""):
        raise WeComCallbackError(ILLEGAL_AES_KEY, "EncodingAESKey must be 43 characters [A-Za-z0-9]")
    try:
        key = base64.b64decode(encoding_aes_key + "=", validate=True)
    except (binascii.Error, ValueError) as exc:
        raise WeComCallbackError(ILLEGAL_AES_KEY, "EncodingAESKey is not base64") from exc
    if len(key) != 32:  # pragma: no cover - 43 base64 chars + "=" always decode to 32 bytes
        raise WeComCallbackError(ILLEGAL_AES_KEY, "AESKey must be 32 bytes")
    return key


def _pkcs7_pad(data: bytes) -> bytes:
    amount = PAD_BLOCK - (len(data) % PAD_BLOCK)
    return data + bytes([amount]) * amount


def _pkcs7_unpad(data: bytes) -> bytes:
    if not data:
        raise WeComCallbackError(ILLEGAL_BUFFER, "empty plaintext")
    amount = data[-1]
    if amount < 1 or amount > PAD_BLOCK or data[-amount:] != bytes([amount]) * amount:
        raise WeComCallbackError(ILLEGAL_BUFFER, "bad PKCS#7 padding")
    return data[:-amount]


@dataclass(frozen=True)
class EncryptedReply:
    encrypt: str
    msg_signature: str
    timestamp: str
    nonce: str

    def to_xml(self) -> str:
        return (
            "<xml>"
            f"<Encrypt><![CDATA[{self.encrypt}]]></Encrypt>"
            f"<MsgSignature><![CDATA[{self.msg_signature}]]></MsgSignature>"
            f"<TimeStamp>{self.timestamp}</TimeStamp>"
            f"<Nonce><![CDATA[{self.nonce}]]></Nonce>"
            "</xml>"
        )


class WeComCrypto:
    """Sign, verify, encrypt and decrypt for one (token, EncodingAESKey, receive id) triple."""

    def __init__(self, *, token: str, encoding_aes_key: str, receive_id: str) -> None:
        self.token = token
        self.receive_id = receive_id
        self._key = decode_aes_key(encoding_aes_key)

    # --- signature ---
    def signature(self, timestamp: str, nonce: str, encrypt: str) -> str:
        return compute_signature(self.token, timestamp, nonce, encrypt)

    def verify_signature(self, msg_signature: str, timestamp: str, nonce: str, encrypt: str) -> None:
        expected = self.signature(timestamp, nonce, encrypt)
        if not hmac.compare_digest(expected.encode(), (msg_signature or "").lower().encode()):
            raise WeComCallbackError(VALIDATE_SIGNATURE_ERROR, "msg_signature does not match")

    # --- AES ---
    def _cipher(self) -> Cipher[modes.CBC]:
        return Cipher(algorithms.AES(self._key), modes.CBC(self._key[:16]))

    def encrypt(self, message: str | bytes, *, random_prefix: bytes | None = None) -> str:
        body = message.encode("utf-8") if isinstance(message, str) else message
        prefix = random_prefix if random_prefix is not None else secrets.token_bytes(16)
        if len(prefix) != 16:
            raise ValueError("random prefix must be 16 bytes")
        plain = prefix + struct.pack(">I", len(body)) + body + self.receive_id.encode("utf-8")
        encryptor = self._cipher().encryptor()
        cipher_bytes = encryptor.update(_pkcs7_pad(plain)) + encryptor.finalize()
        return base64.b64encode(cipher_bytes).decode("ascii")

    def decrypt(self, encrypt: str) -> bytes:
        """Decrypt and check the receive id; returns the inner message bytes."""
        try:
            cipher_bytes = base64.b64decode(encrypt, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise WeComCallbackError(DECODE_BASE64_ERROR, "Encrypt is not valid base64") from exc
        if not cipher_bytes or len(cipher_bytes) % 16:
            raise WeComCallbackError(DECRYPT_AES_ERROR, "ciphertext length is not a multiple of 16")
        decryptor = self._cipher().decryptor()
        plain = _pkcs7_unpad(decryptor.update(cipher_bytes) + decryptor.finalize())
        if len(plain) < 20:
            raise WeComCallbackError(ILLEGAL_BUFFER, "plaintext shorter than its header")
        (length,) = struct.unpack(">I", plain[16:20])
        if 20 + length > len(plain):
            raise WeComCallbackError(ILLEGAL_BUFFER, "message length exceeds the plaintext")
        message = plain[20 : 20 + length]
        receive_id = plain[20 + length :]
        if not hmac.compare_digest(receive_id, self.receive_id.encode("utf-8")):
            raise WeComCallbackError(VALIDATE_CORPID_ERROR, "receive id does not match this app")
        return message

    # --- the three WXBizMsgCrypt operations ---
    def verify_url(self, msg_signature: str, timestamp: str, nonce: str, echostr: str) -> str:
        """GET handshake: verify the signature over echostr, return the decrypted echo text."""
        self.verify_signature(msg_signature, timestamp, nonce, echostr)
        return self.decrypt(echostr).decode("utf-8")

    def decrypt_message(self, post_body: str | bytes, msg_signature: str, timestamp: str, nonce: str) -> str:
        """POST callback: extract <Encrypt>, verify the signature, decrypt; returns the inner XML."""
        root = parse_xml(post_body)
        node = root.find("Encrypt")
        if node is None or not (node.text or "").strip():
            raise WeComCallbackError(PARSE_XML_ERROR, "no <Encrypt> element")
        encrypt = (node.text or "").strip()
        self.verify_signature(msg_signature, timestamp, nonce, encrypt)
        try:
            return self.decrypt(encrypt).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise WeComCallbackError(ILLEGAL_BUFFER, "message is not UTF-8") from exc

    def encrypt_message(self, reply: str, *, nonce: str, timestamp: str) -> EncryptedReply:
        """Passive reply / outbound callback: encrypt and sign; ``.to_xml()`` gives the envelope."""
        encrypt = self.encrypt(reply)
        return EncryptedReply(
            encrypt=encrypt,
            msg_signature=self.signature(timestamp, nonce, encrypt),
            timestamp=timestamp,
            nonce=nonce,
        )
