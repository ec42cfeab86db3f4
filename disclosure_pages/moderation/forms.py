"""The reviewer's forms: an approval is a structured record, a rejection needs a reason."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..visibility import DisclosureMode
from .exemptions import exemption_choices
from .models import CHECKLIST, CHECKLIST_KEYS


class ReviewApprovalForm(forms.Form):
    decision = forms.ChoiceField(label=_("公开属性"), choices=DisclosureMode.choices, initial=DisclosureMode.PROACTIVE)
    exemption_ground = forms.ChoiceField(
        label=_("不予公开依据"),
        choices=[("", "—")],
        required=False,
        help_text=_("公开属性不是“主动公开”时必须选择《条例》规定的依据。"),
    )
    checklist = forms.MultipleChoiceField(
        label=_("核对事项"),
        choices=CHECKLIST,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("主动公开须全部勾选；其他决定下未勾选的事项记入审查记录，标为“未核对”。"),
    )
    acknowledge_findings = forms.BooleanField(
        label=_("我已逐条核查自动预审提示"),
        required=False,
        help_text=_("存在预审提示时必须勾选。"),
    )
    comment = forms.CharField(label=_("审查意见"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["exemption_ground"].choices = [("", "—"), *exemption_choices()]

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == DisclosureMode.PROACTIVE:
            missing = [label for key, label in CHECKLIST if key not in (cleaned.get("checklist") or [])]
            if missing:
                self.add_error("checklist", _("主动公开前须确认全部核对事项：%(items)s") % {"items": "、".join(map(str, missing))})
            if cleaned.get("exemption_ground"):
                self.add_error("exemption_ground", _("主动公开不需要不予公开依据。"))
        elif decision and not cleaned.get("exemption_ground"):
            self.add_error("exemption_ground", _("请选择不予公开或依申请公开的法定依据。"))
        return cleaned


class ReviewRejectionForm(forms.Form):
    comment = forms.CharField(
        label=_("退回意见"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("说明需要修改的内容，退回后由编辑修改再重新提交。"),
    )

    def clean_comment(self) -> str:
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(_("退回时必须填写意见。"))
        return comment


__all__ = ["CHECKLIST_KEYS", "ReviewApprovalForm", "ReviewRejectionForm"]
