"""The translators' dashboard panel: pages to translate and outdated translations.

Each row has one button per language: a missing translation is created with
wagtail-localize's own "translate" action (a POST to its submit view, which
opens the new translation in the translation editor); an outdated one is synced
if its Finnish page changed and opened in the editor.
"""

from wagtail.admin.ui.components import Component

from .state import outdated_states
from .todo import pages_to_translate

PANEL_ROWS = 15


class TranslationsPanel(Component):
    name = "translations"
    template_name = "editorial/translations/dashboard_panel.html"
    order = 150  # above Wagtail's own panels: this is a translator's daily list

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            request=parent_context["request"],
            csrf_token=parent_context["csrf_token"],
            to_translate=pages_to_translate(limit=PANEL_ROWS),
            outdated=[state for state in outdated_states() if state.needs_translator][:PANEL_ROWS],
        )
        return context
