"""Server-rendered SVG bar charts. A chart is drawn from the same protected table that is shown
beside it and offered as CSV, so the picture never shows more than the table."""

from dataclasses import dataclass

WIDTH = 480
MAX_LABEL_WIDTH = 200
CHARACTER_WIDTH = 9  # at the 16px font of countries.css
VALUE_WIDTH = 50
BAR_HEIGHT = 20
GAP = 8


@dataclass
class Bar:
    label: str
    shown: str  # the figure as the table shows it ("<5", "" for no data)
    x: int
    y: int
    width: int
    text_y: int
    value_x: int
    hidden: bool  # suppressed or missing: drawn as an outline only


@dataclass
class BarChart:
    title: str
    bars: list[Bar]
    width: int
    height: int
    label_width: int
    bar_height: int = BAR_HEIGHT


def bar_chart(title: str, items: list[tuple[str, float | None, str]], maximum: float | None = None) -> BarChart | None:
    """Horizontal bars for (label, value or None, shown text) items; None when nothing to draw."""
    values = [v for _label, v, _shown in items if v is not None]
    if not values:
        return None
    top = maximum or max(values) or 1
    label_width = min(MAX_LABEL_WIDTH, 12 + CHARACTER_WIDTH * max(len(label) for label, _v, _s in items))
    room = WIDTH - label_width - VALUE_WIDTH
    bars = []
    for index, (label, value, shown) in enumerate(items):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = 0 if value is None else max(1, round(room * value / top))
        bars.append(Bar(
            label=label[:27], shown=shown or "–", x=label_width, y=y, width=width or 6,
            text_y=y + BAR_HEIGHT - 5, value_x=label_width + (width or 6) + 6, hidden=value is None,
        ))
    height = GAP + len(items) * (BAR_HEIGHT + GAP)
    return BarChart(title, bars, WIDTH, height, label_width - 8)


def chart_from_cells(title: str, labels: list[str], cells) -> BarChart | None:
    return bar_chart(title, [(label, cell.value, cell.shown) for label, cell in zip(labels, cells, strict=True)])
