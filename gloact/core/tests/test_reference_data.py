import pytest
from django.utils import translation

from gloact.core.models import Country, Region


@pytest.mark.django_db
def test_every_iso_country_is_loaded_with_its_m49_regions():
    assert Country.objects.count() >= 240
    mali = Country.objects.get(iso3="MLI")
    assert (mali.iso2, mali.m49) == ("ML", "466")
    assert mali.region.code == "002" and mali.region.name == "Africa"
    assert mali.subregion.name == "Sub-Saharan Africa"
    assert mali.intermediate_region.name == "Western Africa"
    assert Region.objects.get(code="015").parent_id == "002"


@pytest.mark.django_db
def test_country_and_region_names_follow_the_active_language():
    egypt = Country.objects.get(iso3="EGY")
    with translation.override("fr"):
        assert str(egypt) == "Égypte"
        assert str(egypt.region) == "Afrique"
    with translation.override("ar"):
        assert str(egypt) == "مصر"
    with translation.override("zh-hans"):
        assert str(egypt) == "埃及"
    assert egypt.localized_name("en") == "Egypt"
