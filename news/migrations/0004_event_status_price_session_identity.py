"""Event status and price; a stable identity for every session.

Sessions become TranslatableMixin objects: each Finnish session gets a new
translation key, and its copies in the other languages (matched by their
position among the event's sessions, which the translation sync copies in
order) get the same key, so that their calendar UIDs agree from now on.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def _ordered(sessions):
    return sorted(sessions, key=lambda s: (s.sort_order or 0, s.start, s.pk))


def assign_identities(apps, schema_editor):
    EventPage = apps.get_model("news", "EventPage")
    EventSession = apps.get_model("news", "EventSession")
    events = EventPage.objects.select_related("locale").order_by("pk")
    by_key = {}
    for event in events:
        by_key.setdefault(event.translation_key, []).append(event)
    for group in by_key.values():
        # The source is the Finnish (default-language) copy, else the oldest.
        group.sort(key=lambda e: (e.locale.language_code != "fi", e.pk))
        keys = []
        for index, event in enumerate(group):
            sessions = _ordered(EventSession.objects.filter(event_id=event.pk))
            for position, session in enumerate(sessions):
                if index == 0 or position >= len(keys):
                    keys.append(uuid.uuid4())
                session.translation_key = keys[position]
                session.locale_id = event.locale_id
                session.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_event_image_share_image"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventpage",
            name="event_status",
            field=models.CharField(
                choices=[
                    ("scheduled", "ajallaan"),
                    ("cancelled", "peruttu"),
                    ("postponed", "siirretty myöhemmäksi"),
                    ("moved_online", "siirretty verkkoon"),
                    ("rescheduled", "uusi ajankohta"),
                ],
                default="scheduled",
                help_text="Peruttu tai siirretty tapahtuma näkyy sellaisena sivulla, kalentereissa ja hakukoneissa. Siirretyn tapahtuman uudet ajat päivitetään tilaisuuksiin.",
                max_length=20,
                verbose_name="tila",
            ),
        ),
        migrations.AddField(
            model_name="eventpage",
            name="is_free",
            field=models.BooleanField(default=True, verbose_name="maksuton"),
        ),
        migrations.AddField(
            model_name="eventpage",
            name="price",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                help_text="Maksullisen tapahtuman hinta euroina, esim. 25,00.",
                max_digits=8,
                null=True,
                verbose_name="hinta (€)",
            ),
        ),
        migrations.AddField(
            model_name="eventsession",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="eventsession",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(assign_identities, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="eventsession",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="eventsession",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="eventsession",
            unique_together={("translation_key", "locale")},
        ),
    ]
