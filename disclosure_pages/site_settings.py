"""Per-site settings a webmaster edits in the admin (设置 › 信息公开设置)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .catalog.index_numbers import validate_index_number_format


@register_setting(icon="site")
class DisclosureSettings(BaseSiteSetting):
    organisation_name = models.CharField(_("机关名称"), max_length=100, blank=True)
    organisation_code = models.CharField(
        _("机关代码"),
        max_length=20,
        blank=True,
        help_text=_("发布机构未填写机构代码时，索引号使用此代码。"),
    )
    index_number_format = models.CharField(
        _("索引号格式"),
        max_length=100,
        blank=True,
        validators=[validate_index_number_format],
        help_text=_(
            "可用占位符：{org_code} 机构代码，{year} 年份，{month} 月份，{seq} 流水号（如 {seq:05d} 为5位补零）。"
            "留空使用默认格式 {org_code}/{year}-{seq:05d}。"
        ),
    )
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    phone = models.CharField(_("咨询电话"), max_length=100, blank=True)
    fax = models.CharField(_("传真"), max_length=50, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=10, blank=True)
    host_organisation = models.CharField(_("主办单位"), max_length=100, blank=True)
    maintainer = models.CharField(_("运行维护"), max_length=100, blank=True)
    icp_number = models.CharField(_("ICP备案号"), max_length=50, blank=True, help_text=_("例如：皖ICP备05003765号"))
    police_number = models.CharField(_("公安机关备案号"), max_length=50, blank=True, help_text=_("例如：皖公网安备 34081102000277号"))
    website_code = models.CharField(_("政府网站标识码"), max_length=20, blank=True)
    traditional_variant = models.CharField(
        _("繁体版用字用语"),
        max_length=2,
        choices=[("hk", _("香港繁体（只转换字形）")), ("tw", _("台湾正体（同时转换用语，如“软件”作“軟體”）"))],
        default="hk",
        help_text=_("OpenCC 机器翻译生成繁体版页面时依据的规范。文号、索引号保持原样，机构名称只转换字形。"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("organisation_code"), FieldPanel("index_number_format")],
            heading=_("机关与索引号"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("office_hours"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
                FieldPanel("postcode"),
            ],
            heading=_("联系方式"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("host_organisation"),
                FieldPanel("maintainer"),
                FieldPanel("icp_number"),
                FieldPanel("police_number"),
                FieldPanel("website_code"),
            ],
            heading=_("页脚与备案"),
        ),
        MultiFieldPanel([FieldPanel("traditional_variant")], heading=_("繁体版")),
    ]

    class Meta:
        verbose_name = _("信息公开设置")
        verbose_name_plural = _("信息公开设置")

    def clean(self) -> None:
        super().clean()
        if self.organisation_code and len(self.organisation_code.strip()) < 6:
            raise ValidationError({"organisation_code": _("机关代码过短。")})
