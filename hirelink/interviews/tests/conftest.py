"""Local fixtures for the interview tests: a position with a question bank, an invited application, an
invitation with its plain token, and real media made with PyAV (so validation is tested by decoding)."""

from __future__ import annotations

import hashlib
import io
import math
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest

from hirelink.candidates.models import Candidate
from hirelink.candidates.services import application_create, application_transition
from hirelink.interviews.models import Question, QuestionBank
from hirelink.interviews.services import invitation_create
from hirelink.positions.models import Department, Position


def _levels() -> list[dict[str, Any]]:
    return [{"level": n, "descriptor": f"等级{n}", "descriptor_en": f"Level {n}"} for n in range(1, 6)]


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def position(db: None) -> Position:
    bank = QuestionBank.objects.create(name="柜员题库", name_en="Teller bank")
    for order, (zh, en) in enumerate(
        [
            ("遇到客户投诉时，你会如何处理？", "How would you handle a customer complaint?"),
            ("请介绍一次你与同事合作完成任务的经历。", "Describe a time you worked with a colleague."),
            ("你为什么想成为一名银行柜员？", "Why do you want to be a bank teller?"),
        ],
        start=1,
    ):
        Question.objects.create(
            bank=bank, order=order, text=zh, text_en=en, dimensions=["communication"], levels=_levels()
        )
    department = Department.objects.create(name="零售银行部", name_en="Retail banking")
    return Position.objects.create(
        code="teller",
        title="柜员",
        title_en="Bank teller",
        department=department,
        question_bank=bank,
        question_count=3,
        thinking_seconds=30,
        answer_seconds=60,
        answer_modes=["voice", "text"],
        voice_features_allowed=True,
        face_features_allowed=False,
    )


@dataclass
class Invited:
    invitation: Any
    token: str


@pytest.fixture
def make_invitation(position: Position) -> Callable[..., Invited]:
    def make(name: str = "李娜", **position_changes: Any) -> Invited:
        target = position
        if position_changes:
            Position.objects.filter(pk=position.pk).update(**position_changes)
            target = Position.objects.get(pk=position.pk)
        candidate = Candidate.objects.create(name=name)
        application = application_create(actor=None, candidate=candidate, position=target, channel="campus")
        for status in ("screening", "invited"):
            application_transition(actor=None, application=application, to_status=status)
        issued = invitation_create(actor=None, application=application, channel="wecom")
        return Invited(invitation=issued.invitation, token=issued.token)

    return make


@pytest.fixture
def invited(make_invitation: Callable[..., Invited]) -> Invited:
    return make_invitation()


def tone_pcm(seconds: float, rate: int = 48_000, freq: float = 440.0) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.3 * np.sin(2 * math.pi * freq * t) * 32767).astype(np.int16)


def encode_audio(fmt: str, seconds: float = 2.0) -> bytes:
    """Real media bytes: fmt in {"webm", "ogg", "mp4", "wav"} (opus, opus, aac, pcm)."""
    rate = 48_000
    pcm = tone_pcm(seconds, rate)
    if fmt == "wav":
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rate)
            out.writeframes(pcm.tobytes())
        return buffer.getvalue()
    codec = {"webm": "libopus", "ogg": "libopus", "mp4": "aac"}[fmt]
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=fmt) as container:
        stream: Any = container.add_stream(codec, rate=rate)
        stream.layout = "mono"
        frame_size = 960
        for start in range(0, len(pcm), frame_size):
            block = pcm[start : start + frame_size]
            frame = av.AudioFrame.from_ndarray(block.reshape(1, -1), format="s16", layout="mono")
            frame.sample_rate = rate
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return buffer.getvalue()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
