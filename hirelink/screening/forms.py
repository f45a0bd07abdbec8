"""Forms for the HR screening pages and the public application page."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

RESUME_ACCEPT = (
    ".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
)


class _Form(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SingleUploadForm(_Form):
    file = forms.FileField(
        label=_("简历文件（PDF / DOCX / TXT）"), widget=forms.ClearableFileInput(attrs={"accept": RESUME_ACCEPT})
    )
    name = forms.CharField(label=_("姓名（可选，留空则从简历识别）"), max_length=100, required=False)
    phone = forms.CharField(label=_("手机（可选）"), max_length=32, required=False)
    email = forms.EmailField(label=_("邮箱（可选）"), required=False)


class BulkUploadForm(_Form):
    file = forms.FileField(
        label=_("ZIP 压缩包，或含简历内容列的 CSV / Excel 表格"),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,.csv,.xlsx"}),
    )


class RuleSaveForm(forms.Form):
    definition = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("修改说明"), max_length=200, required=False)
    source = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_definition(self) -> dict[str, Any]:
        try:
            value = json.loads(self.cleaned_data["definition"])
        except ValueError as exc:
            raise forms.ValidationError(_("规则定义格式不正确")) from exc
        if not isinstance(value, dict):
            raise forms.ValidationError(_("规则定义格式不正确"))
        return value


class AssistantForm(_Form):
    description = forms.CharField(
        label=_("粘贴岗位描述（中文或英文）"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )


class ApplyForm(_Form):
    name = forms.CharField(label=_("姓名"), max_length=100)
    phone = forms.RegexField(
        label=_("手机号"),
        regex=r"^\+?[0-9\- ]{7,20}$",
        max_length=20,
        error_messages={"invalid": _("请输入有效的手机号")},
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("邮箱（选填）"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    city = forms.CharField(label=_("现居城市（选填）"), max_length=64, required=False)
    willing_to_relocate = forms.BooleanField(label=_("愿意服从工作地点调剂"), required=False)
    file = forms.FileField(
        label=_("简历（PDF / DOCX / TXT，10 MB 以内）"),
        widget=forms.ClearableFileInput(attrs={"accept": RESUME_ACCEPT}),
    )
    consent = forms.BooleanField(
        label=_("我同意招聘方为本次招聘处理我的简历与个人信息，并知悉简历将由规则自动初筛、结果由 HR 复核。"),
        error_messages={"required": _("请阅读并同意个人信息处理说明")},
    )
