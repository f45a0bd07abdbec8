from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hirelink.talent.importing import IMPORT_KINDS


class RecordImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("数据类型"), choices=[(k, v.label) for k, v in IMPORT_KINDS.items()])
    file = forms.FileField(label=_("文件（CSV 或 Excel .xlsx）"))


class ErasureForm(forms.Form):
    requested_by = forms.CharField(label=_("申请方"), max_length=150, help_text=_("如：候选人本人（邮件申请）"))
    reason = forms.CharField(label=_("原因"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    confirm_name = forms.CharField(label=_("请输入候选人姓名以确认"), max_length=100)

    def __init__(self, *args: Any, candidate: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.candidate = candidate

    def clean_confirm_name(self) -> str:
        value = str(self.cleaned_data["confirm_name"]).strip()
        if value != self.candidate.name:
            raise forms.ValidationError(_("姓名不一致，未删除任何数据。"))
        return value
