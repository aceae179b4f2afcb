"""Lists in templates, with the active language's separator (gloact.core.lists):
{{ case.crime_types.all|join_list }}, {{ partners|join_list:";" }}, and {% list_separator %}
between items that carry markup in a {% for %} loop."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from gloact.core import lists

register = template.Library()


@register.filter(is_safe=True, needs_autoescape=True)
def join_list(items, kind=lists.COMMA, autoescape=True):
    """As Django's join filter, with the language's separator: items escaped unless autoescape is off."""
    if not autoescape:
        return lists.join_list(items, kind)
    separator = conditional_escape(lists.separator(kind))
    return mark_safe(separator.join(conditional_escape(item) for item in items))  # nosec B703 B308 # the items and the separator are escaped first


@register.simple_tag
def list_separator(kind=lists.COMMA):
    return lists.separator(kind)
