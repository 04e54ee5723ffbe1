"""The bilans as CSV files, in the conventions partners open in French Excel
(roseraie_portal/csv_files.py, ../shared/PRODUCT.md "CSV exports").

- The bilan: the tables of the page, one section per table (its title, a header row, its
  lines and their total), months as columns, then the year's total, last year's and the
  change. Counts under 5 are "< 5", and the numbers hidden to protect them "masqué", as
  on the page.
- The raw accompaniments: one anonymous row per accompaniment, the columns PRODUCT.md
  lists. PostgreSQL writes the rows itself (``COPY … TO STDOUT``), formulas already
  neutralised and themes joined, and they are passed on in chunks of about 64 KB as
  they arrive: nothing holds more than a chunk, whatever the number of rows.
"""

from collections.abc import Iterator
from datetime import date

from django.db import connection
from django.utils.translation import gettext as _
from psycopg import sql

from diagnostics.bilans import Bilan, Line, month_columns
from diagnostics.formats import figure, percent
from roseraie_portal.csv_files import (
    BOM,
    DELIMITER,
    FORMULA_TRIGGERS,
    MULTI_VALUE_SEPARATOR,
    NEUTRALISING_PREFIX,
    stream_sheet,
)
from services.selectors import Scope

RAW_COLUMNS = (
    "date",
    "structure",
    "lieu",
    "canal",
    "duree_minutes",
    "thematiques",
    "tranche_age",
    "quartier",
    "statut",
    "orientation_source",
    "resultat",
    "reoriente_vers",
    "autonomie",
)
CHUNK_BYTES = 64 * 1024


def bilan_rows(bilan: Bilan) -> Iterator[list]:
    """The bilan laid out as CSV rows."""
    yield [_("Bilan %(year)s : %(scope)s") % {"year": bilan.year, "scope": bilan.scope_label}]
    yield [
        _(
            "Les nombres de 1 à 4 personnes sont remplacés par « < 5 ». Quelques autres "
            "nombres, qui permettraient de les retrouver par soustraction, sont remplacés "
            "par « masqué »."
        )
    ]
    header = [
        "",
        *(label for _month, label in month_columns()),
        _("Total %(year)s") % {"year": bilan.year},
        _("Total %(year)s") % {"year": bilan.year - 1},
        _("Évolution"),
    ]
    for section in bilan.sections:
        yield []
        yield [section.title]
        if section.note:
            yield [section.note]
        yield header
        for line in section.lines:
            yield _line_row(line)
        if section.totals is not None:
            yield _line_row(section.totals)


def _line_row(line: Line) -> list:
    if line.is_rate:
        return [
            line.label,
            *(percent(value) for value in line.cells),
            percent(line.total),
            percent(line.previous),
            "",
        ]
    change = line.change
    return [
        line.label,
        *(_count(value) for value in line.cells),
        _count(line.total),
        _blank(line.previous),
        _blank(change),
    ]


def _count(value):
    """A number as such, so that a spreadsheet adds it up; a marker in the reader's words."""
    return figure(value) if isinstance(value, str) else value


def _blank(value):
    return "" if value is None else _count(value)


def stream_bilan(bilan: Bilan) -> Iterator[str]:
    return stream_sheet(bilan_rows(bilan))


def _neutralised(column: str) -> sql.Composable:
    """A text column as the CSV's cell: prefixed with ' when it starts like a formula."""
    triggers = sql.SQL(", ").join(sql.Literal(trigger) for trigger in FORMULA_TRIGGERS)
    name = sql.SQL(column)
    return sql.SQL(
        "CASE WHEN left({name}, 1) IN ({triggers}) THEN {prefix} || {name} ELSE {name} END"
    ).format(name=name, triggers=triggers, prefix=sql.Literal(NEUTRALISING_PREFIX))


def raw_query(*, year: int, scope: Scope) -> sql.Composed:
    """The COPY statement of a year's accompaniments in a scope, oldest first."""
    conditions = [
        sql.SQL("a.date BETWEEN {} AND {}").format(
            sql.Literal(date(year, 1, 1)), sql.Literal(date(year, 12, 31))
        )
    ]
    if not scope.everything:
        conditions.append(
            sql.SQL("a.structure_id = ANY({})").format(sql.Literal(sorted(scope.structure_ids)))
        )
    columns = [
        sql.SQL("a.date"),
        _neutralised("s.name"),
        _neutralised("l.name"),
        sql.SQL("a.canal"),
        sql.SQL("a.duration_minutes"),
        sql.SQL("array_to_string(a.themes, {})").format(sql.Literal(MULTI_VALUE_SEPARATOR)),
        sql.SQL("a.tranche_age"),
        sql.SQL("CASE WHEN a.residence = 'quartier' THEN {} ELSE a.residence END").format(
            _neutralised("q.name")
        ),
        sql.SQL("a.statut"),
        sql.SQL("a.orientation_source"),
        sql.SQL("a.resultat"),
        _neutralised("r.name"),
        sql.SQL("a.autonomie"),
    ]
    return sql.SQL(
        """COPY (
            SELECT {columns}
            FROM permanences_accompagnement AS a
            LEFT JOIN services_structure AS s ON s.id = a.structure_id
            LEFT JOIN services_lieu AS l ON l.id = a.lieu_id
            LEFT JOIN services_quartier AS q ON q.id = a.quartier_id
            LEFT JOIN services_structure AS r ON r.id = a.reoriente_vers_id
            WHERE {conditions}
            ORDER BY a.date, a.id
        ) TO STDOUT (FORMAT csv, DELIMITER {delimiter}, ENCODING 'UTF8')"""
    ).format(
        columns=sql.SQL(", ").join(columns),
        conditions=sql.SQL(" AND ").join(conditions),
        delimiter=sql.Literal(DELIMITER),
    )


def stream_raw(*, year: int, scope: Scope) -> Iterator[bytes]:
    """The raw CSV, as bytes: the BOM and the header, then PostgreSQL's rows in chunks
    of about CHUNK_BYTES, lines ending in CRLF like the portal's other CSV files."""
    yield (BOM + DELIMITER.join(RAW_COLUMNS) + "\r\n").encode()
    connection.ensure_connection()
    with (
        connection.connection.cursor() as cursor,
        cursor.copy(raw_query(year=year, scope=scope)) as copy,
    ):
        pending, size = [], 0
        for data in copy:
            pending.append(data)
            size += len(data)
            if size >= CHUNK_BYTES:
                yield b"".join(pending).replace(b"\n", b"\r\n")
                pending, size = [], 0
        if pending:
            yield b"".join(pending).replace(b"\n", b"\r\n")
