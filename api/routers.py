"""``/api/v3/news/``, ``/api/v3/events/`` and ``/api/v3/regions/``: list and detail.

Each list answers ``{"count": N, "items": [...]}`` like v3's own listings;
each detail adds the body, SEO and JSON-LD. Only pages the public may see
are served (``kumppanuus.visibility.visible``); anything else is a 404
problem document.
"""

from django.shortcuts import get_object_or_404
from ninja import Query, Router

from news.querysets import event_queryset, news_queryset
from regions.querysets import region_queryset

from . import schemas
from .context import Context
from .errors import check_query
from .filters import EventFilters, NewsFilters, RegionFilters
from .images import ImageParams
from .pagination import PageParams

news_router = Router(tags=["news"])
events_router = Router(tags=["events"])
regions_router = Router(tags=["regions"])


def _allowed(*param_schemas):
    return set().union(*(schema.model_fields for schema in param_schemas))


def _listing(request, page_type, queryset, filters, paging, images):
    check_query(request, _allowed(type(filters), PageParams, ImageParams))
    queryset = filters.apply(queryset)
    count = queryset.count()
    pages = list(paging.slice(queryset))
    ctx = Context(request, pages, renditions=images.specs())
    return {"count": count, "items": [page_type.summary(page, ctx) for page in pages]}


def _detail(request, page_type, queryset, page_id, images):
    check_query(request, _allowed(ImageParams))
    page = get_object_or_404(queryset, pk=page_id)
    return page_type.detail(page, Context(request, [page], renditions=images.specs()))


@news_router.get(
    "/",
    response=schemas.NewsList,
    url_name="news_list",
    operation_id="news_list",
    summary="List news articles",
)
def list_news(
    request,
    filters: NewsFilters = Query(...),  # noqa: B008
    paging: PageParams = Query(...),  # noqa: B008
    images: ImageParams = Query(...),  # noqa: B008
):
    """Newest first (or best match first with `search`)."""
    queryset = news_queryset(images.specs())
    return _listing(request, schemas.News, queryset, filters, paging, images)


@news_router.get(
    "/{page_id}/",
    response=schemas.NewsDetail,
    url_name="news_detail",
    operation_id="news_detail",
    summary="News article detail",
)
def get_news(request, page_id: int, images: ImageParams = Query(...)):  # noqa: B008
    return _detail(request, schemas.News, news_queryset(images.specs()), page_id, images)


@events_router.get(
    "/",
    response=schemas.EventList,
    url_name="events_list",
    operation_id="events_list",
    summary="List events",
)
def list_events(
    request,
    filters: EventFilters = Query(...),  # noqa: B008
    paging: PageParams = Query(...),  # noqa: B008
    images: ImageParams = Query(...),  # noqa: B008
):
    """By first session (or next session with `upcoming=true`); sessions nested."""
    queryset = event_queryset(images.specs())
    return _listing(request, schemas.Event, queryset, filters, paging, images)


@events_router.get(
    "/{page_id}/",
    response=schemas.EventDetail,
    url_name="events_detail",
    operation_id="events_detail",
    summary="Event detail",
)
def get_event(request, page_id: int, images: ImageParams = Query(...)):  # noqa: B008
    return _detail(request, schemas.Event, event_queryset(images.specs()), page_id, images)


@regions_router.get(
    "/",
    response=schemas.RegionList,
    url_name="regions_list",
    operation_id="regions_list",
    summary="List region pages",
)
def list_regions(
    request,
    filters: RegionFilters = Query(...),  # noqa: B008
    paging: PageParams = Query(...),  # noqa: B008
    images: ImageParams = Query(...),  # noqa: B008
):
    """In the official order of the areas; contacts and networks nested."""
    return _listing(request, schemas.Region, region_queryset(), filters, paging, images)


@regions_router.get(
    "/{page_id}/",
    response=schemas.RegionDetail,
    url_name="regions_detail",
    operation_id="regions_detail",
    summary="Region page detail",
)
def get_region(request, page_id: int, images: ImageParams = Query(...)):  # noqa: B008
    return _detail(request, schemas.Region, region_queryset(), page_id, images)
