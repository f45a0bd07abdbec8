"""The outbox consumer (settings.OUTBOX_CONSUMERS): turn a domain event into workflow runs.

It runs inside the dispatcher's worker task, so the runs that are due now are executed there and their
messages delivered right after the dispatcher commits (no extra task hops: the latency the candidate sees is
one task pick-up plus the provider call). Each run is isolated: its failure is logged on the run."""

from __future__ import annotations

from hirelink.core.models import OutboxEvent
from hirelink.messaging.services import inline_delivery
from hirelink.workflows.engine import runs_create


def consume(event: OutboxEvent) -> None:
    with inline_delivery():
        runs_create(event=event, execute_now=True)
