"""Tencent Cloud API 3.0 request signing, TC3-HMAC-SHA256 ("签名方法 v3"), for a JSON POST.

    CanonicalRequest = "POST\n/\n\n" + "content-type:application/json; charset=utf-8\nhost:<host>\n"
                       + "x-tc-action:<action lower-case>\n" + "\n" + "content-type;host;x-tc-action\n"
                       + hex(sha256(payload))
    StringToSign     = "TC3-HMAC-SHA256\n" + timestamp + "\n" + "<UTC date>/<service>/tc3_request\n"
                       + hex(sha256(CanonicalRequest))
    key              = HMAC(HMAC(HMAC("TC3" + SecretKey, date), service), "tc3_request")
    Signature        = hex(HMAC(key, StringToSign))

Pure Python so the SMS sandbox server verifies requests with the same, separately tested, code."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

ALGORITHM = "TC3-HMAC-SHA256"
CONTENT_TYPE = "application/json; charset=utf-8"
SIGNED_HEADERS = "content-type;host;x-tc-action"


def _hmac(key: bytes, msg: str) -> bytes:
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()


def _sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def utc_date(timestamp: int) -> str:
    return dt.datetime.fromtimestamp(timestamp, tz=dt.UTC).strftime("%Y-%m-%d")


def canonical_request(*, host: str, action: str, payload: bytes) -> str:
    headers = f"content-type:{CONTENT_TYPE}\nhost:{host}\nx-tc-action:{action.lower()}\n"
    return f"POST\n/\n\n{headers}\n{SIGNED_HEADERS}\n{_sha256_hex(payload)}"


def string_to_sign(*, timestamp: int, service: str, canonical: str) -> str:
    scope = f"{utc_date(timestamp)}/{service}/tc3_request"
    return f"{ALGORITHM}\n{timestamp}\n{scope}\n{_sha256_hex(canonical.encode('utf-8'))}"


def signature(*, secret_key: str, timestamp: int, service: str, to_sign: str) -> str:
    secret_date = _hmac(f"TC3{secret_key}".encode(), utc_date(timestamp))
    secret_service = _hmac(secret_date, service)
    secret_signing = _hmac(secret_service, "tc3_request")
    return hmac.new(secret_signing, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()


def authorization(
    *, secret_id: str, secret_key: str, host: str, service: str, action: str, timestamp: int, payload: bytes
) -> str:
    canonical = canonical_request(host=host, action=action, payload=payload)
    to_sign = string_to_sign(timestamp=timestamp, service=service, canonical=canonical)
    sig = signature(secret_key=secret_key, timestamp=timestamp, service=service, to_sign=to_sign)
    scope = f"{utc_date(timestamp)}/{service}/tc3_request"
    return f"{ALGORITHM} Credential={secret_id}/{scope}, SignedHeaders={SIGNED_HEADERS}, Signature={sig}"


def headers(
    *,
    secret_id: str,
    secret_key: str,
    host: str,
    service: str,
    action: str,
    version: str,
    region: str,
    timestamp: int,
    payload: bytes,
) -> dict[str, str]:
    """The complete header set of one signed API 3.0 request."""
    return {
        "Authorization": authorization(
            secret_id=secret_id,
            secret_key=secret_key,
            host=host,
            service=service,
            action=action,
            timestamp=timestamp,
            payload=payload,
        ),
        "Content-Type": CONTENT_TYPE,
        "Host": host,
        "X-TC-Action": action,
        "X-TC-Version": version,
        "X-TC-Timestamp": str(timestamp),
        "X-TC-Region": region,
    }


def verify(
    *,
    authorization_header: str,
    secret_id: str,
    secret_key: str,
    host: str,
    service: str,
    action: str,
    timestamp: int,
    payload: bytes,
) -> bool:
    expected = authorization(
        secret_id=secret_id,
        secret_key=secret_key,
        host=host,
        service=service,
        action=action,
        timestamp=timestamp,
        payload=payload,
    )
    return hmac.compare_digest(expected, authorization_header)
