"""Report building: figures against the database, templates as data, scopes, languages."""

from datetime import date

import pytest

from gloact.caselaw.models import PersonIdentity
from gloact.monitoring.models import IndicatorValue, PeriodReport
from gloact.monitoring.templatetags.monitoring import figure
from gloact.reporting.build import build_report
from gloact.reporting.models import NarrativeEntry, ReportTemplate, TemplateSection
from gloact.reporting.scope import Period, Scope

from .conftest import component

pytestmark = pytest.mark.django_db


def semi_annual():
    return ReportTemplate.objects.get(name="EU semi-annual report")


def whole_period(programme):
    return programme.periods.get()


def rows_by_code(report):
    return {row[0]: row for table in report.section("results").tables for row in table.rows}


def test_results_table_shows_the_approved_programme_figures(programme):
    report = build_report(semi_annual(), Scope(programme), whole_period(programme))
    rows = rows_by_code(report)
    assert set(rows) == set(programme.indicators.values_list("code", flat=True))
    for value in IndicatorValue.objects.filter(report__programme=programme, report__country=None, value__isnull=False,
                                               indicator__measure="number"):
        assert rows[value.indicator.code][4] == figure(value.value)
    assert rows["O.1"][3] == "4"  # the target
    assert rows["O.2"][6] == "Sex: female 4,525, male 2,890, unknown 127; Age: child (under 18) 127, adult (18 and over) 7,415"
    assert rows["3.3"][5] == "partially achieved"
    assert rows["OI-02"][4] == "7 of 13 countries"  # counted from the approved country values


def test_values_of_reports_not_approved_are_left_out(programme):
    period = whole_period(programme)
    draft = PeriodReport.objects.create(programme=programme, country_id="NER", period=period)
    IndicatorValue.objects.create(report=draft, indicator=programme.indicators.get(code="OP-01"), value=1000)
    rows = rows_by_code(build_report(semi_annual(), Scope(programme), period))
    assert rows["OP-01"][4] == "139"


def test_template_orders_and_omits_sections(programme):
    template = ReportTemplate.objects.create(name="Short")
    TemplateSection.objects.create(template=template, kind="case_law", order=1, title="Courts")
    TemplateSection.objects.create(template=template, kind="narrative", heading="achievements", order=2)
    TemplateSection.objects.create(template=template, kind="results", order=3)
    report = build_report(template, Scope(programme), whole_period(programme))
    assert [(s.kind, s.title) for s in report.sections] == [
        ("case_law", "Courts"), ("narrative", "Achievements"), ("results", "Results")]
    template.sections.filter(kind="case_law").update(order=9)
    assert [s.kind for s in build_report(template, Scope(programme), whole_period(programme)).sections] == [
        "narrative", "results", "case_law"]


def test_component_report_covers_only_its_country(programme, field_work):
    scope = Scope(programme, component=component(programme, "MLI", "IOM"))
    report = build_report(semi_annual(), scope, whole_period(programme))
    rows = rows_by_code(report)
    assert rows["OP-01"][4] == "139"  # Mali's value
    assert "3.3" not in rows  # only Pakistan reported it
    assert "O.1" not in rows  # a programme-level figure
    listed = [row[0] for row in report.section("activities").tables[1].rows]
    assert listed == ["MLI-T1", "MLI-T2", "MLI-W1"]
    cases = [b.text for b in report.section("case_law").blocks if b.kind == "subheading"]
    assert cases == [f"{field_work['mali_case'].public_id} – Synthetic Mali landmark case"]
    achievements = next(s for s in report.sections if s.title == "Achievements")
    narrative = [b.text for b in achievements.blocks if b.kind == "paragraph"]
    assert narrative == [NarrativeEntry.objects.get(component=scope.component).text]


def test_partner_report_has_a_table_per_country(programme):
    report = build_report(semi_annual(), Scope(programme, partner="UNICEF"), whole_period(programme))
    assert [t.caption for t in report.section("results").tables] == ["Belarus", "Colombia", "Lao People's Democratic Republic"]


def test_activities_planned_and_delivered_and_people_reached_by_sex(programme, field_work):
    report = build_report(semi_annual(), Scope(programme), Period("2016", date(2016, 1, 1), date(2016, 12, 31)))
    by_type, listing = report.section("activities").tables
    assert by_type.rows[-1] == ["Total", "4", "3", "0", "1", "0"]
    people = {row[0]: row for row in report.section("trainings").tables[0].rows}
    # where, trainings, female, male, other, unknown, people reached: the trainer is not counted,
    # and the woman who attended both trainings counts once.
    assert people["Mali"] == ["Mali", "2", "3", "2", "0", "0", "5"]
    assert people["Niger"] == ["Niger", "1", "0", "4", "0", "0", "4"]
    assert people["Total"] == ["Total", "3", "3", "6", "0", "0", "9"]


def test_period_outside_the_activities_has_none(programme, field_work):
    report = build_report(semi_annual(), Scope(programme), Period("2018", date(2018, 1, 1), date(2018, 12, 31)))
    assert report.section("activities").blocks[0].text == "No activities were planned or held in this period."


def test_french_report_has_french_labels_and_narrative_where_written(programme):
    report = build_report(semi_annual(), Scope(programme), whole_period(programme), "fr")
    cover = dict(report.section("cover").tables[0].rows)
    assert "Programme" in cover and "Période" in cover
    assert rows_by_code(report)["3.3"][5] == "partiellement atteint"
    achievements = next(s for s in report.sections if s.kind == "narrative" and s.blocks[-1].text.startswith("Les pays"))
    assert not [b for b in achievements.blocks if b.kind == "note"]
    context = report.sections[1]
    assert context.blocks[0].kind == "note"  # written in English only: said so
    assert context.blocks[1].text.startswith("GLO.ACT was a four-year joint initiative")


def test_case_law_highlights_carry_public_fields_only(programme, field_work):
    report = build_report(semi_annual(), Scope(programme), whole_period(programme))
    text = " ".join(b.text for b in report.section("case_law").blocks)
    assert "Synthetic Mali landmark case" in text and "Synthetic summary of the Mali case." in text
    for identity in PersonIdentity.objects.all():
        assert identity.real_name not in text


def test_demo_narrative_loads_once(programme):
    from gloact.reporting import demo

    assert demo.load() == 0
    assert NarrativeEntry.objects.filter(programme=programme).count() == len(demo.PROGRAMME_LEVEL) + len(demo.MALI)


def test_narrative_of_several_periods_is_headed_by_period(programme):
    from gloact.monitoring.periods import create_periods

    first, second = create_periods(programme, "annual")[:2]
    for period in (first, second):
        NarrativeEntry.objects.create(programme=programme, period=period, heading="next_steps", text=f"Steps of {period.label}")
    report = build_report(semi_annual(), Scope(programme), Period("all", first.start, second.end))
    steps = next(s for s in report.sections if s.title == "Next steps")
    assert [(b.kind, b.text) for b in steps.blocks] == [
        ("subheading", first.label), ("paragraph", f"Steps of {first.label}"),
        ("subheading", second.label), ("paragraph", f"Steps of {second.label}")]
