"""Sort orders of the published cases, held in memory beside the facet bitmaps (bitmaps.py), and
the page of a search cut from them.

A search knows the set of matching cases as a bitmap; its page is the first cases of that set in
the sort order, after the cursor. Walking an in-memory list of ids in order and testing each
against the bitmap costs about (page size x published cases / matches) steps; for a small set it
is cheaper to take its ids and sort them. The database is not asked to sort (through a join to
the latest ruling, for the decision date) every matching case at each request.

Orders are descending on (value, case id); `key` gives, for a case, a tuple that sorts in
ascending Python order in the same way, so that a cursor (the values of the last case shown)
finds its place by bisection, whatever changed since it was given.
"""

import bisect
import datetime
from dataclasses import dataclass

from .bitsets import bytes_of, ids_of, is_set

NO_DATE = datetime.date(1, 1, 1)  # sort key of a case without a dated ruling: after every date
_SMALL_SET = 4096  # at most this many matches: sort their ids rather than walk the order


def date_key(value: datetime.date, pk: int) -> tuple:
    return (-value.toordinal(), -pk)


def published_key(value: datetime.datetime | None, pk: int) -> tuple:
    return (-value.timestamp() if value else float("inf"), -pk)


@dataclass
class SortOrder:
    ids: list[int]  # published case ids, first shown first
    keys: list[tuple]  # ascending keys, position by position
    values: dict[int, object]  # {case id: sort value}, for cursors
    key_of: object  # (value, pk) -> key

    @classmethod
    def build(cls, values: dict[int, object], key_of) -> "SortOrder":
        ordered = sorted((key_of(value, pk), pk) for pk, value in values.items())
        return cls([pk for _key, pk in ordered], [key for key, _pk in ordered], values, key_of)

    def start_after(self, cursor_values: list | None) -> int:
        """Position of the first case strictly after the cursor (its sort value and case id)."""
        if not cursor_values:
            return 0
        return bisect.bisect_right(self.keys, self.key_of(*cursor_values))

    def page(self, matches: int, count: int, cursor_values: list | None, size: int) -> list[int]:
        """The first `size` cases of `matches` (a bitmap of `count` cases) after the cursor."""
        start = self.start_after(cursor_values)
        if start >= len(self.ids):
            return []
        if count <= _SMALL_SET:
            boundary = self.keys[start]
            candidates = sorted((self.key_of(self.values[pk], pk), pk) for pk in ids_of(matches) if pk in self.values)
            return [pk for key, pk in candidates if key >= boundary][:size]
        data = bytes_of(matches)
        ids, page = self.ids, []
        for position in range(start, len(ids)):
            if is_set(data, ids[position]):
                page.append(ids[position])
                if len(page) == size:
                    break
        return page
