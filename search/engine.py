"""The index engines: the database's own full-text search fed with our analysis.

The analysis (``search.analysis``) turns a page into terms in Python, once, at
indexing time; retrieval, ranking and top-k run in the database:

- **PostgreSQL**: ``SearchEntry.vector``, a weighted ``tsvector`` of the
  analysed terms (no dictionary runs in the database: the lexemes are already
  base forms and compound parts, as with the ``simple`` configuration) with a
  GIN index. A query is a ``tsquery`` of the analysed query terms; the score is
  ``ts_rank`` per query word times the word's rarity, in SQL, with ``LIMIT``.
- **SQLite** (the embedded default): an FTS5 table ``search_fts`` (rowid = page
  id, one column per field group and term kind), ranked by ``bm25`` with column
  weights, per query word, in SQL.

Weights. A term's weight comes from its field group (title and keywords 4,
lead 2, body 1) and its kind (a whole word or base form 1, a compound part
0.6, the word a derived word comes from 0.4). In a ``tsvector`` these are the
weight labels: A (title, whole), B (title part; lead whole), C (lead part; body
whole; title related), D (body part; related). In FTS5 they are columns.

Ranking (both engines, the ideas of the hand-made engine it replaces): every
query word scores its best match: its whole or base forms fully, its own
compound parts and related words half; the word's rarity (BM25's idf) scales
it; the sum is scaled by the square of the share of query words matched (a page
matching all words first); equal scores go to the more recent page.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection

from kumppanuus.listings import row_check

from .models import SearchEntry

# Field group by field weight (search.index.FIELD_WEIGHTS).
GROUP_A, GROUP_B, GROUP_C = "a", "b", "c"
FULL, LOOSE, RELATED = "full", "loose", "related"
PG_LABELS = {
    (GROUP_A, FULL): "A",
    (GROUP_A, LOOSE): "B",
    (GROUP_A, RELATED): "C",
    (GROUP_B, FULL): "B",
    (GROUP_B, LOOSE): "C",
    (GROUP_B, RELATED): "D",
    (GROUP_C, FULL): "C",
    (GROUP_C, LOOSE): "D",
    (GROUP_C, RELATED): "D",
}
LABEL_ORDER = "ABCD"
# ts_rank's weights, in its order {D, C, B, A}: 0.6, 1, 2, 4 scaled to A = 1.
PG_WEIGHTS = "{0.15, 0.25, 0.5, 1.0}"
# ts_rank normalisation: 1 = divide by 1 + log(document length).
PG_NORMALIZATION = 1
FTS_COLUMNS = ("a_full", "a_loose", "b_full", "b_loose", "c_full", "c_loose")
FTS_WEIGHTS = (4.0, 2.4, 2.0, 1.2, 1.0, 0.6)
LOOSE_FACTOR = 0.5
MAX_POSITION = 16_383  # PostgreSQL's limit for a tsvector position
MAX_POSITIONS_PER_LEXEME = 255
MAX_RESULTS = 1_000  # ranked results a query returns at most (and the count's cap)
FTS_TABLE = "search_fts"


def group_of(field_weight):
    if field_weight >= 4:
        return GROUP_A
    if field_weight >= 2:
        return GROUP_B
    return GROUP_C


@dataclass
class Document:
    """A page's analysed terms, ready for either engine."""

    # term -> {position: best label}
    postings: dict = field(default_factory=dict)
    # FTS5 column -> terms (one per occurrence)
    columns: dict = field(default_factory=lambda: {name: [] for name in FTS_COLUMNS})
    words: int = 0

    def add(self, term, position, group, kind):
        label = PG_LABELS[(group, kind)]
        positions = self.postings.setdefault(term, {})
        if len(positions) < MAX_POSITIONS_PER_LEXEME or position in positions:
            old = positions.get(position)
            if old is None or label < old:  # "A" < "B" < "C" < "D": the stronger label
                positions[position] = label
        column = f"{group}_{'full' if kind == FULL else 'loose'}"
        self.columns[column].append(term)

    def tsvector(self):
        """The tsvector literal: 'term':1A,5C ..."""
        items = []
        for term, positions in self.postings.items():
            spots = ",".join(f"{pos}{label}" for pos, label in sorted(positions.items()))
            items.append(f"{quote(term)}:{spots}")
        return " ".join(items)

    def head_tsvector(self, labels):
        """The stripped tsvector literal (terms only) of the terms that have a position
        labelled one of ``labels``: what ``strip(ts_filter(vector, labels))`` gives."""
        terms = sorted(
            t for t, positions in self.postings.items() if set(positions.values()) & set(labels)
        )
        return " ".join(quote(t) for t in terms)

    def fts_values(self):
        return [" ".join(self.columns[name]) for name in FTS_COLUMNS]


def quote(term):
    """A lexeme quoted for tsvector/tsquery input."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def fts_quote(term):
    return '"' + term.replace('"', '""') + '"'


def build_document(chunks, analyzer, max_term_length=100):
    """Analyse a page's (field name, weight, text) chunks into a :class:`Document`."""
    document = Document()
    position = 0
    for _name, field_weight, text in chunks:
        group = group_of(field_weight)
        for word in analyzer.analyze(text):
            position = min(position + 1, MAX_POSITION)
            document.words += 1
            for term, kind in _word_postings(word, max_term_length):
                document.add(term, position, group, kind)
    return document


@lru_cache(maxsize=100_000)
def _word_postings(word, max_term_length):
    """((term, kind), ...) of one analysed word: a pure function, computed once per
    distinct word (a rebuild meets the same words on every page)."""
    full = word.full
    loose = (word.parts | word.singles) - full
    related = word.related - full - word.parts - word.singles
    return tuple(
        (term[:max_term_length], kind)
        for terms, kind in ((full, FULL), (loose, LOOSE), (related, RELATED))
        for term in sorted(terms)
    )


# --- writing ---------------------------------------------------------------


def ensure_fts_table(cursor=None):
    """Create the SQLite FTS5 table when missing (databases made without migrations)."""
    if connection.vendor != "sqlite":
        return
    if cursor is None and connection.connection is not None:
        if getattr(connection, "_search_fts_ready", None) is connection.connection:
            return  # already made on this database connection
    columns = ", ".join(FTS_COLUMNS)
    sql = (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        f"{columns}, tokenize = 'unicode61 remove_diacritics 0')"
    )
    if cursor is None:
        with connection.cursor() as own:
            own.execute(sql)
    else:
        cursor.execute(sql)
    connection._search_fts_ready = connection.connection


def write_fts(rows):
    """[(page_id, Document)] into the SQLite FTS5 table (replacing old rows)."""
    if connection.vendor != "sqlite" or not rows:
        return
    with connection.cursor() as cursor:
        ensure_fts_table(cursor)
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(pk,) for pk, _ in rows])
        placeholders = ", ".join(["%s"] * (len(FTS_COLUMNS) + 1))
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(FTS_COLUMNS)}) VALUES ({placeholders})",
            [(pk, *document.fts_values()) for pk, document in rows],
        )


def delete_fts(page_ids):
    if connection.vendor != "sqlite":
        return
    page_ids = list(page_ids)
    with connection.cursor() as cursor:
        ensure_fts_table(cursor)
        if page_ids:
            cursor.executemany(
                f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(pk,) for pk in page_ids]
            )


def prune_fts():
    """Drop FTS rows without an index entry (after bulk deletes)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        ensure_fts_table(cursor)
        cursor.execute(
            f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN "
            f"(SELECT page_id FROM {SearchEntry._meta.db_table})"
        )


# --- querying --------------------------------------------------------------


@dataclass(frozen=True)
class QueryWord:
    full: tuple
    loose: tuple


def query_words(words):
    """The analysed query words as (whole terms, own parts and related terms)."""
    result = []
    for word in words:
        full = tuple(sorted(word.full))
        loose = tuple(sorted((word.parts | word.singles | word.related) - word.full))
        if full:
            result.append(QueryWord(full, loose))
    return result


def _candidates_sql(candidates):
    try:
        sql, params = candidates.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # a filter that can keep nothing (``pk__in=[]``): no page
        return "SELECT NULL WHERE 1 = 0", []
    return sql, list(params)


def _candidate_check(candidates, column="e.page_id"):
    """(SQL, params): the row's page among ``candidates``, one primary-key probe per
    row the retrieval reads (``kumppanuus.listings.row_check``)."""
    return row_check(candidates, column)


def _language(language, prefix=""):
    """(SQL, params) of the language condition, "" for every language; ends with AND."""
    if language is None:
        return "", []
    return f"{prefix}language = %s AND", [language]


def _tsquery(terms):
    return " | ".join(quote(t) for t in terms)


RUM_INDEX = "search_entry_vector_rum"
GIN_INDEX = "search_entry_vector_gin"
# The head of a page's vector: its title and keyword terms (weight A) and, wider,
# with its lead and title parts (A and B), in narrow columns of their own (written
# with the vector; migration 0005), each with a GIN index, so the pages whose titles
# match every word come from the whole archive. Checking a row's head reads a few
# dozen terms kept in the row: ``ts_filter`` over the vector (migration 0004's
# expression indexes) unpacked each row's whole TOASTed vector, 15-75 µs a row.
HEAD_LABELS = "A"
LEAD_LABELS = "AB"
HEAD_VECTOR = "e.head"
LEAD_VECTOR = "e.lead"
HEAD_INDEX = "search_entry_head_gin"
LEAD_INDEX = "search_entry_lead_gin"
# Tiered pool (the default): each tier's newest pages re-ranked, up to this many per
# tier (at least the window asked for).
TIER_POOL = 200
# RUM pool (one-word queries where the index exists): the best by its own distance.
RUM_POOL = 200
POOL_MODES = ("tiered", "rum", "exhaustive")
# idf from PostgreSQL's statistics (``pg_stats``, kept by ANALYZE) for a table of
# at least this many rows; smaller tables (and terms too rare for the statistics)
# are counted exactly, which is cheap there.
STATS_MIN_ROWS = 5_000
RUM_CACHE_KEY = "search:postgres-rum:v1"
RUM_CACHE_SECONDS = 600


def rum_installed():
    """True when the RUM index exists (migration 0003 makes it where the ``rum``
    extension can be created). Remembered per database connection and, for new
    connections, in the shared cache for ten minutes: no query per search."""
    connection.ensure_connection()
    memo = getattr(connection, "_search_rum", None)
    if memo is not None and memo[0] is connection.connection:
        return memo[1]
    key = f"{RUM_CACHE_KEY}:{connection.settings_dict.get('NAME')}"
    present = cache.get(key)
    if present is None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [RUM_INDEX])
            present = bool(cursor.fetchone()[0])
        cache.set(key, present, RUM_CACHE_SECONDS)
    connection._search_rum = (connection.connection, present)
    return present


def forget_rum():
    """Drop the remembered answer of :func:`rum_installed` (after making or dropping
    the index)."""
    connection._search_rum = None
    cache.delete(f"{RUM_CACHE_KEY}:{connection.settings_dict.get('NAME')}")


def use_rum():
    """RUM may be used: ``SEARCH_POSTGRES_RUM = True`` asks for it (default False) and
    the index exists."""
    return getattr(settings, "SEARCH_POSTGRES_RUM", False) and rum_installed()


def pool_mode(words):
    """How PostgreSQL search makes the candidate pool of a query: ``tiered`` (the
    default), or ``rum`` for one word where ``SEARCH_POSTGRES_RUM`` asks for it. At
    100,000 articles the tiered pool measured 0.03-0.22 x stock Wagtail and grew at
    most 2.1 x from 10,000, with top tens closer to the exhaustive ranking; RUM, a
    little faster for rare words, grew 2.6 x for a common one (it scores every match
    inside the index), and for several words (an AND of OR-groups of their terms) it
    costs tens of microseconds per match: never used for them."""
    return "rum" if len(words) == 1 and use_rum() else "tiered"


def _all_words(words):
    """A tsquery matching pages with every query word (each word by any of its terms)."""
    return " & ".join(f"({_tsquery((*w.full, *w.loose))})" for w in words)


class PostgresEngine:
    """Retrieval in two steps, so a query's cost does not grow with its hits:

    1. a **pool** of candidates: with RUM, the ``RUM_POOL`` best by the index's
       ``<=>`` distance (top-k from the index, no heap access); without RUM
       (``SEARCH_POSTGRES_RUM = False``, or the extension missing), the
       ``RECENT_POOL`` most recent matching pages. With several words the pool is
       first the pages matching every word, topped up with pages matching some
       only when those are fewer than the pool's size;
    2. the pool is **re-ranked** with the full score (``ts_rank`` per word and
       kind, times the word's idf, times the square of the share of words
       matched), ``ORDER BY ... LIMIT`` in SQL.

    A window past the pool grows the pool to cover it (up to ``MAX_RESULTS``).
    The idf's document counts come from ``pg_stats`` on a large table (no count
    over the matches), exactly from the GIN index otherwise; all in one query."""

    table = SearchEntry._meta.db_table
    # A search narrowed to at most this many pages (``within``: a keyword's or
    # region's pages) reads them first: 5,000 entries by the primary key and sorted
    # by date take a few milliseconds; a region covers about 4,500 pages of 100,000.
    within_max = 5_000

    def _parts(self, words, language, candidates):
        all_terms = sorted({t for w in words for t in (*w.full, *w.loose)})
        cand_sql, cand_params = _candidate_check(candidates)
        lang_sql, lang_params = _language(language, "e.")
        where = f"{lang_sql} e.vector @@ %s::tsquery AND {cand_sql}"
        return where, [*lang_params, _tsquery(all_terms), *cand_params]

    def count(self, words, language, candidates, cap=MAX_RESULTS, within=None):
        where, params = self._parts(words, language, candidates)
        if within is not None:
            # Only the entries of those pages: their ids from the primary key, each
            # checked (the planner knows the list's length; see ``_pool``).
            where = f"e.page_id = ANY (%s::integer[]) AND {where}"
            params = [list(within), *params]
        sql = f"SELECT count(*) FROM (SELECT 1 FROM {self.table} e WHERE {where} LIMIT %s) x"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, cap])
            return cursor.fetchone()[0]

    def _pool(self, words, language, candidates, size, mode, within=None):
        """(SQL, params) of the WITH clauses ending in ``p``, the candidate pool's page
        ids (``candidates`` None: any page); ``mode`` one of ``POOL_MODES``.

        ``tiered``: disjoint tiers of the pages that match every word, each read
        newest first up to ``size``: every word's whole/base form in the title or
        keywords (``hf``), else in the title, keywords or lead (``hb``), else anywhere
        (``pf``), else by a compound part or related word (``pa``); with several
        words, the pages matching some only when those tiers found fewer than
        ``size`` in all (``po``). ``rum``: the best by the RUM index's distance.
        ``exhaustive``: every match (offline comparisons).

        ``within``: ids of at most a few thousand pages that hold every candidate (a
        filter's pages, ``search.filters.SearchFilterForm.filtered_ids``). The tiers
        then read those pages' entries first (``fe``: by the primary key, sorted
        newest first, a few milliseconds for 5,000) and test each tier's condition
        and the page check on them in that order until the tier is full, instead of
        reading the whole archive newest first for the few rows the filter keeps.
        The same rows in the same order, so the same pool; only fewer reads."""
        cand_sql, cand_params = _candidate_check(candidates) if candidates is not None else ("", [])
        cand_where = f" AND {cand_sql}" if candidates is not None else ""
        lang_sql, lang_params = _language(language, "e.")
        any_word = _tsquery(sorted({t for w in words for t in (*w.full, *w.loose)}))
        every = _all_words(words) if len(words) > 1 else any_word
        full = " & ".join(f"({_tsquery(w.full)})" for w in words)
        match = "e.vector @@ %s::tsquery"
        recent = "e.date DESC NULLS LAST, e.page_id DESC"
        rum_order = "e.vector <=> %s::tsquery"
        if mode == "exhaustive":
            tiers = [("po", match, [any_word], None, [])]
        elif mode == "rum":
            tiers = [("pa", match, [every], rum_order, [every])]
            if len(words) > 1:
                tiers.append(("po", match, [any_word], rum_order, [any_word]))
        else:
            head = f"{HEAD_VECTOR} @@ %s::tsquery"
            lead = f"{LEAD_VECTOR} @@ %s::tsquery"
            tiers = [
                ("hf", head, [full], recent, []),
                ("hb", lead, [full], recent, []),
                ("pf", match, [full], recent, []),
            ]
            if every != full:
                tiers.append(("pa", match, [every], recent, []))
            if len(words) > 1:
                tiers.append(("po", match, [any_word], recent, []))
        ctes, params = [], []
        if within is not None and mode == "tiered":
            # The vector stays in the sorted rows as a TOAST pointer: a tier unpacks
            # it (about 8 µs a row at 100,000 articles) only for the rows it tests.
            ctes.append(
                f"fe AS MATERIALIZED (SELECT e.page_id, e.date, e.head, e.lead, e.vector "
                f"FROM {self.table} e WHERE {lang_sql} e.page_id = ANY (%s::integer[]) "
                f"ORDER BY {recent})"
            )
            params += [*lang_params, list(within)]
        for name, condition, condition_params, order, order_params in tiers:
            if order == recent and within is not None:
                # ``fe`` is in date order: the first ``size`` rows that pass are the
                # tier's newest, exactly those of the read below.
                from_fe = f"SELECT e.page_id FROM fe e WHERE {condition}{cand_where} LIMIT %s"
                if condition != match:
                    ctes.append(f"{name} AS MATERIALIZED ({from_fe})")
                    params += [*condition_params, *cand_params, size]
                    continue
                # A body tier unpacks each vector it tests (TOASTed, ~12 µs): when its
                # words are rare, reading their matches from the GIN index (no
                # unpacking) and keeping the filter's ids is cheaper than testing
                # every entry of ``fe`` for the few that match. Chosen in the
                # statement from the idf counts (``s``), a one-time filter per branch.
                gate = self._rare_gate(words, name, len(within), size)
                from_gin = (
                    f"SELECT e.page_id FROM (SELECT e.page_id, e.date FROM {self.table} e "
                    f"WHERE {lang_sql} {condition} AND e.page_id + 0 = ANY (%s::integer[]) "
                    f"ORDER BY {order} OFFSET 0) e WHERE {gate}{cand_where} LIMIT %s"
                )
                ctes.append(
                    f"{name} AS MATERIALIZED (SELECT * FROM ({from_fe}) f WHERE NOT {gate} "
                    f"UNION ALL SELECT * FROM ({from_gin}) g)"
                )
                params += [*condition_params, *cand_params, size]
                params += [*lang_params, *condition_params, list(within), *cand_params, size]
                continue
            if order == recent:
                # The page check runs on the tier's rows in date order, outside the
                # read (OFFSET 0 keeps it out): read newest first, only the matches are
                # checked; read from the terms' GIN index and sorted, only the newest
                # until the tier is full, not every match.
                body = (
                    f"SELECT e.page_id FROM (SELECT e.page_id, e.date FROM {self.table} e "
                    f"WHERE {lang_sql} {condition} ORDER BY {order} OFFSET 0) e"
                    f"{' WHERE ' + cand_sql if candidates is not None else ''} LIMIT %s"
                )
            else:
                tail = f" ORDER BY {order} LIMIT %s" if order else ""
                body = (
                    f"SELECT e.page_id FROM {self.table} e WHERE {lang_sql} "
                    f"{condition}{cand_where}{tail}"
                )
            ctes.append(f"{name} AS MATERIALIZED ({body})")
            params += [*lang_params, *condition_params, *cand_params, *order_params]
            if order:
                params.append(size)
        first = [tier[0] for tier in tiers if tier[0] != "po"]
        union = " UNION ".join(f"SELECT page_id FROM {name}" for name in first or ["po"])
        if first and tiers[-1][0] == "po":
            # The any-word scan runs only when the others left room (a one-time filter).
            ctes.append(f"pe AS MATERIALIZED ({union})")
            ctes.append(
                "p AS (SELECT page_id FROM pe UNION SELECT page_id FROM po "
                "WHERE (SELECT count(*) FROM pe) < %s)"
            )
            params.append(size)
        else:
            ctes.append(f"p AS ({union})")
        return ", ".join(ctes), params

    @staticmethod
    def _rare_gate(words, tier, ids, size):
        """SQL: true when the matches of ``tier``'s condition are few enough to read
        from the GIN index, from the idf counts of ``s`` (``_stats``). The estimated
        matches (every word's whole forms for ``pf``, each word by any term for
        ``pa``, any word for ``po``) cost about 1 µs each from the index; testing the
        filter's entries newest first costs about 12 µs for each of the ``ids``
        entries it reads until it holds ``size`` (the more matches, the sooner)."""

        def count(i, word):
            full = f"s.df{i}"
            return f"({full} + s.dl{i})" if word.loose and tier != "pf" else full

        counts = [count(i, word) for i, word in enumerate(words)]
        if tier == "po":
            estimate = " + ".join(counts)
        else:
            estimate = f"LEAST({', '.join(counts)})" if len(counts) > 1 else counts[0]
        # Never NULL (both branches would then drop the tier): unknown counts read fe.
        return (
            f"(SELECT COALESCE({estimate} < 12 * LEAST({ids}, {size} * s.n / "
            f"GREATEST({estimate}, 1)), false) FROM s)"
        )

    def _stats(self, words, language):
        """(SQL, params) of one row: n (pages of the language) and, per word and kind,
        d<kind><i> (pages with any of its terms). From ``pg_stats`` on a table of
        ``STATS_MIN_ROWS`` or more; the exact count where the statistics lack a term
        (COALESCE runs it only then)."""
        lang_sql, lang_params = _language(language)
        stats_of = (
            "FROM pg_stats WHERE schemaname = current_schema() "
            f"AND tablename = '{self.table}' AND NOT inherited"
        )
        base = f"""
            SELECT
              (SELECT CASE WHEN c.reltuples >= {STATS_MIN_ROWS} THEN c.reltuples END
               FROM pg_class c WHERE c.oid = '{self.table}'::regclass) AS total,
              (SELECT most_common_elems::text::text[] {stats_of} AND attname = 'vector')
                AS elems,
              (SELECT most_common_elem_freqs {stats_of} AND attname = 'vector') AS freqs,
              (SELECT most_common_vals::text::text[] {stats_of} AND attname = 'language')
                AS langs,
              (SELECT most_common_freqs {stats_of} AND attname = 'language') AS lang_freqs
        """
        if language is None:
            n_estimate, n_params = "g.total", []
        else:
            n_estimate = "g.total * g.lang_freqs[array_position(g.langs, %s::text)]"
            n_params = [language]
        columns = [
            f"COALESCE({n_estimate}, (SELECT count(*) FROM {self.table} "
            f"WHERE {lang_sql} TRUE)) AS n"
        ]
        params = [*n_params, *lang_params]
        for i, word in enumerate(words):
            for kind, terms in (("f", word.full), ("l", word.loose)):
                if not terms:
                    continue
                columns.append(
                    "COALESCE((SELECT g.total * max(g.freqs[array_position(g.elems, t)]) "
                    "FROM unnest(%s::text[]) t), "
                    f"(SELECT count(*) FROM {self.table} WHERE {lang_sql} "
                    f"vector @@ %s::tsquery)) AS d{kind}{i}"
                )
                params += [list(terms), *lang_params, _tsquery(terms)]
        sql = f"g AS MATERIALIZED ({base}), s AS MATERIALIZED (SELECT {', '.join(columns)} FROM g)"
        return sql, params

    def rank(
        self, words, language, candidates, offset=0, limit=MAX_RESULTS, pool=None, within=None
    ):
        pool = pool_mode(words) if pool is None else pool
        size = max(RUM_POOL if pool == "rum" else TIER_POOL, offset + limit)
        pool_sql, pool_params = self._pool(words, language, candidates, size, pool, within)
        stats_sql, stats_params = self._stats(words, language)
        scores, score_params = [], []
        for i, word in enumerate(words):
            parts = []
            for kind, terms, factor in (
                ("f", word.full, 1.0),
                ("l", word.loose, LOOSE_FACTOR),
            ):
                if not terms:
                    continue
                # The counts are over every language, n over one: a term more common
                # than the language's pages is as common as can be (idf near 0, never below).
                d = f"LEAST(s.d{kind}{i}, s.n)"
                idf = f"ln(1 + (s.n - {d} + 0.5) / ({d} + 0.5))"
                parts.append(
                    f"{factor * len(terms)} * {idf} * "
                    f"ts_rank(%s::float4[], m.v, %s::tsquery, {PG_NORMALIZATION})"
                )
                score_params += [PG_WEIGHTS, _tsquery(terms)]
            scores.append(
                f"GREATEST({', '.join(parts)}) AS w{i}" if len(parts) > 1 else f"{parts[0]} AS w{i}"
            )
        total = " + ".join(f"w{i}" for i in range(len(words)))
        matched = " + ".join(f"(w{i} > 0)::int" for i in range(len(words)))
        sql = f"""
            WITH {stats_sql},
            {pool_sql},
            m AS (
                SELECT e.page_id, e.date, e.vector || ''::tsvector AS v
                FROM {self.table} e WHERE e.page_id = ANY (ARRAY(SELECT page_id FROM p)) OFFSET 0
            ),
            w AS (SELECT m.page_id, m.date, {", ".join(scores)} FROM m, s OFFSET 0)
            SELECT page_id, ({total}) * power(({matched})::float / {len(words)}, 2) AS score
            FROM w
            ORDER BY score DESC, date DESC NULLS LAST, page_id DESC
            LIMIT %s OFFSET %s
        """
        with connection.cursor() as cursor:
            # The statement's estimated cost (the exact-count fallbacks of the idf,
            # never run on a large table) passes jit_above_cost: compiling it took
            # 300 ms at 100,000 articles, twice the search itself. Off for this
            # statement only (SET LOCAL in its own implicit transaction; one round trip).
            cursor.execute(
                f"SET LOCAL jit = off; {sql}",
                [*stats_params, *pool_params, *score_params, limit, offset],
            )
            cursor.nextset()
            return [(pk, float(score)) for pk, score in cursor.fetchall()]

    def explain(self, words, language, candidates=None, pool=None, within=None):
        """EXPLAIN of the retrieval step (the pool every search starts from)."""
        pool = pool_mode(words) if pool is None else pool
        size = RUM_POOL if pool == "rum" else TIER_POOL
        pool_sql, pool_params = self._pool(words, language, candidates, size, pool, within)
        if within is not None:  # the body tiers' choice reads the idf counts
            stats_sql, stats_params = self._stats(words, language)
            pool_sql, pool_params = f"{stats_sql}, {pool_sql}", [*stats_params, *pool_params]
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN WITH {pool_sql} SELECT page_id FROM p", pool_params)
            return "\n".join(row[0] for row in cursor.fetchall())


class SqliteEngine:
    table = SearchEntry._meta.db_table
    within_max = None  # FTS5 matches first: no filter's pages to read first

    def _match(self, terms):
        return " OR ".join(fts_quote(t) for t in terms)

    def _matches(self, words):
        """(WITH clause, UNION ALL of its branches, params): one bm25 branch per query
        word and kind. MATERIALIZED: bm25 only runs in the query that has the MATCH."""
        ctes, branches, params = [], [], []
        weights = ", ".join(str(w) for w in FTS_WEIGHTS)
        for i, word in enumerate(words):
            for terms, factor in ((word.full, 1.0), (word.loose, LOOSE_FACTOR)):
                if not terms:
                    continue
                name = f"b{len(ctes)}"
                ctes.append(
                    f"{name} AS MATERIALIZED (SELECT rowid AS page_id, {i} AS word, "
                    f"-{factor} * bm25({FTS_TABLE}, {weights}) AS s "
                    f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
                )
                branches.append(f"SELECT page_id, word, s FROM {name}")
                params.append(self._match(terms))
        return "WITH " + ", ".join(ctes), " UNION ALL ".join(branches), params

    def _scored(self, words, language, candidates):
        with_clause, union, params = self._matches(words)
        cand_sql, cand_params = _candidates_sql(candidates)
        coverage = f"(t.matched * 1.0 / {len(words)})"
        lang_sql, lang_params = _language(language, "e.")
        sql = f"""
            {with_clause}
            SELECT t.page_id, t.total * {coverage} * {coverage} AS score, e.date
            FROM (
                SELECT page_id, SUM(best) AS total, COUNT(*) AS matched FROM (
                    SELECT page_id, word, MAX(s) AS best FROM ({union}) GROUP BY page_id, word
                ) GROUP BY page_id
            ) t JOIN {self.table} e ON e.page_id = t.page_id
            WHERE {lang_sql} e.page_id IN ({cand_sql})
        """
        return sql, [*params, *lang_params, *cand_params]

    def count(self, words, language, candidates, cap=MAX_RESULTS, within=None):
        ensure_fts_table()
        terms = sorted({t for w in words for t in (*w.full, *w.loose)})
        cand_sql, cand_params = _candidates_sql(candidates)
        lang_sql, lang_params = _language(language, "e.")
        sql = f"""
            SELECT count(*) FROM (
                SELECT 1 FROM {FTS_TABLE} f JOIN {self.table} e ON e.page_id = f.rowid
                WHERE {FTS_TABLE} MATCH %s AND {lang_sql} e.page_id IN ({cand_sql})
                LIMIT %s
            )
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [self._match(terms), *lang_params, *cand_params, cap])
            return cursor.fetchone()[0]

    def rank(self, words, language, candidates, offset=0, limit=MAX_RESULTS, within=None):
        """``within`` (a hint of the pages that hold every candidate) is not needed:
        FTS5 matches first and checks the candidates of the matches."""
        ensure_fts_table()
        sql, params = self._scored(words, language, candidates)
        sql = (
            f"{sql} ORDER BY score DESC, e.date IS NULL, e.date DESC, t.page_id DESC "
            "LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit, offset])
            return [(row[0], float(row[1])) for row in cursor.fetchall()]


def engine():
    return PostgresEngine() if connection.vendor == "postgresql" else SqliteEngine()
