"""Server-rendered SVG bar charts for every app: horizontal bars, one group per category and one
bar per series, values written at the bar ends. Horizontal bars keep long category names
readable on a 360px screen, and every page shows the chart's numbers as a table too, so the
picture needs no JavaScript.

Entry points: `BarChart(title, categories, series)` (the data, with `rows()` for the table),
`bar_chart(title, rows)` for a chart of one series, `Layout` (sizes an app may change), and the
template core/bar_chart.html, which draws `chart.drawing`; all geometry is computed here.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

# Colour-blind-safe (Okabe-Ito) colours that also differ in lightness in black-and-white print.
SERIES_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]
LABEL_PADDING = 12  # room a label column keeps beyond its text
LABEL_GAP = 8  # between the end of a label and its bars
LEGEND_HEIGHT = 24
LEGEND_STEP = 150
BAR_SPACING = 2  # between the bars of one group
MISSING_WIDTH = 6  # a value withheld or not reported: a short dashed outline, not a zero bar
VALUE_OFFSET = 6


@dataclass(frozen=True)
class Layout:
    """Sizes in SVG units; `character_width` is the average glyph width at `font_size`, used to
    fit the label column to the longest label (up to `max_label_width`)."""

    width: int = 640
    max_label_width: int = 220
    character_width: int = 7
    font_size: int = 12
    value_width: int = 60
    bar_height: int = 20
    gap: int = 8

    @property
    def max_label_chars(self) -> int:
        return (self.max_label_width - LABEL_PADDING) // self.character_width


DEFAULT_LAYOUT = Layout()


@dataclass(frozen=True)
class Series:
    name: str
    values: list  # one number or None (no data) per category
    shown: list | None = None  # the figure as the page's table writes it ("<5"), per category

    def text(self, index: int) -> str:
        shown = self.shown[index] if self.shown else ""
        return shown or format_number(self.values[index])


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    colour: str
    hidden: bool  # no value: drawn as an outline
    text: str
    value_x: int
    text_y: int


@dataclass(frozen=True)
class Group:
    label: str
    label_x: int
    label_y: int
    bars: list[Bar]


@dataclass(frozen=True)
class LegendItem:
    name: str
    colour: str
    x: int
    text_x: int


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    font_size: int
    bar_height: int
    axis_x: int
    axis_top: int
    legend: list[LegendItem]
    groups: list[Group]


@dataclass(frozen=True)
class BarChart:
    title: str
    categories: list[str]
    series: list[Series]
    layout: Layout = field(default=DEFAULT_LAYOUT, compare=False)
    maximum: float | None = None  # the value of a full-length bar; the largest value when None

    def rows(self) -> list:
        """(category, [value per series]) for the chart's data table."""
        return [(category, [s.values[i] for s in self.series]) for i, category in enumerate(self.categories)]

    @property
    def has_values(self) -> bool:
        return any(v is not None for s in self.series for v in s.values)

    @cached_property
    def drawing(self) -> Drawing:
        return draw(self)


def format_number(value) -> str:
    """A whole number without decimals, another with two; "–" for no value."""
    if value is None:
        return "–"
    value = Decimal(str(value))
    return f"{value.normalize():,f}" if value == value.to_integral_value() else f"{value:,.2f}"


def short_label(label, max_chars: int) -> str:
    label = str(label)
    return label if len(label) <= max_chars else label[: max_chars - 1] + "…"


def bar_chart(title: str, rows, layout: Layout = DEFAULT_LAYOUT, maximum: float | None = None) -> BarChart:
    """A chart of one series from rows of (label, value) or (label, value, shown text)."""
    rows = [tuple(row) + ("",) * (3 - len(row)) for row in rows]
    return BarChart(
        title, [str(label) for label, _value, _shown in rows],
        [Series(title, [value for _label, value, _shown in rows], [shown for _label, _value, shown in rows])],
        layout=layout, maximum=maximum,
    )


def _bar_length(value, top: float, room: int) -> int:
    if value is None or value <= 0:
        return 0
    return max(1, round(room * float(value) / top))


def draw(chart: BarChart) -> Drawing:
    """The geometry of `chart`: where each label, bar and value goes (all whole SVG units, so
    that the template writes them unlocalised)."""
    layout = chart.layout
    labels = [short_label(category, layout.max_label_chars) for category in chart.categories]
    label_width = min(layout.max_label_width, LABEL_PADDING + layout.character_width * max(map(len, labels), default=0))
    room = layout.width - label_width - layout.value_width
    values = [float(v) for s in chart.series for v in s.values if v is not None]
    top = float(chart.maximum or max(values, default=0) or 1)
    colours = [SERIES_COLOURS[i % len(SERIES_COLOURS)] for i in range(len(chart.series))]
    several = len(chart.series) > 1
    legend_height = LEGEND_HEIGHT if several else 0
    legend = [
        LegendItem(s.name, colours[i], label_width + i * LEGEND_STEP, label_width + i * LEGEND_STEP + 16)
        for i, s in enumerate(chart.series)
    ] if several else []
    inner = len(chart.series) * layout.bar_height + (len(chart.series) - 1) * BAR_SPACING
    pitch = inner + layout.gap
    groups = []
    for row, label in enumerate(labels):
        top_y = layout.gap + legend_height + row * pitch
        bars = []
        for i, series in enumerate(chart.series):
            value = series.values[row]
            y = top_y + i * (layout.bar_height + BAR_SPACING)
            length = MISSING_WIDTH if value is None else _bar_length(value, top, room)
            bars.append(Bar(
                x=label_width, y=y, width=length, colour=colours[i], hidden=value is None, text=series.text(row),
                value_x=label_width + length + VALUE_OFFSET, text_y=y + layout.bar_height // 2,
            ))
        groups.append(Group(label, label_width - LABEL_GAP, top_y + inner // 2, bars))
    height = layout.gap + legend_height + len(labels) * pitch
    return Drawing(layout.width, height, layout.font_size, layout.bar_height, label_width, legend_height, legend, groups)
