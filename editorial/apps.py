from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The editorial side of the admin: groups, permissions, the approval workflow
    and the translators' reports."""

    name = "editorial"
    verbose_name = _("Toimitustyö")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from editorial.review import stale_action
        from editorial.review.mail import connect_notifiers
        from editorial.translations import contacts

        connect_notifiers()
        contacts.connect()
        stale_action.install()
