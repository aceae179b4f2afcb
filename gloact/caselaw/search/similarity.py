"""Similar cases from the in-memory structures (bitmaps.py): published cases sharing the most
element terms with a case (one point per shared term), two more points for the same region;
ties go to the more recently published, then the lower id.

Scores are summed over bitmaps as binary numbers held in bit planes (plane i: bit i of every
case's score), a few AND/XOR of whole bitmaps per term; the cases of each score, best first,
are then read from the planes. No query: a common term is shared by most of 100,000 cases,
which made a GROUP BY over the join tables cost seconds.
"""

import heapq

from .bitsets import ids_of

SAME_REGION_BONUS = 2


def _add(planes: list[int], bits: int) -> None:
    """Add 1 to the score of every case in `bits`."""
    carry = bits
    for i, plane in enumerate(planes):
        if not carry:
            return
        planes[i], carry = plane ^ carry, plane & carry
    if carry:
        planes.append(carry)


def _with_score(planes: list[int], candidates: int, score: int) -> int:
    mask = candidates
    for i, plane in enumerate(planes):
        mask &= plane if score >> i & 1 else ~plane
    return mask


def similar_case_ids(structures, terms: dict[str, list[int]], region: int, exclude: int, limit: int) -> list[int]:
    """Ids of the `limit` cases most similar to the case `exclude`, classified with `terms`
    ({element field: term ids}); `region`: the bitmap of the cases of its region (0: none)."""
    planes: list[int] = []
    candidates = 0
    for field_name, term_ids in terms.items():
        by_term = structures.elements.get(field_name, {})
        for term_id in term_ids:
            bits = by_term.get(term_id, 0)
            candidates |= bits
            _add(planes, bits)
    candidates &= ~(1 << exclude)
    if not candidates:
        return []
    for _point in range(SAME_REGION_BONUS):
        _add(planes, region & candidates)
    published_at = structures.orders["published"].values
    chosen: list[int] = []
    for score in range((1 << len(planes)) - 1, 0, -1):
        ids = ids_of(_with_score(planes, candidates, score))
        chosen += heapq.nsmallest(limit - len(chosen), ids, key=lambda pk: (
            -(published_at[pk].timestamp() if published_at.get(pk) else 0), pk))
        if len(chosen) == limit:
            break
    return chosen
