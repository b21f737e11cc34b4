"""The one rule for what the public may see of the page tree.

Live (drafts and pages scheduled for later are not), not view-restricted, and
not past its expiry time even if ``publish_scheduled`` has not yet run to
unpublish it. Shared by every public surface: page URLs (``wagtail_hooks``),
HTML listings (``kumppanuus.listings``), the API, feeds, calendars, sitemap and search.
"""

from contextvars import ContextVar

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

# Per-request memo (the restricted paths and the like), one dict per GET/HEAD request
# (``RequestMemoMiddleware``); None outside a request, where every call reads afresh.
_request_memo = ContextVar("kumppanuus_request_memo", default=None)


def unexpired():
    """Pages with no expiry time, or one still in the future."""
    return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())


def has_expired(page):
    """True once the page's expiry time has passed (before or after ``publish_scheduled``)."""
    return page.expire_at is not None and page.expire_at <= timezone.now()


def expired_live_ids():
    """Ids of pages still live although their expiry has passed (cron not yet run)."""
    return list(
        Page.objects.filter(live=True, expire_at__lte=timezone.now()).values_list("id", flat=True)
    )


def request_memo():
    """A dict living as long as the current GET/HEAD request, or None outside one."""
    return _request_memo.get()


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (each hides its subtree).

    Within one GET/HEAD request the list is read once and reused: Wagtail's
    ``.public()`` reads the restrictions again on every call, and a listing page
    calls ``visible()`` for its list, menu, language links and region blocks.
    The memo lives only as long as the request (never in process memory).
    """
    memo = _request_memo.get()
    if memo is not None and "paths" in memo:
        return memo["paths"]
    paths = tuple(PageViewRestriction.objects.order_by().values_list("page__path", flat=True))
    if memo is not None:
        memo["paths"] = paths
    return paths


def private_q():
    """Pages inside a view-restricted section (as Wagtail's ``PageQuerySet.private_q``)."""
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


def visible(queryset):
    """Live, public and unexpired pages of ``queryset``: of pages, or of rows of a table
    that mirrors a page's ``path``, ``live`` and ``expire_at`` (``news``' listing mirror),
    so that the mirror is read by this same rule."""
    return queryset.filter(live=True).exclude(private_q()).filter(unexpired())


class RequestMemoMiddleware:
    """Scopes the per-request memo of ``restricted_paths()`` to one read request.

    Only GET and HEAD are memoised: a request that writes (the admin saving a
    restriction) always reads the restrictions afresh.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)


def translations_for(pages):
    """Map translation_key → visible pages in every locale, in one query."""
    keys = {page.translation_key for page in pages}
    found = {}
    if not keys:
        return found
    others = visible(Page.objects.filter(translation_key__in=keys)).select_related("locale")
    for page in others.order_by("locale__language_code"):
        found.setdefault(page.translation_key, []).append(page)
    return found
