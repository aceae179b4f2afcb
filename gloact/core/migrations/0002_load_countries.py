"""Loads ISO 3166 countries and UN M49 regions from the maintained taxonomy (see reference_data)."""

from django.db import migrations

from gloact.core.reference_data import read_reference_data


def load(apps, schema_editor):
    Region = apps.get_model("core", "Region")
    Country = apps.get_model("core", "Country")
    regions, countries = read_reference_data()
    for row in sorted(regions, key=lambda r: r.level):
        Region.objects.update_or_create(
            code=row.code, defaults={"name": row.name, "names": row.names, "level": row.level, "parent_id": row.parent}
        )
    for row in countries:
        Country.objects.update_or_create(
            iso3=row.iso3,
            defaults={
                "iso2": row.iso2, "m49": row.m49, "name": row.name, "names": row.names,
                "region_id": row.region, "subregion_id": row.subregion,
                "intermediate_region_id": row.intermediate_region,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
