"""Country charts: the core bar chart (gloact.core.charts) at the sizes of countries.css. A chart
is drawn from the same protected table that is shown beside it and offered as CSV, so the picture
never shows more than the table (a suppressed cell is drawn as an outline with its "<5")."""

from gloact.core import charts

LAYOUT = charts.Layout(width=480, max_label_width=200, character_width=9, font_size=16, value_width=50)


def bar_chart(title: str, items: list[tuple[str, float | None, str]], maximum: float | None = None):
    """Bars for (label, value or None, shown text) items; None when there is nothing to draw."""
    chart = charts.bar_chart(title, items, layout=LAYOUT, maximum=maximum)
    return chart if chart.has_values else None


def chart_from_cells(title: str, labels: list[str], cells):
    return bar_chart(title, [(label, cell.value, cell.shown) for label, cell in zip(labels, cells, strict=True)])
