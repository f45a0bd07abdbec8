"""Question banks (题库) and questions with behaviourally anchored rubrics."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from hirelink.core import clock
from hirelink.core.crypto import EncryptedTextField
from hirelink.core.models import TimeStampedModel
from hirelink.positions.vocabulary import Dimension

RUBRIC_LEVELS = 5


class QuestionBank(TimeStampedModel):
    name = models.CharField(_("题库名称"), max_length=120, unique=True)
    name_en = models.CharField(_("英文名称"), max_length=120, blank=True)
    description = models.TextField(_("说明"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("题库")
        verbose_name_plural = _("题库")

    def __str__(self) -> str:
        return self.name


class Question(TimeStampedModel):
    """One interview question and its rubric.

    `levels` holds exactly five behaviourally anchored levels, 1 (weakest) to 5 (strongest):
    [{"level": 1, "descriptor": "...", "descriptor_en": "..."}, ...].
    `key_points`: [{"text": "...", "text_en": "..."}] — what a good answer covers.
    `exemplars`: [{"level": 5, "text": "...", "language": "zh"}] — optional sample answers.
    """

    bank = models.ForeignKey(QuestionBank, verbose_name=_("题库"), on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("顺序"), default=0)
    text = models.TextField(_("题目"))
    text_en = models.TextField(_("英文题目"), blank=True)
    dimensions = models.JSONField(_("考察维度"), default=list)
    levels = models.JSONField(_("评分等级锚点"), default=list)
    key_points = models.JSONField(_("要点"), default=list, blank=True)
    exemplars = models.JSONField(_("示例回答"), default=list, blank=True)
    thinking_seconds = models.PositiveSmallIntegerField(
        _("思考时间（秒）"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(600)],
        help_text=_("留空则使用岗位默认值"),
    )
    answer_seconds = models.PositiveSmallIntegerField(
        _("作答时限（秒）"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(1800)],
        help_text=_("留空则使用岗位默认值"),
    )
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["bank", "order", "id"]
        verbose_name = _("面试题")
        verbose_name_plural = _("面试题")

    def __str__(self) -> str:
        return self.text[:40]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        unknown = sorted(set(self.dimensions or []) - set(Dimension.values))
        if not self.dimensions or unknown:
            errors["dimensions"] = str(_("至少选择一个有效的考察维度"))
        levels: list[dict[str, Any]] = self.levels or []
        numbers = sorted(int(level.get("level", 0)) for level in levels if isinstance(level, dict))
        if numbers != list(range(1, RUBRIC_LEVELS + 1)) or any(
            not str(level.get("descriptor", "")).strip() for level in levels
        ):
            errors["levels"] = str(_("评分标准必须包含 1–5 共五个等级，且每级都有描述"))
        if any(not str(point.get("text", "")).strip() for point in self.key_points or []):
            errors["key_points"] = str(_("要点不能为空"))
        if errors:
            raise ValidationError(errors)


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("待发送")
    SENT = "sent", _("已发送")
    OPENED = "opened", _("已打开")
    STARTED = "started", _("已开始")
    COMPLETED = "completed", _("已完成")
    EXPIRED = "expired", _("已过期")
    CANCELLED = "cancelled", _("已取消")


class Invitation(TimeStampedModel):
    """An AI-interview invitation (面试邀请): a personal, unguessable, expiring link for one application.

    Links are looked up by a SHA-256 of the token; the token itself is kept only encrypted (token_sealed) for
    sending the invitation and its reminders."""

    application = models.ForeignKey(
        "candidates.Application", verbose_name=_("应聘"), on_delete=models.CASCADE, related_name="invitations"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The token itself, encrypted at rest, so the invitation created at screening time can be sent later by the
    # workflow (and reminded) without issuing a second link. Lookups only ever use token_hash.
    token_sealed = EncryptedTextField(blank=True, editable=False)
    status = models.CharField(
        _("状态"), max_length=16, choices=InvitationStatus.choices, default=InvitationStatus.PENDING, db_index=True
    )
    channel = models.CharField(_("发送渠道"), max_length=24, blank=True)
    window_start = models.DateTimeField(_("开始时间"))
    expires_at = models.DateTimeField(_("截止时间"), db_index=True)
    guide = models.TextField(_("面试指引"), blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("面试邀请")
        verbose_name_plural = _("面试邀请")

    def __str__(self) -> str:
        return f"{self.application} · {self.get_status_display()}"


# --- Guide (面试指引) --------------------------------------------------------------------------------------

GUIDE_VARIABLES = ("candidate_name", "position", "window_start", "window_end", "link", "materials", "notes")


def guide_video_upload_to(instance: GuideTemplate, filename: str) -> str:
    return f"interviews/guide-videos/{instance.pk or 'new'}-{filename}"


class GuideTemplate(TimeStampedModel):
    """The editable text of the personal interview guide, per position (or the default when position is empty).

    Placeholders in `{name}` form: candidate_name, position, window_start, window_end, link, materials, notes.
    A position may carry its own guide video; otherwise the default video shipped with the project plays."""

    position = models.OneToOneField(
        "positions.Position",
        verbose_name=_("岗位"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="guide_template",
        help_text=_("留空表示默认模板"),
    )
    body = models.TextField(_("指引正文"))
    body_en = models.TextField(_("英文指引正文"), blank=True)
    materials = models.TextField(_("需准备的材料"), blank=True)
    materials_en = models.TextField(_("英文材料说明"), blank=True)
    notes = models.TextField(_("注意事项"), blank=True)
    notes_en = models.TextField(_("英文注意事项"), blank=True)
    video = models.FileField(_("指引视频"), upload_to=guide_video_upload_to, blank=True)

    class Meta:
        verbose_name = _("面试指引模板")
        verbose_name_plural = _("面试指引模板")
        constraints = [
            models.UniqueConstraint(
                fields=["position"], condition=models.Q(position__isnull=True), name="one_default_guide"
            )
        ]

    def __str__(self) -> str:
        return str(self.position or _("默认模板"))

    def clean(self) -> None:
        import re

        unknown = sorted(
            {
                name
                for text in (self.body, self.body_en)
                for name in re.findall(r"\{(\w+)\}", text or "")
                if name not in GUIDE_VARIABLES
            }
        )
        if unknown:
            raise ValidationError(
                {"body": str(_("未知的变量：")) + ", ".join(unknown) + str(_("；可用：")) + ", ".join(GUIDE_VARIABLES)}
            )


# --- Session, questions, answers ------------------------------------------------------------------------------


class SessionStatus(models.TextChoices):
    CONSENTED = "consented", _("已同意，未开始")
    IN_PROGRESS = "in_progress", _("进行中")
    COMPLETED = "completed", _("已完成")


class InterviewSession(TimeStampedModel):
    """One candidate's interview for one invitation: consent choices, the drawn questions, the answers."""

    invitation = models.OneToOneField(
        Invitation, verbose_name=_("面试邀请"), on_delete=models.CASCADE, related_name="session"
    )
    status = models.CharField(
        _("状态"), max_length=16, choices=SessionStatus.choices, default=SessionStatus.CONSENTED, db_index=True
    )
    answer_mode = models.CharField(_("作答方式"), max_length=8, default="voice")
    text_only = models.BooleanField(_("仅文字作答"), default=False)
    voice_features_enabled = models.BooleanField(_("语音特征分析"), default=False)
    face_features_enabled = models.BooleanField(_("面部表情分析"), default=False)
    disclosure_version = models.CharField(_("告知文本版本"), max_length=32)
    language = models.CharField(_("语言"), max_length=8, default="zh-hans")
    device_check = models.JSONField(_("设备检测"), default=dict, blank=True)
    consented_at = models.DateTimeField(_("同意时间"), default=clock.now)
    started_at = models.DateTimeField(_("开始时间"), null=True, blank=True)
    completed_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    user_agent = models.CharField(max_length=400, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("面试场次")
        verbose_name_plural = _("面试场次")

    def __str__(self) -> str:
        return f"{self.invitation.application} · {self.get_status_display()}"


class SessionQuestionStatus(models.TextChoices):
    PENDING = "pending", _("未开始")
    THINKING = "thinking", _("思考中")
    ANSWERING = "answering", _("作答中")
    ANSWERED = "answered", _("已作答")


class SessionQuestion(models.Model):
    """A question as drawn for one session, with its time limits frozen at the start."""

    session = models.ForeignKey(InterviewSession, on_delete=models.CASCADE, related_name="questions")
    question = models.ForeignKey(Question, verbose_name=_("题目"), on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(_("序号"))
    text = models.TextField(_("题目"))
    text_en = models.TextField(_("英文题目"), blank=True)
    thinking_seconds = models.PositiveSmallIntegerField(_("思考时间（秒）"))
    answer_seconds = models.PositiveSmallIntegerField(_("作答时限（秒）"))
    status = models.CharField(
        max_length=12, choices=SessionQuestionStatus.choices, default=SessionQuestionStatus.PENDING
    )
    shown_at = models.DateTimeField(null=True, blank=True)
    answer_started_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["session", "position"]
        constraints = [
            models.UniqueConstraint(fields=["session", "position"], name="one_question_per_slot"),
        ]
        verbose_name = _("场次题目")
        verbose_name_plural = _("场次题目")

    def __str__(self) -> str:
        return f"{self.position}. {self.text[:30]}"


class AnswerStatus(models.TextChoices):
    RECORDING = "recording", _("录制/上传中")
    UPLOADED = "uploaded", _("已上传")
    SAVED = "saved", _("已保存")
    PROCESSED = "processed", _("已预处理")
    REJECTED = "rejected", _("已拒收")
    SUPERSEDED = "superseded", _("已重录替换")


def answer_media_upload_to(instance: Answer, filename: str) -> str:
    return f"interviews/answers/{instance.session_question.session_id}/{filename}"


class Answer(TimeStampedModel):
    """One attempt at one question: typed text, or recorded media uploaded in chunks (see ADR 0040)."""

    session_question = models.ForeignKey(SessionQuestion, on_delete=models.CASCADE, related_name="answers")
    attempt = models.PositiveSmallIntegerField(_("第几次作答"), default=1)
    mode = models.CharField(_("作答方式"), max_length=8)
    status = models.CharField(
        _("状态"), max_length=12, choices=AnswerStatus.choices, default=AnswerStatus.RECORDING, db_index=True
    )
    text = models.TextField(_("文字回答"), blank=True)
    # Upload (resumable): an unguessable id, the declared type and the bytes durably stored so far.
    upload_id = models.UUIDField(unique=True, null=True, blank=True, editable=False)
    content_type = models.CharField(max_length=100, blank=True)
    received_bytes = models.BigIntegerField(default=0)
    media = models.FileField(_("录音/录像"), upload_to=answer_media_upload_to, blank=True, max_length=255)
    container = models.CharField(max_length=32, blank=True)
    codec = models.CharField(max_length=32, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    size_bytes = models.BigIntegerField(default=0)
    duration_seconds = models.FloatField(null=True, blank=True)
    normalised_audio = models.FileField(_("16 kHz 单声道 WAV"), blank=True, max_length=255)
    rejection = models.CharField(_("拒收原因"), max_length=255, blank=True)
    signals = models.JSONField(_("行为记录"), default=dict, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    saved_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["session_question", "attempt"]
        constraints = [
            models.UniqueConstraint(fields=["session_question", "attempt"], name="one_answer_per_attempt"),
        ]
        verbose_name = _("回答")
        verbose_name_plural = _("回答")

    def __str__(self) -> str:
        return f"{self.session_question} #{self.attempt} {self.mode}"


class SignalKind(models.TextChoices):
    TAB_HIDDEN = "tab_hidden", _("切换页面/应用")
    WINDOW_BLUR = "window_blur", _("窗口失去焦点")
    PASTE = "paste", _("粘贴文字")
    NO_FACE = "no_face", _("画面中无人脸")
    MULTIPLE_FACES = "multiple_faces", _("画面中多张人脸")
    FACE_CHECK_UNAVAILABLE = "face_check_unavailable", _("浏览器不支持人脸检测")
    NETWORK_OFFLINE = "network_offline", _("网络中断")


class IntegritySignal(models.Model):
    """A fact observed in the candidate's browser (recorded, never judged): HR sees them beside the report."""

    session = models.ForeignKey(InterviewSession, on_delete=models.CASCADE, related_name="signals")
    session_question = models.ForeignKey(
        SessionQuestion, null=True, blank=True, on_delete=models.CASCADE, related_name="signals"
    )
    kind = models.CharField(_("类型"), max_length=24, choices=SignalKind.choices)
    client_id = models.CharField(max_length=64)
    occurred_at = models.DateTimeField(_("发生时间"))
    duration_ms = models.PositiveIntegerField(_("持续时长（毫秒）"), default=0)
    detail = models.JSONField(default=dict, blank=True)
    received_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["session", "occurred_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "client_id"], name="one_signal_per_client_id"),
        ]
        verbose_name = _("行为记录")
        verbose_name_plural = _("行为记录")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} @ {self.occurred_at:%H:%M:%S}"
