"""Wagtail's search backend, with pages on the project's own index.

Set in ``WAGTAILSEARCH_BACKENDS`` (``config/settings/base.py``)::

    {"default": {"BACKEND": "search.backend"}}

It is Wagtail's database backend for the database in use (PostgreSQL or SQLite)
with one difference: **pages** are not written to Wagtail's index table at all
(no second index, no work on every page save) and a page search (the admin's
page search and explorer, ``/api/v3/pages/?search=``, ``Page.objects.search()``)
runs on ``search.engine``, the same index, analysis and ranking as the public
search. Other models (images, documents, snippets, users) stay on the stock
index.

The page index holds what the public may find: live pages (the live version).
The admin also searches pages that were never published: those are matched by
title (``icontains``) and listed after the ranked ones.

For sites that outgrow one database, the same idea carries to Elasticsearch /
OpenSearch: index ``search.index.entry_for(page)``'s analysed terms as a
whitespace-analysed field per weight group (the analysis stays ours) and send
the analysed query terms; ``docs/search.md`` describes it.
"""

from django.db.models import QuerySet
from modelsearch.backends.base import BaseSearchResults, EmptySearchResults
from modelsearch.backends.database import SearchBackend as stock_backend
from modelsearch.query import MATCH_ALL, MatchAll
from wagtail.models import Page

from kumppanuus.language import current_language

from . import engine
from .analysis import analyzer_for
from .models import SearchEntry


def is_page_model(model):
    return isinstance(model, type) and issubclass(model, Page)


def query_text(query):
    """The words of a string or a modelsearch query object (Not(...) parts left out)."""
    if query is None or isinstance(query, MatchAll):
        return None
    if isinstance(query, str):
        return query
    if hasattr(query, "query_string"):
        return query.query_string
    texts = []
    for name in ("subqueries", "subquery"):
        value = getattr(query, name, None)
        if value is None:
            continue
        for sub in value if isinstance(value, (list, tuple)) else [value]:
            if type(sub).__name__ != "Not":
                texts.append(query_text(sub) or "")
    return " ".join(texts)


class PageSearchResults(BaseSearchResults):
    """Pages of a queryset ranked by ``search.engine``; drafts matched by title after them."""

    def __init__(self, backend, query_compiler, prefetch_related=None):
        super().__init__(backend, query_compiler, prefetch_related)
        self.queryset = query_compiler.queryset
        text = query_compiler.text
        language = current_language(None)
        words = analyzer_for(language).analyze_query(text or "")
        self.words = engine.query_words(words)
        self.text = (text or "").strip()
        self.order_by_relevance = query_compiler.order_by_relevance
        self.candidates = Page.objects.filter(pk__in=self.queryset.values("pk"))

    def _clone(self):
        new = super()._clone()
        return new

    def _ranked_count(self):
        if not self.words:
            return 0
        return engine.engine().count(self.words, None, self.candidates)

    def _unindexed(self):
        """Pages of the queryset not in the index (never published) whose title matches."""
        if not self.text:
            return self.queryset.none()
        indexed = SearchEntry.objects.values("page_id")
        return self.queryset.filter(title__icontains=self.text[:255]).exclude(pk__in=indexed)

    def _do_count(self):
        return self._ranked_count() + self._unindexed().count()

    def _do_search(self):
        start, stop = self.start, self.stop
        if not self.order_by_relevance:
            ids = self._ranked_ids(0, engine.MAX_RESULTS)
            pks = [pk for pk, _ in ids]
            matches = self.queryset.filter(pk__in=pks) | self._unindexed()
            window = matches[start:stop] if stop is not None else matches[start:]
            return list(window)
        ranked_total = self._ranked_count() if stop is None or stop > start else 0
        results = []
        if start < ranked_total:
            limit = (stop if stop is not None else ranked_total) - start
            chosen = self._ranked_ids(start, limit)
            by_id = {
                page.pk: page for page in self.queryset.filter(pk__in=[pk for pk, _ in chosen])
            }
            for pk, score in chosen:
                page = by_id.get(pk)
                if page is not None:
                    if self._score_field:
                        setattr(page, self._score_field, score)
                    results.append(page)
        extra_start = max(0, start - ranked_total)
        extra_stop = None if stop is None else max(0, stop - ranked_total)
        if extra_stop is None or extra_stop > extra_start:
            extra = self._unindexed().order_by("-latest_revision_created_at", "pk")
            window = (
                extra[extra_start:extra_stop] if extra_stop is not None else extra[extra_start:]
            )
            results.extend(window)
        return results

    def _ranked_ids(self, offset, limit):
        if not self.words:
            return []
        return engine.engine().rank(self.words, None, self.candidates, offset, limit)


class PageQuery:
    """The minimal query compiler ``BaseSearchResults`` needs."""

    def __init__(self, queryset, query, order_by_relevance=True):
        self.queryset = queryset
        self.query = query
        self.text = query_text(query)
        self.order_by_relevance = order_by_relevance


class KumppanuusBackendMixin:
    def add(self, obj):
        if isinstance(obj, Page):
            return None  # indexed by search.signals on publish
        return super().add(obj)

    def add_bulk(self, model, obj_list):
        if is_page_model(model):
            return None
        return super().add_bulk(model, obj_list)

    def delete(self, obj):
        if isinstance(obj, Page):
            return None  # search.signals removes deleted pages
        return super().delete(obj)

    def _page_search(self, query, model_or_queryset, order_by_relevance):
        if isinstance(model_or_queryset, QuerySet):
            queryset = model_or_queryset
        else:
            queryset = model_or_queryset.objects.all()
        if query is MATCH_ALL or isinstance(query, MatchAll) or query is None:
            return _AllResults(self, PageQuery(queryset, query, order_by_relevance))
        text = query_text(query)
        if not (text or "").strip():
            return EmptySearchResults()
        return PageSearchResults(self, PageQuery(queryset, query, order_by_relevance))

    def _model_of(self, model_or_queryset):
        if isinstance(model_or_queryset, QuerySet):
            return model_or_queryset.model
        return model_or_queryset

    def search(self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True):
        if is_page_model(self._model_of(model_or_queryset)):
            return self._page_search(query, model_or_queryset, order_by_relevance)
        return super().search(query, model_or_queryset, fields, operator, order_by_relevance)

    def autocomplete(
        self, query, model_or_queryset, fields=None, operator=None, order_by_relevance=True
    ):
        if is_page_model(self._model_of(model_or_queryset)):
            return self._page_search(query, model_or_queryset, order_by_relevance)
        return super().autocomplete(query, model_or_queryset, fields, operator, order_by_relevance)


class _AllResults(BaseSearchResults):
    """MATCH_ALL on pages: the queryset itself, in its order."""

    def _do_search(self):
        queryset = self.query_compiler.queryset
        return list(
            queryset[self.start : self.stop] if self.stop is not None else queryset[self.start :]
        )

    def _do_count(self):
        return self.query_compiler.queryset.count()


_classes = {}


def SearchBackend(params):  # noqa: N802 - Wagtail looks up this name
    """Wagtail's database backend for this database, with pages on ``search.engine``."""
    stock = stock_backend(params)
    base = type(stock)
    cls = _classes.get(base)
    if cls is None:
        cls = type(f"Kumppanuus{base.__name__}", (KumppanuusBackendMixin, base), {})
        _classes[base] = cls
    return cls(params)
