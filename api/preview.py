"""Draft preview for headless frontends: short-lived signed tokens bound to one page.

A token is ``django.core.signing`` output (HMAC under ``SECRET_KEY``, salted
for this use) holding the page id and the user who asked for it; it expires
after ``HEADLESS_PREVIEW_MAX_AGE`` seconds (default 30 minutes). With a valid
token, the typed detail endpoint and ``resolve`` answer that page's latest
draft instead of its live version, for that page only: a token grants
nothing else, not even the page's draft children. It stops working early if
its user is deactivated or can no longer edit the page. Responses that show a
draft are ``Cache-Control: private, no-store``: no shared cache keeps them.

Tokens come from the admin (the page's "Esikatsele frontendissä" action
redirects to the site's frontend preview URL with a fresh token) and, for
automation, from ``POST /api/v3/preview-tokens/`` with a bearer token.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import urlencode
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import Page, Site

from .context import Context
from .errors import problems
from .models.settings import HeadlessSettings

SALT = "kumppanuus.api.preview"
PRIVATE = "private, no-store"


def max_age():
    return int(getattr(settings, "HEADLESS_PREVIEW_MAX_AGE", 30 * 60))


def can_preview(user, page):
    if user is None or not user.is_active:
        return False
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() or permissions.can_publish()


def make_token(page, user):
    return signing.dumps({"page": page.pk, "user": user.pk}, salt=SALT, compress=True)


def expires_at():
    return timezone.now() + datetime.timedelta(seconds=max_age())


def page_for_token(token):
    """The page a token grants (its latest draft), or an HTTP 401 for a bad or expired token."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.SignatureExpired as error:
        raise HttpError(401, "The preview token has expired.") from error
    except signing.BadSignature as error:
        raise HttpError(401, "Invalid preview token.") from error
    page = Page.objects.filter(pk=data.get("page")).specific().first()
    user = get_user_model().objects.filter(pk=data.get("user")).first()
    if page is None or not can_preview(user, page):
        raise HttpError(401, "The preview token no longer grants access to this page.")
    return page


def grant(token):
    """The page a ``preview_token`` parameter grants, or None without one (401 if bad)."""
    return page_for_token(token) if token else None


def granted_draft(granted, page_id, response, model=Page):
    """The latest draft of page ``page_id`` if the token's page is that page (of ``model``);
    the response is then private. None otherwise: the token grants nothing else."""
    if granted is None or granted.pk != page_id or not isinstance(granted, model):
        return None
    response["Cache-Control"] = PRIVATE
    latest = granted.get_latest_revision_as_object()
    latest.locale = granted.locale
    return latest


def with_query(url, **query):
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{urlencode(query)}"


def frontend_url(request, page):
    """The frontend's preview address for ``page``'s site: the site setting, else
    ``HEADLESS_PREVIEW_URL``; None when neither is set."""
    site = (request and Site.find_for_request(request)) or page.get_site()
    configured = HeadlessSettings.for_site(site).preview_url if site else ""
    return configured or getattr(settings, "HEADLESS_PREVIEW_URL", "") or None


def preview_url(request, page, token):
    """The frontend's preview URL for ``page`` with ``token``, path, id, type and locale."""
    configured = frontend_url(request, page)
    if configured is None:
        return None
    parts = page.get_url_parts(request)
    return with_query(
        configured,
        token=token,
        path=parts[2] if parts else "",
        id=page.pk,
        type=page.specific_class._meta.label,
        locale=page.locale.language_code,
    )


# --- POST /api/v3/preview-tokens/ ---------------------------------------------------------


class PreviewTokenRequest(Schema):
    page_id: int = Field(..., ge=1)


class PreviewToken(Schema):
    token: str
    page_id: int
    expires_at: datetime.datetime
    detail_url: str = Field(description="The page's typed representation, draft included.")
    resolve_url: str | None = None
    preview_url: str | None = Field(None, description="The frontend's preview URL, if set.")


router = Router(tags=["preview"])


@router.post(
    "/",
    response={201: PreviewToken, **problems(401, 403, 404, 422)},
    url_name="preview_tokens",
    operation_id="preview_tokens_create",
    summary="Create a preview token",
    auth=BearerTokenAuth(),
)
def create_preview_token(request, data: PreviewTokenRequest):
    """A short-lived token that shows one page's latest draft in its typed detail and in
    `resolve` (for frontends' preview builds and other automation)."""
    page = get_object_or_404(Page.objects.specific(), pk=data.page_id)
    if not can_preview(request.user, page):
        raise PermissionDenied("You cannot edit this page.")
    token = make_token(page, request.user)
    ctx = Context(request)
    path = ctx.page_path(page)
    return Status(
        201,
        {
            "token": token,
            "page_id": page.pk,
            "expires_at": timezone.localtime(expires_at()),
            "detail_url": with_query(ctx.detail_url(page), preview_token=token),
            "resolve_url": path and ctx.api_url("resolve", path=path, preview_token=token),
            "preview_url": preview_url(request, page, token),
        },
    )
