"""Loads the default controlled vocabularies from gloact/caselaw/vocabularies.py."""

from django.db import migrations

from gloact.caselaw.vocabularies import load_vocabularies


def load(apps, schema_editor):
    load_vocabularies(apps.get_model("caselaw", "Vocabulary"), apps.get_model("caselaw", "Term"))


class Migration(migrations.Migration):
    dependencies = [("caselaw", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
