"""The IATI export: the demo programme against the official XSD and codelists, what goes out, and the CLI."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from lxml import etree

from gloact.monitoring import demo
from gloact.monitoring.models import Baseline, DimensionCategory, Indicator, Programme, Target
from gloact.monitoring.tests.factories import add_value, make_indicator, make_period, make_programme, make_report
from gloact.reporting.iati.export import activity_file_bytes, export_programme, yearly_budgets

pytestmark = pytest.mark.django_db


def codelist(iati_dir, name: str) -> set[str]:
    return {code.text for code in etree.parse(str(iati_dir / "codelists" / f"{name}.xml")).iterfind(".//codelist-item/code")}


def parse(content: bytes):
    return etree.fromstring(content)


def test_demo_export_is_valid_and_uses_codelist_codes(iati_dir):
    demo.load()
    result = export_programme(Programme.objects.get(code=demo.CODE))
    assert result.errors == []
    schema = etree.XMLSchema(etree.parse(str(iati_dir / "schema" / "iati-activities-schema.xsd")))
    root = parse(result.content)
    assert schema.validate(etree.ElementTree(root)), schema.error_log

    def codes(xpath):
        return set(root.xpath(xpath))

    assert codes("//recipient-country/@code") <= codelist(iati_dir, "Country")
    assert codes("//@default-currency | //budget/value/@currency") <= codelist(iati_dir, "Currency")
    assert codes("//participating-org/@role") == {"1", "4"} <= codelist(iati_dir, "OrganisationRole")
    assert codes("//activity-status/@code") <= codelist(iati_dir, "ActivityStatus")
    assert codes("//result/@type") <= codelist(iati_dir, "ResultType")
    assert codes("//indicator/@measure") <= codelist(iati_dir, "IndicatorMeasure")
    assert codes("//indicator/reference/@vocabulary") <= codelist(iati_dir, "IndicatorVocabulary")
    assert codes("//sector/@code") == {"15190"} <= codelist(iati_dir, "Sector")
    assert codes("//budget/@type") <= codelist(iati_dir, "BudgetType")
    assert codes("//budget/@status") <= codelist(iati_dir, "BudgetStatus")
    # XM-DAC identifiers end in the DAC channel code, which the (retired) OrganisationIdentifier list holds.
    dac_codes = codelist(iati_dir, "OrganisationIdentifier")
    dac_refs = {ref for ref in codes("//reporting-org/@ref | //participating-org/@ref") if ref.startswith("XM-DAC-")}
    assert {ref.removeprefix("XM-DAC-") for ref in dac_refs} == {"41128", "47066", "41122"} <= dac_codes
    assert all(i.startswith("XM-DAC-41128-") for i in codes("//iati-identifier/text()"))


def test_demo_export_is_a_programme_with_country_components(iati_dir):
    demo.load()
    root = parse(activity_file_bytes(Programme.objects.get(code=demo.CODE)))
    programme, *countries = root.findall("iati-activity")
    identifier = "XM-DAC-41128-glo-act-2015-2019"
    assert programme.get("hierarchy") == "1" and programme.findtext("iati-identifier") == identifier
    assert len(countries) == 13 and {c.get("hierarchy") for c in countries} == {"2"}
    children = {r.get("ref") for r in programme.iterfind("related-activity[@type='2']")}
    assert children == {c.findtext("iati-identifier") for c in countries}
    assert all(c.find("related-activity[@type='1']").get("ref") == identifier for c in countries)
    assert sum(Decimal(p) for p in programme.xpath("recipient-country/@percentage")) == 100
    assert [o.findtext("narrative") for o in programme.iterfind("participating-org")] == [
        "European Union", "United Nations Office on Drugs and Crime", "International Organization for Migration",
        "United Nations Children's Fund",
    ]
    assert sum(Decimal(v) for v in programme.xpath("budget/value/text()")) == Decimal("11000000")
    assert not root.xpath("//transaction")  # the platform has no finance transactions
    mali = next(c for c in countries if c.findtext("iati-identifier") == f"{identifier}-MLI")
    assert mali.xpath("recipient-country/@code") == ["ML"]
    assert mali.xpath("participating-org[@role='4']/@ref") == ["XM-DAC-47066", "XM-DAC-41128"]  # IOM, UNODC
    assisted = programme.xpath("//indicator[reference/@code='O.2']")[0]
    actuals = {
        tuple(a.xpath("dimension/@name") + a.xpath("dimension/@value")) or ("total",): a.get("value")
        for a in assisted.iterfind("period/actual")
    }
    assert actuals == {("total",): "7542", ("age", "adult"): "7415", ("age", "child"): "127", ("sex", "female"): "4525",
                       ("sex", "male"): "2890", ("sex", "unknown"): "127"}
    assert not root.xpath("//dimension[@name!='sex' and @name!='age']")
    qualitative = programme.xpath("//indicator[reference/@code='OI-10']/period/actual")[0]
    assert qualitative.get("value") is None and qualitative.findtext("comment/narrative") == "achieved"


def test_only_approved_values_go_out_and_countries_add_up(iati_dir):
    programme = make_programme(budget=Decimal("1000"), currency="USD")
    period = make_period(programme)
    indicator = make_indicator(programme, "P.1", dimensions=["sex"])
    Baseline.objects.create(indicator=indicator, year=2019, value=Decimal(3))
    Baseline.objects.create(indicator=indicator, year=2019, value=Decimal(2),
                            category=DimensionCategory.objects.get(dimension__code="sex", code="female"))
    Target.objects.create(indicator=indicator, period=period, value=Decimal(20), note="mid-term")
    Target.objects.create(indicator=indicator, value=Decimal(50))
    add_value(make_report(programme, period, "MLI"), indicator, 10, {"sex:female": 4, "sex:male": 6}, approve=True)
    add_value(make_report(programme, period, "NER"), indicator, 5, {"sex:female": 5}, approve=True)
    add_value(make_report(programme, period, "NPL"), indicator, 99)  # draft: stays out
    story = make_indicator(programme, "P.2", measure=Indicator.Measure.QUALITATIVE)
    add_value(make_report(programme, period, None), story, None, text_value="Law adopted", approve=True)

    result = export_programme(programme)
    assert result.errors == []
    root = parse(result.content)
    programme_activity, *country_activities = root.findall("iati-activity")
    counted = programme_activity.xpath("result/indicator[reference/@code='P.1']")[0]
    assert counted.xpath("baseline/@value") == ["3", "2"] and counted.xpath("baseline/dimension/@value") == ["female"]
    half, whole = counted.findall("period")
    assert (half.find("period-start").get("iso-date"), whole.find("period-end").get("iso-date")) == ("2020-01-01", "2021-12-31")
    assert half.xpath("target/@value") == ["20"] and half.findtext("target/comment/narrative") == "mid-term"
    assert half.xpath("actual/@value") == ["15", "9", "6"]  # total, female, male
    assert whole.xpath("target/@value") == ["50"] and not whole.findall("actual")
    assert "99" not in root.xpath("//actual/@value")
    nepal = next(a for a in country_activities if a.findtext("iati-identifier").endswith("-NPL"))
    assert not nepal.findall("result")
    mali = next(a for a in country_activities if a.findtext("iati-identifier").endswith("-MLI"))
    assert mali.xpath("result/indicator/period/actual/@value") == ["10", "4", "6"]
    story_actual = programme_activity.xpath("result/indicator[reference/@code='P.2']/period/actual")[0]
    assert story_actual.get("value") is None and story_actual.findtext("comment/narrative") == "Law adopted"
    assert programme_activity.xpath("budget/value/@currency") == ["USD", "USD"]


def test_yearly_budgets_follow_the_financial_year_and_add_up():
    calendar = Programme(code="x", start_date=date(2020, 7, 1), end_date=date(2021, 12, 31), budget=Decimal("1000.00"))
    assert yearly_budgets(calendar) == [
        (date(2020, 7, 1), date(2020, 12, 31), Decimal("335.15")),  # 184 of 549 days
        (date(2021, 1, 1), date(2021, 12, 31), Decimal("664.85")),
    ]
    july = Programme(code="y", start_date=date(2020, 7, 1), end_date=date(2022, 6, 30), budget=Decimal("1000.00"),
                     financial_year_start_month=7)
    assert [b[:2] for b in yearly_budgets(july)] == [(date(2020, 7, 1), date(2021, 6, 30)), (date(2021, 7, 1), date(2022, 6, 30))]


@override_settings(GLOACT_IATI_REPORTING_ORG="XM-DAC-47066")
def test_reporting_org_is_configurable(iati_dir):
    programme = make_programme(countries=("MLI",))
    root = parse(activity_file_bytes(programme))
    assert root.xpath("//iati-identifier/text()") == ["XM-DAC-47066-prog", "XM-DAC-47066-prog-MLI"]
    assert set(root.xpath("//reporting-org/narrative/text()")) == {"International Organization for Migration"}


def test_cli_writes_a_valid_file_atomically(iati_dir, tmp_path, capsys):
    programme = make_programme()
    target = tmp_path / "activities.xml"
    call_command("iati_export", "--programme", programme.code, "-o", str(target))
    assert parse(target.read_bytes()).xpath("count(//iati-activity)") == 4
    assert [p.name for p in tmp_path.iterdir()] == ["activities.xml"]
    call_command("iati_export", "--programme", programme.code)
    assert capsys.readouterr().out.startswith("<?xml")


def test_cli_refuses_to_write_an_invalid_file(iati_dir, tmp_path, capsys):
    programme = make_programme()
    one_day = make_period(programme, "day", date(2020, 3, 1), date(2020, 3, 1))
    add_value(make_report(programme, one_day, "MLI"), make_indicator(programme), 1, approve=True)
    target = tmp_path / "activities.xml"
    target.write_text("previous export")
    with pytest.raises(CommandError, match="not valid and was not written"):
        call_command("iati_export", "--programme", programme.code, "-o", str(target))
    assert "not before its end" in capsys.readouterr().err
    assert target.read_text() == "previous export"
    with pytest.raises(CommandError, match="no programme"):
        call_command("iati_export", "--programme", "nope")


@override_settings(GLOACT_IATI_SCHEMA_DIR="")
def test_cli_needs_the_schema(tmp_path):
    programme = make_programme()
    with pytest.raises(CommandError, match="GLOACT_IATI_SCHEMA_DIR"):
        call_command("iati_export", "--programme", programme.code, "-o", str(tmp_path / "a.xml"))
    assert not list(tmp_path.iterdir())
