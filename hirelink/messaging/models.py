"""Messages: templates (zh-Hans/English, Django template syntax), outbound messages with their delivery state and
every attempt with the provider's response (the delivery log), and the candidate's WeCom reachability."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hirelink.core import clock
from hirelink.core.crypto import EncryptedTextField
from hirelink.core.models import TimeStampedModel


class Channel(models.TextChoices):
    WECOM_APP = "wecom_app", _("企业微信应用消息")
    WECOM_EXTERNAL = "wecom_external", _("企业微信客户联系")
    WECOM_KF = "wecom_kf", _("微信客服")
    SMS = "sms", _("短信")
    EMAIL = "email", _("邮件")


class RecipientKind(models.TextChoices):
    CANDIDATE = "candidate", _("候选人")
    STAFF = "staff", _("员工")


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    SENDING = "sending", _("发送中")
    SENT = "sent", _("已发送")
    DELIVERED = "delivered", _("已送达")
    FAILED = "failed", _("发送失败")
    CANCELLED = "cancelled", _("已取消")


FINAL_STATUSES = frozenset({MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.FAILED, MessageStatus.CANCELLED})


class TemplateLanguage(models.TextChoices):
    ZH_HANS = "zh-hans", _("简体中文")
    EN = "en", _("English")


class MessageTemplate(TimeStampedModel):
    """One message in one language. `body` and `subject` use Django template syntax with the context the
    workflow action provides (candidate, position, invitation, link, schedule, report, ...).

    SMS providers in China only send pre-registered templates: `sms_template_id` names the provider's template
    and `sms_params` lists one Django-template expression per numbered parameter ({1}, {2}, ...)."""

    key = models.SlugField(_("模板编码"), max_length=64)
    language = models.CharField(
        _("语言"), max_length=8, choices=TemplateLanguage.choices, default=TemplateLanguage.ZH_HANS
    )
    name = models.CharField(_("名称"), max_length=120)
    subject = models.CharField(_("标题"), max_length=200, blank=True)
    body = models.TextField(_("正文"))
    sms_template_id = models.CharField(_("短信模板ID"), max_length=32, blank=True)
    sms_params = models.JSONField(_("短信模板参数"), default=list, blank=True)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["key", "language"]
        constraints = [models.UniqueConstraint(fields=["key", "language"], name="one_template_per_language")]
        verbose_name = _("消息模板")
        verbose_name_plural = _("消息模板")

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"


class CandidateWecomContact(TimeStampedModel):
    """How WeCom reaches a candidate: as an external contact of a staff member (客户联系) and/or through a
    微信客服 session. Without a row the WeCom candidate channels report "unreachable" and the message falls back."""

    candidate = models.OneToOneField(
        "candidates.Candidate", on_delete=models.CASCADE, related_name="wecom_contact", verbose_name=_("候选人")
    )
    external_userid = models.CharField(_("外部联系人ID"), max_length=64, blank=True, db_index=True)
    follow_userid = models.CharField(_("添加人企业微信账号"), max_length=64, blank=True)
    kf_external_userid = models.CharField(_("微信客服客户ID"), max_length=64, blank=True)
    kf_last_customer_message_at = models.DateTimeField(_("客户最近发言时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("候选人企业微信联系方式")
        verbose_name_plural = _("候选人企业微信联系方式")

    def __str__(self) -> str:
        return f"{self.candidate_id}: {self.external_userid or self.kf_external_userid}"


class OutboundMessage(models.Model):
    """One message to one recipient over one channel. `idempotency_key` is unique: a retried job that asks for
    the same (event, rule, recipient) message gets the existing row and never sends a second copy. A fallback
    to another channel is a child row (`fallback_of`)."""

    idempotency_key = models.CharField(max_length=200, unique=True)
    channel = models.CharField(_("渠道"), max_length=16, choices=Channel.choices, db_index=True)
    recipient_kind = models.CharField(_("收件人类型"), max_length=16, choices=RecipientKind.choices)
    candidate = models.ForeignKey(
        "candidates.Candidate", null=True, blank=True, on_delete=models.CASCADE, related_name="messages"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="messages"
    )
    application = models.ForeignKey(
        "candidates.Application", null=True, blank=True, on_delete=models.CASCADE, related_name="messages"
    )
    address = EncryptedTextField(_("地址"), blank=True)
    template_key = models.CharField(_("模板"), max_length=64, blank=True)
    language = models.CharField(_("语言"), max_length=8, default="zh-hans")
    subject = models.CharField(_("标题"), max_length=200, blank=True)
    body = models.TextField(_("正文"), blank=True)
    payload = models.JSONField(_("附加内容"), default=dict, blank=True)
    origin = models.CharField(_("来源"), max_length=64, blank=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=MessageStatus.choices, default=MessageStatus.QUEUED, db_index=True
    )
    fallback_channels = models.JSONField(default=list, blank=True)
    fallback_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="fallbacks")
    event_at = models.DateTimeField(_("事件时间"), default=clock.now)
    created_at = models.DateTimeField(_("入队时间"), default=clock.now, db_index=True)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("送达时间"), null=True, blank=True)
    receipt_checked_at = models.DateTimeField(_("回执查询时间"), null=True, blank=True)
    failed_at = models.DateTimeField(_("失败时间"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    next_attempt_at = models.DateTimeField(_("下次尝试"), null=True, blank=True, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("最近错误"), blank=True)
    provider_message_id = models.CharField(_("服务商消息ID"), max_length=128, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("外发消息")
        verbose_name_plural = _("外发消息")

    def __str__(self) -> str:
        return f"{self.get_channel_display()} · {self.template_key} · {self.get_status_display()}"

    @property
    def latency_seconds(self) -> float | None:
        if self.sent_at is None:
            return None
        return (self.sent_at - self.event_at).total_seconds()


class AttemptOutcome(models.TextChoices):
    SENT = "sent", _("已发送")
    DELIVERED = "delivered", _("已送达")
    RETRY = "retry", _("稍后重试")
    RATE_LIMITED = "rate_limited", _("触发限流")
    UNREACHABLE = "unreachable", _("无法触达")
    FAILED = "failed", _("失败")


class DeliveryAttempt(models.Model):
    """One call to a provider: what we sent it and what it answered (the full delivery log)."""

    message = models.ForeignKey(OutboundMessage, on_delete=models.CASCADE, related_name="delivery_attempts")
    number = models.PositiveSmallIntegerField(_("次序"))
    started_at = models.DateTimeField(_("开始"), default=clock.now)
    duration_ms = models.PositiveIntegerField(_("耗时（毫秒）"), default=0)
    outcome = models.CharField(_("结果"), max_length=16, choices=AttemptOutcome.choices)
    provider_code = models.CharField(_("服务商返回码"), max_length=64, blank=True)
    response = models.JSONField(_("服务商响应"), default=dict, blank=True)
    error = models.TextField(_("错误"), blank=True)

    class Meta:
        ordering = ["message", "number"]
        constraints = [models.UniqueConstraint(fields=["message", "number"], name="one_attempt_number")]
        verbose_name = _("投递记录")
        verbose_name_plural = _("投递记录")

    def __str__(self) -> str:
        return f"#{self.message_id}.{self.number} {self.outcome}"
