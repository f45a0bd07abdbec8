"""API tests for the candidate interview: the flow, and every bad input changing nothing."""

from __future__ import annotations

import datetime as dt
import wave
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from freezegun import freeze_time

from hirelink.candidates.models import Application
from hirelink.core import clock
from hirelink.interviews.models import (
    Answer,
    IntegritySignal,
    InterviewSession,
    Invitation,
    InvitationStatus,
    SessionQuestion,
)
from hirelink.interviews.tests.conftest import Invited, encode_audio, sha256
from hirelink.privacy.models import ConsentRecord

pytestmark = pytest.mark.django_db


def consent(client: Client, token: str, *, biometric: bool = True, path: str = "record") -> None:
    data = {"ai_consent": "on", "answer_path": path}
    if biometric:
        data["biometric_consent"] = "on"
    response = client.post(f"/i/{token}/consent/", data)
    assert response.status_code == 302


def api(client: Client, token: str, method: str, path: str, **kwargs: Any) -> Any:
    return getattr(client, method)(f"/api/v1/interview/{token}{path}", content_type="application/json", **kwargs)


def put_chunk(client: Client, token: str, upload_id: str, offset: int, data: bytes, **extra: Any) -> Any:
    return client.put(
        f"/api/v1/interview/{token}/uploads/{upload_id}?offset={offset}",
        data=data,
        content_type="application/octet-stream",
        **extra,
    )


@pytest.fixture
def started(client: Client, invited: Invited) -> Invited:
    consent(client, invited.token)
    response = api(client, invited.token, "post", "/questions/1/open")
    assert response.status_code == 200
    return invited


def new_upload(client: Client, token: str, position: int = 1, content_type: str = "audio/webm;codecs=opus") -> str:
    api(client, token, "post", f"/questions/{position}/begin")
    response = api(
        client, token, "post", f"/questions/{position}/uploads", data={"mode": "voice", "content_type": content_type}
    )
    assert response.status_code == 201
    return str(response.json()["upload_id"])


def send_all(client: Client, token: str, upload_id: str, data: bytes, chunk: int = 4096) -> None:
    for offset in range(0, len(data), chunk):
        response = put_chunk(client, token, upload_id, offset, data[offset : offset + chunk])
        assert response.status_code == 200


def complete_upload(client: Client, token: str, upload_id: str, data: bytes) -> Any:
    """Finish an upload with the checksum and size of exactly the bytes that were meant to be sent."""
    return api(
        client, token, "post", f"/uploads/{upload_id}/complete", data={"sha256": sha256(data), "size": len(data)}
    )


# --- links --------------------------------------------------------------------------------------------------


def test_unknown_token_gets_a_clear_404_page_and_api_404(client: Client, invited: Invited) -> None:
    # when
    page = client.get("/i/not-a-real-token/")
    call = api(client, "not-a-real-token", "get", "/state")
    # then
    assert page.status_code == 404
    assert "链接无效" in page.content.decode()
    assert call.status_code == 404
    assert call.json()["code"] == "not_found"


def test_expired_invitation_gets_410_and_nothing_is_recorded(client: Client, invited: Invited) -> None:
    # given the window closed yesterday
    Invitation.objects.filter(pk=invited.invitation.pk).update(expires_at=clock.now() - dt.timedelta(days=1))
    # when
    page = client.get(f"/i/{invited.token}/")
    posted = client.post(f"/i/{invited.token}/consent/", {"ai_consent": "on", "answer_path": "record"})
    # then
    assert page.status_code == 410
    assert "已过期或已取消" in page.content.decode()
    assert posted.status_code == 410
    assert Invitation.objects.get(pk=invited.invitation.pk).opened_at is None
    assert InterviewSession.objects.count() == 0
    assert ConsentRecord.objects.count() == 0


def test_cancelled_invitation_api_answers_410(client: Client, started: Invited) -> None:
    # given HR re-sent the invitation: the old link is cancelled
    Invitation.objects.filter(pk=started.invitation.pk).update(status=InvitationStatus.CANCELLED)
    # when
    response = api(client, started.token, "post", "/questions/1/text", data={"text": "我的回答"})
    # then
    assert response.status_code == 410
    assert response.json()["code"] == "invitation_gone"
    assert Answer.objects.count() == 0


def test_english_error_message_follows_the_language(client: Client, invited: Invited) -> None:
    # when
    response = client.get("/i/not-a-real-token/", HTTP_ACCEPT_LANGUAGE="en")
    # then: the page is served in English when the catalogue has the string, Chinese source otherwise
    assert response.status_code == 404
    assert response["Content-Language"] == "en"


def test_landing_records_first_open_with_channel_and_renders_guide(client: Client, invited: Invited) -> None:
    # when
    first = client.get(f"/i/{invited.token}/?ch=wecom")
    opened_at = Invitation.objects.get(pk=invited.invitation.pk).opened_at
    client.get(f"/i/{invited.token}/?ch=sms")
    # then
    invitation = Invitation.objects.get(pk=invited.invitation.pk)
    body = first.content.decode()
    assert first.status_code == 200
    assert "李娜，您好！" in body
    assert "面试链接：即本页面" in body
    assert invitation.status == InvitationStatus.OPENED
    assert invitation.opened_at == opened_at
    assert invitation.channel == "wecom"


def test_guide_template_of_the_position_is_used(client: Client, invited: Invited) -> None:
    # given
    from hirelink.interviews.models import GuideTemplate

    GuideTemplate.objects.create(
        position=invited.invitation.application.position,
        body="{candidate_name} 同学：请于 {window_end} 前完成{position}面试。材料：{materials}",
        materials="学生证",
    )
    # when
    body = client.get(f"/i/{invited.token}/").content.decode()
    # then
    assert "李娜 同学：请于" in body
    assert "前完成柜员面试。材料：学生证" in body


# --- consent --------------------------------------------------------------------------------------------------


def test_agree_without_ticking_records_nothing_and_asks_again(client: Client, invited: Invited) -> None:
    # when
    response = client.post(f"/i/{invited.token}/consent/", {"answer_path": "record"})
    # then
    assert response.status_code == 200
    assert "请先勾选" in response.content.decode()
    assert ConsentRecord.objects.count() == 0
    assert InterviewSession.objects.count() == 0


def test_declining_ai_consent_records_it_and_creates_no_session(client: Client, invited: Invited) -> None:
    # when the candidate presses "我不同意" (even with a box ticked)
    response = client.post(
        f"/i/{invited.token}/consent/", {"answer_path": "record", "ai_consent": "on", "decline": "1"}
    )
    # then
    records = list(ConsentRecord.objects.values_list("purpose", "granted"))
    assert response.status_code == 200
    assert "无法开始 AI 面试" in response.content.decode()
    assert sorted(records) == [("ai_interview", False), ("biometric", False)]
    assert InterviewSession.objects.count() == 0


def test_declining_biometric_consent_keeps_the_interview_with_features_off(client: Client, invited: Invited) -> None:
    # when
    consent(client, invited.token, biometric=False)
    # then
    session = InterviewSession.objects.get()
    records = sorted(ConsentRecord.objects.values_list("purpose", "granted", "disclosure_version", "subject_id"))
    assert session.voice_features_enabled is False
    assert session.face_features_enabled is False
    assert records == [
        ("ai_interview", True, "2026-11-v1", str(invited.invitation.pk)),
        ("biometric", False, "2026-11-v1", str(invited.invitation.pk)),
    ]
    assert SessionQuestion.objects.filter(session=session).count() == 3


def test_api_before_consent_answers_409(client: Client, invited: Invited) -> None:
    # when
    response = api(client, invited.token, "get", "/state")
    # then
    assert response.status_code == 409
    assert response.json()["code"] == "consent_required"


# --- order, time, re-record -------------------------------------------------------------------------------------


def test_answering_question_two_before_one_is_refused(client: Client, started: Invited) -> None:
    # when
    response = api(client, started.token, "post", "/questions/2/text", data={"text": "跳过第一题"})
    opened = api(client, started.token, "post", "/questions/2/open")
    # then
    assert response.status_code == 409
    assert response.json()["code"] == "wrong_order"
    assert opened.status_code == 409
    assert Answer.objects.count() == 0
    assert SessionQuestion.objects.get(position=2).shown_at is None


def test_text_answer_after_the_time_limit_is_refused(client: Client, started: Invited) -> None:
    # given the question was shown now; thinking 30 s + answer 60 s + grace 15 s
    later = clock.now() + dt.timedelta(seconds=30 + 60 + 16)
    # when
    with freeze_time(later):
        response = api(client, started.token, "post", "/questions/1/text", data={"text": "太晚了"})
    # then
    assert response.status_code == 409
    assert response.json()["code"] == "time_limit"
    assert Answer.objects.count() == 0


def test_overdue_question_is_closed_with_an_empty_answer_when_reopened(client: Client, started: Invited) -> None:
    # given the candidate left during question 1 and came back after its time
    later = clock.now() + dt.timedelta(seconds=30 + 60 + 16)
    # when
    with freeze_time(later):
        state = api(client, started.token, "post", "/questions/1/open").json()
    # then
    answer = Answer.objects.get()
    assert state["current"] == 2
    assert (answer.text, answer.signals, answer.mode) == ("", {"timed_out": 1}, "text")


def test_rerecord_is_refused_when_the_position_does_not_allow_it(client: Client, started: Invited) -> None:
    # given
    assert api(client, started.token, "post", "/questions/1/text", data={"text": "第一次回答"}).status_code == 200
    # when
    response = api(client, started.token, "post", "/questions/1/text", data={"text": "第二次回答"})
    # then
    assert response.status_code == 409
    assert response.json()["code"] == "rerecord_not_allowed"
    assert list(Answer.objects.values_list("text", flat=True)) == ["第一次回答"]


def test_rerecord_allowed_once_supersedes_the_first(
    client: Client, make_invitation: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # given
    invited = make_invitation(allow_rerecord=True)
    consent(client, invited.token)
    api(client, invited.token, "post", "/questions/1/open")
    api(client, invited.token, "post", "/questions/1/text", data={"text": "第一次"})
    # when
    with django_capture_on_commit_callbacks(execute=True):
        second = api(client, invited.token, "post", "/questions/1/text", data={"text": "第二次"})
    third = api(client, invited.token, "post", "/questions/1/text", data={"text": "第三次"})
    # then
    assert second.status_code == 200
    assert third.status_code == 409
    assert list(Answer.objects.order_by("attempt").values_list("text", "status")) == [
        ("第一次", "superseded"),
        ("第二次", "processed"),
    ]


def test_retried_identical_text_submit_is_stored_once(client: Client, started: Invited) -> None:
    # when
    first = api(client, started.token, "post", "/questions/1/text", data={"text": "同一个回答"})
    again = api(client, started.token, "post", "/questions/1/text", data={"text": "同一个回答"})
    # then
    assert (first.status_code, again.status_code) == (200, 200)
    assert Answer.objects.count() == 1


# --- full flow ---------------------------------------------------------------------------------------------------


def test_full_flow_voice_and_text_completes_session_and_application(
    client: Client, started: Invited, django_capture_on_commit_callbacks: Any
) -> None:
    # given question 1 by voice (the worker task runs on commit, immediately in tests)
    media = encode_audio("webm", 2.0)
    upload_id = new_upload(client, started.token)
    send_all(client, started.token, upload_id, media)
    with django_capture_on_commit_callbacks(execute=True):
        done = complete_upload(client, started.token, upload_id, media)
        # and questions 2 and 3 by text
        for position in (2, 3):
            api(client, started.token, "post", f"/questions/{position}/open")
            api(client, started.token, "post", f"/questions/{position}/text", data={"text": f"第{position}题的回答"})
    # when
    finished = api(client, started.token, "post", "/finish")
    # then
    answer = Answer.objects.get(upload_id=upload_id)
    application = Application.objects.get(pk=started.invitation.application_id)
    invitation = Invitation.objects.get(pk=started.invitation.pk)
    assert done.status_code == 200
    assert finished.status_code == 200
    assert (answer.status, answer.sha256, answer.size_bytes, answer.container, answer.codec) == (
        "processed",
        sha256(media),
        len(media),
        "webm",
        "opus",
    )
    assert answer.duration_seconds == 2.0
    with default_storage.open(answer.media.name, "rb") as stored:
        assert sha256(stored.read()) == sha256(media)
    with wave.open(default_storage.path(answer.normalised_audio.name)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getnframes()) == (16000, 1, 32000)
    assert application.status == "interviewed"
    assert list(application.events.values_list("to_status", flat=True))[-2:] == ["interviewing", "interviewed"]
    assert (invitation.status, invitation.started_at is not None, invitation.completed_at is not None) == (
        "completed",
        True,
        True,
    )
    assert Answer.objects.filter(status="processed").count() == 3


@pytest.mark.parametrize(
    ("fmt", "content_type"), [("ogg", "audio/ogg;codecs=opus"), ("mp4", "audio/mp4"), ("wav", "audio/wav")]
)
def test_other_accepted_formats_are_saved(client: Client, started: Invited, fmt: str, content_type: str) -> None:
    # given
    media = encode_audio(fmt, 1.0)
    upload_id = new_upload(client, started.token, content_type=content_type)
    send_all(client, started.token, upload_id, media, chunk=64 * 1024)
    # when
    response = complete_upload(client, started.token, upload_id, media)
    # then
    assert response.status_code == 200
    assert Answer.objects.get(upload_id=upload_id).container == fmt


def test_finish_before_every_answer_is_refused(client: Client, started: Invited) -> None:
    # when
    response = api(client, started.token, "post", "/finish")
    # then
    assert response.status_code == 409
    assert response.json()["code"] == "incomplete"
    assert InterviewSession.objects.get().status == "in_progress"


def test_answering_after_finish_is_refused(client: Client, started: Invited) -> None:
    # given every question answered and the interview finished
    for position in (1, 2, 3):
        api(client, started.token, "post", f"/questions/{position}/open")
        api(client, started.token, "post", f"/questions/{position}/text", data={"text": "回答"})
    assert api(client, started.token, "post", "/finish").status_code == 200
    # when
    again = api(client, started.token, "post", "/questions/3/text", data={"text": "再改一下"})
    upload = api(
        client, started.token, "post", "/questions/3/uploads", data={"mode": "voice", "content_type": "audio/webm"}
    )
    finish_again = api(client, started.token, "post", "/finish")
    # then
    assert again.status_code == 409
    assert again.json()["code"] == "session_completed"
    assert upload.status_code == 409
    assert finish_again.status_code == 200
    assert Answer.objects.count() == 3


# --- the upload protocol: bad input --------------------------------------------------------------------------


def test_truncated_chunk_is_rejected_and_nothing_stored(client: Client, started: Invited) -> None:
    # given
    upload_id = new_upload(client, started.token)
    # when the body is shorter than its declared length
    response = put_chunk(client, started.token, upload_id, 0, b"\x1a\x45\xdf\xa3" * 10, HTTP_X_CHUNK_LENGTH="100")
    # then
    assert response.status_code == 400
    assert response.json()["code"] == "truncated_chunk"
    assert Answer.objects.get(upload_id=upload_id).received_bytes == 0


def test_chunk_with_wrong_chunk_checksum_is_rejected(client: Client, started: Invited) -> None:
    # given
    upload_id = new_upload(client, started.token)
    # when
    response = put_chunk(client, started.token, upload_id, 0, b"abcd", HTTP_X_CHUNK_SHA256=sha256(b"abce"))
    # then
    assert response.status_code == 400
    assert Answer.objects.get(upload_id=upload_id).received_bytes == 0


def test_replayed_identical_chunk_is_idempotent(client: Client, started: Invited) -> None:
    # given
    upload_id = new_upload(client, started.token)
    put_chunk(client, started.token, upload_id, 0, b"A" * 100)
    put_chunk(client, started.token, upload_id, 100, b"B" * 100)
    # when the first chunk is sent again (a lost acknowledgement)
    response = put_chunk(client, started.token, upload_id, 0, b"A" * 100)
    # then
    assert response.status_code == 200
    assert response.json() == {"received_bytes": 200}


def test_replayed_conflicting_chunk_is_refused_and_stored_bytes_kept(client: Client, started: Invited) -> None:
    # given
    upload_id = new_upload(client, started.token)
    put_chunk(client, started.token, upload_id, 0, b"A" * 100)
    # when
    response = put_chunk(client, started.token, upload_id, 50, b"C" * 100)
    # then
    answer = Answer.objects.get(upload_id=upload_id)
    assert response.status_code == 409
    assert response.json()["code"] == "chunk_conflict"
    assert response.json()["received_bytes"] == 100
    assert answer.received_bytes == 100
    from hirelink.interviews.uploads import staging_path

    assert staging_path(answer).read_bytes() == b"A" * 100


def test_overlapping_chunk_with_same_prefix_appends_only_the_new_part(client: Client, started: Invited) -> None:
    # given
    upload_id = new_upload(client, started.token)
    put_chunk(client, started.token, upload_id, 0, b"A" * 100)
    # when
    response = put_chunk(client, started.token, upload_id, 50, b"A" * 50 + b"B" * 50)
    # then
    assert response.json() == {"received_bytes": 150}


def test_chunk_beyond_stored_bytes_is_refused_with_the_resume_offset(client: Client, started: Invited) -> None:
    # given
    upload_id = new_upload(client, started.token)
    put_chunk(client, started.token, upload_id, 0, b"A" * 100)
    # when a gap would be left
    response = put_chunk(client, started.token, upload_id, 200, b"B" * 100)
    # then
    assert response.status_code == 409
    assert response.json()["code"] == "offset_mismatch"
    assert response.json()["received_bytes"] == 100


def test_oversized_upload_is_refused(client: Client, started: Invited, settings: Any) -> None:
    # given a 1 kB limit
    settings.HIRELINK_UPLOAD_MAX_BYTES = 1000
    upload_id = new_upload(client, started.token)
    put_chunk(client, started.token, upload_id, 0, b"A" * 900)
    # when
    response = put_chunk(client, started.token, upload_id, 900, b"A" * 200)
    # then
    assert response.status_code == 413
    assert Answer.objects.get(upload_id=upload_id).received_bytes == 900


def test_chunk_larger_than_the_chunk_limit_is_refused(client: Client, started: Invited) -> None:
    # given
    upload_id = new_upload(client, started.token)
    # when
    response = put_chunk(client, started.token, upload_id, 0, b"A" * (1024 * 1024 + 1))
    # then
    assert response.status_code == 413
    assert Answer.objects.get(upload_id=upload_id).received_bytes == 0


def test_non_media_bytes_are_rejected_on_complete(client: Client, started: Invited) -> None:
    # given a "recording" that is really a text file
    data = "这不是录音文件。".encode() * 200
    upload_id = new_upload(client, started.token)
    send_all(client, started.token, upload_id, data)
    # when
    response = complete_upload(client, started.token, upload_id, data)
    # then
    answer = Answer.objects.get(upload_id=upload_id)
    assert response.status_code == 422
    assert response.json()["code"] == "media_invalid"
    assert (answer.status, answer.rejection, answer.media.name) == ("rejected", "media:decode", "")
    assert SessionQuestion.objects.get(position=1).status == "answering"
    from hirelink.interviews.uploads import staging_path

    assert staging_path(answer).exists() is False


def test_declared_content_type_that_is_not_audio_is_refused(client: Client, started: Invited) -> None:
    # when
    api(client, started.token, "post", "/questions/1/begin")
    response = api(
        client, started.token, "post", "/questions/1/uploads", data={"mode": "voice", "content_type": "application/pdf"}
    )
    # then
    assert response.status_code == 422
    assert Answer.objects.count() == 0


def test_video_stream_in_a_voice_answer_is_rejected(client: Client, started: Invited, tmp_path: Path) -> None:
    # given a webm with a VP8 video stream uploaded as a voice answer
    from django.conf import settings

    data = (Path(settings.BASE_DIR) / "hirelink/static/interviews/guide-default.webm").read_bytes()
    upload_id = new_upload(client, started.token)
    send_all(client, started.token, upload_id, data, chunk=256 * 1024)
    # when
    response = complete_upload(client, started.token, upload_id, data)
    # then
    assert response.status_code == 422
    assert Answer.objects.get(upload_id=upload_id).status == "rejected"


def test_wrong_checksum_is_refused(client: Client, started: Invited) -> None:
    # given
    media = encode_audio("webm", 1.0)
    upload_id = new_upload(client, started.token)
    send_all(client, started.token, upload_id, media)
    # when
    response = api(
        client, started.token, "post", f"/uploads/{upload_id}/complete", data={"sha256": "0" * 64, "size": len(media)}
    )
    # then
    assert response.status_code == 409
    assert response.json()["code"] == "checksum_mismatch"
    assert Answer.objects.get(upload_id=upload_id).status == "rejected"
    assert SessionQuestion.objects.get(position=1).status != "answered"


def test_complete_with_missing_bytes_is_refused(client: Client, started: Invited) -> None:
    # given
    media = encode_audio("webm", 1.0)
    upload_id = new_upload(client, started.token)
    put_chunk(client, started.token, upload_id, 0, media[:1000])
    # when
    response = complete_upload(client, started.token, upload_id, media)
    # then
    assert response.status_code == 409
    assert response.json()["code"] == "offset_mismatch"
    assert Answer.objects.get(upload_id=upload_id).status == "recording"


def test_duplicate_complete_is_idempotent(client: Client, started: Invited) -> None:
    # given
    media = encode_audio("webm", 1.0)
    upload_id = new_upload(client, started.token)
    send_all(client, started.token, upload_id, media)
    body = {"sha256": sha256(media), "size": len(media)}
    # when
    first = api(client, started.token, "post", f"/uploads/{upload_id}/complete", data=body)
    second = api(client, started.token, "post", f"/uploads/{upload_id}/complete", data=body)
    # then
    assert (first.status_code, second.status_code) == (200, 200)
    assert (first.json()["already_done"], second.json()["already_done"]) == (False, True)
    assert Answer.objects.count() == 1
    assert SessionQuestion.objects.get(position=1).status == "answered"


def test_recording_longer_than_the_limit_is_rejected(client: Client, make_invitation: Any) -> None:
    # given a 15 s answer limit (+15 s grace) and a 31 s recording
    invited = make_invitation(answer_seconds=15)
    consent(client, invited.token)
    api(client, invited.token, "post", "/questions/1/open")
    media = encode_audio("ogg", 31.0)
    upload_id = new_upload(client, invited.token, content_type="audio/ogg")
    send_all(client, invited.token, upload_id, media, chunk=512 * 1024)
    # when
    response = complete_upload(client, invited.token, upload_id, media)
    # then
    assert response.status_code == 409
    assert response.json()["code"] == "time_limit"
    assert Answer.objects.get(upload_id=upload_id).rejection == "duration"


def test_foreign_upload_id_is_unknown(client: Client, started: Invited, make_invitation: Any) -> None:
    # given another candidate's upload
    other = make_invitation(name="王伟")
    consent(client, other.token)
    api(client, other.token, "post", "/questions/1/open")
    foreign = new_upload(client, other.token)
    # when the first candidate uses it
    response = put_chunk(client, started.token, foreign, 0, b"A" * 10)
    status = api(client, started.token, "get", f"/uploads/{foreign}")
    # then
    assert response.status_code == 404
    assert status.status_code == 404
    assert Answer.objects.get(upload_id=foreign).received_bytes == 0


def test_new_upload_supersedes_an_unfinished_one(client: Client, started: Invited) -> None:
    # given a recording started on a phone that was lost
    first = new_upload(client, started.token)
    put_chunk(client, started.token, first, 0, b"A" * 10)
    # when
    second = new_upload(client, started.token)
    late_chunk = put_chunk(client, started.token, first, 10, b"A" * 10)
    # then
    from hirelink.interviews.uploads import staging_path

    assert Answer.objects.get(upload_id=first).status == "superseded"
    assert staging_path(Answer.objects.get(upload_id=first)).exists() is False
    assert Answer.objects.get(upload_id=second).attempt == 2
    assert late_chunk.status_code == 400


# --- signals, device check, state -------------------------------------------------------------------------------


def test_signals_are_stored_once_per_client_id(client: Client, started: Invited) -> None:
    # given
    batch = [
        {"id": "a1", "kind": "tab_hidden", "at": 1_764_000_000_000, "duration_ms": 4200, "question": 1},
        {"id": "a2", "kind": "paste", "at": 1_764_000_001_000, "question": 1, "detail": {"chars": 120}},
        {"id": "a3", "kind": "made_up", "at": 1_764_000_001_000},
    ]
    # when sent twice (a retry)
    first = api(client, started.token, "post", "/signals", data=batch)
    api(client, started.token, "post", "/signals", data=batch)
    # then
    assert first.json() == {"stored": 2}
    assert sorted(IntegritySignal.objects.values_list("kind", "duration_ms", "session_question__position")) == [
        ("paste", 0, 1),
        ("tab_hidden", 4200, 1),
    ]


def test_state_resumes_with_upload_progress(client: Client, started: Invited) -> None:
    # given
    upload_id = new_upload(client, started.token)
    put_chunk(client, started.token, upload_id, 0, b"A" * 300)
    # when
    state = api(client, started.token, "get", "/state").json()
    # then
    first = state["questions"][0]
    assert state["current"] == 1
    assert first["status"] == "answering"
    assert first["answers"] == [
        {
            "attempt": 1,
            "mode": "voice",
            "status": "recording",
            "upload_id": upload_id,
            "received_bytes": 300,
            "sha256": "",
        }
    ]


def test_ping_and_device_check(client: Client, started: Invited) -> None:
    # when
    ping = client.post(
        f"/api/v1/interview/{started.token}/ping", data=b"x" * 1000, content_type="application/octet-stream"
    )
    check = api(
        client,
        started.token,
        "post",
        "/device-check",
        data={"microphone": "ok", "network_ms": 80, "ok": True, "extra": "x"},
    )
    # then
    assert ping.json()["received_bytes"] == 1000
    stored = InterviewSession.objects.get().device_check
    assert (stored["microphone"], stored["network_ms"], stored["ok"]) == ("ok", 80, True)
    assert "extra" not in stored
    assert check.status_code == 200
