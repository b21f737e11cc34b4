"""The keyword page: everything tagged with one keyword, in the visitor's language.

A plain view inside ``i18n_patterns`` rather than a page: a keyword exists as
soon as an editor types it, and nobody should have to create a page for it.
The language prefix of the URL picks the locale, so /sv/asiasanat/sote/ lists
the Swedish pages and the Finnish keyword name is shown in Swedish when the
keyword has a Swedish label.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from kumppanuus.language import current_language
from kumppanuus.listings import in_language, tagged, visible
from kumppanuus.pagination import paginate

from .models import EventPage, Keyword, NewsArticlePage


def _tagged(queryset, keyword):
    """Visible pages of ``queryset`` in the visitor's language carrying ``keyword``."""
    return tagged(in_language(visible(queryset), current_language()), [keyword.pk])


def keyword(request, slug):
    if "\x00" in slug or len(slug) > Keyword._meta.get_field("slug").max_length:
        # No keyword can have this slug; PostgreSQL would reject a NUL byte (a 500).
        raise Http404
    keyword = get_object_or_404(Keyword, slug=slug)
    articles = _tagged(NewsArticlePage.objects.all(), keyword).order_by(
        "-date", "-first_published_at"
    )
    events = _tagged(EventPage.objects.all(), keyword).prefetch_related("sessions")
    now = timezone.now()
    context = {
        "keyword": keyword,
        "articles": paginate(request, articles, 20),
        "upcoming_events": events.filter(ends_at__gte=now).order_by("starts_at"),
        "past_events": events.exclude(ends_at__gte=now).order_by("-starts_at"),
    }
    return render(request, "news/keyword_page.html", context)
