from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WpImportConfig(AppConfig):
    """Moving a WordPress site in: ``manage.py import_wordpress`` and its ledger."""

    name = "wpimport"
    verbose_name = _("WordPress-tuonti")
    default_auto_field = "django.db.models.BigAutoField"
