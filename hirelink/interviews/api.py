"""Candidate interview API under /api/v1/interview/{token}/… (Django Ninja). The personal token in the path is
the credential (no login, no cookie); every call goes through access.py. Thin: parse → access → service.

Errors come back as {"code": "...", "message": "<in the candidate's language>"} with a fitting HTTP status;
bad input changes nothing."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from django.db import OperationalError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema

from hirelink.core import clock
from hirelink.interviews import errors, services, uploads
from hirelink.interviews.access import (
    access_answer_by_token_and_upload_id,
    access_invitation_by_token,
    access_session_by_token,
)
from hirelink.interviews.models import Answer, InterviewSession
from hirelink.interviews.selectors import session_state

logger = logging.getLogger(__name__)
router = Router(tags=["interview"])

PING_MAX_BYTES = 256 * 1024


def _error(status: int, code: str, message: str, **extra: Any) -> JsonResponse:
    return JsonResponse({"code": code, "message": message, **extra}, status=status)


def _handled(view: Callable[..., Any]) -> Callable[..., Any]:
    """Map domain errors to JSON with the candidate-readable message; 404 for unknown or foreign ids."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return _error(404, "not_found", _("链接无效：未找到这场面试。请检查链接是否完整。"))
        except errors.InterviewError as exc:
            return _error(exc.status, exc.code, str(exc.message))
        except OperationalError:  # e.g. SQLite busy beyond its timeout: the client retries
            logger.warning("interview.api.busy", extra={"path": request.path})
            return _error(503, "busy", _("服务器繁忙，正在重试…"))

    return wrapper


def _session(token: str) -> InterviewSession:
    """The session behind a token (one query); a valid link whose candidate has not consented yet gets 409."""
    session = access_session_by_token(token=token)
    if session is None:
        services.invitation_check_usable(invitation=access_invitation_by_token(token=token))
        raise errors.ConsentRequiredError
    services.invitation_check_usable(invitation=session.invitation)
    return session


def _upload(token: str, upload_id: str) -> Answer:
    answer = access_answer_by_token_and_upload_id(token=token, upload_id=upload_id)
    services.invitation_check_usable(invitation=answer.session_question.session.invitation)
    return answer


def _answer_payload(answer: Answer) -> dict[str, Any]:
    return {
        "upload_id": str(answer.upload_id) if answer.upload_id else None,
        "attempt": answer.attempt,
        "mode": answer.mode,
        "status": answer.status,
        "received_bytes": answer.received_bytes,
        "sha256": answer.sha256,
        "duration_seconds": answer.duration_seconds,
        "position": answer.session_question.position,
    }


class TextAnswerIn(Schema):
    text: str
    signals: dict[str, int] = {}


class UploadIn(Schema):
    mode: str
    content_type: str


class CompleteIn(Schema):
    sha256: str
    size: int


class SignalIn(Schema):
    id: str
    kind: str
    at: float
    duration_ms: int = 0
    question: int | None = None
    detail: dict[str, Any] = {}


class DeviceCheckIn(Schema):
    microphone: str = ""
    camera: str = ""
    network_ms: int = 0
    upload_kbps: int = 0
    mime_type: str = ""
    face_detector: bool = False
    ok: bool = False


@router.get("/{token}/state", summary="Session state to resume from")
@_handled
def state(request: HttpRequest, token: str) -> JsonResponse:
    return JsonResponse(session_state(session=_session(token)))


@router.post("/{token}/questions/{position}/open", summary="Show a question (starts thinking time)")
@_handled
def question_open(request: HttpRequest, token: str, position: int) -> JsonResponse:
    session = _session(token)
    services.question_open(session=session, position=position)
    return JsonResponse(session_state(session=session))


@router.post("/{token}/questions/{position}/begin", summary="Start answering (ends thinking time)")
@_handled
def question_begin(request: HttpRequest, token: str, position: int) -> JsonResponse:
    question = services.question_begin_answer(session=_session(token), position=position)
    start = services.effective_answer_start(question=question)
    return JsonResponse(
        {
            "position": position,
            "answer_started_at": start.isoformat() if start else None,
            "server_time": clock.now().isoformat(),
        }
    )


@router.post("/{token}/questions/{position}/text", summary="Save a typed answer")
@_handled
def text_answer(request: HttpRequest, token: str, position: int, payload: TextAnswerIn) -> JsonResponse:
    answer = services.text_answer_submit(
        session=_session(token), position=position, text=payload.text, signals=payload.signals
    )
    return JsonResponse(_answer_payload(answer))


@router.post("/{token}/questions/{position}/uploads", summary="Create a resumable upload for a recording")
@_handled
def upload_create(request: HttpRequest, token: str, position: int, payload: UploadIn) -> JsonResponse:
    answer = uploads.upload_create(
        session=_session(token), position=position, mode=payload.mode, content_type=payload.content_type
    )
    return JsonResponse(
        {
            **_answer_payload(answer),
            "chunk_max_bytes": uploads.CHUNK_MAX_BYTES,
            "max_bytes": uploads.max_upload_bytes(answer),
        },
        status=201,
    )


@router.get("/{token}/uploads/{upload_id}", summary="How many bytes the server has stored")
@_handled
def upload_status(request: HttpRequest, token: str, upload_id: str) -> JsonResponse:
    answer = _upload(token, upload_id)
    return JsonResponse(_answer_payload(answer))


@router.put("/{token}/uploads/{upload_id}", summary="Store one chunk at ?offset=N (raw body)")
@_handled
def upload_chunk(request: HttpRequest, token: str, upload_id: str, offset: int) -> JsonResponse:
    declared_raw = request.headers.get("X-Chunk-Length") or request.META.get("CONTENT_LENGTH") or ""
    try:
        declared = int(declared_raw)
    except ValueError:
        declared = None
    if declared is not None and declared > uploads.CHUNK_MAX_BYTES:
        raise errors.UploadTooLargeError(_("数据块过大。"))
    answer = _upload(token, upload_id)
    try:
        received = uploads.upload_chunk(
            answer=answer,
            offset=offset,
            data=request.body,
            declared_length=declared,
            sha256=request.headers.get("X-Chunk-Sha256", ""),
        )
    except errors.UploadOffsetError as exc:
        answer.refresh_from_db(fields=["received_bytes"])
        return _error(exc.status, exc.code, str(exc.message), received_bytes=answer.received_bytes)
    except errors.ChunkConflictError as exc:
        answer.refresh_from_db(fields=["received_bytes"])
        return _error(exc.status, exc.code, str(exc.message), received_bytes=answer.received_bytes)
    return JsonResponse({"received_bytes": received})


@router.post("/{token}/uploads/{upload_id}/complete", summary="Finish an upload with the sha256 of the whole")
@_handled
def upload_complete(request: HttpRequest, token: str, upload_id: str, payload: CompleteIn) -> JsonResponse:
    answer = _upload(token, upload_id)
    done = uploads.upload_complete(answer=answer, sha256=payload.sha256, size=payload.size)
    return JsonResponse({**_answer_payload(done.answer), "already_done": done.already_done})


@router.post("/{token}/signals", summary="Record integrity signals (facts, not judgements)")
@_handled
def signals(request: HttpRequest, token: str, payload: list[SignalIn]) -> JsonResponse:
    session = _session(token)
    stored = services.signals_record(session=session, items=[item.dict() for item in payload])
    return JsonResponse({"stored": stored})


@router.post("/{token}/device-check", summary="Record the device check result")
@_handled
def device_check(request: HttpRequest, token: str, payload: DeviceCheckIn) -> JsonResponse:
    session = services.device_check_record(session=_session(token), result=payload.dict())
    return JsonResponse({"device_check": session.device_check})


@router.post("/{token}/ping", summary="Network check: echo how many bytes arrived")
@_handled
def ping(request: HttpRequest, token: str) -> JsonResponse:
    _session(token)
    size = int(request.META.get("CONTENT_LENGTH") or 0)
    if size > PING_MAX_BYTES:
        raise errors.UploadTooLargeError
    return JsonResponse({"received_bytes": len(request.body), "server_time": clock.now().isoformat()})


@router.post("/{token}/finish", summary="Finish the interview (every question answered)")
@_handled
def finish(request: HttpRequest, token: str) -> JsonResponse:
    session = services.session_finish(session=_session(token))
    return JsonResponse(
        {"status": session.status, "completed_at": session.completed_at.isoformat() if session.completed_at else None}
    )
