"""Creates one national jurisdiction per country and a few international and regional courts, so
that editors can file a case anywhere without creating its jurisdiction first."""

from django.db import migrations

# (code, name, kind). Codes are not ISO 3166 country codes.
COURTS = [
    ("ICC", "International Criminal Court", "international"),
    ("ECH", "European Court of Human Rights", "regional"),
    ("IAC", "Inter-American Court of Human Rights", "regional"),
    ("ECW", "ECOWAS Community Court of Justice", "regional"),
]


def load(apps, schema_editor):
    Country = apps.get_model("core", "Country")
    Jurisdiction = apps.get_model("caselaw", "Jurisdiction")
    for country in Country.objects.all():
        Jurisdiction.objects.get_or_create(
            code=country.iso3, defaults={"name": country.name, "kind": "national", "country": country}
        )
    for code, name, kind in COURTS:
        Jurisdiction.objects.get_or_create(code=code, defaults={"name": name, "kind": kind})


class Migration(migrations.Migration):
    dependencies = [("caselaw", "0002_load_vocabularies"), ("core", "0002_load_countries")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
