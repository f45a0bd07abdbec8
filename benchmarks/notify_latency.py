"""Event → notice latency through the REAL worker, to the WeCom sandbox.

    .venv/bin/python benchmarks/notify_latency.py [--events 500] [--rate 50] [--workers 1]

What it does, on a temporary SQLite database with the local settings (the embedded defaults):
1. starts the WeCom sandbox and the SMS sandbox in this process on free local ports;
2. migrates the temp database and creates N candidates (each a WeCom external contact of a recruiter) with
   an application waiting in the interview, marking the setup's own outbox events as handled;
3. starts `manage.py run_worker` subprocess(es) (database task backend, heartbeat, sweeper);
4. completes N interviews (`application_transition(... "interviewed")`) at --rate per second: each one goes
   outbox → dispatcher task → workflow run task → delivery task → WeCom add_msg_template on the sandbox;
5. waits until every "面试已完成，系统正在评分" notice is sent and prints p50/p95/max event→sent latency, sends
   per second, and the ratio of p95 to the seed's 5-minute bar (and to the issue's 5 s target).
Nothing leaves the machine: every request goes to 127.0.0.1."""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.harness import embedded_deployment, percentile, start_worker  # noqa: E402

SEED_BAR_SECONDS = 300.0
TARGET_P95_SECONDS = 5.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--rate", type=float, default=10.0, help="events per second (0 = all at once)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--verbose", action="store_true", help="print a sample of the timeline")
    args = parser.parse_args()

    from hirelink.integrations.wecom.sandbox import SandboxConfig, start_sandbox
    from hirelink.messaging import sms_sandbox

    wecom = start_sandbox(SandboxConfig(auto_register=True, external_daily_limit=1_000_000))
    sms_server, _sms_state = sms_sandbox.serve(port=0)
    env = embedded_deployment(
        "hirelink-bench-",
        extra={
            "HIRELINK_WECOM_API_BASE_URL": wecom.url,
            "HIRELINK_WECOM_OAUTH_BASE_URL": wecom.url,
            "HIRELINK_SMS_ENDPOINT": f"http://127.0.0.1:{sms_server.server_port}",
        },
    )
    from django.utils import timezone

    from hirelink.accounts.tests.factories import UserFactory
    from hirelink.candidates.models import Application
    from hirelink.candidates.services import application_transition
    from hirelink.candidates.tests.factories import ApplicationFactory
    from hirelink.core.models import OutboxEvent
    from hirelink.messaging.models import CandidateWecomContact, OutboundMessage
    from hirelink.positions.tests.factories import PositionFactory

    print(f"setting up {args.events} applications …", flush=True)
    UserFactory.create(username="zhangwei", role="recruiter", wecom_userid="zhangwei")
    position = PositionFactory.create()
    ids = []
    for _ in range(args.events):
        application = ApplicationFactory.create(status="interviewing", position=position)
        CandidateWecomContact.objects.create(
            candidate=application.candidate,
            external_userid=f"wmbench{application.candidate_id:06d}",
            follow_userid="zhangwei",
        )
        ids.append(application.pk)
    OutboxEvent.objects.filter(dispatched_at__isnull=True).update(dispatched_at=timezone.now())
    OutboundMessage.objects.all().delete()

    workers = [start_worker(env, worker_id=f"bench-{n}", interval=0.05) for n in range(args.workers)]
    try:
        time.sleep(2.0)  # let the workers start polling
        print(f"driving {args.events} events at {args.rate or 'max'} /s through {args.workers} worker(s) …", flush=True)
        started = time.monotonic()
        for index, application_id in enumerate(ids):
            if args.rate:
                delay = started + index / args.rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            application = Application.objects.get(pk=application_id)
            application_transition(actor="benchmark", application=application, to_status="interviewed")
        deadline = time.monotonic() + args.timeout
        sent = 0
        while time.monotonic() < deadline:
            sent = OutboundMessage.objects.filter(template_key="progress_notice", sent_at__isnull=False).count()
            if sent >= args.events:
                break
            time.sleep(0.5)
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()
        wecom.stop()
        sms_server.shutdown()

    rows: list[Any] = list(
        OutboundMessage.objects.filter(template_key="progress_notice", sent_at__isnull=False).values_list(
            "event_at", "sent_at", "channel"
        )
    )
    if not rows:
        print("no notice was sent: is the worker running?")
        return 1
    latencies = [(sent_at - event_at).total_seconds() for event_at, sent_at, _channel in rows]
    first_event = min(r[0] for r in rows)
    last_sent = max(r[1] for r in rows)
    span = (last_sent - first_event).total_seconds()
    p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
    channels = sorted({r[2] for r in rows})
    if args.verbose:
        for event_at, sent_at, _channel in sorted(rows)[:: max(1, len(rows) // 10)]:
            print(
                f"  event +{(event_at - first_event).total_seconds():7.3f} s → sent +"
                f"{(sent_at - first_event).total_seconds():7.3f} s"
            )
    delivered_to_sandbox = sum(1 for m in wecom.state.messages if m.get("channel") == "external")
    print(f"notices sent        : {len(rows)} / {args.events}  (channels: {', '.join(channels)})")
    print(f"in the WeCom sandbox: {delivered_to_sandbox} external-contact messages")
    print(f"event→sent p50      : {p50:.3f} s")
    verdict = "met" if p95 <= TARGET_P95_SECONDS else "MISSED"
    print(f"event→sent p95      : {p95:.3f} s   (target ≤ {TARGET_P95_SECONDS:.0f} s: {verdict})")
    print(f"event→sent max      : {max(latencies):.3f} s")
    print(f"throughput          : {len(rows) / span:.1f} sends/s over {span:.1f} s")
    print(f"p95 vs seed bar     : {p95 / SEED_BAR_SECONDS:.4f} of 5 min ({SEED_BAR_SECONDS / p95:.0f}× faster)")
    return 0 if len(rows) == args.events else 1


if __name__ == "__main__":
    raise SystemExit(main())
