from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from hirelink.candidates.states import ApplicationStatus
from hirelink.positions.models import Position
from hirelink.workflows.models import WorkflowRule


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("reject", _("确认不通过")), ("pass", _("改为通过，安排复试"))])
    subject = forms.CharField(label=_("感谢函标题（留空使用模板）"), max_length=200, required=False)
    body = forms.CharField(
        label=_("感谢函正文（留空使用模板）"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    note = forms.CharField(label=_("备注"), max_length=500, required=False)
    starts_at = forms.DateTimeField(
        label=_("复试时间"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    place = forms.CharField(label=_("复试地点"), max_length=200, required=False)
    contact_name = forms.CharField(label=_("联系人"), max_length=64, required=False)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=32, required=False)


class BatchForm(forms.Form):
    review_ids = forms.TypedMultipleChoiceField(coerce=int, choices=[])

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["review_ids"].choices = choices  # type: ignore[attr-defined]


class JSONListField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 6, "spellcheck": "false"})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list | dict):
            return json.dumps(value, ensure_ascii=False, indent=2)
        return value

    def to_python(self, value: Any) -> Any:
        text = super().to_python(value) or "[]"
        try:
            parsed = json.loads(text)
        except ValueError as exc:
            raise forms.ValidationError(_("不是有效的 JSON：%(error)s"), params={"error": exc}) from exc
        if not isinstance(parsed, list):
            raise forms.ValidationError(_("必须是 JSON 数组"))
        return parsed


class RuleForm(forms.ModelForm):  # type: ignore[type-arg]
    conditions = JSONListField(label=_("条件"), required=False)
    actions = JSONListField(label=_("动作"))
    from_status = forms.ChoiceField(label=_("原状态"), required=False, choices=[("", "—"), *ApplicationStatus.choices])
    to_status = forms.ChoiceField(label=_("新状态"), required=False, choices=[("", "—"), *ApplicationStatus.choices])
    position = forms.ModelChoiceField(label=_("岗位"), queryset=Position.objects.all(), required=False)

    class Meta:
        model = WorkflowRule
        fields = [
            "name",
            "position",
            "replaces",
            "trigger",
            "from_status",
            "to_status",
            "conditions",
            "actions",
            "delay_seconds",
            "priority",
            "is_active",
        ]
