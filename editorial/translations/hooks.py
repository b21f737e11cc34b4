"""Wagtail hooks of the translation work (imported by editorial/wagtail_hooks.py).

editorial is listed before wagtail_localize in INSTALLED_APPS, so its admin URLs
and ``before_edit_page`` hook come first: the two URL patterns below answer on
wagtail-localize's own paths ("Sync translated pages", "Convert to alias page"),
and ``handle_translation_post`` sees the translation editor's posts first.
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from editorial.setup import TRANSLATE_PERMISSION

from .dashboard import TranslationsPanel
from .editor import handle_translation_post
from .guard import GuardedEditPageAction, GuardedPublishPageRevisionAction, untranslated_texts
from .permissions import ViewablePagePermissionPolicy
from .views import (
    PublishTogetherView,
    SyncView,
    TranslateView,
    TranslationStatusView,
    convert_to_alias_for_publishers,
)

# Registered at import, before anything asks Wagtail for the page policy.
register_permission_policy(Page, ViewablePagePermissionPolicy(Page))


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path(
            "reports/translation-status/",
            TranslationStatusView.as_view(),
            name="translation_status",
        ),
        path(
            "translations/publish-together/<int:page_id>/",
            PublishTogetherView.as_view(),
            name="editorial_publish_together",
        ),
        path(
            "translations/translate/<int:page_id>/<str:language>/",
            TranslateView.as_view(),
            name="editorial_translate",
        ),
        # wagtail-localize's paths, answered here first.
        path(
            "localize/update/<int:translation_source_id>/",
            SyncView.as_view(),
            name="editorial_sync_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias_for_publishers,
            name="editorial_convert_to_alias",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Käännösten tila"),
        reverse("translation_status"),
        name="translation-status",
        icon_name="wagtail-localize-language",
        order=750,
    )


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    if request.user.has_perm(TRANSLATE_PERMISSION):
        panels.append(TranslationsPanel())


hooks.register("before_edit_page", handle_translation_post)


class PublishTogetherMenuItem(ActionMenuItem):
    """In a Finnish page's footer menu: publish it with its translations."""

    name = "action-publish-together"
    label = _("Julkaise yhdessä käännösten kanssa")
    icon_name = "wagtail-localize-language"

    def is_shown(self, context):
        if context["view"] != "edit" or context.get("locked_for_user"):
            return False
        page = context["page"]
        return (
            page.locale.language_code == settings.LANGUAGE_CODE
            and self.get_user_page_permissions_tester(context).can_edit()
            and Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
            .exclude(locale_id=page.locale_id)
            .exists()
        )

    def get_url(self, parent_context):
        page = parent_context["page"]
        url = reverse("editorial_publish_together", args=[page.pk])
        return f"{url}?next={reverse('wagtailadmin_pages:edit', args=[page.pk])}"


@hooks.register("register_page_action_menu_item")
def register_publish_together_menu_item():
    return PublishTogetherMenuItem(order=35)


@hooks.register("register_actions")
def register_guarded_page_actions(registry):
    registry.register(Page, GuardedPublishPageRevisionAction)
    registry.register(Page, GuardedEditPageAction)


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_untranslated(request, action_type, objects, action_class_instance):
    """Wagtail's bulk "Publish" publishes each page's latest draft: not a translation
    whose draft still falls back to Finnish text."""
    if action_type != "publish":
        return None
    blocked = [
        page for page in objects if isinstance(page, Page) and untranslated_texts(page.specific)
    ]
    if not blocked:
        return None
    messages.error(
        request,
        _("Mitään ei julkaistu: näissä käännöksissä on kääntämätöntä tekstiä: %(titles)s.")
        % {"titles": ", ".join(page.get_admin_display_title() for page in blocked)},
    )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
