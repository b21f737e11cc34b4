"""HTTP caching for anonymous reads of the API, feeds, calendars and sitemap.

Responses are stored in Django's cache (Redis when ``REDIS_URL`` is set, so
every app process shares them) under a key that includes a *generation*
token. Publishing, unpublishing, moving or deleting a page bumps the
generation (``invalidate()``, connected to Wagtail's signals in
``NewsConfig.ready()``), so every process's next read misses the cache and
builds a fresh response: a consumer never sees content older than the last
publish. Writing one new random token rather than deleting keys is a single
write in every backend (the database cache's ``incr`` is not atomic) and cannot
miss a key another process is writing at the same moment; an evicted token is
replaced by a new one, never by an old value that would revive old responses.

Every cacheable response carries an ``ETag`` (a hash of its body) and
``Cache-Control: public, max-age=0, must-revalidate`` (consumers may keep a
copy but ask again, cheaply, every time); a request whose ``If-None-Match``
matches gets a 304 with no body. Requests with credentials
(``Authorization`` header, used by v3's bearer tokens) bypass all of this.

``Last-Modified`` accompanies the ETag: the time the cached response was
built, which no public change can be later than (any change starts a new
generation, and with it a new response). ``If-Modified-Since`` answers 304
when the client has that response or a later one and sends no
``If-None-Match`` (which takes precedence). A response marked ``private`` or
``no-store`` by its view (a draft shown with a preview token) is never kept.

**Public pages** (HTML for anonymous visitors, ``PUBLIC_PAGE_CACHE``, env
``PAGE_CACHE``) go through the same cache, key and generation: a publish makes
the next request render afresh in every process. Never cached: a request with a
session or messages cookie (a logged-in user, someone who passed a page's
password), the admin and Django admin, documents, media and static files (served
by their own views), a page with view restrictions (``mark_uncacheable()`` from
the ``before_serve_page`` hook), a response that sets a cookie or carries a CSRF
token (forms) or used the request's CSP nonce, and anything but a 200.

The generation token and the responses live only in the shared cache (Redis
or the database cache): never in one process's memory (system check api.E001).
"""

import hashlib
import secrets

from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.functional import empty
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language

from kumppanuus.visibility import soonest_expiry

GENERATION_KEY = "public-cache:generation"
CACHED_PREFIXES = ("/api/v3/", "/feeds/", "/sitemap.xml")
UNCACHED_PREFIXES = ("/api/v3/docs", "/api/v3/whoami")
#: Never served from the page cache: views with their own access rules or storage.
NOT_PAGES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/", "/api/")
#: Request cookies that mean the visitor may see something personal.
PERSONAL_COOKIES = ("messages",)
#: Cache backends that live in one process: another process never sees their changes.
PER_PROCESS_BACKENDS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def max_age():
    """Seconds a consumer may reuse a response without revalidating; 0 means it
    revalidates every time (a cheap 304), so it never shows content older than a publish."""
    return getattr(settings, "PUBLIC_CACHE_MAX_AGE", 0)


def timeout():
    """Seconds a response stays in the shared cache (a publish expires it sooner)."""
    return getattr(settings, "PUBLIC_CACHE_TIMEOUT", 60 * 60)


def page_cache_enabled():
    return getattr(settings, "PUBLIC_PAGE_CACHE", True)


def generation():
    """The current generation: part of every cached response's key.

    A fresh random token, never a counter: if the key is evicted (the database
    cache culls a quarter of its entries when full; Redis may evict under memory
    pressure), a counter would restart at 1 and match responses cached long ago,
    serving pages unpublished since. A new token matches nothing cached before."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _token(), timeout=None)
        value = cache.get(GENERATION_KEY, "unavailable")
    return value


def _token():
    return secrets.token_hex(8)


def _bump():
    """A new generation: one plain write of a never-used token. Not ``incr``: the
    database cache's ``incr`` is a read and a write, so two processes publishing at
    once could both write the same next number and one invalidation would be lost;
    two tokens written at once both differ from every earlier one."""
    cache.set(GENERATION_KEY, _token(), timeout=None)


def invalidate(**kwargs):
    """Make every cached public response stale, in every process sharing the cache.

    Bumped at once and again when the transaction commits: a request served
    by another process between the two (still reading the old rows) cannot
    leave a stale response behind.
    """
    _bump()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)


def reset():
    """Start a new generation without touching the database (for tests)."""
    _bump()


def seconds_to_keep():
    """``timeout()``, or less when a live page expires sooner.

    Expiry is applied by ``publish_scheduled`` (which then unpublishes and so
    invalidates), but the cron job may run late; a cached response must not
    outlive the earliest ``expire_at`` among live pages
    (``kumppanuus.visibility.soonest_expiry``: within a request, read with the view
    restrictions).
    """
    soonest = soonest_expiry()
    if soonest is None:
        return timeout()
    return max(1, min(timeout(), int((soonest - timezone.now()).total_seconds())))


def etag_for(content):
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def _matches(request, etag):
    header = request.headers.get("If-None-Match", "")
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return etag in tags or "*" in tags


def _not_modified_since(request, response):
    """``If-Modified-Since`` (only without ``If-None-Match``) at or after ``Last-Modified``."""
    if "If-None-Match" in request.headers:
        return False
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return since is not None and modified is not None and modified <= since


def _private(response):
    control = response.get("Cache-Control", "")
    return "private" in control or "no-store" in control


def mark_uncacheable(request):
    """Keep this request's response out of the page cache (a restricted page)."""
    request.public_cache_forbidden = True


def _personal(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or any(c in cookies for c in PERSONAL_COOKIES)


def _used_nonce(request):
    """Whether the page used this request's Content-Security-Policy nonce (an inline
    script or style): such a body is valid only with its own response's policy."""
    nonce = getattr(request, "csp_nonce", None)
    return nonce is not None and getattr(nonce, "_wrapped", empty) is not empty


def _storable_page(request, response):
    """A page response fit for every anonymous visitor: no cookie, no form token,
    no per-request CSP nonce."""
    return not (
        getattr(request, "public_cache_forbidden", False)
        or response.cookies
        or b"csrfmiddlewaretoken" in response.content
        or _used_nonce(request)
    )


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def kind(self, request):
        """ "api" (API, feeds, sitemap), "page" (public HTML) or None (not cached)."""
        if request.method not in ("GET", "HEAD") or "Authorization" in request.headers:
            return None
        path = request.path_info
        if path.startswith(CACHED_PREFIXES):
            return None if path.startswith(UNCACHED_PREFIXES) else "api"
        if path.startswith(NOT_PAGES) or not page_cache_enabled() or _personal(request):
            return None
        return "page"

    def cacheable(self, request):
        return self.kind(request) is not None

    def key(self, request):
        raw = f"{request.scheme}|{request.get_host()}|{request.get_full_path()}|{get_language()}"
        digest = hashlib.sha256(raw.encode()).hexdigest()
        return f"public-cache:{generation()}:{digest}"

    def __call__(self, request):
        kind = self.kind(request)
        if kind is None:
            return self.get_response(request)
        key = self.key(request)
        stored = cache.get(key)
        if stored is not None:
            response = self.rebuild(stored)
            response["X-Cache"] = "hit"
        else:
            response = self.get_response(request)
            if response.status_code != 200 or response.streaming or _private(response):
                return response
            if kind == "page" and not _storable_page(request, response):
                return response
            response["ETag"] = etag_for(response.content)
            response["Last-Modified"] = http_date()
            self.headers(response)
            cache.set(key, self.store(response), seconds_to_keep())
            response["X-Cache"] = "miss"
        if _matches(request, response["ETag"]) or _not_modified_since(request, response):
            not_modified = HttpResponse(status=304)
            for header in ("ETag", "Last-Modified", "Cache-Control", "Vary", "X-Cache"):
                if header in response:
                    not_modified[header] = response[header]
            for header, value in response.items():
                if header.lower().startswith("access-control-"):
                    not_modified[header] = value
            return not_modified
        return response

    @staticmethod
    def headers(response):
        age = max_age()
        revalidate = ", must-revalidate" if age == 0 else ""
        response["Cache-Control"] = f"public, max-age={age}{revalidate}"
        patch_vary_headers(response, ["Authorization", "Accept-Language"])

    @staticmethod
    def store(response):
        return {
            "content": response.content,
            "status": response.status_code,
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() not in ("set-cookie", "x-cache")
            ],
        }

    @staticmethod
    def rebuild(stored):
        response = HttpResponse(stored["content"], status=stored["status"])
        for name, value in stored["headers"]:
            response[name] = value
        return response


@checks.register(checks.Tags.caches)
def check_shared_cache(app_configs=None, **kwargs):
    """api.E001: production settings with a cache that lives in one process."""
    if not getattr(settings, "REQUIRE_SHARED_CACHE", False):
        return []
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PER_PROCESS_BACKENDS:
        return []
    return [
        checks.Error(
            f"The default cache ({backend}) lives in one process: a publish in another "
            "process (an app server worker, publish_scheduled) would not reach it, and "
            "visitors would see stale pages and API responses.",
            hint="Set REDIS_URL, or use django.core.cache.backends.db.DatabaseCache "
            "(the default without REDIS_URL; run manage.py createcachetable).",
            id="api.E001",
        )
    ]
