"""What belongs to a region or a keyword, and what of it the public may see.

Every surface that lists pages (the HTML listings and region pages, the keyword
page, the search page's filters, the API's filters, feeds and calendars) narrows
its querysets with these functions, so that "news about region R" or "events
tagged K" means the same everywhere:

- visible: ``kumppanuus.visibility.visible`` (live, public, unexpired);
- in a region: about the region (the page's ``regions``) or published under one
  of the region's own pages (a region page and the listings below it);
- tagged: carries one of the keywords (the page's ``keywords``).

The ground package knows no app's models, so callers pass ids and tree paths
(``regions.querysets.in_regions`` resolves a region's page paths). A queryset of
a concrete page type is filtered on its own fields; a queryset of ``Page`` (the
search page's, any type) on those of every page type that has the field.
"""

import operator
from functools import reduce

from django.apps import apps
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.expressions import RawSQL
from wagtail.models import Page

from kumppanuus.visibility import visible

__all__ = [
    "in_language",
    "in_regions",
    "kept_exists",
    "prefetch_list",
    "prefetched",
    "row_check",
    "tagged",
    "visible",
]


def in_language(queryset, language):
    """Pages of ``queryset`` in the language whose code is ``language``."""
    return queryset.filter(locale__language_code=language)


def in_regions(queryset, region_ids, region_paths):
    """Pages about any of the regions ``region_ids`` or under any of the tree paths
    ``region_paths`` (the regions' own pages, in every language: a page lives in
    its parent's language, so each language's region page holds that language's)."""
    under = [Q(path__startswith=path) for path in region_paths]
    return _matching(queryset, "regions", region_ids, extra=under)


def tagged(queryset, keyword_ids):
    """Pages of ``queryset`` that carry any of the keywords ``keyword_ids``."""
    return _matching(queryset, "keywords", keyword_ids)


def prefetch_list(name, queryset=None):
    """Prefetch the related objects ``name`` into a plain list (read with ``prefetched``).

    Prefetching into the relation's own manager makes Django build that manager's
    queryset once per object only to hold the rows, and a keyword manager's costs
    about 2 ms (django-taggit builds its whole tag query): 40 ms for a list of 20
    articles. Into a list it builds none."""
    return Prefetch(name, queryset=queryset, to_attr=f"{name}_prefetched")


def prefetched(obj, name):
    """The objects of ``obj``'s relation ``name``: the list ``prefetch_list`` filled,
    else the relation itself (one query)."""
    rows = obj.__dict__.get(f"{name}_prefetched")
    return rows if rows is not None else getattr(obj, name).all()


def row_check(pages, column):
    """(SQL, params): ``EXISTS`` the page whose id is in ``column`` (a column of the
    outer query's row, e.g. ``e.page_id``) among ``pages``, checked row by row.

    On PostgreSQL ``OFFSET 0`` keeps it from becoming a join: a semi-join would hash
    every page of ``pages`` (linear in the site) and lose the outer read's index
    order; as a check it costs one primary-key probe for each row read. (SQLite has
    no OFFSET without LIMIT and checks a correlated EXISTS per row anyway.)"""
    # ``column`` is one of our own column names, never input.
    correlated = pages.order_by().filter(pk=RawSQL(column, ())).values("pk")  # noqa: S611
    try:
        sql, params = correlated.query.sql_with_params()
    except EmptyResultSet:  # a filter that can keep nothing (``pk__in=[]``): no row
        return "FALSE", []
    return kept_exists(sql, pages.db), list(params)


def kept_exists(sql, db):
    """``EXISTS (sql)`` kept as a check per outer row: ``OFFSET 0`` on PostgreSQL stops
    the planner from turning it into a (hashing) semi-join (see ``row_check``)."""
    keep = " OFFSET 0" if connections[db].vendor == "postgresql" else ""
    return f"EXISTS ({sql}{keep})"


def _matching(queryset, field, ids, extra=()):
    """``queryset`` narrowed to pages whose ``field`` holds one of ``ids``, or that
    match one of the ``extra`` conditions. Subqueries rather than joins: a page with
    two matching regions is listed once, with no ``distinct()`` to upset ordering.

    The subquery is a correlated ``EXISTS`` (this page's own rows), not ``pk IN
    (every tagged page)``: a listing ordered by date then reads the date index
    newest first and stops once its page is full, checking each row with one index
    probe. With ``IN`` PostgreSQL hashed all the region's or keyword's pages and
    joined the whole archive before sorting (a region page's latest news: 757 ms at
    100,000 articles, against 35 ms)."""
    ids = list(ids)
    conditions = list(extra)
    if ids:
        for model in _models_with(queryset.model, field):
            own = model.objects.filter(pk=OuterRef("pk"), **{f"{field}__in": ids})
            conditions.append(Exists(own))
    if not conditions:
        return queryset.none()
    return queryset.filter(reduce(operator.or_, conditions))


def _models_with(model, field):
    """``model`` itself when it has ``field``, else its concrete page subclasses that do."""
    if _has_field(model, field):
        return [model]
    return [
        candidate
        for candidate in apps.get_models()
        if issubclass(candidate, model) and issubclass(candidate, Page)
        if _has_field(candidate, field)
    ]


def _has_field(model, name):
    return any(field.name == name for field in model._meta.get_fields())
