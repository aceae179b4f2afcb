"""Secondary suppression: no suppressed cell can be computed from an exported table."""

import csv
import io
import random
from fractions import Fraction

from gloact.countries.exports import table_csv
from gloact.countries.suppression import SUPPRESSED_MARK, Cell, Table, count_cell, protect_table, protect_tables


def make_table(values: list[list[int]]) -> Table:
    """A table with row, column and grand totals computed from the true `values`."""
    rows, cols = len(values), len(values[0])
    return Table(
        title="test",
        row_labels=[f"r{i}" for i in range(rows)],
        column_labels=[f"c{j}" for j in range(cols)],
        cells=[[count_cell(v) for v in row] for row in values],
        row_totals=[count_cell(sum(row)) for row in values],
        column_totals=[count_cell(sum(values[i][j] for i in range(rows))) for j in range(cols)],
        grand_total=count_cell(sum(map(sum, values))),
    )


def read_export(table: Table) -> list[list[str]]:
    """The table as a reader gets it: the CSV download, parsed back."""
    return list(csv.reader(io.StringIO(table_csv(table))))


def _rank(matrix: list[list[Fraction]]) -> int:
    m = [row[:] for row in matrix]
    rank, cols = 0, len(m[0]) if m else 0
    for col in range(cols):
        pivot = next((r for r in range(rank, len(m)) if m[r][col] != 0), None)
        if pivot is None:
            continue
        m[rank], m[pivot] = m[pivot], m[rank]
        for r in range(len(m)):
            if r != rank and m[r][col] != 0:
                factor = m[r][col] / m[rank][col]
                m[r] = [a - factor * b for a, b in zip(m[r], m[rank], strict=True)]
        rank += 1
    return rank


def derivable_cells(grid: list[list[str]]) -> list[tuple[int, int]]:
    """Positions of suppressed cells of an exported table (with a total column and a total row)
    that the equations "cells of a line sum to its total" determine exactly: linear algebra, an
    independent check of the graph argument used by the suppression module."""
    body = [row[1:] for row in grid[1:]]  # drop the header row and the label column
    unknown = [(i, j) for i, row in enumerate(body) for j, text in enumerate(row) if text == SUPPRESSED_MARK]
    index = {pos: k for k, pos in enumerate(unknown)}
    n_rows, n_cols = len(body), len(body[0])
    lines = [[(i, j) for j in range(n_cols)] for i in range(n_rows)]  # each row, its total last
    lines += [[(i, j) for i in range(n_rows)] for j in range(n_cols)]  # each column, its total last
    equations = []
    for line in lines:
        coefficients = [Fraction(0)] * len(unknown)
        for position in line:
            if position in index:
                coefficients[index[position]] += -1 if position == line[-1] else 1
        if any(coefficients):
            equations.append(coefficients)
    found = []
    base = _rank(equations) if equations else 0
    for k, position in enumerate(unknown):
        probe = [Fraction(int(m == k)) for m in range(len(unknown))]
        if _rank(equations + [probe]) == base:
            found.append(position)
    return found


def unknowns_per_line(grid: list[list[str]]) -> list[int]:
    body = [row[1:] for row in grid[1:]]
    counts = [sum(text == SUPPRESSED_MARK for text in row) for row in body]
    counts += [sum(row[j] == SUPPRESSED_MARK for row in body) for j in range(len(body[0]))]
    return counts


def test_the_concrete_example_from_the_brief():
    # Female/male x child/adult: one cell under 5 would be total minus the other cell.
    table = make_table([[3, 40], [12, 25]])
    before = read_export(table)
    assert before[1][1:] == ["<5", "40", "43"]
    assert derivable_cells(before) == [(0, 0)]  # 43 - 40 = 3: without protection the cell leaks

    protect_table(table)
    grid = read_export(table)
    assert grid[0] == ["", "c0", "c1", "Total"]
    assert grid[1] == ["r0", "<5", "<5", "43"]  # the smallest visible cell of the row went too
    assert grid[2] == ["r1", "<5", "<5", "37"]
    assert grid[3] == ["Total", "15", "65", "80"]
    assert derivable_cells(grid) == []


def test_chains_of_lines_are_closed_into_cycles():
    # Every line has 0 or 2 unknowns here, yet cell (0,0) is determined through a chain; a
    # second pass of the graph rule must hide more.
    table = make_table([[1, 50, 60, 70], [2, 51, 61, 71], [80, 81, 3, 90], [82, 83, 4, 91]])
    protect_table(table)
    assert derivable_cells(read_export(table)) == []


def test_random_tables_never_reveal_a_suppressed_cell():
    rng = random.Random(20230530)
    for _ in range(300):
        rows, cols = rng.randint(1, 6), rng.randint(1, 5)
        values = [[rng.choice([rng.randint(0, 6), rng.randint(5, 200)]) for _ in range(cols)] for _ in range(rows)]
        table = protect_table(make_table(values))
        grid = read_export(table)
        assert all(n == 0 or n >= 2 for n in unknowns_per_line(grid)), grid
        assert derivable_cells(grid) == [], grid
        # Nothing visible was altered: every shown number is the true one.
        for i, row in enumerate(values):
            for j, value in enumerate(row):
                assert grid[i + 1][j + 1] in (str(value), SUPPRESSED_MARK)


def test_a_cell_hidden_in_one_table_is_hidden_in_every_table_showing_it():
    breakdown = make_table([[3, 40], [12, 25]])
    breakdown.grand_total.key = "victims-2020"
    breakdown.row_totals[0].key = "female-2020"
    trend = Table("trend", ["victims", "female"], ["2020"], [[Cell(80, key="victims-2020")], [Cell(43, key="female-2020")]])
    # Force the female total away in the breakdown: the trend table must follow.
    breakdown.row_totals[0].suppress()
    protect_tables([trend, breakdown])
    assert trend.cells[1][0].shown == SUPPRESSED_MARK
    assert derivable_cells(read_export(breakdown)) == []


def test_tables_without_totals_need_no_secondary_suppression():
    trend = Table("trend", ["victims"], ["2019", "2020", "2021"], [[Cell(12), count_cell(3), Cell(30)]])
    protect_table(trend)
    assert [cell.shown for cell in trend.cells[0]] == ["12", "<5", "30"]
