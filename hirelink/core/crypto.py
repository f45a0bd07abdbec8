"""Encryption at rest for personal fields, and blind indexes to find duplicates without decrypting.

Keys come from settings (the environment): FIELD_ENCRYPTION_KEYS is a list of Fernet keys, the first one
encrypts and all of them decrypt, so rotation is: put a new key first, run `manage.py rotate_field_keys`,
then drop the old key.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

_PREFIX = "enc1:"


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("HIRELINK_FIELD_ENCRYPTION_KEYS is not set.")
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as exc:
        raise ImproperlyConfigured(
            "HIRELINK_FIELD_ENCRYPTION_KEYS must be url-safe base64 Fernet keys "
            "(generate one with `python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'`)."
        ) from exc


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(plaintext: str) -> str:
    return _PREFIX + fernet().encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    if not token.startswith(_PREFIX):
        raise ValueError("value is not an encrypted HireLink field")
    try:
        return fernet().decrypt(token[len(_PREFIX) :].encode()).decode()
    except InvalidToken as exc:
        raise ImproperlyConfigured(
            "An encrypted field could not be decrypted with any configured key "
            "(HIRELINK_FIELD_ENCRYPTION_KEYS is missing the key it was written with)."
        ) from exc


def rotate(token: str) -> str:
    """Re-encrypt a stored token with the first (current) key."""
    return _PREFIX + fernet().rotate(token[len(_PREFIX) :].encode()).decode()


def normalise_identifier(value: str) -> str:
    """Canonical form used for matching: NFKC, lower case, no spaces or dashes, +86 prefix removed."""
    text = unicodedata.normalize("NFKC", value).strip().lower()
    text = "".join(ch for ch in text if ch not in " -()\t")
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    return text


def blind_index(value: str, *, purpose: str) -> str:
    """Keyed hash of the normalised value; equal inputs give equal indexes, nothing can be read back."""
    if not value:
        return ""
    key = settings.BLIND_INDEX_KEY
    if not key:
        raise ImproperlyConfigured("HIRELINK_BLIND_INDEX_KEY is not set.")
    message = f"{purpose}:{normalise_identifier(value)}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """A text field stored encrypted. Not searchable: pair it with a blind-index field for lookups."""

    description = "Text encrypted at rest (Fernet)"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))
