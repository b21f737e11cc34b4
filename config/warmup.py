"""Load what a worker would otherwise load on its first request.

Called by the app server when a worker starts (``post_worker_init`` in
config/gunicorn.py), before it accepts connections: the search analysers
(Voikko's dictionary; simplemma's tables, which the master process has already
loaded for every worker, ``load_lemma_tables``), the URL resolver,
the templates of the public pages and Wagtail's site root paths. The first
search in a worker is then no slower than the tenth.
"""

import logging
import time

logger = logging.getLogger("config.warmup")

SAMPLE = {
    "fi": "järjestöavustukset hyvinvointialueella",
    "sv": "föreningarnas samarbete i välfärdsområdet",
    "en": "organisations working together in the wellbeing services county",
}
TEMPLATES = ("base.html", "404.html")
#: A word no dictionary knows: it makes simplemma load its (large) tables, which the
#: Finnish analyser also uses for words Voikko does not know.
UNKNOWN_WORD = "kumppanuusverkostoissammekin"
LANGUAGES = ("fi", "sv", "en")


def load_lemma_tables():
    """simplemma's dictionaries for every language (pure Python, no Django needed).

    The app server calls this once in its master process before it forks the
    workers (``on_starting``), so every worker, including one started later to
    replace another, shares the tables already loaded (seconds of work per language).
    """
    import simplemma

    for language in LANGUAGES:
        simplemma.lemmatize(UNKNOWN_WORD, lang=language)


#: Rendered once through the whole stack, so their templates, template tags and
#: queries' code paths are loaded: the home page and a search with an unknown word.
SAMPLE_PATHS = ("/fi/", f"/fi/haku/?q=avustus+{UNKNOWN_WORD}")


def _host():
    from django.conf import settings

    for host in settings.ALLOWED_HOSTS:
        if host and not host.startswith(".") and "*" not in host:
            return host
    return "localhost"


def render_sample_pages():
    """GET a few public pages in-process (no network), as an anonymous visitor."""
    from django.test import Client

    client = Client(SERVER_NAME=_host(), HTTP_HOST=_host(), raise_request_exception=False)
    for path in SAMPLE_PATHS:
        client.get(path, secure=True)  # as behind the TLS proxy (no redirect)


def warm_up():
    start = time.perf_counter()
    from django.conf import settings
    from django.db import close_old_connections
    from django.template import TemplateDoesNotExist
    from django.template.loader import get_template
    from django.urls import get_resolver

    from search.analysis import analyzer_for

    load_lemma_tables()
    for language, text in SAMPLE.items():
        analyzer = analyzer_for(language)
        analyzer.analyze(f"{text} {UNKNOWN_WORD}")
        analyzer.analyze_query(text)
        analyzer.lemma(UNKNOWN_WORD)
    get_resolver()._populate()
    for name in TEMPLATES:
        try:
            get_template(name)
        except TemplateDoesNotExist:
            pass
    try:
        from wagtail.models import Site

        Site.get_site_root_paths()
        render_sample_pages()
    except Exception:  # the database may not answer yet; the first request retries
        logger.warning("warm-up: sample pages not rendered", exc_info=True)
    finally:
        close_old_connections()
    logger.info(
        "worker warmed up in %.1f s (%s)", time.perf_counter() - start, settings.SETTINGS_MODULE
    )
