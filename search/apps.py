import logging

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger("search.index")


def index_missing_after_migrate(sender, using="default", **kwargs):
    """After `migrate`, make live pages that predate the index findable."""
    # Imported when called: search.index imports models, which the app registry
    # has not loaded yet when it imports this module.
    from .index import index_missing

    try:
        index_missing()
    except Exception:
        logger.exception("Indexing pages after migrate failed; run manage.py rebuild_search_index")


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Haku")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # In ready(), not at the top: signals imports models (see above); checks
        # registers the system check on import.
        from wagtail.models import Page

        from . import checks, signals  # noqa: F401

        # One index for pages: ours, kept by search.signals on publish. Without this,
        # modelsearch (wagtail.search, whose ready() runs after ours, hence the app
        # order in INSTALLED_APPS) would also run its index task on every page save,
        # reloading the page only for search.backend to discard it. Other models
        # (images, documents, snippets) keep Wagtail's auto-update.
        Page.search_auto_update = False
        signals.connect()
        post_migrate.connect(index_missing_after_migrate, sender=self)
