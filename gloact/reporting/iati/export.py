"""A programme as an IATI 2.03 activity file.

The programme is the hierarchy-1 activity (`{reporting-org}-{programme code}`); each of its
countries is a hierarchy-2 activity (`…-{ISO3}`) that names the implementing partners of its
components and links to the programme by related-activity. A global component has no activity of
its own: its work is the programme activity's. Results carry the indicators with baselines, targets and approved actuals
per period (see figures.py); indicators are grouped into IATI results by logframe result.

Finance: the programme's budget goes out split over its financial years in proportion to the
days of each (IATI budgets must not span more than a year), marked indicative because the split
is an estimate. The platform holds no transactions yet, so none go out.
"""

import os
import tempfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from lxml import etree

from gloact.core.lists import join_list
from gloact.monitoring.models import Indicator, Programme
from gloact.monitoring.periods import period_bounds

from . import codes
from .figures import Figure, baseline_figures, countries_with_figures, period_figures
from .organisations import find_organisation, split_names
from .validation import validate_activity_file

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CENT = Decimal("0.01")


def format_number(number: Decimal) -> str:
    """5348.00 -> "5348", 60.50 -> "60.5": IATI values without padding zeros."""
    return f"{number.normalize():f}"


def activity_identifier(programme: Programme, reporting_org: str, country_iso3: str | None = None) -> str:
    identifier = f"{reporting_org}-{programme.code}"
    return f"{identifier}-{country_iso3}" if country_iso3 else identifier


def _sub(parent, tag: str, **attributes) -> etree._Element:
    return etree.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attributes.items() if v not in (None, "")})


def _narrative(parent, tag: str, text: str, **attributes) -> etree._Element:
    element = _sub(parent, tag, **attributes)
    etree.SubElement(element, "narrative").text = text
    return element


def _activity_status(programme: Programme, today: date) -> str:
    if today < programme.start_date:
        return codes.STATUS_PIPELINE
    return codes.STATUS_IMPLEMENTATION if today <= programme.end_date else codes.STATUS_CLOSED


def _dates(activity, programme: Programme, today: date) -> None:
    _sub(activity, "activity-date", type=codes.PLANNED_START, iso_date=programme.start_date.isoformat())
    if programme.start_date <= today:
        _sub(activity, "activity-date", type=codes.ACTUAL_START, iso_date=programme.start_date.isoformat())
    _sub(activity, "activity-date", type=codes.PLANNED_END, iso_date=programme.end_date.isoformat())
    if programme.end_date < today:
        _sub(activity, "activity-date", type=codes.ACTUAL_END, iso_date=programme.end_date.isoformat())


def _participating_org(activity, name: str, role: str) -> None:
    known = find_organisation(name)
    element = _sub(activity, "participating-org", role=role, ref=known.ref if known else None, type=known.type if known else None)
    etree.SubElement(element, "narrative").text = known.name if known else name


def _reporting_org(activity, programme: Programme, ref: str) -> None:
    known = find_organisation(ref)
    # OrganisationType 90 (other) when the platform does not know the configured publisher.
    element = _sub(activity, "reporting-org", ref=ref, type=known.type if known and known.type else "90")
    etree.SubElement(element, "narrative").text = known.name if known else (programme.lead_organisation or ref)


def _recipient_countries(activity, iso2_codes: list[str]) -> None:
    # Percentages must add up to 100 when there are several: equal shares, the last one takes the rounding.
    if len(iso2_codes) == 1:
        _sub(activity, "recipient-country", code=iso2_codes[0], percentage="100")
        return
    share = (Decimal(100) / len(iso2_codes)).quantize(CENT, ROUND_HALF_UP) if iso2_codes else Decimal(0)
    for index, code in enumerate(iso2_codes):
        last = index == len(iso2_codes) - 1
        percentage = Decimal(100) - share * (len(iso2_codes) - 1) if last else share
        _sub(activity, "recipient-country", code=code, percentage=format_number(percentage))


def yearly_budgets(programme: Programme) -> list[tuple[date, date, Decimal]]:
    """The programme budget over its financial years, in proportion to the programme's days in each;
    the amounts add up to the budget exactly (the last year takes the rounding)."""
    years = [
        (max(start, programme.start_date), min(end, programme.end_date))
        for start, end, _label in period_bounds(programme, "annual")
    ]
    total_days = sum((end - start).days + 1 for start, end in years)
    budgets, allocated = [], Decimal(0)
    for index, (start, end) in enumerate(years):
        if index == len(years) - 1:
            amount = programme.budget - allocated
        else:
            amount = (programme.budget * ((end - start).days + 1) / total_days).quantize(CENT, ROUND_HALF_UP)
        allocated += amount
        budgets.append((start, end, amount))
    return budgets


def _budgets(activity, programme: Programme) -> None:
    if not programme.budget:
        return
    for start, end, amount in yearly_budgets(programme):
        budget = _sub(activity, "budget", type=codes.BUDGET_ORIGINAL, status=codes.BUDGET_INDICATIVE)
        _sub(budget, "period-start", iso_date=start.isoformat())
        _sub(budget, "period-end", iso_date=end.isoformat())
        value = _sub(budget, "value", currency=programme.currency, value_date=programme.start_date.isoformat())
        value.text = format_number(amount)


def _figure(parent, tag: str, figure: Figure, dimension: tuple[str, str] | None = None, **attributes) -> None:
    element = _sub(parent, tag, value=format_number(figure.value) if figure.value is not None else None, **attributes)
    if dimension:
        _sub(element, "dimension", name=dimension[0], value=dimension[1])
    if figure.comment:
        _narrative(element, "comment", figure.comment)


def _figure_with_breakdown(parent, tag: str, figure: Figure) -> None:
    _figure(parent, tag, figure)
    for dimension, amount in sorted(figure.breakdown.items()):
        if amount is not None:
            _figure(parent, tag, Figure(amount), dimension)


def _indicator(result, indicator: Indicator, country: str | None, whole: tuple[date, date]) -> None:
    element = _sub(
        result, "indicator", measure=codes.MEASURE_CODES[indicator.measure],
        ascending="1" if indicator.direction == Indicator.Direction.INCREASE else "0",
    )
    _narrative(element, "title", indicator.title)
    if indicator.definition:
        _narrative(element, "description", indicator.definition)
    _sub(element, "reference", vocabulary=codes.OWN_INDICATOR_VOCABULARY, code=indicator.code)
    for baseline in baseline_figures(indicator, country):
        _figure(element, "baseline", baseline.figure, baseline.dimension, year=str(baseline.year))
    for figures in period_figures(indicator, country, whole):
        period = _sub(element, "period")
        _sub(period, "period-start", iso_date=figures.start.isoformat())
        _sub(period, "period-end", iso_date=figures.end.isoformat())
        if figures.target:
            _figure_with_breakdown(period, "target", figures.target)
        if figures.actual:
            _figure_with_breakdown(period, "actual", figures.actual)


def _results(activity, indicators: list[Indicator], country: str | None, whole: tuple[date, date]) -> None:
    """One IATI result per logframe result (and indicator level); indicators without a logframe
    result are grouped by level."""
    groups: dict[tuple, list[Indicator]] = {}
    for indicator in indicators:
        groups.setdefault((indicator.result_id, indicator.level), []).append(indicator)
    for (_result_id, level), members in groups.items():
        result = _sub(activity, "result", type=codes.RESULT_TYPES[level])
        logframe_result = members[0].result
        title = logframe_result.title if logframe_result else _("%(level)s indicators") % {"level": Indicator.Level(level).label}
        _narrative(result, "title", title[:1].upper() + title[1:])
        for indicator in members:
            _indicator(result, indicator, country, whole)


def _activity(root, programme: Programme, reporting_org: str, today: date, country=None) -> etree._Element:
    activity = _sub(root, "iati-activity", hierarchy="2" if country else "1", default_currency=programme.currency)
    activity.set(XML_LANG, "en")
    _sub(activity, "iati-identifier").text = activity_identifier(programme, reporting_org, country.iso3 if country else None)
    _reporting_org(activity, programme, reporting_org)
    name = programme.short_title or programme.title
    if country:
        partners = sorted({c.implementing_partner for c in programme.components.filter(country=country)})
        _narrative(activity, "title", f"{name}: {country.name}")
        description = _("Country component of %(programme)s in %(country)s.") % {"programme": name, "country": country.name}
        if partners:
            description += " " + _("Implemented by %(partners)s.") % {"partners": join_list(partners)}
        _narrative(activity, "description", description)
    else:
        partners = split_names(programme.lead_organisation) + split_names(programme.partner_organisations)
        _narrative(activity, "title", programme.title)
        _narrative(activity, "description", programme.summary or programme.title)
    if not partners:  # IATI needs a participating organisation: the publisher, when no partner is named
        partners = [reporting_org]
    for donor in split_names(programme.donor):
        _participating_org(activity, donor, codes.ROLE_FUNDING)
    for partner in partners:
        _participating_org(activity, partner, codes.ROLE_IMPLEMENTING)
    _sub(activity, "activity-status", code=_activity_status(programme, today))
    _dates(activity, programme, today)
    countries = [country] if country else list(programme.countries.order_by("iso2"))
    _recipient_countries(activity, [c.iso2 for c in countries])
    _sub(activity, "sector", vocabulary=codes.SECTOR_VOCABULARY_DAC, code=codes.SECTOR_MIGRATION, percentage="100")
    if not country:
        _budgets(activity, programme)
    return activity


def build_activities(programme: Programme, reporting_org: str | None = None, now: datetime | None = None) -> etree._ElementTree:
    reporting_org = reporting_org or settings.GLOACT_IATI_REPORTING_ORG
    now = now or timezone.now()
    today = timezone.localdate(now)
    whole = (programme.start_date, programme.end_date)
    indicators = list(programme.indicators.select_related("result").order_by("order", "code"))
    root = etree.Element("iati-activities", version=codes.VERSION)
    root.set("generated-datetime", now.replace(microsecond=0).isoformat())
    with translation.override("en"):
        parent = _activity(root, programme, reporting_org, today)
        countries = programme.countries.order_by("iso3")
        with_figures = countries_with_figures(programme)
        for country in countries:
            child_identifier = activity_identifier(programme, reporting_org, country.iso3)
            _sub(parent, "related-activity", ref=child_identifier, type=codes.RELATED_CHILD)
        _results(parent, indicators, None, whole)
        for country in countries:
            child = _activity(root, programme, reporting_org, today, country)
            _sub(child, "related-activity", ref=activity_identifier(programme, reporting_org), type=codes.RELATED_PARENT)
            _results(child, [i for i in indicators if country.iso3 in with_figures[i.pk]], country.iso3, whole)
    return etree.ElementTree(root)


def activity_file_bytes(programme: Programme, reporting_org: str | None = None, now: datetime | None = None) -> bytes:
    tree = build_activities(programme, reporting_org, now)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


@dataclass(frozen=True)
class ExportResult:
    content: bytes
    errors: list[str]

    @property
    def ok(self) -> bool:
        return not self.errors


def export_programme(programme: Programme, reporting_org: str | None = None) -> ExportResult:
    """The programme's activity file and what the XSD and the result rules say about it."""
    content = activity_file_bytes(programme, reporting_org)
    return ExportResult(content, validate_activity_file(content))


def write_activity_file(path: str | Path, content: bytes) -> None:
    """Write atomically: readers see the old file or the new one, never half of it."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
