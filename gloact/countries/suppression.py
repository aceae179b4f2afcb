"""Small-cell suppression for every statistics table gloact shows or exports.

Counts under 5 arrive suppressed (primary suppression: stored as NULL, shown as "<5"). A table
with totals would still let a reader compute such a cell (total minus the other cells of its row
or column), so before any display or export, `protect_tables` applies SECONDARY suppression:

1. A row or column (with its total) that holds exactly one unknown cell gets a second one: the
   smallest visible cell of that line (an inner cell before a total).
2. Even when every line holds 0 or >= 2 unknowns, chains of equations can still pin a cell down.
   Seen as a graph (rows and columns are nodes, unknown cells are edges; totals join a row or
   column to the "total" column or row), an unknown cell is determined exactly when its edge is a
   bridge. For each bridge, the smallest visible cell that closes a cycle through it is suppressed.

Both steps repeat until nothing changes. A table without totals has no equations: it is modelled
with unknown, never shown totals, so nothing is added. Missing cells (no data) are treated as
known to the reader, which only ever suppresses more. Tables that share cells (the same `key`,
e.g. a year's total in the trend table and in that year's breakdown by sex and age) are protected
together: a cell suppressed in one is suppressed in all, until stable.
"""

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

THRESHOLD = 5
SUPPRESSED_MARK = "<5"


@dataclass
class Cell:
    value: int | None = None  # None when suppressed or missing
    suppressed: bool = False
    key: Hashable | None = None  # identifies the same published figure across tables
    secondary: bool = False

    @property
    def missing(self) -> bool:
        return self.value is None and not self.suppressed

    @property
    def shown(self) -> str:
        """What a reader sees: the count, "<5", or an empty string for no data."""
        if self.suppressed:
            return SUPPRESSED_MARK
        return "" if self.value is None else str(self.value)

    def suppress(self) -> None:
        if not self.suppressed:
            self.suppressed, self.secondary, self.value = True, True, None


class TextCell(Cell):
    """A figure that is not a count (a rate, a score): shown as given, outside suppression."""

    def __init__(self, text: str):
        super().__init__(None, False)
        self.text = text

    @property
    def missing(self) -> bool:
        return False

    @property
    def shown(self) -> str:
        return self.text


def count_cell(value: int | None, suppressed: bool = False, key=None) -> Cell:
    """A cell from a stored count; a count under the threshold is suppressed on the way in."""
    if value is not None and value < THRESHOLD:
        return Cell(None, True, key)
    return Cell(None if suppressed else value, suppressed, key)


@dataclass
class Table:
    title: str
    row_labels: list[str]
    column_labels: list[str]
    cells: list[list[Cell]]
    row_totals: list[Cell] | None = None  # one per row: the sum of the row
    column_totals: list[Cell] | None = None  # one per column: the sum of the column
    grand_total: Cell | None = None
    row_header: str = ""
    total_label: str = field(default_factory=lambda: str(_("Total")))

    def all_cells(self) -> Iterable[Cell]:
        for row in self.cells:
            yield from row
        yield from self.row_totals or ()
        yield from self.column_totals or ()
        if self.grand_total is not None:
            yield self.grand_total

    def as_rows(self) -> list[list[str]]:
        """The table as text, header first: exactly what pages and CSV files show."""
        header = [self.row_header] + list(self.column_labels)
        if self.row_totals is not None:
            header.append(self.total_label)
        rows = [header]
        for i, label in enumerate(self.row_labels):
            row = [label] + [cell.shown for cell in self.cells[i]]
            if self.row_totals is not None:
                row.append(self.row_totals[i].shown)
            rows.append(row)
        if self.column_totals is not None:
            row = [self.total_label] + [cell.shown for cell in self.column_totals]
            if self.row_totals is not None:
                row.append(self.grand_total.shown if self.grand_total else "")
            rows.append(row)
        return rows


# --- The graph of one table -------------------------------------------------------------------

TOTAL = "T"


@dataclass
class _Edge:
    a: tuple
    b: tuple
    cell: Cell | None  # None: a total the table does not show (unknown to the reader)
    is_total: bool

    @property
    def unknown(self) -> bool:
        return self.cell is None or self.cell.suppressed

    def sort_key(self):
        return (self.cell.missing, self.is_total, self.cell.value or 0)


def _edges(table: Table) -> list[_Edge]:
    rows, cols = range(len(table.row_labels)), range(len(table.column_labels))
    edges = [_Edge(("r", i), ("c", j), table.cells[i][j], False) for i in rows for j in cols]
    row_totals = table.row_totals if table.row_totals is not None else [None] * len(rows)
    column_totals = table.column_totals if table.column_totals is not None else [None] * len(cols)
    grand = table.grand_total if table.row_totals is not None and table.column_totals is not None else None
    edges += [_Edge(("r", i), ("c", TOTAL), row_totals[i], True) for i in rows]
    edges += [_Edge(("r", TOTAL), ("c", j), column_totals[j], True) for j in cols]
    edges.append(_Edge(("r", TOTAL), ("c", TOTAL), grand, True))
    return edges


def _fix_lonely_unknowns(edges: list[_Edge]) -> bool:
    """Step 1: every line with exactly one unknown cell gets a second one."""
    by_node = defaultdict(list)
    for edge in edges:
        by_node[edge.a].append(edge)
        by_node[edge.b].append(edge)
    changed = False
    for node_edges in by_node.values():
        if any(e.cell is None for e in node_edges):
            continue  # a line whose total is not shown is no equation
        if sum(e.unknown for e in node_edges) == 1:
            candidates = [e for e in node_edges if not e.unknown]
            if candidates:
                min(candidates, key=_Edge.sort_key).cell.suppress()
                changed = True
    return changed


def _find_bridge(edges: list[_Edge]) -> _Edge | None:
    """A suppressed cell on no cycle of the unknown subgraph (Tarjan's bridge search); totals
    that are not shown may be bridges: nobody sees them."""
    unknown = [e for e in edges if e.unknown]
    adjacency = defaultdict(list)
    for index, edge in enumerate(unknown):
        adjacency[edge.a].append((edge.b, index))
        adjacency[edge.b].append((edge.a, index))
    order, low, counter = {}, {}, [0]

    def visit(node, via):
        order[node] = low[node] = counter[0]
        counter[0] += 1
        for neighbour, index in adjacency[node]:
            if index == via:
                continue
            if neighbour in order:
                low[node] = min(low[node], order[neighbour])
            else:
                found = visit(neighbour, index)
                if found is not None:
                    return found
                low[node] = min(low[node], low[neighbour])
                if low[neighbour] > order[node] and unknown[index].cell is not None:
                    return unknown[index]
        return None

    for start in list(adjacency):
        if start not in order:
            found = visit(start, None)
            if found is not None:
                return found
    return None


def _side(edges: list[_Edge], start, without: _Edge) -> set:
    adjacency = defaultdict(list)
    for edge in edges:
        if edge.unknown and edge is not without:
            adjacency[edge.a].append(edge.b)
            adjacency[edge.b].append(edge.a)
    seen, todo = {start}, [start]
    while todo:
        for neighbour in adjacency[todo.pop()]:
            if neighbour not in seen:
                seen.add(neighbour)
                todo.append(neighbour)
    return seen


def _fix_bridge(edges: list[_Edge]) -> bool:
    """Step 2: close a cycle through one bridge. False when there is none."""
    bridge = _find_bridge(edges)
    if bridge is None:
        return False
    side_a, side_b = _side(edges, bridge.a, bridge), _side(edges, bridge.b, bridge)
    candidates = [
        e for e in edges
        if not e.unknown and ((e.a in side_a and e.b in side_b) or (e.a in side_b and e.b in side_a))
    ]
    if not candidates:  # cannot happen once step 1 is done; suppress the whole line to be safe
        candidates = [e for e in edges if not e.unknown and bridge.a in (e.a, e.b)]
        for edge in candidates:
            edge.cell.suppress()
        return bool(candidates)
    min(candidates, key=_Edge.sort_key).cell.suppress()
    return True


def protect_table(table: Table) -> Table:
    """Apply secondary suppression to one table, in place; returns it."""
    edges = _edges(table)
    while _fix_lonely_unknowns(edges) or _fix_bridge(edges):
        pass
    return table


def protect_tables(tables: list[Table]) -> list[Table]:
    """Protect tables that may share cells (by key), so that no table reveals what another hides."""
    while True:
        for table in tables:
            protect_table(table)
        hidden = {c.key for t in tables for c in t.all_cells() if c.key is not None and c.suppressed}
        newly = [c for t in tables for c in t.all_cells() if c.key in hidden and not c.suppressed]
        if not newly:
            return tables
        for cell in newly:
            cell.suppress()
