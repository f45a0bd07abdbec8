from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hirelink.messaging.errors import TemplateSyntaxInvalidError
from hirelink.messaging.rendering import template_check


class TemplateForm(forms.Form):
    name = forms.CharField(label=_("名称"), max_length=120)
    subject = forms.CharField(label=_("标题"), max_length=200, required=False)
    body = forms.CharField(label=_("正文"), widget=forms.Textarea(attrs={"rows": 12}))
    sms_template_id = forms.CharField(label=_("短信模板ID"), max_length=32, required=False)
    sms_params = forms.CharField(
        label=_("短信模板参数（JSON 数组）"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_active = forms.BooleanField(label=_("启用"), required=False)

    def clean_sms_params(self) -> list[str]:
        text = self.cleaned_data.get("sms_params") or "[]"
        try:
            value: Any = json.loads(text)
        except ValueError as exc:
            raise forms.ValidationError(_("不是有效的 JSON 数组")) from exc
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise forms.ValidationError(_("不是有效的 JSON 数组"))
        return value

    def _check(self, field: str) -> str:
        value = str(self.cleaned_data.get(field) or "")
        try:
            template_check(value)
        except TemplateSyntaxInvalidError as exc:
            raise forms.ValidationError(str(exc.message)) from exc
        return value

    def clean_subject(self) -> str:
        return self._check("subject")

    def clean_body(self) -> str:
        return self._check("body")
