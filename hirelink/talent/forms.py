from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hirelink.talent.importing import IMPORT_KINDS


class RecordImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("数据类型"), choices=[(k, v.label) for k, v in IMPORT_KINDS.items()])
    file = forms.FileField(label=_("文件（CSV 或 Excel .xlsx）"))
