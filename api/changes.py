"""The change feed: what became public, changed, or stopped being public, in order.

``record`` keeps one ``PageChange`` row per page, rewritten at each change
(``api.events`` calls it after each commit). A page that stops being public
leaves a tombstone (unpublished, expired, deleted) only if it was public, so
that drafts and restricted pages never appear, not even by id. Tombstones
are kept for ``API_CHANGES_TOMBSTONE_DAYS`` (default 30).

``read`` answers ``/api/v3/changes/``: rows after a position, oldest first.
A row for a published page is checked against the visibility rule when it is
read, so an expired page that ``publish_scheduled`` has not yet unpublished
is already reported as expired, as every other public surface hides it.
"""

import base64
import binascii
import datetime
from typing import Literal

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from wagtail.models import Page

from kumppanuus.visibility import visible

from .context import Context
from .errors import check_query, invalid, problems
from .filters import Moment, aware
from .models.changes import PUBLISHED, TOMBSTONES, PageChange
from .pagination import MAX_LIMIT


def retention():
    return datetime.timedelta(days=getattr(settings, "API_CHANGES_TOMBSTONE_DAYS", 30))


def record(page_event):
    """Store the change; return the page's previous public path if this one moved it."""
    row = PageChange.objects.filter(page_id=page_event.page_id).first()
    if page_event.kind == PUBLISHED:
        moved_from = row.path if row and row.kind == PUBLISHED and row.path else None
        path = page_event.new_path or ""
    elif row is None or (row.kind == page_event.kind):
        return None  # never public, or already recorded as gone
    else:
        moved_from, path = None, row.path or page_event.new_path or ""
    PageChange.objects.update_or_create(
        page_id=page_event.page_id,
        defaults={
            "translation_key": page_event.translation_key,
            "locale": page_event.locale,
            "page_type": page_event.page_type,
            "kind": page_event.kind,
            "path": path,
            "first_published_at": page_event.first_published_at,
            "changed_at": timezone.now(),
        },
    )
    PageChange.objects.filter(
        kind__in=TOMBSTONES, changed_at__lt=timezone.now() - retention()
    ).delete()
    return moved_from if moved_from != path else None


def encode_position(when, page_id):
    raw = f"{when.isoformat()}|{page_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def encode_cursor(row):
    return encode_position(row.changed_at, row.page_id)


def decode_cursor(cursor):
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        when, page_id = raw.split("|")
        when = datetime.datetime.fromisoformat(when)
        if timezone.is_naive(when):
            raise ValueError(when)
        return when, int(page_id)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise invalid("cursor", "Not a cursor from this feed.") from error


def rows_after(when, page_id, limit):
    """Up to ``limit`` rows after the position (time, page id), oldest first."""
    oldest_tombstone = timezone.now() - retention()
    return list(
        PageChange.objects.filter(Q(changed_at__gt=when) | Q(changed_at=when, page_id__gt=page_id))
        .exclude(kind__in=TOMBSTONES, changed_at__lt=oldest_tombstone)
        .order_by("changed_at", "page_id")[:limit]
    )


def current_state(rows):
    """{page id: (kind, page or None)} as the public sees each page now."""
    ids = [row.page_id for row in rows if row.kind == PUBLISHED]
    pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in=ids).select_related("locale", "content_type")
    }
    public = set(visible(Page.objects.filter(pk__in=ids)).values_list("pk", flat=True))
    now = timezone.now()
    state = {}
    for row in rows:
        page = pages.get(row.page_id)
        if row.kind != PUBLISHED:
            state[row.page_id] = (row.kind, None)
        elif page is not None and page.pk in public:
            state[row.page_id] = (PUBLISHED, page)
        elif page is not None and page.expire_at and page.expire_at <= now:
            state[row.page_id] = ("expired", None)
        else:
            state[row.page_id] = ("unpublished", None)
    return state


# --- GET /api/v3/changes/ -----------------------------------------------------------------

ChangeKind = Literal["created", "updated", "unpublished", "expired", "deleted"]


class Change(Schema):
    page_id: int
    kind: ChangeKind
    changed_at: datetime.datetime
    type: str
    locale: str
    translation_key: str
    path: str | None = Field(None, description="Where the page is (or was, if gone).")
    url: str | None = None
    detail_url: str | None = Field(None, description="Its typed representation; null if gone.")


class ChangeList(Schema):
    items: list[Change]
    next_cursor: str | None = Field(
        None,
        description="Pass as `cursor` to continue after the last item (also when there is "
        "nothing more yet: it is where the next poll starts).",
    )
    has_more: bool
    tombstones_since: datetime.datetime = Field(
        description="Unpublished, expired and deleted pages are reported back to this time: "
        "a consumer whose last sync is older must fetch everything again."
    )


class ChangeParams(Schema):
    since: Moment | None = Field(
        None, description="Changes after this time (ISO 8601; without an offset, Helsinki time)."
    )
    cursor: str | None = Field(
        None, max_length=200, description="`next_cursor` of the previous answer (instead of since)."
    )
    limit: int = Field(100, ge=1, le=MAX_LIMIT, description=f"Items per answer (1–{MAX_LIMIT}).")


router = Router(tags=["changes"])


def _item(row, kind, page, since, ctx):
    """A change as the feed tells it: a public page where it is now, a gone one where it was."""
    item = {
        "page_id": row.page_id,
        "kind": kind,
        "changed_at": timezone.localtime(row.changed_at),
        "type": row.page_type,
        "locale": row.locale,
        "translation_key": str(row.translation_key),
        "path": row.path or None,
        "url": ctx.absolute(row.path) if row.path else None,
        "detail_url": None,
    }
    if kind == PUBLISHED:
        first = page.first_published_at
        item["kind"] = "created" if first and first > since else "updated"
        item["path"] = ctx.page_path(page)
        item["url"] = ctx.page_url(page)
        item["detail_url"] = ctx.detail_url(page)
    return item


@router.get(
    "/",
    response={200: ChangeList, **problems(422)},
    url_name="changes",
    operation_id="changes_list",
    summary="Changes since a time",
)
def list_changes(request, params: ChangeParams = Query(...)):  # noqa: B008
    """Pages created, updated, unpublished, expired or deleted after `since` (or after
    `cursor`), oldest first: an incremental sync with deletions."""
    check_query(request, set(ChangeParams.model_fields))
    if params.cursor:
        when, after = decode_cursor(params.cursor)
    elif params.since:
        when, after = aware(params.since), 0
    else:
        raise invalid("since", "Give `since` (or the `cursor` of a previous answer).")
    rows = rows_after(when, after, params.limit + 1)
    has_more = len(rows) > params.limit
    rows = rows[: params.limit]
    state = current_state(rows)
    ctx = Context(request)
    items = [_item(row, *state[row.page_id], when, ctx) for row in rows]
    if rows:
        cursor = encode_cursor(rows[-1])
    else:
        cursor = params.cursor or encode_position(when, after)
    return {
        "items": items,
        "next_cursor": cursor,
        "has_more": has_more,
        "tombstones_since": timezone.localtime(timezone.now() - retention()),
    }
