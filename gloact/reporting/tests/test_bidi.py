"""Right-to-left results page: a programme's Latin titles, indicator codes and category labels are
isolated (<bdi>; in the charts' SVG, laid out in their own direction), as on the case law pages."""

import re

import pytest
from django.utils import translation

from gloact.core.tests.html_runs import arabic_page, assert_isolated, text_runs
from gloact.monitoring.models import Dimension, DimensionCategory, Indicator
from gloact.monitoring.tests.factories import add_value, make_indicator, make_period, make_programme, make_report

pytestmark = pytest.mark.django_db


def test_arabic_results_page_isolates_latin_values(client):
    programme = make_programme("syn", countries=("MLI",))
    programme.title, programme.short_title = "Synthetic Programme (phase II).", "SYN-2 (pilot)"
    programme.save()
    institution = Dimension.objects.create(code="institution", name="Institution", programme=programme)
    DimensionCategory.objects.create(dimension=institution, code="judges", label="Judges (synthetic).")
    indicator = make_indicator(programme, "O.1.", title="Synthetic cases prosecuted (per year).", unit="cases (synthetic)",
                               level=Indicator.Level.OBJECTIVE, dimensions=["institution"])
    report = make_report(programme, make_period(programme))
    add_value(report, indicator, 12, breakdown={"institution:judges": 12}, approve=True)

    html = arabic_page(client, "/ar/reports/programmes/syn/")
    for value in ("SYN-2 (pilot)", "Synthetic Programme (phase II).", "Synthetic cases prosecuted (per year).",
                  "cases (synthetic)"):
        assert_isolated(html, value)
    # The code: in the indicators' table and as the name of the chart's series.
    codes = [[tag for tag, _attrs in ancestors[-2:]] for text, ancestors in text_runs(html) if text == "O.1."]
    assert codes == [["th", "bdi"], ["th", "bdi"]]
    # The headline result, the chart's table and the chart itself.
    headline = [ancestors for text, ancestors in text_runs(html) if text == "Synthetic cases prosecuted (per year)."]
    assert any(ancestors[-1][1].get("class") == "headline-title" for ancestors in headline)
    labels = [ancestors[-1] for text, ancestors in text_runs(html) if text == "Judges (synthetic)."]
    assert {tag for tag, _attrs in labels} == {"bdi", "text"}  # SVG text takes no <bdi>: laid out in its own direction
    assert all(attrs["unicode-bidi"] == "plaintext" for tag, attrs in labels if tag == "text")
    # The chart's caption ("O.1. by Institution") is one sentence made in Python, and the page's
    # <title> takes no markup: their values are isolated by Unicode's marks instead.
    with translation.override("ar"):
        caption = translation.gettext("%(code)s by %(dimension)s") % {
            "code": "\u2068O.1.\u2069", "dimension": f"\u2068{institution.display_name}\u2069"}
    assert "\u2068O.1.\u2069" in caption and f"<figcaption>{caption}</figcaption>" in html
    assert "\u2068SYN-2 (pilot)\u2069" in re.search("<title>(.*)</title>", html)[1]
