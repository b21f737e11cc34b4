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
from wagtail.models import Site

from kumppanuus.language import current_language
from kumppanuus.listings import in_language, tagged, visible
from kumppanuus.pagination import paginate

from .models import EventIndexPage, EventPage, Keyword, NewsArticlePage
from .models.indexes import ARTICLE_ORDER, PAST_EVENT_ORDER, upcoming_by_next_session

#: Past events the keyword page shows; the rest are a link away, in the events index
#: filtered by the keyword, where they are paginated. An archive of years of events
#: must not make the keyword page longer (and slower) with every event held.
PAST_EVENTS_SHOWN = 6


def _tagged(queryset, keyword):
    """Visible pages of ``queryset`` in the visitor's language carrying ``keyword``."""
    return tagged(in_language(visible(queryset), current_language()), [keyword.pk])


def events_archive(request, keyword):
    """The URL of the national events index (a child of the site's home page in the
    visitor's language) filtered by ``keyword``: its past events are paginated there.
    None where the site has no such index."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    home = site.root_page.localized
    index = visible(EventIndexPage.objects.child_of(home)).first()
    if index is None:
        return None
    return f"{index.get_url(request)}?asiasana={keyword.slug}#past-heading"


def keyword(request, slug):
    # Only a keyword of a page visitors may see in this language has a page: one
    # typed only on a draft or a restricted page must not even answer.
    keyword = Keyword.objects.find_public(slug, current_language())
    if keyword is None:
        raise Http404
    articles = _tagged(NewsArticlePage.objects.all(), keyword).order_by(*ARTICLE_ORDER)
    events = _tagged(EventPage.objects.all(), keyword).prefetch_related("sessions")
    now = timezone.now()
    past = list(
        events.exclude(ends_at__gte=now).order_by(*PAST_EVENT_ORDER)[: PAST_EVENTS_SHOWN + 1]
    )
    context = {
        "keyword": keyword,
        "articles": paginate(request, articles, 20, keys=ARTICLE_ORDER),
        "upcoming_events": upcoming_by_next_session(events.filter(ends_at__gte=now), now),
        "past_events": past[:PAST_EVENTS_SHOWN],
        "more_past_events": events_archive(request, keyword)
        if len(past) > PAST_EVENTS_SHOWN
        else None,
    }
    return render(request, "news/keyword_page.html", context)
