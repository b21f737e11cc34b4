"""Limit/offset paging with the same envelope as v3 (``{"count", "items"}``).

Unlike v3's paginator (400 for a limit over ``WAGTAILAPI_LIMIT_MAX``), bounds
are part of the typed parameters, so a negative or huge limit or offset is a
422 naming the parameter, and an offset too large for PostgreSQL's bigint
never reaches the database.

Lists do not grow with the archive: ``count`` is exact up to 1,000 items and
PostgreSQL's estimate above (``count_estimated``); with ``search`` it is the number
of ranked ids the search already read (exact, no count query); and ``next`` links the following
page. In the default order (news: newest first) ``next`` carries a ``cursor`` (the
keys of the last item), and the page after it is a range read of the index, so
the 5,000th item costs what the first does; ``offset`` still works for any order,
and in the default order it skips the offset narrowly (``kumppanuus.pagination.rows_from``:
the ordering keys of the item before the page alone, then a range read after them;
filtered by nothing but language and dates, those keys come from the news listing
mirror, ``news.models.listing``).
"""

from django.conf import settings
from ninja import Field, Schema

from kumppanuus.pagination import beyond, estimated_count, make_cursor, parse_cursor, rows_from

from .errors import invalid

MAX_LIMIT = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 100) or 100
MAX_OFFSET = 1_000_000


class PageParams(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description=f"Items per page (1–{MAX_LIMIT}).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")
    cursor: str | None = Field(
        None,
        max_length=200,
        description="Continue after this item (the `cursor` in a list's `next` URL): "
        "constant cost at any depth, unlike `offset`. News in the default order and past "
        "events (`upcoming=false`) only, no `search`.",
    )

    def page(self, request, queryset, keys, count=None, skip=None):
        """(count, count is an estimate, items, next URL) of ``queryset``.

        ``keys`` is the queryset's ordering as unique field names when it is the
        default (index-backed) order, else None: with keys, ``next`` carries a cursor
        and reading the page is a range read of the index after it; without, an offset.
        ``count``, when the caller already knows it exactly (a search's ranked ids),
        saves the count query. ``skip``: where an offset reads the keys it skips
        (``rows_from``), when narrower than ``queryset``.
        """
        exact = True
        if count is None:
            count, exact = estimated_count(queryset)
        if self.cursor is not None:
            if keys is None:
                raise invalid("cursor", "cursor works only with the default order, no search.")
            if self.offset:
                raise invalid("offset", "Use either cursor or offset.")
            values = parse_cursor(queryset.model, keys, self.cursor)
            if values is None:
                raise invalid("cursor", "Malformed cursor: use the one in a list's `next` URL.")
            rows = list(beyond(queryset, keys, values)[: self.limit + 1])
        else:
            rows = rows_from(queryset, keys, self.offset, self.limit + 1, skip)
        items = rows[: self.limit]
        following = None
        if len(rows) > self.limit:
            query = request.GET.copy()
            query.pop("offset", None)
            query.pop("cursor", None)
            if keys:
                query["cursor"] = make_cursor(items[-1], keys)
            else:
                query["offset"] = str(self.offset + self.limit)
            following = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
        return count, not exact, items, following
