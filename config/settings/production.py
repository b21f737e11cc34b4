"""Production: secrets and hosts must come from the environment.

`make serve` (bin/serve) runs these settings locally over plain HTTP with a generated
secret key; a real deployment sets the variables in README.md's Deployment section.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production")
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
# More than one process serves (app server workers, the scheduled-publishing job):
# the cache must be one they all share (system check api.E001).
REQUIRE_SHARED_CACHE = True
