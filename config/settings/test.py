"""Test settings: PostgreSQL from DATABASE_URL (bin/with-postgres sets it)."""

from .base import *

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
WHITENOISE_AUTOREFRESH = True
# Many tests read the API far faster than a visitor would: no rate limit unless a test
# (tests/test_hardening.py) turns it on.
API_RATE_LIMIT = "off"

# In-process tests run the live server (browser tests) beside the test's own transaction:
# a database-cache row written inside that transaction stays locked until the test ends
# and blocks the server's publish. In one process a local cache is shared anyway; the
# tests that start real processes (tests/test_processes.py) set TEST_DATABASE_CACHE=1
# for them, so they share the database cache as a deployment without Redis does.
if not REDIS_URL and not env_bool("TEST_DATABASE_CACHE", False):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
