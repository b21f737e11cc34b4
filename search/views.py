"""The public search page and the title autocomplete, in the visitor's language."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Page

from kumppanuus.language import current_language
from kumppanuus.pagination import paginate

from . import engine
from .analysis import analyzer_for
from .analysis.text import normalize
from .filters import SearchFilterForm
from .highlight import snippet
from .models import SearchEntry
from .query import MAX_QUERY_CHARS, search_pages, visible_pages
from .suggest import suggestions

PER_PAGE = 10
AUTOCOMPLETE_LIMIT = 8
AUTOCOMPLETE_MIN_CHARS = 2


def clean_query(value):
    """The visitor's text without NUL/control characters, at most MAX_QUERY_CHARS."""
    value = (value or "")[: MAX_QUERY_CHARS * 2]
    return "".join(ch if ch.isprintable() else " " for ch in value).strip()[:MAX_QUERY_CHARS]


def _type_label(page):
    return page.specific_class._meta.verbose_name if page.specific_class else ""


@require_GET
def search(request):
    """Site search: results with highlighted snippets, filters, pagination, help."""
    language = current_language()
    query = clean_query(request.GET.get("q"))
    form = SearchFilterForm(request.GET)
    form.is_valid()
    results = page_obj = None
    hints = []
    if query:
        # A keyword's or region's pages, when few, are read first (``filtered_ids``).
        first = engine.engine().within_max
        found = search_pages(
            query,
            language=language,
            queryset=form.filtered_pages(),
            within=form.filtered_ids(first) if first else None,
        )
        page_obj = paginate(request, found, PER_PAGE)
        entries = dict(
            SearchEntry.objects.filter(page_id__in=[p.pk for p in page_obj]).values_list(
                "page_id", "text"
            )
        )
        analyzer = analyzer_for(language)
        results = [
            {
                "page": page,
                "snippet": snippet(entries.get(page.pk, ""), found.query_words, analyzer),
                "type": _type_label(page),
                "date": getattr(page, "date", None) or getattr(page, "starts_at", None),
            }
            for page in page_obj
        ]
        if not results:
            hints = suggestions(query, language)
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "form": form,
            "results": results,
            "page_obj": page_obj,
            "suggestions": hints,
            "has_filters": form.has_filters,
        },
    )


def autocomplete_titles(query, language, pages=None, limit=AUTOCOMPLETE_LIMIT):
    """Visible pages whose title has a word starting with the query, newest first."""
    key = normalize(clean_query(query))[:100].strip()
    if len(key) < AUTOCOMPLETE_MIN_CHARS:
        return []
    visible = visible_pages(pages, language)
    entries = (
        SearchEntry.objects.filter(language=language, title_key__contains=key)
        .filter(page_id__in=visible.values("pk"))
        .order_by("-date", "title")
    )
    matches = []
    for entry in entries[: limit * 5]:
        title = entry.title_key
        at = title.find(key)
        if at == 0 or not title[at - 1].isalnum():
            matches.append(entry)
        if len(matches) >= limit:
            break
    pages_by_id = Page.objects.in_bulk([e.page_id for e in matches])
    return [
        {"title": e.title, "url": pages_by_id[e.page_id].url}
        for e in matches
        if e.page_id in pages_by_id
    ]


@require_GET
def autocomplete(request):
    """JSON title suggestions for the search box: {"results": [{"title", "url"}]}."""
    language = current_language()
    return JsonResponse({"results": autocomplete_titles(request.GET.get("q"), language)})
