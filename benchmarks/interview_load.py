"""Interview load: N simulated candidates (async HTTP clients, not browsers) take the AI interview at once
against the REAL server: waitress serving config.wsgi with the local settings on a fresh SQLite database in a
temporary directory, plus `manage.py run_worker`.

    .venv/bin/python benchmarks/interview_load.py [--candidates 200] [--pace 1.0] [--threads 16]

Each candidate: opens the link, reads the consent page, consents (the real form, CSRF included), reads the
state, answers two questions by voice — WebM/Opus made from the Mandarin fixture, uploaded as it would be
recorded: one chunk per second of audio (--pace 1.0 = real time), then `complete` with the SHA-256 — and one
by text, then finishes. Like the browser, it retries on network errors and 503.

Printed: sessions completed, p50/p95 latency of the non-upload calls (target p95 < 300 ms at 200 concurrent
sessions on the 2-core machine), upload figures, errors, and answers lost (must be 0: every answer must be
stored once, its stored file matching the client's checksum)."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import io
import itertools
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import wave
from collections import defaultdict
from pathlib import Path
from typing import Any

import av
import httpx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.harness import embedded_deployment, free_port, percentile, start_web, start_worker  # noqa: E402

SPEECH_WAV = ROOT / "tests" / "fixtures" / "speech" / "answer_short.wav"
TARGET_P95_MS = 300.0
TEXT_ANSWER = "我会先倾听客户诉求并致歉安抚，再核实业务记录，按制度给出处理方案，最后回访确认客户满意。"


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def recording(chunk_seconds: int) -> tuple[bytes, list[tuple[int, int]]]:
    """A WebM/Opus recording like Chromium's MediaRecorder makes, and the boundaries of the batches the page
    uploads (every `chunk_seconds` of audio)."""
    if SPEECH_WAV.exists():
        with wave.open(str(SPEECH_WAV)) as source:
            rate = source.getframerate()
            pcm = np.frombuffer(source.readframes(source.getnframes()), dtype=np.int16)
    else:
        rate = 16_000
        t = np.arange(rate * 12) / rate
        pcm = (8000 * np.sin(2 * np.pi * 220 * t) * (0.5 + 0.5 * np.sin(2 * np.pi * 3 * t))).astype(np.int16)
    buffer = io.BytesIO()
    boundaries: list[int] = []
    with av.open(buffer, mode="w", format="webm") as container:
        stream: Any = container.add_stream("libopus", rate=48_000)
        stream.layout = "mono"
        stream.bit_rate = 32_000  # what the page asks MediaRecorder for
        resampler = av.AudioResampler(format="s16", layout="mono", rate=48_000)
        block = rate // 50
        for start in range(0, len(pcm), block):
            frame = av.AudioFrame.from_ndarray(pcm[start : start + block].reshape(1, -1), format="s16", layout="mono")
            frame.sample_rate = rate
            for resampled in resampler.resample(frame):
                for packet in stream.encode(resampled):
                    container.mux(packet)
            if start and start % (rate * chunk_seconds) == 0:
                boundaries.append(buffer.tell())
        for packet in stream.encode(None):
            container.mux(packet)
    data = buffer.getvalue()
    cuts = sorted({0, *[b for b in boundaries if 0 < b < len(data)], len(data)})
    return data, list(itertools.pairwise(cuts))


def setup(candidates: int) -> list[str]:
    from django.utils import timezone

    from hirelink.candidates.models import Candidate
    from hirelink.candidates.services import application_create, application_transition
    from hirelink.core.models import OutboxEvent
    from hirelink.interviews.models import Question, QuestionBank
    from hirelink.interviews.services import invitation_create
    from hirelink.positions.models import Department, Position

    bank = QuestionBank.objects.create(name="柜员题库（负载）")
    levels = [{"level": n, "descriptor": f"等级{n}"} for n in range(1, 6)]
    for order, text in enumerate(
        ["遇到客户投诉时，你会如何处理？", "请介绍一次你与同事合作完成任务的经历。", "你为什么想成为一名银行柜员？"],
        start=1,
    ):
        Question.objects.create(bank=bank, order=order, text=text, dimensions=["communication"], levels=levels)
    position = Position.objects.create(
        code="teller-load",
        title="综合柜员",
        department=Department.objects.create(name="零售银行部"),
        question_bank=bank,
        question_count=3,
        thinking_seconds=0,
        answer_seconds=120,
        answer_modes=["voice", "text"],
    )
    tokens = []
    for n in range(candidates):
        candidate = Candidate.objects.create(name=f"负载候选人{n:03d}")
        application = application_create(actor=None, candidate=candidate, position=position, channel="campus")
        for status in ("screening", "invited"):
            application_transition(actor=None, application=application, to_status=status)
        tokens.append(invitation_create(actor=None, application=application, channel="wecom").token)
    # The workflow engine would re-invite on "invited" once the worker starts: these links are the invitations.
    OutboxEvent.objects.filter(dispatched_at__isnull=True).update(dispatched_at=timezone.now())
    return tokens


class Stats:
    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.retries = 0
        self.upload_bytes = 0
        self.active = 0
        self.think = 0.0
        self.typing = 0.0
        self.peak = 0

    async def call(self, client: httpx.AsyncClient, kind: str, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """One call as the browser makes it: network errors and 503 are retried, anything else is final."""
        for attempt in range(20):
            started = time.perf_counter()
            try:
                response = await client.request(method, url, **kwargs)
            except httpx.TransportError:
                self.retries += 1
                await asyncio.sleep(min(0.5 * 2**attempt, 5))
                continue
            self.latency[kind].append((time.perf_counter() - started) * 1000)
            if response.status_code == 503:
                self.retries += 1
                await asyncio.sleep(min(0.5 * 2**attempt, 5))
                continue
            if response.status_code >= 400:
                self.errors[f"{kind} {response.status_code}"] += 1
            return response
        self.errors[f"{kind} gave up"] += 1
        raise RuntimeError(f"{kind}: gave up after retries")


async def candidate(
    delay: float, base: str, token: str, media: bytes, chunks: list[tuple[int, int]], pace: float, stats: Stats
) -> dict[str, Any]:
    await asyncio.sleep(delay)
    api = f"/api/v1/interview/{token}"
    sent: dict[str, Any] = {"token": token, "voice": {}, "text": None, "finished": False}
    stats.active += 1
    stats.peak = max(stats.peak, stats.active)
    try:
        return await _interview(base, token, api, media, chunks, pace, stats, sent)
    finally:
        stats.active -= 1


async def _interview(
    base: str,
    token: str,
    api: str,
    media: bytes,
    chunks: list[tuple[int, int]],
    pace: float,
    stats: Stats,
    sent: dict[str, Any],
) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        await stats.call(client, "page_landing", "GET", f"/i/{token}/?ch=bench")
        page = await stats.call(client, "page_consent", "GET", f"/i/{token}/consent/")
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        await stats.call(
            client,
            "consent_post",
            "POST",
            f"/i/{token}/consent/",
            data={"csrfmiddlewaretoken": csrf.group(1) if csrf else "", "ai_consent": "on", "answer_path": "record"},
        )
        await stats.call(client, "state", "GET", f"{api}/state")
        for position in (1, 2):
            await stats.call(client, "open", "POST", f"{api}/questions/{position}/open")
            await asyncio.sleep(stats.think)  # thinking time before starting to answer
            await stats.call(client, "begin", "POST", f"{api}/questions/{position}/begin")
            created = await stats.call(
                client,
                "upload_create",
                "POST",
                f"{api}/questions/{position}/uploads",
                json={"mode": "voice", "content_type": "audio/webm;codecs=opus"},
            )
            upload_id = created.json()["upload_id"]
            started = time.perf_counter()
            for index, (start, end) in enumerate(chunks):
                await asyncio.sleep(max(0.0, started + (index + 1) * pace - time.perf_counter()))
                body = media[start:end]
                await stats.call(
                    client,
                    "upload_chunk",
                    "PUT",
                    f"{api}/uploads/{upload_id}",
                    params={"offset": start},
                    content=body,
                    headers={"Content-Type": "application/octet-stream", "X-Chunk-Length": str(len(body))},
                )
                stats.upload_bytes += len(body)
            digest = hashlib.sha256(media).hexdigest()
            done = await stats.call(
                client,
                "upload_complete",
                "POST",
                f"{api}/uploads/{upload_id}/complete",
                json={"sha256": digest, "size": len(media)},
            )
            if done.status_code == 200:
                sent["voice"][position] = digest
        await stats.call(client, "open", "POST", f"{api}/questions/3/open")
        await asyncio.sleep(stats.think)
        await stats.call(client, "begin", "POST", f"{api}/questions/3/begin")
        await asyncio.sleep(stats.typing)  # typing the answer
        text = await stats.call(client, "text_answer", "POST", f"{api}/questions/3/text", json={"text": TEXT_ANSWER})
        sent["text"] = TEXT_ANSWER if text.status_code == 200 else None
        finished = await stats.call(client, "finish", "POST", f"{api}/finish")
        sent["finished"] = finished.status_code == 200
    return sent


def verify(results: list[dict[str, Any]]) -> tuple[int, int, int]:
    """Answers the clients were told are saved, checked in the database and on disk: (expected, verified, lost)."""
    from django.core.files.storage import default_storage

    from hirelink.interviews.models import Answer
    from hirelink.interviews.services import token_hash

    expected = verified = 0
    for sent in results:
        live = Answer.objects.filter(
            session_question__session__invitation__token_hash=token_hash(sent["token"]),
            status__in=["saved", "processed"],
        )
        for position, digest in sent["voice"].items():
            expected += 1
            rows = list(live.filter(session_question__position=position))
            if len(rows) == 1 and rows[0].sha256 == digest:
                with default_storage.open(rows[0].media.name, "rb") as stored:
                    verified += hashlib.sha256(stored.read()).hexdigest() == digest
        if sent["text"] is not None:
            expected += 1
            verified += list(live.filter(session_question__position=3).values_list("text", flat=True)) == [sent["text"]]
    return expected, verified, expected - verified


async def run(
    base: str, tokens: list[str], pace: float, chunk_seconds: int, ramp: float, stats: Stats
) -> tuple[list[dict[str, Any]], float]:
    media, chunks = recording(chunk_seconds)
    started = time.perf_counter()
    outcomes = await asyncio.gather(
        *(
            candidate(ramp * index / len(tokens), base, token, media, chunks, pace * chunk_seconds, stats)
            for index, token in enumerate(tokens)
        ),
        return_exceptions=True,
    )
    results = [o for o in outcomes if isinstance(o, dict)]
    for o in outcomes:
        if isinstance(o, BaseException):
            stats.errors[f"candidate crashed: {type(o).__name__}"] += 1
    return results, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=200)
    parser.add_argument("--pace", type=float, default=1.0, help="1.0 = real time; 0.5 = twice as fast")
    parser.add_argument("--chunk-seconds", type=int, default=5, help="audio seconds per upload request (the page: 5)")
    parser.add_argument("--ramp", type=float, default=30.0, help="arrivals spread over this many seconds")
    parser.add_argument("--think", type=float, default=0.0, help="seconds of thinking before each answer")
    parser.add_argument("--typing", type=float, default=0.0, help="seconds spent typing the text answer")
    parser.add_argument(
        "--worker-nice", type=int, default=10, help="CPU priority of the worker (0 = same as the web server)"
    )
    parser.add_argument("--no-worker", action="store_true", help="diagnosis only: leave the queue unprocessed")
    parser.add_argument("--threads", type=int, default=8, help="waitress worker threads")
    parser.add_argument("--drain", type=float, default=60.0, help="seconds to wait for the worker afterwards")
    args = parser.parse_args()

    env = embedded_deployment("hirelink-load-", log_level="ERROR")
    tokens = setup(args.candidates)
    port = free_port()
    server = start_web(
        env,
        port=port,
        threads=args.threads,
        options=("--connection-limit=1000", "--backlog=2048", "--channel-timeout=300"),
    )
    worker = (
        start_worker(env, worker_id="load", interval=0.2, nice=args.worker_nice)
        if not args.no_worker
        else subprocess.Popen([sys.executable, "-c", "import time; time.sleep(100000)"])
    )
    stats = Stats()
    stats.think, stats.typing = args.think, args.typing
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                httpx.get(f"{base}/i/warm-up/", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        results, wall = asyncio.run(run(base, tokens, args.pace, args.chunk_seconds, args.ramp, stats))
        from hirelink.interviews.models import Answer

        drain_until = time.monotonic() + args.drain
        while time.monotonic() < drain_until and Answer.objects.filter(status="saved").exists():
            time.sleep(1)
        server_cpu, worker_cpu, client_cpu = cpu_seconds(server.pid), cpu_seconds(worker.pid), time.process_time()
        prepared = Answer.objects.filter(status="processed").count()
        pending = Answer.objects.filter(status="saved").count()
    finally:
        for proc in (worker, server):
            proc.send_signal(signal.SIGTERM)
        for proc in (worker, server):
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()

    expected, verified, lost = verify(results)
    uploads = {"upload_chunk", "upload_complete"}
    non_upload = [ms for kind, values in stats.latency.items() if kind not in uploads for ms in values]
    chunk_ms = stats.latency["upload_chunk"]
    complete_ms = stats.latency["upload_complete"]
    completed = sum(1 for r in results if r["finished"])
    p50, p95 = statistics.median(non_upload) if non_upload else 0.0, percentile(non_upload, 95)
    print(
        f"candidates: {args.candidates}, arriving over {args.ramp:.0f} s, peak {stats.peak} sessions at once;"
        f" pace {args.pace}x real time, {args.chunk_seconds} s of audio per upload, think {args.think:.0f} s,"
        f" typing {args.typing:.0f} s; waitress threads {args.threads}; worker nice {args.worker_nice};"
        f" wall {wall:.1f} s"
    )
    print(f"sessions completed: {completed}/{args.candidates}")
    print(
        f"non-upload calls: {len(non_upload)}; p50 {p50:.0f} ms, p95 {p95:.0f} ms (target p95 < {TARGET_P95_MS:.0f} ms)"
    )
    for kind in sorted(k for k in stats.latency if k not in uploads):
        values = stats.latency[kind]
        p50_kind, p95_kind = statistics.median(values), percentile(values, 95)
        print(f"  {kind:16s} n={len(values):5d} p50 {p50_kind:6.0f} ms  p95 {p95_kind:6.0f} ms")
    print(
        f"uploads: {len(chunk_ms)} chunks, {stats.upload_bytes / 1e6:.2f} MB in {wall:.1f} s = "
        f"{stats.upload_bytes / 1e3 / wall:.0f} kB/s ({len(chunk_ms) / wall:.0f} chunks/s); chunk p50 "
        f"{statistics.median(chunk_ms) if chunk_ms else 0:.0f} ms p95 {percentile(chunk_ms, 95):.0f} ms; "
        f"complete (checksum + decode) p50 {statistics.median(complete_ms) if complete_ms else 0:.0f} ms "
        f"p95 {percentile(complete_ms, 95):.0f} ms"
    )
    requests = sum(len(v) for v in stats.latency.values())
    print(
        f"CPU: server {server_cpu:.1f} s ({server_cpu / max(requests, 1) * 1000:.1f} ms per request,"
        f" {server_cpu / wall:.2f} cores), worker {worker_cpu:.1f} s, load generator {client_cpu:.1f} s"
    )
    print(
        f"errors: {sum(stats.errors.values())} {dict(stats.errors) if stats.errors else ''}; retries: {stats.retries}"
    )
    print(f"worker: {prepared} answers prepared (16 kHz WAV), {pending} still queued after {args.drain:.0f} s drain")
    print(f"answers: {expected} confirmed to clients, {verified} verified in DB + storage; answers lost: {lost}")
    ok = lost == 0 and completed == args.candidates and p95 < TARGET_P95_MS
    print("RESULT:", "target met" if ok else "target NOT met")
    return 0 if lost == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
