"""A full rebuild on PostgreSQL: a fresh table, loaded without indexes, swapped in.

Upserting 100,000 rows into the live table makes PostgreSQL maintain its GIN and
RUM indexes row by row, which is most of a rebuild's time. Instead
(:func:`rebuild_table`):

1. take a session advisory lock (:data:`LOCK_KEY`): one full rebuild at a time,
   a second one stops at once with :class:`RebuildRunning`;
2. drop what an interrupted rebuild left behind (:func:`drop_leftovers`);
3. log changes to the live table: an ``AFTER`` row trigger on
   ``search_searchentry`` writes the page id of every insert, update and delete
   (the publish, unpublish and delete signals, a partial rebuild) into
   ``search_rebuild_changes``, in the writer's own transaction;
4. create ``search_searchentry_rebuild`` like the live table (columns, defaults,
   identity, check constraints; no index, no foreign key) and ``COPY`` every live
   page's entry into it, batch by batch, the analysis running in worker
   processes (:data:`WORKERS`) while the main process reads pages and loads;
5. ``VACUUM ANALYZE`` it (statistics for the idf of ``search.engine``), then build
   each index and unique/primary key the live table has (read from the catalog:
   migrations' and Django's alike) under temporary names, with
   ``maintenance_work_mem`` raised to :data:`MAINTENANCE_WORK_MEM`;
6. swap, in one short transaction: lock the live table against writers, replace
   the rows of the logged pages by the live table's (what the signals wrote
   since step 3), delete entries of pages that are not live any more, drop the
   live table, rename the new one, its indexes, constraints and identity sequence
   to the live names, and add the foreign key (``NOT VALID``, validated right
   after without blocking writers).

Search answers from the old table until the swap commits. A failure drops the new
table and the trigger, and leaves the old table as it was; a killed process leaves
them behind, and the next rebuild drops them first (step 2).
"""

import logging
import multiprocessing
import os
import time
from collections import deque

from django.db import OperationalError, connection, transaction
from django.utils import timezone

from . import engine
from .models import PendingIndexUpdate, SearchEntry

logger = logging.getLogger("search.index")

TABLE = SearchEntry._meta.db_table
NEW_TABLE = f"{TABLE}_rebuild"
CHANGES = "search_rebuild_changes"
TRIGGER = "search_rebuild_log"
PAGE_TABLE = "wagtailcore_page"
# The COPY columns: every column but the id (search.index.analyse gives their values).
COLUMNS = [field.attname for field in SearchEntry._meta.concrete_fields if not field.primary_key]
# pg_try_advisory_lock's key (any bigint; this one spells nothing in particular).
LOCK_KEY = 7_357_611_934_018_240_514
MAINTENANCE_WORK_MEM = "512MB"
# Analysis worker processes; 0 analyses in the main process.
WORKERS = min(os.cpu_count() or 1, 4)
# Batches analysed ahead of the load, per worker.
AHEAD = 2
# The swap waits this long for the live table's lock (searches and writers in
# flight), then tries again, up to SWAP_ATTEMPTS times, before giving up.
SWAP_LOCK_TIMEOUT = "5s"
SWAP_ATTEMPTS = 12


class RebuildRunning(Exception):
    """Another full rebuild holds the lock."""


def _add(timings, phase, seconds):
    """Add seconds to a phase of ``timings`` (read, analysis, load, indexes, swap ...)."""
    timings[phase] = timings.get(phase, 0.0) + seconds


def quote(name):
    return connection.ops.quote_name(name)


def _execute(sql, params=None):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else None


def lock_holder():
    """pid of the session holding the rebuild lock, or None."""
    rows = _execute(
        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
        "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND classid = %s AND objid = %s AND objsubid = 1",
        [(LOCK_KEY >> 32) & 0xFFFFFFFF, LOCK_KEY & 0xFFFFFFFF],
    )
    return rows[0][0] if rows else None


class rebuild_lock:
    """The session advisory lock of a full rebuild (context manager)."""

    def __enter__(self):
        if not _execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])[0][0]:
            holder = lock_holder()
            raise RebuildRunning(
                "A search index rebuild is already running"
                + (f" (database session pid {holder})" if holder else "")
                + "; wait for it to finish. The search keeps answering from the current index."
            )
        return self

    def __exit__(self, *exc):
        _execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        return False


def drop_leftovers():
    """Drop the new table, the change log and its trigger (an earlier rebuild's
    leftovers, or this one's after a failure)."""
    with transaction.atomic():
        _execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {TABLE}")
        _execute(f"DROP FUNCTION IF EXISTS {TRIGGER}()")
        _execute(f"DROP TABLE IF EXISTS {CHANGES}")
        _execute(f"DROP TABLE IF EXISTS {NEW_TABLE}")


def start_change_log():
    """From now on, every write to the live table logs its page id (committed with
    the write, so a publish racing the rebuild is never missed)."""
    with transaction.atomic():
        _execute(f"CREATE UNLOGGED TABLE {CHANGES} (page_id bigint NOT NULL)")
        _execute(
            f"""CREATE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN INSERT INTO {CHANGES} VALUES (OLD.page_id); END IF;
                IF TG_OP <> 'DELETE' THEN INSERT INTO {CHANGES} VALUES (NEW.page_id); END IF;
                RETURN NULL;
            END $$"""
        )
        _execute(
            f"CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON {TABLE} "
            f"FOR EACH ROW EXECUTE FUNCTION {TRIGGER}()"
        )


def create_table():
    with transaction.atomic():
        _execute(
            f"CREATE TABLE {NEW_TABLE} (LIKE {TABLE} INCLUDING DEFAULTS INCLUDING IDENTITY "
            "INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMPRESSION INCLUDING COMMENTS)"
        )


# --- loading ---------------------------------------------------------------


def analyse_batch(analyse, sources):
    """([COPY row], [page ids that failed]) of a batch of page sources, analysed by
    ``analyse`` (``search.index.analyse``); runs in a worker process (no database)."""
    rows, failed = [], []
    for source in sources:
        try:
            values, _document = analyse(source)
        except Exception:
            logger.exception("Analysing page %s failed", source[0])
            failed.append(source[0])
            continue
        rows.append(tuple(values[column] for column in COLUMNS))
    return rows, failed


def copy_rows(rows):
    if not rows:
        return
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {NEW_TABLE} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def _sources(specific, page_source, failed):
    sources = []
    for page in specific:
        try:
            sources.append(page_source(page))
        except Exception:
            logger.exception("Reading page %s for the search index failed", page.pk)
            failed.append(page.pk)
    return sources


def load(pages, indexer, progress, timings, workers):
    """COPY the entries of ``pages`` into the new table; (count, failed page ids)."""
    batches, page_source, analyse = indexer
    total = pages.count() if progress else 0
    count, failed = 0, []

    def write(result):
        nonlocal count
        rows, batch_failed = result
        start = time.perf_counter()
        copy_rows(rows)
        _add(timings, "load", time.perf_counter() - start)
        failed.extend(batch_failed)
        count += len(rows)
        if progress:
            progress(count, total)

    batches = batches(pages)
    if workers <= 0:
        for specific in _timed(batches, timings):
            start = time.perf_counter()
            result = analyse_batch(analyse, _sources(specific, page_source, failed))
            _add(timings, "analysis", time.perf_counter() - start)
            write(result)
        return count, failed
    # Fork: the workers inherit the loaded code and never touch the database
    # connection (they only analyse); they leave through os._exit.
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        queued = deque()
        for specific in _timed(batches, timings):
            sources = _sources(specific, page_source, failed)
            queued.append(pool.apply_async(analyse_batch, (analyse, sources)))
            while len(queued) > workers * AHEAD:
                write(_wait(queued.popleft(), timings))
        while queued:
            write(_wait(queued.popleft(), timings))
    return count, failed


def _timed(batches, timings):
    """The batches, the time spent reading them added to ``timings["read"]``."""
    iterator = iter(batches)
    while True:
        start = time.perf_counter()
        batch = next(iterator, None)
        _add(timings, "read", time.perf_counter() - start)
        if batch is None:
            return
        yield batch


def _wait(result, timings):
    start = time.perf_counter()
    value = result.get()
    _add(timings, "analysis wait", time.perf_counter() - start)
    return value


# --- indexes and swap ------------------------------------------------------


def live_indexes():
    """[(name, constraint type or None, definition)] of the live table's indexes:
    the constraint definition for primary keys and unique constraints, else the
    index's CREATE INDEX statement."""
    return _execute(
        """
        SELECT ic.relname, c.contype,
               CASE WHEN c.oid IS NULL THEN pg_get_indexdef(i.indexrelid)
                    ELSE pg_get_constraintdef(c.oid) END
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
             AND c.contype IN ('p', 'u', 'x')
        WHERE i.indrelid = %s::regclass
        ORDER BY ic.relname
        """,
        [TABLE],
    )


def foreign_keys():
    """[(name, definition)] of the live table's foreign keys."""
    return _execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname",
        [TABLE],
    )


def temporary_name(number):
    return f"{NEW_TABLE}_i{number}"


def build_indexes(indexes):
    """Build the live table's indexes on the new table, under temporary names."""
    _execute(f"SET maintenance_work_mem = '{MAINTENANCE_WORK_MEM}'")
    try:
        for number, (_name, kind, definition) in enumerate(indexes):
            temporary = temporary_name(number)
            if kind:
                sql = f"ALTER TABLE {NEW_TABLE} ADD CONSTRAINT {temporary} {definition}"
            else:
                head, _using, tail = definition.partition(" USING ")
                unique = "UNIQUE " if head.startswith("CREATE UNIQUE") else ""
                sql = f"CREATE {unique}INDEX {temporary} ON {NEW_TABLE} USING {tail}"
            with transaction.atomic():
                _execute(sql)
    finally:
        _execute("RESET maintenance_work_mem")


def _sequence(table):
    rows = _execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
    return rows[0][0] if rows else None


def swap(indexes, keys, started):
    """Carry over the changes since the start, put the new table in the live one's
    place under its names; in one transaction (retried when the lock waits too long)."""
    for attempt in range(1, SWAP_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                _swap(indexes, keys, started)
            return
        except OperationalError as exc:
            if "lock timeout" not in str(exc) or attempt == SWAP_ATTEMPTS:
                raise
            logger.warning("The search index swap waited too long for its lock; trying again")
            time.sleep(1)


def _swap(indexes, keys, started):
    columns = ", ".join(COLUMNS)
    _execute(f"SET LOCAL lock_timeout = '{SWAP_LOCK_TIMEOUT}'")
    # Writers wait from here on (searches go on until the DROP below).
    _execute(f"LOCK TABLE {TABLE} IN EXCLUSIVE MODE")
    changed = f"SELECT page_id FROM {CHANGES}"
    _execute(f"DELETE FROM {NEW_TABLE} WHERE page_id IN ({changed})")
    _execute(
        f"INSERT INTO {NEW_TABLE} ({columns}) SELECT {columns} FROM {TABLE} "
        f"WHERE page_id IN ({changed})"
    )
    _execute(
        f"DELETE FROM {NEW_TABLE} n WHERE NOT EXISTS (SELECT 1 FROM {PAGE_TABLE} p "
        "WHERE p.id = n.page_id AND p.live AND p.depth > 1)"
    )
    # Queued retries of pages this rebuild indexed (newer ones stay queued).
    _execute(
        f"DELETE FROM {PendingIndexUpdate._meta.db_table} WHERE updated_at < %s "
        f"AND page_id IN (SELECT page_id FROM {NEW_TABLE}) "
        f"AND page_id NOT IN ({changed})",
        [started],
    )
    old_sequence, new_sequence = _sequence(TABLE), _sequence(NEW_TABLE)
    # A table with pending deferred foreign key checks cannot be dropped: run them
    # now (there are only some when the swap runs inside a caller's transaction).
    _execute("SET CONSTRAINTS ALL IMMEDIATE")
    _execute(f"DROP TABLE {TABLE}")  # its trigger goes with it
    _execute("SET CONSTRAINTS ALL DEFERRED")  # Django's foreign keys are initially deferred
    _execute(f"DROP FUNCTION {TRIGGER}()")
    _execute(f"DROP TABLE {CHANGES}")
    _execute(f"ALTER TABLE {NEW_TABLE} RENAME TO {TABLE}")
    for number, (name, kind, _definition) in enumerate(indexes):
        if kind:  # renames its index too
            _execute(
                f"ALTER TABLE {TABLE} RENAME CONSTRAINT {temporary_name(number)} TO {quote(name)}"
            )
        else:
            _execute(f"ALTER INDEX {temporary_name(number)} RENAME TO {quote(name)}")
    if old_sequence and new_sequence:
        _execute(f"ALTER SEQUENCE {new_sequence} RENAME TO {quote(old_sequence.split('.')[-1])}")
    for name, definition in keys:
        _execute(f"ALTER TABLE {TABLE} ADD CONSTRAINT {quote(name)} {definition} NOT VALID")


def validate_keys(keys):
    """Validate the foreign keys added NOT VALID by the swap (no lock that stops writers)."""
    for name, _definition in keys:
        with transaction.atomic():
            _execute(f"ALTER TABLE {TABLE} VALIDATE CONSTRAINT {quote(name)}")


def rebuild_table(pages, indexer, progress=None, timings=None, workers=None):
    """Rebuild the whole index into a new table and swap it in (see the module
    docstring); returns (the number of pages indexed, ids of pages whose analysis
    failed: their old entries stay). ``indexer``: (``specific_batches``,
    ``page_source``, ``analyse``) of ``search.index``. Raises
    :class:`RebuildRunning` when another full rebuild holds the lock.

    Inside a transaction (tests) every step runs in it, in a savepoint that a
    failure rolls back; otherwise each step commits on its own."""
    timings = {} if timings is None else timings
    workers = WORKERS if workers is None else workers
    workers = workers if workers > 1 else 0
    begin = time.perf_counter()
    with rebuild_lock():
        atomic = connection.in_atomic_block
        if atomic:
            with transaction.atomic():
                result = _rebuild(pages, indexer, progress, timings, workers, vacuum=False)
        else:
            try:
                result = _rebuild(pages, indexer, progress, timings, workers, vacuum=True)
            except BaseException:
                logger.exception("The search index rebuild failed; the current index stays")
                try:
                    drop_leftovers()
                except Exception:
                    logger.exception("Dropping the unfinished rebuild table failed")
                raise
    engine.forget_rum()
    timings["total"] = time.perf_counter() - begin
    return result


def _rebuild(pages, indexer, progress, timings, workers, vacuum):
    started = timezone.now()
    drop_leftovers()
    start_change_log()
    create_table()
    indexes, keys = live_indexes(), foreign_keys()
    count, failed = load(pages, indexer, progress, timings, workers)
    if failed:  # their entries stay as they were (carried over like changed pages)
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {CHANGES} VALUES (%s)", [(pk,) for pk in failed])
    start = time.perf_counter()
    _execute(f"{'VACUUM ' if vacuum else ''}ANALYZE {NEW_TABLE}")
    _add(timings, "analyze", time.perf_counter() - start)
    start = time.perf_counter()
    build_indexes(indexes)
    _add(timings, "indexes", time.perf_counter() - start)
    start = time.perf_counter()
    swap(indexes, keys, started)
    _add(timings, "swap", time.perf_counter() - start)
    start = time.perf_counter()
    validate_keys(keys)
    _add(timings, "validate", time.perf_counter() - start)
    return count, failed
