"""The controlled disaggregation dimensions shared by every programme: sex and age."""

from django.db import migrations

CONTROLLED = [
    ("sex", "Sex", [("female", "female"), ("male", "male"), ("other", "other"), ("unknown", "unknown")]),
    ("age", "Age", [("child", "child (under 18)"), ("adult", "adult (18 and over)"), ("unknown", "unknown")]),
]


def load(apps, schema_editor):
    Dimension = apps.get_model("monitoring", "Dimension")
    DimensionCategory = apps.get_model("monitoring", "DimensionCategory")
    for order, (code, name, categories) in enumerate(CONTROLLED):
        dimension, _ = Dimension.objects.update_or_create(code=code, defaults={"name": name, "controlled": True, "order": order})
        for category_order, (category_code, label) in enumerate(categories):
            DimensionCategory.objects.update_or_create(
                dimension=dimension, code=category_code, defaults={"label": label, "order": category_order}
            )


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
