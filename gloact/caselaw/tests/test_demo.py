import io

import pytest
from django.apps import apps
from django.core.management import call_command

from gloact.caselaw import demo
from gloact.caselaw.models import Case, CaseTranslation, Person, Term
from gloact.caselaw.public import case_record
from gloact.core.demo import GLOACT_COUNTRIES

FACETS = [
    "crime_types", "tip_acts", "tip_means", "tip_purposes", "exploitation_sectors", "som_offences",
    "som_aggravations", "som_modes", "legal_articles", "protection_measures", "human_rights_aspects",
]


@pytest.fixture
def demo_cases(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    created = demo.load()
    assert created > 0
    return Case.objects.all()


@pytest.mark.django_db
def test_demo_load_is_idempotent(demo_cases):
    counts = {m: m.objects.count() for m in apps.get_app_config("caselaw").get_models()}
    assert demo.load() == 0
    assert {m: m.objects.count() for m in counts} == counts


@pytest.mark.django_db
def test_demo_covers_the_glo_act_countries_and_an_international_court(demo_cases):
    codes = set(demo_cases.values_list("jurisdiction__code", flat=True))
    assert set(GLOACT_COUNTRIES) <= codes
    assert demo_cases.filter(jurisdiction__kind__in=["international", "regional"]).exists()
    assert len(codes) > len(GLOACT_COUNTRIES)
    assert 35 <= demo_cases.count() <= 50
    assert not demo_cases.exclude(is_synthetic=True).exists()
    assert not demo_cases.exclude(status=Case.Status.PUBLISHED).exists()


@pytest.mark.django_db
def test_demo_uses_every_facet_term_and_the_privacy_cases(demo_cases):
    for name in FACETS:
        vocabulary = Case._meta.get_field(name).remote_field.limit_choices_to["vocabulary__code"]
        used = set(demo_cases.values_list(f"{name}__code", flat=True))
        assert set(Term.objects.of(vocabulary).values_list("code", flat=True)) <= used, name
    tip = demo_cases.filter(crime_types__code="crime.trafficking_in_persons")
    som = demo_cases.filter(crime_types__code="crime.smuggling_of_migrants")
    assert tip.exclude(pk__in=som).exists() and som.exclude(pk__in=tip).exists() and tip.filter(pk__in=som).exists()
    assert {"fr", "es", "ru", "ar"} <= set(CaseTranslation.objects.values_list("language", flat=True))
    assert Person.objects.filter(is_child=True).exists()
    assert set(Person.objects.values_list("role", flat=True)) == set(Person.Role.values)
    assert all(c.proceedings.filter(is_latest=True).count() == 1 for c in demo_cases)


def _records_without_labels(cases) -> list[dict]:
    """The cases' public records, each person's label replaced by its place in the record: an import
    brings no identities, so persons shown by name or initials come back as "D1", "V2"..."""
    records = []
    for case in cases.order_by("public_id"):
        record = case_record(case) | {"updated_at": None}
        place = {person["label"]: number for number, person in enumerate(record["persons"])}
        assert len(place) == len(record["persons"]), f"{record['public_id']} gives a label twice"
        record["persons"] = [person | {"label": place[person["label"]]} for person in record["persons"]]
        record["charges"] = [charge | {"defendant": place[charge["defendant"]]} for charge in record["charges"]]
        records.append(record)
    return records


@pytest.mark.django_db
def test_demo_cases_survive_an_export_and_an_import(demo_cases, tmp_path):
    # The demo shows some persons by name or initials, and its synthetic names share initials.
    path = tmp_path / "cases.jsonl"
    call_command("export_cases", output=str(path), stderr=io.StringIO())
    before = _records_without_labels(demo_cases)
    Case.objects.all().delete()
    out = io.StringIO()
    call_command("import_cases", str(path), stdout=out, stderr=io.StringIO())
    assert f"{len(before)} cases created" in out.getvalue()
    assert _records_without_labels(demo_cases) == before
