"""The two report templates most programmes start from; administrators change them in the back
office (sections, order, titles). Idempotent: a template that exists is left as it is."""

from django.db import migrations

NARRATIVE = "narrative"
TEMPLATES = {
    "EU semi-annual report": ("semi_annual", [
        ("cover", ""), (NARRATIVE, "context"), ("results", ""), ("activities", ""), ("trainings", ""),
        (NARRATIVE, "achievements"), (NARRATIVE, "challenges"), (NARRATIVE, "human_rights_gender"),
        (NARRATIVE, "next_steps"), ("case_law", ""), ("annexes", ""),
    ]),
    "Annual report": ("annual", [
        ("cover", ""), (NARRATIVE, "context"), (NARRATIVE, "achievements"), ("results", ""), ("activities", ""),
        ("trainings", ""), ("case_law", ""), (NARRATIVE, "challenges"), (NARRATIVE, "lessons"),
        (NARRATIVE, "human_rights_gender"), (NARRATIVE, "next_steps"), ("annexes", ""),
    ]),
}


def create_templates(apps, schema_editor):
    ReportTemplate = apps.get_model("reporting", "ReportTemplate")
    TemplateSection = apps.get_model("reporting", "TemplateSection")
    for name, (kind, sections) in TEMPLATES.items():
        template, created = ReportTemplate.objects.get_or_create(name=name, defaults={"kind": kind})
        if created:
            TemplateSection.objects.bulk_create([
                TemplateSection(template=template, kind=section, heading=heading, order=10 * (n + 1))
                for n, (section, heading) in enumerate(sections)
            ])


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_templates_and_narratives")]
    operations = [migrations.RunPython(create_templates, migrations.RunPython.noop)]
