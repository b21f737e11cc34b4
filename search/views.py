from django.shortcuts import render

from news.models.indexes import paginate

from .query import search_pages


def search(request):
    """Site search in the visitor's language."""
    query = request.GET.get("q", "").strip()[:500]
    results = None
    if query:
        results = paginate(request, search_pages(query), 10)
    return render(request, "search/search.html", {"query": query, "results": results})
