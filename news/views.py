"""The keyword page: everything tagged with one keyword, in the visitor's language.

A plain view inside ``i18n_patterns`` rather than a page: a keyword exists as
soon as an editor types it, and nobody should have to create a page for it.
The language prefix of the URL picks the locale, so /sv/asiasanat/sote/ lists
the Swedish pages and the Finnish keyword name is shown in Swedish when the
keyword has a Swedish label.
"""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from wagtail.models import Locale

from .models import EventPage, Keyword, NewsArticlePage
from .models.indexes import paginate


def keyword(request, slug):
    locale = Locale.get_active()
    # Only a keyword of a page visitors may see in this language has a page: one
    # typed only on a draft or a restricted page must not even answer.
    keyword = Keyword.objects.find_public(slug, locale.language_code)
    if keyword is None:
        raise Http404
    articles = (
        NewsArticlePage.objects.live()
        .public()
        .filter(locale=locale, keywords__slug=keyword.slug)
        .distinct()
        .order_by("-date", "-first_published_at")
    )
    events = (
        EventPage.objects.live()
        .public()
        .filter(locale=locale, keywords__slug=keyword.slug)
        .distinct()
        .prefetch_related("sessions")
    )
    now = timezone.now()
    context = {
        "keyword": keyword,
        "articles": paginate(request, articles, 20),
        "upcoming_events": events.filter(ends_at__gte=now).order_by("starts_at"),
        "past_events": events.exclude(ends_at__gte=now).order_by("-starts_at"),
    }
    return render(request, "news/keyword_page.html", context)
