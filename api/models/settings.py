from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="view")
class HeadlessSettings(BaseSiteSetting):
    """Where the admin sends an editor to preview a draft on the site's own frontend.

    Per site, because each site of a multi-site install may have its own
    frontend; ``HEADLESS_PREVIEW_URL`` in the environment is the default.
    """

    preview_url = models.URLField(
        _("frontendin esikatseluosoite"),
        blank=True,
        help_text=_(
            "Osoite, johon ylläpito ohjaa esikatselun, esim. "
            "https://www.example.fi/api/preview. Esikatselutunniste ja sivun polku "
            "lisätään kyselyparametreina (token, path, id, type, locale)."
        ),
    )

    panels = [FieldPanel("preview_url")]

    class Meta:
        verbose_name = _("headless-esikatselu")
