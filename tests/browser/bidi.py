"""Where Chromium lays out text on a right-to-left page, for the browser tests of Arabic pages."""

# The left edges of the first and last characters of an element's own text.
_FIRST_AND_LAST_LETTER_X = """element => {
  const text = [...element.childNodes].find(node => node.nodeType === Node.TEXT_NODE && node.data.trim());
  const start = text.data.search(/\\S/), end = text.data.trimEnd().length - 1;
  const range = document.createRange();
  const x = at => { range.setStart(text, at); range.setEnd(text, at + 1); return range.getBoundingClientRect().left; };
  return [x(start), x(end)];
}"""


def assert_read_left_to_right(page, values) -> None:
    """Each of `values`, shown on `page`, has its first letter left of its last."""
    for value in values:
        first, last = page.get_by_text(value, exact=True).first.evaluate(_FIRST_AND_LAST_LETTER_X)
        assert first < last, value


def direction(locator) -> str:
    """The direction ("ltr" or "rtl") the browser gives the element."""
    return locator.evaluate("element => getComputedStyle(element).direction")
