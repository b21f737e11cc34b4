"""``WAGTAIL_FINISH_WORKFLOW_ACTION`` names this function.

Wagtail reads that setting while its own models are being defined, before any
app is ready, so this module imports nothing of ours: the real action
(``publishing.finish_workflow``) is looked up when an approval finishes.
"""

from django.utils.module_loading import import_string


def finish_workflow(workflow_state, user=None):
    action = import_string("editorial.translations.publishing.finish_workflow")
    return action(workflow_state, user=user)
