"""Indexing: a page's searchable text, analysed in its own language, into SearchEntry rows.

Which text and how much it weighs comes from the page type's own
``search_fields`` (the same declaration Wagtail uses), so new page types are
indexed without changes here. Title and keywords weigh most, lead-like fields
next, the body least. A whole compound or base form counts fully, a compound
part less, so an exact word outranks a compound that merely contains it.
"""

import logging

from django.db import transaction
from django.db.models import Manager
from django.utils import timezone
from django.utils.encoding import force_str
from wagtail.models import Page
from wagtail.search.index import AutocompleteField, RelatedFields, SearchField

from . import engine
from .analysis import analyzer_for
from .analysis.text import normalize
from .models import PendingIndexUpdate, SearchEntry
from .rebuild import rebuild_table

logger = logging.getLogger("search.index")

FIELD_WEIGHTS = {"title": 4.0, "keywords": 4.0, "lead": 2.0, "intro": 2.0}
DEFAULT_FIELD_WEIGHT = 1.0
MAX_TERM_LENGTH = 100
BATCH_SIZE = 500


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(_as_text(item) for item in value.values())
    if hasattr(value, "name") and not isinstance(value, str):  # a taggit keyword
        return force_str(value.name)
    # Rich text arrives as plain text already (Wagtail's get_searchable_content
    # strips tags and unescapes entities), so what is left is literal text.
    return force_str(value)


def _field_texts(obj, field):
    """(text) values of one search field, following RelatedFields."""
    if isinstance(field, SearchField):
        yield _as_text(field.get_value(obj))
    elif isinstance(field, RelatedFields):
        related = field.get_value(obj)
        if related is None:
            return
        if isinstance(related, Manager):
            # In key order: the same positions whether prefetched (rebuild) or not.
            objects = sorted(related.all(), key=lambda item: item.pk or 0)
        else:
            objects = [related]
        for item in objects:
            for sub_field in field.fields:
                if not isinstance(sub_field, AutocompleteField):
                    yield from _field_texts(item, sub_field)


def page_chunks(page):
    """[(field name, weight, text)] of a specific page, from its search_fields."""
    chunks = []
    seen = set()
    for field in page.get_search_fields():
        if isinstance(field, AutocompleteField) or field.field_name in seen:
            continue
        seen.add(field.field_name)
        weight = FIELD_WEIGHTS.get(field.field_name, DEFAULT_FIELD_WEIGHT)
        for text in _field_texts(page, field):
            if text.strip():
                chunks.append((field.field_name, weight, text))
    if "title" not in seen:
        chunks.insert(0, ("title", FIELD_WEIGHTS["title"], page.title))
    return chunks


def page_date(page):
    """The date a visitor knows the page by: article date, event start, else publication."""
    value = getattr(page, "date", None) or getattr(page, "starts_at", None)
    value = value or page.last_published_at or page.first_published_at
    if value is None:
        return None
    if hasattr(value, "tzinfo"):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def page_source(page):
    """What analysing a live, specific page needs, as plain (picklable) data:
    (page id, language, title, [(field name, weight, text)], date)."""
    return (page.pk, page.locale.language_code[:8], page.title, page_chunks(page), page_date(page))


def analyse(source, vector=True):
    """(the field values of its SearchEntry, Document) of a :func:`page_source`.
    Reads no database, so a worker process can run it (``search.rebuild``)."""
    page_id, language, title, chunks, date = source
    analyzer = analyzer_for(language)
    document = engine.build_document(chunks, analyzer, MAX_TERM_LENGTH)
    text = "\n".join(t for name, _w, t in chunks if name not in ("title", "keywords"))
    values = {
        "page_id": page_id,
        "language": language,
        "title": title[:255],
        "title_key": normalize(title)[:255],
        "text": text,
        "date": date,
        "length": document.words,
        "analyzer": analyzer.description[:40],
        "indexed_at": timezone.now(),
        "vector": document.tsvector() if vector else None,
        "head": document.head_tsvector(engine.HEAD_LABELS) if vector else None,
        "lead": document.head_tsvector(engine.LEAD_LABELS) if vector else None,
    }
    return values, document


def entry_for(page):
    """(unsaved SearchEntry with its vector, Document) of a live, specific page."""
    values, document = analyse(page_source(page), vector=_postgres())
    return SearchEntry(**values), document


def _postgres():
    from django.db import connection

    return connection.vendor == "postgresql"


ENTRY_FIELDS = [
    "language",
    "title",
    "title_key",
    "text",
    "date",
    "length",
    "analyzer",
    "indexed_at",
    "vector",
    "head",
    "lead",
]


def write_entries(pairs):
    """Upsert [(entry, document)] in one statement (and the FTS rows on SQLite)."""
    if not pairs:
        return
    SearchEntry.objects.bulk_create(
        [entry for entry, _ in pairs],
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=ENTRY_FIELDS,
        batch_size=BATCH_SIZE,
    )
    engine.write_fts([(entry.page_id, document) for entry, document in pairs])


def index_page(page):
    """Index one page (or remove it when it is not live). Raises on failure."""
    page = page.specific
    if not page.live or page.depth <= 1:  # the tree's root is not a page anyone visits
        remove_page(page.pk)
        return None
    entry, document = entry_for(page)
    with transaction.atomic():
        write_entries([(entry, document)])
        PendingIndexUpdate.objects.filter(page_id=page.pk).delete()
    return entry


def remove_page(page_id):
    SearchEntry.objects.filter(page_id=page_id).delete()
    engine.delete_fts([page_id])


def safe_index_page(page):
    """Index a page without ever raising: a failure is logged and queued for retry."""
    try:
        with transaction.atomic():
            index_page(page)
        return True
    except Exception as exc:
        logger.exception("Indexing page %s failed; queued for retry", page.pk)
        try:
            with transaction.atomic():
                pending, _ = PendingIndexUpdate.objects.get_or_create(page_id=page.pk)
                pending.attempts += 1
                pending.error = f"{exc.__class__.__name__}: {exc}"[:2000]
                pending.save()
        except Exception:
            logger.exception("Could not queue page %s for indexing", page.pk)
        return False


def process_pending(limit=None):
    """Retry queued pages; returns (done, failed)."""
    done = failed = 0
    queued = PendingIndexUpdate.objects.order_by("updated_at")
    if limit:
        queued = queued[:limit]
    for pending in list(queued):
        page = Page.objects.filter(pk=pending.page_id).first()
        if page is None:
            remove_page(pending.page_id)
            pending.delete()
            done += 1
        elif safe_index_page(page):
            done += 1
        else:
            failed += 1
    return done, failed


def indexing_queryset(model, queryset=None):
    """``model``'s pages with what indexing reads loaded in bulk: the locale, and the
    related objects of its ``RelatedFields`` (keywords, sessions, the region ...),
    so a batch of pages costs a few queries, not a few per page."""
    queryset = model.objects.all() if queryset is None else queryset
    queryset = queryset.select_related("locale")
    for field in model.get_search_fields():
        if isinstance(field, RelatedFields):
            queryset = field.select_on_queryset(queryset)
    return queryset


def specific_batches(pages, size=BATCH_SIZE):
    """The specific pages of ``pages`` (a Page queryset) in batches of ``size``, each
    batch loaded with one query per page type plus one per prefetched relation."""
    from django.contrib.contenttypes.models import ContentType

    by_type = {}
    for pk, content_type_id in pages.order_by("pk").values_list("pk", "content_type_id"):
        by_type.setdefault(content_type_id, []).append(pk)
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not issubclass(model, Page):
            model = Page  # a page type whose code is gone: index what Page knows
        for start in range(0, len(ids), size):
            chunk = ids[start : start + size]
            yield list(indexing_queryset(model, model.objects.filter(pk__in=chunk)))


def write_batch(batch):
    """Write [(entry, document)] and clear their queued retries, in one transaction."""
    with transaction.atomic():
        write_entries(batch)
        PendingIndexUpdate.objects.filter(
            page_id__in=[entry.page_id for entry, _ in batch]
        ).delete()


def rebuild(pages=None, stdout=None, progress=None, timings=None, workers=None):
    """Index every live page (or the given ones); drop entries of pages no longer
    live. ``progress(done, total)`` is called after each batch. Returns the number
    of pages indexed.

    A full rebuild on PostgreSQL (``pages`` None) loads a new table and swaps it
    in (``search.rebuild``; ``timings``, a dict, receives its phases' seconds;
    ``workers``, the analysis processes). Otherwise each batch of ``BATCH_SIZE``
    pages of one type is read with a few queries (``specific_batches``), analysed
    (word analysis is cached per distinct word) and written with one upsert; the
    query count does not grow with the pages."""
    if pages is None and _postgres():
        indexer = (specific_batches, page_source, analyse)
        count, failed = rebuild_table(live_pages(), indexer, progress, timings, workers)
        for page in Page.objects.filter(pk__in=failed):
            safe_index_page(page)  # once more, one by one; logged and queued if it fails again
        return count
    pages = live_pages() if pages is None else pages.filter(live=True, depth__gt=1)
    total = pages.count() if progress else 0
    count = 0
    for specific in specific_batches(pages):
        batch = []
        for page in specific:
            try:
                batch.append(entry_for(page))
            except Exception:
                safe_index_page(page)  # logs and queues the failure
        try:
            write_batch(batch)
            count += len(batch)
        except Exception:
            logger.exception("Writing a batch of the search index failed; one page at a time")
            for entry, _document in batch:
                page = Page.objects.filter(pk=entry.page_id).first()
                if page is not None and safe_index_page(page):
                    count += 1
        if progress:
            progress(count, total)
    SearchEntry.objects.exclude(page__live=True).delete()
    engine.prune_fts()
    return count


def live_pages():
    """The pages a full rebuild indexes: live, below the tree's root."""
    return Page.objects.live().filter(depth__gt=1)


def index_missing():
    """Index live pages that have no entry yet (content loaded before the index
    existed, or by code that bypassed the publish signal); returns how many."""
    missing = Page.objects.live().filter(depth__gt=1, search_entry__isnull=True)
    return rebuild(missing) if missing.exists() else 0
