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

from kumppanuus.language import current_language
from kumppanuus.listings import in_language, tagged, visible
from kumppanuus.pagination import paginate

from .models import EventPage, Keyword, NewsArticlePage
from .models.indexes import ARTICLE_ORDER


def _tagged(queryset, keyword):
    """Visible pages of ``queryset`` in the visitor's language carrying ``keyword``."""
    return tagged(in_language(visible(queryset), current_language()), [keyword.pk])


def keyword(request, slug):
    # Only a keyword of a page visitors may see in this language has a page: one
    # typed only on a draft or a restricted page must not even answer.
    keyword = Keyword.objects.find_public(slug, current_language())
    if keyword is None:
        raise Http404
    articles = _tagged(NewsArticlePage.objects.all(), keyword).order_by(*ARTICLE_ORDER)
    events = _tagged(EventPage.objects.all(), keyword).prefetch_related("sessions")
    now = timezone.now()
    context = {
        "keyword": keyword,
        "articles": paginate(request, articles, 20, keys=ARTICLE_ORDER),
        "upcoming_events": events.filter(ends_at__gte=now).order_by("starts_at"),
        "past_events": events.exclude(ends_at__gte=now).order_by("-starts_at"),
    }
    return render(request, "news/keyword_page.html", context)
