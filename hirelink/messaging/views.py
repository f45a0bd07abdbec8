"""HR pages for messaging: the timeliness dashboard with the delivery log, message detail, template editing."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hirelink.accounts import permissions
from hirelink.core.errors import DomainError
from hirelink.messaging.access import access_message_by_id, access_template_by_id
from hirelink.messaging.forms import TemplateForm
from hirelink.messaging.models import Channel, MessageStatus, MessageTemplate
from hirelink.messaging.selectors import latency_histogram, latency_stats, messages_visible_to
from hirelink.messaging.services import message_template_save


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    if not permissions.is_staff_member(request.user):
        raise Http404
    qs = messages_visible_to(user=request.user).select_related("candidate", "user").order_by("-created_at", "-id")
    channel = request.GET.get("channel", "")
    status = request.GET.get("status", "")
    if channel in Channel.values:
        qs = qs.filter(channel=channel)
    if status in MessageStatus.values:
        qs = qs.filter(status=status)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    histogram = latency_histogram(user=request.user)
    peak = max((n for _label, n in histogram), default=0) or 1
    return render(
        request,
        "messaging/dashboard.html",
        {
            "stats": latency_stats(user=request.user),
            "histogram": [(label, n, round(100 * n / peak)) for label, n in histogram],
            "page": page,
            "channels": Channel.choices,
            "statuses": MessageStatus.choices,
            "channel": channel,
            "status": status,
        },
    )


@login_required
def message_detail(request: HttpRequest, message_id: int) -> HttpResponse:
    message = access_message_by_id(user=request.user, message_id=message_id)
    return render(
        request,
        "messaging/message_detail.html",
        {"message": message, "attempts": message.delivery_attempts.all(), "fallbacks": message.fallbacks.all()},
    )


@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    if not permissions.can_configure(request.user):
        raise Http404
    return render(request, "messaging/template_list.html", {"templates": MessageTemplate.objects.all()})


@login_required
def template_edit(request: HttpRequest, template_id: int) -> HttpResponse:
    template = access_template_by_id(user=request.user, template_id=template_id)
    initial = {
        "name": template.name,
        "subject": template.subject,
        "body": template.body,
        "sms_template_id": template.sms_template_id,
        "sms_params": json.dumps(template.sms_params, ensure_ascii=False),
        "is_active": template.is_active,
    }
    form = TemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            message_template_save(actor=request.user, template=template, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, str(exc.message))
        else:
            messages.success(request, _("模板已保存。"))
            return redirect("messaging:template_list")
    return render(request, "messaging/template_form.html", {"form": form, "template": template})
