"""Search snippets: a short passage of a public text around the first word that matches the
query, HTML-escaped, with the matching words in <mark>.

Highlighting is done here rather than by the database so that it is the same on SQLite and
PostgreSQL. A word matches a query word when both reduce to the same stem by a light suffix rule
(so "recruited" highlights "recruitment"); the database's own stemming decides what is found.
"""

import functools
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from .document import fold_diacritics

_WORD = re.compile(r"\w+")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "edly", "ers", "er", "ed", "ies", "es", "s")


@functools.lru_cache(maxsize=65536)  # snippets stem the same words over and over
def light_stem(word: str) -> str:
    word = fold_diacritics(word.casefold())
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _matches(word: str, stems: set[str]) -> bool:
    stem = light_stem(word)
    return stem in stems or any(len(s) >= 4 and stem.startswith(s) for s in stems)


def highlight(text: str, words: list[str]) -> SafeString:
    """All of `text`, escaped, with the words matching `words` marked."""
    stems = {light_stem(word) for word in words}
    out, last = [], 0
    for match in _WORD.finditer(text):
        if _matches(match.group(), stems):
            out.append(escape(text[last:match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # nosec B703 B308 # every piece of text is escaped before the markup is added


def snippet(texts: list[str], words: list[str], width: int = 260) -> SafeString:
    """A passage of the first of `texts` containing a query word, or the start of the first text."""
    stems = {light_stem(word) for word in words}
    for text in texts:
        first = next((m for m in _WORD.finditer(text) if _matches(m.group(), stems)), None) if stems else None
        if first is None:
            continue
        start = max(0, first.start() - width // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first.start() else start
        end = min(len(text), start + width)
        if end < len(text):
            space = text.rfind(" ", first.end(), end)
            end = space if space > 0 else end
        passage = highlight(text[start:end], words)
        return mark_safe(("… " if start else "") + passage + (" …" if end < len(text) else ""))  # nosec B703 B308 # every piece of text is escaped before the markup is added
    first_text = next((text for text in texts if text.strip()), "")
    return mark_safe(escape(Truncator(first_text).chars(width)))  # nosec B703 B308 # every piece of text is escaped before the markup is added
