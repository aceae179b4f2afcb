"""Server-rendered SVG bar charts. Each chart comes with its numbers, which the page also shows
as an HTML table, so that screen-reader users and printouts get the same data."""

from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr  # nosec B406 # xml.sax.saxutils.escape only escapes text; nothing is parsed

# Colour-blind-safe pairs (Okabe-Ito) that also differ in lightness for black-and-white print.
SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]


@dataclass(frozen=True)
class Series:
    name: str
    values: list  # one Decimal or None per category


@dataclass(frozen=True)
class BarChart:
    title: str
    categories: list[str]
    series: list[Series]

    def rows(self):
        """(category, [value per series]) for the accessible data table."""
        return [(category, [s.values[i] for s in self.series]) for i, category in enumerate(self.categories)]


def _number(value) -> str:
    if value is None:
        return "–"
    value = Decimal(value)
    return f"{value.normalize():,f}" if value == value.to_integral_value() else f"{value:,.2f}"


def bar_chart_svg(chart: BarChart, width: int = 640, label_width: int = 170, bar_height: int = 18) -> str:
    """Horizontal grouped bars: one group per category, one bar per series, values written at the
    bar ends (horizontal bars keep long category names readable on narrow screens)."""
    numbers = [Decimal(v) for s in chart.series for v in s.values if v is not None]
    top = max(numbers + [Decimal(1)])
    group_height = bar_height * len(chart.series) + 10
    legend_height = 24
    height = legend_height + group_height * max(len(chart.categories), 1) + 10
    plot_width = width - label_width - 70
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'class="chart" aria-label={quoteattr(chart.title)}>',
        f"<title>{escape(chart.title)}</title>",
    ]
    for i, series in enumerate(chart.series):
        x = label_width + i * 150
        out.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{SERIES_COLOURS[i % len(SERIES_COLOURS)]}"/>')
        out.append(f'<text x="{x + 16}" y="15" font-size="12" fill="#1b1f24">{escape(series.name)}</text>')
    for row, category in enumerate(chart.categories):
        y0 = legend_height + row * group_height
        out.append(
            f'<text x="{label_width - 6}" y="{y0 + group_height / 2}" font-size="12" text-anchor="end" '
            f'dominant-baseline="middle" fill="#1b1f24">{escape(category[:28])}</text>'
        )
        for i, series in enumerate(chart.series):
            value = series.values[row]
            y = y0 + i * bar_height
            length = 0 if value is None else float(Decimal(value) / top) * plot_width
            colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
            out.append(f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height - 3}" fill="{colour}"/>')
            out.append(
                f'<text x="{label_width + length + 4:.1f}" y="{y + bar_height / 2}" font-size="11" '
                f'dominant-baseline="middle" fill="#1b1f24">{escape(_number(value))}</text>'
            )
    out.append(f'<line x1="{label_width}" y1="{legend_height}" x2="{label_width}" y2="{height - 6}" stroke="#4a5561"/>')
    out.append("</svg>")
    return "".join(out)
