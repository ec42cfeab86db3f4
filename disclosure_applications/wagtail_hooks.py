"""Admin: the register of applications, the handlers of each body, the working-day calendar."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from disclosure_pages.admin_columns import yes_no
from disclosure_pages.annual_report.models import AnnualReportPage

from . import report_fill
from .admin_listing import VIEW_PERSONAL_DATA
from .admin_views import application_viewset
from .identical import PROPOSED_ACTION
from .models import CalendarDay, OfficeHandler, ScheduleYear
from .panels import ReplyReviewPanel, WorkListPanel
from .reply_reviews import RELEASED_ACTION, RETURNED_ACTION
from .reply_views import REVIEW_PERMISSION


@hooks.register("register_admin_viewset")
def register_applications():
    return application_viewset


@hooks.register("register_admin_urls")
def register_fill_url():
    return [
        path(
            "applications/fill-table3/<int:page_id>/", report_fill.fill_view, name="disclosure_applications_fill_table3"
        )
    ]


@hooks.register("register_page_header_buttons")
def fill_table3_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, AnnualReportPage) and view_name == "edit":
        yield Button(
            _("按申请登记填写表三"),
            url=reverse("disclosure_applications_fill_table3", args=[page.pk]),
            icon_name="table",
            priority=80,
        )


@hooks.register("construct_homepage_panels")
def add_work_list(request, panels) -> None:
    panels.append(WorkListPanel(request.user))
    panels.append(ReplyReviewPanel(request.user))


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(VIEW_PERSONAL_DATA, _("查看申请人信息"), _("查看了申请人信息"))
    actions.register_action(RELEASED_ACTION, _("答复审查通过并发出"), _("答复经保密审查通过并发出"))
    actions.register_action(RETURNED_ACTION, _("答复退回修改"), _("答复经保密审查退回修改"))
    actions.register_action(PROPOSED_ACTION, _("建议纳入主动公开"), _("为相同申请新建了主动公开目录条目草稿"))


class ReplyReviewMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(REVIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return ReplyReviewMenuItem(
        _("答复审查"), reverse("disclosure_applications_admin:review_list"), icon_name="tick", order=260
    )


class CalendarDayViewSet(SnippetViewSet):
    model = CalendarDay
    icon = "date"
    list_display = ["date", yes_no(CalendarDay, "is_working_day", yes=_("工作日"), no=_("休息日")), "name"]
    list_filter = ["is_working_day"]
    ordering = ["-date"]


class ScheduleYearViewSet(SnippetViewSet):
    model = ScheduleYear
    icon = "tick"
    list_display = ["year", "entered_at"]


class WorkingCalendarGroup(SnippetViewSetGroup):
    items = (CalendarDayViewSet, ScheduleYearViewSet)
    menu_icon = "date"
    menu_label = _("工作日历")
    menu_name = "working-calendar"
    add_to_settings_menu = True


class OfficeHandlerViewSet(SnippetViewSet):
    model = OfficeHandler
    icon = "group"
    menu_label = _("申请办理人员")
    add_to_settings_menu = True
    list_display = ["user", "organisation"]


register_snippet(WorkingCalendarGroup)
register_snippet(OfficeHandlerViewSet)
