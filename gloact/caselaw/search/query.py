"""What a visitor asks for: `CaseQuery` (text, facet values, year range, sort) read from and written
to GET parameters, so that every search has a shareable URL; and `TextQuery`, the parsed text.

Text syntax (the same on every database): words are all required; "quoted words" are a phrase;
`-word` or `-"a phrase"` excludes; `OR` between two words or phrases makes either enough.
"""

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

SORTS = ("relevance", "date", "published")
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")
MAX_TEXT = 500


@dataclass(frozen=True)
class TextQuery:
    """`groups`: every group must match (AND); a group matches when one of its items does (OR).
    An item is a tuple of words: one word, or a phrase. `negated` items must not match."""

    groups: tuple[tuple[tuple[str, ...], ...], ...] = ()
    negated: tuple[tuple[str, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups or self.negated)

    @property
    def words(self) -> list[str]:
        """The positive words, for highlighting."""
        return [word for group in self.groups for item in group for word in item]


def parse_text(text: str) -> TextQuery:
    groups: list[list[tuple[str, ...]]] = []
    negated: list[tuple[str, ...]] = []
    join_next = False
    for match in _TOKEN.finditer(text[:MAX_TEXT]):
        minus, phrase, bare = match.groups()
        if bare == "OR":
            join_next = bool(groups)
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            minus, bare = "-", bare[1:]
        words = tuple(_WORD.findall(phrase if phrase is not None else bare))
        if not words:
            continue
        if minus:
            negated.append(words)
        elif join_next:
            groups[-1].append(words)
        else:
            groups.append([words])
        join_next = False
    return TextQuery(tuple(tuple(group) for group in groups), tuple(negated))


@dataclass(frozen=True)
class CaseQuery:
    """A search: text, selected facet values ({facet name: values}), decision year range, sort."""

    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = ""

    @classmethod
    def from_params(cls, params) -> "CaseQuery":
        """From a QueryDict (or a dict of lists), keeping only known facets and valid values."""
        from .facets import FACETS_BY_NAME

        def values(name: str) -> list[str]:
            if hasattr(params, "getlist"):
                return params.getlist(name)
            value = params.get(name)
            if value is None:
                return []
            return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]

        filters = {}
        for name, facet in FACETS_BY_NAME.items():
            if facet.is_range:
                continue
            selected = tuple(dict.fromkeys(v.strip() for v in values(name) if v.strip()))
            if selected:
                filters[name] = selected[:50]
        sort = next(iter(values("sort")), "")
        return cls(
            text=" ".join(next(iter(values("q")), "").split())[:MAX_TEXT],
            filters=filters,
            year_from=_year(next(iter(values("year_from")), "")),
            year_to=_year(next(iter(values("year_to")), "")),
            sort=sort if sort in SORTS else "",
        )

    @property
    def text_query(self) -> TextQuery:
        return parse_text(self.text)

    @property
    def effective_sort(self) -> str:
        if self.sort:
            return "date" if self.sort == "relevance" and not self.text_query.groups else self.sort
        return "relevance" if self.text_query.groups else "date"

    def selected(self, facet: str) -> tuple[str, ...]:
        return self.filters.get(facet, ())

    def params(self) -> list[tuple[str, str]]:
        pairs = [("q", self.text)] if self.text else []
        for name, values in self.filters.items():
            pairs += [(name, value) for value in values]
        if self.year_from is not None:
            pairs.append(("year_from", str(self.year_from)))
        if self.year_to is not None:
            pairs.append(("year_to", str(self.year_to)))
        if self.sort:
            pairs.append(("sort", self.sort))
        return pairs

    def without(self, facet: str, value: str | None = None) -> "CaseQuery":
        """This search without one value of a facet (or without the year range for "year")."""
        if facet == "year":
            return replace(self, year_from=None, year_to=None)
        filters = dict(self.filters)
        remaining = tuple(v for v in filters.pop(facet, ()) if value is not None and v != value)
        if remaining:
            filters[facet] = remaining
        return replace(self, filters=filters)

    def urlencode(self) -> str:
        return urlencode(self.params())

    @property
    def is_empty(self) -> bool:
        return not (self.text or self.filters or self.year_from is not None or self.year_to is not None)


def _year(value: str) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() and 1900 <= int(value) <= 2200 else None
