"""`manage.py print_demo_logins`: the demo staff accounts, their roles and the demo password."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from hirelink.accounts.models import Role, User
from hirelink.demo.content import DEMO_PASSWORD, STAFF


class Command(BaseCommand):
    help = "打印演示账号与密码 (print the demo logins)"

    def handle(self, *args: Any, **options: Any) -> None:
        existing = set(
            User.objects.filter(username__in=[s["username"] for s in STAFF]).values_list("username", flat=True)
        )
        rows = [("用户名 username", "角色 role", "姓名 name", "负责岗位 positions", "密码 password")]
        for spec in STAFF:
            role = Role(spec["role"])
            password = DEMO_PASSWORD if spec["username"] in existing else "(未创建 not created)"
            rows.append(
                (
                    spec["username"],
                    f"{role.label} {role.value}",
                    spec["display_name"],
                    ", ".join(spec["assign"]) or "全部 all",
                    password,
                )
            )
        widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
        for index, row in enumerate(rows):
            self.stdout.write("  ".join(_pad(cell, width) for cell, width in zip(row, widths, strict=True)).rstrip())
            if index == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
        self.stdout.write("")
        self.stdout.write("hr 同时是 Django 管理后台超级用户 (hr is also the Django admin superuser): /admin/")
        self.stdout.write(
            "已存在的同名账号不会被改密码 (an account that existed before seeding keeps its own password)."
        )


def _width(text: str) -> int:
    """Display width: full-width (CJK) characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
