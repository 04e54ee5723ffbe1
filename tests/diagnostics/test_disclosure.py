"""Small counts (diagnostics/disclosure.py): a count of 1 to 4 people shows "< 5", any
other hidden number "masqué", and no total, no difference and no linked table lets a
reader work a small count out.

The check is an attacker, exact: a reader of a page knows the numbers it shows and that
every total is the sum of its parts. The hidden numbers are the unknowns of that linear
system (a number two tables share is one unknown), and a hidden number is recoverable
exactly when its unit vector lies in the row space of the system's matrix; the system is
reduced with fractions, so no rounding decides. A second reader adds what the labels say
("< 5" is 1 to 4, "masqué" 5 or more, a hidden 0 is granted) and pins a count when it
takes one value over the whole polytope: exact LPs (a simplex in integers), which know
nothing of the graph disclosure.py reasons on, checked against trying every filling of
small tables. It runs on hand-made tables, on several hundred random ones (plain and
linked as the bilans and the diagnostics link them), and on the tables of a whole bilan
and of a diagnostic's demand built from the database.
"""

import itertools
import math
import random
from collections import defaultdict
from datetime import date
from fractions import Fraction

import pytest

from diagnostics import bilans, indicators
from diagnostics.disclosure import (
    HIDDEN,
    MASKED,
    THRESHOLD,
    TOTAL,
    Table,
    cell,
    column_total,
    difference,
    is_small,
    protect,
    protect_together,
    ratio,
    row_total,
)
from permanences.enums import Autonomie, Canal, Resultat, ThemeNumerique, TrancheAge
from services.enums import NON_COMMUNIQUE, OrientationSource
from services.selectors import Scope
from tests.factories import UserFactory
from tests.permanences.factories import AccompagnementFactory
from tests.services.factories import LieuFactory, QuartierFactory, StructureFactory

# ---------------------------------------------------------------------------------------
# The reader


def numbers_of(table: Table):
    """Every number a table shows: cells, row totals, column totals, the grand total."""
    for row, _label in table.rows:
        for column, _c in table.columns:
            yield cell(row, column)
        yield row_total(row)
    for column, _label in table.columns:
        yield column_total(column)
    yield TOTAL


def sums_of(table: Table):
    """Every "total = sum of its parts" that a reader of the table knows."""
    rows = [row for row, _label in table.rows]
    columns = [column for column, _label in table.columns]
    for row in rows:
        yield row_total(row), [cell(row, column) for column in columns]
    for column in columns:
        yield column_total(column), [cell(row, column) for row in rows]
    yield TOTAL, [row_total(row) for row in rows]
    yield TOTAL, [column_total(column) for column in columns]


class Reader:
    """What a reader of some protected tables can work out from what they show.

    ``link_*`` say which numbers two tables share, as ``protect_together``'s and
    ``protect``'s arguments do; a shared number is one unknown, known as soon as one of
    the tables shows it."""

    def __init__(self, *tables: Table):
        self.tables: list[Table] = []
        self._parent: dict = {}
        # Whether some tables share numbers with a reference (same_columns_as,
        # same_total_as): protected together by protect_together.
        self.linked = False
        for table in tables:
            self.read(table)

    def read(self, table: Table) -> None:
        if all(table is not each for each in self.tables):
            self.tables.append(table)

    def link_columns(self, table: Table, months: Table) -> None:
        """``protect_together(months, [(table, {"same_columns_as": months})])``."""
        ((only_row, _label),) = months.rows
        for column, _label in table.columns:
            self._same((table, column_total(column)), (months, cell(only_row, column)))
        self._same((table, TOTAL), (months, TOTAL))
        self.linked = True

    def link_total(self, table: Table, other: Table) -> None:
        """``protect_together(other, [(table, {"same_total_as": other})])``."""
        self._same((table, TOTAL), (other, TOTAL))
        self.linked = True

    def link_refinement(self, table: Table, row, sub: Table) -> None:
        """``protect(table, refine={row: sub})``: sub's rows split ``row``."""
        self._same((sub, TOTAL), (table, row_total(row)))
        for column, _label in sub.columns:
            self._same((sub, column_total(column)), (table, cell(row, column)))

    def _same(self, number, other) -> None:
        self.read(number[0])
        self.read(other[0])
        self._parent[self._find(number)] = self._find(other)

    def _find(self, number):
        self._parent.setdefault(number, number)
        while self._parent[number] != number:
            self._parent[number] = self._parent[self._parent[number]]
            number = self._parent[number]
        return number

    def numbers(self) -> dict:
        """Each number of the page → where it shows: (table, ref) pairs, several for a
        number that tables share."""
        members: dict = {}
        for table in self.tables:
            for ref in numbers_of(table):
                members.setdefault(self._find((table, ref)), []).append((table, ref))
        return members

    def _system(self, everything_hidden=False):
        """The unknowns (one per hidden number, shared ones once) and the equations
        reduced to reduced row echelon form: pivot → (coefficients, constant).
        ``everything_hidden``: as if the page showed no number at all."""
        members = self.numbers()
        known = {}
        for number, refs in members.items():
            values = {table.value(ref) for table, ref in refs}
            assert len(values) == 1, f"linked numbers that differ: {refs}"
            if not everything_hidden and any(ref not in table.hidden for table, ref in refs):
                known[number] = values.pop()
        pivots: dict = {}
        for table in self.tables:
            for total, parts in sums_of(table):
                coefficients, constant = {}, Fraction(0)
                for ref, sign in [(total, 1), *((part, -1) for part in parts)]:
                    number = self._find((table, ref))
                    if number in known:
                        constant -= sign * known[number]
                    else:
                        coefficients[number] = coefficients.get(number, 0) + sign
                equation = {key: Fraction(value) for key, value in coefficients.items() if value}
                _eliminate(pivots, equation, constant)
        unknowns = [number for number in members if number not in known]
        return members, unknowns, pivots

    def recovered(self) -> dict:
        """Each hidden number the reader can compute exactly → its value."""
        members, unknowns, pivots = self._system()
        unknowns = set(unknowns)
        found = {}
        for number, refs in members.items():
            if number not in unknowns:  # shown by one of its tables: known in all
                value = refs[0][0].value(refs[0][1])
                found.update({(table, ref): value for table, ref in refs if ref in table.hidden})
        for pivot, (equation, constant) in pivots.items():
            if len(equation) == 1:
                for number in members[pivot]:
                    found[number] = constant
        return found

    def recovered_small_counts(self) -> list[str]:
        return [
            f"{table.title}: {ref} = {value}"
            for (table, ref), value in self.recovered().items()
            if is_small(table.value(ref))
        ]

    def pinned_by_nonnegativity(self, most_zeros: int = 40) -> list[str] | None:
        """The hidden small counts a reader pins down once they add that no count is
        negative; None when more than ``most_zeros`` hidden zeros would make it long.
        Without a hidden zero, nothing is pinned that the linear check does not already
        see (every other hidden number can move a little either way)."""
        return self._pinned(lambda _shown, _value: (0, None), most_active=most_zeros)

    def pinned_by_labels(self, everything_hidden=False) -> list[str]:
        """The hidden small counts a reader pins down once they add what the labels say:
        "< 5" is 1 to 4, "masqué" at least 5, and a hidden 0 is taken as known (a reader
        who guesses it loses nothing, so the check grants it). ``everything_hidden``: what
        the labels alone give away, were every number of the page hidden (which no
        suppression can help)."""

        def bounds(shown, value):
            if shown == HIDDEN:
                return 1, THRESHOLD - 1
            assert shown == MASKED, shown
            return (0, 0) if value == 0 else (THRESHOLD, None)

        return self._pinned(bounds, everything_hidden=everything_hidden)

    def _pinned(
        self, bounds, most_active: int | None = None, everything_hidden=False
    ) -> list[str] | None:
        """The hidden small counts that a reader who knows the system and, for each
        hidden number, that it lies between ``bounds(shown, value)`` (low, high or None)
        can pin to one value; None when more than ``most_active`` bounds are reached.

        The true values are a solution. The directions in which the reader cannot rule
        out that the hidden numbers moved are the cone D of the null space in which each
        number at its low bound does not decrease and each number at its high bound does
        not increase (the tangent cone of the polytope at the true values). A count is
        pinned when it is constant on D, that is on D's linear hull: the null space with
        the bounds that D keeps reached (its implicit equalities) made equalities. By
        Farkas, D keeps a bound reached when the opposite of its signed unit vector is,
        modulo the row space, a non-negative combination of the signed unit vectors of
        the reached bounds: LPs, solved exactly by ``_implicit_equalities``. It knows
        nothing of the graph that disclosure.py reasons on."""
        members, unknowns, pivots = self._system(everything_hidden)
        pivots = {key: (dict(equation), constant) for key, (equation, constant) in pivots.items()}

        def value_of(number):
            table, ref = members[number][0]
            return table.value(ref)

        reached = []  # (number, +1 at the low bound, -1 at the high one)
        for number in unknowns:
            table, ref = members[number][0]
            value = value_of(number)
            if everything_hidden:
                shown = HIDDEN if is_small(value) else MASKED
            else:
                shown = table.shown(ref)
            low, high = bounds(shown, value)
            assert low <= value and (high is None or value <= high), (table.title, ref)
            if low == high:
                _eliminate(pivots, {number: Fraction(1)}, Fraction(value))
            elif value == low:
                reached.append((number, 1))
            elif value == high:
                reached.append((number, -1))
        if most_active is not None and len(reached) > most_active:
            return None

        def modulo_row_space(number, sign) -> dict:
            if number in pivots:
                equation, _constant = pivots[number]
                return {key: -sign * value for key, value in equation.items() if key != number}
            return {number: Fraction(sign)}

        vectors = [modulo_row_space(number, sign) for number, sign in reached]
        for index in _implicit_equalities(vectors):
            number, _sign = reached[index]
            _eliminate(pivots, {number: Fraction(1)}, Fraction(value_of(number)))
        return [
            f"{members[pivot][0][0].title}: {members[pivot][0][1]} = {value_of(pivot)}"
            for pivot, (equation, _constant) in pivots.items()
            if len(equation) == 1 and is_small(value_of(pivot))
        ]


def _eliminate(pivots: dict, equation: dict, constant: Fraction) -> None:
    """Add an equation to a system kept in reduced row echelon form."""
    for number in [key for key in equation if key in pivots]:
        factor = equation.get(number)
        if factor:
            other, other_constant = pivots[number]
            _subtract(equation, factor, other)
            constant -= factor * other_constant
    if not equation:
        return  # implied by the others (and consistent: the values are true)
    pivot = next(iter(equation))
    scale = equation[pivot]
    equation = {key: value / scale for key, value in equation.items()}
    constant /= scale
    for key, (other, other_constant) in list(pivots.items()):
        factor = other.get(pivot)
        if factor:
            _subtract(other, factor, equation)
            pivots[key] = (other, other_constant - factor * constant)
    pivots[pivot] = (equation, constant)


def _subtract(equation: dict, factor: Fraction, other: dict) -> None:
    for key, value in other.items():
        new = equation.get(key, 0) - factor * value
        if new:
            equation[key] = new
        else:
            equation.pop(key, None)


def _implicit_equalities(vectors: list[dict]) -> set[int]:
    """The indexes k of the vectors w_k for which w_k·d = 0 for every d with W·d ≥ 0 (the
    implicit equalities of that cone). By Farkas, either -w_j is a non-negative
    combination of the w_k (then w_j and every w_k of the combination are implicit
    equalities), or some d has W·d ≥ 0 and w_j·d > 0 (then neither is w_j nor any w_k
    with w_k·d > 0): each exact LP decides one at least, often many, and each answer is
    checked. The cone is the product of those of the groups of vectors that share no
    coordinate: each group is decided on its own."""
    implicit = {index for index, vector in enumerate(vectors) if not vector}
    groups: dict = {}  # coordinate → representative

    def find(key):
        groups.setdefault(key, key)
        while groups[key] != key:
            groups[key] = groups[groups[key]]
            key = groups[key]
        return key

    for vector in vectors:
        first, *others = vector or [None]
        for key in others:
            groups[find(key)] = find(first)
    components: dict = defaultdict(list)
    for index, vector in enumerate(vectors):
        if vector:
            components[find(next(iter(vector)))].append(index)
    for component in components.values():
        undecided = set(component)
        # Directions along one coordinate first: they decide most vectors for nothing.
        for key in {key for index in component for key in vectors[index]}:
            for sign in (1, -1):
                products = [(index, sign * vectors[index].get(key, 0)) for index in component]
                if all(product >= 0 for _index, product in products):
                    undecided -= {index for index, product in products if product > 0}
        while undecided:
            target = min(undecided)
            members = [vectors[index] for index in component]
            negated = {key: -value for key, value in vectors[target].items()}
            combination, direction = _cone_combination(members, negated)
            if combination is not None:
                assert _combine(members, combination) == negated
                decided = {target} | {component[i] for i, value in combination.items() if value}
                implicit |= decided
            else:
                products = {index: _dot(vectors[index], direction) for index in component}
                assert all(product >= 0 for product in products.values())
                decided = {index for index, product in products.items() if product > 0}
                assert target in decided
            undecided -= decided
    return implicit


def _dot(vector: dict, other: dict) -> Fraction:
    return sum((value * other.get(key, 0) for key, value in vector.items()), Fraction(0))


def _combine(vectors: list[dict], coefficients: dict) -> dict:
    total: dict = {}
    for index, coefficient in coefficients.items():
        assert coefficient >= 0
        for key, value in vectors[index].items():
            total[key] = total.get(key, 0) + coefficient * value
    return {key: value for key, value in total.items() if value}


def _cone_combination(vectors: list[dict], target: dict) -> tuple[dict | None, dict | None]:
    """Either λ ≥ 0 with Σ λ_k·w_k = ``target`` (index → λ_k, the non-zero ones), or,
    when there is none, a d with w_k·d ≥ 0 for every k and target·d < 0 (Farkas): phase
    one of the simplex method (Bland's rule) on W·λ + a = t with artificial a ≥ 0, whose
    least sum of a is 0 exactly when such a λ exists, and whose duals otherwise give d.
    Exact, in integers: each row is kept as an integer multiple of itself (an equation
    is the same times any positive number)."""
    keys = list(dict.fromkeys(key for vector in [*vectors, target] for key in vector))
    position = {key: index for index, key in enumerate(keys)}
    entries: list[dict] = [{} for _key in keys]  # row → column → value
    for column, vector in enumerate([*vectors, target]):
        for key, value in vector.items():
            entries[position[key]][column] = Fraction(value)
    # One row per coordinate, scaled to integers with a non-negative right-hand side;
    # columns: the vectors, then one artificial per row, then the right-hand side.
    rows, scales = [], []
    for index, entry in enumerate(entries):
        row_scale = math.lcm(*(value.denominator for value in entry.values()))
        if entry.get(len(vectors), 0) < 0:
            row_scale = -row_scale
        row = [0] * (len(vectors) + len(keys) + 1)
        for column, value in entry.items():
            row[column if column < len(vectors) else -1] = int(value * row_scale)
        row[len(vectors) + index] = 1
        rows.append(row)
        scales.append(row_scale)
    width = len(vectors) + len(keys)
    basis = [len(vectors) + index for index in range(len(keys))]
    # Reduced costs of "minimise the sum of the artificials", times ``scale``.
    costs = [-sum(row[column] for row in rows) for column in range(width + 1)]
    for index in range(len(vectors), width):
        costs[index] = 0
    scale = 1
    while True:
        entering = next((c for c in range(width) if costs[c] < 0), None)
        if entering is None:
            break
        _ratio, _leaving, pivot = min(
            (Fraction(row[width], row[entering]), basis[i], i)
            for i, row in enumerate(rows)
            if row[entering] > 0
        )
        line = rows[pivot]
        element = line[entering]
        for i, row in enumerate(rows):
            factor = row[entering]
            if i != pivot and factor:
                rows[i] = _reduced(
                    [element * a - factor * b for a, b in zip(row, line, strict=True)]
                )
        factor = costs[entering]
        *costs, scale = _reduced(
            [*(element * a - factor * b for a, b in zip(costs, line, strict=True)), element * scale]
        )
        basis[pivot] = entering
    if costs[width] == 0:
        return {
            column: Fraction(rows[i][width], rows[i][column])
            for i, column in enumerate(basis)
            if column < len(vectors) and rows[i][width]
        }, None
    # The dual of each row: 1 less the reduced cost of its artificial, back to the row's
    # scale.
    return None, {
        key: -row_scale * (1 - Fraction(costs[len(vectors) + index], scale))
        for index, (key, row_scale) in enumerate(zip(keys, scales, strict=True))
    }


def _reduced(line: list[int]) -> list[int]:
    """A row of integers divided by their greatest common divisor: the same equation."""
    divisor = math.gcd(*line)
    return [value // divisor for value in line] if divisor > 1 else line


# ---------------------------------------------------------------------------------------
# Hand-made tables


def grid(*rows: list[int], title="t", sensitive=True) -> Table:
    """A table from its rows of counts: rows "r0", "r1"…, columns 0, 1…"""
    return Table(
        title,
        [(f"r{i}", f"Ligne {i}") for i in range(len(rows))],
        [(j, f"Colonne {j}") for j in range(len(rows[0]))],
        {(f"r{i}", j): count for i, row in enumerate(rows) for j, count in enumerate(row)},
        sensitive=sensitive,
    )


def months(*counts: int, title="mois") -> Table:
    """A table of months: one row "n", a column per count."""
    return Table(
        title,
        [("n", "Accompagnements")],
        [(j, f"Mois {j}") for j in range(len(counts))],
        {("n", j): count for j, count in enumerate(counts)},
    )


def page(table: Table) -> list[list]:
    """The table as a reader sees it: each row's cells and total, then the column totals
    and the grand total."""
    shown = [line["cells"] + [line["total"]] for line in table.lines()]
    return [*shown, table.column_totals() + [table.shown_total]]


def hidden_cells(table: Table) -> set:
    return {ref for ref in table.hidden if ref[0] == "cell"}


def hidden_cells_of_row(table: Table, row) -> set:
    return {ref for ref in table.hidden if ref[0] == "cell" and ref[1] == row}


def hidden_cells_of_column(table: Table, column) -> set:
    return {ref for ref in table.hidden if ref[0] == "cell" and ref[2] == column}


def test_a_count_of_one_to_four_shows_as_less_than_five():
    table = protect(grid([1, 20, 30], [2, 40, 50], [3, 60, 70], [4, 80, 90]))

    assert [line["cells"][0] for line in table.lines()] == [HIDDEN] * 4


def test_zero_and_counts_of_five_or_more_show():
    table = protect(grid([0, 7, 12], [5, 9, 30]))

    assert page(table) == [[0, 7, 12, 19], [5, 9, 30, 44], [5, 16, 42, 63]]
    assert table.hidden == set()


def test_a_single_small_count_in_a_row_hides_a_second_cell_of_that_row():
    table = protect(grid([2, 10, 20], [30, 40, 50], [60, 70, 80]))

    assert cell("r0", 0) in table.hidden
    assert len(hidden_cells_of_row(table, "r0")) >= 2
    assert len(hidden_cells_of_column(table, 0)) >= 2
    assert Reader(table).recovered() == {}
    assert Reader(table).pinned_by_labels() == []


def test_a_small_count_in_a_large_table_hides_the_cheapest_rectangle_and_no_total():
    table = protect(grid([2, 10, 20], [30, 40, 50], [60, 70, 80]))

    # The cheapest cells that put 2 on a cycle: 10, 30 and 40 (not 60, 70 or a total).
    # Along it 2 can grow (10 and 30 shrink, 40 grows) or shrink, every number staying
    # within its label. The three are not small: they show "masqué", not "< 5".
    assert table.hidden == {cell("r0", 0), cell("r0", 1), cell("r1", 0), cell("r1", 1)}
    assert page(table) == [
        [HIDDEN, MASKED, 20, 32],
        [MASKED, MASKED, 50, 120],
        [60, 70, 80, 210],
        [92, 120, 150, 362],
    ]


def test_a_small_count_alone_in_its_row_and_column_hides_a_total_when_no_cell_will_do():
    # Every other cell of the row and column is zero: the cycle goes through the totals,
    # the row's and the column's (3, "< 5") and the grand total (12, "masqué"); all four
    # can grow or shrink by one within their labels.
    table = protect(grid([3, 0], [0, 9]))

    assert page(table) == [[HIDDEN, 0, HIDDEN], [0, 9, 9], [HIDDEN, 9, MASKED]]
    assert Reader(table).recovered_small_counts() == []
    assert Reader(table).pinned_by_labels() == []


def test_totals_never_give_a_hidden_count_back():
    for rows in (
        [[1, 8, 9], [7, 2, 6], [5, 5, 3]],
        [[4, 0, 0], [0, 0, 60], [0, 3, 0]],
        [[1, 1], [1, 1]],
        [[0, 2, 0, 0], [0, 0, 0, 0]],
        [[2, 50], [50, 50], [2, 50]],
    ):
        table = protect(grid(*rows))

        assert Reader(table).recovered_small_counts() == [], rows
        # Nor do the labels, but where they alone give a count away: four counts of 1 to 4
        # under a total of 1 to 4 (1, 1, 1, 1) are all 1, whatever is hidden.
        reader = Reader(table)
        assert reader.pinned_by_labels() == reader.pinned_by_labels(everything_hidden=True)


def test_a_small_row_total_is_hidden_and_cannot_be_recovered_from_the_grand_total():
    table = protect(grid([1, 1, 0], [20, 30, 40]))

    # 2 hidden beside the shown 92 would give 90 back: the other row's total is hidden
    # too, and its cells with it (20, 30 and 90: "masqué"). Each 1 can only grow, 20 and
    # 30 shrinking, 90 shrinking and 2 growing: the reader cannot tell 1 + 1 from 2 + 1.
    assert page(table) == [
        [HIDDEN, HIDDEN, 0, HIDDEN],
        [MASKED, MASKED, 40, MASKED],
        [21, 31, 40, 92],
    ]
    assert Reader(table).recovered_small_counts() == []
    assert Reader(table).pinned_by_labels() == []


def test_sessions_and_permanences_hide_nothing():
    table = protect(grid([1, 2, 0], [3, 40, 4], sensitive=False))

    assert table.hidden == set()
    assert page(table) == [[1, 2, 0, 3], [3, 40, 4, 47], [4, 42, 4, 50]]


def test_protecting_again_starts_from_the_counts_not_from_what_was_hidden():
    table = grid([2, 10], [30, 40])
    table.hidden = {row_total("r1"), TOTAL}

    protect(table)

    assert table.hidden == protect(grid([2, 10], [30, 40])).hidden
    assert page(table) == [[HIDDEN, MASKED, 12], [MASKED, MASKED, 70], [32, 50, 82]]


def test_difference_hides_when_either_year_is_hidden():
    # A change is no count of 1 to 4: "masqué", whichever marker hid a year.
    assert difference(12, 7) == 5
    assert difference(HIDDEN, 7) == MASKED
    assert difference(12, HIDDEN) == MASKED
    assert difference(HIDDEN, HIDDEN) == MASKED
    assert difference(MASKED, 7) == MASKED
    assert difference(12, MASKED) == MASKED
    assert difference(MASKED, HIDDEN) == MASKED


def test_ratio_hides_when_either_side_is_hidden():
    assert ratio(5, 20) == 0.25
    assert ratio(HIDDEN, 20) == MASKED
    assert ratio(5, HIDDEN) == MASKED
    assert ratio(MASKED, 20) == MASKED
    assert ratio(5, MASKED) == MASKED
    assert ratio(0, 0) is None
    assert ratio(0, MASKED) == MASKED


def test_a_one_row_table_hides_a_second_month_beside_a_small_one():
    table = protect(months(3, 10, 20, 7, 30))

    # 7, the cheapest month, can shrink as 3 grows (and grow as it shrinks): "masqué".
    assert page(table) == [[HIDDEN, 10, 20, MASKED, 30, 70], [HIDDEN, 10, 20, MASKED, 30, 70]]
    assert Reader(table).recovered_small_counts() == []
    assert Reader(table).pinned_by_labels() == []


def test_a_one_column_table_hides_a_second_row_beside_a_small_one():
    table = protect(grid([3], [10], [20]))

    assert page(table) == [[HIDDEN, HIDDEN], [MASKED, MASKED], [20, 20], [33, 33]]
    assert Reader(table).recovered_small_counts() == []
    assert Reader(table).pinned_by_labels() == []


def test_a_one_cell_table_hides_its_only_small_count_and_shows_a_large_one():
    assert protect(grid([3])).shown_total == HIDDEN
    assert protect(grid([0])).shown_total == 0
    assert page(protect(grid([12]))) == [[12, 12], [12, 12]]


def test_a_table_of_small_counts_only_shows_none_of_them():
    table = protect(grid([1, 2], [3, 4]))

    assert all(
        table.shown(ref) == HIDDEN for ref in numbers_of(table) if is_small(table.value(ref))
    )
    assert Reader(table).recovered_small_counts() == []
    assert Reader(table).pinned_by_labels() == []


def test_same_columns_as_keeps_the_hidden_months_of_the_table_of_months():
    by_month = months(2, 20, 30, 40)
    by_age = grid([1, 10, 10, 20], [1, 10, 20, 20])

    protect_together(by_month, [(by_age, {"same_columns_as": by_month})])

    assert hidden_cells(by_month) == {cell("n", 0), cell("n", 1)}
    assert by_age.column_totals() == [HIDDEN, MASKED, 30, 40]  # 2 and 20
    assert by_age.shown_total == by_month.shown_total == 92
    reader = Reader(by_month, by_age)
    reader.link_columns(by_age, by_month)
    assert reader.recovered_small_counts() == []
    assert reader.pinned_by_labels() == []


def test_a_breakdown_hides_a_part_of_each_month_that_the_table_of_months_hides():
    by_month = months(2, 20, 30, 40)
    by_place = grid([0, 10, 10, 20], [2, 10, 20, 20])

    protect_together(by_month, [(by_place, {"same_columns_as": by_month})])

    # Month 1 (20) is hidden beside month 0 (2): were 10 and 10 both shown here, 20 would
    # come back, and 2 with it (92 − 20 − 30 − 40).
    assert hidden_cells(by_month) == {cell("n", 0), cell("n", 1)}
    assert by_place.hidden & {cell("r0", 1), cell("r1", 1)}
    reader = Reader(by_month, by_place)
    reader.link_columns(by_place, by_month)
    assert reader.recovered_small_counts() == []
    assert reader.pinned_by_labels() == []


def test_same_columns_as_takes_a_table_of_one_row():
    reference = grid([1, 2], [3, 4])
    with pytest.raises(ValueError, match="one row"):
        protect_together(reference, [(grid([10, 20], [30, 40]), {"same_columns_as": reference})])


def test_same_total_as_keeps_the_hidden_grand_total():
    by_month = months(3, 0, 0)
    by_age = grid([1], [2], [0])

    protect_together(by_month, [(by_age, {"same_total_as": by_month})])

    assert by_month.shown_total == by_age.shown_total == HIDDEN
    reader = Reader(by_month, by_age)
    reader.link_total(by_age, by_month)
    assert reader.recovered_small_counts() == []
    assert reader.pinned_by_labels() == []


def test_same_total_as_hides_a_shown_total_with_no_cell_of_the_other_table():
    by_month = months(30, 40)
    heard = grid([2], [30], [38])

    protect_together(by_month, [(heard, {"same_total_as": by_month})])

    assert by_month.shown_total == heard.shown_total == 70
    assert heard.shown(cell("r0", 0)) == HIDDEN
    assert heard.shown(cell("r1", 0)) == MASKED  # 30, the cheapest that protects 2
    assert heard.shown(cell("r2", 0)) == 38


def test_refine_splits_the_reoriented_outcome_into_the_reorientations():
    by_month = months(12, 20, 30)
    reoriented = grid([1, 3, 5], [2, 4, 6], title="réorientations")
    outcomes = Table(
        "résultats",
        [("aboutie", "Aboutie"), ("reorientee", "Réorientée")],
        [(j, f"Mois {j}") for j in range(3)],
        {
            ("aboutie", 0): 9,
            ("aboutie", 1): 13,
            ("aboutie", 2): 19,
            ("reorientee", 0): 3,
            ("reorientee", 1): 7,
            ("reorientee", 2): 11,
        },
    )

    protect_together(
        by_month,
        [(outcomes, {"same_columns_as": by_month, "refine": {"reorientee": reoriented}})],
    )

    # The same number, hidden in both: the outcome's cell and the re-orientations' total.
    assert outcomes.shown(cell("reorientee", 0)) == reoriented.column_totals()[0] == HIDDEN
    assert outcomes.shown(row_total("reorientee")) == reoriented.shown_total
    for month in range(3):
        assert outcomes.shown(cell("reorientee", month)) == reoriented.shown(column_total(month))
    reader = Reader(by_month, outcomes, reoriented)
    reader.link_columns(outcomes, by_month)
    reader.link_refinement(outcomes, "reorientee", reoriented)
    assert reader.recovered_small_counts() == []
    assert reader.pinned_by_labels() == []


def test_refine_does_not_let_the_outcomes_give_back_a_small_reorientation():
    # Month 0 of the re-orientations (2 + 3) is the outcomes' "réorientée" cell of month 0.
    reoriented = grid([2, 10], [3, 20], title="réorientations")
    outcomes = Table(
        "résultats",
        [("aboutie", "Aboutie"), ("reorientee", "Réorientée")],
        [(0, "Mois 0"), (1, "Mois 1")],
        {("aboutie", 0): 40, ("aboutie", 1): 50, ("reorientee", 0): 5, ("reorientee", 1): 30},
    )

    protect(outcomes, refine={"reorientee": reoriented})

    reader = Reader(outcomes, reoriented)
    reader.link_refinement(outcomes, "reorientee", reoriented)
    assert reoriented.shown(cell("r0", 0)) == HIDDEN
    assert reader.recovered_small_counts() == []
    assert reader.pinned_by_labels() == []


# ---------------------------------------------------------------------------------------
# The reader can fail


def test_the_reader_recovers_a_small_count_hidden_alone_in_its_row():
    table = grid([2, 10, 20], [30, 40, 50])
    table.hidden = {cell("r0", 0)}  # primary suppression only, totals shown

    assert Reader(table).recovered_small_counts() == ["t: ('cell', 'r0', 0) = 2"]


def test_the_reader_recovers_two_counts_of_a_row_through_their_columns():
    table = grid([2, 10, 20], [30, 40, 50])
    table.hidden = {cell("r0", 0), cell("r0", 1)}

    assert Reader(table).recovered() == {(table, cell("r0", 0)): 2, (table, cell("r0", 1)): 10}


def test_the_reader_recovers_a_count_from_the_grand_total_and_the_other_rows():
    table = grid([2, 2], [30, 40])
    table.hidden = {cell("r0", 0), cell("r0", 1), row_total("r0")}

    assert set(Reader(table).recovered_small_counts()) == {
        "t: ('cell', 'r0', 0) = 2",
        "t: ('cell', 'r0', 1) = 2",
        "t: ('row', 'r0') = 4",
    }


def test_the_reader_cannot_recover_a_rectangle_of_hidden_counts():
    table = grid([2, 10, 20], [30, 40, 50])
    table.hidden = {cell("r0", 0), cell("r0", 1), cell("r1", 0), cell("r1", 1)}

    assert Reader(table).recovered() == {}


def test_the_reader_recovers_a_hidden_month_from_a_breakdown_that_shows_its_parts():
    by_month = protect(months(2, 20, 30, 40))
    by_age = grid([1, 10, 10, 20], [1, 10, 20, 20])
    by_age.hidden = {cell("r0", 0), cell("r1", 0), column_total(0), column_total(1)}

    reader = Reader(by_month, by_age)
    reader.link_columns(by_age, by_month)

    # By itself, each table hides 2; together, month 1 is 10 + 10, so month 0 comes back.
    assert Reader(by_month).recovered_small_counts() == []
    assert "mois: ('cell', 'n', 0) = 2" in reader.recovered_small_counts()


def test_the_reader_recovers_a_number_that_one_linked_table_hides_and_the_other_shows():
    by_month = protect(months(2, 20, 30, 40))
    by_age = grid([1, 10, 10, 20], [1, 10, 20, 20])
    by_age.hidden = {cell("r0", 0), cell("r1", 0), cell("r0", 1), cell("r1", 1)}

    reader = Reader(by_month, by_age)
    reader.link_columns(by_age, by_month)

    # The months hide 2; the breakdown shows it as its total of month 0.
    assert by_age.shown(column_total(0)) == 2
    assert "mois: ('cell', 'n', 0) = 2" in reader.recovered_small_counts()


def test_the_nonnegativity_check_pins_a_count_whose_hidden_neighbours_are_zeros():
    # 0 + 0 = 0 in column 1: both zeros stay zero, so 2 and 5 are pinned.
    table = grid([2, 0], [5, 0])
    table.hidden = {cell("r0", 0), cell("r0", 1), cell("r1", 0), cell("r1", 1)}

    assert Reader(table).recovered() == {}
    assert Reader(table).pinned_by_nonnegativity() == ["t: ('cell', 'r0', 0) = 2"]


def every_filling(table: Table, most: int) -> dict | None:
    """Each hidden number of ``table`` → the values it takes over every filling of the
    hidden cells that fits the page: each total the sum of its parts, each shown number
    as shown, each "< 5" 1 to 4, each "masqué" 5 or more (up to the total and a margin)
    or a known 0. None when there would be more than ``most`` fillings to try."""
    hidden = [ref for ref in numbers_of(table) if ref[0] == "cell" and ref in table.hidden]
    top = table.total + 12

    def allowed(ref):
        if table.shown(ref) == HIDDEN:
            return range(1, THRESHOLD)
        return range(0, 1) if table.value(ref) == 0 else range(THRESHOLD, top + 1)

    choices = [allowed(ref) for ref in hidden]
    if math.prod(len(each) for each in choices) > most:
        return None
    values: dict = defaultdict(set)
    for filling in itertools.product(*choices):
        other = Table(table.title, table.rows, table.columns, dict(table.counts))
        for ref, value in zip(hidden, filling, strict=True):
            other.counts[(ref[1], ref[2])] = value
        if all(
            other.value(ref) == table.value(ref)
            if ref not in table.hidden
            else other.value(ref) in allowed(ref)
            for ref in numbers_of(table)
        ):
            for ref in table.hidden:
                values[ref].add(other.value(ref))
    return values


def test_the_reader_of_the_labels_pins_what_trying_every_filling_pins():
    # Small tables with numbers hidden at random, not as protect() would: many pins.
    rng = random.Random(RANDOM_SEED + 5)
    compared = pinned = 0
    while compared < 300:
        rows, columns = rng.randint(1, 3), rng.randint(1, 3)
        table = grid(
            *[
                [rng.choice([0, 0, 1, 1, 2, 3, 4, 5, 6, 9]) for _ in range(columns)]
                for _ in range(rows)
            ]
        )
        table.hidden = {
            ref for ref in numbers_of(table) if is_small(table.value(ref)) or rng.random() < 0.3
        }
        values = every_filling(table, most=2000)
        if values is None:
            continue
        compared += 1
        expected = sorted(
            f"t: {ref} = {table.value(ref)}"
            for ref, found in values.items()
            if is_small(table.value(ref)) and len(found) == 1
        )
        assert sorted(Reader(table).pinned_by_labels()) == expected, table.counts
        pinned += bool(expected)
    assert pinned > 50


# ---------------------------------------------------------------------------------------
# Random tables

RANDOM_SEED = 20250611
MIXES = [
    (0.0, 0.0),  # (share of zeros, share of small counts): none small
    (0.2, 0.1),
    (0.3, 0.3),
    (0.1, 0.6),
    (0.0, 1.0),  # every count small
    (0.5, 0.2),
    (0.6, 0.4),
]


def draw(rng: random.Random, mix) -> int:
    zeros, small = mix
    drawn = rng.random()
    if drawn < zeros:
        return 0
    if drawn < zeros + small:
        return rng.randint(1, 4)
    return rng.randint(5, rng.choice([9, 30, 120]))


def random_table(rng, rows: int, columns: int, mix=None, title="t") -> Table:
    mix = mix or rng.choice(MIXES)
    return Table(
        title,
        [(i, f"Ligne {i}") for i in range(rows)],
        [(j, f"Colonne {j}") for j in range(columns)],
        {(i, j): draw(rng, mix) for i in range(rows) for j in range(columns)},
    )


def split(rng, total: int, parts: int) -> list[int]:
    """``total`` in ``parts`` counts, some of them small or zero."""
    weights = [rng.choice([0, 0, 0.05, 0.2, 1, 1, 3]) for _ in range(parts)]
    if not any(weights):
        weights[rng.randrange(parts)] = 1
    shares = [int(total * weight / sum(weights)) for weight in weights]
    kept = [i for i, weight in enumerate(weights) if weight]
    for _ in range(total - sum(shares)):
        shares[rng.choice(kept)] += 1
    return shares


def column_sums(table: Table) -> list[int]:
    return [sum(table.count(row, column) for row, _r in table.rows) for column, _c in table.columns]


def by_month_of(counts: list[int]) -> Table:
    return Table(
        "mois",
        [("n", "Accompagnements")],
        [(j, f"Mois {j}") for j in range(len(counts))],
        {("n", j): count for j, count in enumerate(counts)},
    )


def breakdown_of(rng, title: str, rows: int, totals: list[int]) -> Table:
    """A breakdown of monthly totals into ``rows`` rows."""
    counts = {}
    for column, total in enumerate(totals):
        for row, count in enumerate(split(rng, total, rows)):
            counts[(row, column)] = count
    return Table(
        title,
        [(i, f"Ligne {i}") for i in range(rows)],
        [(j, f"Mois {j}") for j in range(len(totals))],
        counts,
    )


def plain(rng):
    table = protect(random_table(rng, rng.randint(1, 8), rng.randint(1, 12)))
    return Reader(table)


def a_year_of_accompaniments(rng):
    """As bilans._accompaniment_tables links them: months, breakdowns with the months'
    totals, outcomes whose "réorientée" row the re-orientations split."""
    month_count = rng.randint(1, 12)
    mix = rng.choice(MIXES)
    reoriented = random_table(rng, rng.randint(0, 5), month_count, mix, "réorientations")
    outcomes = random_table(rng, rng.randint(1, 4), month_count, mix, "résultats")
    refined_row = rng.randrange(len(outcomes.rows))
    if reoriented.rows:
        for column, count in enumerate(column_sums(reoriented)):
            outcomes.counts[(refined_row, column)] = count
    by_month = by_month_of(column_sums(outcomes))
    reader = Reader(by_month)
    linked = []
    for index in range(rng.randint(1, 5)):
        breakdown = breakdown_of(
            rng, f"ventilation {index}", rng.randint(1, 8), column_sums(by_month)
        )
        linked.append((breakdown, {"same_columns_as": by_month}))
        reader.link_columns(breakdown, by_month)
    refine = {refined_row: reoriented} if reoriented.rows else None
    linked.append((outcomes, {"same_columns_as": by_month, "refine": refine}))
    protect_together(by_month, linked)
    reader.link_columns(outcomes, by_month)
    if refine:
        reader.link_refinement(outcomes, refined_row, reoriented)
    return reader


def a_period_of_demand(rng):
    """As indicators._demand_tables links them: months, and tables with their total."""
    by_month = random_table(rng, 1, rng.randint(1, 12), title="mois")
    reader = Reader(by_month)
    linked = []
    for index in range(rng.randint(1, 3)):
        rows, columns = rng.randint(1, 8), rng.choice([1, 1, rng.randint(1, 6)])
        shares = split(rng, by_month.total, rows * columns)
        table = Table(
            f"répartition {index}",
            [(i, f"Ligne {i}") for i in range(rows)],
            [(j, f"Colonne {j}") for j in range(columns)],
            {(i, j): shares[i * columns + j] for i in range(rows) for j in range(columns)},
        )
        linked.append((table, {"same_total_as": by_month}))
        reader.link_total(table, by_month)
    protect_together(by_month, linked)
    return reader


def refinements(rng):
    """A table some of whose rows are split by other tables, alone or linked to months."""
    month_count = rng.randint(1, 6)
    mix = rng.choice(MIXES)
    table = random_table(rng, rng.randint(1, 4), month_count, mix, "résultats")
    refine = {}
    for row in rng.sample(range(len(table.rows)), rng.randint(1, len(table.rows))):
        sub = random_table(rng, rng.randint(1, 4), month_count, mix, f"détail {row}")
        for column, count in enumerate(column_sums(sub)):
            table.counts[(row, column)] = count
        refine[row] = sub
    reader = Reader(table)
    link = rng.choice(["none", "columns", "total"])
    if link == "none":
        protect(table, refine=refine)
    else:
        by_month = by_month_of(column_sums(table))
        if link == "columns":
            protect_together(by_month, [(table, {"same_columns_as": by_month, "refine": refine})])
            reader.link_columns(table, by_month)
        else:
            protect_together(by_month, [(table, {"same_total_as": by_month, "refine": refine})])
            reader.link_total(table, by_month)
    for row, sub in refine.items():
        reader.link_refinement(table, row, sub)
    return reader


KINDS = {
    "plain": (plain, 400),
    "a year of accompaniments": (a_year_of_accompaniments, 120),
    "a period of demand": (a_period_of_demand, 80),
    "refinements": (refinements, 100),
}


@pytest.fixture(scope="module")
def random_pages():
    """Several hundred random pages (a table, or tables linked together), protected."""
    rng = random.Random(RANDOM_SEED)
    return {kind: [make(rng) for _ in range(count)] for kind, (make, count) in KINDS.items()}


def true_value(table: Table, ref) -> int:
    """The number computed again from the counts, apart from Table's own sums."""
    rows = [row for row, _r in table.rows]
    columns = [column for column, _c in table.columns]
    cells = {
        (row, column): table.counts.get((row, column), 0) for row in rows for column in columns
    }
    kind = ref[0]
    if kind == "cell":
        return cells[(ref[1], ref[2])]
    if kind == "row":
        return sum(cells[(ref[1], column)] for column in columns)
    if kind == "column":
        return sum(cells[(row, ref[1])] for row in rows)
    return sum(cells.values())


@pytest.mark.parametrize("kind", KINDS)
def test_random_tables_show_every_small_count_as_less_than_five_and_no_other(random_pages, kind):
    masked = 0
    for reader in random_pages[kind]:
        for table in reader.tables:
            for ref in numbers_of(table):
                if is_small(true_value(table, ref)):
                    assert table.shown(ref) == HIDDEN, (table, ref)
                elif ref in table.hidden:  # 0 or 5 and more: "< 5" would be untrue
                    assert table.shown(ref) == MASKED, (table, ref)
                    masked += 1
    assert masked


@pytest.mark.parametrize("kind", KINDS)
def test_random_tables_show_the_true_counts(random_pages, kind):
    for reader in random_pages[kind]:
        for table in reader.tables:
            for ref in numbers_of(table):
                if ref not in table.hidden:
                    assert table.shown(ref) == true_value(table, ref), (table, ref)
            lines = table.lines()
            assert [line["total"] for line in lines] == [
                table.shown(row_total(row)) for row, _label in table.rows
            ]


@pytest.mark.parametrize("kind", KINDS)
def test_random_tables_give_no_small_count_back_even_together(random_pages, kind):
    for reader in random_pages[kind]:
        assert reader.recovered_small_counts() == [], [table.counts for table in reader.tables]


@pytest.mark.parametrize("kind", KINDS)
def test_random_linked_tables_show_a_shared_number_alike(random_pages, kind):
    for reader in random_pages[kind]:
        for refs in reader.numbers().values():
            assert len({table.shown(ref) for table, ref in refs}) == 1, refs


def pinned_beyond_the_labels_alone(reader: Reader) -> list[str]:
    """The small counts that a reader of the labels pins down, but for those that the
    labels alone give away whatever is hidden (four counts of 1 to 4 under a total of 1
    to 4 are 1 each, with the zeros shown: no suppression can help)."""
    pinned = reader.pinned_by_labels()
    if not pinned:
        return []
    alone = set(reader.pinned_by_labels(everything_hidden=True))
    return [each for each in pinned if each not in alone]


LINKED_KINDS = ["a year of accompaniments", "a period of demand", "refinements"]


@pytest.mark.parametrize("kind", LINKED_KINDS)
def test_random_linked_tables_pin_no_small_count_with_nonnegativity(random_pages, kind):
    # Elsewhere the labels' reader below, who knows more (each hidden number is 1 to 4,
    # 5 or more, or a known 0, hence not negative), pins nothing that this one would.
    for reader in random_pages[kind]:
        if reader.linked:
            assert reader.pinned_by_nonnegativity() == [], [t.counts for t in reader.tables]


@pytest.mark.parametrize("kind", ["plain", "refinements"])
def test_random_tables_protected_together_pin_no_small_count_with_the_labels(random_pages, kind):
    """Whoever reads "< 5" as 1 to 4, "masqué" as 5 or more (or a known 0) and the other
    numbers as they show, over every sum of the page: no count is pinned that the labels
    alone would not give away. Pages protected by protect(): a table, or a table with the
    tables refining its rows (pages of linked tables: the test after)."""
    checked = 0
    for reader in random_pages[kind]:
        if reader.linked:
            continue
        checked += 1
        assert pinned_beyond_the_labels_alone(reader) == [], [t.counts for t in reader.tables]
        if reader.pinned_by_labels():
            assert reader.pinned_by_nonnegativity() == [], [t.counts for t in reader.tables]
    assert checked > 20


@pytest.mark.parametrize("kind", LINKED_KINDS)
def test_random_linked_tables_pin_no_small_count_with_the_labels(random_pages, kind):
    # Protected together (protect_together): the same reader over every table of the
    # page, a shared number one unknown. Protected one after the other, the numbers the
    # months showed, or the bounds of those they hid, pinned counts of the breakdowns, or
    # of the months through a breakdown.
    for reader in random_pages[kind]:
        if reader.linked:
            assert pinned_beyond_the_labels_alone(reader) == [], [t.counts for t in reader.tables]


def test_random_tables_without_small_counts_hide_nothing():
    rng = random.Random(RANDOM_SEED + 1)
    for _ in range(100):
        table = protect(random_table(rng, rng.randint(1, 8), rng.randint(1, 12), (0.3, 0.0)))

        assert table.hidden == set()


def test_random_breakdowns_hide_nothing_when_neither_they_nor_the_months_have_small_counts():
    rng = random.Random(RANDOM_SEED + 2)
    for _ in range(50):
        by_month = by_month_of([rng.choice([0, rng.randint(10, 120)]) for _ in range(12)])
        totals = column_sums(by_month)
        breakdown = Table(
            "ventilation",
            [(0, "a"), (1, "b")],
            by_month.columns,
            {
                **{(0, j): total // 2 for j, total in enumerate(totals)},
                **{(1, j): total - total // 2 for j, total in enumerate(totals)},
            },
        )
        protect_together(by_month, [(breakdown, {"same_columns_as": by_month})])

        assert by_month.hidden == breakdown.hidden == set()


def test_one_small_count_in_a_random_large_table_hides_one_cheapest_cycle_of_cells():
    rng = random.Random(RANDOM_SEED + 3)
    through_totals = 0
    for _ in range(50):
        rows, columns = rng.randint(2, 8), rng.randint(2, 12)
        table = random_table(rng, rows, columns, (0.0, 0.0))
        small_row, small_column = rng.randrange(rows), rng.randrange(columns)
        table.counts[(small_row, small_column)] = rng.randint(1, 4)

        protect(table)

        assert Reader(table).recovered_small_counts() == []
        assert Reader(table).pinned_by_labels() == []
        # The rectangles of cells through the small one along which it can move: as it
        # grows, the two cells beside it shrink ("masqué" is 5 or more: they must be 6 or
        # more) and the opposite one grows; as it shrinks, the opposite one shrinks. A
        # rectangle of 5s beside a 1 would give the 1 back.
        value = table.count(small_row, small_column)
        rectangles = [
            beside + table.count(row, small_column) + opposite
            for row in range(rows)
            for column in range(columns)
            if row != small_row and column != small_column
            for beside, opposite in [(table.count(small_row, column), table.count(row, column))]
            if (value < 4 and min(beside, table.count(row, small_column)) > THRESHOLD)
            or (value > 1 and opposite > THRESHOLD)
        ]
        if not rectangles:
            # A 1 with only 5s beside it, which cannot shrink: the cycle goes through
            # totals, its own growing with it.
            through_totals += 1
            continue
        # Cells only, two in each row and column they touch: one cycle, no total.
        assert table.hidden == hidden_cells(table)
        for row, _label in table.rows:
            assert len(hidden_cells_of_row(table, row)) in (0, 2)
        for column, _label in table.columns:
            assert len(hidden_cells_of_column(table, column)) in (0, 2)
        # And no dearer than the cheapest of those rectangles.
        secondary = table.hidden - {cell(small_row, small_column)}
        assert sum(table.value(ref) for ref in secondary) <= min(rectangles)
    assert through_totals < 5


def test_one_small_count_in_a_random_table_of_months_hides_one_other_month():
    rng = random.Random(RANDOM_SEED + 4)
    totals_hidden = 0
    for _ in range(50):
        table = random_table(rng, 1, rng.randint(2, 12), (0.0, 0.0))
        small = rng.randrange(len(table.columns))
        table.counts[(0, small)] = rng.randint(1, 4)

        protect(table)

        # The other month must move the other way: any can grow as the small one shrinks,
        # but only one of 6 or more can shrink as it grows ("masqué" is 5 or more). A 1
        # can only grow: beside months of 5 only, the grand total grows with it instead.
        value = table.count(0, small)
        others = [
            count
            for (_row, column), count in table.counts.items()
            if column != small and (value > 1 or count > THRESHOLD)
        ]
        hidden_months = {ref for ref in table.hidden if ref[0] == "cell"}
        if others:
            assert len(hidden_months) == 2
            assert table.shown_total == table.total
            (other,) = hidden_months - {cell(0, small)}
            assert table.value(other) == min(others)  # the cheapest month
        else:
            assert hidden_months == {cell(0, small)}
            assert table.shown_total == MASKED
            totals_hidden += 1
        assert Reader(table).pinned_by_labels() == []
    assert totals_hidden  # the seed draws both cases


@pytest.mark.parametrize("kind", KINDS)
def test_random_tables_hide_a_small_share_of_the_counts_that_are_not_small(random_pages, kind):
    hidden = counted = 0
    for reader in random_pages[kind]:
        for table in reader.tables:
            for ref in numbers_of(table):
                if table.value(ref) >= 5:
                    counted += 1
                    hidden += ref in table.hidden
    # Measured at 9.1 % (plain), 9.6 % (demand), 12.5 % (refinements) and 14.5 % (a year
    # of accompaniments), with a third of the counts small or zero. Linked tables were at
    # 9 % to 13 % while protected one after the other, which left counts pinned: a 1
    # whose column's other counts cannot shrink needs its month hidden, and then every
    # breakdown must follow that month (other seeds: up to 16 % for the accompaniments,
    # 17 % for the refinements before). 8 % to 12 % when only sums were guarded against:
    # a secondary number must be able to move within its label, so a 5 beside a 1 will
    # not do, nor a 4 beside a 4. A protection that hid whole rows and columns would be
    # far above.
    assert hidden / counted < 0.15


# ---------------------------------------------------------------------------------------
# What reading "< 5" as 1 to 4, and "masqué" as 5 or more, gives away


def test_two_hidden_months_beside_a_shown_total_are_not_pinned_by_reading_them_as_1_to_4():
    table = protect(months(1, 1, 40, 50))

    # Each 1 can only grow ("< 5" is 1 to 4), so its partner must be able to shrink: not
    # the other 1, but 40, the cheapest month that can ("masqué" is 5 or more).
    assert page(table)[0] == [HIDDEN, HIDDEN, MASKED, 50, 92]
    assert Reader(table).pinned_by_labels() == []
    # What the reader knows: the hidden months add up to 92 − 50 = 42, two of them 1 to
    # 4 and one 5 or more. Months 2, 1, 39, 50 show the same page.
    other = months(2, 1, 39, 50)
    other.hidden = set(table.hidden)
    assert page(other) == page(table)


def test_the_reader_of_the_labels_pins_two_months_of_1_that_only_hide_each_other():
    table = months(1, 1, 40, 50)
    table.hidden = {cell("n", 0), cell("n", 1), column_total(0), column_total(1)}

    # 92 − 40 − 50 = 2 for two counts of 1 to 4: both are 1. The sums alone give nothing.
    assert Reader(table).recovered() == {}
    assert set(Reader(table).pinned_by_labels()) == {
        "mois: ('cell', 'n', 0) = 1",
        "mois: ('cell', 'n', 1) = 1",
        "mois: ('column', 0) = 1",
        "mois: ('column', 1) = 1",
    }


def test_a_five_beside_a_one_does_not_protect_it():
    table = protect(months(1, 5, 30))

    # 1 + 5 would be 6 for a "< 5" and a "masqué": 1 and 5. 30 can shrink as 1 grows.
    assert page(table)[0] == [HIDDEN, 5, MASKED, 36]
    assert Reader(table).pinned_by_labels() == []


def test_a_count_passed_on_to_its_total_keeps_the_direction_of_its_flow():
    # A month and its column total are one edge of the graph (disclosure._Graph.contract).
    # Merged against the flow, month 4 (1) looked as if it could shrink as month 0 grew:
    # the two 1s hid each other, and their 22 − 20 = 2 gave both back.
    table = protect(months(1, 0, 0, 20, 1))
    assert page(table)[0] == [HIDDEN, 0, 0, MASKED, HIDDEN, 22]
    assert Reader(table).pinned_by_labels() == []
    # The same with a row and its total, in a table of one column.
    table = protect(grid([1], [28], [6], [1], [24]))
    assert [line[0] for line in page(table)] == [HIDDEN, 28, MASKED, HIDDEN, 24, 60]
    assert Reader(table).pinned_by_labels() == []


def test_the_labels_alone_give_away_four_counts_under_a_total_of_four():
    # With the zeros shown and the labels true, 1 + 1 + 1 + 1 under a "< 5" is 1 each,
    # whatever else is hidden: nothing that disclosure.py can help.
    table = protect(months(1, 1, 1, 1))

    assert page(table)[0] == [HIDDEN] * 5
    reader = Reader(table)
    assert reader.recovered_small_counts() == []
    assert "mois: ('cell', 'n', 0) = 1" in reader.pinned_by_labels()
    assert reader.pinned_by_labels() == reader.pinned_by_labels(everything_hidden=True)


def test_a_breakdown_is_not_pinned_by_a_month_that_the_table_of_months_shows():
    by_month = months(8)
    by_age = grid([4], [4])

    protect_together(by_month, [(by_age, {"same_columns_as": by_month})])

    # Had the months shown 8, the ages' '< 5' and '< 5' could only be 4 and 4 (a leak
    # while the breakdowns were protected after the months, which they could not change).
    # A 4 can only shrink: the month shrinks with it, so the months hide 8 too.
    assert by_month.shown_total == MASKED
    assert page(by_age) == [[HIDDEN, HIDDEN], [HIDDEN, HIDDEN], [MASKED, MASKED]]
    reader = Reader(by_month, by_age)
    reader.link_columns(by_age, by_month)
    assert reader.recovered_small_counts() == []
    assert reader.pinned_by_labels() == []


def test_a_hidden_month_is_not_pinned_by_a_breakdown_that_hides_its_parts():
    by_month = months(1, 6)
    by_place = grid([1, 5], [0, 1])

    protect_together(by_month, [(by_place, {"same_columns_as": by_month})])

    # Alone, the months would hide 1 and 6 and show 7, which the places split as '< 5'
    # + 'masqué' + '< 5': only 1 + 5 + 1 (month 1 cannot shrink, its 5 and its 1 cannot).
    # Together, month 0 (1) grows with the total and the first place (1 and its row's 6);
    # the second place's 1 grows with its row's total, month 1 and the total: both months
    # and the total are hidden.
    assert page(by_month)[0] == [HIDDEN, MASKED, MASKED]
    assert page(by_place) == [
        [HIDDEN, 5, MASKED],
        [0, HIDDEN, HIDDEN],
        [HIDDEN, MASKED, MASKED],
    ]
    reader = Reader(by_month, by_place)
    reader.link_columns(by_place, by_month)
    assert reader.recovered_small_counts() == []
    assert reader.pinned_by_labels() == []


# ---------------------------------------------------------------------------------------
# A whole bilan, and a diagnostic's demand, from the database

YEAR = 2025


@pytest.fixture
def a_small_structures_year(db):
    """A structure's year of 40 accompaniments, with small counts in every dimension,
    and a few the year before."""
    rng = random.Random(RANDOM_SEED)
    structure = StructureFactory(name="Centre social Jean Vilar")
    conseiller = UserFactory(conseiller=True)
    roseraie, justices = QuartierFactory(), QuartierFactory(justices=True)
    places = [LieuFactory(quartier=roseraie), LieuFactory(quartier=justices), None]
    partners = [StructureFactory(name="CAF"), StructureFactory(name="CPAM")]
    # Most entries in a few months, one or two in some others.
    days = [date(YEAR, 3, 1 + i % 27) for i in range(14)]
    days += [date(YEAR, 6, 1 + i) for i in range(11)]
    days += [date(YEAR, 10, 1 + i) for i in range(9)]
    days += [date(YEAR, 1, 5), date(YEAR, 1, 6), date(YEAR, 7, 1)]
    days += [date(YEAR, 12, 1), date(YEAR, 12, 2), date(YEAR, 12, 3)]
    days += [date(YEAR - 1, 5, 1 + i) for i in range(7)] + [date(YEAR - 1, 9, 9)]

    def skewed(choices):
        # The first choice mostly, the others now and then: small counts.
        return choices[0] if rng.random() < 0.7 else rng.choice(choices[1:])

    for day in days:
        place = skewed(places)
        residence = skewed(["quartier", "hors-quartier", NON_COMMUNIQUE])
        reoriented = rng.random() < 0.15
        AccompagnementFactory(
            conseiller=conseiller,
            structure=structure,
            date=day,
            lieu=place,
            canal=Canal.LIEU_ACTIVITE if place or rng.random() < 0.5 else Canal.A_DISTANCE,
            themes=[skewed(ThemeNumerique.values)]
            + ([ThemeNumerique.LOGEMENT] if rng.random() < 0.2 else []),
            tranche_age=skewed([TrancheAge.AGE_25_39, *TrancheAge.values]),
            residence=residence,
            quartier=skewed([roseraie, justices]) if residence == "quartier" else None,
            orientation_source=skewed(OrientationSource.values),
            autonomie=skewed(Autonomie.values),
            resultat=Resultat.REORIENTEE
            if reoriented
            else skewed([Resultat.ABOUTIE, Resultat.A_POURSUIVRE, Resultat.NON_ABOUTIE]),
            reoriente_vers=rng.choice(partners) if reoriented else None,
        )
    return structure


def bilan_reader(sections: dict[str, Table]) -> Reader:
    """The tables of one year of a bilan, linked as bilans._accompaniment_tables links
    them."""
    by_month = sections["mois"]
    reader = Reader(*sections.values())
    for slug in ("lieux", "ages", "quartiers", "connaissance", "autonomie", "resultats"):
        reader.link_columns(sections[slug], by_month)
    if sections["reorientations"].rows:
        reader.link_refinement(
            sections["resultats"], Resultat.REORIENTEE, sections["reorientations"]
        )
    return reader


def assert_labels_are_true(tables) -> None:
    """Every count of 1 to 4 shows "< 5", every other hidden number "masqué"."""
    for table in tables:
        for ref in numbers_of(table):
            if is_small(table.value(ref)):
                assert table.shown(ref) == HIDDEN, (table.title, ref)
            elif ref in table.hidden:
                assert table.shown(ref) == MASKED, (table.title, ref)


def build_bilan(structure):
    return bilans.build(
        year=YEAR,
        scope=Scope(structure_ids=frozenset({structure.pk})),
        scope_label=structure.name,
    )


@pytest.mark.django_db
def test_no_small_count_of_a_bilan_can_be_recovered_from_its_tables(a_small_structures_year):
    bilan = build_bilan(a_small_structures_year)

    this_year = {section.slug: section.table for section in bilan.accompaniments}
    last_year = {section.slug: section.previous_table for section in bilan.accompaniments}
    small = [
        (slug, ref)
        for slug, table in this_year.items()
        for ref in numbers_of(table)
        if is_small(table.value(ref))
    ]
    assert this_year["mois"].total == 40
    assert len({slug for slug, _ref in small}) == len(this_year)  # small counts everywhere
    assert len(small) > 50
    for tables in (this_year, last_year):
        reader = bilan_reader(tables)
        assert reader.recovered_small_counts() == []
        assert reader.pinned_by_nonnegativity() == []
        assert_labels_are_true(tables.values())
        # The tables protected on their own give nothing away to the labels' reader.
        for slug in ("mois", "themes"):
            assert pinned_beyond_the_labels_alone(Reader(tables[slug])) == [], slug
    # What the page shows is what the tables show.
    for section in bilan.accompaniments:
        assert [line.total for line in section.lines] == [
            section.table.shown(row_total(row)) for row, _label in section.table.rows
        ]


@pytest.mark.django_db
def test_no_small_count_of_a_bilan_is_pinned_by_reading_its_labels(a_small_structures_year):
    bilan = build_bilan(a_small_structures_year)

    for tables in (
        {section.slug: section.table for section in bilan.accompaniments},
        {section.slug: section.previous_table for section in bilan.accompaniments},
    ):
        assert pinned_beyond_the_labels_alone(bilan_reader(tables)) == []


@pytest.mark.django_db
def test_no_small_count_of_a_diagnostics_demand_can_be_recovered(a_small_structures_year):
    demand = indicators.demand(None, indicators.Period(date(YEAR, 1, 1), date(YEAR, 12, 31)))

    reader = Reader(demand.months, demand.reoriented, demand.place_theme)
    for table in (demand.age_residence, demand.heard, demand.autonomy):
        reader.link_total(table, demand.months)
    assert demand.months.total == 40
    assert any(is_small(table.value(ref)) for table in reader.tables for ref in numbers_of(table))
    assert reader.recovered_small_counts() == []
    assert pinned_beyond_the_labels_alone(reader) == []
    assert_labels_are_true(reader.tables)
