"""Right-to-left pages, where markup cannot go: a value isolated by Unicode's own marks."""

FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


def isolate(value) -> str:
    """`value` as text between Unicode's first-strong isolate and its end, as a <bdi> isolates it in
    markup: for text made in Python (a chart's title, a form's label) and for places that take no
    markup (<title>, attributes). On a right-to-left page, a Latin value keeps its punctuation at
    its own ends, and takes the direction of its first letter."""
    return f"{FIRST_STRONG_ISOLATE}{value}{POP_DIRECTIONAL_ISOLATE}"
