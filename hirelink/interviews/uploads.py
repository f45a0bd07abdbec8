"""The resumable chunked upload of recorded answers (ADR 0040).

create → PUT chunks at byte offsets → complete(sha256, size) → server-side decode check → saved.
The server acknowledges only bytes it has written and fsync'ed; `received_bytes` in the database is that
acknowledgement. A chunk resent at an already stored offset is compared byte for byte: identical → OK
(idempotent), different → 409. Writers of one upload are serialised by an exclusive lock on its staging file,
so the database transaction that moves `received_bytes` stays short."""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from hirelink.core import clock
from hirelink.interviews import errors, media
from hirelink.interviews.models import Answer, AnswerStatus, InterviewSession, SessionStatus
from hirelink.interviews.services import (
    TIME_GRACE_SECONDS,
    allowed_modes,
    attempt_start,
    check_deadline,
    mark_answered,
    next_attempt_number,
    question_for_answer,
)
from hirelink.positions.vocabulary import AnswerMode

logger = logging.getLogger(__name__)

CHUNK_MAX_BYTES = 1024 * 1024
AUDIO_BYTES_PER_SECOND = 48_000  # generous: opus ≈ 4–16 kB/s, aac ≈ 16 kB/s, 16 kHz WAV 32 kB/s
VIDEO_BYTES_PER_SECOND = 400_000  # ≈ 3.2 Mbit/s
ALLOWED_TYPES = (
    "audio/webm",
    "audio/ogg",
    "audio/mp4",
    "audio/aac",
    "audio/wav",
    "audio/x-wav",
    "video/webm",
    "video/mp4",
)
_EXTENSION = {"webm": "webm", "ogg": "ogg", "mp4": "m4a", "wav": "wav"}


def staging_dir() -> Path:
    configured = getattr(settings, "HIRELINK_UPLOAD_STAGING_DIR", None)
    path = Path(configured) if configured else Path(settings.MEDIA_ROOT) / "_staging"
    path.mkdir(parents=True, exist_ok=True)
    return path


def staging_path(answer: Answer) -> Path:
    return staging_dir() / f"{answer.upload_id}.part"


def max_upload_bytes(answer: Answer) -> int:
    seconds = answer.session_question.answer_seconds + TIME_GRACE_SECONDS
    rate = VIDEO_BYTES_PER_SECOND if answer.mode == AnswerMode.VIDEO else AUDIO_BYTES_PER_SECOND
    return int(getattr(settings, "HIRELINK_UPLOAD_MAX_BYTES", 0) or 0) or seconds * rate + 256 * 1024


@contextmanager
def _locked(path: Path) -> Iterator[int]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


@transaction.atomic
def upload_create(*, session: InterviewSession, position: int, mode: str, content_type: str) -> Answer:
    """Start recording an answer. An unfinished earlier upload for the same question (e.g. from a lost
    device) is superseded; that is not a re-record, since nothing of it was saved."""
    if mode not in (AnswerMode.VOICE, AnswerMode.VIDEO) or mode not in allowed_modes(session_or_position=session):
        raise errors.ModeNotAllowedError
    if session.text_only:
        raise errors.ModeNotAllowedError(_("您选择了文字作答，本次面试不录音。"))
    base_type = content_type.split(";")[0].strip().lower()
    if base_type not in ALLOWED_TYPES or (mode == AnswerMode.VOICE and base_type.startswith("video/")):
        raise errors.MediaInvalidError
    question = question_for_answer(session=session, position=position)
    started = attempt_start(question=question)
    check_deadline(started=started, question=question)
    now = clock.now()
    abandoned = list(
        Answer.objects.filter(session_question=question, status=AnswerStatus.RECORDING).values_list(
            "upload_id", flat=True
        )
    )
    Answer.objects.filter(session_question=question, status=AnswerStatus.RECORDING).update(
        status=AnswerStatus.SUPERSEDED, updated_at=now
    )
    for upload_id in abandoned:  # bytes of an upload nobody will complete
        (staging_dir() / f"{upload_id}.part").unlink(missing_ok=True)
    answer = Answer.objects.create(
        session_question=question,
        attempt=next_attempt_number(question=question),
        mode=mode,
        status=AnswerStatus.RECORDING,
        upload_id=uuid.uuid4(),
        content_type=content_type[:100],
        started_at=started,
    )
    staging_path(answer).touch(mode=0o600)
    logger.info("interview.upload.created", extra={"answer_id": answer.pk, "mode": mode})
    return answer


def _check_writable(answer: Answer) -> None:
    if answer.session_question.session.status == SessionStatus.COMPLETED:
        raise errors.SessionCompletedError
    if answer.status in (AnswerStatus.SAVED, AnswerStatus.PROCESSED):
        raise errors.InterviewError(_("该回答已保存，不能再修改。"), code="already_saved")
    if answer.status != AnswerStatus.RECORDING:
        raise errors.InterviewError(_("该上传已失效，请重新开始本题的录音。"), code="upload_closed")


def upload_chunk(*, answer: Answer, offset: int, data: bytes, declared_length: int | None, sha256: str = "") -> int:
    """Store `data` at `offset`; return the bytes now durably stored (the acknowledgement)."""
    if declared_length is None or declared_length != len(data):
        raise errors.TruncatedChunkError
    if sha256 and hashlib.sha256(data).hexdigest() != sha256.lower():
        raise errors.TruncatedChunkError(_("数据块校验失败，请重新发送。"))
    if offset < 0 or len(data) > CHUNK_MAX_BYTES:
        raise errors.InterviewError(_("数据块无效。"), code="bad_chunk")
    _check_writable(answer)
    path = staging_path(answer)
    with _locked(path) as fd:
        received, status = Answer.objects.filter(pk=answer.pk).values_list("received_bytes", "status").get()
        answer.status = status
        _check_writable(answer)
        if offset > received:
            raise errors.UploadOffsetError
        overlap = min(received - offset, len(data))
        if overlap > 0 and os.pread(fd, overlap, offset) != data[:overlap]:
            raise errors.ChunkConflictError
        end = offset + len(data)
        if end <= received:
            return received
        if end > max_upload_bytes(answer):
            raise errors.UploadTooLargeError
        os.pwrite(fd, data[overlap:], offset + overlap)
        os.fsync(fd)
        Answer.objects.filter(pk=answer.pk, received_bytes=received).update(received_bytes=end)
        answer.received_bytes = end
        return end


@dataclass(frozen=True)
class CompletedUpload:
    answer: Answer
    already_done: bool


def _sha256_file(fd: int, size: int) -> str:
    digest = hashlib.sha256()
    position = 0
    while position < size:
        block = os.pread(fd, min(1024 * 1024, size - position), position)
        if not block:
            break
        digest.update(block)
        position += len(block)
    return digest.hexdigest()


def _reject(answer: Answer, reason: str) -> None:
    Answer.objects.filter(pk=answer.pk, status=AnswerStatus.RECORDING).update(
        status=AnswerStatus.REJECTED, rejection=reason[:255], updated_at=clock.now()
    )
    answer.status, answer.rejection = AnswerStatus.REJECTED, reason[:255]
    staging_path(answer).unlink(missing_ok=True)
    logger.info("interview.upload.rejected", extra={"answer_id": answer.pk, "reason": reason})


def _already_completed(answer: Answer, sha256: str) -> CompletedUpload | None:
    if answer.sha256 and answer.status in (AnswerStatus.SAVED, AnswerStatus.PROCESSED, AnswerStatus.SUPERSEDED):
        if answer.sha256 == sha256:
            return CompletedUpload(answer=answer, already_done=True)
        raise errors.ChecksumMismatchError
    return None


def upload_complete(*, answer: Answer, sha256: str, size: int) -> CompletedUpload:
    """Finish an upload: the checksum of the stored bytes must match the client's; the media must decode as
    an accepted container/codec within the answer's duration limit. Idempotent for the same checksum."""
    sha256 = (sha256 or "").lower()
    path = staging_path(answer)
    done = _already_completed(answer, sha256)
    if done is not None:
        return done
    _check_writable(answer)
    with _locked(path) as fd:
        answer.refresh_from_db()
        done = _already_completed(answer, sha256)
        if done is not None:
            return done
        _check_writable(answer)
        if size != answer.received_bytes:
            raise errors.UploadOffsetError(
                _("服务器只收到 %(received)d 字节，请先补传剩余数据。") % {"received": answer.received_bytes}
            )
        if size == 0:
            raise errors.MediaInvalidError(_("录音为空，请重新录制。"))
        if _sha256_file(fd, size) != sha256:
            _reject(answer, "checksum")
            raise errors.ChecksumMismatchError
        os.truncate(path, size)
        question = answer.session_question
        try:
            info = media.probe(path, allow_video=answer.mode == AnswerMode.VIDEO)
        except media.MediaRejectedError as problem:
            _reject(answer, f"media:{problem.reason}")
            raise errors.MediaInvalidError from problem
        if info.duration_seconds > question.answer_seconds + TIME_GRACE_SECONDS:
            _reject(answer, "duration")
            raise errors.TimeLimitError(_("录音时长超过作答时限。"))
        extension = _EXTENSION.get(info.container, "bin")
        stem = f"q{question.position}-a{answer.attempt}-{answer.pk}"
        name = f"interviews/answers/{question.session_id}/{stem}.{extension}"
        with path.open("rb") as handle:
            stored_name = default_storage.save(name, File(handle, name=Path(name).name))
        with transaction.atomic():
            updated = Answer.objects.filter(pk=answer.pk, status=AnswerStatus.RECORDING).update(
                status=AnswerStatus.SAVED,
                media=stored_name,
                sha256=sha256,
                size_bytes=size,
                container=info.container,
                codec=info.audio_codec + (f"+{info.video_codec}" if info.video_codec else ""),
                duration_seconds=info.duration_seconds,
                saved_at=clock.now(),
                updated_at=clock.now(),
            )
            if not updated:  # superseded meanwhile (a newer upload for the same question)
                default_storage.delete(stored_name)
                raise errors.InterviewError(_("该上传已失效，请重新开始本题的录音。"), code="upload_closed")
            answer.refresh_from_db()
            mark_answered(answer=answer)
    path.unlink(missing_ok=True)
    logger.info(
        "interview.upload.completed",
        extra={"answer_id": answer.pk, "bytes": size, "duration": info.duration_seconds, "container": info.container},
    )
    return CompletedUpload(answer=answer, already_done=False)
