from django.shortcuts import render
from wagtail.models import Locale, Page

from news.models.indexes import paginate


def search(request):
    """Site search in the visitor's language (the Finnish analysis lives in search.analysis)."""
    query = request.GET.get("q", "").strip()[:500]
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = paginate(request, pages.search(query), 10)
    return render(request, "search/search.html", {"query": query, "results": results})
