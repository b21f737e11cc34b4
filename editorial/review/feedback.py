"""The reviewer's change request, for the edit page and the submitter's dashboard."""

from dataclasses import dataclass

from django.contrib import messages
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_user_display_name
from wagtail.models import WorkflowState

from kumppanuus.formatting import format_datetime

PANEL_ROWS = 20


@dataclass
class ChangeRequest:
    """A publisher asked for changes: who, when, with what comment, on which version."""

    workflow_state: WorkflowState
    reviewer: object
    requested_at: object
    comment: str

    @property
    def object(self):
        return self.workflow_state.content_object

    @property
    def reviewer_name(self):
        return get_user_display_name(self.reviewer) if self.reviewer else ""

    @property
    def when(self):
        return format_datetime(self.requested_at) if self.requested_at else ""


def _from_state(workflow_state):
    task_state = workflow_state.current_task_state
    if task_state is None:
        return None
    task_state = task_state.specific
    return ChangeRequest(
        workflow_state=workflow_state,
        # The reviewer who finished the task, never the editor who submitted it.
        reviewer=task_state.finished_by,
        requested_at=task_state.finished_at,
        comment=(task_state.get_comment() or "").strip(),
    )


def change_request(obj):
    """The open change request of a page or snippet, or None."""
    workflow_state = getattr(obj, "current_workflow_state", None)
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return _from_state(workflow_state)


def change_requests_for(user, limit=PANEL_ROWS):
    """Change requests on what ``user`` submitted, newest first."""
    states = (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES, requested_by=user)
        .select_related("current_task_state", "current_task_state__finished_by")
        .order_by("-current_task_state__finished_at")
    )
    requests = []
    for state in states[:limit]:
        request = _from_state(state)
        if request is not None and request.object is not None:
            requests.append(request)
    return requests


def change_request_message(request_):
    """The message on the edit page: who asked for changes, when, and the comment."""
    if request_.comment:
        return format_html(
            '<strong>{}</strong> {} <q class="change-request-comment">{}</q>',
            _("Muutoksia pyydetty."),
            _("%(reviewer)s pyysi muutoksia %(when)s:")
            % {"reviewer": request_.reviewer_name, "when": request_.when},
            request_.comment,
        )
    return format_html(
        "<strong>{}</strong> {}",
        _("Muutoksia pyydetty."),
        _("%(reviewer)s pyysi muutoksia %(when)s.")
        % {"reviewer": request_.reviewer_name, "when": request_.when},
    )


def show_change_request(request, obj):
    """``before_edit_page`` / ``before_edit_snippet``: the comment above the form."""
    if request.method != "GET":
        return None
    found = change_request(obj)
    if found is not None:
        messages.warning(request, change_request_message(found), extra_tags="change-request")
    return None


class ChangeRequestsPanel(Component):
    """The submitter's dashboard: what publishers sent back, with their comments."""

    name = "change_requests"
    template_name = "editorial/review/change_requests_panel.html"
    order = 120  # first: this is work waiting for the editor

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["change_requests"] = change_requests_for(parent_context["request"].user)
        return context
