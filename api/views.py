"""Admin view: open a page's latest draft on the site's own (headless) frontend."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.models import Page

from .preview import can_preview, make_token, preview_url


def headless_preview(request, page_id):
    """Redirect to the frontend's preview URL with a fresh token for this page."""
    page = get_object_or_404(Page.objects.specific(), pk=page_id)
    if not can_preview(request.user, page):
        raise PermissionDenied
    url = preview_url(request, page, make_token(page, request.user))
    if url is None:
        raise Http404(_("Frontendin esikatseluosoitetta ei ole asetettu."))
    return redirect(url)
