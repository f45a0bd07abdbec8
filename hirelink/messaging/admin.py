from django.contrib import admin

from hirelink.messaging.models import CandidateWecomContact, DeliveryAttempt, MessageTemplate, OutboundMessage


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "key", "language", "sms_template_id", "is_active")
    list_filter = ("language", "is_active")
    search_fields = ("key", "name")


class DeliveryAttemptInline(admin.TabularInline):  # type: ignore[type-arg]
    model = DeliveryAttempt
    extra = 0
    readonly_fields = ("number", "started_at", "duration_ms", "outcome", "provider_code", "response", "error")
    can_delete = False


@admin.register(OutboundMessage)
class OutboundMessageAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("id", "template_key", "channel", "recipient_kind", "status", "attempts", "event_at", "sent_at")
    list_filter = ("channel", "status", "recipient_kind")
    search_fields = ("idempotency_key", "template_key")
    readonly_fields = [f.name for f in OutboundMessage._meta.fields if f.name != "address"]
    exclude = ("address",)
    inlines = [DeliveryAttemptInline]


@admin.register(CandidateWecomContact)
class CandidateWecomContactAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("candidate", "external_userid", "follow_userid", "kf_external_userid")
    raw_id_fields = ("candidate",)
