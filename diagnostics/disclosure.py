"""Small counts in figures that are public or shared with a partner.

A count of 1 to 4 people could point at someone in a neighbourhood: it shows "< 5"
(primary suppression). A count of 0 is shown: it points at nobody. So that no total, no
difference and no other table of the same page gives a hidden count back, more numbers
are hidden (secondary suppression), the smallest that do.

How: the numbers of a table are the edges of a graph in which every total is the sum of
its parts: each row is a node, each column too, and a source S and a sink T close the
circuit (S → row total → row → cell → column → column total → T → grand total → S). The
values are a flow: at every node what comes in goes out. A reader who knows the shown
numbers knows a hidden one exactly when it is not on a cycle of hidden numbers (a bridge
of the hidden edges); otherwise the numbers of the cycle can all move together and keep
every sum true. So until every small count lies on such a cycle, the cheapest path of
shown numbers that closes one is hidden too.

Tables are linked when they share numbers: every breakdown of the accompaniments by age,
place, outcome… has the same monthly totals as the table of months (``same_columns_as``),
or the same grand total (``same_total_as``); the re-orientations refine the "réorientée"
row of the outcomes (``refine``). Shared numbers keep the hidden state the first table gave
them, and the cycles that protect a table's own numbers avoid them, so that no table lets
a reader undo another. The check is exact for what sums give away; it does not reason
about bounds (a count is never negative), as statistical offices' tools do.
"""

import heapq
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

THRESHOLD = 5
HIDDEN = "< 5"
# Hiding a 0 protects as well as hiding a 2, but costs the reader a true zero: the paths
# that close a cycle go through zeros only when nothing else does.
ZERO_COST = 10_000

TOTAL = ("total",)


def cell(row, column) -> tuple:
    return ("cell", row, column)


def row_total(row) -> tuple:
    return ("row", row)


def column_total(column) -> tuple:
    return ("column", column)


@dataclass(eq=False)
class Table:
    """Counts by row and column (a single column for a list, a single row for months),
    with the totals of each row and column and the grand total. ``rows`` and
    ``columns`` are (key, label) pairs; ``sensitive`` says whether the counts are of
    people (sessions and permanences are not, and are never hidden)."""

    title: str
    rows: list[tuple[Any, str]]
    columns: list[tuple[Any, str]]
    counts: dict[tuple[Any, Any], int]
    sensitive: bool = True
    hidden: set[tuple] = field(default_factory=set)

    def count(self, row, column) -> int:
        return self.counts.get((row, column), 0)

    def row_total(self, row) -> int:
        return self._row_totals.get(row, 0)

    def column_total(self, column) -> int:
        return self._column_totals.get(column, 0)

    @property
    def total(self) -> int:
        return sum(self._row_totals.values())

    # Computed once, at the first total asked for: the counts are complete by then.
    @cached_property
    def _row_totals(self) -> dict:
        return {
            row: sum(self.count(row, column) for column, _c in self.columns)
            for row, _r in self.rows
        }

    @cached_property
    def _column_totals(self) -> dict:
        return {
            column: sum(self.count(row, column) for row, _r in self.rows)
            for column, _c in self.columns
        }

    def value(self, ref: tuple) -> int:
        kind = ref[0]
        if kind == "cell":
            return self.count(ref[1], ref[2])
        if kind == "row":
            return self.row_total(ref[1])
        if kind == "column":
            return self.column_total(ref[1])
        return self.total

    def shown(self, ref: tuple) -> int | str:
        """The number as a reader sees it: the count, or "< 5"."""
        return HIDDEN if ref in self.hidden else self.value(ref)

    @property
    def shown_total(self) -> int | str:
        return self.shown(TOTAL)

    def lines(self) -> list[dict]:
        """Each row with its shown cells and its shown total, for a page or a CSV."""
        return [
            {
                "key": row,
                "label": label,
                "cells": [self.shown(cell(row, column)) for column, _c in self.columns],
                "total": self.shown(row_total(row)),
            }
            for row, label in self.rows
        ]

    def column_totals(self) -> list[int | str]:
        return [self.shown(column_total(column)) for column, _label in self.columns]

    def row_totals(self) -> list[dict]:
        """Each row with its shown total only: a list, or a table's margin."""
        return [
            {"key": row, "label": label, "value": self.shown(row_total(row))}
            for row, label in self.rows
        ]


def is_small(value: int) -> bool:
    return 0 < value < THRESHOLD


def difference(current: int | str, previous: int | str) -> int | str:
    """A change from one year to the next that gives away no hidden count."""
    if HIDDEN in (current, previous):
        return HIDDEN
    return current - previous


def ratio(part: int | str, whole: int | str) -> float | str | None:
    """A share that gives away no hidden count: hidden when either side is."""
    if HIDDEN in (part, whole):
        return HIDDEN
    return part / whole if whole else None


def protect(
    table: Table,
    *,
    same_columns_as: Table | None = None,
    same_total_as: Table | None = None,
    refine: Mapping[Any, Table] | None = None,
) -> Table:
    """Hide the small counts of ``table`` (and of the tables that ``refine`` its rows)
    and whatever would let a reader recover them. ``same_columns_as``: a one-row table,
    already protected, whose cells are this table's column totals (and whose total is
    this one's); ``same_total_as``: an already protected table with the same grand
    total."""
    tables = [table, *(refine or {}).values()]
    for each in tables:
        each.hidden = set()
    if not table.sensitive:
        return table
    graph = _Graph.of(table, refine or {})
    forced, frozen = _shared(table, same_columns_as, same_total_as)
    graph.suppress(forced={(table, ref) for ref in forced}, frozen={(table, ref) for ref in frozen})
    for owner, ref in graph.hidden_refs():
        owner.hidden.add(ref)
    return table


def _shared(table, same_columns_as, same_total_as) -> tuple[set, set]:
    """The numbers this table shares with one already protected: those hidden there, and
    all of them (which keep their state)."""
    forced, frozen = set(), set()
    reference = same_columns_as or same_total_as
    if reference is None:
        return forced, frozen
    frozen.add(TOTAL)
    if TOTAL in reference.hidden:
        forced.add(TOTAL)
    if same_columns_as is not None:
        (only_row, _label), *others = same_columns_as.rows
        if others:
            raise ValueError("same_columns_as takes a table of one row.")
        for column, _label in table.columns:
            frozen.add(column_total(column))
            if cell(only_row, column) in same_columns_as.hidden:
                forced.add(column_total(column))
    return forced, frozen


@dataclass(eq=False)
class _Edge:
    ends: tuple[Any, Any]
    refs: list[tuple[Table, tuple]]
    value: int


S, T = ("source",), ("sink",)


class _Graph:
    """The numbers of a table (and of those refining its rows) as the edges of a
    circulation; see the module's docstring."""

    def __init__(self):
        self.edges: list[_Edge] = []
        self.hidden: set[int] = set()
        self.adjacency: dict = {}

    @classmethod
    def of(cls, table: Table, refine: Mapping[Any, Table]) -> "_Graph":
        graph = cls()
        single_row, single_column = len(table.rows) == 1, len(table.columns) == 1

        def row_node(row):
            return S if single_row else ("row", row)

        def column_node(column):
            return T if single_column else ("column", column)

        # The totals of a single row (or column) are the grand total: one edge.
        total_refs = [(table, TOTAL)]
        if single_row:
            total_refs.append((table, row_total(table.rows[0][0])))
            if table.rows[0][0] in refine:
                total_refs.append((refine[table.rows[0][0]], TOTAL))
        if single_column:
            total_refs.append((table, column_total(table.columns[0][0])))
        graph.add(T, S, total_refs)
        for row, _label in table.rows:
            if not single_row:
                refs = [(table, row_total(row))]
                if row in refine:
                    refs.append((refine[row], TOTAL))
                graph.add(S, row_node(row), refs)
            if row in refine:
                graph.add_refinement(table, row, refine[row], row_node(row), column_node)
                continue
            for column, _c in table.columns:
                graph.add(row_node(row), column_node(column), [(table, cell(row, column))])
        if not single_column:
            for column, _label in table.columns:
                graph.add(column_node(column), T, [(table, column_total(column))])
        graph.contract()
        return graph

    def add_refinement(self, table: Table, row, sub: Table, parent, column_node):
        """``sub``'s rows split ``table``'s ``row`` (node ``parent``): its row totals leave
        that node, its column totals are that row's cells."""
        row_of = {key: ("sub", id(sub), "row", key) for key, _label in sub.rows}
        column_of = {key: ("sub", id(sub), "column", key) for key, _label in sub.columns}
        for key, _label in sub.rows:
            self.add(parent, row_of[key], [(sub, row_total(key))])
            for column, _c in sub.columns:
                self.add(row_of[key], column_of[column], [(sub, cell(key, column))])
        for column, _c in sub.columns:
            refs = [(table, cell(row, column)), (sub, column_total(column))]
            self.add(column_of[column], column_node(column), refs)

    def add(self, start, end, refs):
        owner, ref = refs[0]
        self.edges.append(_Edge((start, end), refs, owner.value(ref)))

    def contract(self):
        """Two numbers on either side of a node with no other edge are equal (what comes
        in goes out): merge them into one, hidden or shown together."""
        edges = list(self.edges)
        incident = defaultdict(set)
        for index, edge in enumerate(edges):
            for end in edge.ends:
                incident[end].add(index)
        waiting = [node for node in incident if node != T]
        while waiting:
            node = waiting.pop()
            indexes = incident.get(node, ())
            if node == T or len(indexes) != 2:
                continue
            indexes = list(indexes)
            first, second = (edges[index] for index in indexes)
            if first.ends[0] == first.ends[1] or second.ends[0] == second.ends[1]:
                continue
            ends = (_other(first, node), _other(second, node))
            edges.append(_Edge(ends, first.refs + second.refs, first.value))
            for index in indexes:
                for end in edges[index].ends:
                    incident[end].discard(index)
                edges[index] = None
            del incident[node]
            for end in ends:
                incident[end].add(len(edges) - 1)
            waiting.extend(ends)
        self.edges = [edge for edge in edges if edge is not None]

    def suppress(self, *, forced: set, frozen: set):
        frozen_edges = {i for i, edge in enumerate(self.edges) if frozen & set(edge.refs)}
        self.hidden = {i for i, edge in enumerate(self.edges) if forced & set(edge.refs)}
        self.hidden |= {i for i, edge in enumerate(self.edges) if is_small(edge.value)}
        sensitive = {i for i in self.hidden if is_small(self.edges[i].value)}
        self.adjacency = defaultdict(list)
        for index, edge in enumerate(self.edges):
            start, end = edge.ends
            self.adjacency[start].append((end, index))
            self.adjacency[end].append((start, index))
        while True:
            exposed = _bridges(self.edges, self.hidden - frozen_edges) & sensitive
            added = False
            for index in sorted(exposed):
                start, end = self.edges[index].ends
                path = self._cheapest_path({start}, {end}, frozen_edges | {index})
                if path:
                    self.hidden |= path
                    added = True
            if added:
                continue
            path = self._path_joining_shared(frozen_edges)
            if not path:
                return
            self.hidden |= path

    def _path_joining_shared(self, frozen_edges) -> set[int] | None:
        """The numbers shared with another table that are hidden must be joined by hidden
        numbers of this one that are not shared: else their sum here gives back what the
        other table hid. The sink counts when some of its edges are this table's own."""
        sink_is_free = any(
            T in edge.ends for index, edge in enumerate(self.edges) if index not in frozen_edges
        )
        terminals = []
        for index in sorted(self.hidden & frozen_edges):
            for end in self.edges[index].ends:
                if (end != T or sink_is_free) and end not in terminals:
                    terminals.append(end)
        component = _components(self.edges, self.hidden - frozen_edges)
        first = component.get(terminals[0], terminals[0]) if terminals else None
        apart = [end for end in terminals if component.get(end, end) != first]
        if not apart:
            return None
        sources = {node for node, group in component.items() if group == first}
        sources.add(terminals[0])
        return self._cheapest_path(sources, set(apart), frozen_edges)

    def _cheapest_path(self, sources, targets, excluded) -> set[int] | None:
        """The shown edges of the cheapest path from ``sources`` to ``targets``, over
        hidden edges (free) and shown ones (their value), avoiding ``excluded``; None
        when there is none."""
        queue = [(0, position, node) for position, node in enumerate(sources)]
        heapq.heapify(queue)
        best = dict.fromkeys(sources, 0)
        through: dict = {}
        pushed = len(queue)
        while queue:
            cost, _order, node = heapq.heappop(queue)
            if cost > best[node]:
                continue
            if node in targets:
                path = set()
                while node in through:
                    node, index = through[node]
                    path.add(index)
                return path - self.hidden
            for neighbour, index in self.adjacency[node]:
                if index in excluded:
                    continue
                step = 0 if index in self.hidden else (self.edges[index].value or ZERO_COST)
                if neighbour not in best or cost + step < best[neighbour]:
                    best[neighbour] = cost + step
                    through[neighbour] = (node, index)
                    pushed += 1
                    heapq.heappush(queue, (cost + step, pushed, neighbour))
        return None

    def hidden_refs(self):
        for index in self.hidden:
            yield from self.edges[index].refs


def _other(edge: _Edge, node):
    start, end = edge.ends
    return end if start == node else start


def _bridges(edges: list[_Edge], among: set[int]) -> set[int]:
    """The edges of ``among`` that lie on no cycle of ``among`` (Tarjan's bridges, for a
    multigraph: two edges between the same nodes make a cycle)."""
    adjacency = defaultdict(list)
    for index in among:
        start, end = edges[index].ends
        if start == end:
            continue  # a loop is its own cycle
        adjacency[start].append((end, index))
        adjacency[end].append((start, index))
    discovered, low, bridges = {}, {}, set()
    counter = 0
    for root in list(adjacency):
        if root in discovered:
            continue
        discovered[root] = low[root] = counter
        counter += 1
        stack = [(root, None, iter(adjacency[root]))]
        while stack:
            node, via, neighbours = stack[-1]
            advanced = False
            for neighbour, index in neighbours:
                if index == via:
                    continue
                if neighbour in discovered:
                    low[node] = min(low[node], discovered[neighbour])
                else:
                    discovered[neighbour] = low[neighbour] = counter
                    counter += 1
                    stack.append((neighbour, index, iter(adjacency[neighbour])))
                    advanced = True
                    break
            if advanced:
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[node])
                if low[node] > discovered[parent]:
                    bridges.add(via)
    return bridges


def _components(edges: list[_Edge], among: set[int]) -> dict:
    """Each node touched by ``among`` → a representative of its connected component."""
    parent: dict = {}

    def find(node):
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for index in among:
        start, end = edges[index].ends
        parent[find(start)] = find(end)
    return {node: find(node) for node in list(parent)}
