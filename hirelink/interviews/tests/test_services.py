"""Service-level tests: worker preparation (idempotent, with the analysis hook), the guide, question drawing,
the text-only path, and the HR media view's permissions."""

from __future__ import annotations

import wave
from typing import Any

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.utils import translation

from hirelink.interviews import services
from hirelink.interviews.models import Answer, SessionQuestion
from hirelink.interviews.services import answer_prepare_run, guide_render, session_create
from hirelink.interviews.tests.conftest import Invited, encode_audio, sha256
from hirelink.interviews.tests.test_api import api, consent, new_upload, send_all
from hirelink.privacy.models import AuditLogEntry

pytestmark = pytest.mark.django_db


def _create_session(invited: Invited, *, text_only: bool = False) -> Any:
    return session_create(
        invitation=invited.invitation,
        ai_consent=True,
        biometric_consent=False,
        text_only=text_only,
        language="zh-hans",
        ip_address="127.0.0.1",
        user_agent="pytest",
    )


@pytest.fixture
def voice_answer(client: Client, invited: Invited) -> Answer:
    consent(client, invited.token)
    api(client, invited.token, "post", "/questions/1/open")
    media = encode_audio("mp4", 1.5)
    upload_id = new_upload(client, invited.token, content_type="audio/mp4")
    send_all(client, invited.token, upload_id, media)
    api(
        client,
        invited.token,
        "post",
        f"/uploads/{upload_id}/complete",
        data={"sha256": sha256(media), "size": len(media)},
    )
    return Answer.objects.get(upload_id=upload_id)


def test_prepare_writes_16k_mono_wav_once_and_calls_the_hook_once(voice_answer: Answer, monkeypatch: Any) -> None:
    # given
    calls: list[int] = []
    monkeypatch.setattr(services, "answer_after_prepare", lambda *, answer: calls.append(answer.pk))
    # when run twice (a re-driven task)
    first = answer_prepare_run(answer_id=voice_answer.pk)
    second = answer_prepare_run(answer_id=voice_answer.pk)
    # then
    assert first is not None
    assert second is not None
    assert (first.status, second.status) == ("processed", "processed")
    assert second.normalised_audio.name == first.normalised_audio.name
    with wave.open(default_storage.path(first.normalised_audio.name)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (16000, 1, 2)
    assert calls == [voice_answer.pk]


def test_prepare_of_unknown_answer_is_a_no_op() -> None:
    # when / then
    assert answer_prepare_run(answer_id=987654) is None


def test_guide_for_messages_carries_the_link_and_follows_the_language(invited: Invited) -> None:
    # when
    zh = guide_render(invitation=invited.invitation, link="https://hr.example.cn/i/abc/")
    with translation.override("en"):
        en = guide_render(invitation=invited.invitation, link="https://hr.example.cn/i/abc/")
    # then
    assert "面试链接：https://hr.example.cn/i/abc/" in zh
    assert "李娜" in zh
    assert "https://hr.example.cn/i/abc/" in en


def test_randomised_draw_takes_question_count_from_the_pool_and_freezes_it(make_invitation: Any) -> None:
    # given three questions in the bank, two drawn at random
    invited = make_invitation(randomise_questions=True, question_count=2)
    # when
    session = _create_session(invited)
    drawn = list(SessionQuestion.objects.filter(session=session).values_list("position", "text"))
    again = _create_session(invited)
    # then
    assert [position for position, _ in drawn] == [1, 2]
    assert len({text for _, text in drawn}) == 2
    assert again.pk == session.pk
    assert list(SessionQuestion.objects.filter(session=session).values_list("position", "text")) == drawn


def test_text_only_path_refuses_recordings_and_accepts_text(client: Client, invited: Invited) -> None:
    # given the candidate chose text only
    consent(client, invited.token, path="text")
    api(client, invited.token, "post", "/questions/1/open")
    # when
    upload = api(
        client, invited.token, "post", "/questions/1/uploads", data={"mode": "voice", "content_type": "audio/webm"}
    )
    text = api(client, invited.token, "post", "/questions/1/text", data={"text": "文字回答"})
    state = api(client, invited.token, "get", "/state").json()
    # then
    assert upload.status_code == 400
    assert upload.json()["code"] == "mode_not_allowed"
    assert text.status_code == 200
    assert (state["text_only"], state["modes"]) == (True, ["text"])


@pytest.mark.parametrize(
    ("role", "status"),
    [("hr_admin", 200), ("recruiter", 200), ("auditor", 200), ("hiring_manager", 404), ("interviewer", 404)],
)
def test_hr_media_view_by_role(client: Client, voice_answer: Answer, user_factory: Any, role: str, status: int) -> None:
    # given
    from hirelink.accounts.services import user_apply_role

    user = user_apply_role(user=user_factory(role, username=f"u-{role}"))
    client.force_login(user)
    before = AuditLogEntry.objects.filter(object_type="interview_answer").count()
    # when
    response = client.get(f"/i/hr/answers/{voice_answer.pk}/media/")
    # then
    after = AuditLogEntry.objects.filter(object_type="interview_answer").count()
    assert response.status_code == status
    assert after - before == (1 if status == 200 else 0)


def test_hr_media_view_sends_anonymous_to_login(client: Client, voice_answer: Answer) -> None:
    # when
    response = client.get(f"/i/hr/answers/{voice_answer.pk}/media/")
    # then
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_landing_plays_the_positions_own_video_through_the_token_view(client: Client, invited: Invited) -> None:
    # given HR uploaded the position's own guide video
    from django.core.files.base import ContentFile

    from hirelink.interviews.models import GuideTemplate

    template = GuideTemplate(position=invited.invitation.application.position, body="{candidate_name}，您好")
    template.video.save("guide.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=True)
    # when
    page = client.get(f"/i/{invited.token}/").content.decode()
    video = client.get(f"/i/{invited.token}/video/")
    # then
    assert f'<source src="/i/{invited.token}/video/">' in page
    assert video.status_code == 200
    assert b"".join(video.streaming_content) == b"\x00\x00\x00\x18ftypmp42"  # type: ignore[attr-defined]


def test_landing_offers_the_default_video_in_webm_and_mp4(client: Client, invited: Invited) -> None:
    # when
    page = client.get(f"/i/{invited.token}/").content.decode()
    # then
    assert 'guide-default.webm" type="video/webm"' in page
    assert 'guide-default.mp4" type="video/mp4"' in page
