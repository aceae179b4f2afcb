"""Country profile pages: public and restricted parts, case law coverage, statistics with
suppression, national data entry by country, population rates and the demo."""

import csv
import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from gloact.accounts.tests.factories import make_user
from gloact.caselaw.tests.factories import make_case, make_published_case
from gloact.core.models import Country, Organisation
from gloact.countries import demo
from gloact.countries.models import (
    AssistanceRequest,
    Campaign,
    CountryFocalPoint,
    NationalLaw,
    NationalProvision,
    Population,
    StakeholderProfile,
    StatisticsDataset,
    StatisticValue,
    TreatyStatus,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def mali_profile():
    partner = Organisation.objects.create(name="Partner NGO", kind="cso", country_id="MLI")
    unit = Organisation.objects.create(name="Police unit", kind="law_enforcement", country_id="MLI")
    stakeholder = StakeholderProfile.objects.create(organisation=unit, relationship="mou", contacts="desk@example.org")
    stakeholder.partners.add(partner)
    CountryFocalPoint.objects.create(country_id="MLI", function="National Project Officer", name="Focal A",
                                     email="focal.a@example.org")
    TreatyStatus.objects.create(country_id="MLI", instrument="tip_protocol", consent_action="ratification",
                                consent_on=date(2002, 4, 12))
    law = NationalLaw.objects.create(country_id="MLI", title="Law on trafficking (test)", kind="specific_law", scope="both")
    provision = NationalProvision.objects.create(law=law, reference="art. 1", topic="tip_criminalization")
    from gloact.caselaw.models import Term

    provision.protocol_articles.add(Term.objects.of("protocol_article").get(code="tip.art5"))
    AssistanceRequest.objects.create(country_id="MLI", subject="Training request (test)", received_on=date(2025, 3, 1),
                                     decision="accepted", decided_on=date(2025, 4, 1))
    return stakeholder


def test_the_public_profile_hides_contacts_and_says_what_is_not_recorded(client, mali_profile):
    page = client.get(reverse("countries:profile", args=["MLI"]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Police unit" in html and "Partner NGO" in html and "National Project Officer" in html
    assert "TIP Protocol, art. 5: criminalization" in html
    assert html.count("not recorded") >= 5  # the Convention, the smuggling Protocol, the TIP signature, the NRM
    for restricted in ("Focal A", "focal.a@example.org", "desk@example.org", "Training request (test)"):
        assert restricted not in html


def test_programme_staff_of_the_country_and_managers_see_the_restricted_part(client, mali_profile):
    for user in (make_user("focal", "focal_point", ["MLI"]), make_user("manager", "programme_manager")):
        client.force_login(user)
        html = client.get(reverse("countries:profile", args=["MLI"])).content.decode()
        assert "focal.a@example.org" in html and "desk@example.org" in html
        assert "Training request (test)" in html and "Timeline" in html
    for user in (make_user("focal-niger", "focal_point", ["NER"]), make_user("practitioner", "practitioner")):
        client.force_login(user)
        html = client.get(reverse("countries:profile", args=["MLI"])).content.decode()
        assert "focal.a@example.org" not in html and "Training request (test)" not in html


def test_case_law_coverage_counts_published_cases_of_the_jurisdiction(client):
    make_published_case("MLI", title="Published case (test)", is_landmark=True)
    make_published_case("MLI", title="Another published case (test)")
    make_case("MLI", title="Draft case (test)")
    make_published_case("NER", title="Niger case (test)")
    page = client.get(reverse("countries:profile", args=["MLI"]))
    coverage = page.context["profile"].caselaw
    assert (coverage.published, coverage.landmark) == (2, 1)
    html = page.content.decode()
    assert "Published case (test)" in html and "Draft case (test)" not in html and "Niger case (test)" not in html
    assert f'href="{reverse("caselaw:case_detail", args=[coverage.latest[0][0].public_id])}"' in html


def test_the_latest_cases_are_listed_in_the_readers_language_where_translated(client):
    translated = make_published_case("MLI", title="Restaurant workers (test)", original_language="en")
    translated.translations.create(language="fr", title="Employées de restaurant (test)", summary="Résumé.")
    make_published_case("MLI", title="Untranslated case (test)", original_language="en")
    with translation.override(translation.get_language()):  # the request activates French
        html = client.get("/fr/countries/MLI/").content.decode()
    assert '<bdi lang="fr">Employées de restaurant (test)</bdi>' in html
    assert '<bdi lang="en">Untranslated case (test)</bdi>' in html
    assert "Restaurant workers (test)" not in html


# --- Statistics -----------------------------------------------------------------------------


def add_values(dataset, country, rows):
    """rows: (indicator, dimension, category, sex, age, year, value or "<5")."""
    StatisticValue.objects.bulk_create(
        StatisticValue(
            dataset=dataset, row_number=n, country_id=country, area_code=country, indicator=indicator,
            dimension=dimension, category=category, sex=sex, age=age, year=year,
            value=None if value == "<5" else value, suppressed=value == "<5",
        )
        for n, (indicator, dimension, category, sex, age, year, value) in enumerate(rows)
    )


@pytest.fixture
def glotip():
    dataset = StatisticsDataset.objects.create(code="glotip-test", kind="global_report", title="GLOTIP (test)")
    victims = "detected_victims"
    add_values(dataset, "MLI", [
        (victims, "total", "Total", "total", "total", 2020, 80),
        (victims, "total", "Total", "female", "total", 2020, 43),
        (victims, "total", "Total", "male", "total", 2020, 37),
        (victims, "total", "Total", "total", "child", 2020, 15),
        (victims, "total", "Total", "total", "adult", 2020, 65),
        (victims, "total", "Total", "female", "child", 2020, "<5"),
        (victims, "total", "Total", "female", "adult", 2020, 40),
        (victims, "total", "Total", "male", "child", 2020, 12),
        (victims, "total", "Total", "male", "adult", 2020, 25),
        (victims, "total", "Total", "total", "total", 2019, 50),
        ("convicted", "total", "Total", "total", "total", 2020, "<5"),
    ])
    add_values(dataset, "NER", [(victims, "total", "Total", "total", "total", 2020, 120)])
    return dataset


def read_csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_breakdown_is_protected_on_the_page_and_in_the_csv(client, glotip):
    page = client.get(reverse("countries:statistics", args=["MLI"]))
    html = page.content.decode()
    assert page.status_code == 200 and html.count("<svg") >= 2
    exported = read_csv(client.get(reverse("countries:statistics_csv", args=["MLI", "sex-age"]) + "?year=2020"))
    # 43 - 40 would give the female child count: the adult cell is hidden as well, and so on.
    assert exported == [
        ["Sex", "0 to 17 years", "18 years or over", "Total"],
        ["Female", "<5", "<5", "43"],
        ["Male", "<5", "<5", "37"],
        ["Total", "15", "65", "80"],
    ]
    shown = page.context["sex_age"].as_rows()
    assert shown == exported  # the CSV holds exactly the displayed table
    for row in exported[1:]:
        assert row.count("<5") in (0, 2)
    trend = read_csv(client.get(reverse("countries:statistics_csv", args=["MLI", "trend"])))
    assert trend == [["Indicator", "2019", "2020"], ["Detected victims", "50", "80"], ["Persons convicted", "", "<5"]]


def test_rates_need_population_figures(client, glotip):
    page = client.get(reverse("countries:statistics", args=["MLI"]))
    assert "Population not loaded" in page.content.decode()
    Population.objects.create(country_id="MLI", year=2020, population=20_000_000)
    rate = read_csv(client.get(reverse("countries:statistics_csv", args=["MLI", "rate"])))
    assert rate == [["Year", "Detected victims", "Population", "Rate per 100,000"], ["2020", "80", "20000000", "0.40"]]


def test_region_comparison_lists_the_countries_of_the_sub_region(client, glotip):
    region = Country.objects.get(iso3="MLI").subregion
    page = client.get(reverse("countries:region_statistics", args=[region.code]))
    assert page.status_code == 200 and "<svg" in page.content.decode()
    exported = read_csv(client.get(reverse("countries:region_statistics_csv", args=[region.code])))
    assert exported[0][-1] == "2020"
    assert ["Mali", "50", "80"] == [exported[1][0]] + exported[1][-2:]
    assert exported[2][0] == "Niger" and exported[2][-1] == "120"


def test_a_focal_point_uploads_national_data_for_their_country_only(client):
    focal = make_user("focal", "focal_point", ["MLI"])
    client.force_login(focal)
    content = (
        "indicator,dimension,category,sex,age,year,value\n"
        "Detected trafficking victims,Total,Total,Total,Total,2022,31\n"
        "detected_victims,total,Total,female,total,2022,3\n"
        "Persons convicted,Total,Total,Total,Total,2022,many\n"
    ).encode()
    upload = SimpleUploadedFile("mali.csv", content, content_type="text/csv")
    response = client.post(reverse("countries:statistics_upload", args=["MLI"]), {"file": upload})
    assert response.status_code == 200
    report = response.context["report"]
    assert (report.loaded, report.rejected) == (2, 1) and "row 4: not a count: 'many'" in report.examples[0]
    stored = StatisticValue.objects.filter(dataset__code="national-mli").order_by("sex")
    assert [(v.sex, v.value, v.suppressed) for v in stored] == [("female", None, True), ("total", 31, False)]
    # The same page for another country is refused, and so is a practitioner.
    assert client.get(reverse("countries:statistics_upload", args=["NER"])).status_code == 403
    client.force_login(make_user("practitioner", "practitioner"))
    assert client.get(reverse("countries:statistics_upload", args=["MLI"])).status_code == 403


def test_the_back_office_lists_only_the_focal_points_country(client, mali_profile):
    Organisation.objects.create(name="Niger unit", kind="law_enforcement", country_id="NER")
    StakeholderProfile.objects.create(organisation=Organisation.objects.get(name="Niger unit"))
    client.force_login(make_user("focal", "focal_point", ["MLI"]))
    listing = client.get(reverse("admin:countries_stakeholderprofile_changelist"))
    assert listing.status_code == 200
    assert "Police unit" in listing.content.decode() and "Niger unit" not in listing.content.decode()
    niger = StakeholderProfile.objects.get(organisation__name="Niger unit")
    assert client.get(reverse("admin:countries_stakeholderprofile_change", args=[niger.pk])).status_code in (302, 403)


def test_the_demo_loads_once():
    first = demo.load()
    assert first > 0
    assert demo.load() == 0
    assert Campaign.objects.filter(is_synthetic=True).count() == 2
    assert StakeholderProfile.objects.filter(is_synthetic=True).exists()
    assert AssistanceRequest.objects.filter(is_synthetic=True, country_id="MLI").count() == 2
    assert not TreatyStatus.objects.exists()  # facts are never invented


def test_a_signed_agreement_is_downloaded_only_by_staff_of_the_country(client, mali_profile):
    from .factories import PDF

    request = AssistanceRequest.objects.get(subject="Training request (test)")
    request.agreement_kind = "workplan"
    request.agreement_file = SimpleUploadedFile("workplan.pdf", PDF)
    request.save()
    url = reverse("countries:agreement", args=[request.pk])
    client.force_login(make_user("focal", "focal_point", ["MLI"]))
    assert f'href="{url}"' in client.get(reverse("countries:profile", args=["MLI"])).content.decode()
    assert b"".join(client.get(url).streaming_content).startswith(b"%PDF-")
    client.force_login(make_user("focal-niger", "focal_point", ["NER"]))
    assert client.get(url).status_code == 403
