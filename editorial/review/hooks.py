"""Admin hooks of the review feedback (imported by editorial/wagtail_hooks.py)."""

from django.urls import re_path
from wagtail import hooks

from .compare import AUTO, URL_NAME, ComparePreviousView, replace_moderation_panel
from .feedback import ChangeRequestsPanel, show_change_request


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        re_path(
            rf"^review/pages/(?P<pk>\d+)/compare/(?P<revision_id_a>{AUTO})\.\.\.(?P<revision_id_b>\d+)/$",
            ComparePreviousView.as_view(),
            name=URL_NAME,
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_review_panels(request, panels):
    replace_moderation_panel(panels)
    panels.append(ChangeRequestsPanel())


hooks.register("before_edit_page", show_change_request)
hooks.register("before_edit_snippet", show_change_request)
