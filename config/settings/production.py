"""Production: secrets and hosts must come from the environment.

TLS is on by default: HTTP is redirected to HTTPS and HSTS is sent for a year
(`manage.py check --deploy` is clean). Serving plain HTTP on a private address
(for example `make serve` on 127.0.0.1) turns both off with
`SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0 SECURE_COOKIES=false`. Behind a
proxy that terminates TLS, the proxy must set `X-Forwarded-Proto`
(`SECURE_PROXY_SSL_HEADER`, on by default) and strip it from clients' requests.
`make serve` (bin/serve) does exactly that, with a generated secret key; a real
deployment sets the variables in README.md's Deployment section.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production")
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

# "HTTP_X_FORWARDED_PROTO,https" (the default): a request the proxy marks with
# `X-Forwarded-Proto: https` is secure. Empty: no proxy, only the connection counts.
_proxy_header = os.environ.get("SECURE_PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO,https")
SECURE_PROXY_SSL_HEADER = tuple(_proxy_header.split(",", 1)) if _proxy_header.strip() else None
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 365 * 24 * 3600))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Asking to be on the browsers' preload list binds every subdomain for good: the
    # site's owner decides (SECURE_HSTS_PRELOAD=true), the check does not nag meanwhile.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# More than one process serves (app server workers, the scheduled-publishing job):
# the cache must be one they all share (system check api.E001).
REQUIRE_SHARED_CACHE = True
