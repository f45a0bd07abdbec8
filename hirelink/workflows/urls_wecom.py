"""Mounted at /wecom/ by config/urls.py (no namespace: WeCom is configured with these absolute paths)."""

from django.urls import path

from hirelink.workflows import wecom_views

urlpatterns = [
    path("callback/", wecom_views.wecom_callback, name="wecom_callback"),
    path("oauth/", wecom_views.wecom_oauth_start, name="wecom_oauth"),
    path("oauth/callback/", wecom_views.wecom_oauth_callback, name="wecom_oauth_callback"),
]
