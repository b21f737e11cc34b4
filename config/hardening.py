"""The reference site's protective middleware: CSP, API rate limit, 503 when the database is down.

- ``ContentSecurityPolicyMiddleware``: every response gets a ``Content-Security-Policy``.
  Public pages: scripts and styles only from our own origin (an inline ``<script>`` or
  ``<style>`` runs only with the request's nonce, ``{{ request.csp_nonce }}``; the inline
  styles of the static 500 and 503 pages are allowed by their hashes); no plugins, no
  framing, forms post only to us. JSON-LD is ``type="application/ld+json"``, a data block
  the browser never executes, so it needs no nonce. The admin (``/admin/``,
  ``/django-admin/``) gets a relaxed policy: Wagtail's admin uses inline scripts and styles.
- ``ApiRateLimitMiddleware``: at most ``API_RATE_LIMIT`` requests (``600/m`` by default)
  per client IP to ``/api/``; past it a 429 problem document with ``Retry-After``. The
  counters live in the shared cache (every app process counts together); when the cache
  is unreachable the limit is not enforced rather than failing the request.
- ``server_error`` (``handler500``): a database that cannot be reached is a 503 with
  ``Retry-After`` (a static page in Finnish, Swedish and English, or problem+json under
  ``/api/``), never a 500; every other error is the static 500 page.
"""

import base64
import hashlib
import json
import math
import re
import secrets
import sys
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.functional import SimpleLazyObject

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
#: Static pages whose inline ``<style>`` is allowed by hash (rendered without a request).
HASHED_STYLE_TEMPLATES = ("500.html", "503.html")
RATE_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def client_ip(request):
    """The client's address: ``REMOTE_ADDR``, or behind ``TRUSTED_PROXY_COUNT`` proxies the
    address the outermost trusted proxy saw (from the right of ``X-Forwarded-For``)."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


# --- Content-Security-Policy ---------------------------------------------------------


@lru_cache(maxsize=1)
def static_style_hashes():
    """``'sha256-…'`` sources for the inline styles of the static error pages."""
    sources = []
    for name in HASHED_STYLE_TEMPLATES:
        try:
            source = loader.get_template(name).template.source
        except Exception:  # noqa: BLE001, S112 - a missing page simply has no hash
            continue
        for block in re.findall(r"<style>(.*?)</style>", source, flags=re.S):
            digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
            sources.append(f"'sha256-{digest}'")
    return sources


def public_policy(nonce=None):
    nonce_source = [f"'nonce-{nonce}'"] if nonce else []
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *nonce_source],
        "style-src": ["'self'", *nonce_source, *static_style_hashes()],
        "img-src": ["'self'", "data:", *getattr(settings, "CSP_EXTRA_IMG_SRC", [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


ADMIN_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; "
    "media-src 'self' https:; frame-src 'self' https:; font-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; frame-ancestors 'self'"
)


class ContentSecurityPolicyMiddleware:
    """Adds the policy (or ``-Report-Only`` with ``CSP_REPORT_ONLY``); keeps one already set
    (a response replayed from a cache carries the policy that matches its nonce)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        nonces = []

        def make_nonce():
            nonces.append(secrets.token_urlsafe(16))
            return nonces[0]

        request.csp_nonce = SimpleLazyObject(make_nonce)
        response = self.get_response(request)
        header = (
            "Content-Security-Policy-Report-Only"
            if getattr(settings, "CSP_REPORT_ONLY", False)
            else "Content-Security-Policy"
        )
        if "Content-Security-Policy" in response or header in response:
            return response
        if request.path_info.startswith(ADMIN_PREFIXES):
            response[header] = ADMIN_POLICY
        else:
            response[header] = public_policy(nonces[0] if nonces else None)
        return response


# --- API rate limit --------------------------------------------------------------------


def parse_rate(value):
    """``"300/m"`` → ``(300, 60)``; ``"off"``, ``"0"`` or empty → ``None`` (no limit)."""
    value = (value or "").strip().lower()
    if value in {"", "0", "off", "none", "false"}:
        return None
    count, _, unit = value.partition("/")
    unit = unit or "m"
    number = re.match(r"(\d*)([smhd])", unit)
    if not count.isdigit() or not number:
        raise ValueError(f"API_RATE_LIMIT must look like 300/m, not {value!r}")
    return int(count), int(number.group(1) or 1) * RATE_UNITS[number.group(2)]


def problem(status, title, detail, **headers):
    body = json.dumps({"type": "about:blank", "title": title, "status": status, "detail": detail})
    response = HttpResponse(body, status=status, content_type="application/problem+json")
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


class ApiRateLimitMiddleware:
    prefix = "/api/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rate = parse_rate(getattr(settings, "API_RATE_LIMIT", "600/m"))
        if rate is None or not request.path_info.startswith(self.prefix):
            return self.get_response(request)
        limit, period = rate
        now = time.time()
        window = int(now // period)
        key = f"api-rate:{period}:{window}:{client_ip(request)}"
        count = self.count(key, period)
        if count is not None and count > limit:
            retry_after = max(1, math.ceil((window + 1) * period - now))
            return problem(
                429,
                "Too Many Requests",
                f"At most {limit} requests per {period} s from one address; "
                f"try again in {retry_after} s.",
                Retry_After=str(retry_after),
            )
        return self.get_response(request)

    @staticmethod
    def count(key, period):
        """This window's count including this request, or ``None`` if the cache is away."""
        try:
            cache.add(key, 0, timeout=period + 1)
            return cache.incr(key)
        except ValueError:  # evicted between add and incr
            return None
        except Exception:  # noqa: BLE001 - an unreachable cache never blocks the API
            return None


# --- Database unavailable: 503 -----------------------------------------------------------


def database_unavailable(exc):
    """True for errors that mean the database cannot be reached right now."""
    return isinstance(exc, OperationalError | InterfaceError)


def service_unavailable(request):
    retry_after = str(getattr(settings, "DATABASE_RETRY_AFTER", 5))
    if request is not None and request.path_info.startswith("/api/"):
        return problem(
            503,
            "Service Unavailable",
            "The database is temporarily unavailable; try again shortly.",
            Retry_After=retry_after,
        )
    response = HttpResponse(
        loader.get_template("503.html").render(), status=503, content_type="text/html"
    )
    response["Retry-After"] = retry_after
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, *args, **kwargs):
    """``handler500``: 503 when the database is away, else the static 500 page."""
    exc = sys.exc_info()[1]
    if database_unavailable(exc):
        return service_unavailable(request)
    if request is not None and request.path_info.startswith("/api/"):
        return problem(500, "Internal Server Error", "An unexpected error occurred.")
    return HttpResponseServerError(loader.get_template("500.html").render())


# --- robots.txt --------------------------------------------------------------------------


def robots_txt(request):
    """Crawlers: everything public, not the admin or the API; the sitemap's address."""
    lines = [
        "User-agent: *",
        *(f"Disallow: {prefix}" for prefix in (*ADMIN_PREFIXES, "/api/")),
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
