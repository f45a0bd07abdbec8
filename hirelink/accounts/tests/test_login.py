"""Login: strong hashing, lockout after repeated failures, no user enumeration."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from hirelink.accounts.tests.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def test_production_hashes_passwords_with_argon2():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_login_with_the_right_password_reaches_the_candidate_list(client, recruiter):
    response = client.post(reverse("accounts:login"), {"username": "recruiter", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("talent:candidate_list")


def test_wrong_password_gives_the_same_message_as_an_unknown_user(client, recruiter):
    wrong = client.post(reverse("accounts:login"), {"username": "recruiter", "password": "nope-nope-1"})
    unknown = client.post(reverse("accounts:login"), {"username": "ghost", "password": "nope-nope-1"})
    assert wrong.status_code == unknown.status_code == 200
    assert wrong.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()


def test_account_locks_after_repeated_failures_even_with_the_right_password(client, recruiter):
    # given the failure limit reached
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "recruiter", "password": "wrong-password"})
    # when the right password is tried
    response = client.post(reverse("accounts:login"), {"username": "recruiter", "password": DEFAULT_PASSWORD})
    # then the account is locked and the user is not logged in
    assert response.status_code == 429
    assert "账户已暂时锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_anonymous_users_are_sent_to_login(client):
    response = client.get(reverse("talent:candidate_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
