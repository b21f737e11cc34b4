"""People created before the approval workflow were public: keep them live.

``live`` defaults to true on the new column already; this states it, and gives
them the publication timestamps that the admin's listings and history show.
"""

from django.db import migrations
from django.utils import timezone


def publish_existing_people(apps, schema_editor):
    Person = apps.get_model("regions", "Person")
    now = timezone.now()
    Person.objects.filter(first_published_at__isnull=True).update(
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
    )


class Migration(migrations.Migration):
    dependencies = [("regions", "0004_person_approval_workflow")]

    operations = [migrations.RunPython(publish_existing_people, migrations.RunPython.noop)]
