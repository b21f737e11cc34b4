"""Admin views of the home app."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from editorial.translation_status import stale_translations, untranslated_pages


class TranslationStatusView(TemplateView):
    """Translations whose Finnish source has changed since they were last synced."""

    template_name = "editorial/translation_status.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = stale_translations()
        context["untranslated"] = untranslated_pages()
        context["page_title"] = _("Vanhentuneet käännökset")
        context["header_title"] = context["page_title"]
        context["header_icon"] = "doc-empty-inverse"
        return context
