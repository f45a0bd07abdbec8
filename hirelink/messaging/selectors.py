"""Reads for messaging: the delivery log (scoped to what the user may see) and latency distributions."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext

from hirelink.accounts import permissions
from hirelink.candidates.selectors import applications_visible_to
from hirelink.core import clock
from hirelink.messaging.models import Channel, MessageStatus, OutboundMessage


def messages_visible_to(*, user: Any) -> QuerySet[OutboundMessage]:
    if permissions.sees_everything(user):
        return OutboundMessage.objects.all()
    if not permissions.is_staff_member(user):
        return OutboundMessage.objects.none()
    return OutboundMessage.objects.filter(Q(application__in=applications_visible_to(user=user)) | Q(user=user))


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile (p in 0..100) of a list; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class LatencyRow:
    channel: str
    label: str
    count: int
    sent: int
    failed: int
    p50_sent: float | None
    p95_sent: float | None
    max_sent: float | None
    p50_delivered: float | None
    p95_delivered: float | None


def latency_stats(*, user: Any, since: dt.datetime | None = None, limit: int = 20_000) -> list[LatencyRow]:
    """Per channel: messages, sent, failed and p50/p95 of event→sent and event→delivered (seconds)."""
    since = since or clock.now() - dt.timedelta(days=30)
    rows = (
        messages_visible_to(user=user)
        .filter(created_at__gte=since)
        .order_by("-created_at")
        .values_list("channel", "status", "event_at", "sent_at", "delivered_at")[:limit]
    )
    buckets: dict[str, dict[str, Any]] = {}
    for channel, status, event_at, sent_at, delivered_at in rows:
        for key in (channel, "all"):
            bucket = buckets.setdefault(key, {"count": 0, "failed": 0, "sent": [], "delivered": []})
            bucket["count"] += 1
            bucket["failed"] += status == MessageStatus.FAILED
            if sent_at is not None:
                bucket["sent"].append((sent_at - event_at).total_seconds())
            if delivered_at is not None:
                bucket["delivered"].append((delivered_at - event_at).total_seconds())
    labels = dict(Channel.choices)
    order = [*Channel.values, "all"]
    result = []
    for key in order:
        if key not in buckets:
            continue
        b = buckets[key]
        result.append(
            LatencyRow(
                channel=key,
                label=str(labels.get(key, gettext("合计") if key == "all" else key)),
                count=b["count"],
                sent=len(b["sent"]),
                failed=b["failed"],
                p50_sent=percentile(b["sent"], 50),
                p95_sent=percentile(b["sent"], 95),
                max_sent=max(b["sent"]) if b["sent"] else None,
                p50_delivered=percentile(b["delivered"], 50),
                p95_delivered=percentile(b["delivered"], 95),
            )
        )
    return result


def latency_histogram(*, user: Any, since: dt.datetime | None = None) -> list[tuple[str, int]]:
    """Counts of event→sent latency in fixed buckets, for the dashboard bar chart."""
    since = since or clock.now() - dt.timedelta(days=30)
    edges = [(1, "<1s"), (2, "1–2s"), (5, "2–5s"), (30, "5–30s"), (300, "30s–5min"), (math.inf, ">5min")]
    counts = [0] * len(edges)
    for event_at, sent_at in (
        messages_visible_to(user=user)
        .filter(created_at__gte=since, sent_at__isnull=False)
        .values_list("event_at", "sent_at")[:20_000]
    ):
        if sent_at is None:
            continue
        seconds = (sent_at - event_at).total_seconds()
        for index, (edge, _label) in enumerate(edges):
            if seconds < edge:
                counts[index] += 1
                break
    return [(label, counts[i]) for i, (_edge, label) in enumerate(edges)]
