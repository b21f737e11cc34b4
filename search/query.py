"""The one search code path: the public search page and the API's `search` parameter.

Contract (kept stable for callers):

    search_pages(query, *, language=None, queryset=None) -> sequence of specific pages

- ``query``: the visitor's text, untrusted (any length, any characters).
- ``language``: "fi", "sv" or "en"; only pages of that locale are searched
  (default: the active language).
- ``queryset``: an optional Page queryset to restrict the candidates (filters
  the caller has already applied); only live, public pages are ever returned.
- ``within``: optional ids of at most a few thousand pages that hold every page
  of ``queryset`` (a selective filter's pages, read from its own table); the
  engine then reads those pages first instead of the archive newest first. Only a
  hint of where to look: the results are the same with or without it.
- Returns a sequence supporting ``len()`` and slicing, best match first.

How it ranks: the query is analysed like the pages (``search.analysis``) and
the database's full-text engine retrieves, scores and cuts the top k
(``search.engine``: PostgreSQL ``tsvector`` + GIN, SQLite FTS5). Every query
word scores its best match (whole or base form fully, its compound parts and
related words half) times its rarity; pages matching more of the query words
rank above pages matching fewer; equal scores go to the more recent page.
Results are capped at ``engine.MAX_RESULTS`` (``len()`` is a capped count).
"""

from collections.abc import Sequence

from wagtail.models import Page

from kumppanuus.language import current_language
from kumppanuus.visibility import visible

from . import engine
from .analysis import analyzer_for

MAX_QUERY_CHARS = 2_000


def visible_pages(queryset, language):
    """Live, public, unexpired pages of one locale (never drafts or restricted ones)."""
    pages = queryset if queryset is not None else Page.objects.all()
    if not hasattr(pages, "live"):
        pages = Page.objects.filter(pk__in=pages.values("pk"))
    return visible(pages).filter(locale__language_code=language)


class SearchResults(Sequence):
    """Ranked results, computed by the engine only for the slice asked for.

    ``len()`` is the number of matches, capped at ``engine.MAX_RESULTS`` (one
    cheap count); a slice ranks in SQL with ``LIMIT``/``OFFSET`` and loads only
    that slice's specific pages; ``page_ids`` ranks the first ``MAX_RESULTS``
    ids without loading pages."""

    def __init__(self, words=(), query_words=(), language="fi", candidates=None, within=None):
        self.words = list(words)  # engine.QueryWord
        self.query_words = list(query_words)  # analysis.WordTerms (for snippets)
        self.language = language
        self.candidates = candidates
        self.within = within
        self._count = None
        self._ids = None

    def __len__(self):
        if not self.words:
            return 0
        if self._count is None:
            if self._ids is not None:
                self._count = len(self._ids)
            elif self.within is not None and not self.within:
                self._count = 0  # the filter keeps no page
            else:
                self._count = engine.engine().count(
                    self.words, self.language, self.candidates, within=self.within
                )
        return self._count

    def ranked(self, offset=0, limit=engine.MAX_RESULTS):
        """[(page_id, score)] of one window, best first."""
        if not self.words or limit <= 0 or offset >= engine.MAX_RESULTS:
            return []
        limit = min(limit, engine.MAX_RESULTS - offset)
        if self._ids is not None:
            return self._ids[offset : offset + limit]
        if self.within is not None and not self.within:
            return []
        return engine.engine().rank(
            self.words, self.language, self.candidates, offset, limit, within=self.within
        )

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.start or 0, index.stop, index.step
            if start < 0 or (stop is not None and stop < 0) or step not in (None, 1):
                return list(self)[index]
            stop = engine.MAX_RESULTS if stop is None else stop
            chosen = self.ranked(start, stop - start)
            pages = Page.objects.filter(pk__in=[pk for pk, _ in chosen]).specific()
            by_id = {page.pk: page for page in pages}
            result = []
            for pk, score in chosen:
                page = by_id.get(pk)
                if page is not None:
                    page.search_score = score
                    result.append(page)
            return result
        if index < 0:
            index += len(self)
        items = self[index : index + 1] if index >= 0 else []
        if not items:
            raise IndexError(index)
        return items[0]

    def __iter__(self):
        for start in range(0, len(self), 100):
            yield from self[start : start + 100]

    @property
    def page_ids(self):
        """Ids of the ranked results (at most ``MAX_RESULTS``), best first; one query."""
        if self._ids is None:
            self._ids = self.ranked(0, engine.MAX_RESULTS)
        return [pk for pk, _ in self._ids]


def search_pages(query, *, language=None, queryset=None, within=None):
    language = current_language(language)
    query = (query or "")[:MAX_QUERY_CHARS]
    words = analyzer_for(language).analyze_query(query)
    compiled = engine.query_words(words)
    if not compiled:
        return SearchResults()
    candidates = visible_pages(queryset, language)
    if candidates.query.is_empty():
        # ``none()`` (a filter's unknown keyword): no SQL can be made of it.
        return SearchResults()
    return SearchResults(compiled, words, language, candidates, within=within)
