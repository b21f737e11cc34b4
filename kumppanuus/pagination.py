"""Page numbers for HTML listings (news, events, keyword pages, search results), and
counts that do not grow with the archive.

Counting every visible article of a large archive reads all of them (a join of
the page tree and the article table) on every request, for a number nobody
needs exactly. ``paginate`` therefore counts exactly only up to ``EXACT_UP_TO``
rows (``SELECT count(*) FROM (... LIMIT n)``, a bounded read); beyond that it
takes PostgreSQL's planner estimate (``EXPLAIN``, no rows read), shown as
"noin N". The page itself is read with one row more than it shows, so "next"
is exact even where the total is an estimate: a page past an underestimated
last page still links onwards, and a page number past an overestimated end
falls back to the real last page (one exact count, only then).

Listings order by an indexed key (e.g. news by ``date`` and ``id``, see
``news.migrations``), so a page is read from the index, not by sorting the archive.
The "next" and "previous" links carry a cursor (the keys of the last or first row
shown) and their page is a range read right after it. A page number typed by hand
(or an API ``offset``) is read in two steps (``rows_from``): the ordering keys alone
of the row just before the page, skipping ``offset - 1`` rows of a narrow read
(the keys come from the listing's index, index-only; a skipped row costs that
index entry and the look-up of its visibility in the page tree, no full row, no
related row, no wide column), then the page itself as a range read after those
keys, as a cursor would. The rows are those a plain ``OFFSET`` gives, one query
more than page 1 at any depth, at a fraction of the cost per skipped row.

A listing may name a narrower source of the same keys (``skip``: e.g. the news
listing mirror, ``news.models.listing``, whose one index holds the keys and every
visibility column, so a skipped row costs one index entry and no probe). Only the
keys come from it; the page itself is still read from the listing's queryset, so
the source can at worst shift a page, never show a row the listing would not.
"""

import json
import math

from django.core.exceptions import EmptyResultSet, ValidationError
from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import Q, QuerySet

from kumppanuus.visibility import request_memo

#: Counted exactly up to this many rows; above it the planner's estimate is used.
EXACT_UP_TO = 1000


def estimated_count(queryset):
    """(count, exact): exact up to ``EXACT_UP_TO``, else the planner's estimate
    (never less than ``EXACT_UP_TO + 1``). Without PostgreSQL, or for a list
    rather than a queryset, exact."""
    if not isinstance(queryset, QuerySet):
        return len(queryset), True
    try:
        sql, params = _key_sql(queryset)
    except EmptyResultSet:  # e.g. ``.none()``: an unknown keyword matches nothing
        return 0, True
    capped = capped_count(queryset, EXACT_UP_TO, compiled=(sql, params))
    if capped <= EXACT_UP_TO:
        return capped, True
    estimate = planner_rows(queryset, compiled=(sql, params))
    if estimate is None:
        return queryset.count(), True
    return max(estimate, capped), False


def _key_sql(queryset):
    """(SQL, params) of ``queryset``'s primary keys, unordered: what both counts read."""
    return queryset.order_by().values("pk").query.sql_with_params()


def capped_count(queryset, cap, compiled=None):
    """The number of rows of ``queryset``, counted up to ``cap + 1`` (a bounded read:
    ``cap + 1`` means "more than ``cap``").

    Within a GET/HEAD request the same count (the same SQL and parameters) is read
    once: an HTML listing's keyword filter (``news.models.Keyword.in_use``) counts the
    listing to choose its read, then the paginator counts the very same rows.
    ``compiled`` is ``_key_sql(queryset)`` when the caller has it already."""
    try:
        sql, params = compiled or _key_sql(queryset)
    except EmptyResultSet:
        return 0
    memo = request_memo()
    key = ("capped_count", queryset.db, cap, sql, repr(params))
    if memo is not None and key in memo:
        return memo[key]
    with connections[queryset.db].cursor() as cursor:
        # ``sql`` is Django's own compilation of the queryset; values stay parameters.
        count_sql = f"SELECT COUNT(*) FROM ({sql} LIMIT {int(cap) + 1}) capped"  # noqa: S608
        cursor.execute(count_sql, params)
        count = cursor.fetchone()[0]
    if memo is not None:
        memo[key] = count
    return count


def planner_rows(queryset, compiled=None):
    """The number of rows PostgreSQL's planner expects ``queryset`` to return, or None."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = compiled or _key_sql(queryset)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def rounded(number):
    """An estimate to two significant digits (12 345 → 12 000)."""
    if number < 100:
        return number
    digits = 10 ** (int(math.log10(number)) - 1)
    return int(round(number / digits) * digits)


class ListingPaginator(Paginator):
    """A ``Paginator`` whose ``count`` is exact for small sets and estimated for large
    ones (``count_is_estimate``); ``num_pages`` follows the count."""

    def __init__(self, object_list, per_page):
        super().__init__(object_list, per_page)
        self._count = None
        self.count_is_estimate = False

    @property
    def count(self):
        if self._count is None:
            count, exact = estimated_count(self.object_list)
            self._count = count if exact else rounded(count)
            self.count_is_estimate = not exact
        return self._count

    def exact(self):
        """Count exactly (only when an estimate proved wrong)."""
        self._count = (
            len(self.object_list)
            if not isinstance(self.object_list, QuerySet)
            else self.object_list.count()
        )
        self.count_is_estimate = False
        self.__dict__.pop("num_pages", None)


class ListingPage(Page):
    """A page of a listing that knows whether another page follows without a count."""

    def __init__(self, object_list, number, paginator, more):
        super().__init__(object_list, number, paginator)
        self.more = more
        self.next_cursor = self.previous_cursor = ""

    def set_cursors(self, keys):
        """Cursors for the "next" and "previous" links (``paginate``)."""
        if self.object_list:
            self.next_cursor = make_cursor(self.object_list[-1], keys)
            self.previous_cursor = make_cursor(self.object_list[0], keys)

    def has_next(self):
        return self.more

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        # Not validated against ``paginator.num_pages``: that may be an underestimate,
        # and this page (reached by "Seuraava" past the estimated end) has rows.
        return max(1, self.number - 1)

    @property
    def num_pages(self):
        """Pages in total as far as known: at least up to this one and the next."""
        return max(self.paginator.num_pages, self.number + (1 if self.more else 0))


def paginate(request, queryset, per_page, keys=None, skip=None):
    """A page of results; a malformed page number gives the first page, too large the last.

    ``keys`` is the listing's ordering as unique field names (e.g. ``("-date", "-pk")``,
    matching ``queryset``'s ``order_by``). With it, the "next" and "previous" links carry
    a cursor (``after`` / ``before``: the keys of the last / first item shown), and the
    page they lead to is read from the index right after the cursor: following the links
    to page 500 costs what page 1 costs. A page number without a cursor (typed by hand),
    or with a stale or malformed one, is read by ``rows_from``: the keys of the row
    before the page from a narrow read of the index (of ``skip`` when given), then the
    page after them.
    """
    paginator = ListingPaginator(queryset, per_page)
    try:
        number = int(request.GET.get("page", 1))
    except (TypeError, ValueError):
        number = 1
    paginator.count  # noqa: B018  (counted or estimated once, before reading the page)
    if number < 1:  # like Django's Paginator: out of range below is the last page too
        if paginator.count_is_estimate:
            paginator.exact()
        number = max(1, paginator.num_pages)
    if not paginator.count_is_estimate:
        number = min(number, max(1, paginator.num_pages))
    page = None
    if keys and number > 1:
        page = _page_at_cursor(request, paginator, number, keys)
    if page is None:
        page = _page(paginator, number, keys, skip)
    if page is None:  # past the end of an overestimate: count exactly, show the last page
        paginator.exact()
        page = _page(paginator, max(1, paginator.num_pages), keys, skip)
        page = page or ListingPage([], 1, paginator, False)
    if keys:
        page.set_cursors(keys)
    return page


def _page(paginator, number, keys=None, skip=None):
    offset = (number - 1) * paginator.per_page
    rows = rows_from(paginator.object_list, keys, offset, paginator.per_page + 1, skip)
    if not rows and number > 1:
        return None
    return ListingPage(
        rows[: paginator.per_page], number, paginator, len(rows) > paginator.per_page
    )


def _page_at_cursor(request, paginator, number, keys):
    for direction in ("after", "before"):
        values = parse_cursor(paginator.object_list.model, keys, request.GET.get(direction))
        if values is None:
            continue
        forward = direction == "after"
        queryset = beyond(paginator.object_list, keys, values, forward)
        if forward:
            rows = list(queryset[: paginator.per_page + 1])
            more = len(rows) > paginator.per_page
            rows = rows[: paginator.per_page]
        else:
            flipped = [key[1:] if key.startswith("-") else f"-{key}" for key in keys]
            rows = list(queryset.order_by(*flipped)[: paginator.per_page])[::-1]
            more = True
        if rows:
            return ListingPage(rows, number, paginator, more)
    return None


def rows_from(queryset, keys, offset, limit, skip=None):
    """``queryset[offset : offset + limit]`` as a list: the same rows, but with ``keys``
    (``queryset``'s ordering as unique field names) the skipped rows are read narrowly.

    The keys of the row before the first one wanted are read on their own (a query of
    only the ordering keys, which the listing's index holds, with the same filters),
    then the rows after them as a range read (``beyond``), as a cursor would. Without
    keys, for a list, or where a key is NULL (no range read can follow it), a plain
    slice.

    ``skip``, when given, is where those keys are read instead: a queryset of the same
    rows in the same order with fields named as ``keys`` (a narrower table that mirrors
    the listing). The rows returned always come from ``queryset``.
    """
    if not keys or offset < 1 or not isinstance(queryset, QuerySet):
        return list(queryset[offset : offset + limit])
    names = [key.lstrip("-") for key in keys]
    source = queryset.prefetch_related(None) if skip is None else skip
    before = source.values_list(*names).order_by(*keys)[offset - 1 : offset]
    values = next(iter(before), None)
    if values is None:
        return []
    if any(value is None for value in values):
        return list(queryset[offset : offset + limit])
    return list(beyond(queryset, keys, values)[:limit])


def beyond(queryset, keys, values, forward=True):
    """``queryset`` narrowed to the rows after (``forward``) or before the row whose
    ordering keys are ``values``: a range read of the index on ``keys``."""
    condition = Q()
    equal = {}
    for key, value in zip(keys, values, strict=True):
        name = key.lstrip("-")
        lookup = "lt" if key.startswith("-") == forward else "gt"
        condition |= Q(**equal, **{f"{name}__{lookup}": value})
        equal[name] = value
    first = keys[0].lstrip("-")
    bound = "lte" if keys[0].startswith("-") == forward else "gte"
    return queryset.filter(Q(**{f"{first}__{bound}": values[0]}), condition)


def make_cursor(obj, keys):
    return ",".join(_serialise(getattr(obj, key.lstrip("-"))) for key in keys)


def _serialise(value):
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def parse_cursor(model, keys, text):
    """The key values in ``text`` (from ``make_cursor``), or None when it is malformed."""
    if not text or len(text) > 200:
        return None
    parts = text.split(",")
    if len(parts) != len(keys):
        return None
    values = []
    for key, part in zip(keys, parts, strict=True):
        name = key.lstrip("-")
        field = model._meta.pk if name == "pk" else model._meta.get_field(name)
        try:
            value = field.to_python(part)
        except (ValidationError, ValueError, TypeError, OverflowError):
            return None
        if value is None:
            return None
        values.append(value)
    return values


def with_filter_status(request, response):
    """An unknown filter value answers 400 (the form explains why), never a 500."""
    if getattr(request, "listing_filter_invalid", False):
        response.status_code = 400
    return response
