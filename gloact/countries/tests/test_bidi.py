"""Right-to-left country pages: values typed in Latin script (law titles, article references,
names of institutions) are isolated in <bdi>, and free texts take their own direction, so that
"Art. 3(a)" does not show as ")Art. 3(a" on an Arabic page (as on the case law pages)."""

import re
from datetime import date

import pytest
from django.utils import translation

from gloact.accounts.tests.factories import make_user
from gloact.caselaw.tests.factories import make_published_case
from gloact.core.models import Country, Organisation
from gloact.core.tests.html_runs import arabic_page, assert_isolated, block_of, in_arabic, text_runs
from gloact.countries.models import (
    AssistanceRequest,
    CoordinatingBody,
    CountryFocalPoint,
    NationalLaw,
    NationalProvision,
    NationalStrategy,
    ReferralMechanism,
    StakeholderProfile,
    StatisticsDataset,
)

from .test_profiles import add_values

pytestmark = pytest.mark.django_db


def latin_profile():
    """Mali's profile with values typed in Latin script that end or start with punctuation."""
    ministry = Organisation.objects.create(name="Synthetic Ministry of Justice (DNAJ)", kind="government", country_id="MLI")
    police = Organisation.objects.create(name="Synthetic Police Unit (BRB)", kind="law_enforcement", country_id="MLI")
    partner = Organisation.objects.create(name="Synthetic NGO (partner 1)", kind="cso", country_id="MLI")
    law = NationalLaw.objects.create(country_id="MLI", title="Law No. 2012-023 (synthetic).", kind="specific_law",
                                     scope="both", url="https://example.org/law")
    NationalLaw.objects.create(country_id="MLI", title="Synthetic Penal Code (2019)", kind="penal_code", scope="tip")
    NationalProvision.objects.create(law=law, reference="Art. 3(a)", topic="tip_criminalization",
                                     summary="Punishes recruitment by deception (synthetic).")
    NationalStrategy.objects.create(country_id="MLI", title="Synthetic Action Plan (revised).", kind="action_plan",
                                    start_year=2020, end_year=2024)
    CoordinatingBody.objects.create(country_id="MLI", name="Synthetic Commission (CNLTP)", kind="commission",
                                    mandate="Coordinates the national response (synthetic).")
    ReferralMechanism.objects.create(country_id="MLI", status="adopted",
                                     description="Victims are referred within 48 hours (synthetic).")
    CountryFocalPoint.objects.create(country_id="MLI", function="National Project Officer (synthetic).",
                                     organisation=ministry, name="Synthetic Focal (A.)", email="focal.a@example.org",
                                     phone="+223 20 00 00 00")
    stakeholder = StakeholderProfile.objects.create(
        organisation=police, relationship="mou", role_tip="Investigates trafficking (synthetic).",
        role_som="Checks borders (synthetic).", contacts="desk@example.org (synthetic).",
    )
    stakeholder.partners.add(partner)
    AssistanceRequest.objects.create(country_id="MLI", subject="Training request (synthetic).", requested_by=ministry,
                                     received_on=date(2025, 3, 1), linked_activities="MLI-T1 (synthetic).")
    return make_published_case("MLI", title="Synthetic workers (appeal).", original_language="en")


def test_arabic_country_profile_isolates_latin_values(client):
    case = latin_profile()
    html = arabic_page(client, "/ar/countries/MLI/")
    for value in ("Law No. 2012-023 (synthetic).", "Synthetic Penal Code (2019)", "Art. 3(a)",
                  "Punishes recruitment by deception (synthetic).", "Synthetic Action Plan (revised).",
                  "Synthetic Commission (CNLTP)", "Coordinates the national response (synthetic).",
                  "National Project Officer (synthetic).", "Synthetic Ministry of Justice (DNAJ)",
                  "Synthetic Police Unit (BRB)", "Investigates trafficking (synthetic).", "Checks borders (synthetic).",
                  "Synthetic NGO (partner 1)", case.public_id, "Synthetic workers (appeal)."):
        assert_isolated(html, value)
    title = next(ancestors for text, ancestors in text_runs(html) if text == "Synthetic workers (appeal).")
    assert title[-1][1]["lang"] == "en"
    assert block_of(html, "Victims are referred within 48 hours")["dir"] == "auto"  # the NRM's description
    # The country and its regions: isolated too, in the heading and in the link to the comparison.
    mali = Country.objects.get(iso3="MLI")
    for name in (mali, mali.region, mali.subregion):
        runs = [ancestors for text, ancestors in text_runs(html) if text == in_arabic(name)]
        assert runs and all(ancestors[-1][0] == "bdi" for ancestors in runs), in_arabic(name)
    # Contacts and requests are for programme staff only.
    for restricted in ("Synthetic Focal (A.)", "Training request (synthetic)."):
        assert restricted not in html


def test_arabic_country_profile_separates_list_items_with_arabic_marks(client):
    latin_profile()
    partner = Organisation.objects.create(name="Synthetic NGO (partner 2)", kind="cso", country_id="MLI")
    StakeholderProfile.objects.get().partners.add(partner)
    html = arabic_page(client, "/ar/countries/MLI/")
    assert "<bdi>Synthetic NGO (partner 1)</bdi>؛ <bdi>Synthetic NGO (partner 2)</bdi>" in html
    with translation.override("ar"):
        published = translation.ngettext("%(counter)s published case", "%(counter)s published cases", 1) % {"counter": 1}
        landmark = translation.ngettext("%(counter)s landmark case", "%(counter)s landmark cases", 0) % {"counter": 0}
    assert re.search(re.escape(published + "،") + r"\s+" + re.escape(landmark + "."), html)

def test_arabic_country_profile_isolates_the_restricted_values_for_programme_staff(client):
    latin_profile()
    client.force_login(make_user("manager", "programme_manager"))
    html = arabic_page(client, "/ar/countries/MLI/")
    for value in ("Synthetic Focal (A.)", "focal.a@example.org", "+223 20 00 00 00", "Training request (synthetic).",
                  "Synthetic Ministry of Justice (DNAJ)"):
        assert_isolated(html, value)
    assert block_of(html, "desk@example.org (synthetic).")["dir"] == "auto"
    assert block_of(html, "MLI-T1 (synthetic).")["dir"] == "auto"


def statistics_of_mali():
    """Two years of detected victims in Mali, in a Global Report dataset with a Latin title."""
    dataset = StatisticsDataset.objects.create(code="glotip-synthetic", kind="global_report",
                                               title="Synthetic Global Report (2024).")
    add_values(dataset, "MLI", [("detected_victims", "total", "Total", "total", "total", year, 50 + year % 10)
                                for year in (2019, 2020)])


def test_arabic_country_index_statistics_and_region_pages_isolate_names(client):
    # A name without its Arabic translation is shown in English, its Latin fallback.
    Country.objects.filter(iso3="MLI").update(names={})
    statistics_of_mali()
    mali = Country.objects.get(iso3="MLI")

    index = arabic_page(client, "/ar/countries/")
    assert [ancestors[-1][0] for text, ancestors in text_runs(index) if text == "Mali"] == ["bdi"]

    statistics = arabic_page(client, "/ar/countries/MLI/statistics/")
    heading = next(ancestors for text, ancestors in text_runs(statistics) if text == "Mali")
    assert [tag for tag, _attrs in heading[-2:]] == ["h1", "bdi"]
    runs = [ancestors for text, ancestors in text_runs(statistics) if text == "Synthetic Global Report (2024)."]
    assert runs[-1][-1][0] == "bdi" and runs[-1][-2][0] == "p"  # "Source: …." below the tables (not the <option>)

    region = arabic_page(client, f"/ar/countries/regions/{mali.subregion_id}/statistics/")
    heading = next(ancestors for text, ancestors in text_runs(region) if text == in_arabic(mali.subregion))
    assert [tag for tag, _attrs in heading[-2:]] == ["h1", "bdi"]
    rows = [ancestors for text, ancestors in text_runs(region) if text == "Mali"]
    assert {ancestors[-1][0] for ancestors in rows} == {"bdi", "text"}  # the table's row, the chart's label
    for ancestors in rows:
        if ancestors[-1][0] == "text":  # SVG text takes no <bdi>: it is laid out in its own first letter's direction
            assert ancestors[-1][1]["unicode-bidi"] == "plaintext"
        else:
            assert ancestors[-2][0] == "th"
