import pytest
from django.apps import apps

from gloact.caselaw import demo
from gloact.caselaw.models import Case, CaseTranslation, Person, Term
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
