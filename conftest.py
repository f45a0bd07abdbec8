"""Shared pytest fixtures for every app. Factories live in hirelink/<app>/tests/factories.py."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from hirelink.accounts.models import User


@pytest.fixture
def user_factory(db: None) -> Callable[..., User]:
    """`user_factory("interviewer", username="li")` → a saved staff user with that role
    (password "pass-1234-word", see hirelink.accounts.tests.factories.DEFAULT_PASSWORD)."""
    from hirelink.accounts.tests.factories import UserFactory

    def make(role: str = "recruiter", **kwargs: Any) -> User:
        return UserFactory.create(role=role, **kwargs)

    return make


@pytest.fixture
def hr_admin(user_factory: Callable[..., User]) -> User:
    return user_factory("hr_admin", username="hr", is_staff=True)


@pytest.fixture
def recruiter(user_factory: Callable[..., User]) -> User:
    return user_factory("recruiter", username="recruiter")


@pytest.fixture
def hiring_manager(user_factory: Callable[..., User]) -> User:
    return user_factory("hiring_manager", username="manager")


@pytest.fixture
def interviewer(user_factory: Callable[..., User]) -> User:
    return user_factory("interviewer", username="interviewer")


@pytest.fixture
def auditor(user_factory: Callable[..., User]) -> User:
    return user_factory("auditor", username="auditor")
