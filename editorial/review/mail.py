"""Workflow e-mails in the recipient's own language.

Wagtail renders each e-mail in ``UserProfile.get_preferred_language()``, which,
for a user who never chose a language, is whatever language the *sender's*
request happens to be in: a publisher using the English admin would write to a
Finnish editor in English. Here every notification is rendered with the site's
language (``LANGUAGE_CODE``, Finnish) active, so a recipient gets their chosen
admin language, or Finnish. The wording is in our templates
(editorial/templates/wagtailadmin/notifications/), the sender is
``DEFAULT_FROM_EMAIL``.
"""

from django.conf import settings
from django.utils import translation
from wagtail.admin import signal_handlers
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted


class InSiteLanguage:
    """A Wagtail notifier called with the site's language active."""

    def __init__(self, notifier):
        self.notifier = notifier

    def __call__(self, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return self.notifier(*args, **kwargs)


# (signal, sender, Wagtail's dispatch_uid, Wagtail's notifier)
NOTIFIERS = (
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        signal_handlers.task_submission_email_notifier,
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        signal_handlers.workflow_submission_email_notifier,
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        signal_handlers.workflow_rejection_email_notifier,
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        signal_handlers.workflow_approval_email_notifier,
    ),
)


def connect_notifiers():
    """Put our wrappers in the place of Wagtail's receivers (same dispatch_uid, so
    Wagtail's own connection, before or after this, is replaced or ignored)."""
    for signal, sender, uid, notifier in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(InSiteLanguage(notifier), sender=sender, dispatch_uid=uid, weak=False)
