"""Lists in the reader's language: the separator between items is translated, not written into
templates or code, so that an Arabic list takes "، " and a Chinese one "、" where English takes ", "."""

from collections.abc import Iterable

from django.utils.translation import pgettext

COMMA, SEMICOLON = ",", ";"  # the kinds of separator, named by their English mark


def separator(kind: str = COMMA) -> str:
    """The active language's separator between items of a list; SEMICOLON for items that may
    themselves contain commas (provisions, institutions)."""
    if kind == SEMICOLON:
        # Translators: the semicolon of your language and its spacing (Arabic "؛ ", Chinese "；").
        return pgettext("list separator, between items that may contain commas", "; ")
    # Translators: the comma of your language's lists and its spacing (Arabic "، ", Chinese "、").
    return pgettext("list separator", ", ")


def join_list(items: Iterable, kind: str = COMMA) -> str:
    """`items`, as text, joined with `separator(kind)`."""
    return separator(kind).join(str(item) for item in items)
