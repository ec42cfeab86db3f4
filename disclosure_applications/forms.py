"""The citizen's application form: the same rules for the HTML form and the JSON API."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from disclosure_pages.moderation.prescreen.validators import is_valid_id_number
from disclosure_pages.taxonomy.models import Organisation
from disclosure_pages.text.cleaning import clean_inline, clean_text

from .choices import ApplicantType, IdType
from .models import Application

MAX_ID_DOCUMENT_BYTES = 5 * 1024 * 1024
_PHONE = re.compile(r"^\+?[0-9][0-9\- ]{5,19}$")
_POSTCODE = re.compile(r"^[0-9]{6}$")
_CREDIT_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")
#: Magic numbers of the allowed identity-document types (the extension alone proves nothing).
_SIGNATURES = (b"%PDF-", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")
#: Lone surrogates (possible in JSON) cannot be stored in UTF-8.
_UNSTORABLE = re.compile("[\ud800-\udfff]")


class OrganisationChoiceField(forms.ModelChoiceField):
    """Chosen by the body's code in the API and by its id in the HTML form."""

    def label_from_instance(self, obj: Organisation) -> str:
        return obj.name


class ApplicationForm(forms.ModelForm):
    organisation = OrganisationChoiceField(
        Organisation.objects.all(), label=_("受理机关"), empty_label=_("请选择"), to_field_name="code"
    )

    class Meta:
        model = Application
        fields = [
            "applicant_type", "name", "id_type", "id_number", "id_document", "phone", "email",
            "address", "postcode", "organisation", "description", "delivery",
        ]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 6, "maxlength": 5000})}

    def full_clean(self) -> None:
        super().full_clean()
        for name, value in (self.data or {}).items():
            if name in self.fields and isinstance(value, str) and _UNSTORABLE.search(value):
                self.add_error(name, _("含有无法识别的字符，请重新输入。"))

    def clean_name(self) -> str:
        return clean_inline(self.cleaned_data["name"])

    def clean_description(self) -> str:
        text = clean_text(self.cleaned_data["description"]).strip()
        if len(text) < 4:
            raise ValidationError(_("请写明所需政府信息的名称、文号或者便于查询的其他特征性描述。"))
        return text

    def clean_phone(self) -> str:
        phone = clean_inline(self.cleaned_data["phone"])
        if not _PHONE.match(phone):
            raise ValidationError(_("请填写有效的联系电话，例如 0556-5347099 或 13800000000。"))
        return phone

    def clean_postcode(self) -> str:
        code = self.cleaned_data["postcode"].strip()
        if code and not _POSTCODE.match(code):
            raise ValidationError(_("邮政编码为6位数字。"))
        return code

    def clean_id_document(self):
        upload = self.cleaned_data.get("id_document")
        if not upload or not hasattr(upload, "read"):
            return upload
        if upload.size > MAX_ID_DOCUMENT_BYTES:
            raise ValidationError(_("身份证明文件不能超过5 MB。"))
        head = upload.read(8)
        upload.seek(0)
        if not head.startswith(_SIGNATURES):
            raise ValidationError(_("身份证明文件只接受 PDF、JPEG 或 PNG 格式。"))
        return upload

    def clean(self) -> dict:
        data = super().clean()
        applicant, id_type = data.get("applicant_type"), data.get("id_type")
        number = clean_inline(data.get("id_number") or "").upper()
        if "id_number" in data:
            data["id_number"] = number
        if applicant and id_type:
            if applicant == ApplicantType.NATURAL_PERSON and id_type == IdType.CREDIT_CODE:
                self.add_error("id_type", _("自然人请填写个人身份证明。"))
            if applicant != ApplicantType.NATURAL_PERSON and id_type != IdType.CREDIT_CODE:
                self.add_error("id_type", _("法人或其他组织请填写统一社会信用代码。"))
        if id_type == IdType.ID_CARD and number and not is_valid_id_number(number):
            self.add_error("id_number", _("居民身份证号码应为18位，且校验位正确。"))
        if id_type == IdType.CREDIT_CODE and number and not _CREDIT_CODE.match(number):
            self.add_error("id_number", _("统一社会信用代码应为18位数字或大写字母。"))
        if data.get("delivery") == "email" and not data.get("email"):
            self.add_error("email", _("选择电子邮件方式获取信息时，请填写电子邮箱。"))
        if data.get("delivery") == "post" and not (data.get("address") and data.get("postcode")):
            self.add_error("address", _("选择邮寄方式获取信息时，请填写通信地址和邮政编码。"))
        return data


class StatisticsForm(forms.Form):
    """The body and year of the public statistics page (GET, bookmarkable)."""

    organisation = OrganisationChoiceField(
        Organisation.objects.all(), label=_("受理机关"), empty_label=_("请选择"), to_field_name="code"
    )
    year = forms.IntegerField(label=_("年份"), min_value=2008, max_value=2100)
