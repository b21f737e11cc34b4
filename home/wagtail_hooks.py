"""Admin and serving hooks for localisation: the translation-status report and
the rule that a page is shown under its own language's prefix."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.views import TranslationStatusView


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


@hooks.register("before_serve_page")
def serve_under_own_language(page, request, serve_args, serve_kwargs):
    """/sv/ with no Swedish home page would show the Finnish one under lang="sv":
    send the visitor to the page's own address instead."""
    language = (get_language() or "")[:2]
    if page.locale.language_code != language:
        url = page.get_url(request)
        if url and url != request.path:
            return redirect(url)
    return None
