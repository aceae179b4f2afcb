"""Template filters for right-to-left pages: a data value isolated from the sentence around it."""

from django import template
from django.utils.html import format_html

from gloact.core import bidi as bidi_marks

register = template.Library()


@register.filter
def bdi(value):
    """`value`, escaped, in a <bdi>: for values put into a translated sentence
    ({% blocktranslate with name=programme.short_title|bdi %}), whose text cannot hold the tag
    itself. Not for attributes or <title>, which take no markup: see isolate."""
    return format_html("<bdi>{}</bdi>", value)


@register.filter(is_safe=True)
def isolate(value):
    """`value` between Unicode's isolate marks (gloact.core.bidi.isolate), for <title> and
    attributes; escaped as any value."""
    return bidi_marks.isolate(value)
