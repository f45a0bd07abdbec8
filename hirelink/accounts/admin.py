from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.http import HttpRequest

from hirelink.accounts.models import User
from hirelink.accounts.services import user_apply_role


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    list_display = ("username", "display_name", "role", "email", "is_active", "last_login")
    list_filter = ("role", "is_active")
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        ("HireLink", {"fields": ("role", "display_name", "wecom_userid", "preferred_language")}),
    )

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        user_apply_role(user=obj)
