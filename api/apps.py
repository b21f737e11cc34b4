from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The typed API and the site-wide delivery plumbing: the public HTTP cache and
    its invalidation, and the fixes to Wagtail's own v3 API."""

    name = "api"
    verbose_name = _("Rajapinta")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # In ready(), not at the top: signals and events import models, which the app
        # registry loads after it has imported this module; safe_fields must act here,
        # before wagtail.images' ready() imports Wagtail's v3 API and its page schemas.
        from . import events, safe_fields, signals

        safe_fields.install()
        signals.connect()
        events.connect()
