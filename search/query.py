"""The one search code path: the public search page and the API's `search` parameter.

Contract (kept stable for callers):

    search_pages(query, *, language=None, queryset=None) -> sequence of specific pages

- ``query``: the visitor's text, untrusted (any length, any characters).
- ``language``: "fi", "sv" or "en"; only pages of that locale are searched
  (default: the active language).
- ``queryset``: an optional Page queryset to restrict the candidates (filters
  the caller has already applied); only live, public pages are ever returned.
- Returns a sequence supporting ``len()`` and slicing, best match first.

How it ranks: the query is analysed like the pages (``search.analysis``); for
every query word a page scores by its best match (BM25-style saturation times
the term's rarity): the word's whole form or base form counts fully, a run of
its compound parts a little less, its single parts half, the word it is
derived from ("rahoitus" <- "rahoittaa") less still. Pages matching more
of the query words rank above pages matching fewer; equal scores go to the more
recent page. Matching uses plain term rows, so PostgreSQL and SQLite behave the same.
"""

import math
from collections import defaultdict
from collections.abc import Sequence

from django.db.models import Avg, Count
from wagtail.models import Page

from kumppanuus.language import current_language
from kumppanuus.visibility import visible

from .analysis import analyzer_for
from .models import SearchEntry, SearchTerm

MAX_QUERY_CHARS = 2_000
K1 = 1.2
B = 0.4
RUN_FACTOR = 0.8
SINGLE_FACTOR = 0.5
RELATED_FACTOR = 0.4


def visible_pages(queryset, language):
    """Live, public, unexpired pages of one locale (never drafts or restricted ones)."""
    pages = queryset if queryset is not None else Page.objects.all()
    if not hasattr(pages, "live"):
        pages = Page.objects.filter(pk__in=pages.values("pk"))
    return visible(pages).filter(locale__language_code=language)


class SearchResults(Sequence):
    """Ranked page ids that become specific pages only when sliced (for pagination)."""

    def __init__(self, ranked=(), query_words=()):
        self.ranked = list(ranked)  # [(page_id, score)]
        self.query_words = list(query_words)

    def __len__(self):
        return len(self.ranked)

    def __getitem__(self, index):
        if isinstance(index, slice):
            chosen = self.ranked[index]
            pages = Page.objects.filter(pk__in=[pk for pk, _ in chosen]).specific()
            by_id = {page.pk: page for page in pages}
            result = []
            for pk, score in chosen:
                page = by_id.get(pk)
                if page is not None:
                    page.search_score = score
                    result.append(page)
            return result
        items = self[index : index + 1] if index >= 0 else self[len(self) + index :][:1]
        if not items:
            raise IndexError(index)
        return items[0]

    def __iter__(self):
        for start in range(0, len(self), 100):
            yield from self[start : start + 100]

    @property
    def page_ids(self):
        return [pk for pk, _ in self.ranked]


def _saturate(weight, length, avg_length):
    norm = 1 - B + B * (length / avg_length if avg_length else 1)
    return weight * (K1 + 1) / (weight + K1 * norm)


def rank(query_words, language, candidates):
    """[(page_id, score)] best first for analysed query words over candidate pages."""
    all_terms = set()
    for word in query_words:
        all_terms |= word.all_terms
    if not all_terms:
        return []
    rows = SearchTerm.objects.filter(
        language=language, term__in=all_terms, entry__page_id__in=candidates.values("pk")
    ).values_list("entry__page_id", "term", "weight")
    tf = defaultdict(dict)
    df = defaultdict(int)
    for page_id, term, weight in rows:
        tf[page_id][term] = weight
        df[term] += 1
    if not tf:
        return []
    stats = SearchEntry.objects.filter(language=language).aggregate(
        n=Count("id"), avg=Avg("length")
    )
    total = max(stats["n"] or 1, len(tf))
    idf = {t: math.log(1 + (total - n + 0.5) / (n + 0.5)) for t, n in df.items()}
    meta = dict(SearchEntry.objects.filter(page_id__in=tf.keys()).values_list("page_id", "length"))
    dates = dict(SearchEntry.objects.filter(page_id__in=tf.keys()).values_list("page_id", "date"))

    scored = []
    for page_id, terms in tf.items():
        length = meta.get(page_id, 0)

        def term_score(term, terms=terms, length=length):
            weight = terms.get(term)
            if not weight:
                return 0.0
            return _saturate(weight, length, stats["avg"]) * idf[term]

        total_score, matched = 0.0, 0
        for word in query_words:
            best = max((term_score(t) for t in word.full), default=0.0)
            runs = word.parts - word.singles
            if runs:
                best = max(best, RUN_FACTOR * max(term_score(t) for t in runs))
            if word.singles:
                singles = sum(term_score(t) for t in word.singles) / len(word.singles)
                best = max(best, SINGLE_FACTOR * singles)
            if word.related:
                best = max(best, RELATED_FACTOR * max(term_score(t) for t in word.related))
            if best > 0:
                matched += 1
                total_score += best
        if matched:
            coverage = matched / len(query_words)
            scored.append((page_id, total_score * coverage * coverage))
    ordinal = {pk: (d.toordinal() if d else 0) for pk, d in dates.items()}
    scored.sort(key=lambda item: (-round(item[1], 6), -ordinal.get(item[0], 0), -item[0]))
    return scored


def search_pages(query, *, language=None, queryset=None):
    language = current_language(language)
    query = (query or "")[:MAX_QUERY_CHARS]
    words = analyzer_for(language).analyze_query(query)
    if not words:
        return SearchResults()
    return SearchResults(rank(words, language, visible_pages(queryset, language)), words)
