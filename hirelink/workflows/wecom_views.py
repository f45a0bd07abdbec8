"""WeCom endpoints: the callback URL (card button clicks) and OAuth2 sign-in for staff opening links in WeCom.

The callback view is a thin wrapper over the integration's verification (msg_signature, AES-256-CBC with the
EncodingAESKey, receiver id, timestamp window, nonce/MsgId replay): it stores the verified event and answers
at once; a task acts on it (the 5 s limit)."""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model, login
from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from hirelink.integrations.wecom.callback import CacheReplayGuard, parse_callback, verify_url
from hirelink.integrations.wecom.client import WeComClient, build_oauth_authorize_url
from hirelink.integrations.wecom.config import app_config_from_settings
from hirelink.integrations.wecom.errors import WeComCallbackError, WeComError
from hirelink.workflows.engine import absolute_url
from hirelink.workflows.services import wecom_callback_receive

logger = logging.getLogger(__name__)
OAUTH_SALT = "hirelink.wecom.oauth"


@csrf_exempt
@require_http_methods(["GET", "POST"])
def wecom_callback(request: HttpRequest) -> HttpResponse:
    config = app_config_from_settings()
    try:
        if request.method == "GET":
            return HttpResponse(verify_url(request.GET, config=config), content_type="text/plain")
        event = parse_callback(request.GET, request.body, config=config, replay_guard=CacheReplayGuard())
    except WeComCallbackError as exc:
        logger.warning("workflows.wecom_callback.rejected", extra={"code": exc.code, "reason": exc.name})
        return HttpResponseBadRequest(exc.name, content_type="text/plain")
    receipt = wecom_callback_receive(dedupe_key=event.dedupe_key, message=dict(event.fields))
    if receipt is None:
        logger.warning("workflows.wecom_callback.replayed", extra={"key": event.dedupe_key})
        return HttpResponseBadRequest("Replay_Error", content_type="text/plain")
    return HttpResponse("success", content_type="text/plain")


@require_GET
def wecom_oauth_start(request: HttpRequest) -> HttpResponse:
    """Send a staff member's WeCom browser through 网页授权 (snsapi_base); `next` travels signed in state."""
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    state = signing.dumps(next_url, salt=OAUTH_SALT, compress=True)
    if len(state.encode()) > 128:
        state = signing.dumps("/", salt=OAUTH_SALT)
    url = build_oauth_authorize_url(
        app_config_from_settings(), redirect_uri=absolute_url(reverse("wecom_oauth_callback")), state=state
    )
    return HttpResponseRedirect(url)


@require_GET
def wecom_oauth_callback(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("code", "")
    try:
        next_url = str(signing.loads(request.GET.get("state", ""), salt=OAUTH_SALT, max_age=600))
    except signing.BadSignature:
        return _oauth_error(request, _("登录链接无效或已过期，请重新打开。"))
    if not code:
        return _oauth_error(request, _("企业微信未返回授权码，请重新打开。"))
    try:
        with WeComClient(app_config_from_settings()) as api:
            identity = api.get_user_info(code)
    except WeComError:
        return _oauth_error(request, _("企业微信授权失败，请重新打开链接。"))
    user = None
    if identity.is_member:
        user = get_user_model().objects.filter(wecom_userid=identity.userid, is_active=True).first()
    if user is None:
        return _oauth_error(request, _("您的企业微信账号未绑定 HireLink 员工账号，请联系管理员。"))
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    logger.info("workflows.wecom_oauth.login", extra={"user_id": user.pk})
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    return HttpResponseRedirect(next_url)


def _oauth_error(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "workflows/oauth_error.html", {"message": message}, status=403)
