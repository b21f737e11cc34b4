"""The API's admin: webhooks with their delivery log, headless settings, frontend preview."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from kumppanuus.visibility import restricted_paths

from . import views
from .caching import mark_uncacheable
from .forms import WebhookEndpointForm
from .models import WebhookDelivery, WebhookEndpoint
from .preview import can_preview, frontend_url


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The delivery log is written by the sender only: people may look and clear it out."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


register_permission_policy(WebhookDelivery, ReadOnlyPolicy(WebhookDelivery))


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    url_prefix = "webhooks"
    url_namespace = "webhooks"
    icon = "link-external"
    menu_label = _("Webhookit")
    add_to_settings_menu = True
    list_display = ["url", "description", "events", "is_active"]
    edit_handler = ObjectList(
        [
            FieldPanel("url"),
            FieldPanel("description"),
            FieldPanel("events"),
            FieldPanel("is_active"),
            FieldPanel("secret"),
        ],
        base_form_class=WebhookEndpointForm,
    )


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    url_prefix = "webhooks/deliveries"
    url_namespace = "webhook_deliveries"
    icon = "list-ul"
    menu_label = _("Webhook-toimitukset")
    add_to_settings_menu = True
    list_display = [
        "created_at",
        "event",
        "endpoint",
        "status",
        "attempts",
        "response_status",
        "delivered_at",
    ]
    list_filter = ["status", "event", "endpoint"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "endpoint",
        "event",
        "status",
        "attempts",
        "response_status",
        "error",
        "created_at",
        "next_attempt_at",
        "delivered_at",
        "body",
    ]
    copy_view_enabled = False
    form_fields = ["status"]


@hooks.register("register_admin_viewset")
def register_webhooks():
    return [WebhookEndpointViewSet(), WebhookDeliveryViewSet()]


@hooks.register("register_admin_urls")
def preview_urls():
    return [
        path("headless-preview/<int:page_id>/", views.headless_preview, name="api_headless_preview")
    ]


class FrontendPreviewItem(PageMenuItem):
    label = _("Esikatsele frontendissä")
    icon_name = "view"
    url_name = "api_headless_preview"
    priority = 5

    def is_shown(self, user):
        return frontend_url(None, self.page) is not None and can_preview(user, self.page)


@hooks.register("register_page_header_buttons")
def frontend_preview_button(page, user, view_name, next_url=None):
    yield FrontendPreviewItem(page=page)


@hooks.register("before_serve_page")
def keep_restricted_pages_out_of_the_cache(page, request, serve_args, serve_kwargs):
    """A page with view restrictions (its own or an ancestor's) is never stored in the
    public page cache, whoever is looking at it."""
    paths = restricted_paths()  # read once per request (kumppanuus.visibility)
    if not paths:
        return  # no restriction anywhere on the site
    if any(page.path.startswith(path) for path in paths):
        mark_uncacheable(request)
    elif page.get_view_restrictions().exists():  # restricted through an alias's original
        mark_uncacheable(request)
