"""The |bdi filter: a value isolated inside a translated sentence, still escaped."""

from django.template import Context, Template
from django.utils import translation


def test_a_value_in_a_translated_sentence_is_isolated_and_escaped():
    template = Template(
        "{% load i18n bidi %}{% blocktranslate with name=value|bdi %}Results of {{ name }}{% endblocktranslate %}"
    )
    with translation.override("en"):
        shown = template.render(Context({"value": "<b>SYN-2 (pilot)</b>"}))
    assert shown == "Results of <bdi>&lt;b&gt;SYN-2 (pilot)&lt;/b&gt;</bdi>"
