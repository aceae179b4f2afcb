"""The runs of text of a page with the elements around each, to check how right-to-left pages isolate values."""

from html.parser import HTMLParser

from django.utils import translation

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HIDDEN = {"head", "script", "style", "template"}


class _Texts(HTMLParser):
    """Each run of text of a page, with the elements (tag, attributes) it sits in, outermost first."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.runs: list[tuple[str, tuple]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data):
        if data.strip() and not any(tag in HIDDEN for tag, _attrs in self.stack):
            self.runs.append((data.strip(), tuple(self.stack)))


def text_runs(html: str) -> list[tuple[str, tuple]]:
    parser = _Texts()
    parser.feed(html)
    parser.close()
    return parser.runs


def assert_isolated(html: str, value: str):
    """`value` is shown on its own in a <bdi>, and nowhere outside an element that isolates it
    (a <bdi>, or a block of free text with its own direction, such as a citation or a summary)."""
    runs = [(text, ancestors) for text, ancestors in text_runs(html) if value in text]
    assert any(text == value for text, _ancestors in runs), f"{value!r} is not shown on its own"
    for text, ancestors in runs:
        if text == value:
            assert ancestors[-1][0] == "bdi", f"{value!r} is not isolated: in {ancestors[-1]}"
        else:
            assert any(tag == "bdi" or "dir" in attrs for tag, attrs in ancestors[1:]), f"{value!r} in {text!r}"


def block_of(html: str, value: str) -> dict:
    """The attributes of the nearest element around `value` that sets its direction."""
    ancestors = next(ancestors for text, ancestors in text_runs(html) if value in text)
    return next(attrs for _tag, attrs in reversed(ancestors) if "dir" in attrs)


def arabic_page(client, url: str) -> str:
    """The page at `url` (an /ar/ address), checked to be a right-to-left Arabic page. The request
    activates Arabic; the test gets back the language it had."""
    with translation.override(translation.get_language()):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    return html


def in_arabic(value) -> str:
    """`value` as an Arabic page shows it (a country's or jurisdiction's translated name)."""
    with translation.override("ar"):
        return str(value)
