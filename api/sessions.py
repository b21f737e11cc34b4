"""``GET /api/v3/sessions/``: individual sessions across events, for calendars and aggregators.

"What's on 6 April?" is a question about sessions, not events: a tour that
runs from March to May has one session that day. Each item is a session (its
own id, shared ``uid``, times, place and registration) with the essentials of
its event; the event filters (region, keyword, format, language, search)
pick the events, the session filters (``on``, ``overlaps_from``/``overlaps_to``,
``city``, ``upcoming``) the sessions.
"""

from django.db.models import Prefetch
from ninja import Query, Router, Schema

from news.models import EventPage, EventSession
from news.querysets import event_queryset
from regions.models import Region

from . import schemas
from .common import RefMeta
from .context import Context
from .errors import check_query, problems
from .filters import SessionFilters
from .pagination import PageParams
from .shape import Field, Shape, nested_shape

router = Router(tags=["events"])

#: The event's fields each session carries (declared once, with the event's own).
EVENT_FIELDS = (
    "format",
    "event_status",
    "is_free",
    "price",
    "organiser",
    "keywords",
    "regions",
    "ical_url",
)

SESSION_EVENT = Shape(
    "SessionEvent",
    [
        Field("id", int, lambda event, ctx: event.pk),
        Field("title", str, lambda event, ctx: event.title),
        Field("meta", RefMeta, lambda event, ctx: ctx.ref_meta(event)),
        *(schemas.Event.shape.fields[name] for name in EVENT_FIELDS),
    ],
)
SessionEvent = SESSION_EVENT.schema()
SESSION = Shape(
    "SessionItem",
    [
        *nested_shape(EventSession).fields.values(),
        Field("event", SessionEvent, lambda s, ctx: SESSION_EVENT.dump(s.event, ctx)),
    ],
)
SessionItem = SESSION.schema()


class SessionList(Schema):
    count: int
    count_estimated: bool = False
    next: str | None = None
    items: list[SessionItem]


def session_queryset():
    events = EventPage.objects.select_related("locale").prefetch_related(
        "keywords", Prefetch("regions", queryset=Region.objects.order_by("sort_order"))
    )
    return EventSession.objects.prefetch_related(Prefetch("event", queryset=events))


@router.get(
    "/",
    response={200: SessionList, **problems(422)},
    url_name="sessions_list",
    operation_id="sessions_list",
    summary="List sessions",
)
def list_sessions(
    request,
    filters: SessionFilters = Query(...),  # noqa: B008
    paging: PageParams = Query(...),  # noqa: B008
):
    """Sessions of public events, by start (see `upcoming`)."""
    check_query(request, {*SessionFilters.model_fields, *PageParams.model_fields})
    sessions = filters.apply(event_queryset(), session_queryset())
    count, estimated, page, following = paging.page(request, sessions, None)
    ctx = Context(request, [session.event for session in page])
    return {
        "count": count,
        "count_estimated": estimated,
        "next": following,
        "items": [SESSION.dump(session, ctx) for session in page],
    }
