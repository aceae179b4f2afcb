"""Lists in the reader's language: the separator between items comes from the catalogue."""

from django.template import Context, Template
from django.utils import translation

from gloact.core.lists import SEMICOLON, join_list


def test_lists_take_the_separators_of_the_active_language():
    items = ["Mali", "Niger", "Nepal"]
    shown = {}
    for language in ("en", "fr", "ar", "zh-hans"):
        with translation.override(language):
            shown[language] = (join_list(items), join_list(items, SEMICOLON))
    assert shown["en"] == ("Mali, Niger, Nepal", "Mali; Niger; Nepal")
    assert shown["fr"] == ("Mali, Niger, Nepal", "Mali ; Niger ; Nepal")
    assert shown["ar"] == ("Mali، Niger، Nepal", "Mali؛ Niger؛ Nepal")
    assert shown["zh-hans"] == ("Mali、Niger、Nepal", "Mali；Niger；Nepal")


def test_template_lists_escape_their_items_and_mark_the_separator_between_tagged_items():
    template = Template(
        '{% load lists %}<p>{{ items|join_list }}</p><p>{{ items|join_list:";" }}</p>'
        "<p>{% for item in items %}<b>{{ item }}</b>{% if not forloop.last %}{% list_separator %}{% endif %}{% endfor %}</p>"
        "{% autoescape off %}<p>{{ items|join_list }}</p>{% endautoescape %}"
    )
    with translation.override("ar"):
        shown = template.render(Context({"items": ["<i>A</i>", "B & C"]}))
    assert shown == (
        "<p>&lt;i&gt;A&lt;/i&gt;، B &amp; C</p><p>&lt;i&gt;A&lt;/i&gt;؛ B &amp; C</p>"
        "<p><b>&lt;i&gt;A&lt;/i&gt;</b>، <b>B &amp; C</b></p><p><i>A</i>، B & C</p>"
    )
