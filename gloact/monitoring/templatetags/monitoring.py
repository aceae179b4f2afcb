"""Formatting of reported figures in the results pages."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from gloact.monitoring.models import Indicator

register = template.Library()


@register.filter
def figure(value):
    """5348.00 -> "5,348"; 53.85 -> "53.85"; None -> "–" (grouping follows the language)."""
    if value is None or value == "":
        return "–"
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else 2
    return number_format(value, places, use_l10n=True, force_grouping=True)


@register.simple_tag
def status_value(item):
    """The programme (or country) value of an IndicatorStatus in words fit for its measure."""
    indicator, facts = item.indicator, item.facts
    overall = item.programme_value
    if facts.actual is None:
        return "–"
    if item.country is None and indicator.aggregation == Indicator.Aggregation.COUNT_COUNTRIES and overall and not overall.reported_centrally:
        countries = len(indicator.programme.countries.all())
        return _("%(count)s of %(total)d countries (%(share)s%%)") % {
            "count": figure(facts.actual), "total": countries, "share": figure(overall.share_of_countries)}
    if indicator.measure == Indicator.Measure.YES_NO:
        return _("yes") if facts.actual >= 1 else _("no")
    if indicator.measure == Indicator.Measure.PERCENTAGE:
        return f"{figure(facts.actual)}%"
    return figure(facts.actual)
