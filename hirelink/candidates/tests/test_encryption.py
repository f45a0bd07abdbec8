"""Personal fields are encrypted at rest, decryptable with any configured key, and rotatable."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from hirelink.candidates.models import Candidate
from hirelink.candidates.tests.factories import CandidateFactory
from hirelink.core.crypto import _fernet, blind_index, decrypt, encrypt, normalise_identifier

pytestmark = pytest.mark.django_db


def _raw(candidate_id: int, column: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM candidates_candidate WHERE id = %s", [candidate_id])  # noqa: S608
        return str(cursor.fetchone()[0])


def test_phone_email_and_id_are_stored_encrypted():
    # given a candidate with contact data
    candidate = CandidateFactory.create(
        phone="13800138000", email="li.na@example.com", national_id="110101200001011234"
    )
    # when reading the raw column values
    raw_phone = _raw(candidate.pk, "phone")
    # then they are ciphertext, and the model reads plaintext back
    assert raw_phone.startswith("enc1:")
    assert "13800138000" not in raw_phone
    assert "li.na@example.com" not in _raw(candidate.pk, "email")
    assert "110101200001011234" not in _raw(candidate.pk, "national_id")
    reloaded = Candidate.objects.get(pk=candidate.pk)
    assert (reloaded.phone, reloaded.email, reloaded.national_id) == (
        "13800138000",
        "li.na@example.com",
        "110101200001011234",
    )


def test_encrypting_twice_gives_different_ciphertexts_that_both_decrypt():
    first, second = encrypt("13800138000"), encrypt("13800138000")
    assert first != second
    assert decrypt(first) == decrypt(second) == "13800138000"


def test_blind_index_matches_across_formatting_and_differs_by_purpose():
    assert blind_index("+86 138-0013-8000", purpose="phone") == blind_index("13800138000", purpose="phone")
    assert blind_index("13800138000", purpose="phone") != blind_index("13800138000", purpose="email")
    assert normalise_identifier(" Li.Na@Example.COM ") == "li.na@example.com"
    assert blind_index("", purpose="phone") == ""


def test_key_rotation_reencrypts_with_the_new_key(settings):
    # given data written with the old key
    old_key = settings.FIELD_ENCRYPTION_KEYS[0]
    candidate = CandidateFactory.create(phone="13900139000")
    new_key = Fernet.generate_key().decode()
    # when the new key is put first and the rotation command runs
    settings.FIELD_ENCRYPTION_KEYS = [new_key, old_key]
    _fernet.cache_clear()
    call_command("rotate_field_keys", stdout=open("/dev/null", "w"))  # noqa: SIM115
    # then the old key can be dropped and the data still reads
    settings.FIELD_ENCRYPTION_KEYS = [new_key]
    _fernet.cache_clear()
    assert Candidate.objects.get(pk=candidate.pk).phone == "13900139000"
    _fernet.cache_clear()
