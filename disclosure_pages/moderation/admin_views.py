"""The 保密审查记录 report: every review, newest first, filterable and exportable.

Read-only by construction: a report view has no edit or delete views, and the records
themselves refuse updates and deletes (models.ImmutableRecord). Webmasters, reviewers
and approvers read it (``view_confidentialityreview``), e.g. for the annual report or an
inspection; everyone else gets 403 and no menu item.
"""

from __future__ import annotations

import datetime

import django_filters
from django.contrib.auth import get_user_model
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from ..visibility import DisclosureMode
from .checklist import checklist_summary, review_checklist
from .models import ConfidentialityReview, Outcome, Source

VIEW_PERMISSION = "disclosure_pages.view_confidentialityreview"
URL_NAME = "disclosure_review_report"
RESULTS_URL_NAME = "disclosure_review_report_results"


def _organ_choices() -> list[tuple[str, str]]:
    names = (
        ConfidentialityReview.objects.exclude(organisation_name="")
        .order_by("organisation_name")
        .values_list("organisation_name", flat=True)
        .distinct()
    )
    return [(name, name) for name in names]


def _reviewers(request):
    ids = ConfidentialityReview.objects.exclude(reviewer_id=None).values("reviewer_id")
    User = get_user_model()
    return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)


class ReviewRecordFilterSet(WagtailFilterSet):
    organisation_name = django_filters.ChoiceFilter(label=_("发布机构"), choices=_organ_choices, empty_label=_("全部"))
    reviewer = django_filters.ModelChoiceFilter(label=_("审查人"), queryset=_reviewers, empty_label=_("全部"))
    outcome = django_filters.ChoiceFilter(label=_("审查结果"), choices=Outcome.choices, empty_label=_("全部"))
    decision = django_filters.ChoiceFilter(label=_("公开属性"), choices=DisclosureMode.choices, empty_label=_("全部"))
    created_at = django_filters.DateFromToRangeFilter(label=_("审查时间"), widget=DateRangePickerWidget)
    source = django_filters.ChoiceFilter(label=_("来源"), choices=Source.choices, empty_label=_("全部"))

    class Meta:
        model = ConfidentialityReview
        fields = ["organisation_name", "reviewer", "outcome", "decision", "created_at", "source"]


def _local(value: datetime.datetime | None) -> datetime.datetime | None:
    return timezone.localtime(value) if value is not None and timezone.is_aware(value) else value


def _history_url(review: ConfidentialityReview) -> str:
    return reverse("wagtailadmin_pages:history", args=(review.page_id,))


class ReviewRecordReportView(ReportView):
    """Wagtail's report view; the title links to the page history (where the review is logged too)."""

    model = ConfidentialityReview
    page_title = _("保密审查记录")
    header_icon = "clipboard-list"
    index_url_name = URL_NAME
    index_results_url_name = RESULTS_URL_NAME
    filterset_class = ReviewRecordFilterSet
    permission_policy = ModelPermissionPolicy(ConfidentialityReview)
    permission_required = "view"
    paginate_by = 50
    columns = [
        TitleColumn("page_title", label=_("标题"), get_url=_history_url),
        Column("organisation_name", label=_("发布机构")),
        StatusTagColumn("get_outcome_display", label=_("审查结果"), primary=lambda r: r.outcome == Outcome.APPROVED),
        Column("get_decision_display", label=_("公开属性")),
        Column("exemption_ground_label", label=_("不予公开依据")),
        Column("comment", label=_("审查意见")),
        Column("reviewer_name", label=_("审查人")),
        DateColumn("created_at", label=_("审查时间")),
        Column("get_source_display", label=_("来源")),
    ]
    list_export = [
        "page_title",
        "organisation_name",
        "get_outcome_display",
        "get_decision_display",
        "exemption_ground_label",
        "comment",
        "checklist",
        "reviewer_name",
        "created_at",
        "fingerprint",
        "get_source_display",
    ]
    export_headings = {
        "page_title": _("标题"),
        "organisation_name": _("发布机构"),
        "get_outcome_display": _("审查结果"),
        "get_decision_display": _("公开属性"),
        "exemption_ground_label": _("不予公开依据"),
        "comment": _("审查意见"),
        "checklist": _("核对事项"),
        "reviewer_name": _("审查人"),
        "created_at": _("审查时间"),
        "fingerprint": _("内容指纹"),
        "get_source_display": _("来源"),
    }

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # Times in the office's time zone, not UTC, in both formats.
        self.custom_field_preprocess = {
            **self.custom_field_preprocess,
            "created_at": {
                self.FORMAT_CSV: lambda value: _local(value).strftime("%Y-%m-%d %H:%M:%S") if value else "",
                self.FORMAT_XLSX: lambda value: (
                    timezone.make_naive(value) if value and timezone.is_aware(value) else value
                ),
            },
        }

    def to_row_dict(self, item):
        """The checklist as each item with 已核对 or 未核对, from old records (checked keys) too."""
        row = super().to_row_dict(item)
        row["checklist"] = checklist_summary(review_checklist(item))
        return row

    def get_queryset(self):
        return ConfidentialityReview.objects.order_by("-created_at", "-pk")

    def get_filename(self) -> str:
        return "confidentiality-reviews-{}".format(timezone.localdate().strftime("%Y-%m-%d"))


class ReviewRecordMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(VIEW_PERMISSION)


def report_menu_item() -> ReviewRecordMenuItem:
    return ReviewRecordMenuItem(
        _("保密审查记录"), reverse(URL_NAME), name="confidentiality-reviews", icon_name="clipboard-list", order=650
    )


def report_urls() -> list:
    return [
        path("reports/confidentiality-reviews/", ReviewRecordReportView.as_view(), name=URL_NAME),
        path(
            "reports/confidentiality-reviews/results/",
            ReviewRecordReportView.as_view(results_only=True),
            name=RESULTS_URL_NAME,
        ),
    ]
