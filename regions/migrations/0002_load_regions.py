from django.db import migrations


def load_regions(apps, schema_editor):
    from regions.data import REGIONS

    Region = apps.get_model("regions", "Region")
    for order, (code, fi, sv, en, official_fi, official_sv) in enumerate(REGIONS, start=1):
        Region.objects.update_or_create(
            code=code,
            defaults={
                "sort_order": order,
                "name_fi": fi,
                "name_sv": sv,
                "name_en": en,
                "official_name_fi": official_fi,
                "official_name_sv": official_sv,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]

    operations = [migrations.RunPython(load_regions, migrations.RunPython.noop)]
