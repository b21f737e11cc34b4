"""A reviewer's approve or reject that another user's action beat to it.

Wagtail's page edit view checks the posted workflow action, saves the page and
only then reads the current task again. When another reviewer finished the
task in between (two reviewers, a double submit), that task is gone and Wagtail
raises ``AttributeError`` (a 500). Here the edit is kept (it was already saved
as a draft) and the reviewer is told the task had already been handled.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.edit import EditView

_perform_workflow_action = EditView.perform_workflow_action


def perform_workflow_action(self):
    try:
        return _perform_workflow_action(self)
    except AttributeError:
        if self.page.current_workflow_task is not None:
            raise
        messages.warning(
            self.request,
            _(
                "Tehtävä oli jo käsitelty toisaalla, joten toimintoa ei tehty. "
                "Muutoksesi tallennettiin luonnokseksi."
            ),
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)


def install():
    EditView.perform_workflow_action = perform_workflow_action
