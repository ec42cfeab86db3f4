"""The register in the admin: handlers see their bodies' applications only, names masked in
lists and exports, and every opening of an application's personal data is logged."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import CreateView, DeleteView, EditView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from . import identical, register, reply_views, transitions
from .admin_forms import ContactForm, RegisterApplicationForm, StepForm
from .admin_listing import (
    PERSONAL_EXPORT,
    VIEW_PERSONAL_DATA,
    ApplicationFilterSet,
    ApplicationIndexView,
    PersonalDataExportView,
)
from .models import Application, Reply, applications_for, bodies_of
from .public import public_events


class ScopedObjectMixin:
    """Edit and delete find the application among the person's bodies' only."""

    def get_queryset(self):
        return applications_for(self.request.user)


class ScopedBaseObjectMixin:
    """History and usage (whose own queryset is of log entries) find it the same way."""

    def get_base_object_queryset(self):
        return applications_for(self.request.user)


class ContactEditView(ScopedObjectMixin, EditView):
    """The applicant's contact details are personal data: showing them is logged like the handle page."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(self.object, VIEW_PERSONAL_DATA, user=request.user)
        return response


class ScopedDeleteView(ScopedObjectMixin, DeleteView):
    pass


class ScopedHistoryView(ScopedBaseObjectMixin, HistoryView):
    pass


class ScopedUsageView(ScopedBaseObjectMixin, UsageView):
    pass


class RegisterView(CreateView):
    """Registration of an application that arrived by letter, fax, visit or email."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "bodies": bodies_of(self.request.user)}

    def save_instance(self):
        application = self.form.save(commit=False)
        code = register.receive(application, received=self.form.cleaned_data["received_on"], user=self.request.user)
        register.send_receipt(application, code)
        self.query_code = code
        return application

    def get_success_message(self, instance):
        return _("已登记申请 %(number)s，查询码 %(code)s（只显示这一次，请告知申请人）。") % {
            "number": instance.number,
            "code": self.query_code,
        }


class ApplicationViewSet(ModelViewSet):
    model = Application
    icon = "mail"
    menu_label = _("依申请公开")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = ApplicationIndexView
    add_view_class = RegisterView
    edit_view_class = ContactEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    filterset_class = ApplicationFilterSet
    copy_view_enabled = False
    search_fields = ["number"]
    search_backend_name = None  # never in a search index: the ORM looks the number up
    list_display = [
        TitleColumn("number", label=_("受理编号"), url_name="disclosure_applications_admin:handle"),
        Column("masked_name", label=_("申请人")),
        Column("organisation", label=_("受理机关")),
        Column("applicant_type", label=_("申请人类型"), accessor="get_applicant_type_display"),
        Column("channel", label=_("申请渠道"), accessor="get_channel_display"),
        DateColumn("received_on", label=_("收到申请之日")),
        DateColumn("due_on", label=_("答复期限")),
        Column("status", label=_("办理状态"), accessor="get_status_display"),
    ]
    list_export = [
        "number", "masked_name", "organisation", "applicant_type", "channel", "received_on", "due_on", "status",
        "outcome", "answered_on",
    ]  # fmt: skip
    export_headings = {"masked_name": _("申请人（已隐去）")}
    export_filename = "applications"

    def get_form_class(self, for_update: bool = False):
        return ContactForm if for_update else RegisterApplicationForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("handle/<int:pk>/", self.handle_view, name="handle"),
            path("propose/<int:pk>/", self.propose_view, name="propose"),
            path(
                "export-personal/",
                self.construct_view(
                    PersonalDataExportView,
                    **self.get_index_view_kwargs(
                        list_export=PERSONAL_EXPORT, export_headings={}, export_filename="applications-personal-data"
                    ),
                ),
                name="export_personal",
            ),
            path("reply/<int:pk>/", reply_views.write, name="reply"),
            path("replies/", reply_views.review_list, name="review_list"),
            path("replies/<int:pk>/review/", reply_views.review, name="review"),
            path("replies/document/<int:pk>/", reply_views.document, name="reply_document"),
        ]

    def handle_view(self, request, pk: int):
        """An application with its personal data and steps; each opening is in the audit log."""
        application = get_object_or_404(applications_for(request.user), pk=pk)
        if not request.user.has_perm("disclosure_applications.change_application"):
            raise PermissionDenied
        form = StepForm(request.POST or None, initial={"date": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                transitions.record(
                    application,
                    data["kind"],
                    data["date"],
                    days=data["days"] or 0,
                    note=data["note"],
                    approved_by=data["approved_by"].strip(),
                    user=request.user,
                )
            except transitions.StepRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("已记录。"))
                return redirect(reverse("disclosure_applications_admin:handle", args=[pk]))
        else:
            log(application, VIEW_PERSONAL_DATA, user=request.user)
        application.refresh_from_db()
        context = {
            "application": application,
            "events": application.events.select_related("created_by"),
            "public_events": public_events(application),
            "reply": Reply.objects.filter(application=application).prefetch_related("documents").first(),
            "identical": list(identical.identical_to(application)),
            "may_propose": identical.catalog_for(request.user) is not None,
            "form": form,
            "index_url": reverse("disclosure_applications_admin:index"),
        }
        return TemplateResponse(request, "disclosure_applications/admin/handle.html", context)

    def propose_view(self, request, pk: int):
        """第四十四条: a draft catalog entry for a subject several people asked for (POST only)."""
        application = get_object_or_404(applications_for(request.user), pk=pk)
        if request.method != "POST":
            return redirect(reverse("disclosure_applications_admin:handle", args=[pk]))
        try:
            entry = identical.propose_catalog_entry(application, request.user)
        except PermissionError as refusal:
            messages.error(request, str(refusal))
            return redirect(reverse("disclosure_applications_admin:handle", args=[pk]))
        messages.success(request, _("已新建目录条目草稿，请补充内容后提交保密审查。"))
        return redirect(reverse("wagtailadmin_pages:edit", args=[entry.pk]))


application_viewset = ApplicationViewSet("disclosure_applications_admin", url_prefix="applications")
