"""Candidate pages of the AI interview (/i/<token>/…) and the HR media view. Thin: access → service → render.
The candidate is identified only by the personal token in the link; there is no login."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from hirelink.accounts import permissions
from hirelink.interviews import errors, services
from hirelink.interviews.access import access_answer_by_id, access_invitation_by_token
from hirelink.interviews.disclosure import BIOMETRIC_SECTION, DISCLOSURE_SECTIONS, DISCLOSURE_VERSION
from hirelink.interviews.forms import ConsentForm
from hirelink.interviews.models import GuideTemplate, InterviewSession, Invitation, SessionStatus
from hirelink.positions.vocabulary import AnswerMode
from hirelink.privacy.models import AuditAction
from hirelink.privacy.services import audit_record

DEFAULT_GUIDE_VIDEO = "interviews/guide-default.webm"
DEFAULT_GUIDE_VIDEO_MP4 = "interviews/guide-default.mp4"  # for WebKit builds without WebM
STEPS = (("guide", "面试指引"), ("consent", "授权同意"), ("check", "设备检测"), ("interview", "正式答题"))


def _client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR")


def _unavailable(request: HttpRequest, *, status: int, message: str) -> HttpResponse:
    return render(request, "interviews/unavailable.html", {"message": message}, status=status)


def _invitation_or_page(request: HttpRequest, token: str) -> Invitation | HttpResponse:
    """The invitation for a usable link, or the clear zh/en page that says why it is not usable."""
    try:
        invitation = access_invitation_by_token(token=token)
    except Http404:
        return _unavailable(
            request, status=404, message=_("链接无效：未找到这场面试。请检查链接是否完整，或联系招聘人员。")
        )
    try:
        services.invitation_check_usable(invitation=invitation)
    except errors.InvitationNotYetOpenError as exc:
        return _unavailable(request, status=403, message=str(exc.message))
    except errors.InterviewError as exc:
        return _unavailable(request, status=410, message=str(exc.message))
    return invitation


def _session_of(invitation: Invitation) -> InterviewSession | None:
    session = InterviewSession.objects.filter(invitation=invitation).first()
    if session is not None:
        session.invitation = invitation
    return session


def _context(request: HttpRequest, invitation: Invitation, token: str, step: str, **extra: Any) -> dict[str, Any]:
    position = invitation.application.position
    english = (translation.get_language() or "").startswith("en")
    steps = [{"key": key, "label": _(label), "done": False, "current": key == step} for key, label in STEPS]
    seen = True
    for item in steps:
        if item["current"]:
            seen = False
        item["done"] = seen
    return {
        "token": token,
        "invitation": invitation,
        "candidate": invitation.application.candidate,
        "position_title": position.title_en if english and position.title_en else position.title,
        "position": position,
        "steps": steps,
        "step": step,
        **extra,
    }


@require_http_methods(["GET"])
def landing(request: HttpRequest, token: str) -> HttpResponse:
    invitation = _invitation_or_page(request, token)
    if isinstance(invitation, HttpResponse):
        return invitation
    session = _session_of(invitation)
    if session is not None and session.status == SessionStatus.COMPLETED:
        return redirect("interviews:done", token=token)
    services.invitation_record_open(invitation=invitation, channel=request.GET.get("ch", "")[:24])
    position = invitation.application.position
    link = _("即本页面")  # the candidate is on the link already; messages render the full URL
    question_count = min(
        position.question_count,
        position.question_bank.questions.filter(is_active=True).count() if position.question_bank else 0,
    )
    modes = services.allowed_modes(session_or_position=position)
    return render(
        request,
        "interviews/landing.html",
        _context(
            request,
            invitation,
            token,
            "guide",
            guide=services.guide_render(invitation=invitation, link=link),
            video_sources=_video_sources(invitation, token),
            question_count=question_count,
            thinking_minutes=round(position.thinking_seconds / 60, 1),
            answer_minutes=round(position.answer_seconds / 60, 1),
            modes=[AnswerMode(m).label for m in modes],
            session=session,
        ),
    )


def _video_sources(invitation: Invitation, token: str) -> list[tuple[str, str]]:
    """The position's own guide video (served through the token-checked view), else the default in two formats."""
    own = GuideTemplate.objects.filter(position=invitation.application.position).exclude(video="").exists()
    if own:
        return [(reverse("interviews:guide_video", kwargs={"token": token}), "")]
    return [(static(DEFAULT_GUIDE_VIDEO), "video/webm"), (static(DEFAULT_GUIDE_VIDEO_MP4), "video/mp4")]


@require_http_methods(["GET"])
def guide_video(request: HttpRequest, token: str) -> HttpResponseBase:
    invitation = _invitation_or_page(request, token)
    if isinstance(invitation, HttpResponse):
        return invitation
    template = GuideTemplate.objects.filter(position=invitation.application.position).exclude(video="").first()
    if template is None or not default_storage.exists(template.video.name):
        return HttpResponseRedirect(static(DEFAULT_GUIDE_VIDEO))
    return FileResponse(default_storage.open(template.video.name, "rb"), as_attachment=False)


@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest, token: str) -> HttpResponse:
    invitation = _invitation_or_page(request, token)
    if isinstance(invitation, HttpResponse):
        return invitation
    session = _session_of(invitation)
    if session is not None:
        return redirect(
            "interviews:done" if session.status == SessionStatus.COMPLETED else "interviews:check", token=token
        )
    position = invitation.application.position
    biometric_offered = position.voice_features_allowed or position.face_features_allowed
    form = ConsentForm(request.POST or None)
    declined = unticked = False
    refusing = request.method == "POST" and request.POST.get("decline") == "1"
    if request.method == "POST" and form.is_valid() and not refusing and not form.cleaned_data["ai_consent"]:
        unticked = True  # "agree" pressed without ticking: ask again, record nothing
    elif request.method == "POST" and form.is_valid():
        try:
            services.session_create(
                invitation=invitation,
                ai_consent=form.cleaned_data["ai_consent"] and not refusing,
                biometric_consent=form.cleaned_data["biometric_consent"] and not refusing,
                text_only=form.cleaned_data["answer_path"] == "text",
                language=translation.get_language() or "zh-hans",
                ip_address=_client_ip(request),
                user_agent=request.headers.get("User-Agent", ""),
            )
        except errors.ConsentRequiredError:
            declined = True
        except errors.InterviewError as exc:
            return _unavailable(request, status=409, message=str(exc.message))
        else:
            return redirect("interviews:check", token=token)
    return render(
        request,
        "interviews/consent.html",
        _context(
            request,
            invitation,
            token,
            "consent",
            form=form,
            sections=DISCLOSURE_SECTIONS,
            biometric=BIOMETRIC_SECTION if biometric_offered else None,
            version=DISCLOSURE_VERSION,
            declined=declined,
            unticked=unticked,
            recording_offered=services.allowed_modes(session_or_position=position) != [AnswerMode.TEXT],
        ),
        status=200,
    )


def _session_page(request: HttpRequest, token: str, template: str, step: str, js: str) -> HttpResponse:
    invitation = _invitation_or_page(request, token)
    if isinstance(invitation, HttpResponse):
        return invitation
    session = _session_of(invitation)
    if session is None:
        return redirect("interviews:consent", token=token)
    if session.status == SessionStatus.COMPLETED:
        return redirect("interviews:done", token=token)
    config = {
        "token": token,
        "api": f"/api/v1/interview/{token}",
        "textOnly": session.text_only,
        "video": session.answer_mode == AnswerMode.VIDEO,
        "faceCheck": session.face_features_enabled,
        "next": reverse("interviews:interview", kwargs={"token": token}),
        "done": reverse("interviews:done", kwargs={"token": token}),
        "lang": translation.get_language() or "zh-hans",
        "strings": _js_strings(),
    }
    return render(
        request,
        template,
        _context(request, invitation, token, step, session=session, config=config, js=js),
    )


@require_http_methods(["GET"])
def check(request: HttpRequest, token: str) -> HttpResponse:
    return _session_page(request, token, "interviews/check.html", "check", "interviews/check.js")


@require_http_methods(["GET"])
def interview(request: HttpRequest, token: str) -> HttpResponse:
    return _session_page(request, token, "interviews/interview.html", "interview", "interviews/interview.js")


@require_http_methods(["GET"])
def done(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = access_invitation_by_token(token=token)
    except Http404:
        return _unavailable(
            request, status=404, message=_("链接无效：未找到这场面试。请检查链接是否完整，或联系招聘人员。")
        )
    session = _session_of(invitation)
    if session is None or session.status != SessionStatus.COMPLETED:
        return redirect("interviews:landing", token=token)
    return render(request, "interviews/done.html", _context(request, invitation, token, "done", session=session))


@login_required
@require_http_methods(["GET"])
def hr_answer_media(request: HttpRequest, answer_id: int) -> HttpResponseBase:
    """HR listens to a recorded answer: permission-checked, audited, never a public media URL."""
    if not permissions.is_staff_member(request.user):
        raise Http404
    answer = access_answer_by_id(user=request.user, answer_id=answer_id)
    kind = request.GET.get("kind", "original")
    field = answer.normalised_audio if kind == "normalised" else answer.media
    if not field.name or not default_storage.exists(field.name):
        raise Http404
    application = answer.session_question.session.invitation.application
    audit_record(
        actor=request.user,
        action=AuditAction.VIEW,
        object_type="interview_answer",
        object_id=answer.pk,
        candidate_id=application.candidate_id,
        summary=f"media:{kind}",
        ip_address=_client_ip(request),
    )
    content_type = "audio/wav" if kind == "normalised" else (answer.content_type.split(";")[0] or None)
    return FileResponse(default_storage.open(field.name, "rb"), content_type=content_type)


def _js_strings() -> dict[str, str]:
    """Every text the scripts show, translated on the server (no JS catalogue needed)."""
    return {
        "question": _("第 %(n)s 题 / 共 %(total)s 题"),
        "thinking": _("思考时间"),
        "answering": _("作答时间"),
        "startNow": _("开始作答"),
        "stop": _("结束作答"),
        "submit": _("提交回答"),
        "next": _("下一题"),
        "finish": _("提交面试"),
        "rerecord": _("重新作答"),
        "voice": _("语音作答"),
        "text": _("文字作答"),
        "video": _("视频作答"),
        "uploading": _("上传中…"),
        "saved": _("已保存"),
        "offline": _("网络断开，正在重试…"),
        "retrying": _("正在重试…"),
        "reconnected": _("网络已恢复"),
        "recording": _("正在录音"),
        "chars": _("已输入 %(n)s / %(max)s 字"),
        "placeholder": _("请在这里输入您的回答"),
        "micDenied": _("无法使用麦克风：请在浏览器设置中允许本网站使用麦克风，或改用文字作答。"),
        "camDenied": _("无法使用摄像头：请允许本网站使用摄像头。"),
        "micOk": _("麦克风正常"),
        "micSilent": _("没有检测到声音，请对着麦克风说几句话"),
        "camOk": _("摄像头正常"),
        "netOk": _("网络正常"),
        "netSlow": _("网络较慢，录音会在后台继续上传，不会丢失"),
        "netFail": _("网络不可用，请检查网络后重试"),
        "checking": _("检测中…"),
        "checkPassed": _("设备检测通过，可以开始面试"),
        "continue": _("开始面试"),
        "skipMic": _("麦克风不可用？改用文字作答"),
        "timeUp": _("时间到，已自动结束作答"),
        "saving": _("正在保存回答…"),
        "notSaved": _("回答尚未保存，正在重试"),
        "waitUpload": _("正在等待录音上传完成，请不要关闭页面"),
        "resumed": _("已恢复到上次作答的位置"),
        "error": _("出错了"),
        "empty": _("请先输入回答内容"),
        "allDone": _("全部题目已作答，正在提交…"),
        "secondsLeft": _("剩余 %(s)s"),
        "unsupported": _("当前浏览器不支持录音，请改用文字作答，或使用最新版微信/Chrome/Safari。"),
        "faces": _("人脸检测"),
        "mic": _("麦克风"),
        "camera": _("摄像头"),
        "network": _("网络"),
        "micLevel": _("音量"),
        "speakPrompt": _("请说一句话，例如：“您好，我准备好了”"),
        "questionLabel": _("题目"),
        "recordHint": _("回答会边录边上传，断网或刷新也不会丢失"),
        "startEarlyHint": _("准备好了可以提前开始作答"),
    }
