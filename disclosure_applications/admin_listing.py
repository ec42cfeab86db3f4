"""The register's listing: filters, the masked export, and the export with personal data,
which has its own permission and writes every application it contains to the audit log."""

from __future__ import annotations

import django_filters
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log

from . import identical
from .choices import CLOSED, ApplicantType, Channel, Status
from .models import Application, applications_for, due_soon_until

VIEW_PERSONAL_DATA = "disclosure_applications.view_personal_data"
EXPORT_PERMISSION = "disclosure_applications.export_personal_data"
#: The export with personal data: what the masked export has, plus who applied and how to reach them.
PERSONAL_EXPORT = [
    "number", "name", "id_type", "id_number", "phone", "email", "address", "postcode", "organisation",
    "applicant_type", "channel", "received_on", "due_on", "status", "outcome", "answered_on",
]  # fmt: skip


class ApplicationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("办理状态"), choices=Status.choices)
    applicant_type = django_filters.ChoiceFilter(label=_("申请人类型"), choices=ApplicantType.choices)
    channel = django_filters.ChoiceFilter(label=_("申请渠道"), choices=Channel.choices)
    year = django_filters.NumberFilter(label=_("年份"), field_name="received_on__year")
    identical = django_filters.BooleanFilter(label=_("有他人相同申请（第四十四条）"), method="filter_identical")
    deadline = django_filters.ChoiceFilter(
        label=_("期限"), choices=[("soon", _("3个工作日内到期")), ("overdue", _("已超期"))], method="filter_deadline"
    )

    class Meta:
        model = Application
        fields = ["status", "organisation", "applicant_type", "channel"]

    def filter_identical(self, queryset, name, value):
        return identical.with_identical(queryset) if value else queryset

    def filter_deadline(self, queryset, name, value):
        today = timezone.localdate()
        open_ = queryset.exclude(status__in=CLOSED).exclude(due_on=None)
        if value == "overdue":
            return open_.filter(due_on__lt=today)
        return open_.filter(due_on__gte=today, due_on__lte=due_soon_until(today))


class ApplicationIndexView(IndexView):
    def get_base_queryset(self):
        return applications_for(self.request.user).select_related("organisation")

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        if self.request.user.has_perm(EXPORT_PERMISSION):
            params = self.request.GET.copy()
            for label, format in ((_("导出含个人信息的 XLSX"), "xlsx"), (_("导出含个人信息的 CSV"), "csv")):
                params["export"] = format
                url = f"{reverse('disclosure_applications_admin:export_personal')}?{params.urlencode()}"
                buttons.append(HeaderButton(label, url=url, icon_name="download", priority=100))
        return buttons


class PersonalDataExportView(ApplicationIndexView):
    """Asked for explicitly, with its own permission; every application exported is in the audit log."""

    def render_to_response(self, context, **response_kwargs):
        if not self.request.user.has_perm(EXPORT_PERMISSION):
            raise PermissionDenied
        if not self.is_export:
            return redirect(reverse("disclosure_applications_admin:index"))
        applications = list(context["object_list"])
        for application in applications:
            log(application, VIEW_PERSONAL_DATA, user=self.request.user, data={"export": self.request.GET["export"]})
        return self.as_spreadsheet(applications, self.request.GET["export"])
