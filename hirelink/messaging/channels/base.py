"""The channel interface and the result every channel returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from hirelink.messaging.models import AttemptOutcome

if TYPE_CHECKING:
    from hirelink.messaging.models import OutboundMessage


@dataclass(frozen=True)
class DeliveryResult:
    """What one send attempt achieved.

    - SENT / DELIVERED: done (DELIVERED when the provider confirms receipt synchronously);
    - RETRY: a transient failure, try again with backoff; RATE_LIMITED: try again after `retry_after` seconds;
    - UNREACHABLE: this channel cannot reach the recipient (no address, not a contact, session closed): fall
      back to the next channel at once; FAILED: permanent failure (bad request, blacklisted number)."""

    outcome: AttemptOutcome
    provider_message_id: str = ""
    provider_code: str = ""
    response: dict[str, Any] = field(default_factory=dict)
    error: str = ""
    retry_after: float | None = None

    @property
    def ok(self) -> bool:
        return self.outcome in (AttemptOutcome.SENT, AttemptOutcome.DELIVERED)


class Channel(Protocol):
    name: str
    # True when the provider itself drops a duplicate of a message we may have sent before a crash
    # (e.g. WeCom's enable_duplicate_check): only then is a send whose outcome is unknown repeated.
    provider_deduplicates: bool

    def send(self, message: OutboundMessage) -> DeliveryResult: ...
