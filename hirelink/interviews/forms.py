from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ConsentForm(forms.Form):
    ai_consent = forms.BooleanField(
        label=_("我已阅读并同意上述 AI 面试说明"),
        required=False,
    )
    biometric_consent = forms.BooleanField(
        label=_("我同意语音语调与面部表情分析（可选）"),
        required=False,
    )
    answer_path = forms.ChoiceField(
        label=_("作答方式"),
        choices=[("record", _("语音作答（推荐）")), ("text", _("只用文字作答"))],
        initial="record",
        widget=forms.RadioSelect,
    )
