from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from hirelink.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    list_display = ("username", "display_name", "role", "email", "is_active", "last_login")
    list_filter = ("role", "is_active")
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        ("HireLink", {"fields": ("role", "display_name", "wecom_userid", "preferred_language")}),
    )
