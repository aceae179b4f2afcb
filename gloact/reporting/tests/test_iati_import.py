"""The IATI import: the demo programme's round trip, all-or-nothing errors and the CLI."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from gloact.monitoring import demo
from gloact.monitoring.models import Indicator, IndicatorValue, PeriodReport, Programme, ReportingPeriod
from gloact.monitoring.tests.factories import add_value, make_indicator, make_period, make_programme, make_report
from gloact.reporting.iati.export import activity_file_bytes
from gloact.reporting.iati.figures import baseline_figures, countries_with_figures, period_figures
from gloact.reporting.iati.importing import import_results

pytestmark = pytest.mark.django_db


def indicators_of(programme):
    return {i.code: (i.title, i.definition, i.level, i.measure, i.direction) for i in programme.indicators.all()}


def baselines_and_targets(programme):
    return {
        i.code: (
            sorted((b.country_id, b.category_id, b.year, b.value) for b in i.baselines.all()),
            sorted((t.country_id, t.category_id, t.period and (t.period.start, t.period.end), t.value) for t in i.targets.all()),
        )
        for i in programme.indicators.all()
    }


def reported_values(programme):
    """Every approved value: place, period, total, assessment or text, and its disaggregations."""
    return sorted(
        (v.indicator.code, v.country_id or "", v.report.period.start, v.report.period.end, v.value, v.assessment, v.text_value,
         tuple(sorted((d.category.dimension.code, d.category.code, d.value) for d in v.disaggregations.all())))
        for v in IndicatorValue.objects.filter(report__programme=programme, report__status=PeriodReport.Status.APPROVED)
    )


def programme_figures(programme):
    """What the programme and each country show per period (totals and sex/age), as the export computes them."""
    whole = (programme.start_date, programme.end_date)
    countries = countries_with_figures(programme)
    return {
        (i.code, place): (
            [(p.start, p.end, p.actual, p.target) for p in period_figures(i, place, whole)], baseline_figures(i, place),
        )
        for i in programme.indicators.all() for place in [None, *sorted(countries[i.pk])]
    }


def test_round_trip_reproduces_indicators_and_values(iati_dir):
    demo.load()
    original = Programme.objects.get(code=demo.CODE)
    content = activity_file_bytes(original)
    copy = make_programme("copy", countries=(), start=original.start_date, end=original.end_date)

    result = import_results(content, copy, "glo-act.xml")

    assert result.errors == []
    assert result.indicators == original.indicators.count() == 37
    assert indicators_of(copy) == indicators_of(original)
    assert baselines_and_targets(copy) == baselines_and_targets(original)
    assert reported_values(copy) == reported_values(original)
    assert programme_figures(copy) == programme_figures(original)
    assert set(copy.countries.all()) == set(original.countries.all())
    assisted = copy.indicators.get(code="O.2")
    assert set(assisted.dimensions.values_list("code", flat=True)) == {"sex", "age"}
    assert all(r.events.get().comment.endswith("glo-act.xml.") for r in copy.reports.all())


def test_periods_are_created_by_their_dates(iati_dir):
    source = make_programme("src", countries=("MLI",))
    first_half = make_period(source)
    year = make_period(source, "2020", date(2020, 1, 1), date(2020, 12, 31), ReportingPeriod.Kind.ANNUAL)
    cases = make_indicator(source, "C", measure=Indicator.Measure.NUMBER)
    add_value(make_report(source, first_half, "MLI"), cases, 3, approve=True)
    add_value(make_report(source, year, "MLI"), cases, 7, approve=True)
    copy = make_programme("copy", countries=())

    assert import_results(activity_file_bytes(source), copy).errors == []

    assert sorted((p.start, p.end, p.kind) for p in copy.periods.all()) == [
        (date(2020, 1, 1), date(2020, 6, 30), ReportingPeriod.Kind.SEMI_ANNUAL),
        (date(2020, 1, 1), date(2020, 12, 31), ReportingPeriod.Kind.ANNUAL),
    ]
    assert reported_values(copy) == reported_values(source)
    # The programme figures are the country's: recomputed, not stored as programme-level values.
    assert not IndicatorValue.objects.filter(report__programme=copy, country=None).exists()


def test_nothing_is_written_when_anything_is_wrong(iati_dir):
    demo.load()
    content = activity_file_bytes(Programme.objects.get(code=demo.CODE))
    copy = make_programme("copy", countries=())
    broken = content.replace(b'<dimension name="sex" value="female"/>', b'<dimension name="sex" value="woman"/>', 1)

    result = import_results(broken, copy)

    assert len(result.errors) == 1 and "sex=woman is not a sex or age category" in result.errors[0]
    assert result.errors[0].startswith("line ")
    assert not copy.indicators.exists() and not copy.reports.exists() and not copy.periods.exists()

    assert import_results(content, copy).ok
    again = import_results(content, copy)
    assert "Indicator O.1 already exists in COPY." in again.errors
    assert any("already exists: its figures would be overwritten" in e for e in again.errors)
    assert copy.indicators.count() == 37


def test_invalid_files_are_refused_before_reading(iati_dir):
    copy = make_programme("copy", countries=())
    assert import_results(b"<iati-activities version='2.03'/>", copy).errors == [
        "line 1: Element 'iati-activities': Missing child element(s). Expected is ( iati-activity )."
    ]
    assert import_results(b"not xml", copy).errors[0].startswith("line 1: ")
    assert not copy.indicators.exists()


def test_cli_imports_all_or_nothing(iati_dir, tmp_path, capsys):
    demo.load()
    path = tmp_path / "glo-act.xml"
    call_command("iati_export", "--programme", demo.CODE, "-o", str(path))
    make_programme("copy", countries=())

    call_command("iati_import", str(path), "--programme", "copy")
    assert "37 indicators" in capsys.readouterr().out
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("iati_import", str(path), "--programme", "copy")
    assert "already exists" in capsys.readouterr().err
    with pytest.raises(CommandError, match="cannot read"):
        call_command("iati_import", str(tmp_path / "missing.xml"), "--programme", "copy")
