from __future__ import annotations

from typing import Any

from django.http import Http404

from hirelink.accounts import permissions
from hirelink.messaging.models import MessageTemplate, OutboundMessage
from hirelink.messaging.selectors import messages_visible_to


def access_message_by_id(*, user: Any, message_id: int) -> OutboundMessage:
    message = (
        messages_visible_to(user=user).select_related("candidate", "user", "application").filter(pk=message_id).first()
    )
    if message is None:
        raise Http404
    return message


def access_template_by_id(*, user: Any, template_id: int) -> MessageTemplate:
    if not permissions.can_configure(user):
        raise Http404
    template = MessageTemplate.objects.filter(pk=template_id).first()
    if template is None:
        raise Http404
    return template
