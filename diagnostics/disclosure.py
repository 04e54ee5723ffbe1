"""Small counts in figures that are public or shared with a partner.

A count of 1 to 4 people could point at someone in a neighbourhood: it shows "< 5"
(primary suppression). A count of 0 is shown: it points at nobody. So that no total, no
difference and no other table of the same page gives a hidden count back, more numbers
are hidden (secondary suppression), few and small ones; they show "masqué", not "< 5",
which would be untrue of them.

The reader: they know the shown numbers, that every total is the sum of its parts, and
what the labels say of the others: "< 5" is 1 to 4, "masqué" is at least 5 (a masked 0
is taken as known: a reader who guesses it loses nothing). A small count is protected
when another set of values fits all of that and gives it another value.

How: the numbers of a table are the edges of a graph in which every total is the sum of
its parts: each row is a node, each column too, and a source S and a sink T close the
circuit (S → row total → row → cell → column → column total → T → grand total → S; two
numbers on either side of a node with nothing else are one edge). The values are a
flow: at every node what comes in goes out. Another set of values fits the table
exactly when the numbers can move along a cycle of hidden numbers, each in a direction
its label allows (a cycle of the residual graph, in the words of network flows). So for
each small count in turn, the cheapest path of shown numbers that closes such a cycle
through it is hidden too (none when it lies on one already): then neither the sums (a
count on no cycle is their consequence) nor the bounds (two counts of 1 beside a total
that leaves 2 for them are both 1) tell it.

Linked tables share numbers: every breakdown of a bilan's accompaniments (by place, age,
neighbourhood, how people heard, autonomy, outcome) has the monthly totals and the grand
total of the table of months (``same_columns_as``); the tables of a diagnostic's demand
have the grand total of its months (``same_total_as``); the re-orientations split the
"réorientée" row of the outcomes (``refine``: one graph with it). ``protect_together``
protects the months and the tables linked to them at once. A shared number is an edge of
each of their graphs, hidden in all or in none, and a small count must be able to move
in all the tables at once: its cycle in its own table changes some shared numbers; the
months must take that change (a grand total that moves needs a month to move with it);
and every other table must follow, by a path of its own numbers that keeps its sums now
that its column totals or its total have moved. The search, for each small count:

- of the months: it moves with another month (the other way) or with the total (the
  same way); every partner is tried, with what each other table must hide to follow,
  and the cheapest pair kept;
- of a breakdown of the months: along a cycle of its own numbers, which no other table
  needs to follow; or through its sink, which it enters and leaves by two numbers shared
  with the months (every such pair is tried the same way), when that is cheaper or the
  only way (a 1 whose column's other counts cannot shrink: its month must grow with it);
- of a table that shares its total only: along its own numbers, or else through its
  total, a month of the months completing the change and the other tables following.

Hiding more never undoes a move found before (a number hidden can still take its value),
so one pass, count after count, protects them all. Each count keeps the move it found;
then, since what an early count needed may be needless once later ones are protected,
each secondary number, the dearest first, shows again when every count whose move used
it finds another among the numbers still hidden.

What is claimed: every small count for which a move within the labels was found can
take another value in a set of values that fits every table and every label of the page
(and so no sum, no bound, no linked table pins it, nor the sign of the counts). When no
such move is found, the count lies at least on a cycle of hidden numbers, so that no sum
gives it back, but the labels may pin it: either they alone give it away whatever is
hidden (four counts of 1 to 4 under a total of 1 to 4 are 1 each), or the move would
need what the search does not try (a cycle through a breakdown's sink twice, or another
table that could follow only through numbers it shares). What is not claimed: that the
numbers hidden are the fewest that would do (the search is greedy), nor anything across
pages or years beyond what each year's own tables show (``difference`` and ``ratio``
hide what a hidden number would give). tests/diagnostics/test_disclosure.py checks it
with an exact reader (LPs in integers, which know nothing of these graphs) on hundreds of
random pages and on a bilan and a diagnostic built from the database.
"""

import heapq
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

THRESHOLD = 5
HIDDEN = "< 5"  # a count of 1 to 4
MASKED = "masqué"  # any other number hidden so that none of those can be recovered
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
        """The number as a reader sees it: the count, "< 5" or "masqué"."""
        if ref not in self.hidden:
            return self.value(ref)
        return HIDDEN if is_small(self.value(ref)) else MASKED

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


def is_small(value: int) -> bool:
    return 0 < value < THRESHOLD


def is_hidden(value) -> bool:
    """Whether a number as shown is one of the markers rather than a number."""
    return value in (HIDDEN, MASKED)


def difference(current: int | str, previous: int | str) -> int | str:
    """A change from one year to the next that gives away no hidden count."""
    if is_hidden(current) or is_hidden(previous):
        return MASKED
    return current - previous


def ratio(part: int | str, whole: int | str) -> float | str | None:
    """A share that gives away no hidden count: hidden when either side is."""
    if is_hidden(part) or is_hidden(whole):
        return MASKED
    return part / whole if whole else None


def protect(table: Table, *, refine: Mapping[Any, Table] | None = None) -> Table:
    """Hide the small counts of ``table`` (and of the tables that ``refine`` its rows)
    and whatever would let a reader recover them. A table that shares numbers with
    others is protected with them: ``protect_together``."""
    _Group([(table, None, refine)]).suppress()
    return table


def protect_together(reference: Table, linked: Sequence[tuple[Table, Mapping[str, Any]]]) -> Table:
    """Protect ``reference`` and the tables that share numbers with it, at once. Each of
    ``linked`` is (table, options), options being ``{"same_columns_as": reference}``
    (``reference`` has one row, whose cells are the table's column totals and whose
    total is the table's) or ``{"same_total_as": reference}`` (the same grand total),
    and optionally ``"refine"`` (tables that split some of the table's rows)."""
    members = [(reference, None, None)]
    for table, options in linked:
        options = dict(options)
        refine = options.pop("refine", None)
        if len(options) != 1 or next(iter(options.values())) is not reference:
            raise ValueError("A linked table takes same_columns_as or same_total_as the reference.")
        link = next(iter(options))
        if link == "same_columns_as":
            if len(reference.rows) != 1:
                raise ValueError("same_columns_as takes a table of one row.")
            if [key for key, _l in table.columns] != [key for key, _l in reference.columns]:
                raise ValueError("same_columns_as takes a table with the same columns.")
            members.append((table, _COLUMNS, refine))
        elif link == "same_total_as":
            members.append((table, _TOTAL, refine))
        else:
            raise ValueError(f"Unknown link: {link}.")
    if len({table.sensitive for table, _link, _refine in members}) > 1:
        raise ValueError("Linked tables count the same things: all of people, or none.")
    _Group(members).suppress()
    return reference


_COLUMNS, _TOTAL = "columns", "total"
# What a reader is granted of a hidden number: what its label says (LABELS), or only
# that the sums hold (FREE: the last resort, when the labels alone give a count away).
LABELS, FREE = "labels", "free"
# The cycles through shared numbers tried for a count before giving up on its labels,
# each avoiding the shared numbers of those that other tables could not follow.
ATTEMPTS = 4


@dataclass(eq=False)
class _Edge:
    ends: tuple[Any, Any]
    refs: list[tuple[Table, tuple]]
    value: int


@dataclass
class _Path:
    cost: int
    steps: list[tuple[int, bool]]  # (edge, whether its number grows), from end to end
    shown: set[int]  # the edges of the path that are still shown


S, T = ("source",), ("sink",)


class _Group:
    """The graphs of tables protected together (see the module's docstring): the first
    is the reference; a number that another table shares with it is one edge in each,
    hidden in all or in none, and known by the reference's edge (its "key")."""

    def __init__(self, members: list[tuple[Table, str | None, Mapping | None]]):
        self.members = members
        self.graphs = [_Graph.of(table, refine or {}) for table, _link, refine in members]
        reference_table, reference = members[0][0], self.graphs[0]
        edge_of_number = {
            ref: index
            for index, edge in enumerate(reference.edges)
            for owner, ref in edge.refs
            if owner is reference_table and ref[0] in ("column", "total")
        }
        self.keys: list[list[int | None]] = [[None] * len(g.edges) for g in self.graphs]
        self.edge_of: list[dict[int, int]] = [{} for _graph in self.graphs]
        for g, (table, link, _refine) in enumerate(members[1:], 1):
            for index, edge in enumerate(self.graphs[g].edges):
                keys = {
                    edge_of_number[ref]
                    for owner, ref in edge.refs
                    if owner is table
                    and (ref == TOTAL or (link == _COLUMNS and ref[0] == "column"))
                }
                if len(keys) > 1:
                    raise ValueError(f"{table.title}: one number for two of the reference's.")
                if keys:
                    key = keys.pop()
                    self.keys[g][index] = self.keys[0][key] = key
                    self.edge_of[g][key], self.edge_of[0][key] = index, key
        self.shared = [{i for i, key in enumerate(keys) if key is not None} for keys in self.keys]
        # Hiding a shared number hides it in every table that shows it.
        for graph, keys in zip(self.graphs, self.keys, strict=True):
            for index, key in enumerate(keys):
                if key is not None:
                    graph.costs[index] *= len(self.holders(("shared", key)))
        # The reference of a bilan or a diagnostic is a table of one row: its cycles are
        # pairs of numbers, which can all be tried.
        self.paired = bool(self.edge_of[0]) and all(
            set(edge.ends) <= {S, T} for edge in reference.edges
        )
        # A breakdown of the months shares its column totals and its grand total, the
        # numbers of its sink: a cycle through shared numbers comes into the sink by one
        # and leaves it by another, and every such pair can be tried. (edge, its other
        # end, whether it leaves the sink) for each table whose sink is all shared.
        self.sink: list[list | None] = [None] * len(self.graphs)
        for g in range(1, len(self.graphs)):
            around = [
                (index, neighbour, leaves)
                for neighbour, index, leaves in self.graphs[g].adjacency[T]
                if neighbour != T
            ]
            if len(around) > 1 and all(self.keys[g][index] is not None for index, *_r in around):
                self.sink[g] = around
        # Whether the moves may use hidden numbers only (checking that they still exist).
        self.hidden_only = False

    def number(self, g: int, index: int) -> tuple:
        """A number of the page: ("shared", key), or (graph, edge) for a table's own."""
        key = self.keys[g][index]
        return (g, index) if key is None else ("shared", key)

    def holders(self, number: tuple) -> list[tuple[int, int]]:
        """Where a number of the page is an edge: (graph, edge) pairs."""
        if number[0] != "shared":
            return [number]
        key = number[1]
        return [(h, edge_of[key]) for h, edge_of in enumerate(self.edge_of) if key in edge_of]

    def hide(self, g: int, index: int) -> None:
        for h, other in self.holders(self.number(g, index)):
            self.graphs[h].hide(other)

    def suppress(self) -> None:
        tables = [
            each
            for table, _link, refine in self.members
            for each in (table, *(refine or {}).values())
        ]
        for table in tables:
            table.hidden = set()
        if not self.members[0][0].sensitive:
            return
        for g, graph in enumerate(self.graphs):
            for index, edge in enumerate(graph.edges):
                if is_small(edge.value):
                    self.hide(g, index)
        # One count after the other: hiding more never undoes what protects another
        # (a shown number that is hidden can still take its value), so one pass does.
        # Each count keeps what its move uses (its witness).
        witnesses = {}
        for g, graph in enumerate(self.graphs):
            for index, edge in enumerate(graph.edges):
                if not is_small(edge.value) or (g and self.keys[g][index] is not None):
                    continue  # a shared count is the reference's
                for mode in (LABELS, FREE):
                    move = self._move(g, index, mode)
                    if move is not None:
                        for h, other in move:
                            self.hide(h, other)
                        witnesses[(g, index, mode)] = {self.number(h, o) for h, o in move}
                        break
        self._show_again(witnesses)
        for graph in self.graphs:
            for index in graph.hidden:
                for owner, ref in graph.edges[index].refs:
                    owner.hidden.add(ref)

    def _show_again(self, witnesses: dict) -> None:
        """What an early count needed may be needless once later ones are protected:
        each number hidden that is not small, the dearest first, shows again when every
        count whose move used it finds another among the numbers still hidden."""
        users = defaultdict(set)
        for count, used in witnesses.items():
            for number in used:
                users[number].add(count)
        candidates = {}
        for g, graph in enumerate(self.graphs):
            for index in graph.hidden:
                if not is_small(graph.edges[index].value):
                    candidates.setdefault(self.number(g, index), graph.costs[index])
        self.hidden_only = True
        order = {number: position for position, number in enumerate(candidates)}
        for number in sorted(candidates, key=lambda each: (-candidates[each], order[each])):
            holders = self.holders(number)
            for h, index in holders:
                self.graphs[h].unhide(index)
            found = {}
            for count in sorted(users[number]):
                move = self._move(*count)
                if move is None:
                    break
                found[count] = {self.number(h, o) for h, o in move}
            else:
                for count, used in found.items():
                    for each in witnesses[count]:
                        users[each].discard(count)
                    witnesses[count] = used
                    for each in used:
                        users[each].add(count)
                continue
            for h, index in holders:
                self.graphs[h].hide(index)
        self.hidden_only = False

    def _passes(self) -> tuple[bool, ...]:
        # Whether to look among the hidden numbers only: first, and then anywhere.
        return (True,) if self.hidden_only else (True, False)

    def _move(self, g: int, x: int, mode: str) -> list[tuple[int, int]] | None:
        """The numbers (graph, edge) of a move of the count ``x`` of graph ``g``, which
        keeps every table's sums and every number within its label (or only the sums:
        ``FREE``), to be hidden; the cheapest found, preferring one of hidden numbers;
        None when none is found."""
        graph = self.graphs[g]
        start, end = graph.edges[x].ends
        if start == end and self.keys[g][x] is None:
            return []  # a number that is its own total: 1 to 4, it can move alone
        if g == 0 and self.paired:
            return self._move_of_the_reference(x, mode)
        # A cycle of this table's own numbers, which no other table needs to follow; or,
        # in a breakdown of the months, one through months already hidden when that is
        # cheaper, all tables counted.
        way = graph.cheapest_cycle(x, self.shared[g], mode, hidden_only=self.hidden_only)
        if way is not None and not way.shown:
            return [(g, index) for index, _grows in way.steps]
        if self.sink[g] is not None:
            bound = None if way is None else sum(graph.costs[index] for index in way.shown)
            through = self._move_through_the_sink(g, x, mode, bound)
            if through is not None:
                return through
        if way is not None:
            return [(g, index) for index, _grows in way.steps]
        if not self.shared[g] or self.sink[g] is not None:
            return None
        return self._move_through_shared(g, x, mode)

    def _move_of_the_reference(self, x: int, mode: str) -> list[tuple[int, int]] | None:
        """A count of a one-row reference moves with one other of its numbers (another
        month the other way, or the total the same way), or alone when it is its own
        total; every other table follows. The cheapest pair, all tables counted."""
        reference = self.graphs[0]
        start, end = reference.edges[x].ends
        for hidden_only in self._passes():
            cache: dict = {}
            partners = []  # (what hiding it costs, sign of x, the other, its sign)
            for sign in _signs(mode):
                if not reference.movable(x, sign > 0, mode):
                    continue
                if start == end:
                    partners.append((0, sign, None, 0))
                    continue
                for other, edge in enumerate(reference.edges):
                    if other == x:
                        continue
                    if edge.ends == (start, end):
                        other_sign = -sign
                    elif edge.ends == (end, start):
                        other_sign = sign
                    else:
                        continue
                    shown = other not in reference.hidden
                    if (hidden_only and shown) or not reference.movable(
                        other, other_sign > 0, mode
                    ):
                        continue
                    cost = reference.costs[other] if shown else 0
                    partners.append((cost, sign, other, other_sign))
            best = None
            for bound, sign, other, other_sign in sorted(partners, key=lambda each: each[0]):
                if best is not None and bound >= best[0]:
                    break  # what the other tables hide only adds to it
                change = {x: sign} if other is None else {x: sign, other: other_sign}
                followed = self._followed(0, x, change, {}, mode, hidden_only, cache, anchor=x)
                if followed is not None and (best is None or bound + followed[0] < best[0]):
                    pair = [(0, x)] if other is None else [(0, x), (0, other)]
                    best = (bound + followed[0], pair + followed[1])
            if best is not None:
                return best[1]
        return None

    def _move_through_the_sink(
        self, g: int, x: int, mode: str, bound: int | None = None
    ) -> list[tuple[int, int]] | None:
        """A cycle of graph ``g`` through ``x`` and, at the sink, two of the numbers it
        shares with the reference, which the reference and every other table follow:
        the cheapest, all tables counted, of every way in and out of the sink; None when
        none costs less than ``bound``."""
        graph = self.graphs[g]
        start, end = graph.edges[x].ends
        excluded = self.shared[g] | {x}
        for hidden_only in self._passes():
            cache: dict = {}
            best = None if bound is None else (bound, None)
            for sign in _signs(mode):
                if not graph.movable(x, sign > 0, mode):
                    continue
                # The flow goes on from the end of x (or its start, as x shrinks) and
                # comes back to its other end, through the sink.
                first, last = (end, start) if sign > 0 else (start, end)
                _reached, ahead, ahead_through = graph.search(
                    [first], None, excluded, mode, hidden_only=hidden_only
                )
                _reached, behind, behind_through = graph.search(
                    [last], None, excluded, mode, reverse=True, hidden_only=hidden_only
                )
                ins, outs = [], []
                for index, other, leaves in self.sink[g]:
                    shown = index not in graph.hidden
                    if hidden_only and shown:
                        continue
                    cost = graph.costs[index] if shown else 0
                    # Into the sink, a number that enters it grows; out of it, one that
                    # leaves it.
                    if other in ahead and graph.movable(index, not leaves, mode):
                        ins.append((ahead[other] + cost, index, not leaves, other))
                    if other in behind and graph.movable(index, leaves, mode):
                        outs.append((behind[other] + cost, index, leaves, other))
                pairs = sorted(
                    (way_in[0] + way_out[0], way_in[1], way_out[1], way_in, way_out)
                    for way_in in ins
                    for way_out in outs
                    if way_in[1] != way_out[1]
                )
                for cost, _in, _out, way_in, way_out in pairs:
                    if best is not None and cost >= best[0]:
                        break  # what the other tables hide only adds to it
                    _cost, index_in, grows_in, node_in = way_in
                    _cost, index_out, grows_out, node_out = way_out
                    steps = [
                        *graph.path_to(node_in, 0, ahead_through).steps,
                        (index_in, grows_in),
                        (index_out, grows_out),
                        *graph.path_to(node_out, 0, behind_through).steps,
                        (x, sign > 0),
                    ]
                    anchor = self.keys[g][index_in]
                    realised = self._realised(g, x, steps, mode, hidden_only, cache, anchor)
                    if realised is not None and (best is None or cost + realised[0] < best[0]):
                        own = [(g, index) for index, _grows in steps]
                        best = (cost + realised[0], own + realised[1])
            if best is not None and best[1] is not None:
                return best[1]
        return None

    def _move_through_shared(self, g: int, x: int, mode: str) -> list[tuple[int, int]] | None:
        """A cycle of graph ``g`` through ``x`` and some shared numbers, which the
        reference and every other table follow; the cheapest of each way round, avoiding
        after each failure the shared numbers that could not be followed."""
        graph = self.graphs[g]
        start, end = graph.edges[x].ends
        for hidden_only in self._passes():
            options = []
            for sign in _signs(mode):
                if not graph.movable(x, sign > 0, mode):
                    continue
                sources, targets = ({end}, {start}) if sign > 0 else ({start}, {end})
                excluded = {x}
                for _attempt in range(ATTEMPTS):
                    found = graph.path(sources, targets, excluded, mode, hidden_only=hidden_only)
                    if found is None:
                        break
                    steps = [*found.steps, (x, sign > 0)]
                    realised = self._realised(g, x, steps, mode, hidden_only)
                    if realised is not None:
                        own = [(g, index) for index, _grows in steps]
                        options.append((found.cost + realised[0], len(options), own + realised[1]))
                        break
                    used = {
                        index for index, _grows in found.steps if self.keys[g][index] is not None
                    }
                    if not used:
                        break
                    excluded = excluded | used
            if options:
                return min(options)[2]
        return None

    def _realised(self, g, x, steps, mode, hidden_only, cache=None, anchor=None):
        """What the other tables must hide to follow a cycle of graph ``g`` (``steps``):
        the change of the shared numbers on it, completed by the reference when it does
        not keep the reference's sums (a grand total alone needs a month), and closed in
        every other table by a path of its own numbers. (cost, [(graph, edge)]) or None."""
        change: dict[int, int] = defaultdict(int)
        for index, grows in steps:
            key = self.keys[g][index]
            if key is not None:
                change[key] += 1 if grows else -1
        change = {key: value for key, value in change.items() if value}
        full, cost, used = dict(change), 0, []
        if g and change:
            completed = self.graphs[0].close(change, set(change), mode, hidden_only)
            if completed is None:
                return None
            cost += completed.cost
            used += [(0, index) for index, _grows in completed.steps]
            for index, grows in completed.steps:
                full[index] = full.get(index, 0) + (1 if grows else -1)
        followed = self._followed(g, x, full, change, mode, hidden_only, cache, anchor)
        if followed is None:
            return None
        return cost + followed[0], used + followed[1]

    def _followed(self, origin, x, full, covered, mode, hidden_only, cache=None, anchor=None):
        """The cost and the numbers (graph, edge) of the paths by which every table but
        the reference closes the change ``full`` of the shared numbers (less, in the table
        ``origin``, what its own cycle already did: ``covered``), each of its own numbers
        only; None when one cannot. With a ``cache``, the searches from (or to) an end of
        the shared number ``anchor`` serve every path that starts (or ends) there."""
        cost, used = 0, []
        for h in range(1, len(self.graphs)):
            graph, edge_of = self.graphs[h], self.edge_of[h]
            left = {
                edge_of[key]: value - (covered.get(key, 0) if h == origin else 0)
                for key, value in full.items()
                if key in edge_of
            }
            left = {index: value for index, value in left.items() if value}
            if not left:
                continue
            excluded = self.shared[h] | {x} if h == origin else self.shared[h]
            anchors = set(graph.edges[edge_of[anchor]].ends) if anchor in edge_of else ()
            closed = graph.close(
                left, excluded, mode, hidden_only, cache=cache, anchors=anchors, key=h
            )
            if closed is None:
                return None
            cost += closed.cost
            used += [(h, index) for index, _grows in closed.steps]
        return cost, used


def _signs(mode: str) -> tuple[int, ...]:
    # Without the labels, a path goes both ways: one way round is enough.
    return (1, -1) if mode == LABELS else (-1,)


def _bounds(value: int) -> tuple[bool, bool]:
    """Whether a number, hidden (or about to be), can grow and shrink by one and still
    be what its label says: "< 5" is 1 to 4, "masqué" at least 5; a masked 0 is taken as
    known, since a reader who guesses it loses nothing."""
    if is_small(value):
        return value < THRESHOLD - 1, value > 1
    if value == 0:
        return False, False
    return True, value > THRESHOLD


class _Graph:
    """The numbers of a table (and of those refining its rows) as the edges of a
    circulation; see the module's docstring."""

    def __init__(self):
        self.edges: list[_Edge] = []
        self.hidden: set[int] = set()

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
        graph.prepare()
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
            # The merged number keeps the direction of its flow: into the node by one
            # edge, out by the other (the cycles that protect a count follow it).
            if first.ends[0] == node:
                first, second = second, first
            if first.ends[1] != node or second.ends[0] != node:
                continue  # both in or both out: not a number passed on (none is built)
            ends = (first.ends[0], second.ends[1])
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

    def prepare(self):
        """What the searches read: whether each number can grow and shrink within its
        label, the cost of hiding it (a 0 costs the reader a true zero: the paths go
        through zeros only when nothing else does), and for each node the edges a path
        can take from it, of every edge and of the hidden ones: (neighbour, edge,
        whether the edge leaves the node), and, forwards and backwards, (neighbour,
        edge, whether its number grows) for the moves that the labels allow."""
        self.up, self.down = [], []
        for edge in self.edges:
            up, down = _bounds(edge.value)
            self.up.append(up)
            self.down.append(down)
        self.costs = [edge.value or ZERO_COST for edge in self.edges]
        self.adjacency: dict = defaultdict(list)
        self.hidden_adjacency: dict = defaultdict(list)
        self.ways = (defaultdict(list), defaultdict(list))
        self.hidden_ways = (defaultdict(list), defaultdict(list))
        for index in range(len(self.edges)):
            self._add(self.adjacency, self.ways, index)

    def _add(self, adjacency: dict, ways: tuple, index: int) -> None:
        start, end = self.edges[index].ends
        if start == end:
            return  # a loop leads nowhere
        up, down = self.up[index], self.down[index]
        adjacency[start].append((end, index, True))
        adjacency[end].append((start, index, False))
        # Forwards, an edge that leaves the node grows; backwards, one that enters.
        forwards, backwards = ways
        if up:
            forwards[start].append((end, index, True))
            backwards[end].append((start, index, True))
        if down:
            forwards[end].append((start, index, False))
            backwards[start].append((end, index, False))

    def hide(self, index: int) -> None:
        if index not in self.hidden:
            self.hidden.add(index)
            self._add(self.hidden_adjacency, self.hidden_ways, index)

    def unhide(self, index: int) -> None:
        self.hidden.discard(index)
        for lists in (self.hidden_adjacency, *self.hidden_ways):
            for node in set(self.edges[index].ends):
                if node in lists:
                    lists[node] = [each for each in lists[node] if each[1] != index]

    def movable(self, index: int, grows: bool, mode: str) -> bool:
        if mode == FREE:
            return True
        return self.up[index] if grows else self.down[index]

    def cheapest_cycle(
        self, index: int, frozen: set, mode: str, *, hidden_only=False
    ) -> _Path | None:
        """The cheapest cycle through the hidden count ``index`` avoiding ``frozen``
        along which the numbers can move within what their labels allow, one of hidden
        numbers if there is one (then nothing more need be hidden), else the cheapest of
        the two ways round (``hidden_only``: None); with ``FREE``, a cycle whatever the
        labels; None when no cycle can be closed. The path closes the cycle: ``index``
        is not on it."""
        start, end = self.edges[index].ends
        excluded = frozen | {index}
        if mode == FREE:
            ways = [({start}, {end})]
        else:
            # Up: the count grows, and the flow comes back from its end to its start.
            ways = [
                (sources, targets)
                for grows, sources, targets in ((True, {end}, {start}), (False, {start}, {end}))
                if self.movable(index, grows, LABELS)
            ]
        for way in ways:
            found = self.path(*way, excluded, mode, hidden_only=True)
            if found is not None:
                return found
        if hidden_only:
            return None
        found = [self.path(*way, excluded, mode) for way in ways]
        found = [way for way in found if way is not None]
        if not found:
            return None
        return min(
            found,
            key=lambda way: (sum(self.edges[i].value for i in way.shown), sorted(way.shown)),
        )

    def close(
        self, change: dict, excluded: set, mode: str, hidden_only: bool, **cached
    ) -> _Path | None:
        """The cheapest paths of edges not ``excluded`` that keep every sum true once the
        numbers of ``change`` (edge → by how much) have changed: from each node that
        would receive too much to one that would give too much, each path in directions
        in which its numbers can move."""
        need: dict = defaultdict(int)  # how much more each node must take in
        for index, value in change.items():
            start, end = self.edges[index].ends
            need[start] += value
            need[end] -= value
        need = {node: value for node, value in need.items() if value}
        total = _Path(0, [], set())
        while need:
            sources = [node for node, value in need.items() if value < 0]
            targets = {node for node, value in need.items() if value > 0}
            found = self._closing(sources, targets, excluded, mode, hidden_only, **cached)
            if found is None:
                return None
            first, last, path = found
            total.cost += path.cost
            total.steps += path.steps
            total.shown |= path.shown
            for node, value in ((first, 1), (last, -1)):
                need[node] += value
                if not need[node]:
                    del need[node]
        return total

    def _closing(
        self, sources, targets, excluded, mode, hidden_only, cache=None, anchors=(), key=None
    ):
        """The cheapest path from one of ``sources`` to one of ``targets``: (its first
        node, its last, the path). With a ``cache``, a search from (or, backwards, to) a
        node of ``anchors`` serves every path that starts (or ends) there."""
        if cache is not None and len(sources) == 1 and len(targets) == 1:
            (source,), (target,) = sources, targets
            for node, other, reverse in ((target, source, True), (source, target, False)):
                if node in anchors:
                    entry = (key, node, reverse)
                    if entry not in cache:
                        _found, best, through = self.search(
                            [node], None, excluded, mode, reverse=reverse, hidden_only=hidden_only
                        )
                        cache[entry] = (best, through)
                    best, through = cache[entry]
                    if other not in best:
                        return None
                    return source, target, self.path_to(other, best[other], through)
        reached, best, through = self.search(
            sources, targets, excluded, mode, hidden_only=hidden_only
        )
        if reached is None:
            return None
        path = self.path_to(reached, best[reached], through)
        first = reached
        while first in through:
            first = through[first][0]
        return first, reached, path

    def path(self, sources, targets, excluded, mode, *, hidden_only=False) -> _Path | None:
        """The cheapest path from ``sources`` to ``targets`` avoiding ``excluded``, each
        edge in a direction in which its number can move (going along it, the number
        grows; against it, it shrinks): over hidden edges (free) and shown ones (their
        cost), or hidden ones only (``hidden_only``); None when there is none."""
        reached, best, through = self.search(
            sources, targets, excluded, mode, hidden_only=hidden_only
        )
        if reached is None:
            return None
        return self.path_to(reached, best[reached], through)

    def path_to(self, node, cost, through) -> _Path:
        steps = []
        while node in through:
            node, index, grows = through[node]
            steps.append((index, grows))
        return _Path(cost, steps, {index for index, _grows in steps} - self.hidden)

    def search(self, sources, targets, excluded, mode, *, reverse=False, hidden_only=False):
        """Dijkstra's search from ``sources`` (or, ``reverse``, towards them) until one of
        ``targets`` (or every node, when None): (the target reached or None, the cost
        of each node reached, and each node → (the node before it on its path, or after
        it when ``reverse``, the edge between them, whether that number grows))."""
        if mode == LABELS:
            ways = (self.hidden_ways if hidden_only else self.ways)[reverse]
        else:
            adjacency = self.hidden_adjacency if hidden_only else self.adjacency
            ways = {
                node: [
                    (neighbour, index, leaves is not reverse) for neighbour, index, leaves in edges
                ]
                for node, edges in adjacency.items()
            }
        hidden, costs = self.hidden, self.costs
        queue = [(0, position, node) for position, node in enumerate(sources)]
        heapq.heapify(queue)
        best = dict.fromkeys(sources, 0)
        through: dict = {}
        pushed = len(queue)
        while queue:
            cost, _order, node = heapq.heappop(queue)
            if cost > best[node]:
                continue
            if targets is not None and node in targets:
                return node, best, through
            for neighbour, index, grows in ways.get(node, ()):
                if index in excluded:
                    continue
                step = cost if index in hidden else cost + costs[index]
                if neighbour not in best or step < best[neighbour]:
                    best[neighbour] = step
                    through[neighbour] = (node, index, grows)
                    pushed += 1
                    heapq.heappush(queue, (step, pushed, neighbour))
        return None, best, through
