"""Handlers' forms: registering an application that came by letter, fax, visit or email,
and recording a step (补正, extension, consultation, reply...)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import Channel
from .forms import ApplicationForm
from .models import Application, ApplicationEvent
from .transitions import ALLOWED_FROM, CORRECTION_MAX_DAYS

Kind = ApplicationEvent.Kind


class RegisterApplicationForm(ApplicationForm):
    """The citizen's form plus how and when it arrived (第三十一条: a letter counts from its 签收 date)."""

    channel = forms.ChoiceField(label=_("申请渠道"), choices=[c for c in Channel.choices if c[0] != Channel.ONLINE])
    received_on = forms.DateField(
        label=_("收到申请之日"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("信函以签收之日为准。"),
    )

    class Meta(ApplicationForm.Meta):
        fields = [*ApplicationForm.Meta.fields, "channel"]

    def __init__(self, *args, bodies=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if bodies is not None:
            self.fields["organisation"].queryset = bodies

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("收到申请之日不能晚于今天。"))
        return day


class ContactForm(forms.ModelForm):
    """What may change after receipt: how to reach the applicant."""

    class Meta:
        model = Application
        fields = ["phone", "email", "address", "postcode"]


class StepForm(forms.Form):
    kind = forms.ChoiceField(label=_("办理事项"), choices=[c for c in Kind.choices if c[0] in ALLOWED_FROM])
    date = forms.DateField(label=_("日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    days = forms.IntegerField(
        label=_("工作日数"),
        required=False,
        min_value=1,
        max_value=CORRECTION_MAX_DAYS,
        help_text=_("延期答复：延长的工作日数，最多20个；告知补正：给申请人的补正期限。"),
    )
    approved_by = forms.CharField(
        label=_("批准延期的负责人"),
        required=False,
        max_length=100,
        help_text=_("延期答复须经政府信息公开工作机构负责人同意（第三十三条）。"),
    )
    note = forms.CharField(
        label=_("说明"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("补正和延期的说明会告知申请人。"),
    )

    def clean(self) -> dict:
        data = super().clean()
        kind = data.get("kind")
        if kind == Kind.EXTENDED and not data.get("days"):
            self.add_error("days", _("请填写延长的工作日数。"))
        if kind == Kind.EXTENDED and not (data.get("approved_by") or "").strip():
            self.add_error("approved_by", _("请填写批准延期的负责人。"))
        if kind == Kind.CORRECTION_REQUESTED and not data.get("days"):
            self.add_error("days", _("请填写补正期限（工作日）。"))
        if kind in (Kind.CORRECTION_REQUESTED, Kind.EXTENDED) and not data.get("note", "").strip():
            self.add_error("note", _("请写明告知申请人的内容。"))
        return data
