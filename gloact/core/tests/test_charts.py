"""Bar charts (core/charts.py and core/bar_chart.html): geometry, missing values, labels, and
the SVG the pages include."""

from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation

from gloact.core.charts import (
    DEFAULT_LAYOUT, LEGEND_HEIGHT, MISSING_WIDTH, BarChart, Layout, Series, bar_chart, format_number,
)


def widths(chart):
    return [bar.width for group in chart.drawing.groups for bar in group.bars]


def test_bars_are_scaled_to_the_largest_value():
    chart = bar_chart("Cases", [("Mali", 10), ("Niger", 5), ("Chad", 0)])
    drawing = chart.drawing
    room = drawing.width - drawing.axis_x - DEFAULT_LAYOUT.value_width
    assert widths(chart) == [room, room // 2, 0]
    assert [g.bars[0].text for g in drawing.groups] == ["10", "5", "0"]
    # Each bar below the one before, the picture as tall as its bars.
    ys = [g.bars[0].y for g in drawing.groups]
    assert ys == sorted(ys) and drawing.height == ys[-1] + DEFAULT_LAYOUT.bar_height + DEFAULT_LAYOUT.gap


def test_a_maximum_fixes_the_scale_and_a_tiny_value_still_shows():
    chart = bar_chart("Score", [("Mali", 50), ("Niger", 0.01)], maximum=100)
    room = chart.drawing.width - chart.drawing.axis_x - DEFAULT_LAYOUT.value_width
    assert widths(chart) == [round(room / 2), 1]


def test_missing_values_are_outlines_and_the_tables_text_is_shown():
    chart = bar_chart("Victims", [("Women", 12, "12"), ("Men", None, "<5"), ("Girls", None, "")])
    bars = [g.bars[0] for g in chart.drawing.groups]
    assert [b.hidden for b in bars] == [False, True, True]
    assert [b.width for b in bars[1:]] == [MISSING_WIDTH, MISSING_WIDTH]
    assert [b.text for b in bars] == ["12", "<5", "–"]
    assert chart.has_values and not bar_chart("Empty", [("Men", None, "<5")]).has_values
    assert not bar_chart("Empty", []).has_values


def test_long_labels_are_shortened_and_the_label_column_fits_the_longest():
    layout = Layout(max_label_width=100, character_width=8)
    chart = bar_chart("Cases", [("Central African Republic", 3), ("Mali", 2)], layout=layout)
    labels = [g.label for g in chart.drawing.groups]
    assert labels == ["Central Af…", "Mali"] and len(labels[0]) == layout.max_label_chars
    assert chart.drawing.axis_x == 100
    assert bar_chart("Cases", [("Mali", 1)], layout=layout).drawing.axis_x == 12 + 4 * 8


def test_several_series_are_grouped_under_a_legend():
    chart = BarChart("Target and actual", ["2023", "2024"],
                     [Series("Actual", [Decimal("3"), None]), Series("Target", [Decimal("4.5"), Decimal("6")])])
    drawing = chart.drawing
    assert [item.name for item in drawing.legend] == ["Actual", "Target"]
    assert drawing.legend[0].colour != drawing.legend[1].colour
    first = drawing.groups[0]
    assert first.bars[0].y >= LEGEND_HEIGHT and first.bars[1].y > first.bars[0].y
    assert [b.text for b in first.bars] == ["3", "4.50"] and drawing.groups[1].bars[0].hidden
    assert chart.rows() == [("2023", [Decimal("3"), Decimal("4.5")]), ("2024", [None, Decimal("6")])]
    assert bar_chart("One", [("a", 1)]).drawing.legend == []


def test_numbers_are_written_whole_or_with_two_decimals():
    assert [format_number(v) for v in (None, 1234, Decimal("2.50"), 0.126, Decimal("7.000"))] == [
        "–", "1,234", "2.50", "0.13", "7"]


def test_the_svg_is_an_escaped_labelled_image_with_unlocalised_geometry():
    chart = bar_chart("Cases <by> country", [("<Mali>", 1234567), ("Niger", 3)])
    with translation.override("fr"):
        svg = render_to_string("core/bar_chart.html", {"chart": chart})
    assert 'role="img" aria-label="Cases &lt;by&gt; country"' in svg and "<title>Cases &lt;by&gt; country</title>" in svg
    assert "&lt;Mali&gt;" in svg and "<Mali>" not in svg
    assert f'viewBox="0 0 640 {chart.drawing.height}"' in svg and 'direction="ltr"' in svg
    assert svg.count('<rect class="bar"') == 2 and "1,234,567" in svg
    assert render_to_string("core/bar_chart.html", {"chart": bar_chart("Empty", [])}).strip() == ""
