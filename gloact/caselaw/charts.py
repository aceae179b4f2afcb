"""Server-rendered SVG bar charts: the geometry of each bar, computed here so that the template
(caselaw/insight/_bar_chart.html) only draws it. Every chart is shown with its data table, so
the SVG itself is decorative for screen readers (aria-hidden) and needs no JavaScript."""

from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 220
VALUE_WIDTH = 60
BAR_HEIGHT = 20
GAP = 8
MAX_LABEL_CHARS = 32


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: int
    text_y: int


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: list
    width: int
    height: int
    bar_x: int
    value_x: int


def bar_chart(title: str, rows) -> BarChart:
    """A horizontal bar chart of `rows` [(label, value)], bars scaled to the largest value."""
    rows = list(rows)
    largest = max((value for _label, value in rows), default=0) or 1
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for index, (label, value) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        label = str(label)
        short = label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"
        bars.append(Bar(short, value, y, max(round(span * value / largest), 1 if value else 0), y + BAR_HEIGHT - 5))
    height = GAP + len(rows) * (BAR_HEIGHT + GAP)
    return BarChart(title, bars, WIDTH, height, LABEL_WIDTH, LABEL_WIDTH + span + 6)
