"""Page numbers for HTML listings (news, events, keyword pages, search results)."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(request, queryset, per_page):
    """A page of results; a malformed page number gives the first page, too large the last."""
    paginator = Paginator(queryset, per_page)
    number = request.GET.get("page", 1)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def with_filter_status(request, response):
    """An unknown filter value answers 400 (the form explains why), never a 500."""
    if getattr(request, "listing_filter_invalid", False):
        response.status_code = 400
    return response
