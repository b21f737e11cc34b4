"""``/api/v3/news/``, ``/api/v3/events/`` and ``/api/v3/regions/``: list and detail.

Each list answers ``{"count": N, "items": [...]}`` like v3's own listings;
each detail adds the body, SEO and JSON-LD. Only pages the public may see
are served (``kumppanuus.visibility.visible``); anything else is a 404
problem document, unless a preview token for that page asks for its draft
(``api.preview``). Lists take ``fields=`` to narrow their items.
"""

import json

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.responses import NinjaJSONEncoder

from kumppanuus.visibility import with_translation_flag
from news.querysets import event_queryset, news_queryset
from regions.querysets import region_queryset

from . import schemas
from .context import Context
from .errors import check_query, invalid, problems
from .filters import EventFilters, NewsFilters, RegionFilters
from .images import ImageParams
from .pagination import PageParams
from .preview import grant, granted_draft

#: What Ninja's JSON renderer answers with.
JSON = "application/json; charset=utf-8"

news_router = Router(tags=["news"])
events_router = Router(tags=["events"])
regions_router = Router(tags=["regions"])


class FieldParams(Schema):
    fields: list[str] = Field(
        [],
        description="Only these fields in each item (repeat or comma-separate); "
        "`id`, `title` and `meta` always come. Default: every list field.",
    )

    def names(self, page_type):
        names = [part.strip() for value in self.fields for part in value.split(",")]
        names = [name for name in names if name]
        if not names:
            return None
        unknown = [name for name in names if name not in page_type.list_fields]
        if unknown:
            allowed = ", ".join(page_type.list_fields)
            raise invalid("fields", f"Unknown field: {', '.join(unknown)}. Allowed: {allowed}.")
        return names


class DetailParams(Schema):
    preview_token: str | None = Field(
        None,
        max_length=2000,
        description="A preview token for this page: its latest draft instead of the live version.",
    )


def _allowed(*param_schemas):
    return set().union(*(schema.model_fields for schema in param_schemas))


def _listing(request, page_type, queryset, filters, paging, images, fields):
    check_query(request, _allowed(type(filters), PageParams, ImageParams, FieldParams))
    only = fields.names(page_type)
    queryset = with_translation_flag(filters.apply(queryset).defer(*page_type.detail_columns))
    count, estimated, pages, following = paging.page(
        request, queryset, filters.keyset(), count=filters.matched(), skip=filters.skip_keys()
    )
    ctx = Context(request, pages, renditions=images.specs())
    return as_json(
        {
            "count": count,
            "count_estimated": estimated,
            "next": following,
            "items": [page_type.summary(page, ctx, only) for page in pages],
        }
    )


def as_json(data):
    """``data`` rendered as Ninja renders a response, without validating it again.

    Ninja validates what a view returns against the response schema, item by item and
    object by object, and dumps it back to the same dicts: for a list of 20 articles
    that costs more than building them. The page types build exactly their schema's
    fields (``api.shape``: one declaration gives both), and the tests check the
    responses against the OpenAPI document (``tests/test_api_schemathesis.py``)."""
    return HttpResponse(json.dumps(data, cls=NinjaJSONEncoder), content_type=JSON)


def _detail(request, response, page_type, queryset, page_id, params, images):
    """The live page; with a preview token for this very page, its latest draft."""
    check_query(request, _allowed(DetailParams, ImageParams))
    granted = grant(params.preview_token)
    preview = granted_draft(granted, page_id, response, page_type.model)
    if preview is not None:
        ctx = Context(request, [preview], renditions=images.specs(), preview=True)
        return page_type.detail(preview, ctx)
    page = get_object_or_404(with_translation_flag(queryset), pk=page_id)
    ctx = Context(request, [page], renditions=images.specs())
    return as_json(page_type.detail(page, ctx))


@news_router.get(
    "/",
    response={200: schemas.NewsList, **problems(422)},
    exclude_unset=True,  # fields not asked for with `fields=` are absent, not null
    url_name="news_list",
    operation_id="news_list",
    summary="List news articles",
)
def list_news(
    request,
    filters: NewsFilters = Query(...),  # noqa: B008
    paging: PageParams = Query(...),  # noqa: B008
    images: ImageParams = Query(...),  # noqa: B008
    fields: FieldParams = Query(...),  # noqa: B008
):
    """Newest first (or best match first with `search`)."""
    queryset = news_queryset(images.specs())
    return _listing(request, schemas.News, queryset, filters, paging, images, fields)


@news_router.get(
    "/{page_id}/",
    response={200: schemas.NewsDetail, **problems(401, 404, 422)},
    url_name="news_detail",
    operation_id="news_detail",
    summary="News article detail",
)
def get_news(
    request,
    response: HttpResponse,
    page_id: int,
    params: DetailParams = Query(...),  # noqa: B008
    images: ImageParams = Query(...),  # noqa: B008
):
    queryset = news_queryset(images.specs())
    return _detail(request, response, schemas.News, queryset, page_id, params, images)


@events_router.get(
    "/",
    response={200: schemas.EventList, **problems(422)},
    exclude_unset=True,  # fields not asked for with `fields=` are absent, not null
    url_name="events_list",
    operation_id="events_list",
    summary="List events",
)
def list_events(
    request,
    filters: EventFilters = Query(...),  # noqa: B008
    paging: PageParams = Query(...),  # noqa: B008
    images: ImageParams = Query(...),  # noqa: B008
    fields: FieldParams = Query(...),  # noqa: B008
):
    """By first session (or next session with `upcoming=true`); sessions nested."""
    queryset = event_queryset(images.specs())
    return _listing(request, schemas.Event, queryset, filters, paging, images, fields)


@events_router.get(
    "/{page_id}/",
    response={200: schemas.EventDetail, **problems(401, 404, 422)},
    url_name="events_detail",
    operation_id="events_detail",
    summary="Event detail",
)
def get_event(
    request,
    response: HttpResponse,
    page_id: int,
    params: DetailParams = Query(...),  # noqa: B008
    images: ImageParams = Query(...),  # noqa: B008
):
    queryset = event_queryset(images.specs())
    return _detail(request, response, schemas.Event, queryset, page_id, params, images)


@regions_router.get(
    "/",
    response={200: schemas.RegionList, **problems(422)},
    exclude_unset=True,  # fields not asked for with `fields=` are absent, not null
    url_name="regions_list",
    operation_id="regions_list",
    summary="List region pages",
)
def list_regions(
    request,
    filters: RegionFilters = Query(...),  # noqa: B008
    paging: PageParams = Query(...),  # noqa: B008
    images: ImageParams = Query(...),  # noqa: B008
    fields: FieldParams = Query(...),  # noqa: B008
):
    """In the official order of the areas; contacts and networks nested."""
    queryset = region_queryset()
    return _listing(request, schemas.Region, queryset, filters, paging, images, fields)


@regions_router.get(
    "/{page_id}/",
    response={200: schemas.RegionDetail, **problems(401, 404, 422)},
    url_name="regions_detail",
    operation_id="regions_detail",
    summary="Region page detail",
)
def get_region(
    request,
    response: HttpResponse,
    page_id: int,
    params: DetailParams = Query(...),  # noqa: B008
    images: ImageParams = Query(...),  # noqa: B008
):
    queryset = region_queryset()
    return _detail(request, response, schemas.Region, queryset, page_id, params, images)
