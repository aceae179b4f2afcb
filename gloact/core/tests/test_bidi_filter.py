"""The |bdi and |isolate filters: a value isolated inside a translated sentence or a <title>, still escaped."""

from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe


def test_a_value_in_a_translated_sentence_is_isolated_and_escaped():
    template = Template(
        "{% load i18n bidi %}{% blocktranslate with name=value|bdi %}Results of {{ name }}{% endblocktranslate %}"
    )
    with translation.override("en"):
        shown = template.render(Context({"value": "<b>SYN-2 (pilot)</b>"}))
    assert shown == "Results of <bdi>&lt;b&gt;SYN-2 (pilot)&lt;/b&gt;</bdi>"


def test_a_value_in_a_title_is_isolated_by_unicode_marks_and_escaped():
    template = Template("{% load bidi %}<title>{{ value|isolate }}: {{ safe|isolate }}</title>")
    shown = template.render(Context({"value": "<SYN-2 (pilot).>", "safe": mark_safe("<b>CR-2019/45</b>")}))
    assert shown == "<title>\u2068&lt;SYN-2 (pilot).&gt;\u2069: \u2068<b>CR-2019/45</b>\u2069</title>"
