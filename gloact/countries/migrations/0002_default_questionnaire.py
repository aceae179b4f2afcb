from django.db import migrations


def load_default_questionnaire(apps, schema_editor):
    from gloact.countries.default_questionnaire import load

    load(apps)


class Migration(migrations.Migration):
    dependencies = [("countries", "0001_initial")]

    operations = [migrations.RunPython(load_default_questionnaire, migrations.RunPython.noop)]
