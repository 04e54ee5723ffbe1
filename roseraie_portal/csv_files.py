"""CSV files in the conventions partners open in French Excel: exports streamed out, and
files in the same conventions read back in (an import, the demo data).

The conventions (../shared/PRODUCT.md, "CSV exports"): UTF-8 with a BOM, ``;`` as
separator, one header row, dates as ``YYYY-MM-DD``, multi-valued cells joined with
`` | ``, and formula injection neutralised. Rows are written one at a time through
``csv.writer`` over a pseudo-buffer, so memory stays flat whatever the number of rows.

A column spec maps each header to a function of the row::

    COLUMNS = {"date": lambda row: row.day, "structure": lambda row: row.structure.name}
    return csv_response("passages.csv", queryset.iterator(chunk_size=1000), COLUMNS)
"""

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

BOM = "\ufeff"
DELIMITER = ";"
MULTI_VALUE_SEPARATOR = " | "
# A cell starting with one of these is read as a formula by spreadsheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISING_PREFIX = "'"

Columns = Mapping[str, Callable[[Any], Any]]


class _Echo:
    """The file-like object csv.writer needs: ``write`` hands the line back."""

    def write(self, value: str) -> str:
        return value


def neutralise(value: str) -> str:
    """``'=HYPERLINK(…)`` instead of ``=HYPERLINK(…)``: shown as text, never run."""
    if value.startswith(FORMULA_TRIGGERS):
        return NEUTRALISING_PREFIX + value
    return value


def unneutralise(value: str) -> str:
    """Undo :func:`neutralise` when reading back a CSV written by :func:`stream_csv`."""
    if value.startswith(NEUTRALISING_PREFIX) and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


def format_value(value: Any) -> str:
    """The text of a cell: dates ``YYYY-MM-DD``, lists joined with `` | ``, no ``None``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return MULTI_VALUE_SEPARATOR.join(format_value(item) for item in items)
    return str(value)


def cell(value: Any) -> str:
    """A value ready for the CSV. Numbers are ours, not text typed by someone: a negative
    longitude stays a number rather than being neutralised."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return str(value)
    return neutralise(format_value(value))


def stream_csv(rows: Iterable[Any], columns: Columns) -> Iterator[str]:
    """The CSV as chunks of text, one per row, the BOM and header first."""
    writer = csv.writer(_Echo(), delimiter=DELIMITER, lineterminator="\r\n")
    yield BOM + writer.writerow(list(columns))
    getters = list(columns.values())
    for row in rows:
        yield writer.writerow([cell(get(row)) for get in getters])


def stream_sheet(rows: Iterable[list[Any]]) -> Iterator[str]:
    """A CSV laid out by its caller (a report in sections, each with its own header row),
    in the same conventions: the BOM first, every cell through :func:`cell`."""
    writer = csv.writer(_Echo(), delimiter=DELIMITER, lineterminator="\r\n")
    yield BOM
    for row in rows:
        yield writer.writerow([cell(value) for value in row])


def read_records(text: str) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the records of a CSV text in these conventions (the BOM, when there,
    is dropped). Cells are as written: see ``cell_text`` and ``split_values``. Raises
    ``csv.Error`` on a text the csv module cannot read."""
    reader = csv.DictReader(io.StringIO(text.removeprefix(BOM), newline=""), delimiter=DELIMITER)
    records = list(reader)
    return list(reader.fieldnames or []), records


def cell_text(value: str | None) -> str:
    """A cell as the person meant it: trimmed, a neutralised formula restored."""
    return unneutralise((value or "").strip())


def split_values(value: str) -> list[str]:
    """A multi-valued cell's values (`` | ``-separated), without empty ones."""
    parts = (part.strip() for part in value.split(MULTI_VALUE_SEPARATOR.strip()))
    return [part for part in parts if part]


def csv_response(filename: str, rows: Iterable[Any], columns: Columns) -> StreamingHttpResponse:
    """A streamed download of ``rows``: pass a generator or ``.iterator(chunk_size=…)``."""
    return download(filename, stream_csv(rows, columns))


def download(filename: str, chunks: Iterable[str | bytes]) -> StreamingHttpResponse:
    """A CSV file streamed as it is written (chunks from :func:`stream_csv`,
    :func:`stream_sheet`, or bytes already in these conventions)."""
    response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
