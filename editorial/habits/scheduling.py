""" "Ajasta julkaisu" in the edit page's footer menu.

Wagtail keeps the go-live and expiry times in a dialog opened from the status
side panel, where WordPress users do not look. The footer menu item opens the
same dialog (nothing is duplicated: it is Wagtail's own form and its
"Schedule to publish" rules). A news article's publication date follows its
go-live time (``news.models.NewsArticlePage.clean``), so one place sets both.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import ActionMenuItem

DIALOG_ID = "schedule-publishing-dialog"


class SchedulePublishingMenuItem(ActionMenuItem):
    name = "action-schedule"
    label = _("Ajasta julkaisu")
    icon_name = "calendar-alt"
    template_name = "editorial/habits/schedule_menu_item.html"

    def is_shown(self, context):
        if context["view"] not in ("create", "edit") or context.get("locked_for_user"):
            return False
        if context["view"] == "create":
            return True
        return self.get_user_page_permissions_tester(context).can_edit()

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["dialog_id"] = DIALOG_ID
        page = parent_context.get("page")
        context["scheduled_at"] = getattr(page, "go_live_at", None) if page else None
        return context
