"""Keep expired pages out of Wagtail's own ``/api/v3/pages/`` router too.

v3's public queryset is ``live().public()``; a page whose ``expire_at`` has
passed stays live until ``publish_scheduled`` runs. Our routers, feeds and
calendars filter on ``expire_at`` themselves (``kumppanuus.visibility``); this
wraps the pages router's queryset function so that anonymous reads there
agree. The pages router looks the function up by module attribute at request
time, so replacing that attribute is enough.

The pages are excluded by id rather than by an ``expire_at`` condition:
``?search=`` hands the queryset to the search backend, which accepts filters
only on indexed fields (``id`` is one, ``expire_at`` is not). The ids are the
few live pages already past their expiry that the cron job has yet to unpublish.
"""

from wagtail.api.v3.routers import pages

from kumppanuus.visibility import expired_live_ids


def install():
    original = pages.get_pages_queryset
    if getattr(original, "hides_expired", False):
        return

    def get_pages_queryset(request, *args, **kwargs):
        queryset = original(request, *args, **kwargs)
        if request.user.is_authenticated:
            return queryset
        expired = expired_live_ids()
        return queryset.exclude(id__in=expired) if expired else queryset

    get_pages_queryset.hides_expired = True
    pages.get_pages_queryset = get_pages_queryset
