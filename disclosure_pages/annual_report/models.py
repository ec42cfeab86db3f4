"""Annual disclosure reports (政府信息公开工作年度报告) in the national format."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.search import index

from ..i18n import in_reader_language, listing_parent
from ..mixins import DisclosurePageMixin
from ..pagebase import BasePage, page_parent_link
from ..sections import SectionIndexPage
from ..visibility import visible
from .format import FORMAT_2021, FORMAT_CHOICES, SECTION_HEADINGS, get_format
from .forms import AnnualReportForm, StatisticsTableWidget
from .tables import build_tables
from .validation import parse_statistics, to_json, validate_statistics

RICH = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class AnnualReportIndexPage(SectionIndexPage):
    """政府信息公开年报 section: reports by year, newest first."""

    subpage_types = ["disclosure_pages.AnnualReportPage"]
    template = "disclosure_pages/annual_report/annual_report_index_page.html"

    class Meta:
        verbose_name = _("年度报告栏目")
        verbose_name_plural = _("年度报告栏目")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        reports = (
            visible(AnnualReportPage.objects.child_of(listing_parent(self, request)))
            .select_related("organisation").order_by("-year", "organisation__sort_order", "organisation__name")
        )
        context["reports"] = in_reader_language(list(reports), request, select_related=("organisation",))
        return context


class AnnualReportPage(DisclosurePageMixin, BasePage):
    """One organisation's report for one year: six sections and the statutory tables."""

    page_ptr = page_parent_link()
    organisation = models.ForeignKey(
        "disclosure_pages.Organisation", verbose_name=_("报告机关"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveIntegerField(_("报告年度"))
    publish_date = models.DateField(_("发布日期"), null=True, blank=True)
    format_version = models.CharField(
        _("报告格式"),
        max_length=10,
        choices=FORMAT_CHOICES,
        default=FORMAT_2021,
        help_text=_("更改格式后请先保存，统计表会按新格式显示。"),
    )
    section_overview = RichTextField(SECTION_HEADINGS[0], blank=True, features=RICH)
    section_proactive = RichTextField(SECTION_HEADINGS[1], blank=True, features=RICH)
    section_applications = RichTextField(SECTION_HEADINGS[2], blank=True, features=RICH)
    section_review_litigation = RichTextField(SECTION_HEADINGS[3], blank=True, features=RICH)
    section_problems = RichTextField(SECTION_HEADINGS[4], blank=True, features=RICH)
    section_other = RichTextField(SECTION_HEADINGS[5], blank=True, features=RICH)
    statistics = models.JSONField(_("统计表"), default=dict, blank=True)

    SECTION_FIELDS = (
        "section_overview",
        "section_proactive",
        "section_applications",
        "section_review_litigation",
        "section_problems",
        "section_other",
    )

    organisation_field = "organisation"  # the 报告机关 (a moderation hook, see DisclosurePageMixin)
    base_form_class = AnnualReportForm
    parent_page_types = ["disclosure_pages.AnnualReportIndexPage"]
    subpage_types: list[str] = []

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldRowPanel([FieldPanel("year"), FieldPanel("publish_date")]),
                FieldPanel("format_version"),
            ],
            heading=_("报告信息"),
        ),
        *[FieldPanel(name) for name in SECTION_FIELDS],
    ]
    statistics_panels = [FieldPanel("statistics", widget=StatisticsTableWidget)]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("内容")),
            ObjectList(statistics_panels, heading=_("统计表")),
            ObjectList(BasePage.promote_panels, heading=_("推广")),
            ObjectList(BasePage.settings_panels, heading=_("设置")),
        ]
    )
    search_fields = BasePage.search_fields + [index.SearchField(name) for name in SECTION_FIELDS] + [
        index.FilterField("year"),
        index.FilterField("organisation"),
        *DisclosurePageMixin.disclosure_search_fields,
    ]
    template = "disclosure_pages/annual_report/annual_report_page.html"

    class Meta:
        verbose_name = _("政府信息公开工作年度报告")
        verbose_name_plural = _("政府信息公开工作年度报告")

    def clean(self) -> None:
        super().clean()
        if self.year and not 2008 <= self.year <= 2100:
            raise ValidationError({"year": _("报告年度应不早于2008年（《条例》施行）。")})
        if self.organisation_id and self.year:
            duplicates = AnnualReportPage.objects.filter(
                organisation_id=self.organisation_id, year=self.year, locale_id=self.locale_id
            ).exclude(translation_key=self.translation_key)
            if self.pk:
                duplicates = duplicates.exclude(pk=self.pk)
            if duplicates.exists():
                raise ValidationError({"year": _("该机关本年度的报告已存在。")})
        values, errors = validate_statistics(self.format_version, self.statistics)
        if errors:
            first_key = next(iter(errors))
            raise ValidationError(
                {"statistics": _("统计表有 %(count)d 处错误（如 %(cell)s：%(message)s）。") % {
                    "count": len(errors), "cell": first_key, "message": errors[first_key][0]}}
            )
        if get_format(self.format_version).has_tables:
            self.statistics = to_json(values)

    def fingerprint_content(self, content: dict) -> dict:
        """Figures typed as text and stored as numbers are the same figures."""
        values, errors = parse_statistics(self.format_version, content.get("statistics") or {})
        if not errors and get_format(self.format_version).has_tables:
            content = {**content, "statistics": to_json(values)}
        return content

    @property
    def sections(self) -> list[tuple[str, str]]:
        """(heading, html) of the six sections, under the headings of the report's format."""
        headings = self.report_format.section_headings
        return [(str(heading), getattr(self, name)) for heading, name in zip(headings, self.SECTION_FIELDS)]

    @property
    def report_format(self):
        return get_format(self.format_version)

    def statistics_tables(self):
        return build_tables(self.report_format, self.statistics)

    def __str__(self) -> str:
        return self.title
