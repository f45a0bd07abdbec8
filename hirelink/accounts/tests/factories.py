"""Factories for staff users. Every user gets the password DEFAULT_PASSWORD unless told otherwise."""

from __future__ import annotations

from factory.declarations import LazyAttribute, Sequence, Trait
from factory.django import DjangoModelFactory, Password

from hirelink.accounts.models import Role, User

DEFAULT_PASSWORD = "pass-1234-word"


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = Sequence(lambda n: f"staff{n:03d}")
    display_name = Sequence(lambda n: f"员工{n:03d}")
    email = LazyAttribute(lambda o: f"{o.username}@bank.example.com")
    role = Role.RECRUITER
    is_active = True
    password = Password(DEFAULT_PASSWORD)

    class Params:
        superuser = Trait(role=Role.HR_ADMIN, is_staff=True, is_superuser=True)


class HrAdminFactory(UserFactory):
    role = Role.HR_ADMIN
    is_staff = True


class RecruiterFactory(UserFactory):
    role = Role.RECRUITER


class HiringManagerFactory(UserFactory):
    role = Role.HIRING_MANAGER


class InterviewerFactory(UserFactory):
    role = Role.INTERVIEWER


class AuditorFactory(UserFactory):
    role = Role.AUDITOR
