"""Keep expired pages out of Wagtail's own ``/api/v3/pages/`` router too.

v3's public queryset is ``live().public()``; a page whose ``expire_at`` has
passed stays live until ``publish_scheduled`` runs. Our routers, feeds and
calendars filter on ``expire_at`` themselves (``kumppanuus.visibility``); this
wraps the pages router's queryset function so that anonymous reads there
agree. The pages router looks the function up by module attribute at request
time, so replacing that attribute is enough.
"""

from wagtail.api.v3.routers import pages

from kumppanuus.visibility import unexpired


def install():
    original = pages.get_pages_queryset
    if getattr(original, "hides_expired", False):
        return

    def get_pages_queryset(request, *args, **kwargs):
        queryset = original(request, *args, **kwargs)
        if request.user.is_authenticated:
            return queryset
        return queryset.filter(unexpired())

    get_pages_queryset.hides_expired = True
    pages.get_pages_queryset = get_pages_queryset
