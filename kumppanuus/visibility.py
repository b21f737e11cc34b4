"""The one rule for what the public may see of the page tree.

Live (drafts and pages scheduled for later are not), not view-restricted, and
not past its expiry time even if ``publish_scheduled`` has not yet run to
unpublish it. Shared by every public surface: page URLs (``wagtail_hooks``),
HTML listings (``kumppanuus.listings``), the API, feeds, calendars, sitemap and search.
"""

import datetime
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
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
    if memo is None:
        return tuple(PageViewRestriction.objects.order_by().values_list("page__path", flat=True))
    memo["paths"], memo["soonest_expiry"] = _restrictions_and_soonest_expiry()
    return memo["paths"]


def soonest_expiry():
    """The earliest future ``expire_at`` among live pages, or None.

    A cached public response must not outlive it (``api.caching.seconds_to_keep``).
    Within a GET/HEAD request it comes with the view restrictions, in their query."""
    memo = _request_memo.get()
    if memo is not None and "soonest_expiry" in memo:
        return memo["soonest_expiry"]
    return (
        Page.objects.filter(live=True, expire_at__gt=timezone.now())
        .order_by("expire_at")
        .values_list("expire_at", flat=True)
        .first()
    )


def _restrictions_and_soonest_expiry():
    """(restricted paths, soonest expiry) in one query: two facts about the whole tree
    every public response needs, one round trip instead of two."""
    restrictions, pages = PageViewRestriction._meta.db_table, Page._meta.db_table
    # Table names are Wagtail's own, never input; the time is a parameter.
    sql = (
        f"SELECT p.path, NULL FROM {restrictions} r JOIN {pages} p ON p.id = r.page_id "  # noqa: S608
        f"UNION ALL SELECT NULL, MIN(e.expire_at) FROM {pages} e "
        "WHERE e.live AND e.expire_at > %s"
    )
    connection = connections[Page.objects.db]
    with connection.cursor() as cursor:
        cursor.execute(sql, [connection.ops.adapt_datetimefield_value(timezone.now())])
        rows = cursor.fetchall()
    paths = tuple(path for path, _expiry in rows if path is not None)
    soonest = next((expiry for path, expiry in rows if path is None), None)
    if isinstance(soonest, str):  # SQLite: text, naive UTC
        soonest = parse_datetime(soonest)
    if soonest is not None and timezone.is_naive(soonest):
        soonest = timezone.make_aware(soonest, datetime.UTC)
    return paths, soonest


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


class PageLink:
    """What linking to a page needs, read as a plain row instead of a ``Page``.

    A translation in a response is a language, an id, a URL and a type: building a
    whole ``Page`` (some 40 fields and modelcluster's set-up) for each costs more than
    the query that reads it. The URL methods are Wagtail's own ``Page`` methods (the
    same code, so the same URLs as ``page.get_full_url(request)``): they read only
    ``url_path`` and the site root paths.
    """

    __slots__ = (
        "pk",
        "translation_key",
        "language_code",
        "url_path",
        "content_type_id",
        "alias_of_id",
        "_wagtail_cached_site_root_paths",
    )

    COLUMNS = (
        "pk",
        "translation_key",
        "locale__language_code",
        "url_path",
        "content_type_id",
        "alias_of_id",
    )

    def __init__(self, pk, translation_key, language_code, url_path, content_type_id, alias_of):
        self.pk = pk
        self.translation_key = translation_key
        self.language_code = language_code
        self.url_path = url_path
        self.content_type_id = content_type_id
        self.alias_of_id = alias_of

    @classmethod
    def of(cls, page):
        """The link of a page already read (its locale selected with it)."""
        return cls(
            page.pk,
            page.translation_key,
            page.locale.language_code,
            page.url_path,
            page.content_type_id,
            page.alias_of_id,
        )

    @property
    def id(self):
        return self.pk

    @property
    def specific_class(self):
        """The page's model, as ``Page.specific_class`` gives it (content types are cached)."""
        return ContentType.objects.get_for_id(self.content_type_id).model_class()

    _get_site_root_paths = Page._get_site_root_paths
    _get_relevant_site_root_paths = Page._get_relevant_site_root_paths
    get_url_parts = Page.get_url_parts
    get_full_url = Page.get_full_url
    get_url = Page.get_url


#: The annotation ``with_translation_flag`` adds.
HAS_TRANSLATION = "has_visible_translation"


def with_translation_flag(queryset):
    """``queryset`` (of visible pages) annotated with whether the public may see any
    other version of each page (another language, or an alias): an index probe per row
    of the page's own read. ``translations_for`` then reads nothing for a response whose
    pages have none (most articles are never translated)."""
    others = Page.objects.filter(translation_key=OuterRef("translation_key")).exclude(
        pk=OuterRef("pk")
    )
    return queryset.annotate(**{HAS_TRANSLATION: Exists(visible(others))})


def translations_for(pages):
    """Map translation_key → visible versions (``PageLink``) in every locale, aliases
    included (``alias_of_id`` tells them apart), ordered by language code: one query.

    Within a GET/HEAD request keys already read are not read again: an API detail's
    translations and its hreflang alternates (``kumppanuus.localisation``) share one read.
    A page read through ``with_translation_flag`` that has no other visible version is
    its own only version: nothing is read for it.
    """
    keys = {page.translation_key for page in pages}
    memo = _request_memo.get()
    known = memo.setdefault("translation_links", {}) if memo is not None else {}
    for page in pages:
        if getattr(page, HAS_TRANSLATION, None) is False and page.translation_key not in known:
            known[page.translation_key] = [PageLink.of(page)]
    missing = keys - known.keys()
    if missing:
        for key in missing:
            known[key] = []
        others = visible(Page.objects.filter(translation_key__in=missing))
        rows = others.order_by("locale__language_code", "pk").values_list(*PageLink.COLUMNS)
        for row in rows:
            known[row[1]].append(PageLink(*row))
    return {key: known[key] for key in keys if known[key]}
