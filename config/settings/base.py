"""Settings shared by every environment.

Everything that differs between machines comes from environment variables
(documented as a table in README.md); the defaults make `make run` work on a
fresh machine with an embedded SQLite database.
"""

import os
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates override Wagtail's where they overlap.
    "editorial",
    "api",
    "wpimport",
    "home",
    "search",
    "news",
    "regions",
    "kumppanuus",
    # The reference site's demo content (`make run`); not part of the wheel.
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v3",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "corsheaders",
    # Swagger UI's files (/api/v3/docs/) from our own static files, not a CDN.
    "ninja",
    # Login throttling on every login form (admin, Django admin).
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",  # its catalogue: Wagtail's "5 minuuttia sitten"
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Reads the view restrictions at most once per GET/HEAD request (kumppanuus/visibility.py).
    "kumppanuus.visibility.RequestMemoMiddleware",
    # Content-Security-Policy on every response (config/hardening.py).
    "config.hardening.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # API_RATE_LIMIT requests per client IP to /api/, counted in the shared cache.
    "config.hardening.ApiRateLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.LocaleMiddleware",
    # ETag, Cache-Control, 304s and the shared (Redis) cache for anonymous API,
    # feed, calendar and sitemap reads; invalidated on publish (api/caching.py).
    "api.caching.PublicCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Locks out repeated failed logins (django-axes); last, as its documentation asks.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# Database: DATABASE_URL selects PostgreSQL (postgres://user@host:port/name);
# without it an embedded SQLite file keeps `make run` dependency-free.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A kept connection is checked before each request, so requests succeed again
        # as soon as the database is back after an outage.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )
#: Seconds a 503 (database unreachable) asks clients to wait (``Retry-After``).
DATABASE_RETRY_AFTER = int(os.environ.get("DATABASE_RETRY_AFTER", "5"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database serves several processes at once under `make serve`
    # (app server workers, the scheduled-publishing loop) and holds the shared
    # cache: write-ahead logging lets readers and one writer work side by side,
    # and a write waits for the lock instead of failing at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

# Cache: shared by every process that serves, always. Redis where REDIS_URL is set;
# otherwise Django's database cache in the site's own database (a table made by
# `manage.py createcachetable`, which `make run`, `make serve` and the test set-up run).
# Never a per-process cache: a publish in one process (an editor's worker, the
# scheduled-publishing job) must reach every other process's next request. The
# system check api.E001 (api/caching.py) fails a production setting that breaks this.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "kumppanuus")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # Redis down is a cache miss, not an error: pages and the API answer
                # from the database and use Redis again as soon as it is back.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.5")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "1")),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kumppanuus_cache",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"MAX_ENTRIES": 20_000, "CULL_FREQUENCY": 4},
        }
    }
# A production site must not run on a per-process cache (api.E001).
REQUIRE_SHARED_CACHE = False

# Public HTML for anonymous visitors from the shared cache (api/caching.py); PAGE_CACHE=off
# renders every page (the API, feeds and sitemap are cached either way).
PUBLIC_PAGE_CACHE = env_bool("PAGE_CACHE", True)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Finnish first, Swedish and English as translations.
LANGUAGE_CODE = "fi"
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("fi", _("suomi")),
    ("sv", _("ruotsi")),
    ("en", _("englanti")),
]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
# Dates in the admin as Finns write them: 20.01.2027 and 12.00 (Europe/Helsinki,
# "Suomen aikaa" beside each datetime field; editorial/templates/wagtailadmin/widgets/).
# The input formats of every admin language accept them (editorial/formats/).
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H.%M"
WAGTAIL_TIME_FORMAT = "%H.%M"
FORMAT_MODULE_PATH = ["editorial.formats"]
# Translations (wagtail-localize): a new translation of a live page starts as a
# draft, so untranslated Finnish text never goes live under /sv/ or /en/ and a
# translation is published by a publisher like any other change (editorial/setup.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# An approval publishes a "publish together" set whole, and a translation as it was
# submitted (editorial/translations/publishing.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.translations.finish.finish_workflow"
# Slugs made from titles are ASCII ("Järjestöt" -> "jarjestot"), like the demo
# content's: addresses stay readable when copied into e-mail and print.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Kumppanuus")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Pages run on search.engine (our index and analysis); other models on the stock index.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_ENABLE_UPDATE_CHECK = False

# E-mail: the workflow notifications ("Muutoksia pyydetty", "Odottaa hyväksyntääsi")
# come from DEFAULT_FROM_EMAIL, in each recipient's admin language (Finnish unless
# they chose another). SMTP server from the environment (Django's defaults otherwise).
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", f"{WAGTAIL_SITE_NAME} <noreply@localhost>"
)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

# Keywords ("Asiasanat"): "Sote" and "sote" are one keyword.
TAGGIT_CASE_INSENSITIVE = True

# CORS for API consumers: a comma-separated list of origins. Browsers may revalidate
# with If-None-Match / If-Modified-Since and read the ETag and Last-Modified answers.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/(api|feeds)/.*$"
CORS_ALLOW_HEADERS = (*default_headers, "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]

# Headless frontends (api/): where the admin's "preview on the frontend" goes (a site
# setting may override it per site), how long a preview token lives, how long the change
# feed keeps tombstones, and how webhooks are sent (manage.py send_webhooks).
HEADLESS_PREVIEW_URL = os.environ.get("HEADLESS_PREVIEW_URL", "")
HEADLESS_PREVIEW_MAX_AGE = int(os.environ.get("HEADLESS_PREVIEW_MAX_AGE", 30 * 60))
API_CHANGES_TOMBSTONE_DAYS = int(os.environ.get("API_CHANGES_TOMBSTONE_DAYS", 30))
WEBHOOK_TIMEOUT = float(os.environ.get("WEBHOOK_TIMEOUT", 10))
WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("WEBHOOK_MAX_ATTEMPTS", 8))

# Hardening (config/hardening.py). API_RATE_LIMIT: requests per client IP to /api/
# ("300/m", "20/s", "5000/h"; "off" for none). TRUSTED_PROXY_COUNT: reverse proxies in
# front of the app that append to X-Forwarded-For (0: the client is REMOTE_ADDR).
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "600/m")
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
CSP_REPORT_ONLY = env_bool("CSP_REPORT_ONLY", False)
CSP_EXTRA_IMG_SRC = env_list("CSP_EXTRA_IMG_SRC")
# Login throttling (django-axes): AXES_FAILURE_LIMIT wrong passwords for one user name
# from one address lock that pair out for AXES_COOLOFF_MINUTES; a success resets the count.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_MINUTES", "15")) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "config.hardening.client_ip"
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"

# Served outside the language prefix: a 404 there stays a 404 (config/middleware.py).
UNPREFIXED_PATHS = ("/feeds/", "/sitemap.xml", "/robots.txt")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
