"""Theory of change drawn as SVG, laid out by level: impact on top, then outcomes, intermediate
outcomes and outputs; boxes with wrapped text, arrows for causal links (from a lower result to the
higher one it contributes to). Plain SVG with no script or CSS, so it prints and embeds anywhere."""

import textwrap
from xml.sax.saxutils import escape  # nosec B406 # xml.sax.saxutils.escape only escapes text; nothing is parsed

from .models import ToCNode, ToCVersion

BOX_WIDTH = 210
CHARS_PER_LINE = 30
LINE_HEIGHT = 15
PADDING = 10
GAP_X = 24
GAP_Y = 56
MAX_PER_ROW = 6
MARGIN = 20
LEVEL_LABEL_HEIGHT = 20
FILL = {
    ToCNode.Level.IMPACT: "#0b4f6c",
    ToCNode.Level.OUTCOME: "#1d6b8f",
    ToCNode.Level.INTERMEDIATE: "#dcebf3",
    ToCNode.Level.OUTPUT: "#f3f5f7",
}
DARK = {ToCNode.Level.IMPACT, ToCNode.Level.OUTCOME}


def _lines(text: str) -> list[str]:
    return textwrap.wrap(text, CHARS_PER_LINE) or [""]


def layout(version: ToCVersion) -> tuple[dict[int, tuple[float, float, float, float]], list[tuple[str, float]], float, float]:
    """Box positions {node pk: (x, y, width, height)}, level captions [(label, y)] and the size."""
    nodes = list(version.nodes.all())
    rows: list[tuple[str, list[ToCNode]]] = []
    for level in ToCNode.Level:
        members = [n for n in nodes if n.level == level]
        for start in range(0, len(members), MAX_PER_ROW):
            rows.append((level.label if start == 0 else "", members[start:start + MAX_PER_ROW]))
    widest = max((len(members) for _label, members in rows), default=1)
    width = MARGIN * 2 + widest * BOX_WIDTH + (widest - 1) * GAP_X
    boxes, captions, y = {}, [], MARGIN
    for caption, members in rows:
        if caption:
            captions.append((str(caption), y + 12))
            y += LEVEL_LABEL_HEIGHT
        row_height = max(len(_lines(n.text)) for n in members) * LINE_HEIGHT + 2 * PADDING
        row_width = len(members) * BOX_WIDTH + (len(members) - 1) * GAP_X
        x = (width - row_width) / 2
        for node in members:
            boxes[node.pk] = (x, y, BOX_WIDTH, row_height)
            x += BOX_WIDTH + GAP_X
        y += row_height + GAP_Y
    return boxes, captions, width, y - GAP_Y + MARGIN


def toc_svg(version: ToCVersion) -> str:
    boxes, captions, width, height = layout(version)
    title = f"{version.theory.title} (v{version.number})"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
        f'height="{height:.0f}" font-family="system-ui, sans-serif" role="img">',
        f"<title>{escape(title)}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#4a5561"/></marker></defs>',
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
    ]
    # Each line set in the direction of its first letter (unicode-bidi), keeping its anchor: an Arabic
    # text keeps its full stop and brackets at its own ends in this left-to-right drawing.
    for caption, y in captions:
        out.append(f'<text x="{MARGIN}" y="{y}" font-size="13" font-weight="bold" fill="#4a5561" '
                   f'unicode-bidi="plaintext">{escape(caption.upper())}</text>')
    for link in version.links.all():
        if link.source_id not in boxes or link.target_id not in boxes:
            continue
        sx, sy, sw, _sh = boxes[link.source_id]
        tx, ty, tw, th = boxes[link.target_id]
        x1, y1 = sx + sw / 2, sy
        x2, y2 = tx + tw / 2, ty + th
        if y2 >= y1:  # a link within a row or downwards: draw side to side
            x1, y1, x2, y2 = sx + sw, sy + _sh / 2, tx, ty + th / 2
        out.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#4a5561" stroke-width="1.3" '
            'marker-end="url(#arrow)"/>'
        )
    for node in version.nodes.all():
        x, y, w, h = boxes[node.pk]
        fill = FILL.get(node.level, "#ffffff")
        ink = "#ffffff" if node.level in DARK else "#1b1f24"
        out.append(f'<g><title>{escape(node.key)}: {escape(node.text)}</title>')
        out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w}" height="{h}" rx="6" fill="{fill}" stroke="#0b4f6c"/>')
        for i, line in enumerate(_lines(node.text)):
            out.append(
                f'<text x="{x + w / 2:.1f}" y="{y + PADDING + 11 + i * LINE_HEIGHT:.1f}" font-size="12" '
                f'text-anchor="middle" fill="{ink}" unicode-bidi="plaintext">{escape(line)}</text>'
            )
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
