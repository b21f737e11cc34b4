from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KumppanuusConfig(AppConfig):
    """The ground package: blocks, mixins, visibility, formatting, language and
    pagination shared by every app. It imports none of them (see the import
    contract in pyproject.toml)."""

    name = "kumppanuus"
    verbose_name = _("Kumppanuus")
    default_auto_field = "django.db.models.BigAutoField"
