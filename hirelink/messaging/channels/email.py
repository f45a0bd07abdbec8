"""E-mail through Django's configured backend (SMTP in production, console locally, locmem in tests)."""

from __future__ import annotations

import smtplib
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage, get_connection

from hirelink.messaging.channels.base import DeliveryResult
from hirelink.messaging.models import AttemptOutcome

if TYPE_CHECKING:
    from hirelink.messaging.models import OutboundMessage


class EmailChannel:
    name = "email"
    provider_deduplicates = False

    def send(self, message: OutboundMessage) -> DeliveryResult:
        if not message.address:
            return DeliveryResult(outcome=AttemptOutcome.UNREACHABLE, error="no e-mail address")
        email = EmailMessage(
            subject=message.subject or message.body.splitlines()[0][:80],
            body=message.body,
            from_email=getattr(settings, "DEFAULT_FROM_EMAIL", None),
            to=[message.address],
            headers={"X-HireLink-Message": message.idempotency_key[:200]},
        )
        try:
            sent = get_connection(fail_silently=False).send_messages([email])
        except smtplib.SMTPRecipientsRefused as exc:
            return DeliveryResult(outcome=AttemptOutcome.FAILED, provider_code="recipients_refused", error=str(exc))
        except (TimeoutError, smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, ConnectionError) as exc:
            return DeliveryResult(outcome=AttemptOutcome.RETRY, provider_code="connection", error=str(exc))
        except smtplib.SMTPResponseException as exc:
            # 4xx is temporary (greylisting, mailbox busy), 5xx permanent.
            outcome = AttemptOutcome.RETRY if 400 <= exc.smtp_code < 500 else AttemptOutcome.FAILED
            return DeliveryResult(outcome=outcome, provider_code=str(exc.smtp_code), error=str(exc.smtp_error))
        except (smtplib.SMTPException, OSError) as exc:
            return DeliveryResult(outcome=AttemptOutcome.RETRY, provider_code="smtp", error=str(exc))
        if not sent:
            return DeliveryResult(outcome=AttemptOutcome.RETRY, error="backend sent nothing")
        return DeliveryResult(outcome=AttemptOutcome.SENT, response={"accepted": sent})
