"""The apps build as one wheel that an existing Wagtail site can install.

The host-site test installs the built wheel into a fresh virtualenv beside a
minimal Wagtail project of its own (its own settings, URLs and ``base.html``;
none of our ``config/`` or ``site/``), migrates it into a PostgreSQL database of
its own, creates a Finnish and a Swedish article, event and region page, and
renders them in a subprocess: what a host site gets is what we ship.
"""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("kumppanuus", "regions", "news", "search", "home", "editorial", "api", "wpimport")
NOT_SHIPPED = ("config", "site", "tests", "demo", "bench")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """The wheel built from a clean copy of the sources (no stale build/ directory)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in SHIPPED + NOT_SHIPPED:
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return next(out.glob("kumppanuus_cms-*.whl"))


def test_wheel_carries_apps_with_migrations_templates_and_catalogues(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for app in ("home", "regions", "news", "search", "wpimport"):
        assert f"{app}/migrations/__init__.py" in names
    assert "wpimport/management/commands/import_wordpress.py" in names
    for app in SHIPPED:
        assert f"{app}/__init__.py" in names
        assert f"{app}/locale/sv/LC_MESSAGES/django.mo" in names
    assert "regions/migrations/0002_load_regions.py" in names
    assert "news/templates/news/event_page.html" in names
    assert "kumppanuus/templates/kumppanuus/includes/pagination.html" in names
    assert "search/static/search/autocomplete.js" in names


def test_wheel_holds_no_demo_code_and_no_reference_site(wheel):
    archive = zipfile.ZipFile(wheel)
    names = archive.namelist()
    assert not any(name.startswith(tuple(f"{n}/" for n in NOT_SHIPPED)) for name in names)
    for name in names:
        if name.endswith(".py"):
            code = archive.read(name).decode()
            assert "from demo" not in code and "import demo" not in code, name


# --- a host site -------------------------------------------------------------------

SETTINGS = """
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "host-site-test"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost"]
ROOT_URLCONF = "host_site.urls"
INSTALLED_APPS = [
    "editorial", "api", "home", "search", "news", "regions", "kumppanuus",
    "wagtail_localize", "wagtail_localize.locales", "wagtail.api.v3",
    "wagtail.contrib.settings", "wagtail.contrib.redirects", "wagtail.embeds", "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets", "wagtail.documents", "wagtail.images", "wagtail.search",
    "wagtail.admin", "wagtail", "modelcluster", "taggit",
    "django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
    "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [BASE_DIR / "templates"],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]
DATABASES = {"default": DATABASE}
USE_TZ = True
TIME_ZONE = "Europe/Helsinki"
LANGUAGE_CODE = "fi"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
TAGGIT_CASE_INSENSITIVE = True
WAGTAIL_SITE_NAME = "Isäntä"
WAGTAILADMIN_BASE_URL = "http://testserver"
STATIC_URL = "/static/"
"""

URLS = """
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.api.v3.urls import api

from api.mount import register

register(api)
urlpatterns = [
    path("api/v3/", api.urls),
    path("feeds/", include("news.feed_urls")),
] + i18n_patterns(
    path("", include("search.urls")),
    path("", include("news.urls")),
    path("", include(wagtail_urls)),
)
"""

BASE_HTML = """{% load i18n %}{% get_current_language as LANGUAGE_CODE %}<!DOCTYPE html>
<html lang="{{ LANGUAGE_CODE }}"><head>
<title>{% block title %}{{ page.title }}{% endblock %}</title>
{% block extra_head %}{% endblock %}</head>
<body class="{% block body_class %}{% endblock %}">
<nav>{% block breadcrumb %}{% endblock %}</nav>
<main>{% block content %}{% endblock %}</main>
</body></html>
"""

# Runs inside the host site: creates the pages, renders them, prints what it saw.
SCRIPT = """
import datetime, json, django
django.setup()
from django.test import Client
from django.utils import timezone
from wagtail.models import Locale, Page, Site
import home, news
from home.models import HomePage
from news.models import EventIndexPage, EventPage, EventSession, NewsArticlePage, NewsIndexPage
from regions.models import Region, RegionIndexPage, RegionPage

def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page

fi = Locale.objects.get(language_code="fi")
sv = Locale.objects.get_or_create(language_code="sv")[0]
region = Region.objects.get(code="pohjois-karjala")
home_page = Page.get_first_root_node().add_child(
    instance=HomePage(title="Koti", slug="koti", locale=fi))
Site.objects.update(root_page=home_page)
news_index = home_page.add_child(instance=NewsIndexPage(title="Uutiset", slug="uutiset"))
event_index = home_page.add_child(instance=EventIndexPage(title="Tapahtumat", slug="tapahtumat"))
region_index = home_page.add_child(instance=RegionIndexPage(title="Alueet", slug="alueet"))
article = news_index.add_child(instance=NewsArticlePage(
    title="Isännän uutinen", slug="isannan-uutinen", lead="Ingressi.", date=timezone.localdate()))
article.regions = [region]
article.keywords.add("sote")
start = timezone.now() + datetime.timedelta(days=3)
event = EventPage(title="Isännän tapahtuma", slug="isannan-tapahtuma", format="online")
event.sessions = [EventSession(title="Ainoa", start=start, end=start + datetime.timedelta(hours=2))]
event_index.add_child(instance=event)
region_page = region_index.add_child(instance=RegionPage(
    title="Pohjois-Karjala", slug="pohjois-karjala", region=region))
pages = {"home": home_page, "news_index": news_index, "event_index": event_index,
         "region_index": region_index, "article": article, "event": event,
         "region": region_page}
for page in pages.values():
    publish(page)
swedish_titles = {"home": "Hem", "news_index": "Nyheter", "event_index": "Evenemang",
                  "region_index": "Regioner", "article": "Värdens nyhet",
                  "event": "Värdens evenemang", "region": "Norra Karelen"}
urls = {}
for key in ("home", "news_index", "event_index", "region_index", "article", "event", "region"):
    translation = pages[key].specific.copy_for_translation(sv)
    translation.title = swedish_titles[key]
    publish(translation)
    urls[("fi", key)] = pages[key].url
    urls[("sv", key)] = translation.url

client = Client()
seen = {
    "modules": [home.__file__, news.__file__],
    "pages": {},
    "api": client.get("/api/v3/news/", {"region": "pohjois-karjala"}).json(),
}
for (language, key), url in urls.items():
    if key in ("article", "event", "region"):
        response = client.get(url)
        seen["pages"][f"{language} {key}"] = {
            "url": url, "status": response.status_code, "html": response.content.decode()}
print(json.dumps(seen))
"""


@pytest.fixture
def host_database():
    """A PostgreSQL database of the host site's own, dropped afterwards."""
    params = connection.settings_dict
    name = f"{params['NAME']}_host_{os.getpid()}"[-63:]
    server = {
        "host": params["HOST"] or "127.0.0.1",
        "port": params["PORT"] or 5432,
        "user": params["USER"],
        "password": params["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "HOST": server["host"],
        "PORT": str(server["port"]),
        "USER": server["user"],
        "PASSWORD": server["password"] or "",
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def make_venv(path, wheel):
    """A fresh virtualenv with the wheel installed; the locked dependencies come from
    this project's own virtualenv (its site-packages added as a plain path, so the
    editable install of the checkout that lives there is not loaded)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    python = path / "bin" / "python"
    site_packages = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q",
         "--target", site_packages, str(wheel)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    dependencies = sysconfig.get_paths()["purelib"]
    (Path(site_packages) / "locked_dependencies.pth").write_text(dependencies + "\n")
    return python, site_packages


def make_host_site(path, database):
    (path / "host_site").mkdir(parents=True)
    (path / "host_site" / "__init__.py").write_text("")
    settings = f"DATABASE = {database!r}\n" + SETTINGS
    (path / "host_site" / "settings.py").write_text(settings)
    (path / "host_site" / "urls.py").write_text(URLS)
    (path / "templates").mkdir()
    (path / "templates" / "base.html").write_text(BASE_HTML)
    (path / "render.py").write_text(textwrap.dedent(SCRIPT))


def run_in_host(python, host, *args):
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "host_site.settings"}
    result = subprocess.run(
        [str(python), *args], cwd=host, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return result.stdout


def test_host_site_renders_our_pages_in_finnish_and_swedish(tmp_path, wheel, host_database):
    python, site_packages = make_venv(tmp_path / "venv", wheel)
    host = tmp_path / "host"
    make_host_site(host, host_database)
    run_in_host(python, host, "-c", "import django; django.setup(); "
                "from django.core.management import call_command; "
                "call_command('migrate', verbosity=0)")  # fmt: skip
    seen = json.loads(run_in_host(python, host, "render.py").splitlines()[-1])

    # The apps come from the installed wheel, not from this checkout.
    assert all(module.startswith(site_packages) for module in seen["modules"]), seen["modules"]
    pages = seen["pages"]
    assert {key: page["status"] for key, page in pages.items()} == dict.fromkeys(pages, 200)
    strings = {
        "article": ("Julkaistu", "Publicerad", "Isännän uutinen", "Värdens nyhet"),
        "event": (
            "Tilaisuudet ja ilmoittautuminen",
            "Tillfällen och anmälan",
            "Isännän tapahtuma",
            "Värdens evenemang",
        ),
        "region": ("Alueen uutiset", "Regionens nyheter", "Pohjois-Karjala", "Norra Karelen"),
    }
    for kind, (finnish, swedish, fi_title, sv_title) in strings.items():
        fi_html, sv_html = pages[f"fi {kind}"]["html"], pages[f"sv {kind}"]["html"]
        assert '<html lang="fi">' in fi_html and '<html lang="sv">' in sv_html
        assert finnish in fi_html and fi_title in fi_html, kind
        assert swedish in sv_html and sv_title in sv_html, kind
        assert finnish not in sv_html, kind
    # The region page lists the news about its region (news_listings), in each language.
    assert "Isännän uutinen" in pages["fi region"]["html"]
    assert "Värdens nyhet" in pages["sv region"]["html"]
    assert {item["title"] for item in seen["api"]["items"]} == {"Isännän uutinen", "Värdens nyhet"}
