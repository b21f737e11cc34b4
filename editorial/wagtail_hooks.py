"""Admin hooks of the editorial app: the translation-status report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial.views import TranslationStatusView


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path(
            "reports/translation-status/",
            TranslationStatusView.as_view(),
            name="translation_status",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Vanhentuneet käännökset"),
        reverse("translation_status"),
        name="translation-status",
        icon_name="doc-empty-inverse",
        order=750,
    )
