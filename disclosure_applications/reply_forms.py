"""The handler's reply form and the reviewer's decision form."""

from __future__ import annotations

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from .choices import Outcome
from .replies import REPLY_CHECKLIST, REPLY_DOCUMENT_EXTENSIONS, Reply

MAX_REPLY_DOCUMENT_BYTES = 50 * 1024 * 1024
MAX_DOCUMENTS_PER_UPLOAD = 20


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern), each validated."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if len(files) > MAX_DOCUMENTS_PER_UPLOAD:
            raise forms.ValidationError(_("一次最多上传 %(count)d 个文件。") % {"count": MAX_DOCUMENTS_PER_UPLOAD})
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class ReplyForm(forms.Form):
    outcome = forms.ChoiceField(label=_("办理结果"), choices=Outcome.choices)
    notice = forms.CharField(
        label=_("答复告知书"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("选择办理结果后可按模板生成草稿，再逐字修改。送审前不能为空。"),
    )
    documents = MultipleFileField(
        label=_("提供的信息（答复文件）"),
        required=False,
        validators=[FileExtensionValidator(REPLY_DOCUMENT_EXTENSIONS)],
        help_text=_("PDF、OFD、Office 文档、文本、图片或 ZIP，每个不超过50 MB。部分公开的文件须先作区分处理。"),
    )
    remove = forms.ModelMultipleChoiceField(
        label=_("删除已上传的文件"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, reply: Reply | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if reply is not None and reply.pk and reply.documents.exists():
            self.fields["remove"].queryset = reply.documents.all()
        else:
            del self.fields["remove"]

    def clean_documents(self) -> list:
        files = self.cleaned_data.get("documents") or []
        for upload in files:
            if upload.size > MAX_REPLY_DOCUMENT_BYTES:
                raise forms.ValidationError(_("“%(name)s”超过50 MB。") % {"name": upload.name})
        return files


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("审查结论"),
        choices=[("approve", _("审查通过，发出答复")), ("reject", _("退回修改"))],
        widget=forms.RadioSelect,
    )
    checklist = forms.MultipleChoiceField(
        label=_("核对事项"), choices=REPLY_CHECKLIST, required=False, widget=forms.CheckboxSelectMultiple
    )
    acknowledge_findings = forms.BooleanField(label=_("已逐条核查自动预审提示"), required=False)
    comment = forms.CharField(
        label=_("审查意见"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    seen = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("decision") == "approve" and set(data.get("checklist") or []) != {k for k, _l in REPLY_CHECKLIST}:
            self.add_error("checklist", _("请逐项核对审查事项。"))
        if data.get("decision") == "reject" and not (data.get("comment") or "").strip():
            self.add_error("comment", _("退回时必须填写意见。"))
        return data
