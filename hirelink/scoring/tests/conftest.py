"""Local fixtures for the scoring tests: a teller position with a rubric-bearing question bank, and a helper that
builds a completed interview session whose answers are prepared (PROCESSED) — voice answers carry the real
Mandarin speech fixtures (tests/fixtures/speech) as their normalised audio, text answers the fixture texts."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from hirelink.candidates.models import Application, Candidate
from hirelink.candidates.services import application_create, application_transition
from hirelink.core import clock
from hirelink.interviews.models import (
    Answer,
    AnswerStatus,
    InterviewSession,
    Question,
    QuestionBank,
    SessionQuestion,
    SessionQuestionStatus,
    SessionStatus,
)
from hirelink.interviews.services import invitation_create, session_create
from hirelink.positions.models import Department, Position

SPEECH = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "speech"
MANIFEST = {clip["id"]: clip for clip in json.loads((SPEECH / "manifest.json").read_text("utf-8"))["clips"]}

QUESTIONS: list[dict[str, Any]] = [
    {
        "text": "遇到客户投诉时，你会如何处理？",
        "dimensions": ["service_awareness", "communication", "emotional_stability"],
        "key_points": [
            {"text": "保持冷静，耐心倾听客户诉求"},
            {"text": "真诚致歉，安抚客户情绪"},
            {"text": "核实原因，在权限内提出解决方案"},
            {"text": "超出权限及时上报主管"},
            {"text": "事后回访客户，确认满意"},
            {"text": "为客户开通高收益理财账户"},
        ],
        "exemplars": [
            {
                "level": 5,
                "language": "zh",
                "text": "我会先耐心倾听客户的诉求并真诚道歉，安抚情绪；再核实原因，按制度给出解决方案，超出权限及时"
                "上报主管并告知处理时间；事后回访确认客户满意，并总结改进服务。",
            }
        ],
    },
    {
        "text": "请简单介绍一下你自己。",
        "dimensions": ["communication", "learning_agility"],
        "key_points": [{"text": "教育背景与专业"}, {"text": "与岗位相关的经历或能力"}],
        "exemplars": [],
    },
]


def _levels() -> list[dict[str, Any]]:
    return [
        {"level": n, "descriptor": f"等级{n}：回答质量由弱到强", "descriptor_en": f"Level {n}"} for n in range(1, 6)
    ]


@pytest.fixture(autouse=True)
def _media_root(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def position(db: None) -> Position:
    bank = QuestionBank.objects.create(name="柜员评分题库", name_en="Teller scoring bank")
    for order, spec in enumerate(QUESTIONS, start=1):
        Question.objects.create(bank=bank, order=order, levels=_levels(), **spec)
    department = Department.objects.create(name="零售银行部", name_en="Retail banking")
    return Position.objects.create(
        code="teller-scoring",
        title="柜员",
        title_en="Bank teller",
        department=department,
        question_bank=bank,
        question_count=len(QUESTIONS),
        answer_seconds=120,
        answer_modes=["voice", "text"],
        dimension_weights={
            "communication": 0.3,
            "professional_match": 0.3,
            "position_fit": 0.2,
            "service_awareness": 0.2,
        },
        pass_threshold=70,
        reject_threshold=50,
        voice_features_allowed=True,
        face_features_allowed=False,
    )


@dataclass
class Built:
    session: InterviewSession
    application: Application
    answers: list[Answer]


@pytest.fixture
def build_session(position: Position) -> Callable[..., Built]:
    """`build_session(["teller_complaint_strong", "answer_short"], mode="voice", biometric=True)`: a completed
    session whose answers (one per clip, in question order) are PROCESSED."""

    def build(
        clips: list[str], *, mode: str = "voice", biometric: bool = True, name: str = "王芳", complete: bool = True
    ) -> Built:
        candidate = Candidate.objects.create(name=name)
        application = application_create(actor=None, candidate=candidate, position=position, channel="campus")
        for status in ("screening", "invited"):
            application_transition(actor=None, application=application, to_status=status)
        invitation = invitation_create(actor=None, application=application, channel="wecom").invitation
        session = session_create(
            invitation=invitation,
            ai_consent=True,
            biometric_consent=biometric,
            text_only=mode == "text",
            language="zh-hans",
            ip_address="127.0.0.1",
            user_agent="pytest",
        )
        application_transition(actor=None, application=application, to_status="interviewing")
        answers = []
        now = clock.now()
        for question, clip_id in zip(
            SessionQuestion.objects.filter(session=session).order_by("position"), clips, strict=False
        ):
            clip = MANIFEST[clip_id]
            answer = Answer(
                session_question=question,
                attempt=1,
                mode=mode,
                status=AnswerStatus.PROCESSED,
                saved_at=now,
                processed_at=now,
                duration_seconds=clip["duration_s"] if mode != "text" else None,
                text=clip["text"] if mode == "text" else "",
                signals={"paste_count": 1, "pasted_chars": 12} if mode == "text" and question.position == 1 else {},
            )
            if mode != "text":
                name_in_storage = default_storage.save(
                    f"interviews/normalised/{session.pk}/{clip['file']}",
                    ContentFile((SPEECH / clip["file"]).read_bytes()),
                )
                answer.normalised_audio.name = name_in_storage
                answer.media.name = name_in_storage
            answer.save()
            question.status = SessionQuestionStatus.ANSWERED
            question.save(update_fields=["status"])
            answers.append(answer)
        if complete:
            session.status, session.completed_at = SessionStatus.COMPLETED, now
            session.save(update_fields=["status", "completed_at"])
            application_transition(actor=None, application=application, to_status="interviewed")
        application.refresh_from_db()
        return Built(session=session, application=application, answers=answers)

    return build
