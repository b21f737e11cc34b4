"""Start the change feed with every page that is public now.

A page published before the feed existed has no row; without one, its later
unpublishing or deletion would leave no tombstone. Each public page gets a
"published" row stamped with its last publication time (its path is filled
in at its next change; the feed reads a published page's path live).
"""

from django.db import migrations
from django.db.models import Q
from django.utils import timezone


def _label(apps, content_type):
    try:
        return apps.get_model(content_type.app_label, content_type.model)._meta.label
    except LookupError:
        return f"{content_type.app_label}.{content_type.model}"


def backfill(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    PageChange = apps.get_model("api", "PageChange")
    now = timezone.now()
    restricted = Q()
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        restricted |= Q(path__startswith=path)
    public = (
        Page.objects.filter(live=True, depth__gt=1)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        .select_related("content_type", "locale")
    )
    if restricted:
        public = public.exclude(restricted)
    PageChange.objects.bulk_create(
        [
            PageChange(
                page_id=page.pk,
                translation_key=page.translation_key,
                locale=page.locale.language_code,
                page_type=_label(apps, page.content_type),
                kind="published",
                path="",
                first_published_at=page.first_published_at,
                changed_at=page.last_published_at or now,
            )
            for page in public.iterator()
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_headless_settings_change_feed_webhooks"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
